"""Borda consensus and Kendall distance: hand-made examples and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clientlearn.runtime.questions import kendall_fraction
from clientlearn.trainer.groupwork.consensus import (
    BordaItem,
    borda,
    kendall_distance,
    normalized_distance,
)

STEPS = ["greet", "listen", "clarify", "offer", "close"]


def test_borda_by_hand() -> None:
    # m = 4 steps: 3 points for the first place, 0 for the last.
    orders = [
        ["a", "b", "c", "d"],  # a 3, b 2, c 1, d 0
        ["b", "a", "c", "d"],  # b 3, a 2, c 1, d 0
        ["a", "c", "b"],  # a 3, c 2, b 1; d left out alone: (1 - 1) / 2 = 0
    ]
    assert borda(orders) == [
        BordaItem(1, "a", 8.0, False),
        BordaItem(2, "b", 6.0, False),
        BordaItem(3, "c", 4.0, False),
        BordaItem(4, "d", 0.0, False),
    ]


def test_left_out_steps_share_the_points_left() -> None:
    # Only "d" placed: it earns 3; a, b, c tie for places 2-4 and share 2 + 1 + 0 = 3.
    result = {b.item: b.points for b in borda([["d"]], items=["a", "b", "c", "d"])}
    assert result == {"d": 3.0, "a": 1.0, "b": 1.0, "c": 1.0}


def test_ties_are_broken_by_id_and_flagged() -> None:
    assert borda([["b", "a"], ["a", "b"]]) == [
        BordaItem(1, "a", 1.0, True),
        BordaItem(2, "b", 1.0, True),
    ]


def test_empty_orders_do_not_vote_and_unknown_steps_are_ignored() -> None:
    assert borda([[], ["x", "a", "b"]], items=["a", "b"]) == [
        BordaItem(1, "a", 1.0, False),
        BordaItem(2, "b", 0.0, False),
    ]
    assert borda([]) == []


def test_kendall_distance_by_hand() -> None:
    ref = ["a", "b", "c", "d"]  # 6 pairs
    assert kendall_distance(ref, ref) == 0
    assert kendall_distance(["b", "a", "c", "d"], ref) == 1
    assert kendall_distance(["d", "c", "b", "a"], ref) == 6
    # d left out: its 3 pairs count as out of order; b/c swapped adds one.
    assert kendall_distance(["a", "c", "b"], ref) == 4
    assert normalized_distance(["a", "c", "b"], ref) == pytest.approx(4 / 6)
    assert normalized_distance(["a"], ["a"]) == 0.0


orders = st.lists(st.permutations(STEPS).map(list), min_size=1, max_size=8)
partial = st.lists(
    st.lists(st.sampled_from(STEPS), unique=True, min_size=1), min_size=1, max_size=8
)


@given(partial)
def test_every_group_hands_out_the_same_points(groups: list[list[str]]) -> None:
    m = len(STEPS)
    total = sum(b.points for b in borda(groups, items=STEPS))
    assert total == pytest.approx(len(groups) * m * (m - 1) / 2)


@given(st.permutations(STEPS).map(list), st.integers(1, 6))
def test_unanimous_groups_give_their_order(order: list[str], n: int) -> None:
    assert [b.item for b in borda([order] * n)] == order


@given(orders)
def test_a_step_everyone_puts_first_comes_first(groups: list[list[str]]) -> None:
    for g in groups:
        g.remove("greet")
        g.insert(0, "greet")
    assert borda(groups)[0].item == "greet"


@given(st.lists(st.sampled_from(STEPS), unique=True), st.permutations(STEPS).map(list))
def test_distance_agrees_with_kendall_fraction(order: list[str], ref: list[str]) -> None:
    d = normalized_distance(order, ref)
    assert 0.0 <= d <= 1.0
    assert kendall_fraction(order, ref) == pytest.approx(max(0.0, 1 - 2 * d))
    assert (d == 0.0) == (order == ref)


@given(st.permutations(STEPS).map(list), st.permutations(STEPS).map(list))
def test_distance_is_symmetric_for_full_orders(a: list[str], b: list[str]) -> None:
    assert kendall_distance(a, b) == kendall_distance(b, a)
    assert kendall_distance(a, list(reversed(a))) == len(a) * (len(a) - 1) // 2
