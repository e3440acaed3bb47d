"""The report's quiz statistics as a table file for Excel: ``.xlsx`` with a sheet each
for the modules, the items, the options and the scenario paths, or ``.csv`` with the same
four tables one after another (each under its title, a blank line between them), as
Moodle's own statistics download writes several tables into one file.  Percentages are
numbers in per cent, as Moodle shows them; the CSV is the Ukrainian Excel's (``;``, a
decimal comma, UTF-8 with a BOM: :func:`clientlearn.core.tables.excel_csv_text`)."""

from __future__ import annotations

import io
from pathlib import Path

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.files import write_bytes_atomic, write_text_atomic
from clientlearn.core.tables import EXCEL_CSV_ENCODING, excel_csv_text

from .quizstats import ModuleNumbers
from .quizstats_words import qword
from .responses import QuizReport
from .words import WORDS, word

__all__ = ["Table", "stats_path", "stats_tables", "write_stats"]

Cell = str | int | float | None
Table = tuple[str, list[list[Cell]]]  # (title, header row then data rows)


def _r(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def _share(value: float | None, top: float) -> float | None:
    return None if value is None or not top else round(100 * value / top, 2)


def _kind(kind: str, lang: str) -> str:
    return word(lang, f"k_{kind}") if f"k_{kind}" in WORDS else kind


def _pc(lang: str, key: str) -> str:
    return qword(lang, "qs_percent", name=qword(lang, key))


def _modules(quiz: QuizReport, lang: str) -> Table:
    head: list[Cell] = [qword(lang, k) for k in ("qs_module", "qs_n", "qs_items", "qs_max")]
    head += [_pc(lang, k) for k in ("qs_mean", "qs_median", "qs_sd")]
    head += [qword(lang, "qs_skewness"), qword(lang, "qs_kurtosis")]
    head += [_pc(lang, k) for k in ("qs_cic", "qs_er", "qs_se")]
    rows = [head]
    for m in quiz.modules:
        t: ModuleNumbers = m.test
        top = t.max_score
        rows.append([
            m.title, t.n, t.items, _r(top), _share(t.mean, top), _share(t.median, top),
            _share(t.sd, top), _r(t.skewness, 3), _r(t.kurtosis, 3), _r(t.cic),
            _r(t.error_ratio), _share(t.standard_error, top),
        ])  # fmt: skip
    return qword(lang, "qs_sheet_test"), rows


def _items(quiz: QuizReport, lang: str) -> Table:
    head: list[Cell] = [qword(lang, "qs_module"), "№", qword(lang, "qs_item")]
    head += [qword(lang, "qs_kind"), qword(lang, "qs_item_points")]
    keys = ("qs_facility", "qs_item_sd", "qs_guess", "qs_intended", "qs_effective")
    head += [_pc(lang, k) for k in (*keys, "qs_disc", "qs_eff")]
    head.append(qword(lang, "qs_alpha_del"))
    rows = [head]
    for m in quiz.modules:
        for n, item in enumerate(m.items, start=1):
            x = item.numbers
            guess = None if item.guess is None else 100 * item.guess
            facility = None if x.facility is None else 100 * x.facility
            rows.append([
                m.title, n, item.title, _kind(item.kind, lang), item.points, _r(facility),
                _share(x.sd, item.points), _r(guess), _r(x.intended_weight),
                _r(x.effective_weight), _r(x.discrimination), _r(x.efficiency),
                _r(x.alpha_if_deleted, 3),
            ])  # fmt: skip
    return qword(lang, "qs_sheet_items"), rows


def _options(quiz: QuizReport, lang: str) -> Table:
    titles = {m.module: m.title for m in quiz.modules}
    head: list[Cell] = [qword(lang, k) for k in ("qs_module", "qs_question", "qs_option")]
    head += [qword(lang, "qs_right"), _pc(lang, "qs_credit"), qword(lang, "qs_chose")]
    head += [_pc(lang, k) for k in ("qs_chose", "qs_upper", "qs_lower", "qs_diff")]
    rows = [head]
    for found in quiz.options:
        for r in found.rows:
            upper = 100 * r.upper / found.n_upper if found.n_upper else None
            lower = 100 * r.lower / found.n_lower if found.n_lower else None
            diff = None if upper is None or lower is None else upper - lower
            rows.append([
                titles.get(found.module, found.module), found.title,
                r.text or qword(lang, "qs_no_answer"), qword(lang, "qs_yes") if r.right else "",
                _r(100 * r.credit) if r.text else None, r.count,
                _share(r.count, found.n), _r(upper), _r(lower), _r(diff),
            ])  # fmt: skip
    return qword(lang, "qs_sheet_options"), rows


def _paths(quiz: QuizReport, lang: str) -> Table:
    titles = {m.module: m.title for m in quiz.modules}
    head: list[Cell] = [qword(lang, k) for k in ("qs_module", "qs_question", "qs_path")]
    head += [qword(lang, "qs_chose"), _pc(lang, "qs_share"), _pc(lang, "qs_score")]
    head.append(qword(lang, "qs_finished"))
    rows = [head]
    for found in quiz.paths:
        for p in found.paths:
            rows.append([
                titles.get(found.module, found.module), found.title, " → ".join(p.steps),
                p.count, _share(p.count, found.n), _r(100 * p.score),
                qword(lang, "qs_yes") if p.finished else "",
            ])  # fmt: skip
    return qword(lang, "qs_sheet_paths"), rows


def stats_tables(quiz: QuizReport, lang: str) -> list[Table]:
    """The four tables of the statistics file, each with its header row."""
    return [_modules(quiz, lang), _items(quiz, lang), _options(quiz, lang), _paths(quiz, lang)]


def _csv(tables: list[Table]) -> str:
    rows: list[list[Cell]] = []
    for title, table in tables:
        rows += [[title], *table, []]
    rows.pop()  # no blank line after the last table
    return excel_csv_text([["" if c is None else c for c in row] for row in rows])


def _xlsx(tables: list[Table]) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    book = Workbook()
    book.remove(book.active)
    for title, table in tables:
        sheet = book.create_sheet(title)
        for row in table:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                # openpyxl stores any text starting with "=" as a formula; a title is text.
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"
        for i in range(len(table[0])):
            width = max(len(str(r[i] if i < len(r) else "")) for r in table)
            sheet.column_dimensions[get_column_letter(i + 1)].width = min(max(width + 2, 8), 50)
        sheet.freeze_panes = "A2"
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def stats_path(out: str | Path) -> Path:
    """``out`` if it names a ``.xlsx`` or ``.csv`` file, else a ClientlearnError saying so."""
    path = Path(out)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        raise ClientlearnError.said(WORDS, "err_stats_name", path=path)
    return path


def write_stats(quiz: QuizReport, out: str | Path, lang: str = "uk") -> Path:
    """Write the statistics to ``out``: ``.xlsx`` or ``.csv`` by its name."""
    path = stats_path(out)
    suffix = path.suffix.lower()
    tables = stats_tables(quiz, lang)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ClientlearnError.said(
            WORDS, "err_folder", folder=path.parent, reason=err.strerror
        ) from err
    if suffix == ".xlsx":
        write_bytes_atomic(path, _xlsx(tables))
    else:
        write_text_atomic(path, _csv(tables), encoding=EXCEL_CSV_ENCODING)
    return path
