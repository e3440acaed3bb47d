"""What a course notebook calls to show a self-assessment.

Light on purpose: under nbgrader (:mod:`clientlearn.runtime.static`) the saved ratings are
shown as text, and the widget module, with ipywidgets, is imported only where someone
can click.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from clientlearn.core.i18n import LANGUAGES
from clientlearn.runtime.questions import pick
from clientlearn.runtime.static import StaticView, graded_run
from clientlearn.runtime.store import AnswerStore, record_bundle, recover_from_session

from .instruments import Instrument, load_instrument
from .scoring import assess, split_answers

if TYPE_CHECKING:
    from .view import InstrumentView

__all__ = ["instrument_view"]


def instrument_view(
    instrument: Instrument | str | os.PathLike[str],
    folder: str | os.PathLike[str] = ".",
    lang: str = "uk",
    phase: str | None = None,
) -> InstrumentView | StaticView:
    """The widget of ``instrument`` (a shipped id, a YAML path or an Instrument) with the
    answers saved in ``folder``.  Returned, not displayed: make it the cell's last
    expression.  ``phase`` is required for an instrument asked in phases
    (``"before"`` / ``"after"``).  Under nbgrader, where nobody can click, the saved
    ratings as text (:mod:`clientlearn.runtime.static`)."""
    loaded = load_instrument(
        instrument if isinstance(instrument, Instrument | str) else Path(instrument)
    )
    chosen = lang if lang in LANGUAGES else "uk"
    store = AnswerStore(folder, lang=chosen)
    recover_from_session(store)
    if graded_run():
        return _static(loaded, store, chosen, phase)
    from .view import InstrumentView  # ipywidgets: only where someone can click

    return InstrumentView(loaded, store, lang=chosen, phase=phase)


def _static(instrument: Instrument, store: AnswerStore, lang: str, phase: str | None) -> StaticView:
    """Under nbgrader: the saved ratings as text, no widgets and no chart."""
    record_id = instrument.record_id(phase)
    record = store.get(record_id)
    valid, _ = split_answers(instrument, record.value if record is not None else {})
    lines = [assess(instrument, valid, phase).progress.line(lang)]
    for number, item in enumerate(instrument.items, start=1):
        rating = valid.get(item.id)
        lines.append(f"{number}. [{rating if rating is not None else ' '}] {pick(item.text, lang)}")
    return StaticView(pick(instrument.title, lang), lines, record_bundle(record_id, record, lang))
