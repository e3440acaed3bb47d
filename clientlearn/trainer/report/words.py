"""Every text the class report shows, in Ukrainian and English.

One table, :data:`WORDS`: key -> (Ukrainian, English), each a ``str.format`` template
with the same fields in both languages.  :mod:`clientlearn.trainer.report.page` words the report
with it.
"""

from __future__ import annotations

__all__ = ["WORDS", "word"]

WORDS: dict[str, tuple[str, str]] = {
    "title": ("Звіт тренера про групу", "Trainer’s class report"),
    "course": ("Курс {course}", "Course {course}"),
    "made": ("Складено {when} · учасників: {n}", "Made {when} · participants: {n}"),
    "threshold": (
        "Модуль зараховано, якщо набрано щонайменше {pct}% його максимуму.",
        "A module is passed with at least {pct}% of its maximum.",
    ),
    "notes": ("Примітки", "Notes"),
    "contents": ("Зміст", "Contents"),
    "s1": ("1. Огляд", "1. Overview"),
    "s2": ("2. Складність і розрізнювальна здатність", "2. Difficulty and discrimination"),
    "s3": (
        "3. Де помиляються: кроки, ознаки, сценарії",
        "3. Where participants go wrong: steps, signs, scenarios",
    ),
    "scenarios_head": ("Сценарії: якими шляхами йшли", "Scenarios: the paths taken"),
    "scenarios_intro": (
        "Для кожного сценарію — найчастіші шляхи (частка балів, яку дає шлях) і момент, "
        "де найбільше учасників зробили слабкий крок. Це теми для розбору: чому цей крок "
        "здавався слушним і що спрацювало б краще.",
        "For each scenario: the paths most taken (the share of the points each earns) and "
        "the moment where most participants took a weak step. These are topics for the "
        "debrief: why the step seemed right, and what would have worked better.",
    ),
    "scenario_n": ("Відповіли: {n}", "Answered: {n}"),
    "path": ("Шлях (вибори по черзі)", "Path (choices in order)"),
    "taken": ("Обрали", "Taken by"),
    "path_score": ("Бали шляху", "Path score"),
    "moment": ("Момент", "Moment"),
    "wrong_choice": ("Найчастіший слабкий вибір", "Most frequent weak choice"),
    "took": ("Обрали / дійшли", "Took it / reached"),
    "share": ("Частка", "Share"),
    "s4": ("4. Самооцінка до і після", "4. Self-assessment before and after"),
    "s5": ("5. Групова робота", "5. Group work"),
    "s6": ("6. Сторінки учасників", "6. Participant pages"),
    "module": ("Модуль", "Module"),
    "n": ("Учасників", "Participants"),
    "mean": ("Середнє", "Mean"),
    "median": ("Медіана", "Median"),
    "min": ("Мін.", "Min"),
    "max": ("Макс.", "Max"),
    "of": ("Із", "Out of"),
    "passed": ("Зараховано", "Passed"),
    "points_axis": ("Бали", "Points"),
    "people_axis": ("Учасників", "Participants"),
    "items_intro": (
        "Складність — частка учасників, які отримали за клітинку всі бали (поруч — середня "
        "частка балів). Розрізнення — виправлена кореляція пункту з рештою модуля: "
        "коефіцієнт Пірсона між часткою балів за пункт і сумою балів за решту модуля (для "
        "пункту «правильно чи ні» це точково-бісеріальна кореляція). Пункти з розрізненням "
        "менше {flag} позначено ⚑: вони погано відрізняють сильніших учасників від "
        "слабших. Найскладніші пункти — на початку таблиці.",
        "Difficulty is the share of participants who earned all of a cell’s points (next to "
        "it, the mean share of its points). Discrimination is the corrected item–total "
        "correlation: Pearson’s r between the item’s share of points and the rest of the "
        "module’s score (for a right-or-wrong item, the point-biserial correlation). Items "
        "below {flag} are marked ⚑: they do not tell stronger participants from weaker "
        "ones. The hardest items come first.",
    ),
    "item": ("Пункт", "Item"),
    "kind": ("Тип", "Type"),
    "points": ("Балів", "Points"),
    "difficulty": ("Складність: повні бали", "Difficulty: full points"),
    "fraction": ("Частка балів", "Share of points"),
    "discrimination": ("Розрізнення", "Discrimination"),
    "flag": ("⚑ менше {flag}", "⚑ below {flag}"),
    "map_x": ("Частка учасників із повними балами", "Share with full points"),
    "map_y": ("Розрізнення (r)", "Discrimination (r)"),
    "confusion_intro": (
        "За збереженими відповідями: як часто кожен крок ставили не на своє місце і кожну "
        "ознаку відносили не туди.",
        "From the saved answers: how often each step was put in the wrong place and each "
        "sign into the wrong group.",
    ),
    "no_confusions": (
        "Відповідей на запитання з упорядкуванням чи зіставленням немає.",
        "There are no answers to ordering or matching questions.",
    ),
    "worst": (
        "Найчастіше помиляються тут: «{text}» ({pct}).",
        "Most often wrong: “{text}” ({pct}).",
    ),
    "answered": ("{module} · відповіли: {n}", "{module} · answered: {n}"),
    "step": ("Крок", "Step"),
    "key_pos": ("Місце за ключем", "Key position"),
    "misplaced": ("Не на місці", "Misplaced"),
    "displacement": ("Середнє зміщення", "Mean displacement"),
    "shift": ("Зсув (− раніше, + пізніше)", "Shift (− earlier, + later)"),
    "wrong_pos": ("Найчастіше хибне місце", "Most common wrong place"),
    "left_out": ("Пропущено", "Left out"),
    "statement": ("Твердження", "Statement"),
    "key_bin": ("Правильно", "Right group"),
    "wrong_bin": ("Найчастіше відносили до", "Most often put into"),
    "share_axis": ("Частка учасників, які помилилися", "Share of participants who got it wrong"),
    "no_selfassess": ("Самооцінок у групі немає.", "The class has no self-assessments."),
    "skill": ("Навичка", "Skill"),
    "pairs": ("Пар", "Pairs"),
    "before": ("До", "Before"),
    "after": ("Після", "After"),
    "change": ("Зміна", "Change"),
    "improved": ("Покращилося", "Improved"),
    "p_value": ("p (знаковий тест)", "p (sign test)"),
    "measure": ("Показник", "Measure"),
    "no_groups": ("Результатів групової роботи немає.", "There are no group-work results."),
    "consensus": (
        "Спільний порядок кроків (метод Борда): {exercise}",
        "Consensus order of the steps (Borda count): {exercise}",
    ),
    "rank": ("Місце", "Rank"),
    "borda": ("Бали Борда", "Borda points"),
    "group": ("Група", "Group"),
    "order": ("Порядок групи", "The group’s order"),
    "distance": ("Відстань від спільного порядку", "Distance from the consensus"),
    "rubric": ("Оцінки спостерігачів: {rubric}", "Observers’ scores: {rubric}"),
    "criterion": ("Критерій", "Criterion"),
    "scores": ("Оцінок", "Scores"),
    "student_id": ("Ідентифікатор: {id}", "Id: {id}"),
    "score": ("Бали", "Score"),
    "class_mean": ("Середнє групи", "Class mean"),
    "yes": ("так", "yes"),
    "no": ("ні", "no"),
    "not_submitted": ("не здано", "not submitted"),
    "lost": ("Пункти, за які втрачено бали", "Items with points lost"),
    "none_lost": ("Усі пункти виконано на повні бали.", "Every item earned full points."),
    "earned": ("Отримано", "Earned"),
    "pending": ("{title} (очікує ручного оцінювання)", "{title} (awaiting manual grading)"),
    "self": ("Самооцінка", "Self-assessment"),
    "result": ("Результат", "Result"),
    "no_own_self": ("Самооцінок немає.", "No self-assessments."),
    "k_single": ("один вибір", "single choice"),
    "k_multiple": ("кілька виборів", "multiple choice"),
    "k_truefalse": ("правда чи неправда", "true or false"),
    "k_ordering": ("упорядкування", "ordering"),
    "k_matching": ("зіставлення", "matching"),
    "k_text": ("коротка відповідь", "short text"),
    "k_numeric": ("число", "number"),
    "k_rating": ("оцінка за шкалою", "rating"),
    "k_scenario": ("сценарій", "scenario"),
    "k_selfassess": ("самооцінка (заповнення)", "self-assessment (completion)"),
    "k_task": ("письмове завдання", "written task"),
    "k_cell": ("клітинка", "cell"),
    "skipped_file": ("Файл {file} пропущено: {error}", "File {file} skipped: {error}"),
    "no_bank": (
        "Банку запитань модуля {module} не знайдено: замість назв пунктів — їхні ідентифікатори.",
        "No question bank found for module {module}: items are shown by their ids.",
    ),
    "selfassess_skipped": (
        "Пропущено записів самооцінки: {n}; причини покаже clientlearn selfassess summary.",
        "Self-assessment records skipped: {n}; clientlearn selfassess summary shows why.",
    ),
    "groups_failed": (
        "Результати групової роботи не прочитано: {error}",
        "Group-work results could not be read: {error}",
    ),
    "awaiting": ("очікує ручного оцінювання", "awaiting manual grading"),
    "awaiting_some": (
        "очікує ручного оцінювання: {n} з {total}",
        "awaiting manual grading: {n} of {total}",
    ),
    # What needs the trainer's attention (clientlearn.trainer.report.flags), "f_" + the flag's kind.
    "attention": ("Потребує уваги тренера", "Needs the trainer’s attention"),
    "attention_intro": (
        "Ознаки того, що зошит чи файл відповідей змінено, і однакові відповіді різних "
        "учасників. Бали в журналі оцінок уже враховують описане тут: вирішіть, чи потрібно "
        "ще щось робити.",
        "Signs that a notebook or an answers file was changed, and identical answers of "
        "different participants. The scores in the gradebook already reflect what is "
        "described here: decide whether anything more needs doing.",
    ),
    "participant": ("Учасник", "Participant"),
    "finding": ("Що виявлено", "Finding"),
    "f_copied": (
        "Ті самі відповіді, що й в іншій роботі ({other}), аж до мілісекунди збереження; "
        "однакових записів: {n}. Схоже, файл відповідей скопійовано.",
        "Answers identical to {other}’s, down to the millisecond they were saved; identical "
        "records: {n}. The answers file looks copied.",
    ),
    "f_deleted_graded": (
        "{notebook}: видалено клітинки, які оцінюються ({cells}); за них 0 балів.",
        "{notebook}: graded cells were deleted ({cells}); they score 0.",
    ),
    "f_renamed_ungraded": (
        "Зошит {notebook} здано під назвою «{found}», тому його не оцінено (0 балів). "
        "Команда clientlearn autograde оцінить його під початковою назвою.",
        "The notebook {notebook} was handed in as “{found}”, so it was not graded (0 points). "
        "clientlearn autograde grades it under its released name.",
    ),
    "f_missing_notebook": (
        "Зошита {notebook} у зданій теці немає: за нього 0 балів.",
        "The notebook {notebook} is not in the handed-in folder: it scores 0.",
    ),
    "f_edited": (
        "{notebook}: змінено заблоковані клітинки ({cells}); nbgrader відновив їх перед "
        "перевіркою, тож на бали це не вплинуло.",
        "{notebook}: locked cells were changed ({cells}); nbgrader restored them before "
        "grading, so the score is unaffected.",
    ),
    "f_deleted_locked": (
        "{notebook}: видалено заблоковані клітинки ({cells}); відповіді з файлу відповідей "
        "оцінено, як завжди.",
        "{notebook}: locked cells were deleted ({cells}); the answers in the answers file "
        "were graded as usual.",
    ),
    "f_renamed": (
        "Зошит {notebook} здано під назвою «{found}»; clientlearn autograde оцінив його під "
        "початковою назвою.",
        "The notebook {notebook} was handed in as “{found}”; clientlearn autograde graded it "
        "under its released name.",
    ),
    "f_set_aside": (
        "Файл відповідей не вдалося прочитати, і його відкладено ({files}); оцінено "
        "відповіді, збережені в самих зошитах.",
        "The answers file could not be read and was set aside ({files}); the answers "
        "carried in the notebooks were graded.",
    ),
}


def word(lang: str, key: str, **values: object) -> str:
    """The text ``key`` in ``lang`` ("uk", else English) with ``values`` filled in."""
    return WORDS[key][0 if lang == "uk" else 1].format(**values)
