"""One process grading a submission at a time, across runs: a lease per submission.

The module's lock (``lock.py``) keeps two runs apart, but it ends with its run.  When a
run loses its scheduler, the workers that were grading go on (a Dask worker cannot stop
a running task) and write into the gradebook after the run has given up and released
its lock.  A second run started meanwhile would grade the same submission at the same
time: two nbgrader runs deleting and writing the same rows, and whichever ends last
wins, possibly the older submission.  So a worker holds its submission's lease while it
grades, and a run refuses to start while any lease of its module is held:

* PostgreSQL: a session-level advisory lock (two keys: the module, the student), held
  by the worker's own connection; a worker that dies drops its connection and the lease.
* Any other gradebook: a file lock per submission under ``.clientlearn-grading/`` in
  the course folder, which the OS releases when the worker dies.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import socket
from collections.abc import Iterator
from pathlib import Path

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.i18n import LANGUAGES

from .lock import engine_for, is_postgres
from .messages import MESSAGES, msg

LEASES = ".clientlearn-grading"


def _int4(text: str) -> int:
    """A stable signed 32-bit key (PostgreSQL's two-key advisory locks take int4)."""
    digest = hashlib.blake2b(text.encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big", signed=True)


def module_key(course_id: str, assignment: str) -> int:
    return _int4(f"clientlearn grading\0{course_id}\0{assignment}")


def _lease_file(root: Path, assignment: str, student: str) -> Path:
    return root / LEASES / assignment / f"{student}.lock"


@contextlib.contextmanager
def submission_lease(
    root: Path, url: str, course_id: str, assignment: str, student: str
) -> Iterator[str | None]:
    """Hold the lease of ``student``'s submission while grading it; yields None when held,
    else who holds it (then nothing may be graded)."""
    if is_postgres(url):
        with _advisory_lease(url, course_id, assignment, student) as holder:
            yield holder
        return
    from filelock import FileLock, Timeout

    path = _lease_file(root, assignment, student)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        yield msg("holder_file", "en", path=path)
        return
    try:
        yield None
    finally:
        lock.release()


@contextlib.contextmanager
def _advisory_lease(
    url: str, course_id: str, assignment: str, student: str
) -> Iterator[str | None]:
    from sqlalchemy import text

    engine = engine_for(url)
    conn = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    try:
        who = f"clientlearn grading {student}, {socket.gethostname()} pid {os.getpid()}"
        conn.execute(text("SELECT set_config('application_name', :who, false)"), {"who": who})
        keys = {"m": module_key(course_id, assignment), "s": _int4(student)}
        if not conn.execute(text("SELECT pg_try_advisory_lock(:m, :s)"), keys).scalar():
            yield _holders(conn, keys["m"]).get(student, "?")
            return
        try:
            yield None
        finally:
            with contextlib.suppress(Exception):  # a lost connection has released it already
                conn.execute(text("SELECT pg_advisory_unlock(:m, :s)"), keys)
    finally:
        with contextlib.suppress(Exception):
            conn.close()
        engine.dispose()


def _holders(conn: object, key: int) -> dict[str, str]:
    """Student -> who grades it, for the leases of one module held now."""
    from sqlalchemy import text

    rows = conn.execute(  # type: ignore[attr-defined]
        text(
            "SELECT a.application_name, a.client_addr, a.backend_start "
            "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 "
            "AND l.classid::bigint = (:k)::bigint & 4294967295"
        ),
        {"k": key},
    ).all()
    out: dict[str, str] = {}
    for name, addr, since in rows:
        head, _, where = str(name or "").partition(", ")
        student = head.removeprefix("clientlearn grading ")
        out[student] = f"{where or '?'}, {addr or 'local'}, since {since:%Y-%m-%d %H:%M}"
    return out


def check_no_leases(root: Path, url: str, course_id: str, assignment: str) -> None:
    """Refuse to start while a process of an earlier run still grades a submission of
    ``assignment`` (its scheduler gone, the process not)."""
    held: dict[str, str] = {}
    if is_postgres(url):
        engine = engine_for(url)
        try:
            with engine.connect() as conn:
                held = _holders(conn, module_key(course_id, assignment))
        finally:
            engine.dispose()
    else:
        from filelock import FileLock, Timeout

        pattern = str(_lease_file(root, glob.escape(assignment), "*"))
        for path in sorted(glob.glob(pattern)):
            lock = FileLock(path, timeout=0)
            try:
                lock.acquire()
            except Timeout:
                held[Path(path).stem] = msg("holder_file", "en", path=path)
            else:
                lock.release()
    if held:
        raise ClientlearnError.said(
            MESSAGES,
            "still_grading",
            module=assignment,
            students=", ".join(sorted(held)),
            holders={
                lang_: "; ".join(f"{s}: {w}" for s, w in sorted(held.items()))
                for lang_ in LANGUAGES
            },
        )
