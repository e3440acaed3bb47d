"""The class's consensus order of the service-algorithm steps, and how far each group is.

Plain Python, no pandas: the summary builds its tables from these two functions.

**Borda count.**  With ``m`` steps in all (the union of the steps the groups used,
or the list given), a group's step in place ``p`` (1-based) earns ``m - p`` points:
the first step ``m - 1``, the last ``0``.  Steps a group left out tie for the places
left over and share their points equally: with ``u`` steps left out, each earns
``(u - 1) / 2`` (the mean of ``0 … u - 1``).  The consensus lists the steps by total
points, most first; a tie is broken by the step id (and flagged as a tie).

**Distance.**  The Kendall tau distance of a group's order from the consensus is the
number of discordant pairs: pairs of consensus steps the group put the other way
round, or where the group left out either step (as :func:`~clientlearn.runtime.questions.
kendall_fraction` counts them).  Divided by the number of pairs it lies in
``[0, 1]``: 0 is the same order, 1 the reverse.  Since ``tau = 1 - 2 * distance``,
``kendall_fraction(order, consensus) == max(0, 1 - 2 * normalized_distance)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["BordaItem", "borda", "kendall_distance", "normalized_distance"]


@dataclass(frozen=True)
class BordaItem:
    """One step of the consensus order."""

    rank: int
    item: str
    points: float
    tied: bool


def _unique(order: Iterable[str]) -> list[str]:
    # A step listed twice counts at its first place: the widget never does it, hand edits might.
    return list(dict.fromkeys(order))


def borda(
    orderings: Sequence[Sequence[str]], items: Sequence[str] | None = None
) -> list[BordaItem]:
    """The consensus of ``orderings`` by Borda count (see the module docstring).

    ``items`` fixes the steps (others in the orderings are ignored); by default it
    is every step any ordering uses.  Empty orderings do not vote.
    """
    if items is None:
        universe = sorted({step for order in orderings for step in order})
    else:
        universe = _unique(items)
    m = len(universe)
    known = set(universe)
    points = dict.fromkeys(universe, 0.0)
    for order in orderings:
        placed = [step for step in _unique(order) if step in known]
        if not placed:
            continue
        for p, step in enumerate(placed, start=1):
            points[step] += m - p
        chosen = set(placed)
        left_out = [step for step in universe if step not in chosen]
        share = (len(left_out) - 1) / 2 if left_out else 0.0
        for step in left_out:
            points[step] += share
    ranked = sorted(universe, key=lambda step: (-points[step], step))
    totals = [points[step] for step in ranked]
    return [
        BordaItem(rank, step, points[step], totals.count(points[step]) > 1)
        for rank, step in enumerate(ranked, start=1)
    ]


def kendall_distance(order: Sequence[str], reference: Sequence[str]) -> int:
    """Pairs of ``reference`` that ``order`` puts the other way round or leaves out."""
    ref = _unique(reference)
    pos = {step: i for i, step in enumerate(_unique(order))}
    discordant = 0
    for i, a in enumerate(ref):
        for b in ref[i + 1 :]:
            pa, pb = pos.get(a), pos.get(b)
            if pa is None or pb is None or pa > pb:
                discordant += 1
    return discordant


def normalized_distance(order: Sequence[str], reference: Sequence[str]) -> float:
    """:func:`kendall_distance` divided by the number of pairs (0 when there are none)."""
    n = len(_unique(reference))
    pairs = n * (n - 1) // 2
    return kendall_distance(order, reference) / pairs if pairs else 0.0
