"""What in the submissions needs the trainer's attention, for the class report.

:func:`find_flags` reads, for every graded submission of the chosen modules, what was
handed in (``submitted/<student>/<module>/``) and what grading left
(``autograded/…``), against the notebooks nbgrader released (their cells in the
gradebook).  Nothing is changed.  Each :class:`Flag` is one finding; the report words
it (``f_<kind>`` in :data:`clientlearn.trainer.report.page.WORDS`):

* ``edited`` — locked cells were changed; nbgrader put them back before grading, so the
  points are what the answers earn;
* ``deleted_graded`` — graded cells (a test or a written answer) were deleted: 0 points
  for them (:class:`clientlearn.grader.plugins.ScoreDeletedCells`);
* ``deleted_locked`` — other locked cells (a question's own cell) were deleted: the
  answers in the answers file were graded all the same;
* ``renamed`` / ``renamed_ungraded`` — a notebook was handed in under another name;
  ``clientlearn autograde`` graded it under its released name, plain ``nbgrader
  autograde`` did not (0 points);
* ``missing_notebook`` — a released notebook is not in the folder at all (0 points);
* ``set_aside`` — an answers file could not be read and was set aside; the answers the
  notebooks carried were graded;
* ``copied`` — the answers file holds the same records, to the millisecond, as another
  participant's (:func:`clientlearn.grader.integrity.identical_answers`); both are flagged.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from clientlearn.grader.integrity import (
    RENAMED_FROM,
    SourceCell,
    cell_changes,
    identical_answers,
    match_renamed,
    notebook_ids,
    read_notebook,
)
from clientlearn.runtime.bank import Bank
from clientlearn.runtime.questions import pick
from clientlearn.runtime.store import ANSWERS_FILE, Record, decode

__all__ = ["Flag", "cell_titles", "find_flags"]

SET_ASIDE = "clientlearn.answers.set-aside-*.json"
_QUOTES = {"uk": ("«", "»"), "en": ("“", "”")}


@dataclass(frozen=True)
class Flag:
    """One finding about one participant's submission of one module; ``values`` fill the
    words of ``f_<kind>``, ``other`` is another participant's id (``copied``)."""

    student: str
    module: str
    kind: str
    values: Mapping[str, str] = field(default_factory=dict)
    other: str = ""


def _cell_base(qid: str) -> str:
    # authoring.grade_id(qid, suffix) without the suffix (importing authoring loads nbformat).
    return re.sub(r"[^A-Za-z0-9_-]", "_", qid)


def cell_titles(bank: Bank | None, tasks: Mapping[str, str], lang: str) -> dict[str, str]:
    """Grade id -> what people call the cell: a question's title (its cell and its test
    cell), a written task's heading; other cells keep their ids."""
    titles = dict(tasks)
    for q in bank or ():
        title = pick(q.title or q.text, lang)
        titles[f"{_cell_base(q.id)}-ask"] = titles[f"{_cell_base(q.id)}-score"] = title
    return titles


def _released_cells(root: Path, modules: Sequence[str]) -> dict[str, dict[str, list[SourceCell]]]:
    """Per module and notebook, the cells nbgrader tracks, from the gradebook."""
    from nbgrader.api import MissingEntry

    from clientlearn.grader.gradebook import open_gradebook

    out: dict[str, dict[str, list[SourceCell]]] = {}
    with open_gradebook(root, course_id=None) as gb:
        for module in modules:
            try:
                assignment = gb.find_assignment(module)
            except MissingEntry:
                continue
            out[module] = {}
            for nb in assignment.notebooks:
                graded = {c.name for c in nb.grade_cells}
                out[module][nb.name] = [
                    SourceCell(c.name, c.source or "", bool(c.locked), c.name in graded)
                    for c in nb.source_cells
                ]
    return out


def _listed(names: Collection[str], titles: Mapping[str, str], lang: str) -> str:
    left, right = _QUOTES.get(lang, _QUOTES["en"])
    return ", ".join(f"{left}{titles.get(n, n)}{right}" for n in names)


def _notebook_flags(
    student: str,
    module: str,
    folder: Path,
    released: Mapping[str, list[SourceCell]],
    titles: Mapping[str, str],
    lang: str,
) -> list[Flag]:
    flags: list[Flag] = []
    present = {p.stem: p for p in sorted(folder.glob("*.ipynb"))}
    missing = {n: frozenset(c.name for c in cells) for n, cells in released.items()}
    missing = {n: ids for n, ids in missing.items() if n not in present}
    extra = {}
    for stem, path in present.items():
        nb = read_notebook(path)
        if nb is None:
            continue
        if stem not in released:
            extra[path.name] = notebook_ids(nb)
            continue
        notebook = path.name
        meta = nb.get("metadata")
        own = meta.get("clientlearn") if isinstance(meta, dict) else None
        if isinstance(own, dict) and isinstance(own.get(RENAMED_FROM), str):
            flags.append(
                Flag(student, module, "renamed", {"notebook": notebook, "found": own[RENAMED_FROM]})
            )
        cells = nb.get("cells")
        changes = cell_changes(released[stem], cells if isinstance(cells, list) else [])
        graded = {c.name for c in released[stem] if c.graded}
        lost = [n for n in changes.deleted if n in graded]
        kept = [n for n in changes.deleted if n not in graded]
        for kind, names in (("deleted_graded", lost), ("deleted_locked", kept)):
            if names:
                values = {"notebook": notebook, "cells": _listed(names, titles, lang)}
                flags.append(Flag(student, module, kind, values))
        if changes.edited:
            values = {"notebook": notebook, "cells": _listed(changes.edited, titles, lang)}
            flags.append(Flag(student, module, "edited", values))
    renamed = match_renamed(missing, extra)
    for name in sorted(missing):
        notebook = f"{name}.ipynb"
        if name in renamed:
            values = {"notebook": notebook, "found": renamed[name]}
            flags.append(Flag(student, module, "renamed_ungraded", values))
        else:
            flags.append(Flag(student, module, "missing_notebook", {"notebook": notebook}))
    return flags


def _answers(path: Path) -> dict[str, Record]:
    try:
        return decode(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}  # the report notes an unreadable answers file already


def find_flags(
    root: Path,
    students: Mapping[str, Collection[str]],
    titles: Mapping[str, Mapping[str, str]],
    *,
    lang: str = "uk",
) -> tuple[Flag, ...]:
    """The flags of the graded submissions ``students`` (module -> ids) of the course in
    ``root``, ordered by module, then participant; ``titles``: module -> grade id -> title
    (:func:`cell_titles`)."""
    released = _released_cells(root, sorted(students))
    flags: list[Flag] = []
    for module in sorted(students):
        answers: dict[str, dict[str, Record]] = {}
        for student in sorted(students[module]):
            submitted = root / "submitted" / student / module
            graded = root / "autograded" / student / module
            if submitted.is_dir() and module in released:
                own = titles.get(module, {})
                flags += _notebook_flags(student, module, submitted, released[module], own, lang)
            aside = sorted({p.name for d in (submitted, graded) for p in d.glob(SET_ASIDE)})
            if aside:
                flags.append(Flag(student, module, "set_aside", {"files": ", ".join(aside)}))
            answers[student] = _answers(graded / ANSWERS_FILE)
        for copy in identical_answers(answers):
            n = str(len(copy.questions))
            flags.append(Flag(copy.first, module, "copied", {"n": n}, other=copy.second))
            flags.append(Flag(copy.second, module, "copied", {"n": n}, other=copy.first))
    order = {kind: i for i, kind in enumerate(KINDS)}
    return tuple(sorted(flags, key=lambda f: (f.module, f.student, order[f.kind], f.other)))


# In the order a participant's flags are listed: the weightiest first.
KINDS = (
    "copied",
    "deleted_graded",
    "renamed_ungraded",
    "missing_notebook",
    "edited",
    "deleted_locked",
    "renamed",
    "set_aside",
)
