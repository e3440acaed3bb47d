"""The one exception family of clientlearn.

Every error a user can cause (a bad question bank, roster, answers file or
command-line argument) is a :class:`ClientlearnError`.  Its message says what is
wrong and what to do; the CLI prints it without a traceback and exits non-zero.

An error built with :meth:`ClientlearnError.said` (or from :class:`Problem` objects
built with :meth:`Problem.said`) carries its text in every language of
:data:`clientlearn.core.i18n.LANGUAGES`; the CLI shows ``err.text(lang)`` in the
command's ``--lang``.  ``str(err)`` stays the English text, so logs, ``pytest.raises(
match=...)`` and code that catches and re-wraps an error see one stable language.

In a notebook, IPython shows an exception's ``_render_traceback_()`` instead of its
traceback: a ClientlearnError shows the participant its message in their language (the
notebook's, set in ``err.lang`` by the quiz; else ``CLIENTLEARN_LANG``, else Ukrainian)
and names its class for whoever debugs it; with ``CLIENTLEARN_TRACEBACK=1`` in the
kernel's environment it is Python's full traceback again (``%env`` it, then ``%tb``).
"""

from __future__ import annotations

import dataclasses
import os
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Self

from clientlearn.core.i18n import LANGUAGES, default_language, translate

# The line under an error's message in a notebook, for whoever debugs it.
MESSAGES: dict[str, dict[str, str]] = {
    "for_developers": {
        "uk": "({name}; повний traceback покаже %tb після %env CLIENTLEARN_TRACEBACK=1)",
        "en": "({name}; %tb after %env CLIENTLEARN_TRACEBACK=1 shows the full traceback)",
    },
}

_STR_LANG = "en"  # the language of str(err): stable for logs and code that matches it


def _texts(
    table: Mapping[str, Mapping[str, str]], key: str, values: dict[str, object]
) -> dict[str, str]:
    """``table[key]`` filled in, in every language.  A value that is itself a mapping
    {lang: text} (a word that must be translated too) or a ClientlearnError is filled
    in per language."""
    return {
        lang: translate(
            table,
            key,
            lang,
            **{k: _in(v, lang) for k, v in values.items()},
        )
        for lang in LANGUAGES
    }


def _in(value: object, lang: str) -> object:
    if isinstance(value, ClientlearnError):  # an error wrapped in another keeps its language
        return value.text(lang)
    if isinstance(value, Mapping):
        return value.get(lang, value.get("uk", ""))
    return value


class ClientlearnError(Exception):
    """Base class of every error clientlearn raises on purpose.

    ``texts`` maps a language to the message in it; empty for an error raised with a
    plain (English) message, whose :meth:`text` is that message in every language.
    """

    texts: dict[str, str]
    lang: str | None = None  # the language of the notebook it is shown in, if known

    def __init__(self, *args: object, texts: Mapping[str, str] | None = None) -> None:
        super().__init__(*args)
        self.texts = dict(texts or {})

    @classmethod
    def said(cls, table: Mapping[str, Mapping[str, str]], key: str, /, **values: object) -> Self:
        """The error whose message is ``table[key]``, filled in, in every language.
        (``table``, ``key`` and ``lang`` are translate's own names: not field names.)"""
        texts = _texts(table, key, values)
        return cls(texts[_STR_LANG], texts=texts)

    def text(self, lang: str) -> str:
        """The message in ``lang``; the plain message when the error has no texts."""
        return self.texts.get(lang) or str(self)

    def _render_traceback_(self) -> list[str]:
        """What IPython shows instead of the traceback: the message, then the class.
        The cell's output stays an error (nbgrader scores such a grade cell 0)."""
        if os.environ.get("CLIENTLEARN_TRACEBACK"):
            lines = traceback.format_exception(type(self), self, self.__traceback__)
            return "".join(lines).splitlines()
        lang = self.lang or default_language()
        name = f"{type(self).__module__}.{type(self).__qualname__}"
        hint = translate(MESSAGES, "for_developers", lang, name=name)
        return [*self.text(lang).splitlines(), "", hint]


@dataclass(frozen=True)
class Problem:
    """One problem found in an input file, with where it is."""

    file: str
    line: int | None
    field: str
    message: str
    texts: Mapping[str, str] = dataclasses.field(default_factory=dict, compare=False)

    @classmethod
    def said(
        cls,
        file: str,
        line: int | None,
        field: str,
        table: Mapping[str, Mapping[str, str]],
        key: str,
        /,
        **values: object,
    ) -> Problem:
        """The problem whose message is ``table[key]``, filled in, in every language."""
        texts = _texts(table, key, values)
        return cls(file, line, field, texts[_STR_LANG], texts)

    def text(self, lang: str) -> str:
        """``FILE:LINE: FIELD: message`` with the message in ``lang`` when it has one."""
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.field}: {self.texts.get(lang) or self.message}"

    def __str__(self) -> str:
        return self.text(_STR_LANG)


class InputFileError(ClientlearnError):
    """An input file (bank, roster, instrument…) has one or more problems.

    ``problems`` lists them all, so an author can fix every one in one pass.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def text(self, lang: str) -> str:
        return "\n".join(p.text(lang) for p in self.problems)


class BankError(InputFileError):
    """A question bank is malformed or inconsistent."""


class AnswerStoreError(ClientlearnError):
    """The answers file cannot be read or written."""


class AnswersFileError(AnswerStoreError, ValueError):
    """A text is not a clientlearn answers file.  Also a ValueError, which is what
    callers of :func:`clientlearn.runtime.store.decode` have always caught."""


class UnknownQuestionError(ClientlearnError):
    """A question id is not in the bank."""
