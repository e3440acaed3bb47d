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

The class summary for the trainer is :mod:`clientlearn.trainer.selfassess`
(``clientlearn selfassess summary SUBMISSIONS_DIR --out DIR``).

Importing this package loads nothing heavy: widgets, pandas and matplotlib are
imported when a name that needs them is first used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clientlearn.runtime.selfassess.grading import Incomplete, completion, require_completed
    from clientlearn.runtime.selfassess.instruments import (
        Instrument,
        InstrumentError,
        builtin_ids,
        check_instrument,
        load_instrument,
    )
    from clientlearn.runtime.selfassess.notebook import instrument_view
    from clientlearn.runtime.selfassess.scoring import Profile, Progress, Result, assess
    from clientlearn.runtime.selfassess.view import InstrumentView

_PKG = "clientlearn.runtime.selfassess"
_LAZY = {
    "instrument_view": "notebook",
    "InstrumentView": "view",
    "Instrument": "instruments",
    "InstrumentError": "instruments",
    "builtin_ids": "instruments",
    "check_instrument": "instruments",
    "load_instrument": "instruments",
    "assess": "scoring",
    "Profile": "scoring",
    "Progress": "scoring",
    "Result": "scoring",
    "completion": "grading",
    "require_completed": "grading",
    "Incomplete": "grading",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f"{_PKG}.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'clientlearn.selfassess' has no attribute {name!r}")


__all__ = [
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
    "load_instrument",
    "require_completed",
]
