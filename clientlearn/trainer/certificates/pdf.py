"""The certificate as a PDF page: A4 landscape, DejaVu fonts (shipped with matplotlib)
embedded for Cyrillic."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.i18n import translate

from .words import ERRORS

if TYPE_CHECKING:
    from fpdf import FPDF

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
    return translate(_TEXT, key, lang, **fields)


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
        raise ClientlearnError.said(ERRORS, "fonts", missing=", ".join(missing))
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
