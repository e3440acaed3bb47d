"""Grade export from a real nbgrader gradebook: CSV, XLSX, Moodle CSV and the nbgrader plugin.

The gradebook is filled through nbgrader's own Gradebook API (assignments, notebooks,
grade cells, students, submissions, grades), as autograde would leave it, which is
much faster than autograding a class; the export plugin then runs in the real
``nbgrader export``.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from clientlearn.cli import cli
from clientlearn.core.errors import ClientlearnError
from clientlearn.core.tables import read_sheet
from clientlearn.grader.coursefolder import Course
from clientlearn.trainer.export import export_results
from clientlearn.trainer.results import load_results

REPO = Path(__file__).resolve().parent.parent
COURSE_ID = "client-orientation"
M1, M2 = "module1_client_service", "module2_difficult_situations"
# notebook and grade cells (name: points) per module: 71 and 78 points, as in the course.
MODULES = {
    M1: ("01_quality_service", {"q1": 40.0, "q2": 31.0}),
    M2: ("01_constructive_approach", {"q1": 50.0, "q2": 28.0}),
}
# id, first name, last name, email, points per grade cell per module.
PEOPLE: list[tuple[str, str, str, str | None, dict[str, tuple[float, ...]]]] = [
    (
        "kovalenko_liudmyla",
        "Людмила",
        "Коваленко",
        "l.kovalenko@example.org",
        {M1: (40, 25), M2: (50, 20)},
    ),
    # Exactly 60 % of module 1 (42.6 of 71): passes, the rule is "at least".
    (
        "koval_petrenko_mariana",
        "Мар’яна",
        "Коваль-Петренко",
        "m.koval@example.org",
        {M1: (30, 12.6), M2: (45, 2.5)},
    ),
    # High total (78.5 %), but module 2 is below 60 %: does not pass.
    (
        "melnyk_viacheslav",
        "Вʼячеслав",
        "Мельник, молодший",
        "v.melnyk@example.org",
        {M1: (40, 31), M2: (40, 6)},
    ),
    # No submission for module 2 and no email; module 1 awaits manual grading.
    ("shevchuk_iryna", "Ірина", "Шевчук", None, {M1: (30, 20)}),
]
PENDING = ("shevchuk_iryna", M1)


def run_facts(
    place: tuple[str, str] = ("Вінниця", "Vinnytsia"),
    dates: tuple[str, str] = ("3–4 квітня 2014", "3–4 April 2014"),
) -> str:
    """The course's course.yaml with the place and dates of one run written in."""
    text = (REPO / "course" / "course.yaml").read_text(encoding="utf-8")
    text = text.replace('place: {uk: "", en: ""}', f'place: {{uk: "{place[0]}", en: "{place[1]}"}}')
    return text.replace('dates: {uk: "", en: ""}', f'dates: {{uk: "{dates[0]}", en: "{dates[1]}"}}')


def build_course(root: Path) -> Course:
    """A course root whose gradebook holds the two modules and the four participants."""
    from nbgrader.api import Gradebook

    course = Course.create(root, course_id=COURSE_ID, facts=run_facts())
    # A new gradebook runs nbgrader's `alembic` script, which must be on PATH.
    path = os.environ.get("PATH", "")
    os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), path])
    try:
        with (
            warnings.catch_warnings(),
            Gradebook(f"sqlite:///{root / 'gradebook.db'}", COURSE_ID) as gb,
        ):
            # nbgrader's add_submission trips SQLAlchemy's autoflush warnings; harmless here.
            warnings.filterwarnings("ignore", message="Object of type .* not in session")
            for asg, (nb, cells) in MODULES.items():
                gb.add_assignment(asg)
                gb.add_notebook(nb, asg)
                for cell, points in cells.items():
                    gb.add_grade_cell(cell, nb, asg, max_score=points, cell_type="code")
            for sid, first, last, email, scores in PEOPLE:
                gb.add_student(sid, first_name=first, last_name=last, email=email)
                for asg, values in scores.items():
                    gb.add_submission(asg, sid)
                    nb, cells = MODULES[asg]
                    for cell, value in zip(cells, values, strict=True):
                        grade = gb.find_grade(cell, nb, asg, sid)
                        grade.auto_score = float(value)
                        grade.needs_manual_grade = (sid, asg) == PENDING
                    gb.db.commit()
    finally:
        os.environ["PATH"] = path
    return course


def template_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The course built once per test session (a new gradebook costs seconds); copy it."""
    root = tmp_path_factory.getbasetemp() / "clientlearn-results-course"
    if not (root / "gradebook.db").is_file():
        build_course(root)
    return root


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return template_course(tmp_path_factory)


@pytest.fixture
def root(template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the course root for one test."""
    dest = tmp_path / "course"
    shutil.copytree(template, dest)
    return dest


def read_csv(path: Path, encoding: str) -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as fh:
        return list(csv.reader(fh))


def read_excel_csv(path: Path) -> list[list[str]]:
    """A CSV as Excel with Ukrainian regional settings reads it: a BOM, ';'."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, delimiter=";"))


UK_HEADER = [
    "id",
    "Ім’я та прізвище",
    "Електронна пошта",
    "Модуль 1 (макс. 71)",
    "Модуль 2 (макс. 78)",
    "Разом (макс. 149)",
    "Відсоток",
    "Зараховано (≥ 60 % у кожному модулі)",
]
# Decimal commas: Excel with Ukrainian regional settings reads "42.6" as text or a date.
UK_ROWS = [
    ["kovalenko_liudmyla", "Людмила Коваленко", "l.kovalenko@example.org",
     "65", "70", "135", "90,6", "так"],
    ["koval_petrenko_mariana", "Мар’яна Коваль-Петренко", "m.koval@example.org",
     "42,6", "47,5", "90,1", "60,5", "так"],
    # The gradebook holds "Вʼячеслав" (U+02BC): exported with the one apostrophe, ’.
    ["melnyk_viacheslav", "В’ячеслав Мельник, молодший", "v.melnyk@example.org",
     "71", "46", "117", "78,5", "ні"],
    ["shevchuk_iryna", "Ірина Шевчук", "", "50", "0", "50", "33,6", "ні"],
]  # fmt: skip


def test_results_follow_the_pass_rule(root: Path) -> None:
    results = load_results(root)
    assert results.course_id == COURSE_ID
    assert results.assignments == (M1, M2)
    assert results.max_scores == (71.0, 78.0)
    by_id = {p.id: p for p in results.participants}
    assert [p.id for p in results.passed] == ["kovalenko_liudmyla", "koval_petrenko_mariana"]
    mariana = by_id["koval_petrenko_mariana"]
    assert [m.score for m in mariana.modules] == [42.6, 47.5]
    assert mariana.name == "Мар’яна Коваль-Петренко"
    iryna = by_id["shevchuk_iryna"]
    assert [(m.score, m.submitted) for m in iryna.modules] == [(50.0, True), (0.0, False)]
    assert iryna.total == 50.0 and iryna.max_total == 149.0 and iryna.percent == 33.6
    # Raise the bar above 60 % and the borderline participant no longer passes.
    strict = load_results(root, min_score=61)
    assert [p.id for p in strict.passed] == ["kovalenko_liudmyla"]
    assert all(p.passed for p in load_results(root, min_score=0).participants)


def test_csv_opens_in_columns_in_ukrainian_excel(root: Path) -> None:
    out = root / "grades.csv"
    warnings = export_results(root, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with its BOM
    assert raw.split(b"\r\n")[0].count(b";") == len(UK_HEADER) - 1
    assert read_excel_csv(out) == [UK_HEADER, *UK_ROWS]
    # clientlearn's own table reader (the one rosters go through) reads it back.
    assert [list(cells) for _, cells in read_sheet(out).rows] == [UK_HEADER, *UK_ROWS]
    assert len(warnings) == 1 and "shevchuk_iryna/module1_client_service" in warnings[0]


def test_csv_in_english(root: Path) -> None:
    out = root / "grades-en.csv"
    export_results(root, out, lang="en")
    rows = read_excel_csv(out)
    assert rows[0][3:] == [
        "Module 1 (max 71)",
        "Module 2 (max 78)",
        "Total (max 149)",
        "Percent",
        "Passed (≥ 60% in every module)",
    ]
    assert [r[-1] for r in rows[1:]] == ["yes", "yes", "no", "no"]


def test_xlsx_has_bold_header_and_numbers(root: Path) -> None:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    out = root / "grades.xlsx"
    export_results(root, out, "xlsx", min_score=60)
    ws = load_workbook(out).active
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows[0] == UK_HEADER
    assert all(cell.font.b for cell in ws[1])
    assert rows[2] == [
        "koval_petrenko_mariana",
        "Мар’яна Коваль-Петренко",
        "m.koval@example.org",
        42.6,
        47.5,
        90.1,
        60.5,
        "так",
    ]
    assert rows[3][1] == "В’ячеслав Мельник, молодший"
    assert [r[3:7] for r in rows[1:]] == [
        [65, 70, 135, 90.6],
        [42.6, 47.5, 90.1, 60.5],
        [71, 46, 117, 78.5],
        [50, 0, 50, 33.6],
    ]
    assert all(isinstance(v, int | float) for r in rows[1:] for v in r[3:7])


def test_moodle_csv(root: Path) -> None:
    out = root / "moodle.csv"
    warnings = export_results(root, out, "moodle")
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert read_csv(out, "utf-8") == [
        ["Електронна пошта", "Модуль 1", "Модуль 2", "Разом"],
        ["l.kovalenko@example.org", "65", "70", "135"],
        ["m.koval@example.org", "42.6", "47.5", "90.1"],
        ["v.melnyk@example.org", "71", "46", "117"],
    ]
    text = "\n".join(warnings)
    assert "shevchuk_iryna" in text and "немає адреси електронної пошти" in text
    assert "у стовпці «Разом» є значення понад 100" in text
    assert "письмові відповіді ще не оцінено в роботах (1): shevchuk_iryna/" in text
    english = "\n".join(export_results(root, root / "moodle-en.csv", "moodle", lang="en"))
    assert "no email address" in english and "column “Total” has values above 100" in english
    assert "1 submission(s) still have written answers to grade" in english


def test_bad_min_score_writes_nothing(root: Path) -> None:
    out = root / "grades.csv"
    with pytest.raises(ClientlearnError, match="between 0 and 100"):
        export_results(root, out, min_score=150)
    result = CliRunner().invoke(cli, ["export", "--course", str(root), "--min-score", "150"])
    assert result.exit_code == 1
    assert "--min-score має бути відсотком від 0 до 100" in result.output
    assert not out.exists()
    assert sorted(p.name for p in root.iterdir()) == [
        "course.yaml",
        "gradebook.db",
        "nbgrader_config.py",
    ]


def test_missing_gradebook_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--course", str(tmp_path)])
    assert result.exit_code == 1
    assert f"журналу оцінок {tmp_path.resolve() / 'gradebook.db'} немає" in result.output
    assert list(tmp_path.iterdir()) == []  # no empty gradebook was created


def test_cli_export_formats(root: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--course", str(root), "--format", "xlsx"])
    assert result.exit_code == 0, result.output
    assert (root / "grades.xlsx").is_file()
    assert "зараховано — 2" in result.output
    out = root / "m.csv"
    result = runner.invoke(
        cli,
        ["export", "--course", str(root), "--format", "moodle", "--out", str(out), "--lang", "en"],
    )
    assert result.exit_code == 0, result.output
    assert read_csv(out, "utf-8")[0] == ["Email address", "Module 1", "Module 2", "Total"]
    assert "Warning:" in result.output
    # One module alone keeps its number, and the pass rule looks at it only.
    out = root / "m2.csv"
    result = runner.invoke(
        cli, ["export", "--course", str(root), "--assignment", M2, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = read_excel_csv(out)
    assert rows[0][3:5] == ["Модуль 2 (макс. 78)", "Разом (макс. 78)"]
    assert [r[-1] for r in rows[1:]] == ["так", "так", "ні", "ні"]


def test_imports_stay_light() -> None:
    code = (
        "import sys, clientlearn.trainer.export, clientlearn.trainer.results, "
        "clientlearn.trainer.certificates, "
        "clientlearn.cli.results; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'nbgrader', 'fpdf', 'openpyxl'}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", check=True
    ).stdout
    assert out.strip() == "[]"


@pytest.mark.nbgrader
def test_nbgrader_export_plugin(root: Path) -> None:
    course = Course(root)
    proc = course.nbgrader(
        "export", "--exporter", "clientlearn.nbgrader_plugins.ResultsExporter", "--to", "out.csv"
    )
    assert "Exported 4 participant(s) (2 passed)" in proc.stdout + proc.stderr
    assert read_excel_csv(root / "out.csv") == [UK_HEADER, *UK_ROWS]


def test_plugin_options_and_errors(root: Path, caplog: pytest.LogCaptureFixture) -> None:
    # The plugin as nbgrader's ExportApp drives it, in process: traits, then export(gradebook).
    from nbgrader.api import Gradebook
    from nbgrader.plugins import ExportPlugin

    from clientlearn.trainer.export import ResultsExporter

    assert issubclass(ResultsExporter, ExportPlugin)
    assert ResultsExporter.__module__ == "clientlearn.trainer.export"
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", COURSE_ID) as gb:
        ResultsExporter(
            to=str(root / "m.csv"), file_format="moodle", student=["kovalenko_liudmyla"]
        ).export(gb)
        ResultsExporter(to=str(root / "m1.xlsx"), assignment=[M1], lang="en").export(gb)
        with pytest.raises(SystemExit) as exit_:
            ResultsExporter(to=str(root / "bad.csv"), min_score=150).export(gb)
    assert exit_.value.code == 1
    assert "--ResultsExporter.min_score must be a percentage" in caplog.text
    assert not (root / "bad.csv").exists()
    assert read_csv(root / "m.csv", "utf-8") == [
        ["Електронна пошта", "Модуль 1", "Модуль 2", "Разом"],
        ["l.kovalenko@example.org", "65", "70", "135"],
    ]
    from openpyxl import load_workbook

    rows = list(load_workbook(root / "m1.xlsx").active.iter_rows(values_only=True))
    assert rows[0][3:] == (
        "Module 1 (max 71)",
        "Total (max 71)",
        "Percent",
        "Passed (≥ 60% in every module)",
    )
    assert [r[-1] for r in rows[1:]] == ["yes", "yes", "yes", "yes"]  # module 1 only


def test_per_question_scores_and_moodle_id_numbers(root: Path) -> None:
    runner = CliRunner()
    out = root / "q.csv"
    result = runner.invoke(
        cli, ["export", "--course", str(root), "--per-question", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = read_excel_csv(out)
    assert rows[0] == [*UK_HEADER, "Модуль 1: q1", "Модуль 1: q2", "Модуль 2: q1", "Модуль 2: q2"]
    # Each grade cell's points; a module not handed in scores 0 in each of its cells.
    assert [r[len(UK_HEADER) :] for r in rows[1:]] == [
        ["40", "25", "50", "20"],
        ["30", "12,6", "45", "2,5"],
        ["40", "31", "40", "6"],
        ["30", "20", "0", "0"],
    ]
    # Moodle by ID number: everyone has an id, so nobody is left out (no email needed).
    moodle = root / "m.csv"
    result = runner.invoke(
        cli,
        ["export", "--course", str(root), "--format", "moodle", "--match", "idnumber",
         "--per-question", "--out", str(moodle), "--lang", "en"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert read_csv(moodle, "utf-8") == [
        ["ID number", "Module 1", "Module 2", "Total",
         "Module 1: q1", "Module 1: q2", "Module 2: q1", "Module 2: q2"],
        ["kovalenko_liudmyla", "65", "70", "135", "40", "25", "50", "20"],
        ["koval_petrenko_mariana", "42.6", "47.5", "90.1", "30", "12.6", "45", "2.5"],
        ["melnyk_viacheslav", "71", "46", "117", "40", "31", "40", "6"],
        ["shevchuk_iryna", "50", "0", "50", "30", "20", "0", "0"],
    ]  # fmt: skip
    assert "no email address" not in result.output
    # By email (the default), the per-question columns follow the module columns.
    result = runner.invoke(
        cli,
        [
            "export",
            "--course",
            str(root),
            "--format",
            "moodle",
            "--per-question",
            "--out",
            str(moodle),
        ],
    )
    assert read_csv(moodle, "utf-8")[1] == [
        "l.kovalenko@example.org", "65", "70", "135", "40", "25", "50", "20"
    ]  # fmt: skip
