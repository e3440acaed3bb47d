"""The groups file (``groups.csv``): the people and groups a trainer forms, read
again in the participant's notebook by the group forms.

Columns: ``group`` (a positive number), ``id`` and/or ``name``, and the column the
groups were balanced on, if any.  Written as UTF-8 with BOM, which Excel needs to
show Cyrillic.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from clientlearn.core.errors import ClientlearnError, InputFileError, Problem
from clientlearn.core.files import write_text_atomic
from clientlearn.core.tables import read_csv_rows

from .messages import MESSAGES

_UK_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'"})


@dataclass(frozen=True)
class Person:
    """One participant.  ``attributes`` holds every roster column, keyed by the
    column name in lower case; ``row`` is the roster line, for messages."""

    id: str
    name: str
    row: int | None = field(default=None, compare=False)
    attributes: Mapping[str, str] = field(default_factory=dict, compare=False)

    def value(self, column: str) -> str:
        """The person's value in ``column`` (``""`` when absent)."""
        return self.attributes.get(column.strip().casefold(), "")


@dataclass(frozen=True)
class Group:
    """A numbered group; ``balance`` names the column it was balanced on."""

    number: int
    members: tuple[Person, ...]
    balance: str | None = None

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.members)

    def __len__(self) -> int:
        return len(self.members)

    def mix(self) -> Counter[str]:
        """How many members have each value of the balance column."""
        if self.balance is None:
            return Counter()
        return Counter(p.value(self.balance) for p in self.members)


def person_key(text: str) -> str:
    """Comparable form of a name: case, spacing and apostrophe style ignored."""
    return " ".join(text.translate(_APOSTROPHES).casefold().split())


def name_sort_key(name: str) -> tuple[int, ...]:
    """Sort key following the Ukrainian alphabet (code points put Є, І, Ї, Ґ out of order)."""
    key: list[int] = []
    for ch in person_key(name):
        pos = _UK_ALPHABET.find(ch)
        key.append(0x110000 + pos if pos >= 0 else ord(ch))
    return tuple(key)


def people_from_rows(
    path: Path, rows: list[tuple[int, dict[str, str]]], columns: list[str], what: str
) -> list[Person]:
    if "id" not in columns and "name" not in columns:
        raise InputFileError(
            [
                Problem.said(
                    str(path),
                    1,
                    "header",
                    MESSAGES,
                    "no_name_column",
                    columns=", ".join(columns) or MESSAGES["none"],
                )
            ]
        )
    key_column = "id" if "id" in columns else "name"
    problems: list[Problem] = []
    people: list[Person] = []
    first_row: dict[str, int] = {}
    for line, row in rows:
        pid = row[key_column]
        name = row.get("name") or pid
        if not pid:
            problems.append(
                Problem.said(str(path), line, key_column, MESSAGES, "empty_cell", column=key_column)
            )
            continue
        key = person_key(pid)
        if key in first_row:
            problems.append(
                Problem.said(
                    str(path),
                    line,
                    key_column,
                    MESSAGES,
                    "duplicate_row",
                    id=pid,
                    row=first_row[key],
                )
            )
            continue
        first_row[key] = line
        people.append(Person(id=pid, name=name, row=line, attributes=row))
    if problems:
        raise InputFileError(problems)
    if not people:
        raise ClientlearnError.said(
            MESSAGES, "no_people", path=path, what=MESSAGES.get(f"what_{what}", {"uk": what})
        )
    return people


def read_groups_csv(path: Path | str) -> list[Group]:
    """Read groups written by :func:`write_groups_csv` (or by hand).

    Columns: ``group`` (a positive number), ``id`` and/or ``name``; the first
    other column, if any, is taken as the balance column.
    """
    path = Path(path)
    columns, rows = read_csv_rows(path, what="groups")
    if "group" not in columns:
        raise InputFileError(
            [
                Problem.said(
                    str(path), 1, "header", MESSAGES, "no_group_column", columns=", ".join(columns)
                )
            ]
        )
    problems: list[Problem] = []
    numbers: dict[int, int] = {}
    for line, row in rows:
        text = row["group"]
        try:
            number = int(text)
        except ValueError:
            number = 0
        if number < 1:
            problems.append(
                Problem.said(str(path), line, "group", MESSAGES, "not_group_number", text=text)
            )
        numbers[line] = number
    if problems:
        raise InputFileError(problems)
    people = people_from_rows(path, rows, columns, "groups")
    others = [c for c in columns if c not in {"group", "id", "name"}]
    balance = others[0] if others else None
    members: dict[int, list[Person]] = {}
    for person in people:
        members.setdefault(numbers[person.row or 0], []).append(person)
    return [Group(number, tuple(members[number]), balance) for number in sorted(members)]


def write_groups_csv(groups: Sequence[Group], path: Path | str) -> None:
    """Write columns group, id, name (and the balance column) as UTF-8 with BOM,
    which Excel needs to show Cyrillic; atomically."""
    balance = next((g.balance for g in groups if g.balance), None)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["group", "id", "name", *([balance] if balance else [])])
    for g in groups:
        for p in g.members:
            writer.writerow([g.number, p.id, p.name, *([p.value(balance)] if balance else [])])
    write_text_atomic(path, out.getvalue(), encoding="utf-8-sig")
