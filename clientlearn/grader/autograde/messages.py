"""The uk/en messages of autograde's cluster, lock and resume steps (the command's own
output is in ``clientlearn/cli/autograde.py``)."""

from __future__ import annotations

from typing import Any

from clientlearn.core.i18n import translate

__all__ = ["MESSAGES", "msg"]

MESSAGES: dict[str, dict[str, str]] = {
    "running": {
        "uk": "Модуль {module} уже перевіряє інший запуск clientlearn autograde ({holder}). "
        "Зачекайте, поки він завершиться, і запустіть команду знову; нічого не перевірено.",
        "en": "Another clientlearn autograde of {module} is running ({holder}). Wait until "
        "it ends and run the command again; nothing was graded.",
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
