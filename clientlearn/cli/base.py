"""The one error path of the ``clientlearn`` command.

Every command and group is built with these classes, so a :class:`ClientlearnError`
anywhere becomes a message and exit code 1 — never a traceback — whether the command is
run through the top-level group or on its own.  The message is in the command's own
``--lang`` (Ukrainian when the command has none or was not reached), after ``Помилка:``
(``Error:`` in English); problems in an input file are printed a line each,
``FILE:LINE: FIELD: message``.  click's own texts (usage, its parse errors, ``--help``)
follow the ``--lang`` among the arguments too, for the duration of the call
(:mod:`.clicktexts`), and so does our own ``--help``: each command's help, its short
help in its group's list, each option's help and the usage line's words come from
:mod:`.helpwords` and :mod:`.optionwords` in the language of the call.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import IO, Any

import click

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.i18n import translate

from . import clicktexts
from .helpwords import COMMANDS, USAGE
from .optionwords import OPTIONS

__all__ = ["Command", "Failure", "Group"]


DEFAULT_LANG = "uk"

# click's own "Error: " prefix is English; ours follows the command's --lang.
MESSAGES: dict[str, dict[str, str]] = {
    "error": {"uk": "Помилка: {message}", "en": "Error: {message}"},
}


class Failure(click.ClickException):
    """A ClientlearnError as click shows it: exit code 1, the prefix in ``lang``."""

    def __init__(self, message: str, lang: str) -> None:
        super().__init__(message)
        self.lang = lang

    def show(self, file: IO[Any] | None = None) -> None:
        text = translate(MESSAGES, "error", self.lang, message=self.format_message())
        click.echo(text, file=file, err=True, color=self.show_color)


_META = "clientlearn.lang"  # a group's --lang, in the meta every context of a call shares


def _lang(ctx: click.Context, args: list[str]) -> str:
    """The ``--lang`` of the command being run: its own option, else (a group whose
    subcommand failed before it ran, e.g. while converting its options) the ``--lang``
    among the arguments the group passed on, else a group's ``--lang``, else Ukrainian."""
    lang = ctx.params.get("lang")
    return lang if isinstance(lang, str) else _lang_in(args, ctx.meta.get(_META, DEFAULT_LANG))


def _lang_in(args: Sequence[str], default: str = DEFAULT_LANG) -> str:
    """The last ``--lang`` among ``args`` (the innermost command's), else ``default``."""
    found = default
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return found


def _spread_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A group's ``--lang`` (``clientlearn --lang en report …``): the default ``--lang``
    of every command under it, and the language of the group's own errors."""
    if value is not None:
        ctx.meta[_META] = value
        ctx.default_map = {**(ctx.default_map or {}), **_lang_defaults(ctx.command, value)}
    return value


def _lang_defaults(command: click.Command, lang: str) -> dict[str, Any]:
    """click's ``default_map`` giving ``lang`` to every command under ``command``."""
    commands: dict[str, click.Command] = getattr(command, "commands", {})
    return {name: {"lang": lang, **_lang_defaults(sub, lang)} for name, sub in commands.items()}


# Every command that prints takes the same --lang; the error path below reads it too.
# Its help, like every option's, is in optionwords.
lang_option = click.option(
    "--lang",
    type=click.Choice(["uk", "en"]),
    default="uk",
    show_default=True,
)

ROOT = "clientlearn"  # the top-level group's key in helpwords, whatever it is called


def help_key(ctx: click.Context) -> str:
    """The command's key in :data:`COMMANDS`: its path below the top-level group.

    A command run on its own (``report.main()``, not through ``clientlearn``) is the
    root of its context: then the root's name is the path's first word."""
    names: list[str] = []
    node: click.Context | None = ctx
    while node is not None:
        names.append(node.command.name or "")
        node = node.parent
    names.reverse()
    path = " ".join(names)
    return path if path in COMMANDS else " ".join(names[1:]) or ROOT


def option_key(command_key: str, option: click.Option) -> str:
    """The option's key in :data:`OPTIONS`: the command's key and its longest name."""
    if option.name == "lang":
        return "group --lang" if option.callback is _spread_lang else "--lang"
    return f"{command_key} {max(option.opts, key=len)}"


def command_help(key: str, lang: str) -> str:
    return translate(COMMANDS, key, lang)


def option_help(key: str, lang: str) -> str:
    course_default = translate(OPTIONS, "--course default", lang)
    return translate(OPTIONS, key, lang, course_default=course_default)


def _short(text: str, limit: int) -> str:
    """The first sentence of ``text``, cut to ``limit`` characters at a word's end."""
    first = text.split(". ", 1)[0].split("\n", 1)[0].rstrip(".")
    if len(first) <= limit:
        return first
    return first[: max(limit - 3, 0)].rsplit(" ", 1)[0] + "..."


def _invoke_cleanly(invoke: Any, ctx: click.Context) -> Any:
    args = list(ctx.args)  # a group's subcommand arguments, before click consumes them
    try:
        return invoke(ctx)
    except ClientlearnError as err:  # an InputFileError's text is its problems, a line each
        lang = _lang(ctx, args)
        raise Failure(err.text(lang), lang) from None


def _main_speaking(main: Any, args: Sequence[str] | None, **kwargs: Any) -> Any:
    """click's ``main`` with click's own texts (usage, its errors, ``--help``) in the
    ``--lang`` among the arguments: parsing fails before any command has read it."""
    argv = list(sys.argv[1:] if args is None else args)
    with clicktexts.speaking(_lang_in(argv)):
        return main(args=argv, **kwargs)


# The metavars put in place of click's by an earlier call, to be put in this call's language.
_OUR_METAVARS = {translate(USAGE, key, lang) for key in USAGE for lang in ("uk", "en")}


def _params_speaking(ctx: click.Context, params: list[click.Parameter]) -> list[click.Parameter]:
    """``params`` with their help (ours from :data:`OPTIONS`; click's own, made once,
    of the ``--help`` and ``--version`` options) and a path's kind in the language of
    the call under way."""
    lang = clicktexts.current_language()
    command = help_key(ctx)
    for param in params:
        key = option_key(command, param) if isinstance(param, click.Option) else ""
        if key in OPTIONS:
            param.help = option_help(key, lang)
        # An option's metavar click makes of its type's name (an argument's is its own name)
        made = param.type.name.upper() if isinstance(param, click.Option) else ""
        if made in USAGE and (param.metavar is None or param.metavar in _OUR_METAVARS):
            param.metavar = translate(USAGE, made, lang)
        elif param.help is not None:
            param.help = clicktexts.retranslate(param.help)
        if isinstance(param.type, click.Path):
            param.type.name = clicktexts.retranslate(param.type.name)
    return params


def _format_help_text(ctx: click.Context, formatter: click.HelpFormatter) -> None:
    """What click's ``format_help_text`` writes, from :data:`COMMANDS`."""
    key = help_key(ctx)
    if key in COMMANDS:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(command_help(key, clicktexts.current_language()))


def _usage_speaking(pieces: list[str]) -> list[str]:
    lang = clicktexts.current_language()
    return [translate(USAGE, piece, lang) if piece in USAGE else piece for piece in pieces]


class _Speaking(click.Command):
    """What a clientlearn command and group share: the one error path, and help, usage and
    click's own texts in the call's language."""

    # click overloads main on standalone_mode's type; one signature stands for both.
    def main(self, args: Sequence[str] | None = None, **kwargs: Any) -> Any:  # type: ignore[override]
        return _main_speaking(super().main, args, **kwargs)

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        return _params_speaking(ctx, super().get_params(ctx))

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _format_help_text(ctx, formatter)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return _usage_speaking(super().collect_usage_pieces(ctx))

    def invoke(self, ctx: click.Context) -> Any:
        return _invoke_cleanly(super().invoke, ctx)


class Command(_Speaking):
    """A clientlearn command (``@click.command(cls=Command)``)."""


class Group(_Speaking, click.Group):
    command_class = Command
    group_class = type  # subgroups are of this same class

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A group's --lang is its commands' default --lang, not a value for its callback.
        lang = click.Option(
            ["--lang"],
            type=click.Choice(["uk", "en"]),
            default=None,
            expose_value=False,
            is_eager=True,
            callback=_spread_lang,
        )
        if not any(param.name == "lang" for param in self.params):  # certificates has its own
            self.params.append(lang)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """click's list of commands, each with the first sentence of its help from
        :data:`COMMANDS` in the language of the call."""
        names = [name for name in self.list_commands(ctx) if not self.commands[name].hidden]
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        lang = clicktexts.current_language()
        prefix = "" if help_key(ctx) == ROOT else help_key(ctx) + " "
        rows = []
        for name in names:
            key = prefix + name
            text = command_help(key, lang) if key in COMMANDS else ""
            rows.append((name, _short(text, limit)))
        with formatter.section(clicktexts.word("Commands")):
            formatter.write_dl(rows)
