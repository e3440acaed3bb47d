"""Every command that reads or writes grades, on a course whose gradebook is on a real
PostgreSQL server, against the same course on SQLite: roster import, collect (names
from the gradebook), autograde, written import, report, export and certificates give
the same students, grades, numbers and certificates.  The written grades are chosen so
that the database's SUM of a submission's cells is not their exact sum (1 + 0,87 +
0,04 = 1,9100000000000001 in any order): every command shows the exact total on both."""

from __future__ import annotations

import math
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from clientlearn.cli.main import cli
from clientlearn.grader.autograde import snapshot
from clientlearn.grader.coursefolder import Course
from clientlearn.grader.gradebook import open_gradebook
from clientlearn.runtime.store import ANSWERS_FILE
from clientlearn.trainer.report.statistics import class_report
from clientlearn.trainer.results import load_results
from clientlearn.trainer.written import export_sheet

from .postgres import Server, free_port, use_database
from .test_collect import COLLECT
from .test_export import run_facts
from .test_written import (
    MODULE,
    NAMES,
    NOTEBOOK,
    PLAN,
    PLAN_SCORE,
    TALK,
    TALK_SCORE,
    _fill,
    _grades,
    hand_in_plans,
    written_source,
)

pytestmark = pytest.mark.nbgrader

DATABASES = ("sqlite", "postgresql")
ROSTER = "id,name,first_name,last_name\n" + "".join(
    f"{s},{last} {first},{first},{last}\n" for s, (first, last) in NAMES.items()
)
# The trainer's written grades: alice's three cells sum to 1,91 exactly, but to
# 1,9100000000000001 in floating point in any order; bob's total depends on the order.
WRITTEN = {
    ("alice", PLAN): 0.87, ("alice", TALK): 0.04,
    ("bob", PLAN): 0.1, ("bob", TALK): 0.2,
    ("carol", TALK): 2,  # carol's plan is blank: nbgrader's 0 stands
}  # fmt: skip
TOTALS = {"alice": 1.91, "bob": 1.3, "carol": 3.0}  # sc.single's 1 point + the tasks


def invoke(*args: str) -> Any:
    result = CliRunner().invoke(cli, [*args, "--lang", "en"])
    assert result.exit_code == 0, result.output
    return result


def moodle_zip(submitted: Path, path: Path) -> None:
    """Moodle's "Download all submissions" of what each participant handed in, under
    their "First Last" names (the collector matches them to the gradebook's students)."""
    path.parent.mkdir(parents=True)
    with zipfile.ZipFile(path, "w") as zf:
        for student, (first, last) in NAMES.items():
            folder = submitted / student / MODULE
            for file in sorted(folder.iterdir()):
                zf.write(file, f"{first} {last}_{len(student)}_assignsubmission_file_/{file.name}")


@pytest.fixture(scope="module")
def courses(pg: Server, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same class on SQLite and on PostgreSQL, each through the commands: roster
    import, hand-in (collected from a Moodle zip on PostgreSQL), autograde, the written
    tasks' sheet exported from one course and imported into both."""
    base = tmp_path_factory.mktemp("pg-commands")
    source = written_source(base)
    roster = base / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    roots: dict[str, Path] = {}
    for database in DATABASES:
        course = Course.create(base / database / "course", facts=run_facts())
        if database == "postgresql":
            use_database(course.root, pg.create_database("commands"))
        course.add_source(source)
        course.nbgrader("generate_assignment", MODULE, "--force")
        invoke("roster", "import", str(roster), "--course", str(course.root))
        roots[database] = course.root
    sqlite, postgresql = (Course(roots[d]) for d in DATABASES)
    hand_in_plans(sqlite)
    # Without roster.csv the collector knows people by the gradebook's names.
    kept = postgresql.root / "roster.csv"
    kept.rename(base / "kept-roster.csv")
    moodle_zip(
        sqlite.root / "submitted", postgresql.root / "downloaded" / MODULE / "archive" / "m.zip"
    )
    collected = postgresql.nbgrader("zip_collect", MODULE, COLLECT)
    (base / "kept-roster.csv").rename(kept)
    assert "the gradebook's students" in collected.stdout + collected.stderr
    for root in roots.values():
        invoke("autograde", MODULE, "--course", str(root), "--jobs", "1")
    sheet = base / "grading.xlsx"
    export_sheet(postgresql.root, MODULE, sheet)
    column = {PLAN: (0, PLAN_SCORE), TALK: (1, TALK_SCORE)}
    _fill(sheet, {(column[c][0], s, column[c][1]): v for (s, c), v in WRITTEN.items()})
    for root in roots.values():
        invoke("written", "import", str(sheet), "--course", str(root))
    return roots


def test_the_roster_and_the_collected_work_reach_the_postgresql_gradebook(
    courses: dict[str, Path],
) -> None:
    for database, root in courses.items():
        with open_gradebook(root) as gb:
            people = {s.id: (s.first_name, s.last_name) for s in gb.students}
        assert people == NAMES, database
    assert not (courses["postgresql"] / "gradebook.db").exists()  # nothing fell back
    # The collector takes each participant's notebook and answers file, to the right id.
    for student in NAMES:
        folders = [root / "submitted" / student / MODULE for root in courses.values()]
        for name in (f"{NOTEBOOK}.ipynb", ANSWERS_FILE):
            assert (folders[1] / name).read_bytes() == (folders[0] / name).read_bytes()


def test_autograde_and_written_import_leave_the_same_grades(courses: dict[str, Path]) -> None:
    got = {d: snapshot(root, MODULE) for d, root in courses.items()}
    assert got["postgresql"] == got["sqlite"]
    assert {s: e["score"] for s, e in got["sqlite"].items()} == TOTALS
    assert all(e["database_total_agrees"] for e in got["sqlite"].values())
    assert _grades(courses["postgresql"]) == _grades(courses["sqlite"])
    for database, root in courses.items():
        with open_gradebook(root) as gb:
            alice = gb.find_submission(MODULE, "alice")
            cells = [float(g.score) for nb in alice.notebooks for g in nb.grades]
            assert len(cells) == 3  # sc.single and the two tasks
            # The class this test needs: the database's total is not the cells' exact sum.
            assert math.fsum(cells) == TOTALS["alice"] != float(alice.score), database


def test_export_report_and_certificates_show_the_same_on_both(
    courses: dict[str, Path], tmp_path: Path
) -> None:
    results = {d: load_results(root, min_score=30) for d, root in courses.items()}
    assert results["postgresql"] == results["sqlite"]
    assert {p.id: p.total for p in results["sqlite"].participants} == TOTALS
    reports = {d: class_report(root, min_score=30) for d, root in courses.items()}
    for part in ("modules", "items", "participants"):
        assert getattr(reports["postgresql"], part) == getattr(reports["sqlite"], part), part
    scores = {p.student: p.modules[0].score for p in reports["sqlite"].participants}
    assert scores == TOTALS
    exported, issued = {}, {}
    for database, root in courses.items():
        out = tmp_path / database
        out.mkdir()
        invoke("export", "--course", str(root), "--format", "csv", "--out", str(out / "g.csv"))
        exported[database] = (out / "g.csv").read_text(encoding="utf-8-sig")
        invoke("report", "--course", str(root), "--out", str(out / "report"))
        assert [p.name for p in (out / "report").iterdir()] == ["report-en.html"]
        made = invoke(
            "certificates", "--course", str(root), "--out", str(out / "cert"),
            "--min-score", "30", "--trainer", "Олена Берднікова", "--hours", "16",
        )  # fmt: skip
        assert "Traceback" not in made.output
        issued[database] = sorted(p.name for p in (out / "cert").glob("*.pdf"))
    assert exported["postgresql"] == exported["sqlite"]
    assert "alice;Аліса Мар’яненко;;1,91;1,91;31,8;" in exported["sqlite"]  # the decimal comma
    assert issued["postgresql"] == issued["sqlite"] == [
        "alice.pdf", "all-certificates.pdf", "carol.pdf",
    ]  # fmt: skip


def test_the_demo_keeps_its_gradebook_where_db_url_says(tmp_path: Path) -> None:
    # No server listens there: the demo's first gradebook step (roster import) says so,
    # having read the URL from the demo course's config, not built a SQLite path.
    url = f"postgresql+psycopg://trainer:s3cret@127.0.0.1:{free_port()}/gradebook"
    out = tmp_path / "demo"
    args = ["demo", "--out", str(out), "--participants", "6", "--db-url", url, "--lang", "en"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert "cannot open the gradebook postgresql+psycopg://trainer:***@127.0.0.1:" in said
    assert "s3cret" not in result.output and "Traceback" not in result.output
    assert f"c.CourseDirectory.db_url = {url!r}" in (out / "nbgrader_config.py").read_text(
        encoding="utf-8"
    )
    assert not (out / "gradebook.db").exists()
