"""Which folder is the nbgrader course: one rule for every ``clientlearn`` command.

A trainer runs commands either inside the course folder (where ``nbgrader`` itself
must be run) or from the repository's top, next to ``course/``.  Without ``--course``
every command therefore takes the current folder if it holds ``nbgrader_config.py``,
and ``./course`` otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

__all__ = ["course_option", "course_root"]

CONFIG = "nbgrader_config.py"

_F = TypeVar("_F", bound=Callable[..., Any])


def course_root(given: Path | None = None, *, cwd: Path | None = None) -> Path:
    """``given`` if a folder was named, else the default course folder of ``cwd``."""
    if given is not None:
        return given
    here = cwd if cwd is not None else Path.cwd()
    return here if (here / CONFIG).is_file() else here / "course"


def course_option(*, param: str = "course_dir") -> Callable[[_F], _F]:
    """``--course DIR`` with the shared default, resolved before the command runs; its
    help, with this rule, is in optionwords ("COMMAND --course")."""

    def resolve(ctx: click.Context, option: click.Parameter, value: Path | None) -> Path:
        return course_root(value)

    return click.option(
        "--course",
        param,
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        callback=resolve,
    )
