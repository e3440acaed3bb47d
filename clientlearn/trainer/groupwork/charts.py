"""Charts of the group-work summary (matplotlib, PNG).

Figures are made with ``matplotlib.figure.Figure`` directly, never pyplot: no global
figure state and no GUI backend in a kernel or on a server.  The font is DejaVu Sans,
which matplotlib ships and which has Cyrillic, so Ukrainian labels render everywhere.
Numbers on Ukrainian charts use the decimal comma.
"""

from __future__ import annotations

import io
import re
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from clientlearn.core.numbers import format_number
from clientlearn.runtime.groupwork.messages import msg
from clientlearn.runtime.groupwork.rubric import SCALE

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .summary import Summary

__all__ = ["png_bytes", "render_charts"]

# Level colours from weak to strong: colour-blind-safe, and distinct in greyscale print.
_LEVEL_COLOURS = ("#d7191c", "#fdae61", "#a6d96a", "#1a9641")
_BAR = "#2c7bb6"
_SOFT = "#fdae61"


def _style() -> AbstractContextManager[None]:
    from matplotlib import rc_context

    return rc_context({"font.family": "DejaVu Sans", "font.size": 10})


def _safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("._") or "exercise"


def _values(column: pd.Series[Any]) -> list[float]:
    """Numbers to draw: a missing mean (no scores) is drawn as an empty bar."""
    return [float(v) for v in column.astype("float64").fillna(0.0)]


def _number(value: float, digits: int, lang: str) -> str:
    return format_number(value, lang, digits=digits)


def _x_axis(ax: Axes, label: str, lang: str, *, integer: bool = False) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax.set_xlabel(label)
    if integer:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda x, _pos: _number(x, 0 if integer else 1, lang))
    )


def _figure(rows: int, *, width: float = 8.0) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, 1.4 + 0.45 * max(rows, 1)), layout="constrained")


def _means(ax: Axes, labels: list[str], means: list[float], counts: list[int], lang: str) -> None:
    """Horizontal bars of means on the 1–4 scale, each with its mean and n."""
    bars = ax.barh(labels, means, color=_BAR)
    ax.bar_label(
        bars,
        labels=[
            f"{_number(m, 2, lang)} (n={n})" if n else "—"
            for m, n in zip(means, counts, strict=True)
        ],
        padding=3,
    )
    ax.set_xlim(0, SCALE[-1] + 0.7)
    ax.set_xticks(list(SCALE))
    _x_axis(ax, msg("chart.mean_axis", lang), lang, integer=True)


def _criteria(summary: Summary, rid: str, lang: str) -> Figure:
    table = summary.by_criterion[summary.by_criterion["rubric"] == rid]
    fig = _figure(len(table))
    ax = fig.add_subplot()
    counts = [int(n) for n in table["n"]]
    _means(ax, list(table["title"])[::-1], _values(table["mean"])[::-1], counts[::-1], lang)
    ax.set_title(msg("chart.criteria", lang))
    return fig


def _distribution(summary: Summary, rid: str, lang: str) -> Figure:
    table = summary.by_criterion[summary.by_criterion["rubric"] == rid]
    rubric = summary.rubrics[rid]
    fig = _figure(len(table) + 1)
    ax = fig.add_subplot()
    titles = list(table["title"])[::-1]
    left = [0] * len(titles)
    for level, colour in zip(SCALE, _LEVEL_COLOURS, strict=True):
        counts = [int(c) for c in list(table[f"n_{level}"])[::-1]]
        ax.barh(
            titles,
            counts,
            left=left,
            color=colour,
            label=f"{level} · {rubric.level_name(level, lang)}",
        )
        left = [a + b for a, b in zip(left, counts, strict=True)]
    _x_axis(ax, msg("chart.count_axis", lang), lang, integer=True)
    ax.set_title(msg("chart.distribution", lang))
    fig.legend(loc="outside lower center", ncols=2, frameon=False)
    return fig


def _participants(summary: Summary, rid: str, lang: str) -> Figure:
    table = summary.by_participant[summary.by_participant["rubric"] == rid]
    table = table.sort_values("observed_name", kind="stable")
    fig = _figure(len(table))
    ax = fig.add_subplot()
    counts = [int(n) for n in table["n_observations"]]
    names = [str(n) for n in table["observed_name"]]
    _means(ax, names[::-1], _values(table["mean"])[::-1], counts[::-1], lang)
    ax.set_title(msg("chart.participants", lang))
    return fig


def _consensus(summary: Summary, exercise: str, lang: str) -> Figure:
    steps = summary.consensus[summary.consensus["exercise"] == exercise]
    groups = summary.distances[summary.distances["exercise"] == exercise]
    fig = _figure(len(steps) + len(groups) + 2, width=8.5)
    top, bottom = fig.subplots(2, 1, height_ratios=[max(len(steps), 1), max(len(groups), 1)])
    labels = [f"{r}. {s}" for r, s in zip(steps["rank"], steps["step"], strict=True)][::-1]
    points = [float(p) for p in steps["points"]][::-1]
    bars = top.barh(labels, points, color=_BAR)
    top.bar_label(
        bars,
        labels=[_number(p, 1, lang).removesuffix(",0").removesuffix(".0") for p in points],
        padding=3,
    )
    _x_axis(top, msg("chart.points_axis", lang), lang, integer=True)
    top.set_title(msg("chart.consensus", lang, exercise=exercise))
    names = [msg("chart.group_n", lang, n=int(n)) for n in groups["group"]][::-1]
    distances = [float(d) for d in groups["distance"]][::-1]
    bars = bottom.barh(names, distances, color=_SOFT)
    bottom.bar_label(bars, labels=[_number(d, 2, lang) for d in distances], padding=3)
    bottom.set_xlim(0, 1.1)
    _x_axis(bottom, msg("chart.distance_axis", lang), lang)
    bottom.set_title(msg("chart.distances", lang))
    return fig


def render_charts(summary: Summary, *, lang: str = "uk") -> dict[str, Figure]:
    """Every chart the summary has data for, by file name."""
    charts: dict[str, Figure] = {}
    with _style():
        for rid in summary.rubrics:
            scored = summary.by_criterion.loc[summary.by_criterion["rubric"] == rid, "n"]
            if scored.sum() == 0:
                continue
            charts[f"{rid}-criteria.png"] = _criteria(summary, rid, lang)
            charts[f"{rid}-distribution.png"] = _distribution(summary, rid, lang)
            charts[f"{rid}-participants.png"] = _participants(summary, rid, lang)
        for exercise in dict.fromkeys(summary.consensus["exercise"]):
            charts[f"consensus-{_safe_name(exercise)}.png"] = _consensus(summary, exercise, lang)
    return charts


def png_bytes(fig: Figure) -> bytes:
    """The figure as PNG, without a timestamp, so the same data gives the same file."""
    buffer = io.BytesIO()
    with _style():
        fig.savefig(buffer, format="png", dpi=120, metadata={"Software": None})
    return buffer.getvalue()
