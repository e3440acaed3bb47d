"""The participant handbook: both modules as one printable HTML file and a PDF.

The 2014 participants took home a printed manual «Орієнтація на клієнта»; this is
its counterpart, made from the course itself.  Each notebook gives its Markdown text
and its questions as printable text (:mod:`clientlearn.trainer.handbook_html`).

Keys stay out by construction:

* questions come from the participants' copy of the bank (:func:`public_yaml`, then
  :func:`parse_bank`), so graded keys, graded explanations and ending scores are
  never even parsed;
* code cells are never printed: a question is found by its ``quiz.ask("ID")`` cell,
  a self-assessment by its ``instrument_view(...)`` cell, and everything else (the
  set-up cell, autograder tests with their hidden parts) is skipped;
* a manually graded answer cell becomes an empty ruled box, because its source is
  the instructor's rubric.

The PDF is the same HTML file printed by Debian's headless Chromium, so the two
match page for page.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.files import write_text_atomic
from clientlearn.runtime.bank import Bank, parse_bank, public_yaml
from clientlearn.runtime.questions import pick

from .coursefacts import CourseFacts
from .handbook_html import (
    Chapter,
    Part,
    check_lang,
    instrument_note,
    label,
    markdown_html,
    page,
    render_question,
    task_box,
)
from .handbook_words import ERRORS

__all__ = ["CHROMIUM", "HandbookFiles", "build_handbook", "find_chromium", "render_handbook"]

CHROMIUM = Path("/usr/bin/chromium")
_CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-pdf-header-footer",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-extensions",
)
_PRINT_TIMEOUT = 180.0

# The cells clientlearn.trainer.authoring writes: quiz.ask("ID") shows a question,
# instrument_view(...) a self-assessment, Quiz("FILE") in the set-up cell loads the bank.
_ASK = re.compile(r'^\s*quiz\.ask\(\s*"([A-Za-z0-9_.-]+)"\s*\)\s*$')
_INSTRUMENT = re.compile(
    r"""instrument_view\(\s*['"]([^'"]+)['"](?:\s*,\s*phase\s*=\s*['"]([^'"]+)['"])?"""
)
_BANK_FILE = re.compile(r"""Quiz\(\s*['"]([^'"]+)['"]""")
_INSTRUCTOR_MARKERS = ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS")


# --- reading the modules ---------------------------------------------------------------


def _public_bank(path: Path, banks: dict[Path, Bank]) -> Bank:
    """The participants' copy of a bank; ``banks`` holds those read in this build."""
    if path not in banks:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as err:
            raise ClientlearnError.said(
                ERRORS, "bank_unreadable", path=path, reason=err.strerror
            ) from None
        # Keys are dropped from the YAML text before it is parsed into questions.
        banks[path] = parse_bank(public_yaml(text, str(path)), str(path), path)
    return banks[path]


def _cells(path: Path) -> list[dict[str, Any]]:
    """A notebook's cells, each with its ``source`` as one string."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ClientlearnError.said(ERRORS, "notebook_unreadable", path=path, error=err) from None
    cells = data.get("cells") if isinstance(data, dict) else None
    if not isinstance(cells, list) or data.get("nbformat") != 4:
        raise ClientlearnError.said(ERRORS, "not_notebook", path=path)
    out = []
    for cell in cells:
        if isinstance(cell, dict):
            source = cell.get("source", "")
            out.append({**cell, "source": "".join(source) if isinstance(source, list) else source})
    return out


def _title(cells: list[dict[str, Any]], fallback: str) -> str:
    """The notebook's first level-1 heading, without Markdown emphasis."""
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            match = re.search(r"^#\s+(.+?)\s*#*$", cell["source"], re.MULTILINE)
            if match:
                return re.sub(r"[*_`]", "", match.group(1))
    return fallback


def _instrument(source: str, lang: str) -> str:
    from clientlearn.runtime.selfassess.instruments import builtin_ids, load_instrument

    match = _INSTRUMENT.search(source)
    name, phase = (match.group(1), match.group(2)) if match else ("?", None)
    title, phase_title = Path(name).stem, phase or ""
    if name in builtin_ids():
        found = load_instrument(name)
        title = pick(found.title, lang)
        phase_title = next((pick(p.title, lang) for p in found.phases if p.id == phase), "")
    return instrument_note(title, phase_title, lang)


def _read_notebook(path: Path, anchor: str, lang: str, banks: dict[Path, Bank]) -> Chapter:
    cells = _cells(path)
    chapter = Chapter(anchor, _title(cells, path.stem))
    bank_file = "questions.yaml"
    for n, cell in enumerate(cells, start=1):
        grading = cell.get("metadata", {}).get("nbgrader", {})
        source, kind = cell["source"], cell.get("cell_type")
        if grading.get("solution"):
            # The participant's answer field: its source is the instructor's rubric.
            chapter.blocks.append(task_box(float(grading.get("points", 0)), lang))
        elif kind == "markdown":
            if any(marker in source for marker in _INSTRUCTOR_MARKERS):
                raise ClientlearnError.said(ERRORS, "instructor_region", path=path, n=n)
            chapter.blocks.append(f'<div class="lesson">\n{markdown_html(source)}</div>\n')
        elif kind == "code":
            if match := _ASK.match(source):
                bank = _public_bank(path.parent / bank_file, banks)
                if match.group(1) not in bank.questions:
                    raise ClientlearnError.said(
                        ERRORS,
                        "unknown_question",
                        path=path,
                        n=n,
                        qid=repr(match.group(1)),
                        bank=bank.path,
                    )
                chapter.blocks.append(render_question(bank[match.group(1)], lang))
                chapter.questions += 1
            elif "instrument_view(" in source:
                chapter.blocks.append(_instrument(source, lang))
            elif match := _BANK_FILE.search(source):
                bank_file = match.group(1)
    return chapter


def _read_module(
    folder: Path, number: int, lang: str, banks: dict[Path, Bank], facts: CourseFacts
) -> Part:
    if not folder.is_dir():
        raise ClientlearnError.said(ERRORS, "no_module_folder", folder=folder)
    # nbgrader grades only the notebooks at the top of an assignment folder.
    paths = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))
    if not paths:
        raise ClientlearnError.said(ERRORS, "no_notebooks", folder=folder)
    bank = folder / "questions.yaml"
    # The course file names its modules; a module it does not list keeps its bank's title.
    if facts.module(folder.name) is not None:
        title = label("module_title", lang, n=number, title=facts.module_title(folder.name, lang))
    else:
        title = pick(_public_bank(bank, banks).title, lang) if bank.is_file() else ""
    part = Part(f"m{number}", title or folder.name)
    for n, path in enumerate(paths, start=1):
        part.chapters.append(_read_notebook(path, f"m{number}-n{n}", lang, banks))
    return part


def render_handbook(
    modules: Sequence[Path],
    *,
    facts: CourseFacts,
    lang: str = "uk",
    progress: Callable[[str], None] | None = None,
) -> str:
    """The handbook of ``modules`` (assignment source folders) as one HTML page, under
    the course's title from its ``facts``."""
    check_lang(lang)
    if not modules:
        raise ClientlearnError.said(ERRORS, "no_modules")
    parts: list[Part] = []
    banks: dict[Path, Bank] = {}
    for number, folder in enumerate(modules, start=1):
        part = _read_module(Path(folder), number, lang, banks, facts)
        parts.append(part)
        if progress is not None:
            questions = sum(c.questions for c in part.chapters)
            notebooks = len(part.chapters)
            progress(
                label("progress", lang, module=part.title, notebooks=notebooks, questions=questions)
            )
    return page(parts, lang, facts.text("title", lang))


# --- the PDF ---------------------------------------------------------------------------------


def find_chromium(path: Path | None = None) -> Path:
    """``path``, else ``/usr/bin/chromium``, else ``chromium`` on PATH."""
    if path is None:
        found = CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")
        path = Path(found) if found else CHROMIUM
    if not path.is_file() or not os.access(path, os.X_OK):
        raise ClientlearnError.said(ERRORS, "no_chromium", path=path)
    return path


def print_pdf(html: Path, pdf: Path, *, chromium: Path, timeout: float = _PRINT_TIMEOUT) -> None:
    """Print the HTML file ``html`` to ``pdf`` with headless Chromium, atomically."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{pdf.name}.", suffix=".tmp", dir=pdf.parent)
    except OSError as err:
        raise ClientlearnError.said(
            ERRORS, "cannot_write", folder=pdf.parent, reason=err.strerror
        ) from None
    os.close(fd)
    tmp = Path(name)
    try:
        # A fresh profile per run: no state shared with (or locked by) another Chromium.
        with tempfile.TemporaryDirectory(prefix="clientlearn-chromium-") as profile:
            command = [
                str(chromium),
                *_CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--print-to-pdf={tmp}",
                html.resolve().as_uri(),
            ]
            try:
                done = subprocess.run(
                    command,
                    capture_output=True,
                    text=True,
                    # Chromium's log is UTF-8 (paths, page titles); only shown on failure.
                    encoding="utf-8",
                    errors="replace",
                    timeout=timeout,
                    check=False,
                )
            except subprocess.TimeoutExpired:
                raise ClientlearnError.said(
                    ERRORS, "print_timeout", html=html, seconds=f"{timeout:.0f}"
                ) from None
        with tmp.open("rb") as fh:
            head = fh.read(5)
            os.fsync(fh.fileno())
        if done.returncode != 0 or head != b"%PDF-":
            tail = "\n".join(done.stderr.strip().splitlines()[-5:])
            raise ClientlearnError.said(
                ERRORS, "print_failed", html=html, code=done.returncode, tail=tail
            )
        os.chmod(tmp, 0o644)  # mkstemp makes it private; co-trainers share the handbook
        os.replace(tmp, pdf)
    except OSError as err:
        raise ClientlearnError.said(
            ERRORS, "cannot_print", pdf=pdf, reason=err.strerror or err
        ) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


# --- both files ------------------------------------------------------------------------------


@dataclass(frozen=True)
class HandbookFiles:
    """What :func:`build_handbook` wrote; ``pdf`` is None when no PDF was asked for."""

    html: Path
    pdf: Path | None


def build_handbook(
    modules: Sequence[Path],
    out: Path,
    *,
    facts: CourseFacts,
    lang: str = "uk",
    pdf: bool = True,
    chromium: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> HandbookFiles:
    """Write ``handbook-LANG.html`` and, with ``pdf``, ``handbook-LANG.pdf`` into ``out``.

    Chromium is looked up and every module read before anything is written, so a
    missing browser or a bad module leaves ``out`` untouched.  Files are replaced
    atomically; ``progress`` gets one line per module and per file written."""
    check_lang(lang)
    browser = find_chromium(chromium) if pdf else None
    html = render_handbook(modules, facts=facts, lang=lang, progress=progress)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ClientlearnError.said(ERRORS, "out_folder", out=out, reason=err.strerror) from None
    html_path = out / f"handbook-{lang}.html"
    write_text_atomic(html_path, html)
    if progress is not None:
        progress(str(html_path))
    if browser is None:
        return HandbookFiles(html_path, None)
    pdf_path = out / f"handbook-{lang}.pdf"
    print_pdf(html_path, pdf_path, chromium=browser)
    if progress is not None:
        progress(str(pdf_path))
    return HandbookFiles(html_path, pdf_path)
