"""What ``clientlearn demo`` prints, in Ukrainian (the default) and English."""

from __future__ import annotations

from clientlearn.core.i18n import translate

__all__ = ["DEMO_WORDS", "say"]

DEMO_WORDS: dict[str, dict[str, str]] = {
    "not_checkout": {
        "uk": "course/{facts} і course/sample_roster.csv немає в {repo}; запускайте демонстрацію "
        "з копії репозиторію clientlearn (make demo)",
        "en": "course/{facts} and course/sample_roster.csv are not under {repo}; run the demo "
        "from a clientlearn checkout (make demo)",
    },
    "modules_missing": {
        "uk": "модулів курсу {modules} немає в {repo} (не всіх); запускайте демонстрацію з "
        "копії репозиторію clientlearn (make demo)",
        "en": "the course modules {modules} are not all under {repo}; run the demo from a "
        "clientlearn checkout (make demo)",
    },
    "too_few": {
        "uk": "--participants має бути щонайменше 6 (дві групи для рольової гри)",
        "en": "--participants must be at least 6 (two role-play groups)",
    },
    "failed_to_grade": {
        "uk": "не вдалося перевірити роботи модуля {module} ({n}): {reasons}",
        "en": "{n} submission(s) of {module} failed to grade: {reasons}",
    },
    "roster": {
        "uk": "список: {file} у журнал оцінок (офіційна транслітерація)",
        "en": "roster: {file} into the gradebook (official transliteration)",
    },
    "groups": {
        "uk": "групи: першого дня по четверо, другого — по троє з новими партнерами, "
        "черговість рольових ігор",
        "en": "groups: day 1 in fours, day 2 in threes with new partners, role-play rotation",
    },
    "release": {
        "uk": "випуск: clientlearn release обох модулів (nbgrader, без ключів)",
        "en": "release: clientlearn release of both modules (nbgrader, keys left out)",
    },
    "class": {
        "uk": "група: {n} учасників відповідають через сховище відповідей",
        "en": "class: {n} participants answer through the answer store",
    },
    "autograde": {
        "uk": "автоматична перевірка {module}: паралельних процесів — {jobs}",
        "en": "autograde {module}: {jobs} parallel workers",
    },
    "written": {
        "uk": "письмові завдання: аркуші оцінювання видано, бали й коментарі тренера внесено",
        "en": "written tasks: grading sheets out, the trainer's scores and comments in",
    },
    "feedback": {
        "uk": "відгуки {module}: clientlearn feedback (пояснення, без ключів)",
        "en": "feedback {module}: clientlearn feedback (explanations, no keys)",
    },
    "report": {
        "uk": "звіт: звіт тренера про групу, статистика тестів ще й таблицею",
        "en": "report: the trainer's class report, with the quiz statistics as a table too",
    },
    "export": {
        "uk": "експорт: CSV і XLSX для тренера, CSV для журналу оцінок Moodle",
        "en": "export: CSV and XLSX for the trainer, CSV for Moodle's gradebook",
    },
    "certificates": {
        "uk": "сертифікати: усім, хто набрав щонайменше 60 % у кожному модулі",
        "en": "certificates: everyone with at least 60% in each module",
    },
    "check": {
        "uk": "перевірка: бали в журналі порівняно з власним підрахунком clientlearn",
        "en": "check: gradebook scores against clientlearn's own scoring",
    },
    "done": {"uk": "готово", "en": "done"},
    "equal": {
        "uk": "Бали в журналі оцінок збігаються з підрахунком clientlearn "
        "для тих самих відповідей.",
        "en": "Gradebook scores equal clientlearn's own scoring of the same answers.",
    },
    "differ": {
        "uk": "бали в журналі оцінок відрізняються від підрахунку clientlearn:\n{lines}",
        "en": "gradebook scores differ from clientlearn's own scoring:\n{lines}",
    },
    "differ_line": {
        "uk": "{student} {module}: у журналі {got}, очікувано {expected}",
        "en": "{student} {module}: gradebook {got}, expected {expected}",
    },
    "taken": {
        "uk": "{root} уже містить курс; виберіть нову теку",
        "en": "{root} already holds a course; choose a new folder",
    },
    "open": {"uk": "Відкрийте:", "en": "Open:"},
    "participant": {"uk": "учасник", "en": "participant"},
    "module_n": {"uk": "модуль {n} /{top}", "en": "module {n} /{top}"},
    "certificate": {"uk": "сертифікат", "en": "certificate"},
    "out_course": {"uk": "курс", "en": "course"},
    "out_nbgrader log": {"uk": "журнал nbgrader", "en": "nbgrader log"},
    "out_group cards": {"uk": "картки груп", "en": "group cards"},
    "out_role-play schedule": {"uk": "розклад рольових ігор", "en": "role-play schedule"},
    "out_grading sheet": {"uk": "аркуш оцінювання {module}", "en": "grading sheet {module}"},
    "out_feedback": {"uk": "відгуки", "en": "feedback"},
    "out_report": {"uk": "звіт", "en": "report"},
    "out_quiz statistics": {"uk": "статистика тестів", "en": "quiz statistics"},
    "out_grades": {"uk": "оцінки", "en": "grades"},
    "out_moodle grades": {"uk": "оцінки для Moodle", "en": "Moodle grades"},
    "out_certificates": {"uk": "сертифікати", "en": "certificates"},
}


def say(lang: str, key: str, **values: object) -> str:
    """One of the demo's lines in ``lang``."""
    return translate(DEMO_WORDS, key, lang, **values)
