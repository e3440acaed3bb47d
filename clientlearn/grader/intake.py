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
import io
import os
import re
import shutil
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.store import ANSWERS_FILE

from .collect import MOODLE_NAME, Person, _repair, name_key, read_roster
from .journey_messages import msg
from .nbgrader_run import run_nbgrader
from .release import check_course

__all__ = ["IntakeResult", "Passed", "Taken", "Unmatched", "collect_submissions"]

ROSTER_FILE = "roster.csv"
TIMESTAMP_FILE = "timestamp.txt"
# Notebooks, the answers file and any set-aside one (clientlearn.answers.set-aside-….json).
_TAKEN = re.compile(rf"(?:.*\.ipynb|{re.escape(ANSWERS_FILE[: -len('.json')])}(?:\..+)?\.json)")
_SKIPPED_PARTS = frozenset({"__MACOSX", ".ipynb_checkpoints"})
_COPY_SUFFIX = re.compile(r"\s*(?:\(\d+\)|-\d+|_\d+)$")  # "name (1).zip" from a browser


@dataclass(frozen=True)
class _Item:
    path: str  # inside the submission, "/"-separated
    mtime: float
    read: Callable[[], bytes] = field(compare=False)


@dataclass(frozen=True)
class _Candidate:
    origin: str
    label: str
    items: tuple[_Item, ...]


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


@dataclass(frozen=True)
class Unmatched:
    """A submission nothing was copied of: ``reason`` is ``nobody`` (no one on the
    roster by that name), ``several`` (``ids`` share it), ``no_name`` (a file outside
    any person's folder) or ``no_notebook``."""

    origin: str
    label: str
    files: tuple[str, ...]
    reason: str
    ids: tuple[str, ...] = ()


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


# --- reading sources ---------------------------------------------------------------


def _skipped(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return any(p in _SKIPPED_PARTS or p.startswith((".", "~$")) for p in parts)


def _zip_time(info: zipfile.ZipInfo) -> float:
    try:
        return time.mktime((*info.date_time, 0, 0, -1))
    except (OverflowError, ValueError):
        return 0.0


def _zip_items(archive: zipfile.ZipFile) -> list[_Item]:
    items = []
    for info in archive.infolist():
        if info.is_dir():
            continue
        # Without the UTF-8 flag, Python decodes names as CP437 (old Windows zippers),
        # and some of those write "\" between folders.
        name = info.filename if info.flag_bits & 0x800 else _repair(info.filename)
        name = name.replace("\\", "/")
        if not _skipped(name):
            items.append(_Item(name, _zip_time(info), _reader(archive, info)))
    return items


def _reader(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], bytes]:
    return lambda: archive.read(info)


def _open_zip(path: str, data: bytes | None = None, *, lang: str) -> zipfile.ZipFile:
    # Read whole: a class's download is small, and no file stays open afterwards.
    try:
        return zipfile.ZipFile(io.BytesIO(data if data is not None else Path(path).read_bytes()))
    except (zipfile.BadZipFile, OSError) as err:
        raise ClientlearnError(msg("bad_zip", lang, path=path, error=err)) from None


def _folder_items(folder: Path) -> list[_Item]:
    items = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and not _skipped(rel):
            items.append(_Item(rel, path.stat().st_mtime, path.read_bytes))
    return items


def _expand_zips(items: Sequence[_Item], origin: str, lang: str) -> list[_Item]:
    """A zip among a person's files (uploaded to Moodle as one file) opened in place."""
    out: list[_Item] = []
    for item in items:
        if item.path.lower().endswith(".zip"):
            inner = _open_zip(f"{origin}: {item.path}", item.read(), lang=lang)
            prefix = PurePosixPath(item.path).with_suffix("").as_posix()
            out += [_Item(f"{prefix}/{i.path}", i.mtime, i.read) for i in _zip_items(inner)]
        else:
            out.append(item)
    return out


def _moodle_groups(
    items: Sequence[_Item], origin: str, lang: str
) -> Iterator[_Candidate | Unmatched]:
    """A Moodle download's files by person (the innermost component in Moodle's form)."""
    groups: dict[str, tuple[str, list[_Item]]] = {}
    loose: list[str] = []
    for item in items:
        parts = PurePosixPath(item.path).parts
        for i in range(len(parts) - 1, -1, -1):
            match = MOODLE_NAME.match(parts[i])
            if match:
                break
        else:
            loose.append(item.path)
            continue
        if match["plugin"] != "file":  # online text holds no notebook
            continue
        if i == len(parts) - 1:  # a flat download: the file's name follows Moodle's
            key = "/".join([*parts[:i], parts[i][: match.start("file")]])
            rel = match["file"]
        else:
            key, rel = "/".join(parts[: i + 1]), "/".join(parts[i + 1 :])
        groups.setdefault(key, (match["name"], []))[1].append(_Item(rel, item.mtime, item.read))
    for key, (name, group) in groups.items():
        yield _Candidate(f"{origin}: {key}", name, tuple(_expand_zips(group, origin, lang)))
    if loose:
        yield Unmatched(origin, "", tuple(loose), "no_name")


def _is_moodle(items: Sequence[_Item]) -> bool:
    return any(MOODLE_NAME.match(p) for i in items for p in PurePosixPath(i.path).parts)


def _holds_work(folder: Path) -> bool:
    """Notebooks or zips within two levels: a folder without any is named as it is."""
    return any(
        p.suffix.lower() in {".ipynb", ".zip"}
        for pattern in ("*", "*/*", "*/*/*")
        for p in folder.glob(pattern)
    )


def _looks_like_submission(folder: Path, module: str) -> bool:
    """One person's folder: it holds the module folder, or notebooks of its own and no
    other person's work (Moodle's names, zips, folders with notebooks)."""
    if (folder / module).is_dir():
        return True
    children = [c for c in folder.iterdir() if not _skipped(c.name)]
    for child in children:
        if MOODLE_NAME.match(child.name) or child.suffix.lower() == ".zip":
            return False
        if child.is_dir() and (any(child.glob("*.ipynb")) or any(child.glob("*/*.ipynb"))):
            return False
    return any(c.suffix == ".ipynb" and c.is_file() for c in children)


def _candidates(
    source: Path, module: str, lang: str, depth: int = 0
) -> Iterator[_Candidate | Unmatched]:
    """The submissions in ``source`` (see the module docstring)."""
    if source.is_file():
        items = _zip_items(_open_zip(str(source), lang=lang))
        if _is_moodle(items):
            yield from _moodle_groups(items, str(source), lang)
        else:
            yield _Candidate(
                str(source), source.stem, tuple(_expand_zips(items, str(source), lang))
            )
        return
    moodle = MOODLE_NAME.match(source.name)
    if moodle:  # one person's folder of an extracted Moodle download
        if moodle["plugin"] == "file":
            items = _expand_zips(_folder_items(source), str(source), lang)
            yield _Candidate(str(source), moodle["name"], tuple(items))
    elif _looks_like_submission(source, module) or depth >= 2 or not _holds_work(source):
        yield _Candidate(str(source), source.name, tuple(_folder_items(source)))
    else:
        moodle_files: list[_Item] = []
        for child in sorted(source.iterdir()):
            if _skipped(child.name):
                continue
            if child.is_dir() or child.suffix.lower() == ".zip":
                yield from _candidates(child, module, lang, depth + 1)
            elif MOODLE_NAME.match(child.name):
                moodle_files.append(_Item(child.name, child.stat().st_mtime, child.read_bytes))
            elif _TAKEN.fullmatch(child.name):
                yield Unmatched(str(child), "", (child.name,), "no_name")
        if moodle_files:
            yield from _moodle_groups(moodle_files, str(source), lang)


# --- what a submission holds ------------------------------------------------------------


def _module_root(notebooks: Sequence[str], module: str, released: set[str]) -> str:
    """The folder (inside a submission) holding the module's notebooks."""
    folders = sorted({str(PurePosixPath(p).parent) for p in notebooks}, key=_depth)
    named = [f for f in folders if PurePosixPath(f).name.casefold() == module.casefold()]
    if named:
        return named[0]
    hits = {
        f: sum(1 for p in notebooks if _parent(p) == f and _name(p) in released) for f in folders
    }
    return max(folders, key=lambda f: (hits[f], -_depth(f)))


def _depth(folder: str) -> int:
    return 0 if folder == "." else len(PurePosixPath(folder).parts)


def _parent(path: str) -> str:
    return str(PurePosixPath(path).parent)


def _name(path: str) -> str:
    return PurePosixPath(path).name


def _taken_files(
    items: Sequence[_Item], module: str, released: set[str]
) -> list[tuple[str, _Item]]:
    wanted = [i for i in items if _TAKEN.fullmatch(_name(i.path))]
    notebooks = [i.path for i in wanted if i.path.endswith(".ipynb")]
    if not notebooks:
        return []
    root = _module_root(notebooks, module, released)
    prefix = "" if root == "." else root + "/"
    return [(i.path[len(prefix) :], i) for i in wanted if i.path.startswith(prefix)]


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
        p.stat().st_mtime for p in folder.rglob("*") if p.is_file() and _TAKEN.fullmatch(p.name)
    ]
    return max(times) if times else None


def _write(dest: Path, files: Sequence[tuple[str, _Item]], moment: float, lang: str) -> None:
    """The submission into ``dest``, replacing what was there only once it is whole."""
    staging = dest.with_name(f".{dest.name}.collecting")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for rel, item in files:
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(item.read())
            target.chmod(0o644)
            os.utime(target, (item.mtime, item.mtime))
        (staging / TIMESTAMP_FILE).write_text(_utc_text(moment) + "\n", encoding="utf-8")
        old = dest.with_name(f".{dest.name}.replaced")
        shutil.rmtree(old, ignore_errors=True)
        if dest.exists():
            dest.rename(old)
        staging.rename(dest)
        shutil.rmtree(old, ignore_errors=True)
    except (OSError, zipfile.BadZipFile) as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise ClientlearnError(msg("cannot_write", lang, path=dest, error=err)) from err


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
        raise ClientlearnError(msg("not_released", lang, module=name))
    roster_path = course_root / ROSTER_FILE
    if sources and not roster_path.is_file():
        raise ClientlearnError(msg("no_roster", lang, path=roster_path))
    for source in sources:
        if not source.exists():
            raise ClientlearnError(msg("no_source", lang, path=source))
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
    found: dict[str, list[tuple[_Candidate, list[tuple[str, _Item]], float]]] = {}
    for source in sources:
        for candidate in _candidates(source, name, lang):
            if isinstance(candidate, Unmatched):
                result.unmatched.append(candidate)
                continue
            files = _taken_files(candidate.items, name, released)
            everything = tuple(i.path for i in candidate.items)
            ids = roster.match(candidate.label, name)
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
        _write(dest, files, moment, lang)
        result.taken.append(
            Taken(student, chosen.origin, tuple(sorted(rel for rel, _ in files)), moment, existing)
        )
    return result
