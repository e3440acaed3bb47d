"""clientlearn: interactive, self-saving quizzes for Jupyter, graded inside nbgrader.

Importing the package is cheap: widgets and nbgrader load only when used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import ClientlearnError

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .bank import Bank, load_bank
    from .quiz import Quiz
    from .store import AnswerStore

_LAZY = {
    "Quiz": ".quiz",
    "Bank": ".bank",
    "load_bank": ".bank",
    "AnswerStore": ".store",
}


def __getattr__(name: str) -> Any:
    # Lazy re-exports keep `import clientlearn` as cheap as importing ipywidgets alone.
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module 'clientlearn' has no attribute {name!r}")


__all__ = ["AnswerStore", "Bank", "ClientlearnError", "Quiz", "__version__", "load_bank"]
