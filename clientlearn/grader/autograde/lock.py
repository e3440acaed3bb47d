"""One autograde of a module at a time, and a reachable gradebook, before any work.

The lock lives where the gradebook lives, so two trainers (or a trainer and a cron job)
on different machines exclude each other as surely as two runs on one machine:

* PostgreSQL: a session-level advisory lock held by one connection for the whole run;
  if the process dies, the server drops the connection and with it the lock.
* Any other gradebook (SQLite, a file in the course folder): a file lock beside it in
  the course folder, which the OS releases when the process dies.

Taking the lock is also the check that the database answers: a server that is down, a
wrong password or a missing SQLite file stop the run before a worker starts.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.i18n import LANGUAGES
from clientlearn.grader.gradebook import CONFIG_FILE, course_id, gradebook_url, sqlite_file

from .messages import MESSAGES, msg

if TYPE_CHECKING:
    from sqlalchemy import Engine

# Seconds to wait for a database server before saying it is unreachable.
CONNECT_TIMEOUT_S = 10


def lock_key(course_id: str, assignment: str) -> int:
    """A stable signed 64-bit key naming one course's module (PostgreSQL's bigint)."""
    digest = hashlib.blake2b(
        f"clientlearn autograde\0{course_id}\0{assignment}".encode(), digest_size=8
    )
    return int.from_bytes(digest.digest(), "big", signed=True)


def _who() -> str:
    return f"clientlearn autograde, {socket.gethostname()} pid {os.getpid()}"


@contextlib.contextmanager
def autograde_lock(root: Path, assignment: str, *, lang: str = "uk") -> Iterator[str]:
    """Hold the module's autograde lock; yields the gradebook's URL.

    Raises :class:`ClientlearnError` if another run holds it or the database cannot be
    reached."""
    url = gradebook_url(root)
    if is_postgres(url):
        with _advisory_lock(root, url, lock_key(course_id(root), assignment), assignment, lang):
            yield url
        return
    db_file = sqlite_file(url)
    if db_file is not None and not db_file.is_file():
        raise ClientlearnError.said(
            MESSAGES, "no_gradebook", path=db_file, module=assignment, course=root
        )
    if db_file is None:
        _check_reachable(root, url, lang)
    with _file_lock(root, assignment, lang):
        yield url


def _unreachable(root: Path, url: str, err: BaseException, lang: str) -> ClientlearnError:
    from sqlalchemy.engine import make_url

    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except Exception:  # not even a URL: show it as written
        shown = url
    # The driver's first line says what failed (refused, timed out, bad password).
    first = str(getattr(err, "orig", None) or err).strip().splitlines()
    reason = first[0] if first else type(err).__name__
    return ClientlearnError.said(
        MESSAGES, "db_unreachable", url=shown, config=root / CONFIG_FILE, error=reason
    )


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql:", "postgresql+"))


def engine_for(url: str) -> Engine:
    """An engine without a pool (each use is one connection, closed after), that gives up
    on a silent server after :data:`CONNECT_TIMEOUT_S`."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    args = {"connect_timeout": CONNECT_TIMEOUT_S} if is_postgres(url) else {}
    return create_engine(url, poolclass=NullPool, connect_args=args)


def _check_reachable(root: Path, url: str, lang: str) -> None:
    from sqlalchemy import text

    try:
        engine = engine_for(url)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as err:  # any driver's error: refused, auth, unknown host, no driver
        raise _unreachable(root, url, err, lang) from err


@contextlib.contextmanager
def _advisory_lock(root: Path, url: str, key: int, assignment: str, lang: str) -> Iterator[None]:
    from sqlalchemy import text

    try:
        engine = engine_for(url)
        conn = engine.connect()
    except Exception as err:  # refused, timed out, authentication, no such database
        raise _unreachable(root, url, err, lang) from err
    try:
        # Autocommit: the session-level lock must not wait on (or vanish with) a transaction.
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        conn.execute(text("SELECT set_config('application_name', :who, false)"), {"who": _who()})
        got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar()
        if not got:
            holder = conn.execute(
                text(
                    "SELECT a.application_name, a.client_addr, a.backend_start "
                    "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                    "WHERE l.locktype = 'advisory' AND l.granted "
                    "AND ((l.classid::bigint << 32) | l.objid::bigint) = :k"
                ),
                {"k": key},
            ).first()
            seen = (
                f"{holder[0] or '?'}, {holder[1] or 'local'}, since {holder[2]:%Y-%m-%d %H:%M}"
                if holder is not None
                else None
            )
            holders = {
                lang_: msg("holder_db", lang_, who=seen or msg("unknown_holder", lang_))
                for lang_ in LANGUAGES
            }
            raise ClientlearnError.said(MESSAGES, "running", module=assignment, holder=holders)
        try:
            yield
        finally:
            with contextlib.suppress(Exception):  # a lost connection has released it already
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
    finally:
        with contextlib.suppress(Exception):
            conn.close()
        engine.dispose()


@contextlib.contextmanager
def _file_lock(root: Path, assignment: str, lang: str) -> Iterator[None]:
    from filelock import FileLock, Timeout

    path = root / f".clientlearn-autograde-{assignment}.lock"
    lock = FileLock(path, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise ClientlearnError.said(
            MESSAGES,
            "running",
            module=assignment,
            holder={lang_: msg("holder_file", lang_, path=path) for lang_ in LANGUAGES},
        ) from None
    try:
        yield
    finally:
        lock.release()
