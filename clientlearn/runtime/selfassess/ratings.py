"""One statement's rating as a radio group named by the statement (anywidget).

ipywidgets' RadioButtons give each radio only its scale point for a name and no group,
so a screen reader hears "4 — agree" without the statement.  Here the radios are a
``role="radiogroup"`` whose name is the statement (``aria-label``); each radio is a Tab
stop as before, and the arrow keys move between the points too: see ``ratings.js``.
``value`` is the chosen point or ``None``, as RadioButtons'.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anywidget
import traitlets as t

__all__ = ["RatingGroup"]


class RatingGroup(anywidget.AnyWidget):
    """The scale's points (``options``: [label, value] pairs) for one ``statement``."""

    _esm = Path(__file__).parent / "ratings.js"
    _css = Path(__file__).parent / "ratings.css"

    options = t.List(t.Tuple(t.Unicode(), t.Int())).tag(sync=True)
    value = t.Int(None, allow_none=True).tag(sync=True)
    statement = t.Unicode("").tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)

    @t.validate("value")
    def _known(self, proposal: dict[str, Any]) -> int | None:
        value = proposal["value"]
        if value is not None and value not in [v for _, v in self.options]:
            raise t.TraitError(f"{value!r} is not a point of the scale")
        return value  # type: ignore[no-any-return]
