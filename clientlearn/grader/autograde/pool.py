"""The parent side: worker processes, the queue of submissions, their messages."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from clientlearn.core.errors import ClientlearnError
from clientlearn.grader.gradebook import scripts_env

from .reasons import CHECKSUM_WARNING, NOTEBOOK_LINE
from .results import Progress, SubmissionResult
from .worker import GRADING_MARK, WORKER_CODE

# How long a finished worker may take to exit before it is terminated.
_EXIT_WAIT_S = 30.0


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
        text = text.rpartition(GRADING_MARK)[2].partition("\n")[2]
        notebooks = [m.group(1) for m in NOTEBOOK_LINE.finditer(text)]
        where = f" while grading {os.path.basename(notebooks[-1])}" if notebooks else ""
        # nbgrader warns about every hidden test's checksum: expected, and no clue here.
        lines = [ln for ln in text.strip().splitlines() if CHECKSUM_WARNING not in ln]
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


class Pool:
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

    def __enter__(self) -> Pool:
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
        env = scripts_env()  # nbgrader runs some scripts (alembic) by name
        settings = json.dumps({"assignment": self.assignment, "force": self.force})
        log_path = self.logdir / f"worker-{wid}.log"
        with log_path.open("w", encoding="utf-8") as log:
            proc = subprocess.Popen(
                [sys.executable, "-c", WORKER_CODE, settings],
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


def _read_events(wid: int, stream: IO[str], events: queue.Queue[_Event]) -> None:
    """Forward a worker's message lines to the parent; None when it has exited."""
    try:
        for line in stream:
            with contextlib.suppress(ValueError):
                events.put((wid, json.loads(line)))
    except (OSError, ValueError):  # the pipe was closed under us while stopping
        pass
    events.put((wid, None))
