"""The branching scenario: moments (nodes), choices with consequences, scored endings.

Path scoring (the default): the ending's score times the quality of every choice taken,
so a rude start repaired later never earns full marks.  How a bank's scenario is
checked against that rule is :mod:`clientlearn.runtime.scenariopaths`.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import ClassVar

from .questionbase import (
    Answer,
    LocalText,
    Mode,
    Question,
    is_id_list,
    require,
    shape_error,
)


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
                raise shape_error(self.id, "choice_impossible", choice=choice_id, at=at)
            steps.append((node, choice))
            at = choice.next
        return steps, at

    def check_answer(self, answer: Answer) -> None:
        require(is_id_list(answer), self, "choices_taken")
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
