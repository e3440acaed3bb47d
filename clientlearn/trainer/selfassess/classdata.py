"""The trainer's side, step 1: every participant's self-assessments as a table.

Reads ``SUBMISSIONS_DIR/<student>/<assignment>/clientlearn.answers.json`` (nbgrader's
``submitted/`` or ``autograded/`` folder) and the answers the notebooks next to it
carry in their outputs, keeping the newer record of each self-assessment.  Nothing
is written and nothing is set aside: these are the participants' submissions.

A file that is not an answers file skips that participant's folder; a record whose
ratings are off the scale (or name no statement) skips that record.  Either way the
reason is listed in ``skipped``, and every other answer still counts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.selfassess.instruments import (
    RECORD_PREFIX,
    Instrument,
    builtin_ids,
    load_instrument,
    version_of,
)
from clientlearn.runtime.selfassess.messages import tr
from clientlearn.runtime.selfassess.scoring import describe_invalid, split_answers
from clientlearn.runtime.store import ANSWERS_FILE, Record, decode, records_from_notebook

if TYPE_CHECKING:
    import pandas as pd

RATING_COLUMNS = ["student", "assignment", "instrument", "phase", "item", "rating", "saved_at"]
SKIPPED_COLUMNS = ["student", "assignment", "reason"]


@dataclass
class ClassAnswers:
    """The class's ratings (one row per student, instrument, phase and item) and what
    was skipped, with the instruments they belong to."""

    ratings: pd.DataFrame
    skipped: pd.DataFrame
    instruments: Mapping[str, Instrument]
    students: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Found:
    student: str
    assignment: str
    instrument: str
    phase: str
    record: Record


def _students(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def _assignments(student: Path) -> list[Path]:
    return sorted(p for p in student.iterdir() if p.is_dir() and not p.name.startswith("."))


def _records(folder: Path, lang: str, skip: list[str]) -> dict[str, Record] | None:
    """Records of the answers file and notebooks in ``folder``; None if the file is foreign."""
    records: dict[str, Record] = {}
    path = folder / ANSWERS_FILE
    if path.exists():
        try:
            records = decode(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as err:
            why = err.text(lang) if isinstance(err, ClientlearnError) else err
            skip.append(tr("skip_file", lang, file=path.name, error=why))
            return None
    for notebook in sorted(folder.glob("*.ipynb")):
        try:
            carried = records_from_notebook(json.loads(notebook.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, ValueError, AttributeError) as err:
            skip.append(tr("skip_notebook", lang, file=notebook.name, error=err))
            continue
        for qid, rec in carried.items():
            if qid not in records or rec.newer_than(records[qid]):
                records[qid] = rec
    return records


def _parse_id(record_id: str, instruments: Mapping[str, Instrument]) -> tuple[str, str] | None:
    """(instrument, phase) of a record id, or None if it names no known instrument."""
    parts = record_id.split(".")
    if len(parts) not in (2, 3) or parts[1] not in instruments:
        return None
    return parts[1], parts[2] if len(parts) == 3 else ""


def _check(
    found: _Found, instruments: Mapping[str, Instrument], record_id: str, lang: str
) -> str | None:
    """Why a record cannot be used, or None."""
    ins = instruments[found.instrument]
    saved_version = version_of(found.record.bank)
    if saved_version is not None and saved_version != ins.version:
        # Items may have been reworded or renumbered between versions: never mix them.
        return tr("skip_version", lang, record=record_id, saved=saved_version, now=ins.version)
    phases = [p.id for p in ins.phases]
    if found.phase not in (phases or [""]):
        return tr("skip_phase", lang, record=record_id, phases=phases or "—")
    _, invalid = split_answers(ins, found.record.value)
    if invalid:
        reasons = "; ".join(describe_invalid(ins, invalid, lang))
        return tr("skip_record", lang, record=record_id, reasons=reasons)
    return None


def load_class(
    submissions_dir: str | Path,
    instruments: Iterable[Instrument | str] | None = None,
    *,
    lang: str = "uk",
) -> ClassAnswers:
    """Every participant's self-assessment answers under ``submissions_dir``.

    ``instruments`` defaults to the shipped ones.  Raises ClientlearnError if the
    folder does not exist; a folder without any self-assessment gives empty tables.
    """
    import pandas as pd

    root = Path(submissions_dir)
    if not root.is_dir():
        raise ClientlearnError(tr("no_folder", lang, path=root))
    loaded = [load_instrument(i) for i in (instruments or builtin_ids())]
    by_id = {i.id: i for i in loaded}
    newest: dict[tuple[str, str, str], _Found] = {}
    skipped: list[dict[str, str]] = []
    students = _students(root)
    for student, assignment, folder in (
        (s.name, a.name, a) for s in students for a in _assignments(s)
    ):
        reasons: list[str] = []
        records = _records(folder, lang, reasons) or {}
        for record_id, record in sorted(records.items()):
            if not record_id.startswith(RECORD_PREFIX + "."):
                continue  # a quiz answer, not a self-assessment
            parsed = _parse_id(record_id, by_id)
            if parsed is None:
                reasons.append(tr("skip_instrument", lang, record=record_id))
                continue
            found = _Found(student, assignment, parsed[0], parsed[1], record)
            problem = _check(found, by_id, record_id, lang)
            if problem:
                reasons.append(problem)
                continue
            key = (student, found.instrument, found.phase)
            # The same self-assessment in two assignments: the newer answers count.
            if key not in newest or record.newer_than(newest[key].record):
                newest[key] = found
        skipped += [{"student": student, "assignment": assignment, "reason": r} for r in reasons]
    rows = [
        {
            "student": f.student,
            "assignment": f.assignment,
            "instrument": f.instrument,
            "phase": f.phase,
            "item": item,
            "rating": rating,
            "saved_at": f.record.saved_at,
        }
        for _, f in sorted(newest.items())
        for item, rating in _ordered(by_id[f.instrument], f.record.value)
    ]
    return ClassAnswers(
        ratings=pd.DataFrame(rows, columns=RATING_COLUMNS).astype({"rating": "int64"}),
        skipped=pd.DataFrame(skipped, columns=SKIPPED_COLUMNS),
        instruments=by_id,
        students=[s.name for s in students],
    )


def _ordered(ins: Instrument, value: Any) -> list[tuple[str, int]]:
    """The ratings in the instrument's item order (stable CSVs, readable tables)."""
    return [(item.id, value[item.id]) for item in ins.items if item.id in value]


__all__ = ["RATING_COLUMNS", "SKIPPED_COLUMNS", "ClassAnswers", "load_class"]
