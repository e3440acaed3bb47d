"""Under nbgrader nobody can click: questions show the saved answer as text, not a widget."""

from __future__ import annotations

from pathlib import Path

import pytest

from clientlearn import Quiz
from clientlearn.runtime.static import StaticView
from clientlearn.runtime.store import MIMETYPE, AnswerStore
from clientlearn.runtime.widgets import QuestionView


def test_in_a_participants_kernel_a_question_is_a_widget(
    quiz_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    assert isinstance(Quiz(folder=quiz_folder).ask("sc.single"), QuestionView)


def test_under_nbgrader_the_answer_is_text_and_the_saved_output_follows(
    quiz_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    displayed: list[dict[str, object]],
) -> None:
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    AnswerStore(quiz_folder).save("sc.multiple", ["a", "c"])
    AnswerStore(quiz_folder).save("sc.ordering", ["clarify", "greet", "listen", "search"])
    quiz = Quiz(folder=quiz_folder)

    view = quiz.ask("sc.multiple")
    assert isinstance(view, StaticView)
    view._ipython_display_()
    shown, saved = displayed
    assert shown["text/plain"] == (
        "Які ознаки свідчать, що бібліотека зорієнтована на клієнта?\n"
        "Навчання персоналу є пріоритетом\n"
        "Керівники підтримують персонал"
    )
    assert "application/vnd.jupyter.widget-view+json" not in shown
    assert "<ul><li>Навчання персоналу є пріоритетом</li>" in str(shown["text/html"])
    # The same saved-answer output a widget shows, so a graded notebook still carries it.
    assert saved[MIMETYPE]["question"] == "sc.multiple"  # type: ignore[index]
    assert saved[MIMETYPE]["record"]["value"] == ["a", "c"]  # type: ignore[index]

    ordering = quiz.ask("sc.ordering")._repr_mimebundle_()
    assert "<ol>" in ordering["text/html"]  # an order is shown numbered

    unanswered = quiz.ask("sc.numeric")._repr_mimebundle_()
    assert unanswered["text/plain"].endswith("\nВідповіді не було.")


def test_what_a_participant_typed_is_escaped(
    quiz_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    AnswerStore(quiz_folder).save("sc.text", "<img src=x onerror=alert(1)>")
    html = Quiz(folder=quiz_folder).ask("sc.text")._repr_mimebundle_()["text/html"]
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_self_assessments_and_group_tools_are_text_under_nbgrader(
    quiz_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clientlearn.groupwork import exercise_timer, group_answer, observer_rubric
    from clientlearn.runtime.selfassess.instruments import load_instrument
    from clientlearn.selfassess import instrument_view

    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    confidence = load_instrument("confidence")
    first, second = confidence.items[:2]
    AnswerStore(quiz_folder).save(confidence.record_id("before"), {first.id: 4, second.id: 2})
    view = instrument_view("confidence", folder=quiz_folder, phase="before")
    assert isinstance(view, StaticView)
    text = view.as_text()
    assert text.splitlines()[2:4] == [f"1. [4] {first.text['uk']}", f"2. [2] {second.text['uk']}"]
    assert f"3. [ ] {confidence.items[2].text['uk']}" in text
    assert view.bundle[MIMETYPE]["record"]["value"] == {first.id: 4, second.id: 2}

    timer = exercise_timer(7.5, label="Стратегія")
    assert isinstance(timer, StaticView) and timer.as_text() == "Таймер «Стратегія»: 07:30"
    rubric = observer_rubric("roleplay", folder=quiz_folder)
    assert isinstance(rubric, StaticView) and len(rubric.lines) >= 3
    form = group_answer("m1.strategy", prompt={"uk": "Ваша стратегія", "en": "Your strategy"})
    assert isinstance(form, StaticView) and form.title == "Ваша стратегія"
