"""Self-assessment instruments: a library diagnostic, a conflict-style profile and a
before/after confidence check, with the trainer's class summary.

In a notebook::

    from clientlearn.selfassess import instrument_view
    instrument_view("conflict_styles")                 # the cell's last expression
    instrument_view("confidence", phase="before")

In an autograder test cell::

    from clientlearn.selfassess import completion, require_completed
    require_completed("conflict_styles")
    ### BEGIN HIDDEN TESTS
    completion("conflict_styles", 2)
    ### END HIDDEN TESTS

For the trainer: ``clientlearn selfassess summary SUBMISSIONS_DIR --out DIR``, or
:func:`load_class` and :func:`summarize`.

Importing this package loads nothing heavy: widgets, pandas and matplotlib are
imported when a name that needs them is first used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .classdata import ClassAnswers, load_class
    from .export import write_summary
    from .grading import Incomplete, completion, require_completed
    from .instruments import (
        Instrument,
        InstrumentError,
        builtin_ids,
        check_instrument,
        load_instrument,
    )
    from .notebook import instrument_view
    from .scoring import Profile, Progress, Result, assess
    from .summary import ClassSummary, summarize
    from .view import InstrumentView

_LAZY = {
    "instrument_view": ".notebook",
    "InstrumentView": ".view",
    "Instrument": ".instruments",
    "InstrumentError": ".instruments",
    "builtin_ids": ".instruments",
    "check_instrument": ".instruments",
    "load_instrument": ".instruments",
    "assess": ".scoring",
    "Profile": ".scoring",
    "Progress": ".scoring",
    "Result": ".scoring",
    "completion": ".grading",
    "require_completed": ".grading",
    "Incomplete": ".grading",
    "load_class": ".classdata",
    "ClassAnswers": ".classdata",
    "summarize": ".summary",
    "ClassSummary": ".summary",
    "write_summary": ".export",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module 'clientlearn.selfassess' has no attribute {name!r}")


__all__ = [
    "ClassAnswers",
    "ClassSummary",
    "Incomplete",
    "Instrument",
    "InstrumentError",
    "InstrumentView",
    "Profile",
    "Progress",
    "Result",
    "assess",
    "builtin_ids",
    "check_instrument",
    "completion",
    "instrument_view",
    "load_class",
    "load_instrument",
    "require_completed",
    "summarize",
    "write_summary",
]
