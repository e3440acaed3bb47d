"""The class report as one self-contained, printable HTML file.

Every text (names, titles, answers, notes) goes through :func:`html.escape`; tables are
built only by :func:`_table`, which escapes each cell.  Charts are ``<img>`` elements
with data URIs.  The report's own charts (score histograms, the item map, one bar chart
per ordering or matching question) are small SVGs drawn here: a matplotlib figure costs
about a third of a second, and a course has a dozen such questions.  The self-assessment
and group-work charts are those modules' own matplotlib figures, a handful per course.
No chart depends on the number of participants; participant pages are tables only.
What needs the trainer's attention (:mod:`clientlearn.trainer.report.flags`) comes first, as a
table of links to the participants' pages, and again on each page.  The words are in
:mod:`clientlearn.trainer.report.words`.
"""

from __future__ import annotations

import base64
import textwrap
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from html import escape
from pathlib import Path

import numpy as np

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.files import write_text_atomic
from clientlearn.core.numbers import format_number
from clientlearn.runtime.questions import pick

from .flags import Flag
from .scenarios import scenarios_html
from .statistics import FLAG_BELOW, Confusion, ItemStats, ModuleStats, Note, Participant, Report
from .words import WORDS, word

__all__ = ["WORDS", "flag_text", "note_text", "render_report", "write_report"]

_BLUE, _ORANGE, _GREY = "#0072B2", "#E69F00", "#999999"  # Okabe–Ito, as the other charts


def _t(lang: str, key: str, **values: object) -> str:
    return word(lang, key, **values)


def note_text(note: Note, lang: str) -> str:
    """A note of the report in words."""
    return _t(lang, note[0], **note[1])


def flag_text(flag: Flag, report: Report) -> str:
    """A flag in words; another participant is named as the report names them."""
    names = {p.student: p.name for p in report.participants}
    other = names.get(flag.other, flag.other)
    return _t(report.lang, f"f_{flag.kind}", **{**flag.values, "other": other})


def _real(value: object) -> float | None:
    """``value`` as a float; None for None, NaN and pandas' NA (an empty mean)."""
    if isinstance(value, int | float | np.integer | np.floating) and value == value:
        return float(value)
    return None


def _num(value: object, lang: str, digits: int = 1, *, sign: bool = False) -> str:
    """A number as people write it (a decimal comma in Ukrainian, a true minus); "—" if none."""
    number = _real(value)
    return "—" if number is None else format_number(number, lang, digits=digits, sign=sign)


def _pct(share: object, lang: str) -> str:
    number = _real(share)
    return "—" if number is None else _num(100 * number, lang, 0) + "%"


def _table(
    head: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    align: str = "",
    marked: Collection[int] = (),
) -> str:
    """A table whose every cell is escaped.  ``align`` has an "l" or "r" per column (by
    default the first column is text, the others numbers); rows whose index is in
    ``marked`` are highlighted."""
    align = align or "l" + "r" * (len(head) - 1)

    def cell(tag: str, i: int, value: object) -> str:
        right = ' class="num"' if align[i] == "r" else ""
        return f"<{tag}{right}>{escape(str(value))}</{tag}>"

    body = "".join(
        ('<tr class="mark">' if r in marked else "<tr>")
        + "".join(cell("td", i, c) for i, c in enumerate(row))
        + "</tr>"
        for r, row in enumerate(rows)
    )
    head_html = "".join(cell("th", i, h) for i, h in enumerate(head))
    return f"<table><thead><tr>{head_html}</tr></thead><tbody>{body}</tbody></table>\n"


def _p(text: str, cls: str = "") -> str:
    return f'<p class="{cls}">{escape(text)}</p>\n' if cls else f"<p>{escape(text)}</p>\n"


def _h(level: int, text: str) -> str:
    return f"<h{level}>{escape(text)}</h{level}>\n"


def _png(data: bytes, alt: str) -> str:
    src = "data:image/png;base64," + base64.b64encode(data).decode("ascii")
    return f'<img class="chart" src="{src}" alt="{escape(alt)}">\n'


# ------------------------------------------------------------------ SVG charts


def _svg(width: int, height: int, parts: Iterable[str], alt: str) -> str:
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Liberation Sans, Arial, '
        f'sans-serif" font-size="11" fill="#222">{"".join(parts)}</svg>'
    )
    src = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        f'<img class="chart" width="{width}" height="{height}" src="{src}" alt="{escape(alt)}">\n'
    )


def _text(x: float, y: float, text: str, anchor: str = "middle", extra: str = "") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{extra}>{escape(text)}</text>'


def _line(x1: float, y1: float, x2: float, y2: float, style: str = 'stroke="#bbb"') -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" {style}/>'


def _rect(x: float, y: float, w: float, h: float, colour: str) -> str:
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{colour}"/>'


def _axes(
    box: tuple[float, float, float, float],
    xticks: Sequence[tuple[float, str]],
    yticks: Sequence[tuple[float, str]],
    labels: tuple[str, str],
) -> list[str]:
    """Grid, ticks and axis labels; tick positions are fractions (0..1) of the box."""
    left, top, right, bottom = box
    out = []
    for f, label in xticks:
        x = left + f * (right - left)
        out += [_line(x, top, x, bottom), _text(x, bottom + 14, label)]
    for f, label in yticks:
        y = bottom - f * (bottom - top)
        out += [_line(left, y, right, y), _text(left - 5, y + 4, label, "end")]
    mid = (top + bottom) / 2
    out.append(_text((left + right) / 2, bottom + 30, labels[0]))
    if labels[1]:
        out.append(_text(12, mid, labels[1], extra=f' transform="rotate(-90 12 {mid:.1f})"'))
    return out


def _histogram(m: ModuleStats, report: Report) -> str:
    lang, (left, top, right, bottom) = report.lang, (52.0, 30.0, 370.0, 200.0)
    counts, _ = np.histogram(m.scores, bins=10, range=(0, m.max_score or 1))
    step = max(1, -(-int(counts.max()) // 5))  # at most about five count ticks
    top_count = step * -(-int(counts.max()) // step) or 1
    xticks = [(f, _num(f * m.max_score, lang, 0)) for f in (0, 0.25, 0.5, 0.75, 1)]
    yticks = [(c / top_count, str(c)) for c in range(0, top_count + 1, step)]
    labels = (_t(lang, "points_axis"), _t(lang, "people_axis"))
    parts = _axes((left, top, right, bottom), xticks, yticks, labels)
    width = (right - left) / 10
    for i, c in enumerate(counts):
        h = (bottom - top) * c / top_count
        parts.append(_rect(left + i * width + 1, bottom - h, width - 2, h, _BLUE))
    x = left + (right - left) * report.min_score / 100
    parts.append(_line(x, top - 4, x, bottom, f'stroke="{_ORANGE}" stroke-dasharray="5 3"'))
    parts.append(_text((left + right) / 2, 16, _short(m.title, 60, 1), extra=' font-size="12"'))
    return _svg(390, 240, parts, m.title)


def _item_map(m: ModuleStats, report: Report) -> str:
    lang, box = report.lang, (52.0, 30.0, 370.0, 240.0)
    left, top, right, bottom = box
    xticks = [(f, _pct(f, lang)) for f in (0, 0.25, 0.5, 0.75, 1)]
    yticks = [((v + 1) / 2, _num(v, lang)) for v in (-1, -0.5, 0, 0.5, 1)]
    parts = _axes(box, xticks, yticks, (_t(lang, "map_x"), _t(lang, "map_y")))
    y_flag = bottom - (FLAG_BELOW + 1) / 2 * (bottom - top)
    parts.append(_line(left, y_flag, right, y_flag, f'stroke="{_ORANGE}" stroke-dasharray="5 3"'))
    for n, item in enumerate(report.items[m.module], start=1):
        if item.discrimination is None:
            continue
        x = left + item.difficulty * (right - left)
        y = bottom - (item.discrimination + 1) / 2 * (bottom - top)
        colour = _ORANGE if item.flagged else _BLUE
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}" opacity=".8"/>')
        if item.flagged:  # the item's number in the table
            parts.append(_text(x + 6, y - 5, str(n), "start", ' font-size="9"'))
    parts.append(_text((left + right) / 2, 16, _short(m.title, 60, 1), extra=' font-size="12"'))
    return _svg(390, 285, parts, m.title)


def _bars(c: Confusion, lang: str) -> str:
    left, right, row = 370.0, 720.0, 34
    bottom = 10 + row * len(c.rows)
    ticks = [(f, _pct(f, lang)) for f in (0, 0.25, 0.5, 0.75, 1)]
    parts = _axes((left, 10, right, bottom), ticks, [], (_t(lang, "share_axis"), ""))
    for i, r in enumerate(c.rows):
        y = 10 + i * row
        lines = textwrap.wrap(f"{i + 1}. {r.text}", 56, max_lines=2, placeholder="…")
        first = y + row / 2 + 4 - 6.5 * (len(lines) - 1)  # centre one or two lines on the bar
        parts += [_text(left - 8, first + 13 * k, line, "end") for k, line in enumerate(lines)]
        w = (right - left) * r.share_misplaced
        parts.append(_rect(left, y + 6, w, row - 12, _ORANGE if i == c.worst else _BLUE))
        parts.append(_text(left + w + 4, y + row / 2 + 4, _pct(r.share_misplaced, lang), "start"))
    return _svg(760, int(bottom) + 44, parts, c.title)


def _short(text: str, width: int, lines: int) -> str:
    return " ".join(textwrap.wrap(text, width, max_lines=lines, placeholder="…")) or text


# ------------------------------------------------------------------ sections


def _overview(report: Report) -> str:
    lang = report.lang
    head = [_t(lang, k) for k in ("module", "n", "mean", "median", "min", "max", "of", "passed")]
    rows = [
        [m.title, m.n, *(_num(v, lang) for v in (m.mean, m.median, min(m.scores), max(m.scores))),
         _num(m.max_score, lang, 0), f"{m.passed} ({_pct(m.share_passed, lang)})"]
        for m in report.modules
    ]  # fmt: skip
    charts = "".join(_histogram(m, report) for m in report.modules)
    return _table(head, rows) + f'<div class="charts">{charts}</div>\n'


def _kind(kind: str, lang: str) -> str:
    return _t(lang, f"k_{kind}") if f"k_{kind}" in WORDS else kind


def _items(report: Report) -> str:
    lang, flag = report.lang, _num(FLAG_BELOW, report.lang)
    out = [_p(_t(lang, "items_intro", flag=flag), "intro")]
    head = ["№", *(_t(lang, k) for k in ("item", "kind", "points", "difficulty", "fraction"))]
    head += [_t(lang, "discrimination"), ""]
    for m in report.modules:
        items = report.items[m.module]
        rows = [
            [n, i.title, _kind(i.kind, lang), _num(i.points, lang, 0 if i.points % 1 == 0 else 1),
             *_item_numbers(i, lang), _t(lang, "flag", flag=flag) if i.flagged else ""]
            for n, i in enumerate(items, start=1)
        ]  # fmt: skip
        marked = {n for n, i in enumerate(items) if i.flagged}
        out += [_h(3, m.title), _table(head, rows, align="rllrrrrl", marked=marked)]
    charts = "".join(_item_map(m, report) for m in report.modules)
    return "".join(out) + f'<div class="charts">{charts}</div>\n'


def _item_numbers(item: ItemStats, lang: str) -> list[str]:
    """Difficulty, share of points and discrimination; an item still waiting for manual
    grades has none of these yet (its zeros are not scores)."""
    if item.pending:
        waiting = (
            _t(lang, "awaiting")
            if item.pending >= item.n
            else _t(lang, "awaiting_some", n=item.pending, total=item.n)
        )
        return [waiting, "—", "—"]
    return [
        _pct(item.difficulty, lang),
        _pct(item.mean_fraction, lang),
        _num(item.discrimination, lang, 2),
    ]


def _attention(report: Report) -> str:
    """The class-level list of flags: who (a link to their page), which module, what."""
    lang = report.lang
    names = {p.student: p.name for p in report.participants}
    titles = {m.module: m.title for m in report.modules}
    head = "".join(f"<th>{escape(_t(lang, k))}</th>" for k in ("participant", "module", "finding"))
    rows = "".join(
        f'<tr><td><a href="#p-{escape(f.student)}">{escape(names.get(f.student, f.student))}'
        f"</a></td><td>{escape(titles.get(f.module, f.module))}</td>"
        f"<td>{escape(flag_text(f, report))}</td></tr>"
        for f in report.flags
    )
    return (
        f'<div class="attention" id="attention">\n{_h(2, _t(lang, "attention"))}'
        f"{_p(_t(lang, 'attention_intro'), 'intro')}"
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>\n</div>\n"
    )


def _own_flags(p: Participant, report: Report) -> str:
    mine = [f for f in report.flags if f.student == p.student]
    if not mine:
        return ""
    titles = {m.module: m.title for m in report.modules}
    items = "".join(
        f"<li>{escape(titles.get(f.module, f.module))}: {escape(flag_text(f, report))}</li>"
        for f in mine
    )
    return f'<div class="flags">{_h(4, _t(report.lang, "attention"))}<ul>{items}</ul></div>\n'


def _confusions(report: Report) -> str:
    lang = report.lang
    if not report.confusions:
        return _p(_t(lang, "no_confusions"))
    titles = {m.module: m.title for m in report.modules}
    out = [_p(_t(lang, "confusion_intro"), "intro")]
    for c in report.confusions:
        worst = c.rows[c.worst]
        out += [
            _h(3, c.title),
            _p(_t(lang, "answered", module=titles.get(c.module, c.module), n=c.n), "sub"),
            _p(_t(lang, "worst", text=worst.text, pct=_pct(worst.share_misplaced, lang))),
        ]
        if c.kind == "ordering":
            head = [_t(lang, k) for k in ("step", "key_pos", "misplaced", "displacement", "shift")]
            head += [_t(lang, "wrong_pos"), _t(lang, "left_out")]
            rows = [
                [r.text, r.expected, _pct(r.share_misplaced, lang), _num(r.displacement, lang),
                 _num(r.shift, lang, sign=True), r.common_wrong or "—", r.left_out]
                for r in c.rows
            ]  # fmt: skip
            out.append(_table(head, rows, marked={c.worst}))
        else:
            head = [_t(lang, k) for k in ("statement", "key_bin", "misplaced", "wrong_bin")]
            rows = [
                [r.text, r.expected, _pct(r.share_misplaced, lang), r.common_wrong or "—"]
                for r in c.rows
            ]
            out.append(_table(head, rows, align="llrl", marked={c.worst}))
        out.append(_bars(c, lang))
    return "".join(out)


def _scenarios(report: Report) -> str:
    lang = report.lang
    return scenarios_html(
        report.scenarios,
        t=lambda key, **values: _t(lang, key, **values),
        h=_h,
        p=_p,
        table=_table,
        pct=lambda share: _pct(share, lang),
    )


def _selfassess(report: Report) -> str:
    lang, summary = report.lang, report.selfassess
    if summary is None:
        return _p(_t(lang, "no_selfassess"))
    from clientlearn.runtime.selfassess.chart import to_png
    from clientlearn.trainer.selfassess.classchart import class_figures

    out = []
    for ins in summary.instruments.values():
        change = summary.change[summary.change["instrument"] == ins.id]
        change = change[change["n_pairs"] > 0]
        dist = summary.distribution[summary.distribution["instrument"] == ins.id]
        dist = dist[~dist["measure"].str.startswith("item:")]
        if not change.empty:
            head = [_t(lang, k) for k in ("skill", "pairs", "before", "after", "change")]
            head += [_t(lang, "improved"), _t(lang, "p_value")]
            rows = [
                [r.label, r.n_pairs, _num(r.mean_before, lang, 2), _num(r.mean_after, lang, 2),
                 _num(r.mean_change, lang, 2, sign=True), _pct(r.share_improved, lang),
                 _num(r.p_value, lang, 3)]
                for r in change.itertuples()
            ]  # fmt: skip
        elif not dist.empty:
            head = [_t(lang, k) for k in ("measure", "n", "mean", "min", "max")]
            rows = [
                [r.label, r.n, *(_num(v, lang, 2) for v in (r.mean, r.min, r.max))]
                for r in dist.itertuples()
            ]
        else:
            continue
        out += [_h(3, pick(ins.title, lang)), _table(head, rows)]
    for ins_id, fig in class_figures(summary).items():
        out.append(_png(to_png(fig, dpi=90), pick(summary.instruments[ins_id].title, lang)))
    return "".join(out)


def _groups(report: Report) -> str:
    lang, summary = report.lang, report.groups
    if summary is None:
        return _p(_t(lang, "no_groups"))
    from clientlearn.trainer.groupwork.charts import png_bytes, render_charts

    out = []
    for exercise in dict.fromkeys(summary.consensus["exercise"]):
        steps = summary.consensus[summary.consensus["exercise"] == exercise]
        dist = summary.distances[summary.distances["exercise"] == exercise]
        out.append(_h(3, _t(lang, "consensus", exercise=exercise)))
        head = [_t(lang, k) for k in ("rank", "step", "borda")]
        rows = [[r.rank, r.step, _num(r.points, lang)] for r in steps.itertuples()]
        out.append(_table(head, rows, align="rlr"))
        head = [_t(lang, k) for k in ("group", "order", "distance")]
        rows = [[r.group, r.order, _num(r.distance, lang, 2)] for r in dist.itertuples()]
        out.append(_table(head, rows, align="rlr"))
    for rid, rubric in summary.rubrics.items():
        table = summary.by_criterion[summary.by_criterion["rubric"] == rid]
        if table["n"].sum():
            out.append(_h(3, _t(lang, "rubric", rubric=pick(rubric.title, lang))))
            head = [_t(lang, k) for k in ("criterion", "scores", "mean")]
            rows = [[r.title, r.n, _num(r.mean, lang, 2)] for r in table.itertuples()]
            out.append(_table(head, rows))
    # The chart of every person observed grows with the class (their pages cover it):
    # an empty table makes it cheap, and it is left out.
    lean = replace(summary, by_participant=summary.by_participant.iloc[0:0])
    for name, fig in render_charts(lean, lang=lang).items():
        if not name.endswith("-participants.png"):
            out.append(_png(png_bytes(fig), name.removesuffix(".png")))
    return "".join(out)


def _participant(p: Participant, report: Report) -> str:
    lang = report.lang
    head = [_t(lang, k) for k in ("module", "score", "of", "class_mean", "passed")]
    rows = [
        [m.title, _t(lang, "not_submitted") if r.score is None else _num(r.score, lang),
         _num(m.max_score, lang, 0), _num(m.mean, lang), _t(lang, "yes" if r.passed else "no")]
        for m, r in zip(report.modules, p.modules, strict=True)
    ]  # fmt: skip
    out = [f'<article class="participant" id="p-{escape(p.student)}">\n', _h(3, p.name)]
    if p.name != p.student:
        out.append(_p(_t(lang, "student_id", id=p.student), "sub"))
    out += [_own_flags(p, report), _table(head, rows), _h(4, _t(lang, "lost"))]
    head = [_t(lang, k) for k in ("item", "earned", "points")]
    for m in report.modules:
        lost = [x for x in p.lost if x.module == m.module]
        rows = [
            [_t(lang, "pending", title=x.title) if x.pending else x.title,
             _num(x.earned, lang, 2), _num(x.points, lang, 0 if x.points % 1 == 0 else 1)]
            for x in lost
        ]  # fmt: skip
        if rows:
            out += [_p(m.title, "sub"), _table(head, rows)]
    if not p.lost:
        out.append(_p(_t(lang, "none_lost")))
    out.append(_h(4, _t(lang, "self")))
    if p.selfassess:
        head = [_t(lang, k) for k in ("self", "before", "after", "change", "result")]
        rows = [
            [s.title, _num(s.before, lang, 2), _num(s.after, lang, 2),
             _num(s.change, lang, 2, sign=True),
             " · ".join(x for x in ("" if s.score is None else _num(s.score, lang), s.band) if x)]
            for s in p.selfassess
        ]  # fmt: skip
        out.append(_table(head, rows, align="lrrrl"))
    else:
        out.append(_p(_t(lang, "no_own_self")))
    return "".join(out) + "</article>\n"


_CSS = """
@page { size: A4; margin: 14mm 13mm 15mm 15mm; }
html { font: 10.5pt/1.4 "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #111; }
body { max-width: 62em; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 20pt; margin-bottom: .2em; }
h2 { font-size: 15pt; margin-top: 1.6em; border-bottom: 1.5pt solid #333; break-after: avoid; }
h3 { font-size: 12pt; margin: 1.2em 0 .3em; break-after: avoid; }
h4 { font-size: 10.5pt; margin: 1em 0 .3em; break-after: avoid; }
p.sub { color: #555; margin: 0 0 .4em; } p.intro { max-width: 50em; }
table { border-collapse: collapse; margin: .4em 0 .8em; width: 100%; font-size: 9.5pt; }
th, td { border: .5pt solid #999; padding: .2em .45em; text-align: left; vertical-align: top; }
th { background: #eef2f6; } .num { text-align: right; } td.num { white-space: nowrap; }
tr { break-inside: avoid; } thead { display: table-header-group; }
tr.mark td { background: #fdf0d5; }
.charts { display: flex; flex-wrap: wrap; gap: .5em 1.5em; }
img.chart { display: block; max-width: 100%; height: auto; margin: .5em 0 1em;
  break-inside: avoid; }
nav ol { padding-left: 1.2em; } nav a { color: inherit; }
.notes { border-left: 3pt solid #E69F00; padding-left: .8em; }
.attention, .flags { border-left: 3pt solid #D55E00; padding-left: .8em; margin: 1em 0; }
.attention td a { color: inherit; } .flags ul { margin: .2em 0; }
.participant { break-before: page; }
@media print { body { max-width: none; margin: 0; padding: 0; } nav { display: none; }
  #s2, #s3, #s4 { break-before: page; } }
"""


def render_report(report: Report, *, when: datetime | None = None) -> str:
    """The whole report as HTML text."""
    lang = report.lang
    made = (when or datetime.now()).strftime("%Y-%m-%d %H:%M")
    header = [
        _h(1, _t(lang, "title")),
        _p(_t(lang, "course", course=report.course), "sub"),
        _p(_t(lang, "made", when=made, n=len(report.participants)), "sub"),
        _p(_t(lang, "threshold", pct=_num(report.min_score, lang, 0))),
    ]
    if report.notes:
        notes = "".join(f"<li>{escape(note_text(n, lang))}</li>" for n in report.notes)
        header.append(f'<div class="notes">{_h(4, _t(lang, "notes"))}<ul>{notes}</ul></div>\n')
    if report.flags:  # first thing after the notes: it may change what the numbers mean
        header.append(_attention(report))
    sections = {
        "s1": _overview(report),
        "s2": _items(report),
        "s3": _confusions(report) + _scenarios(report),
        "s4": _selfassess(report),
        "s5": _groups(report),
        "s6": "".join(_participant(p, report) for p in report.participants),
    }
    toc = "".join(f'<li><a href="#{k}">{escape(_t(lang, k))}</a></li>' for k in sections)
    body = "".join(
        f'<section id="{k}">\n{_h(2, _t(lang, k))}{html}</section>\n'
        for k, html in sections.items()
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(_t(lang, 'title'))} — {escape(report.course)}</title>\n"
        f"<style>{_CSS}</style>\n</head>\n<body>\n{''.join(header)}"
        f"<nav>{_h(4, _t(lang, 'contents'))}<ol>{toc}</ol></nav>\n{body}</body>\n</html>\n"
    )


def write_report(report: Report, out: str | Path, *, when: datetime | None = None) -> Path:
    """Render the report in full, then write ``out/report-LANG.html`` atomically."""
    text = render_report(report, when=when)
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ClientlearnError(f"cannot create the folder {folder}: {err.strerror}") from err
    path = folder / f"report-{report.lang}.html"
    write_text_atomic(path, text)
    return path
