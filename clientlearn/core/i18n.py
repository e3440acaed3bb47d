"""Every string the library shows a person, in Ukrainian (the default) and English.

Participant-facing Ukrainian uses the typographic apostrophe ’ throughout.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGUAGES = ("uk", "en")

MESSAGES: dict[str, dict[str, str]] = {
    "progress_to_do": {
        "uk": "{label}: усього {n}",
        "en": "{label}: {n} to do",
    },
    "saved": {
        "uk": "✓ Відповідь збережено о {time} (спроба {attempts}).",
        "en": "✓ Answer saved at {time} (attempt {attempts}).",
    },
    "not_answered_yet": {
        "uk": "Відповіді ще немає.",
        "en": "No answer yet.",
    },
    "unanswered": {
        "uk": "Питання «{label}» ({qid}) ще без відповіді. Поверніться до нього вище, "
        "дайте відповідь і збережіть зошит.",
        "en": "Question “{label}” ({qid}) has no answer yet. Go back to it above, "
        "answer it and save the notebook.",
    },
    "check_answered": {
        "uk": "✓ Відповідь на це питання збережено.",
        "en": "✓ An answer to this question is saved.",
    },
    "check_unanswered": {
        "uk": "Відповіді на питання вище ще немає: вона збережеться, щойно ви відповісте.",
        "en": "The question above has no answer yet: it is saved as soon as you answer.",
    },
    "set_aside": {
        "uk": "Файл відповідей {name} пошкоджений або належить іншій програмі: його "
        "відкладено як {aside}, а відповіді далі зберігаються в новому файлі. "
        "Повідомте тренера — нічого не втрачено.",
        "en": "The answers file {name} is damaged or belongs to another program: it was "
        "set aside as {aside} and answers are now saved in a new file. "
        "Tell your trainer — nothing was lost.",
    },
    "write_failed": {
        "uk": "Не вдається записати {path}: {reason}. Перевірте, чи тека існує і чи можна в "
        "неї писати.",
        "en": "cannot write {path}: {reason}; check that the folder exists and is writable",
    },
    "save_failed": {
        "uk": "Не вдалося зберегти відповідь: {error}. Перевірте, чи є місце на диску "
        "і чи можна писати в цю теку.",
        "en": "The answer could not be saved: {error}. Check that the disk has room "
        "and that this folder is writable.",
    },
    "lock_timeout": {
        "uk": "Файл відповідей {path} уже {seconds} с зайнятий іншою програмою. Закрийте "
        "інші копії цього зошита й запустіть клітинку ще раз.",
        "en": "{path}: another program has held the answers lock for {seconds} s; close "
        "other copies of this notebook and run the cell again.",
    },
    "read_failed": {
        "uk": "Не вдалося прочитати файл відповідей {path}: {error}. Перевірте, чи ви "
        "можете читати й змінювати цю теку та файл.",
        "en": "{path} cannot be read ({error}); check that the folder and the file are "
        "yours to read and write.",
    },
    "set_aside_failed": {
        "uk": "Файл відповідей {path} не читається ({reason}), і його не вдалося відкласти "
        "({error}). Перенесіть його вручну в іншу теку й запустіть клітинку ще раз.",
        "en": "{path} cannot be read ({reason}) and cannot be moved aside ({error}); move "
        "it away by hand and run the cell again.",
    },
    # Why a text is not an answers file (store.decode): shown after the file's name.
    "answers_not_json": {
        "uk": "це не JSON (рядок {line}, символ {column})",
        "en": "not JSON (line {line}, column {column})",
    },
    "answers_too_deep": {
        "uk": "це не файл відповідей (JSON вкладено надто глибоко)",
        "en": "not an answers file (JSON nested too deeply)",
    },
    "answers_not_ours": {
        "uk": "це не файл відповідей clientlearn",
        "en": "not a clientlearn answers file",
    },
    "answers_version": {
        "uk": "непідтримувана версія файлу відповідей: {version}",
        "en": "unsupported answers-file version {version}",
    },
    "answers_not_mapping": {
        "uk": "'answers' — не відображення (ключ: значення)",
        "en": "'answers' is not a mapping",
    },
    "answers_bad_record": {"uk": "answers.{qid}: {error}", "en": "answers.{qid}: {error}"},
    "record_not_record": {
        "uk": "це не запис відповіді: {data}",
        "en": "not an answer record: {data}",
    },
    "record_time": {
        "uk": "saved_at поза можливими межами: {time}",
        "en": "saved_at is out of range: {time}",
    },
    "answer_not_json": {
        "uk": "відповідь на «{qid}» не можна зберегти як JSON: {error}",
        "en": "answer to {qid!r} is not JSON: {error}",
    },
    "correct": {"uk": "Правильно!", "en": "Correct!"},
    "partly": {
        "uk": "Частково правильно: {percent}% балів.",
        "en": "Partly right: {percent}% of the points.",
    },
    "wrong": {"uk": "Поки що ні. Спробуйте ще раз.", "en": "Not yet. Try again."},
    "tries": {"uk": "Спроб: {n}", "en": "Tries: {n}"},
    "check": {"uk": "Перевірити", "en": "Check"},
    "answer": {"uk": "Відповідь", "en": "Answer"},
    "true": {"uk": "Правда", "en": "True"},
    "false": {"uk": "Неправда", "en": "False"},
    "choose": {"uk": "— оберіть —", "en": "— choose —"},
    "your_order": {"uk": "Ваш порядок:", "en": "Your order:"},
    "to_place": {
        "uk": "Перетягніть кроки в список нижче або натискайте їх у потрібному порядку:",
        "en": "Drag the steps into the list below, or click them in the right order:",
    },
    "all_placed": {"uk": "Усі кроки розставлено.", "en": "All steps are placed."},
    "move_up": {"uk": "Вище: {item}", "en": "Up: {item}"},
    "move_down": {"uk": "Нижче: {item}", "en": "Down: {item}"},
    "remove": {"uk": "Прибрати: {item}", "en": "Remove: {item}"},
    "place": {"uk": "Додати: {item}", "en": "Add: {item}"},
    "placed": {"uk": "{item}: позиція", "en": "{item}: position"},
    "removed": {"uk": "{item} прибрано зі списку", "en": "{item} removed from the list"},
    "sort_keys": {
        "uk": "Alt+↑ / Alt+↓ — перемістити, Delete — прибрати",
        "en": "Alt+↑ / Alt+↓ to move, Delete to remove",
    },
    "type_here": {"uk": "Введіть відповідь", "en": "Type your answer"},
    "type_number": {"uk": "Введіть число", "en": "Type a number"},
    "not_a_number": {
        "uk": "«{value}» — не число. Використовуйте цифри, дробову частину — після коми.",
        "en": "“{value}” is not a number. Use digits, with a decimal comma or point.",
    },
    "restart": {"uk": "Почати спочатку", "en": "Start again"},
    "scenario_end": {"uk": "Кінець сценарію", "en": "End of the scenario"},
    "ending_score": {
        "uk": "Цей фінал дає {percent}% балів.",
        "en": "This ending earns {percent}% of the points.",
    },
    "path_so_far": {"uk": "Ваші кроки:", "en": "Your steps:"},
    "explanation": {"uk": "Пояснення: {text}", "en": "Explanation: {text}"},
    "graded_note": {
        "uk": "Оцінюване питання: правильність покаже тренер після перевірки.",
        "en": "Graded question: your trainer will show the result after grading.",
    },
    "points": {"uk": "Балів: {points}", "en": "Points: {points}"},
}


def default_language() -> str:
    """``CLIENTLEARN_LANG`` if it names a supported language, else Ukrainian."""
    lang = os.environ.get("CLIENTLEARN_LANG", "uk")
    return lang if lang in LANGUAGES else "uk"


def translate(table: Mapping[str, Mapping[str, str]], key: str, lang: str, **values: object) -> str:
    """Message ``key`` of ``table`` in ``lang`` (Ukrainian if ``lang`` is unknown), filled in."""
    entry = table[key]
    return entry.get(lang, entry["uk"]).format(**values)


def tr(key: str, lang: str, **values: object) -> str:
    """The library's message ``key`` in ``lang``, filled in."""
    return translate(MESSAGES, key, lang, **values)
