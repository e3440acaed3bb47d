"""A notebook's quiz: one bank, the answers of the notebook's folder, one language.

In a notebook::

    from clientlearn import Quiz
    quiz = Quiz("questions.yaml")
    quiz.ask("m1.algorithm")        # the cell's last expression: shows the widget
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.i18n import LANGUAGES

from .bank import Bank, load_bank
from .static import StaticView, graded_run
from .store import AnswerStore, record_bundle, recover_from_session

if TYPE_CHECKING:
    from .widgets import QuestionView


def _language(given: str | None, bank: str) -> str:
    """The quiz's language: the one asked for, else ``CLIENTLEARN_LANG``, else the bank's."""
    chosen = given or os.environ.get("CLIENTLEARN_LANG") or bank
    return chosen if chosen in LANGUAGES else "uk"


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
        try:
            self.bank: Bank = load_bank(
                bank_path if bank_path.is_absolute() else self.folder / bank_path
            )
        except ClientlearnError as err:  # shown in the notebook's language (no bank's here)
            err.lang = _language(lang, "uk")
            raise
        self.lang = _language(lang, self.bank.lang)
        self.store = AnswerStore(self.folder, lang=self.lang)
        recover_from_session(self.store)

    def ask(self, qid: str, *, lang: str | None = None) -> QuestionView | StaticView:
        """The widget of question ``qid`` with its saved answer, if any; under nbgrader,
        where nobody can click, the saved answer as text (:mod:`clientlearn.runtime.static`)."""
        question, lang = self.bank[qid], lang or self.lang
        if graded_run():
            from .answertext import describe_answer
            from .questions import pick

            record = self.store.get(qid)
            lines, ordered = describe_answer(question, record.value if record else None, lang)
            bundle = record_bundle(qid, record, lang)
            return StaticView(pick(question.text, lang), lines, bundle, ordered=ordered)
        from .widgets import question_view

        return question_view(question, self.store, lang=lang, bank_id=self.bank.id)
