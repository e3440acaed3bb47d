"""The one error path of the ``clientlearn`` command.

Every command and group is built with these classes, so a :class:`ClientlearnError`
anywhere becomes a message and exit code 1 — never a traceback — whether the command is
run through the top-level group or on its own.  Problems in an input file are printed a
line each, ``FILE:LINE: FIELD: message``, after ``Error:``.
"""

from __future__ import annotations

from typing import Any

import click

from clientlearn.core.errors import ClientlearnError

__all__ = ["Command", "Group"]


def _invoke_cleanly(invoke: Any, ctx: click.Context) -> Any:
    try:
        return invoke(ctx)
    except ClientlearnError as err:  # an InputFileError's text is its problems, a line each
        raise click.ClickException(str(err)) from None


class Command(click.Command):
    def invoke(self, ctx: click.Context) -> Any:
        return _invoke_cleanly(super().invoke, ctx)


class Group(click.Group):
    command_class = Command
    group_class = type  # subgroups are of this same class

    def invoke(self, ctx: click.Context) -> Any:
        return _invoke_cleanly(super().invoke, ctx)
