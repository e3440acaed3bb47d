"""The view of a branching scenario: the story so far, the choices at hand, an ending.

Every choice is saved at once as the path taken so far.  In graded mode the
scenario ends where the participant's choices lead (no second try, and the ending's
score stays hidden); in self-check mode it shows the score and can start again.
"""

from __future__ import annotations

import html

import ipywidgets as w

from clientlearn.core.i18n import tr
from clientlearn.runtime.questions import Answer, AnswerShapeError, Mode, Scenario, pick

from .base import QuestionView


class ScenarioView(QuestionView):
    question: Scenario
    feedback_when_complete = True

    def build(self) -> w.Widget:
        self.path: list[str] = []
        self.story = w.HTML()
        self.choices = w.VBox()
        self.render()
        # Choices are sentences: let their buttons wrap instead of cutting the text off.
        style = w.HTML(
            "<style>.clientlearn-scenario .jupyter-button{white-space:normal;height:auto;"
            "text-align:left;padding:4px 10px;line-height:1.35;max-width:48em}</style>"
        )
        box = w.VBox([style, self.story, self.choices])
        box.add_class("clientlearn-scenario")
        return box

    def render(self) -> None:
        q, lang = self.question, self.lang
        steps, at = q.walk(self.path)
        parts = []
        for node, choice in steps:
            parts.append(f"<p>{html.escape(pick(node.text, lang))}</p>")
            parts.append(f"<p>➜ <i>{html.escape(pick(choice.text, lang))}</i></p>")
            if choice.consequence:
                parts.append(f"<p>{html.escape(pick(choice.consequence, lang))}</p>")
        if at in q.endings:
            ending = q.endings[at]
            parts.append(
                f"<p><b>{html.escape(tr('scenario_end', lang))}:</b> "
                f"{html.escape(pick(ending.text, lang))}</p>"
            )
            buttons = []
            if q.mode is Mode.SELFCHECK:
                restart = w.Button(description=tr("restart", lang), layout=w.Layout(width="auto"))
                restart.on_click(lambda _b: self.choose(None))
                buttons.append(restart)
            self.choices.children = buttons
        else:
            node = q.nodes[at]
            parts.append(f"<p><b>{html.escape(pick(node.text, lang))}</b></p>")
            buttons = []
            for choice in node.choices:
                b = w.Button(description=pick(choice.text, lang), layout=w.Layout(width="auto"))
                b.on_click(lambda _b, c=choice.id: self.choose(c))
                buttons.append(b)
            self.choices.children = buttons
        self.story.value = "".join(parts)

    def choose(self, choice_id: str | None) -> None:
        if choice_id is None:
            self.path = []
        else:
            self.path.append(choice_id)
        self.render()
        self.changed()

    def read(self) -> Answer:
        return list(self.path)

    def show(self, value: Answer) -> None:
        if isinstance(value, list):
            try:
                self.question.walk(value)
            except AnswerShapeError:  # a hand-edited path: start afresh rather than fail
                value = []
            self.path = list(value)
            self.render()

    def is_complete(self, value: Answer) -> bool:
        return self.question.ending(value) is not None

    def as_text(self) -> str:
        q = self.question
        return "\n".join([pick(q.text, self.lang), pick(q.nodes[q.start].text, self.lang)])
