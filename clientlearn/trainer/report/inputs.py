"""What the class report is built from, read from an nbgrader course root.

:func:`collect` reads the gradebook (every grade cell of every submission), the
instructor banks (``source/<module>/questions.yaml``, else the copy autograde put in
``autograded/<student>/<module>/``), the saved answers, the titles of written tasks and,
through :mod:`clientlearn.selfassess`, :mod:`clientlearn.groupwork` and
:mod:`clientlearn.trainer.report.flags`, the self-assessments, group work and what needs the
trainer's attention.  Nothing in the course is changed: the gradebook is opened only if
it exists, and answers files are decoded, never locked or set aside.  The result is an
:class:`Inputs` of plain DataFrames, so a test can fabricate a class of any size.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.i18n import LANGUAGES
from clientlearn.core.osreasons import os_reason
from clientlearn.core.translit import one_apostrophe
from clientlearn.grader.integrity import read_notebook
from clientlearn.runtime.bank import Bank, load_bank
from clientlearn.runtime.questions import (
    Matching,
    MultipleChoice,
    Ordering,
    Scenario,
    SingleChoice,
    TrueFalse,
)
from clientlearn.runtime.store import ANSWERS_FILE, decode

from .flags import Flag, cell_titles, find_flags
from .words import WORDS, word

if TYPE_CHECKING:
    import pandas as pd

    from clientlearn.trainer.groupwork.summary import Summary as GroupSummary
    from clientlearn.trainer.selfassess.classdata import ClassAnswers

BANK_FILE = "questions.yaml"
GRADE_COLUMNS = ["student", "module", "cell", "score", "max_score", "needs_manual"]
ANSWER_COLUMNS = ["student", "module", "qid", "value"]
# (message key, values): the renderer words it.  A value is a name (the same in every
# language) or {lang: text}, a reason already worded in each language.
Note = tuple[str, Mapping[str, str | Mapping[str, str]]]


def score_cell(qid: str) -> str:
    """The grade id of a question's test cell, as ``authoring.grade_id(qid, "score")``.

    Restated, not imported: importing :mod:`clientlearn.trainer.authoring` loads nbformat, seconds
    of start-up for one regular expression (a test keeps the two equal)."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", qid) + "-score"


@dataclass(frozen=True)
class Inputs:
    """What a report is built from.  ``grades`` has one row per grade cell of every
    submission (:data:`GRADE_COLUMNS`); ``answers`` the saved answers to choice,
    ordering, matching and scenario questions (:data:`ANSWER_COLUMNS`); ``names`` maps
    ids to names; ``tasks`` the titles of written tasks (module -> grade id -> title);
    ``flags`` what needs the trainer's attention (:mod:`clientlearn.trainer.report.flags`)."""

    course: str
    grades: pd.DataFrame
    names: Mapping[str, str]
    banks: Mapping[str, Bank]
    answers: pd.DataFrame
    selfassess: ClassAnswers | None = None
    groups: GroupSummary | None = None
    notes: tuple[Note, ...] = ()
    tasks: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    flags: tuple[Flag, ...] = ()
    module_titles: Mapping[str, str] = field(default_factory=dict)

    def by_question(self) -> dict[tuple[str, str], list[Any]]:
        """The saved answers grouped by (module, question id)."""
        given: dict[tuple[str, str], list[Any]] = {}
        rows = self.answers[["module", "qid", "value"]].itertuples(index=False)
        for module, qid, value in rows:
            given.setdefault((str(module), str(qid)), []).append(value)
        return given


def read_gradebook(root: Path) -> tuple[str, pd.DataFrame, dict[str, str]]:
    """(course id, grades, names) from the course's gradebook."""
    import pandas as pd
    from sqlalchemy.exc import SQLAlchemyError

    from clientlearn.grader.gradebook import gradebook_url, open_gradebook

    rows: list[tuple[str, str, str, float, float, bool]] = []
    names: dict[str, str] = {}
    courses: set[str] = set()
    try:
        with open_gradebook(root, course_id=None) as gb:
            for s in gb.students:
                name = " ".join(p for p in (s.last_name, s.first_name) if p) or s.id
                names[s.id] = one_apostrophe(name)  # however it reached the gradebook
            for asg in gb.assignments:
                courses.add(asg.course_id)
                cells = [c for nb in asg.notebooks for c in (*nb.grade_cells, *nb.task_cells)]
                points = {c.name: float(c.max_score) for c in cells}
                rows += [
                    (sub.student_id, asg.name, g.name, float(g.score),
                     points.get(g.name, 0.0), bool(g.needs_manual_grade))
                    for sub in asg.submissions for nb in sub.notebooks for g in nb.grades
                ]  # fmt: skip
    except SQLAlchemyError as err:
        reason = str(getattr(err, "orig", None) or err).splitlines()[0]  # not the SQL
        raise ClientlearnError.said(
            WORDS, "err_gradebook_unreadable", url=gradebook_url(root), reason=reason
        ) from None
    course = ", ".join(sorted(courses - {"default_course"})) or root.name
    return course, pd.DataFrame(rows, columns=GRADE_COLUMNS), names


def _bank_for(root: Path, module: str) -> Bank | None:
    source = root / "source" / module / BANK_FILE
    if source.is_file():
        return load_bank(source)
    # autograde copies the instructor's bank over each participant's keyless copy.
    copies = sorted((root / "autograded").glob(f"*/{module}/{BANK_FILE}"))
    return load_bank(copies[0]) if copies else None


def reason(err: Exception) -> dict[str, str]:
    """Why a file was skipped, in every language: our own error's message, else the
    system's reason in words (Python gives it only in English)."""
    if isinstance(err, ClientlearnError):
        return {lang: err.text(lang) for lang in LANGUAGES}
    return os_reason(err)


def read_answers(autograded: Path, banks: Mapping[str, Bank]) -> tuple[pd.DataFrame, list[Note]]:
    """Saved answers to the choice, ordering, matching and scenario questions of ``banks``."""
    import pandas as pd

    rows: list[tuple[str, str, str, Any]] = []
    notes: list[Note] = []
    for module, bank in banks.items():
        kinds = SingleChoice | MultipleChoice | TrueFalse | Ordering | Matching | Scenario
        wanted = {q.id for q in bank if isinstance(q, kinds)}
        for path in sorted(autograded.glob(f"*/{module}/{ANSWERS_FILE}")):
            try:
                records = decode(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, ValueError) as err:
                notes.append(("skipped_file", {"file": str(path), "error": reason(err)}))
                continue
            student = path.parent.parent.name
            rows += [(student, module, q, r.value) for q, r in records.items() if q in wanted]
    return pd.DataFrame(rows, columns=ANSWER_COLUMNS), notes


def _course_label(root: Path, course_id: str, lang: str) -> str:
    """«Title» (id) from the course file, or the gradebook's course id alone without one."""
    from clientlearn.trainer.coursefacts import FACTS_FILE, load_course_facts

    if not (root / FACTS_FILE).is_file():
        return course_id
    title = load_course_facts(root).text("title", lang)
    return f"«{title}» ({course_id})" if lang == "uk" else f"“{title}” ({course_id})"


def _module_titles(root: Path, modules: Sequence[str], lang: str) -> dict[str, str]:
    """«Модуль N. Title» for each module the course file lists (as the certificates and
    the handbook name them); a module it does not list keeps its bank's title."""
    from clientlearn.trainer.coursefacts import FACTS_FILE, load_course_facts
    from clientlearn.trainer.results import module_number

    if not (root / FACTS_FILE).is_file():
        return {}
    facts = load_course_facts(root)
    return {
        m: word(lang, "module_heading", n=module_number(m, i), title=facts.module_title(m, lang))
        for i, m in enumerate(modules, start=1)
        if facts.module(m) is not None
    }


def collect(root: str | Path, modules: Sequence[str] = (), *, lang: str = "uk") -> Inputs:
    """Everything a report needs from the course root ``root``; ``modules`` limits it."""
    root = Path(root)
    course, grades, names = read_gradebook(root)
    course = _course_label(root, course, lang)
    known = sorted(set(grades["module"]))
    if not known:
        raise ClientlearnError.said(WORDS, "err_no_submissions", root=root)
    unknown = [m for m in modules if m not in known]
    if unknown:
        raise ClientlearnError.said(
            WORDS, "err_unknown_modules", unknown=", ".join(unknown), known=", ".join(known)
        )
    chosen = list(dict.fromkeys(modules)) or known
    grades = grades[grades["module"].isin(chosen)].reset_index(drop=True)
    notes: list[Note] = []
    banks: dict[str, Bank] = {}
    for module in chosen:
        bank = _bank_for(root, module)
        if bank is None:
            notes.append(("no_bank", {"module": module}))
        else:
            banks[module] = bank
    autograded = root / "autograded"
    answers, skipped = read_answers(autograded, banks)
    selfassess, groups = None, None
    if any(autograded.glob(f"*/*/{ANSWERS_FILE}")):  # else no answers at all, nothing to sum
        from clientlearn.trainer.groupwork.summary import summarize as group_summary
        from clientlearn.trainer.selfassess.classdata import load_class

        selfassess = load_class(autograded, lang=lang)
        if not selfassess.skipped.empty:
            skipped.append(("selfassess_skipped", {"n": str(len(selfassess.skipped))}))
        try:
            groups = group_summary(autograded, lang=lang)
        except ClientlearnError as err:  # a damaged group record must not sink the report
            skipped.append(("groups_failed", {"error": reason(err)}))
    tasks = {module: task_titles(root, module) for module in chosen}
    graded: dict[str, set[str]] = {}
    for module, student in grades[["module", "student"]].itertuples(index=False):
        graded.setdefault(str(module), set()).add(str(student))
    titles = {m: cell_titles(banks.get(m), tasks[m], lang) for m in chosen}
    flags = find_flags(root, graded, titles, lang=lang)
    notes_all = (*notes, *skipped)
    return Inputs(
        course, grades, names, banks, answers, selfassess, groups, notes_all, tasks, flags,
        _module_titles(root, chosen, lang),
    )  # fmt: skip


_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.M)
_NUMBERED = re.compile(r"^\d+(?:\.\d+)*\.?\s+")  # "6. Письмове завдання…"
_DURATION = re.compile(r"\s*\(≈[^)]*\)$")  # "… (≈ 15 хв)"


def task_titles(root: Path, module: str) -> dict[str, str]:
    """Written task (grade id) -> its title: the heading above it in the lesson notebook,
    without its section number and duration.  From the instructor's notebooks, else the
    released or an autograded copy."""
    for folder in (root / "source" / module, root / "release" / module):
        if any(folder.glob("*.ipynb")):
            break
    else:
        folder = next(iter(sorted((root / "autograded").glob(f"*/{module}"))), root / module)
    found: dict[str, str] = {}
    for path in sorted(folder.glob("*.ipynb")):
        heading = ""
        for cell in (read_notebook(path) or {}).get("cells", []):
            meta = (cell.get("metadata") or {}).get("nbgrader") or {}
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else str(source)
            if cell.get("cell_type") != "markdown":
                continue
            if meta.get("solution") and meta.get("grade") and meta.get("grade_id") and heading:
                found[str(meta["grade_id"])] = heading
            elif not meta:
                for title in _HEADING.findall(source):
                    heading = _DURATION.sub("", _NUMBERED.sub("", title)) or heading
    return found
