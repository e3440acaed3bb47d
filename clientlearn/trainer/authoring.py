"""Build nbgrader-ready notebooks from a lesson written in Markdown and a question bank.

A lesson is Markdown with these additions:

* a line ``{{ ask QUESTION-ID }}`` places a question: a locked cell that shows its
  widget and, for a question worth points, an autograder test cell whose visible
  part checks that it was answered and whose hidden part scores it;
* a line ``{{ instrument ID [phase=before|after] [points=N] }}`` places a
  self-assessment (:mod:`clientlearn.selfassess`); with points, a test cell gives
  them for completing it (never for "right" answers);
* ``{{ task ID points=N }}`` … ``{{ end }}`` is a manually graded written answer: the
  lines between are the instructor's rubric, which nbgrader replaces with an empty
  answer field in the participants' copy;
* a line ``{{ handin }}`` places the hand-in widget (:mod:`clientlearn.handin`): the
  participant's name and the button that downloads the module as one zip;
* a fenced block opened with ```` ```python ```` becomes a locked code cell.

Everything else becomes Markdown cells (a line ``---`` alone starts a new cell).
The first cell of every notebook is a locked set-up cell that loads the bank.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
from nbformat.notebooknode import NotebookNode

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.bank import Bank, load_bank
from clientlearn.runtime.testcells import grade_id

from .authoring_words import ERRORS

_ASK = re.compile(r"^\{\{\s*ask\s+([A-Za-z0-9_.-]+)\s*\}\}\s*$")
_INSTRUMENT = re.compile(r"^\{\{\s*instrument\s+([A-Za-z0-9_-]+)((?:\s+\w+=[\w.]+)*)\s*\}\}\s*$")
_TASK = re.compile(r"^\{\{\s*task\s+([A-Za-z0-9_.-]+)\s+points=(\d+(?:\.\d+)?)\s*\}\}\s*$")
_END = re.compile(r"^\{\{\s*end\s*\}\}\s*$")
_HANDIN = re.compile(r"^\{\{\s*handin\s*\}\}\s*$")
_FENCE = "```"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def _meta(cell_id: str, *, points: float | None = None, answer: bool = False) -> dict[str, Any]:
    """nbgrader metadata: a locked cell, a test cell (``points``), or, with ``answer``,
    a manually graded answer the participant writes in."""
    meta: dict[str, Any] = {
        "grade": points is not None,
        "grade_id": cell_id,
        "locked": not answer,
        "schema_version": 3,
        "solution": answer,
        "task": False,
    }
    if points is not None:
        meta["points"] = points
    if answer:
        return {"nbgrader": meta}
    return {"nbgrader": meta, "deletable": False, "editable": False}


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def instrument_cells(instrument: str, options: dict[str, str]) -> list[NotebookNode]:
    """The cell that shows a self-assessment and, with ``points``, its completion test."""
    unknown = set(options) - {"phase", "points"}
    if unknown:
        raise ClientlearnError.said(ERRORS, "instrument_options", unknown=sorted(unknown))
    phase = options.get("phase")
    phase_arg = f", phase={phase!r}" if phase else ""
    name = instrument + (f"-{phase}" if phase else "")
    cells = [
        nbformat.v4.new_code_cell(
            "from clientlearn.selfassess import instrument_view\n\n"
            f"instrument_view({instrument!r}{phase_arg})",
            metadata=_meta(grade_id(name, "ask")),
        )
    ]
    points = float(options.get("points", 0))
    if points > 0:
        source = (
            "from clientlearn.selfassess import completion, require_completed\n\n"
            f"require_completed({instrument!r}{phase_arg})\n"
            f"completion({instrument!r}, {_number(points)}{phase_arg})"
        )
        cells.append(
            nbformat.v4.new_code_cell(
                source, metadata=_meta(grade_id(name, "done"), points=_number(points))
            )
        )
    return cells


def task_cell(task_id: str, points: float, rubric: list[str]) -> NotebookNode:
    """A manually graded written answer; the rubric is visible only to instructors."""
    source = "\n".join(["### BEGIN SOLUTION", *rubric, "### END SOLUTION"])
    return nbformat.v4.new_markdown_cell(
        source, metadata=_meta(grade_id(task_id, "task"), points=_number(points), answer=True)
    )


def handin_cell() -> NotebookNode:
    """The hand-in widget (no points: handing in is not graded)."""
    source = "from clientlearn.handin import handin_view\n\nhandin_view()"
    return nbformat.v4.new_code_cell(source, metadata=_meta("clientlearn-handin"))


def setup_cell(bank_file: str = "questions.yaml") -> NotebookNode:
    source = (
        "from clientlearn import Quiz\n"
        "from clientlearn.grading import require_answer, score\n\n"
        f'quiz = Quiz("{bank_file}")'
    )
    return nbformat.v4.new_code_cell(source, metadata=_meta("clientlearn-setup"))


def question_cells(bank: Bank, qid: str, bank_file: str = "questions.yaml") -> list[NotebookNode]:
    """The cell that shows question ``qid`` and, if it earns points, its test cell."""
    question = bank[qid]
    cells = [nbformat.v4.new_code_cell(f'quiz.ask("{qid}")', metadata=_meta(grade_id(qid, "ask")))]
    if question.points > 0:
        bank_arg = "" if bank_file == "questions.yaml" else f", bank={bank_file!r}"
        source = (
            f'require_answer("{qid}"{bank_arg})\n'
            "### BEGIN HIDDEN TESTS\n"
            f'score("{qid}"{bank_arg})\n'
            "### END HIDDEN TESTS"
        )
        points = _number(question.points)
        cells.append(
            nbformat.v4.new_code_cell(source, metadata=_meta(grade_id(qid, "score"), points=points))
        )
    return cells


def build_notebook(
    lesson: str, bank: Bank, *, bank_file: str = "questions.yaml", source_name: str = "<lesson>"
) -> NotebookNode:
    """A notebook from lesson Markdown (see the module docstring)."""
    cells: list[NotebookNode] = [setup_cell(bank_file)]
    markdown: list[str] = []
    code: list[str] | None = None
    task: tuple[str, float, list[str]] | None = None
    n_code = 0
    asked: set[str] = set()

    def flush() -> None:
        text = "\n".join(markdown).strip()
        if text:
            cells.append(nbformat.v4.new_markdown_cell(text))
        markdown.clear()

    for number, line in enumerate(lesson.splitlines(), start=1):
        if code is not None:
            if line.strip() == _FENCE:
                n_code += 1
                cells.append(
                    nbformat.v4.new_code_cell("\n".join(code), metadata=_meta(f"code-{n_code}"))
                )
                code = None
            else:
                code.append(line)
            continue
        if task is not None:
            if _END.match(line):
                cells.append(task_cell(task[0], task[1], task[2]))
                task = None
            else:
                task[2].append(line)
            continue
        if match := _TASK.match(line):
            flush()
            if match.group(1) in asked:
                raise ClientlearnError.said(
                    ERRORS, "task_twice", file=source_name, line=number, task=repr(match.group(1))
                )
            asked.add(match.group(1))
            task = (match.group(1), float(match.group(2)), [])
            continue
        if match := _INSTRUMENT.match(line):
            flush()
            options = dict(opt.split("=", 1) for opt in match.group(2).split())
            try:
                cells.extend(instrument_cells(match.group(1), options))
            except ClientlearnError as err:
                raise ClientlearnError.said(
                    ERRORS, "at_line", file=source_name, line=number, error=err
                ) from None
            continue
        if _HANDIN.match(line):
            flush()
            if "clientlearn-handin" in asked:
                raise ClientlearnError.said(
                    ERRORS, "handin_twice", file=source_name, line=number, handin="{{ handin }}"
                )
            asked.add("clientlearn-handin")
            cells.append(handin_cell())
            continue
        match = _ASK.match(line)
        if match:
            flush()
            qid = match.group(1)
            if qid in asked:
                raise ClientlearnError.said(
                    ERRORS, "asked_twice", file=source_name, line=number, qid=repr(qid)
                )
            if qid not in bank.questions:
                raise ClientlearnError.said(
                    ERRORS,
                    "not_in_bank",
                    file=source_name,
                    line=number,
                    qid=repr(qid),
                    bank=repr(bank.id),
                )
            asked.add(qid)
            cells.extend(question_cells(bank, qid, bank_file))
        elif line.strip() == "```python":
            flush()
            code = []
        elif line.strip() == "---":
            flush()
        else:
            markdown.append(line)
    if code is not None:
        raise ClientlearnError.said(ERRORS, "open_block", file=source_name)
    if task is not None:
        raise ClientlearnError.said(ERRORS, "open_task", file=source_name, task=repr(task[0]))
    flush()
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    # Stable cell ids keep committed notebooks free of churn when rebuilt.
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:03d}"
    return nb


def build_notebook_file(lesson_path: Path, bank_path: Path, out: Path) -> Path:
    """Build ``out`` from a lesson file and the bank next to the notebook."""
    bank = load_bank(bank_path)
    try:
        lesson = lesson_path.read_text(encoding="utf-8")
    except OSError as err:
        raise ClientlearnError.said(
            ERRORS, "lesson_unreadable", path=lesson_path, reason=err.strerror
        ) from None
    nb = build_notebook(lesson, bank, bank_file=bank_path.name, source_name=str(lesson_path))
    out.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    return out


@dataclass(frozen=True)
class LessonBuild:
    """A lesson, the bank its questions come from, and the notebook built from them."""

    lesson: Path
    bank: Path
    notebook: Path


def course_lessons(course_root: Path, modules: Sequence[str]) -> list[LessonBuild]:
    """Every lesson of ``modules``: ``<course>/lessons/<module>/<name>.md`` builds
    ``<module>/<name>.ipynb`` beside the course folder, with that module's ``questions.yaml``.
    A module without a lessons folder, or a notebook without its lesson, is an error:
    the notebooks are rebuilt from lessons, never edited by hand."""
    out: list[LessonBuild] = []
    for module in modules:
        lessons = course_root / "lessons" / module
        folder = course_root.parent / module
        found = sorted(lessons.glob("*.md"))
        if not found:
            raise ClientlearnError.said(ERRORS, "no_lessons", lessons=lessons)
        stray = sorted(
            p.name for p in folder.glob("*.ipynb") if not (lessons / f"{p.stem}.md").is_file()
        )
        if stray:
            raise ClientlearnError.said(
                ERRORS, "stray_notebooks", folder=folder, stray=", ".join(stray), lessons=lessons
            )
        out += [
            LessonBuild(p, folder / "questions.yaml", folder / f"{p.stem}.ipynb") for p in found
        ]
    return out


_SCORED = re.compile(r'^score\("([A-Za-z0-9_.-]+)"', re.MULTILINE)


def scored_questions(nb: NotebookNode) -> list[str]:
    """Ids of the questions a notebook's autograder test cells score."""
    found = []
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade"):
            found.extend(_SCORED.findall(cell.source))
    return found


@dataclass(frozen=True)
class PlacedInstrument:
    """A self-assessment a notebook shows, and the points its completion earns."""

    instrument: str
    phase: str | None
    points: float


def placed_instruments(nb: NotebookNode) -> list[PlacedInstrument]:
    """The self-assessments placed by ``{{ instrument … }}`` lines, in order."""
    shown: list[tuple[str, str | None]] = []
    points: dict[tuple[str, str | None], float] = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for call in _calls(cell.source, {"instrument_view", "completion"}):
            name, phase = call["args"][0], call["kwargs"].get("phase")
            if call["func"] == "instrument_view":
                shown.append((name, phase))
            elif len(call["args"]) > 1:
                points[(name, phase)] = float(call["args"][1])
    return [PlacedInstrument(n, p, points.get((n, p), 0.0)) for n, p in shown]


def _calls(source: str, names: set[str]) -> list[dict[str, Any]]:
    """Top-level calls to ``names`` in ``source`` with their literal arguments."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names:
            try:
                args = [ast.literal_eval(a) for a in node.args]
                kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg}
            except ValueError:
                continue
            found.append({"func": node.func.id, "args": args, "kwargs": kwargs})
    return found
