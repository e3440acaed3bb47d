"""Parallel autograde: the gradebook of ``nbgrader autograde ASSIGNMENT --force``, sooner.

nbgrader grades one submission after another.  Starting nbgrader costs a few seconds
and each more submission 1–2 s, mostly a kernel start, so one process per student is
slower than one process for all; a few long-lived workers that each grade many
submissions use several cores without paying the start-up again and again.

How it works
------------
* **Engine.**  Dask distributed (``cluster.py``): ``jobs`` worker processes of a local
  cluster, or the workers of a scheduler named by its address, every one seeing the
  course folder at the same path.  Each worker process builds one ``AutogradeApp`` on
  its first submission (``worker.py``), initialised with no arguments in the course root,
  which loads ``nbgrader_config.py`` exactly as ``nbgrader autograde`` does (Jupyter's
  config folders, the cwd, then the course root; the cwd also goes on ``sys.path``), and
  keeps it: it grades with ``NbGraderAPI.autograde`` on that app, the same ``Autograde``
  converter, config and preprocessors as the command, one submission at a time.
* **Queue.**  One task per submission, its priority its notebooks' bytes: the scheduler
  hands out the largest first, one to each free worker.  One worker first lists the
  submissions and writes the rows that every submission would otherwise race to insert
  (the course rows nbgrader creates on first use, and the students); afterwards each
  task writes only its own submission's rows.
* **Failures.**  A submission that nbgrader cannot grade is recorded with the student
  and the reason (the exception nbgrader logged, and the notebook it was grading); the
  others are graded all the same, and a failure is tried once more at the end (a kernel
  can die while starting on a busy machine).  A worker process that dies mid-submission
  (killed, out of memory) has its task given to another worker by the scheduler; one
  that kills every worker that tries it fails, and its half-written ``autograded/``
  folder is removed, as nbgrader does on a failure.  ``--force`` grading starts from
  scratch, so a submission graded again appears once in the gradebook.
* **One run at a time, nothing graded twice.**  A run holds a lock on the module
  (``lock.py``: an advisory lock in a PostgreSQL gradebook, a file lock in the course
  folder otherwise), whose taking also shows the database answers; a run that stops
  early (the scheduler gone, Ctrl-C) leaves a journal of what it graded, and the next
  run grades the rest (``journal.py``).
* **Gradebook safety.**  SQLite serialises the workers' writes (waiting up to 5 s for a
  lock); a submission that still fails with "database is locked" is graded again after
  a short, growing pause, which is safe because ``--force`` grading starts from scratch.
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
