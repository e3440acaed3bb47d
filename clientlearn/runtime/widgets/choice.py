"""Views of the choice types: single choice, true/false, rating and multiple choice.

Nothing starts selected: an untouched question records no answer and earns nothing.
Radio buttons and check boxes are native form controls, so Tab, arrow keys and
Space work without extra code.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from clientlearn.core.i18n import tr
from clientlearn.runtime.questions import (
    Answer,
    MultipleChoice,
    Rating,
    SingleChoice,
    TrueFalse,
    pick,
)

from .base import QuestionView

_FULL = w.Layout(width="auto")


class RadioView(QuestionView):
    """Single choice, true/false and rating: one radio group."""

    def options(self) -> list[tuple[str, Any]]:
        q = self.question
        if isinstance(q, SingleChoice):
            return [(pick(o.text, self.lang), o.id) for o in q.options]
        if isinstance(q, TrueFalse):
            return [(tr("true", self.lang), True), (tr("false", self.lang), False)]
        if isinstance(q, Rating):
            labels = [pick(label, self.lang) for label in q.labels]
            values = range(q.scale_min, q.scale_max + 1)
            return [
                (f"{v} — {labels[i]}" if i < len(labels) else str(v), v)
                for i, v in enumerate(values)
            ]
        raise TypeError(type(q).__name__)

    def build(self) -> w.Widget:
        self.radio = w.RadioButtons(
            options=self.options(),
            value=None,
            description=tr("answer", self.lang),
            layout=_FULL,
            style={"description_width": "initial"},
        )
        self.radio.observe(self.changed, names="value")
        return self.radio

    def read(self) -> Answer:
        return self.radio.value

    def show(self, value: Answer) -> None:
        if value in [v for _, v in self.radio.options]:
            self.radio.value = value

    def as_text(self) -> str:
        lines = [pick(self.question.text, self.lang)]
        lines += [f"  ( ) {label}" for label, _ in self.options()]
        return "\n".join(lines)


class CheckboxView(QuestionView):
    """Multiple choice: one check box per option."""

    question: MultipleChoice

    def build(self) -> w.Widget:
        self.boxes = [
            w.Checkbox(value=False, description=pick(o.text, self.lang), indent=False, layout=_FULL)
            for o in self.question.options
        ]
        for box in self.boxes:
            box.observe(self.changed, names="value")
        return w.VBox(self.boxes)

    def read(self) -> Answer:
        return [o.id for o, box in zip(self.question.options, self.boxes, strict=True) if box.value]

    def show(self, value: Answer) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for o, box in zip(self.question.options, self.boxes, strict=True):
            box.value = o.id in chosen

    def as_text(self) -> str:
        lines = [pick(self.question.text, self.lang)]
        lines += [f"  [ ] {pick(o.text, self.lang)}" for o in self.question.options]
        return "\n".join(lines)
