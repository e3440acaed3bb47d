"""Reading handed-in work as it arrives: Moodle downloads, zips and folders.

:func:`candidates` walks a source (see :mod:`clientlearn.grader.intake` for the shapes
it takes) and yields each person's submission as it is labelled there (a Moodle name,
a zip's or a folder's name), or an :class:`Unmatched` for a file outside any person's
folder; :func:`taken_files` picks from a submission what goes to ``submitted/``.
Nothing here reads the roster or writes anything.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.handin.package import MANIFEST, ManifestError, verify
from clientlearn.runtime.store import ANSWERS_FILE

from .collect import MOODLE_NAME, _repair
from .journey_messages import MESSAGES

__all__ = ["TAKEN", "Candidate", "Item", "Unmatched", "candidates", "taken_files"]

# Notebooks, the answers file and any set-aside one (clientlearn.answers.set-aside-….json).
TAKEN = re.compile(rf"(?:.*\.ipynb|{re.escape(ANSWERS_FILE[: -len('.json')])}(?:\..+)?\.json)")
_SKIPPED_PARTS = frozenset({"__MACOSX", ".ipynb_checkpoints"})


@dataclass(frozen=True)
class Item:
    """A file of a submission: its path there, its time, and how to read it."""

    path: str  # inside the submission, "/"-separated
    mtime: float
    read: Callable[[], bytes] = field(compare=False)


@dataclass(frozen=True)
class Candidate:
    """One person's submission as a source labels it."""

    origin: str
    label: str
    items: tuple[Item, ...]
    names: tuple[str, ...] = ()  # other names it goes by (a hand-in manifest's)


@dataclass(frozen=True)
class Unmatched:
    """A submission nothing was copied of: ``reason`` is ``nobody`` (no one on the
    roster by that name), ``several`` (``ids`` share it), ``no_name`` (a file outside
    any person's folder), ``no_notebook`` or ``bad_manifest`` (a hand-in whose files
    differ from its manifest: ``detail`` says which)."""

    origin: str
    label: str
    files: tuple[str, ...]
    reason: str
    ids: tuple[str, ...] = ()
    detail: str = ""


def _skipped(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return any(p in _SKIPPED_PARTS or p.startswith((".", "~$")) for p in parts)


def _zip_time(info: zipfile.ZipInfo) -> float:
    try:
        return time.mktime((*info.date_time, 0, 0, -1))
    except (OverflowError, ValueError):
        return 0.0


def _zip_items(archive: zipfile.ZipFile) -> list[Item]:
    items = []
    for info in archive.infolist():
        if info.is_dir():
            continue
        # Without the UTF-8 flag, Python decodes names as CP437 (old Windows zippers),
        # and some of those write "\" between folders.
        name = info.filename if info.flag_bits & 0x800 else _repair(info.filename)
        name = name.replace("\\", "/")
        if not _skipped(name):
            items.append(Item(name, _zip_time(info), _reader(archive, info)))
    return items


def _reader(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], bytes]:
    return lambda: archive.read(info)


def _open_zip(path: str, data: bytes | None = None, *, lang: str) -> zipfile.ZipFile:
    # Read whole: a class's download is small, and no file stays open afterwards.
    try:
        return zipfile.ZipFile(io.BytesIO(data if data is not None else Path(path).read_bytes()))
    except (zipfile.BadZipFile, OSError) as err:
        raise ClientlearnError.said(MESSAGES, "bad_zip", path=path, error=err) from None


def _folder_items(folder: Path) -> list[Item]:
    items = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and not _skipped(rel):
            items.append(Item(rel, path.stat().st_mtime, path.read_bytes))
    return items


def _expand_zips(items: Sequence[Item], origin: str, lang: str) -> list[Item]:
    """A zip among a person's files (uploaded to Moodle as one file) opened in place."""
    out: list[Item] = []
    for item in items:
        if item.path.lower().endswith(".zip"):
            inner = _open_zip(f"{origin}: {item.path}", item.read(), lang=lang)
            prefix = PurePosixPath(item.path).with_suffix("").as_posix()
            out += [Item(f"{prefix}/{i.path}", i.mtime, i.read) for i in _zip_items(inner)]
        else:
            out.append(item)
    return out


def _moodle_groups(
    items: Sequence[Item], origin: str, lang: str
) -> Iterator[Candidate | Unmatched]:
    """A Moodle download's files by person (the innermost component in Moodle's form)."""
    groups: dict[str, tuple[str, list[Item]]] = {}
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
        groups.setdefault(key, (match["name"], []))[1].append(Item(rel, item.mtime, item.read))
    for key, (name, group) in groups.items():
        yield Candidate(f"{origin}: {key}", name, tuple(_expand_zips(group, origin, lang)))
    if loose:
        yield Unmatched(origin, "", tuple(loose), "no_name")


def _is_moodle(items: Sequence[Item]) -> bool:
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


def candidates(
    source: Path, module: str, lang: str, depth: int = 0
) -> Iterator[Candidate | Unmatched]:
    """The submissions in ``source``, a zip or a folder (the shapes are listed in
    :mod:`clientlearn.grader.intake`); a hand-in made by the notebook's button is
    checked against its manifest (:func:`checked_handin`)."""
    for found in _candidates(source, module, lang, depth):
        yield checked_handin(found, lang) if isinstance(found, Candidate) else found


def checked_handin(candidate: Candidate, lang: str) -> Candidate | Unmatched:
    """``candidate`` with each hand-in manifest in it checked: the files it lists must
    be there with their SHA-256, and no other file beside them.  A whole hand-in's
    files take the manifest's time (UTC, where a zip's entries have no zone) and its
    name is a second label; a damaged one is :class:`Unmatched` (``bad_manifest``)."""
    manifests = [i for i in candidate.items if PurePosixPath(i.path).name == MANIFEST]
    if not manifests:
        return candidate
    items = list(candidate.items)
    names = list(candidate.names)
    for manifest in manifests:
        folder = str(PurePosixPath(manifest.path).parent)
        prefix = "" if folder == "." else folder + "/"
        inside = [i for i in items if i.path.startswith(prefix) and i is not manifest]
        where = f"{candidate.origin}: {manifest.path}" if prefix else candidate.origin
        try:
            contents = {i.path[len(prefix) :]: i.read() for i in inside}
            told = verify(where, manifest.read(), contents, lang)
        except ManifestError as err:
            everything = tuple(i.path for i in candidate.items)
            return Unmatched(
                candidate.origin, candidate.label, everything, "bad_manifest", detail=str(err)
            )
        except (OSError, zipfile.BadZipFile) as err:
            raise ClientlearnError.said(MESSAGES, "cannot_read", path=where, error=err) from err
        moment = told.created.timestamp()
        ids = {id(i) for i in inside}
        items = [Item(i.path, moment, i.read) if id(i) in ids else i for i in items]
        if told.name:
            names.append(told.name)
    return Candidate(candidate.origin, candidate.label, tuple(items), tuple(names))


def _candidates(
    source: Path, module: str, lang: str, depth: int = 0
) -> Iterator[Candidate | Unmatched]:
    if source.is_file():
        items = _zip_items(_open_zip(str(source), lang=lang))
        if _is_moodle(items):
            yield from _moodle_groups(items, str(source), lang)
        else:
            yield Candidate(str(source), source.stem, tuple(_expand_zips(items, str(source), lang)))
        return
    moodle = MOODLE_NAME.match(source.name)
    if moodle:  # one person's folder of an extracted Moodle download
        if moodle["plugin"] == "file":
            items = _expand_zips(_folder_items(source), str(source), lang)
            yield Candidate(str(source), moodle["name"], tuple(items))
    elif _looks_like_submission(source, module) or depth >= 2 or not _holds_work(source):
        yield Candidate(str(source), source.name, tuple(_folder_items(source)))
    else:
        moodle_files: list[Item] = []
        for child in sorted(source.iterdir()):
            if _skipped(child.name):
                continue
            if child.is_dir() or child.suffix.lower() == ".zip":
                yield from _candidates(child, module, lang, depth + 1)
            elif MOODLE_NAME.match(child.name):
                moodle_files.append(Item(child.name, child.stat().st_mtime, child.read_bytes))
            elif TAKEN.fullmatch(child.name):
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


def taken_files(items: Sequence[Item], module: str, released: set[str]) -> list[tuple[str, Item]]:
    """What of a submission goes to ``submitted/``, with its path there: the notebooks
    and answers files in and below the folder holding the module's notebooks (one named
    like the module, else the one with most of the ``released`` notebook names, else
    the shallowest); nothing when it holds no notebook."""
    wanted = [i for i in items if TAKEN.fullmatch(_name(i.path))]
    notebooks = [i.path for i in wanted if i.path.endswith(".ipynb")]
    if not notebooks:
        return []
    root = _module_root(notebooks, module, released)
    prefix = "" if root == "." else root + "/"
    return [(i.path[len(prefix) :], i) for i in wanted if i.path.startswith(prefix)]
