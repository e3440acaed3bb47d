"""What building notebooks from lessons (:mod:`clientlearn.trainer.authoring`) says when
a lesson is wrong, in Ukrainian and English (ClientlearnError.said)."""

from __future__ import annotations

__all__ = ["ERRORS"]

ERRORS: dict[str, dict[str, str]] = {
    "instrument_options": {
        "uk": "невідомі параметри {unknown}: використовуйте phase= і points=",
        "en": "unknown option(s) {unknown}: use phase= and points=",
    },
    "task_twice": {
        "uk": "{file}:{line}: завдання {task} використано двічі",
        "en": "{file}:{line}: {task} is used twice",
    },
    "at_line": {"uk": "{file}:{line}: {error}", "en": "{file}:{line}: {error}"},
    "handin_twice": {
        "uk": "{file}:{line}: рядок {handin} використано двічі; залиште один",
        "en": "{file}:{line}: {handin} is used twice",
    },
    "asked_twice": {
        "uk": "{file}:{line}: питання {qid} поставлено двічі",
        "en": "{file}:{line}: question {qid} is asked twice",
    },
    "not_in_bank": {
        "uk": "{file}:{line}: у банку {bank} немає питання {qid}",
        "en": "{file}:{line}: no question {qid} in the bank {bank}",
    },
    "open_block": {
        "uk": "{file}: блок ```python не закрито",
        "en": "{file}: a ```python block is not closed",
    },
    "open_task": {
        "uk": "{file}: завдання {task} не має {{{{ end }}}}",
        "en": "{file}: the task {task} has no {{{{ end }}}}",
    },
    "lesson_unreadable": {
        "uk": "{path}: не вдається прочитати урок: {reason}",
        "en": "{path}: cannot read the lesson: {reason}",
    },
    "no_lessons": {
        "uk": "у {lessons} немає уроків; кожен модуль потребує там своїх уроків",
        "en": "no lessons in {lessons}; each module needs its lessons there",
    },
    "stray_notebooks": {
        "uk": "у {folder} є {stray} без уроку в {lessons}; напишіть урок (зошит збирається з "
        "нього) або вилучіть зошит",
        "en": "{folder} holds {stray} without a lesson in {lessons}; write the lesson (the "
        "notebook is built from it) or remove the notebook",
    },
}
