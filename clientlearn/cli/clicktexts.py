"""click's own texts ("Usage:", "Missing argument", "No such command"…) in the
language of the command being run.

click writes them through gettext (``from gettext import gettext as _`` in each of its
modules) and fills them in itself.  :func:`speaking` puts a lookup in :data:`MESSAGES`
in place of those ``_`` (and ``ngettext``) for the duration of one ``clientlearn``
call only, and puts gettext's back afterwards: nothing is changed at import time, and
a program that imports clientlearn next to its own click commands is not affected.

Texts click computes once and keeps (the ``--help`` and ``--version`` options' help,
a path's kind) are put in the current language by :func:`retranslate` each time the
command's parameters are read (``cli/base.py``).
"""

from __future__ import annotations

import gettext
import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

from clientlearn.core.i18n import translate

__all__ = ["MESSAGES", "current_language", "retranslate", "speaking", "word"]

# Keyed by click's own English text (its gettext msgid).  click fills the {fields} in
# after the lookup, so here they are escaped ({{name}}): translate() returns them as
# click expects them.  Fields with !r get «guillemets» in Ukrainian instead of quotes.
MESSAGES: dict[str, dict[str, str]] = {
    "Usage:": {"uk": "Використання:", "en": "Usage:"},
    "Options": {"uk": "Параметри", "en": "Options"},
    "Commands": {"uk": "Команди", "en": "Commands"},
    "Positional arguments": {"uk": "Аргументи", "en": "Positional arguments"},
    "Show this message and exit.": {
        "uk": "Показати цю довідку й вийти.",
        "en": "Show this message and exit.",
    },
    "Show the version and exit.": {
        "uk": "Показати версію й вийти.",
        "en": "Show the version and exit.",
    },
    "%(prog)s, version %(version)s": {
        "uk": "%(prog)s, версія %(version)s",
        "en": "%(prog)s, version %(version)s",
    },
    "Error: {message}": {"uk": "Помилка: {{message}}", "en": "Error: {{message}}"},
    "Try '{command} {option}' for help.": {
        "uk": "Довідка: «{{command}} {{option}}».",
        "en": "Try '{{command}} {{option}}' for help.",
    },
    "Aborted!": {"uk": "Перервано!", "en": "Aborted!"},
    "Missing argument": {"uk": "Бракує аргументу", "en": "Missing argument"},
    "Missing option": {"uk": "Бракує параметра", "en": "Missing option"},
    "Missing parameter": {"uk": "Бракує параметра", "en": "Missing parameter"},
    "Missing {param_type}": {"uk": "Бракує: {{param_type}}", "en": "Missing {{param_type}}"},
    "Missing parameter: {param_name}": {
        "uk": "Бракує параметра: {{param_name}}",
        "en": "Missing parameter: {{param_name}}",
    },
    "Missing command.": {"uk": "Не вказано команду.", "en": "Missing command."},
    "No such option {name!r}.": {
        "uk": "Немає параметра «{{name}}».",
        "en": "No such option {{name!r}}.",
    },
    "No such command {name!r}.": {
        "uk": "Немає команди «{{name}}».",
        "en": "No such command {{name!r}}.",
    },
    "Did you mean {possibility}?": {
        "uk": "Можливо, ви мали на увазі {{possibility}}?",
        "en": "Did you mean {{possibility}}?",
    },
    "(Did you mean one of: {possibilities}?)": {
        "uk": "(Можливо, ви мали на увазі одне з: {{possibilities}}?)",
        "en": "(Did you mean one of: {{possibilities}}?)",
    },
    "Got unexpected extra argument ({args})": {
        "uk": "Зайвий аргумент ({{args}})",
        "en": "Got unexpected extra argument ({{args}})",
    },
    "Got unexpected extra arguments ({args})": {
        "uk": "Зайві аргументи ({{args}})",
        "en": "Got unexpected extra arguments ({{args}})",
    },
    "Option {name!r} does not take a value.": {
        "uk": "Параметр «{{name}}» не приймає значення.",
        "en": "Option {{name!r}} does not take a value.",
    },
    "Option {name!r} requires an argument.": {
        "uk": "Параметрові «{{name}}» потрібне значення.",
        "en": "Option {{name!r}} requires an argument.",
    },
    "Option {name!r} requires {nargs} arguments.": {
        "uk": "Параметрові «{{name}}» потрібно значень: {{nargs}}.",
        "en": "Option {{name!r}} requires {{nargs}} arguments.",
    },
    "Argument {name!r} takes {nargs} values.": {
        "uk": "Аргументові «{{name}}» потрібно значень: {{nargs}}.",
        "en": "Argument {{name!r}} takes {{nargs}} values.",
    },
    "Invalid value: {message}": {
        "uk": "Неправильне значення: {{message}}",
        "en": "Invalid value: {{message}}",
    },
    "Invalid value for {param_hint}: {message}": {
        "uk": "Неправильне значення {{param_hint}}: {{message}}",
        "en": "Invalid value for {{param_hint}}: {{message}}",
    },
    "{value!r} is not {choice}.": {
        "uk": "«{{value}}» — не {{choice}}.",
        "en": "{{value!r}} is not {{choice}}.",
    },
    "{value!r} is not one of {choices}.": {
        "uk": "«{{value}}» не входить до можливих значень: {{choices}}.",
        "en": "{{value!r}} is not one of {{choices}}.",
    },
    "{value!r} is not a valid {number_type}.": {
        "uk": "«{{value}}» — не число ({{number_type}}).",
        "en": "{{value!r}} is not a valid {{number_type}}.",
    },
    "{value} is not in the range {range}.": {
        "uk": "{{value}} поза межами {{range}}.",
        "en": "{{value}} is not in the range {{range}}.",
    },
    "{value!r} is not a valid boolean. Recognized values: {states}": {
        "uk": "«{{value}}» — не логічне значення. Можливі значення: {{states}}",
        "en": "{{value!r}} is not a valid boolean. Recognized values: {{states}}",
    },
    "{name} {filename!r} does not exist.": {
        "uk": "{{name}} «{{filename}}» не існує.",
        "en": "{{name}} {{filename!r}} does not exist.",
    },
    "{name} {filename!r} is a file.": {
        "uk": "{{name}} «{{filename}}» — це файл.",
        "en": "{{name}} {{filename!r}} is a file.",
    },
    "{name} {filename!r} is a directory.": {
        "uk": "{{name}} «{{filename}}» — це тека.",
        "en": "{{name}} {{filename!r}} is a directory.",
    },
    "{name} {filename!r} is not readable.": {
        "uk": "{{name}} «{{filename}}»: немає дозволу на читання.",
        "en": "{{name}} {{filename!r}} is not readable.",
    },
    "{name} {filename!r} is not writable.": {
        "uk": "{{name}} «{{filename}}»: немає дозволу на запис.",
        "en": "{{name}} {{filename!r}} is not writable.",
    },
    "Could not open file {filename!r}: {message}": {
        "uk": "Не вдалося відкрити файл «{{filename}}»: {{message}}",
        "en": "Could not open file {{filename!r}}: {{message}}",
    },
    "file": {"uk": "файл", "en": "file"},
    "directory": {"uk": "тека", "en": "directory"},
    "path": {"uk": "шлях", "en": "path"},
    "default: {default}": {"uk": "типово: {{default}}", "en": "default: {{default}}"},
    "required": {"uk": "обов’язковий", "en": "required"},
    "env var: {var}": {"uk": "змінна середовища: {{var}}", "en": "env var: {{var}}"},
}

# Every click module that binds gettext's functions to its own names.
_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
    "click.utils",
)

_language: list[str] = []  # the languages of the calls under way, innermost last


def _gettext(message: str) -> str:
    if not _language or message not in MESSAGES:
        return gettext.gettext(message)  # what click would have said
    return translate(MESSAGES, message, _language[-1])


def current_language() -> str:
    """The language of the call under way; Ukrainian outside one."""
    return _language[-1] if _language else "uk"


def word(msgid: str) -> str:
    """click's text ``msgid`` as click would say it now."""
    return _gettext(msgid)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


# What :func:`retranslate` recognises: each text, in any language, back to its msgid.
_MSGIDS: dict[str, str] = {
    translate(MESSAGES, msgid, lang): msgid for msgid in MESSAGES for lang in ("uk", "en")
}


def retranslate(text: str) -> str:
    """``text``, one of click's texts computed earlier in some language, in the language
    of the call under way; any other text unchanged."""
    msgid = _MSGIDS.get(text)
    return text if msgid is None else _gettext(msgid)


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """click's own texts in ``lang`` until the block ends."""
    modules: list[ModuleType] = [importlib.import_module(name) for name in _MODULES]
    saved = [(m, m.__dict__.get("_"), m.__dict__.get("ngettext")) for m in modules]
    _language.append(lang)
    try:
        for module, underscore, ngettext in saved:
            if underscore is not None:
                module._ = _gettext  # type: ignore[attr-defined]
            if ngettext is not None:
                module.ngettext = _ngettext  # type: ignore[attr-defined]
        yield
    finally:
        _language.pop()
        for module, underscore, ngettext in saved:
            if underscore is not None:
                module._ = underscore  # type: ignore[attr-defined]
            if ngettext is not None:
                module.ngettext = ngettext  # type: ignore[attr-defined]
