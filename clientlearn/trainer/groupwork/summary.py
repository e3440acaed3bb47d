"""The trainer's summary of the group work: group answers, consensus, rubric results.

:func:`read_submissions` reads every participant's answers from nbgrader's layout
``SUBMISSIONS_DIR/<student>/<assignment>/clientlearn.answers.json`` (answers carried in
the folder's notebooks are merged in, the newer record winning, as the store does).
Nothing there is changed: a damaged file is an error naming it, not set aside.

:func:`summarize` builds pandas tables:

* ``group_answers`` — every ``group.<exercise>`` answer, one row per participant who
  recorded it; several members may record their group's answer, so the newest record
  per exercise and group is the one ``used``;
* ``consensus`` — per exercise, the steps in the class's Borda order, and
  ``distances`` — each group's Kendall distance from it (see :mod:`.consensus`);
* ``observations`` — one row per rubric observation (scores checked against the rubric:
  a score off the 1–4 scale is an error naming the file, record and value);
* ``by_participant`` — per person observed: observations, mean per criterion, mean;
* ``by_criterion`` — per criterion: number of scores, class mean, count of each level.

:func:`~clientlearn.trainer.groupwork.export.write_summary` writes them as CSV and charts as PNG.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.groupwork.messages import msg
from clientlearn.runtime.groupwork.rubric import (
    PREFIX,
    SCALE,
    Observation,
    Rubric,
    is_rubric_id,
    load_rubric,
    observation_from_record,
)
from clientlearn.runtime.questions import kendall_fraction
from clientlearn.runtime.store import ANSWERS_FILE, Record, decode, records_from_notebook

from .consensus import borda, kendall_distance
from .words import ERRORS

__all__ = ["Submission", "Summary", "read_submissions", "summarize"]

GROUP_PREFIX = "group."


@dataclass(frozen=True)
class Submission:
    """One participant's answers for one assignment."""

    student: str
    assignment: str
    source: Path
    records: Mapping[str, Record]


@dataclass(frozen=True)
class Summary:
    """All tables of the summary (see the module docstring)."""

    submissions: tuple[Submission, ...]
    rubrics: Mapping[str, Rubric]
    group_answers: pd.DataFrame
    consensus: pd.DataFrame
    distances: pd.DataFrame
    observations: pd.DataFrame
    by_participant: pd.DataFrame
    by_criterion: pd.DataFrame
    text_fields: tuple[str, ...] = field(default=())

    @property
    def participants(self) -> list[str]:
        return sorted({s.student for s in self.submissions})


# ---------------------------------------------------------------- reading


def _read_folder(folder: Path) -> tuple[Path, dict[str, Record]] | None:
    answers = folder / ANSWERS_FILE
    records: dict[str, Record] = {}
    source: Path | None = None
    if answers.is_file():
        source = answers
        try:
            records = decode(answers.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as err:
            raise ClientlearnError.said(
                ERRORS, "answers_unreadable", path=answers, error=err
            ) from None
    for notebook in sorted(folder.glob("*.ipynb")):
        try:
            nb = json.loads(notebook.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as err:
            raise ClientlearnError.said(
                ERRORS, "notebook_unreadable", path=notebook, error=err
            ) from None
        for qid, rec in records_from_notebook(nb).items():
            if qid not in records or rec.newer_than(records[qid]):
                records[qid] = rec
                source = source or notebook
    return (source, records) if source is not None else None


def read_submissions(submissions_dir: str | os.PathLike[str]) -> list[Submission]:
    """Every ``<student>/<assignment>/`` folder holding answers, sorted."""
    root = Path(submissions_dir)
    if not root.is_dir():
        raise ClientlearnError.said(ERRORS, "no_folder", root=root)
    found: list[Submission] = []
    for student in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for assignment in sorted(p for p in student.iterdir() if p.is_dir()):
            read = _read_folder(assignment)
            if read is not None:
                found.append(Submission(student.name, assignment.name, read[0], read[1]))
    if not found:
        raise ClientlearnError.said(ERRORS, "no_answers", root=root, file=ANSWERS_FILE)
    return found


# ---------------------------------------------------------------- group answers


def _group_row(sub: Submission, qid: str, rec: Record) -> dict[str, Any] | None:
    value = rec.value
    if value is None:
        return None
    where = f"{sub.source}: record {qid!r}"
    if not isinstance(value, dict):
        raise ClientlearnError.said(ERRORS, "not_mapping", where=where, value=f"{value!r:.60}")
    group = value.get("group")
    if group is not None and (isinstance(group, bool) or not isinstance(group, int) or group < 1):
        raise ClientlearnError.said(ERRORS, "bad_group", where=where, group=repr(group))
    members = value.get("members") or []
    order = value.get("order") or []
    for name, items in (("members", members), ("order", order)):
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ClientlearnError.said(
                ERRORS, "not_list", where=where, name=name, items=f"{items!r:.60}"
            )
    text = value.get("text") or {}
    if isinstance(text, str):  # one text area may be saved as plain text
        text = {"text": text}
    if not isinstance(text, dict) or not all(isinstance(t, str) for t in text.values()):
        raise ClientlearnError.said(ERRORS, "bad_text", where=where, text=f"{text!r:.60}")
    row: dict[str, Any] = {
        "exercise": qid[len(GROUP_PREFIX) :],
        "group": group,
        "members": "; ".join(members),
        "order": " > ".join(dict.fromkeys(order)),
        "student": sub.student,
        "assignment": sub.assignment,
        "saved_at": rec.saved_at,
        "_order": list(dict.fromkeys(order)),
    }
    row.update({f"text_{fid}": t for fid, t in text.items()})
    return row


def _when(saved_at: str) -> datetime:
    value = datetime.fromisoformat(saved_at)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


_GROUP_COLUMNS = ["exercise", "group", "members", "order", "student", "assignment", "saved_at"]


def _group_tables(subs: list[Submission]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    rows = [
        row
        for sub in subs
        for qid, rec in sub.records.items()
        if qid.startswith(GROUP_PREFIX) and (row := _group_row(sub, qid, rec)) is not None
    ]
    # The newest record of each exercise and group counts once, however many members saved it.
    newest: dict[tuple[str, int], dict[str, Any]] = {}
    for row in rows:
        row["used"] = False
        if row["group"] is None or not row["_order"]:
            continue
        key = (row["exercise"], row["group"])
        if key not in newest or _when(row["saved_at"]) > _when(newest[key]["saved_at"]):
            newest[key] = row
    for row in newest.values():
        row["used"] = True

    consensus_rows: list[dict[str, Any]] = []
    distance_rows: list[dict[str, Any]] = []
    for exercise in sorted({e for e, _ in newest}):
        used = sorted(
            (r for (e, _), r in newest.items() if e == exercise), key=lambda r: r["group"]
        )
        ranking = borda([r["_order"] for r in used])
        consensus_rows += [
            {
                "exercise": exercise,
                "rank": b.rank,
                "step": b.item,
                "points": b.points,
                "tied": b.tied,
            }
            for b in ranking
        ]
        reference = [b.item for b in ranking]
        pairs = len(reference) * (len(reference) - 1) // 2
        for r in used:
            discordant = kendall_distance(r["_order"], reference)
            distance_rows.append(
                {
                    "exercise": exercise,
                    "group": r["group"],
                    "order": r["order"],
                    "discordant_pairs": discordant,
                    "pairs": pairs,
                    "distance": discordant / pairs if pairs else 0.0,
                    "agreement": kendall_fraction(r["_order"], reference),
                }
            )
    texts = sorted({k for row in rows for k in row if k.startswith("text_")})
    answers = pd.DataFrame(rows, columns=[*_GROUP_COLUMNS, *texts, "used"])
    if not answers.empty:
        answers["group"] = answers["group"].astype("Int64")
        answers = answers.sort_values(["exercise", "group", "saved_at"], kind="stable")
    consensus = pd.DataFrame(consensus_rows, columns=["exercise", "rank", "step", "points", "tied"])
    distances = pd.DataFrame(
        distance_rows,
        columns=[
            "exercise",
            "group",
            "order",
            "discordant_pairs",
            "pairs",
            "distance",
            "agreement",
        ],
    )
    return answers.reset_index(drop=True), consensus, distances


# ---------------------------------------------------------------- rubric observations


def _rubrics_for(
    subs: list[Submission], extra: Sequence[str | os.PathLike[str]]
) -> dict[str, Rubric]:
    """The rubrics the observations name: the ``extra`` files given, then shipped ones.

    An answers file only names a rubric by id, never by path, so it cannot make the
    summary read an arbitrary file.
    """
    rubrics = {r.id: r for r in (load_rubric(path) for path in extra)}
    ids = {
        rec.value.get("rubric")
        for sub in subs
        for qid, rec in sub.records.items()
        if qid.startswith(PREFIX) and isinstance(rec.value, dict)
    }
    for rid in sorted(i for i in ids if isinstance(i, str) and is_rubric_id(i)):
        if rid in rubrics:
            continue
        try:
            rubrics[rid] = load_rubric(rid)
        except ClientlearnError:
            continue  # an unknown rubric is reported with the record that names it
    return rubrics


def _observation_tables(
    subs: list[Submission], rubrics: Mapping[str, Rubric], lang: str
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    found: list[tuple[Submission, Observation, str]] = []
    for sub in subs:
        for qid, rec in sorted(sub.records.items()):
            if not qid.startswith(PREFIX):
                continue
            obs = observation_from_record(qid, rec.value, source=str(sub.source), rubrics=rubrics)
            if obs is not None:
                found.append((sub, obs, rec.saved_at))
    criteria = list(dict.fromkeys(c.id for r in rubrics.values() for c in r.criteria))
    base = ["observer", "assignment", "rubric", "round", "group", "scenario", "observed"]
    columns = [*base, "observed_name", *criteria, "comment", "saved_at"]
    rows = [
        {
            "observer": sub.student,
            "assignment": sub.assignment,
            "rubric": obs.rubric,
            "round": obs.round,
            "group": obs.group,
            "scenario": obs.scenario,
            "observed": obs.observed,
            "observed_name": obs.observed_name,
            **{cid: obs.scores.get(cid) for cid in criteria},
            "comment": obs.comment,
            "saved_at": saved_at,
        }
        for sub, obs, saved_at in found
    ]
    observations = pd.DataFrame(rows, columns=columns)
    for col in ["round", "group", *criteria]:
        observations[col] = observations[col].astype("Int64")

    participant_rows: list[dict[str, Any]] = []
    criterion_rows: list[dict[str, Any]] = []
    for rid, rubric in sorted(rubrics.items()):
        mine = [obs for _, obs, _ in found if obs.rubric == rid]
        people = sorted({o.observed for o in mine})
        for person in people:
            theirs = [o for o in mine if o.observed == person]
            row: dict[str, Any] = {
                "rubric": rid,
                "observed": person,
                "observed_name": theirs[-1].observed_name,
                "n_observations": len(theirs),
            }
            pooled: list[int] = []
            for cid in rubric.ids:
                given = [o.scores[cid] for o in theirs if cid in o.scores]
                pooled += given
                row[cid] = sum(given) / len(given) if given else None
            row["mean"] = sum(pooled) / len(pooled) if pooled else None
            participant_rows.append(row)
        for criterion in rubric.criteria:
            given = [o.scores[criterion.id] for o in mine if criterion.id in o.scores]
            criterion_rows.append(
                {
                    "rubric": rid,
                    "criterion": criterion.id,
                    "title": criterion.title_in(lang),
                    "n": len(given),
                    "mean": sum(given) / len(given) if given else None,
                    **{f"n_{level}": given.count(level) for level in SCALE},
                }
            )
    by_participant = pd.DataFrame(
        participant_rows,
        columns=["rubric", "observed", "observed_name", "n_observations", *criteria, "mean"],
    )
    by_criterion = pd.DataFrame(
        criterion_rows,
        columns=["rubric", "criterion", "title", "n", "mean", *[f"n_{lv}" for lv in SCALE]],
    )
    for frame, cols in ((by_participant, [*criteria, "mean"]), (by_criterion, ["mean"])):
        for col in cols:
            frame[col] = frame[col].astype("Float64")
    return observations, by_participant, by_criterion


# ---------------------------------------------------------------- the whole summary


def summarize(
    submissions_dir: str | os.PathLike[str],
    *,
    lang: str = "uk",
    rubrics: Sequence[str | os.PathLike[str]] = (),
    progress: Callable[[str], None] | None = None,
) -> Summary:
    """Read ``submissions_dir`` and build every table; ``progress`` gets a line per step.

    ``rubrics`` are rubric files of the course besides those shipped with clientlearn.
    """
    say = progress or (lambda _line: None)
    subs = read_submissions(submissions_dir)
    say(msg("step_read", lang, files=len(subs), people=len({s.student for s in subs})))
    answers, consensus, distances = _group_tables(subs)
    say(msg("step_groups", lang, answers=len(answers), exercises=consensus["exercise"].nunique()))
    found = _rubrics_for(subs, rubrics)
    observations, by_participant, by_criterion = _observation_tables(subs, found, lang)
    say(msg("step_rubrics", lang, observations=len(observations), people=len(by_participant)))
    return Summary(
        submissions=tuple(subs),
        rubrics=found,
        group_answers=answers,
        consensus=consensus,
        distances=distances,
        observations=observations,
        by_participant=by_participant,
        by_criterion=by_criterion,
        text_fields=tuple(c[len("text_") :] for c in answers.columns if c.startswith("text_")),
    )
