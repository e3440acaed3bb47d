"""An error a trainer meets speaks the command's language: Ukrainian by default, English
under ``--lang en``; ``str(err)`` stays English for logs and code that matches it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from clientlearn.cli.main import cli
from clientlearn.core.errors import ClientlearnError, InputFileError, Problem
from clientlearn.trainer.roster import RosterError, load_roster

TABLE = {
    "gone": {
        "uk": "Файл {path} зник; покладіть його на місце.",
        "en": "{path} is gone; put it back.",
    },
    "kind": {"uk": "Файл {what} порожній.", "en": "The {what} file is empty."},
}


def test_an_error_said_from_a_table_has_both_texts_and_english_str() -> None:
    err = ClientlearnError.said(TABLE, "gone", path="a.csv")
    assert err.text("uk") == "Файл a.csv зник; покладіть його на місце."
    assert err.text("en") == str(err) == "a.csv is gone; put it back."
    with pytest.raises(ClientlearnError, match="is gone"):
        raise err


def test_a_plain_error_is_its_message_in_every_language() -> None:
    err = ClientlearnError("something English")
    assert err.text("uk") == err.text("en") == "something English"


def test_translated_values_and_wrapped_errors_follow_the_language() -> None:
    what = {"uk": "списку учасників", "en": "roster"}
    err = ClientlearnError.said(TABLE, "kind", what=what)
    assert (err.text("uk"), err.text("en")) == (
        "Файл списку учасників порожній.",
        "The roster file is empty.",
    )
    wrapped = ClientlearnError.said(TABLE, "gone", path=err)
    assert wrapped.text("uk").startswith("Файл Файл списку учасників порожній.")
    assert str(wrapped).startswith("The roster file is empty.")


def test_subclasses_keep_working() -> None:
    class Special(ClientlearnError):
        pass

    err = Special.said(TABLE, "gone", path="x")
    assert isinstance(err, Special) and err.text("uk").startswith("Файл x")
    problems = [
        Problem.said("r.csv", 3, "email", TABLE, "gone", path="x"),
        Problem("r.csv", None, "file", "plain"),
    ]
    bad = RosterError(problems)
    assert isinstance(bad, InputFileError)
    assert (
        bad.text("uk")
        == "r.csv:3: email: Файл x зник; покладіть його на місце.\nr.csv: file: plain"
    )
    assert str(bad) == "r.csv:3: email: x is gone; put it back.\nr.csv: file: plain"
    assert problems[0] == Problem("r.csv", 3, "email", "x is gone; put it back.")


def test_a_roster_problem_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("ПІБ;e-mail\nКоваль Марія;марія@example.org\n", encoding="utf-8")
    with pytest.raises(RosterError, match="has the Cyrillic letter") as caught:
        load_roster(path)
    assert f"{path}:2: e-mail: в адресі «марія@example.org» є кирилична літера «м»" in (
        caught.value.text("uk")
    )


def _run(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(cli, args)
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)  # a ClickException, not a crash
    return result.exit_code, result.output


def test_report_speaks_its_language(tmp_path: Path) -> None:
    args = ["report", "--course", str(tmp_path), "--out", str(tmp_path / "out")]
    args += ["--stats", str(tmp_path / "s.ods")]
    code, out = _run(args)
    assert code == 1
    assert "--stats записує файл .xlsx або .csv" in out and "writes" not in out
    code, out = _run([*args, "--lang", "en"])
    assert code == 1
    assert "--stats writes a .xlsx or a .csv file" in out and "записує" not in out


def test_report_on_a_broken_gradebook(tmp_path: Path) -> None:
    (tmp_path / "gradebook.db").write_text("not a database", encoding="utf-8")
    args = ["report", "--course", str(tmp_path), "--out", str(tmp_path / "out")]
    code, out = _run(args)
    assert code == 1 and "це не журнал оцінок nbgrader" in out
    code, out = _run([*args, "--lang=en"])
    assert code == 1 and "not a readable nbgrader gradebook" in out


def test_groups_form_speaks_its_language(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.csv")
    code, out = _run(["groups", "form", missing, "--size", "4"])
    assert code == 1
    assert f"файл списку учасників не знайдено: {missing}" in out
    code, out = _run(["groups", "form", missing, "--size", "4", "--lang", "en"])
    assert code == 1
    assert f"roster file not found: {missing}" in out and "Файл" not in out


@pytest.mark.parametrize("args", [["certificates"], ["certificates", "make"]])
def test_a_group_and_its_subcommand_speak_their_language(tmp_path: Path, args: list[str]) -> None:
    # certificates takes its options itself (the default action) or after `make`.
    code, out = _run([*args, "--course", str(tmp_path)])
    assert code == 1 and out.startswith("Помилка: ") and "course.yaml: file: файлу немає" in out
    code, out = _run([*args, "--course", str(tmp_path), "--lang", "en"])
    assert code == 1 and out.startswith("Error: ") and "course.yaml: file: missing" in out


def test_a_subcommand_failing_before_it_runs_keeps_its_lang() -> None:
    # An option callback fails while the group makes the subcommand's context: the group
    # reports it, in the --lang it finds among the subcommand's arguments.
    import click

    from clientlearn.cli import base

    def refuse(ctx: click.Context, param: click.Parameter, value: str) -> str:
        raise ClientlearnError.said(TABLE, "gone", path=value)

    @click.group(cls=base.Group)
    def top() -> None:
        pass

    @top.command("sub")
    @click.option("--file", callback=refuse, is_eager=True)
    @click.option("--lang", type=click.Choice(["uk", "en"]), default="uk")
    def sub(file: str, lang: str) -> None:
        raise AssertionError("not reached")

    runner = CliRunner()
    result = runner.invoke(top, ["sub", "--file", "a.csv"])
    assert result.exit_code == 1 and result.output == (
        "Помилка: Файл a.csv зник; покладіть його на місце.\n"
    )
    result = runner.invoke(top, ["sub", "--lang", "en", "--file", "a.csv"])
    assert result.exit_code == 1 and result.output == "Error: a.csv is gone; put it back.\n"


def test_both_texts_survive_pickling() -> None:
    # Autograde's workers raise in other processes; the error comes back pickled.
    import pickle

    err = pickle.loads(pickle.dumps(ClientlearnError.said(TABLE, "gone", path="a.csv")))
    assert (str(err), err.text("uk")) == (
        "a.csv is gone; put it back.",
        "Файл a.csv зник; покладіть його на місце.",
    )
