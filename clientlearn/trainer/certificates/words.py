"""What issuing and checking certificates says when it cannot go on, in Ukrainian and
English (raised through ``ClientlearnError.said``)."""

from __future__ import annotations

__all__ = ["ERRORS"]

ERRORS: dict[str, dict[str, str]] = {
    "hint_dates": {
        "uk": "вкажіть --dates (і --place) для цього запуску",
        "en": "pass --dates (and --place) for this run",
    },
    "cannot_create": {
        "uk": "не вдається створити {path}: {reason}. Перевірте права на запис у цю теку.",
        "en": "cannot create {path}: {reason}. Check that the folder is writable.",
    },
    "cannot_read": {
        "uk": "не вдається прочитати {path}: {reason}. Перевірте права на читання.",
        "en": "cannot read {path}: {reason}. Check that it is readable.",
    },
    "no_key": {
        "uk": "у {root} немає {key_file}: сертифікати видано не з цієї теки курсу; вкажіть "
        "параметром --course теку, з якої їх видавали.",
        "en": "no {key_file} in {root}: certificates were not issued from this course folder; "
        "pass the course folder they were made in with --course.",
    },
    "damaged_key": {
        "uk": "{path} пошкоджено ({size} байтів); відновіть його з резервної копії (новий "
        "ключ зробив би неможливою перевірку всіх виданих кодів).",
        "en": "{path} is damaged ({size} bytes); restore it from a backup (a new key would "
        "make every issued code unverifiable).",
    },
    "not_a_code": {
        "uk": "{text} — не код сертифіката; код має вигляд {prefix}-7K3F-9QX2-M4TD (12 "
        "латинських літер і цифр після {prefix}).",
        "en": "{text} is not a certificate code; a code looks like {prefix}-7K3F-9QX2-M4TD "
        "(12 letters and digits after {prefix}).",
    },
    "register_unreadable": {
        "uk": "не вдається прочитати реєстр сертифікатів {path}: {error}.",
        "en": "cannot read the certificate register {path}: {error}.",
    },
    "not_a_register": {
        "uk": "{path}: це не реєстр сертифікатів (немає стовпців {missing}); відновіть його "
        "з резервної копії або виберіть іншу теку --out.",
        "en": "{path}: not a certificate register (missing column(s) {missing}); restore it "
        "from a backup or choose another --out folder.",
    },
    "no_register": {
        "uk": "реєстру сертифікатів {path} немає; вкажіть --course DIR (або --register FILE) "
        "курсу, що видав сертифікат.",
        "en": "no certificate register at {path}; pass --course DIR (or --register FILE) of "
        "the course that issued the certificate.",
    },
    "not_registered": {
        "uk": "коду {code} немає в реєстрі {path}: сертифікат не справжній.",
        "en": "{code} is not in the register {path}: not a genuine certificate.",
    },
    "changed_row": {
        "uk": "{code} не відповідає своєму рядку реєстру (у {path} змінено ім’я, "
        "ідентифікатор, курс або дати): сертифікат не справжній.",
        "en": "{code} does not match its register row (name, id, course or dates were "
        "changed in {path}): not a genuine certificate.",
    },
    "unknown_lang": {
        "uk": "невідома мова {value}; виберіть одну з таких: {choices}.",
        "en": "unknown language {value}; choose one of {choices}.",
    },
    "hours": {
        "uk": "--hours має бути додатним числом годин (а не {hours}).",
        "en": "--hours must be a positive number of hours (got {hours}).",
    },
    "unnamed": {
        "uk": "у журналі оцінок немає імені для {ids}, а сертифікат без імені не видають: "
        "імпортуйте список учасників (clientlearn roster import) або виконайте nbgrader db "
        "student add ID --first-name=… --last-name=… --email=… (команда замінює всі три "
        "поля, тож укажіть усі три), а тоді запустіть це ще раз.",
        "en": "no name in the gradebook for {ids}; a certificate needs one: nbgrader db "
        "student add ID --first-name=… --last-name=… --email=… (it replaces all three, so "
        "give all three) or import the roster, then run this again.",
    },
    "folder": {
        "uk": "не вдається створити теку {folder}: {reason}. Перевірте шлях і права на запис.",
        "en": "cannot create the folder {folder}: {reason}. Check the path and that it is "
        "writable.",
    },
    "fonts": {
        "uk": "бракує шрифтів DejaVu ({missing}); перевстановіть matplotlib.",
        "en": "the DejaVu fonts are missing ({missing}); reinstall matplotlib.",
    },
}
