"""Group work in the notebook: the public names the course's notebooks use.

* :func:`exercise_timer` — a countdown that runs in the browser (anywidget);
* :func:`group_answer` — a small group's answer (strategy, service algorithm, step order);
* :func:`observer_rubric` — an observer's 1–4 rubric for a role-play;
* :func:`load_rubric` — an observer rubric shipped with clientlearn or a file.

The class summary for the trainer is :mod:`clientlearn.trainer.groupwork`.

Importing this package is cheap: anywidget, ipywidgets, pandas and matplotlib load
only when the function that needs them is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clientlearn.runtime.groupwork.notebook import exercise_timer, group_answer, observer_rubric
    from clientlearn.runtime.groupwork.rubric import load_rubric

_LAZY = {
    "exercise_timer": "clientlearn.runtime.groupwork.notebook",
    "group_answer": "clientlearn.runtime.groupwork.notebook",
    "observer_rubric": "clientlearn.runtime.groupwork.notebook",
    "load_rubric": "clientlearn.runtime.groupwork.rubric",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'clientlearn.groupwork' has no attribute {name!r}")


__all__ = ["exercise_timer", "group_answer", "load_rubric", "observer_rubric"]
