"""Scoring rules of every question type, on the showcase bank."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clientlearn.runtime.bank import Bank, load_bank
from clientlearn.runtime.questions import (
    AnswerShapeError,
    NoKeyError,
    kendall_fraction,
)
from clientlearn.trainer.simulate import right_answer

from .conftest import SHOWCASE


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(SHOWCASE)


def test_every_type_is_in_the_showcase(bank: Bank) -> None:
    from clientlearn.runtime.questions import QUESTION_TYPES

    assert {q.kind for q in bank} == set(QUESTION_TYPES)


def test_right_answers_earn_all_points(bank: Bank) -> None:
    for q in bank:
        assert q.score(right_answer(q)) == q.points, q.id


def test_unanswered_scores_zero(bank: Bank) -> None:
    for q in bank:
        assert q.score(None) == 0.0, q.id


@pytest.mark.parametrize(
    ("qid", "answer", "points"),
    [
        ("sc.single", "a", 0.0),
        ("sc.multiple", ["a"], 1.0),  # 1 of 2 right
        ("sc.multiple", ["a", "c", "b"], 1.0),  # 2 right - 1 wrong over 2
        ("sc.multiple", ["a", "b", "c", "d"], 0.0),  # ticking all earns nothing
        ("sc.multiple", ["b", "d"], 0.0),  # never below zero
        ("sc.truefalse", False, 0.0),
        ("sc.ordering", ["greet", "clarify", "listen", "search"], 2.0),  # tau 4/6 of 3
        ("sc.ordering", ["search", "clarify", "listen", "greet"], 0.0),  # reversed
        (
            "sc.ordering",
            ["greet", "listen"],
            0.0,
        ),  # half built: pairs with missing items count against
        ("sc.matching", {"s1": "client", "s2": "self"}, 1.0),  # 2 of 4 placed right
        ("sc.matching", {"s1": "self", "s2": "client", "s3": "self", "s4": "client"}, 0.0),
        ("sc.text", "  АКТИВНЕ слухання. ", 1.0),
        ("sc.text", "Active listening", 1.0),
        ("sc.text", "слухання", 0.0),
        ("sc.numeric", "3,0", 1.0),
        ("sc.numeric", "4", 0.0),
        ("sc.rating", 1, 1.0),  # completion
        (
            "sc.scenario",
            ["approach", "leave"],
            0.5,
        ),  # 2 points × 1 × 0.5 (qualities) × 0.5 (ending)
        ("sc.scenario", ["shout"], 0.0),
        ("sc.scenario", ["approach"], 0.0),  # no ending yet
    ],
)
def test_partial_credit(bank: Bank, qid: str, answer: object, points: float) -> None:
    assert bank[qid].score(answer) == points


def test_kendall_one_neighbour_swap_of_six() -> None:
    key = list("abcdef")
    assert kendall_fraction(list("bacdef"), key) == pytest.approx(13 / 15)


@pytest.mark.parametrize(
    ("qid", "answer"),
    [
        ("sc.single", "z"),
        ("sc.multiple", "a"),
        ("sc.ordering", ["greet", "greet"]),
        ("sc.matching", {"s1": "nowhere"}),
        ("sc.numeric", "три"),
        ("sc.rating", 9),
        ("sc.scenario", ["room"]),
    ],
)
def test_answers_that_do_not_fit_are_refused(bank: Bank, qid: str, answer: object) -> None:
    with pytest.raises(AnswerShapeError) as err:
        bank[qid].score(answer)
    # Said in both languages (a hand-edited answers file, read by trainer and participant).
    assert str(err.value).startswith(f"answer to {qid!r}: ")
    assert err.value.text("uk").startswith(f"відповідь на «{qid}»: ")


def test_why_an_answer_does_not_fit_in_words() -> None:
    bank = load_bank(SHOWCASE)
    with pytest.raises(AnswerShapeError) as err:
        bank["sc.scenario"].score(["room"])
    assert err.value.text("uk").endswith("вибір «room» неможливий у «n1»"), err.value.text("uk")
    assert str(err.value).endswith("choice 'room' is not possible at 'n1'")
    with pytest.raises(AnswerShapeError) as err:
        bank["sc.ordering"].score(["greet", "greet"])
    assert err.value.text("uk") == "відповідь на «sc.ordering»: елемент трапляється двічі"


def test_public_copy_has_no_key(bank: Bank) -> None:
    for q in bank:
        public = q.public()
        if q.kind == "rating":
            continue
        assert not public.has_key, q.id
        assert public.explanation is None
        with pytest.raises(NoKeyError):
            public.score(right_answer(q))


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 9)
    | st.floats(allow_nan=False)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=10,
)


@settings(max_examples=300, deadline=None)
@given(answer=json_values, index=st.integers(0, 8))
def test_any_answer_scores_within_bounds_or_is_refused(answer: object, index: int) -> None:
    q = list(load_bank(SHOWCASE))[index]
    try:
        value = q.score(answer)
    except AnswerShapeError:
        return
    assert 0.0 <= value <= q.points


@settings(max_examples=100, deadline=None)
@given(st.permutations(["greet", "listen", "clarify", "search"]))
def test_ordering_bounds(order: list[str]) -> None:
    q = load_bank(SHOWCASE)["sc.ordering"]
    assert 0.0 <= q.score(order) <= q.points


def test_question_model_imports_no_heavy_library() -> None:
    code = (
        "import sys, clientlearn.runtime.questions, clientlearn.runtime.bank;"
        "heavy = {'ipywidgets', 'pandas', 'matplotlib', 'nbgrader', 'IPython'} & set(sys.modules);"
        "print(sorted(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", check=True
    )
    assert out.stdout.strip() == "[]"
