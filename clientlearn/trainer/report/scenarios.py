"""The class's paths through each scenario: the paths most taken, and the choice at
each moment where most participants went wrong (from
:mod:`clientlearn.runtime.scenariopaths`), as data and as the report's HTML fragment."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from clientlearn.runtime.questions import Scenario, pick
from clientlearn.runtime.scenariopaths import most_taken, wrong_turns

__all__ = ["ScenarioPaths", "scenario_paths"]

TOP_PATHS = 3


@dataclass(frozen=True)
class TakenPath:
    steps: tuple[str, ...]  # the choices' texts
    count: int
    score: float  # the fraction of the question's points this path earns
    finished: bool


@dataclass(frozen=True)
class WrongTurnRow:
    moment: str  # the node's text
    choice: str
    count: int
    reached: int

    @property
    def share(self) -> float:
        return self.count / self.reached if self.reached else 0.0


@dataclass(frozen=True)
class ScenarioPaths:
    module: str
    qid: str
    title: str
    n: int
    paths: tuple[TakenPath, ...]
    wrong: tuple[WrongTurnRow, ...]


def _choice_text(s: Scenario, lang: str) -> Mapping[tuple[str, str], str]:
    return {(n.id, c.id): pick(c.text, lang) for n in s.nodes.values() for c in n.choices}


def scenario_paths(module: str, s: Scenario, answers: list[Any], lang: str) -> ScenarioPaths | None:
    """The class's paths through ``s`` (answers as saved: lists of choice ids); None when
    nobody answered it.  ``s`` must be the trainer's copy, which holds the qualities."""
    taken = [a for a in answers if isinstance(a, list) and all(isinstance(c, str) for c in a)]
    if not taken:
        return None
    texts = _choice_text(s, lang)

    def steps(path: tuple[str, ...]) -> tuple[str, ...]:
        walked, _ = s.walk(path)
        return tuple(texts[node.id, choice.id] for node, choice in walked)

    paths = tuple(
        TakenPath(steps(p.path), p.count, p.score, p.finished)
        for p in most_taken(s, taken, top=TOP_PATHS)
    )
    wrong = tuple(
        WrongTurnRow(pick(s.nodes[w.node].text, lang), texts[w.node, w.choice], w.count, w.reached)
        for w in wrong_turns(s, taken)
    )
    return ScenarioPaths(module, s.id, pick(s.title or s.text, lang), len(taken), paths, wrong)


def scenarios_html(
    found: tuple[ScenarioPaths, ...],
    *,
    t: Callable[..., str],
    h: Callable[[int, str], str],
    p: Callable[..., str],
    table: Callable[..., str],
    pct: Callable[[float], str],
) -> str:
    """The report's part on scenarios, written with the page's own helpers (``t``
    words a key; ``h``, ``p`` and ``table`` escape what they are given)."""
    if not found:
        return ""
    out = [h(3, t("scenarios_head")), p(t("scenarios_intro"), "intro")]
    for s in found:
        out += [h(4, s.title), p(t("scenario_n", n=s.n), "sub")]
        rows = [
            [" → ".join(path.steps) + ("" if path.finished else " …"), path.count, pct(path.score)]
            for path in s.paths
        ]
        out.append(table([t("path"), t("taken"), t("path_score")], rows, align="lrr"))
        if s.wrong:
            rows = [[w.moment, w.choice, f"{w.count} / {w.reached}", pct(w.share)] for w in s.wrong]
            head = [t("moment"), t("wrong_choice"), t("took"), t("share")]
            out.append(table(head, rows, align="llrr"))
    return "".join(out)
