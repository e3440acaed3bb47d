"""The paths through a branching scenario: what each one scores, what each choice
leaves within reach, and what a class actually did.

Pure Python, like :mod:`clientlearn.runtime.questions` (a grading kernel imports neither
pandas nor YAML for this).  Used by ``clientlearn bank check`` to hold path-scored
scenarios to the rules below, by the simulated class, and by the trainer's report.

Under path scoring a path scores ``ending.score × the quality of every choice taken``.
A scenario must then satisfy, at every node:

(a) some path scores 1;
(b) for two choices a, b with quality(a) > quality(b), both the best score within
    reach after a (quality(a) × the best from where a leads) and the mean score of a
    participant choosing at random from there on (quality(a) × the mean from where a
    leads, each choice at each later node equally likely) are higher than after b.

(c), a repaired path earning less than the same ending reached without the poor
move, follows from the product.  The graph of nodes must have no loop.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.i18n import LANGUAGES, translate

from .bankwords import MESSAGES
from .scenario import Choice, Scenario, Scoring

__all__ = [
    "EPSILON",
    "Outlook",
    "PathCount",
    "RuleBreach",
    "WrongTurn",
    "best_path",
    "find_loop",
    "first_moves",
    "most_taken",
    "outlooks",
    "path_score",
    "paths",
    "rule_breaches",
    "wrong_turns",
]

EPSILON = 1e-9
"""Scores closer than this are equal (products of decimal qualities are not exact)."""


def _quality(s: Scenario, choice: Choice) -> float:
    # Scored by the ending alone, every choice counts as a full step.
    if s.scoring is Scoring.ENDING:
        return 1.0
    return choice.quality if choice.quality is not None else 0.0


def _score(s: Scenario, ending_id: str) -> float:
    score = s.endings[ending_id].score
    return score if score is not None else 0.0


def _order(s: Scenario) -> tuple[list[str], list[str] | None]:
    """The nodes, each after every node it leads to; or, if the choices loop, the
    loop as the node ids it passes (the first repeated at the end).  Iterative, so a
    long chain of nodes cannot exhaust Python's stack."""
    waiting = {
        n: {c.next for c in node.choices if c.next in s.nodes} for n, node in s.nodes.items()
    }
    comes_from: dict[str, list[str]] = {n: [] for n in s.nodes}
    for n, nexts in waiting.items():
        for m in nexts:
            comes_from[m].append(n)
    ready = [n for n, nexts in waiting.items() if not nexts]
    order: list[str] = []
    while ready:
        done = ready.pop()
        order.append(done)
        for n in comes_from[done]:
            waiting[n].discard(done)
            if not waiting[n]:
                ready.append(n)
    if len(order) == len(s.nodes):
        return order, None
    # Every node left leads to another node left: follow them until one repeats.
    left = [n for n in s.nodes if waiting[n]]
    trail, at = [left[0]], left[0]
    while True:
        at = next(c.next for c in s.nodes[at].choices if waiting.get(c.next))
        if at in trail:
            return order, [*trail[trail.index(at) :], at]
        trail.append(at)


def find_loop(s: Scenario) -> list[str] | None:
    """A loop of choices, as the node ids it passes (the first repeated at the end),
    or None when every path moves on to an ending."""
    return _order(s)[1]


@dataclass(frozen=True)
class Outlook:
    """What is within reach from a node (or an ending): the best score, and the mean
    score of a participant who chooses at random from there on."""

    best: float
    mean: float


def after_choice(s: Scenario, choice: Choice, then: Outlook) -> Outlook:
    """The outlook just after ``choice``, given the outlook from where it leads."""
    q = _quality(s, choice)
    return Outlook(q * then.best, q * then.mean)


def _analyse(s: Scenario) -> tuple[dict[str, Outlook], dict[str, str]]:
    """The outlook from every node and ending, and at each node the first choice of
    its best path (of equal scores the shorter path, then the first written)."""
    order, loop = _order(s)
    if loop:
        raise ClientlearnError.said(MESSAGES, "scenario_loop", qid=s.id)
    seen = {e: Outlook(_score(s, e), _score(s, e)) for e in s.endings}
    steps = dict.fromkeys(s.endings, 0)
    best_choice: dict[str, str] = {}
    for node_id in order:
        choices = s.nodes[node_id].choices
        after = [after_choice(s, c, seen[c.next]) for c in choices]
        pick = max(
            range(len(choices)),
            key=lambda i: (round(after[i].best, 9), -steps[choices[i].next], -i),
        )
        best_choice[node_id] = choices[pick].id
        steps[node_id] = 1 + steps[choices[pick].next]
        seen[node_id] = Outlook(max(a.best for a in after), sum(a.mean for a in after) / len(after))
    return seen, best_choice


def outlooks(s: Scenario) -> dict[str, Outlook]:
    """The outlook from every node and ending of a scenario without loops."""
    return _analyse(s)[0]


@dataclass(frozen=True)
class RuleBreach:
    """A rule a path-scored scenario breaks, at a node and choice (or at its start):
    the message ``MESSAGES[key]`` of :mod:`.bankwords` with ``values``."""

    node: str
    choice: str | None
    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The message in English."""
        return translate(MESSAGES, self.key, "en", **_in_english(self.values))


def _in_english(values: Mapping[str, object]) -> dict[str, object]:
    return {k: v["en"] if isinstance(v, Mapping) else v for k, v in values.items()}


def _num(x: float) -> dict[str, str]:
    """``x`` to three significant digits (enough to tell close scores apart), with the
    decimal comma in Ukrainian."""
    text = f"{x:.3g}"
    return {lang: text.replace(".", ",") if lang == "uk" else text for lang in LANGUAGES}


def _word(key: str) -> dict[str, str]:
    return {lang: translate(MESSAGES, key, lang) for lang in LANGUAGES}


def rule_breaches(s: Scenario) -> list[RuleBreach]:
    """How a path-scored scenario (with every quality and score) breaks rules (a)
    and (b); empty when it keeps them."""
    if s.scoring is not Scoring.PATH:
        return []
    out: list[RuleBreach] = []
    seen = outlooks(s)
    start = seen[s.start]
    if start.best < 1 - EPSILON:
        path = " › ".join(best_path(s))
        out.append(
            RuleBreach(s.start, None, "no_path_scores_1", {"path": path, "best": _num(start.best)})
        )
    for node in s.nodes.values():
        after = {c.id: after_choice(s, c, seen[c.next]) for c in node.choices}
        for better in node.choices:
            for worse in node.choices:
                if _quality(s, better) <= _quality(s, worse):
                    continue
                b, w = after[better.id], after[worse.id]
                for what, good, poor in (("best", b.best, w.best), ("mean", b.mean, w.mean)):
                    if good > poor + EPSILON:
                        continue
                    out.append(
                        RuleBreach(
                            node.id,
                            worse.id,
                            "poorer_move_leaves_more",
                            {
                                "node": node.id,
                                "worse": worse.id,
                                "worse_quality": _num(_quality(s, worse)),
                                "what": _word(what),
                                "poor": _num(poor),
                                "good": _num(good),
                                "better": better.id,
                                "better_quality": _num(_quality(s, better)),
                            },
                        )
                    )
    return out


def path_score(s: Scenario, path: Sequence[str]) -> float:
    """The score of a path by the scenario's rule (0 while no ending is reached), as
    :meth:`Scenario.fraction` gives it, for the trainer's copy of a scenario."""
    steps, at = s.walk(path)
    if at not in s.endings:
        return 0.0
    score = _score(s, at)
    for _, choice in steps:
        score *= _quality(s, choice)
    return score


def paths(s: Scenario, start: str | None = None) -> list[list[str]]:
    """Every path of choice ids from ``start`` (default: the scenario's start) to an
    ending, depth first in the order the choices are written."""
    if find_loop(s):
        raise ClientlearnError.said(MESSAGES, "scenario_loop", qid=s.id)
    out: list[list[str]] = []
    stack: list[tuple[str, list[str]]] = [(start or s.start, [])]
    while stack:
        at, prefix = stack.pop()
        if at in s.endings:
            out.append(prefix)
            continue
        for choice in reversed(s.nodes[at].choices):
            stack.append((choice.next, [*prefix, choice.id]))
    return out


def best_path(s: Scenario, start: str | None = None) -> list[str]:
    """The best-scoring path from ``start`` (default: the scenario's start); of equal
    scores the shortest, then the first written."""
    best_choice = _analyse(s)[1]
    path: list[str] = []
    at = start or s.start
    while at in s.nodes:
        choice = next(c for c in s.nodes[at].choices if c.id == best_choice[at])
        path.append(choice.id)
        at = choice.next
    return path


def first_moves(s: Scenario) -> list[tuple[str, list[str], float]]:
    """For each choice at the start: the best path that begins with it and its score."""
    out = []
    for choice in s.nodes[s.start].choices:
        path = [choice.id, *(best_path(s, choice.next) if choice.next in s.nodes else [])]
        out.append((choice.id, path, path_score(s, path)))
    return out


# --- what a class did ------------------------------------------------------------


@dataclass(frozen=True)
class PathCount:
    """A path participants took, how many took it, and what it scores."""

    path: tuple[str, ...]
    count: int
    score: float
    finished: bool


def _valid(s: Scenario, taken: Iterable[Sequence[str] | None]) -> list[tuple[str, ...]]:
    """The paths that can be walked; an empty, unanswered or hand-edited one is left out."""
    out = []
    for path in taken:
        if not path:
            continue
        try:
            s.walk(path)
        except ClientlearnError:
            continue
        out.append(tuple(path))
    return out


def most_taken(s: Scenario, taken: Iterable[Sequence[str] | None], top: int = 5) -> list[PathCount]:
    """The ``top`` paths most taken (an unfinished path counts as it stands), most
    taken first, then the higher score, then the order of :func:`paths`."""
    rows = [
        PathCount(path, n, path_score(s, path), s.walk(path)[1] in s.endings)
        for path, n in Counter(_valid(s, taken)).items()
    ]
    rows.sort(key=lambda r: (-r.count, -r.score, _written_order(s, r.path)))
    return rows[:top]


def _written_order(s: Scenario, path: Sequence[str]) -> list[int]:
    """The place of each choice of ``path`` among its node's choices."""
    steps, _ = s.walk(path)
    return [node.choices.index(choice) for node, choice in steps]


@dataclass(frozen=True)
class WrongTurn:
    """At a node: the poor choice taken most often, its quality (1 under ``scoring:
    ending``), how many took it, and how many participants reached the node
    (``share`` = count / reached)."""

    node: str
    choice: str
    quality: float
    count: int
    reached: int

    @property
    def share(self) -> float:
        return self.count / self.reached


def _is_poor(s: Scenario, choice: Choice, seen: dict[str, Outlook], node_best: float) -> bool:
    if s.scoring is Scoring.ENDING:  # no qualities: a choice that closes off the best
        return seen[choice.next].best < node_best - EPSILON
    return _quality(s, choice) < 1 - EPSILON


def wrong_turns(s: Scenario, taken: Iterable[Sequence[str] | None]) -> list[WrongTurn]:
    """Per node (in the order written), the poor choice (quality below 1; under
    ``scoring: ending``, one after which the node's best ending is out of reach) taken
    most often; of equal counts the poorer one.  A node where nobody went wrong is left out.
    A participant "reached" a node if their path arrived there, whether or not they
    chose anything there."""
    seen = outlooks(s)
    reached: Counter[str] = Counter()
    chosen: Counter[tuple[str, str]] = Counter()
    for path in _valid(s, taken):
        steps, at = s.walk(path)
        for node, choice in steps:
            reached[node.id] += 1
            chosen[node.id, choice.id] += 1
        if at in s.nodes:
            reached[at] += 1
    out = []
    for node in s.nodes.values():
        poor = [
            c
            for c in node.choices
            if chosen[node.id, c.id] and _is_poor(s, c, seen, seen[node.id].best)
        ]
        if poor:
            worst = max(poor, key=lambda c: (chosen[node.id, c.id], -_quality(s, c)))
            out.append(
                WrongTurn(
                    node.id,
                    worst.id,
                    _quality(s, worst),
                    chosen[node.id, worst.id],
                    reached[node.id],
                )
            )
    return out
