"""The class's paths through each scenario: the paths most taken, and the choice at
each moment where most participants went wrong (from
:mod:`clientlearn.runtime.scenariopaths`), as data and as the report's HTML fragment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from clientlearn.runtime.questions import Scenario, pick
from clientlearn.runtime.scenariopaths import most_taken, wrong_turns

from .htmlparts import heading, html_table, para, pct, t

__all__ = ["ScenarioPaths", "scenario_paths", "scenarios_html"]

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


def scenario_paths(
    module: str, s: Scenario, answers: list[Any], lang: str, top: int = TOP_PATHS
) -> ScenarioPaths | None:
    """The class's ``top`` paths through ``s`` (answers as saved: lists of choice ids); None
    when nobody answered it.  ``s`` must be the trainer's copy, which holds the qualities."""
    taken = [a for a in answers if isinstance(a, list) and all(isinstance(c, str) for c in a)]
    if not taken:
        return None
    texts = _choice_text(s, lang)

    def steps(path: tuple[str, ...]) -> tuple[str, ...]:
        walked, _ = s.walk(path)
        return tuple(texts[node.id, choice.id] for node, choice in walked)

    paths = tuple(
        TakenPath(steps(p.path), p.count, p.score, p.finished)
        for p in most_taken(s, taken, top=top)
    )
    wrong = tuple(
        WrongTurnRow(pick(s.nodes[w.node].text, lang), texts[w.node, w.choice], w.count, w.reached)
        for w in wrong_turns(s, taken)
    )
    return ScenarioPaths(module, s.id, pick(s.title or s.text, lang), len(taken), paths, wrong)


def scenarios_html(found: tuple[ScenarioPaths, ...], lang: str) -> str:
    """The report's part on scenarios (every text escaped by the report's parts)."""
    if not found:
        return ""
    out = [heading(3, t(lang, "scenarios_head")), para(t(lang, "scenarios_intro"), "intro")]
    for s in found:
        out += [heading(4, s.title), para(t(lang, "scenario_n", n=s.n), "sub")]
        rows = [
            [
                " → ".join(path.steps) + ("" if path.finished else " …"),
                path.count,
                pct(path.score, lang),
            ]
            for path in s.paths
        ]
        head = [t(lang, "path"), t(lang, "taken"), t(lang, "path_score")]
        out.append(html_table(head, rows, align="lrr"))
        if s.wrong:
            rows = [
                [w.moment, w.choice, f"{w.count} / {w.reached}", pct(w.share, lang)]
                for w in s.wrong
            ]
            head = [t(lang, "moment"), t(lang, "wrong_choice"), t(lang, "took"), t(lang, "share")]
            out.append(html_table(head, rows, align="llrr"))
    return "".join(out)
