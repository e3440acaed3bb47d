"""What the group-work forms share: saving, the saved-answer output, and typing.

A form is an ``ipywidgets.VBox`` displayed like a question view: the widget and,
under it, a small output with the saved record (mimetype
:data:`clientlearn.runtime.store.MIMETYPE`) that JupyterLab keeps in the ``.ipynb``, so a lone
notebook still carries the group's answer.

Text areas sync on every keystroke (a long group answer must not wait for the field
to lose focus), but the store is written at most once per :data:`TYPING_DELAY_S`:
the first keystroke schedules a save on the kernel's event loop and later ones join
it, so the text is on disk within a second of the last keystroke.  Without a running
event loop (tests, scripts) every change is saved at once.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as w

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.i18n import tr
from clientlearn.runtime.store import AnswerStore, Record, record_bundle
from clientlearn.runtime.widgets.recorded import RecordedView

from .messages import msg
from .people import Group, read_groups_csv

TYPING_DELAY_S = 0.8


def read_groups(
    groups_csv: str | os.PathLike[str] | None, folder: Path, lang: str
) -> tuple[list[Group] | None, str]:
    """The groups of ``groups_csv`` (relative to ``folder``) and a notice for people.

    A missing or bad file gives no groups and a notice saying why: the form then asks
    for the group by number, so a class is never stopped by the trainer's file.
    """
    if groups_csv is None:
        return None, ""
    path = Path(groups_csv)
    try:
        return read_groups_csv(path if path.is_absolute() else folder / path), ""
    except ClientlearnError as err:
        return None, msg("no_groups_file", lang, error=err.text(lang).splitlines()[0])


class Debounce:
    """Run ``action`` once, :data:`TYPING_DELAY_S` after the first of a burst of calls."""

    def __init__(self, action: Callable[[], None], delay: float = TYPING_DELAY_S) -> None:
        self.action = action
        self.delay = delay
        self._pending: asyncio.TimerHandle | None = None

    def __call__(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.action()
            return
        if self._pending is None:
            self._pending = loop.call_later(self.delay, self._fire)

    def _fire(self) -> None:
        self._pending = None
        self.action()

    def cancel(self) -> None:
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None


class AnswerForm(RecordedView):
    """Base of the forms: subclasses build the controls, ``read()`` the value and
    ``show()`` a saved value; ``qid`` is the answer id the form saves under."""

    def __init__(self, store: AnswerStore, *, lang: str) -> None:
        super().__init__(layout=w.Layout(margin="0.5em 0"))
        self.add_class("clientlearn")
        self.store = store
        self.lang = lang
        self.record: Record | None = None
        self.status = w.HTML(value="")
        # A problem with what was typed (read() sets it), shown until it is fixed.
        self.problem = ""
        self._restoring = False
        self._typing = Debounce(self.save_now)

    # --- per-form hooks --------------------------------------------------------
    @property
    def qid(self) -> str | None:
        raise NotImplementedError

    def read(self) -> Any:
        """The value the form shows now; ``None`` when nothing is given yet."""
        raise NotImplementedError

    def as_text(self) -> str:
        raise NotImplementedError

    # --- saving ------------------------------------------------------------------
    def restore(self, record: Record | None, show: Callable[[Any], None]) -> None:
        """Show a saved record without saving it again."""
        self.record = record
        if record is None:
            return
        self._restoring = True
        try:
            show(record.value)
        finally:
            self._restoring = False
        self.publish()

    def changed(self, *_: Any) -> None:
        """A choice was made: save at once (and any pending typing with it)."""
        if not self._restoring:
            self._typing.cancel()
            self.save_now()

    def typed(self, *_: Any) -> None:
        """Text was typed: save shortly (see the module docstring)."""
        if not self._restoring:
            self._typing()

    def save_now(self) -> None:
        self.problem = ""
        qid = self.qid
        value = self.read()
        if qid is None or (value is None and self.record is None):
            self.show_status()
            return
        self.save_record(qid, value)

    def bundle(self) -> dict[str, Any]:
        """The saved-answer output; without an answer id yet, only a line for people
        (an output naming no question must not reach nbgrader's harvest)."""
        qid = self.qid
        if qid is None:
            return {"text/plain": tr("not_answered_yet", self.lang)}
        return record_bundle(qid, self.record, self.lang)

    def publish(self) -> None:
        """Refresh the saved-answer output and the notices."""
        self.refresh_output()
        self.show_status()

    def show_status(self, note: str = "") -> None:
        self.show_notices([note] if note else [])
