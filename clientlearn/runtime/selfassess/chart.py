"""Charts of one participant's self-assessment (matplotlib, no pyplot).

Figures are built with :class:`matplotlib.figure.Figure` directly, never through
pyplot, so nothing is registered with the notebook's inline backend and nothing is
displayed behind the caller's back.  Text uses DejaVu Sans, which ships with
matplotlib and has every Cyrillic letter and the ’ apostrophe.  The caller renders a
figure with :func:`to_png` (or ``savefig``) and keeps the figure to inspect it.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from clientlearn.runtime.questions import pick

from .messages import number, tr
from .model import Instrument, Kind
from .scoring import Profile, Result, rescale

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


def profile_figure(result: Result, lang: str, *, other: Result | None = None) -> Figure:
    """The chart of a ready result; ``other`` is the confidence of the other phase.

    Raises ValueError for a result without a profile: callers check ``result.ready``.
    """
    prof = result.profile
    if prof is None:
        raise ValueError("no profile yet: check result.ready before charting")
    with font():
        kind = result.instrument.kind
        if kind is Kind.INDEX:
            return _index_figure(result.instrument, prof, lang)
        if kind is Kind.MODES:
            return _modes_figure(result.instrument, prof, lang)
        return _confidence_figure(result, prof, lang, other)


def _height(n: int) -> float:
    return 1.4 + 0.42 * n


def _index_figure(ins: Instrument, prof: Profile, lang: str) -> Figure:
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    index = rescale(prof.mean, ins.scale.min, ins.scale.max)
    items = [i for i in ins.items if i.id in prof.item_scores]
    fig = Figure(figsize=(8, _height(len(items))), layout="constrained")
    ax = fig.add_subplot()
    values = [rescale(prof.item_scores[i.id], ins.scale.min, ins.scale.max) for i in items]
    colours = [ORANGE if i.reverse else BLUE for i in items]
    labels = [wrap(pick(i.short, lang)) for i in items]
    ax.barh(range(len(items)), values, color=colours)
    for row, v in enumerate(values):
        ax.annotate(f"{v:.0f}", (v, row), xytext=(3, 0), textcoords="offset points", va="center")
    ax.set_yticks(range(len(items)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 108)
    ax.set_xticks(range(0, 101, 20))
    ax.axvline(index, color=GREY, linestyle="--")
    ax.set_xlabel(tr("index_axis", lang))
    ax.set_title(tr("index_title", lang, index=number(index, 0, lang)))
    groups = {i.dimension: ORANGE if i.reverse else BLUE for i in items}
    ax.legend(
        handles=[
            Patch(color=c, label=wrap(pick(ins.dimension(d).title, lang), 40))
            for d, c in groups.items()
        ],
        loc="lower center",
        bbox_to_anchor=(0.5, 1.08),
        ncols=1,
        frameon=False,
    )
    return fig


def _modes_figure(ins: Instrument, prof: Profile, lang: str) -> Figure:
    from matplotlib.figure import Figure

    dims = [d for d in ins.dimensions if d.id in prof.dimension_scores]
    fig = Figure(figsize=(11, 4.6), layout="constrained")
    bars, plane = fig.subplots(1, 2, width_ratios=(1.1, 1))
    scores = [prof.dimension_scores[d.id] for d in dims]
    bars.barh(range(len(dims)), scores, color=BLUE)
    bars.set_yticks(range(len(dims)), [pick(d.title, lang) for d in dims])
    bars.invert_yaxis()
    bars.set_xlim(0, ins.scale.max + 0.4)
    bars.set_xticks(range(ins.scale.min, ins.scale.max + 1))
    bars.set_xlabel(tr("mode_axis", lang))
    bars.set_title(tr("modes_title", lang))
    for row, s in enumerate(scores):
        bars.annotate(
            number(s, 1, lang), (s, row), xytext=(3, 0), textcoords="offset points", va="center"
        )
    x_axis, y_axis = ins.axes[-1], ins.axes[0]  # cooperativeness across, assertiveness up
    for d, s in zip(dims, scores, strict=True):
        x, y = d.position[x_axis.id], d.position[y_axis.id]
        plane.scatter([x], [y], s=60 + 60 * (s - ins.scale.min), color=BLUE, alpha=0.35)
        plane.annotate(
            pick(d.title, lang), (x, y), xytext=(0, -20), textcoords="offset points", ha="center"
        )
    you = (prof.axes[x_axis.id], prof.axes[y_axis.id])
    plane.scatter([you[0]], [you[1]], marker="*", s=220, color=ORANGE, zorder=3)
    plane.annotate(tr("you", lang), you, xytext=(8, -12), textcoords="offset points")
    plane.set_xlim(-1.6, 1.6)
    plane.set_ylim(-1.45, 1.3)
    plane.axhline(0, color=GREY, linewidth=0.6)
    plane.axvline(0, color=GREY, linewidth=0.6)
    plane.set_xticks([])
    plane.set_yticks([])
    plane.set_xlabel(pick(x_axis.title, lang) + " →")
    plane.set_ylabel(pick(y_axis.title, lang) + " →")
    plane.set_title(tr("plane_title", lang))
    return fig


def _confidence_figure(result: Result, prof: Profile, lang: str, other: Result | None) -> Figure:
    from matplotlib.figure import Figure

    ins = result.instrument
    items = list(ins.items)
    fig = Figure(figsize=(8, _height(len(items))), layout="constrained")
    ax = fig.add_subplot()
    series = confidence_series(result, prof, lang, other)
    height = 0.8 / len(series)
    for k, (label, scores, colour) in enumerate(series):
        ys = [i + (k - (len(series) - 1) / 2) * height for i in range(len(items))]
        xs = [scores.get(item.id, 0) for item in items]
        ax.barh(ys, xs, height=height, color=colour, label=label)
    ax.set_yticks(range(len(items)), [wrap(pick(i.short, lang)) for i in items])
    ax.invert_yaxis()
    ax.set_xlim(0, ins.scale.max + 0.2)
    ax.set_xticks(range(ins.scale.min, ins.scale.max + 1))
    ax.set_xlabel(tr("confidence_axis", lang))
    if len(series) > 1:
        ax.set_title(tr("confidence_both", lang))
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.04), ncols=2, frameon=False)
    else:
        ax.set_title(tr("confidence_title", lang, phase=series[0][0]))
    return fig


def confidence_series(
    result: Result, prof: Profile, lang: str, other: Result | None
) -> list[tuple[str, dict[str, int], str]]:
    """The bars of a confidence chart, (label, item scores, colour) per phase shown: the
    earlier phase in grey, the later in colour, whichever view asks (PNG or SVG)."""
    ins = result.instrument
    mine = (_phase_title(ins, result.phase, lang), dict(prof.item_scores))
    if other is None or other.profile is None or other.phase == result.phase:
        return [(*mine, BLUE)]
    theirs = (_phase_title(ins, other.phase, lang), dict(other.profile.item_scores))
    if _phase_order(ins, other.phase) < _phase_order(ins, result.phase):
        return [(*theirs, GREY), (*mine, BLUE)]
    return [(*mine, GREY), (*theirs, BLUE)]


def _phase_title(ins: Instrument, phase: str | None, lang: str) -> str:
    return pick(ins.phase(phase).title, lang) if phase in {p.id for p in ins.phases} else ""


def _phase_order(ins: Instrument, phase: str | None) -> int:
    ids = [p.id for p in ins.phases]
    return ids.index(phase) if phase in ids else len(ids)


__all__ = [
    "FONT",
    "confidence_series",
    "font",
    "local_ticks",
    "profile_figure",
    "texts",
    "to_png",
    "wrap",
]
