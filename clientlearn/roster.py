"""The class roster: read as Excel exports it in Ukraine, checked, imported into nbgrader.

Reading (:func:`read_sheet`, :func:`load_roster`)
    CSV in UTF-8 (with or without BOM) or Windows-1251, comma, semicolon or tab
    (sniffed), any line endings; or the first sheet of an ``.xlsx`` workbook.  A
    file that is neither UTF-8 nor plausible Windows-1251 text is refused rather
    than read as gibberish.  The header row is the first of the top rows that names
    a name column, so a title row above it ("Список учасників") does no harm.
    Headers are matched case-, space- and punctuation-insensitively, in Ukrainian
    or English (see ``_SYNONYMS``).  A ``name``/``ПІБ`` column is read as «Прізвище
    Ім’я [По батькові]»; separate columns are joined in that order.

Checking
    Every problem of the file is collected before anything is raised, as one
    :class:`RosterError` naming file, row and column: no name, the same person
    (name and e-mail) twice, a bad e-mail, a bad or repeated id.

Ids (:func:`clientlearn.translit.student_id`)
    ``surname_firstname`` by the official Ukrainian transliteration; namesakes get
    ``_2``, ``_3``… in roster order.  An ``id`` column, where filled in, is used as
    it is.

Importing (:func:`import_roster`)
    Students are added to or updated in ``gradebook.db`` with nbgrader's own
    Gradebook API, and ``roster.csv`` (UTF-8 with BOM, for Excel) is written next
    to it for the other tools.  Students already in the gradebook but not in the
    roster are left as they are.  The gradebook API commits per student, so on any
    failure the students of this run are put back as they were.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import shutil
import sqlite3
import sys
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .errors import ClientlearnError, InputFileError, Problem
from .files import write_text_atomic
from .tables import Sheet, read_sheet, too_many_cells
from .translit import APOSTROPHES, student_id

__all__ = [
    "GRADEBOOK_FILE",
    "ROSTER_COLUMNS",
    "ROSTER_FILE",
    "Change",
    "ImportResult",
    "Participant",
    "Roster",
    "RosterError",
    "import_roster",
    "load_roster",
    "roster_csv_text",
]

GRADEBOOK_FILE = "gradebook.db"
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


# Header spellings per field, compared after _header_key (case, spaces,
# punctuation and apostrophes removed: "E-mail" → "email", "П.І.Б." → "піб").
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": (
        "fullname",
        "піб",
        "пібучасника",
        "прізвищетаімя",
        "прізвищеімя",
        "прізвищеімяпобатькові",
        "прізвищеімятапобатькові",
    ),
    "first_name": ("firstname", "givenname", "first"),
    "last_name": ("lastname", "surname", "familyname", "last", "прізвище"),
    "patronymic": ("patronymic", "middlename", "побатькові"),
    "library": ("library", "бібліотека", "назвабібліотеки"),
    "oblast": ("oblast", "область", "region", "регіон"),
    "email": (
        "email",
        "emailaddress",
        "mail",
        "електроннапошта",
        "електроннаадреса",
        "адресаелектронноїпошти",
        "елпошта",
        "епошта",
    ),
    "id": ("id", "studentid"),
}
_FIELD_OF = {key: name for name, keys in _SYNONYMS.items() for key in keys}
# "name" and "ім’я" are the whole name, unless a surname column stands next to them.
_NAME_OR_FIRST = frozenset({"name", "імя"})
_PERSON_FIELDS = ("name", "last_name", "first_name")
_HEADER_SEARCH = 10  # rows looked at for the header (title rows above it are skipped)

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,127}")
_EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_TO_APOSTROPHE = str.maketrans(dict.fromkeys(APOSTROPHES, "’"))  # the project's one style


def _roster_problem(file: str, line: int | None, column: str, message: str) -> RosterError:
    return RosterError([Problem(file, line, column, message)])


def _header_key(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFC", text).casefold() if ch.isalnum())


def _clean(text: str) -> str:
    """Spaces collapsed (Alt+Enter and no-break spaces too), NFC."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _person_key(name: str) -> str:
    # The same person typed twice: case, spacing and apostrophe style do not matter.
    return " ".join(name.translate(_TO_APOSTROPHE).replace(",", " ").casefold().split())


def _map_columns(cells: Sequence[str]) -> dict[int, str]:
    """Column index → field, for the header cells that name a known field."""
    keys = [_header_key(c) for c in cells]
    fields = {i: _FIELD_OF[k] for i, k in enumerate(keys) if k in _FIELD_OF}
    has_last = "last_name" in fields.values()
    has_first = "first_name" in fields.values()
    for i, k in enumerate(keys):
        if k in _NAME_OR_FIRST:
            fields[i] = "first_name" if has_last and not has_first else "name"
    return fields


def _find_header(sheet: Sheet) -> tuple[int, dict[int, str]]:
    for index, (_, cells) in enumerate(sheet.rows[:_HEADER_SEARCH]):
        fields = _map_columns(cells)
        if any(f in _PERSON_FIELDS for f in fields.values()):
            return index, fields
    line, cells = sheet.rows[0]
    found = ", ".join(f"'{c}'" for c in cells if c) or "none"
    raise _roster_problem(
        sheet.file,
        line,
        "header",
        f"no column with the people's names (the columns found are: {found}); name it "
        "'ПІБ' (or 'name'), or use two columns 'Прізвище' and 'Ім’я'",
    )


def _email_problem(email: str) -> str | None:
    if _EMAIL.fullmatch(email):
        return None
    letter = _CYRILLIC.search(email)
    if letter:
        return (
            f"'{email}' has the Cyrillic letter '{letter.group()}'; retype the address "
            "in Latin letters"
        )
    if email.count("@") > 1:
        return f"'{email}' holds more than one address; keep one address per person"
    return (
        f"'{email}' is not an e-mail address (like name@example.org); correct it or clear the cell"
    )


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
        raise _roster_problem(
            file,
            None,
            "file",
            "the roster is empty; it needs a header row (ПІБ, бібліотека, область, e-mail) "
            "and one row per person",
        )
    start, fields = _find_header(sheet)
    header_line, header = sheet.rows[start]
    problems: list[Problem] = []
    columns: dict[str, str] = {}
    for i, f in fields.items():
        if f in columns:
            problems.append(
                Problem(
                    file,
                    header_line,
                    header[i],
                    f"columns '{columns[f]}' and '{header[i]}' both hold the {f.replace('_', ' ')}"
                    "; rename or delete one",
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
            problems.append(
                Problem(file, row.line, name_column, "no name; fill it in or delete the row")
            )
            continue
        email = v.get("email", "")
        if email and (bad := _email_problem(email)):
            problems.append(Problem(file, row.line, columns["email"], bad))
        given = v.get("id", "")
        if given and not _ID.fullmatch(given):
            problems.append(
                Problem(
                    file,
                    row.line,
                    columns["id"],
                    f"'{given}' cannot be an nbgrader id; use Latin letters, digits and _ . - @ "
                    "only, or clear the cell to have one made from the name",
                )
            )
        people.append((row, name, last, first, patronymic))

    # The same person twice: same name and same e-mail (both rows named).
    first_row: dict[tuple[str, str], int] = {}
    for row, name, *_ in people:
        key = (_person_key(name), row.values.get("email", "").casefold())
        if key in first_row:
            problems.append(
                Problem(
                    file,
                    row.line,
                    name_column,
                    f"'{name}' is in rows {first_row[key]} and {row.line} with the same e-mail; "
                    "delete one of the two rows",
                )
            )
        first_row.setdefault(key, row.line)

    ids = _assign_ids(file, people, columns, problems)
    if problems:
        raise RosterError(problems)
    if not people:
        raise _roster_problem(
            file,
            header_line,
            "file",
            f"the roster has a header (row {header_line}) but no people; add one row per person",
        )
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
                Problem(
                    file,
                    row.line,
                    columns["id"],
                    f"id '{given}' is also in row {taken[given.casefold()]}; ids must be unique",
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
                Problem(
                    file,
                    row.line,
                    columns.get("name") or columns.get("last_name") or columns["first_name"],
                    f"cannot make a Latin id from '{name}'; add an 'id' column and give this "
                    "person an id of Latin letters, digits and _",
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


# ---------------------------------------------------------------- importing


@dataclass(frozen=True)
class Change:
    """What the import does to one student; ``fields`` are those it changes."""

    participant: Participant
    status: Status
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportResult:
    """The outcome of :func:`import_roster` (or its plan, with ``dry_run``).

    ``others`` are students in the gradebook who are not in this roster; they are
    left as they are."""

    roster: Roster
    changes: tuple[Change, ...]
    others: tuple[str, ...]
    gradebook: Path
    roster_csv: Path
    dry_run: bool

    def count(self, status: Status) -> int:
        return sum(1 for c in self.changes if c.status == status)


_Record = dict[str, str | None]


def _student_fields(p: Participant, roster: Roster) -> _Record:
    fields: _Record = {"first_name": p.first_name or None, "last_name": p.last_name or None}
    # Without an e-mail column the roster says nothing about e-mail: keep the gradebook's.
    if "email" in roster.columns:
        fields["email"] = p.email or None
    return fields


def _read_students(db: Path) -> dict[str, _Record]:
    """The gradebook's students, read without writing a byte (unlike opening a
    nbgrader Gradebook, which creates tables and rows)."""
    if not db.exists():
        return {}
    try:
        uri = db.resolve().as_uri() + "?mode=ro"
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as con:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
            if "student" not in tables:
                return {}
            rows = con.execute("SELECT id, first_name, last_name, email FROM student").fetchall()
    except sqlite3.Error as err:
        raise ClientlearnError(
            f"cannot read the gradebook {db}: {err}; check that it is nbgrader's gradebook.db"
        ) from err
    return {r[0]: {"first_name": r[1], "last_name": r[2], "email": r[3]} for r in rows}


def _plan(roster: Roster, before: Mapping[str, _Record]) -> tuple[Change, ...]:
    changes: list[Change] = []
    for p in roster.participants:
        wanted = _student_fields(p, roster)
        old = before.get(p.id)
        if old is None:
            changes.append(Change(p, "new", tuple(wanted)))
            continue
        differ = tuple(k for k, v in wanted.items() if (old.get(k) or None) != v)
        changes.append(Change(p, "updated" if differ else "unchanged", differ))
    return tuple(changes)


def _course_root(course_root: Path | str) -> Path:
    root = Path(course_root)
    if not (root / "nbgrader_config.py").is_file():
        raise ClientlearnError(
            f"{root} is not an nbgrader course folder (no nbgrader_config.py in it); "
            "point to the course folder (the --course option of the command)"
        )
    return root


def import_roster(
    path: Path | str, course_root: Path | str, *, dry_run: bool = False
) -> ImportResult:
    """Add or update the roster's people as students of the course's gradebook and
    write ``roster.csv`` next to it.

    The roster is authoritative for the fields it has columns for (an empty e-mail
    cell clears the e-mail); without an e-mail column the gradebook's are kept.

    Everything is read and checked first; a bad roster raises :class:`RosterError`
    and writes nothing.  With ``dry_run`` nothing is written at all (the gradebook
    is only read).  If writing fails, the gradebook is restored and a
    :class:`ClientlearnError` says what happened.
    """
    root = _course_root(course_root)
    roster = load_roster(path)
    db = root / GRADEBOOK_FILE
    before = _read_students(db)
    changes = _plan(roster, before)
    ours = {p.id for p in roster.participants}
    result = ImportResult(
        roster=roster,
        changes=changes,
        others=tuple(sorted(i for i in before if i not in ours)),
        gradebook=db,
        roster_csv=root / ROSTER_FILE,
        dry_run=dry_run,
    )
    if not dry_run:
        _apply(result, before)
    return result


@contextlib.contextmanager
def _scripts_on_path() -> Iterator[None]:
    """nbgrader runs the ``alembic`` script by name when it creates a gradebook; it is
    found even when this environment is not activated (``.venv/bin/clientlearn``)."""
    if shutil.which("alembic") is not None:
        yield
        return
    old = os.environ.get("PATH")
    os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), old or ""])
    try:
        yield
    finally:
        if old is None:
            del os.environ["PATH"]
        else:
            os.environ["PATH"] = old


def _apply(result: ImportResult, before: Mapping[str, _Record]) -> None:
    from nbgrader.api import Gradebook

    db = result.gradebook
    existed = db.exists()
    pending = [c for c in result.changes if c.status != "unchanged"]
    started: list[Change] = []
    gradebook: Any = None
    try:
        if pending:
            with _scripts_on_path():
                gradebook = Gradebook(f"sqlite:///{db}")
            for change in pending:
                started.append(change)
                p = change.participant
                gradebook.update_or_create_student(p.id, **_student_fields(p, result.roster))
        write_text_atomic(
            result.roster_csv, roster_csv_text(result.roster.participants), encoding="utf-8-sig"
        )
    except BaseException as err:
        undo_error = _undo(gradebook, started, before)
        if gradebook is not None:
            gradebook.close()
            gradebook = None
        if not existed and undo_error is None:
            db.unlink(missing_ok=True)  # it did not exist before this run
        if not isinstance(err, Exception):
            raise  # Ctrl+C: the gradebook is restored, let it stop the program
        if undo_error is None:
            after = f"the gradebook {db} was left as it was; fix this and run the import again"
        else:
            after = (
                f"putting the gradebook {db} back failed too ({undo_error}), so it may hold part "
                "of this roster; fix this and run the import again (it is safe to repeat)"
            )
        raise ClientlearnError(f"the roster import stopped: {err}; {after}") from err
    finally:
        if gradebook is not None:
            gradebook.close()


def _undo(gradebook: Any, started: Sequence[Change], before: Mapping[str, _Record]) -> str | None:
    """Put the students touched by this run back as they were; the error text if
    that fails too."""
    if gradebook is None or not started:
        return None
    from nbgrader.api import MissingEntry

    try:
        gradebook.db.rollback()  # a failed commit leaves the session unusable until then
        for change in reversed(started):
            sid = change.participant.id
            if sid in before:
                gradebook.update_or_create_student(sid, **before[sid])
            else:
                with contextlib.suppress(MissingEntry):
                    gradebook.remove_student(sid)
    except Exception as err:  # whatever broke the import may break this too
        return str(err) or type(err).__name__
    return None
