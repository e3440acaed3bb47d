"""PDF certificates for the participants who passed, and their verification codes.

:func:`make_certificates` writes, into ``<course>/certificates/`` by default:

* ``<student id>.pdf``: one A4 landscape certificate per participant who passed
  (the pass rule is :mod:`clientlearn.results`'s), in Ukrainian (or English),
  with a Cyrillic font embedded (DejaVu, shipped with matplotlib);
* ``all-certificates.pdf``: every certificate in one file, for printing;
* ``register.csv``: code, id, name, course id, title, dates and date issued of every
  certificate ever issued from this folder (earlier rows are kept).

The verification code is an HMAC-SHA256 of (course id, student id, name, dates)
under a secret key kept in the course root (``.certificate-key``: 32 random
bytes, mode 0600, created on first use; keep it out of git and back it up: a new
key makes every earlier code unverifiable).  60 bits of the HMAC are shown in
Crockford's base32 (no I, L, O or U) as ``CO-7K3F-9QX2-M4TD``.
:func:`verify_certificate` finds a code in the register and recomputes it from the
row, so a made-up code and an edited register row are both rejected.

Everything is read, checked and rendered before the first file is written.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import hmac
import io
import json
import os
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ClientlearnError
from .files import write_bytes_atomic, write_text_atomic
from .results import DEFAULT_MIN_SCORE, ParticipantResult, load_results, module_number
from .translit import one_apostrophe

if TYPE_CHECKING:
    from fpdf import FPDF

KEY_FILE = ".certificate-key"
REGISTER_FILE = "register.csv"
COMBINED_FILE = "all-certificates.pdf"
CODE_PREFIX = "CO"  # «Орієнтація на клієнта» / Client Orientation
LANGS = ("uk", "en")

_KEY_BYTES = 32
# Crockford's base32: digits and letters without I, L, O, U.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_CHARS = 12
# What people type instead: look-alike letters, and Cyrillic ones from a Ukrainian keyboard.
_TYPED = str.maketrans(
    {
        "O": "0",
        "I": "1",
        "L": "1",
        "А": "A",
        "В": "B",
        "С": "C",
        "Е": "E",
        "Н": "H",
        "І": "1",
        "К": "K",
        "М": "M",
        "О": "0",
        "Р": "P",
        "Т": "T",
        "Х": "X",
        "З": "3",
    }
)
_REGISTER_COLUMNS = ("code", "id", "name", "course_id", "title", "dates", "issued")

COURSE_TITLE = {"uk": "Орієнтація на клієнта", "en": "Client orientation"}
DEFAULT_DATES = {"uk": "3–4 квітня 2014", "en": "3–4 April 2014"}
DEFAULT_PLACE = {"uk": "Вінниця", "en": "Vinnytsia"}
DEFAULT_HOURS = 16
MODULE_TITLES = {
    "module1_client_service": {
        "uk": "Клієнт-сервісне обслуговування користувачів бібліотек",
        "en": "Client service for library patrons",
    },
    "module2_difficult_situations": {
        "uk": "Робота з «важкими» і «конфліктними» ситуаціями",
        "en": "Working with “difficult” and “conflict” situations",
    },
}

_TEXT = {
    "heading": {"uk": "СЕРТИФІКАТ", "en": "CERTIFICATE"},
    # "за …" after a name in the nominative, as on Ukrainian diplomas, needs no
    # gendered verb (пройшов/пройшла) that the gradebook cannot choose.
    "for": {
        "uk": "за успішне завершення тренінгу для працівників публічних бібліотек",
        "en": "for successfully completing the training for public-library staff",
    },
    "title": {"uk": "«{title}»", "en": "“{title}”"},
    "module": {"uk": "Модуль {n}. {title}", "en": "Module {n}. {title}"},
    "when": {
        "uk": "{where} · обсяг {hours} {unit}",
        "en": "{where} · {hours} {unit}",
    },
    "trainer": {"uk": "Тренер", "en": "Trainer"},
    "code": {"uk": "Код перевірки", "en": "Verification code"},
    "how": {
        "uk": "Справжність сертифіката тренер перевіряє командою "
        "clientlearn certificates verify {code}",
        "en": "The trainer checks this certificate with: clientlearn certificates verify {code}",
    },
    "pdf_title": {"uk": "Сертифікат: {name}", "en": "Certificate: {name}"},
}

# Colours (RGB): a dark teal frame and headings, a muted gold accent.
_TEAL = (18, 74, 92)
_GOLD = (176, 141, 62)
_INK = (33, 33, 33)
_GREY = (110, 110, 110)


def _t(key: str, lang: str, **fields: object) -> str:
    return _TEXT[key][lang].format(**fields)


def hours_unit(hours: int, lang: str) -> str:
    """The word for hours agreeing with ``hours``: година, години, годин (hour, hours)."""
    if lang == "en":
        return "hour" if hours == 1 else "hours"
    if hours % 10 == 1 and hours % 100 != 11:
        return "година"
    if 2 <= hours % 10 <= 4 and not 12 <= hours % 100 <= 14:
        return "години"
    return "годин"


@dataclass(frozen=True)
class CertificateDetails:
    """What every certificate of one issue says besides the participant's name."""

    title: str
    modules: tuple[tuple[int, str], ...]  # (number, title)
    dates: str
    hours: int
    place: str
    trainer: str
    lang: str = "uk"


@dataclass(frozen=True)
class RegisterEntry:
    """One issued certificate, as ``register.csv`` records it."""

    code: str
    id: str
    name: str
    course_id: str
    title: str
    dates: str
    issued: str


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


# --- key and codes -----------------------------------------------------------


def load_key(course_root: str | Path, *, create: bool) -> bytes:
    """The course's secret key; with ``create``, made on first use (mode 0600)."""
    path = Path(course_root) / KEY_FILE
    if create and not path.exists():
        try:
            # O_EXCL: two trainers issuing at once must not overwrite each other's key.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        except OSError as err:
            raise ClientlearnError(f"cannot create {path}: {err.strerror}") from err
        else:
            with os.fdopen(fd, "wb") as fh:
                fh.write(secrets.token_bytes(_KEY_BYTES))
                fh.flush()
                os.fsync(fh.fileno())
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        raise ClientlearnError(
            f"no {KEY_FILE} in {Path(course_root).resolve()}: certificates were not issued "
            "from this course folder; pass the course folder they were made in with --course"
        ) from None
    except OSError as err:
        raise ClientlearnError(f"cannot read {path}: {err.strerror}") from err
    if len(key) < 16:
        raise ClientlearnError(
            f"{path} is damaged ({len(key)} bytes); restore it from a backup (a new key "
            "would make every issued code unverifiable)"
        )
    return key


def certificate_code(key: bytes, course_id: str, student_id: str, name: str, dates: str) -> str:
    """The verification code of one certificate, e.g. ``CO-7K3F-9QX2-M4TD``."""
    # A JSON list keeps the fields apart: ("ab", "c") and ("a", "bc") differ.
    message = json.dumps([course_id, student_id, name, dates], ensure_ascii=False)
    digest = hmac.new(key, message.encode("utf-8"), hashlib.sha256).digest()
    bits = int.from_bytes(digest[:8], "big") >> (64 - 5 * _CODE_CHARS)
    chars = "".join(_ALPHABET[(bits >> (5 * i)) & 31] for i in reversed(range(_CODE_CHARS)))
    return f"{CODE_PREFIX}-{chars[0:4]}-{chars[4:8]}-{chars[8:12]}"


def normalize_code(text: str) -> str:
    """``text`` as a canonical code; tolerates case, spaces, dashes and look-alikes."""
    raw = re.sub(r"[\s\-–—_.]", "", text.upper()).translate(_TYPED)
    head, chars = raw[:-_CODE_CHARS], raw[-_CODE_CHARS:]
    # The prefix may be typed with a zero or in Cyrillic: it is "C0" after _TYPED.
    if (
        head not in ("", "C0")
        or len(chars) != _CODE_CHARS
        or any(c not in _ALPHABET for c in chars)
    ):
        raise ClientlearnError(
            f"{text!r} is not a certificate code; a code looks like "
            f"{CODE_PREFIX}-7K3F-9QX2-M4TD (12 letters and digits after {CODE_PREFIX})"
        )
    return f"{CODE_PREFIX}-{chars[0:4]}-{chars[4:8]}-{chars[8:12]}"


# --- register ----------------------------------------------------------------


def read_register(path: Path) -> list[RegisterEntry]:
    """The entries of ``register.csv`` (none if the file does not exist)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as err:
        raise ClientlearnError(f"cannot read the certificate register {path}: {err}") from err
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in _REGISTER_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ClientlearnError(
            f"{path}: not a certificate register (missing column(s) {', '.join(missing)}); "
            "restore it from a backup or choose another --out folder"
        )
    return [RegisterEntry(**{c: row[c] or "" for c in _REGISTER_COLUMNS}) for row in reader]


def register_text(entries: Sequence[RegisterEntry]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(_REGISTER_COLUMNS)
    for e in entries:
        writer.writerow([getattr(e, c) for c in _REGISTER_COLUMNS])
    return buf.getvalue()


def verify_certificate(
    course_root: str | Path, code: str, register: str | Path | None = None
) -> RegisterEntry:
    """The register entry of a genuine ``code``; raises ClientlearnError otherwise."""
    wanted = normalize_code(code)
    path = Path(register) if register else Path(course_root) / "certificates" / REGISTER_FILE
    if not path.is_file():
        raise ClientlearnError(
            f"no certificate register at {path}; pass --course DIR (or --register FILE) "
            "of the course that issued the certificate"
        )
    entry = next((e for e in read_register(path) if e.code == wanted), None)
    if entry is None:
        raise ClientlearnError(f"{wanted} is not in the register {path}: not a genuine certificate")
    key = load_key(course_root, create=False)
    expected = certificate_code(key, entry.course_id, entry.id, entry.name, entry.dates)
    if not hmac.compare_digest(expected, wanted):
        raise ClientlearnError(
            f"{wanted} does not match its register row (name, id, course or dates were changed "
            f"in {path}): not a genuine certificate"
        )
    return entry


# --- rendering ---------------------------------------------------------------


def _fonts() -> dict[str, Path]:
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    files = {
        "serif": "DejaVuSerif.ttf",
        "serif-b": "DejaVuSerif-Bold.ttf",
        "sans": "DejaVuSans.ttf",
        "mono-b": "DejaVuSansMono-Bold.ttf",
    }
    paths = {k: folder / v for k, v in files.items()}
    missing = [str(p) for p in paths.values() if not p.is_file()]
    if missing:
        raise ClientlearnError(
            f"the DejaVu fonts are missing ({', '.join(missing)}); reinstall matplotlib"
        )
    return paths


def _new_pdf(lang: str) -> FPDF:
    from fpdf import FPDF

    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    fonts = _fonts()
    pdf.add_font("Serif", "", fonts["serif"])
    pdf.add_font("Serif", "B", fonts["serif-b"])
    pdf.add_font("Sans", "", fonts["sans"])
    pdf.add_font("Mono", "B", fonts["mono-b"])
    pdf.set_lang(lang)
    pdf.set_creator("clientlearn")
    return pdf


def _centered(pdf: FPDF, y: float, text: str, height: float) -> None:
    pdf.set_xy(0, y)
    pdf.cell(pdf.w, height, text, align="C")


def _fit(pdf: FPDF, family: str, style: str, size: float, text: str, width: float) -> None:
    """Set the largest font size up to ``size`` at which ``text`` fits ``width``."""
    while size > 12:
        pdf.set_font(family, style, size)
        if pdf.get_string_width(text) <= width:
            return
        size -= 1
    pdf.set_font(family, style, size)


def _frame(pdf: FPDF) -> None:
    w, h = pdf.w, pdf.h
    pdf.set_draw_color(*_TEAL)
    pdf.set_line_width(1.6)
    pdf.rect(8, 8, w - 16, h - 16)
    pdf.set_draw_color(*_GOLD)
    pdf.set_line_width(0.5)
    pdf.rect(12, 12, w - 24, h - 24)
    pdf.set_fill_color(*_GOLD)
    for x, y in ((12, 12), (w - 12, 12), (12, h - 12), (w - 12, h - 12)):
        pdf.polygon([(x, y - 3), (x + 3, y), (x, y + 3), (x - 3, y)], style="F")


def _draw_page(pdf: FPDF, name: str, code: str, d: CertificateDetails) -> None:
    lang = d.lang
    pdf.add_page()
    _frame(pdf)
    w = pdf.w

    pdf.set_text_color(*_TEAL)
    pdf.set_font("Serif", "B", 38)
    pdf.set_char_spacing(4)
    _centered(pdf, 30, _t("heading", lang), 16)
    pdf.set_char_spacing(0)
    pdf.set_draw_color(*_GOLD)
    pdf.set_line_width(0.6)
    pdf.line(w / 2 - 35, 51, w / 2 + 35, 51)

    pdf.set_text_color(*_INK)
    _fit(pdf, "Serif", "B", 30, name, w - 70)
    _centered(pdf, 60, name, 15)

    pdf.set_text_color(*_GREY)
    pdf.set_font("Sans", "", 13)
    _centered(pdf, 81, _t("for", lang), 7)

    pdf.set_text_color(*_TEAL)
    title = _t("title", lang, title=d.title)
    _fit(pdf, "Serif", "B", 26, title, w - 70)
    _centered(pdf, 92, title, 13)

    pdf.set_text_color(*_INK)
    y = 114.0
    for n, module in d.modules:
        text = _t("module", lang, n=n, title=module)
        _fit(pdf, "Sans", "", 12.5, text, w - 70)
        _centered(pdf, y, text, 6)
        y += 8

    pdf.set_font("Sans", "", 12)
    where = ", ".join(part for part in (d.place, d.dates) if part)
    when = _t("when", lang, where=where, hours=d.hours, unit=hours_unit(d.hours, lang))
    _centered(pdf, y + 7, when, 6)

    # Signature block (left) and verification code (right).
    left, right, base = 40.0, w - 40.0, 172.0
    pdf.set_draw_color(*_INK)
    pdf.set_line_width(0.3)
    pdf.line(left, base, left + 80, base)
    if d.trainer:
        pdf.set_font("Serif", "", 13)
        pdf.set_xy(left, base - 8)
        pdf.cell(80, 7, d.trainer, align="C")
    pdf.set_text_color(*_GREY)
    pdf.set_font("Sans", "", 10)
    pdf.set_xy(left, base + 1.5)
    pdf.cell(80, 5, _t("trainer", lang), align="C")

    pdf.set_xy(right - 80, base - 9)
    pdf.cell(80, 5, _t("code", lang), align="R")
    pdf.set_text_color(*_TEAL)
    pdf.set_font("Mono", "B", 15)
    pdf.set_xy(right - 80, base - 3)
    pdf.cell(80, 7, code, align="R")

    pdf.set_text_color(*_GREY)
    pdf.set_font("Sans", "", 8)
    _centered(pdf, 187, _t("how", lang, code=code), 4)


def render_pdf(pages: Sequence[tuple[str, str]], details: CertificateDetails) -> bytes:
    """A PDF with one certificate page per ``(name, code)``."""
    pdf = _new_pdf(details.lang)
    if len(pages) == 1:
        pdf.set_title(_t("pdf_title", details.lang, name=pages[0][0]))
    else:
        pdf.set_title(_t("title", details.lang, title=details.title))
    if details.trainer:
        pdf.set_author(details.trainer)
    for name, code in pages:
        _draw_page(pdf, name, code, details)
    return bytes(pdf.output())


# --- issuing -----------------------------------------------------------------


def _safe_file_name(student_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", student_id).strip(".") or "participant"


def _module_titles(assignments: Sequence[str], lang: str) -> tuple[tuple[int, str], ...]:
    return tuple(
        (module_number(a, i), MODULE_TITLES.get(a, {}).get(lang, a))
        for i, a in enumerate(assignments, start=1)
    )


def make_certificates(
    course_root: str | Path,
    out: str | Path | None = None,
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    trainer: str = "",
    dates: str | None = None,
    hours: int = DEFAULT_HOURS,
    title: str | None = None,
    place: str | None = None,
    lang: str = "uk",
    assignments: Sequence[str] = (),
    today: datetime.date | None = None,
) -> Issued:
    """Write certificates for everyone who passed; see the module docstring."""
    if lang not in LANGS:
        raise ClientlearnError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    if hours <= 0:
        raise ClientlearnError(f"--hours must be a positive number of hours (got {hours})")
    # Typed on any keyboard, printed with the one apostrophe the names have (results).
    dates = one_apostrophe((dates if dates is not None else DEFAULT_DATES[lang]).strip())
    title = one_apostrophe((title if title is not None else COURSE_TITLE[lang]).strip())
    place = one_apostrophe((place if place is not None else DEFAULT_PLACE[lang]).strip())
    trainer = one_apostrophe(trainer.strip())
    if not dates or not title:
        raise ClientlearnError("--dates and --title must not be empty")
    root = Path(course_root)
    out_dir = Path(out) if out is not None else root / "certificates"
    results = load_results(root, min_score=min_score, assignments=assignments)
    passed: list[ParticipantResult] = results.passed
    unnamed = [p.id for p in passed if not p.name]
    if unnamed:
        raise ClientlearnError(
            f"no name in the gradebook for {', '.join(unnamed)}; a certificate needs one: "
            "nbgrader db student add ID --first-name=… --last-name=… --email=… (it replaces "
            "all three, so give all three) or import the roster, then run this again"
        )
    issued_on = (today or datetime.date.today()).isoformat()
    register_path = out_dir / REGISTER_FILE
    previous = read_register(register_path)
    result = Issued(
        out=out_dir,
        entries=[],
        not_passed=len(results.participants) - len(passed),
        warnings=results.warnings(),
    )
    if not passed:
        return result

    details = CertificateDetails(
        title=title,
        modules=_module_titles(results.assignments, lang),
        dates=dates,
        hours=hours,
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
        raise ClientlearnError(f"cannot create the folder {out_dir}: {err.strerror}") from err
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
