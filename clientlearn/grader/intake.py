"""Collecting handed-in work into ``submitted/<id>/<module>/``: ``clientlearn collect``.

A source is any of:

* a Moodle "Download all submissions" zip (or its extracted folder): each person's
  files under Moodle's name for them (:data:`clientlearn.grader.collect.MOODLE_NAME`),
  in folders or flat; a zip a participant uploaded there is opened too;
* a participant's own zip, named by their id (``kovalenko_liudmyla.zip``) or their
  name («Коваленко Людмила.zip»), with the module folder inside or the files flat;
* a participant's folder, named the same way;
* a folder holding any of these.

Every submission is matched to the course's imported roster (``roster.csv``) by id
or by name, as the Moodle collector compares names (no case, apostrophes, extra
spaces or word order).  A submission that matches nobody, or two people, is named in
the result and nothing of it is copied.

What is taken: the notebooks and the answers files (``clientlearn.answers.json``
travels with the notebooks; a set-aside one too), from the folder that holds the
module's notebooks (a folder named like the module, else the one with most of the
released notebook names), keeping their times.  A submission's time is its newest
file's (a zip entry's time, read as this computer's local time); of several for one
person the newest is taken, and a submission already in ``submitted/`` is replaced
only by a newer one.  ``timestamp.txt`` records the time, as nbgrader's own collect
does.
"""

from __future__ import annotations

import calendar
import datetime as dt
import glob
import os
import re
import shutil
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from clientlearn.core.errors import ClientlearnError

from .collect import Person, name_key, read_roster
from .handins import TAKEN, Candidate, Item, Unmatched, candidates, taken_files
from .journey_messages import MESSAGES
from .nbgrader_run import run_nbgrader
from .release import check_course

__all__ = ["IntakeResult", "Passed", "Taken", "Unmatched", "collect_submissions"]

ROSTER_FILE = "roster.csv"
TIMESTAMP_FILE = "timestamp.txt"
_COPY_SUFFIX = re.compile(r"\s*(?:\(\d+\)|-\d+|_\d+)$")  # "name (1).zip" from a browser


@dataclass(frozen=True)
class Taken:
    """A submission copied into ``submitted/``; ``replaced`` is the time of the older
    one it replaced there."""

    student: str
    origin: str
    files: tuple[str, ...]
    time: float
    replaced: float | None = None


@dataclass(frozen=True)
class Passed:
    """A submission not copied because ``kept`` (another source, or ``""`` for the one
    already in ``submitted/``) is as new or newer."""

    student: str
    origin: str
    time: float
    kept: str
    kept_time: float


@dataclass
class IntakeResult:
    """What ``clientlearn collect`` did for one module."""

    module: str
    submitted: Path
    taken: list[Taken] = field(default_factory=list)
    passed: list[Passed] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    exchange: list[str] = field(default_factory=list)
    not_on_roster: list[str] = field(default_factory=list)


# --- the roster ---------------------------------------------------------------------


class _Roster:
    def __init__(self, people: Sequence[Person]) -> None:
        self.ids = {p.id.casefold(): p.id for p in people}
        self.by_name: dict[str, list[str]] = {}
        for person in people:
            for name in {*person.names, person.id}:
                ids = self.by_name.setdefault(name_key(name), [])
                if person.id not in ids:
                    ids.append(person.id)

    def match(self, label: str, module: str) -> list[str]:
        """The ids ``label`` names: one, several (namesakes) or none."""
        bare = _COPY_SUFFIX.sub("", label)
        for text in dict.fromkeys([label, bare, bare.replace(module, "").strip(" _-.")]):
            if not text:
                continue
            if text.casefold() in self.ids:
                return [self.ids[text.casefold()]]
            ids = self.by_name.get(name_key(text))
            if ids:
                return ids
        return []


# --- submitted/ ---------------------------------------------------------------------


def _utc_text(moment: float) -> str:
    return dt.datetime.fromtimestamp(moment, dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f UTC")


def _existing_time(folder: Path) -> float | None:
    stamp = folder / TIMESTAMP_FILE
    if stamp.is_file():
        from nbgrader.utils import parse_utc

        try:
            moment: dt.datetime = parse_utc(stamp.read_text(encoding="utf-8").strip())
            return calendar.timegm(moment.utctimetuple()) + moment.microsecond / 1e6
        except (ValueError, OverflowError, OSError):
            pass  # a damaged stamp: the files' times tell
    times = [
        p.stat().st_mtime for p in folder.rglob("*") if p.is_file() and TAKEN.fullmatch(p.name)
    ]
    return max(times) if times else None


def _write(
    dest: Path, files: Sequence[tuple[str, Item]], moment: float, origin: str, lang: str
) -> None:
    """The submission into ``dest``, replacing what was there only once it is whole."""
    try:
        contents = [(rel, item, item.read()) for rel, item in files]
    except zipfile.BadZipFile as err:  # an entry whose check sum fails
        raise ClientlearnError.said(MESSAGES, "bad_zip", path=origin, error=err) from err
    except OSError as err:
        raise ClientlearnError.said(MESSAGES, "cannot_read", path=origin, error=err) from err
    staging = dest.with_name(f".{dest.name}.collecting")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for rel, item, data in contents:
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            target.chmod(0o644)
            os.utime(target, (item.mtime, item.mtime))
        (staging / TIMESTAMP_FILE).write_text(_utc_text(moment) + "\n", encoding="utf-8")
        old = dest.with_name(f".{dest.name}.replaced")
        shutil.rmtree(old, ignore_errors=True)
        if dest.exists():
            dest.rename(old)
        staging.rename(dest)
        shutil.rmtree(old, ignore_errors=True)
    except OSError as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise ClientlearnError.said(MESSAGES, "cannot_write", path=dest, error=err) from err


# --- the command ---------------------------------------------------------------------


def collect_submissions(
    course_root: Path,
    module: str,
    sources: Sequence[Path],
    *,
    exchange: bool = False,
    lang: str = "uk",
) -> IntakeResult:
    """Collect ``sources`` (and, with ``exchange``, nbgrader's exchange) for ``module``."""
    check_course(course_root, lang)
    name = Path(module).name
    release = course_root / "release" / name
    if not release.is_dir():
        raise ClientlearnError.said(MESSAGES, "not_released", module=name)
    roster_path = course_root / ROSTER_FILE
    if sources and not roster_path.is_file():
        raise ClientlearnError.said(MESSAGES, "no_roster", path=roster_path)
    for source in sources:
        if not source.exists():
            raise ClientlearnError.said(MESSAGES, "no_source", path=source)
    people = read_roster(roster_path) if roster_path.is_file() else []
    roster = _Roster(people)
    submitted = course_root / "submitted"
    result = IntakeResult(name, submitted)

    if exchange:
        before = {
            p.parent.name: _existing_time(p) for p in submitted.glob(f"*/{glob.escape(name)}")
        }
        run_nbgrader(course_root, ["collect", name, "--update"], lang=lang)
        after = {p.parent.name: _existing_time(p) for p in submitted.glob(f"*/{glob.escape(name)}")}
        result.exchange = sorted(s for s, t in after.items() if before.get(s, -1.0) != t)
        if people:
            known = {p.id for p in people}
            result.not_on_roster = [s for s in result.exchange if s not in known]

    released = {p.name for p in release.glob("*.ipynb")}
    found: dict[str, list[tuple[Candidate, list[tuple[str, Item]], float]]] = {}
    for source in sources:
        for candidate in candidates(source, name, lang):
            if isinstance(candidate, Unmatched):
                result.unmatched.append(candidate)
                continue
            files = taken_files(candidate.items, name, released)
            everything = tuple(i.path for i in candidate.items)
            ids = roster.match(candidate.label, name)
            for alias in candidate.names:
                ids = ids or roster.match(alias, name)
            if len(ids) != 1 or not files:
                reason = "several" if len(ids) > 1 else "nobody" if not ids else "no_notebook"
                result.unmatched.append(
                    Unmatched(candidate.origin, candidate.label, everything, reason, tuple(ids))
                )
                continue
            moment = max(item.mtime for _, item in files)
            found.setdefault(ids[0], []).append((candidate, files, moment))

    for student, copies in sorted(found.items()):
        # The newest copy; of equally new ones, the fuller, then the first met.
        best = max(range(len(copies)), key=lambda i: (copies[i][2], len(copies[i][1]), -i))
        chosen, files, moment = copies[best]
        for i, (other, _, other_time) in enumerate(copies):
            if i != best:
                result.passed.append(
                    Passed(student, other.origin, other_time, chosen.origin, moment)
                )
        dest = submitted / student / name
        existing = _existing_time(dest) if dest.is_dir() else None
        if existing is not None and existing >= moment:
            result.passed.append(Passed(student, chosen.origin, moment, "", existing))
            continue
        _write(dest, files, moment, chosen.origin, lang)
        result.taken.append(
            Taken(student, chosen.origin, tuple(sorted(rel for rel, _ in files)), moment, existing)
        )
    return result
