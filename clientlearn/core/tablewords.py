"""What :mod:`clientlearn.core.tables` says about a table it cannot read, in Ukrainian
and English (raised through ``ClientlearnError.said`` / ``Problem.said``).

``{what}`` names the table's kind ({lang: noun} from :data:`KINDS`, in the genitive in
Ukrainian: «файл списку учасників»); ``{save_as}`` is :data:`SAVE_AS` in the same language.
"""

from __future__ import annotations

__all__ = ["KINDS", "MESSAGES", "SAVE_AS", "kind"]

SAVE_AS = {
    "uk": "збережіть його в Excel у форматі CSV UTF-8 або як .xlsx",
    "en": "save it from Excel as 'CSV UTF-8 (comma delimited)' or as .xlsx",
}

KINDS: dict[str, dict[str, str]] = {
    "roster": {"uk": "списку учасників", "en": "roster"},
    "groups": {"uk": "груп", "en": "groups"},
    "scenarios": {"uk": "сценаріїв", "en": "scenarios"},
}


def kind(what: str) -> dict[str, str]:
    """The name of a table kind in every language (a kind not listed keeps its name)."""
    return KINDS.get(what, {"uk": what, "en": what})


MESSAGES: dict[str, dict[str, str]] = {
    "utf16": {
        "uk": "файл {what} збережено в кодуванні UTF-16 (Unicode); {save_as}",
        "en": "the {what} file is UTF-16 ('Unicode text'); {save_as}",
    },
    "bad_utf8_line": {
        "uk": "цей рядок не є коректним UTF-8, хоча решта файлу є; наберіть наново його "
        "незвичні символи або {save_as}",
        "en": "this line is not valid UTF-8, though the rest of the file is; retype its "
        "unusual characters, or {save_as}",
    },
    "neither": {
        "uk": "файл {what} не є текстом ні в UTF-8, ні в Windows-1251 (cp1251); {save_as}",
        "en": "the {what} file is neither UTF-8 nor Windows-1251 (cp1251) text; {save_as}",
    },
    "neither_here": {
        "uk": "файл {what} не є текстом ні в UTF-8, ні в Windows-1251 (cp1251): тут є "
        "символ {odd}; {save_as}",
        "en": "the {what} file is neither UTF-8 nor Windows-1251 (cp1251) text (it has "
        "{odd} here); {save_as}",
    },
    "csv_quotes": {
        "uk": "{error}; перевірте лапки в цьому рядку або {save_as}",
        "en": "{error}; check the quotes on this line, or {save_as}",
    },
    "no_openpyxl": {
        "uk": "{file}: щоб читати .xlsx, потрібен пакет openpyxl (pip install openpyxl); "
        "або збережіть таблицю як «CSV UTF-8».",
        "en": "{file}: reading .xlsx needs the openpyxl package (pip install openpyxl); "
        "or save the table as 'CSV UTF-8'.",
    },
    "bad_workbook": {
        "uk": "не вдається прочитати цю книгу ({error}); відкрийте її в Excel і {save_as}",
        "en": "cannot read this workbook ({error}); open it in Excel and {save_as}",
    },
    "no_sheet": {
        "uk": "у цій книзі немає аркуша з клітинками; перенесіть таблицю на перший аркуш "
        "або {save_as}",
        "en": "this workbook has no sheet with cells; put the table on its first sheet, "
        "or {save_as}",
    },
    "not_found": {
        "uk": "файл {what} не знайдено: {path}. Перевірте шлях і назву файлу.",
        "en": "{what} file not found: {path}. Check the path and the file name.",
    },
    "unreadable": {
        "uk": "не вдається прочитати файл {what} {path}: {reason}. Перевірте права на читання.",
        "en": "cannot read {what} file {path}: {reason}. Check that it is readable.",
    },
    "old_xls": {
        "uk": "це стара книга Excel 97–2003 (.xls); {save_as}",
        "en": "this is an old Excel 97-2003 workbook (.xls); {save_as}",
    },
    "empty": {
        "uk": "{path}: файл {what} порожній; потрібен рядок заголовків і по рядку на кожну людину.",
        "en": "{path}: the {what} file is empty; it needs a header row and one row per person.",
    },
    "column_twice": {
        "uk": "стовпець трапляється двічі (стовпці {first} і {second}); перейменуйте або "
        "видаліть один",
        "en": "column appears twice (columns {first} and {second}); rename or delete one",
    },
    "too_many_cells": {
        "uk": "клітинок {cells}, а в заголовку {columns}; {hint}",
        "en": "{cells} cells but the header has {columns}; {hint}",
    },
    "hint_quotes": {
        "uk": "візьміть у лапки значення, що містять {delimiter}",
        "en": "put quotes around values that contain {delimiter}",
    },
    "hint_extra": {
        "uk": "дайте зайвому стовпцю заголовок або очистьте його",
        "en": "give the extra column a header or clear it",
    },
}
