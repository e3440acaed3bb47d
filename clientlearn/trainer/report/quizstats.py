"""Quiz statistics as Moodle's quiz statistics report computes them, per module and per
item, and what Moodle's report lacks: Cronbach's alpha if the item were deleted.

The definitions follow Moodle's source (moodle/moodle, read 2026):

* ``mod/quiz/report/statistics/classes/calculator.php`` (``calculator::calculate``) for
  the test: mean and median of the attempts' totals; SD = sqrt(Σ(x − mean)² / (s − 1));
  with m_k = Σ(x − mean)^k / s, k2 = s·m2/(s − 1), k3 = s²·m3/((s − 1)(s − 2)),
  k4 = s²·((s + 1)·m4 − 3(s − 1)·m2²)/((s − 1)(s − 2)(s − 3)): skewness = k3 / k2^1.5
  (s > 2), kurtosis = k4 / k2² (s > 3); CIC = 100·p/(p − 1)·(1 − Σ item variance / k2)
  (Cronbach's alpha × 100, p items), error ratio ER = 100·sqrt(1 − CIC/100), standard
  error SE = ER/100 × SD.
* ``question/classes/statistics/questions/calculator.php`` for each item (a "slot"): its
  mark x and the rest of the test y = total − x over the same attempts; facility =
  mean(x)/max mark; SD = sqrt(Σ(x − mean)²/(s − 1)); discrimination index =
  100·cov(x, y)/sqrt(var x · var y); discriminative efficiency = 100·cov(x, y)/cov_max,
  where cov_max pairs the sorted x with the sorted y (the largest covariance those
  marks allow); effective weight = 100·sqrt(cov(x, total))/Σ sqrt(cov(x_j, total)) over
  the items whose covariance with the total is not negative (an item with a negative
  one has none, Moodle's "negative covariance").  All with the divisor s − 1.
* ``statistics_table.php``: the intended weight is an item's maximum as a percentage of
  the test's; the SD of an item is shown as a percentage of its maximum, the test's mean,
  median, SD and SE as percentages of the test's maximum.
* random guess score: ``get_random_guess_score`` of each question type
  (``question/type/*/questiontype.php``) — the mean fraction of the options for a single
  choice, 0.5 for true/false, 1/number of choices for matching, 0 for short answer and
  numerical; see :func:`random_guess`.

The items are a module's graded questions and written tasks (the grade cells with points);
a self-assessment's completion cell is not a test item, and a written task still waiting
for a manual grade is left out (its zeros are not marks yet), so the module's totals here
are sums over the items counted.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from clientlearn.runtime.bank import Bank
from clientlearn.runtime.questions import (
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    Scenario,
    ShortText,
    SingleChoice,
    TrueFalse,
    kendall_fraction,
    pick,
)
from clientlearn.runtime.scenariopaths import outlooks

from .flags import cell_titles
from .inputs import score_cell

if TYPE_CHECKING:
    import pandas as pd

    from .inputs import Inputs

__all__ = [
    "ItemNumbers", "ModuleNumbers", "ModuleQuiz", "QuizItem", "item_numbers",
    "module_numbers", "quiz_statistics", "random_guess",
]  # fmt: skip

MAX_EXACT = 8
"""Orderings of more items (8! = 40,320 orders) and multiple choices of more options
(2^8 sets of ticks) get no random guess score: it is computed by enumerating them all."""


@dataclass(frozen=True)
class ModuleNumbers:
    """A module's test statistics in Moodle's units: ``mean``, ``median``, ``sd`` and
    ``standard_error`` in points (of ``max_score``); ``cic`` and ``error_ratio`` in per
    cent; None where Moodle shows nothing (too few attempts, or a total that does not vary)."""

    n: int
    items: int
    max_score: float
    mean: float | None
    median: float | None
    sd: float | None
    skewness: float | None
    kurtosis: float | None
    cic: float | None
    error_ratio: float | None
    standard_error: float | None


@dataclass(frozen=True)
class ItemNumbers:
    """An item's statistics in Moodle's units: ``facility`` a fraction of its maximum,
    ``sd`` in points, ``intended_weight``, ``effective_weight``, ``discrimination`` and
    ``efficiency`` in per cent; ``alpha_if_deleted`` is Cronbach's alpha of the other
    items (a fraction, as alpha is usually quoted)."""

    facility: float | None
    sd: float | None
    intended_weight: float
    effective_weight: float | None
    negative_covariance: bool
    discrimination: float | None
    efficiency: float | None
    alpha_if_deleted: float | None


def _var(x: np.ndarray) -> float:
    return float(((x - x.mean()) ** 2).sum() / (len(x) - 1))


def _cov(x: np.ndarray, y: np.ndarray) -> float:
    return float(((x - x.mean()) * (y - y.mean())).sum() / (len(x) - 1))


def _alpha(marks: np.ndarray) -> float | None:
    """Cronbach's alpha of the columns of ``marks`` (Moodle's CIC / 100)."""
    s, p = marks.shape
    if p < 2 or s < 2:
        return None
    total = _var(marks.sum(axis=1))
    if total <= 1e-12:  # a total that does not vary (float noise is not variation)
        return None
    items = sum(_var(marks[:, j]) for j in range(p))
    return float(p / (p - 1) * (1 - items / total))


def module_numbers(marks: np.ndarray, points: Sequence[float]) -> ModuleNumbers:
    """The test statistics of ``marks`` (one row per attempt, one column per item, in
    points) whose items have maxima ``points``; see the module docstring."""
    s, p = marks.shape
    totals = marks.sum(axis=1)
    top = float(sum(points))
    if s == 0:
        return ModuleNumbers(0, p, top, None, None, None, None, None, None, None, None)
    mean, median = float(totals.mean()), float(np.median(totals))
    sd = skew = kurt = cic = er = se = None
    if s > 1:
        d = totals - mean
        power2, power3, power4 = (float((d**k).sum()) for k in (2, 3, 4))
        sd = math.sqrt(power2 / (s - 1))
        m2, m3, m4 = power2 / s, power3 / s, power4 / s
        k2 = s * m2 / (s - 1)
        if s > 2 and k2 > 1e-12:  # Moodle: skewness, kurtosis and CIC need s > 2, k2 ≠ 0
            k3 = s * s * m3 / ((s - 1) * (s - 2))
            skew = k3 / k2**1.5
            if s > 3:
                k4 = s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2) / ((s - 1) * (s - 2) * (s - 3))
                kurt = k4 / (k2 * k2)
            if p > 1:
                variances = sum(_var(marks[:, j]) for j in range(p))
                cic = 100 * p / (p - 1) * (1 - variances / k2)
                er = 100 * math.sqrt(max(0.0, 1 - cic / 100))
                se = er * sd / 100
    return ModuleNumbers(s, p, top, mean, median, sd, skew, kurt, cic, er, se)


def item_numbers(marks: np.ndarray, points: Sequence[float]) -> list[ItemNumbers]:
    """The statistics of each column of ``marks`` (see :func:`module_numbers`)."""
    s, p = marks.shape
    totals = marks.sum(axis=1)
    top = float(sum(points))
    with_total = [_cov(marks[:, j], totals) if s > 1 else 0.0 for j in range(p)]
    roots = sum(math.sqrt(c) for c in with_total if c >= 0)
    out = []
    for j in range(p):
        x, y = marks[:, j], totals - marks[:, j]
        facility = float(x.mean()) / points[j] if s and points[j] else None
        sd = disc = eff = None
        negative = False
        if s > 1:
            sd = math.sqrt(_var(x))
            cov, var_x, var_y = _cov(x, y), _var(x), _var(y)
            if var_x * var_y > 0:
                disc = 100 * cov / math.sqrt(var_x * var_y)
            cov_max = _cov(np.sort(x), np.sort(y))
            if cov_max:
                eff = 100 * cov / cov_max
            negative = with_total[j] < 0
        weight = None
        if roots and not negative:
            weight = 100 * math.sqrt(with_total[j]) / roots
        rest = np.delete(marks, j, axis=1)
        intended = 100 * points[j] / top if top else 0.0
        out.append(ItemNumbers(facility, sd, intended, weight, negative, disc, eff, _alpha(rest)))
    return out


def random_guess(q: Question) -> float | None:
    """The mean fraction a participant earns by answering ``q`` at random, as Moodle's
    question types define it where Moodle has one: the mean of the options' credit for a
    single choice (``qtype_multichoice``), 0.5 for true/false (``qtype_truefalse``),
    1 / number of choices for matching (``qtype_match``: each item into a random group),
    0 for short answer and numerical (no "*" answer).  Moodle gives none for a multiple
    choice; here it is the mean over every non-empty set of ticks, as for an ordering
    the mean over every order and for a scenario the mean of choosing at random at each
    moment, each by clientlearn's own partial-credit rule.  None for any other cell."""
    if isinstance(q, SingleChoice):
        return sum(o.id == q.key for o in q.options) / len(q.options) if q.options else None
    if isinstance(q, TrueFalse):
        return 0.5
    if isinstance(q, Matching):
        return 1 / len(q.bins) if q.bins else None
    if isinstance(q, ShortText | Numeric):
        return 0.0
    if isinstance(q, MultipleChoice) and q.key and len(q.options) <= MAX_EXACT:
        ids = [o.id for o in q.options]
        sets = [c for k in range(1, len(ids) + 1) for c in itertools.combinations(ids, k)]
        return sum(q.fraction(list(c)) for c in sets) / len(sets)
    if isinstance(q, Ordering) and q.key and len(q.items) <= MAX_EXACT:
        orders = list(itertools.permutations(q.key))
        return sum(kendall_fraction(o, q.key) for o in orders) / len(orders)
    if isinstance(q, Scenario) and q.has_key:
        return outlooks(q)[q.start].mean
    return None


# ------------------------------------------------------------------ a module's statistics


@dataclass(frozen=True)
class QuizItem:
    cell: str
    title: str
    kind: str
    points: float
    guess: float | None  # the random guess score, a fraction
    numbers: ItemNumbers


@dataclass(frozen=True)
class ModuleQuiz:
    """A module's test and item statistics; ``left_out`` the titles of the written tasks
    still waiting for a manual grade."""

    module: str
    title: str
    test: ModuleNumbers
    items: tuple[QuizItem, ...]  # in the bank's order, written tasks last
    left_out: tuple[str, ...] = ()
    students: tuple[str, ...] = ()  # the rows the marks were read in
    totals: tuple[float, ...] = ()  # each student's total over the items counted


def _marks(grades: pd.DataFrame) -> pd.DataFrame:
    return grades.pivot_table(
        index="student", columns="cell", values="score", aggfunc="sum", fill_value=0.0
    )


def module_quiz(
    module: str,
    grades: pd.DataFrame,
    bank: Bank | None,
    tasks: Mapping[str, str],
    lang: str,
    titled: str = "",
) -> ModuleQuiz:
    """The statistics of one module from its rows of the report's grades table;
    ``titled``: the module's title from the course file, if it names the module."""
    by_cell = {score_cell(q.id): q for q in bank or ()}
    titles = cell_titles(bank, tasks, lang)
    points = grades.groupby("cell")["max_score"].max()
    pending = grades.groupby("cell")["needs_manual"].any()
    order = {c: i for i, c in enumerate(by_cell)}
    cells, left_out = [], []
    for cell in sorted(points.index, key=lambda c: (order.get(str(c), len(order)), str(c))):
        cell = str(cell)
        if points[cell] <= 0 or not (cell in by_cell or cell.endswith("-task")):
            continue  # no points, or a self-assessment's completion: not a test item
        if pending[cell]:
            left_out.append(titles.get(cell, cell[:-5]))
            continue
        cells.append(cell)
    table = _marks(grades).reindex(columns=cells, fill_value=0.0)
    marks = table.to_numpy(dtype=float)
    maxima = [float(points[c]) for c in cells]
    numbers = item_numbers(marks, maxima)
    items = tuple(
        QuizItem(
            c, titles.get(c, c[:-5]), by_cell[c].kind if c in by_cell else "task", maxima[j],
            random_guess(by_cell[c]) if c in by_cell else None, numbers[j],
        )
        for j, c in enumerate(cells)
    )  # fmt: skip
    title = titled or (pick(bank.title, lang) if bank and bank.title else module)
    students = tuple(str(s) for s in table.index)
    totals = tuple(float(t) for t in marks.sum(axis=1))
    test = module_numbers(marks, maxima)
    return ModuleQuiz(module, title, test, items, tuple(left_out), students, totals)


def quiz_statistics(inputs: Inputs, lang: str) -> tuple[ModuleQuiz, ...]:
    """Every module's quiz statistics, modules in name order."""
    grades = inputs.grades
    return tuple(
        module_quiz(
            module, grades[grades["module"] == module], inputs.banks.get(module),
            inputs.tasks.get(module, {}), lang, inputs.module_titles.get(module, ""),
        )
        for module in sorted(set(grades["module"]))
    )  # fmt: skip
