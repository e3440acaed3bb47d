"""A clientlearn bank as Moodle questions, written as Moodle XML or GIFT.

Each type maps to Moodle's nearest question:

* single choice → multichoice (one answer): the key 100 %, the rest 0 %;
* multiple choice → multichoice (several answers): each right option +1/k and each
  wrong one −1/k of the marks (k right options), which is clientlearn's rule (right
  ticked − wrong ticked) / k, floored at 0, exactly as Moodle adds and clamps; a 1/k
  Moodle does not allow (k > 10 except 12… see :mod:`.weights`) is the nearest
  allowed value, with a note;
* true/false → truefalse; short text → shortanswer, every accepted variant at 100 %,
  case ignored as clientlearn ignores it; numeric → numerical with its tolerance
  (and unit in XML);
* matching → matching (a bin no item belongs to is a spare answer);
* ordering → Moodle's ordering question, graded by "relative to all the previous and
  next items": the share of pairs in the right order, where clientlearn's Kendall's
  tau is twice that share less one, floored at 0 (README);
* the explanation → general feedback; points → default mark; the question's id → ID
  number; its title → name; the bank's title → the category.

A scenario or a rating has no Moodle quiz equivalent: each is a note (the CLI prints
them on standard error), never left out silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.bank import Bank, load_bank
from clientlearn.runtime.questions import (
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
    pick,
)

from . import gift, xmlformat
from .notes import Note, say
from .records import (
    MATCHING,
    MULTICHOICE,
    NUMERICAL,
    ORDERING,
    ORDERING_GRADING,
    SHORTANSWER,
    TRUEFALSE,
    Answer,
    Pair,
    Record,
)
from .weights import nearest_percent

FORMATS = ("moodle-xml", "gift")


@dataclass(frozen=True)
class Exported:
    """The file's text and what it could not carry."""

    text: str
    notes: tuple[Note, ...]
    count: int  # questions written


def category_path(bank: Bank, lang: str) -> str:
    """The Moodle category the bank's questions go into (a "/" in a title doubled,
    as Moodle escapes it)."""
    title = pick(bank.title, lang) or bank.id
    return "$course$/top/" + title.replace("/", "//")


def _choices(q: SingleChoice | MultipleChoice, lang: str, notes: list[Note]) -> Record:
    assert q.key is not None
    if isinstance(q, SingleChoice):
        answers = [Answer(pick(o.text, lang), 1.0 if o.id == q.key else 0.0) for o in q.options]
        return Record(MULTICHOICE, "", "", single=True, answers=answers)
    k = len(q.key)
    right, exact = nearest_percent(1 / k)
    wrong, _ = nearest_percent(-1 / k)
    if not exact:
        notes.append(
            Note(q.id, "", "fraction_rounded", {"wanted": 100 / k, "written": float(right)})
        )
    answers = []
    for option in q.options:
        percent = right if option.id in q.key else wrong
        answers.append(Answer(pick(option.text, lang), float(percent) / 100, percent=percent))
    return Record(MULTICHOICE, "", "", single=False, answers=answers)


def _record(q: Question, lang: str, notes: list[Note]) -> Record | None:
    if isinstance(q, Scenario | Rating):
        notes.append(Note(q.id, "", "skip_scenario" if isinstance(q, Scenario) else "skip_rating"))
        return None
    if not q.has_key:
        raise ClientlearnError(f"{q.id}: {say('no_key', lang)}")
    if isinstance(q, SingleChoice | MultipleChoice):
        record = _choices(q, lang, notes)
    elif isinstance(q, TrueFalse):
        record = Record(
            TRUEFALSE,
            "",
            "",
            answers=[Answer("true", float(q.key is True)), Answer("false", float(q.key is False))],
        )
    elif isinstance(q, Ordering):
        assert q.key is not None
        items = {o.id: pick(o.text, lang) for o in q.items}
        answers = [Answer(items[i], float(n)) for n, i in enumerate(q.key, 1)]
        record = Record(ORDERING, "", "", answers=answers, grading=ORDERING_GRADING)
    elif isinstance(q, Matching):
        assert q.key is not None
        bins = {b.id: pick(b.text, lang) for b in q.bins}
        pairs = [Pair(pick(i.text, lang), bins[q.key[i.id]]) for i in q.items]
        spare = [Pair("", text) for b, text in bins.items() if b not in q.key.values()]
        record = Record(MATCHING, "", "", pairs=pairs + spare)
    elif isinstance(q, ShortText):
        assert q.key is not None
        variants = list(dict.fromkeys(q.key))
        record = Record(SHORTANSWER, "", "", answers=[Answer(v, 1.0) for v in variants])
    elif isinstance(q, Numeric):
        assert q.key is not None
        record = Record(
            NUMERICAL,
            "",
            "",
            answers=[Answer(_number(q.key), 1.0, tolerance=q.tolerance)],
            unit=pick(q.unit, lang),
        )
    else:  # a type added to clientlearn later: say so rather than guess
        notes.append(Note(q.id, "", "skip_type", {"qtype": q.kind}))
        return None
    record.name = pick(q.title, lang) or q.id
    record.text = pick(q.text, lang)
    record.idnumber = q.id
    record.feedback = pick(q.explanation, lang)
    record.grade = q.points
    return record


def _number(value: float) -> str:
    """A number as Moodle reads it: a decimal point, no needless ".0"."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def bank_records(bank: Bank, lang: str = "uk") -> tuple[list[Record], list[Note]]:
    """The bank's questions as Moodle records, and notes on what is left out."""
    if bank.public:
        raise ClientlearnError(say("public_bank", lang, file=bank.path or bank.id))
    notes: list[Note] = []
    records = [r for q in bank if (r := _record(q, lang, notes)) is not None]
    return records, notes


def export_bank(path: str | Path, fmt: str, lang: str = "uk") -> Exported:
    """The bank at ``path`` as ``fmt`` (``moodle-xml`` or ``gift``) in ``lang``."""
    if fmt not in FORMATS:
        raise ClientlearnError(say("unknown_format", lang, fmt=fmt, choices=", ".join(FORMATS)))
    bank = load_bank(path)
    records, notes = bank_records(bank, lang)
    category = category_path(bank, lang)
    if fmt == "moodle-xml":
        text = xmlformat.write_xml(records, category, bank.id)
    else:
        text, more = gift.write_gift(records, category)
        notes.extend(more)
    return Exported(text, tuple(notes), len(records))
