"""Path-scored scenarios: the fraction rule, what each choice leaves within reach, the
trainer's analysis of a class, and every path of every shipped scenario held to the
rules (a)-(c) of clientlearn.runtime.scenariopaths."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.bank import load_bank, parse_bank
from clientlearn.runtime.questions import Mode, Scenario
from clientlearn.runtime.scenariopaths import (
    Outlook,
    best_path,
    find_loop,
    first_moves,
    most_taken,
    outlooks,
    path_score,
    paths,
    rule_breaches,
    wrong_turns,
)

from .test_bank import SCENARIO

REPO = Path(__file__).resolve().parent.parent
MODULE_BANKS = [
    REPO / "module1_client_service" / "questions.yaml",
    REPO / "module2_difficult_situations" / "questions.yaml",
]

# test_bank's scenario that keeps every rule, worth 4 points; worked by hand below.
SMALL = SCENARIO.replace("    type: scenario\n", "    type: scenario\n    points: 4\n")


def ending_only(text: str) -> str:
    """``text`` as an older bank writes it: ``scoring: ending`` and no qualities."""
    text = text.replace("    start: n1\n", "    start: n1\n    scoring: ending\n")
    for quality in (", quality: 1}", ", quality: 0.5}", ", quality: 0}"):
        text = text.replace(quality, "}")
    return text


@pytest.fixture
def small() -> Scenario:
    q = parse_bank(SMALL)["s1"]
    assert isinstance(q, Scenario)
    return q


# --- the fraction rule ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "fraction"),
    [
        (["good", "right"], 1.0),  # 1 × 1 × ending 1
        (["good", "half"], 0.25),  # 1 × 0.5 × ending 0.5
        (["poor", "repair", "right"], 0.5),  # repaired: the poor move still costs half
        (["poor", "repair", "half"], 0.125),  # 0.5 × 1 × 0.5 × 0.5
        (["poor", "worse"], 0.0),
        (["harm"], 0.0),
        (["good"], 0.0),  # no ending yet
        (["poor", "repair"], 0.0),
        ([], 0.0),
    ],
)
def test_fraction_is_the_ending_times_the_qualities(
    small: Scenario, path: list[str], fraction: float
) -> None:
    assert small.fraction(path) == pytest.approx(fraction)
    assert small.score(path) == pytest.approx(4 * fraction)
    assert path_score(small, path) == pytest.approx(fraction)


def test_a_repaired_path_earns_less_than_the_same_ending_reached_directly(
    small: Scenario,
) -> None:
    assert small.fraction(["poor", "repair", "right"]) < small.fraction(["good", "right"])
    assert small.fraction(["poor", "repair", "half"]) < small.fraction(["good", "half"])


def test_scoring_ending_scores_the_ending_alone() -> None:
    q = parse_bank(ending_only(SMALL))["s1"]
    assert isinstance(q, Scenario)
    assert q.fraction(["poor", "repair", "right"]) == 1.0  # the old rule, kept when declared
    assert q.fraction(["good", "half"]) == 0.5
    assert [b.message for b in rule_breaches(q)] == []  # the path rules do not apply


def test_public_copy_hides_qualities_and_scores_but_self_check_keeps_them(
    small: Scenario,
) -> None:
    public = small.public()
    assert isinstance(public, Scenario) and not public.has_key
    assert all(c.quality is None for n in public.nodes.values() for c in n.choices)
    assert all(e.score is None for e in public.endings.values())
    selfcheck = parse_bank(SMALL.replace("    points: 4\n", "    mode: selfcheck\n"))["s1"]
    assert selfcheck.mode is Mode.SELFCHECK and selfcheck.public() is selfcheck


def test_a_scenario_without_a_quality_has_no_key(small: Scenario) -> None:
    assert not _edited(small, "n2", "right", quality=None).has_key


# --- what each choice leaves within reach ------------------------------------------------


def test_outlooks_worked_by_hand(small: Scenario) -> None:
    seen = outlooks(small)
    # n2: best 1; mean of (1 × 1) and (0.5 × 0.5) = 0.625.
    assert seen["n2"] == Outlook(1.0, 0.625)
    # fix: best 1 × 1; mean of (1 × 0.625) and (0 × 0) = 0.3125.
    assert seen["fix"] == Outlook(1.0, 0.3125)
    # n1: best 1; mean of 0.625, 0.5 × 0.3125 and 0 = 0.78125 / 3.
    assert seen["n1"].best == 1.0
    assert seen["n1"].mean == pytest.approx(0.78125 / 3)
    assert seen["part"] == Outlook(0.5, 0.5)


def test_best_path_and_first_moves(small: Scenario) -> None:
    assert best_path(small) == ["good", "right"]
    assert best_path(small, "fix") == ["repair", "right"]
    assert first_moves(small) == [
        ("good", ["good", "right"], 1.0),
        ("poor", ["poor", "repair", "right"], 0.5),
        ("harm", ["harm"], 0.0),
    ]


def test_paths_are_every_way_to_an_ending(small: Scenario) -> None:
    assert paths(small) == [
        ["good", "right"],
        ["good", "half"],
        ["poor", "repair", "right"],
        ["poor", "repair", "half"],
        ["poor", "worse"],
        ["harm"],
    ]


def test_rules_hold_for_the_small_scenario(small: Scenario) -> None:
    assert rule_breaches(small) == []
    assert find_loop(small) is None


def _edited(s: Scenario, node_id: str, choice_id: str, **change: object) -> Scenario:
    """``s`` with one choice changed (a scenario the bank check would refuse to load)."""
    node = s.nodes[node_id]
    choices = tuple(replace(c, **change) if c.id == choice_id else c for c in node.choices)  # type: ignore[arg-type]
    return replace(s, nodes={**s.nodes, node_id: replace(node, choices=choices)})


def test_rule_a_no_path_scores_one(small: Scenario) -> None:
    q = replace(small, endings={**small.endings, "won": replace(small.endings["won"], score=0.9)})
    (breach,) = [b for b in rule_breaches(q) if b.choice is None]
    assert breach.node == "n1"
    assert "no path scores 1 (the best, good › right, scores 0.9)" in breach.message


def test_rule_b_the_mean_after_a_poorer_move_must_be_lower(small: Scenario) -> None:
    # harm, now quality 0.25 and ending well: its best, 0.25, is below 0.5 after poor, but
    # its mean, 0.25, is above poor's 0.5 × 0.3125 = 0.15625.
    q = _edited(small, "n1", "harm", next="won", quality=0.25)
    (breach,) = rule_breaches(q)
    assert (breach.node, breach.choice) == ("n1", "harm")
    assert "mean score of 0.25 within reach, not less than 0.156 after 'poor'" in breach.message


def test_rule_b_the_best_after_a_poorer_move_must_be_lower(small: Scenario) -> None:
    # half, quality 0.5, now reaches the full ending: 0.5 × 1, as much as right can
    # (1 × 0.5) once right leads to the half ending.
    q = _edited(_edited(small, "n2", "half", next="won"), "n2", "right", next="part")
    messages = [b.message for b in rule_breaches(q) if (b.node, b.choice) == ("n2", "half")]
    assert any(
        "best score of 0.5 within reach, not less than 0.5 after 'right'" in m for m in messages
    )


def test_a_loop_is_found(small: Scenario) -> None:
    q = _edited(small, "fix", "repair", next="n1")
    assert find_loop(q) == ["n1", "fix", "n1"]
    with pytest.raises(ClientlearnError, match="loop"):
        outlooks(q)
    with pytest.raises(ClientlearnError, match="loop"):
        paths(q)


# --- what a class did ------------------------------------------------------------------

# Ten participants.  Worked by hand: good›right ×3 (1.0), good›half ×2 (0.25),
# poor›repair›right ×2 (0.5), poor›worse ×1 (0), harm ×1 (0), and one who stopped at n2
# after good (0, unfinished); plus an unanswered one and a hand-edited path, left out.
CLASS = [
    ["good", "right"],
    ["good", "right"],
    ["good", "right"],
    ["good", "half"],
    ["good", "half"],
    ["poor", "repair", "right"],
    ["poor", "repair", "right"],
    ["poor", "worse"],
    ["harm"],
    ["good"],
    None,
    ["right"],
]


def test_most_taken_paths(small: Scenario) -> None:
    rows = most_taken(small, CLASS, top=4)
    assert [(list(r.path), r.count, r.score, r.finished) for r in rows] == [
        (["good", "right"], 3, 1.0, True),
        (["poor", "repair", "right"], 2, 0.5, True),  # of two taken twice, the better first
        (["good", "half"], 2, 0.25, True),
        (["good"], 1, 0.0, False),  # of those taken once and scoring 0, the first written
    ]
    everyone = most_taken(small, CLASS, top=10)
    assert sum(r.count for r in everyone) == 10  # the unanswered and the edited are left out
    assert [list(r.path) for r in everyone[4:]] == [["poor", "worse"], ["harm"]]


def test_where_most_participants_went_wrong(small: Scenario) -> None:
    turns = {t.node: t for t in wrong_turns(small, CLASS)}
    # n1: 10 reached it; poor taken 3 times, harm once: poor, 3 of 10.
    assert (turns["n1"].choice, turns["n1"].count, turns["n1"].reached) == ("poor", 3, 10)
    assert turns["n1"].share == pytest.approx(0.3)
    # fix: 3 reached it; worse once.
    assert (turns["fix"].choice, turns["fix"].count, turns["fix"].reached) == ("worse", 1, 3)
    assert turns["fix"].quality == 0.0
    # n2: reached by 6 after good (one stopped there) and 2 after repair = 8; half twice.
    assert (turns["n2"].choice, turns["n2"].count, turns["n2"].reached) == ("half", 2, 8)
    assert turns["n2"].share == pytest.approx(0.25)


def test_wrong_turns_under_ending_scoring() -> None:
    """Without qualities, a wrong turn is a choice after which the best ending is out of
    reach: poor can still be repaired, so at n1 only harm counts."""
    q = parse_bank(ending_only(SMALL))["s1"]
    assert isinstance(q, Scenario)
    turns = [(t.node, t.choice, t.count, t.reached) for t in wrong_turns(q, CLASS)]
    assert turns == [("n1", "harm", 1, 10), ("fix", "worse", 1, 3), ("n2", "half", 2, 8)]


def test_nobody_wrong_means_no_turn(small: Scenario) -> None:
    assert wrong_turns(small, [["good", "right"]] * 4) == []


def test_a_tie_goes_to_the_poorer_choice(small: Scenario) -> None:
    (turn,) = wrong_turns(small, [["poor", "worse"], ["harm"]])[:1]
    assert (turn.node, turn.choice, turn.count, turn.reached) == ("n1", "harm", 1, 2)


# --- every shipped scenario -------------------------------------------------------------


def _shipped_ids() -> list[tuple[Path, str]]:
    """(bank, scenario id) of every shipped scenario, read without loading the bank, so a
    bank that fails its checks fails these tests rather than their collection."""
    return [
        (path, q["id"])
        for path in MODULE_BANKS
        for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
        if q["type"] == "scenario"
    ]


def _exact(x: float) -> Fraction:
    return Fraction(x).limit_denominator(10_000)


def _brute_force(s: Scenario, at: str) -> tuple[Fraction, Fraction]:
    """Best and mean score from ``at`` by walking every path: each path's probability is
    the product of 1 / (choices at each node), its score the ending × the qualities."""
    best, mean = Fraction(0), Fraction(0)
    stack: list[tuple[str, Fraction, Fraction]] = [(at, Fraction(1), Fraction(1))]
    while stack:
        node, chance, product = stack.pop()
        if node in s.endings:
            score = product * _exact(s.endings[node].score or 0.0)
            best, mean = max(best, score), mean + chance * score
            continue
        choices = s.nodes[node].choices
        for c in choices:
            stack.append((c.next, chance / len(choices), product * _exact(c.quality or 0.0)))
    return best, mean


def test_every_shipped_scenario_is_path_scored() -> None:
    found = _shipped_ids()
    assert len(found) >= 11
    for path, qid in found:
        s = load_bank(path)[qid]
        assert isinstance(s, Scenario) and s.scoring == "path" and s.has_key, qid


@pytest.mark.parametrize(
    ("bank", "qid"), _shipped_ids(), ids=lambda x: x if isinstance(x, str) else ""
)
def test_every_path_of_a_shipped_scenario_keeps_the_rules(bank: Path, qid: str) -> None:
    s = load_bank(bank)[qid]
    assert isinstance(s, Scenario)
    every = paths(s)
    assert every, s.id
    scores = {tuple(p): _exact(s.fraction(p)) for p in every}
    # (a) the best path scores 1, and no path with a choice of quality below 1 does.
    assert max(scores.values()) == 1
    for p, score in scores.items():
        steps, end = s.walk(p)
        qualities = [_exact(c.quality or 0.0) for _, c in steps]
        if any(q < 1 for q in qualities):
            assert score < 1, (s.id, p)
        # (c) a poor move on the way costs: less than its ending's own score, if any.
        ending = _exact(s.endings[end].score or 0.0)
        if ending > 0 and any(q < 1 for q in qualities):
            assert score < ending, (s.id, p)
    # (b) at every node, a better move leaves a higher best and a higher mean within reach.
    for node in s.nodes.values():
        after = {}
        for c in node.choices:
            best, mean = _brute_force(s, c.next)
            after[c.id] = (
                _exact(c.quality or 0.0),
                best * _exact(c.quality or 0.0),
                mean * _exact(c.quality or 0.0),
            )
        for a, (qa, best_a, mean_a) in after.items():
            for b, (qb, best_b, mean_b) in after.items():
                if qa > qb:
                    assert best_a > best_b, (s.id, node.id, a, b, float(best_a), float(best_b))
                    assert mean_a > mean_b, (s.id, node.id, a, b, float(mean_a), float(mean_b))
    # A poor first move can still be repaired in part; only a harmful one ends it.
    for choice_id, _, score in first_moves(s):
        choice = next(c for c in s.nodes[s.start].choices if c.id == choice_id)
        if (choice.quality or 0.0) > 0:
            assert score > 0, (s.id, choice_id)
