"""Issuing certificates: everyone who passed gets one, from the course's facts.

The title, module names and hours come from the course folder's ``course.yaml``
(:mod:`clientlearn.trainer.coursefacts`); the place, dates and trainer of the run too,
unless given for this run.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.files import write_bytes_atomic, write_text_atomic
from clientlearn.core.translit import one_apostrophe

from ..coursefacts import CourseFacts, load_course_facts
from ..results import DEFAULT_MIN_SCORE, ParticipantResult, load_results, module_number
from .codes import (
    REGISTER_FILE,
    RegisterEntry,
    certificate_code,
    load_key,
    read_register,
    register_text,
)
from .pdf import CertificateDetails, render_pdf
from .words import ERRORS

LANGS = ("uk", "en")

COMBINED_FILE = "all-certificates.pdf"


@dataclass(frozen=True)
class Issued:
    """What :func:`make_certificates` wrote."""

    out: Path
    entries: list[RegisterEntry]
    files: list[Path] = field(default_factory=list)
    combined: Path | None = None
    register: Path | None = None
    not_passed: int = 0
    warnings: list[str] = field(default_factory=list)


# --- issuing -----------------------------------------------------------------


def _safe_file_name(student_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", student_id).strip(".") or "participant"


def _module_titles(
    facts: CourseFacts, assignments: Sequence[str], lang: str
) -> tuple[tuple[int, str], ...]:
    return tuple(
        (module_number(a, i), facts.module_title(a, lang))
        for i, a in enumerate(assignments, start=1)
    )


def make_certificates(
    course_root: str | Path,
    out: str | Path | None = None,
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    trainer: str | None = None,
    dates: str | None = None,
    hours: int | None = None,
    title: str | None = None,
    place: str | None = None,
    lang: str = "uk",
    assignments: Sequence[str] = (),
    today: datetime.date | None = None,
) -> Issued:
    """Write certificates for everyone who passed; see the package docstring.

    ``trainer``, ``dates``, ``hours``, ``title`` and ``place`` replace the course
    file's for this run; the dates must be written in one or the other.
    """
    if lang not in LANGS:
        raise ClientlearnError.said(
            ERRORS, "unknown_lang", value=repr(lang), choices=", ".join(LANGS)
        )
    if hours is not None and hours <= 0:
        raise ClientlearnError.said(ERRORS, "hours", hours=hours)
    root = Path(course_root)
    facts = load_course_facts(root).but(
        trainer=trainer, dates=dates, hours=hours, title=title, place=place
    )
    facts.require("title", "dates", lang=lang, hint=ERRORS["hint_dates"])
    # Typed on any keyboard, printed with the one apostrophe the names have (results).
    dates = one_apostrophe(facts.text("dates", lang).strip())
    title = one_apostrophe(facts.text("title", lang).strip())
    place = one_apostrophe(facts.text("place", lang).strip())
    trainer = one_apostrophe(facts.trainer.strip())
    out_dir = Path(out) if out is not None else root / "certificates"
    results = load_results(root, min_score=min_score, assignments=assignments)
    passed: list[ParticipantResult] = results.passed
    unnamed = [p.id for p in passed if not p.name]
    if unnamed:
        raise ClientlearnError.said(ERRORS, "unnamed", ids=", ".join(unnamed))
    issued_on = (today or datetime.date.today()).isoformat()
    register_path = out_dir / REGISTER_FILE
    previous = read_register(register_path)
    result = Issued(
        out=out_dir,
        entries=[],
        not_passed=len(results.participants) - len(passed),
        warnings=results.warnings(lang),
    )
    if not passed:
        return result

    details = CertificateDetails(
        title=title,
        modules=_module_titles(facts, results.assignments, lang),
        dates=dates,
        hours=facts.hours,
        place=place,
        trainer=trainer.strip(),
        lang=lang,
    )
    # The key is the first thing written, after every check has passed.
    key = load_key(root, create=True)
    known = {e.code: e for e in previous}
    entries = []
    for p in passed:
        code = certificate_code(key, results.course_id, p.id, p.name, dates)
        entries.append(
            known.get(code)
            or RegisterEntry(code, p.id, p.name, results.course_id, title, dates, issued_on)
        )
    pages = [(p.name, e.code) for p, e in zip(passed, entries, strict=True)]
    pdfs = {}
    for p, page in zip(passed, pages, strict=True):
        name = f"{_safe_file_name(p.id)}.pdf"
        if name in pdfs or name == COMBINED_FILE:
            name = f"{_safe_file_name(p.id)}-{page[1]}.pdf"
        pdfs[name] = render_pdf([page], details)
    combined = render_pdf(pages, details)
    new = [e for e in entries if e.code not in known]
    register = register_text([*previous, *new])

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ClientlearnError.said(ERRORS, "folder", folder=out_dir, reason=err.strerror) from err
    files = []
    for name, data in pdfs.items():
        write_bytes_atomic(out_dir / name, data)
        files.append(out_dir / name)
    write_bytes_atomic(out_dir / COMBINED_FILE, combined)
    # The register goes last: every code in it has its PDF on disk.
    write_text_atomic(register_path, register, encoding="utf-8-sig")
    return Issued(
        out=out_dir,
        entries=entries,
        files=files,
        combined=out_dir / COMBINED_FILE,
        register=register_path,
        not_passed=result.not_passed,
        warnings=result.warnings,
    )
