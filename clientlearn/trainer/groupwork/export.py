"""Writing the summary: CSV tables for Excel and PNG charts, all or nothing.

CSV files are for Excel with Ukrainian regional settings: UTF-8 with a BOM (Excel
needs it to show Cyrillic), ';' between cells and decimal commas
(:mod:`clientlearn.core.tables`), with column headers in the chosen language; a
participant's text that Excel would run as a formula (``=…``, ``+…``, ``@…``) gets a
leading apostrophe and stays text.

Everything is rendered in memory first; then every file goes to a temporary name in
the output folder and, only when all are written, each replaces its target.  A
failure part-way leaves the folder as it was.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.tables import EXCEL_CSV_DELIMITER, EXCEL_CSV_ENCODING
from clientlearn.runtime.groupwork.messages import MESSAGES, check_lang, msg
from clientlearn.runtime.groupwork.rubric import SCALE

from .charts import png_bytes, render_charts
from .words import ERRORS

if TYPE_CHECKING:
    import pandas as pd

    from .summary import Summary

__all__ = ["render_files", "write_files", "write_summary"]


def _headers(frame: pd.DataFrame, summary: Summary, lang: str) -> pd.DataFrame:
    titles = {c.id: c.title_in(lang) for r in summary.rubrics.values() for c in r.criteria}
    names: dict[str, str] = {}
    for col in frame.columns:
        key = f"col.{col}"
        if col == "text_text":  # the one text area a form has by default
            names[col] = msg("col.text", lang)
        elif col.startswith("text_"):
            names[col] = f"{msg('col.text', lang)}: {col[len('text_') :]}"
        elif col.startswith("n_") and col[2:].isdigit() and int(col[2:]) in SCALE:
            names[col] = msg("col.level", lang, level=col[2:])
        elif col in titles:
            names[col] = titles[col]
        else:
            names[col] = msg(key, lang) if key in MESSAGES else col
    return frame.rename(columns=names)


def _csv(frame: pd.DataFrame, summary: Summary, lang: str) -> bytes:
    from pandas.api.types import is_bool_dtype, is_string_dtype

    frame = frame.copy()
    for col in frame.columns:
        if is_bool_dtype(frame[col]):  # "так"/"ні" reads better in Excel than True/False
            frame[col] = frame[col].map({True: msg("yes", lang), False: msg("no", lang)})
        elif is_string_dtype(frame[col]):
            frame[col] = frame[col].map(_inert)
    text = _headers(frame, summary, lang).to_csv(
        index=False, sep=EXCEL_CSV_DELIMITER, decimal=",", lineterminator="\r\n"
    )
    return text.encode(EXCEL_CSV_ENCODING)


# Excel runs a cell that starts like a formula; participants' text must stay text.
_FORMULA = re.compile(r"^(?:[=+@\t\r]|-\S)")


def _inert(value: object) -> object:
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


def render_files(summary: Summary, *, lang: str = "uk") -> dict[str, bytes]:
    """Every output file's name and content (nothing is written)."""
    check_lang(lang)
    files = {
        "group-answers.csv": _csv(summary.group_answers, summary, lang),
        "consensus.csv": _csv(summary.consensus, summary, lang),
        "group-distances.csv": _csv(summary.distances, summary, lang),
        "observations.csv": _csv(summary.observations, summary, lang),
        "rubric-by-participant.csv": _csv(summary.by_participant, summary, lang),
        "rubric-by-criterion.csv": _csv(summary.by_criterion, summary, lang),
    }
    for name, fig in render_charts(summary, lang=lang).items():
        files[name] = png_bytes(fig)
    return files


def write_files(files: dict[str, bytes], out: str | os.PathLike[str]) -> list[Path]:
    """Write ``files`` into ``out`` all together (see the module docstring)."""
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ClientlearnError.said(
            ERRORS, "out_folder", folder=folder, reason=err.strerror
        ) from err
    staged: list[tuple[str, Path]] = []
    try:
        for name, data in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
            staged.append((tmp, folder / name))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            # mkstemp makes the file private; co-trainers share the summary.
            os.chmod(tmp, 0o644)
    except OSError as err:
        _remove(tmp for tmp, _ in staged)
        raise ClientlearnError.said(
            ERRORS, "cannot_write", folder=folder, reason=err.strerror or err
        ) from err
    # Renames within one folder do not run out of room; only this short step could
    # leave a mix of old and new files, and only if the folder vanished meanwhile.
    try:
        for tmp, target in staged:
            os.replace(tmp, target)
    except OSError as err:
        _remove(tmp for tmp, _ in staged)
        raise ClientlearnError.said(
            ERRORS, "cannot_put", folder=folder, reason=err.strerror or err
        ) from err
    return [target for _, target in staged]


def _remove(paths: Iterable[str]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            os.unlink(path)


def write_summary(summary: Summary, out: str | os.PathLike[str], *, lang: str = "uk") -> list[Path]:
    """Render and write every table and chart into ``out``; returns the paths."""
    return write_files(render_files(summary, lang=lang), out)
