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
