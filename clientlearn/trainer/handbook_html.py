"""The handbook's HTML: printable questions, lesson Markdown, the title page and contents.

Nothing here reads a file.  Text from a lesson goes through mistune with raw HTML
escaped; every other text (bank, labels, titles) goes through ``html.escape``.  A
question prints only its public part, with empty boxes and circles: never a key.
The page carries its own CSS with A4 print rules, so it prints the same from a
browser as through headless Chromium.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from html import escape
from typing import Any

import mistune

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.i18n import translate
from clientlearn.core.numbers import format_number
from clientlearn.runtime.questions import (
    Matching,
    Mode,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    Rating,
    Scenario,
    ShortText,
    SingleChoice,
    TrueFalse,
    pick,
)

from .handbook_words import ERRORS, LABELS

__all__ = [
    "LANGS",
    "Chapter",
    "Part",
    "check_lang",
    "instrument_note",
    "label",
    "markdown_html",
    "page",
    "render_question",
    "task_box",
]

LANGS = ("uk", "en")
_TASK_LINES = 8


def label(key: str, lang: str, **values: object) -> str:
    """A handbook string in ``lang``, filled in."""
    return translate(LABELS, key, lang, **values)


def check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ClientlearnError.said(ERRORS, "lang", value=repr(lang), choices=", ".join(LANGS))


def _points(value: float, lang: str) -> str:
    return format_number(value, lang)


def _para(text: str, cls: str) -> str:
    """Plain text as escaped paragraphs (a blank line between paragraphs)."""
    parts = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f'<p class="{cls}">{escape(p).replace(chr(10), "<br>")}</p>\n' for p in parts)


# --- lesson Markdown ---------------------------------------------------------------


class _LessonRenderer(mistune.HTMLRenderer):
    """Lesson Markdown as handbook HTML: raw HTML escaped (by ``escape=True``),
    headings one level down (h1 is a module), images as their alt text (the file
    stays self-contained and printing never waits for the network)."""

    def heading(self, text: str, level: int, **attrs: Any) -> str:
        return super().heading(text, min(level + 1, 6), **attrs)

    def image(self, text: str, url: str, title: str | None = None) -> str:
        return f'<span class="image-alt">[{text}]</span>'


@cache
def _markdown() -> mistune.Markdown:
    return mistune.create_markdown(
        renderer=_LessonRenderer(escape=True), plugins=["table", "strikethrough"]
    )


def markdown_html(text: str) -> str:
    """Lesson Markdown as HTML; any HTML in ``text`` comes out escaped."""
    out = _markdown()(text)
    if not isinstance(out, str):  # only the AST renderer returns tokens
        raise ClientlearnError.said(ERRORS, "markdown_tokens")
    return out


# --- questions ---------------------------------------------------------------------


def _marks(options: Sequence[str], shape: str) -> str:
    items = "".join(
        f'<li><span class="mark {shape}"></span><span>{escape(o)}</span></li>' for o in options
    )
    return f'<ul class="marks">{items}</ul>\n'


def _answer_line(lang: str, unit: str = "") -> str:
    unit_html = f' <span class="unit">{escape(unit)}</span>' if unit else ""
    answer = escape(label("answer", lang))
    return f'<p class="answer">{answer} <span class="blank"></span>{unit_html}</p>\n'


def _rating(q: Rating, lang: str) -> str:
    values = list(range(q.scale_min, q.scale_max + 1))
    texts = [pick(t, lang) for t in q.labels]
    if len(texts) != len(values):
        # Labels only for the two ends, or none: the numbers carry the scale.
        ends = texts if len(texts) == 2 else ["", ""]
        texts = [ends[0], *([""] * (len(values) - 2)), ends[1]] if len(values) > 1 else [""]
    cells = "".join(
        f'<td><span class="mark circle"></span><br><b>{v}</b><br><small>{escape(t)}</small></td>'
        for v, t in zip(values, texts, strict=True)
    )
    return f'<table class="scale"><tr>{cells}</tr></table>\n'


def _matching(q: Matching, lang: str) -> str:
    head = "".join(f"<th>{escape(pick(b.text, lang))}</th>" for b in q.bins)
    box = '<td class="tick"><span class="mark box"></span></td>' * len(q.bins)
    rows = "".join(
        f"<tr><td>{n}. {escape(pick(item.text, lang))}</td>{box}</tr>"
        for n, item in enumerate(q.items, start=1)
    )
    return (
        f'<table class="matching"><thead><tr><th>{escape(label("item", lang))}</th>{head}'
        f"</tr></thead><tbody>{rows}</tbody></table>\n"
    )


def _body(q: Question, lang: str) -> str:
    """The printable answer part of a question: never a key, only empty marks."""
    if isinstance(q, SingleChoice | MultipleChoice):
        shape = "circle" if isinstance(q, SingleChoice) else "box"
        return _marks([pick(o.text, lang) for o in q.options], shape)
    if isinstance(q, TrueFalse):
        return _marks([label("true", lang), label("false", lang)], "circle inline")
    if isinstance(q, Ordering):
        items = list(q.items)
        # The widget's shuffle: the bank often lists the items in the key's order.
        random.Random(q.id).shuffle(items)
        return _marks([pick(o.text, lang) for o in items], "box number")
    if isinstance(q, Matching):
        return _matching(q, lang)
    if isinstance(q, Numeric):
        return _answer_line(lang, pick(q.unit, lang))
    if isinstance(q, ShortText):
        return _answer_line(lang)
    if isinstance(q, Rating):
        return _rating(q, lang)
    if isinstance(q, Scenario):
        first = q.nodes[q.start]
        choices = [pick(c.text, lang) for c in first.choices]
        return _para(pick(first.text, lang), "q-text") + _marks(choices, "circle")
    raise ClientlearnError.said(ERRORS, "kind", qid=repr(q.id), kind=repr(q.kind))


def render_question(question: Question, lang: str = "uk") -> str:
    """A question as printable HTML: its title, text, a hint and empty answer marks.

    Only the question's public part is used (:meth:`Question.public`), so even an
    instructor's question prints without its key or explanation."""
    check_lang(lang)
    q = question.public()
    if isinstance(q, Rating):
        meta = label("opinion", lang)
    elif q.mode is Mode.SELFCHECK:
        meta = label("selfcheck", lang)
    else:
        meta = label("graded", lang, points=_points(q.points, lang))
    hint = label(q.kind, lang, n=len(q.items) if isinstance(q, Ordering) else 0)
    title = pick(q.title, lang)
    return (
        f'<section class="question" data-qid="{escape(q.id)}">\n'
        f'<p class="q-meta">{escape(meta)}</p>\n'
        + (f'<p class="q-title">{escape(title)}</p>\n' if title else "")
        + _para(pick(q.text, lang), "q-text")
        + f'<p class="q-hint">{escape(hint)}</p>\n'
        + _body(q, lang)
        + "</section>\n"
    )


def instrument_note(title: str, phase: str, lang: str) -> str:
    """The one-line note that stands for a self-assessment, done in the notebook."""
    note = label("instrument", lang, title=title, phase=f" ({phase})" if phase else "")
    return f'<p class="note">{escape(note)}</p>\n'


def task_box(points: float, lang: str) -> str:
    """An empty ruled box for a manually graded written answer."""
    lines = '<div class="line"></div>' * _TASK_LINES
    meta = escape(label("task", lang, points=_points(points, lang)))
    hint = escape(label("task_hint", lang))
    return (
        f'<section class="task"><p class="q-meta">{meta}</p><p class="q-hint">{hint}</p>'
        f"{lines}</section>\n"
    )


# --- the page -------------------------------------------------------------------------


@dataclass
class Chapter:
    """One notebook: its anchor, its title and its HTML blocks in order."""

    anchor: str
    title: str
    blocks: list[str] = field(default_factory=list)
    questions: int = 0


@dataclass
class Part:
    """One module: its anchor, its title and its notebooks."""

    anchor: str
    title: str
    chapters: list[Chapter] = field(default_factory=list)


_CSS = """
@page { size: A4; margin: 18mm 18mm 20mm 20mm;
  @bottom-center { content: counter(page); font-size: 9pt;
    font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; } }
@page :first { @bottom-center { content: none; } }
html { font: 11pt/1.45 "Liberation Serif", "DejaVu Serif", "Times New Roman", serif; }
body { max-width: 46em; margin: 2em auto; padding: 0 1em; color: #111; }
h1, h2, h3, h4, h5, h6, th, .q-meta, .kicker {
  font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
h1, h2, h3, h4, h5, h6 { break-after: avoid; line-height: 1.2; }
h1 { font-size: 22pt; } h2 { font-size: 16pt; margin-top: 0; } h3 { font-size: 13pt; }
h4 { font-size: 11.5pt; }
.title-page { min-height: 240mm; display: flex; flex-direction: column; justify-content: center; }
.title-page h1 { font-size: 34pt; margin: .2em 0; }
.kicker { text-transform: uppercase; letter-spacing: .12em; color: #555; }
.subtitle { font-size: 15pt; margin-bottom: 2.5em; }
.contents, .module { break-before: page; }
.contents ol { list-style: none; padding-left: 1.4em; } .contents > ol { padding-left: 0; }
.contents > ol > li { font-weight: bold; margin-top: .8em; }
.contents li li { font-weight: normal; }
.contents a { color: inherit; text-decoration: none; }
.module > h1 { border-bottom: 2pt solid #333; padding-bottom: .2em; }
.notebook + .notebook { break-before: page; }
table { border-collapse: collapse; margin: .6em 0; }
th, td { border: .5pt solid #777; padding: .25em .5em; vertical-align: top; text-align: left; }
.question, .task { break-inside: avoid; border: .75pt solid #999; border-radius: 3pt;
  padding: .4em .9em .6em; margin: 1em 0; }
.q-meta { font-size: 8.5pt; text-transform: uppercase; letter-spacing: .06em; color: #555;
  margin: .2em 0; }
.q-title { font-weight: bold; margin: .2em 0; } .q-text { margin: .3em 0; }
.q-hint { font-style: italic; color: #444; margin: .3em 0; }
ul.marks { list-style: none; padding-left: .2em; margin: .3em 0; }
ul.marks li { display: flex; gap: .6em; align-items: baseline; margin: .25em 0; }
.mark { display: inline-block; flex: none; width: .85em; height: .85em; border: 1pt solid #222;
  position: relative; top: .1em; }
.mark.circle { border-radius: 50%; } .mark.number { width: 1.6em; height: 1.2em; }
ul.marks:has(.inline) { display: flex; gap: 2.5em; }
table.matching { width: 100%; } .matching th { font-size: 9pt; }
.matching td:first-child { width: 45%; }
.matching td.tick { text-align: center; vertical-align: middle; }
table.scale td { border: none; text-align: center; width: 6.5em; }
.answer { margin: .8em 0 .3em; }
.blank { display: inline-block; width: 60%; border-bottom: .75pt solid #222; }
.task .line { border-bottom: .5pt solid #888; height: 2em; }
.note { border-left: 3pt solid #999; padding-left: .7em; font-style: italic; }
a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 85%; word-break: break-all; }
@media print { body { max-width: none; margin: 0; padding: 0; } }
"""


def page(parts: Sequence[Part], lang: str, title: str) -> str:
    """The whole handbook: title page (``title``: the course's), contents, then each
    module's notebooks."""
    titles = "".join(f"<li>{escape(m.title)}</li>" for m in parts)
    title_page = (
        '<section class="title-page">\n'
        f'<p class="kicker">{escape(label("kicker", lang))}</p>\n'
        f"<h1>{escape(title)}</h1>\n"
        f'<p class="subtitle">{escape(label("subtitle", lang))}</p>\n'
        f"<p>{escape(label('origin', lang))}</p>\n"
        f"<p>{escape(label('modules', lang))}</p><ol>{titles}</ol>\n"
        f"<p>{escape(label('how', lang))}</p>\n</section>\n"
    )
    toc = "".join(
        f'<li><a href="#{m.anchor}">{escape(m.title)}</a><ol>'
        + "".join(f'<li><a href="#{n.anchor}">{escape(n.title)}</a></li>' for n in m.chapters)
        + "</ol></li>\n"
        for m in parts
    )
    body = "".join(
        f'<section class="module" id="{m.anchor}">\n<h1>{escape(m.title)}</h1>\n'
        + "".join(
            f'<article class="notebook" id="{n.anchor}">\n' + "".join(n.blocks) + "</article>\n"
            for n in m.chapters
        )
        + "</section>\n"
        for m in parts
    )
    heading = f"{title} — {label('kicker', lang)}"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(heading)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"{title_page}"
        f'<nav class="contents"><h1>{escape(label("contents", lang))}</h1>\n'
        f"<ol>\n{toc}</ol></nav>\n"
        f"{body}</body>\n</html>\n"
    )
