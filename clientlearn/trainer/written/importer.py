"""``clientlearn written import``: a filled grading sheet into the gradebook.

Everything is checked before anything is written, and a sheet with any problem writes
nothing: one :class:`ClientlearnError` lists every problem with its sheet, row and column.
A problem is a malformed sheet (not made by the export, a sheet renamed or removed, a
header or an id changed, a row added), a number that is not one, a score outside
[0, points] or a criterion outside [0, its most] (nbgrader's formgrader would clip
it silently), a score that is not the sum of the criteria filled in beside it, an
unknown participant or task, an answer changed since the export, and, unless ``force``,
a grade or a comment the formgrader changed since the export.

A score and a comment are written as the formgrader writes them: ``Grade.manual_score``
(with ``needs_manual_grade`` cleared while a score is given) and
``Comment.manual_comment``.  A row equal to what the gradebook holds writes nothing, so
importing the same sheet twice changes nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.numbers import format_number

from .model import answer_digest, task_cell_text
from .words import w
from .workbook import HIDDEN, SheetMeta, SheetRow, SheetTask, columns, meta_from_rows

__all__ = ["Imported", "import_sheet"]

_EPS = 1e-9


@dataclass(frozen=True)
class Filled:
    """What the trainer wrote in one row."""

    task: SheetTask
    row: SheetRow
    score: float | None
    comment: str


@dataclass(frozen=True)
class Imported:
    """What the import wrote: how many scores and comments changed, of how many rows."""

    module: str
    scores: int
    comments: int
    rows: int


class _Problems:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.found: list[str] = []

    def at(self, task: SheetTask, row: int, col: int | None, key: str, **values: object) -> None:
        from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

        lang = self.lang
        if col is None:
            where = w("where_row", lang, sheet=task.sheet, row=row)
        else:
            header = columns(task.criteria, task.points, lang)[col - 1]
            where = w(
                "where", lang, sheet=task.sheet, row=row, column=get_column_letter(col),
                header=header,
            )  # fmt: skip
        self.found.append(f"{where}: {w(key, lang, **values)}")

    def sheet(self, task: SheetTask, key: str, **values: object) -> None:
        self.found.append(
            f"{w('where_sheet', self.lang, sheet=task.sheet)}: {w(key, self.lang, **values)}"
        )


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, abs_tol=_EPS)


def _number(value: object) -> float | str | None:
    """A cell's number; None if empty; the text itself if it is not a number."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return str(value).strip()
    return number if math.isfinite(number) else str(value).strip()


def _open(path: Path, lang: str) -> tuple[Any, SheetMeta]:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    try:
        book = load_workbook(path, data_only=True)
    except FileNotFoundError:
        raise ClientlearnError(w("unreadable", lang, file=path, error="—")) from None
    except Exception as err:  # a damaged workbook fails in zipfile, XML or openpyxl
        raise ClientlearnError(w("unreadable", lang, file=path, error=err)) from None
    if HIDDEN not in book.sheetnames:
        raise ClientlearnError(w("not_a_sheet", lang, file=path, reason=w("no_hidden", lang)))
    cells = [row[0] for row in book[HIDDEN].iter_rows(values_only=True) if row and row[0]]
    try:
        meta = meta_from_rows(cells)
    except ValueError as err:
        reason = w("hidden_damaged", lang, row=err.args[0] if err.args else 1)
        raise ClientlearnError(w("not_a_sheet", lang, file=path, reason=reason)) from None
    return book, meta


def _read_task(book: Any, task: SheetTask, lang: str, problems: _Problems) -> list[Filled]:
    if task.sheet not in book.sheetnames:
        problems.sheet(task, "sheet_missing")
        return []
    ws = book[task.sheet]
    heads = columns(task.criteria, task.points, lang)
    for col, expected in enumerate(heads, start=1):
        found = ws.cell(task.header_row, col).value
        if str(found or "").strip() != expected:
            problems.at(task, task.header_row, col, "header_changed", expected=expected)
            return []
    n = len(task.criteria)
    score_col, comment_col = 5 + n, 6 + n
    filled = []
    for row in task.rows:
        found = str(ws.cell(row.row, 2).value or "").strip()
        if found != row.student:
            problems.at(task, row.row, 2, "id_changed", found=found, expected=row.student)
            continue
        values: list[float | None] = []
        ok = True
        for j, (_, most) in enumerate((*task.criteria, ("", task.points))):
            col = 5 + j
            value = _number(ws.cell(row.row, col).value)
            if isinstance(value, str):
                problems.at(task, row.row, col, "not_a_number", value=value)
                ok = False
            elif value is not None and not -_EPS <= value <= most + _EPS:
                problems.at(
                    task, row.row, col, "out_of_range",
                    value=format_number(value, lang), points=format_number(most, lang),
                )  # fmt: skip
                ok = False
            values.append(value if isinstance(value, float) else None)
        if not ok:
            continue
        criteria, score = values[:n], values[n]
        given = [v for v in criteria if v is not None]
        if score is None and given:
            if len(given) < n:
                problems.at(task, row.row, score_col, "criteria_incomplete")
                continue
            score = round(sum(given), 6)
        elif score is not None and n and len(given) == n and not _same(sum(given), score):
            problems.at(
                task, row.row, score_col, "sum_differs",
                score=format_number(score, lang), total=format_number(sum(given), lang),
            )  # fmt: skip
            continue
        comment = ws.cell(row.row, comment_col).value
        filled.append(Filled(task, row, score, "" if comment is None else str(comment).strip()))
    last = task.rows[-1].row if task.rows else task.header_row
    for extra in range(last + 1, ws.max_row + 1):
        if any(ws.cell(extra, c).value not in (None, "") for c in range(1, comment_col + 1)):
            problems.at(task, extra, None, "extra_row")
    return filled


def import_sheet(
    course_root: str | Path, path: str | Path, *, force: bool = False, lang: str = "uk"
) -> Imported:
    """Check the grading sheet ``path`` against the course's gradebook and, only if it
    has no problem, write its scores and comments (see the module docstring)."""
    from nbgrader.api import MissingEntry

    from clientlearn.grader.gradebook import open_gradebook, retry_locked

    root, path = Path(course_root), Path(path)
    book, meta = _open(path, lang)
    problems = _Problems(lang)
    try:
        filled = [f for task in meta.tasks for f in _read_task(book, task, meta.lang, problems)]
    finally:
        book.close()
    writes: list[tuple[Any, Any, Filled]] = []
    with open_gradebook(root, course_id="") as gb:
        courses = {str(a.course_id) for a in gb.assignments}
        if meta.course not in courses:
            raise ClientlearnError(
                w("other_course", lang, file=path, sheet_course=meta.course,
                  course=", ".join(sorted(courses)) or "—")
            )  # fmt: skip
        known_tasks: dict[str, bool] = {}
        for f in filled:
            task, row = f.task, f.row
            if task.sheet not in known_tasks:
                try:
                    gb.find_grade_cell(task.cell, task.notebook, task.module)
                    known_tasks[task.sheet] = True
                except MissingEntry:
                    known_tasks[task.sheet] = False
                    problems.sheet(
                        task, "unknown_task", cell=task.cell, notebook=task.notebook,
                        module=task.module,
                    )  # fmt: skip
            if not known_tasks[task.sheet]:
                continue
            try:
                grade = gb.find_grade(task.cell, task.notebook, task.module, row.student)
                comment = gb.find_comment(task.cell, task.notebook, task.module, row.student)
            except MissingEntry:
                problems.at(
                    task, row.row, 2, "unknown_participant", student=row.student,
                    module=task.module,
                )  # fmt: skip
                continue
            notebook = root / "autograded" / row.student / task.module / f"{task.notebook}.ipynb"
            if answer_digest(task_cell_text(notebook, task.cell) or "") != row.digest:
                problems.at(task, row.row, 4, "answer_changed")
                continue
            score_col = 5 + len(task.criteria)
            now = None if grade.manual_score is None else float(grade.manual_score)
            if not force and not _same(now, row.manual_score) and not _same(now, f.score):
                shown = [
                    "—" if v is None else format_number(v, lang) for v in (row.manual_score, now)
                ]
                problems.at(task, row.row, score_col, "graded_since", was=shown[0], now=shown[1])
                continue
            said = comment.manual_comment or ""
            if not force and said != row.comment and said != f.comment:
                problems.at(task, row.row, score_col + 1, "commented_since")
                continue
            writes.append((grade, comment, f))
        if problems.found:
            head = w("refused", lang, file=path, n=len(problems.found))
            raise ClientlearnError("\n".join([head, *problems.found]))
        changed = [
            (g, c, f)
            for g, c, f in writes
            if not _same(None if g.manual_score is None else float(g.manual_score), f.score)
            or (c.manual_comment or "") != f.comment
        ]
        scores = sum(
            1 for g, _, f in changed
            if not _same(None if g.manual_score is None else float(g.manual_score), f.score)
        )  # fmt: skip
        comments = sum(1 for _, c, f in changed if (c.manual_comment or "") != f.comment)

        def apply() -> None:
            try:
                for grade, comment, f in changed:
                    grade.manual_score = f.score
                    # What the formgrader does when a grader saves a score.
                    grade.needs_manual_grade = f.score is None and grade.auto_score is None
                    comment.manual_comment = f.comment or None
                gb.db.commit()
            except Exception:
                gb.db.rollback()
                raise

        if changed:
            retry_locked(apply)
    return Imported(meta.module, scores, comments, len(filled))
