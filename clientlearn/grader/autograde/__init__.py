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

from clientlearn.grader.gradebook import LOCKED_BACKOFF_S

from .reasons import failure_reason, grade_with_retry
from .results import AutogradeResult, Progress, SubmissionResult
from .run import autograde, default_jobs
from .snapshot import snapshot

__all__ = [
    "LOCKED_BACKOFF_S",
    "AutogradeResult",
    "Progress",
    "SubmissionResult",
    "autograde",
    "default_jobs",
    "failure_reason",
    "grade_with_retry",
    "snapshot",
]
