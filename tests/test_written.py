"""The written tasks' grading sheet on a real nbgrader course: export → fill → import →
the gradebook's manual scores and comments, the report, the export and the certificate
rule; every bad sheet refused with nothing written."""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook  # type: ignore[import-untyped]

from clientlearn.cli.main import cli
from clientlearn.core.errors import ClientlearnError
from clientlearn.grader.coursefolder import Course
from clientlearn.grader.gradebook import open_gradebook
from clientlearn.runtime.store import AnswerStore
from clientlearn.trainer.authoring import build_notebook_file
from clientlearn.trainer.results import load_results
from clientlearn.trainer.written import export_sheet, import_sheet
from clientlearn.trainer.written.rubric import parse_rubric

from .conftest import SHOWCASE

MODULE = "written"
NOTEBOOK = "tasks"
PLAN = "w_plan-task"  # grade_id("w.plan", "task")
TALK = "w_roleplay_talk-task"
LESSON = """# Письмові завдання

## 1. План для бібліотеки (≈ 10 хв)

Напишіть план.

{{ task w.plan points=3 }}
**Критерії оцінювання для тренера.**

| Критерій | Бали | За що |
|---|---|---|
| Клієнти | 1 | Названо дві групи клієнтів. |
| | 0,5 | Одну групу. |
| | 0 | Жодної. |
| Обіцянки | 2 | Дві обіцянки, які можна перевірити. |
| | 1 | Одна. |
| | 0 | Жодної. |

**Зразок відповіді на 3 бали:**

Учні й пенсіонери; відповідь на запит за два дні.
{{ end }}

{{ ask sc.single }}

## 2. Оцінювана розмова (≈ 4 хв)

Запишіть номер картки.

{{ task w.roleplay.talk points=2 }}
**Рубрика для тренера (2 бали).**

1. **Слухання.**
   - 1 бал: перефразовує.
   - 0,5 бала: лише слухає.
   - 0 балів: перебиває.
2. **Домовленість.**
   - 1 бал: конкретний крок.
   - 0 балів: немає.
{{ end }}
"""
PLANS = {
    "alice": "Клієнти: учні ліцею та пенсіонери.\nОбіцянка: відповідь на запит за два дні.",
    "bob": "=Читачі загалом.",  # starts like a formula: stays text
    "carol": None,  # left blank
}
NAMES = {"alice": ("Аліса", "Мар’яненко"), "bob": ("Богдан", "Коваль"), "carol": ("Кіра", "Ящук")}


@dataclass
class Graded:
    root: Path


def _write_answer(notebook: Path, cell: str, text: str) -> None:
    data = json.loads(notebook.read_text(encoding="utf-8"))
    for found in data["cells"]:
        if found["metadata"].get("nbgrader", {}).get("grade_id") == cell:
            found["source"] = text
    notebook.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def written_source(base: Path) -> Path:
    """The module's source folder (LESSON's notebook and the showcase bank) in ``base``."""
    source = base / "src" / MODULE
    source.mkdir(parents=True)
    shutil.copy(SHOWCASE, source / "questions.yaml")
    lesson = base / "tasks.md"
    lesson.write_text(LESSON, encoding="utf-8")
    build_notebook_file(lesson, source / "questions.yaml", source / f"{NOTEBOOK}.ipynb")
    return source


def hand_in_plans(course: Course) -> None:
    """PLANS' participants hand in the released module: sc.single and the two tasks."""
    for student, text in PLANS.items():
        folder = course.submit_copy(student, MODULE)
        AnswerStore(folder).save("sc.single", "b")
        if text is not None:
            _write_answer(folder / f"{NOTEBOOK}.ipynb", PLAN, text)
        _write_answer(folder / f"{NOTEBOOK}.ipynb", TALK, f"Картка {len(student)}.")


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Graded:
    base = tmp_path_factory.mktemp("written")
    source = written_source(base)
    course = Course.create(base / "course")
    course.add_source(source)
    for student, (first, last) in NAMES.items():
        course.nbgrader("db", "student", "add", student, f"--first-name={first}",
                        f"--last-name={last}")  # fmt: skip
    course.nbgrader("generate_assignment", MODULE, "--force")
    hand_in_plans(course)
    course.nbgrader("autograde", MODULE, "--force")
    return Graded(course.root)


@pytest.fixture
def course(graded: Graded, tmp_path: Path) -> Path:
    """A copy of the graded course, so each test imports into a fresh gradebook."""
    root = tmp_path / "course"
    shutil.copytree(graded.root, root)
    return root


def _grades(root: Path) -> dict[tuple[str, str], tuple[float | None, str | None, bool]]:
    out = {}
    with open_gradebook(root) as gb:
        for student in PLANS:
            for cell in (PLAN, TALK):
                g = gb.find_grade(cell, NOTEBOOK, MODULE, student)
                c = gb.find_comment(cell, NOTEBOOK, MODULE, student)
                score = None if g.manual_score is None else float(g.manual_score)
                out[(student, cell)] = (score, c.manual_comment, bool(g.needs_manual_grade))
    return out


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fill(path: Path, edits: dict[tuple[int, str, int], Any]) -> None:
    """Edit cells of the sheet: (sheet index, participant id, column) -> value."""
    book = load_workbook(path)
    sheets = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
    for (index, student, col), value in edits.items():
        ws = sheets[index]
        row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == student)
        ws.cell(row, col, value)
    book.save(path)


# Columns: № id name answer | plan: Клієнти Обіцянки score comment (5..8) | talk: 2 criteria.
PLAN_SCORE, PLAN_COMMENT = 7, 8
TALK_SCORE, TALK_COMMENT = 7, 8


def test_rubric_in_both_forms() -> None:
    table = LESSON.split("{{ task w.plan points=3 }}")[1].split("{{ end }}")[0]
    rubric = parse_rubric(table)
    assert [(c.name, [lv.points for lv in c.levels]) for c in rubric.criteria] == [
        ("Клієнти", [1.0, 0.5, 0.0]),
        ("Обіцянки", [2.0, 1.0, 0.0]),
    ]
    assert rubric.points == 3
    assert rubric.model_answer == "Учні й пенсіонери; відповідь на запит за два дні."
    listed = parse_rubric(LESSON.split("points=2 }}")[1].split("{{ end }}")[0])
    assert [c.name for c in listed.criteria] == ["Слухання", "Домовленість"]
    assert listed.criteria[0].levels[1].text == "лише слухає."
    assert listed.model_answer == ""


def test_export_shows_tasks_answers_and_rubric(course: Path, tmp_path: Path) -> None:
    out = tmp_path / "grading.xlsx"
    done = export_sheet(course, MODULE, out)
    assert done.page == tmp_path / "grading.html" and done.page.is_file()
    assert [t.cell for t in done.meta.tasks] == [PLAN, TALK]
    book = load_workbook(out)
    visible = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
    assert [ws.title for ws in visible] == ["1. План для бібліотеки", "2. Оцінювана розмова"]
    assert book["clientlearn"].sheet_state == "veryHidden"
    ws = visible[0]
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert "Зразок відповіді" in text and "Учні й пенсіонери" in text
    assert "2 — Дві обіцянки, які можна перевірити." in text
    header = done.meta.tasks[0].header_row
    assert [c.value for c in ws[header]] == [
        "№", "Ідентифікатор", "Учасник", "Відповідь", "Клієнти (0–1)", "Обіцянки (0–2)",
        "Бал (0–3)", "Коментар для учасника",
    ]  # fmt: skip
    rows = {ws.cell(r, 2).value: r for r in range(header + 1, ws.max_row + 1)}
    assert ws.cell(rows["alice"], 3).value == "Мар’яненко Аліса"
    assert ws.cell(rows["alice"], 4).value == PLANS["alice"]
    assert (
        ws.cell(rows["bob"], 4).value == "=Читачі загалом."
        and ws.cell(rows["bob"], 4).data_type == "s"
    )
    assert ws.cell(rows["carol"], 4).value == "— відповіді немає —"
    assert "Бал ставлять за розмову" in "\n".join(
        str(c.value) for row in visible[1].iter_rows() for c in row if c.value
    )
    page = done.page.read_text(encoding="utf-8")
    assert "&lt;" not in PLANS["alice"] and "Мар’яненко Аліса" in page and "Клієнти" in page


def test_export_in_english_and_from_the_command(course: Path, tmp_path: Path) -> None:
    out = tmp_path / "sheet.xlsx"
    result = CliRunner().invoke(
        cli,
        ["written", "export", MODULE, "--out", str(out), "--course", str(course), "--lang", "en"],
    )
    assert result.exit_code == 0, result.output
    assert "2 task(s), 6 answer(s), 0 graded already" in result.output
    ws = load_workbook(out).worksheets[0]
    assert any(c.value == "Score (0–3)" for row in ws.iter_rows() for c in row)
    bad = CliRunner().invoke(cli, ["written", "export", MODULE, "--out", str(tmp_path / "x.csv"),
                                   "--course", str(course)])  # fmt: skip
    assert bad.exit_code == 1 and "x.csv" in bad.output and "xlsx" in bad.output


def test_fill_and_import_reach_gradebook_results_and_certificates(
    course: Path, tmp_path: Path
) -> None:
    out = tmp_path / "grading.xlsx"
    export_sheet(course, MODULE, out)
    before = load_results(course, min_score=60)
    assert before.pending_manual()  # alice's and bob's plans wait for the trainer
    _fill(out, {
        (0, "alice", 5): 1, (0, "alice", 6): 2, (0, "alice", PLAN_COMMENT): "Чіткі обіцянки.",
        (0, "bob", PLAN_SCORE): "0,5",
        (1, "alice", TALK_SCORE): 2, (1, "bob", TALK_SCORE): 1, (1, "carol", TALK_SCORE): 2,
        (1, "carol", TALK_COMMENT): "Гарна домовленість.",
    })  # fmt: skip
    result = CliRunner().invoke(cli, ["written", "import", str(out), "--course", str(course)])
    assert result.exit_code == 0, result.output
    assert "записано балів — 5, коментарів — 2" in result.output
    grades = _grades(course)
    assert grades[("alice", PLAN)] == (3.0, "Чіткі обіцянки.", False)
    assert grades[("bob", PLAN)] == (0.5, None, False)
    assert grades[("carol", PLAN)][0] is None  # blank and not graded: nbgrader's 0 stays
    assert grades[("carol", TALK)] == (2.0, "Гарна домовленість.", False)
    after = {p.id: p for p in load_results(course, min_score=60).participants}
    # sc.single (1 point) + the two tasks: alice 1 + 3 + 2 = 6 of 6.
    assert after["alice"].total == 6.0 and after["alice"].passed
    assert after["bob"].total == 2.5 and not after["bob"].passed
    assert load_results(course).pending_manual() == []
    # The same sheet again: nothing changes.
    stamp = _grades(course)
    again = import_sheet(course, out)
    assert (again.scores, again.comments) == (0, 0) and _grades(course) == stamp
    # A new export shows the grades already given.
    second = tmp_path / "second.xlsx"
    assert export_sheet(course, MODULE, second).graded == 5


def test_report_shows_imported_grades(course: Path, tmp_path: Path) -> None:
    from clientlearn.trainer.report.statistics import class_report

    pending = [i for i in class_report(course).items[MODULE] if i.pending]
    assert pending and all(i.kind == "task" for i in pending)
    out = tmp_path / "grading.xlsx"
    export_sheet(course, MODULE, out)
    edits = {(0, s, PLAN_SCORE): 1 for s in PLANS} | {(1, s, TALK_SCORE): 2 for s in PLANS}
    _fill(out, edits)
    import_sheet(course, out)
    items = {i.cell: i for i in class_report(course).items[MODULE]}
    assert items[PLAN].pending == 0 and items[TALK].pending == 0
    assert items[PLAN].mean_fraction == pytest.approx(1 / 3)
    assert items[PLAN].title == "План для бібліотеки"


BAD_SHEETS = {
    "score above the points": ({(0, "alice", PLAN_SCORE): 4}, "4 поза межами від 0 до 3", "G"),
    "negative criterion": ({(0, "alice", 5): -1}, "−1 поза межами від 0 до 1", "E"),
    "not a number": ({(0, "alice", PLAN_SCORE): "добре"}, "«добре» — не число", "G"),
    "criteria half filled": ({(0, "alice", 5): 1}, "не за всі критерії", "G"),
    "sum differs": (
        {(0, "alice", 5): 1, (0, "alice", 6): 1, (0, "alice", PLAN_SCORE): 3},
        "не дорівнює сумі",
        "G",
    ),
    "unknown participant": ({(0, "alice", 2): "zoe"}, "ідентифікатор «zoe»", "B"),
}


@pytest.mark.parametrize("case", sorted(BAD_SHEETS))
def test_a_bad_sheet_writes_nothing(course: Path, tmp_path: Path, case: str) -> None:
    edits, message, column = BAD_SHEETS[case]
    out = tmp_path / "grading.xlsx"
    export_sheet(course, MODULE, out)
    _fill(out, {(1, "bob", TALK_SCORE): 2, **edits})  # a good row beside the bad one
    db = course / "gradebook.db"
    stamp = _digest(db)
    with pytest.raises(ClientlearnError) as err:
        import_sheet(course, out)
    text = str(err.value)
    assert "нічого не записано" in text and message in text, text
    assert "аркуш «1. План для бібліотеки», рядок" in text and f"стовпець {column}" in text
    assert _digest(db) == stamp


def test_changed_answer_unknown_task_and_foreign_files_are_refused(
    course: Path, tmp_path: Path
) -> None:
    out = tmp_path / "grading.xlsx"
    export_sheet(course, MODULE, out)
    _fill(out, {(0, "alice", PLAN_SCORE): 2})
    stamp = _digest(course / "gradebook.db")
    notebook = course / "autograded" / "alice" / MODULE / f"{NOTEBOOK}.ipynb"
    original = notebook.read_text(encoding="utf-8")
    _write_answer(notebook, PLAN, "Зовсім інша відповідь.")
    with pytest.raises(ClientlearnError, match="відповідь учасника змінилася"):
        import_sheet(course, out)
    notebook.write_text(original, encoding="utf-8")
    # The hidden sheet names a task the gradebook does not have.
    book = load_workbook(out)
    hidden = book["clientlearn"]
    for row in hidden.iter_rows():
        if row[0].value and '"task"' in row[0].value:
            row[0].value = row[0].value.replace(PLAN, "w_gone-task")
    book.save(out)
    with pytest.raises(ClientlearnError, match=r"w_gone-task.*немає в журналі оцінок"):
        import_sheet(course, out, lang="uk")
    # A workbook that is not a grading sheet, and a file that is not a workbook.
    other = tmp_path / "other.xlsx"
    book = load_workbook(out)
    del book["clientlearn"]
    book.save(other)
    with pytest.raises(ClientlearnError, match="not a clientlearn grading sheet"):
        import_sheet(course, other, lang="en")
    junk = tmp_path / "junk.xlsx"
    junk.write_text("кава", encoding="utf-8")
    with pytest.raises(ClientlearnError, match="не вдалося прочитати"):
        import_sheet(course, junk)
    renamed = tmp_path / "renamed.xlsx"
    book = load_workbook(out)
    book.worksheets[1].title = "Розмова"
    book.save(renamed)
    with pytest.raises(ClientlearnError, match="аркуша немає"):
        import_sheet(course, renamed)
    assert _digest(course / "gradebook.db") == stamp


def test_a_newer_formgrader_grade_needs_force(course: Path, tmp_path: Path) -> None:
    out = tmp_path / "grading.xlsx"
    export_sheet(course, MODULE, out)
    _fill(out, {(0, "alice", PLAN_SCORE): 2, (0, "bob", PLAN_SCORE): 1})
    with open_gradebook(course) as gb:  # the co-trainer grades alice in the formgrader
        grade = gb.find_grade(PLAN, NOTEBOOK, MODULE, "alice")
        grade.manual_score, grade.needs_manual_grade = 2.5, False
        gb.db.commit()
    result = CliRunner().invoke(
        cli, ["written", "import", str(out), "--course", str(course), "--lang", "en"]
    )
    assert result.exit_code == 1
    assert "graded in the formgrader after the sheet was made (— → 2.5)" in result.output
    assert "--force" in result.output and "column G" in result.output
    assert _grades(course)[("bob", PLAN)][0] is None  # nothing written
    forced = import_sheet(course, out, force=True)
    assert forced.scores == 2
    assert _grades(course)[("alice", PLAN)][0] == 2.0


def test_feedback_shows_the_grade_and_comment_in_ukrainian(course: Path, tmp_path: Path) -> None:
    from clientlearn.grader.release import make_feedback

    out = tmp_path / "grading.xlsx"
    export_sheet(course, MODULE, out)
    _fill(out, {(0, "alice", PLAN_SCORE): 2.5, (0, "alice", PLAN_COMMENT): "Додайте строки."})
    import_sheet(course, out)
    make_feedback(course, MODULE)
    alice = (course / "feedback" / "alice" / MODULE / f"{NOTEBOOK}.html").read_text("utf-8")
    carol = (course / "feedback" / "carol" / MODULE / f"{NOTEBOOK}.html").read_text("utf-8")
    for english in (
        "Score:",
        "Student's answer",
        "Comments:",
        "Test cell",
        "No response.",
        "(Top)",
    ):
        assert english not in alice and english not in carol, english
    assert "Коментар тренера:</b> <p>Додайте строки.</p>" in alice
    assert "Бали: 2.5 / 3.0" in alice and "Ваша відповідь" in alice
    assert "Відповіді немає." in carol  # nbgrader's comment on a blank answer
    assert '<html lang="uk">' in alice


def test_the_demos_written_answers_fit_the_course_rubrics() -> None:
    import re

    import yaml

    from clientlearn.trainer.simulate import WRITTEN

    repo = Path(__file__).resolve().parent.parent
    rubrics = {}
    for lesson in (repo / "course" / "lessons").rglob("*.md"):
        text = lesson.read_text(encoding="utf-8")
        for found in re.finditer(
            r"\{\{ task (\S+) points=(\S+) \}\}\n(.*?)\{\{ end \}\}", text, re.S
        ):
            rubrics[found.group(1)] = (float(found.group(2)), parse_rubric(found.group(3)))
    answers = yaml.safe_load(WRITTEN.read_text(encoding="utf-8"))["answers"]
    assert set(answers) == set(rubrics)  # every written task of the course, nothing else
    for task, variants in answers.items():
        points, rubric = rubrics[task]
        assert rubric.points == points, task
        assert len({v["uk"] for v in variants}) == len(variants) >= 3, task
        for v in variants:
            assert v["en"].strip(), task
            assert len(v["levels"]) == len(rubric.criteria), task
            for level, criterion in zip(v["levels"], rubric.criteria, strict=True):
                assert level in {lv.points for lv in criterion.levels}, (task, level)
