"""One nbgrader step for the trainer's commands: run, logged, and a clean error.

``clientlearn release``, ``collect --exchange`` and ``feedback`` run nbgrader as
``python -m nbgrader`` (through :mod:`.nbgrader_main`) with this very Python, in the
course folder, with its scripts on PATH (:func:`clientlearn.grader.gradebook.scripts_env`:
nbgrader runs ``alembic`` by name), so they work from ``.venv/bin/clientlearn`` without an
activated environment.  A separate process keeps nbgrader's logging, its
``sys.exit`` and its traitlets singletons out of clientlearn's own process.

nbgrader's own log goes to ``nbgrader.log`` in the course folder; the trainer sees it
only when a step fails, as the error lines nbgrader wrote, in one
:class:`NbgraderFailed`.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

from clientlearn.core.errors import ClientlearnError

from .gradebook import scripts_env
from .journey_messages import msg
from .nbgrader_main import NBGRADER

__all__ = ["LOG_FILE", "NbgraderFailed", "error_lines", "run_nbgrader"]

LOG_FILE = "nbgrader.log"

# nbgrader's log lines: "[GenerateAssignmentApp | ERROR] ..."; a traceback follows some.
_LEVEL = re.compile(r"^\[\w+ \| (?P<level>[A-Z]+)\]")
_SHOWN_LINES = 12


class NbgraderFailed(ClientlearnError):
    """An nbgrader step ended with an error; the message holds nbgrader's error lines."""


def error_lines(output: str) -> list[str]:
    """What nbgrader said went wrong: its ERROR and CRITICAL lines, each with the text
    that follows it up to the next log line (a traceback ends in the exception);
    without any, the last lines it wrote."""
    lines = output.splitlines()
    picked: list[str] = []
    keep = False
    for line in lines:
        level = _LEVEL.match(line)
        if level:
            keep = level["level"] in {"ERROR", "CRITICAL"}
        if keep and line.strip():
            picked.append(line)
    picked = picked or [line for line in lines if line.strip()]
    if len(picked) > _SHOWN_LINES:
        # The head names the step, the tail the exception; the middle is a traceback.
        picked = [*picked[:4], "…", *picked[-(_SHOWN_LINES - 5) :]]
    return picked


def run_nbgrader(course_root: Path, args: Sequence[str], *, lang: str = "uk") -> str:
    """Run ``nbgrader ARGS`` in ``course_root``; return its output.

    The output is appended to :data:`LOG_FILE` there.  Raises :class:`NbgraderFailed`
    naming the command, nbgrader's error lines and the log file when nbgrader exits
    with an error.
    """
    env = scripts_env()
    env.setdefault("PYTHONIOENCODING", "utf-8")
    command = " ".join(["nbgrader", *args])
    try:
        proc = subprocess.run(
            [*NBGRADER, *args],
            cwd=course_root,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    except OSError as err:  # the course folder vanished, or Python cannot start
        raise NbgraderFailed(msg("nbgrader_not_run", lang, command=command, error=err)) from err
    output = proc.stdout + proc.stderr
    log = str(course_root / LOG_FILE)
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    try:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"--- {stamp} $ {command} (exit {proc.returncode})\n{output}\n")
    except OSError as err:  # a read-only course folder: the error still reaches the trainer
        log = msg("log_unwritten", lang, error=err.strerror or err)
    if proc.returncode != 0:
        details = "\n".join(f"  {line}" for line in error_lines(output))
        raise NbgraderFailed(
            msg("nbgrader_failed", lang, command=command, code=proc.returncode, log=log)
            + "\n"
            + details
        )
    return output
