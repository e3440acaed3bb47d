"""Parallel autograde: the gradebook of ``nbgrader autograde ASSIGNMENT --force``, sooner.

nbgrader grades one submission after another.  Starting nbgrader costs a few seconds
and each more submission 1–2 s, mostly a kernel start, so one process per student is
slower than one process for all; a few long-lived workers that each grade many
submissions use several cores without paying the start-up again and again.

How it works
------------
* **Workers.**  Each worker is ``python -c`` running :func:`_worker_main`, started in
  the course root like the ``nbgrader`` command.  It builds an ``AutogradeApp`` and
  initialises it with no arguments, which loads ``nbgrader_config.py`` exactly as
  ``nbgrader autograde`` does (Jupyter's config folders, the cwd, then the course root;
  the cwd also goes on ``sys.path``), then grades with ``NbGraderAPI.autograde`` on that
  app: the same ``Autograde`` converter, config and preprocessors as the command.
* **Queue.**  The parent hands out submissions largest first (by notebook bytes), one
  at a time, to whichever worker is free.  Keeping the queue in the parent means it
  always knows which submission a worker holds: if a worker dies, only that submission
  fails and the others go on.  Messages are JSON lines on the worker's stdin and a
  duplicate of its stdout; whatever nbgrader, SQLAlchemy or a kernel prints goes to a
  log file, whose tail explains a worker that stopped.
* **Failures.**  A submission that nbgrader cannot grade is recorded with the student
  and the reason (the exception nbgrader logged, and the notebook it was grading); the
  others are graded all the same; a failed submission is tried once more at the end
  (a kernel can die while starting on a busy machine).  nbgrader itself removes the
  failed submission's ``autograded/`` folder, as in a sequential run.
* **Gradebook safety.**  Rows that every submission would otherwise race to insert
  (the course rows nbgrader creates on first use, and the students) are written by one
  worker before any grading starts; afterwards each worker writes only its own
  submission's rows.  SQLite serialises those writes (waiting up to 5 s for a lock); a
  submission that still fails with "database is locked" is graded again after a short,
  growing pause, which is safe because ``--force`` grading starts from scratch.
"""

from __future__ import annotations

import contextlib
import glob
import io
import json
import logging
import os
import queue
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any, TypeVar

from clientlearn.core.errors import ClientlearnError

__all__ = [
    "AutogradeResult",
    "Progress",
    "SubmissionResult",
    "autograde",
    "default_jobs",
    "failure_reason",
    "grade_with_retry",
    "snapshot",
]

# Grading again after "database is locked": pauses before attempts 2, 3, 4 and 5 (s).
LOCKED_BACKOFF_S = (0.5, 1.0, 2.0, 4.0)
# How long a finished worker may take to exit before it is terminated.
_EXIT_WAIT_S = 30.0
_REASON_MAX = 400

_T = TypeVar("_T")


@dataclass(frozen=True)
class SubmissionResult:
    """One submission: graded (``ok``) or failed, with nbgrader's reason."""

    student: str
    ok: bool
    seconds: float
    """Time spent grading it, retries included."""
    score: float | None = None
    max_score: float | None = None
    reason: str | None = None
    """Why it failed: the exception nbgrader logged, prefixed by the notebook."""
    attempts: int = 1
    log: str = ""
    """nbgrader's log of this submission (of its last attempt)."""
    worker_peak_mb: float | None = None
    """The grading process's peak resident memory so far, in MiB (kernels not included)."""


@dataclass(frozen=True)
class Progress:
    """Sent to the ``progress`` callback after each submission."""

    submission: SubmissionResult
    done: int
    total: int
    elapsed: float
    """Seconds since :func:`autograde` was called."""


@dataclass(frozen=True)
class AutogradeResult:
    """Every submission of one run, sorted by student."""

    assignment: str
    course_root: Path
    jobs: int
    seconds: float
    submissions: tuple[SubmissionResult, ...]
    renamed: tuple[tuple[str, str, str], ...] = ()
    """(student, released notebook, the participant's name for it) of each renamed notebook
    copied back under its released name before grading (see :func:`_restore_renamed`)."""

    @property
    def graded(self) -> tuple[SubmissionResult, ...]:
        return tuple(s for s in self.submissions if s.ok)

    @property
    def notices(self) -> tuple[str, ...]:
        """What the trainer should know about graded work: renamed notebooks, and what
        clientlearn's grading steps reported (a deleted test cell, a damaged answers file
        set aside), one line each, starting with the student's id."""
        renamed = [
            f"{student}: handed in {name} as {found!r}; it was graded as {name} (a copy under "
            "that name was added to the submitted folder, the participant's file is kept)"
            for student, name, found in self.renamed
        ]
        said = [f"{s.student}: {text}" for s in self.submissions for text in _notices(s.log)]
        return (*renamed, *said)

    @property
    def failed(self) -> tuple[SubmissionResult, ...]:
        return tuple(s for s in self.submissions if not s.ok)

    @property
    def ok(self) -> bool:
        return not self.failed


def _check_known_students(
    root: Path, assignment: str, wanted: Sequence[str] | None, *, new_students: bool
) -> None:
    """Refuse submission folders of people who are not on the imported roster.

    nbgrader would quietly add such a folder (often a typo in a folder name) to the
    gradebook as a new student; the trainer should decide that."""
    roster = root / "roster.csv"
    if new_students or not roster.is_file():
        return
    import csv

    try:
        with roster.open(encoding="utf-8-sig", newline="") as fh:
            known = {row.get("id", "").strip() for row in csv.DictReader(fh)}
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise ClientlearnError(f"cannot read {roster}: {err}; import the roster again") from None
    folders = sorted(
        p.parent.name for p in (root / "submitted").glob(f"*/{glob.escape(assignment)}")
    )
    unknown = [f for f in folders if f not in known and (wanted is None or f in wanted)]
    if unknown:
        raise ClientlearnError(
            f"submitted/ holds {', '.join(unknown)} for {assignment}, who are not in "
            f"{roster.name}; rename the folder to the participant's id, import them with "
            "`clientlearn roster import`, or grade them anyway with --new-students "
            "(nothing was graded)"
        )


def default_jobs() -> int:
    """Worker processes to use by default: the CPUs this process may run on, at most 4
    (each worker also runs a kernel, and the SQLite gradebook has one writer at a time)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 4))


def autograde(
    course_root: str | os.PathLike[str],
    assignment: str,
    *,
    jobs: int = 2,
    students: Sequence[str] | None = None,
    force: bool = True,
    progress: Callable[[Progress], None] | None = None,
    new_students: bool = False,
) -> AutogradeResult:
    """Grade every submission of ``assignment`` (or only ``students``) in ``jobs`` processes.

    The gradebook and ``autograded/`` end up as after ``nbgrader autograde ASSIGNMENT
    --force`` in ``course_root`` (``force=False``: as without ``--force``).  A submission
    that fails is listed in the result's ``failed``; the others are graded all the same.
    Raises :class:`ClientlearnError` when nothing can be graded: not a course root, the
    assignment not in the gradebook, no submissions, an unknown student.  Once the class
    roster is imported (``roster.csv`` in the course root), a submission folder whose name
    is not a roster id is refused before anything is graded, unless ``new_students``.
    """
    started = time.monotonic()
    root = Path(course_root).resolve()
    if not (root / "nbgrader_config.py").is_file():
        raise ClientlearnError(
            f"{root} is not an nbgrader course root (no nbgrader_config.py there); "
            "pass the folder that holds nbgrader_config.py, gradebook.db and submitted/"
        )
    if not assignment.strip() or any(ch in assignment for ch in "*?[]/\\"):
        raise ClientlearnError(
            f"{assignment!r} is not an assignment name; pass the name of a folder in "
            f"{root / 'source'} (for example module1_client_service)"
        )
    if jobs < 1:
        raise ClientlearnError(f"jobs must be at least 1, not {jobs}")
    wanted = sorted(set(students)) if students is not None else None
    if wanted is not None and not wanted:
        raise ClientlearnError("the list of students to grade is empty; name at least one")
    _check_known_students(root, assignment, wanted, new_students=new_students)
    renamed = _restore_renamed(root, assignment, wanted)
    workers = min(jobs, len(wanted)) if wanted else jobs
    with _Pool(root, assignment, force=force, size=workers) as pool:
        plan = pool.prepare(wanted)
        results = pool.grade(plan, progress, started)
        # A kernel that dies while starting on a busy laptop fails a submission that
        # grades fine a moment later: each failure gets one more try, at the end.
        failed = {r.student for r in results if not r.ok}
        if failed:
            again = pool.grade([p for p in plan if p.student in failed], progress, started)
            retried = {r.student: replace(r, attempts=r.attempts + 1) for r in again}
            results = [retried.get(r.student, r) for r in results]
    return AutogradeResult(
        assignment=assignment,
        course_root=root,
        jobs=workers,
        seconds=time.monotonic() - started,
        submissions=tuple(sorted(results, key=lambda r: r.student)),
        renamed=renamed,
    )


def _restore_renamed(
    root: Path, assignment: str, wanted: Sequence[str] | None
) -> tuple[tuple[str, str, str], ...]:
    """Put renamed notebooks back under their released names, in the submitted folders.

    nbgrader grades only notebooks named as released: a renamed one scores 0 (or fails
    the submission, when it is the only notebook).  A notebook whose tracked cells show
    which released notebook it is gets copied back under that name; the participant's
    file is kept, nothing is overwritten (:func:`clientlearn.grader.integrity.restore_renamed`)."""
    from .integrity import notebook_ids, read_notebook, restore_renamed

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


def _notices(log: str) -> list[str]:
    """The warnings clientlearn's nbgrader steps wrote to a submission's log for the
    trainer (:data:`clientlearn.grader.integrity.NOTICE` marks them)."""
    from .integrity import NOTICE

    return [
        text.removeprefix(NOTICE).strip()
        for level, text in _log_records(log)
        if level == "WARNING" and text.startswith(NOTICE)
    ]


def snapshot(course_root: str | os.PathLike[str], assignment: str) -> dict[str, Any]:
    """What grading left behind, to compare two runs: per student the submission's score,
    max_score and needs_manual_grade, each grade cell's auto_score, manual_score,
    max_score and needs_manual_grade, and the outputs of the autograded notebooks' test
    cells (paths inside the course shown as ``<course>``; tracebacks left out, as they
    name temporary files).  Reads the course's ``gradebook.db``."""
    from nbgrader.api import Gradebook

    root = Path(course_root).resolve()
    out: dict[str, Any] = {}
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        for sub in sorted(gb.find_assignment(assignment).submissions, key=lambda s: s.student.id):
            cells = {
                f"{nb.name}/{grade.name}": (
                    grade.auto_score,
                    grade.manual_score,
                    grade.max_score,
                    grade.needs_manual_grade,
                )
                for nb in sub.notebooks
                for grade in nb.grades
            }
            out[sub.student.id] = {
                "score": sub.score,
                "max_score": sub.max_score,
                "needs_manual_grade": sub.needs_manual_grade,
                "grades": dict(sorted(cells.items())),
            }
    for student, entry in out.items():
        folder = root / "autograded" / student / assignment
        outputs: dict[str, Any] = {}
        for path in sorted(folder.glob("*.ipynb")):
            nb = json.loads(path.read_text(encoding="utf-8"))
            for cell in nb["cells"]:
                meta = cell.get("metadata", {}).get("nbgrader", {})
                if cell["cell_type"] == "code" and meta.get("grade") and not meta.get("solution"):
                    outputs[f"{path.stem}/{meta['grade_id']}"] = [
                        _comparable_output(o, str(root)) for o in cell.get("outputs", [])
                    ]
        entry["autograded"] = folder.is_dir()
        entry["test_outputs"] = outputs
    return out


def _comparable_output(output: dict[str, Any], root: str) -> dict[str, Any]:
    keep: dict[str, Any] = {
        "output_type": output.get("output_type"),
        "name": output.get("name"),
        "text": output.get("text"),
        "text/plain": output.get("data", {}).get("text/plain"),
        "ename": output.get("ename"),
        "evalue": output.get("evalue"),
        "execution_count": output.get("execution_count"),
    }
    for key, value in keep.items():
        if isinstance(value, list):  # a notebook file may split text into lines
            value = "".join(value)
        keep[key] = value.replace(root, "<course>") if isinstance(value, str) else value
    return keep


# --------------------------------------------------------------------------- parent side


@dataclass
class _Worker:
    wid: int
    proc: subprocess.Popen[str]
    stdin: IO[str]
    stdout: IO[str]
    log_path: Path
    thread: threading.Thread
    ready: bool = False
    dead: bool = False
    task: str | None = None
    since: float = 0.0
    reason: str = ""

    def send(self, message: dict[str, Any]) -> bool:
        """Send a task; False if the worker has gone (its end-of-output event follows)."""
        try:
            self.stdin.write(json.dumps(message, ensure_ascii=False) + "\n")
            self.stdin.flush()
        except OSError:
            return False
        return True

    def crash_report(self, code: int) -> str:
        """Why the worker stopped: its exit code, the notebook it was grading and the end
        of what it printed about its last submission."""
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            text = ""
        text = text.rpartition(_GRADING_MARK)[2].partition("\n")[2]
        notebooks = [m.group(1) for m in _NOTEBOOK_LINE.finditer(text)]
        where = f" while grading {os.path.basename(notebooks[-1])}" if notebooks else ""
        # nbgrader warns about every hidden test's checksum: expected, and no clue here.
        lines = [ln for ln in text.strip().splitlines() if _CHECKSUM_WARNING not in ln]
        tail = "\n".join(lines[-6:])
        return f"the grading process stopped (exit code {code}){where}" + (
            f"; its last output:\n{tail}" if tail else ""
        )


_Event = tuple[int, dict[str, Any] | None]


@dataclass(frozen=True)
class _Planned:
    student: str
    size: int
    """Bytes of the submission's notebooks: the largest go first."""
    dest: str
    """Its ``autograded/`` folder, removed if its worker dies (as nbgrader does on failure)."""


class _Pool:
    """The worker processes of one run, and the messages they send."""

    def __init__(self, root: Path, assignment: str, *, force: bool, size: int) -> None:
        self.root = root
        self.assignment = assignment
        self.force = force
        self.size = size
        # A replacement for a worker that died while others still wait, at most this often.
        self.restarts_left = 2 * size
        self.events: queue.Queue[_Event] = queue.Queue()
        self.workers: dict[int, _Worker] = {}
        self.logdir = Path(tempfile.mkdtemp(prefix="clientlearn-autograde-"))

    def __enter__(self) -> _Pool:
        try:
            for _ in range(self.size):
                self._start()
        except BaseException:
            self._stop(graceful=False)
            raise
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        # On an error or Ctrl-C the workers may be mid-notebook: stop them now.
        self._stop(graceful=exc_type is None)

    def _start(self) -> _Worker:
        wid = len(self.workers)
        env = dict(os.environ)
        # nbgrader runs some scripts (alembic) by name: put this environment's first.
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        settings = json.dumps({"assignment": self.assignment, "force": self.force})
        log_path = self.logdir / f"worker-{wid}.log"
        with log_path.open("w", encoding="utf-8") as log:
            proc = subprocess.Popen(
                [sys.executable, "-c", _WORKER_CODE, settings],
                cwd=self.root,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                encoding="utf-8",
                # Ctrl-C reaches the parent only, which stops the workers itself.
                start_new_session=True,
            )
        if proc.stdin is None or proc.stdout is None:  # pragma: no cover - PIPE was asked for
            raise RuntimeError("the worker's pipes were not created")
        thread = threading.Thread(
            target=_read_events, args=(wid, proc.stdout, self.events), daemon=True
        )
        thread.start()
        worker = _Worker(wid, proc, proc.stdin, proc.stdout, log_path, thread)
        self.workers[wid] = worker
        return worker

    def _stop(self, *, graceful: bool) -> None:
        for w in self.workers.values():
            with contextlib.suppress(OSError):
                w.stdin.close()  # end of tasks: an idle worker exits
            # One still starting holds no task and would first finish loading nbgrader.
            if (not graceful or not w.ready) and w.proc.poll() is None:
                w.proc.terminate()
        deadline = time.monotonic() + (_EXIT_WAIT_S if graceful else 5.0)
        for w in self.workers.values():
            try:
                w.proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                w.proc.kill()
                w.proc.wait()
            w.thread.join(timeout=5.0)
            w.stdout.close()
        shutil.rmtree(self.logdir, ignore_errors=True)

    def _next_event(self) -> tuple[_Worker, dict[str, Any] | None]:
        wid, message = self.events.get()
        worker = self.workers[wid]
        if message is None:
            code = worker.proc.wait()
            if not worker.dead:  # an init failure already said why
                worker.reason = worker.crash_report(code)
            worker.dead = True
        elif message.get("event") == "ready":
            worker.ready = True
        elif message.get("event") == "init-failed":
            worker.dead = True
            worker.reason = str(message.get("message", "nbgrader could not start"))
        return worker, message

    def _alive(self) -> list[_Worker]:
        return [w for w in self.workers.values() if not w.dead]

    def prepare(self, students: list[str] | None) -> list[_Planned]:
        """Have the first ready worker list the submissions and prepare the gradebook."""
        preparer: _Worker | None = None
        while True:
            if not self._alive():
                reason = self.workers[0].reason if self.workers else "no worker"
                raise ClientlearnError(f"nbgrader could not start in {self.root}: {reason}")
            worker, message = self._next_event()
            if message is None and worker is preparer:
                raise ClientlearnError(
                    f"preparing the gradebook of {self.root} failed: {worker.reason}"
                )
            if message is None:
                continue
            event = message.get("event")
            if event == "ready" and preparer is None:
                preparer = worker
                worker.send({"op": "prepare", "students": students})  # or its exit follows
            elif event == "prepare-failed":
                raise ClientlearnError(str(message["message"]))
            elif event == "prepared":
                return [_Planned(str(s), int(n), str(d)) for s, n, d in message["plan"]]

    def grade(
        self,
        plan: list[_Planned],
        progress: Callable[[Progress], None] | None,
        started: float,
    ) -> list[SubmissionResult]:
        """Hand out the submissions, largest first, to whichever worker is free."""
        pending = deque(sorted(plan, key=lambda p: (-p.size, p.student)))
        dest = {p.student: p.dest for p in plan}
        results: list[SubmissionResult] = []
        total = len(pending)

        def record(result: SubmissionResult) -> None:
            results.append(result)
            if progress is not None:
                progress(Progress(result, len(results), total, time.monotonic() - started))

        def dispatch() -> None:
            for w in list(self.workers.values()):
                if pending and w.ready and not w.dead and w.task is None:
                    w.task = pending.popleft().student
                    w.since = time.monotonic()
                    # If it fails the worker has gone: its exit event fails this task.
                    w.send({"op": "grade", "student": w.task})

        dispatch()
        while pending or any(w.task is not None for w in self.workers.values()):
            if not self._alive():
                reason = next((w.reason for w in reversed(self.workers.values()) if w.reason), "")
                while pending:
                    student = pending.popleft().student
                    record(SubmissionResult(student, ok=False, seconds=0.0, reason=reason))
                break
            worker, message = self._next_event()
            if message is None and worker.task is not None:
                # nbgrader did not get to clean up after itself: do what it does on failure.
                shutil.rmtree(dest[worker.task], ignore_errors=True)
                seconds = time.monotonic() - worker.since
                record(SubmissionResult(worker.task, False, seconds, reason=worker.reason))
                worker.task = None
                if pending and self.restarts_left > 0:
                    self.restarts_left -= 1
                    self._start()
            elif message is not None and message.get("event") == "graded":
                worker.task = None
                record(_result_from_message(message))
            dispatch()
        return results


def _result_from_message(message: dict[str, Any]) -> SubmissionResult:
    score = message.get("score")
    max_score = message.get("max_score")
    return SubmissionResult(
        student=str(message["student"]),
        ok=bool(message["ok"]),
        seconds=float(message["seconds"]),
        score=None if score is None else float(score),
        max_score=None if max_score is None else float(max_score),
        reason=message.get("reason"),
        attempts=int(message.get("attempts", 1)),
        log=str(message.get("log", "")),
        worker_peak_mb=message.get("worker_peak_mb"),
    )


def _peak_rss_mb() -> float | None:
    """This process's peak resident memory in MiB, where the OS reports it."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _read_events(wid: int, stream: IO[str], events: queue.Queue[_Event]) -> None:
    """Forward a worker's message lines to the parent; None when it has exited."""
    try:
        for line in stream:
            with contextlib.suppress(ValueError):
                events.put((wid, json.loads(line)))
    except (OSError, ValueError):  # the pipe was closed under us while stopping
        pass
    events.put((wid, None))


# --------------------------------------------------------------------------- failure reasons

_LOG_RECORD = re.compile(r"^\[(DEBUG|INFO|WARNING|ERROR|CRITICAL)\] ", re.MULTILINE)
_EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(: .*)?$")
_NOTEBOOK_LINE = re.compile(r"^(?:\[INFO\] )?(?:Sanitizing|Autograding) (.+\.ipynb)\s*$", re.M)
_CHECKSUM_WARNING = "Attribute 'checksum' for cell"

_GENERIC_ERRORS = (
    "There was an error processing assignment",
    "Please see the",
)


def _log_records(log: str) -> Iterator[tuple[str, str]]:
    """(level, message) of each record of a log captured by nbgrader's ``capture_log``."""
    starts = list(_LOG_RECORD.finditer(log))
    for i, match in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(log)
        lines = log[match.end() : end].rstrip().splitlines()
        if not lines:
            continue
        # nbgrader's log formatter indents the continuation lines of a record by 4.
        body = [lines[0], *(ln[4:] if ln.startswith("    ") else ln for ln in lines[1:])]
        yield match.group(1), "\n".join(body)


def _exception_of(traceback_text: str) -> str | None:
    """The ``Type: message`` line of the innermost exception of a traceback."""
    found = None
    for line in traceback_text.splitlines()[1:]:
        if _EXCEPTION_LINE.match(line) and not line.startswith("Traceback"):
            found = line
    return found


def failure_reason(log: str, error: str | None) -> str:
    """Why nbgrader could not grade a submission, in one line or a few.

    ``log`` and ``error`` are what ``NbGraderAPI.autograde`` returns: the exception it
    logged while grading a notebook is the reason (its own final error only says to
    read the log), prefixed with the notebook it was grading.
    """
    notebook = None
    messages: list[str] = []
    for level, text in _log_records(log):
        if level == "INFO":
            match = _NOTEBOOK_LINE.match(text)
            if match:
                notebook = os.path.basename(match.group(1))
            continue
        if level not in ("ERROR", "CRITICAL") or text.startswith(_GENERIC_ERRORS):
            continue
        exception = _exception_of(text) if text.startswith("Traceback") else text
        if exception:
            messages.append(exception)
            break
    if not messages and error:
        exception = _exception_of(error)
        messages.append(exception or error.strip().splitlines()[-1])
    reason = messages[0] if messages else "nbgrader reported a failure without a message"
    if notebook and notebook not in reason:
        reason = f"{notebook}: {reason}"
    return reason if len(reason) <= _REASON_MAX else reason[: _REASON_MAX - 1] + "…"


def _is_locked(text: str) -> bool:
    return "database is locked" in text


def grade_with_retry(
    run: Callable[[], dict[str, Any]],
    *,
    backoff: Sequence[float] = LOCKED_BACKOFF_S,
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[dict[str, Any], int]:
    """Call ``run`` (one ``NbGraderAPI.autograde``) until it does not fail on a locked
    SQLite gradebook; returns its last result and the number of attempts."""
    for attempts, pause in enumerate((*backoff, None), start=1):
        result = run()
        if result.get("success"):
            return result, attempts
        text = str(result.get("log", "")) + str(result.get("error", ""))
        if pause is None or not _is_locked(text):
            return result, attempts
        # A random part keeps two blocked workers from colliding again in step.
        sleep(pause * (1 + random.random() / 2))
    raise AssertionError("unreachable")  # pragma: no cover


def _retry_locked(action: Callable[[], _T]) -> _T:
    """Run a gradebook query again when SQLite reports its lock held for too long."""
    from sqlalchemy.exc import OperationalError

    for pause in (*LOCKED_BACKOFF_S, None):
        try:
            return action()
        except OperationalError as err:
            if pause is None or not _is_locked(str(err)):
                raise
            time.sleep(pause * (1 + random.random() / 2))
    raise AssertionError("unreachable")  # pragma: no cover


# --------------------------------------------------------------------------- worker side

_WORKER_CODE = "from clientlearn.grader.autograde import _worker_main; _worker_main()"
# Written to a worker's log before each submission, so that a crash report shows
# only what concerns the submission that crashed it.
_GRADING_MARK = "--- clientlearn autograde: grading "


class _Grader:
    """nbgrader started once in a worker: loads the course config, grades submissions."""

    def __init__(self, assignment: str, force: bool) -> None:
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
        # the worker's log file, which explains a crash that capture_log cannot return.
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
        if cd.db_url.startswith("sqlite:///"):
            db_file = Path(cd.db_url[len("sqlite:///") :])
            if not db_file.is_file():
                raise ClientlearnError(
                    f"no gradebook at {db_file}; release the assignment first "
                    f"(nbgrader generate_assignment {self.assignment}, in {cd.root})"
                )

        def check_assignment() -> None:
            with Gradebook(cd.db_url, cd.course_id) as gb:
                try:
                    gb.find_assignment(self.assignment)
                except MissingEntry:
                    known = ", ".join(sorted(a.name for a in gb.assignments)) or "none"
                    raise ClientlearnError(
                        f"assignment {self.assignment!r} is not in the gradebook of "
                        f"{cd.root} (it holds: {known}); check the name, or release it "
                        f"first with nbgrader generate_assignment {self.assignment}"
                    ) from None

        _retry_locked(check_assignment)
        found = self.submissions()
        where = cd.format_path(cd.submitted_directory, "STUDENT", self.assignment)
        if not found:
            raise ClientlearnError(
                f"no submissions of {self.assignment!r} to grade: no notebook in {where}; "
                "collect them first (nbgrader collect or zip_collect, or copy each "
                "participant's folder there)"
            )
        if students is not None:
            unknown = sorted(set(students) - set(found))
            if unknown:
                raise ClientlearnError(
                    f"no submission of {self.assignment!r} for {', '.join(unknown)}: "
                    f"expected a notebook in {where}; check the student ids "
                    f"(submissions exist for {', '.join(sorted(found))})"
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

        _retry_locked(create_rows)
        return [
            (student, size, cd.format_path(cd.autograded_directory, student, self.assignment))
            for student, size in sorted(found.items())
        ]

    def grade(self, student: str) -> dict[str, Any]:
        print(f"{_GRADING_MARK}{student}", file=sys.stderr, flush=True)
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
                message["score"], message["max_score"] = _retry_locked(lambda: self.score(student))
        else:
            message["reason"] = failure_reason(log, result.get("error"))
        message["seconds"] = time.monotonic() - started
        message["worker_peak_mb"] = _peak_rss_mb()
        return message

    def score(self, student: str) -> tuple[float, float]:
        from nbgrader.api import Gradebook

        with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gb:
            sub = gb.find_submission(self.assignment, student)
            return float(sub.score), float(sub.max_score)


def _worker_main() -> None:
    """A worker: JSON-line tasks on stdin, JSON-line events on (the original) stdout."""
    # Messages get a private copy of stdout; fd 1 then joins stderr (the log file), so
    # nothing nbgrader or a kernel prints can garble them.
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    # The parent stops a run (Ctrl-C, an error) with SIGTERM: as an interrupt it lets
    # nbclient shut the kernel down and nbgrader remove the half-graded folder.
    signal.signal(signal.SIGTERM, _interrupt)
    tasks = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8")
    settings = json.loads(sys.argv[1])

    def send(**message: Any) -> None:
        channel.write(json.dumps(message, ensure_ascii=False) + "\n")
        channel.flush()

    try:
        grader = _Grader(str(settings["assignment"]), bool(settings["force"]))
    except KeyboardInterrupt:
        return
    except BaseException as err:  # traitlets exits on a config error: report, then stop
        send(event="init-failed", message=f"{type(err).__name__}: {err}")
        return
    send(event="ready")
    with contextlib.suppress(KeyboardInterrupt, BrokenPipeError):
        _serve(grader, tasks, send)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _serve(grader: _Grader, tasks: IO[str], send: Callable[..., None]) -> None:
    for line in tasks:
        task = json.loads(line)
        if task["op"] == "prepare":
            try:
                plan = grader.prepare(task["students"])
            except ClientlearnError as err:
                send(event="prepare-failed", message=str(err))
            except Exception as err:
                send(event="prepare-failed", message=f"{type(err).__name__}: {err}")
            else:
                send(event="prepared", plan=plan)
        elif task["op"] == "grade":
            send(event="graded", **grader.grade(str(task["student"])))
