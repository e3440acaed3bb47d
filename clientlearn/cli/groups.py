"""``clientlearn groups``: form groups and role-play rotations, and sum up the group work.

A thin adapter over :mod:`clientlearn.trainer.groups`, :mod:`clientlearn.trainer.rotation`,
:mod:`clientlearn.trainer.groupcards` and :mod:`clientlearn.groupwork`.  Everything is read
and checked before anything is written, so a bad input leaves the output folder
untouched; a :class:`ClientlearnError` becomes a :class:`click.ClickException`
(message, no traceback, exit code 1).  ``summary`` imports pandas and matplotlib
only when it runs, so the ``clientlearn`` command starts fast.
"""

from __future__ import annotations

from pathlib import Path

import click

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.files import write_text_atomic
from clientlearn.trainer.groupcards import (
    LANGS,
    column_label,
    label,
    render_group_cards,
    render_schedule,
)
from clientlearn.trainer.groups import (
    Group,
    form_groups,
    name_sort_key,
    read_groups_csv,
    read_roster,
    repeated_pairs,
    write_groups_csv,
)
from clientlearn.trainer.rotation import DEFAULT_ROLES, load_scenarios, rotate, write_schedule_csv

from . import base
from .courseroot import course_option

__all__ = ["groups"]

# Tried in this order when --balance is not given (read_roster names the columns
# by the one header vocabulary: «Область» is oblast).
_BALANCE_GUESSES = ("oblast", "library")

_in_file = click.Path(dir_okay=False, path_type=Path)
_out_dir = click.Path(file_okay=False, path_type=Path)


def _course_title(course_dir: Path, lang: str) -> str:
    """The course's title for the printed cards, from its course.yaml if there is one."""
    from clientlearn.trainer.coursefacts import FACTS_FILE, load_course_facts

    if not (course_dir / FACTS_FILE).is_file():
        return ""
    return load_course_facts(course_dir).text("title", lang)


def _prepare_out(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ClientlearnError(f"cannot create the output folder {out}: {err.strerror}") from err


def _summary(groups: list[Group], lang: str) -> str:
    balance = next((g.balance for g in groups if g.balance), None)
    header = [label("group_col", lang), label("size", lang)]
    if balance:
        header.append(column_label(balance, lang))
    rows = [header]
    for g in groups:
        row = [str(g.number), str(len(g))]
        if balance:
            mix = sorted(g.mix().items(), key=lambda vc: name_sort_key(vc[0]))
            row.append(", ".join(f"{v or '—'} {c}" for v, c in mix))
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows
    )


@click.group(cls=base.Group, name="groups")
def groups() -> None:
    """Form small groups and role-play rotations for the training."""


@groups.command("form")
@click.argument("roster", type=_in_file)
@click.option("--size", type=int, help="Target group size K; the number of groups is n/K rounded.")
@click.option("--count", type=int, help="Number of groups N.")
@click.option(
    "--balance",
    metavar="COLUMN",
    help="Roster column to mix across groups (default: oblast or library if present).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same groups.")
@click.option(
    "--avoid",
    type=_in_file,
    metavar="PREVIOUS.csv",
    help="groups.csv of an earlier session: repeat as few pairs as possible.",
)
@click.option("--out", type=_out_dir, default=Path("."), show_default=True, help="Output folder.")
@click.option("--lang", type=click.Choice(LANGS), default="uk", show_default=True)
@course_option("The course folder whose course.yaml titles the cards.")
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
        raise click.UsageError("give exactly one of --size K or --count N")
    people = read_roster(roster, balance=balance)
    if balance is None:
        columns = people[0].attributes
        balance = next((c for c in _BALANCE_GUESSES if c in columns), None)
    previous = [list(g.ids) for g in read_groups_csv(avoid)] if avoid else None
    result = form_groups(people, size=size, count=count, balance=balance, seed=seed, avoid=previous)
    cards = render_group_cards(result, lang=lang, course=_course_title(course_dir, lang))
    _prepare_out(out)
    write_groups_csv(result, out / "groups.csv")
    write_text_atomic(out / "group-cards.html", cards)
    click.echo(_summary(result, lang))
    if balance:
        click.echo(label("balanced_on", lang, column=balance))
    if previous is not None:
        click.echo(label("repeats", lang, n=repeated_pairs(result, previous)))
    files = f"{out / 'groups.csv'}, {out / 'group-cards.html'}"
    click.echo(label("written", lang, files=files))


@groups.command("rotate")
@click.argument("groups_csv", type=_in_file)
@click.option(
    "--roles",
    default=",".join(DEFAULT_ROLES),
    show_default=True,
    help="Comma-separated roles; every role but observer is played in turn.",
)
@click.option("--rounds", type=int, help="Number of rounds (default: size of the largest group).")
@click.option(
    "--scenarios",
    "scenarios_file",
    type=_in_file,
    required=True,
    help="YAML or CSV list of scenario ids and titles.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same schedule.")
@click.option("--out", type=_out_dir, default=Path("."), show_default=True, help="Output folder.")
@click.option("--lang", type=click.Choice(LANGS), default="uk", show_default=True)
@course_option("The course folder whose course.yaml titles the schedule.")
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
    found = read_groups_csv(groups_csv)
    scenarios = load_scenarios(scenarios_file)
    n_rounds = rounds if rounds is not None else max(len(g) for g in found)
    schedule = rotate(found, roles.split(","), rounds=n_rounds, scenarios=scenarios, seed=seed)
    page = render_schedule(schedule, lang=lang, course=_course_title(course_dir, lang))
    _prepare_out(out)
    write_schedule_csv(schedule, out / "schedule.csv")
    write_text_atomic(out / "schedule.html", page)
    click.echo(
        label("rotation", lang, rounds=n_rounds, groups=len(found), scenarios=len(scenarios))
    )
    for g in found:
        if len(g) > n_rounds:
            click.echo(label("short", lang, g=g.number, s=len(g), r=n_rounds))
    files = f"{out / 'schedule.csv'}, {out / 'schedule.html'}"
    click.echo(label("written", lang, files=files))


@groups.command("summary")
@click.argument("submissions_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", type=_out_dir, default=Path("."), show_default=True, help="Output folder.")
@click.option(
    "--rubric",
    "rubrics",
    type=_in_file,
    multiple=True,
    metavar="RUBRIC.yaml",
    help="A course rubric besides the shipped ones (repeat for several).",
)
@click.option("--lang", type=click.Choice(LANGS), default="uk", show_default=True)
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
