"""What an export or import could not carry across, said in Ukrainian or English.

A :class:`Note` is a warning: the file and line (or the question) it is about, and a
message key of :data:`MESSAGES` with its values; numbers in the values are written
for people (:func:`clientlearn.core.numbers.format_number`) when the note is shown.
:func:`problem` makes the same words into a :class:`~clientlearn.core.errors.Problem`
for an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from clientlearn.core.errors import Problem
from clientlearn.core.i18n import translate
from clientlearn.core.numbers import format_number

MESSAGES: dict[str, dict[str, str]] = {
    # --- export
    "skip_scenario": {
        "uk": "пропущено: розгалужений сценарій не має відповідника в Moodle "
        "(в Moodle його можна зібрати як урок, «Lesson»)",
        "en": "skipped: a branching scenario has no Moodle question type "
        "(Moodle's Lesson activity can hold one)",
    },
    "skip_rating": {
        "uk": "пропущено: оцінка за шкалою без правильної відповіді не має відповідника "
        "в тесті Moodle (скористайтеся діяльністю «Відгук»)",
        "en": "skipped: a rating with no right answer has no Moodle quiz question type "
        "(use Moodle's Feedback activity)",
    },
    "no_key": {
        "uk": "питання без ключа: експортуйте банк тренера, а не копію для учасників",
        "en": "the question has no key: export the instructor's bank, not the participants' copy",
    },
    "fraction_rounded": {
        "uk": "частка {wanted} % не входить до дозволених у Moodle; записано найближчу, "
        "{written} %",
        "en": "the share {wanted}% is not one Moodle allows; the nearest, {written}%, is written",
    },
    "gift_no_explanation": {
        "uk": "пояснення не записано: питання впорядкування в GIFT не має загального відгуку "
        "(в Moodle XML воно є)",
        "en": "the explanation is not written: GIFT's ordering question has no general "
        "feedback (Moodle XML has)",
    },
    "gift_no_unit": {
        "uk": "одиницю «{unit}» не записано: GIFT не має одиниць (у Moodle XML вони є)",
        "en": "the unit “{unit}” is not written: GIFT has no units (Moodle XML has)",
    },
    "gift_arrow": {
        "uk": "текст «{text}» містить «->», яке GIFT читає як стрілку відповідності; "
        "перефразуйте його або експортуйте в Moodle XML",
        "en": "the text “{text}” holds “->”, which GIFT reads as a matching arrow; reword "
        "it or export to Moodle XML",
    },
    "gift_ordering_item": {
        "uk": "пункт «{text}» містить фігурну дужку, якої не може мати рядок питання "
        "впорядкування в GIFT; експортуйте в Moodle XML",
        "en": "the item “{text}” holds a brace, which a line of GIFT's ordering question "
        "cannot; export to Moodle XML",
    },
    # --- import
    "skip_type": {
        "uk": "пропущено: тип питання Moodle «{qtype}» не має відповідника в clientlearn",
        "en": "skipped: Moodle's question type “{qtype}” has no clientlearn equivalent",
    },
    "skip_unkeyed": {
        "uk": "пропущено: жодна відповідь не дає балів, тож ключа немає",
        "en": "skipped: no answer earns credit, so there is no key",
    },
    "skip_too_few": {
        "uk": "пропущено: питанню потрібно щонайменше два варіанти ({what})",
        "en": "skipped: the question needs at least two choices ({what})",
    },
    "single_not_full": {
        "uk": "жоден варіант не дає 100 %; ключем став найкращий, «{text}» ({percent} %)",
        "en": "no option earns 100%; the best, “{text}” ({percent}%), becomes the key",
    },
    "single_several_full": {
        "uk": "кілька варіантів дають 100 %; одиничний вибір має один ключ, ним став «{text}»",
        "en": "several options earn 100%; a single choice has one key, “{text}”",
    },
    "partial_lost": {
        "uk": "частковий бал варіантів {options} не збережено: у clientlearn це питання "
        "оцінюється «все або нічого»",
        "en": "the partial credit of {options} is not kept: clientlearn scores this question "
        "all or nothing",
    },
    "multiple_rule": {
        "uk": "частки Moodle ({fractions}) відрізняються від правила clientlearn (правильні "
        "позначені − хибні позначені) / правильні; ключ — варіанти з додатною часткою",
        "en": "Moodle's fractions ({fractions}) differ from clientlearn's rule (right ticked − "
        "wrong ticked) / right; the key is the options with a positive fraction",
    },
    "answer_feedback_lost": {
        "uk": "відгуки на окремі відповіді не збережено: clientlearn показує одне пояснення",
        "en": "the feedback of single answers is not kept: clientlearn shows one explanation",
    },
    "wildcard_dropped": {
        "uk": "варіант «{text}» із шаблоном * відкинуто: clientlearn порівнює текст без шаблонів",
        "en": "the variant “{text}” with the * wildcard is dropped: clientlearn compares text "
        "without wildcards",
    },
    "case_ignored": {
        "uk": "Moodle розрізняв великі й малі літери; clientlearn їх не розрізняє",
        "en": "Moodle told capitals from small letters; clientlearn does not",
    },
    "numeric_more": {
        "uk": "зараховано лише першу правильну відповідь ({value}); інші відповіді Moodle "
        "({others}) не збережено",
        "en": "only the first right answer ({value}) is kept; Moodle's other answers "
        "({others}) are not",
    },
    "ordering_grading": {
        "uk": "Moodle оцінював порядок способом {grading}; clientlearn оцінює тау Кендалла "
        "(див. README)",
        "en": "Moodle graded the order by {grading}; clientlearn scores Kendall's tau (see README)",
    },
    "ordering_subset": {
        "uk": "Moodle показував лише частину пунктів ({count}); clientlearn показує всі",
        "en": "Moodle showed a subset of the items ({count}); clientlearn shows them all",
    },
    "gift_points": {
        "uk": "GIFT не має балів: кожне питання без коментаря «// points:» отримало 1 бал, "
        "як у Moodle",
        "en": "GIFT has no marks: every question without a “// points:” comment gets 1 point, "
        "as in Moodle",
    },
    "zero_points": {
        "uk": "питання за 0 балів стало питанням самоперевірки (mode: selfcheck)",
        "en": "a question worth 0 points became a self-check question (mode: selfcheck)",
    },
    "media_lost": {
        "uk": "у тексті є {what}, якого не перенесено: clientlearn зберігає лише текст",
        "en": "the text holds {what}, which is not carried over: clientlearn keeps text only",
    },
    "id_renamed": {
        "uk": "ідентифікатор «{given}» не годиться для clientlearn (лише латиниця, цифри, "
        "_ . -) або вже зайнятий; питання отримало id «{qid}»",
        "en": "the id “{given}” does not suit clientlearn (Latin letters, digits, _ . - only) "
        "or is taken; the question gets the id “{qid}”",
    },
    "empty_text": {
        "uk": "питання без тексту: текстом стала його назва",
        "en": "the question has no text: its name becomes its text",
    },
    # --- words inside messages
    "image": {"uk": "зображення", "en": "an image"},
    "video": {"uk": "відео", "en": "a video"},
    "audio": {"uk": "звук", "en": "audio"},
    "embedded page": {"uk": "вбудовану сторінку", "en": "an embedded page"},
    "embedded object": {"uk": "вбудований об’єкт", "en": "an embedded object"},
    "formula": {"uk": "формулу", "en": "a formula"},
    "embedded file": {"uk": "вкладений файл", "en": "an embedded file"},
    "options": {"uk": "варіанти", "en": "options"},
    "items": {"uk": "пункти", "en": "items"},
    "bins": {"uk": "групи", "en": "groups"},
    # --- errors
    "xml_malformed": {
        "uk": "це не правильний XML ({reason}); виправте файл або експортуйте його з Moodle ще раз",
        "en": "not well-formed XML ({reason}); fix the file or export it from Moodle again",
    },
    "xml_doctype": {
        "uk": "файл оголошує DOCTYPE чи сутності, яких Moodle XML не має; такий файл не читається "
        "(захист від «атак сутностями»)",
        "en": "the file declares a DOCTYPE or entities, which Moodle XML never has; it is not "
        "read (protection against entity attacks)",
    },
    "xml_not_quiz": {
        "uk": "кореневий елемент — <{tag}>, а Moodle XML починається з <quiz>",
        "en": "the root element is <{tag}>; Moodle XML starts with <quiz>",
    },
    "xml_number": {
        "uk": "«{value}» — не число; виправте значення",
        "en": "“{value}” is not a number; fix the value",
    },
    "gift_braces": {
        "uk": "фігурні дужки не парні: відповіді пишуть між {{ і }}; спеціальні знаки "
        "екрануйте так: \\{{ \\}} \\= \\~ \\# \\:",
        "en": "unbalanced braces: answers go between {{ and }}; escape special characters "
        "as \\{{ \\}} \\= \\~ \\# \\:",
    },
    "gift_matching": {
        "uk": "пара відповідності без «->»: пишіть =пункт -> відповідь",
        "en": "a matching pair without “->”: write =item -> answer",
    },
    "gift_number": {
        "uk": "«{value}» — не число з похибкою: пишіть {{#відповідь:похибка}} або {{#мін..макс}}",
        "en": "“{value}” is not a number with a margin: write {{#answer:margin}} or {{#min..max}}",
    },
    "gift_weight": {
        "uk": "вага «{value}» — не відсоток: пишіть ~%50%варіант",
        "en": "the weight “{value}” is not a percentage: write ~%50%option",
    },
    "nothing_imported": {
        "uk": "у файлі немає жодного питання, яке можна перенести в clientlearn",
        "en": "the file holds no question clientlearn can take",
    },
    "unknown_format": {
        "uk": "невідомий формат {fmt!r}; оберіть {choices}",
        "en": "unknown format {fmt!r}; choose {choices}",
    },
    "not_checked": {
        "uk": "створений банк не пройшов перевірки (це помилка clientlearn, повідомте про неї):\n"
        "{problems}",
        "en": "the bank made from the file fails its check (a clientlearn bug, please report "
        "it):\n{problems}",
    },
    "public_bank": {
        "uk": "{file} — копія для учасників, без ключів; експортуйте банк тренера",
        "en": "{file} is the participants' copy, without keys; export the instructor's bank",
    },
    "unreadable": {
        "uk": "{file}: не вдалося прочитати ({reason})",
        "en": "{file}: cannot be read ({reason})",
    },
    "not_utf8": {
        "uk": "файл не в UTF-8; збережіть його в UTF-8",
        "en": "the file is not UTF-8; save it as UTF-8",
    },
}


@dataclass(frozen=True)
class Word:
    """A value that is itself a message key, translated when the note is shown."""

    key: str


@dataclass(frozen=True)
class Shares:
    """Labelled fractions (``(("a", 0.5), ("b", -0.5))``), shown as percentages."""

    items: tuple[tuple[str, float], ...]


def _shown(value: object, lang: str) -> object:
    if isinstance(value, Shares):
        return ", ".join(f"{label}: {format_number(f * 100, lang)} %" for label, f in value.items)
    if isinstance(value, float):
        return format_number(value, lang)
    if isinstance(value, Word):
        return translate(MESSAGES, value.key, lang)
    return value


def say(key: str, lang: str, **values: object) -> str:
    """Message ``key`` in ``lang`` with numbers written for people."""
    return translate(MESSAGES, key, lang, **{k: _shown(v, lang) for k, v in values.items()})


@dataclass(frozen=True)
class Note:
    """A warning about one question (``where`` is ``FILE:LINE`` or the question's id)."""

    where: str
    question: str
    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        head = f"{self.where}: {self.question}" if self.question else self.where
        return f"{head}: {say(self.key, lang, **self.values)}"


def problem(
    file: str, line: int | None, what: str, key: str, lang: str, **values: object
) -> Problem:
    """An error at ``file:line`` about ``what`` (a field or question), in ``lang``."""
    return Problem(file, line, what, say(key, lang, **values))
