"""The words of the report's quiz statistics (:mod:`clientlearn.trainer.report.quizstats_page`)
and of their table file, in Ukrainian and English, and the glossary that explains every
statistic.  One table, :data:`WORDS`, read through :func:`clientlearn.core.i18n.translate`."""

from __future__ import annotations

from clientlearn.core.i18n import translate

__all__ = ["GLOSSARY", "WORDS", "gloss", "qword"]

WORDS: dict[str, dict[str, str]] = {
    "qs_head": {
        "uk": "Статистика тестів, як її рахує Moodle",
        "en": "Quiz statistics as Moodle computes them",
    },
    "qs_intro": {
        "uk": (
            "Ті самі показники, що в звіті Moodle «Статистика тесту», і ще три, яких Moodle не "
            "має: альфа без пункту, аналіз відповідей верхніх і нижніх 27 % групи та частоти "
            "шляхів у сценаріях. Пункти тесту — оцінювані запитання й письмові завдання; "
            "самооцінювання не входить, а письмове завдання, яке ще чекає на перевірку, "
            "не враховано. Що означає кожен показник, пояснює словничок наприкінці."
        ),
        "en": (
            "The same measures as Moodle’s quiz statistics report, and three that Moodle lacks: "
            "alpha if the item were deleted, a response analysis of the upper and lower 27% of "
            "the class and the path frequencies of scenarios. The test’s items are its graded "
            "questions and written tasks; self-assessments are not items, and a written task "
            "still waiting for a manual grade is left out. The glossary at the end explains "
            "every measure."
        ),
    },
    "qs_test": {"uk": "Показники модулів", "en": "Test statistics per module"},
    "qs_measure": {"uk": "Показник", "en": "Measure"},
    "qs_meaning": {"uk": "Що означає", "en": "What it means"},
    "qs_n": {"uk": "Учасників", "en": "Participants"},
    "qs_items": {"uk": "Пунктів враховано", "en": "Items counted"},
    "qs_max": {"uk": "Максимум балів", "en": "Maximum points"},
    "qs_mean": {"uk": "Середній бал", "en": "Mean score"},
    "qs_median": {"uk": "Медіана", "en": "Median score"},
    "qs_sd": {"uk": "Стандартне відхилення", "en": "Standard deviation"},
    "qs_skewness": {"uk": "Асиметрія", "en": "Skewness"},
    "qs_kurtosis": {"uk": "Ексцес", "en": "Kurtosis"},
    "qs_cic": {
        "uk": "Коефіцієнт внутрішньої узгодженості",
        "en": "Coefficient of internal consistency",
    },
    "qs_er": {"uk": "Відношення похибки", "en": "Error ratio"},
    "qs_se": {"uk": "Стандартна похибка", "en": "Standard error"},
    "qs_points": {"uk": "{pct} ({points} б.)", "en": "{pct} ({points} pts)"},
    "qs_left_out": {
        "uk": "{module}: ще чекають на перевірку й не враховані — {titles}.",
        "en": "{module}: still waiting for a manual grade and left out — {titles}.",
    },
    "qs_items_head": {"uk": "Пункти: {module}", "en": "Items: {module}"},
    "qs_items_intro": {
        "uk": (
            "Виділено пункти, чия ефективність розрізнення нижча за {eff} % (Moodle позначає "
            "такі як сумнівні), або без яких альфа модуля була б вищою."
        ),
        "en": (
            "Highlighted: items whose discriminative efficiency is below {eff}% (Moodle marks "
            "them as dubious), or without which the module’s alpha would be higher."
        ),
    },
    "qs_item": {"uk": "Пункт", "en": "Item"},
    "qs_facility": {"uk": "Індекс легкості", "en": "Facility index"},
    "qs_item_sd": {"uk": "Стандартне відхилення", "en": "Standard deviation"},
    "qs_item_sd_term": {
        "uk": "Стандартне відхилення пункту",
        "en": "Standard deviation of an item",
    },
    "qs_groups_term": {"uk": "Верхні й нижні 27 %", "en": "Upper and lower 27%"},
    "qs_guess": {"uk": "Випадкове вгадування", "en": "Random guess score"},
    "qs_intended": {"uk": "Запланована вага", "en": "Intended weight"},
    "qs_effective": {"uk": "Фактична вага", "en": "Effective weight"},
    "qs_disc": {"uk": "Індекс розрізнення", "en": "Discrimination index"},
    "qs_eff": {"uk": "Ефективність розрізнення", "en": "Discriminative efficiency"},
    "qs_alpha_del": {"uk": "Альфа без пункту", "en": "Alpha if deleted"},
    "qs_negcov": {"uk": "від’ємна коваріація", "en": "negative covariance"},
    "qs_options_head": {
        "uk": "Відповіді за варіантами й аналіз дистракторів (27 %)",
        "en": "Response analysis and distractors (27%)",
    },
    "qs_options_intro": {
        "uk": (
            "Для кожного запитання з вибором: скільки учасників обрали кожен варіант і скільки "
            "він дає (частка балів; у множинному виборі хибний варіант забирає стільки, скільки "
            "дає правильний). Верхня й нижня групи — по 27 % учасників із найвищою та найнижчою "
            "сумою балів модуля. Дистрактор працює, коли його частіше обирає нижня група; "
            "виділено дистрактори, що частіше приваблюють верхню групу, і правильні варіанти, "
            "які верхня група обирає рідше за нижню."
        ),
        "en": (
            "For each choice question: how many participants chose each option and what it is "
            "worth (a share of the points; in a multiple choice a wrong option takes away what "
            "a right one gives). The upper and lower groups are the 27% of participants with "
            "the highest and the lowest module totals. A distractor works when the lower group "
            "chooses it more often; highlighted are distractors that draw the upper group more, "
            "and right options the upper group chooses less often than the lower."
        ),
    },
    "qs_groups": {
        "uk": "Відповіли: {answered} з {n} · верхня група: {upper} · нижня група: {lower}",
        "en": "Answered: {answered} of {n} · upper group: {upper} · lower group: {lower}",
    },
    "qs_option": {"uk": "Варіант", "en": "Option"},
    "qs_right": {"uk": "Ключ", "en": "Key"},
    "qs_credit": {"uk": "Дає балів", "en": "Credit"},
    "qs_chose": {"uk": "Обрали", "en": "Chose it"},
    "qs_upper": {"uk": "Верхні 27 %", "en": "Upper 27%"},
    "qs_lower": {"uk": "Нижні 27 %", "en": "Lower 27%"},
    "qs_diff": {"uk": "Різниця", "en": "Difference"},
    "qs_no_answer": {"uk": "(без відповіді)", "en": "(no answer)"},
    "qs_paths_head": {
        "uk": "Сценарії: частоти всіх шляхів",
        "en": "Scenarios: the frequency of every path",
    },
    "qs_paths_intro": {
        "uk": (
            "Кожен шлях, яким ішли учасники, з частотою. Де найчастіше звертали не туди, "
            "показано в розділі 3."
        ),
        "en": (
            "Every path participants took, with its frequency. Where most of them went wrong "
            "is shown in section 3."
        ),
    },
    "qs_share": {"uk": "Частка", "en": "Share"},
    "qs_glossary": {"uk": "Словничок показників", "en": "Glossary of the measures"},
    "qs_none": {
        "uk": "Немає оцінених пунктів, щоб рахувати статистику тестів.",
        "en": "There are no graded items to compute quiz statistics from.",
    },
    "qs_yes": {"uk": "так", "en": "yes"},
    # The table file: its sheets (or the CSV's parts) and extra headers.
    "qs_sheet_test": {"uk": "Модулі", "en": "Modules"},
    "qs_sheet_items": {"uk": "Пункти", "en": "Items"},
    "qs_sheet_options": {"uk": "Варіанти", "en": "Options"},
    "qs_sheet_paths": {"uk": "Шляхи", "en": "Paths"},
    "qs_module": {"uk": "Модуль", "en": "Module"},
    "qs_question": {"uk": "Запитання", "en": "Question"},
    "qs_kind": {"uk": "Тип", "en": "Type"},
    "qs_item_points": {"uk": "Бали", "en": "Points"},
    "qs_path": {"uk": "Шлях", "en": "Path"},
    "qs_score": {"uk": "Частка балів", "en": "Share of points"},
    "qs_finished": {"uk": "Завершено", "en": "Finished"},
    "qs_percent": {"uk": "{name}, %", "en": "{name}, %"},
}

GLOSSARY: dict[str, dict[str, str]] = {
    "qs_mean": {
        "uk": "середня сума балів модуля; у відсотках від максимуму, як у Moodle.",
        "en": "the mean module total; as a percentage of the maximum, as in Moodle.",
    },
    "qs_median": {
        "uk": "середина впорядкованих сум: половина учасників набрала не більше.",
        "en": "the middle of the ordered totals: half the class scored no more.",
    },
    "qs_sd": {
        "uk": "наскільки суми розкидані довкола середнього: √(Σ(x − x̄)² / (n − 1)).",
        "en": "how widely the totals spread around the mean: √(Σ(x − x̄)² / (n − 1)).",
    },
    "qs_skewness": {
        "uk": (
            "вибіркова асиметрія k₃ / k₂^1,5 (як у Moodle): від’ємна — більшість набрала "
            "багато, а кілька учасників відстали; додатна — навпаки."
        ),
        "en": (
            "the sample skewness k₃ / k₂^1.5 (as in Moodle): negative when most scored high and "
            "a few lagged behind; positive the other way round."
        ),
    },
    "qs_kurtosis": {
        "uk": (
            "вибірковий ексцес k₄ / k₂² (як у Moodle): додатний — суми скупчені довкола "
            "середнього з кількома крайніми; від’ємний — розподіл пласкіший."
        ),
        "en": (
            "the sample kurtosis k₄ / k₂² (as in Moodle): positive when the totals crowd around "
            "the mean with a few far out; negative when the spread is flatter."
        ),
    },
    "qs_cic": {
        "uk": (
            "альфа Кронбаха × 100: p/(p − 1) × (1 − сума дисперсій пунктів / дисперсія сум), "
            "p — кількість пунктів. Що ближче до 100, то узгодженіше пункти вимірюють одне й "
            "те саме; у короткому тесті на різні теми значення нижче — звична річ."
        ),
        "en": (
            "Cronbach’s alpha × 100: p/(p − 1) × (1 − sum of the items’ variances / variance "
            "of the totals), p the number of items. The closer to 100, the more consistently "
            "the items measure one thing; a short quiz on several topics is expected to be lower."
        ),
    },
    "qs_er": {
        "uk": "100 × √(1 − альфа): яка частка розкиду сум — випадковий шум.",
        "en": "100 × √(1 − alpha): how much of the spread of the totals is random noise.",
    },
    "qs_se": {
        "uk": "відношення похибки / 100 × стандартне відхилення: на скільки балів може "
        "випадково відхилитися сума одного учасника.",
        "en": "error ratio / 100 × standard deviation: how many points one participant’s total "
        "may be off by chance.",
    },
    "qs_facility": {
        "uk": "середня частка балів пункту × 100: що вище, то легший пункт.",
        "en": "the item’s mean share of its points × 100: the higher, the easier.",
    },
    "qs_item_sd": {
        "uk": "розкид балів за пункт, у відсотках від його максимуму.",
        "en": "the spread of the item’s marks, as a percentage of its maximum.",
    },
    "qs_guess": {
        "uk": (
            "скільки в середньому дає відповідь навмання: 1/кількість варіантів у виборі "
            "однієї відповіді, 50 % для «правда чи неправда», 1/кількість груп у зіставленні, "
            "0 для відповіді словом чи числом; для множинного вибору, впорядкування й сценарію — "
            "середнє за всіма можливими відповідями (Moodle такого не рахує)."
        ),
        "en": (
            "what a random answer earns on average: 1/number of options for a single choice, "
            "50% for true/false, 1/number of groups for matching, 0 for a word or a number; "
            "for a multiple choice, an ordering and a scenario, the mean over every possible "
            "answer (Moodle has none)."
        ),
    },
    "qs_intended": {
        "uk": "максимум пункту як частка максимуму модуля.",
        "en": "the item’s maximum as a share of the module’s maximum.",
    },
    "qs_effective": {
        "uk": (
            "яку частку розкиду сум насправді дає пункт: √(коваріація пункту із сумою), "
            "поділений на суму таких коренів усіх пунктів; пункт із від’ємною коваріацією "
            "ваги не має."
        ),
        "en": (
            "how much of the spread of the totals the item really carries: √(covariance of the "
            "item with the total) over the sum of these roots for all items; an item with a "
            "negative covariance has none."
        ),
    },
    "qs_disc": {
        "uk": (
            "кореляція балів пункту з рештою модуля × 100: чи краще справляються з пунктом ті, "
            "хто краще виконав інше. Нижче 20 — слабко; від’ємний — пункт заплутує сильних."
        ),
        "en": (
            "the correlation of the item’s marks with the rest of the module × 100: whether "
            "those who did better elsewhere do better here. Below 20 is weak; negative means "
            "the item misleads the strong."
        ),
    },
    "qs_eff": {
        "uk": (
            "коваріація пункту з рештою модуля як частка найбільшої, яку дозволяють ті самі "
            "бали (якби їх розподілити в тому самому порядку, що й решту), × 100."
        ),
        "en": (
            "the covariance of the item with the rest of the module as a share of the largest "
            "those same marks allow (were they sorted in the same order as the rest), × 100."
        ),
    },
    "qs_alpha_del": {
        "uk": (
            "альфа Кронбаха модуля без цього пункту. Якщо вона вища за альфу всього модуля, "
            "пункт вимірює щось інше, ніж решта."
        ),
        "en": (
            "the module’s Cronbach’s alpha without this item. If it is higher than the whole "
            "module’s alpha, the item measures something other than the rest."
        ),
    },
    "qs_upper": {
        "uk": (
            "27 % учасників із найвищою сумою модуля (нижня група — з найнижчою); частка "
            "кожної групи, що обрала варіант, і їхня різниця — аналіз дистракторів Келлі."
        ),
        "en": (
            "the 27% of participants with the highest module totals (the lower group: the "
            "lowest); the share of each group choosing an option, and their difference, is "
            "Kelley’s distractor analysis."
        ),
    },
    "qs_paths_head": {
        "uk": "скільки учасників пройшли кожен шлях сценарію і скільки він дає.",
        "en": "how many participants took each path through a scenario, and what it earns.",
    },
}


def qword(lang: str, key: str, **values: object) -> str:
    """A word of the quiz statistics in ``lang``."""
    return translate(WORDS, key, lang, **values)


def gloss(lang: str, key: str) -> str:
    """The glossary's explanation of the measure ``key`` in ``lang``."""
    return translate(GLOSSARY, key, lang)
