"""Public names for nbgrader test cells in the course's notebooks::

    from clientlearn.grading import require_answer, score

They live in :mod:`clientlearn.runtime.testcells`; this module keeps the name that
released notebooks import.
"""

from __future__ import annotations

from clientlearn.runtime.testcells import DEFAULT_BANK, Unanswered, require_answer, score

__all__ = ["DEFAULT_BANK", "Unanswered", "require_answer", "score"]
