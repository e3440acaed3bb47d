"""Every text the class report shows, in Ukrainian and English.

One table, :data:`WORDS`: key -> {uk, en}, each a ``str.format`` template
with the same fields in both languages.  :mod:`clientlearn.trainer.report.page` words the report
with it.
"""

from __future__ import annotations

from clientlearn.core.i18n import translate

__all__ = ["WORDS", "word"]

WORDS: dict[str, dict[str, str]] = {
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
    "scenarios_head": {
        "uk": "Сценарії: якими шляхами йшли",
        "en": "Scenarios: the paths taken",
    },
    "scenarios_intro": {
        "uk": (
            "Для кожного сценарію — найчастіші шляхи (частка балів, яку дає шлях) і момент, де "
            "найбільше учасників зробили слабкий крок. Це теми для розбору: чому цей крок "
            "здавався слушним і що спрацювало б краще."
        ),
        "en": (
            "For each scenario: the paths most taken (the share of the points each earns) and "
            "the moment where most participants took a weak step. These are topics for the "
            "debrief: why the step seemed right, and what would have worked better."
        ),
    },
    "scenario_n": {
        "uk": "Відповіли: {n}",
        "en": "Answered: {n}",
    },
    "path": {
        "uk": "Шлях (вибори по черзі)",
        "en": "Path (choices in order)",
    },
    "taken": {
        "uk": "Обрали",
        "en": "Taken by",
    },
    "path_score": {
        "uk": "Частка балів",
        "en": "Share of points",
    },
    "moment": {
        "uk": "Момент",
        "en": "Moment",
    },
    "wrong_choice": {
        "uk": "Найчастіший слабкий вибір",
        "en": "Most frequent weak choice",
    },
    "took": {
        "uk": "Обрали / дійшли",
        "en": "Took it / reached",
    },
    "share": {
        "uk": "Частка",
        "en": "Share",
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
    "confusion_intro": {
        "uk": (
            "За збереженими відповідями: як часто кожен крок ставили не на своє місце і кожну "
            "ознаку відносили не туди."
        ),
        "en": (
            "From the saved answers: how often each step was put in the wrong place and each "
            "sign into the wrong group."
        ),
    },
    "no_confusions": {
        "uk": "Відповідей на запитання з упорядкуванням чи зіставленням немає.",
        "en": "There are no answers to ordering or matching questions.",
    },
    "worst": {
        "uk": "Найчастіше помиляються тут: «{text}» ({pct}).",
        "en": "Most often wrong: “{text}” ({pct}).",
    },
    "answered": {
        "uk": "{module} · відповіли: {n}",
        "en": "{module} · answered: {n}",
    },
    "step": {
        "uk": "Крок",
        "en": "Step",
    },
    "key_pos": {
        "uk": "Місце за ключем",
        "en": "Key position",
    },
    "misplaced": {
        "uk": "Не на місці",
        "en": "Misplaced",
    },
    "displacement": {
        "uk": "Середнє зміщення",
        "en": "Mean displacement",
    },
    "shift": {
        "uk": "Зсув (− раніше, + пізніше)",
        "en": "Shift (− earlier, + later)",
    },
    "wrong_pos": {
        "uk": "Найчастіше хибне місце",
        "en": "Most common wrong place",
    },
    "left_out": {
        "uk": "Пропущено",
        "en": "Left out",
    },
    "statement": {
        "uk": "Твердження",
        "en": "Statement",
    },
    "key_bin": {
        "uk": "Правильно",
        "en": "Right group",
    },
    "wrong_bin": {
        "uk": "Найчастіше відносили до",
        "en": "Most often put into",
    },
    "share_axis": {
        "uk": "Частка учасників, які помилилися",
        "en": "Share of participants who got it wrong",
    },
    "no_selfassess": {
        "uk": "Самооцінок у групі немає.",
        "en": "The class has no self-assessments.",
    },
    "skill": {
        "uk": "Навичка",
        "en": "Skill",
    },
    "pairs": {
        "uk": "Пар",
        "en": "Pairs",
    },
    "before": {
        "uk": "До",
        "en": "Before",
    },
    "after": {
        "uk": "Після",
        "en": "After",
    },
    "change": {
        "uk": "Зміна",
        "en": "Change",
    },
    "improved": {
        "uk": "Покращилося",
        "en": "Improved",
    },
    "p_value": {
        "uk": "p (знаковий тест)",
        "en": "p (sign test)",
    },
    "measure": {
        "uk": "Показник",
        "en": "Measure",
    },
    "no_groups": {
        "uk": "Результатів групової роботи немає.",
        "en": "There are no group-work results.",
    },
    "consensus": {
        "uk": "Спільний порядок кроків (метод Борда): {exercise}",
        "en": "Consensus order of the steps (Borda count): {exercise}",
    },
    "rank": {
        "uk": "Місце",
        "en": "Rank",
    },
    "borda": {
        "uk": "Бали Борда",
        "en": "Borda points",
    },
    "group": {
        "uk": "Група",
        "en": "Group",
    },
    "order": {
        "uk": "Порядок групи",
        "en": "The group’s order",
    },
    "distance": {
        "uk": "Відстань від спільного порядку",
        "en": "Distance from the consensus",
    },
    "rubric": {
        "uk": "Оцінки спостерігачів: {rubric}",
        "en": "Observers’ scores: {rubric}",
    },
    "criterion": {
        "uk": "Критерій",
        "en": "Criterion",
    },
    "scores": {
        "uk": "Оцінок",
        "en": "Scores",
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
    "attention": {
        "uk": "Потребує уваги тренера",
        "en": "Needs the trainer’s attention",
    },
    "attention_intro": {
        "uk": (
            "Ознаки того, що зошит чи файл відповідей змінено, і однакові відповіді різних "
            "учасників. Бали в журналі оцінок уже враховують описане тут: вирішіть, чи потрібно "
            "ще щось робити."
        ),
        "en": (
            "Signs that a notebook or an answers file was changed, and identical answers of "
            "different participants. The scores in the gradebook already reflect what is "
            "described here: decide whether anything more needs doing."
        ),
    },
    "participant": {
        "uk": "Учасник",
        "en": "Participant",
    },
    "finding": {
        "uk": "Що виявлено",
        "en": "Finding",
    },
    "f_copied": {
        "uk": (
            "Ті самі відповіді, що й в іншій роботі ({other}), аж до мілісекунди збереження; "
            "однакових записів: {n}. Схоже, файл відповідей скопійовано."
        ),
        "en": (
            "Answers identical to {other}’s, down to the millisecond they were saved; identical "
            "records: {n}. The answers file looks copied."
        ),
    },
    "f_deleted_graded": {
        "uk": "{notebook}: видалено клітинки, які оцінюються ({cells}); за них 0 балів.",
        "en": "{notebook}: graded cells were deleted ({cells}); they score 0.",
    },
    "f_renamed_ungraded": {
        "uk": (
            "Зошит {notebook} здано під назвою «{found}», тому його не оцінено (0 балів). "
            "Команда clientlearn autograde оцінить його під початковою назвою."
        ),
        "en": (
            "The notebook {notebook} was handed in as “{found}”, so it was not graded (0 "
            "points). clientlearn autograde grades it under its released name."
        ),
    },
    "f_missing_notebook": {
        "uk": "Зошита {notebook} у зданій теці немає: за нього 0 балів.",
        "en": "The notebook {notebook} is not in the handed-in folder: it scores 0.",
    },
    "f_edited": {
        "uk": (
            "{notebook}: змінено заблоковані клітинки ({cells}); nbgrader відновив їх перед "
            "перевіркою, тож на бали це не вплинуло."
        ),
        "en": (
            "{notebook}: locked cells were changed ({cells}); nbgrader restored them before "
            "grading, so the score is unaffected."
        ),
    },
    "f_deleted_locked": {
        "uk": (
            "{notebook}: видалено заблоковані клітинки ({cells}); відповіді з файлу відповідей "
            "оцінено, як завжди."
        ),
        "en": (
            "{notebook}: locked cells were deleted ({cells}); the answers in the answers file "
            "were graded as usual."
        ),
    },
    "f_renamed": {
        "uk": (
            "Зошит {notebook} здано під назвою «{found}»; clientlearn autograde оцінив його під "
            "початковою назвою."
        ),
        "en": (
            "The notebook {notebook} was handed in as “{found}”; clientlearn autograde graded "
            "it under its released name."
        ),
    },
    "f_set_aside": {
        "uk": (
            "Файл відповідей не вдалося прочитати, і його відкладено ({files}); оцінено "
            "відповіді, збережені в самих зошитах."
        ),
        "en": (
            "The answers file could not be read and was set aside ({files}); the answers "
            "carried in the notebooks were graded."
        ),
    },
}


def word(lang: str, key: str, **values: object) -> str:
    """The text ``key`` in ``lang`` with ``values`` filled in."""
    return translate(WORDS, key, lang, **values)
