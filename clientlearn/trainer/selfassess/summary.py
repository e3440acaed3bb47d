"""The trainer's side, step 2: the class distribution and the before/after change.

:func:`summarize` turns :class:`~clientlearn.trainer.selfassess.classdata.ClassAnswers` into
tables (pandas DataFrames), using the same :func:`~clientlearn.runtime.selfassess.scoring.assess`
a participant's widget uses, so the trainer sees the participant's numbers:

* ``participants`` — per student, instrument and phase: answered, total, whether a
  profile is ready, the headline score (index 0–100 or mean 1–5; none for modes) and
  its band;
* ``scores`` — every score of every ready profile, long: ``measure`` is ``index``,
  ``mean``, ``dimension:<id>``, ``axis:<id>`` or ``item:<id>`` (after reversal);
* ``distribution`` — per instrument, phase and measure: n, mean, sd, min, median, max;
* ``bands`` — how many participants fall in each band (index, confidence mean,
  each conflict mode);
* ``change`` — per skill of an instrument asked in phases, over the participants who
  rated it in the first and the last phase: mean before and after, mean change,
  counts and share improved, and a paired test (:mod:`~clientlearn.trainer.selfassess.stats`);
  the row ``item = "*"`` compares each participant's mean over ready profiles;
* ``skipped`` — as loaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from clientlearn.runtime.questions import pick
from clientlearn.runtime.selfassess.messages import tr
from clientlearn.runtime.selfassess.model import Instrument, Kind
from clientlearn.runtime.selfassess.scoring import Result, assess

from .classdata import ClassAnswers
from .stats import paired_test

if TYPE_CHECKING:
    import pandas as pd

PARTICIPANT_COLUMNS = [
    "student", "instrument", "phase", "answered", "total", "ready", "score", "band",
]  # fmt: skip
SCORE_COLUMNS = ["student", "instrument", "phase", "measure", "label", "value"]
DISTRIBUTION_COLUMNS = [
    "instrument", "phase", "measure", "label", "n", "mean", "sd", "min", "median", "max",
]  # fmt: skip
BAND_COLUMNS = ["instrument", "phase", "measure", "band", "n", "share"]
CHANGE_COLUMNS = [
    "instrument", "item", "label", "n_pairs", "mean_before", "mean_after", "mean_change",
    "improved", "unchanged", "worse", "share_improved", "test", "statistic", "p_value",
]  # fmt: skip


@dataclass
class ClassSummary:
    participants: pd.DataFrame
    scores: pd.DataFrame
    distribution: pd.DataFrame
    bands: pd.DataFrame
    change: pd.DataFrame
    skipped: pd.DataFrame
    instruments: dict[str, Instrument]
    lang: str


def _results(data: ClassAnswers) -> list[tuple[str, Result]]:
    """(student, result) for every student, instrument and phase with answers."""
    out = []
    grouped = data.ratings.groupby(["student", "instrument", "phase"], sort=True)
    for (student, ins_id, phase), rows in grouped:
        ins = data.instruments[str(ins_id)]
        answers = {str(i): int(r) for i, r in zip(rows["item"], rows["rating"], strict=True)}
        out.append((str(student), assess(ins, answers, str(phase) or None)))
    return out


def _measures(res: Result, lang: str) -> Iterable[tuple[str, str, float]]:
    """(measure, label, value) of a ready result."""
    ins, prof = res.instrument, res.profile
    if prof is None:
        return
    if prof.index is not None:
        yield "index", tr("measure_index", lang), prof.index
    yield "mean", tr("measure_mean", lang), prof.mean
    for dim_id, value in prof.dimension_scores.items():
        yield f"dimension:{dim_id}", pick(ins.dimension(dim_id).title, lang), value
    for axis in ins.axes:
        yield f"axis:{axis.id}", pick(axis.title, lang), prof.axes[axis.id]
    for item in ins.items:
        if item.id in prof.item_scores:
            label = pick(item.short, lang) or pick(item.text, lang)
            yield f"item:{item.id}", label, float(prof.item_scores[item.id])


def _headline(res: Result) -> float | None:
    prof = res.profile
    if prof is None or res.instrument.kind is Kind.MODES:
        return None
    return prof.index if prof.index is not None else prof.mean


def _band_rows(student: str, res: Result, lang: str) -> list[dict[str, Any]]:
    prof, ins = res.profile, res.instrument
    if prof is None:
        return []
    base = {"student": student, "instrument": ins.id, "phase": res.phase or ""}
    if prof.band is not None:
        measure = "index" if prof.index is not None else "mean"
        return [{**base, "measure": measure, "band": pick(prof.band.title, lang)}]
    return [
        {**base, "measure": f"dimension:{d}", "band": pick(b.title, lang)}
        for d, b in prof.dimension_bands.items()
    ]


def summarize(data: ClassAnswers, *, lang: str = "uk") -> ClassSummary:
    """Distribution per instrument and before/after change per skill."""
    import pandas as pd

    participants, scores, band_rows = [], [], []
    for student, res in _results(data):
        prof, ins = res.profile, res.instrument
        headline = _headline(res)
        participants.append(
            {
                "student": student,
                "instrument": ins.id,
                "phase": res.phase or "",
                "answered": res.progress.answered,
                "total": res.progress.total,
                "ready": res.ready,
                "score": headline,
                "band": pick(prof.band.title, lang) if prof and prof.band else "",
            }
        )
        for measure, label, value in _measures(res, lang):
            scores.append(
                {
                    "student": student,
                    "instrument": ins.id,
                    "phase": res.phase or "",
                    "measure": measure,
                    "label": label,
                    "value": value,
                }
            )
        band_rows += _band_rows(student, res, lang)
    score_frame = pd.DataFrame(scores, columns=SCORE_COLUMNS)
    return ClassSummary(
        participants=pd.DataFrame(participants, columns=PARTICIPANT_COLUMNS),
        scores=score_frame,
        distribution=_distribution(score_frame),
        bands=_bands(pd.DataFrame(band_rows), data.instruments, lang),
        change=_change(data, score_frame, lang),
        skipped=data.skipped,
        instruments=dict(data.instruments),
        lang=lang,
    )


def _distribution(scores: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    if scores.empty:
        return pd.DataFrame(columns=DISTRIBUTION_COLUMNS)
    keys = ["instrument", "phase", "measure", "label"]
    grouped = scores.groupby(keys, sort=False)["value"]
    table = grouped.agg(["count", "mean", "std", "min", "median", "max"]).reset_index()
    table = table.rename(columns={"count": "n", "std": "sd"})
    return table[DISTRIBUTION_COLUMNS]


def _bands(rows: pd.DataFrame, instruments: Mapping[str, Instrument], lang: str) -> pd.DataFrame:
    """Counts per band, every band listed (a band nobody is in shows 0)."""
    import pandas as pd

    out = []
    if rows.empty:
        return pd.DataFrame(columns=BAND_COLUMNS)
    for (ins_id, phase, measure), group in rows.groupby(["instrument", "phase", "measure"]):
        ins = instruments[str(ins_id)]
        for band in ins.bands:
            title = pick(band.title, lang)
            n = int((group["band"] == title).sum())
            out.append(
                {
                    "instrument": ins_id,
                    "phase": phase,
                    "measure": measure,
                    "band": title,
                    "n": n,
                    "share": n / len(group),
                }
            )
    return pd.DataFrame(out, columns=BAND_COLUMNS)


def _change_row(
    ins: Instrument, item: str, label: str, before: list[float], after: list[float]
) -> dict[str, Any]:
    test = paired_test(before, after)
    n = len(before)
    diffs = [a - b for b, a in zip(before, after, strict=True)]
    improved = sum(1 for d in diffs if d > 0)
    worse = sum(1 for d in diffs if d < 0)
    return {
        "instrument": ins.id,
        "item": item,
        "label": label,
        "n_pairs": n,
        "mean_before": sum(before) / n if n else None,
        "mean_after": sum(after) / n if n else None,
        "mean_change": sum(diffs) / n if n else None,
        "improved": improved,
        "unchanged": n - improved - worse,
        "worse": worse,
        "share_improved": improved / n if n else None,
        "test": test.method,
        "statistic": test.statistic,
        "p_value": test.p_value,
    }


def _change(data: ClassAnswers, scores: pd.DataFrame, lang: str) -> pd.DataFrame:
    import pandas as pd

    rows = []
    for ins in data.instruments.values():
        if len(ins.phases) < 2:
            continue
        first, last = ins.phases[0].id, ins.phases[-1].id
        mine = data.ratings[data.ratings["instrument"] == ins.id]
        wide = mine.pivot_table(
            index=["student", "item"], columns="phase", values="rating", aggfunc="first"
        )
        for item in ins.items:
            pairs = _pairs(wide, item.id, first, last)
            label = pick(item.short, lang) or pick(item.text, lang)
            rows.append(_change_row(ins, item.id, label, *pairs))
        means = scores[(scores["instrument"] == ins.id) & (scores["measure"] == "mean")]
        by_phase = means.pivot_table(index="student", columns="phase", values="value")
        both = by_phase.dropna(subset=[p for p in (first, last) if p in by_phase.columns])
        if first in both.columns and last in both.columns:
            before, after = list(both[first]), list(both[last])
        else:
            before, after = [], []
        rows.append(_change_row(ins, "*", tr("all_skills", lang), before, after))
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)


def _pairs(wide: pd.DataFrame, item: str, first: str, last: str) -> tuple[list[float], list[float]]:
    """Ratings of ``item`` by the participants who rated it in both phases."""
    if wide.empty or first not in wide.columns or last not in wide.columns:
        return [], []
    if item not in wide.index.get_level_values("item"):
        return [], []
    both = wide.xs(item, level="item")[[first, last]].dropna()
    return [float(v) for v in both[first]], [float(v) for v in both[last]]


__all__ = ["ClassSummary", "summarize"]
