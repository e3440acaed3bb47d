"""Every string of the hand-in widget and the manifest check, in Ukrainian and English."""

from __future__ import annotations

from clientlearn.core.i18n import translate

MESSAGES: dict[str, dict[str, str]] = {
    "title": {"uk": "Здати роботу", "en": "Hand in your work"},
    "name_label": {
        "uk": "Ваші ім’я та прізвище (як у списку учасників)",
        "en": "Your first and last name (as on the list of participants)",
    },
    "name_saved": {
        "uk": "Ім’я збережено: {name}. Його підставлено в усі зошити курсу.",
        "en": "Name saved: {name}. It is filled in for every notebook of the course.",
    },
    "name_missing": {
        "uk": "Спершу впишіть своє ім’я та прізвище й натисніть Enter.",
        "en": "First type your first and last name and press Enter.",
    },
    "button": {
        "uk": "Зберегти зошит і завантажити роботу (.zip)",
        "en": "Save the notebook and download the work (.zip)",
    },
    "explain": {
        "uk": "Кнопка зберігає цей зошит і завантажує один файл {file}: усі зошити модуля "
        "(інші — такими, якими ви їх востаннє зберегли, Ctrl+S), ваші відповіді та "
        "контрольні суми. Надішліть цей файл тренерові, не розпаковуючи його.",
        "en": "The button saves this notebook and downloads one file, {file}: every notebook "
        "of the module (the others as you last saved them, Ctrl+S), your answers and "
        "checksums. Send this file to your trainer without unpacking it.",
    },
    "made": {
        "uk": "Файл {file} готовий ({n} файлів, {time}). Якщо завантаження не почалося, "
        "натисніть кнопку ще раз.",
        "en": "The file {file} is ready ({n} files, {time}). If the download did not "
        "start, press the button again.",
    },
    "failed": {
        "uk": "Не вдалося зібрати файл: {error}. Збережіть зошит (Ctrl+S) і спробуйте ще раз.",
        "en": "The file could not be made: {error}. Save the notebook (Ctrl+S) and try again.",
    },
    "storage_warning": {
        "uk": "Увага: цей браузер не обіцяє зберігати дані сайту (так буває в приватному "
        "вікні або коли браузер сам чистить сховище). Відповіді можуть зникнути, щойно "
        "ви закриєте браузер: працюйте у звичайному вікні й наприкінці заняття "
        "завантажте роботу кнопкою нижче.",
        "en": "Warning: this browser does not promise to keep the site's data (as in a "
        "private window, or when the browser clears storage itself). Your answers may be "
        "gone once you close the browser: work in a normal window and at the end of the "
        "session download your work with the button below.",
    },
    "storage_ok": {
        "uk": "Браузер зберігатиме відповіді й після закриття.",
        "en": "The browser keeps your answers after it is closed.",
    },
    # What a graded copy shows in the widget's place (nobody can click there).
    "graded_name": {
        "uk": "Ім’я, вписане для здачі: {name}.",
        "en": "Name given for the hand-in: {name}.",
    },
    "graded_no_name": {
        "uk": "Ім’я для здачі не вписано.",
        "en": "No name was given for the hand-in.",
    },
    # The trainer's side: ``clientlearn collect`` checking a hand-in.
    "bad_json": {"uk": "це не JSON ({error})", "en": "not JSON ({error})"},
    "not_manifest": {
        "uk": "це не опис здачі clientlearn",
        "en": "not a clientlearn hand-in manifest",
    },
    "bad_version": {"uk": "невідома версія {version}", "en": "unsupported version {version}"},
    "bad_files": {
        "uk": "поле files має зіставляти шлях і SHA-256",
        "en": "'files' is not a mapping of path to SHA-256",
    },
    "bad_created": {
        "uk": "поле created не є часом: {value}",
        "en": "'created' is not a time: {value}",
    },
    "missing": {
        "uk": "файл {path} названо, але в архіві його немає",
        "en": "{path} is listed but not in the zip",
    },
    "differs": {
        "uk": "файл {path} не збігається зі своєю сумою SHA-256 в описі",
        "en": "{path} differs from its SHA-256 in the manifest",
    },
    "unlisted": {
        "uk": "файл {path} є в архіві, але не в описі",
        "en": "{path} is in the zip but not in the manifest",
    },
    "again": {
        "uk": "попросіть учасника ще раз натиснути кнопку здачі й надіслати новий архів "
        "без змін (не розпаковуючи і не пакуючи заново)",
        "en": "ask the participant to press the hand-in button again and send the new "
        "zip unchanged (neither unpacked nor re-packed)",
    },
}


def msg(key: str, lang: str = "uk", **values: object) -> str:
    return translate(MESSAGES, key, lang, **values)
