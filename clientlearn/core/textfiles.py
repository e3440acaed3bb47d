"""Reading a hand-written text file (a question bank, an instrument): its UTF-8 text, or
one problem, said in Ukrainian and English, naming the file.

Apart from :mod:`.yamlsource` because a grading kernel reads a bank's text to find it in
the check cache, and must not import YAML for that.
"""

from __future__ import annotations

from pathlib import Path

from .errors import InputFileError, Problem
from .yamlwords import MESSAGES

__all__ = ["read_text"]


def read_text(path: Path, *, error: type[InputFileError]) -> str:
    """The file's UTF-8 text; a missing or unreadable file raises ``error``."""

    def problem(key: str, **values: object) -> InputFileError:
        return error([Problem.said(str(path), None, "file", MESSAGES, key, **values)])

    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise problem("no_such_file") from None
    except UnicodeDecodeError as err:
        raise problem("not_utf8", reason=err.reason) from None
    except OSError as err:
        raise problem("unreadable", reason=err.strerror or str(err)) from None
