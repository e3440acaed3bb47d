"""An answer as text for people: in the feedback pages and in graded notebooks.

The feedback (:mod:`clientlearn.grader.feedback`) shows each participant's answer under its
question; a notebook run by nbgrader shows the same text in place of the widget
(:mod:`clientlearn.runtime.static`).  Light on purpose: it runs in every grading kernel.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.i18n import tr, translate
from clientlearn.core.numbers import format_number

from .questions import (
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
    pick,
)

__all__ = ["MESSAGES", "decimal", "describe_answer", "label", "message"]

MESSAGES: dict[str, dict[str, str]] = {
    "your_answer": {"uk": "Ваша відповідь", "en": "Your answer"},
    "no_answer": {"uk": "Відповіді не було.", "en": "No answer was given."},
    "points": {"uk": "Бали", "en": "Points"},
    "points_value": {"uk": "{earned} з {points}", "en": "{earned} of {points}"},
    "explanation": {"uk": "Пояснення", "en": "Explanation"},
    "unanswered": {
        "uk": "Відповіді не було, тому за це питання 0 балів.",
        "en": "No answer was given, so this question earns 0 points.",
    },
    "incomplete": {
        "uk": "Самооцінювання не завершено, тому бали за нього не нараховано.",
        "en": "The self-assessment was not finished, so it earns no points.",
    },
    "check_failed": {
        "uk": "Перевірка не спрацювала ({error}). Зверніться до тренера.",
        "en": "The check did not work ({error}). Ask your trainer.",
    },
    "output_hidden": {
        "uk": "Вивід перевірки приховано.",
        "en": "The check's output is hidden.",
    },
    "answers_unreadable": {
        "uk": "Файл відповідей не вдалося прочитати. Зверніться до тренера.",
        "en": "The answers file could not be read. Ask your trainer.",
    },
    "unplaced": {"uk": "не розподілено", "en": "not placed"},
    "ending": {"uk": "Фінал", "en": "Ending"},
    "unfinished": {"uk": "сценарій не завершено", "en": "the scenario was not finished"},
}


def message(key: str, lang: str, **values: object) -> str:
    return translate(MESSAGES, key, lang, **values)


def label(key: str, lang: str) -> str:
    """A label in Ukrainian, followed by English when the bank is English
    (clientlearn is Ukrainian first; an English course still shows both)."""
    if lang == "uk":
        return message(key, "uk")
    return f"{message(key, 'uk')} / {message(key, lang)}"


def decimal(value: float, lang: str) -> str:
    return format_number(value, lang)


def _option_text(options: Sequence[Any], oid: Any, lang: str) -> str:
    for option in options:
        if option.id == oid:
            return pick(option.text, lang)
    return str(oid)


def describe_answer(question: Question, value: Answer, lang: str) -> tuple[list[str], bool]:
    """An answer as text for people: its lines, and whether their order matters.

    An answer that does not fit its question (edited by hand) is shown as it was saved.
    """
    if not question.is_answered(value):
        return [message("no_answer", lang)], False
    try:
        question.check_answer(value)
    except ClientlearnError:
        return [json.dumps(value, ensure_ascii=False)], False
    if isinstance(question, SingleChoice):
        return [_option_text(question.options, value, lang)], False
    if isinstance(question, MultipleChoice):
        return [_option_text(question.options, v, lang) for v in value], False
    if isinstance(question, TrueFalse):
        return [tr("true" if value else "false", lang)], False
    if isinstance(question, Ordering):
        return [_option_text(question.items, v, lang) for v in value], True
    if isinstance(question, Matching):
        lines = []
        for item in question.items:
            chosen = value.get(item.id)
            unplaced = message("unplaced", lang)
            where = _option_text(question.bins, chosen, lang) if chosen else unplaced
            lines.append(f"{pick(item.text, lang)} → {where}")
        return lines, False
    if isinstance(question, Rating):
        index = value - question.scale_min
        labels = question.labels
        label = pick(labels[index], lang) if 0 <= index < len(labels) else ""
        return [f"{value} — {label}" if label else str(value)], False
    if isinstance(question, Numeric):
        unit = pick(question.unit, lang)
        return [f"{value} {unit}".strip()], False
    if isinstance(question, Scenario):
        steps, at = question.walk(value)
        lines = [pick(choice.text, lang) for _, choice in steps]
        ending = question.endings.get(at)
        end = pick(ending.text, lang) if ending else message("unfinished", lang)
        return [*lines, f"{message('ending', lang)}: {end}"], True
    if isinstance(question, ShortText):
        return [value], False
    return [json.dumps(value, ensure_ascii=False)], False
