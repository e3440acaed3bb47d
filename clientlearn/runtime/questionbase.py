"""What every question shares: multilingual text, the mode, options, the base class
with its scoring contract, and the errors an answer or a bank without keys raises.

Pure Python: the question types (:mod:`clientlearn.runtime.questions`, and the
branching :mod:`clientlearn.runtime.scenario`) build on this and nothing heavier.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.i18n import LANGUAGES, translate

from .answershape_words import MESSAGES as SHAPE

LocalText = Mapping[str, str]
"""Text in several languages: ``{"uk": "…", "en": "…"}``; Ukrainian is required."""

Answer = Any
"""A JSON value as saved by the answer store."""


def pick(text: LocalText | None, lang: str) -> str:
    """The text in ``lang``, falling back to Ukrainian, then to any language."""
    if not text:
        return ""
    return text.get(lang) or text.get("uk") or next(iter(text.values()), "")


class AnswerShapeError(ClientlearnError):
    """An answer does not fit its question (wrong type or unknown option)."""


class NoKeyError(ClientlearnError):
    """A graded question was scored from a bank that carries no key (a released copy)."""


class Mode(enum.StrEnum):
    """How a question gives feedback."""

    GRADED = "graded"  # correctness is never shown; nbgrader scores it
    SELFCHECK = "selfcheck"  # immediate feedback with the explanation


@dataclass(frozen=True)
class Option:
    """A choice, an item to order or match, or a bin to sort into."""

    id: str
    text: LocalText


@dataclass(frozen=True, kw_only=True)
class Question:
    """Fields every question type shares."""

    kind: ClassVar[str] = ""
    has_key_field: ClassVar[bool] = True

    id: str
    text: LocalText
    points: float = 1.0
    mode: Mode = Mode.GRADED
    title: LocalText | None = None
    explanation: LocalText | None = None

    # --- scoring -------------------------------------------------------------
    def is_answered(self, answer: Answer) -> bool:
        """Whether ``answer`` counts as an answer at all (an empty one does not)."""
        return answer is not None and answer != [] and answer != {} and answer != ""

    def check_answer(self, answer: Answer) -> None:
        """Raise AnswerShapeError if ``answer`` cannot belong to this question."""

    def fraction(self, answer: Answer) -> float:
        """Share of the points earned, in [0, 1]."""
        if not self.is_answered(answer):
            return 0.0
        self.check_answer(answer)
        if self.has_key_field and not self.has_key:
            raise NoKeyError.said(SHAPE, "no_key", qid=self.id)
        return min(1.0, max(0.0, self._fraction(answer)))

    def _fraction(self, answer: Answer) -> float:
        raise NotImplementedError

    def score(self, answer: Answer) -> float:
        """Points earned, clamped to [0, points] and rounded to 4 decimals."""
        return round(min(self.points, max(0.0, self.points * self.fraction(answer))), 4)

    @property
    def has_key(self) -> bool:
        return getattr(self, "key", None) is not None

    def public(self) -> Question:
        """This question as participants may see it: a graded question loses its
        key and explanation (self-check questions keep them for feedback)."""
        if self.mode is Mode.SELFCHECK or not self.has_key_field:
            return self
        return replace(self, key=None, explanation=None)  # type: ignore[call-arg]

    def label(self, lang: str) -> str:
        """A short name for messages: the title, else the id."""
        return pick(self.title, lang) or self.id


def option_ids(options: Sequence[Option]) -> set[str]:
    return {o.id for o in options}


def is_id_list(answer: Answer) -> bool:
    return isinstance(answer, list) and all(isinstance(a, str) for a in answer)


def require(cond: bool, question: Question, key: str, /, **values: object) -> None:
    """Raise AnswerShapeError unless ``cond``: the answer to ``question`` is not of its
    shape, for the reason ``key`` of :mod:`.answershape_words` with ``values``."""
    if not cond:
        raise shape_error(question.id, key, **values)


def shape_error(qid: str, key: str, /, **values: object) -> AnswerShapeError:
    """The answer to ``qid`` is not of its question's shape, for the reason ``key``."""
    what = {lang: translate(SHAPE, key, lang, **values) for lang in LANGUAGES}
    return AnswerShapeError.said(SHAPE, "answer_to", qid=qid, what=what)
