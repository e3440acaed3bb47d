"""Handing in one file: the name widget, the hand-in zip and its manifest (issue #15).

* :func:`handin_view` — the widget a module's first notebook shows;
* :mod:`.package` — the zip and its manifest, which ``clientlearn collect`` checks.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from clientlearn.runtime.static import StaticView, graded_run

if TYPE_CHECKING:
    from .widget import HandIn

__all__ = ["handin_view"]


def handin_view(
    lang: str = "uk", folder: str | os.PathLike[str] | None = None
) -> HandIn | StaticView:
    """The hand-in widget for the module in ``folder`` (default: the notebook's)."""
    where = Path(folder) if folder is not None else Path.cwd()
    if graded_run():  # nobody can click (clientlearn.runtime.static): the name as text
        from .messages import msg
        from .name import read_name

        name = read_name(where)
        line = msg("graded_name", lang, name=name) if name else msg("graded_no_name", lang)
        return StaticView(msg("title", lang), [line])
    from .widget import HandIn  # anywidget loads only when a notebook shows it

    return HandIn(where, lang)
