"""The gradebook adapter: nbgrader's db_url from the course config, the lock retry,
nbgrader's scripts on PATH; every command reaches the gradebook through it."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from clientlearn.core.errors import ClientlearnError
from clientlearn.grader.coursefolder import Course
from clientlearn.grader.gradebook import (
    gradebook_url,
    open_gradebook,
    retry_locked,
    scripts_env,
    sqlite_file,
)
from clientlearn.trainer.results import load_results
from clientlearn.trainer.roster_import import import_roster

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "course" / "sample_roster.csv"


def test_the_default_is_nbgraders_gradebook_db(tmp_path: Path) -> None:
    course = Course.create(tmp_path / "course")
    assert gradebook_url(course.root) == f"sqlite:///{course.root.resolve() / 'gradebook.db'}"
    assert sqlite_file(gradebook_url(course.root)) == course.root.resolve() / "gradebook.db"
    assert sqlite_file("postgresql://h/db") is None


def test_db_url_from_the_course_config_is_used_by_every_command(tmp_path: Path) -> None:
    course = Course.create(tmp_path / "course")
    elsewhere = tmp_path / "shared" / "grades.sqlite"
    elsewhere.parent.mkdir()
    with (course.root / "nbgrader_config.py").open("a", encoding="utf-8") as fh:
        fh.write(f"c.CourseDirectory.db_url = {('sqlite:///' + str(elsewhere))!r}\n")
    assert gradebook_url(course.root) == f"sqlite:///{elsewhere}"
    with pytest.raises(ClientlearnError, match="no gradebook at"):
        load_results(course.root)  # reading never creates one

    result = import_roster(SAMPLE, course.root)
    assert result.gradebook == f"sqlite:///{elsewhere}"
    assert not (course.root / "gradebook.db").exists()
    with sqlite3.connect(elsewhere) as con:
        ids = {r[0] for r in con.execute("SELECT id FROM student")}
    assert ids == {p.id for p in result.roster.participants}
    with open_gradebook(course.root) as gb:
        assert {s.id for s in gb.students} == ids
    with pytest.raises(ClientlearnError, match="no assignments yet"):
        load_results(course.root)  # found and read: only the grades are missing


def test_a_broken_course_config_is_named(tmp_path: Path) -> None:
    root = tmp_path / "course"
    root.mkdir()
    (root / "nbgrader_config.py").write_text("c = get_config()\nc.Oops = (\n", encoding="utf-8")
    with pytest.raises(ClientlearnError, match=r"nbgrader_config\.py"):
        gradebook_url(root)


def _locked() -> OperationalError:
    return OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))


def test_a_locked_gradebook_is_tried_again_other_errors_are_not() -> None:
    calls: list[int] = []
    pauses: list[float] = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise _locked()
        return "done"

    assert retry_locked(flaky, sleep=pauses.append) == "done"
    assert len(calls) == 3 and len(pauses) == 2 and pauses[0] < pauses[1]

    def broken() -> None:
        raise OperationalError("SELECT", {}, sqlite3.OperationalError("no such table: x"))

    with pytest.raises(OperationalError, match="no such table"):
        retry_locked(broken, sleep=pauses.append)
    assert len(pauses) == 2  # no pause for an error that waiting cannot mend

    def always_locked() -> None:
        raise _locked()

    with pytest.raises(OperationalError, match="locked"):
        retry_locked(always_locked, sleep=lambda s: None)


def test_scripts_of_this_environment_come_first_on_path() -> None:
    env = scripts_env({"PATH": "/usr/bin"})
    assert env["PATH"].split(":")[0] == str(Path(sys.executable).parent)
    assert env["PATH"].endswith("/usr/bin")


def test_no_module_builds_a_sqlite_url_by_hand() -> None:
    package = REPO / "clientlearn"
    offenders = [
        str(p.relative_to(REPO))
        for p in package.rglob("*.py")
        if "sqlite:///" in p.read_text(encoding="utf-8") and p.name != "gradebook.py"
    ]
    assert offenders == []
