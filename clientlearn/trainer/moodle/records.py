"""A Moodle question as both formats hold it, in plain text.

The exporter makes these from a clientlearn bank and the writers of
:mod:`.xmlformat` and :mod:`.gift` turn them into files; the readers of those formats
make them from files and :mod:`.importer` turns them into a bank.  Texts here are
plain (HTML is the writers' and readers' business, :mod:`.htmltext`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Moodle's own names of the question types clientlearn has an equivalent for.
MULTICHOICE, TRUEFALSE, SHORTANSWER = "multichoice", "truefalse", "shortanswer"
NUMERICAL, MATCHING, ORDERING = "numerical", "matching", "ordering"
# Ordering: how clientlearn's export asks Moodle to grade (the nearest to Kendall's tau).
ORDERING_GRADING = "RELATIVE_ALL_PREVIOUS_AND_NEXT"


@dataclass
class Answer:
    """An option, an accepted variant or value, or an item to order.

    ``fraction`` is the share of the marks (−1..1); for an ordering item, its place
    (1, 2, …), as Moodle stores it.  ``percent`` is the fraction as Moodle writes it
    (an allowed value such as ``33.33333``) when the exporter chose it."""

    text: str
    fraction: float
    feedback: str = ""
    tolerance: float = 0.0
    percent: str = ""


@dataclass
class Pair:
    """A matching item and the answer it belongs to (an empty item: a spare answer)."""

    text: str
    answer: str


@dataclass
class Record:
    """One Moodle question (or, with ``qtype`` another type, one clientlearn skips)."""

    qtype: str
    name: str
    text: str
    line: int | None = None
    idnumber: str = ""
    feedback: str = ""
    grade: float | None = None  # None: the file gives no mark (GIFT)
    single: bool = True
    answers: list[Answer] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    usecase: bool = False
    unit: str = ""
    category: str = ""
    grading: str = ""  # ordering: Moodle's grading type
    select_all: bool = True  # ordering: every item shown
    lost: list[str] = field(default_factory=list)  # what the reader could not keep
