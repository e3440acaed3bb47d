"""The one exception family of clientlearn.

Every error a user can cause (a bad question bank, roster, answers file or
command-line argument) is a :class:`ClientlearnError`.  Its message says what is
wrong and what to do; the CLI prints it without a traceback and exits non-zero.
"""

from __future__ import annotations

from dataclasses import dataclass


class ClientlearnError(Exception):
    """Base class of every error clientlearn raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One problem found in an input file, with where it is."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.field}: {self.message}"


class InputFileError(ClientlearnError):
    """An input file (bank, roster, instrument…) has one or more problems.

    ``problems`` lists them all, so an author can fix every one in one pass.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class BankError(InputFileError):
    """A question bank is malformed or inconsistent."""


class AnswerStoreError(ClientlearnError):
    """The answers file cannot be read or written."""


class AnswersFileError(AnswerStoreError, ValueError):
    """A text is not a clientlearn answers file.  Also a ValueError, which is what
    callers of :func:`clientlearn.runtime.store.decode` have always caught."""


class UnknownQuestionError(ClientlearnError):
    """A question id is not in the bank."""
