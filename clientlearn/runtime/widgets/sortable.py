"""A drag-and-drop list for ordering questions (ipywidgets has none), with buttons and
keyboard moves for those who do not drag: see ``sortable.js``."""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

_HERE = Path(__file__).parent


class SortableList(anywidget.AnyWidget):
    """``items`` ({"id", "label"}) to place into ``order`` (ids, first to last)."""

    _esm = _HERE / "sortable.js"
    _css = _HERE / "sortable.css"

    items = traitlets.List(traitlets.Dict()).tag(sync=True)
    order = traitlets.List(traitlets.Unicode()).tag(sync=True)
    labels = traitlets.Dict().tag(sync=True)  # the UI's words, in the participant's language
