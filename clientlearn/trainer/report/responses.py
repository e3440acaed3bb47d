"""What the class answered, option by option: Moodle's response analysis for choice
questions (how many chose each option, the credit it carries) and what Moodle's report
lacks, a distractor analysis of the upper and lower 27 % of the class, and every path
taken through each scenario with its frequency.

Moodle's response analysis (``question/classes/statistics/responses/analyser.php``) counts,
per response class, how many attempts gave it and shows its "partial credit", the
fraction that response is worth: here 1 for the right option of a single choice and of a
true/false statement, 0 for another, and ±1/(number of right options) for an option of a
multiple choice (clientlearn's rule adds the right options ticked and subtracts the
wrong ones).  The upper and lower groups are Kelley's 27 %: the participants ranked by
their total over the module's counted items (:mod:`clientlearn.trainer.report.quizstats`),
round(0.27 × n) from the top and as many from the bottom (at least one each when n ≥ 2;
equal totals are ranked by participant id).  A working distractor draws more of the
lower group than of the upper; a right option the reverse.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from clientlearn.core.i18n import tr
from clientlearn.runtime.questions import (
    MultipleChoice,
    Question,
    Scenario,
    SingleChoice,
    TrueFalse,
    pick,
)

from .inputs import Inputs, score_cell
from .quizstats import ModuleQuiz, quiz_statistics
from .scenarios import ScenarioPaths, scenario_paths

__all__ = [
    "GROUP_SHARE", "OptionAnalysis", "OptionRow", "QuizReport", "option_analyses",
    "path_frequencies", "quiz_report", "upper_lower",
]  # fmt: skip

GROUP_SHARE = 0.27


@dataclass(frozen=True)
class OptionRow:
    """An option (or the row of those who gave no answer, ``text`` empty)."""

    text: str
    right: bool
    credit: float  # the fraction choosing it is worth, as Moodle's "partial credit"
    count: int
    upper: int  # of the upper group
    lower: int  # of the lower group


@dataclass(frozen=True)
class OptionAnalysis:
    module: str
    qid: str
    title: str
    kind: str
    n: int  # participants who submitted the module
    n_upper: int
    n_lower: int
    rows: tuple[OptionRow, ...]  # the options in the bank's order, then "no answer"

    @property
    def answered(self) -> int:
        return self.n - self.rows[-1].count


def upper_lower(students: Sequence[str], totals: Sequence[float]) -> tuple[set[str], set[str]]:
    """Kelley's upper and lower 27 % of ``students`` by ``totals`` (see the module docstring)."""
    n = len(students)
    if n < 2:
        return set(), set()
    k = max(1, int(GROUP_SHARE * n + 0.5))  # half up: 27 % of 50 is 13.5, so 14
    ranked = sorted(zip(students, totals, strict=True), key=lambda st: (-st[1], st[0]))
    return {s for s, _ in ranked[:k]}, {s for s, _ in ranked[-k:]}


def _options(q: Question, lang: str) -> list[tuple[str, bool, float, Any]]:
    """(text, right, credit, matcher) per option; the matcher tells whether an answer chose it."""
    if isinstance(q, SingleChoice):
        return [
            (pick(o.text, lang), o.id == q.key, float(o.id == q.key), lambda a, i=o.id: a == i)
            for o in q.options
        ]
    if isinstance(q, MultipleChoice) and q.key:
        share = 1 / len(q.key)
        return [
            (pick(o.text, lang), o.id in q.key, share if o.id in q.key else -share,
             lambda a, i=o.id: isinstance(a, list) and i in a)
            for o in q.options
        ]  # fmt: skip
    if isinstance(q, TrueFalse):
        return [
            (tr(word, lang), value is q.key, float(value is q.key), lambda a, v=value: a is v)
            for word, value in (("true", True), ("false", False))
        ]
    return []


def _analysis(
    module: str, q: Question, given: Mapping[str, Any], quiz: ModuleQuiz, lang: str
) -> OptionAnalysis | None:
    options = _options(q, lang)
    if not options or not q.has_key:
        return None
    upper, lower = upper_lower(quiz.students, quiz.totals)
    rows = []
    for text, right, credit, chose in options:
        took = {s for s in quiz.students if s in given and chose(given[s])}
        rows.append(OptionRow(text, right, credit, len(took), len(took & upper), len(took & lower)))
    silent = {s for s in quiz.students if not q.is_answered(given.get(s))}
    rows.append(OptionRow("", False, 0.0, len(silent), len(silent & upper), len(silent & lower)))
    title = pick(q.title or q.text, lang)
    n = len(quiz.students)
    return OptionAnalysis(module, q.id, title, q.kind, n, len(upper), len(lower), tuple(rows))


def _given(inputs: Inputs) -> dict[tuple[str, str], dict[str, Any]]:
    """Saved answers by (module, question id), then by participant."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    rows = inputs.answers[["student", "module", "qid", "value"]].itertuples(index=False)
    for student, module, qid, value in rows:
        out.setdefault((str(module), str(qid)), {})[str(student)] = value
    return out


def option_analyses(
    inputs: Inputs, quizzes: Sequence[ModuleQuiz], lang: str
) -> tuple[OptionAnalysis, ...]:
    """The response analysis of every graded choice question the modules counted."""
    given = _given(inputs)
    out = []
    for quiz in quizzes:
        counted = {i.cell for i in quiz.items}
        for q in inputs.banks.get(quiz.module, ()):
            if score_cell(q.id) in counted:
                found = _analysis(quiz.module, q, given.get((quiz.module, q.id), {}), quiz, lang)
                if found is not None:
                    out.append(found)
    return tuple(out)


def path_frequencies(inputs: Inputs, lang: str) -> tuple[ScenarioPaths, ...]:
    """Every path taken through each scenario, most taken first (``scenario_paths`` of
    :mod:`clientlearn.trainer.report.scenarios` with no limit)."""
    given = inputs.by_question()
    out = []
    for module, bank in inputs.banks.items():
        for q in bank:
            if isinstance(q, Scenario) and q.has_key and q.points > 0:
                answers = given.get((module, q.id), [])
                found = scenario_paths(module, q, answers, lang, top=max(1, len(answers)))
                if found is not None:
                    out.append(found)
    return tuple(out)


@dataclass(frozen=True)
class QuizReport:
    """The report's quiz statistics: per module (:mod:`.quizstats`), per option of every
    choice question, and every path taken through each scenario."""

    modules: tuple[ModuleQuiz, ...]
    options: tuple[OptionAnalysis, ...]
    paths: tuple[ScenarioPaths, ...]


def quiz_report(inputs: Inputs, lang: str) -> QuizReport:
    """The quiz statistics of ``inputs``, words in ``lang``."""
    modules = quiz_statistics(inputs, lang)
    options = option_analyses(inputs, modules, lang)
    return QuizReport(modules, options, path_frequencies(inputs, lang))
