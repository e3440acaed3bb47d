"""The parallel autograde of one assignment: checks, the lock, the run, renamed notebooks."""

from __future__ import annotations

import glob
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from clientlearn.core.errors import ClientlearnError
from clientlearn.grader.gradebook import course_id

from .cluster import Planned, SchedulerLost, connect, grade, prepare
from .journal import Journal
from .lease import check_no_leases
from .lock import autograde_lock
from .messages import MESSAGES
from .results import AutogradeResult, Progress, SubmissionResult


def _check_known_students(
    root: Path, assignment: str, wanted: Sequence[str] | None, *, new_students: bool
) -> None:
    """Refuse submission folders of people who are not on the imported roster.

    nbgrader would quietly add such a folder (often a typo in a folder name) to the
    gradebook as a new student; the trainer should decide that."""
    roster = root / "roster.csv"
    if new_students or not roster.is_file():
        return
    # Read as every roster reader reads it (a roster.csv saved again by Excel, in ';',
    # still reads); imported here, as the collector's module imports nbgrader.
    from ..collect import read_roster

    known = {person.id for person in read_roster(roster)}
    folders = sorted(
        p.parent.name for p in (root / "submitted").glob(f"*/{glob.escape(assignment)}")
    )
    unknown = [f for f in folders if f not in known and (wanted is None or f in wanted)]
    if unknown:
        raise ClientlearnError.said(
            MESSAGES,
            "unknown_students",
            unknown=", ".join(unknown),
            module=assignment,
            roster=roster.name,
        )


def default_jobs() -> int:
    """Local worker processes to use by default: the CPUs this process may run on, at
    most 4 (each worker also runs a kernel, and the SQLite gradebook has one writer at a
    time)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 4))


def autograde(
    course_root: str | os.PathLike[str],
    assignment: str,
    *,
    jobs: int | None = None,
    students: Sequence[str] | None = None,
    force: bool = True,
    progress: Callable[[Progress], None] | None = None,
    new_students: bool = False,
    cluster: str | None = None,
    lang: str = "uk",
) -> AutogradeResult:
    """Grade every submission of ``assignment`` (or only ``students``) on Dask workers:
    a local cluster of ``jobs`` processes (default: :func:`default_jobs`), or the
    cluster whose scheduler is at ``cluster`` (``tcp://HOST:PORT``; its workers must see
    the course folder at the same path).

    The gradebook and ``autograded/`` end up as after ``nbgrader autograde ASSIGNMENT
    --force`` in ``course_root`` (``force=False``: as without ``--force``).  A submission
    that fails is listed in the result's ``failed``; the others are graded all the same.
    Raises :class:`ClientlearnError` when nothing can be graded: not a course root, the
    assignment not in the gradebook, no submissions, an unknown student, the gradebook's
    database unreachable, another autograde of the module running (see ``lock.py``).
    Once the class roster is imported (``roster.csv`` in the course root), a submission
    folder whose name is not a roster id is refused before anything is graded, unless
    ``new_students``.  If the scheduler goes away mid-run, the error says so, and the
    next run grades only what this one had not (``journal.py``).
    """
    started = time.monotonic()
    root = Path(course_root).resolve()
    if not (root / "nbgrader_config.py").is_file():
        raise ClientlearnError.said(MESSAGES, "not_course_root", root=root)
    if not assignment.strip() or any(ch in assignment for ch in "*?[]/\\"):
        raise ClientlearnError.said(
            MESSAGES, "bad_module_name", module=repr(assignment), source=root / "source"
        )
    if jobs is None:
        jobs = default_jobs()
    if jobs < 1:
        raise ClientlearnError.said(MESSAGES, "jobs", jobs=jobs)
    wanted = sorted(set(students)) if students is not None else None
    if wanted is not None and not wanted:
        raise ClientlearnError.said(MESSAGES, "no_students")
    _check_known_students(root, assignment, wanted, new_students=new_students)
    with autograde_lock(root, assignment, lang=lang) as url:
        check_no_leases(root, url, course_id(root), assignment)
        journal = Journal(root, assignment)
        kept = journal.kept()
        renamed = _restore_renamed(root, assignment, wanted)
        size = min(jobs, len(wanted)) if wanted else jobs
        plan: list[Planned] = []
        try:
            with connect(cluster, size, lang) as (client, workers):
                plan = prepare(client, root, assignment, force, wanted)
                todo = [p for p in plan if p.student not in kept]

                def run(batch: list[Planned]) -> list[SubmissionResult]:
                    return grade(
                        client, root, assignment, force, batch,
                        journal=journal, progress=progress, started=started, lang=lang,
                    )  # fmt: skip

                results = run(todo)
                # A kernel that dies while starting on a busy laptop fails a submission
                # that grades fine a moment later: each failure gets one more try, at the
                # end (one whose workers died was tried on several already).
                failed = {r.student for r in results if not r.ok and not r.crashed}
                if failed:
                    again = run([p for p in todo if p.student in failed])
                    retried = {r.student: replace(r, attempts=r.attempts + 1) for r in again}
                    results = [retried.get(r.student, r) for r in results]
        except SchedulerLost:
            raise ClientlearnError.said(
                MESSAGES,
                "scheduler_lost",
                address=cluster or "local",
                module=assignment,
                done=len(journal.graded),
                total=len(plan),
            ) from None
        journal.finish()
    return AutogradeResult(
        assignment=assignment,
        course_root=root,
        jobs=workers,
        seconds=time.monotonic() - started,
        submissions=tuple(sorted(results, key=lambda r: r.student)),
        renamed=renamed,
        kept=tuple(sorted(kept & {p.student for p in plan})),
    )


def _restore_renamed(
    root: Path, assignment: str, wanted: Sequence[str] | None
) -> tuple[tuple[str, str, str], ...]:
    """Put renamed notebooks back under their released names, in the submitted folders.

    nbgrader grades only notebooks named as released: a renamed one scores 0 (or fails
    the submission, when it is the only notebook).  A notebook whose tracked cells show
    which released notebook it is gets copied back under that name; the participant's
    file is kept, nothing is overwritten (:func:`clientlearn.grader.integrity.restore_renamed`)."""
    from clientlearn.grader.integrity import notebook_ids, read_notebook, restore_renamed

    released = {
        path.stem: notebook_ids(nb)
        for path in sorted((root / "source" / assignment).glob("*.ipynb"))
        if (nb := read_notebook(path)) is not None
    }
    found: list[tuple[str, str, str]] = []
    for folder in sorted((root / "submitted").glob(f"*/{glob.escape(assignment)}")):
        student = folder.parent.name
        if released and (wanted is None or student in wanted):
            found += [(student, name, was) for name, was in restore_renamed(folder, released)]
    return tuple(found)
