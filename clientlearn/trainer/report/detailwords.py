"""The class report's words for its detailed sections, in Ukrainian and English:
scenario paths, ordering and matching confusions, self-assessment, group work, and what
needs the trainer's attention.  Joined into :data:`clientlearn.trainer.report.words.WORDS`.
"""

from __future__ import annotations

DETAILS: dict[str, dict[str, str]] = {
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
