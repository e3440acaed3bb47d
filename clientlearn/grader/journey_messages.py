"""The uk/en messages of the trainer's journey in the library: release, collect,
feedback (the commands' own output is in their CLI modules)."""

from __future__ import annotations

from clientlearn.core.i18n import translate

__all__ = ["MESSAGES", "msg"]

MESSAGES: dict[str, dict[str, str]] = {
    "roster_no_id": {
        "uk": "{path}: немає стовпця «id» (знайдено: {found}); у списку учасників мають бути "
        "id, name, first_name, last_name, email",
        "en": "{path}: no 'id' column (found {found}); the roster needs id, name, first_name, "
        "last_name, email",
    },
    "nothing": {"uk": "нічого", "en": "nothing"},
    "answers_in_source_plugin": {
        "uk": "{path}: у вихідній теці модуля лежить файл відповідей; видаліть його "
        "(відповіді належать лише текам учасників) і запустіть ще раз",
        "en": "{path}: an answers file is in the assignment source; delete it (answers belong "
        "to participants' folders only) and run again",
    },
    "config_unreadable": {
        "uk": "не вдається прочитати {path}: {error}; виправте файл (nbgrader на ньому теж "
        "зупинився б)",
        "en": "cannot read {path}: {error}; fix the file (nbgrader itself would fail on it too)",
    },
    "no_gradebook": {
        "uk": "журналу оцінок {path} немає: запустіть це в теці курсу nbgrader (тій, де лежить "
        "nbgrader_config.py) або вкажіть --course ТЕКА, після `clientlearn release`",
        "en": "no gradebook at {path}: run this in the nbgrader course folder (the one holding "
        "nbgrader_config.py), or pass --course DIR, after `clientlearn release`",
    },
    "gradebook_unreachable": {
        "uk": "не вдається відкрити журнал оцінок {url} (CourseDirectory.db_url у {config}): "
        "{reason}; перевірте, чи працює сервер бази даних і чи правильні адреса, користувач "
        "і пароль",
        "en": "cannot open the gradebook {url} (CourseDirectory.db_url of {config}): {reason}; "
        "check that the database server runs and the URL, user and password are right",
    },
    "no_course": {
        "uk": "{folder} — не тека курсу nbgrader: у ній немає {config}. Запустіть команду "
        "в теці курсу (course/) або вкажіть її: --course ТЕКА.",
        "en": "{folder} is not an nbgrader course folder: it has no {config}. Run the "
        "command in the course folder (course/) or name it with --course DIR.",
    },
    "bad_module": {
        "uk": "«{module}» — не назва модуля; назвіть модуль, наприклад module1_client_service.",
        "en": "“{module}” is not a module name; name a module, e.g. module1_client_service.",
    },
    "unknown_module": {
        "uk": "Модуль «{module}» не знайдено: немає ні {entry}, ні теки з зошитами з такою "
        "назвою в {beside}. Модулі, які є: {known}.",
        "en": "No module “{module}”: neither {entry} nor a folder of notebooks by that name "
        "in {beside}. The modules there are: {known}.",
    },
    "none": {"uk": "жодного", "en": "none"},
    "link_failed": {
        "uk": "Не вдалося створити посилання {entry} на теку модуля {target}: {error}. "
        "Перевірте, чи можна писати в теку курсу.",
        "en": "Cannot make the link {entry} to the module folder {target}: {error}. "
        "Check that the course folder is writable.",
    },
    "answers_in_source": {
        "uk": "{path}: у теці модуля лежить файл відповідей (ваші пробні відповіді). "
        "Видаліть його і запустіть команду ще раз: інакше його отримали б усі учасники.",
        "en": "{path}: an answers file is in the module folder (your own trial answers). "
        "Delete it and run the command again: otherwise every participant would get it.",
    },
    "no_groups_file": {
        "uk": "Файлу груп {path} немає. Назвіть наявний groups.csv (його записує "
        "clientlearn groups form) або пропустіть --groups.",
        "en": "The groups file {path} does not exist. Name an existing groups.csv (written "
        "by clientlearn groups form) or leave out --groups.",
    },
    "step_generate": {
        "uk": "Готую модуль {module} для учасників (nbgrader generate_assignment)…",
        "en": "Preparing {module} for the participants (nbgrader generate_assignment)…",
    },
    "step_exchange": {
        "uk": "Видаю {module} через теку обміну (nbgrader release_assignment)…",
        "en": "Releasing {module} to the exchange (nbgrader release_assignment)…",
    },
    "nothing_graded": {
        "uk": "Модуль {module} ще не перевірено: немає робіт у autograded/. Спершу "
        "виконайте clientlearn autograde {module}.",
        "en": "{module} has not been graded yet: autograded/ holds none of its work. Run "
        "clientlearn autograde {module} first.",
    },
    "step_feedback": {
        "uk": "Створюю зворотний зв’язок з {module} (учасників: {n}; nbgrader generate_feedback)…",
        "en": "Writing the feedback on {module} for {n} participant(s) "
        "(nbgrader generate_feedback)…",
    },
    "step_feedback_exchange": {
        "uk": "Надсилаю зворотний зв’язок з {module} через теку обміну "
        "(nbgrader release_feedback)…",
        "en": "Sending the feedback on {module} through the exchange (nbgrader release_feedback)…",
    },
    "nbgrader_not_run": {
        "uk": "Не вдалося запустити {command}: {error}.",
        "en": "Cannot run {command}: {error}.",
    },
    "nbgrader_failed": {
        "uk": "{command} завершився з помилкою (код {code}); увесь журнал — у {log}. "
        "nbgrader повідомив:",
        "en": "{command} failed (exit {code}); its whole log is in {log}. nbgrader said:",
    },
    "log_unwritten": {
        "uk": "журнал не записано ({error})",
        "en": "the log could not be written ({error})",
    },
    "not_released": {
        "uk": "Модуль {module} ще не видано: немає теки release/{module}. Спершу виконайте "
        "clientlearn release {module}.",
        "en": "{module} has not been released: there is no release/{module}. Run "
        "clientlearn release {module} first.",
    },
    "no_roster": {
        "uk": "Немає списку учасників {path}, з яким звірити роботи. Спершу імпортуйте "
        "список: clientlearn roster import ФАЙЛ.",
        "en": "There is no roster {path} to match the work against. Import the class "
        "list first: clientlearn roster import FILE.",
    },
    "no_source": {
        "uk": "{path}: такого файлу чи теки немає.",
        "en": "{path}: no such file or folder.",
    },
    "bad_zip": {
        "uk": "{path} — не zip-архів або пошкоджений архів ({error}). Завантажте його ще раз.",
        "en": "{path} is not a zip archive, or a damaged one ({error}). Download it again.",
    },
    "cannot_read": {
        "uk": "Не вдалося прочитати {path}: {error}. Перевірте, чи файли можна читати.",
        "en": "Cannot read {path}: {error}. Check that the files are readable.",
    },
    "cannot_write": {
        "uk": "Не вдалося записати {path}: {error}. Перевірте, чи є місце на диску і чи "
        "можна писати в теку курсу.",
        "en": "Cannot write {path}: {error}. Check that the disk has room and that the "
        "course folder is writable.",
    },
    "nbgrader_step_failed": {
        "uk": "nbgrader {command} не вдався (код {code}) у {root}:\n{tail}",
        "en": "nbgrader {command} failed (exit {code}) in {root}:\n{tail}",
    },
}


def msg(key: str, lang: str, **values: object) -> str:
    """Message ``key`` in ``lang`` (Ukrainian for another language), filled in."""
    return translate(MESSAGES, key, lang, **values)
