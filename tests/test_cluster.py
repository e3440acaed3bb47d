"""Autograde on a real Dask cluster (a scheduler and two worker processes on loopback)
with the gradebook on a real PostgreSQL server, both started here: the gradebook is
the one sequential `nbgrader autograde` leaves on SQLite, and each fault behaves as
promised (a worker killed mid-submission, the scheduler gone, a second run, the
database unreachable)."""

from __future__ import annotations

import os
import signal
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from clientlearn.cli.main import cli
from clientlearn.core.errors import ClientlearnError
from clientlearn.grader.autograde import Progress, autograde, snapshot
from clientlearn.grader.autograde.lease import check_no_leases
from clientlearn.grader.autograde.lock import autograde_lock
from clientlearn.grader.coursefolder import Course
from clientlearn.grader.gradebook import course_id, gradebook_url, open_gradebook

from .dask_cluster import dask_cluster
from .postgres import Server, free_port, use_database
from .test_autograde import ASSIGNMENT, BROKEN, STUDENTS, copy_course, sequential, ungraded

pytestmark = pytest.mark.nbgrader
__all__ = ["sequential", "ungraded"]  # module fixtures shared with test_autograde


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with dask_cluster() as (address, _):
        yield address


def on_postgres(root: Path, pg: Server, name: str) -> Path:
    """The course with its gradebook in a new PostgreSQL database, the module released."""
    use_database(root, pg.create_database(name))
    Course(root).nbgrader("generate_assignment", ASSIGNMENT, "--force")
    return root


def test_a_cluster_on_postgres_grades_as_sequential_nbgrader_on_sqlite(
    ungraded: Path,
    sequential: Path,
    pg: Server,
    scheduler: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    root = on_postgres(copy_course(ungraded, tmp_path_factory, "pg"), pg, "identical")
    args = ["autograde", ASSIGNMENT, "--course", str(root), "--cluster", scheduler]
    result = CliRunner().invoke(cli, [*args, "--lang", "en"])
    assert result.exit_code == 1, result.output  # the broken notebook, as nbgrader says too
    assert f"Graded {len(STUDENTS) - 1} of {len(STUDENTS)} submission(s)" in result.stdout
    assert "with 2 process(es)." in result.stdout  # the cluster's two workers
    expected, got = snapshot(sequential, ASSIGNMENT), snapshot(root, ASSIGNMENT)
    assert sorted(got) == STUDENTS
    for student in STUDENTS:
        assert got[student] == expected[student], student
    assert not (root / "gradebook.db").exists()  # nothing fell back to SQLite
    # The commands that read grades read them from PostgreSQL.
    out = tmp_path_factory.mktemp("pg-out")
    exported = CliRunner().invoke(
        cli, ["export", "--course", str(root), "--format", "csv", "--out", str(out / "g.csv")]
    )
    assert exported.exit_code == 0, exported.output
    text = (out / "g.csv").read_text(encoding="utf-8-sig")
    assert all(student in text for student in STUDENTS)


KILL_PLUGIN = """\
import os
import time
from pathlib import Path

from nbgrader.preprocessors import NbGraderPreprocessor

MARK = Path(__file__).with_name("grading-bob.pid")


class HoldBob(NbGraderPreprocessor):
    # The first time bob's submission is graded, say which process grades it and wait
    # (to be killed); any later time, grade as usual.
    def preprocess(self, nb, resources):
        if Path(resources["metadata"]["path"]).parent.name == "bob" and not MARK.exists():
            MARK.write_text(str(os.getpid()), encoding="utf-8")
            time.sleep(300)
        return nb, resources
"""
KILL_CONFIG = """
from clientlearn.grader.plugins import AUTOGRADE  # noqa: E402

c.Autograde.autograde_preprocessors = ["hold_bob.HoldBob", *AUTOGRADE]
"""


def test_a_worker_killed_mid_submission_is_graded_again_elsewhere_once(
    ungraded: Path,
    sequential: Path,
    pg: Server,
    scheduler: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    root = on_postgres(copy_course(ungraded, tmp_path_factory, "kill"), pg, "killed")
    (root / "hold_bob.py").write_text(KILL_PLUGIN, encoding="utf-8")
    with (root / "nbgrader_config.py").open("a", encoding="utf-8") as config:
        config.write(KILL_CONFIG)
    mark = root / "grading-bob.pid"
    killed: list[int] = []

    def kill_the_worker_grading_bob() -> None:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            if mark.exists() and (text := mark.read_text(encoding="utf-8")):
                killed.append(int(text))
                os.kill(int(text), signal.SIGKILL)  # a worker process, mid-submission
                return
            time.sleep(0.1)

    killer = threading.Thread(target=kill_the_worker_grading_bob)
    killer.start()
    result = autograde(root, ASSIGNMENT, cluster=scheduler)
    killer.join()
    assert killed, "bob's submission was never started"
    assert [s.student for s in result.failed] == [BROKEN]
    bob = next(s for s in result.submissions if s.student == "bob")
    assert bob.ok and bob.score is not None
    expected, got = snapshot(sequential, ASSIGNMENT), snapshot(root, ASSIGNMENT)
    for student in STUDENTS:
        assert got[student] == expected[student], student
    with open_gradebook(root, course_id=None) as gb:
        rows = [s for s in gb.find_assignment(ASSIGNMENT).submissions if s.student.id == "bob"]
    assert len(rows) == 1


def test_the_scheduler_gone_is_a_clear_error_and_a_second_run_grades_only_the_rest(
    ungraded: Path, sequential: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = copy_course(ungraded, tmp_path_factory, "lost")  # SQLite, the default
    first: list[str] = []
    with dask_cluster(workers=1) as (address, scheduler_process):

        def lose_the_scheduler(event: Progress) -> None:
            first.append(event.submission.student)
            if len(first) == 2:
                os.killpg(scheduler_process.pid, signal.SIGKILL)

        with pytest.raises(ClientlearnError) as err:
            autograde(root, ASSIGNMENT, cluster=address, progress=lose_the_scheduler, lang="en")
    message = str(err.value)
    assert f"The Dask scheduler {address} was lost while grading {ASSIGNMENT}" in message
    assert "2 of 6 submission(s) are graded and kept; run the same command again" in message
    done = {s for s in first[:2]}
    again = autograde(root, ASSIGNMENT, jobs=2)
    assert set(again.kept) == done - {BROKEN}
    assert {s.student for s in again.submissions} == set(STUDENTS) - set(again.kept)
    expected, got = snapshot(sequential, ASSIGNMENT), snapshot(root, ASSIGNMENT)
    for student in STUDENTS:
        assert got[student] == expected[student], student
    assert not (root / f".clientlearn-autograde-{ASSIGNMENT}.json").exists()


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_a_second_autograde_of_the_module_is_refused(
    ungraded: Path, pg: Server, tmp_path_factory: pytest.TempPathFactory, database: str
) -> None:
    root = copy_course(ungraded, tmp_path_factory, f"second-{database}")
    if database == "postgresql":
        on_postgres(root, pg, "second")
    args = ["autograde", ASSIGNMENT, "--course", str(root), "--jobs", "1", "--lang", "en"]
    with autograde_lock(root, ASSIGNMENT):  # the run already going on
        result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert f"Another clientlearn autograde of {ASSIGNMENT} is running (" in result.stderr
    if database == "postgresql":  # the database says who holds it
        assert f"clientlearn autograde, {socket.gethostname()} pid {os.getpid()}" in result.stderr
    assert "Traceback" not in result.output
    assert not (root / "autograded").exists()
    # Another module of the same course is not held up by it.
    with autograde_lock(root, ASSIGNMENT), autograde_lock(root, "another_module"):
        pass


def test_an_unreachable_database_is_a_clear_error_before_any_work(
    ungraded: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = copy_course(ungraded, tmp_path_factory, "unreachable")
    url = f"postgresql+psycopg://trainer:s3cret@127.0.0.1:{free_port()}/gradebook"
    with (root / "nbgrader_config.py").open("a", encoding="utf-8") as config:
        config.write(f"\nc.CourseDirectory.db_url = {url!r}\n")
    # No scheduler listens there either: the database is checked first.
    args = ["autograde", ASSIGNMENT, "--course", str(root), "--cluster", "tcp://127.0.0.1:9"]
    result = CliRunner().invoke(cli, [*args, "--lang", "en"])
    assert result.exit_code == 1
    shown = url.replace(":s3cret@", ":***@")
    assert f"Cannot reach the gradebook database {shown}" in result.stderr
    assert "nothing was graded" in result.stderr and "s3cret" not in result.output
    assert "Traceback" not in result.output and not (root / "autograded").exists()
    # The commands that read grades say it too.
    report = CliRunner().invoke(cli, ["export", "--course", str(root), "--format", "csv"])
    assert report.exit_code == 1 and "не вдається відкрити журнал оцінок" in report.stderr
    assert "s3cret" not in report.output


HOLD_PLUGIN = """\
import os
import time
from pathlib import Path

from nbgrader.preprocessors import NbGraderPreprocessor

HERE = Path(__file__).parent


class HoldBob(NbGraderPreprocessor):
    # The first time bob's submission is graded, say which process grades it and wait
    # until the test writes release.txt; any later time, grade as usual.
    def preprocess(self, nb, resources):
        mark = HERE / "grading-bob.pid"
        if Path(resources["metadata"]["path"]).parent.name == "bob" and not mark.exists():
            mark.write_text(str(os.getpid()), encoding="utf-8")
            while not (HERE / "release.txt").exists():
                time.sleep(0.2)
        return nb, resources
"""


def test_a_lost_schedulers_worker_still_grading_holds_off_the_next_run(
    ungraded: Path, sequential: Path, pg: Server, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = on_postgres(copy_course(ungraded, tmp_path_factory, "orphan"), pg, "orphan")
    (root / "hold_bob.py").write_text(HOLD_PLUGIN, encoding="utf-8")
    with (root / "nbgrader_config.py").open("a", encoding="utf-8") as config:
        config.write(KILL_CONFIG)
    mark = root / "grading-bob.pid"
    with dask_cluster(workers=1) as (address, scheduler_process):

        def lose_the_scheduler_while_bob_is_graded() -> None:
            deadline = time.monotonic() + 240
            while time.monotonic() < deadline and not mark.exists():
                time.sleep(0.1)
            os.killpg(scheduler_process.pid, signal.SIGKILL)

        killer = threading.Thread(target=lose_the_scheduler_while_bob_is_graded)
        killer.start()
        with pytest.raises(ClientlearnError) as err:
            autograde(root, ASSIGNMENT, cluster=address, lang="en")
        killer.join()
        assert f"The Dask scheduler {address} was lost" in str(err.value)
        # The worker grading bob goes on without its scheduler: the next run must not
        # grade bob beside it (two nbgrader runs writing one submission's rows).
        args = ["autograde", ASSIGNMENT, "--course", str(root), "--jobs", "1", "--lang", "en"]
        refused = CliRunner().invoke(cli, args)
        assert refused.exit_code == 1, refused.output
        said = " ".join(refused.stderr.split())
        assert f"A process of an earlier run is still grading {ASSIGNMENT} for bob" in said
        assert f"{socket.gethostname()} pid {mark.read_text(encoding='utf-8')}" in said
        assert "nothing was graded" in said and "Traceback" not in refused.output
        (root / "release.txt").write_text("", encoding="utf-8")
        # Once that process has written bob's grade (or died), its lease is gone.
        deadline = time.monotonic() + 120
        while True:
            try:
                check_no_leases(root, gradebook_url(root), course_id(root), ASSIGNMENT)
                break
            except ClientlearnError:
                assert time.monotonic() < deadline, "the orphaned worker never let go of bob"
                time.sleep(0.5)
    autograde(root, ASSIGNMENT, jobs=2)
    expected, got = snapshot(sequential, ASSIGNMENT), snapshot(root, ASSIGNMENT)
    for student in STUDENTS:
        assert got[student] == expected[student], student
    with open_gradebook(root, course_id=None) as gb:
        rows = [s for s in gb.find_assignment(ASSIGNMENT).submissions if s.student.id == "bob"]
    assert len(rows) == 1
