"""nbgrader test-cell helpers for self-assessments: completion credit, never a key,
nothing on stderr, clamped; require_completed fails only under nbgrader."""

from __future__ import annotations

from pathlib import Path

import pytest

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.selfassess.grading import Incomplete
from clientlearn.runtime.selfassess.instruments import load_instrument
from clientlearn.runtime.store import AnswerStore
from clientlearn.runtime.testcells import Unanswered
from clientlearn.selfassess import completion, require_completed

MODES = load_instrument("conflict_styles")
RID = "selfassess.conflict_styles"


def answer(folder: Path, n: int, rating: int = 3, record: str = RID) -> None:
    AnswerStore(folder).save(record, {i.id: rating for i in MODES.items[:n]})


def test_share_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert completion("conflict_styles", 2, folder=tmp_path) == 0.0
    answer(tmp_path, 15)
    assert completion("conflict_styles", 2, folder=tmp_path) == 1.5  # 2 × 15/20
    answer(tmp_path, 7)
    assert completion("conflict_styles", 3, folder=tmp_path) == 1.05  # 3 × 7/20
    answer(tmp_path, 20)
    assert completion("conflict_styles", 2, folder=tmp_path) == 2.0
    assert capsys.readouterr().err == ""


def test_all_or_nothing_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answer(tmp_path, 19)
    assert completion("conflict_styles", 2, folder=tmp_path, rule="all") == 0.0
    answer(tmp_path, 20)
    assert completion("conflict_styles", 2, folder=tmp_path, rule="all") == 2.0
    assert capsys.readouterr().err == ""


def test_ratings_off_the_scale_do_not_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answer(tmp_path, 20, rating=7)
    assert completion("conflict_styles", 2, folder=tmp_path) == 0.0
    assert capsys.readouterr().err == ""


def test_score_is_clamped_and_bad_arguments_are_refused(tmp_path: Path) -> None:
    answer(tmp_path, 20)
    assert completion("conflict_styles", 0, folder=tmp_path) == 0.0
    with pytest.raises(ClientlearnError, match="negative"):
        completion("conflict_styles", -1, folder=tmp_path)
    with pytest.raises(ClientlearnError, match="rule"):
        completion("conflict_styles", 1, folder=tmp_path, rule="most")  # type: ignore[arg-type]


def test_phases_are_separate_records(tmp_path: Path) -> None:
    conf = load_instrument("confidence")
    AnswerStore(tmp_path).save("selfassess.confidence.before", {i.id: 3 for i in conf.items})
    assert completion("confidence", 1, phase="before", folder=tmp_path) == 1.0
    assert completion("confidence", 1, phase="after", folder=tmp_path) == 0.0


def test_a_damaged_answers_file_is_set_aside_without_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "clientlearn.answers.json").write_text("{not json", encoding="utf-8")
    assert completion("conflict_styles", 2, folder=tmp_path) == 0.0
    out = capsys.readouterr()
    assert out.err == "" and "відкладено" in out.out


def test_require_completed_prints_outside_nbgrader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.delenv("CLIENTLEARN_LANG", raising=False)
    answer(tmp_path, 18)
    require_completed("conflict_styles", folder=tmp_path)
    out = capsys.readouterr()
    assert out.err == ""
    assert out.out.startswith("Самооцінку «Як я дію в конфліктних ситуаціях» ще не завершено")
    answer(tmp_path, 20)
    require_completed("conflict_styles", folder=tmp_path)
    assert capsys.readouterr().out.startswith("✓ Самооцінку «Як я дію в конфліктних ситуаціях»")


def test_require_completed_fails_under_nbgrader_in_ukrainian(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    monkeypatch.delenv("CLIENTLEARN_LANG", raising=False)
    answer(tmp_path, 18)
    with pytest.raises(Incomplete) as caught:
        require_completed("conflict_styles", folder=tmp_path)
    assert isinstance(caught.value, Unanswered) and isinstance(caught.value, AssertionError)
    assert str(caught.value) == (
        "Самооцінку «Як я дію в конфліктних ситуаціях» ще не завершено (відповідей: 18 з 20). "
        "Без оцінки твердження № 19, 20. Поверніться до неї вище, оцініть решту і збережіть "
        "зошит."
    )
    answer(tmp_path, 20)
    require_completed("conflict_styles", folder=tmp_path)  # passes
