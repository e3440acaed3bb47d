"""What a course notebook calls for group work: the timer, the group answer form and
the observer's rubric.

Light on purpose: arguments are checked here, under nbgrader (:mod:`clientlearn.runtime.static`)
each shows its text, and the widget modules, with ipywidgets and anywidget, are imported
only where someone can click.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.static import StaticView, graded_run
from clientlearn.runtime.store import AnswerStore, recover_from_session

from .messages import MESSAGES, check_lang, msg, pick_text
from .rubric import load_rubric

if TYPE_CHECKING:
    from .forms import GroupAnswerView
    from .observer import ObserverRubricView
    from .timer import ExerciseTimer

__all__ = ["MAX_MINUTES", "exercise_timer", "format_time", "group_answer", "observer_rubric"]

Text = str | Mapping[str, str]
_EXERCISE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
# A training day has no exercise longer than a session; longer is surely a typo (600 for 60).
MAX_MINUTES = 240


def format_time(seconds: float) -> str:
    """``mm:ss``, rounded up as countdowns show it: 0.2 s left still reads 00:01,
    and 00:00 means the time is up.  Minutes may exceed 59 (``90:00``)."""
    whole = max(0, math.ceil(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"


def timer_text(label: str, seconds: float, lang: str) -> str:
    clock = format_time(seconds)
    if label:
        return msg("timer_text_label", lang, label=label, time=clock)
    return msg("timer_text", lang, time=clock)


def exercise_timer(
    minutes: float, *, label: str | None = None, lang: str = "uk"
) -> ExerciseTimer | StaticView:
    """A timer of ``minutes`` (fractions allowed: 0.5 is 30 s), stopped, ready to start.

    Returned, not displayed: make it the cell's last expression to show it.
    """
    check_lang(lang)
    if isinstance(minutes, bool) or not isinstance(minutes, int | float):
        raise ClientlearnError.said(MESSAGES, "timer_minutes", minutes=repr(minutes))
    if not math.isfinite(minutes) or not 0 < minutes <= MAX_MINUTES:
        raise ClientlearnError.said(
            MESSAGES, "timer_impossible", minutes=repr(minutes), most=MAX_MINUTES
        )
    seconds = max(1, round(minutes * 60))
    if graded_run():  # nobody is there to start it (clientlearn.runtime.static)
        return StaticView(timer_text(label or "", seconds, lang), [])
    from .timer import ExerciseTimer

    return ExerciseTimer(duration=seconds, remaining=float(seconds), label=label or "", lang=lang)


def _labels(spec: Mapping[str, Text] | None, lang: str, what: str) -> dict[str, str]:
    if spec is None:
        return {}
    labels: dict[str, str] = {}
    for key, text in spec.items():
        if not isinstance(key, str) or not key.strip():
            raise ClientlearnError.said(
                MESSAGES, "not_an_id", what=what, key_given=repr(key), example="'greet'"
            )
        label = pick_text(text, lang).strip()
        if not label:
            raise ClientlearnError.said(
                MESSAGES, "no_text_in", what=what, key_given=repr(key), lang_given=repr(lang)
            )
        labels[key] = label
    return labels


def group_answer(
    exercise_id: str,
    *,
    prompt: Text,
    groups_csv: str | os.PathLike[str] | None = None,
    fields: Mapping[str, Text] | None = None,
    steps: Mapping[str, Text] | None = None,
    folder: str | os.PathLike[str] | None = None,
    lang: str = "uk",
) -> GroupAnswerView | StaticView:
    """The group answer form of ``exercise_id`` (see the module docstring).

    ``prompt``, the ``fields`` labels and the ``steps`` texts are plain text or
    ``{uk: ..., en: ...}``.  ``groups_csv`` and answers are in ``folder`` (default: the
    notebook's folder).  Returned, not displayed: make it the cell's last expression.
    """
    check_lang(lang)
    if not isinstance(exercise_id, str) or not _EXERCISE_ID.match(exercise_id):
        raise ClientlearnError.said(
            MESSAGES, "exercise_id", exercise=repr(exercise_id), signs="'.', '-', '_'"
        )
    base = Path(folder) if folder is not None else Path.cwd()
    field_labels = _labels(fields, lang, "fields") or {"text": msg("group_text", lang)}
    step_texts = _labels(steps, lang, "steps")
    if graded_run():  # nobody can click: the task as text (clientlearn.runtime.static)
        return StaticView(pick_text(prompt, lang), list(step_texts.values()))
    from ._form import read_groups
    from .forms import GroupAnswerView

    groups, notice = read_groups(groups_csv, base, lang)
    store = AnswerStore(base, lang=lang)
    recover_from_session(store)
    return GroupAnswerView(
        exercise_id,
        prompt=pick_text(prompt, lang),
        groups=groups,
        notice=notice,
        fields=field_labels,
        steps=step_texts,
        store=store,
        lang=lang,
    )


def observer_rubric(
    rubric: str | os.PathLike[str] = "roleplay",
    *,
    round: int | None = None,
    groups_csv: str | os.PathLike[str] | None = None,
    folder: str | os.PathLike[str] | None = None,
    lang: str = "uk",
) -> ObserverRubricView | StaticView:
    """The observer's form for ``rubric`` (a shipped rubric id or a YAML path).

    ``round`` fixes the round (otherwise the observer chooses it); with
    ``groups_csv`` the observed person is chosen from the groups, otherwise typed.
    Returned, not displayed: make it the cell's last expression.
    """
    check_lang(lang)
    if round is not None and (isinstance(round, bool) or not isinstance(round, int) or round < 1):
        raise ClientlearnError.said(MESSAGES, "not_a_round", round=repr(round))
    model = load_rubric(rubric)
    if graded_run():  # nobody can click: the criteria as text (clientlearn.runtime.static)
        return StaticView(model.title_in(lang), [c.title_in(lang) for c in model.criteria])
    base = Path(folder) if folder is not None else Path.cwd()
    from ._form import read_groups
    from .observer import ObserverRubricView

    groups, notice = read_groups(groups_csv, base, lang)
    store = AnswerStore(base, lang=lang)
    recover_from_session(store)
    return ObserverRubricView(
        model, round=round, groups=groups, notice=notice, store=store, lang=lang
    )
