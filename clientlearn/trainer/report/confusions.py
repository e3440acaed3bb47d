"""Where a class goes wrong in ordering and matching questions: for each step or
statement, how many misplaced it, where they put it instead and, for an ordering, how
far and in which direction it drifted from the key position."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np

from clientlearn.runtime.questions import Matching, Ordering, pick

from .inputs import Inputs


@dataclass(frozen=True)
class Placement:
    """One step (ordering) or statement (matching) and how it was placed by the ``n``
    who answered.  ``expected``: the key position (1-based) or the key group's title;
    ``shift``/``displacement``: mean signed/absolute distance from the key position over
    those who placed it (negative: too early); ``common_wrong``: the most frequent wrong
    position or group."""

    text: str
    expected: str
    n: int
    misplaced: int
    left_out: int
    common_wrong: str = ""
    displacement: float | None = None
    shift: float | None = None

    @property
    def share_misplaced(self) -> float:
        return self.misplaced / self.n if self.n else 0.0


@dataclass(frozen=True)
class Confusion:
    """An ordering or matching question: its parts in key (bank) order."""

    module: str
    qid: str
    title: str
    kind: str
    n: int
    rows: tuple[Placement, ...]

    @property
    def worst(self) -> int:
        """Index of the most often misplaced part (the first one on a tie)."""
        return max(range(len(self.rows)), key=lambda i: (self.rows[i].misplaced, -i))


def _ordering(module: str, q: Ordering, answers: list[Any], lang: str) -> Confusion:
    texts = {o.id: pick(o.text, lang) for o in q.items}
    rows = []
    for k, step in enumerate(q.key or (), start=1):
        placed = [a.index(step) + 1 for a in answers if step in a]
        wrong = Counter(p for p in placed if p != k)
        rows.append(
            Placement(
                texts.get(step, step), str(k), len(answers),
                misplaced=len(answers) - len(placed) + wrong.total(),
                left_out=len(answers) - len(placed),
                common_wrong=str(wrong.most_common(1)[0][0]) if wrong else "",
                displacement=float(np.mean([abs(p - k) for p in placed])) if placed else None,
                shift=float(np.mean([p - k for p in placed])) if placed else None,
            )
        )  # fmt: skip
    return Confusion(module, q.id, pick(q.title or q.text, lang), q.kind, len(answers), tuple(rows))


def _matching(module: str, q: Matching, answers: list[Any], lang: str) -> Confusion:
    key = dict(q.key or {})
    bins = {b.id: pick(b.text, lang) for b in q.bins}
    rows = []
    for item in q.items:
        given = [a.get(item.id) for a in answers]
        wrong = Counter(b for b in given if b is not None and b != key.get(item.id))
        rows.append(
            Placement(
                pick(item.text, lang), bins.get(key.get(item.id, ""), ""), len(answers),
                misplaced=sum(1 for b in given if b != key.get(item.id)),
                left_out=given.count(None),
                common_wrong=bins.get(wrong.most_common(1)[0][0], "") if wrong else "",
            )
        )  # fmt: skip
    return Confusion(module, q.id, pick(q.title or q.text, lang), q.kind, len(answers), tuple(rows))


def confusions(inputs: Inputs, lang: str) -> list[Confusion]:
    given = inputs.by_question()
    out: list[Confusion] = []
    for module, bank in inputs.banks.items():
        for q in bank:
            # An answer of the wrong shape (edited by hand) is left out, as autograde scores 0.
            answers = [a for a in given.get((module, q.id), []) if _fits(q, a)]
            if isinstance(q, Ordering) and q.key and answers:
                out.append(_ordering(module, q, answers, lang))
            elif isinstance(q, Matching) and q.key and answers:
                out.append(_matching(module, q, answers, lang))
    return out


def _fits(q: Any, answer: Any) -> bool:
    if isinstance(q, Ordering):
        return isinstance(answer, list) and bool(answer) and all(isinstance(a, str) for a in answer)
    return isinstance(q, Matching) and q.is_answered(answer)
