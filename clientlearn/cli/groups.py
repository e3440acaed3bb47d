"""``clientlearn groups``: form groups and role-play rotations, and sum up the group work.

Parses and prints: forming, rotating and summing up are done by
:mod:`clientlearn.trainer.groupsession` and :mod:`clientlearn.trainer.groupwork`; errors take
the one path of :mod:`.base`.  ``summary`` imports pandas and matplotlib only when it runs,
so the ``clientlearn`` command starts fast.
"""

from __future__ import annotations

from pathlib import Path

import click

from clientlearn.core.i18n import translate
from clientlearn.trainer.group_errors import MESSAGES as GROUP_MESSAGES
from clientlearn.trainer.groupsession import course_title, form_day_groups, plan_day_rotation
from clientlearn.trainer.rotation import DEFAULT_ROLES

from . import base
from .courseroot import course_option

__all__ = ["groups"]

_in_file = click.Path(dir_okay=False, path_type=Path)
_out_dir = click.Path(file_okay=False, path_type=Path)


@click.group(cls=base.Group, name="groups")
def groups() -> None:
    """Form small groups and role-play rotations for the training."""


@groups.command("form")
@click.argument("roster", type=_in_file)
@click.option("--size", type=int)
@click.option("--count", type=int)
@click.option(
    "--balance",
    metavar="COLUMN",
)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option(
    "--avoid",
    type=_in_file,
    metavar="PREVIOUS.csv",
)
@click.option("--out", type=_out_dir, default=Path("."), show_default=True)
@base.lang_option
@course_option()
def form(
    roster: Path,
    size: int | None,
    count: int | None,
    balance: str | None,
    seed: int,
    avoid: Path | None,
    out: Path,
    lang: str,
    course_dir: Path,
) -> None:
    """Split ROSTER (CSV) into groups; write groups.csv and group-cards.html."""
    if (size is None) == (count is None):
        raise click.UsageError(translate(GROUP_MESSAGES, "size_xor_count", lang))
    formed = form_day_groups(
        roster,
        out,
        size=size,
        count=count,
        balance=balance,
        seed=seed,
        avoid=avoid,
        lang=lang,
        course=course_title(course_dir, lang),
    )
    click.echo("\n".join(formed.lines(lang)))


@groups.command("rotate")
@click.argument("groups_csv", type=_in_file)
@click.option(
    "--roles",
    default=",".join(DEFAULT_ROLES),
    show_default=True,
)
@click.option("--rounds", type=int)
@click.option(
    "--scenarios",
    "scenarios_file",
    type=_in_file,
    required=True,
)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--out", type=_out_dir, default=Path("."), show_default=True)
@base.lang_option
@course_option()
def rotate_cmd(
    groups_csv: Path,
    roles: str,
    rounds: int | None,
    scenarios_file: Path,
    seed: int,
    out: Path,
    lang: str,
    course_dir: Path,
) -> None:
    """Plan role-play rounds for GROUPS_CSV; write schedule.csv and schedule.html."""
    planned = plan_day_rotation(
        groups_csv,
        scenarios_file,
        out,
        roles=roles.split(","),
        rounds=rounds,
        seed=seed,
        lang=lang,
        course=course_title(course_dir, lang),
    )
    click.echo("\n".join(planned.lines(lang)))


@groups.command("summary")
@click.argument("submissions_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", type=_out_dir, default=Path("."), show_default=True)
@click.option(
    "--rubric",
    "rubrics",
    type=_in_file,
    multiple=True,
    metavar="RUBRIC.yaml",
)
@base.lang_option
def summary_cmd(submissions_dir: Path, out: Path, rubrics: tuple[Path, ...], lang: str) -> None:
    """Sum up group answers and observer rubrics from SUBMISSIONS_DIR
    (<student>/<assignment>/clientlearn.answers.json): CSV tables and PNG charts."""
    from clientlearn.runtime.groupwork.messages import msg
    from clientlearn.trainer.groupwork.export import render_files, write_files
    from clientlearn.trainer.groupwork.summary import summarize

    result = summarize(submissions_dir, lang=lang, rubrics=rubrics, progress=click.echo)
    files = render_files(result, lang=lang)
    written = write_files(files, out)
    click.echo(msg("step_written", lang, out=out, files=", ".join(p.name for p in written)))
