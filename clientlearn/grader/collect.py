"""Collecting a Moodle "Download all submissions" zip with ``nbgrader zip_collect``.

Moodle names each person's files after the name it displays, the participant's
number in that assignment and the submission plugin::

    Олена Бондаренко_123456_assignsubmission_file_/01_quality_service.ipynb   (in folders)
    Олена Бондаренко_123456_assignsubmission_file_01_quality_service.ipynb    (flat)
    Олена Бондаренко_123456_assignsubmission_onlinetext_/onlinetext.html      (skipped)

:class:`MoodleCollector` maps that name to the nbgrader student id through the
course's ``roster.csv`` (columns ``id, name, first_name, last_name, email``), or,
without one, through the names of the gradebook's students.  Moodle prints "First
Last" or "Last First" depending on the site, turns ``_`` into spaces and strips the
ASCII apostrophe from file names (``Мар'яна`` arrives as ``Маряна``), so names are
compared without case, apostrophes, extra spaces or word order.  A name that
matches nobody, or two people, is skipped with a warning naming the file, and listed
again once every file has been seen, so no submission is dropped silently.

Use it with::

    nbgrader zip_collect MODULE \
        --ZipCollectApp.collector_plugin=clientlearn.nbgrader_plugins.MoodleCollector
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nbgrader.plugins import FileNameCollectorPlugin
from traitlets import List, Unicode

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.headers import header_fields
from clientlearn.core.normalize import normalize_text
from clientlearn.core.tables import read_csv_rows
from clientlearn.runtime.store import ANSWERS_FILE

from .journey_messages import MESSAGES

__all__ = ["MOODLE_NAME", "MoodleCollector", "Person", "name_key", "read_roster"]

MOODLE_NAME = re.compile(
    r"^(?P<name>.+?)_(?P<participant>\d+)_assignsubmission_(?P<plugin>[a-z]+)_(?P<file>.*)$"
)
"""One path component of Moodle's download: the person, their number, the plugin,
and (in a flat download) the file name."""


def name_key(name: str) -> str:
    """The comparison form of a person's name: no case, apostrophes, extra spaces or
    word order ("Мар’яна Кіт", "КІТ  Марʼяна" and "Кіт Маряна" are one key)."""
    words = normalize_text(name.replace("_", " ")).replace("'", "").split()
    return " ".join(sorted(words))


def _repair(text: str) -> str:
    """A name from a zip written without the UTF-8 flag, which Python reads as CP437
    ("Ð\x9eÐ»ÐµÐ½Ð°" for "Олена"), decoded as the UTF-8 it was."""
    try:
        return text.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


@dataclass(frozen=True)
class Person:
    """A participant as the roster or the gradebook knows them."""

    id: str
    names: tuple[str, ...]


def read_roster(path: Path) -> list[Person]:
    """People of a ``roster.csv``; each is known by "first last" and by ``name``.

    Read as every table a trainer brings (UTF-8 or Windows-1251, ',' or ';': a
    roster.csv opened and saved again in Excel still reads), with the one header
    vocabulary of :mod:`clientlearn.core.headers`.
    """
    columns, rows = read_csv_rows(path, what="roster")
    fields: dict[str, str] = {}
    for i, field in header_fields(columns).items():
        fields.setdefault(field, columns[i])
    if "id" not in fields:
        raise ClientlearnError.said(
            MESSAGES, "roster_no_id", path=path, found=", ".join(columns) or MESSAGES["nothing"]
        )
    people = []
    for _, row in rows:
        cells = {field: row.get(column, "").strip() for field, column in fields.items()}
        if not cells["id"]:
            continue
        full = f"{cells.get('first_name', '')} {cells.get('last_name', '')}".strip()
        names = tuple(n for n in (full, cells.get("name", "")) if n)
        people.append(Person(cells["id"], names))
    return people


def gradebook_people(db_url: str) -> list[Person]:
    """People of the gradebook, known by "first last" (when it has their names)."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gb:
        return [
            Person(s.id, (f"{s.first_name or ''} {s.last_name or ''}".strip(),))
            for s in gb.students
            if s.first_name or s.last_name
        ]


class MoodleCollector(FileNameCollectorPlugin):  # type: ignore[misc]
    """Collect a Moodle assignment download: names through the roster, notebooks and
    the answers file kept, online text and unknown names skipped and reported."""

    named_regexp = Unicode(
        MOODLE_NAME.pattern,
        help="Not used: Moodle's names are parsed by clientlearn (kept for nbgrader's help).",
    ).tag(config=True)

    valid_ext = List(
        Unicode(),
        default_value=[".ipynb", ".json"],
        help="File extensions to collect; other files than notebooks must also be "
        "named in extra_files.",
    ).tag(config=True)

    extra_files = List(
        Unicode(),
        default_value=[ANSWERS_FILE],
        help="Files other than notebooks to collect, by exact name (the answers file).",
    ).tag(config=True)

    plugins = List(
        Unicode(),
        default_value=["file"],
        help="Moodle submission plugins whose files are collected; 'onlinetext' holds no notebook.",
    ).tag(config=True)

    roster = Unicode(
        "roster.csv",
        help="The class roster (relative to the course root). Without it, the names "
        "of the gradebook's students are used.",
    ).tag(config=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._people: dict[str, list[str]] | None = None
        self._source = ""
        self._unmatched: dict[str, list[str]] = {}
        self._collected: set[tuple[str, str]] = set()
        self._last: str | None = None

    # --- where things are ----------------------------------------------------
    def _course_root(self) -> Path:
        coursedir = getattr(self.parent, "coursedir", None)
        return Path(coursedir.root) if coursedir is not None else Path.cwd()

    def _extracted_files(self) -> list[str] | None:
        """The files ZipCollectApp hands us, in its order (None outside the app)."""
        app = self.parent
        try:
            structure = os.path.join(app.coursedir.root, app.collect_directory_structure)
            folder = structure.format(
                downloaded=app.downloaded_directory,
                assignment_id=app.coursedir.assignment_id,
                collect_step=app.extracted_directory,
            )
        except AttributeError:
            return None
        return sorted(os.path.join(root, f) for root, _, files in os.walk(folder) for f in files)

    # --- names -----------------------------------------------------------------
    def people(self) -> dict[str, list[str]]:
        """Student ids by name key, from the roster or else the gradebook."""
        if self._people is not None:
            return self._people
        path = self._course_root() / self.roster
        found: Iterable[Person]
        if path.is_file():
            found, self._source = read_roster(path), str(path)
        else:
            coursedir = getattr(self.parent, "coursedir", None)
            found = gradebook_people(coursedir.db_url) if coursedir is not None else []
            self._source = "the gradebook"
            self.log.warning("No %s: matching Moodle names with the gradebook's students", path)
        people: dict[str, list[str]] = {}
        for person in found:
            for key in {name_key(n) for n in person.names}:
                ids = people.setdefault(key, [])
                if person.id not in ids:
                    ids.append(person.id)
        self._people = people
        self.log.info("Matching names against %d people from %s", len(people), self._source)
        return people

    def _skip_name(self, name: str, submitted_file: str, why: str) -> None:
        self._unmatched.setdefault(name, []).append(os.path.basename(submitted_file))
        self.log.warning("Skipping %s: %s; check the names in %s", submitted_file, why, self.roster)

    # --- nbgrader's entry point -----------------------------------------------
    def collect(self, submitted_file: str) -> dict[str, str] | None:
        if self._last is None:
            files = self._extracted_files()
            self._last = files[-1] if files else ""
        try:
            return self._collect(submitted_file)
        finally:
            if submitted_file == self._last:
                self.report()

    def _collect(self, submitted_file: str) -> dict[str, str] | None:
        parts = [_repair(p) for p in Path(submitted_file).parts]
        # The innermost component in Moodle's form names the person: a folder (download
        # in folders, or a sub-folder of the person's files) or the file itself.
        for i in range(len(parts) - 1, -1, -1):
            match = MOODLE_NAME.match(parts[i])
            if match:
                break
        else:
            self._skip_name("(no Moodle name)", submitted_file, "not a Moodle submission name")
            return None
        if match.group("plugin") not in self.plugins:
            self.log.info(
                "Skipping %s: Moodle's %s holds no notebook", submitted_file, match["plugin"]
            )
            return None
        file_id = match.group("file") if i == len(parts) - 1 else parts[-1]
        ext = os.path.splitext(file_id)[1]
        if ext not in self.valid_ext or (ext != ".ipynb" and file_id not in self.extra_files):
            self.log.info(
                "Skipping %s: neither a notebook nor %s", submitted_file, self.extra_files
            )
            return None
        name = match.group("name")
        ids = self.people().get(name_key(name), [])
        if not ids:
            self._skip_name(name, submitted_file, f"nobody named {name!r} in {self._source}")
            return None
        if len(ids) > 1:
            self._skip_name(name, submitted_file, f"{name!r} names {', '.join(ids)}")
            return None
        if (ids[0], file_id) in self._collected:
            # nbgrader stops the whole run on a second file of one name without timestamps.
            self._skip_name(name, submitted_file, f"a second {file_id} for {ids[0]}")
            return None
        self._collected.add((ids[0], file_id))
        self.log.info("%s is %s", name, ids[0])
        return {"student_id": ids[0], "file_id": file_id}

    def report(self) -> None:
        """Log, once all files are seen, every name that was not collected."""
        if not self._unmatched:
            self.log.info("Every Moodle name matched a participant")
            return
        lines = [f"  {name}: {', '.join(files)}" for name, files in sorted(self._unmatched.items())]
        self.log.warning(
            "NOT COLLECTED: %d Moodle name(s) matched no single participant:\n%s\n"
            "Add them to %s (first_name, last_name as Moodle shows them) or fix the "
            "spelling there, then run zip_collect again with --force.",
            len(self._unmatched),
            "\n".join(lines),
            self.roster,
        )
