"""Importing the class roster into nbgrader's gradebook (the roster itself:
:mod:`clientlearn.trainer.roster`).

Students are added to or updated in ``gradebook.db`` with nbgrader's own Gradebook
API, and ``roster.csv`` (UTF-8 with BOM, for Excel) is written next to it for the other
tools.  Students already in the gradebook but not in the roster are left as they are.
The gradebook API commits per student, so on any failure the students of this run are
put back as they were.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.files import write_text_atomic
from clientlearn.core.i18n import LANGUAGES, translate
from clientlearn.grader.gradebook import gradebook_url, open_gradebook, scripts_on_path, sqlite_file

from .roster import (
    ROSTER_FILE,
    Participant,
    Roster,
    Status,
    load_roster,
    roster_csv_text,
)
from .roster_words import MESSAGES

__all__ = ["Change", "ImportResult", "import_roster"]


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
    gradebook: str
    """The gradebook's URL (nbgrader's ``CourseDirectory.db_url``)."""
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


def _read_students(root: Path, url: str) -> dict[str, _Record]:
    """The gradebook's students; a SQLite gradebook is read without writing a byte
    (unlike opening a nbgrader Gradebook, which creates tables and rows)."""
    db = sqlite_file(url)
    if db is None:
        with open_gradebook(root) as gb:
            return {
                s.id: {"first_name": s.first_name, "last_name": s.last_name, "email": s.email}
                for s in gb.students
            }
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
        raise ClientlearnError.said(MESSAGES, "gradebook_unreadable", db=db, error=err) from err
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
        raise ClientlearnError.said(MESSAGES, "not_course", root=root)
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
    db = gradebook_url(root)
    before = _read_students(root, db)
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


def _apply(result: ImportResult, before: Mapping[str, _Record]) -> None:
    from nbgrader.api import Gradebook

    url = result.gradebook
    db = sqlite_file(url)
    existed = db is None or db.exists()
    pending = [c for c in result.changes if c.status != "unchanged"]
    started: list[Change] = []
    gradebook: Any = None
    try:
        if pending:
            with scripts_on_path():
                gradebook = Gradebook(url)
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
        if db is not None and not existed and undo_error is None:
            db.unlink(missing_ok=True)  # it did not exist before this run
        if not isinstance(err, Exception):
            raise  # Ctrl+C: the gradebook is restored, let it stop the program
        after = {
            lang: translate(MESSAGES, "left_as_was", lang, url=url)
            if undo_error is None
            else translate(MESSAGES, "undo_failed", lang, url=url, undo_error=undo_error)
            for lang in LANGUAGES
        }
        raise ClientlearnError.said(MESSAGES, "import_stopped", error=err, after=after) from err
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
