"""Question widgets (ipywidgets 8): one view per question type, in two modes.

Use :class:`clientlearn.Quiz` in a notebook; the views are returned, never
displayed behind the caller's back.
"""

from __future__ import annotations

from clientlearn.runtime.questions import (
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    Rating,
    Scenario,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from clientlearn.runtime.store import AnswerStore
from clientlearn.runtime.widgets.arrange import MatchingView, OrderingView
from clientlearn.runtime.widgets.base import QuestionView
from clientlearn.runtime.widgets.choice import CheckboxView, RadioView
from clientlearn.runtime.widgets.scenario import ScenarioView
from clientlearn.runtime.widgets.typed import TextView

VIEWS: dict[type[Question], type[QuestionView]] = {
    SingleChoice: RadioView,
    TrueFalse: RadioView,
    Rating: RadioView,
    MultipleChoice: CheckboxView,
    Ordering: OrderingView,
    Matching: MatchingView,
    ShortText: TextView,
    Numeric: TextView,
    Scenario: ScenarioView,
}


def question_view(
    question: Question, store: AnswerStore, *, lang: str = "uk", bank_id: str = ""
) -> QuestionView:
    """The widget for ``question``, showing its saved answer if there is one."""
    return VIEWS[type(question)](question, store, lang=lang, bank_id=bank_id)


__all__ = ["QuestionView", "question_view"]
