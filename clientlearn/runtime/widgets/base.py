"""What every question widget shares: the question text, saving, the saved-answer
output and self-check feedback.

A view is an ``ipywidgets.VBox``.  Displaying it (the cell's last expression, or
``display(view)``) shows the widget and, under it, a small output carrying the saved
answer: JupyterLab stores that output in the ``.ipynb``, so the notebook itself
holds the answers too.  Views never display themselves.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from clientlearn.core.i18n import tr
from clientlearn.runtime.questions import Answer, Mode, Question, pick
from clientlearn.runtime.store import AnswerStore, Record, record_bundle

from .keyguard import KeyGuard
from .recorded import RecordedView


def html_text(text: str) -> str:
    """Escaped text with line breaks kept: question text is never trusted as HTML."""
    return "<br>".join(html.escape(line) for line in text.split("\n"))


class QuestionView(RecordedView):
    """Base of the per-type views; subclasses build ``self.control`` and map it to
    an answer with ``read()`` / ``show()``."""

    # Self-check feedback waits for a complete answer on these types.
    feedback_when_complete = False

    def __init__(self, question: Question, store: AnswerStore, *, lang: str, bank_id: str) -> None:
        self.question = question
        self.store = store
        self.lang = lang
        self.bank_id = bank_id
        self._restoring = False
        self.record: Record | None = store.get(question.id)
        self.feedback = w.HTML(value="")
        self.status = w.HTML(value="")
        text = html_text(pick(question.text, lang))
        prompt = w.HTML(value=f'<div class="clientlearn-question"><b>{text}</b></div>')
        control = self.build()
        children = [prompt, control, self.feedback, self.status, KeyGuard()]
        super().__init__(children=children, layout=w.Layout(margin="0.5em 0"))
        self.add_class("clientlearn")
        self.show_notices()
        if self.record is not None:
            self._restoring = True
            try:
                self.show(self.record.value)
            finally:
                self._restoring = False
            self.after_save(self.record, restored=True)
        elif question.mode is Mode.GRADED:
            self.feedback.value = f"<small>{html.escape(tr('graded_note', lang))}</small>"

    # --- per-type hooks ------------------------------------------------------
    def build(self) -> w.Widget:
        raise NotImplementedError

    def read(self) -> Answer:
        """The answer the control shows now (None when nothing is chosen)."""
        raise NotImplementedError

    def show(self, value: Answer) -> None:
        """Put a saved answer back into the control."""
        raise NotImplementedError

    def is_complete(self, value: Answer) -> bool:
        return self.question.is_answered(value)

    # --- saving ----------------------------------------------------------------
    def changed(self, *_: Any) -> None:
        """Called by the control on every change: save at once, then report."""
        if self._restoring:
            return
        value = self.read()
        if value is None:
            return
        self.problem = ""
        record = self.save_record(self.question.id, value, bank=self.bank_id)
        if record is not None:
            self.after_save(record, restored=False)

    def after_save(self, record: Record, *, restored: bool) -> None:
        if restored:
            self.refresh_output()
            self.show_notices()
        if self.question.mode is Mode.SELFCHECK:
            self.give_feedback(record)
        else:
            self.feedback.value = f"<small>{html.escape(tr('graded_note', self.lang))}</small>"

    def give_feedback(self, record: Record) -> None:
        value = record.value
        if self.feedback_when_complete and not self.is_complete(value):
            self.feedback.value = ""
            return
        fraction = self.question.fraction(value)
        lang = self.lang
        if fraction >= 1.0:
            text, colour = tr("correct", lang), "#1b5e20"
        elif fraction > 0:
            text, colour = tr("partly", lang, percent=round(fraction * 100)), "#8a6d00"
        else:
            text, colour = tr("wrong", lang), "#b00020"
        parts = [f'<span style="color:{colour}"><b>{html.escape(text)}</b></span>']
        parts.append(f"<small>{html.escape(tr('tries', lang, n=record.attempts))}</small>")
        explanation = pick(self.question.explanation, lang)
        if explanation and (fraction >= 1.0 or record.attempts >= 2):
            parts.append(html.escape(tr("explanation", lang, text=explanation)))
        self.feedback.value = "<br>".join(parts)

    # --- display -----------------------------------------------------------------
    def bundle(self) -> dict[str, Any]:
        return record_bundle(self.question.id, self.record, self.lang)

    def as_text(self) -> str:
        return pick(self.question.text, self.lang)
