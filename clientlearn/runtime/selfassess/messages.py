"""Every string the self-assessment tools show a person, in Ukrainian and English.

Kept apart from :mod:`clientlearn.core.i18n` so that the self-assessment package can grow
without touching the core's catalogue; the lookup rule is the same (Ukrainian when the
language is unknown).  Ukrainian uses the typographic apostrophe ’, «…» quotes and a
decimal comma.
"""

from __future__ import annotations

from clientlearn.core.i18n import translate
from clientlearn.core.numbers import format_number

MESSAGES: dict[str, dict[str, str]] = {
    "chart_formats": {
        "uk": "невідомі формати діаграм {unknown}; використовуйте {known}",
        "en": "unknown chart format(s) {unknown}; use {known}",
    },
    "out_folder": {
        "uk": "не вдається створити теку {folder}: {reason}. Перевірте шлях і права на запис.",
        "en": "cannot create the folder {folder}: {reason}. Check the path and that it is "
        "writable.",
    },
    "instruments_ok": {
        "uk": "Інструментів без помилок: {n}.",
        "en": "{n} instrument(s) OK.",
    },
    "progress": {"uk": "Відповідей: {answered} з {total}", "en": "Answered: {answered} of {total}"},
    "progress_inline": {
        "uk": "відповідей: {answered} з {total}",
        "en": "answered: {answered} of {total}",
    },
    "need_more": {
        "uk": "Щоб побачити профіль, дайте ще {n} {answers} "
        "(потрібно щонайменше {needed} з {total}).",
        "en": "To see the profile, give {n} more {answers} "
        "(at least {needed} of {total} are needed).",
    },
    "need_group": {
        "uk": "Дайте хоча б одну відповідь у кожній групі; поки що без відповідей: {groups}.",
        "en": "Answer at least one item in every group; still without answers: {groups}.",
    },
    "all_answered": {
        "uk": "Усі {total} тверджень оцінено.",
        "en": "All {total} statements are rated.",
    },
    "partial_profile": {
        "uk": "Профіль пораховано за {answered} із {total} відповідей; решту можна додати "
        "будь-коли.",
        "en": "The profile uses {answered} of {total} answers; you can add the rest at any time.",
    },
    "saved_line": {
        "uk": "✓ Відповіді збережено о {time}. {progress}.",
        "en": "✓ Answers saved at {time}. {progress}.",
    },
    "nothing_saved": {"uk": "Відповідей ще немає.", "en": "No answers yet."},
    "index_title": {
        "uk": "Індекс клієнтоорієнтованості: {index} зі 100",
        "en": "Client-orientation index: {index} out of 100",
    },
    "index_axis": {
        "uk": "Бали після врахування зворотних тверджень (0–100)",
        "en": "Score after reversing the reverse-scored items (0–100)",
    },
    "strongest": {"uk": "Найсильніше: {items}.", "en": "Strongest: {items}."},
    "weakest": {"uk": "Над чим попрацювати: {items}.", "en": "Where to work next: {items}."},
    "modes_title": {"uk": "Способи дій у конфлікті", "en": "Ways of acting in conflict"},
    "mode_axis": {"uk": "Наскільки типово (1–5)", "en": "How typical (1–5)"},
    "plane_title": {"uk": "Два виміри", "en": "Two dimensions"},
    "you": {"uk": "ви", "en": "you"},
    "axes_intro": {
        "uk": "Ваше місце на двох вимірах (від −1 до +1): {axes}.",
        "en": "Your place on the two dimensions (from −1 to +1): {axes}.",
    },
    "modes_intro": {
        "uk": "Жоден спосіб не є правильним завжди. Порівняйте, до яких способів ви вдаєтеся "
        "часто, з тим, у яких ситуаціях кожен із них доречний.",
        "en": "No mode is always right. Compare the modes you use often with the situations "
        "in which each of them fits.",
    },
    "mode_line": {"uk": "{mode}: {score} — {band}.", "en": "{mode}: {score} — {band}."},
    "fits": {"uk": "Доречно, {text}", "en": "It fits {text}"},
    "risk": {
        "uk": "Якщо вдаватися до нього надто часто, {text}",
        "en": "If it is overused, {text}",
    },
    "confidence_title": {
        "uk": "Впевненість у навичках: {phase}",
        "en": "Confidence in the skills: {phase}",
    },
    "confidence_both": {"uk": "Впевненість у навичках", "en": "Confidence in the skills"},
    "confidence_axis": {"uk": "Впевненість (1–5)", "en": "Confidence (1–5)"},
    "mean_line": {
        "uk": "Середня впевненість: {mean} з 5.",
        "en": "Mean confidence: {mean} out of 5.",
    },
    "change_line": {
        "uk": "Порівняно з відповідями {phase} середня впевненість змінилася на {change}.",
        "en": "Compared with your answers {phase}, mean confidence changed by {change}.",
    },
    "bad_saved": {
        "uk": "Збережену оцінку твердження № {n} ({value!r}) не враховано: вона не належить до "
        "шкали {lo}–{hi}. Оберіть оцінку ще раз.",
        "en": "The saved rating of statement no. {n} ({value!r}) is not counted: it is not on "
        "the {lo}–{hi} scale. Choose a rating again.",
    },
    "item_missing": {
        "uk": "Самооцінку «{title}» ще не завершено ({progress}). Без оцінки твердження "
        "№ {items}. Поверніться до неї вище, оцініть решту і збережіть зошит.",
        "en": "The self-assessment “{title}” is not finished ({progress}). Statements not "
        "rated: no. {items}. Go back to it above, rate the rest and save the notebook.",
    },
    "check_done": {
        "uk": "✓ Самооцінку «{title}» завершено ({progress}).",
        "en": "✓ The self-assessment “{title}” is finished ({progress}).",
    },
    "check_todo": {
        "uk": "Самооцінку «{title}» ще не завершено ({progress}); кожна відповідь "
        "зберігається, щойно ви її даєте.",
        "en": "The self-assessment “{title}” is not finished yet ({progress}); each answer is "
        "saved as soon as you give it.",
    },
    "phase": {"uk": "Етап: {phase}", "en": "Phase: {phase}"},
    # --- the trainer's side -----------------------------------------------------------------
    "answers_invalid": {
        "uk": "відповіді на «{instrument}»: {reasons}",
        "en": "answers to {instrument!r}: {reasons}",
    },
    "index_no_answers": {
        "uk": "відповідей на «{instrument}» немає: для індексу потрібна хоча б одна",
        "en": "no answers to {instrument!r}: the index needs at least one",
    },
    "points_negative": {
        "uk": "бали не можуть бути від’ємними, а не {points}",
        "en": "points must not be negative, not {points}",
    },
    "rule_choice": {
        "uk": "правило (rule) має бути «share» чи «all», а не {rule}",
        "en": "rule must be 'share' or 'all', not {rule}",
    },
    "phase_needed": {
        "uk": "інструмент «{instrument}» ставлять в етапах {phases}: передайте phase= один з них",
        "en": "instrument {instrument!r} is asked in phases {phases}: pass phase= one of them",
    },
    "phase_unknown": {
        "uk": "інструмент «{instrument}» ставлять в етапах {phases}: передайте phase= один з "
        "них, а не {phase}",
        "en": "instrument {instrument!r} is asked in phases {phases}: pass phase= one of them, "
        "not {phase}",
    },
    "no_phases": {
        "uk": "інструмент «{instrument}» не має етапів; не вказуйте phase=",
        "en": "instrument {instrument!r} has no phases; leave phase= out",
    },
    "bad_not_mapping": {
        "uk": "відповідь не є переліком оцінок тверджень: {value}",
        "en": "the answer is not a mapping of statements to ratings: {value}",
    },
    "bad_unknown_item": {
        "uk": "«{item}» — не твердження інструмента {instrument}",
        "en": "“{item}” is not a statement of the instrument {instrument}",
    },
    "bad_rating": {
        "uk": "{item}: оцінка {value!r} не належить до шкали {lo}–{hi}",
        "en": "{item}: rating {value!r} is not on the {lo}–{hi} scale",
    },
    "skip_file": {
        "uk": "{file}: не файл відповідей clientlearn ({error}); учасника пропущено",
        "en": "{file}: not a clientlearn answers file ({error}); participant skipped",
    },
    "skip_notebook": {
        "uk": "{file}: зошит не прочитано ({error}); відповіді в ньому не враховано",
        "en": "{file}: the notebook cannot be read ({error}); its answers are not counted",
    },
    "skip_instrument": {
        "uk": "{record}: невідомий інструмент самооцінки; запис пропущено",
        "en": "{record}: unknown self-assessment instrument; record skipped",
    },
    "skip_version": {
        "uk": "{record}: відповіді дано на версію {saved} інструмента, а зараз версія {now}; "
        "запис пропущено",
        "en": "{record}: answered on version {saved} of the instrument, which is now version "
        "{now}; record skipped",
    },
    "skip_phase": {
        "uk": "{record}: етап має бути одним із {phases}; запис пропущено",
        "en": "{record}: the phase must be one of {phases}; record skipped",
    },
    "skip_record": {
        "uk": "{record}: {reasons}; запис пропущено",
        "en": "{record}: {reasons}; record skipped",
    },
    "no_folder": {
        "uk": "{path}: такої теки немає. Вкажіть теку submitted/ або autograded/ курсу nbgrader "
        "(усередині: <учасник>/<завдання>/clientlearn.answers.json).",
        "en": "{path}: no such folder. Give the nbgrader course's submitted/ or autograded/ "
        "folder (inside: <student>/<assignment>/clientlearn.answers.json).",
    },
    "no_answers": {
        "uk": "У {path} не знайдено жодної самооцінки (очікується "
        "<учасник>/<завдання>/clientlearn.answers.json).",
        "en": "No self-assessment answers found in {path} (expected "
        "<student>/<assignment>/clientlearn.answers.json).",
    },
    "all_skills": {"uk": "усі навички (середнє)", "en": "all skills (mean)"},
    "measure_index": {"uk": "індекс (0–100)", "en": "index (0–100)"},
    "measure_mean": {"uk": "середня оцінка (1–5)", "en": "mean rating (1–5)"},
    "step_read": {"uk": "Читаю відповіді з {path}…", "en": "Reading answers from {path}…"},
    "step_read_done": {
        "uk": "Учасників: {students}; записів самооцінки: {records}; пропущено: {skipped}.",
        "en": "Participants: {students}; self-assessment records: {records}; skipped: {skipped}.",
    },
    "step_compute": {
        "uk": "Рахую розподіли і зміни…",
        "en": "Computing distributions and changes…",
    },
    "step_charts": {"uk": "Малюю графіки…", "en": "Drawing charts…"},
    "step_write": {"uk": "Записую файли в {path}…", "en": "Writing files to {path}…"},
    "written": {"uk": "Записано: {files}", "en": "Written: {files}"},
    "skipped_head": {"uk": "Пропущено:", "en": "Skipped:"},
    "test_used": {"uk": "Парне порівняння: {test}.", "en": "Paired comparison: {test}."},
    "sign_test": {
        "uk": "точний двобічний критерій знаків",
        "en": "exact two-sided sign test",
    },
    "chart_index": {
        "uk": "Розподіл індексу в групі",
        "en": "Distribution of the index in the class",
    },
    "chart_signs": {"uk": "Середнє за ознаками (0–100)", "en": "Mean per sign (0–100)"},
    "participants_axis": {"uk": "Учасників", "en": "Participants"},
    "chart_change": {
        "uk": "Впевненість до і після (середнє, n = {n})",
        "en": "Confidence before and after (mean, n = {n})",
    },
}

_UK_ANSWERS = ("відповідь", "відповіді", "відповідей")


def answers_word(n: int, lang: str) -> str:
    """ "answer(s)" agreeing with ``n`` (Ukrainian has three plural forms)."""
    if lang != "uk":
        return "answer" if n == 1 else "answers"
    if n % 10 == 1 and n % 100 != 11:
        return _UK_ANSWERS[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return _UK_ANSWERS[1]
    return _UK_ANSWERS[2]


def number(value: float, decimals: int, lang: str, *, sign: bool = False) -> str:
    """``value`` with ``decimals`` decimals, as :func:`clientlearn.core.numbers.format_number`
    writes every number (rounded half up, as the bands are)."""
    return format_number(value, lang, digits=decimals, sign=sign)


def quote(text: str, lang: str) -> str:
    """``text`` in the quotation marks of ``lang``: «…» in Ukrainian, “…” in English."""
    return f"«{text}»" if lang == "uk" else f"“{text}”"


def tr(key: str, lang: str, **values: object) -> str:
    """The message ``key`` in ``lang`` (Ukrainian if ``lang`` is unknown), filled in."""
    return translate(MESSAGES, key, lang, **values)
