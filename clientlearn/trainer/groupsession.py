"""A day's groups as the trainer makes them: formed from the roster and written as
``groups.csv`` with printable cards, and the role-play rotation written as a schedule.

Everything is read and checked before anything is written, so a bad input leaves the
output folder untouched.  The command line (:mod:`clientlearn.cli.groups`) only parses
the options and prints what these return.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.files import write_text_atomic

from .coursefacts import FACTS_FILE, load_course_facts
from .group_errors import MESSAGES
from .groupcards import column_label, label, render_group_cards, render_schedule
from .groups import (
    Group,
    form_groups,
    name_sort_key,
    read_groups_csv,
    read_roster,
    repeated_pairs,
    write_groups_csv,
)
from .rotation import Schedule, load_scenarios, rotate, write_schedule_csv

__all__ = ["FormedGroups", "PlannedRotation", "form_day_groups", "plan_day_rotation"]

# Tried in this order when no balance column is named (read_roster names the columns
# by the one header vocabulary: «Область» is oblast).
BALANCE_GUESSES = ("oblast", "library")


def course_title(course_dir: Path, lang: str) -> str:
    """The course's title for printed pages, from its course.yaml if there is one."""
    if not (course_dir / FACTS_FILE).is_file():
        return ""
    return load_course_facts(course_dir).text("title", lang)


def _prepare(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ClientlearnError.said(MESSAGES, "out_folder", out=out, reason=err.strerror) from err


@dataclass(frozen=True)
class FormedGroups:
    groups: list[Group]
    balance: str | None
    repeats: int | None  # pairs already together in the avoided groups; None without them
    files: tuple[Path, ...]

    def lines(self, lang: str) -> list[str]:
        """What the trainer reads: the groups as a table, then what was done."""
        out = [summary_table(self.groups, lang)]
        if self.balance:
            out.append(label("balanced_on", lang, column=self.balance))
        if self.repeats is not None:
            out.append(label("repeats", lang, n=self.repeats))
        out.append(label("written", lang, files=", ".join(str(f) for f in self.files)))
        return out


def form_day_groups(
    roster: Path,
    out: Path,
    *,
    size: int | None = None,
    count: int | None = None,
    balance: str | None = None,
    seed: int = 0,
    avoid: Path | None = None,
    lang: str = "uk",
    course: str = "",
) -> FormedGroups:
    """Groups of ``roster`` (by ``size`` or ``count``), mixing ``balance`` (guessed:
    oblast, else library), repeating as few pairs of ``avoid``'s groups as possible;
    ``groups.csv`` and ``group-cards.html`` written into ``out``."""
    if (size is None) == (count is None):
        raise ClientlearnError.said(MESSAGES, "size_xor_count")
    people = read_roster(roster, balance=balance)
    if balance is None and people:
        balance = next((c for c in BALANCE_GUESSES if c in people[0].attributes), None)
    previous = [list(g.ids) for g in read_groups_csv(avoid)] if avoid else None
    groups = form_groups(people, size=size, count=count, balance=balance, seed=seed, avoid=previous)
    cards = render_group_cards(groups, lang=lang, course=course)
    _prepare(out)
    write_groups_csv(groups, out / "groups.csv")
    write_text_atomic(out / "group-cards.html", cards)
    repeats = repeated_pairs(groups, previous) if previous is not None else None
    return FormedGroups(groups, balance, repeats, (out / "groups.csv", out / "group-cards.html"))


def summary_table(groups: Sequence[Group], lang: str) -> str:
    """The groups as a plain-text table: number, size and the balance column's mix."""
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


@dataclass(frozen=True)
class PlannedRotation:
    schedule: Schedule
    groups: list[Group]
    rounds: int
    scenarios: int
    files: tuple[Path, ...]

    def lines(self, lang: str) -> list[str]:
        out = [
            label(
                "rotation",
                lang,
                rounds=self.rounds,
                groups=len(self.groups),
                scenarios=self.scenarios,
            )
        ]
        out += [
            label("short", lang, g=g.number, s=len(g), r=self.rounds)
            for g in self.groups
            if len(g) > self.rounds
        ]
        out.append(label("written", lang, files=", ".join(str(f) for f in self.files)))
        return out


def plan_day_rotation(
    groups_csv: Path,
    scenarios_file: Path,
    out: Path,
    *,
    roles: Sequence[str],
    rounds: int | None = None,
    seed: int = 0,
    lang: str = "uk",
    course: str = "",
) -> PlannedRotation:
    """Role-play rounds for the groups of ``groups_csv`` (by default as many rounds as
    the largest group has members); ``schedule.csv`` and ``schedule.html`` into ``out``."""
    found = read_groups_csv(groups_csv)
    scenarios = load_scenarios(scenarios_file)
    n_rounds = rounds if rounds is not None else max(len(g) for g in found)
    schedule = rotate(found, list(roles), rounds=n_rounds, scenarios=scenarios, seed=seed)
    page = render_schedule(schedule, lang=lang, course=course)
    _prepare(out)
    write_schedule_csv(schedule, out / "schedule.csv")
    write_text_atomic(out / "schedule.html", page)
    files = (out / "schedule.csv", out / "schedule.html")
    return PlannedRotation(schedule, found, n_rounds, len(scenarios), files)
