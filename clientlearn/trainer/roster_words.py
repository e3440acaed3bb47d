"""What reading a roster (:mod:`clientlearn.trainer.roster`) and importing it into the
gradebook (:mod:`clientlearn.trainer.roster_import`) say when something is wrong, in
Ukrainian and English."""

from __future__ import annotations

__all__ = ["FIELD_NAMES", "MESSAGES"]

# A roster field as the messages name it (the column that holds …).
FIELD_NAMES: dict[str, dict[str, str]] = {
    "name": {"uk": "ПІБ", "en": "name"},
    "first_name": {"uk": "ім’я", "en": "first name"},
    "last_name": {"uk": "прізвище", "en": "last name"},
    "patronymic": {"uk": "по батькові", "en": "patronymic"},
    "library": {"uk": "бібліотеку", "en": "library"},
    "oblast": {"uk": "область", "en": "oblast"},
    "email": {"uk": "e-mail", "en": "email"},
    "id": {"uk": "ідентифікатор", "en": "id"},
}

MESSAGES: dict[str, dict[str, str]] = {
    "no_name_column": {
        "uk": "немає стовпця з іменами людей (знайдено стовпці: {found}); назвіть його «ПІБ» "
        "(або «name») чи заведіть два стовпці «Прізвище» та «Ім’я»",
        "en": "no column with the people's names (the columns found are: {found}); name it "
        "'ПІБ' (or 'name'), or use two columns 'Прізвище' and 'Ім’я'",
    },
    "none_found": {"uk": "жодного", "en": "none"},
    "empty": {
        "uk": "список учасників порожній; потрібен рядок заголовків (ПІБ, бібліотека, "
        "область, e-mail) і по рядку на кожну людину",
        "en": "the roster is empty; it needs a header row (ПІБ, бібліотека, область, e-mail) "
        "and one row per person",
    },
    "same_field": {
        "uk": "стовпці «{first}» і «{second}» обидва містять {field}; перейменуйте або "
        "видаліть один",
        "en": "columns '{first}' and '{second}' both hold the {field}; rename or delete one",
    },
    "no_name": {
        "uk": "немає імені; заповніть клітинку або видаліть рядок",
        "en": "no name; fill it in or delete the row",
    },
    "email_cyrillic": {
        "uk": "в адресі «{email}» є кирилична літера «{letter}»; наберіть адресу латиницею",
        "en": "'{email}' has the Cyrillic letter '{letter}'; retype the address in Latin letters",
    },
    "email_several": {
        "uk": "«{email}» містить більше ніж одну адресу; залиште по одній адресі на людину",
        "en": "'{email}' holds more than one address; keep one address per person",
    },
    "email_bad": {
        "uk": "«{email}» — не адреса електронної пошти (на зразок name@example.org); "
        "виправте її або очистьте клітинку",
        "en": "'{email}' is not an e-mail address (like name@example.org); correct it or "
        "clear the cell",
    },
    "bad_id": {
        "uk": "«{id}» не може бути ідентифікатором nbgrader; використовуйте лише латинські "
        "літери, цифри та _ . - @ або очистьте клітинку, і ідентифікатор буде утворено з імені",
        "en": "'{id}' cannot be an nbgrader id; use Latin letters, digits and _ . - @ only, "
        "or clear the cell to have one made from the name",
    },
    "same_person": {
        "uk": "«{name}» є в рядках {first} і {second} з тією самою адресою e-mail; видаліть "
        "один із двох рядків",
        "en": "'{name}' is in rows {first} and {second} with the same e-mail; delete one of "
        "the two rows",
    },
    "no_people": {
        "uk": "у списку учасників є рядок заголовків (рядок {line}), але немає людей; додайте "
        "по рядку на кожну людину",
        "en": "the roster has a header (row {line}) but no people; add one row per person",
    },
    "id_twice": {
        "uk": "ідентифікатор «{id}» є також у рядку {other}; ідентифікатори мають бути різними",
        "en": "id '{id}' is also in row {other}; ids must be unique",
    },
    "no_latin_id": {
        "uk": "з імені «{name}» не вдається утворити латинський ідентифікатор; додайте "
        "стовпець «id» і дайте цій людині ідентифікатор із латинських літер, цифр і _",
        "en": "cannot make a Latin id from '{name}'; add an 'id' column and give this person "
        "an id of Latin letters, digits and _",
    },
    "gradebook_unreadable": {
        "uk": "не вдається прочитати журнал оцінок {db}: {error}. Перевірте, чи це справді "
        "gradebook.db nbgrader.",
        "en": "cannot read the gradebook {db}: {error}. Check that it is nbgrader's gradebook.db.",
    },
    "not_course": {
        "uk": "{root} — не тека курсу nbgrader (у ній немає nbgrader_config.py); вкажіть "
        "теку курсу (параметр --course команди).",
        "en": "{root} is not an nbgrader course folder (no nbgrader_config.py in it); point "
        "to the course folder (the --course option of the command).",
    },
    "import_stopped": {
        "uk": "імпорт списку учасників зупинився: {error}; {after}",
        "en": "the roster import stopped: {error}; {after}",
    },
    "left_as_was": {
        "uk": "журнал оцінок {url} залишився таким, як був; виправте це й запустіть імпорт ще раз",
        "en": "the gradebook {url} was left as it was; fix this and run the import again",
    },
    "undo_failed": {
        "uk": "повернути журнал оцінок {url} до попереднього стану теж не вдалося "
        "({undo_error}), тож у ньому може бути частина цього списку; виправте це й "
        "запустіть імпорт ще раз (повторювати безпечно)",
        "en": "putting the gradebook {url} back failed too ({undo_error}), so it may hold part "
        "of this roster; fix this and run the import again (it is safe to repeat)",
    },
}
