"""The hand-in widget: the participant's name, once, and one file to hand in.

The name is kept in ``clientlearn.participant.json`` in the module's folder; a folder
without one takes the newest of its sibling folders' (the other module), so the name
is typed once for the course.  The button saves the notebook (JupyterLab's own
shortcut, sent by the view), then asks the kernel for the zip
(:func:`~clientlearn.runtime.handin.package.make_handin`), which the view hands to
the browser as a download.  In the browser's kernel the view also asks the browser to
keep the site's storage and warns when it will not (a private window).
"""

from __future__ import annotations

import io
import json
import pathlib
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import anywidget
import traitlets as t

from clientlearn.core.files import IN_BROWSER, replace_atomically

from .messages import MESSAGES, msg
from .name import NAME_FILE, read_name
from .package import handin_name, make_handin

__all__ = ["NAME_FILE", "HandIn", "read_name"]

_TEXTS = (
    "title",
    "name_label",
    "name_saved",
    "name_missing",
    "button",
    "explain",
    "storage_warning",
)


class HandIn(anywidget.AnyWidget):
    """The name field, the storage warning and the hand-in button."""

    _esm = pathlib.Path(__file__).parent / "handin.js"
    _css = pathlib.Path(__file__).parent / "handin.css"

    name = t.Unicode("").tag(sync=True)
    filename = t.Unicode("").tag(sync=True)
    status = t.Unicode("").tag(sync=True)
    texts = t.Dict().tag(sync=True)
    in_browser = t.Bool(IN_BROWSER).tag(sync=True)
    storage_kept = t.Bool(True).tag(sync=True)

    def __init__(self, folder: Path, lang: str = "uk", **kwargs: Any) -> None:
        self.folder = folder
        self.lang = lang
        super().__init__(
            name=read_name(folder),
            texts={key: MESSAGES[key].get(lang, MESSAGES[key]["uk"]) for key in _TEXTS},
            **kwargs,
        )
        self.filename = handin_name(folder.name, self.name or "…")
        self.observe(self._on_name, names="name")
        self.on_msg(self._message)

    def _on_name(self, change: dict[str, Any]) -> None:
        name = str(change["new"]).strip()
        self.filename = handin_name(self.folder.name, name or "…")
        if name:
            data = json.dumps({"name": name}, ensure_ascii=False) + "\n"
            try:
                replace_atomically(self.folder / NAME_FILE, data)
            except OSError as err:
                self.status = msg("failed", self.lang, error=err.strerror or err)

    def handin(self) -> tuple[str, bytes]:
        """The zip of this module, as the button makes it."""
        return make_handin(self.folder, self.name)

    def _message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict) or content.get("type") != "handin":
            return
        try:
            filename, data = self.handin()
        except OSError as err:
            self.status = msg("failed", self.lang, error=err.strerror or err)
            return
        self.send({"type": "download", "filename": filename}, [data])
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            count = len(archive.namelist())
        when = datetime.now().strftime("%H:%M:%S")
        self.status = msg("made", self.lang, file=filename, n=count, time=when)
