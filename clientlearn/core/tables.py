"""Reading tables as Excel exports them in Ukraine: CSV or the first sheet of an XLSX.

CSV in UTF-8 (with or without BOM) or Windows-1251, comma, semicolon or tab
(sniffed), any line endings; a file that is neither UTF-8 nor plausible
Windows-1251 text is refused rather than read as gibberish.  Used by the roster
import and the group tools, so every table a trainer brings is read the same way.

Tables written for people to open in Excel (:func:`excel_csv_text`) use ';', a BOM
and decimal commas, as Excel with Ukrainian regional settings expects; the readers
here sniff ';', so clientlearn reads them back too.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import importlib
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ClientlearnError, InputFileError, Problem
from .i18n import LANGUAGES, translate
from .tablewords import MESSAGES, SAVE_AS, kind


@dataclass(frozen=True)
class Sheet:
    """The non-blank rows of a CSV file or of a workbook's first sheet.

    ``rows`` holds ``(line, cells)``: the line (CSV) or row (XLSX) number a person
    sees in the editor, and the cells stripped of surrounding spaces.  ``source``
    says how the file was read ("CSV, UTF-8 with BOM, ';'"), for messages.
    """

    file: str
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    source: str
    delimiter: str = ""  # "" for a workbook: no quoting mistakes to report


_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0"  # Excel 97-2003 (OLE2)

# What Windows-1251 text from a Ukrainian Excel holds beyond ASCII: Cyrillic
# letters and typographic punctuation.  KOI8-U, DOS (cp866) or Mac Cyrillic bytes
# read as Windows-1251 give characters outside this set (¦, Ђ, Љ, ‰…).
_CP1251_TEXT = frozenset(
    [chr(c) for c in range(0x410, 0x450)] + list("ЁёЄєІіЇїҐґ«»„“”‘’‚–—…№·°\u00a0")
)
_CYRILLIC_WORD = re.compile(r"[А-яЁёЄєІіЇїҐґ]{2,}")
_LOWER_THEN_UPPER = re.compile(r"[а-яёєіїґ][А-ЯЁЄІЇҐ]")


def _problem(
    file: str, line: int | None, column: str, key: str, /, **values: object
) -> InputFileError:
    """A file-level problem (encoding, format), whatever table the file holds."""
    return InputFileError(
        [Problem.said(file, line, column, MESSAGES, key, save_as=SAVE_AS, **values)]
    )


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def _decode(raw: bytes, file: str, what: str) -> tuple[str, str]:
    """The text of a CSV file and the name of its encoding; never a silent guess."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in raw[:4096]:
        raise _problem(file, None, "encoding", "utf16", what=kind(what))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad_line = _line_of(raw, err.start)
    else:
        return text, "UTF-8 with BOM" if raw.startswith(codecs.BOM_UTF8) else "UTF-8"
    # Mostly valid UTF-8 with a damaged spot is a UTF-8 file, and reading it as
    # Windows-1251 would turn every name into mojibake («РљРѕРІ…»).
    loose = raw.decode("utf-8", errors="replace")
    broken = loose.count("\ufffd")
    fine = sum(1 for ch in loose if ord(ch) > 127) - broken
    if fine > broken:
        raise _problem(file, bad_line, "encoding", "bad_utf8_line")
    try:
        text = raw.decode("cp1251")
    except UnicodeDecodeError as err:
        raise _problem(
            file, _line_of(raw, err.start), "encoding", "neither", what=kind(what)
        ) from None
    for number, line in enumerate(text.splitlines(), start=1):
        odd = next((ch for ch in line if ord(ch) > 127 and ch not in _CP1251_TEXT), None)
        if odd is not None:
            raise _problem(file, number, "encoding", "neither_here", what=kind(what), odd=repr(odd))
    # KOI8 letters read as Windows-1251 swap case: «Коваленко» becomes «лПЧБМЕОЛП».
    words = _CYRILLIC_WORD.findall(text)
    swapped = sum(1 for w in words if _LOWER_THEN_UPPER.search(w))
    if swapped >= 2 and swapped * 5 >= len(words):
        raise _problem(file, None, "encoding", "neither", what=kind(what))
    return text, "Windows-1251"


def _sniff_delimiter(lines: Sequence[str]) -> str:
    """``,``, ``;`` or tab: the one that splits the header into several columns and
    gives the most following rows the same number of cells.  A single header line
    can mislead: «Прізвище, ім’я;Бібліотека» has a comma and a semicolon."""

    def score(delimiter: str) -> tuple[bool, int, int]:
        try:
            rows = list(csv.reader(lines, delimiter=delimiter))
        except csv.Error:  # a quote never closed: the full read reports it with its line
            return False, -1, 0
        width = len(rows[0])
        return width > 1, sum(1 for r in rows[1:] if len(r) == width), width

    return max(",;\t", key=score)


def _read_csv(raw: bytes, file: str, what: str) -> Sheet:
    text, encoding = _decode(raw, file, what)
    lines = [line for line in text.splitlines() if line.strip()][:20]
    if not lines:
        return Sheet(file, (), f"CSV, {encoding}")
    # Excel honours (and some exports write) a first line "sep=;".
    declared = re.fullmatch(r"sep=(.)", lines[0].strip())
    if declared:
        delimiter = declared.group(1)
        text = text.replace(lines[0], "", 1)  # keeps its line break: line numbers stay right
    else:
        delimiter = _sniff_delimiter(lines)
    rows: list[tuple[int, tuple[str, ...]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            stripped = tuple(c.strip() for c in cells)
            if any(stripped):
                rows.append((start, stripped))
    except csv.Error as err:
        raise _problem(file, line, "row", "csv_quotes", error=err) from None
    shown = {",": "','", ";": "';'", "\t": "tab"}.get(delimiter, repr(delimiter))
    return Sheet(file, tuple(rows), f"CSV, {encoding}, {shown}", delimiter)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores 17 as 17.0
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def _read_xlsx(raw: bytes, file: str) -> Sheet:
    try:
        # openpyxl ships no type hints; imported here so `clientlearn` starts fast.
        openpyxl: Any = importlib.import_module("openpyxl")
    except ImportError:
        raise ClientlearnError.said(MESSAGES, "no_openpyxl", file=file) from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), data_only=True)
    except Exception as err:  # a damaged workbook fails in zipfile, XML or openpyxl
        raise _problem(file, None, "file", "bad_workbook", error=err) from None
    try:
        if not book.worksheets:  # only chart sheets, or a sheet list the file lost
            raise _problem(file, None, "file", "no_sheet")
        sheet = book.worksheets[0]
        rows: list[tuple[int, tuple[str, ...]]] = []
        for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
            cells = tuple(_cell_text(v) for v in values)
            if any(cells):
                rows.append((number, cells))
        return Sheet(file, tuple(rows), f"XLSX, sheet '{sheet.title}'")
    finally:
        book.close()


def read_sheet(path: Path | str, *, what: str = "roster") -> Sheet:
    """Read a CSV file or an ``.xlsx`` workbook (told apart by content, not by name).

    ``what`` names the file in messages ("roster", "groups").  Raises
    :class:`ClientlearnError` if the file is missing or unreadable, and
    :class:`RosterError` (with the line) if its encoding cannot be trusted.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ClientlearnError.said(MESSAGES, "not_found", what=kind(what), path=path) from None
    except OSError as err:
        raise ClientlearnError.said(
            MESSAGES, "unreadable", what=kind(what), path=path, reason=err.strerror
        ) from err
    if raw.startswith(_XLSX_MAGIC):
        return _read_xlsx(raw, str(path))
    if raw.startswith(_XLS_MAGIC):
        raise _problem(str(path), None, "file", "old_xls")
    return _read_csv(raw, str(path), what)


def read_csv_rows(
    path: Path | str, *, what: str
) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Read a table whose first non-blank row is the header (used by
    :mod:`clientlearn.trainer.groups` and :mod:`clientlearn.trainer.rotation`).

    Returns the column names (stripped, lower-case) and ``(line, row)`` pairs.
    Raises :class:`InputFileError` for a repeated column or a row with more cells
    than the header (an unquoted delimiter inside a value).
    """
    sheet = read_sheet(path, what=what)
    if not sheet.rows:
        raise ClientlearnError.said(MESSAGES, "empty", path=path, what=kind(what))
    (header_line, cells), *body = sheet.rows
    header = [c.casefold() for c in cells]
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, col in enumerate(header):
        if col and col in seen:
            problems.append(
                Problem.said(
                    str(path),
                    header_line,
                    col,
                    MESSAGES,
                    "column_twice",
                    first=seen[col] + 1,
                    second=i + 1,
                )
            )
        seen.setdefault(col, i)
    rows: list[tuple[int, dict[str, str]]] = []
    for line, values in body:
        if any(values[len(header) :]):
            problems.append(too_many_cells(str(path), line, len(values), len(header), sheet))
            continue
        rows.append(
            (
                line,
                {col: values[i] if i < len(values) else "" for i, col in enumerate(header) if col},
            )
        )
    if problems:
        raise InputFileError(problems)
    return [c for c in header if c], rows


def too_many_cells(file: str, line: int, cells: int, columns: int, sheet: Sheet) -> Problem:
    hint = {
        lang: translate(MESSAGES, "hint_quotes", lang, delimiter=f"'{sheet.delimiter}'")
        if sheet.delimiter
        else translate(MESSAGES, "hint_extra", lang)
        for lang in LANGUAGES
    }
    return Problem.said(
        file, line, "row", MESSAGES, "too_many_cells", cells=cells, columns=columns, hint=hint
    )


# ---------------------------------------------------------------- writing for Excel

EXCEL_CSV_DELIMITER = ";"
"""Excel with Ukrainian regional settings splits a double-clicked CSV at ';' (the
list separator there, because ',' is the decimal separator)."""
EXCEL_CSV_ENCODING = "utf-8-sig"
"""UTF-8 with a BOM: without it Excel reads the file as Windows-1251 and shows
every Cyrillic letter as mojibake."""


def excel_number(value: float) -> str:
    """A number as Excel with Ukrainian regional settings reads it: a decimal comma
    ("42,6"); "42.6" would be read as text or as a date (42 June).  Not
    :func:`clientlearn.core.numbers.format_number`, which is for reading: Excel needs
    every digit and an ASCII minus to take the cell as a number."""
    return repr(value).replace(".", ",") if isinstance(value, float) else str(value)


def excel_csv_text(rows: Iterable[Sequence[object]]) -> str:
    """Rows as a CSV for people to open in Excel: ';' between cells, CRLF line ends,
    numbers with a decimal comma, quotes where a cell needs them.  Write it with
    :data:`EXCEL_CSV_ENCODING`; :func:`read_sheet` reads it back (it sniffs ';')."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=EXCEL_CSV_DELIMITER, lineterminator="\r\n")
    for row in rows:
        writer.writerow(
            excel_number(c) if isinstance(c, int | float) and not isinstance(c, bool) else c
            for c in row
        )
    return buf.getvalue()
