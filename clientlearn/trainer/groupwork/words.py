"""What summing up the group work says when it cannot go on, in Ukrainian and English
(ClientlearnError.said) — for :mod:`.summary` and :mod:`.export`."""

from __future__ import annotations

__all__ = ["ERRORS"]

ERRORS: dict[str, dict[str, str]] = {
    "out_folder": {
        "uk": "не вдається створити теку {folder}: {reason}. Перевірте шлях і права на запис.",
        "en": "cannot create the output folder {folder}: {reason}. Check the path and that it "
        "is writable.",
    },
    "cannot_write": {
        "uk": "не вдається записати підсумок у {folder}: {reason}; перевірте, чи можна писати "
        "в теку і чи є місце на диску (нічого не змінено)",
        "en": "cannot write the summary into {folder}: {reason}; check that the folder is "
        "writable and the disk has room (nothing was changed)",
    },
    "cannot_put": {
        "uk": "не вдається покласти файли підсумку в {folder}: {reason}; запустіть підсумок ще раз",
        "en": "cannot put the summary files into {folder}: {reason}; run the summary again",
    },
    "answers_unreadable": {
        "uk": "{path}: файл відповідей не читається ({error}); виправте його або винесіть із "
        "теки, а тоді запустіть підсумок ще раз",
        "en": "{path}: not a readable answers file ({error}); fix it or move it out of the "
        "folder, then run the summary again",
    },
    "notebook_unreadable": {
        "uk": "{path}: зошит не читається ({error}); виправте його або винесіть із теки, а "
        "тоді запустіть підсумок ще раз",
        "en": "{path}: not a readable notebook ({error}); fix it or move it out of the folder, "
        "then run the summary again",
    },
    "no_folder": {
        "uk": "теки з роботами не знайдено: {root}",
        "en": "submissions folder not found: {root}",
    },
    "no_answers": {
        "uk": "у {root} не знайдено відповідей; очікувано {root}/<учасник>/<модуль>/{file} "
        "(тека submitted nbgrader)",
        "en": "no answers found under {root}; expected {root}/<student>/<assignment>/{file} "
        "(nbgrader's submitted folder)",
    },
    "not_mapping": {
        "uk": "{where}: очікувалася відповідь групи (словник), а знайдено {value}",
        "en": "{where}: expected a group answer (a mapping), found {value}",
    },
    "bad_group": {
        "uk": "{where}: {group} — не номер групи (1, 2, 3…)",
        "en": "{where}: group {group} is not a group number (1, 2, 3…)",
    },
    "not_list": {
        "uk": "{where}: «{name}» містить {items}, а очікувався список текстів",
        "en": "{where}: '{name}' is {items}, expected a list of text",
    },
    "bad_text": {
        "uk": "{where}: «text» містить {text}, а очікувалися поля з текстом",
        "en": "{where}: 'text' is {text}, expected field: text",
    },
}
