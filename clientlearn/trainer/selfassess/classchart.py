"""Charts of a class's self-assessments, for the trainer (matplotlib, no pyplot).

One figure per instrument with answers:

* an index instrument — the distribution of the index with the band limits, and the
  class mean per sign (0–100);
* a modes instrument — the spread of each mode's score (box plot) with its mean;
* an instrument asked in phases — each skill's mean in the first and the last phase
  over the participants who answered both (the pairs of the ``change`` table).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clientlearn.runtime.questions import pick
from clientlearn.runtime.selfassess.chart import BLUE, GREY, ORANGE, font, local_ticks, wrap
from clientlearn.runtime.selfassess.messages import tr
from clientlearn.runtime.selfassess.model import Instrument, Kind
from clientlearn.runtime.selfassess.scoring import rescale

from .summary import ClassSummary

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def class_figures(summary: ClassSummary) -> dict[str, Figure]:
    """``{instrument_id: figure}`` for every instrument someone answered."""
    out: dict[str, Figure] = {}
    with font():
        for ins in summary.instruments.values():
            scores = summary.scores[summary.scores["instrument"] == ins.id]
            if scores.empty:
                continue
            if ins.phases:
                fig = _change_figure(ins, summary)
                if fig is not None:
                    out[ins.id] = fig
            elif ins.kind is Kind.INDEX:
                out[ins.id] = _index_figure(ins, summary)
            else:
                out[ins.id] = _modes_figure(ins, summary)
    return out


def _index_figure(ins: Instrument, summary: ClassSummary) -> Figure:
    from matplotlib.figure import Figure

    lang = summary.lang
    scores = summary.scores[summary.scores["instrument"] == ins.id]
    index = scores[scores["measure"] == "index"]["value"]
    fig = Figure(figsize=(12, 5), layout="constrained")
    hist, signs = fig.subplots(1, 2, width_ratios=(1, 1.3))
    hist.hist(list(index), bins=list(range(0, 101, 10)), color=BLUE, edgecolor="white")
    for band in ins.bands[1:]:
        hist.axvline(band.min, color=GREY, linestyle="--")
    hist.set_xlim(0, 100)
    hist.set_xlabel(tr("measure_index", lang))
    hist.set_ylabel(tr("participants_axis", lang))
    hist.set_title(tr("chart_index", lang))
    dist = summary.distribution
    dist = dist[(dist["instrument"] == ins.id) & dist["measure"].str.startswith("item:")]
    means = dict(zip(dist["measure"], dist["mean"], strict=True))
    items = [i for i in ins.items if f"item:{i.id}" in means]
    values = [rescale(means[f"item:{i.id}"], ins.scale.min, ins.scale.max) for i in items]
    signs.barh(range(len(items)), values, color=[ORANGE if i.reverse else BLUE for i in items])
    signs.set_yticks(range(len(items)), [wrap(pick(i.short, lang)) for i in items])
    signs.invert_yaxis()
    signs.set_xlim(0, 100)
    signs.set_title(tr("chart_signs", lang))
    return fig


def _modes_figure(ins: Instrument, summary: ClassSummary) -> Figure:
    from matplotlib.figure import Figure

    lang = summary.lang
    scores = summary.scores[summary.scores["instrument"] == ins.id]
    dims = [d for d in ins.dimensions if (scores["measure"] == f"dimension:{d.id}").any()]
    data = [list(scores[scores["measure"] == f"dimension:{d.id}"]["value"]) for d in dims]
    fig = Figure(figsize=(9, 4.5), layout="constrained")
    ax = fig.add_subplot()
    # Default (vertical) boxes and labels set afterwards: the same call on matplotlib 3.8–3.11.
    ax.boxplot(data, showmeans=True)
    ax.set_xticks(range(1, len(dims) + 1), [pick(d.title, lang) for d in dims])
    ax.set_ylim(ins.scale.min - 0.2, ins.scale.max + 0.2)
    ax.set_ylabel(tr("mode_axis", lang))
    local_ticks(ax.yaxis, lang)
    ax.set_title(pick(ins.title, lang))
    return fig


def _change_figure(ins: Instrument, summary: ClassSummary) -> Figure | None:
    from matplotlib.figure import Figure

    lang = summary.lang
    change = summary.change
    rows = change[(change["instrument"] == ins.id) & (change["item"] != "*")]
    rows = rows[rows["n_pairs"] > 0]
    if rows.empty:
        return None
    fig = Figure(figsize=(9, 1.4 + 0.42 * len(rows)), layout="constrained")
    ax = fig.add_subplot()
    ys = list(range(len(rows)))
    before, after = list(rows["mean_before"]), list(rows["mean_after"])
    for y, b, a in zip(ys, before, after, strict=True):
        ax.plot([b, a], [y, y], color=GREY, linewidth=2, zorder=1)
    first, last = pick(ins.phases[0].title, lang), pick(ins.phases[-1].title, lang)
    ax.scatter(before, ys, color=GREY, label=first, zorder=2)
    ax.scatter(after, ys, color=BLUE, label=last, zorder=3)
    ax.set_yticks(ys, [wrap(str(label)) for label in rows["label"]])
    ax.invert_yaxis()
    ax.set_xlim(ins.scale.min - 0.2, ins.scale.max + 0.2)
    ax.set_xlabel(tr("confidence_axis", lang))
    local_ticks(ax.xaxis, lang)
    ax.set_title(tr("chart_change", lang, n=int(rows["n_pairs"].max())))
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.06), ncols=2, frameon=False)
    return fig


__all__ = ["class_figures"]
