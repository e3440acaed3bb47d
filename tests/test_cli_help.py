"""Every command's --help is ours in both languages: its help, its short help in its
group's list and each option's help come from cli/helpwords.py and cli/optionwords.py,
Ukrainian by default and English with --lang en — so a new command or option cannot
come without both texts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from clientlearn.cli import base
from clientlearn.cli.helpwords import COMMANDS
from clientlearn.cli.main import cli
from clientlearn.cli.optionwords import OPTIONS


def _commands(
    command: click.Command, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from _commands(sub, (*path, name))


COMMAND_PATHS = [path for path, _ in _commands(cli)]


def _key(path: tuple[str, ...]) -> str:
    return " ".join(path) or base.ROOT


def _options(command: click.Command) -> list[click.Option]:
    # --help and --version are click's own: clicktexts words them.
    return [p for p in command.params if isinstance(p, click.Option) and p.name not in {"version"}]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _start(key: str, lang: str) -> str:
    """The first 40 characters of the help ``key`` (a command's or an option's)."""
    text = base.command_help(key, lang) if key in COMMANDS else base.option_help(key, lang)
    return _flat(text)[:40]


def _takes_lang(command: click.Command) -> bool:
    return any(p.name == "lang" for p in command.params)


def test_every_command_and_option_has_both_texts() -> None:
    assert len(COMMAND_PATHS) > 30  # the walk reached the subcommands
    keys = set()
    for path, command in _commands(cli):
        assert _key(path) in COMMANDS, f"clientlearn {_key(path)}: no help in helpwords"
        keys.add(_key(path))
        for option in _options(command):
            key = base.option_key(_key(path), option)
            assert key in OPTIONS, f"{key}: no help in optionwords"
            keys.add(key)
    # No entry outlives its command or option.
    assert set(COMMANDS) == {k for k in keys if k in COMMANDS}
    assert set(OPTIONS) - keys == {"--course default"}


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=_key)
def test_help_speaks_ukrainian_by_default_and_english_on_request(path: tuple[str, ...]) -> None:
    command = dict(_commands(cli))[path]
    runner = CliRunner()
    uk = runner.invoke(cli, [*path, "--help"])
    assert uk.exit_code == 0, uk.output
    text = _flat(uk.output)
    assert text.startswith(f"Використання: cli {' '.join(path)}".replace("  ", " "))
    assert "[ПАРАМЕТРИ]" in text and "Параметри:" in text
    assert "Usage" not in text and "Options" not in text and "[OPTIONS]" not in text
    keys = [_key(path), *(base.option_key(_key(path), o) for o in _options(command))]
    for key in keys:
        assert _start(key, "uk") in text, key
        assert _start(key, "en") not in text, f"{key}: English in the Ukrainian help"
    for name in getattr(command, "commands", {}):
        assert "Команди:" in text
        first = base.command_help(_key((*path, name)), "uk").split()[:3]
        assert f"{name} {' '.join(first)}" in text, name

    if not _takes_lang(command):  # the groups and `bank publish` print no messages
        return
    en = runner.invoke(cli, [*path, "--help", "--lang", "en"])
    assert en.exit_code == 0, en.output
    text = _flat(en.output)
    assert "Usage:" in text and "[OPTIONS]" in text and "Options:" in text
    for key in keys:
        assert _start(key, "en") in text, key


def test_a_command_run_on_its_own_finds_its_help() -> None:
    # `report.main()` without the group: the root of the context is the command itself.
    from clientlearn.cli.report import report

    result = CliRunner().invoke(report, ["--help"])
    assert "Записати звіт про групу курсу nbgrader" in _flat(result.output)
    assert "Тека для report-LANG.html." in result.output


def test_the_top_level_list_and_types_in_ukrainian() -> None:
    text = _flat(CliRunner().invoke(cli, ["--help"]).output)
    assert "КОМАНДА [АРГУМЕНТИ]..." in text
    assert "report Записати звіт про групу курсу nbgrader" in text
    demo = _flat(CliRunner().invoke(cli, ["demo", "--help"]).output)
    assert "--participants ЦІЛЕ" in demo and "--db-url ТЕКСТ" in demo
    demo = _flat(CliRunner().invoke(cli, ["demo", "--help", "--lang", "en"]).output)
    assert "--participants INTEGER" in demo and "--db-url TEXT" in demo
    # An argument keeps its own name, in every language and call after call.
    for lang in ("uk", "en", "uk"):
        usage = CliRunner().invoke(cli, ["collect", "--help", "--lang", lang]).output
        assert "MODULE [SOURCES]..." in usage.splitlines()[0]
        usage = CliRunner().invoke(cli, ["certificates", "verify", "--help", "--lang", lang])
        assert usage.output.splitlines()[0].endswith(" CODE")


def test_a_group_lang_is_the_default_of_its_commands(tmp_path: Path) -> None:
    # `clientlearn --lang en …` is English throughout, as --lang after the command is;
    # the innermost --lang wins.
    runner = CliRunner()
    top = _flat(runner.invoke(cli, ["--lang", "en", "--help"]).output)
    assert top.startswith("Usage: cli [OPTIONS] COMMAND [ARGS]...")
    assert "bank Check and publish question banks" in top
    bank = tmp_path / "questions.yaml"
    bank.write_text("id: b\nquestions: [{id: q1, type: single}]\n", encoding="utf-8")
    for lang in ("uk", "en"):
        after = runner.invoke(cli, ["bank", "check", str(bank), "--lang", lang])
        before = runner.invoke(cli, ["--lang", lang, "bank", "check", str(bank)])
        assert after.exit_code == before.exit_code == 1
        assert after.output == before.output
    inner = runner.invoke(cli, ["--lang", "en", "bank", "check", str(bank), "--lang", "uk"])
    assert inner.output == runner.invoke(cli, ["bank", "check", str(bank)]).output
    assert "Помилка" in inner.output or "бракує" in inner.output
    # certificates takes its own options; a --lang given above it is no option of its own.
    verify = ["certificates", "verify", "NOPE", "--course", str(tmp_path)]
    above = runner.invoke(cli, ["--lang", "en", *verify])
    assert above.output == runner.invoke(cli, [*verify, "--lang", "en"]).output
    assert "subcommand" not in above.output and above.exit_code == 1
