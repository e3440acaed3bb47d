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

import enum
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

from .errors import ClientlearnError
from .normalize import normalize_text, parse_number

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
            raise NoKeyError(
                f"question {self.id!r} has no key in this bank: it is the participants' copy. "
                "Grade with the instructor's bank (nbgrader autograde restores it)."
            )
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


def _option_ids(options: Sequence[Option]) -> set[str]:
    return {o.id for o in options}


def _is_id_list(answer: Answer) -> bool:
    return isinstance(answer, list) and all(isinstance(a, str) for a in answer)


def _require(cond: bool, question: Question, what: str) -> None:
    if not cond:
        raise AnswerShapeError(f"answer to {question.id!r}: {what}")


@dataclass(frozen=True, kw_only=True)
class SingleChoice(Question):
    """One option is right. All or nothing."""

    kind: ClassVar[str] = "single"
    options: tuple[Option, ...]
    key: str | None = None

    def check_answer(self, answer: Answer) -> None:
        _require(
            isinstance(answer, str) and answer in _option_ids(self.options),
            self,
            f"unknown option {answer!r}",
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
        _require(_is_id_list(answer), self, "expected a list of option ids")
        unknown = set(answer) - _option_ids(self.options)
        _require(not unknown, self, f"unknown options {sorted(unknown)}")

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
        _require(_is_id_list(answer), self, "expected a list of item ids")
        _require(len(set(answer)) == len(answer), self, "an item appears twice")
        unknown = set(answer) - _option_ids(self.items)
        _require(not unknown, self, f"unknown items {sorted(unknown)}")

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
        _require(
            isinstance(answer, dict)
            and all(isinstance(v, str) or v is None for v in answer.values()),
            self,
            "expected a mapping item -> bin",
        )
        unknown = set(answer) - _option_ids(self.items)
        _require(not unknown, self, f"unknown items {sorted(unknown)}")
        bad = {v for v in answer.values() if v is not None} - _option_ids(self.bins)
        _require(not bad, self, f"unknown bins {sorted(bad)}")

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
        _require(isinstance(answer, str), self, "expected text")

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
        _require(parse_number(answer) is not None, self, f"{answer!r} is not a number")

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
        _require(
            self.scale_min <= answer <= self.scale_max,
            self,
            f"rating {answer} is outside {self.scale_min}..{self.scale_max}",
        )

    def _fraction(self, answer: Answer) -> float:
        return 1.0


@dataclass(frozen=True)
class Choice:
    """A step a participant can take in a scenario, and where it leads.

    ``quality`` (0..1) is how good the step is at that moment: 1 a right move, 0.5 a
    poor but recoverable one, 0 a harmful one.  It is part of the key (hidden in
    graded mode) and unused when the scenario is scored by its ending alone."""

    id: str
    text: LocalText
    next: str
    consequence: LocalText | None = None
    quality: float | None = None


@dataclass(frozen=True)
class Node:
    """A moment in a scenario: what happens, and the choices at hand."""

    id: str
    text: LocalText
    choices: tuple[Choice, ...]


@dataclass(frozen=True)
class Ending:
    """How a scenario ends; ``score`` (0..1) is the key, hidden in graded mode."""

    id: str
    text: LocalText
    score: float | None = None


class Scoring(enum.StrEnum):
    """How a scenario turns the path taken into a score."""

    PATH = "path"  # the ending's score times the quality of every choice taken
    ENDING = "ending"  # the ending's score alone (older banks)


@dataclass(frozen=True, kw_only=True)
class Scenario(Question):
    """A branching scenario: nodes, choices with consequences, scored endings.

    The answer is the path of choice ids taken.  Under path scoring (the default),
    fraction = the score of the ending reached × the quality of every choice taken,
    so a poor first move repaired later never earns full marks.  Under ``scoring:
    ending`` it is the ending's score alone.  0 until an ending is reached.
    """

    kind: ClassVar[str] = "scenario"
    start: str
    nodes: Mapping[str, Node] = field(default_factory=dict)
    endings: Mapping[str, Ending] = field(default_factory=dict)
    scoring: Scoring = Scoring.PATH

    @property
    def has_key(self) -> bool:
        scored = all(e.score is not None for e in self.endings.values())
        if self.scoring is Scoring.ENDING:
            return scored
        choices = (c for n in self.nodes.values() for c in n.choices)
        return scored and all(c.quality is not None for c in choices)

    def public(self) -> Question:
        if self.mode is Mode.SELFCHECK:
            return self
        endings = {k: replace(e, score=None) for k, e in self.endings.items()}
        nodes = {
            k: replace(n, choices=tuple(replace(c, quality=None) for c in n.choices))
            for k, n in self.nodes.items()
        }
        return replace(self, nodes=nodes, endings=endings, explanation=None)

    def walk(self, path: Sequence[str]) -> tuple[list[tuple[Node, Choice]], str]:
        """Follow ``path`` from the start: the steps taken and where it stands
        (a node id or an ending id)."""
        at = self.start
        steps: list[tuple[Node, Choice]] = []
        for choice_id in path:
            node = self.nodes.get(at)
            choice = next((c for c in node.choices if c.id == choice_id), None) if node else None
            if node is None or choice is None:
                raise AnswerShapeError(
                    f"answer to {self.id!r}: choice {choice_id!r} is not possible at {at!r}"
                )
            steps.append((node, choice))
            at = choice.next
        return steps, at

    def check_answer(self, answer: Answer) -> None:
        _require(_is_id_list(answer), self, "expected the list of choices taken")
        self.walk(answer)

    def ending(self, answer: Answer) -> Ending | None:
        """The ending a path reaches, or None while the scenario is still under way."""
        if not self.is_answered(answer):
            return None
        return self.endings.get(self.walk(answer)[1])

    def _fraction(self, answer: Answer) -> float:
        steps, at = self.walk(answer)
        end = self.endings.get(at)
        if end is None or end.score is None:
            return 0.0
        if self.scoring is Scoring.ENDING:
            return end.score
        return end.score * math.prod(c.quality or 0.0 for _, c in steps)


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
