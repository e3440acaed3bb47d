"""The worker side: nbgrader started once in a Dask worker process, grading the
submissions it is sent (the tasks :func:`prepare_task` and :func:`grade_task`)."""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import re
import shutil
import socket
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.formatgrammars import leave_out_iri_grammars
from clientlearn.grader.gradebook import (
    retry_locked,
    scripts_env,
    sqlite_file,
    submission_points,
)

from .messages import MESSAGES
from .reasons import failure_reason, grade_with_retry

# Written to a worker's log before each submission: where one submission's log starts.
GRADING_MARK = "--- clientlearn autograde: grading "


def _peak_rss_mb() -> float | None:
    """This process's peak resident memory in MiB, where the OS reports it."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class _Grader:
    """nbgrader started once in a worker: loads the course config, grades submissions."""

    def __init__(self, assignment: str, force: bool) -> None:
        leave_out_iri_grammars()  # before nbformat is first imported in this worker
        from nbgrader.apps import AutogradeApp, NbGraderAPI

        self.assignment = assignment
        self.force = force
        # Exactly what `nbgrader autograde` does before it grades: load the config
        # files (cwd is the course root) and put the cwd on sys.path.
        self.app = AutogradeApp()
        self.app.initialize([])
        self.coursedir = self.app.coursedir
        self.api = NbGraderAPI(coursedir=self.coursedir, parent=self.app)
        # The API would always create missing students; the command obeys the config.
        self.create_students = bool(self.app.config.Autograde.get("create_student", True))
        # The API logs to traitlets' logger, which has no handler: copy its records to
        # the worker's log, which explains a crash that capture_log cannot return.
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("[%(levelname)s] %(message)s"))
        self.api.log.addHandler(handler)

    def submissions(self) -> dict[str, int]:
        """Student -> notebook bytes of each submission `nbgrader autograde` would grade."""
        cd = self.coursedir
        folders = glob.glob(
            cd.format_path(cd.submitted_directory, "*", glob.escape(self.assignment))
        )
        pattern = cd.format_path(
            cd.submitted_directory, "(?P<student_id>.*)", "(?P<assignment_id>.*)", escape=True
        )
        excluded = set(cd.student_id_exclude.split(",")) if cd.student_id_exclude else set()
        found: dict[str, int] = {}
        for folder in sorted(folders):
            notebooks = glob.glob(os.path.join(folder, cd.notebook_id + ".ipynb"))
            match = re.match(pattern, folder)
            # nbgrader skips folders without notebooks and excluded students alike.
            if not notebooks or match is None or match.group("student_id") in excluded:
                continue
            found[match.group("student_id")] = sum(os.path.getsize(nb) for nb in notebooks)
        return found

    def prepare(self, students: list[str] | None) -> list[tuple[str, int, str]]:
        """Check the assignment, list its submissions and create the shared gradebook
        rows; returns (student, notebook bytes, autograded folder) per submission."""
        from nbgrader.api import Gradebook, MissingEntry

        cd = self.coursedir
        db_file = sqlite_file(cd.db_url)
        if db_file is not None and not db_file.is_file():
            raise ClientlearnError.said(
                MESSAGES, "no_gradebook_yet", path=db_file, module=self.assignment, root=cd.root
            )

        def check_assignment() -> None:
            with Gradebook(cd.db_url, cd.course_id) as gb:
                try:
                    gb.find_assignment(self.assignment)
                except MissingEntry:
                    known = ", ".join(sorted(a.name for a in gb.assignments))
                    raise ClientlearnError.said(
                        MESSAGES,
                        "not_in_gradebook",
                        module=repr(self.assignment),
                        root=cd.root,
                        known=known or MESSAGES["none"],
                        name=self.assignment,
                    ) from None

        retry_locked(check_assignment)
        found = self.submissions()
        where = cd.format_path(cd.submitted_directory, "STUDENT", self.assignment)
        if not found:
            raise ClientlearnError.said(
                MESSAGES, "no_submissions", module=repr(self.assignment), where=where
            )
        if students is not None:
            unknown = sorted(set(students) - set(found))
            if unknown:
                raise ClientlearnError.said(
                    MESSAGES,
                    "no_submission_for",
                    module=repr(self.assignment),
                    unknown=", ".join(unknown),
                    where=where,
                    found=", ".join(sorted(found)),
                )
            found = {s: found[s] for s in students}

        def create_rows() -> None:
            # nbgrader's preprocessors open the gradebook without a course id, which adds
            # a 'default_course' row on first use: create it (and the course's row, and
            # the students) now, so that no two workers race to insert the same row.
            with Gradebook(cd.db_url):
                pass
            with Gradebook(cd.db_url, cd.course_id) as gb:
                for student in sorted(found) if self.create_students else ():
                    gb.update_or_create_student(student)

        retry_locked(create_rows)
        return [
            (student, size, cd.format_path(cd.autograded_directory, student, self.assignment))
            for student, size in sorted(found.items())
        ]

    def grade(self, student: str) -> dict[str, Any]:
        print(f"{GRADING_MARK}{student}", file=sys.stderr, flush=True)
        started = time.monotonic()
        try:
            result, attempts = grade_with_retry(
                lambda: self.api.autograde(
                    self.assignment,
                    glob.escape(student),
                    force=self.force,
                    create=self.create_students,
                )
            )
        except Exception as err:  # nbgrader's API catches its own; this is a last resort
            return {
                "student": student,
                "ok": False,
                "seconds": time.monotonic() - started,
                "reason": f"{type(err).__name__}: {err}",
            }
        log = str(result.get("log", ""))
        message: dict[str, Any] = {
            "student": student,
            "ok": bool(result.get("success")),
            "attempts": attempts,
            "log": log,
        }
        if message["ok"]:
            with contextlib.suppress(Exception):  # a score we cannot read is not a failure
                message["score"], message["max_score"] = retry_locked(lambda: self.score(student))
        else:
            message["reason"] = failure_reason(log, result.get("error"))
        message["seconds"] = time.monotonic() - started
        message["worker_peak_mb"] = _peak_rss_mb()
        return message

    def score(self, student: str) -> tuple[float, float]:
        from nbgrader.api import Gradebook

        with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gb:
            return submission_points(gb.find_submission(self.assignment, student))


# One grader per worker process, kept between submissions (and runs of the same module):
# starting nbgrader costs seconds, grading a submission one or two.
_GRADING = threading.Lock()
_KEPT: dict[tuple[str, str, bool, int], _Grader] = {}


def _grader(root: str, assignment: str, force: bool) -> _Grader:
    """This process's grader for the course and module (call with _GRADING held, in root);
    a new one when the course's config changed since (a long-lived cluster worker)."""
    stamp = 0
    with contextlib.suppress(OSError):
        stamp = os.stat(os.path.join(root, "nbgrader_config.py")).st_mtime_ns
    key = (root, assignment, force, stamp)
    if key not in _KEPT:
        _KEPT.clear()  # another course or module: a new app, as a new `nbgrader autograde`
        if shutil.which("alembic") is None:  # nbgrader runs it by name
            os.environ["PATH"] = scripts_env()["PATH"]
        try:
            _KEPT[key] = _Grader(assignment, force)
        except KeyboardInterrupt:
            raise
        except BaseException as err:  # traitlets exits on a config error: say why instead
            raise ClientlearnError.said(
                MESSAGES,
                "nbgrader_start",
                root=root,
                host=socket.gethostname(),
                error=f"{type(err).__name__}: {err}",
            ) from None
    return _KEPT[key]


@contextlib.contextmanager
def _in_course(root: str) -> Iterator[None]:
    """One submission at a time in this process, with the course root as the working
    folder, as `nbgrader autograde` has it (a worker given more threads still grades one
    at a time: nbgrader's app is not made for threads)."""
    with _GRADING:
        if not os.path.isdir(root):
            raise ClientlearnError.said(
                MESSAGES, "course_not_here", root=root, host=socket.gethostname()
            )
        before = os.getcwd()
        os.chdir(root)
        try:
            yield
        finally:
            os.chdir(before)


def prepare_task(
    root: str, assignment: str, force: bool, students: list[str] | None
) -> list[tuple[str, int, str]]:
    """Run on a worker: check the module, list its submissions, create the shared rows."""
    with _in_course(root):
        return _grader(root, assignment, force).prepare(students)


def grade_task(root: str, assignment: str, force: bool, student: str) -> dict[str, Any]:
    """Run on a worker: grade one submission, holding its lease (``lease.py``); what
    happened, as a plain dict (``leased``: who else grades it, then nothing was done)."""
    from pathlib import Path

    from .lease import submission_lease

    with _in_course(root):
        grader = _grader(root, assignment, force)
        cd = grader.coursedir
        with submission_lease(Path(root), cd.db_url, cd.course_id, assignment, student) as other:
            if other is not None:
                return {"student": student, "ok": False, "seconds": 0.0, "leased": other}
            return grader.grade(student)


def log_to_file(folder: str) -> str:
    """Run on a local worker: its output (nbgrader's, the kernels') to a file in ``folder``
    instead of the trainer's terminal; returns the file's path."""
    path = os.path.join(folder, f"worker-{os.getpid()}.log")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    sys.stdout.flush()
    sys.stderr.flush()
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)
    return path
