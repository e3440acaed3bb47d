"""Widgets without a browser: nothing pre-selected, every change saved at once, the saved
answer shown again by a re-created widget, feedback only in self-check mode."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from clientlearn import Quiz
from clientlearn.core.i18n import tr
from clientlearn.runtime.store import ANSWERS_FILE, MIMETYPE, AnswerStore
from clientlearn.runtime.widgets.arrange import MatchingView, OrderingView
from clientlearn.runtime.widgets.choice import CheckboxView, RadioView
from clientlearn.runtime.widgets.scenario import ScenarioView
from clientlearn.runtime.widgets.typed import TextView


def saved(folder: Path) -> dict[str, object]:
    data = json.loads((folder / ANSWERS_FILE).read_text(encoding="utf-8"))
    return {qid: rec["value"] for qid, rec in data["answers"].items()}


def test_untouched_questions_record_nothing(quiz_folder: Path) -> None:
    quiz = Quiz("questions.yaml", folder=quiz_folder)
    views = [quiz.ask(q.id) for q in quiz.bank]
    assert not (quiz_folder / ANSWERS_FILE).exists()
    radio = views[0]
    assert isinstance(radio, RadioView) and radio.radio.value is None
    boxes = views[1]
    assert isinstance(boxes, CheckboxView) and not any(b.value for b in boxes.boxes)


def test_every_type_saves_on_change(quiz_folder: Path) -> None:
    quiz = Quiz("questions.yaml", folder=quiz_folder)
    v = {q.id: quiz.ask(q.id) for q in quiz.bank}
    v["sc.single"].radio.value = "b"  # type: ignore[attr-defined]
    v["sc.multiple"].boxes[0].value = True  # type: ignore[attr-defined]
    v["sc.truefalse"].radio.value = False  # type: ignore[attr-defined]
    for item in ("greet", "clarify", "listen"):
        v["sc.ordering"].move(item, "add")  # type: ignore[attr-defined]
    v["sc.ordering"].move("listen", "up")  # type: ignore[attr-defined]
    v["sc.matching"].selects["s2"].value = "self"  # type: ignore[attr-defined]
    v["sc.text"].field.value = "активне слухання"  # type: ignore[attr-defined]
    v["sc.numeric"].field.value = "3,0"  # type: ignore[attr-defined]
    v["sc.rating"].radio.value = 4  # type: ignore[attr-defined]
    v["sc.scenario"].choose("approach")  # type: ignore[attr-defined]
    assert saved(quiz_folder) == {
        "sc.single": "b",
        "sc.multiple": ["a"],
        "sc.truefalse": False,
        "sc.ordering": ["greet", "listen", "clarify"],
        "sc.matching": {"s2": "self"},
        "sc.text": "активне слухання",
        "sc.numeric": "3,0",
        "sc.rating": 4,
        "sc.scenario": ["approach"],
    }


def test_recreated_widgets_show_saved_answers_and_extend_them(quiz_folder: Path) -> None:
    quiz = Quiz("questions.yaml", folder=quiz_folder)
    quiz.ask("sc.multiple").boxes[0].value = True  # type: ignore[attr-defined]
    quiz.ask("sc.ordering").move("greet", "add")  # type: ignore[attr-defined]
    quiz.ask("sc.scenario").choose("approach")  # type: ignore[attr-defined]
    quiz.ask("sc.matching").selects["s1"].value = "client"  # type: ignore[attr-defined]
    quiz.ask("sc.text").field.value = "Активне слухання"  # type: ignore[attr-defined]

    # As after a kernel restart: a new Quiz, new widgets, the same folder.
    again = Quiz("questions.yaml", folder=quiz_folder)
    multiple = again.ask("sc.multiple")
    assert isinstance(multiple, CheckboxView)
    assert [b.value for b in multiple.boxes] == [True, False, False, False]
    multiple.boxes[2].value = True  # a further click adds to the saved selection
    assert saved(quiz_folder)["sc.multiple"] == ["a", "c"]
    ordering = again.ask("sc.ordering")
    assert isinstance(ordering, OrderingView) and ordering.order == ["greet"]
    ordering.move("listen", "add")
    assert saved(quiz_folder)["sc.ordering"] == ["greet", "listen"]
    scenario = again.ask("sc.scenario")
    assert isinstance(scenario, ScenarioView) and scenario.path == ["approach"]
    matching = again.ask("sc.matching")
    assert isinstance(matching, MatchingView) and matching.selects["s1"].value == "client"
    # The items not sorted yet show the prompt, not an empty box.
    unsorted = [s for item, s in matching.selects.items() if item != "s1"]
    assert unsorted and all(s.value is None and s.label == "— оберіть —" for s in unsorted)
    text = again.ask("sc.text")
    assert isinstance(text, TextView) and text.field.value == "Активне слухання"
    assert AnswerStore(quiz_folder).get("sc.multiple").attempts == 2  # type: ignore[union-attr]


def test_graded_mode_never_shows_correctness(quiz_folder: Path) -> None:
    view = Quiz("questions.yaml", folder=quiz_folder).ask("sc.single")
    view.radio.value = "a"  # type: ignore[attr-defined]  # wrong
    assert view.feedback.value == f"<small>{html.escape(tr('graded_note', 'uk'))}</small>"
    assert "Правильно" not in view.status.value


def test_self_check_gives_feedback_and_counts_tries(quiz_folder: Path) -> None:
    bank = quiz_folder / "questions.yaml"
    bank.write_text(
        bank.read_text(encoding="utf-8").replace(
            "    points: 1\n    title: {uk: Перший крок",
            "    mode: selfcheck\n    points: 1\n    title: {uk: Перший крок",
        ),
        encoding="utf-8",
    )
    view = Quiz("questions.yaml", folder=quiz_folder).ask("sc.single")
    view.radio.value = "a"  # type: ignore[attr-defined]
    assert "Поки що ні" in view.feedback.value and "Спроб: 1" in view.feedback.value
    view.radio.value = "b"  # type: ignore[attr-defined]
    assert "Правильно!" in view.feedback.value and "Спроб: 2" in view.feedback.value
    assert "Пояснення" in view.feedback.value


def test_english_labels(quiz_folder: Path) -> None:
    view = Quiz("questions.yaml", folder=quiz_folder, lang="en").ask("sc.truefalse")
    assert [label for label, _ in view.radio.options] == ["True", "False"]  # type: ignore[attr-defined]
    assert "Before putting a caller on hold" in view.children[0].value


def test_question_text_is_escaped(quiz_folder: Path) -> None:
    bank = quiz_folder / "questions.yaml"
    bank.write_text(
        bank.read_text(encoding="utf-8").replace(
            "Розташуйте кроки", "<script>alert(1)</script> Розташуйте кроки"
        ),
        encoding="utf-8",
    )
    view = Quiz("questions.yaml", folder=quiz_folder).ask("sc.ordering")
    assert "<script>" not in view.children[0].value and "&lt;script&gt;" in view.children[0].value


def test_text_fallback_where_widgets_cannot_render(quiz_folder: Path) -> None:
    view = Quiz("questions.yaml", folder=quiz_folder).ask("sc.multiple")
    bundle = view._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "[ ] Навчання персоналу є пріоритетом" in bundle["text/plain"]


def test_numeric_refuses_text_that_is_not_a_number(quiz_folder: Path) -> None:
    view = Quiz("questions.yaml", folder=quiz_folder).ask("sc.numeric")
    view.field.value = "три"  # type: ignore[attr-defined]
    assert not (quiz_folder / ANSWERS_FILE).exists()
    assert "не число" in view.status.value


def test_displaying_carries_the_answer_for_the_notebook(
    quiz_folder: Path, displayed: list[dict[str, object]]
) -> None:
    shown = displayed
    view = Quiz("questions.yaml", folder=quiz_folder).ask("sc.single")
    view._ipython_display_()
    view.radio.value = "b"  # type: ignore[attr-defined]
    assert shown[1][MIMETYPE] == {"question": "sc.single", "record": None}
    last = shown[-1][MIMETYPE]
    assert isinstance(last, dict) and last["record"]["value"] == "b"


def test_a_lone_notebook_brings_its_answers_back(
    quiz_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clientlearn.runtime.store import Record, record_bundle

    rec = Record("b", "2026-11-28T10:00:00.000+00:00", 1, "showcase")
    nb = {
        "cells": [
            {
                "cell_type": "code",
                "outputs": [
                    {"output_type": "display_data", "data": record_bundle("sc.single", rec, "uk")}
                ],
            }
        ]
    }
    (quiz_folder / "lesson.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    monkeypatch.setenv("JPY_SESSION_NAME", str(quiz_folder / "lesson.ipynb"))
    view = Quiz("questions.yaml", folder=quiz_folder).ask("sc.single")
    assert view.radio.value == "b"  # type: ignore[attr-defined]


@pytest.mark.parametrize("copy", ["trainer", "participant"])
def test_self_check_scenario_feedback_uses_the_path_score(quiz_folder: Path, copy: str) -> None:
    """A self-check scenario keeps its qualities in the participants' copy, so its
    feedback gives the fraction autograde would: ending × the qualities of the path."""
    from clientlearn.runtime.bank import public_yaml

    bank = quiz_folder / "questions.yaml"
    text = bank.read_text(encoding="utf-8").replace(
        "    points: 2\n    title: {uk: Шум",
        "    mode: selfcheck\n    points: 2\n    title: {uk: Шум",
    )
    bank.write_text(public_yaml(text) if copy == "participant" else text, encoding="utf-8")
    view = Quiz("questions.yaml", folder=quiz_folder).ask("sc.scenario")
    assert isinstance(view, ScenarioView)
    view.choose("approach")
    assert view.feedback.value == ""  # no verdict before an ending
    view.choose("leave")
    # approach (quality 1) × leave (quality 0.5) × the ending "mid" (0.5) = 25 %.
    assert view.question.fraction(["approach", "leave"]) == 0.25
    assert html.escape(tr("partly", "uk", percent=25)) in view.feedback.value


def test_a_failed_save_and_every_notice_are_shown(
    quiz_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clientlearn.core.errors import AnswerStoreError

    (quiz_folder / ANSWERS_FILE).write_text("{ not json", encoding="utf-8")
    quiz = Quiz("questions.yaml", folder=quiz_folder)
    view = quiz.ask("sc.single")
    set_aside = html.escape(quiz.store.notices[0])
    assert "set-aside" in quiz.store.notices[0] and set_aside in view.status.value

    def refuse(*args: object, **kwargs: object) -> None:
        raise AnswerStoreError("the disk is full; free some space and click again")

    monkeypatch.setattr(quiz.store, "save", refuse)
    view.radio.value = "b"  # type: ignore[attr-defined]
    # Why the save failed, and the earlier notice still there (not only the last message).
    assert "the disk is full" in view.status.value and set_aside in view.status.value
    monkeypatch.undo()
    view.radio.value = "c"  # type: ignore[attr-defined]
    assert "the disk is full" not in view.status.value  # the next save clears it
    assert AnswerStore(quiz_folder).get("sc.single").value == "c"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("lang", "said"), [("uk", "Диск заповнено: звільніть місце."), ("en", "The disk is full.")]
)
def test_a_failed_save_is_told_in_the_quiz_language(
    quiz_folder: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    from clientlearn.core.errors import AnswerStoreError

    table = {"full": {"uk": "Диск заповнено: звільніть місце.", "en": "The disk is full."}}
    quiz = Quiz("questions.yaml", folder=quiz_folder, lang=lang)
    view = quiz.ask("sc.single")

    def refuse(*args: object, **kwargs: object) -> None:
        raise AnswerStoreError.said(table, "full")

    monkeypatch.setattr(quiz.store, "save", refuse)
    view.radio.value = "b"  # type: ignore[attr-defined]
    assert html.escape(said) in view.status.value
