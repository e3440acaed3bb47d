"""clientlearn: interactive, self-saving quizzes for Jupyter, graded inside nbgrader.

The parts, each a package (see ARCHITECTURE.md; import-linter checks the arrows):

* :mod:`clientlearn.core` — errors, messages, files, YAML and tables: no other part;
* :mod:`clientlearn.runtime` — what a participant's kernel runs: questions, banks, the
  answer store, widgets, self-assessment and group forms;
* :mod:`clientlearn.grader` — nbgrader's side: plugins, autograde, integrity, feedback;
* :mod:`clientlearn.trainer` — the trainer's side: roster, groups, report, export,
  certificates, handbook, the demo;
* :mod:`clientlearn.cli` — the ``clientlearn`` command, parsing and delegating only.

The public names notebooks and ``nbgrader_config.py`` files use are kept here and in
four small modules: :mod:`clientlearn.grading`, :mod:`clientlearn.selfassess`,
:mod:`clientlearn.groupwork` and :mod:`clientlearn.nbgrader_plugins`.
Importing the package is cheap: widgets and nbgrader load only when used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.version import __version__

if TYPE_CHECKING:
    from clientlearn.runtime.bank import Bank, load_bank
    from clientlearn.runtime.quiz import Quiz
    from clientlearn.runtime.store import AnswerStore

_LAZY = {
    "Quiz": "clientlearn.runtime.quiz",
    "Bank": "clientlearn.runtime.bank",
    "load_bank": "clientlearn.runtime.bank",
    "AnswerStore": "clientlearn.runtime.store",
}


def __getattr__(name: str) -> Any:
    # Lazy re-exports keep `import clientlearn` as cheap as importing ipywidgets alone.
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'clientlearn' has no attribute {name!r}")


__all__ = ["AnswerStore", "Bank", "ClientlearnError", "Quiz", "__version__", "load_bank"]
