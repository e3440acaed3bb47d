"""click's own texts (usage, its parse errors, --help) follow the command's --lang:
Ukrainian by default, English with --lang en, with click's exit code 2 — and nothing of
it outlives the call."""

from __future__ import annotations

import gettext
import inspect
import re
import string
from pathlib import Path

import click
import click.exceptions
import pytest
from click.testing import CliRunner

from clientlearn.cli.clicktexts import MESSAGES, speaking
from clientlearn.cli.main import cli
from clientlearn.core.i18n import translate


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_a_missing_argument(runner: CliRunner) -> None:
    uk = runner.invoke(cli, ["bank", "check"])
    assert uk.exit_code == 2
    assert "Використання: cli bank check [ПАРАМЕТРИ] FILES..." in uk.output
    assert "Довідка: «cli bank check --help»." in uk.output
    assert "Помилка: Бракує аргументу 'FILES...'." in uk.output
    assert "Usage" not in uk.output and "Missing" not in uk.output

    en = runner.invoke(cli, ["bank", "check", "--lang", "en"])
    assert en.exit_code == 2
    assert "Usage: cli bank check [OPTIONS] FILES..." in en.output
    assert "Try 'cli bank check --help' for help." in en.output
    assert "Error: Missing argument 'FILES...'." in en.output


def test_an_unknown_command(runner: CliRunner) -> None:
    uk = runner.invoke(cli, ["bank", "chek"])
    assert uk.exit_code == 2
    assert "Помилка: Немає команди «chek». Можливо, ви мали на увазі 'check'?" in uk.output

    en = runner.invoke(cli, ["bank", "chek", "--lang=en"])
    assert en.exit_code == 2
    assert "Error: No such command 'chek'. Did you mean 'check'?" in en.output


def test_a_bad_choice_and_a_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    bank = tmp_path / "questions.yaml"
    bank.write_text("questions: []\n", encoding="utf-8")
    uk = runner.invoke(cli, ["bank", "export", str(bank), "--format", "csv"])
    assert uk.exit_code == 2, uk.output
    assert "Помилка: Неправильне значення '--format': «csv» не входить до можливих " in uk.output
    en = runner.invoke(cli, ["bank", "export", str(bank), "--format", "csv", "--lang", "en"])
    assert en.exit_code == 2
    assert "Error: Invalid value for '--format': 'csv' is not one of" in en.output

    uk = runner.invoke(cli, ["bank", "export", str(bank)])
    assert uk.exit_code == 2
    assert "Помилка: Бракує параметра '--format'." in uk.output

    missing = str(tmp_path / "nope.yaml")
    uk = runner.invoke(cli, ["bank", "export", missing, "--format", "gift"])
    assert uk.exit_code == 2
    assert f"Файл «{missing}» не існує." in uk.output
    en = runner.invoke(cli, ["bank", "export", missing, "--format", "gift", "--lang", "en"])
    assert en.exit_code == 2
    assert f"Error: Invalid value for 'FILE': File '{missing}' does not exist." in en.output


def test_help_is_in_the_language_asked_for_each_call(runner: CliRunner) -> None:
    uk = runner.invoke(cli, ["notebook", "build", "--help"])
    assert uk.exit_code == 0
    assert "Параметри:" in uk.output and "Показати цю довідку й вийти." in uk.output
    assert "[типово: uk]" in uk.output
    # click keeps the --help option once made: the next call must not inherit its language
    en = runner.invoke(cli, ["notebook", "build", "--help", "--lang", "en"])
    assert "Options:" in en.output and "Show this message and exit." in en.output
    assert "[default: uk]" in en.output
    top = runner.invoke(cli, ["--help"])
    assert "Команди:" in top.output and "Показати версію й вийти." in top.output


def test_click_is_itself_again_after_the_call(runner: CliRunner) -> None:
    runner.invoke(cli, ["bank", "check"])
    assert click.exceptions._ is gettext.gettext
    assert click.core.ngettext is gettext.ngettext
    with speaking("uk"):
        assert click.exceptions._("Missing argument") == "Бракує аргументу"
        with speaking("en"):
            assert click.exceptions._("Missing argument") == "Missing argument"
        assert click.exceptions._("Missing argument") == "Бракує аргументу"
    assert click.exceptions._ is gettext.gettext


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _click_source() -> str:
    """click's source with its string literals joined as Python joins them."""
    modules = (click.core, click.decorators, click.exceptions, click.formatting, click.parser)
    text = "".join(inspect.getsource(m) for m in (*modules, click.types))
    return re.sub(r'"\s*\n\s*"', "", text).replace("\\n", "\n").replace("\\t", "\t")


_CLICK_SOURCE = _click_source()


@pytest.mark.parametrize("msgid", list(MESSAGES))
def test_each_text_is_clicks_own_with_its_fields(msgid: str) -> None:
    # The key is click's msgid (a click upgrade that rewords it shows here), English
    # gives it back unchanged, and Ukrainian fills in the same fields.
    assert msgid in _CLICK_SOURCE, msgid
    assert translate(MESSAGES, msgid, "en") == msgid
    assert _fields(translate(MESSAGES, msgid, "uk")) == _fields(msgid)
