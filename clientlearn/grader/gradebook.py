"""The course's gradebook, the one way clientlearn reaches it.

* Its URL is nbgrader's ``CourseDirectory.db_url`` as the course's
  ``nbgrader_config.py`` sets it (by default ``sqlite:///<course>/gradebook.db``), so a
  gradebook on another database works for every command as it does for nbgrader.
* A SQLite gradebook has one writer at a time: :func:`retry_locked` runs a query again
  when SQLite reports its lock held for too long.
* nbgrader runs the ``alembic`` script by name when it creates or upgrades a gradebook:
  :func:`scripts_on_path` finds it even when the environment is not activated
  (``.venv/bin/clientlearn``).
* A submission's total is its grade cells' points summed here (:func:`submission_points`),
  not nbgrader's ``Submission.score``: that is the database's ``SUM``, whose last bit
  depends on the database and the order it reads the rows in (73.1619 on SQLite,
  73.16190000000002 on PostgreSQL), so one class would show two totals.
"""

from __future__ import annotations

import contextlib
import math
import os
import random
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from clientlearn.core.errors import ClientlearnError

from .journey_messages import MESSAGES

__all__ = [
    "CONFIG_FILE",
    "LOCKED_BACKOFF_S",
    "course_id",
    "gradebook_url",
    "is_locked",
    "open_gradebook",
    "retry_locked",
    "scripts_env",
    "scripts_on_path",
    "sqlite_file",
    "submission_points",
]

CONFIG_FILE = "nbgrader_config.py"
# Grading or querying again after "database is locked": pauses before attempts 2-5 (s).
LOCKED_BACKOFF_S = (0.5, 1.0, 2.0, 4.0)
_SQLITE = "sqlite:///"

_T = TypeVar("_T")


def gradebook_url(course_root: str | os.PathLike[str]) -> str:
    """The gradebook's SQLAlchemy URL for the course in ``course_root``."""
    return _settings(course_root)[0]


def course_id(course_root: str | os.PathLike[str]) -> str:
    """nbgrader's ``CourseDirectory.course_id`` for the course in ``course_root``."""
    return _settings(course_root)[1]


def _settings(course_root: str | os.PathLike[str]) -> tuple[str, str]:
    root = Path(course_root).resolve()
    config = root / CONFIG_FILE
    stamp = config.stat().st_mtime_ns if config.is_file() else None
    return _read_settings(str(root), stamp)


@cache
def _read_settings(root: str, config_stamp: int | None) -> tuple[str, str]:
    # The stamp only keys the cache: an edited config is read again.
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config

    config = Config()
    if config_stamp is not None:
        from traitlets.config.loader import ConfigFileNotFound, PyFileConfigLoader

        try:
            config = PyFileConfigLoader(CONFIG_FILE, path=root).load_config()
        except ConfigFileNotFound:  # removed since it was seen
            pass
        except Exception as err:  # the trainer's Python: any error it raises
            raise ClientlearnError.said(
                MESSAGES, "config_unreadable", path=Path(root) / CONFIG_FILE, error=err
            ) from err
    coursedir = CourseDirectory(config=config)
    if not config.CourseDirectory.get("root"):
        coursedir.root = root
    return str(coursedir.db_url), str(coursedir.course_id)


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite gradebook URL; None for another database."""
    return Path(url[len(_SQLITE) :]) if url.startswith(_SQLITE) else None


@contextlib.contextmanager
def open_gradebook(
    course_root: str | os.PathLike[str], *, create: bool = False, course_id: str | None = ""
) -> Iterator[Any]:
    """nbgrader's ``Gradebook`` of the course, closed afterwards.

    Without ``create``, a SQLite gradebook that does not exist yet raises (opening it
    would create an empty one).  ``course_id=""`` looks the course up without inserting
    its row, so reading results writes nothing; ``None`` uses nbgrader's default.
    """
    url = gradebook_url(course_root)
    db_file = sqlite_file(url)
    if not create and db_file is not None and not db_file.is_file():
        raise ClientlearnError.said(MESSAGES, "no_gradebook", path=db_file)
    from nbgrader.api import Gradebook

    kwargs = {} if course_id is None else {"course_id": course_id}
    from sqlalchemy.exc import OperationalError

    with scripts_on_path():
        try:
            gradebook = retry_locked(lambda: Gradebook(url, **kwargs))
        except OperationalError as err:  # a database server down, a wrong password
            raise ClientlearnError.said(
                MESSAGES,
                "gradebook_unreachable",
                url=_shown(url),
                config=Path(course_root) / CONFIG_FILE,
                reason=str(err.orig).strip().splitlines()[0],
            ) from err
    try:
        yield gradebook
    finally:
        gradebook.close()


def submission_points(submission: Any) -> tuple[float, float]:
    """(score, max score) of an nbgrader ``Submission``: its grade cells' points summed
    exactly rounded (``math.fsum``), so the same grades give the same total on every
    database and in every row order."""
    grades = [grade for notebook in submission.notebooks for grade in notebook.grades]
    return (
        math.fsum(float(grade.score or 0.0) for grade in grades),
        math.fsum(float(grade.max_score or 0.0) for grade in grades),
    )


def _shown(url: str) -> str:
    """The URL without its password, to print."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL SQLAlchemy reads: nbgrader would fail on it too
        return url


def is_locked(text: str) -> bool:
    """Whether an error says SQLite's lock was held for too long."""
    return "database is locked" in text


def retry_locked(action: Callable[[], _T], *, sleep: Callable[[float], None] = time.sleep) -> _T:
    """Run ``action`` again, after a short and growing pause, while SQLite reports its
    lock held for too long; any other error is raised at once."""
    from sqlalchemy.exc import OperationalError

    for pause in (*LOCKED_BACKOFF_S, None):
        try:
            return action()
        except OperationalError as err:
            if pause is None or not is_locked(str(err)):
                raise
            # A random part keeps two blocked writers from colliding again in step.
            sleep(pause * (1 + random.random() / 2))
    raise AssertionError("unreachable")  # pragma: no cover


def scripts_env(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """``env`` (default: this process's) with this Python's scripts first on PATH."""
    out = dict(os.environ if env is None else env)
    out["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), out.get("PATH", "")])
    return out


@contextlib.contextmanager
def scripts_on_path() -> Iterator[None]:
    """This Python's scripts (``alembic``, ``nbgrader``) on PATH while nbgrader runs
    in this process."""
    if shutil.which("alembic") is not None:
        yield
        return
    old = os.environ.get("PATH")
    os.environ["PATH"] = scripts_env()["PATH"]
    try:
        yield
    finally:
        if old is None:
            del os.environ["PATH"]
        else:
            os.environ["PATH"] = old
