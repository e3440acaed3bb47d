"""The trainer's class report, as data: a small typed model built from the course.

:func:`collect` (:mod:`clientlearn.trainer.report.inputs`) reads an nbgrader course root
without changing it; :func:`build_report` turns those :class:`Inputs` (plain
DataFrames, so a test can fabricate a class of any size without nbgrader) into a
:class:`Report`.  Per grade cell:

* **difficulty** — the share of participants with the cell's full points (and the mean
  fraction of its points);
* **discrimination** — the corrected item–total correlation: Pearson's r between the
  item's fraction of points and the *rest* of the module's score (the module total minus
  this item) over the participants who submitted the module; for a right/wrong item this
  is the point-biserial correlation.  None with fewer than :data:`MIN_N` participants or
  when either side does not vary; an item below :data:`FLAG_BELOW` is flagged.

A written task the trainer has not graded yet (nbgrader's "needs manual grade") has
neither: it is named by the heading above it in the lesson (``task_titles``) and
counted as ``pending``, and its zeros count in no one's rest score.  What needs the
trainer's attention in the submissions (a tampered notebook, a copied answers file) is
found by :mod:`clientlearn.trainer.report.flags`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.bank import Bank
from clientlearn.runtime.questions import Scenario, pick

from .confusions import Confusion, Placement, confusions
from .flags import Flag
from .inputs import (
    ANSWER_COLUMNS,
    GRADE_COLUMNS,
    Inputs,
    Note,
    collect,
    read_answers,
    read_gradebook,
    score_cell,
    task_titles,
)
from .responses import QuizReport, quiz_report
from .scenarios import ScenarioPaths, scenario_paths
from .words import WORDS

if TYPE_CHECKING:
    import pandas as pd

    from clientlearn.trainer.groupwork.summary import Summary as GroupSummary
    from clientlearn.trainer.selfassess.summary import ClassSummary

LANGS = ("uk", "en")
DEFAULT_MIN_SCORE = 60.0
FLAG_BELOW = 0.2
MIN_N = 3
_EPS = 1e-6  # scores are sums of floats: 60 % of 71 points must accept 42.6


@dataclass(frozen=True)
class ModuleStats:
    module: str
    title: str
    max_score: float
    scores: tuple[float, ...]  # one per submission, for the histogram
    passed: int
    mean: float
    median: float

    @property
    def n(self) -> int:
        return len(self.scores)

    @property
    def share_passed(self) -> float:
        return self.passed / self.n if self.n else 0.0


@dataclass(frozen=True)
class ItemStats:
    """A grade cell: a question's test cell, a self-assessment's completion (``kind``
    "selfassess"), a written task ("task") or another cell ("cell").  ``pending``: how
    many of the ``n`` submissions still wait for a manual grade; while any do, the item
    has no difficulty or discrimination worth showing (its zeros are not scores yet)."""

    cell: str
    title: str
    kind: str
    points: float
    n: int
    difficulty: float
    mean_fraction: float
    discrimination: float | None
    pending: int = 0

    @property
    def flagged(self) -> bool:
        return self.discrimination is not None and self.discrimination < FLAG_BELOW


@dataclass(frozen=True)
class ModuleResult:
    module: str
    score: float | None  # None: not submitted
    passed: bool


@dataclass(frozen=True)
class Lost:
    module: str
    title: str
    earned: float
    points: float
    pending: bool  # a manually graded cell not graded yet


@dataclass(frozen=True)
class SelfScore:
    """Before/after of a self-assessment asked in phases, else its headline score;
    ``band`` is its band, or the strongest conflict mode."""

    title: str
    before: float | None = None
    after: float | None = None
    score: float | None = None
    band: str = ""

    @property
    def change(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass(frozen=True)
class Participant:
    student: str
    name: str
    modules: tuple[ModuleResult, ...]  # in the order of Report.modules
    lost: tuple[Lost, ...]
    selfassess: tuple[SelfScore, ...]


@dataclass(frozen=True)
class Report:
    course: str
    lang: str
    min_score: float
    modules: tuple[ModuleStats, ...]
    items: Mapping[str, tuple[ItemStats, ...]]  # per module, hardest first
    confusions: tuple[Confusion, ...]
    participants: tuple[Participant, ...]
    selfassess: ClassSummary | None
    groups: GroupSummary | None
    notes: tuple[Note, ...]
    flags: tuple[Flag, ...] = ()
    scenarios: tuple[ScenarioPaths, ...] = ()
    quiz: QuizReport | None = None  # Moodle's quiz statistics and more (.quizstats, .responses)


# ------------------------------------------------------------------ building the model

_Titles = Mapping[str, tuple[str, str, int]]  # grade cell -> (title, kind, place in bank)


@cache
def _instrument_titles(lang: str) -> dict[str, tuple[str, str, int]]:
    """A self-assessment's completion cell ("<id>[-<phase>]-done", as authoring names it)
    -> its instrument's title, with the phase: a person reads titles, not ids."""
    from clientlearn.runtime.selfassess.instruments import builtin_ids, load_instrument

    out = {}
    for name in builtin_ids():
        ins = load_instrument(name)
        title = pick(ins.title, lang)
        out[f"{name}-done"] = (title, "selfassess", 1 << 30)
        for phase in ins.phases:
            out[f"{name}-{phase.id}-done"] = (
                f"{title} ({pick(phase.title, lang)})", "selfassess", 1 << 30,
            )  # fmt: skip
    return out


def _titles(bank: Bank | None, lang: str, tasks: Mapping[str, str] | None = None) -> _Titles:
    questions = enumerate(bank or ())
    titles = _instrument_titles(lang) | {
        task: (title, "task", 1 << 29) for task, title in (tasks or {}).items()
    }
    return titles | {
        score_cell(q.id): (pick(q.title or q.text, lang), q.kind, i) for i, q in questions
    }


def _describe(cell: str, titles: _Titles) -> tuple[str, str, int]:
    if cell in titles:
        return titles[cell]
    # authoring names an instrument's completion cell "<id>-done", a written task "<id>-task".
    kind = {"-done": "selfassess", "-task": "task"}.get(cell[-5:], "cell")
    return (cell if kind == "cell" else cell[:-5]), kind, 1 << 30


def _items(grades: pd.DataFrame, titles: _Titles) -> tuple[ItemStats, ...]:
    table = grades.pivot_table(
        index="student", columns="cell", values="score", aggfunc="sum", fill_value=0.0
    )
    cells = [str(c) for c in table.columns]
    points = grades.groupby("cell")["max_score"].max().reindex(cells).to_numpy(dtype=float)
    waiting = grades.groupby("cell")["needs_manual"].sum().reindex(cells).to_numpy(dtype=int)
    scores = table.to_numpy(dtype=float)
    # A cell still waiting for manual grades counts in no one's rest score.
    known = scores * (waiting == 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        fraction = np.where(points > 0, scores / points, 1.0)
        rest = known.sum(axis=1, keepdims=True) - known
        x, y = fraction - fraction.mean(axis=0), rest - rest.mean(axis=0)
        r = (x * y).sum(axis=0) / np.sqrt((x * x).sum(axis=0) * (y * y).sum(axis=0))
    full = (scores >= points - _EPS).mean(axis=0)
    n = len(scores)
    items = []
    for j, cell in enumerate(cells):
        title, kind, _ = _describe(cell, titles)
        pending = int(waiting[j])
        disc = float(r[j]) if n >= MIN_N and np.isfinite(r[j]) and not pending else None
        mean = float(fraction[:, j].mean())
        items.append(
            ItemStats(cell, title, kind, float(points[j]), n, float(full[j]), mean, disc, pending)
        )
    # The hardest first; items still waiting for manual grades at the end.
    items.sort(key=lambda i: (i.pending > 0, i.difficulty, _describe(i.cell, titles)[2], i.cell))
    return tuple(items)


def _scenarios(inputs: Inputs, lang: str) -> list[ScenarioPaths]:
    given = inputs.by_question()
    out = []
    for module, bank in inputs.banks.items():
        for q in bank:
            if isinstance(q, Scenario) and q.has_key:
                found = scenario_paths(module, q, given.get((module, q.id), []), lang)
                if found is not None:
                    out.append(found)
    return out


def _self_scores(summary: ClassSummary | None, lang: str) -> dict[str, list[SelfScore]]:
    if summary is None:
        return {}
    dims = summary.scores[summary.scores["measure"].str.startswith("dimension:")]
    top: dict[tuple[str, str], str] = {}
    if not dims.empty:  # the strongest conflict mode stands for a modes instrument's score
        best = dims.loc[dims.groupby(["student", "instrument"])["value"].idxmax()]
        for s, i, label in best[["student", "instrument", "label"]].itertuples(index=False):
            top[(str(s), str(i))] = str(label)
    # One pass over the rows: a groupby per participant costs seconds in a large class.
    found: dict[tuple[str, str], dict[str, tuple[float | None, str]]] = {}
    table = summary.participants[["student", "instrument", "phase", "ready", "score", "band"]]
    for student, ins_id, phase, ready, score, band in table.itertuples(index=False):
        if ready:
            found.setdefault((str(student), str(ins_id)), {})[str(phase)] = (_num(score), band)
    out: dict[str, list[SelfScore]] = {}
    for (student, ins_id), phases in sorted(found.items()):
        ins = summary.instruments[ins_id]
        title = pick(ins.title, lang)
        if ins.phases:
            first, last = (phases.get(p.id, (None, ""))[0] for p in (ins.phases[0], ins.phases[-1]))
            entry = SelfScore(title, before=first, after=last)
        else:
            score, band = phases.get("", (None, ""))
            entry = SelfScore(title, score=score, band=str(band) or top.get((student, ins_id), ""))
        out.setdefault(student, []).append(entry)
    return out


def _num(value: Any) -> float | None:
    return None if value is None or value != value else float(value)  # NaN != NaN


def build_report(
    inputs: Inputs, *, min_score: float = DEFAULT_MIN_SCORE, lang: str = "uk"
) -> Report:
    """The report model of ``inputs`` (the statistics are in the module docstring)."""
    if lang not in LANGS:
        raise ClientlearnError.said(WORDS, "err_lang", value=repr(lang), langs=", ".join(LANGS))
    if not 0 <= min_score <= 100:
        raise ClientlearnError.said(WORDS, "err_min_score", value=f"{min_score:g}")
    grades = inputs.grades
    if grades.empty:
        raise ClientlearnError.said(WORDS, "err_nothing_graded")
    # Summed exactly (math.fsum), in no particular row order: the database's row order
    # must not change a total's last bit (nor make it differ from the export's).
    totals = grades.groupby(["module", "student"], sort=True)[["score", "max_score"]].agg(math.fsum)
    modules, items, results = [], {}, {}
    for module in sorted(set(grades["module"])):
        bank = inputs.banks.get(module)
        mine = totals.loc[module]
        top = float(mine["max_score"].max())
        scores = {str(s): float(v) for s, v in mine["score"].items()}
        results[module] = scores
        passed = sum(_passes(v, top, min_score) for v in scores.values())
        title = inputs.module_titles.get(module) or (
            pick(bank.title, lang) if bank and bank.title else module
        )
        values = np.array(list(scores.values()))
        mean, median = float(values.mean()), float(np.median(values))
        modules.append(
            ModuleStats(module, title, top, tuple(values.tolist()), passed, mean, median)
        )
        titles = _titles(bank, lang, inputs.tasks.get(module))
        items[module] = _items(grades[grades["module"] == module], titles)
    summary = None
    if inputs.selfassess is not None and not inputs.selfassess.ratings.empty:
        from clientlearn.trainer.selfassess.summary import summarize

        summary = summarize(inputs.selfassess, lang=lang)
    groups = inputs.groups
    if groups is not None and groups.consensus.empty and not groups.by_criterion["n"].sum():
        groups = None
    people = _participants(inputs, modules, results, _self_scores(summary, lang), lang, min_score)
    found = tuple(confusions(inputs, lang))
    return Report(
        inputs.course, lang, min_score, tuple(modules), items, found, people, summary, groups,
        inputs.notes, inputs.flags, tuple(_scenarios(inputs, lang)), quiz_report(inputs, lang),
    )  # fmt: skip


def _passes(score: float, top: float, min_score: float) -> bool:
    return score * 100 + _EPS >= min_score * top


def _participants(
    inputs: Inputs,
    modules: list[ModuleStats],
    results: Mapping[str, Mapping[str, float]],
    selfassess: Mapping[str, list[SelfScore]],
    lang: str,
    min_score: float,
) -> tuple[Participant, ...]:
    titles = {
        m.module: _titles(inputs.banks.get(m.module), lang, inputs.tasks.get(m.module))
        for m in modules
    }
    rank = {m.module: i for i, m in enumerate(modules)}
    grades = inputs.grades
    short = grades[grades["score"] < grades["max_score"] - _EPS][GRADE_COLUMNS]
    # The cell's id breaks ties of place (two written tasks): the gradebook's row order
    # differs between databases.
    lost: dict[str, list[tuple[int, int, str, Lost]]] = {}
    for student, module, cell, score, points, pending in short.itertuples(index=False):
        title, _, place = _describe(str(cell), titles[str(module)])
        entry = Lost(str(module), title, float(score), float(points), bool(pending))
        lost.setdefault(str(student), []).append((rank[str(module)], place, str(cell), entry))
    students = {s for r in results.values() for s in r}
    out = []
    for student in sorted(students, key=lambda s: (inputs.names.get(s, s), s)):
        own = []
        for m in modules:
            score = results[m.module].get(student)
            passed = score is not None and _passes(score, m.max_score, min_score)
            own.append(ModuleResult(m.module, score, passed))
        mine = sorted(lost.get(student, []), key=lambda e: e[:3])
        name = inputs.names.get(student, student)
        own_self = tuple(selfassess.get(student, []))
        out.append(Participant(student, name, tuple(own), tuple(e for *_, e in mine), own_self))
    return tuple(out)


def class_report(
    root: str | Path,
    modules: Sequence[str] = (),
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    lang: str = "uk",
) -> Report:
    """Read the course root ``root`` and build its report."""
    return build_report(collect(root, modules, lang=lang), min_score=min_score, lang=lang)


__all__ = [
    "ANSWER_COLUMNS", "GRADE_COLUMNS", "Confusion", "Inputs", "ItemStats", "Lost",
    "ModuleResult", "ModuleStats", "Note", "Participant",
    "Placement", "Report", "SelfScore", "build_report", "class_report", "collect",
    "read_answers", "read_gradebook", "score_cell", "task_titles",
]  # fmt: skip
