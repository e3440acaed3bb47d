"""Why a saved answer cannot belong to its question (an answers file edited by hand),
in Ukrainian and English: what :func:`clientlearn.runtime.questionbase.require` says."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "answer_to": {"uk": "відповідь на «{qid}»: {what}", "en": "answer to {qid!r}: {what}"},
    "unknown_option": {"uk": "невідомий варіант {option}", "en": "unknown option {option}"},
    "option_list": {
        "uk": "очікувано список ідентифікаторів варіантів",
        "en": "expected a list of option ids",
    },
    "unknown_options": {"uk": "невідомі варіанти {options}", "en": "unknown options {options}"},
    "item_list": {
        "uk": "очікувано список ідентифікаторів елементів",
        "en": "expected a list of item ids",
    },
    "item_twice": {"uk": "елемент трапляється двічі", "en": "an item appears twice"},
    "unknown_items": {"uk": "невідомі елементи {items}", "en": "unknown items {items}"},
    "item_to_bin": {
        "uk": "очікувано відображення елемент → група",
        "en": "expected a mapping item -> bin",
    },
    "unknown_bins": {"uk": "невідомі групи {bins}", "en": "unknown bins {bins}"},
    "text": {"uk": "очікувано текст", "en": "expected text"},
    "not_a_number": {"uk": "{value} — не число", "en": "{value} is not a number"},
    "rating_outside": {
        "uk": "оцінка {rating} поза межами {low}..{high}",
        "en": "rating {rating} is outside {low}..{high}",
    },
    "choices_taken": {
        "uk": "очікувано список зроблених виборів",
        "en": "expected the list of choices taken",
    },
    "no_key": {
        "uk": "питання «{qid}» не має ключа в цьому банку: це копія для учасників. "
        "Оцінюйте з банком тренера (nbgrader autograde відновлює його).",
        "en": "question {qid!r} has no key in this bank: it is the participants' copy. "
        "Grade with the instructor's bank (nbgrader autograde restores it).",
    },
    "choice_impossible": {
        "uk": "вибір «{choice}» неможливий у «{at}»",
        "en": "choice {choice!r} is not possible at {at!r}",
    },
}
