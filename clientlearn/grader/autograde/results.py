"""What an autograde run reports: each submission, progress, the whole run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .reasons import notices


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
    crashed: bool = False
    """Every worker process that tried it died while grading it (it is not tried again)."""


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
    kept: tuple[str, ...] = ()
    """Students an interrupted run had graded (unchanged since): not graded again."""
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
        said = [f"{s.student}: {text}" for s in self.submissions for text in notices(s.log)]
        return (*renamed, *said)

    @property
    def failed(self) -> tuple[SubmissionResult, ...]:
        return tuple(s for s in self.submissions if not s.ok)

    @property
    def ok(self) -> bool:
        return not self.failed
