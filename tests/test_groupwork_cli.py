"""`clientlearn groups summary` through click's CliRunner: files, progress, clean errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from clientlearn.cli import cli
from clientlearn.runtime.store import ANSWERS_FILE, AnswerStore

from .test_groupwork_summary import M2, observation, simulate_class


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_summary_writes_tables_and_charts_with_a_line_per_step(
    runner: CliRunner, tmp_path: Path
) -> None:
    subs = simulate_class(tmp_path)
    out = tmp_path / "summary"
    result = runner.invoke(cli, ["groups", "summary", str(subs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line[:5] for line in lines] == ["[1/4]", "[2/4]", "[3/4]", "[4/4]"]
    assert lines[0] == "[1/4] Прочитано файлів відповідей: 8; учасників: 5"
    assert lines[3].startswith(f"[4/4] Записано в {out}: group-answers.csv, consensus.csv")
    assert (out / "rubric-by-criterion.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(list(out.glob("*.png"))) == 4


def test_summary_in_english_through_the_main_command(runner: CliRunner, tmp_path: Path) -> None:
    subs = simulate_class(tmp_path)
    out = tmp_path / "summary"
    result = runner.invoke(cli, ["groups", "summary", str(subs), "--out", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "[3/4] Observations: 3; participants observed: 2" in result.output
    header = (out / "consensus.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "Exercise;Rank;Step;Borda points;Tied"  # for a Ukrainian Excel


def test_a_score_off_the_scale_fails_cleanly_and_writes_nothing(
    runner: CliRunner, tmp_path: Path
) -> None:
    subs = simulate_class(tmp_path)
    bad = subs / "yurii" / M2
    bad.mkdir(parents=True)
    AnswerStore(bad).save("rubric.1.olena", observation(1, "olena", "Олена", 1, listening=7))
    out = tmp_path / "summary"
    result = runner.invoke(cli, ["groups", "summary", str(subs), "--out", str(out)])
    assert result.exit_code == 1
    assert f"{bad / ANSWERS_FILE}: запис «rubric.1.olena»: бал 7 за «listening»" in (result.output)
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)  # a ClickException, not a crash
    assert not out.exists()


def test_a_damaged_answers_file_fails_cleanly(runner: CliRunner, tmp_path: Path) -> None:
    subs = simulate_class(tmp_path)
    (subs / "olena" / M2 / ANSWERS_FILE).write_bytes(b"\xff\xfe garbage")
    out = tmp_path / "summary"
    result = runner.invoke(cli, ["groups", "summary", str(subs), "--out", str(out)])
    assert result.exit_code == 1
    assert "файл відповідей не читається" in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_an_empty_folder_says_what_layout_is_expected(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["groups", "summary", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "<учасник>/<модуль>/clientlearn.answers.json" in result.output
    assert not (tmp_path / "o").exists()


def test_a_missing_folder_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        cli, ["groups", "summary", str(tmp_path / "nope"), "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "не існує" in result.output


def test_an_output_path_that_is_a_file_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    subs = simulate_class(tmp_path)
    blocker = tmp_path / "blocker"
    blocker.write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["groups", "summary", str(subs), "--out", str(blocker / "out")])
    assert result.exit_code == 1
    assert "не вдається створити теку" in result.output
    assert "Traceback" not in result.output


def test_help_lists_all_three_commands(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["groups", "--help"])
    assert result.exit_code == 0
    for name in ("form", "rotate", "summary"):
        assert name in result.output


PHONE = """\
id: phone
title: {uk: Телефонна розмова, en: Phone call}
levels:
  1: {uk: Потребує розвитку, en: Needs development}
  2: {uk: Частково, en: Partly}
  3: {uk: Добре, en: Good}
  4: {uk: Зразково, en: Exemplary}
criteria:
  - id: greeting
    title: {uk: Привітання і представлення, en: Greeting and introduction}
    levels:
      1: {uk: Немає привітання., en: No greeting.}
      2: {uk: Лише «Алло»., en: Only “Hello”.}
      3: {uk: Вітається й називає бібліотеку., en: Greets and names the library.}
      4: {uk: Вітається, називає бібліотеку й себе., en: Greets, names the library and self.}
"""


def test_a_course_rubric_is_given_with_rubric(runner: CliRunner, tmp_path: Path) -> None:
    subs = simulate_class(tmp_path)
    folder = subs / "petro" / M2
    folder.mkdir(parents=True)
    value = observation(1, "iryna", "Ірина Ткаченко", 2, greeting=4)
    AnswerStore(folder).save("rubric.1.iryna", {**value, "rubric": "phone"})
    out = tmp_path / "summary"
    result = runner.invoke(cli, ["groups", "summary", str(subs), "--out", str(out)])
    assert result.exit_code == 1
    assert "невідома рубрика 'phone' (відомі: roleplay)" in result.output
    args = ["groups", "summary", str(subs), "--out", str(out), "--lang", "en"]
    english = runner.invoke(cli, args)
    assert "unknown rubric 'phone' (known: roleplay)" in english.output
    rubric = tmp_path / "phone.yaml"
    rubric.write_text(PHONE, encoding="utf-8")
    result = runner.invoke(
        cli, ["groups", "summary", str(subs), "--out", str(out), "--rubric", str(rubric)]
    )
    assert result.exit_code == 0, result.output
    assert (out / "phone-criteria.png").exists() and (out / "roleplay-criteria.png").exists()
    table = (out / "rubric-by-criterion.csv").read_text(encoding="utf-8-sig")
    assert "phone;greeting;Привітання і представлення;1;4,0;0;0;0;1" in table


def test_a_bad_course_rubric_lists_its_problems(runner: CliRunner, tmp_path: Path) -> None:
    subs = simulate_class(tmp_path)
    rubric = tmp_path / "phone.yaml"
    rubric.write_text(PHONE.replace("  4: {uk: Зразково, en: Exemplary}\n", ""), encoding="utf-8")
    out = tmp_path / "summary"
    result = runner.invoke(
        cli, ["groups", "summary", str(subs), "--rubric", str(rubric), "--out", str(out)]
    )
    assert result.exit_code == 1
    assert f"{rubric}: levels: очікувано рівні 1, 2, 3, 4, а знайдено [1, 2, 3]" in result.output
    assert not out.exists()
