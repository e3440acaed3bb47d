"""The one error path of the ``clientlearn`` command.

Every command and group is built with these classes, so a :class:`ClientlearnError`
anywhere becomes a message and exit code 1 — never a traceback — whether the command is
run through the top-level group or on its own.  The message is in the command's own
``--lang`` (Ukrainian when the command has none or was not reached), after ``Помилка:``
(``Error:`` in English); problems in an input file are printed a line each,
``FILE:LINE: FIELD: message``.
"""

from __future__ import annotations

from typing import IO, Any

import click

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.i18n import translate

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
    if isinstance(lang, str):
        return lang
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


class Command(click.Command):
    def invoke(self, ctx: click.Context) -> Any:
        return _invoke_cleanly(super().invoke, ctx)


class Group(click.Group):
    command_class = Command
    group_class = type  # subgroups are of this same class

    def invoke(self, ctx: click.Context) -> Any:
        return _invoke_cleanly(super().invoke, ctx)
