"""The one error path of the ``clientlearn`` command.

Every command and group is built with these classes, so a :class:`ClientlearnError`
anywhere becomes a message and exit code 1 — never a traceback — whether the command is
run through the top-level group or on its own.  The message is in the command's own
``--lang`` (Ukrainian when the command has none or was not reached), after ``Помилка:``
(``Error:`` in English); problems in an input file are printed a line each,
``FILE:LINE: FIELD: message``.  click's own texts (usage, its parse errors, ``--help``)
follow the ``--lang`` among the arguments too, for the duration of the call
(:mod:`.clicktexts`).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import IO, Any

import click

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.i18n import translate

from . import clicktexts

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


def _lang(ctx: click.Context, args: list[str]) -> str:
    """The ``--lang`` of the command being run: its own option, else (a group whose
    subcommand failed before it ran, e.g. while converting its options) the ``--lang``
    among the arguments the group passed on, else Ukrainian."""
    lang = ctx.params.get("lang")
    return lang if isinstance(lang, str) else _lang_in(args)


def _lang_in(args: Sequence[str]) -> str:
    """The ``--lang`` among ``args``, else Ukrainian."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return DEFAULT_LANG


# Every command that prints takes the same --lang; the error path below reads it too.
lang_option = click.option(
    "--lang",
    type=click.Choice(["uk", "en"]),
    default="uk",
    show_default=True,
    help="Language of the messages and of what is written.",
)


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


def _params_speaking(params: list[click.Parameter]) -> list[click.Parameter]:
    """``params`` with the texts click made once (the ``--help`` and ``--version``
    options' help, a path's kind) in the language of the call under way."""
    for param in params:
        if param.help is not None:
            param.help = clicktexts.retranslate(param.help)
        if isinstance(param.type, click.Path):
            param.type.name = clicktexts.retranslate(param.type.name)
    return params


class Command(click.Command):
    # click overloads main on standalone_mode's type; one signature stands for both.
    def main(self, args: Sequence[str] | None = None, **kwargs: Any) -> Any:  # type: ignore[override]
        return _main_speaking(super().main, args, **kwargs)

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        return _params_speaking(super().get_params(ctx))

    def invoke(self, ctx: click.Context) -> Any:
        return _invoke_cleanly(super().invoke, ctx)


class Group(click.Group):
    command_class = Command
    group_class = type  # subgroups are of this same class

    # click overloads main on standalone_mode's type; one signature stands for both.
    def main(self, args: Sequence[str] | None = None, **kwargs: Any) -> Any:  # type: ignore[override]
        return _main_speaking(super().main, args, **kwargs)

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        return _params_speaking(super().get_params(ctx))

    def invoke(self, ctx: click.Context) -> Any:
        return _invoke_cleanly(super().invoke, ctx)
