"""A notebook's quiz: one bank, the answers of the notebook's folder, one language.

In a notebook::

    from clientlearn import Quiz
    quiz = Quiz("questions.yaml")
    quiz.ask("m1.algorithm")        # the cell's last expression: shows the widget
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from .bank import Bank, load_bank
from .i18n import LANGUAGES
from .store import AnswerStore, records_from_notebook

if TYPE_CHECKING:
    from .widgets import QuestionView


class Quiz:
    """Questions from ``bank`` (a path, relative to ``folder``), answers saved in
    ``folder`` (default: the notebook's folder, which is the kernel's)."""

    def __init__(
        self,
        bank: str | os.PathLike[str] = "questions.yaml",
        *,
        folder: str | os.PathLike[str] | None = None,
        lang: str | None = None,
    ) -> None:
        self.folder = Path(folder) if folder is not None else Path.cwd()
        bank_path = Path(bank)
        self.bank: Bank = load_bank(
            bank_path if bank_path.is_absolute() else self.folder / bank_path
        )
        chosen = lang or os.environ.get("CLIENTLEARN_LANG") or self.bank.lang
        self.lang = chosen if chosen in LANGUAGES else "uk"
        self.store = AnswerStore(self.folder, lang=self.lang)
        self._recover_from_notebook()

    def _recover_from_notebook(self) -> None:
        """A lone notebook moved to a new folder still carries its answers in its
        outputs: bring them back into the answers file (the newer record wins)."""
        session = os.environ.get("JPY_SESSION_NAME", "")
        if not session.endswith(".ipynb"):
            return
        path = Path(session)
        if not path.is_absolute():
            path = self.folder / path.name
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        records = records_from_notebook(nb)
        if records:
            self.store.merge(records)

    def ask(self, qid: str, *, lang: str | None = None) -> QuestionView:
        """The widget of question ``qid`` with its saved answer, if any."""
        from .widgets import question_view

        return question_view(
            self.bank[qid], self.store, lang=lang or self.lang, bank_id=self.bank.id
        )
