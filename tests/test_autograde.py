"""Parallel autograde on a real course: the same gradebook and autograded notebooks as
plain sequential `nbgrader autograde --force`, a broken submission listed while the
others are graded, clear errors, `students=` and the `clientlearn autograde` command."""

from __future__ import annotations

import itertools
import random
import shutil
from pathlib import Path
from typing import Any

import nbformat
import pytest
from click.testing import CliRunner

from clientlearn.cli import cli
from clientlearn.core.errors import ClientlearnError
from clientlearn.grader.autograde import (
    AutogradeResult,
    Progress,
    SubmissionResult,
    autograde,
    failure_reason,
    grade_with_retry,
    snapshot,
)
from clientlearn.grader.coursefolder import Course
from clientlearn.runtime.bank import Bank, load_bank
from clientlearn.runtime.store import AnswerStore
from clientlearn.trainer.authoring import build_notebook
from clientlearn.trainer.simulate import answer_folder, right_answer

from .conftest import SHOWCASE

pytestmark = pytest.mark.nbgrader

ASSIGNMENT = "quiz"
BROKEN = "zed"
STUDENTS = ["alice", "bob", "carol", "dave", "erin", BROKEN]


def _submit(course: Course, bank: Bank) -> None:
    """Six participants with different answers, written through the answer store."""
    store = AnswerStore(course.submit_copy("alice", ASSIGNMENT))
    for q in bank:
        store.save(q.id, right_answer(q), bank=bank.id)
    for seed, (student, skill) in enumerate([("bob", 0.7), ("dave", 0.4), ("erin", 0.9)]):
        answer_folder(course.submit_copy(student, ASSIGNMENT), bank, random.Random(seed), skill)
    course.submit_copy("carol", ASSIGNMENT)  # blank: nothing answered
    # A notebook that is not JSON (a half-finished upload): nbgrader cannot grade it.
    folder = course.submit_copy(BROKEN, ASSIGNMENT)
    (folder / "quiz.ipynb").write_text('{"cells": [', encoding="utf-8")


@pytest.fixture(scope="module")
def ungraded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A released one-notebook course with six submissions, not yet graded."""
    root = tmp_path_factory.mktemp("autograde")
    source = root / "src" / ASSIGNMENT
    source.mkdir(parents=True)
    shutil.copy(SHOWCASE, source / "questions.yaml")
    bank = load_bank(source / "questions.yaml")
    lesson = "# Перевірка\n\n" + "\n\n".join(f"{{{{ ask {q.id} }}}}" for q in bank)
    nbformat.write(build_notebook(lesson, bank), source / "quiz.ipynb")
    course = Course.create(root / "course")
    course.add_source(source)
    course.nbgrader("generate_assignment", ASSIGNMENT, "--force")
    _submit(course, bank)
    return course.root


def copy_course(ungraded: Path, tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    dest = tmp_path_factory.mktemp(name) / "course"
    shutil.copytree(ungraded, dest)
    return dest


@pytest.fixture(scope="module")
def sequential(ungraded: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference: plain `nbgrader autograde quiz --force` in one process."""
    root = copy_course(ungraded, tmp_path_factory, "sequential")
    with pytest.raises(ClientlearnError) as err:  # it exits 1 because of the broken one
        Course(root).nbgrader("autograde", ASSIGNMENT, "--force")
    assert f"for student '{BROKEN}'" in str(err.value)
    return root


@pytest.fixture(scope="module")
def parallel(
    ungraded: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, AutogradeResult, list[Progress]]:
    root = copy_course(ungraded, tmp_path_factory, "parallel")
    events: list[Progress] = []
    result = autograde(root, ASSIGNMENT, jobs=2, progress=events.append)
    return root, result, events


def test_same_gradebook_and_notebooks_as_sequential_nbgrader(
    sequential: Path, parallel: tuple[Path, AutogradeResult, list[Progress]]
) -> None:
    expected = snapshot(sequential, ASSIGNMENT)
    got = snapshot(parallel[0], ASSIGNMENT)
    assert sorted(expected) == STUDENTS
    for student in STUDENTS:
        assert got[student] == expected[student], student
    # The comparison is not vacuous: the answers differ, and so do the scores.
    scores = {s: expected[s]["score"] for s in STUDENTS}
    assert scores["alice"] == expected["alice"]["max_score"] > 0
    assert scores["carol"] == 0
    assert len({scores[s] for s in ("alice", "bob", "dave")}) == 3
    assert all(expected[s]["test_outputs"] for s in STUDENTS if s != BROKEN)
    assert not expected[BROKEN]["autograded"]


def test_a_broken_submission_is_listed_and_the_others_graded(
    parallel: tuple[Path, AutogradeResult, list[Progress]],
) -> None:
    root, result, events = parallel
    assert [s.student for s in result.submissions] == STUDENTS
    assert [s.student for s in result.failed] == [BROKEN]
    assert not result.ok
    reason = result.failed[0].reason or ""
    assert reason.startswith("quiz.ipynb: ") and "NotJSONError" in reason, reason
    book = {s.student: (s.score, s.max_score) for s in Course(root).scores(ASSIGNMENT)}
    for sub in result.graded:
        assert (sub.score, sub.max_score) == book[sub.student]
        assert sub.seconds > 0 and "Autograding" in sub.log
        # The worker's own peak memory (benchmarks/ records it): nbgrader is loaded.
        assert sub.worker_peak_mb is not None and 50 < sub.worker_peak_mb < 2000
    # One progress event per submission, in order, with growing elapsed time; then
    # one more for the second try of the broken submission.
    first, retry = events[: len(STUDENTS)], events[len(STUDENTS) :]
    assert [e.done for e in first] == list(range(1, len(STUDENTS) + 1))
    assert {e.total for e in first} == {len(STUDENTS)}
    assert sorted(e.submission.student for e in first) == STUDENTS
    assert [(e.submission.student, e.done, e.total) for e in retry] == [(BROKEN, 1, 1)]
    assert result.failed[0].attempts >= 2
    assert all(a.elapsed <= b.elapsed for a, b in itertools.pairwise(events))


# A course-local preprocessor that kills the grading process on dave's submission, as
# the kernel-independent crash (out of memory, a segfault) that nbgrader cannot catch.
CRASH_PLUGIN = """\
import os
from pathlib import Path

from nbgrader.preprocessors import NbGraderPreprocessor


class CrashOnDave(NbGraderPreprocessor):
    def preprocess(self, nb, resources):
        if Path(resources["metadata"]["path"]).parent.name == "dave":
            os._exit(3)
        return nb, resources
"""
CRASH_CONFIG = """
from clientlearn.grader.plugins import AUTOGRADE  # noqa: E402

c.Autograde.autograde_preprocessors = ["crash_on_dave.CrashOnDave", *AUTOGRADE]
"""


def test_the_command_grades_only_the_named_students_whatever_fails(
    ungraded: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = copy_course(ungraded, tmp_path_factory, "command")
    (root / "crash_on_dave.py").write_text(CRASH_PLUGIN, encoding="utf-8")
    with (root / "nbgrader_config.py").open("a", encoding="utf-8") as config:
        config.write(CRASH_CONFIG)
    named = ["--student", "bob", "--student", "dave", "--student", BROKEN]
    result = CliRunner().invoke(
        cli, ["autograde", "quiz/", "--course", str(root), "--jobs", "2", "--lang", "en", *named]
    )
    assert result.exit_code == 1, result.output
    book = {s.student: s for s in Course(root).scores(ASSIGNMENT)}
    assert set(book) == {"bob", "dave", BROKEN}  # nobody else was graded
    lines = result.stdout.splitlines()
    bob = book["bob"]
    assert [f"{bob.score:.2f}", "/", f"{bob.max_score:g}"] in [ln.split()[1:4] for ln in lines]
    failed_rows = [ln.split()[:2] for ln in lines if "FAILED" in ln]
    assert failed_rows == [["dave", "FAILED"], [BROKEN, "FAILED"]]
    assert "Graded 1 of 3 submission(s) of quiz" in result.stdout
    assert f"  {BROKEN}: quiz.ipynb: nbformat.reader.NotJSONError" in result.stdout
    # Every worker that took dave's submission died: tried on three, then failed.
    assert "  dave: the grading process stopped while grading it (3 tries" in result.stdout
    # A failed submission's folder is removed, by nbgrader or, for dave, by autograde.
    assert [p.parent.name for p in (root / "autograded").glob("*/quiz")] == ["bob"]
    # A progress line per submission, and one for the second try of the broken notebook
    # (not of dave's, already tried on three workers).
    assert sum(ln.startswith("[") for ln in result.stderr.splitlines()) == 3 + 1


def test_an_unknown_assignment_is_a_clear_error(
    ungraded: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = copy_course(ungraded, tmp_path_factory, "unknown")
    args = ["autograde", "quizz", "--course", str(root), "--jobs", "1", "--lang", "en"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert "Error: assignment 'quizz' is not in the gradebook" in result.stderr
    assert "it holds: quiz" in result.stderr and "Traceback" not in result.output
    assert not (root / "autograded").exists()


def test_no_submissions_and_unknown_students_are_clear_errors(
    ungraded: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = copy_course(ungraded, tmp_path_factory, "empty")
    with pytest.raises(ClientlearnError, match="no submission of 'quiz' for ghost"):
        autograde(root, ASSIGNMENT, jobs=1, students=["ghost", "bob"])
    shutil.rmtree(root / "submitted")
    with pytest.raises(ClientlearnError, match="no submissions of 'quiz' to grade"):
        autograde(root, ASSIGNMENT, jobs=1)
    assert not (root / "autograded").exists()


def test_arguments_are_checked_before_any_process_starts(tmp_path: Path) -> None:
    with pytest.raises(ClientlearnError, match="not an nbgrader course root"):
        autograde(tmp_path, ASSIGNMENT)
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
    with pytest.raises(ClientlearnError, match="jobs must be at least 1"):
        autograde(tmp_path, ASSIGNMENT, jobs=0)
    with pytest.raises(ClientlearnError, match="not an assignment name"):
        autograde(tmp_path, "quiz*")
    with pytest.raises(ClientlearnError, match="list of students to grade is empty"):
        autograde(tmp_path, ASSIGNMENT, students=[])


# nbgrader's log of a failed submission, as `NbGraderAPI.autograde` returns it (abridged).
FAILED_LOG = """\
[INFO] Creating/updating student with ID 'zed': {}
[INFO] Sanitizing /c/submitted/zed/quiz/quiz.ipynb
[INFO] Converting notebook /c/submitted/zed/quiz/quiz.ipynb
[ERROR] There was an error processing assignment: /c/submitted/zed/quiz
[ERROR] Traceback (most recent call last):
      File "reader.py", line 14, in parse_json
        nb_dict = json.loads(s, **kwargs)
    json.decoder.JSONDecodeError: Expecting value: line 1 column 12 (char 11)

    The above exception was the direct cause of the following exception:

    Traceback (most recent call last):
      File "reader.py", line 25, in parse_json
        raise NotJSONError(message) from e
    nbformat.reader.NotJSONError: Notebook does not appear to be JSON: '{"cells": ['

[WARNING] Removing failed assignment: /c/autograded/zed/quiz
[ERROR] There was an error processing assignment 'quiz' for student 'zed'
[ERROR] Please see the the above traceback for details on the specific errors on the above failures.
"""
FINAL_ERROR = """Traceback (most recent call last):
  File "base.py", line 468, in convert_notebooks
    raise NbGraderException(msg)
nbgrader.converters.base.NbGraderException: Please see the the above traceback for details.
"""
LOCKED_LOG = """\
[INFO] Creating/updating student with ID 'bob': {}
[ERROR] Traceback (most recent call last):
      File "base.py", line 385, in convert_notebooks
        self.init_assignment(gd['assignment_id'], gd['student_id'])
    sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) database is locked
    [SQL: INSERT INTO student (id) VALUES (?)]
    (Background on this error at: https://sqlalche.me/e/20/e3q8)

[ERROR] There was an error accessing the nbgrader database.
"""


def test_failure_reason_is_the_exception_nbgrader_logged() -> None:
    assert failure_reason(FAILED_LOG, FINAL_ERROR) == (
        "quiz.ipynb: nbformat.reader.NotJSONError: "
        """Notebook does not appear to be JSON: '{"cells": ['"""
    )
    assert failure_reason(LOCKED_LOG, FINAL_ERROR) == (
        "sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) database is locked"
    )
    unresponsive = "[ERROR] While processing assignment x, the kernel became unresponsive"
    assert failure_reason(unresponsive, FINAL_ERROR).startswith("While processing assignment x")
    # Without a log, nbgrader's final exception is all there is.
    assert failure_reason("", FINAL_ERROR).startswith("nbgrader.converters.base.NbGraderExc")


def test_a_locked_gradebook_is_retried_with_a_growing_pause() -> None:
    answers: list[dict[str, Any]] = [
        {"success": False, "log": LOCKED_LOG, "error": FINAL_ERROR},
        {"success": False, "log": LOCKED_LOG, "error": FINAL_ERROR},
        {"success": True, "log": "[INFO] ok"},
    ]
    pauses: list[float] = []
    result, attempts = grade_with_retry(lambda: answers.pop(0), sleep=pauses.append)
    assert result["success"] and attempts == 3
    assert len(pauses) == 2 and 0.5 <= pauses[0] < pauses[1] <= 1.5
    # Any other failure is final at once, and so is the last locked attempt.
    other = {"success": False, "log": FAILED_LOG, "error": FINAL_ERROR}
    assert grade_with_retry(lambda: other, sleep=pauses.append) == (other, 1)
    locked = {"success": False, "log": LOCKED_LOG}
    assert grade_with_retry(lambda: locked, backoff=(0.1,), sleep=pauses.append)[1] == 2


@pytest.mark.parametrize("delimiter", [",", ";"])  # ';': roster.csv saved again by Excel
def test_a_folder_of_someone_not_on_the_roster_is_refused(tmp_path: Path, delimiter: str) -> None:
    root = tmp_path / "course"
    root.mkdir()
    (root / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
    (root / "roster.csv").write_text(
        f"\ufeffid{delimiter}name\nolena_bondarenko{delimiter}Бондаренко Олена\n",
        encoding="utf-8",
    )
    for student in ("olena_bondarenko", "olena_bondarneko"):  # the second is a typo
        (root / "submitted" / student / ASSIGNMENT).mkdir(parents=True)
    with pytest.raises(ClientlearnError, match="olena_bondarneko for quiz, who are not in"):
        autograde(root, ASSIGNMENT)
    assert not (root / "gradebook.db").exists()  # nothing was started or written


def test_the_command_lists_what_the_trainer_should_look_at(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    graded = SubmissionResult("ann", ok=True, seconds=1.0, score=3.0, max_score=4.0)
    result = AutogradeResult(
        assignment="quiz",
        course_root=tmp_path,
        jobs=1,
        seconds=2.0,
        submissions=(graded,),
        renamed=(("ann", "quiz.ipynb", "мій зошит.ipynb"),),
    )
    monkeypatch.setattr("clientlearn.cli.autograde.run_autograde", lambda *a, **k: result)
    out = CliRunner().invoke(cli, ["autograde", "quiz", "--course", str(tmp_path)])
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    at = lines.index("Варто переглянути (1):")  # Ukrainian unless --lang en
    assert lines[at + 1].startswith("  ann: ") and "мій зошит.ipynb" in lines[at + 1]
