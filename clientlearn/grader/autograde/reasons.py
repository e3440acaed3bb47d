"""Why a submission failed, read from nbgrader's log; grading again after a locked
SQLite gradebook."""

from __future__ import annotations

import os
import random
import re
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from clientlearn.grader.gradebook import LOCKED_BACKOFF_S, is_locked

_REASON_MAX = 400


_LOG_RECORD = re.compile(r"^\[(DEBUG|INFO|WARNING|ERROR|CRITICAL)\] ", re.MULTILINE)
_EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(: .*)?$")
NOTEBOOK_LINE = re.compile(r"^(?:\[INFO\] )?(?:Sanitizing|Autograding) (.+\.ipynb)\s*$", re.M)
CHECKSUM_WARNING = "Attribute 'checksum' for cell"

_GENERIC_ERRORS = (
    "There was an error processing assignment",
    "Please see the",
)


def log_records(log: str) -> Iterator[tuple[str, str]]:
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
    for level, text in log_records(log):
        if level == "INFO":
            match = NOTEBOOK_LINE.match(text)
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
        if pause is None or not is_locked(text):
            return result, attempts
        # A random part keeps two blocked workers from colliding again in step.
        sleep(pause * (1 + random.random() / 2))
    raise AssertionError("unreachable")  # pragma: no cover


def notices(log: str) -> list[str]:
    """The warnings clientlearn's nbgrader steps wrote to a submission's log for the
    trainer (:data:`clientlearn.grader.integrity.NOTICE` marks them)."""
    from clientlearn.grader.integrity import NOTICE

    return [
        text.removeprefix(NOTICE).strip()
        for level, text in log_records(log)
        if level == "WARNING" and text.startswith(NOTICE)
    ]
