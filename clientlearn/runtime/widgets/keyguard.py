"""Keeps a widget's control keys from JupyterLab's notebook shortcuts: see ``keyguard.js``.

In command mode JupyterLab takes the arrow keys pressed anywhere in a notebook to move
between cells, a focused drop-down's included, so a participant without a mouse could
not choose in a drop-down.  This invisible widget, placed in a clientlearn view, stops
those keys at the view (and only those: Ctrl+S and Shift+Enter still reach JupyterLab).
"""

from __future__ import annotations

from pathlib import Path

import anywidget

__all__ = ["KeyGuard"]


class KeyGuard(anywidget.AnyWidget):
    """An invisible widget; its view guards the ``.clientlearn`` element it is in."""

    _esm = Path(__file__).parent / "keyguard.js"
