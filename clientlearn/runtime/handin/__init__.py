"""Handing in one file: the name widget, the hand-in zip and its manifest (issue #15).

* :func:`handin_view` — the widget a module's first notebook shows;
* :mod:`.package` — the zip and its manifest, which ``clientlearn collect`` checks.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .widget import HandIn

__all__ = ["handin_view"]


def handin_view(lang: str = "uk", folder: str | os.PathLike[str] | None = None) -> HandIn:
    """The hand-in widget for the module in ``folder`` (default: the notebook's)."""
    from .widget import HandIn  # anywidget loads only when a notebook shows it

    return HandIn(Path(folder) if folder is not None else Path.cwd(), lang)
