"""The trainer's side, step 3: the summary as CSV files and charts, written safely.

Everything is rendered in memory first (CSV text, chart bytes); only then is each
file written through a temporary file and ``os.replace``.  An error while reading
or computing therefore writes nothing, and a crash while writing leaves every file
either old or new, never half-written.  CSVs are for Excel with Ukrainian regional
settings, as the group tools write them: UTF-8 with a BOM (Excel needs it to show
Cyrillic), ';' between cells and decimal commas.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.files import write_bytes_atomic, write_text_atomic
from clientlearn.core.tables import EXCEL_CSV_DELIMITER, EXCEL_CSV_ENCODING
from clientlearn.runtime.selfassess.messages import MESSAGES

from .summary import ClassSummary

FORMATS = ("png", "svg")
TABLES = ("participants", "scores", "distribution", "bands", "change", "skipped")


def render(summary: ClassSummary, formats: Sequence[str] = ("png",)) -> dict[str, str | bytes]:
    """``{file name: content}`` of every output, computed without touching the disk."""
    from clientlearn.runtime.selfassess.chart import font

    from .classchart import class_figures

    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ClientlearnError.said(MESSAGES, "chart_formats", unknown=unknown, known=list(FORMATS))
    files: dict[str, str | bytes] = {}
    for name in TABLES:
        frame = getattr(summary, name)
        files[f"{name}.csv"] = frame.to_csv(
            index=False,
            sep=EXCEL_CSV_DELIMITER,
            decimal=",",
            lineterminator="\r\n",
            float_format="%.4g",
        )
    for ins_id, fig in class_figures(summary).items():
        for fmt in formats:
            buffer = io.BytesIO()
            with font():
                fig.savefig(buffer, format=fmt, dpi=120, bbox_inches="tight")
            files[f"{ins_id}.{fmt}"] = buffer.getvalue()
    return files


def write_files(files: dict[str, str | bytes], out: str | Path) -> list[Path]:
    """Write rendered outputs into ``out`` (created if needed), each one atomically."""
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ClientlearnError.said(
            MESSAGES, "out_folder", folder=folder, reason=err.strerror
        ) from err
    written = []
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            write_bytes_atomic(path, content)
        else:
            write_text_atomic(path, content, encoding=EXCEL_CSV_ENCODING)
        written.append(path)
    return written


def write_summary(
    summary: ClassSummary, out: str | Path, formats: Sequence[str] = ("png",)
) -> list[Path]:
    """Render the summary's CSVs and charts, then write them into ``out``."""
    return write_files(render(summary, formats), out)


__all__ = ["FORMATS", "TABLES", "render", "write_files", "write_summary"]
