"""Every text the class report shows, in Ukrainian and English.

One table, :data:`WORDS`: key -> {uk, en}, each a ``str.format`` template
with the same fields in both languages; it joins the page's frame, modules and items
(here) with the sections' details (:mod:`clientlearn.trainer.report.detailwords`).
:mod:`clientlearn.trainer.report.page` words the report with it.
"""

from __future__ import annotations

from clientlearn.core.i18n import translate

from .detailwords import DETAILS

__all__ = ["WORDS", "word"]

FRAME: dict[str, dict[str, str]] = {
    "title": {
        "uk": "Звіт тренера про групу",
        "en": "Trainer’s class report",
    },
    "course": {
        "uk": "Курс {course}",
        "en": "Course {course}",
    },
    "made": {
        "uk": "Складено {when} · учасників: {n}",
        "en": "Made {when} · participants: {n}",
    },
    "threshold": {
        "uk": "Модуль зараховано, якщо набрано щонайменше {pct}% його максимуму.",
        "en": "A module is passed with at least {pct}% of its maximum.",
    },
    "notes": {
        "uk": "Примітки",
        "en": "Notes",
    },
    "contents": {
        "uk": "Зміст",
        "en": "Contents",
    },
    "s1": {
        "uk": "1. Огляд",
        "en": "1. Overview",
    },
    "s2": {
        "uk": "2. Складність і розрізнювальна здатність",
        "en": "2. Difficulty and discrimination",
    },
    "s3": {
        "uk": "3. Де помиляються: кроки, ознаки, сценарії",
        "en": "3. Where participants go wrong: steps, signs, scenarios",
    },
    "s4": {
        "uk": "4. Самооцінка до і після",
        "en": "4. Self-assessment before and after",
    },
    "s5": {
        "uk": "5. Групова робота",
        "en": "5. Group work",
    },
    "s6": {
        "uk": "6. Сторінки учасників",
        "en": "6. Participant pages",
    },
    "module_heading": {
        "uk": "Модуль {n}. {title}",
        "en": "Module {n}. {title}",
    },
    "module": {
        "uk": "Модуль",
        "en": "Module",
    },
    "n": {
        "uk": "Учасників",
        "en": "Participants",
    },
    "mean": {
        "uk": "Середнє",
        "en": "Mean",
    },
    "median": {
        "uk": "Медіана",
        "en": "Median",
    },
    "min": {
        "uk": "Мін.",
        "en": "Min",
    },
    "max": {
        "uk": "Макс.",
        "en": "Max",
    },
    "of": {
        "uk": "Із",
        "en": "Out of",
    },
    "passed": {
        "uk": "Зараховано",
        "en": "Passed",
    },
    "points_axis": {
        "uk": "Бали",
        "en": "Points",
    },
    "people_axis": {
        "uk": "Учасників",
        "en": "Participants",
    },
    "items_intro": {
        "uk": (
            "Складність — частка учасників, які отримали за клітинку всі бали (поруч — середня "
            "частка балів). Розрізнення — виправлена кореляція пункту з рештою модуля: "
            "коефіцієнт Пірсона між часткою балів за пункт і сумою балів за решту модуля (для "
            "пункту «правильно чи ні» це точково-бісеріальна кореляція). Пункти з розрізненням "
            "менше {flag} позначено ⚑: вони погано відрізняють сильніших учасників від слабших. "
            "Найскладніші пункти — на початку таблиці."
        ),
        "en": (
            "Difficulty is the share of participants who earned all of a cell’s points (next to "
            "it, the mean share of its points). Discrimination is the corrected item–total "
            "correlation: Pearson’s r between the item’s share of points and the rest of the "
            "module’s score (for a right-or-wrong item, the point-biserial correlation). Items "
            "below {flag} are marked ⚑: they do not tell stronger participants from weaker "
            "ones. The hardest items come first."
        ),
    },
    "item": {
        "uk": "Пункт",
        "en": "Item",
    },
    "kind": {
        "uk": "Тип",
        "en": "Type",
    },
    "points": {
        "uk": "Балів",
        "en": "Points",
    },
    "difficulty": {
        "uk": "Складність: повні бали",
        "en": "Difficulty: full points",
    },
    "fraction": {
        "uk": "Частка балів",
        "en": "Share of points",
    },
    "discrimination": {
        "uk": "Розрізнення",
        "en": "Discrimination",
    },
    "flag": {
        "uk": "⚑ менше {flag}",
        "en": "⚑ below {flag}",
    },
    "map_x": {
        "uk": "Частка учасників із повними балами",
        "en": "Share with full points",
    },
    "map_y": {
        "uk": "Розрізнення (r)",
        "en": "Discrimination (r)",
    },
    "student_id": {
        "uk": "Ідентифікатор: {id}",
        "en": "Id: {id}",
    },
    "score": {
        "uk": "Бали",
        "en": "Score",
    },
    "class_mean": {
        "uk": "Середнє групи",
        "en": "Class mean",
    },
    "yes": {
        "uk": "так",
        "en": "yes",
    },
    "no": {
        "uk": "ні",
        "en": "no",
    },
    "not_submitted": {
        "uk": "не здано",
        "en": "not submitted",
    },
    "lost": {
        "uk": "Пункти, за які втрачено бали",
        "en": "Items with points lost",
    },
    "none_lost": {
        "uk": "Усі пункти виконано на повні бали.",
        "en": "Every item earned full points.",
    },
    "earned": {
        "uk": "Отримано",
        "en": "Earned",
    },
    "pending": {
        "uk": "{title} (очікує ручного оцінювання)",
        "en": "{title} (awaiting manual grading)",
    },
    "self": {
        "uk": "Самооцінка",
        "en": "Self-assessment",
    },
    "result": {
        "uk": "Результат",
        "en": "Result",
    },
    "no_own_self": {
        "uk": "Самооцінок немає.",
        "en": "No self-assessments.",
    },
    "k_single": {
        "uk": "один вибір",
        "en": "single choice",
    },
    "k_multiple": {
        "uk": "кілька виборів",
        "en": "multiple choice",
    },
    "k_truefalse": {
        "uk": "правда чи неправда",
        "en": "true or false",
    },
    "k_ordering": {
        "uk": "упорядкування",
        "en": "ordering",
    },
    "k_matching": {
        "uk": "зіставлення",
        "en": "matching",
    },
    "k_text": {
        "uk": "коротка відповідь",
        "en": "short text",
    },
    "k_numeric": {
        "uk": "число",
        "en": "number",
    },
    "k_rating": {
        "uk": "оцінка за шкалою",
        "en": "rating",
    },
    "k_scenario": {
        "uk": "сценарій",
        "en": "scenario",
    },
    "k_selfassess": {
        "uk": "самооцінка (заповнення)",
        "en": "self-assessment (completion)",
    },
    "k_task": {
        "uk": "письмове завдання",
        "en": "written task",
    },
    "k_cell": {
        "uk": "клітинка",
        "en": "cell",
    },
    "skipped_file": {
        "uk": "Файл {file} пропущено: {error}",
        "en": "File {file} skipped: {error}",
    },
    "no_bank": {
        "uk": (
            "Банку запитань модуля {module} не знайдено: замість назв пунктів — їхні "
            "ідентифікатори."
        ),
        "en": "No question bank found for module {module}: items are shown by their ids.",
    },
    "selfassess_skipped": {
        "uk": "Пропущено записів самооцінки: {n}; причини покаже clientlearn selfassess summary.",
        "en": "Self-assessment records skipped: {n}; clientlearn selfassess summary shows why.",
    },
    "groups_failed": {
        "uk": "Результати групової роботи не прочитано: {error}",
        "en": "Group-work results could not be read: {error}",
    },
    "awaiting": {
        "uk": "очікує ручного оцінювання",
        "en": "awaiting manual grading",
    },
    "awaiting_some": {
        "uk": "очікує ручного оцінювання: {n} з {total}",
        "en": "awaiting manual grading: {n} of {total}",
    },
}

# What the report says when it cannot be made (raised as ClientlearnError.said).
ERRORS: dict[str, dict[str, str]] = {
    "err_gradebook_unreadable": {
        "uk": "{url}: це не журнал оцінок nbgrader або його не вдається прочитати ({reason}). "
        "Перевірте, чи це справді тека курсу.",
        "en": "{url}: not a readable nbgrader gradebook ({reason}). "
        "Check that this is the course folder.",
    },
    "err_no_submissions": {
        "uk": "журнал оцінок курсу {root} ще не містить оцінених робіт: спершу запустіть "
        "clientlearn autograde.",
        "en": "the gradebook of {root} holds no graded submissions yet; run clientlearn autograde.",
    },
    "err_unknown_modules": {
        "uk": "у журналі оцінок немає оцінених робіт модуля (модулів) {unknown}; "
        "модулі з роботами: {known}.",
        "en": "no graded submissions of module(s) {unknown} in the gradebook; "
        "modules with submissions: {known}.",
    },
    "err_nothing_graded": {
        "uk": "немає оцінених робіт для звіту: спершу запустіть clientlearn autograde.",
        "en": "no graded submissions to report on: run clientlearn autograde.",
    },
    "err_lang": {
        "uk": "невідома мова {value}: оберіть одну з {langs}.",
        "en": "unknown language {value}: use one of {langs}.",
    },
    "err_min_score": {
        "uk": "--min-score — це відсоток від 0 до 100, а не {value}.",
        "en": "--min-score is a percentage from 0 to 100, not {value}.",
    },
    "err_folder": {
        "uk": "не вдається створити теку {folder}: {reason}. Перевірте шлях і права на запис.",
        "en": "cannot create the folder {folder}: {reason}. Check the path and that it is "
        "writable.",
    },
    "err_stats_name": {
        "uk": "{path}: --stats записує файл .xlsx або .csv; дайте файлу таке ім’я.",
        "en": "{path}: --stats writes a .xlsx or a .csv file; give the file such a name.",
    },
}

# The whole table: the frame above, the sections' details and the errors.
WORDS: dict[str, dict[str, str]] = {**FRAME, **DETAILS, **ERRORS}


def word(lang: str, key: str, **values: object) -> str:
    """The text ``key`` in ``lang`` with ``values`` filled in."""
    return translate(WORDS, key, lang, **values)
