"""Helpers for nbgrader test cells.

A graded question gets one autograder test cell::

    from clientlearn.grading import require_answer, score
    require_answer("m1.algorithm")
    ### BEGIN HIDDEN TESTS
    score("m1.algorithm")
    ### END HIDDEN TESTS

The visible line fails with a Ukrainian message while the question is unanswered,
so ``nbgrader validate`` (and the Validate button) lists what is missing.  The
hidden line ends the cell with the points earned, which nbgrader records as partial
credit.  The key is not in the cell: it is in the instructor's bank, which
``nbgrader autograde`` copies over the participant's keyless copy, so feedback that
shows hidden tests (nbgrader issues #917, #1363) still reveals no key.

nbgrader scores a cell 0 for any output on stderr and fails the whole submission if
the number exceeds the cell's points: these helpers silence warnings, print
nothing to stderr and clamp the score.
"""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.i18n import default_language, tr

from .bank import Bank, load_bank
from .store import AnswerStore

DEFAULT_BANK = "questions.yaml"


def grade_id(qid: str, suffix: str) -> str:
    """An nbgrader grade id for a question's cell (letters, digits, _ and -)."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", qid) + "-" + suffix


class Unanswered(AssertionError):
    """Raised in a test cell while its question has no answer."""


def _context(bank: str | Path, folder: str | Path | None) -> tuple[Bank, AnswerStore]:
    bank_path = Path(bank)
    base = Path(folder) if folder is not None else Path.cwd()
    if not bank_path.is_absolute():
        bank_path = base / bank_path
    loaded = load_bank(bank_path)
    return loaded, AnswerStore(base, lang=loaded.lang)


def require_answer(
    qid: str, *, bank: str | Path = DEFAULT_BANK, folder: str | Path | None = None
) -> None:
    """Fail with a message in the bank's language if ``qid`` has no answer yet.

    Only nbgrader's validate and autograde runs fail (they set
    ``NBGRADER_EXECUTION``); in a participant's own kernel the cell just says
    whether an answer is saved, so "Run all" does not stop before the
    participant has had a chance to answer.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loaded, store = _context(bank, folder)
        question = loaded[qid]
        record = store.get(qid)
        for notice in store.notices:
            print(notice)
    lang = loaded.lang or default_language()
    answered = record is not None and question.is_answered(record.value)
    if os.environ.get("NBGRADER_EXECUTION"):
        if not answered:
            raise Unanswered(tr("unanswered", lang, label=question.label(lang), qid=qid))
    else:
        print(tr("check_answered" if answered else "check_unanswered", lang))


def score(
    qid: str,
    *,
    bank: str | Path = DEFAULT_BANK,
    folder: str | Path | None = None,
    out_of: float | None = None,
) -> float:
    """Points earned on ``qid`` from the saved answer, in [0, points].

    ``out_of`` rescales to a test cell worth other points than the question.
    An answer that does not fit the question (edited by hand) scores 0 with a
    printed message rather than an error, so the rest of the notebook still counts.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loaded, store = _context(bank, folder)
        question = loaded[qid]
        record = store.get(qid)
        for notice in store.notices:
            print(notice)
        if record is None:
            return 0.0
        try:
            earned = question.score(record.value)
        except ClientlearnError as err:
            if not loaded.public:
                print(f"{qid}: {err.text(store.lang)}")
                return 0.0
            raise
    if out_of is not None:
        earned = round(out_of * earned / question.points, 4) if question.points else 0.0
        return min(max(earned, 0.0), out_of)
    return earned
