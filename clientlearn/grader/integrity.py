"""Signs that a submission was tampered with or copied, read from what was handed in.

Pure functions, each of one question the trainer may ask:

* :func:`identical_answers` — did two participants hand in the same answers file?  Each
  answer record carries the moment it was saved, to the millisecond, and its attempt
  count.  Two honest people may well pick the same options, but they do not click at
  the same millisecond: :data:`MIN_SHARED` or more identical records (value, time and
  attempts of the same question) are a copy.  Empty answers do not count.
* :func:`cell_changes` — which locked or graded cells of a notebook were deleted, and
  which locked cells were edited (nbgrader restores an edited locked cell before it
  grades; a deleted grade cell it cannot run).
* :func:`match_renamed` — which extra notebook is a released notebook under another
  name (the cells nbgrader tracks tell).

:mod:`clientlearn.trainer.report.flags` turns their answers into what the class report shows.

:func:`restore_renamed` applies the last one to a submission folder, for
``clientlearn autograde``: it copies the renamed notebook back under its released name
(the participant's file is kept) so that nbgrader grades it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.files import write_text_atomic
from clientlearn.runtime.store import Record

__all__ = [
    "MIN_SHARED",
    "NOTICE",
    "RENAMED_FROM",
    "CellChanges",
    "Copy",
    "SourceCell",
    "cell_changes",
    "cell_id",
    "identical_answers",
    "match_renamed",
    "notebook_ids",
    "read_notebook",
    "restore_renamed",
]

MIN_SHARED = 3
# Starts a warning that clientlearn's nbgrader steps write for the trainer;
# ``clientlearn autograde`` collects them (AutogradeResult.notices).
NOTICE = "clientlearn: "
# Notebook metadata ``clientlearn.renamed_from``: the participant's name for a notebook
# that restore_renamed copied back under its released name.
RENAMED_FROM = "renamed_from"
_HIDDEN = re.compile(r"^[^\n]*BEGIN HIDDEN TESTS.*?END HIDDEN TESTS[^\n]*$", re.M | re.S)


@dataclass(frozen=True)
class Copy:
    """Two participants whose answers files share ``questions``' records exactly."""

    first: str
    second: str
    questions: tuple[str, ...]


def _trivial(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def identical_answers(
    answers: Mapping[str, Mapping[str, Record]], *, min_shared: int = MIN_SHARED
) -> list[Copy]:
    """Pairs of participants (``answers``: id -> question -> record) with at least
    ``min_shared`` identical non-empty records, sorted."""
    holders: dict[tuple[str, str, str, int], list[str]] = {}
    for student, records in answers.items():
        for qid, rec in records.items():
            if _trivial(rec.value):
                continue
            value = json.dumps(rec.value, sort_keys=True, ensure_ascii=False)
            holders.setdefault((qid, value, rec.saved_at, rec.attempts), []).append(student)
    shared: dict[tuple[str, str], list[str]] = {}
    for (qid, *_), students in holders.items():
        for pair in combinations(sorted(set(students)), 2):
            shared.setdefault(pair, []).append(qid)
    return [
        Copy(a, b, tuple(sorted(qids)))
        for (a, b), qids in sorted(shared.items())
        if len(qids) >= min_shared
    ]


@dataclass(frozen=True)
class SourceCell:
    """A cell nbgrader tracks (its gradebook ``source cell``): ``graded`` when it earns
    points, ``locked`` when participants may not change it."""

    name: str
    source: str
    locked: bool
    graded: bool


@dataclass(frozen=True)
class CellChanges:
    """Cells (by nbgrader id) that a submitted notebook lacks or changed."""

    deleted: tuple[str, ...] = ()
    edited: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.deleted or self.edited)


def _released(source: str) -> str:
    """A cell's source as participants got it (hidden tests removed), compared line by
    line without trailing spaces and blank lines."""
    lines = _HIDDEN.sub("", source).splitlines()
    return "\n".join(line.rstrip() for line in lines if line.strip())


def _source(cell: Mapping[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def cell_id(cell: Mapping[str, Any]) -> str | None:
    """The nbgrader id of a notebook cell (a JSON mapping), if it has one."""
    meta = cell.get("metadata")
    nbgrader = meta.get("nbgrader") if isinstance(meta, Mapping) else None
    name = nbgrader.get("grade_id") if isinstance(nbgrader, Mapping) else None
    return name if isinstance(name, str) else None


def cell_changes(expected: Sequence[SourceCell], cells: Iterable[Mapping[str, Any]]) -> CellChanges:
    """What a submitted notebook's ``cells`` lack or changed of the ``expected`` ones."""
    given: dict[str, str] = {}
    for cell in cells:
        name = cell_id(cell)
        if name is not None:
            given.setdefault(name, _source(cell))
    deleted = tuple(c.name for c in expected if c.name not in given)
    edited = tuple(
        c.name
        for c in expected
        if c.locked and c.name in given and _released(given[c.name]) != _released(c.source)
    )
    return CellChanges(deleted, edited)


def match_renamed(
    missing: Mapping[str, frozenset[str]], extra: Mapping[str, frozenset[str]]
) -> dict[str, str]:
    """Released notebook -> the extra notebook that is it under another name.

    ``missing`` holds the nbgrader ids of each released notebook absent from a folder,
    ``extra`` those of each notebook there that was not released.  An extra notebook is
    the renamed copy of a missing one when it holds cells that only that notebook has
    (a set-up cell every notebook shares says nothing) and none of another notebook's;
    a notebook two files could be, or a file that could be two notebooks, is left
    alone: guessing could grade the wrong work.
    """
    counts = Counter(i for ids in missing.values() for i in ids)
    own = {name: frozenset(i for i in ids if counts[i] == 1) for name, ids in missing.items()}
    candidates = {
        name: [
            other
            for other, ids in extra.items()
            if ids & own[name] and not any(ids & own[n] for n in own if n != name)
        ]
        for name in missing
    }
    taken = Counter(o for found in candidates.values() for o in found)
    return {
        name: found[0]
        for name, found in sorted(candidates.items())
        if len(found) == 1 and taken[found[0]] == 1
    }


def notebook_ids(nb: Mapping[str, Any]) -> frozenset[str]:
    """The nbgrader ids of a notebook's cells."""
    cells = nb.get("cells")
    found = (cell_id(c) for c in cells if isinstance(c, Mapping)) if isinstance(cells, list) else ()
    return frozenset(i for i in found if i)


def read_notebook(path: Path) -> dict[str, Any] | None:
    """A notebook file as JSON data; None if it cannot be read as one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def restore_renamed(folder: Path, released: Mapping[str, frozenset[str]]) -> list[tuple[str, str]]:
    """Copy each renamed notebook of the submission ``folder`` back under its released
    name (``released``: notebook name without ``.ipynb`` -> its nbgrader ids).

    The copy carries ``clientlearn.renamed_from`` in its metadata; the participant's file
    stays as it is, and no existing file is overwritten (a folder that cannot be written
    to is left as it is).  Returns (released file name,
    the participant's file name) of each copy made.
    """
    present = {p.stem: p for p in folder.glob("*.ipynb")}
    missing = {name: ids for name, ids in released.items() if name not in present}
    if not missing:
        return []
    extra: dict[str, frozenset[str]] = {}
    notebooks: dict[str, dict[str, Any]] = {}
    for stem, path in present.items():
        nb = read_notebook(path) if stem not in released else None
        if nb is not None:
            extra[path.name], notebooks[path.name] = notebook_ids(nb), nb
    restored = []
    for name, found in match_renamed(missing, extra).items():
        nb = notebooks[found]
        meta = nb.setdefault("metadata", {})
        if not isinstance(meta, dict):
            continue
        if not isinstance(meta.get("clientlearn"), dict):
            meta["clientlearn"] = {}
        meta["clientlearn"][RENAMED_FROM] = found
        try:
            write_text_atomic(folder / f"{name}.ipynb", json.dumps(nb, ensure_ascii=False))
        except ClientlearnError:  # a read-only folder: the report names it as not graded
            continue
        restored.append((f"{name}.ipynb", found))
    return restored
