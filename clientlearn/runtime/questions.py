"""Questions as data: every question type a course asks, and how each one scores.

Pure Python: importing this module imports no widget, plotting or grading library.
An *answer* is plain JSON (a string, a list, a mapping, a number or a boolean), the
same value the widgets save and the autograder reads.  ``fraction(answer)`` is the
share of the points earned, always in [0, 1]; ``score(answer)`` is that share of the
question's points.  The widgets' feedback and the autograder both call these
methods, so a participant and a grader always see the same number.

Partial-credit rules, one per type (also in each class's docstring):

* single choice, true/false, short text, numeric: all or nothing;
* multiple choice: (right options ticked - wrong options ticked) / right options, at least 0;
* ordering: Kendall's tau between the answer and the key, at least 0 (a pair that
  involves an item left out counts as out of order);
* matching: share of items put into the right bin;
* rating: no key; full points for any rating (completion), if the question has points;
* scenario (path scoring, the default): the score of the ending reached times the
  quality (0..1) of every choice taken on the way; 0 until an ending is reached.  A
  scenario that declares ``scoring: ending`` scores the ending alone.

An unanswered question (``None``) always scores 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from clientlearn.core.normalize import normalize_text, parse_number

from .questionbase import (
    Answer,
    AnswerShapeError,
    LocalText,
    Mode,
    NoKeyError,
    Option,
    Question,
    is_id_list,
    option_ids,
    pick,
    require,
)
from .scenario import Choice, Ending, Node, Scenario, Scoring


@dataclass(frozen=True, kw_only=True)
class SingleChoice(Question):
    """One option is right. All or nothing."""

    kind: ClassVar[str] = "single"
    options: tuple[Option, ...]
    key: str | None = None

    def check_answer(self, answer: Answer) -> None:
        require(
            isinstance(answer, str) and answer in option_ids(self.options),
            self,
            "unknown_option",
            option=repr(answer),
        )

    def _fraction(self, answer: Answer) -> float:
        return 1.0 if answer == self.key else 0.0


@dataclass(frozen=True, kw_only=True)
class MultipleChoice(Question):
    """Several options may be right.

    Fraction = (right options ticked - wrong options ticked) / number of right
    options, never below 0: ticking everything earns nothing.
    """

    kind: ClassVar[str] = "multiple"
    options: tuple[Option, ...]
    key: frozenset[str] | None = None

    def check_answer(self, answer: Answer) -> None:
        require(is_id_list(answer), self, "option_list")
        unknown = set(answer) - option_ids(self.options)
        require(not unknown, self, "unknown_options", options=sorted(unknown))

    def _fraction(self, answer: Answer) -> float:
        assert self.key is not None  # checked by fraction()
        ticked = set(answer)
        return (len(ticked & self.key) - len(ticked - self.key)) / len(self.key)


@dataclass(frozen=True, kw_only=True)
class TrueFalse(Question):
    """A statement that is true or false. All or nothing."""

    kind: ClassVar[str] = "truefalse"
    key: bool | None = None

    def is_answered(self, answer: Answer) -> bool:
        return isinstance(answer, bool)

    def _fraction(self, answer: Answer) -> float:
        return 1.0 if answer is self.key else 0.0


def kendall_fraction(answer: Sequence[str], key: Sequence[str]) -> float:
    """Kendall's tau of ``answer`` against ``key``, floored at 0.

    Pairs that involve an item missing from ``answer`` count as out of order, so
    a half-built sequence earns less than a finished one.
    """
    n = len(key)
    if n < 2:
        return 1.0 if list(answer) == list(key) else 0.0
    pos = {item: i for i, item in enumerate(answer)}
    concordant = discordant = 0
    for i in range(n):
        for j in range(i + 1, n):
            a, b = pos.get(key[i]), pos.get(key[j])
            if a is not None and b is not None and a < b:
                concordant += 1
            else:
                discordant += 1
    return max(0.0, (concordant - discordant) / (n * (n - 1) / 2))


@dataclass(frozen=True, kw_only=True)
class Ordering(Question):
    """Put items in order (e.g. the steps of a service algorithm).

    Fraction = Kendall's tau between the answer and the key, floored at 0: the
    right order earns all, one swap of neighbours in six steps 0.87, a random
    order about 0, the reverse order 0.  Items left out count as out of order.
    """

    kind: ClassVar[str] = "ordering"
    items: tuple[Option, ...]
    key: tuple[str, ...] | None = None

    def check_answer(self, answer: Answer) -> None:
        require(is_id_list(answer), self, "item_list")
        require(len(set(answer)) == len(answer), self, "item_twice")
        unknown = set(answer) - option_ids(self.items)
        require(not unknown, self, "unknown_items", items=sorted(unknown))

    def _fraction(self, answer: Answer) -> float:
        assert self.key is not None
        return kendall_fraction(answer, self.key)


@dataclass(frozen=True, kw_only=True)
class Matching(Question):
    """Sort statements into bins (e.g. signs of a client- or self-oriented library).

    Fraction = items put into the right bin / all items.
    """

    kind: ClassVar[str] = "matching"
    items: tuple[Option, ...]
    bins: tuple[Option, ...]
    key: Mapping[str, str] | None = None

    def check_answer(self, answer: Answer) -> None:
        require(
            isinstance(answer, dict)
            and all(isinstance(v, str) or v is None for v in answer.values()),
            self,
            "item_to_bin",
        )
        unknown = set(answer) - option_ids(self.items)
        require(not unknown, self, "unknown_items", items=sorted(unknown))
        bad = {v for v in answer.values() if v is not None} - option_ids(self.bins)
        require(not bad, self, "unknown_bins", bins=sorted(bad))

    def is_answered(self, answer: Answer) -> bool:
        return isinstance(answer, dict) and any(v is not None for v in answer.values())

    def _fraction(self, answer: Answer) -> float:
        assert self.key is not None
        right = sum(1 for item, b in self.key.items() if answer.get(item) == b)
        return right / len(self.key)


@dataclass(frozen=True, kw_only=True)
class ShortText(Question):
    """A word or phrase. All or nothing.

    Matches any accepted variant after normalisation: case, spaces, every
    apostrophe, quotes, a final full stop, and Latin letters typed for their
    Cyrillic look-alikes (or the reverse) are ignored.
    """

    kind: ClassVar[str] = "text"
    key: tuple[str, ...] | None = None

    def is_answered(self, answer: Answer) -> bool:
        return isinstance(answer, str) and bool(answer.strip())

    def check_answer(self, answer: Answer) -> None:
        require(isinstance(answer, str), self, "text")

    def _fraction(self, answer: Answer) -> float:
        assert self.key is not None
        return 1.0 if normalize_text(answer) in {normalize_text(k) for k in self.key} else 0.0


@dataclass(frozen=True, kw_only=True)
class Numeric(Question):
    """A number, typed with a decimal comma or point. All or nothing, within ``tolerance``."""

    kind: ClassVar[str] = "numeric"
    key: float | None = None
    tolerance: float = 0.0
    unit: LocalText | None = None

    def is_answered(self, answer: Answer) -> bool:
        return (isinstance(answer, str) and bool(answer.strip())) or (
            isinstance(answer, int | float) and not isinstance(answer, bool)
        )

    def check_answer(self, answer: Answer) -> None:
        require(parse_number(answer) is not None, self, "not_a_number", value=repr(answer))

    def _fraction(self, answer: Answer) -> float:
        assert self.key is not None
        value = parse_number(answer)
        assert value is not None
        return 1.0 if abs(value - self.key) <= self.tolerance + 1e-9 else 0.0


@dataclass(frozen=True, kw_only=True)
class Rating(Question):
    """A rating on a scale (Likert), for self-assessment: there is no right answer.

    Any rating earns the question's points (completion); by default it has none.
    """

    kind: ClassVar[str] = "rating"
    has_key_field: ClassVar[bool] = False
    points: float = 0.0
    scale_min: int = 1
    scale_max: int = 5
    labels: tuple[LocalText, ...] = ()

    def is_answered(self, answer: Answer) -> bool:
        return isinstance(answer, int) and not isinstance(answer, bool)

    def check_answer(self, answer: Answer) -> None:
        require(
            self.scale_min <= answer <= self.scale_max,
            self,
            "rating_outside",
            rating=answer,
            low=self.scale_min,
            high=self.scale_max,
        )

    def _fraction(self, answer: Answer) -> float:
        return 1.0


QUESTION_TYPES: dict[str, type[Question]] = {
    cls.kind: cls
    for cls in (
        SingleChoice,
        MultipleChoice,
        TrueFalse,
        Ordering,
        Matching,
        ShortText,
        Numeric,
        Rating,
        Scenario,
    )
}

# Everything a bank, a widget or a report needs about questions, from one place.
__all__ = [
    "QUESTION_TYPES", "Answer", "AnswerShapeError", "Choice", "Ending", "LocalText",
    "Matching", "Mode", "MultipleChoice", "NoKeyError", "Node", "Numeric", "Option",
    "Ordering", "Question", "Rating", "Scenario", "Scoring", "ShortText", "SingleChoice",
    "TrueFalse", "kendall_fraction", "pick",
]  # fmt: skip
