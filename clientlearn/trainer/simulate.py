"""Simulated participants: answers a class might give, for demos and tests.

Answers are written through the same :class:`~clientlearn.runtime.store.AnswerStore` the
widgets use, so a simulated submission is graded exactly like a real one.
Everything is deterministic for a given random generator.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from clientlearn.runtime.bank import Bank
from clientlearn.runtime.questions import (
    Answer,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    Rating,
    Scenario,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from clientlearn.runtime.scenariopaths import best_path
from clientlearn.runtime.store import AnswerStore


def right_answer(q: Question) -> Answer:
    """The answer that earns all the points (a rating gets the scale's middle)."""
    if isinstance(q, MultipleChoice) and q.key is not None:
        return [o.id for o in q.options if o.id in q.key]
    if isinstance(q, Ordering) and q.key is not None:
        return list(q.key)
    if isinstance(q, Matching) and q.key is not None:
        return dict(q.key)
    if isinstance(q, ShortText) and q.key:
        return q.key[0]
    if isinstance(q, Numeric) and q.key is not None:
        return f"{q.key:g}".replace(".", ",")
    if isinstance(q, Rating):
        return (q.scale_min + q.scale_max) // 2
    if isinstance(q, Scenario):
        return best_path(q)
    return getattr(q, "key", None)


def simulated_answer(q: Question, rng: random.Random, skill: float) -> Answer:
    """A plausible answer from a participant who gets things right with
    probability ``skill`` (0..1); None for a question left unanswered."""
    if rng.random() < 0.05 * (1 - skill):
        return None
    right = right_answer(q)
    if isinstance(q, SingleChoice):
        others = [o.id for o in q.options if o.id != right]
        return right if rng.random() < skill else rng.choice(others)
    if isinstance(q, TrueFalse):
        return right if rng.random() < skill else not right
    if isinstance(q, MultipleChoice):
        key = set(right)
        return [
            o.id
            for o in q.options
            if (o.id in key and rng.random() < skill)
            or (o.id not in key and rng.random() < (1 - skill) / 2)
        ]
    if isinstance(q, Ordering):
        order = list(right)
        for _ in range(round((1 - skill) * len(order))):
            i = rng.randrange(len(order) - 1)
            order[i], order[i + 1] = order[i + 1], order[i]
        return order
    if isinstance(q, Matching):
        bins = [b.id for b in q.bins]
        return {
            item: b if rng.random() < skill else rng.choice([x for x in bins if x != b] or bins)
            for item, b in right.items()
        }
    if isinstance(q, ShortText | Numeric):
        return right if rng.random() < skill else "не знаю" if isinstance(q, ShortText) else "0"
    if isinstance(q, Rating):
        return rng.randint(q.scale_min, q.scale_max)
    if isinstance(q, Scenario):
        path: list[str] = []
        at = q.start
        while at in q.nodes:
            node = q.nodes[at]
            good = best_path(q, at)[0]
            choice = next(c for c in node.choices if c.id == good)
            if rng.random() >= skill:
                choice = rng.choice(node.choices)
            path.append(choice.id)
            at = choice.next
        return path
    return right


def answer_folder(
    folder: Path, bank: Bank, rng: random.Random, skill: float, qids: Iterable[str] | None = None
) -> dict[str, Answer]:
    """Write a simulated participant's answers into ``folder``; returns them."""
    store = AnswerStore(folder)
    given: dict[str, Answer] = {}
    for qid in qids if qids is not None else bank.questions:
        value = simulated_answer(bank[qid], rng, skill)
        if value is not None:
            store.save(qid, value, bank=bank.id)
            given[qid] = value
    return given


def answer_instrument(
    folder: Path, instrument: str, phase: str | None, rng: random.Random, skill: float
) -> dict[str, int]:
    """A simulated participant's ratings of every item of a self-assessment.

    Confidence grows over the course with the participant's skill; other ratings
    scatter around the middle of the scale.
    """
    from clientlearn.runtime.selfassess.instruments import load_instrument, record_tag

    ins = load_instrument(instrument)
    low, high = ins.scale.min, ins.scale.max
    if phase == "after":
        low = min(high, low + round(skill * (high - low) / 2))
    elif phase == "before":
        high = max(low, high - round(skill * (high - low) / 2))
    ratings = {item.id: rng.randint(low, high) for item in ins.items}
    AnswerStore(folder).save(ins.record_id(phase), ratings, bank=record_tag(ins))
    return ratings


def answer_group(
    folder: Path,
    exercise: str,
    group: int,
    members: list[str],
    steps: list[str],
    rng: random.Random,
    skill: float,
) -> None:
    """The group answer form as a group's secretary fills it in: the strategy's parts
    and an order of the service-algorithm steps (a skilled group swaps fewer steps)."""
    order = list(steps)
    for _ in range(round((1 - skill) * len(order))):
        i = rng.randrange(len(order) - 1)
        order[i], order[i + 1] = order[i + 1], order[i]
    text = {
        "clients": "Читачі-пенсіонери, учні, внутрішні клієнти — колеги з відділів.",
        "needs": "Зручний час, зрозуміла мова, швидка відповідь на запит.",
        "promises": "Консультація телефоном щодня; відповідь на запит за 48 годин.",
        "feedback": "Коротке опитування щомісяця, нарада з працівниками передньої лінії.",
    }
    value = {"group": group, "members": members, "text": text, "order": order}
    AnswerStore(folder).save(f"group.{exercise}", value)


def observe(
    folder: Path,
    *,
    round_no: int,
    observed: tuple[str, str, int],
    scenario: str,
    rng: random.Random,
    skill: float,
    rubric: str = "roleplay",
) -> None:
    """An observer's rubric for one role-play round: 1–4 per criterion, where the
    observed librarian's skill shifts the scores up."""
    from clientlearn.runtime.groupwork.rubric import load_rubric, rubric_qid

    loaded = load_rubric(rubric)
    pid, name, group = observed
    scores = {c: max(1, min(4, round_half(1 + 3 * skill + rng.uniform(-1, 1)))) for c in loaded.ids}
    value = {
        "rubric": loaded.id,
        "round": round_no,
        "observed": pid,
        "observed_name": name,
        "group": group,
        "scenario": scenario,
        "scores": scores,
        "comment": "Уважно вислухала, запропонувала два варіанти.",
    }
    AnswerStore(folder).save(rubric_qid(round_no, pid), value)


def round_half(value: float) -> int:
    """Round half up (Python's round() rounds half to even)."""
    return int(value + 0.5)


# ------------------------------------------------------------------ written tasks

WRITTEN = Path(__file__).parent / "written" / "simulated.yaml"
_BLANK_SHARE = 0.08  # how often a simulated participant leaves a written task blank


@cache
def _written() -> dict[str, Any]:
    import yaml

    data: dict[str, Any] = yaml.safe_load(WRITTEN.read_text(encoding="utf-8"))
    return data


def write_written_answers(folder: Path, rng: random.Random, skill: float) -> dict[str, list[float]]:
    """Write a simulated participant's answers into the written-task cells of the notebooks
    in ``folder`` (as JupyterLab saves them); returns grade id -> the points per criterion
    the simulated trainer gives.  A stronger participant writes a better answer more often;
    a few answers stay blank and earn 0, except the role-play's, graded on the conversation.
    """
    from clientlearn.runtime.testcells import grade_id

    answers = {grade_id(task, "task"): v for task, v in _written()["answers"].items()}
    given: dict[str, list[float]] = {}
    for path in sorted(folder.glob("*.ipynb")):
        data = json.loads(path.read_text(encoding="utf-8"))
        changed = False
        for cell in data.get("cells", []):
            cell_id = (cell.get("metadata") or {}).get("nbgrader", {}).get("grade_id")
            if cell.get("cell_type") != "markdown" or cell_id not in answers:
                continue
            quality = skill + rng.uniform(-0.2, 0.2)
            variant = answers[cell_id][0 if quality > 0.75 else 1 if quality > 0.45 else 2]
            levels = [float(v) for v in variant["levels"]]
            if rng.random() < _BLANK_SHARE:
                given[cell_id] = levels if "roleplay" in cell_id else [0.0] * len(levels)
                continue
            cell["source"] = variant["uk"].strip()
            given[cell_id] = levels
            changed = True
        if changed:
            path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return given


def grade_sheet(path: Path, given: Mapping[tuple[str, str], Sequence[float]]) -> None:
    """The simulated trainer fills in a grading sheet (``clientlearn written export``): the
    points per criterion from ``given`` ((participant, grade id) -> points; 0 for every
    criterion if absent) and a comment under a full and under a low score."""
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    from .written.workbook import HIDDEN, meta_from_rows

    comments = _written()["comments"]
    book = load_workbook(path)
    meta = meta_from_rows([r[0] for r in book[HIDDEN].iter_rows(values_only=True) if r and r[0]])
    for task in meta.tasks:
        ws = book[task.sheet]
        n = len(task.criteria)
        for row in task.rows:
            levels = list(given.get((row.student, task.cell)) or [0.0] * n)
            for j, value in enumerate(levels[:n]):
                ws.cell(row.row, 5 + j, value)
            total = sum(levels[:n])
            if total >= task.points:
                ws.cell(row.row, 6 + n, comments["full"]["uk"])
            elif total <= task.points / 2:
                ws.cell(row.row, 6 + n, comments["low"]["uk"])
    book.save(path)
