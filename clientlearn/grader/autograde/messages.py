"""The uk/en messages of autograde's cluster, lock and resume steps (the command's own
output is in ``clientlearn/cli/autograde.py``)."""

from __future__ import annotations

from typing import Any

from clientlearn.core.i18n import translate

__all__ = ["MESSAGES", "msg"]

MESSAGES: dict[str, dict[str, str]] = {
    "unknown_students": {
        "uk": "у submitted/ є роботи {unknown} модуля {module}, яких немає в {roster}; "
        "перейменуйте теку на ідентифікатор учасника, імпортуйте їх командою "
        "`clientlearn roster import` або все одно перевірте їх з --new-students (нічого не "
        "перевірено)",
        "en": "submitted/ holds {unknown} for {module}, who are not in {roster}; rename the "
        "folder to the participant's id, import them with `clientlearn roster import`, or "
        "grade them anyway with --new-students (nothing was graded)",
    },
    "not_course_root": {
        "uk": "{root} — не тека курсу nbgrader (у ній немає nbgrader_config.py); вкажіть "
        "теку, де лежать nbgrader_config.py, gradebook.db і submitted/",
        "en": "{root} is not an nbgrader course root (no nbgrader_config.py there); pass the "
        "folder that holds nbgrader_config.py, gradebook.db and submitted/",
    },
    "bad_module_name": {
        "uk": "{module} — не назва модуля; вкажіть назву теки в {source} (наприклад, "
        "module1_client_service)",
        "en": "{module} is not an assignment name; pass the name of a folder in {source} "
        "(for example module1_client_service)",
    },
    "jobs": {
        "uk": "кількість процесів (--jobs) має бути щонайменше 1, а не {jobs}",
        "en": "jobs must be at least 1, not {jobs}",
    },
    "no_students": {
        "uk": "список учасників для перевірки порожній; назвіть хоча б одного",
        "en": "the list of students to grade is empty; name at least one",
    },
    "prepare_failed": {
        "uk": "не вдалося підготувати журнал оцінок курсу {root}: {error}",
        "en": "preparing the gradebook of {root} failed: {error}",
    },
    "no_gradebook_yet": {
        "uk": "журналу оцінок {path} немає; спершу випустіть модуль (nbgrader "
        "generate_assignment {module}, у {root})",
        "en": "no gradebook at {path}; release the assignment first (nbgrader "
        "generate_assignment {module}, in {root})",
    },
    "not_in_gradebook": {
        "uk": "модуля {module} немає в журналі оцінок курсу {root} (є: {known}); перевірте "
        "назву або спершу випустіть його: nbgrader generate_assignment {name}",
        "en": "assignment {module} is not in the gradebook of {root} (it holds: {known}); "
        "check the name, or release it first with nbgrader generate_assignment {name}",
    },
    "none": {"uk": "жодного", "en": "none"},
    "no_submissions": {
        "uk": "немає робіт модуля {module} для перевірки: у {where} немає зошита; спершу "
        "зберіть їх (clientlearn collect, nbgrader collect чи zip_collect або скопіюйте туди "
        "теку кожного учасника)",
        "en": "no submissions of {module} to grade: no notebook in {where}; collect them "
        "first (clientlearn collect, nbgrader collect or zip_collect, or copy each "
        "participant's folder there)",
    },
    "no_submission_for": {
        "uk": "немає роботи модуля {module} від {unknown}: очікувався зошит у {where}; "
        "перевірте ідентифікатори учасників (роботи є від {found})",
        "en": "no submission of {module} for {unknown}: expected a notebook in {where}; "
        "check the student ids (submissions exist for {found})",
    },
    "nbgrader_start": {
        "uk": "nbgrader не запустився в {root} на {host}: {error}",
        "en": "nbgrader could not start in {root} on {host}: {error}",
    },
    "course_not_here": {
        "uk": "теки курсу {root} немає на {host}: кожен процес перевірки має бачити теку "
        "курсу за тим самим шляхом (спільне сховище)",
        "en": "the course folder {root} is not on {host}: every worker must see the course "
        "folder at the same path (shared storage)",
    },
    "running": {
        "uk": "Модуль {module} уже перевіряє інший запуск clientlearn autograde ({holder}). "
        "Зачекайте, поки він завершиться, і запустіть команду знову; нічого не перевірено.",
        "en": "Another clientlearn autograde of {module} is running ({holder}). Wait until "
        "it ends and run the command again; nothing was graded.",
    },
    "still_grading": {
        "uk": "Роботи модуля {module} ({students}) ще перевіряє процес попереднього запуску "
        "({holders}): його планувальник зник, а процес працює далі й запише оцінку сам. "
        "Зачекайте, поки він завершиться (або зупиніть його), і запустіть команду знову; "
        "нічого не перевірено.",
        "en": "A process of an earlier run is still grading {module} for {students} "
        "({holders}): its scheduler is gone, but the process goes on and will write the grade "
        "itself. Wait until it ends (or stop it) and run the command again; nothing was graded.",
    },
    "graded_elsewhere": {
        "uk": "цю роботу саме перевіряє інший процес ({holder}); запустіть команду знову, "
        "коли він завершиться",
        "en": "another process is grading this submission ({holder}); run the command again "
        "once it ends",
    },
    "holder_file": {
        "uk": "блокування {path}",
        "en": "lock {path}",
    },
    "holder_db": {
        "uk": "блокування в базі даних: {who}",
        "en": "a lock in the database: {who}",
    },
    "unknown_holder": {
        "uk": "хто саме, невідомо",
        "en": "who it is is unknown",
    },
    "db_unreachable": {
        "uk": "Немає зв’язку з базою оцінок {url} (CourseDirectory.db_url у {config}): {error}. "
        "Перевірте, чи працює сервер і чи правильні адреса, користувач і пароль; "
        "нічого не перевірено.",
        "en": "Cannot reach the gradebook database {url} (CourseDirectory.db_url in "
        "{config}): {error}. Check that the server runs and that the address, user and "
        "password are right; nothing was graded.",
    },
    "no_gradebook": {
        "uk": "Немає бази оцінок {path}: спершу видайте модуль (clientlearn release {module}) "
        "у теці курсу {course}.",
        "en": "No gradebook at {path}: release the module first (clientlearn release "
        "{module}) in the course folder {course}.",
    },
    "no_scheduler": {
        "uk": "Не вдалося з’єднатися з планувальником Dask {address}: {error}. Перевірте "
        "адресу (tcp://ХОСТ:ПОРТ) і чи запущено dask scheduler; нічого не перевірено.",
        "en": "Cannot connect to the Dask scheduler {address}: {error}. Check the address "
        "(tcp://HOST:PORT) and that dask scheduler runs; nothing was graded.",
    },
    "scheduler_lost": {
        "uk": "Зв’язок із планувальником Dask {address} втрачено під час перевірки {module}. "
        "Перевірено й записано {done} з {total} робіт; запустіть ту саму команду знову, "
        "коли планувальник працюватиме: вона перевірить лише решту.",
        "en": "The Dask scheduler {address} was lost while grading {module}. {done} of "
        "{total} submission(s) are graded and kept; run the same command again once the "
        "scheduler runs: it grades only the rest.",
    },
    "worker_lost": {
        "uk": "процес перевірки зупинився, перевіряючи цю роботу (спроб на різних процесах: "
        "{tries}); частково записане прибрано",
        "en": "the grading process stopped while grading it ({tries} tries, on different "
        "workers); what was partly written is removed",
    },
}


def msg(key: str, lang: str, **fields: Any) -> str:
    return translate(MESSAGES, key, lang, **fields)
