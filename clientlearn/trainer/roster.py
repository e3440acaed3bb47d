"""The class roster: read as Excel exports it in Ukraine, and checked.

Reading (:func:`read_sheet`, :func:`load_roster`)
    CSV in UTF-8 (with or without BOM) or Windows-1251, comma, semicolon or tab
    (sniffed), any line endings; or the first sheet of an ``.xlsx`` workbook.  A
    file that is neither UTF-8 nor plausible Windows-1251 text is refused rather
    than read as gibberish.  The header row is the first of the top rows that names
    a name column, so a title row above it ("Список учасників") does no harm.
    Headers are matched case-, space- and punctuation-insensitively, in Ukrainian
    or English (the one vocabulary of :mod:`clientlearn.core.headers`).  A
    ``name``/``ПІБ`` column is read as «Прізвище Ім’я [По батькові]»; separate
    columns are joined in that order.

Checking
    Every problem of the file is collected before anything is raised, as one
    :class:`RosterError` naming file, row and column: no name, the same person
    (name and e-mail) twice, a bad e-mail, a bad or repeated id.

Ids (:func:`clientlearn.core.translit.student_id`)
    ``surname_firstname`` by the official Ukrainian transliteration; namesakes get
    ``_2``, ``_3``… in roster order.  An ``id`` column, where filled in, is used as
    it is.

Importing into the gradebook: :mod:`clientlearn.trainer.roster_import`.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from clientlearn.core.errors import InputFileError, Problem
from clientlearn.core.headers import header_fields
from clientlearn.core.tables import Sheet, read_sheet, too_many_cells
from clientlearn.core.translit import APOSTROPHES, student_id

from .roster_words import FIELD_NAMES, MESSAGES

__all__ = [
    "ROSTER_COLUMNS",
    "ROSTER_FILE",
    "Participant",
    "Roster",
    "RosterError",
    "load_roster",
    "roster_csv_text",
]

ROSTER_FILE = "roster.csv"
ROSTER_COLUMNS = ("id", "name", "first_name", "last_name", "library", "oblast", "email")

Status = Literal["new", "updated", "unchanged"]


class RosterError(InputFileError):
    """A roster file has problems; ``problems`` names each one's row and column."""


# ---------------------------------------------------------------- the roster


@dataclass(frozen=True)
class Participant:
    """One person of the roster.  ``name`` is «Прізвище Ім’я [По батькові]»;
    ``row`` is the line (CSV) or row (XLSX) the person came from."""

    row: int
    id: str
    name: str
    first_name: str
    last_name: str
    patronymic: str = ""
    library: str = ""
    oblast: str = ""
    email: str = ""
    extra: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Roster:
    """A checked roster.  ``columns`` maps each recognised field (``name``,
    ``email``…) to the header it came from; ``ignored`` lists the other columns."""

    file: str
    participants: tuple[Participant, ...]
    columns: Mapping[str, str]
    ignored: tuple[str, ...]
    source: str
    header_row: int


_PERSON_FIELDS = ("name", "last_name", "first_name")
_HEADER_SEARCH = 10  # rows looked at for the header (title rows above it are skipped)

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,127}")
_EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_TO_APOSTROPHE = str.maketrans(dict.fromkeys(APOSTROPHES, "’"))  # the project's one style


def _roster_problem(
    file: str, line: int | None, column: str, key: str, /, **values: object
) -> RosterError:
    return RosterError([Problem.said(file, line, column, MESSAGES, key, **values)])


def _clean(text: str) -> str:
    """Spaces collapsed (Alt+Enter and no-break spaces too), NFC."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _person_key(name: str) -> str:
    # The same person typed twice: case, spacing and apostrophe style do not matter.
    return " ".join(name.translate(_TO_APOSTROPHE).replace(",", " ").casefold().split())


def _find_header(sheet: Sheet) -> tuple[int, dict[int, str]]:
    for index, (_, cells) in enumerate(sheet.rows[:_HEADER_SEARCH]):
        fields = header_fields(cells)
        if any(f in _PERSON_FIELDS for f in fields.values()):
            return index, fields
    line, cells = sheet.rows[0]
    found = ", ".join(f"'{c}'" for c in cells if c) or MESSAGES["none_found"]
    raise _roster_problem(sheet.file, line, "header", "no_name_column", found=found)


def _email_problem(file: str, line: int, column: str, email: str) -> Problem | None:
    if _EMAIL.fullmatch(email):
        return None
    letter = _CYRILLIC.search(email)
    if letter:
        return Problem.said(
            file, line, column, MESSAGES, "email_cyrillic", email=email, letter=letter.group()
        )
    key = "email_several" if email.count("@") > 1 else "email_bad"
    return Problem.said(file, line, column, MESSAGES, key, email=email)


@dataclass
class _Row:
    line: int
    values: dict[str, str]
    extra: dict[str, str]


def _rows(
    sheet: Sheet, start: int, header: Sequence[str], fields: Mapping[int, str]
) -> tuple[list[_Row], list[str], list[Problem]]:
    """The people's rows below the header, with unnamed columns that hold data."""
    rows: list[_Row] = []
    unnamed: dict[int, str] = {}
    problems: list[Problem] = []
    for line, cells in sheet.rows[start:]:
        if sheet.delimiter and any(cells[len(header) :]):
            problems.append(too_many_cells(sheet.file, line, len(cells), len(header), sheet))
            continue
        values = {f: _clean(cells[i]) for i, f in fields.items() if i < len(cells)}
        extra: dict[str, str] = {}
        for i, cell in enumerate(cells):
            if i in fields or not cell:
                continue
            if i < len(header) and header[i]:
                extra[header[i]] = cell
            else:
                unnamed.setdefault(i, f"column {i + 1} (no header)")
        if any(values.values()):  # a row with only a number in "№" is not a person
            rows.append(_Row(line, values, extra))
    return rows, [unnamed[i] for i in sorted(unnamed)], problems


def _split_name(full: str) -> tuple[str, str, str]:
    # «Прізвище Ім’я По батькові», the order of Ukrainian lists and documents.
    parts = re.split(r"[\s,]+", full.strip(" ,"))
    return parts[0], parts[1] if len(parts) > 1 else "", " ".join(parts[2:])


def load_roster(path: Path | str) -> Roster:
    """Read and check a roster (CSV or XLSX); raise :class:`RosterError` listing
    every problem, or :class:`ClientlearnError` for an unreadable or empty file."""
    path = Path(path)
    sheet = read_sheet(path, what="roster")
    file = str(path)
    if not sheet.rows:
        raise _roster_problem(file, None, "file", "empty")
    start, fields = _find_header(sheet)
    header_line, header = sheet.rows[start]
    problems: list[Problem] = []
    columns: dict[str, str] = {}
    for i, f in fields.items():
        if f in columns:
            problems.append(
                Problem.said(
                    file,
                    header_line,
                    header[i],
                    MESSAGES,
                    "same_field",
                    first=columns[f],
                    second=header[i],
                    field=FIELD_NAMES.get(f, {"uk": f, "en": f.replace("_", " ")}),
                )
            )
        else:
            columns[f] = header[i]
    rows, unnamed, row_problems = _rows(sheet, start + 1, header, fields)
    problems += row_problems
    ignored = tuple(h for i, h in enumerate(header) if h and i not in fields) + tuple(unnamed)
    name_column = columns.get("name") or columns.get("last_name") or columns["first_name"]

    people: list[tuple[_Row, str, str, str, str]] = []  # row, name, last, first, patronymic
    for row in rows:
        v = row.values
        last, first, patronymic = _split_name(v["name"]) if v.get("name") else ("", "", "")
        if "last_name" in columns or "first_name" in columns:
            last, first = v.get("last_name", last) or last, v.get("first_name", first) or first
        patronymic = v.get("patronymic") or patronymic
        name = v.get("name") or " ".join(p for p in (last, first, patronymic) if p)
        name, last, first, patronymic = (
            s.translate(_TO_APOSTROPHE) for s in (name, last, first, patronymic)
        )
        if not name:
            problems.append(Problem.said(file, row.line, name_column, MESSAGES, "no_name"))
            continue
        email = v.get("email", "")
        if email and (bad := _email_problem(file, row.line, columns["email"], email)):
            problems.append(bad)
        given = v.get("id", "")
        if given and not _ID.fullmatch(given):
            problems.append(
                Problem.said(file, row.line, columns["id"], MESSAGES, "bad_id", id=given)
            )
        people.append((row, name, last, first, patronymic))

    # The same person twice: same name and same e-mail (both rows named).
    first_row: dict[tuple[str, str], int] = {}
    for row, name, *_ in people:
        key = (_person_key(name), row.values.get("email", "").casefold())
        if key in first_row:
            problems.append(
                Problem.said(
                    file,
                    row.line,
                    name_column,
                    MESSAGES,
                    "same_person",
                    name=name,
                    first=first_row[key],
                    second=row.line,
                )
            )
        first_row.setdefault(key, row.line)

    ids = _assign_ids(file, people, columns, problems)
    if problems:
        raise RosterError(problems)
    if not people:
        raise _roster_problem(file, header_line, "file", "no_people", line=header_line)
    participants = tuple(
        Participant(
            row=row.line,
            id=pid,
            name=name,
            first_name=first,
            last_name=last,
            patronymic=patronymic,
            library=row.values.get("library", ""),
            oblast=row.values.get("oblast", ""),
            email=row.values.get("email", ""),
            extra=row.extra,
        )
        for (row, name, last, first, patronymic), pid in zip(people, ids, strict=True)
    )
    return Roster(file, participants, columns, ignored, sheet.source, header_line)


def _assign_ids(
    file: str,
    people: Sequence[tuple[_Row, str, str, str, str]],
    columns: Mapping[str, str],
    problems: list[Problem],
) -> list[str]:
    """Given ids as they are (unique); the others ``surname_firstname``, with
    ``_2``, ``_3``… for namesakes in roster order, never taking a given id."""
    taken: dict[str, int] = {}
    for row, *_ in people:
        given = row.values.get("id", "")
        if not given:
            continue
        if given.casefold() in taken:
            problems.append(
                Problem.said(
                    file,
                    row.line,
                    columns["id"],
                    MESSAGES,
                    "id_twice",
                    id=given,
                    other=taken[given.casefold()],
                )
            )
        taken.setdefault(given.casefold(), row.line)
    ids: list[str] = []
    for row, name, last, first, _ in people:
        given = row.values.get("id", "")
        if given:
            ids.append(given)
            continue
        base = student_id(last, first)
        if not base:
            problems.append(
                Problem.said(
                    file,
                    row.line,
                    columns.get("name") or columns.get("last_name") or columns["first_name"],
                    MESSAGES,
                    "no_latin_id",
                    name=name,
                )
            )
            ids.append("")
            continue
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}_{n}", n + 1
        taken[candidate] = row.line
        ids.append(candidate)
    return ids


def roster_csv_text(participants: Sequence[Participant]) -> str:
    """The ``roster.csv`` the other tools read (columns :data:`ROSTER_COLUMNS`)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(ROSTER_COLUMNS)
    for p in participants:
        writer.writerow([getattr(p, column) for column in ROSTER_COLUMNS])
    return out.getvalue()
