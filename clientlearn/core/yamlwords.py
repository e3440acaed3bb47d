"""What :mod:`clientlearn.core.yamlsource` says about a hand-written YAML file (a
question bank, a self-assessment instrument), in Ukrainian and English.

The English texts are the ones authors and tests have always read; a schema problem's
Ukrainian text is built from what the validator found (its kind, limit, options), not
from its English sentence.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # Reading the file.
    "no_such_file": {"uk": "такого файлу немає", "en": "no such file"},
    "not_utf8": {
        "uk": "файл не в кодуванні UTF-8 ({reason}); збережіть його як UTF-8",
        "en": "not UTF-8 ({reason}); save it as UTF-8",
    },
    "unreadable": {
        "uk": "файл не читається ({reason}); перевірте, чи можна його відкрити",
        "en": "{reason}",
    },
    # Reading the YAML.  {problem} is PyYAML's own description of the syntax error.
    "not_yaml": {
        "uk": "це не коректний YAML: {problem}; виправте синтаксис",
        "en": "not valid YAML: {problem}; fix the syntax",
    },
    "not_yaml_at_all": {
        "uk": "це не коректний YAML: {problem}",
        "en": "not valid YAML: {problem}",
    },
    "key_twice": {
        "uk": "цей ключ двічі трапляється в тому самому відображенні; залиште один",
        "en": "this key is given twice in the same mapping; keep one",
    },
    "too_deep": {
        "uk": "списки й відображення вкладено глибше ніж на {depth} рівнів; перевірте відступи",
        "en": "lists and mappings are nested more than {depth} levels deep; check the indentation",
    },
    "too_many_values": {
        "uk": "його псевдоніми (*name) заступають понад {n} значень; випишіть повторювані "
        "частини або вживайте менше псевдонімів",
        "en": "its aliases (*name) stand for more than {n} values; write the repeated parts "
        "out, or use fewer aliases",
    },
    # Values YAML can hold but JSON cannot; {kind} is one of the kind_* below.
    "key_not_text": {
        "uk": "ключ {name} прочитано як {kind}, а не як текст; візьміть його в лапки",
        "en": "the key {name} is read as {kind}, not as text; put it in quotes",
    },
    "number_too_large": {
        "uk": "число {number} завелике; вживайте менше",
        "en": "the number {number} is too large; use a smaller one",
    },
    "not_finite": {
        "uk": "{value} — не придатне число; напишіть звичайне число",
        "en": "{value} is not a usable number; write an ordinary number",
    },
    "date": {
        "uk": "{value} прочитано як дату; візьміть у лапки, щоб лишився текст",
        "en": "{value} is read as a date; put it in quotes to keep it as text",
    },
    "unusable": {
        "uk": "{kind} тут не можна вжити; напишіть звичайний текст, список або відображення",
        "en": "{kind} cannot be used here; write plain text, a list or a mapping",
    },
    "kind_number": {"uk": "число", "en": "a number"},
    "kind_bool": {"uk": "true/false", "en": "true/false"},
    "kind_null": {"uk": "порожнє значення (null)", "en": "empty (null)"},
    "kind_date": {"uk": "дату", "en": "a date"},
    "kind_binary": {"uk": "двійкові дані (!!binary)", "en": "binary data (!!binary)"},
    "kind_set": {"uk": "множину (!!set)", "en": "a set (!!set)"},
    "kind_pairs": {"uk": "пару (!!omap чи !!pairs)", "en": "a pair (!!omap or !!pairs)"},
    "kind_value": {"uk": "значення", "en": "a value"},
    # Against the file's JSON Schema.  {value} is the value found, as YAML would write it.
    "uk_missing": {
        "uk": "бракує українського тексту ('uk'); він потрібен кожному текстові",
        "en": "the Ukrainian text ('uk') is missing; every text needs one",
    },
    "required": {
        "uk": "бракує обов’язкового поля «{name}»",
        "en": "required field {name!r} is missing",
    },
    "unknown_field": {
        "uk": "невідоме поле «{name}»; вилучіть його або перевірте, чи правильно його написано",
        "en": "unknown field {name!r}; remove it or check its spelling",
    },
    "enum": {
        "uk": "{value} — не з можливих значень: {options}",
        "en": "{value} is not one of {options}",
    },
    "const": {"uk": "тут має бути {expected}", "en": "{expected} was expected"},
    "type": {"uk": "{value} — не {types}", "en": "{value} is not {types}"},
    "min_length": {
        "uk": "текст {value} закороткий: потрібно щонайменше {limit} (знаків)",
        "en": "{value} is shorter than {limit} character(s)",
    },
    "max_length": {
        "uk": "текст {value} задовгий: щонайбільше {limit} (знаків); скоротіть його",
        "en": "{value} is longer than {limit} character(s); shorten it",
    },
    "minimum": {
        "uk": "{value} менше за найменше можливе значення, {limit}",
        "en": "{value} is less than the minimum of {limit}",
    },
    "maximum": {
        "uk": "{value} більше за найбільше можливе значення, {limit}",
        "en": "{value} is greater than the maximum of {limit}",
    },
    "exclusive_minimum": {
        "uk": "{value} має бути більше за {limit}",
        "en": "{value} is less than or equal to the minimum of {limit}",
    },
    "min_items": {
        "uk": "замало елементів у списку: потрібно щонайменше {limit}",
        "en": "too few items in the list: at least {limit} are needed",
    },
    "pattern": {
        "uk": "{value} не відповідає шаблону {pattern}",
        "en": "{value} does not match {pattern}",
    },
    "one_of": {
        "uk": "{value} не відповідає жодній з дозволених форм; перевірте поля й відступи",
        "en": "{value} matches none of the allowed forms; check its fields and indentation",
    },
    "other": {"uk": "не відповідає схемі: {message}", "en": "{message}"},
    # JSON Schema's type names, in {types} above.
    "type_string": {"uk": "текст", "en": "text"},
    "type_integer": {"uk": "ціле число", "en": "a whole number"},
    "type_number": {"uk": "число", "en": "a number"},
    "type_object": {"uk": "відображення (ключ: значення)", "en": "a mapping (key: value)"},
    "type_array": {"uk": "список", "en": "a list"},
    "type_boolean": {"uk": "true чи false", "en": "true or false"},
    "type_null": {"uk": "порожнє значення (null)", "en": "empty (null)"},
    "or": {"uk": " чи ", "en": " or "},
}
