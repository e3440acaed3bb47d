"""The observer rubric: the shipped YAML, its checks, the form, and saved scores off the scale."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clientlearn.core.errors import ClientlearnError, InputFileError
from clientlearn.groupwork import load_rubric, observer_rubric
from clientlearn.runtime.groupwork.messages import MESSAGES
from clientlearn.runtime.groupwork.observer import ObserverRubricView, name_key
from clientlearn.runtime.groupwork.rubric import (
    RUBRICS_DIR,
    SCALE,
    RubricError,
    observation_from_record,
)
from clientlearn.runtime.store import ANSWERS_FILE, MIMETYPE, AnswerStore

GROUPS = """\
group,id,name
1,olena,Олена Бондаренко
1,taras,Тарас Мельник
2,iryna,Ірина Ткаченко
2,maryana,Мар’яна Коваль
"""

CRITERIA = ["greeting", "listening", "emotions", "clarifying", "options", "limits", "closure"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "groups.csv").write_text(GROUPS, encoding="utf-8")
    return tmp_path


def saved(folder: Path) -> dict[str, Any]:
    data = json.loads((folder / ANSWERS_FILE).read_text(encoding="utf-8"))
    return {qid: rec["value"] for qid, rec in data["answers"].items()}


# ---------------------------------------------------------------- the shipped rubric


def test_the_roleplay_rubric_has_seven_criteria_with_four_descriptors_each() -> None:
    rubric = load_rubric("roleplay")
    assert rubric.ids == tuple(CRITERIA)
    assert rubric.title_in("uk") == "Спостереження за рольовою грою"
    assert [rubric.level_name(level, "en") for level in SCALE] == [
        "Needs development",
        "Partly",
        "Good",
        "Exemplary",
    ]
    for criterion in rubric.criteria:
        texts = [criterion.descriptor(level, lang) for level in SCALE for lang in ("uk", "en")]
        assert all(len(t) > 20 for t in texts), criterion.id
        assert len(set(texts)) == len(texts), criterion.id
    assert rubric.criterion("clarifying").title_in("uk") == "З’ясування запиту"


def _ukrainian_texts() -> list[str]:
    rubric = load_rubric()
    texts = [rubric.title["uk"], *(rubric.level_names[level]["uk"] for level in SCALE)]
    for c in rubric.criteria:
        texts += [c.title["uk"], *(c.levels[level]["uk"] for level in SCALE)]
    return texts + [m["uk"] for m in MESSAGES.values()]


def test_ukrainian_uses_one_apostrophe_and_no_latin_lookalikes() -> None:
    for text in _ukrainian_texts():
        assert "'" not in text and "ʼ" not in text, text
        # A Latin letter inside a Cyrillic word (a typed "i" for "і") breaks search and spelling.
        assert not re.search(r"[а-яіїєґ][a-z]|[a-z][а-яіїєґ]", text, flags=re.I), text


@pytest.mark.skipif(
    shutil.which("hunspell") is None or not Path("/usr/share/hunspell/uk_UA.dic").exists(),
    reason="hunspell-uk is not installed",
)
def test_ukrainian_texts_are_spelled_right() -> None:
    words = " ".join(_ukrainian_texts()).replace("’", "'")
    done = subprocess.run(
        ["hunspell", "-d", "uk_UA", "-l"],
        input=words,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,
        check=True,
    )
    unknown = set(done.stdout.split()) - {"Кендалла"}  # a surname
    assert not unknown


def test_english_texts_exist_for_every_message() -> None:
    assert all(set(m) == {"uk", "en"} and m["en"].strip() for m in MESSAGES.values())


# ---------------------------------------------------------------- bad rubric files


def test_a_bad_rubric_file_lists_every_problem_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        """\
id: Bad Id
title: {uk: Погана рубрика}
levels:
  1: {uk: а, en: a}
  2: {uk: б, en: b}
  3: {uk: в, en: c}
  4: {uk: г, en: d}
criteria:
  - id: listening
    title: {uk: Слухання, en: Listening}
    levels:
      1: {uk: а, en: a}
      2: {uk: б, en: b}
      3: {uk: в, en: c}
  - id: listening
    title: {uk: Ще раз, en: Again}
    levels: {1: {uk: а, en: a}, 2: {uk: б, en: b}, 3: {uk: в, en: c}, 4: {uk: г}}
""",
        encoding="utf-8",
    )
    with pytest.raises(InputFileError) as caught:
        load_rubric(path)
    text = str(caught.value)
    assert f"{path}: id: 'Bad Id' is not an id" in text
    assert f"{path}: title: missing text in en" in text
    assert f"{path}:9: criteria[1].levels: expected levels 1, 2, 3, 4, found [1, 2, 3]" in text
    assert f"{path}:15: criteria[2].id: 'listening' is used twice" in text
    assert f"{path}:15: criteria[2].levels.4: missing text in en" in text
    said = caught.value.text("uk")  # the same problems, each in Ukrainian
    assert f"{path}: id: 'Bad Id' — не ідентифікатор; вживайте малі латинські" in said
    assert f"{path}:15: criteria[2].id: 'listening' використано двічі;" in said
    assert f"{path}:15: criteria[2].levels.4: бракує тексту мовою en;" in said


def test_criterion_ids_cannot_take_a_summary_column(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    text = (RUBRICS_DIR / "roleplay.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("- id: closure", "- id: comment"), encoding="utf-8")
    with pytest.raises(InputFileError, match="'comment' names a column of the summary"):
        load_rubric(path)


def test_an_unknown_rubric_names_the_shipped_ones() -> None:
    with pytest.raises(ClientlearnError, match="rubrics shipped: roleplay"):
        load_rubric("nosuch")


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("id: x\ncriteria: [\n  - a\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"broken\.yaml:\d+: yaml"):
        load_rubric(path)


def test_a_rubric_is_read_once_while_its_file_is_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    text = (RUBRICS_DIR / "roleplay.yaml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    first = load_rubric(path)
    assert load_rubric(str(path)) is first  # every round's form shares it
    # An edited file (another size: the clock may not have moved) is read again, and a
    # broken one is reported every time.
    path.write_text(text.replace("- id: closure", "- id: closing-words"), encoding="utf-8")
    assert "closing-words" in load_rubric(path).ids
    path.write_text(text.replace("- id: closure", "- id: Closure"), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(InputFileError, match="'Closure' is not an id"):
            load_rubric(path)


# ---------------------------------------------------------------- saved observations


def record(**changes: Any) -> dict[str, Any]:
    value: dict[str, Any] = {
        "rubric": "roleplay",
        "round": 2,
        "observed": "olena",
        "observed_name": "Олена Бондаренко",
        "group": 1,
        "scenario": "overdue-book",
        "scores": {"greeting": 3, "limits": None},
        "comment": "Добре",
    }
    value.update(changes)
    return value


RUBRICS = {"roleplay": load_rubric("roleplay")}


def test_a_good_record_becomes_an_observation() -> None:
    obs = observation_from_record("rubric.2.olena", record(), source="a.json", rubrics=RUBRICS)
    assert obs is not None
    assert (obs.round, obs.observed, obs.group, dict(obs.scores)) == (
        2,
        "olena",
        1,
        {"greeting": 3},
    )
    assert observation_from_record("rubric.1.x", None, source="a.json", rubrics=RUBRICS) is None


@given(
    st.one_of(
        st.integers().filter(lambda n: n not in SCALE),
        st.floats(allow_nan=False),
        st.booleans(),
        st.text(max_size=3),
    )
)
def test_a_score_off_the_scale_names_file_record_and_value(score: Any) -> None:
    value = record(scores={"greeting": 3, "listening": score})
    with pytest.raises(RubricError) as caught:
        observation_from_record("rubric.2.olena", value, source="s/a.json", rubrics=RUBRICS)
    text = str(caught.value)
    assert text.startswith("s/a.json: record 'rubric.2.olena': ")
    assert f"score {score!r} for 'listening' is outside the scale 1–4" in text


@given(st.dictionaries(st.sampled_from(CRITERIA), st.sampled_from(SCALE)))
def test_every_score_on_the_scale_is_kept(scores: dict[str, int]) -> None:
    obs = observation_from_record(
        "rubric.2.olena", record(scores=scores), source="a.json", rubrics=RUBRICS
    )
    assert obs is not None and dict(obs.scores) == scores


@pytest.mark.parametrize(
    ("changes", "needle"),
    [
        ({"rubric": "other"}, "unknown rubric 'other' (known: roleplay)"),
        ({"round": 0}, "round 0 is not a round number"),
        ({"observed": " "}, "no participant observed"),
        ({"scores": [3, 4]}, "'scores' is [3, 4]"),
        ({"scores": {"smile": 4}}, "criterion 'smile' is not in rubric 'roleplay'"),
        ({"group": "1"}, "group '1' is not a group number"),
    ],
)
def test_malformed_records_are_named(changes: dict[str, Any], needle: str) -> None:
    with pytest.raises(RubricError, match=re.escape(needle)):
        observation_from_record("rubric.2.x", record(**changes), source="f", rubrics=RUBRICS)


# ---------------------------------------------------------------- the form


def rubric_form(folder: Path, **kwargs: Any) -> ObserverRubricView:
    options: dict[str, Any] = {"round": 1, "groups_csv": "groups.csv", "folder": folder}
    options.update(kwargs)
    return observer_rubric("roleplay", **options)


def test_scores_open_only_once_the_person_is_chosen(folder: Path) -> None:
    view = rubric_form(folder)
    assert view.qid is None
    assert all(r.disabled and r.value is None for r in view.scores.values())
    assert view.comment.disabled and view.comment.value == ""
    assert MIMETYPE not in view.bundle()  # no answer id yet, nothing for nbgrader
    assert view.observed_select.label == "— оберіть —"  # the prompt, not an empty box
    free = rubric_form(folder, round=None)
    assert free.round_select.label == "— оберіть —" and free.round_select.value is None
    view.observed_select.value = "maryana"
    assert view.qid == "rubric.1.maryana"
    assert not any(r.disabled for r in view.scores.values())
    assert not (folder / ANSWERS_FILE).exists()  # choosing whom is not an answer yet


@pytest.mark.parametrize(
    ("lang", "name"),
    [
        ("uk", "Коментар спостерігача до всіх критеріїв"),
        ("en", "Observer’s comment on all the criteria"),
    ],
)
def test_every_field_is_named_by_a_label_not_a_placeholder(
    folder: Path, lang: str, name: str
) -> None:
    """A field's description is its <label> (its accessible name); a placeholder is no
    name, it vanishes once one types.  The browser check: tests/test_browser_participant.py."""
    view = rubric_form(folder, lang=lang, round=None, groups_csv=None)
    assert view.comment.description == name
    assert view.comment.style.description_width == "initial"  # shown whole, not cut
    fields = [view.round_select, view.observed_text, view.scenario, view.comment]
    assert all(f.description and f.description != getattr(f, "placeholder", "") for f in fields)
    assert all(r.description for r in view.scores.values())


def test_scores_and_comment_are_saved_as_given(folder: Path) -> None:
    view = rubric_form(folder)
    view.observed_select.value = "maryana"
    view.scenario.value = "overdue-book"
    view.scores["greeting"].value = 4
    view.scores["limits"].value = 2
    view.comment.value = "Спокійно пояснила правило"
    assert saved(folder) == {
        "rubric.1.maryana": {
            "rubric": "roleplay",
            "round": 1,
            "observed": "maryana",
            "observed_name": "Мар’яна Коваль",
            "group": 2,
            "scenario": "overdue-book",
            "scores": {"greeting": 4, "limits": 2},
            "comment": "Спокійно пояснила правило",
        }
    }
    again = rubric_form(folder)
    assert again.observed_select.value == "maryana" and again.scenario.value == "overdue-book"
    assert again.scores["greeting"].value == 4 and again.scores["listening"].value is None
    assert again.comment.value == "Спокійно пояснила правило"
    assert rubric_form(folder, round=2).qid is None  # another round starts empty


def test_correcting_whom_moves_the_observation(folder: Path) -> None:
    view = rubric_form(folder)
    view.observed_select.value = "olena"
    view.scores["emotions"].value = 3
    view.observed_select.value = "taras"
    values = saved(folder)
    assert values["rubric.1.olena"] is None  # withdrawn, not deleted
    assert values["rubric.1.taras"]["scores"] == {"emotions": 3}
    assert "Тарас Мельник, раунд 1" in view.status.value
    assert rubric_form(folder).observed_select.value == "taras"


def test_a_round_chosen_in_the_form_and_a_typed_name(folder: Path) -> None:
    view = rubric_form(folder, round=None, groups_csv=None, lang="en")
    view.round_select.value = 3
    assert view.qid is None
    view.observed_text.value = "  Мар'яна   Коваль "
    assert view.qid == f"rubric.3.{name_key('Мар’яна Коваль')}"
    view.scores["closure"].value = 1
    value = saved(folder)[view.qid]
    assert value["observed_name"] == "Мар'яна Коваль" and value["group"] is None
    assert view.hint.layout.display == "none"


def test_saved_forms_pass_the_summary_check(folder: Path) -> None:
    view = rubric_form(folder)
    view.observed_select.value = "iryna"
    for cid in CRITERIA:
        view.scores[cid].value = 2
    for qid, rec in AnswerStore(folder).load().items():
        obs = observation_from_record(qid, rec.value, source="x", rubrics=RUBRICS)
        assert obs is not None and set(obs.scores) == set(CRITERIA)


def test_bad_rounds_are_refused(folder: Path) -> None:
    for bad in (0, -1, True, "1"):
        with pytest.raises(ClientlearnError, match="is not a round number"):
            rubric_form(folder, round=bad)


def test_name_key_ignores_case_spacing_and_apostrophe_style() -> None:
    assert name_key(" Мар’яна  КОВАЛЬ") == name_key("мар'яна коваль") == name_key("Марʼяна Коваль")


def test_a_rubric_read_again_from_the_check_cache_is_the_same(tmp_path: Path) -> None:
    # The cache keeps JSON (string keys): a second process reads the levels from there.
    from clientlearn.runtime.groupwork.rubric import _load_unchanged

    rubric = tmp_path / "mine.yaml"
    shutil.copy(RUBRICS_DIR / "roleplay.yaml", rubric)
    first = load_rubric(rubric)
    _load_unchanged.cache_clear()
    again = load_rubric(rubric)
    assert again == first and sorted(again.criteria[0].levels) == [1, 2, 3, 4]
