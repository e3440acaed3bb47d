"""What the grading sheet, its printable page and its import say, in Ukrainian and English."""

from __future__ import annotations

from clientlearn.core.i18n import translate

__all__ = ["WORDS", "w"]

WORDS: dict[str, dict[str, str]] = {
    # The sheet and the page.
    "module": {"uk": "Модуль", "en": "Module"},
    "notebook": {"uk": "Зошит", "en": "Notebook"},
    "points": {"uk": "Бали", "en": "Points"},
    "how_to_grade": {"uk": "Як оцінювати", "en": "How to grade"},
    "criteria": {"uk": "Критерії", "en": "Criteria"},
    "model_answer": {"uk": "Зразок відповіді", "en": "Model answer"},
    "no_model_answer": {"uk": "(зразка немає)", "en": "(no model answer)"},
    "level": {"uk": "{points} — {text}", "en": "{points} — {text}"},
    "fill_in": {
        "uk": "Заповніть для кожного учасника бали за критеріями (сума дає бал за завдання) "
        "або одразу бал за завдання, і, якщо хочете, коментар: учасник побачить його у своєму "
        "відгуку. Потім: clientlearn written import {file}. Не змінюйте інших клітинок, "
        "назв аркушів і порядку рядків.",
        "en": "For each participant fill in the points per criterion (their sum is the task's "
        "score) or the task's score directly, and a comment if you wish: the participant sees "
        "it in their feedback. Then: clientlearn written import {file}. Do not change other "
        "cells, the sheets' names or the order of the rows.",
    },
    "col_no": {"uk": "№", "en": "No."},
    "col_id": {"uk": "Ідентифікатор", "en": "Id"},
    "col_name": {"uk": "Учасник", "en": "Participant"},
    "col_answer": {"uk": "Відповідь", "en": "Answer"},
    "col_criterion": {"uk": "{name} (0–{points})", "en": "{name} (0–{points})"},
    "col_score": {"uk": "Бал (0–{points})", "en": "Score (0–{points})"},
    "col_comment": {"uk": "Коментар для учасника", "en": "Comment for the participant"},
    "no_answer": {"uk": "— відповіді немає —", "en": "— no answer —"},
    "roleplay_note": {
        "uk": "Бал ставлять за розмову з тренером, а не за запис учасника.",
        "en": "The score is for the conversation with the trainer, not for the participant's note.",
    },
    "page_title": {
        "uk": "Аркуш оцінювання письмових завдань — {module}",
        "en": "Grading sheet of the written tasks — {module}",
    },
    "graded_note": {
        "uk": "Уже оцінено: {n} з {total}.",
        "en": "Already graded: {n} of {total}.",
    },
    "not_xlsx": {
        "uk": "{file}: аркуш оцінювання — це книга Excel; дайте файлу назву із закінченням .xlsx",
        "en": "{file}: the grading sheet is an Excel workbook; give the file a name ending "
        "in .xlsx",
    },
    "no_tasks": {
        "uk": "У модулі {module} немає письмових завдань, які оцінюють вручну.",
        "en": "Module {module} has no manually graded written tasks.",
    },
    "no_submissions": {
        "uk": "У журналі оцінок ще немає зданих робіт модуля {module}: спершу виконайте "
        "clientlearn autograde {module}.",
        "en": "The gradebook has no submissions of module {module} yet: run clientlearn "
        "autograde {module} first.",
    },
    "no_module": {
        "uk": "У журналі оцінок немає модуля {module}; є: {known}.",
        "en": "The gradebook has no module {module}; it has: {known}.",
    },
    "no_rubric": {
        "uk": "{path}: немає клітинки завдання {cell}. Випустіть модуль ще раз (clientlearn "
        "release {module}), щоб зошит викладача відповідав журналу оцінок.",
        "en": "{path}: no cell of the task {cell}. Release the module again (clientlearn "
        "release {module}) so that the instructor's notebook matches the gradebook.",
    },
    # The import: where a problem is, and what it is.
    "where": {
        "uk": "аркуш «{sheet}», рядок {row}, стовпець {column} («{header}»)",
        "en": "sheet “{sheet}”, row {row}, column {column} (“{header}”)",
    },
    "where_row": {"uk": "аркуш «{sheet}», рядок {row}", "en": "sheet “{sheet}”, row {row}"},
    "where_sheet": {"uk": "аркуш «{sheet}»", "en": "sheet “{sheet}”"},
    "refused": {
        "uk": "{file}: нічого не записано, бо в аркуші є проблеми ({n}):",
        "en": "{file}: nothing was written because the sheet has {n} problem(s):",
    },
    "not_a_sheet": {
        "uk": "{file}: це не аркуш оцінювання clientlearn ({reason}). Створіть його командою "
        "clientlearn written export і заповнюйте саме його.",
        "en": "{file}: not a clientlearn grading sheet ({reason}). Make one with clientlearn "
        "written export and fill in that one.",
    },
    "unreadable": {
        "uk": "{file}: не вдалося прочитати книгу Excel ({error}). Збережіть її в Excel як .xlsx.",
        "en": "{file}: the Excel workbook cannot be read ({error}). Save it from Excel as .xlsx.",
    },
    "no_hidden": {
        "uk": "немає прихованого аркуша з даними експорту",
        "en": "the hidden sheet with the export's data is missing",
    },
    "hidden_damaged": {
        "uk": "прихований аркуш з даними експорту пошкоджено (рядок {row})",
        "en": "the hidden sheet with the export's data is damaged (row {row})",
    },
    "other_course": {
        "uk": "{file}: аркуш зроблено для курсу «{sheet_course}», а журнал оцінок належить "
        "курсу «{course}». Вкажіть правильну теку курсу через --course.",
        "en": "{file}: the sheet was made for the course “{sheet_course}” but the gradebook "
        "belongs to “{course}”. Give the right course folder with --course.",
    },
    "sheet_missing": {
        "uk": "аркуша немає: не перейменовуйте й не вилучайте аркуші; створіть аркуш ще раз "
        "(clientlearn written export)",
        "en": "the sheet is missing: do not rename or delete sheets; make the sheet again "
        "(clientlearn written export)",
    },
    "header_changed": {
        "uk": "заголовок змінено: очікується «{expected}». Не переставляйте й не вилучайте стовпці",
        "en": "the header was changed: “{expected}” expected. Do not move or delete columns",
    },
    "id_changed": {
        "uk": "ідентифікатор «{found}» замість «{expected}». Не змінюйте ідентифікаторів і "
        "порядку рядків",
        "en": "the id “{found}” instead of “{expected}”. Do not change the ids or the order of "
        "the rows",
    },
    "extra_row": {
        "uk": "рядка не було в експорті. Учасників не додають в аркуш: додайте їх у журнал "
        "оцінок і створіть аркуш ще раз",
        "en": "this row was not in the export. Participants are not added in the sheet: add "
        "them to the gradebook and make the sheet again",
    },
    "not_a_number": {
        "uk": "«{value}» — не число; впишіть число, дробову частину — після коми (0,5)",
        "en": "“{value}” is not a number; type a number such as 0.5",
    },
    "out_of_range": {
        "uk": "{value} поза межами від 0 до {points}; nbgrader мовчки обрізав би такий бал, "
        "тому його не записано: виправте",
        "en": "{value} is outside 0 to {points}; nbgrader would silently clip such a score, so "
        "it is not written: correct it",
    },
    "criteria_incomplete": {
        "uk": "бали поставлено не за всі критерії, а бала за завдання немає: заповніть усі "
        "критерії або бал за завдання",
        "en": "not every criterion has points and the task has no score: fill in every "
        "criterion or the task's score",
    },
    "sum_differs": {
        "uk": "бал {score} не дорівнює сумі балів за критеріями ({total}): виправте одне з двох "
        "або зітріть бал за завдання",
        "en": "the score {score} is not the sum of the criteria's points ({total}): correct one "
        "of the two or clear the task's score",
    },
    "unknown_participant": {
        "uk": "учасника {student} немає в журналі оцінок або він не здавав модуль {module}",
        "en": "participant {student} is not in the gradebook or handed in no module {module}",
    },
    "unknown_task": {
        "uk": "завдання {cell} зошита {notebook} модуля {module} немає в журналі оцінок",
        "en": "the task {cell} of notebook {notebook} of module {module} is not in the gradebook",
    },
    "answer_changed": {
        "uk": "відповідь учасника змінилася після того, як аркуш створено (роботу здали чи "
        "оцінили ще раз). Створіть аркуш заново й оцініть нову відповідь",
        "en": "the participant's answer has changed since the sheet was made (handed in or "
        "graded again). Make the sheet again and grade the new answer",
    },
    "graded_since": {
        "uk": "після створення аркуша цю відповідь оцінили у formgrader ({was} → {now}); "
        "щоб замінити ту оцінку оцінкою з аркуша, додайте --force",
        "en": "this answer was graded in the formgrader after the sheet was made ({was} → "
        "{now}); to replace that grade by the sheet's, add --force",
    },
    "commented_since": {
        "uk": "після створення аркуша коментар до цієї відповіді змінили у formgrader; щоб "
        "замінити його коментарем з аркуша, додайте --force",
        "en": "the comment on this answer was changed in the formgrader after the sheet was "
        "made; to replace it by the sheet's, add --force",
    },
    "none": {"uk": "немає", "en": "none"},
}


def w(key: str, lang: str, **values: object) -> str:
    """Word ``key`` of :data:`WORDS` in ``lang``, filled in."""
    return translate(WORDS, key, lang, **values)
