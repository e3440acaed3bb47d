"""What the self-assessment charts share: the colours, and for the trainer's matplotlib
charts of a class (:mod:`clientlearn.trainer.selfassess.classchart`) the fonts, tick
labels and PNG rendering.

A participant's own chart is SVG (:mod:`.svgchart`), drawn without matplotlib in
JupyterLab and in the browser's kernel alike.  The trainer's figures are built with
:class:`matplotlib.figure.Figure` directly, never through pyplot, so nothing is
registered with a notebook's inline backend.  Text uses DejaVu Sans, which ships with
matplotlib and has every Cyrillic letter and the ’ apostrophe.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .messages import number

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FONT: dict[Any, Any] = {
    "font.family": "DejaVu Sans",
    "axes.unicode_minus": True,
    "svg.fonttype": "path",
}
# Colour-blind-safe pair (Okabe–Ito blue and orange) and a neutral grey.
BLUE, ORANGE, GREY = "#0072B2", "#E69F00", "#999999"


@contextmanager
def font() -> Iterator[None]:
    """Fonts that render Cyrillic, for building and for saving a figure."""
    import matplotlib

    with matplotlib.rc_context(FONT):
        yield


def wrap(text: str, width: int = 34) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def local_ticks(axis: Any, lang: str) -> None:
    """Tick labels with a decimal comma in Ukrainian (matplotlib writes "2.5")."""
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda value, _pos: number(value, 1, lang)))


def to_png(fig: Figure, dpi: int = 100) -> bytes:
    """The figure as PNG bytes."""
    buffer = io.BytesIO()
    with font():
        fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def texts(fig: Figure) -> list[str]:
    """Every non-empty text drawn in ``fig`` (titles, tick labels, annotations)."""
    from matplotlib.text import Text

    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


__all__ = [
    "BLUE",
    "FONT",
    "GREY",
    "ORANGE",
    "font",
    "local_ticks",
    "texts",
    "to_png",
    "wrap",
]
