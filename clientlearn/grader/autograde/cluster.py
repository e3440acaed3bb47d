"""The engine: Dask distributed, on this machine (a local cluster of ``jobs`` worker
processes) or on a cluster a scheduler address names.

Each worker process keeps one nbgrader app (``worker.py``) and grades one submission at
a time; the scheduler hands out the submissions largest first (a task's priority is its
notebooks' bytes) to whichever worker is free.  A worker that dies mid-submission has
its task given to another worker by the scheduler (at most ``allowed-failures`` times):
``--force`` grading starts from scratch and writes the submission's rows again, so it
appears once in the gradebook.  The course folder must be at the same path on every
worker (shared storage), as nbgrader's own paths are.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clientlearn.core.errors import ClientlearnError

from .journal import Journal
from .messages import MESSAGES, msg
from .results import Progress, SubmissionResult
from .worker import grade_task, prepare_task

if TYPE_CHECKING:
    from distributed import Client, Future

# Tries of a submission whose worker died, on a local cluster, before it is failed
# (a submission that kills every process grading it must not restart them forever).
LOCAL_ALLOWED_FAILURES = 2
# How long to wait for a scheduler, and for its first worker.
CONNECT_TIMEOUT_S = 30
WORKERS_TIMEOUT_S = 120


@dataclass(frozen=True)
class Planned:
    student: str
    size: int
    """Bytes of the submission's notebooks: the largest go first."""
    dest: str
    """Its ``autograded/`` folder, removed if its worker dies (as nbgrader does on failure)."""


class SchedulerLost(Exception):
    """The connection to the scheduler broke during the run."""


@contextlib.contextmanager
def connect(address: str | None, jobs: int, lang: str) -> Iterator[tuple[Client, int]]:
    """A client of the scheduler at ``address``, or of a new local cluster of ``jobs``
    worker processes; yields it and the number of workers."""
    import dask
    from distributed import Client, LocalCluster

    if address is None:
        settings = {
            # One submission per free worker: largest first, none waiting behind a slow one.
            "distributed.scheduler.worker-saturation": 1.0,
            "distributed.scheduler.allowed-failures": LOCAL_ALLOWED_FAILURES,
        }
        logdir = tempfile.mkdtemp(prefix="clientlearn-autograde-")
        try:
            with (
                dask.config.set(settings),
                LocalCluster(
                    n_workers=jobs,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",  # any free port: never a clash
                    silence_logs=logging.ERROR,
                ) as cluster,
                Client(cluster) as client,
            ):
                from .workerlog import LogToFile

                client.register_plugin(LogToFile(logdir))
                yield client, jobs
        finally:
            shutil.rmtree(logdir, ignore_errors=True)
        return
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError, ValueError) as err:
        raise ClientlearnError.said(
            MESSAGES, "no_scheduler", address=address, error=_first_line(err)
        ) from None
    try:
        try:
            client.wait_for_workers(1, timeout=WORKERS_TIMEOUT_S)
        except (OSError, TimeoutError) as err:
            raise ClientlearnError.said(
                MESSAGES, "no_scheduler", address=address, error=_first_line(err)
            ) from None
        yield client, len(client.scheduler_info(n_workers=-1)["workers"])
    finally:
        with contextlib.suppress(Exception):  # a scheduler already gone
            client.close(timeout=5)


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


def _lost(err: BaseException) -> bool:
    """Whether an error means the scheduler (not a task) is gone."""
    from asyncio import CancelledError

    from distributed.comm.core import CommClosedError

    return isinstance(err, CancelledError | CommClosedError | OSError | TimeoutError)


def prepare(
    client: Client, root: Path, assignment: str, force: bool, students: list[str] | None
) -> list[Planned]:
    """Have a worker list the submissions and prepare the gradebook's shared rows."""
    future = client.submit(
        prepare_task, str(root), assignment, force, students, pure=False, retries=0
    )
    try:
        plan = future.result()
    except ClientlearnError:
        raise
    except Exception as err:
        if _lost(err):
            raise SchedulerLost from err
        raise ClientlearnError.said(MESSAGES, "prepare_failed", root=root, error=err) from err
    return [Planned(str(s), int(n), str(d)) for s, n, d in plan]


def grade(
    client: Client,
    root: Path,
    assignment: str,
    force: bool,
    plan: list[Planned],
    *,
    journal: Journal,
    progress: Callable[[Progress], None] | None,
    started: float,
    lang: str,
) -> list[SubmissionResult]:
    """Grade the planned submissions; raises :class:`SchedulerLost` if the scheduler goes
    (what was graded until then is in the journal)."""
    from distributed import as_completed

    run = uuid.uuid4().hex[:8]
    waiting = sorted(plan, key=lambda p: (-p.size, p.student))  # largest first
    futures: dict[Future[Any], Planned] = {}

    def submit_next() -> Future[Any]:
        p = waiting.pop(0)
        future = client.submit(
            grade_task,
            str(root),
            assignment,
            force,
            p.student,
            key=f"clientlearn-grade-{assignment}-{p.student}-{run}",
            priority=p.size,
            pure=False,
            retries=0,
        )
        futures[future] = p
        return future

    # No more submissions in flight than the cluster has threads: a task queued on a
    # worker counts as "died with it" when another submission kills that worker, so an
    # innocent submission queued behind a crashing one would be failed after 3 deaths.
    first = [submit_next() for _ in range(min(len(waiting), _slots(client)))]
    results: list[SubmissionResult] = []
    total = len(plan)
    since = time.monotonic()
    done = as_completed(first)
    for future in done:
        planned = futures.pop(future)
        result = _outcome(future, planned, since, lang)
        # Let go of it: a result the scheduler still kept would be computed again (the
        # submission graded again) when the worker holding it dies.
        future.release()
        if result.ok:
            journal.add(planned.student)
        results.append(result)
        if progress is not None:
            progress(Progress(result, len(results), total, time.monotonic() - started))
        while waiting and len(futures) < _slots(client):
            done.add(submit_next())
    return results


def _slots(client: Client) -> int:
    """How many submissions the cluster grades at once: its workers' threads (at least 1)."""
    try:
        workers = client.scheduler_info(n_workers=-1)["workers"].values()
    except Exception as err:
        if _lost(err):
            raise SchedulerLost from err
        raise
    return max(1, sum(int(w.get("nthreads", 1)) for w in workers))


def _outcome(future: Future[Any], planned: Planned, since: float, lang: str) -> SubmissionResult:
    from distributed import KilledWorker

    if future.status == "cancelled":
        raise SchedulerLost
    try:
        message: dict[str, Any] = future.result()
    except KilledWorker as err:
        # nbgrader did not get to clean up after itself: do what it does on failure.
        shutil.rmtree(planned.dest, ignore_errors=True)
        tries = err.allowed_failures + 1
        return SubmissionResult(
            planned.student,
            ok=False,
            seconds=time.monotonic() - since,
            reason=msg("worker_lost", lang, tries=tries),
            attempts=tries,
            crashed=True,
        )
    except ClientlearnError as err:  # the course folder not on that worker, nbgrader broken
        return SubmissionResult(planned.student, False, time.monotonic() - since, reason=str(err))
    except Exception as err:
        if _lost(err):
            raise SchedulerLost from err
        reason = f"{type(err).__name__}: {err}"
        return SubmissionResult(planned.student, False, time.monotonic() - since, reason=reason)
    if message.get("leased"):  # a process of an earlier run grades it (lease.py)
        message["reason"] = msg("graded_elsewhere", lang, holder=message["leased"])
    return result_from_message(message)


def result_from_message(message: dict[str, Any]) -> SubmissionResult:
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
