"""The grading sheet as an Excel workbook: one sheet per written task, one row per
participant, and a hidden sheet that remembers what the export saw.

A task's sheet starts with the task: its title, module, notebook and points, how to
grade, each criterion with its levels, and the model answer.  Below, the table: №, id,
name, the answer as text, a column per criterion (its points, 0 to the criterion's
most), the task's score and a comment.  A task graded already shows its score and
comment.  The hidden sheet (:data:`HIDDEN`) holds one JSON object a row: the format,
the course and the module, then per task its sheet, cell, points and header row, and per
participant row the id, a fingerprint of the answer and the manual score and comment the
gradebook held at export, so the import can tell a changed answer or a newer
formgrader grade from the trainer's own.
"""

from __future__ import annotations

import io
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from clientlearn.core.numbers import format_number

from .model import TaskAnswers, WrittenTask
from .words import w

__all__ = [
    "FORMAT",
    "HIDDEN",
    "SheetMeta",
    "SheetRow",
    "SheetTask",
    "columns",
    "meta_from_rows",
    "sheet_names",
    "workbook_bytes",
]

FORMAT = "clientlearn-written/1"
HIDDEN = "clientlearn"
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
_WIDTHS = {"no": 5, "id": 24, "name": 26, "answer": 70, "criterion": 13, "score": 11, "comment": 40}
_MAX_HEIGHT = 409  # Excel's tallest row, in points


@dataclass(frozen=True)
class SheetRow:
    """A participant's row as the export wrote it."""

    row: int
    student: str
    digest: str
    manual_score: float | None
    comment: str


@dataclass(frozen=True)
class SheetTask:
    """A task's sheet as the export wrote it: where its table starts and what it holds."""

    sheet: str
    module: str
    notebook: str
    cell: str
    points: float
    header_row: int
    criteria: tuple[tuple[str, float], ...]
    rows: tuple[SheetRow, ...]


@dataclass(frozen=True)
class SheetMeta:
    course: str
    module: str
    lang: str
    tasks: tuple[SheetTask, ...]


def columns(criteria: Sequence[tuple[str, float]], points: float, lang: str) -> list[str]:
    """The headers of a task's table, in order."""
    return [
        w("col_no", lang),
        w("col_id", lang),
        w("col_name", lang),
        w("col_answer", lang),
        *(
            w("col_criterion", lang, name=name, points=format_number(most, lang))
            for name, most in criteria
        ),
        w("col_score", lang, points=format_number(points, lang)),
        w("col_comment", lang),
    ]


def sheet_names(tasks: Sequence[WrittenTask]) -> list[str]:
    """Excel sheet names (at most 31 characters, none of []:*?/\\), numbered, unique."""
    names = []
    for i, task in enumerate(tasks, start=1):
        names.append(_BAD_TITLE.sub(" ", f"{i}. {task.title}")[:31].rstrip())
    return names


def _height(text: str, width: int) -> float:
    lines = sum(max(1, math.ceil(len(line) / max(width, 1))) for line in text.split("\n"))
    return float(min(_MAX_HEIGHT, 15 * lines + 3))


def _levels(task: WrittenTask, lang: str) -> list[tuple[str, str]]:
    return [
        (
            c.name,
            "\n".join(
                w("level", lang, points=format_number(level.points, lang), text=level.text)
                for level in c.levels
            ),
        )
        for c in task.rubric.criteria
    ]


def _task_sheet(ws: Any, entry: TaskAnswers, lang: str, file_name: str) -> SheetTask:
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
    from openpyxl.worksheet.datavalidation import (  # type: ignore[import-untyped]
        DataValidation,
    )

    task = entry.task
    criteria = tuple((c.name, c.points) for c in task.rubric.criteria)
    heads = columns(criteria, task.points, lang)
    last = len(heads)
    wrap = Alignment(wrap_text=True, vertical="top")
    text_width = sum(_WIDTHS[k] for k in ("answer", "score", "comment")) + 13 * len(criteria)

    def block(label: str, text: str, *, bold: bool = False) -> None:
        row = ws.max_row + 1
        ws.cell(row, 1, label).font = Font(bold=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        cell = ws.cell(row, 4, text)
        cell.alignment = wrap
        cell.data_type = "s"
        if bold:
            cell.font = Font(bold=True)
        ws.merge_cells(start_row=row, start_column=4, end_row=row, end_column=last)
        ws.cell(row, 1).alignment = wrap
        ws.row_dimensions[row].height = _height(text, text_width)

    ws.cell(1, 1, task.title).font = Font(bold=True, size=14)
    facts = (
        f"{w('module', lang)}: {task.module} · {w('notebook', lang)}: {task.notebook} · "
        f"{w('points', lang)}: {format_number(task.points, lang)}"
    )
    ws.cell(2, 1, facts)
    ws.cell(3, 1, w("fill_in", lang, file=file_name)).font = Font(italic=True)
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=last)
    ws.cell(3, 1).alignment = wrap
    ws.row_dimensions[3].height = 48
    if task.roleplay:
        block(w("how_to_grade", lang), w("roleplay_note", lang), bold=True)
    if task.rubric.intro:
        block(w("how_to_grade", lang), task.rubric.intro)
    for name, levels in _levels(task, lang):
        block(f"{w('criteria', lang)}: {name}", levels)
    block(w("model_answer", lang), task.rubric.model_answer or w("no_model_answer", lang))
    header_row = ws.max_row + 2
    fill = PatternFill("solid", fgColor="DDEBF7")
    for col, head in enumerate(heads, start=1):
        cell = ws.cell(header_row, col, head)
        cell.font = Font(bold=True)
        cell.alignment = wrap
        cell.fill = fill
    rows = []
    for i, answer in enumerate(entry.answers, start=1):
        row = header_row + i
        values: list[Any] = [i, answer.student, answer.name, answer.text or w("no_answer", lang)]
        values += [None] * len(criteria)
        values += [answer.manual_score, answer.comment or None]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col, value)
            cell.alignment = wrap
            if isinstance(value, str):
                cell.data_type = "s"  # an answer starting with "=" is text, not a formula
        ws.row_dimensions[row].height = _height(values[3], _WIDTHS["answer"])
        rows.append(
            SheetRow(row, answer.student, answer.digest, answer.manual_score, answer.comment)
        )
    widths = [_WIDTHS["no"], _WIDTHS["id"], _WIDTHS["name"], _WIDTHS["answer"]]
    widths += [_WIDTHS["criterion"]] * len(criteria) + [_WIDTHS["score"], _WIDTHS["comment"]]
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    if rows:
        first, end = header_row + 1, header_row + len(rows)
        for j, (_, most) in enumerate((*criteria, ("", task.points))):
            letter = get_column_letter(5 + j)
            check = DataValidation(
                type="decimal", operator="between", formula1="0", formula2=repr(most)
            )
            check.add(f"{letter}{first}:{letter}{end}")
            ws.add_data_validation(check)
    ws.freeze_panes = ws.cell(header_row + 1, 5)
    return SheetTask(
        ws.title, task.module, task.notebook, task.cell, task.points, header_row, criteria,
        tuple(rows),
    )  # fmt: skip


def workbook_bytes(
    course: str, module: str, tasks: Sequence[TaskAnswers], lang: str, file_name: str
) -> tuple[bytes, SheetMeta]:
    """The grading workbook of ``tasks`` and what its hidden sheet remembers."""
    from openpyxl import Workbook  # type: ignore[import-untyped]

    book = Workbook()
    book.remove(book.active)
    written = []
    for name, entry in zip(sheet_names([t.task for t in tasks]), tasks, strict=True):
        written.append(_task_sheet(book.create_sheet(name), entry, lang, file_name))
    meta = SheetMeta(course, module, lang, tuple(written))
    hidden = book.create_sheet(HIDDEN)
    for row in meta_rows(meta):
        hidden.append([row])
    hidden.sheet_state = "veryHidden"  # Excel's "Unhide" does not list it
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue(), meta


def meta_rows(meta: SheetMeta) -> list[str]:
    """The hidden sheet's rows: one JSON object each."""

    def dump(value: dict[str, Any]) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    out = [
        dump({"format": FORMAT, "course": meta.course, "module": meta.module, "lang": meta.lang})
    ]
    for t in meta.tasks:
        out.append(
            dump({
                "task": t.sheet, "module": t.module, "notebook": t.notebook, "cell": t.cell,
                "points": t.points, "header_row": t.header_row,
                "criteria": [list(c) for c in t.criteria],
            })
        )  # fmt: skip
        out += [
            dump({
                "sheet": t.sheet, "row": r.row, "student": r.student, "digest": r.digest,
                "manual_score": r.manual_score, "comment": r.comment,
            })
            for r in t.rows
        ]  # fmt: skip
    return out


def meta_from_rows(rows: Sequence[object]) -> SheetMeta:
    """What :func:`meta_rows` wrote; ValueError (with the row) if it is not that."""
    parsed: list[dict[str, Any]] = []
    for i, text in enumerate(rows, start=1):
        try:
            value = json.loads(str(text))
        except ValueError:
            raise ValueError(i) from None
        if not isinstance(value, dict):
            raise ValueError(i)
        parsed.append(value)
    if not parsed or parsed[0].get("format") != FORMAT:
        raise ValueError(1)
    head = parsed[0]
    tasks: dict[str, dict[str, Any]] = {}
    rows_of: dict[str, list[SheetRow]] = {}
    for i, value in enumerate(parsed[1:], start=2):
        try:
            if "task" in value:
                tasks[str(value["task"])] = value
                rows_of[str(value["task"])] = []
            else:
                score = value["manual_score"]
                rows_of[str(value["sheet"])].append(
                    SheetRow(
                        int(value["row"]), str(value["student"]), str(value["digest"]),
                        None if score is None else float(score), str(value["comment"]),
                    )
                )  # fmt: skip
        except (KeyError, TypeError, ValueError):
            raise ValueError(i) from None
    try:
        built = tuple(
            SheetTask(
                sheet, str(t["module"]), str(t["notebook"]), str(t["cell"]), float(t["points"]),
                int(t["header_row"]), tuple((str(n), float(p)) for n, p in t["criteria"]),
                tuple(rows_of[sheet]),
            )
            for sheet, t in tasks.items()
        )  # fmt: skip
        return SheetMeta(str(head["course"]), str(head["module"]), str(head["lang"]), built)
    except (KeyError, TypeError, ValueError):
        raise ValueError(1) from None
