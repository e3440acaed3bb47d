"""Every string the group-work tools show a person, in Ukrainian and English.

The timer's button labels live in ``timer.js``, where the browser shows them; all
other text is here.  Participant-facing Ukrainian uses the typographic apostrophe ’.
"""

from __future__ import annotations

from collections.abc import Mapping

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.i18n import translate

LANGS = ("uk", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # Reading a roster or groups.csv (people.py); {what} is one of the what_* below.
    "what_roster": {"uk": "список учасників", "en": "roster"},
    "what_groups": {"uk": "файл груп", "en": "groups file"},
    "no_name_column": {
        "uk": "немає стовпця «name» чи «id» (стовпці: {columns}); додайте стовпець name",
        "en": "no 'name' or 'id' column (columns are: {columns}); add a column named name",
    },
    "none": {"uk": "жодного", "en": "none"},
    "empty_cell": {
        "uk": "порожня клітинка {column}; заповніть її або видаліть рядок",
        "en": "empty {column}; fill it in or delete the row",
    },
    "duplicate_row": {
        "uk": "«{id}» повторює рядок {row}; видаліть один із двох рядків або розрізніть цих "
        "двох людей",
        "en": "'{id}' is a duplicate of row {row}; delete one of the two rows or tell the two "
        "people apart",
    },
    "no_people": {
        "uk": "{path}: {what} має рядок заголовків, але не має людей; додайте по рядку на "
        "кожну людину",
        "en": "{path}: the {what} has a header but no people; add one row per person",
    },
    "no_group_column": {
        "uk": "немає стовпця «group» (стовпці: {columns})",
        "en": "no 'group' column (columns are: {columns})",
    },
    "not_group_number": {
        "uk": "«{text}» — не номер групи; пишіть 1, 2, 3…",
        "en": "'{text}' is not a group number; use 1, 2, 3…",
    },
    # --- timer (the text a viewer without widgets shows)
    "timer_text": {"uk": "Таймер: {time}", "en": "Timer: {time}"},
    "timer_text_label": {"uk": "Таймер «{label}»: {time}", "en": "Timer “{label}”: {time}"},
    # --- group answer form
    "group": {"uk": "Група", "en": "Group"},
    "choose": {"uk": "— оберіть —", "en": "— choose —"},
    "group_option": {"uk": "Група {n}: {names}", "en": "Group {n}: {names}"},
    "group_number": {"uk": "Номер групи", "en": "Group number"},
    "group_number_hint": {"uk": "наприклад, 3", "en": "for example, 3"},
    "not_a_group_number": {
        "uk": "«{value}» — не номер групи. Введіть ціле число: 1, 2, 3…",
        "en": "“{value}” is not a group number. Type a whole number: 1, 2, 3…",
    },
    "members": {"uk": "Учасники групи: {names}", "en": "Group members: {names}"},
    "members_typed": {"uk": "Учасники групи", "en": "Group members"},
    "members_hint": {
        "uk": "Імена через кому",
        "en": "Names, separated by commas",
    },
    "no_groups_file": {
        "uk": "Не вдалося прочитати файл груп ({error}). Введіть номер групи вручну "
        "і повідомте тренера.",
        "en": "The groups file could not be read ({error}). Type your group number "
        "and tell your trainer.",
    },
    "group_text": {"uk": "Відповідь групи", "en": "The group’s answer"},
    "type_group_text": {
        "uk": "Запишіть тут відповідь вашої групи",
        "en": "Write your group’s answer here",
    },
    "order_title": {
        "uk": "Розставте кроки в тому порядку, про який домовилася група.",
        "en": "Put the steps in the order your group agreed on.",
    },
    "same_answer_note": {
        "uk": "Відповідь групи достатньо записати одному учасникові, але кожен може "
        "записати її у своєму зошиті.",
        "en": "One member may record the group’s answer, but everyone may record it "
        "in their own notebook.",
    },
    # --- observer rubric form
    "observed": {"uk": "Кого ви спостерігали", "en": "Whom you observed"},
    "observed_typed_hint": {"uk": "Ім’я та прізвище", "en": "First and last name"},
    "observed_option": {"uk": "{name} (група {n})", "en": "{name} (group {n})"},
    "round": {"uk": "Раунд", "en": "Round"},
    "round_n": {"uk": "Раунд {n}", "en": "Round {n}"},
    "scenario": {"uk": "Сценарій", "en": "Scenario"},
    "scenario_hint": {"uk": "Назва або номер сценарію", "en": "Scenario title or number"},
    # The comment field's label, its accessible name too: what it is for, not only
    # "Comment" (the placeholder, which disappears as one types, is no name).
    "comment": {
        "uk": "Коментар спостерігача до всіх критеріїв",
        "en": "Observer’s comment on all the criteria",
    },
    "comment_hint": {
        "uk": "Що вдалося найкраще? Що варто спробувати наступного разу?",
        "en": "What went best? What is worth trying next time?",
    },
    "first_choose": {
        "uk": "Спочатку вкажіть раунд і учасника, якого ви спостерігали: тоді "
        "оцінки можна буде поставити, і вони збережуться.",
        "en": "First give the round and the participant you observed: then the "
        "scores can be given, and they will be saved.",
    },
    "moved": {
        "uk": "Спостереження тепер записано для: {name}, раунд {round}.",
        "en": "The observation is now recorded for: {name}, round {round}.",
    },
    "score_for": {
        "uk": "Ваша оцінка за критерієм «{title}»",
        "en": "Your score for “{title}”",
    },
    "criterion_of": {"uk": "Критерій {n} з {total}", "en": "Criterion {n} of {total}"},
    # --- the trainer's summary (command line, CSV headers, charts)
    "step_read": {
        "uk": "[1/4] Прочитано файлів відповідей: {files}; учасників: {people}",
        "en": "[1/4] Answers files read: {files}; participants: {people}",
    },
    "step_groups": {
        "uk": "[2/4] Відповіді груп: {answers}; вправ із порядком кроків: {exercises}",
        "en": "[2/4] Group answers: {answers}; exercises with a step order: {exercises}",
    },
    "step_rubrics": {
        "uk": "[3/4] Спостережень: {observations}; оцінених учасників: {people}",
        "en": "[3/4] Observations: {observations}; participants observed: {people}",
    },
    "step_written": {
        "uk": "[4/4] Записано в {out}: {files}",
        "en": "[4/4] Written to {out}: {files}",
    },
    "yes": {"uk": "так", "en": "yes"},
    "no": {"uk": "ні", "en": "no"},
    "col.exercise": {"uk": "Вправа", "en": "Exercise"},
    "col.group": {"uk": "Група", "en": "Group"},
    "col.members": {"uk": "Учасники", "en": "Members"},
    "col.order": {"uk": "Порядок кроків", "en": "Step order"},
    "col.student": {"uk": "Хто записав", "en": "Recorded by"},
    "col.assignment": {"uk": "Завдання", "en": "Assignment"},
    "col.saved_at": {"uk": "Збережено (UTC)", "en": "Saved at (UTC)"},
    "col.used": {"uk": "Враховано в консенсусі", "en": "Used for the consensus"},
    "col.rank": {"uk": "Місце", "en": "Rank"},
    "col.step": {"uk": "Крок", "en": "Step"},
    "col.points": {"uk": "Бали Борда", "en": "Borda points"},
    "col.tied": {"uk": "Нічия", "en": "Tied"},
    "col.discordant_pairs": {"uk": "Пар не в порядку", "en": "Discordant pairs"},
    "col.pairs": {"uk": "Усього пар", "en": "All pairs"},
    "col.distance": {"uk": "Відстань (0–1)", "en": "Distance (0–1)"},
    "col.agreement": {"uk": "Узгодженість (0–1)", "en": "Agreement (0–1)"},
    "col.observer": {"uk": "Спостерігач", "en": "Observer"},
    "col.rubric": {"uk": "Рубрика", "en": "Rubric"},
    "col.round": {"uk": "Раунд", "en": "Round"},
    "col.scenario": {"uk": "Сценарій", "en": "Scenario"},
    "col.observed": {"uk": "Учасник (id)", "en": "Participant (id)"},
    "col.observed_name": {"uk": "Учасник", "en": "Participant"},
    "col.comment": {"uk": "Коментар", "en": "Comment"},
    "col.text": {"uk": "Текст", "en": "Text"},
    "col.n_observations": {"uk": "Спостережень", "en": "Observations"},
    "col.mean": {"uk": "Середнє", "en": "Mean"},
    "col.criterion": {"uk": "Критерій (id)", "en": "Criterion (id)"},
    "col.title": {"uk": "Критерій", "en": "Criterion"},
    "col.n": {"uk": "Оцінок", "en": "Scores"},
    "col.level": {"uk": "Оцінка {level}", "en": "Score {level}"},
    "chart.criteria": {
        "uk": "Рольові ігри: середня оцінка за критеріями",
        "en": "Role-plays: mean score per criterion",
    },
    "chart.distribution": {
        "uk": "Рольові ігри: розподіл оцінок за критеріями",
        "en": "Role-plays: distribution of scores per criterion",
    },
    "chart.participants": {
        "uk": "Рольові ігри: середня оцінка учасників (за спостереженнями)",
        "en": "Role-plays: mean score per participant (as observed)",
    },
    "chart.mean_axis": {"uk": "Середня оцінка (1–4)", "en": "Mean score (1–4)"},
    "chart.count_axis": {"uk": "Кількість оцінок", "en": "Number of scores"},
    "chart.consensus": {
        "uk": "Вправа «{exercise}»: спільний порядок кроків (метод Борда)",
        "en": "Exercise “{exercise}”: consensus step order (Borda count)",
    },
    "chart.points_axis": {"uk": "Бали Борда", "en": "Borda points"},
    "chart.distances": {
        "uk": "Відстань порядку групи від спільного (0 — збігається)",
        "en": "Distance of each group’s order from the consensus (0 = same)",
    },
    "chart.distance_axis": {"uk": "Відстань Кендалла (0–1)", "en": "Kendall distance (0–1)"},
    "chart.group_n": {"uk": "Група {n}", "en": "Group {n}"},
    # Errors: a rubric file, a saved observation, the notebook helpers' arguments.
    "lang_unsupported": {
        "uk": "мову «{lang_given}» не підтримано; виберіть одну з: {langs}",
        "en": "language {lang_given!r} is not supported; use one of {langs}",
    },
    "rubric_not_found": {
        "uk": "рубрики «{rubric}» не знайдено ({path}); рубрики в комплекті: {shipped}",
        "en": "rubric {rubric!r} not found ({path}); rubrics shipped: {shipped}",
    },
    "rubric_unreadable": {
        "uk": "не вдається прочитати файл рубрики {path}: {error}; збережіть його як {utf8}",
        "en": "cannot read rubric file {path}: {error}; save it as {utf8}",
    },
    # A rubric file's problems, after FILE:LINE: FIELD:.
    "rubric_expected": {"uk": "очікувано {shape}", "en": "expected {shape}"},
    "rubric_bad_id": {
        "uk": "{id} — не ідентифікатор; вживайте малі латинські літери, цифри, {signs}",
        "en": "{id} is not an id; use lower-case letters, digits, {signs}",
    },
    "rubric_no_criteria": {
        "uk": "очікувано непорожній список критеріїв",
        "en": "expected a non-empty list of criteria",
    },
    "rubric_reserved_id": {
        "uk": "{id} — це назва стовпця підсумку; виберіть інший ідентифікатор",
        "en": "{id} names a column of the summary; choose another id",
    },
    "rubric_id_twice": {
        "uk": "{id} використано двічі; ідентифікатори критеріїв мають різнитися",
        "en": "{id} is used twice; criteria ids must differ",
    },
    "rubric_missing_text": {
        "uk": "бракує тексту мовою {missing}; кожен текст потрібен обома мовами ({both})",
        "en": "missing text in {missing}; every text needs {both}",
    },
    "rubric_levels": {
        "uk": "очікувано рівні {levels}, а знайдено {found}",
        "en": "expected levels {levels}, found {found}",
    },
    "record_where": {"uk": "{source}: запис «{qid}»", "en": "{source}: record {qid!r}"},
    "record_not_mapping": {
        "uk": "{where}: очікувано спостереження (відображення), а знайдено {value}",
        "en": "{where}: expected an observation (a mapping), found {value}",
    },
    "record_unknown_rubric": {
        "uk": "{where}: невідома рубрика {rubric} (відомі: {known})",
        "en": "{where}: unknown rubric {rubric} (known: {known})",
    },
    "record_round": {
        "uk": "{where}: раунд {round} — не номер раунду (1, 2, 3…)",
        "en": "{where}: round {round} is not a round number (1, 2, 3…)",
    },
    "record_no_observed": {
        "uk": "{where}: не вказано, за ким спостерігали (поле {field} — {observed})",
        "en": "{where}: no participant observed (field {field} is {observed})",
    },
    "record_group": {
        "uk": "{where}: група {group} — не номер групи",
        "en": "{where}: group {group} is not a group number",
    },
    "record_scores": {
        "uk": "{where}: {field} — це {scores}, а очікувано критерій: бал",
        "en": "{where}: {field} is {scores}, expected criterion: score",
    },
    "record_criterion": {
        "uk": "{where}: критерію «{criterion}» немає в рубриці «{rubric}» (критерії: {criteria})",
        "en": "{where}: criterion {criterion!r} is not in rubric {rubric!r} (criteria: {criteria})",
    },
    "record_score": {
        "uk": "{where}: бал {score} за «{criterion}» поза шкалою {low}–{high} (ціле число 1, "
        "2, 3 або 4); виправте його у файлі або запитайте спостерігача",
        "en": "{where}: score {score} for {criterion!r} is outside the scale {low}–{high} (a "
        "whole number 1, 2, 3 or 4); correct it in the file or ask the observer",
    },
    "none_known": {"uk": "жодної", "en": "none"},
    "exercise_id": {
        "uk": "ідентифікатор вправи {exercise} не придатний; вживайте літери, цифри та {signs}",
        "en": "exercise id {exercise} is not usable; use letters, digits, {signs}",
    },
    "timer_minutes": {
        "uk": "таймерові потрібна кількість хвилин, а не {minutes}",
        "en": "the timer needs a number of minutes, got {minutes}",
    },
    "not_an_id": {
        "uk": "{what}: {key_given} — не ідентифікатор; вживайте короткі, як-от {example}",
        "en": "{what}: {key_given} is not an id; use short ids like {example}",
    },
    "no_text_in": {
        "uk": "{what}: {key_given} не має тексту мовою {lang_given}",
        "en": "{what}: {key_given} has no text in {lang_given}",
    },
    "timer_impossible": {
        "uk": "таймер на {minutes} хв неможливий; задайте більше ніж 0 і щонайбільше {most} хв",
        "en": "a timer of {minutes} minutes is not possible; use more than 0 and at most "
        "{most} minutes",
    },
    "not_a_round": {
        "uk": "раунд {round} — не номер раунду; вживайте 1, 2, 3…",
        "en": "round {round} is not a round number; use 1, 2, 3…",
    },
}


def check_lang(lang: str) -> str:
    """``lang`` if supported; a ClientlearnError naming the choices otherwise."""
    if lang not in LANGS:
        raise ClientlearnError.said(
            MESSAGES, "lang_unsupported", lang_given=lang, langs=", ".join(LANGS)
        )
    return lang


def msg(key: str, lang: str, **values: object) -> str:
    """The message ``key`` in ``lang`` (Ukrainian if ``lang`` is unknown), filled in."""
    return translate(MESSAGES, key, lang, **values)


def pick_text(text: str | Mapping[str, str], lang: str) -> str:
    """A text given plainly or as ``{uk: ..., en: ...}`` (Ukrainian if ``lang`` is missing)."""
    if isinstance(text, str):
        return text
    return text.get(lang) or text.get("uk") or ""
