"""Per-participant results read from the nbgrader gradebook.

One definition of *passed*, used by the grade export and by the certificates:

    a participant passed when, in **every** module (nbgrader assignment), their
    score is at least ``min_score`` percent of that module's maximum
    (default 60 %).

A participant with no submission for a module has 0 points for it, so they do not
pass unless ``min_score`` is 0.  A module's score is nbgrader's submission score
minus its late-submission penalty, never below 0: the number nbgrader's own
``nbgrader export`` reports, but with the cells' points summed exactly
(:func:`clientlearn.grader.gradebook.submission_points`), so it is the same on SQLite
and PostgreSQL.  The total and the percentage are shown for
information; they do not decide who passed (a strong first day must not hide an
unfinished second one).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.i18n import translate
from clientlearn.core.translit import one_apostrophe

DEFAULT_MIN_SCORE = 60.0

WARNINGS: dict[str, dict[str, str]] = {
    "pending": {
        "uk": "письмові відповіді ще не оцінено в роботах ({n}): {shown}; бали за них можуть "
        "зрости. Оцініть їх (clientlearn written export і import або formgrader) і запустіть "
        "це ще раз",
        "en": "{n} submission(s) still have written answers to grade ({shown}); their scores "
        "may rise. Grade them (clientlearn written export and import, or the formgrader) and "
        "run this again",
    },
    "more": {"uk": " і ще {n}", "en": " and {n} more"},
}

# What the results of a course (export, certificates) say when they cannot be read.
ERRORS: dict[str, dict[str, str]] = {
    "min_score": {
        "uk": "{option} має бути відсотком від 0 до 100 (а не {value}); наприклад, {option}=60",
        "en": "{option} must be a percentage between 0 and 100 (got {value}); for example "
        "{option}=60",
    },
    "unknown_assignment": {
        "uk": "у журналі оцінок немає модуля {unknown} (є: {found}); перевірте --assignment",
        "en": "no assignment {unknown} in the gradebook (it has: {found}); check --assignment",
    },
    "none": {"uk": "жодного", "en": "none"},
    "no_assignments": {
        "uk": "у журналі оцінок ще немає модулів; спершу запустіть nbgrader generate_assignment "
        "і clientlearn autograde",
        "en": "the gradebook has no assignments yet; run nbgrader generate_assignment and "
        "clientlearn autograde first",
    },
    "several_courses": {
        "uk": "модулі належать кільком курсам ({courses}); виберіть модулі одного курсу "
        "параметром --assignment",
        "en": "the assignments belong to several courses ({courses}); choose one course's "
        "assignments with --assignment",
    },
    "unknown_format": {
        "uk": "невідомий формат {value}; виберіть один із таких: {choices}",
        "en": "unknown format {value}; choose one of {choices}",
    },
    "unknown_lang": {
        "uk": "невідома мова {value}; виберіть одну з таких: {choices}",
        "en": "unknown language {value}; choose one of {choices}",
    },
    "unknown_match": {
        "uk": "невідомий спосіб зіставлення {value}; виберіть один із таких: {choices}",
        "en": "unknown match {value}; choose one of {choices}",
    },
}

# Tolerance for the pass comparison: scores are floats summed from grade cells,
# and 60 % of 71 points must accept a score of 42.6.
_EPSILON = 1e-9


@dataclass(frozen=True)
class QuestionResult:
    """One grade cell's points: ``cell`` is nbgrader's grade id (``<question>-score``
    for a question, ``<task>-task`` for a written task)."""

    cell: str
    score: float
    max_score: float

    @property
    def label(self) -> str:
        """The grade id without the ``-score`` every question's test cell ends with."""
        return self.cell.removesuffix("-score")


@dataclass(frozen=True)
class ModuleResult:
    """One participant's points in one module (an nbgrader assignment)."""

    assignment: str
    score: float
    max_score: float
    submitted: bool
    # True while the formgrader still has manual grading to do: the score may rise.
    needs_manual_grade: bool
    # Points per grade cell (a question's test cell, a written task…), in the
    # notebooks' order: 0 for a cell of a module not handed in.
    questions: tuple[QuestionResult, ...] = ()

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 100.0

    def reaches(self, min_score: float) -> bool:
        """Whether this module's score is at least ``min_score`` percent of its maximum."""
        return self.score * 100.0 + _EPSILON >= min_score * self.max_score


@dataclass(frozen=True)
class ParticipantResult:
    """One row of the export: a participant and their points per module."""

    id: str
    first_name: str
    last_name: str
    email: str
    modules: tuple[ModuleResult, ...]
    passed: bool

    @property
    def name(self) -> str:
        """First and last name as the gradebook holds them ("" if it holds none)."""
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def total(self) -> float:
        return round(math.fsum(m.score for m in self.modules), 6)

    @property
    def max_total(self) -> float:
        return round(math.fsum(m.max_score for m in self.modules), 6)

    @property
    def percent(self) -> float:
        """Total as a percentage of the maximum, one decimal."""
        return round(100.0 * self.total / self.max_total, 1) if self.max_total else 0.0


@dataclass(frozen=True)
class Results:
    """Everyone's results for the chosen modules, in Ukrainian alphabetical order."""

    course_id: str
    assignments: tuple[str, ...]
    max_scores: tuple[float, ...]
    min_score: float
    participants: tuple[ParticipantResult, ...]

    @property
    def passed(self) -> list[ParticipantResult]:
        return [p for p in self.participants if p.passed]

    def pending_manual(self) -> list[str]:
        """``student/assignment`` of submissions that still need manual grading."""
        return [
            f"{p.id}/{m.assignment}"
            for p in self.participants
            for m in p.modules
            if m.needs_manual_grade
        ]

    def warnings(self, lang: str = "uk") -> list[str]:
        """What the trainer should know before trusting these results."""
        pending = self.pending_manual()
        if not pending:
            return []
        shown = ", ".join(pending[:5])
        if len(pending) > 5:
            shown += translate(WARNINGS, "more", lang, n=len(pending) - 5)
        return [translate(WARNINGS, "pending", lang, n=len(pending), shown=shown)]


def _grade_cells(assignment: Any) -> list[tuple[str, float]]:
    """(grade id, points) of every graded cell of an assignment, notebook by notebook."""
    return [
        (str(c.name), float(c.max_score or 0.0))
        for nb in sorted(assignment.notebooks, key=lambda n: n.name)
        for c in (*nb.grade_cells, *nb.task_cells)
    ]


def module_number(assignment: str, position: int) -> int:
    """The N of "Модуль N": from a name like ``module2_…``, else the 1-based ``position``."""
    # By name, so that exporting module 2 alone still labels it "Модуль 2".
    found = re.match(r"module(\d+)", assignment)
    return int(found.group(1)) if found else position


def check_min_score(min_score: float, option: str = "--min-score") -> float:
    """Return ``min_score`` as a float, or raise if it is not a percentage."""
    value = float(min_score)
    if not 0.0 <= value <= 100.0:
        raise ClientlearnError.said(ERRORS, "min_score", option=option, value=f"{min_score:g}")
    return value


def passes(modules: Iterable[ModuleResult], min_score: float) -> bool:
    """The pass rule: every module at or above ``min_score`` percent of its maximum."""
    return all(m.reaches(min_score) for m in modules)


def load_results(
    course_root: str | Path,
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    assignments: Sequence[str] = (),
    students: Sequence[str] = (),
) -> Results:
    """Read the results of the course in ``course_root`` from its gradebook."""
    min_score = check_min_score(min_score)
    from clientlearn.grader.gradebook import open_gradebook

    # course_id "" makes nbgrader look the course up without inserting a row:
    # reading results must not write to the gradebook.
    with open_gradebook(course_root, course_id="") as gb:
        return read_results(gb, min_score=min_score, assignments=assignments, students=students)


def read_results(
    gradebook: Any,
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    assignments: Sequence[str] = (),
    students: Sequence[str] = (),
) -> Results:
    """Read results from an open ``nbgrader.api.Gradebook`` (as an export plugin gets it).

    ``assignments`` and ``students`` restrict the modules and participants (all
    when empty), like ``nbgrader export --assignment/--student``.
    """
    from nbgrader.api import MissingEntry

    from clientlearn.grader.gradebook import submission_points

    min_score = check_min_score(min_score)
    # Sorted by name, which is the course's order (module1_…, module2_…); nbgrader
    # would order by due date, which may be unset for some and set for others.
    found = sorted(gradebook.assignments, key=lambda a: a.name)
    unknown = sorted(set(assignments) - {a.name for a in found})
    if unknown:
        names = ", ".join(a.name for a in found)
        raise ClientlearnError.said(
            ERRORS, "unknown_assignment", unknown=", ".join(unknown), found=names or ERRORS["none"]
        )
    chosen = [a for a in found if not assignments or a.name in assignments]
    if not chosen:
        raise ClientlearnError.said(ERRORS, "no_assignments")
    course_ids = sorted({str(a.course_id) for a in chosen})
    if len(course_ids) > 1:
        raise ClientlearnError.said(ERRORS, "several_courses", courses=", ".join(course_ids))
    from .groups import name_sort_key

    cells = {a.name: _grade_cells(a) for a in chosen}
    # The cells' points summed exactly, as the scores are (not the database's SUM).
    max_scores = tuple(math.fsum(m for _, m in cells[a.name]) for a in chosen)
    people = [s for s in gradebook.students if not students or s.id in students]
    people.sort(key=lambda s: (name_sort_key(f"{s.last_name or ''} {s.first_name or ''}"), s.id))
    rows = []
    for student in people:
        modules = []
        for asg, max_score in zip(chosen, max_scores, strict=True):
            try:
                sub = gradebook.find_submission(asg.name, student.id)
            except MissingEntry:
                unsubmitted = tuple(QuestionResult(c, 0.0, m) for c, m in cells[asg.name])
                modules.append(ModuleResult(asg.name, 0.0, max_score, False, False, unsubmitted))
                continue
            earned = {g.name: float(g.score or 0.0) for nb in sub.notebooks for g in nb.grades}
            questions = tuple(QuestionResult(c, earned.get(c, 0.0), m) for c, m in cells[asg.name])
            penalty = float(sub.late_submission_penalty or 0.0)
            points, _ = submission_points(sub)
            score = round(max(0.0, points - penalty), 6)
            modules.append(
                ModuleResult(
                    asg.name, score, max_score, True, bool(sub.needs_manual_grade), questions
                )
            )
        rows.append(
            ParticipantResult(
                id=str(student.id),
                # One apostrophe style, however the name reached the gradebook.
                first_name=one_apostrophe((student.first_name or "").strip()),
                last_name=one_apostrophe((student.last_name or "").strip()),
                email=(student.email or "").strip(),
                modules=tuple(modules),
                passed=passes(modules, min_score),
            )
        )
    return Results(
        course_id=course_ids[0],
        assignments=tuple(a.name for a in chosen),
        max_scores=max_scores,
        min_score=min_score,
        participants=tuple(rows),
    )
