"""The course as shipped: banks check clean and every notebook is exactly what its lesson builds."""

from __future__ import annotations

import re
import shutil
from itertools import pairwise
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner

from clientlearn.cli import cli
from clientlearn.runtime.bank import check_bank, load_bank
from clientlearn.trainer.authoring import build_notebook, course_lessons, scored_questions
from clientlearn.trainer.coursefacts import load_course_facts

from .conftest import SHOWCASE

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


def test_every_lesson_has_its_notebook_and_every_notebook_its_lesson() -> None:
    builds = course_lessons(REPO / "course", load_course_facts(REPO / "course").module_ids)
    assert sorted(b.notebook for b in builds) == notebooks()
    assert all(b.notebook.is_file() for b in builds)


def test_notebook_build_all_rebuilds_the_course_and_refuses_strays(tmp_path: Path) -> None:
    course = tmp_path / "course"
    (course / "lessons" / "m1").mkdir(parents=True)
    (tmp_path / "m1").mkdir()
    shutil.copy(SHOWCASE, tmp_path / "m1" / "questions.yaml")
    (course / "course.yaml").write_text(
        "id: t\ntitle: {uk: Т}\nhours: 1\nmodules:\n  - {id: m1, title: {uk: М}, hours: 1}\n",
        encoding="utf-8",
    )
    (course / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
    for name in ("01_a", "02_b"):
        (course / "lessons" / "m1" / f"{name}.md").write_text(
            f"# {name}\n\n{{{{ ask sc.single }}}}\n", encoding="utf-8"
        )
    result = CliRunner().invoke(cli, ["notebook", "build", "--all", "--course", str(course)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "m1").glob("*.ipynb")) == ["01_a.ipynb", "02_b.ipynb"]

    (tmp_path / "m1" / "03_by_hand.ipynb").write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(cli, ["notebook", "build", "--all", "--course", str(course)])
    assert result.exit_code == 1
    assert "03_by_hand.ipynb без уроку" in result.output


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


# --- timings and totals: module READMEs, lessons and the trainer's timetable agree ------

README_ROW = re.compile(
    r"^\| `(\d\d_[a-z_]+)`[^|]*\|[^|]*\| (\d+) хв[^|]*\|([^|]*)\|([^|]*)\|([^|]*)\|([^|]*)\|$"
)
README_TOTAL = re.compile(
    r"^\| \*\*Разом\*\* \| *\| \*\*(\d+) хв[^|]*\|((?: \*\*[\d,.]+\*\* \|){4})$"
)
DURATION = re.compile(r"\*\*Тривалість:\*\* близько (\d+) хвилин")
SECTION_MINUTES = re.compile(r"\(≈ (\d+) хв\)")


def _number(cell: str) -> float:
    cell = cell.strip().strip("*")
    return 0.0 if cell in ("—", "") else float(cell.replace(",", "."))


def notebook_points(path: Path) -> dict[str, float]:
    """Points of a notebook's grade cells by kind: questions, self-assessments, tasks."""
    kinds = {"score": 0.0, "done": 0.0, "task": 0.0}
    for cell in nbformat.read(path, as_version=4).cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade"):
            kinds[meta["grade_id"].rsplit("-", 1)[1]] += float(meta.get("points", 0))
    return kinds


def lesson_minutes(module: Path, stem: str) -> int:
    match = DURATION.search((LESSONS / module.name / f"{stem}.md").read_text(encoding="utf-8"))
    assert match, f"{stem}: the lesson must state «**Тривалість:** близько N хвилин»"
    return int(match.group(1))


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_module_readme_table_matches_lessons_and_notebooks(module: Path) -> None:
    lines = (module / "README.md").read_text(encoding="utf-8").splitlines()
    rows = {m.group(1): m for line in lines if (m := README_ROW.match(line))}
    notebooks = sorted(p.stem for p in module.glob("*.ipynb"))
    assert sorted(rows) == notebooks, f"{module.name}/README.md lists {sorted(rows)}"
    minutes, sums = 0, [0.0, 0.0, 0.0, 0.0]
    for stem, row in rows.items():
        points = notebook_points(module / f"{stem}.ipynb")
        want = [points["score"], points["done"], points["task"], sum(points.values())]
        got = [_number(row.group(i)) for i in (3, 4, 5, 6)]
        assert got == want, f"{module.name}/README.md, {stem}: points {got}, notebook {want}"
        assert int(row.group(2)) == lesson_minutes(module, stem), f"{stem}: minutes differ"
        minutes += int(row.group(2))
        sums = [a + b for a, b in zip(sums, want, strict=True)]
    total = next((m for line in lines if (m := README_TOTAL.match(line))), None)
    assert total, f"{module.name}/README.md: no «**Разом**» row"
    cells = [_number(c) for c in total.group(2).strip(" |").split("|")]
    assert (int(total.group(1)), cells) == (minutes, sums), f"{module.name}/README.md: totals"


@pytest.mark.parametrize("lesson", sorted(LESSONS.rglob("*.md")), ids=lambda p: p.stem)
def test_lesson_sections_fit_its_duration(lesson: Path) -> None:
    text = lesson.read_text(encoding="utf-8")
    match = DURATION.search(text)
    assert match, f"{lesson.name}: no «**Тривалість:** близько N хвилин»"
    sections = sum(int(m) for m in SECTION_MINUTES.findall(text))
    # Module 1 times every part of a lesson; elsewhere timers may run rounds untimed.
    if lesson.parent.name == "module1_client_service":
        assert sections == int(match.group(1)), f"{lesson.name}: sections add up to {sections}"
    else:
        assert sections <= int(match.group(1)), f"{lesson.name}: sections add up to {sections}"


GUIDE = REPO / "course" / "TRAINER_GUIDE.md"
SLOT = re.compile(r"^\| (\d\d):(\d\d)–(\d\d):(\d\d) \| ([^|]*)\|(?: `?([0-9a-z_]*)`? \|)?")
BREAKS = ("Перерва", "Обід", "Break", "Lunch")


def timetable(heading: str) -> list[tuple[int, int, str, str]]:
    """The rows (start, end in minutes, what, notebook) of the table after a heading."""
    lines = GUIDE.read_text(encoding="utf-8").splitlines()
    start = lines.index(heading)
    rows = []
    for line in lines[start + 1 :]:
        if rows and not line.startswith("|"):
            break
        if m := SLOT.match(line):
            h1, m1, h2, m2, what, nb = m.groups()
            rows.append((int(h1) * 60 + int(m1), int(h2) * 60 + int(m2), what.strip(), nb or ""))
    assert rows, f"no timetable after {heading!r}"
    return rows


DAYS = {
    "**День 1 — модуль 1**": "module1_client_service",
    "**Day 1 — Module 1**": "module1_client_service",
    "**День 2 — модуль 2.** Жоден відрізок без перерви не довший за 90 хвилин.": "",
    "**Day 2: Module 2.** No stretch without a break is longer than 90 minutes.": "",
}


@pytest.mark.parametrize("heading", list(DAYS))
def test_no_stretch_over_90_minutes_without_a_break(heading: str) -> None:
    rows = timetable(heading)
    stretch = 0
    for (_, end, _, _), (start, _, _, _) in pairwise(rows):
        assert end == start, f"{heading}: a gap or overlap at {end // 60}:{end % 60:02}"
    for start, end, what, _ in rows:
        stretch = 0 if what.startswith(BREAKS) else stretch + end - start
        assert stretch <= 90, f"{heading}: {stretch} minutes without a break by {what!r}"
    if not DAYS[heading]:  # day 2's table names activities, not one notebook per row
        return
    # Each notebook gets the time its lesson states.
    module = REPO / DAYS[heading]
    for stem in sorted(p.stem for p in module.glob("*.ipynb")):
        planned = sum(end - start for start, end, _, nb in rows if nb == stem)
        assert planned == lesson_minutes(module, stem), f"{heading}: {stem} gets {planned} min"
