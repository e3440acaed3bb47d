"""Scoring as plain functions: reverse items, the 0–100 index, mode scores and axes,
partial completion and its messages — no widgets involved."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clientlearn.runtime.selfassess.instruments import load_instrument
from clientlearn.runtime.selfassess.messages import answers_word, number
from clientlearn.runtime.selfassess.scoring import (
    RatingError,
    assess,
    axes,
    check_answers,
    dimension_scores,
    index,
    item_scores,
    progress,
    split_answers,
)

LIB = load_instrument("library_diagnostic")
MODES = load_instrument("conflict_styles")
CONF = load_instrument("confidence")
CLIENT = [i.id for i in LIB.items_of("client")]
SELF = [i.id for i in LIB.items_of("self")]


def by_mode(**scores: list[int]) -> dict[str, int]:
    out = {}
    for mode, ratings in scores.items():
        for item, rating in zip(MODES.items_of(mode), ratings, strict=True):
            out[item.id] = rating
    return out


def test_reverse_items_are_flipped() -> None:
    answers = {CLIENT[0]: 5, SELF[0]: 5, SELF[1]: 1}
    assert item_scores(LIB, answers) == {CLIENT[0]: 5, SELF[0]: 1, SELF[1]: 5}


def test_index_hand_computed() -> None:
    # Client signs 4, self signs 2 (reversed to 4): mean 4 → (4 − 1) / 4 · 100 = 75.
    assert index(LIB, {**dict.fromkeys(CLIENT, 4), **dict.fromkeys(SELF, 2)}) == 75.0
    # Client 5,4,3,2,1,5 = 20; self 1,2,3,4 reversed 5,4,3,2 = 14; mean 3.4 → 60.
    answers = dict(zip(CLIENT + SELF, [5, 4, 3, 2, 1, 5, 1, 2, 3, 4], strict=True))
    assert index(LIB, answers) == pytest.approx(60.0)
    best = {**dict.fromkeys(CLIENT, 5), **dict.fromkeys(SELF, 1)}
    worst = {**dict.fromkeys(CLIENT, 1), **dict.fromkeys(SELF, 5)}
    assert index(LIB, best) == 100.0 and index(LIB, worst) == 0.0


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(CLIENT + SELF), st.integers(1, 5), min_size=1))
def test_index_stays_within_0_and_100(answers: dict[str, int]) -> None:
    assert 0.0 <= index(LIB, answers) <= 100.0
    result = assess(LIB, answers)
    if result.profile is not None:
        assert result.profile.index == pytest.approx(index(LIB, answers))


def test_mode_scores_and_axes_hand_computed() -> None:
    answers = by_mode(
        competing=[5, 5, 4, 4],  # 4.5
        collaborating=[4, 4, 4, 4],  # 4
        compromising=[3, 3, 3, 3],  # 3
        avoiding=[1, 1, 2, 2],  # 1.5
        accommodating=[2, 2, 2, 2],  # 2
    )
    dims = dimension_scores(MODES, answers)
    assert dims == {
        "competing": 4.5,
        "collaborating": 4.0,
        "compromising": 3.0,
        "avoiding": 1.5,
        "accommodating": 2.0,
    }
    # Assertiveness: (+1.5 + 1 + 0 + 1.5 + 1) / (4 · 2) = 0.625.
    # Cooperativeness: (−1.5 + 1 + 1.5 − 1) / 8 = 0.
    assert axes(MODES, dims) == {"assertiveness": 0.625, "cooperativeness": 0.0}
    result = assess(MODES, answers)
    assert result.profile is not None
    bands = {d: b.title["uk"] for d, b in result.profile.dimension_bands.items()}
    assert bands["competing"] == "обираєте часто"
    assert bands["compromising"] == "обираєте іноді"
    assert bands["avoiding"] == "обираєте рідко"
    assert result.profile.band is None and result.profile.index is None


def test_axes_reach_their_ends() -> None:
    high = by_mode(
        competing=[5] * 4, collaborating=[5] * 4, compromising=[3] * 4,
        avoiding=[1] * 4, accommodating=[1] * 4,
    )  # fmt: skip
    assert axes(MODES, dimension_scores(MODES, high))["assertiveness"] == 1.0
    flat = dict.fromkeys((i.id for i in MODES.items), 3)
    assert axes(MODES, dimension_scores(MODES, flat)) == {
        "assertiveness": 0.0,
        "cooperativeness": 0.0,
    }


def test_missing_answers_are_left_out_of_the_means() -> None:
    answers = {CLIENT[0]: 5, CLIENT[1]: 3}
    assert dimension_scores(LIB, answers) == {"client": 4.0}


def test_no_profile_below_80_percent_and_the_message_says_how_many() -> None:
    seven = dict.fromkeys((CLIENT + SELF)[:7], 4)
    result = assess(LIB, seven)
    assert not result.ready and result.profile is None
    assert result.progress.more_needed == 1 and result.progress.needed == 8
    assert result.message("uk") == (
        "Відповідей: 7 з 10. Щоб побачити профіль, дайте ще 1 відповідь "
        "(потрібно щонайменше 8 з 10)."
    )
    assert assess(LIB, dict.fromkeys(CLIENT[:5], 4)).message("uk").count("ще 3 відповіді")
    ten = {i.id: 3 for i in MODES.items[:10]}
    assert "дайте ще 6 відповідей (потрібно щонайменше 16 з 20)" in assess(MODES, ten).message("uk")
    # With nothing answered yet, the message is the count alone, not a list of every group.
    assert assess(MODES, {}).message("uk") == (
        "Відповідей: 0 з 20. Щоб побачити профіль, дайте ще 16 відповідей "
        "(потрібно щонайменше 16 з 20)."
    )
    assert "give 3 more answers" in assess(LIB, dict.fromkeys(CLIENT[:5], 4)).message("en")
    eight = dict.fromkeys((CLIENT + SELF)[:8], 4)
    ready = assess(LIB, eight)
    assert ready.ready
    assert ready.message("uk").endswith(
        "Профіль пораховано за 8 із 10 відповідей; решту можна додати будь-коли."
    )


def test_every_mode_needs_an_answer() -> None:
    answers = {i.id: 3 for i in MODES.items if i.dimension != "avoiding"}
    result = assess(MODES, answers)
    assert result.progress.more_needed == 0 and not result.ready
    assert result.progress.empty_dimensions == ("avoiding",)
    assert "поки що без відповідей: «Уникнення»" in result.message("uk")
    assert "still without answers: “Avoiding”" in result.message("en")


def test_confidence_profile_and_band() -> None:
    answers = {i.id: 2 + (n % 2) for n, i in enumerate(CONF.items)}  # 2,3,2,3,… (8×2 + 7×3)
    result = assess(CONF, answers, "before")
    assert result.phase == "before" and result.profile is not None
    assert result.profile.mean == pytest.approx(37 / 15)
    assert result.profile.band is not None
    assert result.profile.band.title["uk"] == "Помірна впевненість"  # 2.47 → 2.5


def test_invalid_ratings_count_as_missing() -> None:
    raw = {CLIENT[0]: 7, CLIENT[1]: True, CLIENT[2]: "4", CLIENT[3]: 4, "ghost": 3}
    valid, invalid = split_answers(LIB, raw)
    assert valid == {CLIENT[3]: 4}
    assert set(invalid) == {CLIENT[0], CLIENT[1], CLIENT[2], "ghost"}
    assert progress(LIB, raw).answered == 1
    with pytest.raises(RatingError, match="rating 7 is not on the 1–5 scale") as err:
        check_answers(LIB, raw)
    said = err.value.text("uk")  # what a participant's notebook shows
    assert said.startswith(f"відповіді на «{LIB.id}»: ") and "оцінка 7 не належить" in said
    assert split_answers(LIB, [1, 2]) == ({}, {"*": [1, 2]})


def test_ukrainian_plurals_and_numbers() -> None:
    forms = {n: answers_word(n, "uk") for n in (1, 2, 4, 5, 11, 12, 14, 21, 22, 25)}
    assert forms == {
        1: "відповідь",
        2: "відповіді",
        4: "відповіді",
        5: "відповідей",
        11: "відповідей",
        12: "відповідей",
        14: "відповідей",
        21: "відповідь",
        22: "відповіді",
        25: "відповідей",
    }
    assert number(3.25, 1, "uk") == "3,3"  # half up, like the bands (Python's round gives 3.2)
    assert number(100, 0, "uk") == "100" and number(68.75, 0, "en") == "69"
    np = pytest.importorskip("numpy")
    assert number(np.float64(2.25), 1, "uk") == "2,3"  # pandas hands out numpy floats
    assert number(-0.5, 2, "uk", sign=True) == "−0,50"
    assert number(0.5, 1, "en", sign=True) == "+0.5"


def test_every_message_exists_in_both_languages_with_the_same_fields() -> None:
    import string

    from clientlearn.runtime.selfassess.messages import MESSAGES

    def fields(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    for key, entry in MESSAGES.items():
        assert set(entry) == {"uk", "en"}, key
        assert fields(entry["uk"]) == fields(entry["en"]), key
        assert "'" not in entry["uk"].replace("{value!r}", ""), key
