"""Grade export: CSV and XLSX for the trainer, and a CSV for Moodle's grade import.

Three formats, each with one row per participant (see :mod:`clientlearn.trainer.results`
for the pass rule):

``csv``
    id, name, email, points per module, total, percentage, passed (так/ні or
    yes/no), for Excel with Ukrainian regional settings to open by double-click in
    columns (:func:`clientlearn.core.tables.excel_csv_text`): UTF-8 **with** a BOM,
    so Excel shows the Cyrillic correctly; ";" between fields and a decimal comma
    ("42,6"), which is what that Excel expects; fields quoted as RFC 4180 says, so a
    ";" or a quote in a name stays in its column.  Excel with other regional
    settings: Data → From Text/CSV, or the ``xlsx`` format, which opens anywhere.
``xlsx``
    The same table as a worksheet (openpyxl): bold header row, numbers stored as
    numbers, the header row frozen and filterable.
``moodle``
    For *Grades → Import → CSV file* in a Moodle course.  Columns: the
    participant's email address, then one column per grade item: "Модуль 1",
    "Модуль 2", …, "Разом" (points; "Module 1", …, "Total" in English).  UTF-8
    without a BOM, comma-separated, "." as the decimal point, one header row:
    Moodle's import asks for the separator and the encoding, and reads grades with
    ``unformat_float``, which takes "." in every language (not the ";" and decimal
    comma of the ``csv`` format, which a Moodle site in English would refuse).
    Participants without an email address in the gradebook are left out (Moodle
    cannot match them, and a row with an empty identifier would be credited to the
    previous row's user); the export warns about each.

    In Moodle's import screen the trainer chooses: *Encoding* UTF-8, *Separator*
    Comma; then under *Identify user*: *Map from* "Електронна пошта" (the first
    column) and *Map to* "Email address"; under *Grade item mappings*: each
    "Модуль N" column to the Moodle grade item of that module (or "New grade
    item", which creates one named after the column).  Map "Разом" to "Ignore"
    when Moodle computes the course total itself (the course total cannot be an
    import target).  Moodle rejects grades above 100 unless the site allows
    "unlimited grades" (``gradepointmax``); the course's total (71 + 78 points)
    is above 100, which is one more reason to ignore "Разом" there, and the export
    warns whenever a value exceeds 100.

``nbgrader export --exporter clientlearn.nbgrader_plugins.ResultsExporter --to grades.xlsx``
runs the same export inside nbgrader (format from the file's extension, or
``--ResultsExporter.file_format=moodle``; ``--ResultsExporter.min_score=70``;
``--assignment``/``--student`` restrict it as usual).  The plugin class is built
on first access so that importing this module does not import nbgrader.

Every file is written atomically: a reader sees the old file or the new one.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.files import write_bytes_atomic, write_text_atomic
from clientlearn.core.i18n import translate
from clientlearn.core.numbers import format_number
from clientlearn.core.tables import EXCEL_CSV_ENCODING, excel_csv_text

from .results import (
    DEFAULT_MIN_SCORE,
    ERRORS,
    ParticipantResult,
    Results,
    check_min_score,
    load_results,
    module_number,
    read_results,
)

FORMATS = ("csv", "xlsx", "moodle")
# How Moodle's grade import finds each participant: "Map to" Email address or ID number.
MATCHES = ("email", "idnumber")
LANGS = ("uk", "en")

# Moodle refuses grades above this unless the site enables "unlimited grades".
MOODLE_GRADE_LIMIT = 100.0

_LABELS: dict[str, dict[str, str]] = {
    "id": {"uk": "id", "en": "id"},
    "name": {"uk": "Ім’я та прізвище", "en": "Name"},
    "email": {"uk": "Електронна пошта", "en": "Email address"},
    "idnumber": {"uk": "Ідентифікаційний номер", "en": "ID number"},
    "question": {"uk": "Модуль {n}: {cell}", "en": "Module {n}: {cell}"},
    "module": {"uk": "Модуль {n}", "en": "Module {n}"},
    "max": {"uk": "{label} (макс. {max})", "en": "{label} (max {max})"},
    "total": {"uk": "Разом", "en": "Total"},
    "no_email": {
        "uk": "{id} ({name}): у журналі оцінок немає адреси електронної пошти, тому учасника "
        "немає у файлі для Moodle; додайте її командою nbgrader db student add {id} "
        "--first-name=… --last-name=… --email=… (вона замінює всі три поля, тож укажіть усі "
        "три) або імпортуйте список учасників і експортуйте ще раз",
        "en": "{id} ({name}) has no email address in the gradebook and is left out of the "
        "Moodle file; add it with nbgrader db student add {id} --first-name=… --last-name=… "
        "--email=… (it replaces all three, so give all three) or import the roster, and "
        "export again",
    },
    "no_name": {"uk": "без імені", "en": "no name"},
    "too_big": {
        "uk": "у стовпці «{column}» є значення понад {limit}: Moodle їх не прийме, якщо сайт не "
        "дозволяє необмежених оцінок; якщо Moodle обчислює цей стовпець сам, зіставте його з "
        "«Ignore»",
        "en": "column “{column}” has values above {limit}: Moodle rejects them unless the "
        "site allows unlimited grades; map that column to 'Ignore' if Moodle computes it",
    },
    "percent": {"uk": "Відсоток", "en": "Percent"},
    "passed": {
        "uk": "Зараховано (≥ {min} % у кожному модулі)",
        "en": "Passed (≥ {min}% in every module)",
    },
    "yes": {"uk": "так", "en": "yes"},
    "no": {"uk": "ні", "en": "no"},
    "sheet": {"uk": "Результати", "en": "Results"},
}


def _label(key: str, lang: str, **fields: object) -> str:
    return translate(_LABELS, key, lang, **fields)


def _check(fmt: str, lang: str) -> None:
    if fmt not in FORMATS:
        raise ClientlearnError.said(
            ERRORS, "unknown_format", value=repr(fmt), choices=", ".join(FORMATS)
        )
    if lang not in LANGS:
        raise ClientlearnError.said(
            ERRORS, "unknown_lang", value=repr(lang), choices=", ".join(LANGS)
        )


def number(value: float) -> int | float:
    """A score as it is shown: whole numbers without ".0", others to 4 decimals."""
    value = round(value, 4)
    return int(value) if value.is_integer() else value


def _numbered(results: Results) -> list[tuple[int, float]]:
    """(module number, maximum) of each module, in order."""
    return [
        (module_number(a, i), m)
        for i, (a, m) in enumerate(zip(results.assignments, results.max_scores, strict=True), 1)
    ]


def guess_format(path: str | Path) -> str:
    """``xlsx`` for a ``.xlsx`` file name, otherwise ``csv``."""
    return "xlsx" if Path(path).suffix.lower() == ".xlsx" else "csv"


def _question_headers(results: Results, lang: str) -> list[str]:
    """A column per grade cell of every module ("Модуль 1: m1_quality_components"), from
    the first participant's modules: every participant has the same cells."""
    if not results.participants:
        return []
    numbers = [n for n, _ in _numbered(results)]
    return [
        _label("question", lang, n=n, cell=q.label)
        for n, m in zip(numbers, results.participants[0].modules, strict=True)
        for q in m.questions
    ]


def _question_scores(p: ParticipantResult) -> list[int | float]:
    return [number(q.score) for m in p.modules for q in m.questions]


def table(
    results: Results, lang: str = "uk", *, per_question: bool = False
) -> list[list[str | int | float]]:
    """The export as rows (header first) with numbers as numbers; with ``per_question``,
    a column per question (grade cell) after the total's columns."""
    header: list[str | int | float] = [
        _label("id", lang),
        _label("name", lang),
        _label("email", lang),
    ]
    for n, max_score in _numbered(results):
        module = _label("module", lang, n=n)
        header.append(_label("max", lang, label=module, max=number(max_score)))
    max_total = sum(results.max_scores)
    header.append(_label("max", lang, label=_label("total", lang), max=number(max_total)))
    header.append(_label("percent", lang))
    header.append(_label("passed", lang, min=number(results.min_score)))
    if per_question:
        header.extend(_question_headers(results, lang))
    rows = [header]
    for p in results.participants:
        row: list[str | int | float] = [p.id, p.name, p.email]
        row.extend(number(m.score) for m in p.modules)
        row.extend([number(p.total), p.percent, _label("yes" if p.passed else "no", lang)])
        if per_question:
            row.extend(_question_scores(p))
        rows.append(row)
    return rows


def csv_text(results: Results, lang: str = "uk", *, per_question: bool = False) -> str:
    """The ``csv`` export as text for Excel (the BOM is added when it is written)."""
    return excel_csv_text(table(results, lang, per_question=per_question))


def moodle_csv_text(
    results: Results, lang: str = "uk", *, per_question: bool = False, match: str = "email"
) -> tuple[str, list[str]]:
    """The ``moodle`` export as text, and warnings for the trainer.  ``match`` is the
    first column Moodle identifies each participant by: ``email`` (the gradebook's
    address) or ``idnumber`` (the participant's id, the roster's ``id`` column, for a
    Moodle site whose users carry that ID number)."""
    if match not in MATCHES:
        raise ClientlearnError.said(
            ERRORS, "unknown_match", value=repr(match), choices=", ".join(MATCHES)
        )
    warnings: list[str] = []
    header = [_label(match, lang)]
    header += [_label("module", lang, n=n) for n, _ in _numbered(results)]
    header.append(_label("total", lang))
    if per_question:
        header += _question_headers(results, lang)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    too_big: set[str] = set()
    for p in results.participants:
        if match == "idnumber":
            writer.writerow([p.id, *_values(p, per_question)])
            continue
        if not p.email:
            name = p.name or _label("no_name", lang)
            warnings.append(_label("no_email", lang, id=p.id, name=name))
            continue
        values = _values(p, per_question)
        too_big.update(h for h, v in zip(header[1:], values, strict=True) if v > MOODLE_GRADE_LIMIT)
        writer.writerow([p.email, *values])
    for column in [h for h in header[1:] if h in too_big]:
        limit = format_number(MOODLE_GRADE_LIMIT, lang)
        warnings.append(_label("too_big", lang, column=column, limit=limit))
    return buf.getvalue(), warnings


def _values(p: ParticipantResult, per_question: bool) -> list[int | float]:
    values = [number(m.score) for m in p.modules] + [number(p.total)]
    return values + (_question_scores(p) if per_question else [])


def xlsx_bytes(results: Results, lang: str = "uk", *, per_question: bool = False) -> bytes:
    """The ``xlsx`` export as the bytes of a workbook."""
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    rows = table(results, lang, per_question=per_question)
    wb = Workbook()
    ws = wb.active
    ws.title = _label("sheet", lang)
    for row in rows:
        ws.append(row)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row_cells in ws.iter_rows(min_row=2):
        for cell in row_cells:
            # openpyxl stores any text starting with "=" as a formula; a name is text.
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    percent_col = 3 + len(results.assignments) + 2
    for (cell,) in ws.iter_rows(min_row=2, min_col=percent_col, max_col=percent_col):
        cell.number_format = "0.0"
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 45)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_results(
    results: Results,
    out: str | Path,
    fmt: str,
    lang: str = "uk",
    *,
    per_question: bool = False,
    match: str = "email",
) -> list[str]:
    """Write ``results`` to ``out`` in format ``fmt``; returns warnings for the trainer.
    ``per_question`` adds a column per question; ``match`` is Moodle's identifying column."""
    _check(fmt, lang)
    out = Path(out)
    warnings: list[str] = []
    if fmt == "xlsx":
        write_bytes_atomic(out, xlsx_bytes(results, lang, per_question=per_question))
    elif fmt == "moodle":
        text, warnings = moodle_csv_text(results, lang, per_question=per_question, match=match)
        write_text_atomic(out, text, encoding="utf-8")
    else:
        text = csv_text(results, lang, per_question=per_question)
        write_text_atomic(out, text, encoding=EXCEL_CSV_ENCODING)
    return warnings + results.warnings(lang)


def export_results(
    course_root: str | Path,
    out: str | Path,
    fmt: str = "csv",
    min_score: float = DEFAULT_MIN_SCORE,
    *,
    lang: str = "uk",
    assignments: Sequence[str] = (),
) -> list[str]:
    """Export the results of the nbgrader course in ``course_root`` to ``out``.

    ``fmt`` is ``csv``, ``xlsx`` or ``moodle``.  Everything is checked before the
    file is written.  Returns warnings for the trainer (submissions awaiting manual
    grading; for Moodle, participants left out and values Moodle would reject).
    """
    _check(fmt, lang)
    results = load_results(course_root, min_score=min_score, assignments=assignments)
    return write_results(results, out, fmt, lang)


@functools.cache
def _exporter_class() -> type:
    from nbgrader.plugins import ExportPlugin
    from traitlets import CaselessStrEnum, Float

    class ResultsExporter(ExportPlugin):  # type: ignore[misc]
        """clientlearn's results export for ``nbgrader export``: one row per participant."""

        min_score = Float(
            DEFAULT_MIN_SCORE,
            help="Percentage of each module's maximum needed to pass.",
        ).tag(config=True)
        file_format = CaselessStrEnum(
            list(FORMATS),
            default_value=None,
            allow_none=True,
            help="csv, xlsx or moodle; by default from the --to file's extension.",
        ).tag(config=True)
        lang = CaselessStrEnum(list(LANGS), default_value="uk", help="uk or en.").tag(config=True)

        def export(self, gradebook: Any) -> None:
            dest = Path(self.to or "grades.csv")
            fmt = self.file_format or guess_format(dest)
            try:
                min_score = check_min_score(self.min_score, "--ResultsExporter.min_score")
                results = read_results(
                    gradebook,
                    min_score=min_score,
                    assignments=[str(a) for a in self.assignment],
                    students=[str(s) for s in self.student],
                )
                warnings = write_results(results, dest, fmt, self.lang)
            except ClientlearnError as err:
                # nbgrader would print a traceback; the message says what to do.
                self.log.error("%s", err)
                raise SystemExit(1) from None
            for warning in warnings:
                self.log.warning("%s", warning)
            self.log.info(
                "Exported %d participant(s) (%d passed) as %s to %s",
                len(results.participants),
                len(results.passed),
                fmt,
                dest,
            )

    ResultsExporter.__module__ = __name__
    return ResultsExporter


def __getattr__(name: str) -> Any:
    # `ResultsExporter` subclasses nbgrader's ExportPlugin; building it on first
    # access keeps `import clientlearn.trainer.export` free of nbgrader.  traitlets'
    # import_item (what --exporter uses) reaches it through getattr.
    if name == "ResultsExporter":
        return _exporter_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
