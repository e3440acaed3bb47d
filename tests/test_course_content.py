"""The course as shipped: banks check clean and every notebook is exactly what its lesson builds."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from clientlearn.runtime.bank import check_bank, load_bank
from clientlearn.trainer.authoring import build_notebook, scored_questions

REPO = Path(__file__).resolve().parent.parent
MODULES = [REPO / "module1_client_service", REPO / "module2_difficult_situations"]
LESSONS = REPO / "course" / "lessons"


def notebooks() -> list[Path]:
    return sorted(p for m in MODULES for p in m.glob("*.ipynb"))


@pytest.mark.parametrize(
    "module", [m for m in MODULES if (m / "questions.yaml").exists()], ids=lambda p: p.name
)
def test_bank_is_clean(module: Path) -> None:
    assert check_bank(module / "questions.yaml") == []


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.name)
def test_notebook_is_built_from_its_lesson(path: Path) -> None:
    lesson = LESSONS / path.parent.name / (path.stem + ".md")
    assert lesson.exists(), f"{path.name} has no lesson {lesson}"
    bank = load_bank(path.parent / "questions.yaml")
    built = build_notebook(lesson.read_text(encoding="utf-8"), bank, source_name=str(lesson))
    committed = nbformat.read(path, as_version=4)
    assert nbformat.writes(committed) == nbformat.writes(built), (
        f"{path} differs from its lesson; rebuild it with `clientlearn notebook build`"
    )
    assert not any(c.get("outputs") for c in committed.cells if c.cell_type == "code")


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.name)
def test_test_cells_are_worth_their_questions_points(path: Path) -> None:
    # A cell worth fewer points than its question would fail the whole submission
    # in nbgrader; one worth more would make a right answer look partly wrong.
    bank = load_bank(path.parent / "questions.yaml")
    for cell in nbformat.read(path, as_version=4).cells:
        meta = cell.metadata.get("nbgrader", {})
        for qid in scored_questions(nbformat.v4.new_notebook(cells=[cell])):
            assert meta.get("points") == bank[qid].points, f"{path.name}: {qid}"


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.name)
def test_stated_total_is_the_sum_of_the_notebooks_points(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    first = next(c for c in nb.cells if c.cell_type == "markdown")
    match = re.search(r"\*\*Усього балів у зошиті:\*\* (\d+(?:[.,]\d+)?)", first.source)
    assert match, f"{path.name}: the first text cell must state «**Усього балів у зошиті:** N»"
    stated = float(match.group(1).replace(",", "."))
    points = sum(
        float(c.metadata["nbgrader"].get("points", 0))
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("grade")
    )
    assert stated == points, f"{path.name}: states {stated:g} points, its cells hold {points:g}"


def _readme_rows(module: Path) -> tuple[dict[str, list[str]], list[str]]:
    """The Ukrainian table of a module README: the row of each notebook and the totals row."""
    rows: dict[str, list[str]] = {}
    for line in (module / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| **Разом**"):
            return rows, cells
        match = re.match(r"`(\d\d_\w+)`", cells[0]) if line.startswith("| `") else None
        if match:
            rows[match.group(1)] = cells
    raise AssertionError(f"{module.name}/README.md has no «| **Разом**» row")


def _number(cell: str) -> float:
    match = re.search(r"\d+(?:[.,]\d+)?", cell)
    return float(match.group(0).replace(",", ".")) if match else 0.0


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_readme_table_agrees_with_the_notebooks_and_lessons(module: Path) -> None:
    # The trainer plans the day and explains the points from this table, so each row
    # states its notebook's duration and points, and the totals row adds them up.
    rows, total = _readme_rows(module)
    assert sorted(rows) == sorted(p.stem for p in module.glob("*.ipynb"))
    sums = [0.0] * 5
    for stem, cells in rows.items():
        nb = nbformat.read(module / f"{stem}.ipynb", as_version=4)
        kinds = {"score": 0.0, "done": 0.0, "task": 0.0}
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade"):
                kinds[meta["grade_id"].rsplit("-", 1)[1]] += float(meta["points"])
        lesson = (LESSONS / module.name / f"{stem}.md").read_text(encoding="utf-8")
        minutes = re.search(r"\*\*Тривалість:\*\* близько (\d+) хвилин", lesson)
        assert minutes, f"{stem}: the lesson must state «**Тривалість:** близько N хвилин»"
        stated = [_number(c) for c in cells[2:7]]
        expected = [float(minutes.group(1)), kinds["score"], kinds["done"], kinds["task"]]
        assert stated[:4] == expected, f"{module.name}/README.md, {stem}: {stated} != {expected}"
        assert stated[4] == sum(expected[1:]), f"{module.name}/README.md, {stem}: total"
        sums = [a + b for a, b in zip(sums, stated, strict=True)]
    assert [_number(c) for c in total[2:7]] == sums, f"{module.name}/README.md: «Разом» row"
