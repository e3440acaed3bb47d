"""Charts of one participant's self-assessment as SVG text, without matplotlib.

The view shows this one drawing in JupyterLab and in the browser's kernel (Pyodide,
which has no matplotlib): bars, colours, titles, axes, legends and, for the conflict
styles, the plane.  Every text that goes into the markup passes through
:func:`html.escape`; numbers are formatted here.  The drawing is ``role="img"`` named by
its title, so a screen reader announces it (axe-core's image rules need that name); the
interpretation under it says the same in words.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from html import escape

from clientlearn.runtime.questions import pick

from .chart import BLUE, GREY, ORANGE
from .messages import number, tr
from .model import Instrument, Kind
from .scoring import Profile, Result, rescale

__all__ = ["profile_svg"]

FONT = "DejaVu Sans, Verdana, sans-serif"
ROW = 42  # px per bar row: room for a label wrapped onto two lines
LABEL_W = 270  # px for the statements left of the bars
LINE = 14  # px between the lines of a wrapped label


def _e(text: str) -> str:
    return escape(text, quote=True)


def _text(x: float, y: float, text: str, **attrs: str | float) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{_e(str(v))}"' for k, v in attrs.items())
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{_e(text)}</text>'


def _wrapped(x: float, y: float, text: str, width: int, anchor: str = "end") -> str:
    lines = textwrap.wrap(text, width) or [text]
    top = y - (len(lines) - 1) * LINE / 2
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{top + k * LINE:.1f}">{_e(line)}</tspan>'
        for k, line in enumerate(lines)
    )
    return f'<text text-anchor="{anchor}" dominant-baseline="middle">{spans}</text>'


@dataclass(frozen=True)
class _Series:
    label: str
    values: list[float]
    colours: list[str]


@dataclass(frozen=True)
class _Axis:
    lo: float
    hi: float
    ticks: list[float]
    label: str
    decimals: int = 0


def _bars(
    x0: float,
    y0: float,
    width: float,
    labels: list[str],
    series: list[_Series],
    axis: _Axis,
    lang: str,
    *,
    notes: list[str] | None = None,
    mean: float | None = None,
) -> tuple[list[str], float]:
    """Horizontal bars (grouped when several series) from the top-left corner of the
    plotting area; the parts and the height they take."""
    height = ROW * len(labels)
    scale = width / (axis.hi - axis.lo)
    parts = [
        f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{width:.1f}" height="{height:.1f}" '
        'fill="none" stroke="#333" stroke-width="0.8"/>'
    ]
    band = 0.8 * ROW / len(series)
    for k, s in enumerate(series):
        for row, value in enumerate(s.values):
            middle = y0 + ROW * row + ROW / 2 + (k - (len(series) - 1) / 2) * band
            w = max(0.0, (value - axis.lo) * scale)
            parts.append(
                f'<rect x="{x0:.1f}" y="{middle - band / 2:.1f}" width="{w:.1f}" '
                f'height="{band:.1f}" fill="{_e(s.colours[row])}"/>'
            )
            if notes is not None:
                parts.append(_text(x0 + w + 3, middle, notes[row], dominant_baseline="middle"))
    for row, label in enumerate(labels):
        parts.append(_wrapped(x0 - 6, y0 + ROW * row + ROW / 2, label, 34))
    for tick in axis.ticks:
        x = x0 + (tick - axis.lo) * scale
        parts.append(
            f'<line x1="{x:.1f}" y1="{y0 + height:.1f}" x2="{x:.1f}" '
            f'y2="{y0 + height + 4:.1f}" stroke="#333"/>'
        )
        parts.append(
            _text(x, y0 + height + 17, number(tick, axis.decimals, lang), text_anchor="middle")
        )
    if mean is not None:
        x = x0 + (mean - axis.lo) * scale
        parts.append(
            f'<line x1="{x:.1f}" y1="{y0:.1f}" x2="{x:.1f}" y2="{y0 + height:.1f}" '
            f'stroke="{GREY}" stroke-dasharray="6 4"/>'
        )
    parts.append(_text(x0 + width / 2, y0 + height + 36, axis.label, text_anchor="middle"))
    return parts, height + 44


def _legend(x: float, y: float, items: list[tuple[str, str]], *, across: bool) -> list[str]:
    """Colour squares and labels: side by side, or one under another (long labels
    wrapped onto more lines); the legend's height is :func:`_legend_height`."""
    parts = []
    dy = 0.0
    for k, (label, colour) in enumerate(items):
        dx = k * 220 if across else 0
        lines = [label] if across else textwrap.wrap(label, 80) or [label]
        parts.append(
            f'<rect x="{x + dx:.1f}" y="{y + dy - 6:.1f}" width="14" height="12" '
            f'fill="{_e(colour)}"/>'
        )
        for n, line in enumerate(lines):
            parts.append(_text(x + dx + 20, y + dy + n * LINE, line, dominant_baseline="middle"))
        if not across:
            dy += 6 + LINE * len(lines)
    return parts


def _legend_height(items: list[tuple[str, str]]) -> float:
    return sum(6 + LINE * len(textwrap.wrap(label, 80) or [label]) for label, _ in items)


def _svg(title: str, width: float, height: float, parts: list[str]) -> str:
    body = "".join(parts)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{_e(title)}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="100%" style="max-width:{width:.0f}px" '
        f'font-family="{FONT}" font-size="12" fill="#111">'
        f'<rect width="100%" height="100%" fill="#fff"/>{body}</svg>'
    )


def _title(x: float, y: float, text: str) -> str:
    return _text(x, y, text, text_anchor="middle", font_size=14)


def profile_svg(result: Result, lang: str, *, other: Result | None = None) -> str:
    """The chart of a ready result as SVG; ``other`` is the confidence of the other
    phase.  Raises ValueError for a result without a profile, as the PNG chart does."""
    prof = result.profile
    if prof is None:
        raise ValueError("no profile yet: check result.ready before charting")
    kind = result.instrument.kind
    if kind is Kind.INDEX:
        return _index(result.instrument, prof, lang)
    if kind is Kind.MODES:
        return _modes(result.instrument, prof, lang)
    return _confidence(result, prof, lang, other)


def _index(ins: Instrument, prof: Profile, lang: str) -> str:
    index = rescale(prof.mean, ins.scale.min, ins.scale.max)
    items = [i for i in ins.items if i.id in prof.item_scores]
    values = [rescale(prof.item_scores[i.id], ins.scale.min, ins.scale.max) for i in items]
    groups = {i.dimension: ORANGE if i.reverse else BLUE for i in items}
    legend = [(pick(ins.dimension(d).title, lang), c) for d, c in groups.items()]
    title = tr("index_title", lang, index=number(index, 0, lang))
    top = 40 + _legend_height(legend)
    parts = [_title(400, 20, title), *_legend(40, 40, legend, across=False)]
    bars, height = _bars(
        LABEL_W,
        top,
        800 - LABEL_W - 20,
        [pick(i.short, lang) for i in items],
        [_Series("", values, [ORANGE if i.reverse else BLUE for i in items])],
        _Axis(0, 108, [float(t) for t in range(0, 101, 20)], tr("index_axis", lang)),
        lang,
        notes=[f"{v:.0f}" for v in values],
        mean=index,
    )
    return _svg(title, 800, top + height, parts + bars)


def _modes(ins: Instrument, prof: Profile, lang: str) -> str:
    dims = [d for d in ins.dimensions if d.id in prof.dimension_scores]
    scores = [prof.dimension_scores[d.id] for d in dims]
    scale = ins.scale
    parts = [_title(300, 20, tr("modes_title", lang))]
    bars, height = _bars(
        150,
        40,
        330,
        [pick(d.title, lang) for d in dims],
        [_Series("", scores, [BLUE] * len(scores))],
        _Axis(
            0,
            scale.max + 0.4,
            [float(t) for t in range(scale.min, scale.max + 1)],
            tr("mode_axis", lang),
        ),
        lang,
        notes=[number(s, 1, lang) for s in scores],
    )
    parts += bars
    # The plane: cooperativeness across, assertiveness up, (-1.6…1.6) × (-1.45…1.3).
    px, py, pw, ph = 620, 40, 440, 340
    x_axis, y_axis = ins.axes[-1], ins.axes[0]

    def at(x: float, y: float) -> tuple[float, float]:
        return px + (x + 1.6) / 3.2 * pw, py + (1.3 - y) / 2.75 * ph

    parts.append(_title(px + pw / 2, 20, tr("plane_title", lang)))
    parts.append(
        f'<rect x="{px}" y="{py}" width="{pw}" height="{ph}" fill="none" stroke="#333" '
        'stroke-width="0.8"/>'
    )
    cx, cy = at(0, 0)
    parts.append(f'<line x1="{px}" y1="{cy:.1f}" x2="{px + pw}" y2="{cy:.1f}" stroke="{GREY}"/>')
    parts.append(f'<line x1="{cx:.1f}" y1="{py}" x2="{cx:.1f}" y2="{py + ph}" stroke="{GREY}"/>')
    for d, s in zip(dims, scores, strict=True):
        x, y = at(d.position[x_axis.id], d.position[y_axis.id])
        r = (60 + 60 * (s - scale.min)) ** 0.5 / 1.2
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{BLUE}" fill-opacity="0.35"/>'
        )
        parts.append(_text(x, y + 22, pick(d.title, lang), text_anchor="middle"))
    you_x, you_y = at(prof.axes[x_axis.id], prof.axes[y_axis.id])
    parts.append(_star(you_x, you_y))
    parts.append(_text(you_x + 10, you_y + 14, tr("you", lang)))
    parts.append(
        _text(px + pw / 2, py + ph + 22, pick(x_axis.title, lang) + " →", text_anchor="middle")
    )
    parts.append(
        f'<text transform="translate({px - 10},{py + ph / 2}) rotate(-90)" '
        f'text-anchor="middle">{_e(pick(y_axis.title, lang) + " →")}</text>'
    )
    return _svg(tr("modes_title", lang), 1100, max(40 + height, py + ph + 40), parts)


def _star(x: float, y: float, r: float = 10.0) -> str:
    import math

    points = []
    for k in range(10):
        radius = r if k % 2 == 0 else r * 0.45
        angle = math.pi / 2 + k * math.pi / 5
        points.append(f"{x + radius * math.cos(angle):.1f},{y - radius * math.sin(angle):.1f}")
    return f'<polygon points="{" ".join(points)}" fill="{ORANGE}"/>'


def _confidence(result: Result, prof: Profile, lang: str, other: Result | None) -> str:
    ins = result.instrument
    items = list(ins.items)
    series = confidence_series(result, prof, lang, other)
    if len(series) > 1:
        title = tr("confidence_both", lang)
        legend = _legend(LABEL_W, 40, [(s[0], s[2]) for s in series], across=True)
    else:
        title = tr("confidence_title", lang, phase=series[0][0])
        legend = []
    top = 60 if legend else 40
    bars, height = _bars(
        LABEL_W,
        top,
        800 - LABEL_W - 20,
        [pick(i.short, lang) for i in items],
        [
            _Series(label, [float(s.get(i.id, 0)) for i in items], [colour] * len(items))
            for label, s, colour in series
        ],
        _Axis(
            0,
            ins.scale.max + 0.2,
            [float(t) for t in range(ins.scale.min, ins.scale.max + 1)],
            tr("confidence_axis", lang),
        ),
        lang,
    )
    return _svg(title, 800, top + height, [_title(400, 20, title), *legend, *bars])


def confidence_series(
    result: Result, prof: Profile, lang: str, other: Result | None
) -> list[tuple[str, dict[str, int], str]]:
    """The bars of a confidence chart, (label, item scores, colour) per phase shown: the
    earlier phase in grey, the later in colour."""
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
