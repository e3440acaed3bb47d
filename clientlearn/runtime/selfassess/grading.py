"""Helpers for nbgrader test cells of a self-assessment: credit for completing it.

A self-assessment has no key and is never scored against one: it earns points for
being done.  One autograder test cell per instrument::

    from clientlearn.selfassess import completion, require_completed
    require_completed("conflict_styles")
    ### BEGIN HIDDEN TESTS
    completion("conflict_styles", 2)
    ### END HIDDEN TESTS

``completion`` rules (``rule=``):

* ``"share"`` (default) — ``points × answered / total``: 15 of 20 statements rated
  in a 2-point cell earn 1.5;
* ``"all"`` — all or nothing: ``points`` once every statement is rated, else 0.

A rating off the scale (an answers file edited by hand) does not count as answered.
The result is rounded to 4 decimals and clamped to ``[0, points]``; warnings are
silenced and nothing is written to stderr, because nbgrader scores a cell that
writes to stderr 0 and fails a submission whose cell returns more than its points.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Literal

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.i18n import default_language
from clientlearn.runtime.questions import pick
from clientlearn.runtime.store import AnswerStore
from clientlearn.runtime.testcells import Unanswered

from .instruments import Instrument, load_instrument
from .messages import MESSAGES, tr
from .scoring import Progress, progress

Rule = Literal["share", "all"]


class Incomplete(Unanswered):
    """Raised in a test cell (under nbgrader only) while a self-assessment is unfinished."""


def _progress(
    instrument: str | Path | Instrument, phase: str | None, folder: str | Path | None
) -> tuple[Instrument, Progress]:
    loaded = load_instrument(instrument)
    store = AnswerStore(Path(folder) if folder is not None else Path.cwd())
    record = store.get(loaded.record_id(phase))
    for notice in store.notices:
        print(notice)  # stdout: a set-aside answers file is news, not an error
    return loaded, progress(loaded, record.value if record is not None else {})


def completion(
    instrument: str | Path | Instrument,
    points: float,
    *,
    phase: str | None = None,
    folder: str | Path | None = None,
    rule: Rule = "share",
) -> float:
    """Points for completing ``instrument`` (see the module's rules), in [0, points]."""
    if points < 0:
        raise ClientlearnError.said(MESSAGES, "points_negative", points=points)
    if rule not in ("share", "all"):
        raise ClientlearnError.said(MESSAGES, "rule_choice", rule=repr(rule))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, prog = _progress(instrument, phase, folder)
    if rule == "all":
        earned = float(points) if prog.complete else 0.0
    else:
        earned = round(points * prog.share, 4)
    return min(max(earned, 0.0), float(points))


def require_completed(
    instrument: str | Path | Instrument,
    *,
    phase: str | None = None,
    folder: str | Path | None = None,
    lang: str | None = None,
) -> None:
    """Under nbgrader (``NBGRADER_EXECUTION`` set), fail with a message naming the
    statements still unrated; in a participant's own kernel, print the progress only,
    so "Run all" never stops before the participant has answered."""
    lang = lang or default_language()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loaded, prog = _progress(instrument, phase, folder)
    title = pick(loaded.title, lang)
    line = tr("progress_inline", lang, answered=prog.answered, total=prog.total)
    if prog.complete:
        print(tr("check_done", lang, title=title, progress=line))
        return
    if os.environ.get("NBGRADER_EXECUTION"):
        numbers = {item.id: n for n, item in enumerate(loaded.items, start=1)}
        items = ", ".join(str(numbers[i]) for i in prog.missing)
        raise Incomplete(tr("item_missing", lang, title=title, progress=line, items=items))
    print(tr("check_todo", lang, title=title, progress=line))


__all__ = ["Incomplete", "Rule", "completion", "require_completed"]
