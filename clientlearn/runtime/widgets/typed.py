"""Views of typed answers: short text and numbers.

The value is saved when the participant presses Enter or leaves the field, not on
every keystroke, so the attempt count means something.  A number may be typed with
a decimal comma; text that is not a number is not saved and a message says why.
"""

from __future__ import annotations

import html

import ipywidgets as w

from clientlearn.core.i18n import tr
from clientlearn.core.normalize import parse_number
from clientlearn.runtime.questions import Answer, Numeric, pick

from .base import QuestionView


class TextView(QuestionView):
    """One text field (short text or number)."""

    def build(self) -> w.Widget:
        numeric = isinstance(self.question, Numeric)
        self.field = w.Text(
            value="",
            placeholder=tr("type_number" if numeric else "type_here", self.lang),
            description=tr("answer", self.lang),
            continuous_update=False,
            layout=w.Layout(width="28em"),
        )
        self.field.observe(self.changed, names="value")
        unit = pick(self.question.unit, self.lang) if isinstance(self.question, Numeric) else ""
        return w.HBox([self.field, w.Label(unit)]) if unit else self.field

    def read(self) -> Answer:
        text = self.field.value.strip()
        if not text:
            return None
        if isinstance(self.question, Numeric) and parse_number(text) is None:
            self.status.value = (
                f'<span style="color:#b00020">'
                f"{html.escape(tr('not_a_number', self.lang, value=text))}</span>"
            )
            return None
        return text

    def show(self, value: Answer) -> None:
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            self.field.value = str(value)
