"""Every fixed text of the participants' handbook, in Ukrainian and English (key ->
{uk, en}, read through :func:`clientlearn.core.i18n.translate` by
:func:`clientlearn.trainer.handbook_html.label`)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "module_title": {
        "uk": "Модуль {n}. {title}",
        "en": "Module {n}. {title}",
    },
    "kicker": {
        "uk": "Навчальний посібник учасника",
        "en": "Participant handbook",
    },
    "subtitle": {
        "uk": "Дводенний тренінг для працівників публічних бібліотек",
        "en": "A two-day training for public-library staff",
    },
    "origin": {
        "uk": (
            "Курс відтворює тренінг «Орієнтація на клієнта», який відбувся 3–4 квітня 2014 року "
            "у Вінниці за сприяння програми «Бібліоміст». Його учасники отримали друкований "
            "навчальний посібник; цей посібник зібрано із зошитів курсу."
        ),
        "en": (
            "The course follows the training “Client orientation” held in Vinnytsia on 3–4 "
            "April 2014 with the support of the Bibliomist programme. Its participants received "
            "a printed training manual; this handbook is made from the course notebooks."
        ),
    },
    "modules": {
        "uk": "Модулі курсу:",
        "en": "Modules of the course:",
    },
    "how": {
        "uk": (
            "Запитання можна розв’язувати в посібнику олівцем. Відповіді зберігаються й "
            "оцінюються лише в зошитах Jupyter; правильні відповіді на оцінювані запитання "
            "тренер покаже після перевірки."
        ),
        "en": (
            "You can work through the questions here in pencil. Answers are saved and graded "
            "only in the Jupyter notebooks; the trainer shows the right answers to graded "
            "questions after grading."
        ),
    },
    "contents": {
        "uk": "Зміст",
        "en": "Contents",
    },
    "graded": {
        "uk": "Оцінюване запитання · балів: {points}",
        "en": "Graded question · points: {points}",
    },
    "selfcheck": {
        "uk": "Запитання для самоперевірки",
        "en": "Self-check question",
    },
    "opinion": {
        "uk": "Ваша думка: правильної відповіді немає",
        "en": "Your view: there is no right answer",
    },
    "single": {
        "uk": "Оберіть одну відповідь.",
        "en": "Choose one answer.",
    },
    "multiple": {
        "uk": "Позначте всі правильні відповіді.",
        "en": "Tick every right answer.",
    },
    "truefalse": {
        "uk": "Правда чи неправда?",
        "en": "True or false?",
    },
    "ordering": {
        "uk": "Упишіть у клітинки порядкові номери від 1 до {n}.",
        "en": "Write the numbers 1 to {n} in the boxes to put the items in order.",
    },
    "matching": {
        "uk": "Для кожного твердження позначте одну колонку.",
        "en": "Tick one column for each statement.",
    },
    "item": {
        "uk": "Твердження",
        "en": "Statement",
    },
    "text": {
        "uk": "Упишіть відповідь.",
        "en": "Write your answer.",
    },
    "numeric": {
        "uk": "Упишіть число.",
        "en": "Write a number.",
    },
    "rating": {
        "uk": "Позначте одне значення на шкалі.",
        "en": "Mark one value on the scale.",
    },
    "scenario": {
        "uk": (
            "Розгалужений сценарій. У зошиті Jupyter розмова продовжиться залежно від вашого "
            "вибору."
        ),
        "en": (
            "A branching scenario. In the Jupyter notebook the conversation goes on according "
            "to your choice."
        ),
    },
    "answer": {
        "uk": "Відповідь:",
        "en": "Answer:",
    },
    "true": {
        "uk": "Правда",
        "en": "True",
    },
    "false": {
        "uk": "Неправда",
        "en": "False",
    },
    "instrument": {
        "uk": "Самооцінка «{title}»{phase}: заповніть її в зошиті Jupyter.",
        "en": "Self-assessment “{title}”{phase}: complete it in the Jupyter notebook.",
    },
    "task": {
        "uk": "Письмове завдання · балів: {points}",
        "en": "Written task · points: {points}",
    },
    "task_hint": {
        "uk": "Запишіть відповідь тут або в зошиті Jupyter.",
        "en": "Write your answer here or in the Jupyter notebook.",
    },
    "progress": {
        "uk": "{module}: зошитів — {notebooks}, запитань — {questions}",
        "en": "{module}: {notebooks} notebooks, {questions} questions",
    },
}

# What building the handbook says when it cannot go on (ClientlearnError.said).
ERRORS: dict[str, dict[str, str]] = {
    "bank_unreadable": {
        "uk": "{path}: не вдається прочитати банк питань ({reason}); у теці модуля має бути "
        "банк, який завантажують її зошити",
        "en": "{path}: cannot read the question bank ({reason}); the module folder needs the "
        "bank its notebooks load",
    },
    "notebook_unreadable": {
        "uk": "{path}: не вдається прочитати зошит ({error})",
        "en": "{path}: cannot read the notebook ({error})",
    },
    "not_notebook": {
        "uk": "{path}: це не зошит Jupyter формату 4; відкрийте й збережіть його в JupyterLab",
        "en": "{path}: not a Jupyter notebook of format 4; open and save it in JupyterLab",
    },
    "instructor_region": {
        "uk": "{path}: клітинка {n} не є клітинкою відповіді, але містить частину лише для "
        "тренера; позначте її як клітинку розв’язку або приберіть цю частину",
        "en": "{path}: cell {n} is not an answer cell but holds an instructor-only region; "
        "mark it as a solution cell or remove the region",
    },
    "unknown_question": {
        "uk": "{path}: клітинка {n} ставить питання {qid}, якого немає в {bank}; зберіть "
        "зошит з його уроку наново",
        "en": "{path}: cell {n} asks {qid}, which is not in {bank}; rebuild the notebook from "
        "its lesson",
    },
    "no_module_folder": {
        "uk": "теки модуля {folder} немає: вкажіть теку модуля, наприклад module1_client_service",
        "en": "no module folder {folder}: give an assignment source folder such as "
        "module1_client_service",
    },
    "no_notebooks": {
        "uk": "у {folder} немає зошитів (*.ipynb): чи це тека модуля?",
        "en": "{folder} holds no notebooks (*.ipynb): is it a module folder?",
    },
    "no_modules": {
        "uk": "модулі не названо: назвіть хоча б одну теку модуля",
        "en": "no modules given: name at least one module folder",
    },
    "no_chromium": {
        "uk": "щоб надрукувати посібник у PDF, потрібен Chromium, але {path} немає: "
        "установіть його (`apt-get install chromium` у Debian, Ubuntu) або зберіть лише HTML "
        "(--no-pdf) і надрукуйте його з браузера",
        "en": "Chromium is needed to print the handbook as PDF, but {path} is missing: install "
        "it with `apt-get install chromium` (Debian, Ubuntu), or build the HTML only "
        "(--no-pdf) and print it from a browser",
    },
    "cannot_write": {
        "uk": "не вдається записати в {folder}: {reason}",
        "en": "cannot write into {folder}: {reason}",
    },
    "print_timeout": {
        "uk": "Chromium не надрукував {html} за {seconds} с; спробуйте ще раз або відкрийте "
        "HTML у браузері й надрукуйте звідти",
        "en": "Chromium did not print {html} within {seconds} s; try again, or open the HTML "
        "in a browser and print it from there",
    },
    "print_failed": {
        "uk": "Chromium не зміг надрукувати {html} у PDF (код виходу {code}):\n{tail}",
        "en": "Chromium could not print {html} to PDF (exit code {code}):\n{tail}",
    },
    "cannot_print": {
        "uk": "не вдається надрукувати {pdf}: {reason}",
        "en": "cannot print {pdf}: {reason}",
    },
    "out_folder": {
        "uk": "не вдається створити теку {out}: {reason}. Перевірте шлях і права на запис.",
        "en": "cannot create the output folder {out}: {reason}. Check the path and that it is "
        "writable.",
    },
    "lang": {
        "uk": "невідома мова {value}: виберіть одну з таких: {choices}",
        "en": "unknown language {value}: use one of {choices}",
    },
    "markdown_tokens": {
        "uk": "обробник Markdown повернув токени замість HTML",
        "en": "the Markdown renderer returned tokens instead of HTML",
    },
    "kind": {
        "uk": "питання {qid}: посібник не може надрукувати питання типу {kind}",
        "en": "question {qid}: the handbook cannot print a {kind} question",
    },
}
