"""Group work in the notebook and its summary for the trainer.

* :func:`exercise_timer` — a countdown that runs in the browser (anywidget);
* :func:`group_answer` — a small group's answer (strategy, service algorithm, step order);
* :func:`observer_rubric` — an observer's 1–4 rubric for a role-play;
* :func:`summarize` and :func:`write_summary` — the class's group answers, Borda
  consensus, distances and rubric results as pandas tables, CSV and charts.

Importing this package is cheap: anywidget, ipywidgets, pandas and matplotlib load
only when the function that needs them is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .export import write_summary
    from .notebook import exercise_timer, group_answer, observer_rubric
    from .rubric import load_rubric
    from .summary import summarize

_LAZY = {
    "exercise_timer": ".notebook",
    "group_answer": ".notebook",
    "observer_rubric": ".notebook",
    "load_rubric": ".rubric",
    "summarize": ".summary",
    "write_summary": ".export",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module 'clientlearn.groupwork' has no attribute {name!r}")


__all__ = [
    "exercise_timer",
    "group_answer",
    "load_rubric",
    "observer_rubric",
    "summarize",
    "write_summary",
]
