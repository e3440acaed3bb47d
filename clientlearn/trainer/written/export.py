"""``clientlearn written export``: a module's grading sheet, as a workbook and a printable
page beside it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.files import write_bytes_atomic, write_text_atomic

from .model import read_module
from .printable import sheet_html
from .words import w
from .workbook import SheetMeta, workbook_bytes

__all__ = ["Exported", "export_sheet"]


@dataclass(frozen=True)
class Exported:
    """What the export wrote and what it holds."""

    workbook: Path
    page: Path
    meta: SheetMeta

    @property
    def answers(self) -> int:
        return sum(len(t.rows) for t in self.meta.tasks)

    @property
    def graded(self) -> int:
        return sum(1 for t in self.meta.tasks for r in t.rows if r.manual_score is not None)


def export_sheet(
    course_root: str | Path, module: str, out: str | Path, *, lang: str = "uk"
) -> Exported:
    """Write ``out`` (an ``.xlsx``) and ``out`` with ``.html``: the written tasks of
    ``module`` with every participant's answer."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ClientlearnError(w("not_xlsx", lang, file=out))
    root = Path(course_root)
    course, tasks = read_module(root, module, lang)
    data, meta = workbook_bytes(course, module, tasks, lang, out.name)
    page = out.with_suffix(".html")
    write_bytes_atomic(out, data)
    write_text_atomic(page, sheet_html(module, tasks, lang), encoding="utf-8")
    return Exported(out, page, meta)
