"""The written tasks of a module and every participant's answer, as the gradebook and the
notebooks hold them: what a grading sheet is made of and checked against.

A written task is a graded Markdown answer cell in nbgrader's gradebook (what a lesson's
``{{ task … }}`` block becomes); its rubric and model answer are in the instructor's
notebook (``source/<module>/``), its title is the heading above it
(:func:`clientlearn.trainer.report.inputs.task_titles`), and each participant's answer
is that cell of their autograded notebook.  An answer still equal to the text nbgrader
put in its place (:data:`clientlearn.grader.plugins.ANSWER_STUB`) is blank.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.translit import one_apostrophe
from clientlearn.grader.integrity import read_notebook

from .rubric import Rubric, parse_rubric
from .words import w

__all__ = ["Answer", "TaskAnswers", "WrittenTask", "answer_digest", "read_module", "task_cell_text"]

# Placeholders nbgrader leaves in an answer cell: ours, and nbgrader's own default.
_BLANK = ("Напишіть свою відповідь тут. / Write your answer here.", "YOUR ANSWER HERE")


@dataclass(frozen=True)
class WrittenTask:
    """A manually graded written answer cell of a module's notebook."""

    module: str
    notebook: str
    cell: str
    title: str
    points: float
    rubric: Rubric

    @property
    def roleplay(self) -> bool:
        """Graded on a performance, not on the text (the assessed role-play conversation)."""
        return "roleplay" in self.cell


@dataclass(frozen=True)
class Answer:
    """One participant's answer to a written task and how the gradebook grades it now."""

    student: str
    name: str
    text: str  # "" when left blank
    manual_score: float | None
    auto_score: float | None
    comment: str  # the trainer's (manual) comment, "" if none

    @property
    def digest(self) -> str:
        return answer_digest(self.text)

    @property
    def graded(self) -> bool:
        return self.manual_score is not None


@dataclass(frozen=True)
class TaskAnswers:
    task: WrittenTask
    answers: tuple[Answer, ...]


def answer_digest(text: str) -> str:
    """A short fingerprint of an answer's text (line endings and outer spaces ignored)."""
    normal = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:20]


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def task_cell_text(path: Path, cell: str) -> str | None:
    """The text of the answer cell ``cell`` (a grade id) of the notebook ``path``; "" for a
    blank answer; None if the notebook or the cell is not there."""
    data = read_notebook(path)
    if data is None:
        return None
    for found in data.get("cells", []):
        meta = (found.get("metadata") or {}).get("nbgrader") or {}
        if meta.get("grade_id") == cell:
            text = _source(found).strip()
            return "" if text in _BLANK else text
    return None


def _rubric(root: Path, module: str, notebook: str, cell: str, lang: str) -> Rubric:
    path = root / "source" / module / f"{notebook}.ipynb"
    for found in (read_notebook(path) or {}).get("cells", []):
        meta = (found.get("metadata") or {}).get("nbgrader") or {}
        if meta.get("grade_id") == cell:
            return parse_rubric(_source(found))
    raise ClientlearnError(w("no_rubric", lang, path=path, cell=cell, module=module))


def _name(student: Any) -> str:
    name = " ".join(p for p in (student.last_name, student.first_name) if p)
    return one_apostrophe(name.strip()) or str(student.id)


def read_module(root: Path, module: str, lang: str = "uk") -> tuple[str, list[TaskAnswers]]:
    """(course id, the module's written tasks with every submission's answer), the tasks in
    the notebooks' order, the participants in the gradebook's alphabetical order."""
    from nbgrader.api import MissingEntry

    from clientlearn.grader.gradebook import open_gradebook
    from clientlearn.trainer.groups import name_sort_key
    from clientlearn.trainer.report.inputs import task_titles

    titles = task_titles(root, module)
    with open_gradebook(root, course_id="") as gb:
        try:
            assignment = gb.find_assignment(module)
        except MissingEntry:
            known = ", ".join(sorted(a.name for a in gb.assignments)) or w("none", lang)
            raise ClientlearnError(w("no_module", lang, module=module, known=known)) from None
        course = str(assignment.course_id)
        submissions = sorted(
            assignment.submissions,
            key=lambda s: (name_sort_key(_name(s.student)), s.student.id),
        )
        if not submissions:
            raise ClientlearnError(w("no_submissions", lang, module=module))
        out: list[TaskAnswers] = []
        for nb in sorted(assignment.notebooks, key=lambda n: n.name):
            for cell in nb.grade_cells:
                if cell.cell_type != "markdown":
                    continue
                rubric = _rubric(root, module, nb.name, cell.name, lang)
                task = WrittenTask(
                    module, nb.name, cell.name, titles.get(cell.name, cell.name),
                    float(cell.max_score), rubric,
                )  # fmt: skip
                answers = []
                for sub in submissions:
                    student = sub.student.id
                    try:
                        grade = gb.find_grade(cell.name, nb.name, module, student)
                        comment = gb.find_comment(cell.name, nb.name, module, student)
                    except MissingEntry:  # a submission without this notebook
                        continue
                    said = comment.manual_comment or ""
                    path = root / "autograded" / student / module / f"{nb.name}.ipynb"
                    answers.append(
                        Answer(
                            student,
                            _name(sub.student),
                            task_cell_text(path, cell.name) or "",
                            None if grade.manual_score is None else float(grade.manual_score),
                            None if grade.auto_score is None else float(grade.auto_score),
                            said,
                        )
                    )
                out.append(TaskAnswers(task, tuple(answers)))
    if not out:
        raise ClientlearnError(w("no_tasks", lang, module=module))
    return course, out
