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

from dataclasses import replace
from datetime import datetime
from html import escape
from pathlib import Path

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.files import write_text_atomic
from clientlearn.runtime.questions import pick

from .charts import bars, histogram, item_map
from .flags import Flag
from .htmlparts import heading, html_table, num, para, pct, png_img, t
from .quizstats_page import quizstats_html
from .scenarios import scenarios_html
from .statistics import FLAG_BELOW, ItemStats, Note, Participant, Report
from .words import WORDS

__all__ = ["WORDS", "flag_text", "note_text", "render_report", "write_report"]


def note_text(note: Note, lang: str) -> str:
    """A note of the report in words; a reason worded in each language, in ``lang``."""
    key, values = note
    return t(lang, key, **{k: v if isinstance(v, str) else v[lang] for k, v in values.items()})


def flag_text(flag: Flag, report: Report) -> str:
    """A flag in words; another participant is named as the report names them."""
    names = {p.student: p.name for p in report.participants}
    other = names.get(flag.other, flag.other)
    return t(report.lang, f"f_{flag.kind}", **{**flag.values, "other": other})


def _overview(report: Report) -> str:
    lang = report.lang
    head = [t(lang, k) for k in ("module", "n", "mean", "median", "min", "max", "of", "passed")]
    rows = [
        [m.title, m.n, *(num(v, lang) for v in (m.mean, m.median, min(m.scores), max(m.scores))),
         num(m.max_score, lang, 0), f"{m.passed} ({pct(m.share_passed, lang)})"]
        for m in report.modules
    ]  # fmt: skip
    charts = "".join(histogram(m, report) for m in report.modules)
    return html_table(head, rows) + f'<div class="charts">{charts}</div>\n'


def _kind(kind: str, lang: str) -> str:
    return t(lang, f"k_{kind}") if f"k_{kind}" in WORDS else kind


def _items(report: Report) -> str:
    lang, flag = report.lang, num(FLAG_BELOW, report.lang)
    out = [para(t(lang, "items_intro", flag=flag), "intro")]
    head = ["№", *(t(lang, k) for k in ("item", "kind", "points", "difficulty", "fraction"))]
    head += [t(lang, "discrimination"), ""]
    for m in report.modules:
        items = report.items[m.module]
        rows = [
            [n, i.title, _kind(i.kind, lang), num(i.points, lang, 0 if i.points % 1 == 0 else 1),
             *_item_numbers(i, lang), t(lang, "flag", flag=flag) if i.flagged else ""]
            for n, i in enumerate(items, start=1)
        ]  # fmt: skip
        marked = {n for n, i in enumerate(items) if i.flagged}
        out += [heading(3, m.title), html_table(head, rows, align="rllrrrrl", marked=marked)]
    charts = "".join(item_map(m, report) for m in report.modules)
    return "".join(out) + f'<div class="charts">{charts}</div>\n'


def _item_numbers(item: ItemStats, lang: str) -> list[str]:
    """Difficulty, share of points and discrimination; an item still waiting for manual
    grades has none of these yet (its zeros are not scores)."""
    if item.pending:
        waiting = (
            t(lang, "awaiting")
            if item.pending >= item.n
            else t(lang, "awaiting_some", n=item.pending, total=item.n)
        )
        return [waiting, "—", "—"]
    return [
        pct(item.difficulty, lang),
        pct(item.mean_fraction, lang),
        num(item.discrimination, lang, 2),
    ]


def _attention(report: Report) -> str:
    """The class-level list of flags: who (a link to their page), which module, what."""
    lang = report.lang
    names = {p.student: p.name for p in report.participants}
    titles = {m.module: m.title for m in report.modules}
    head = "".join(f"<th>{escape(t(lang, k))}</th>" for k in ("participant", "module", "finding"))
    rows = "".join(
        f'<tr><td><a href="#p-{escape(f.student)}">{escape(names.get(f.student, f.student))}'
        f"</a></td><td>{escape(titles.get(f.module, f.module))}</td>"
        f"<td>{escape(flag_text(f, report))}</td></tr>"
        for f in report.flags
    )
    return (
        f'<div class="attention" id="attention">\n{heading(2, t(lang, "attention"))}'
        f"{para(t(lang, 'attention_intro'), 'intro')}"
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
    return f'<div class="flags">{heading(4, t(report.lang, "attention"))}<ul>{items}</ul></div>\n'


def _confusions(report: Report) -> str:
    lang = report.lang
    if not report.confusions:
        return para(t(lang, "no_confusions"))
    titles = {m.module: m.title for m in report.modules}
    out = [para(t(lang, "confusion_intro"), "intro")]
    for c in report.confusions:
        worst = c.rows[c.worst]
        out += [
            heading(3, c.title),
            para(t(lang, "answered", module=titles.get(c.module, c.module), n=c.n), "sub"),
            para(t(lang, "worst", text=worst.text, pct=pct(worst.share_misplaced, lang))),
        ]
        if c.kind == "ordering":
            head = [t(lang, k) for k in ("step", "key_pos", "misplaced", "displacement", "shift")]
            head += [t(lang, "wrong_pos"), t(lang, "left_out")]
            rows = [
                [r.text, r.expected, pct(r.share_misplaced, lang), num(r.displacement, lang),
                 num(r.shift, lang, sign=True), r.common_wrong or "—", r.left_out]
                for r in c.rows
            ]  # fmt: skip
            out.append(html_table(head, rows, marked={c.worst}))
        else:
            head = [t(lang, k) for k in ("statement", "key_bin", "misplaced", "wrong_bin")]
            rows = [
                [r.text, r.expected, pct(r.share_misplaced, lang), r.common_wrong or "—"]
                for r in c.rows
            ]
            out.append(html_table(head, rows, align="llrl", marked={c.worst}))
        out.append(bars(c, lang))
    return "".join(out)


def _selfassess(report: Report) -> str:
    lang, summary = report.lang, report.selfassess
    if summary is None:
        return para(t(lang, "no_selfassess"))
    from clientlearn.runtime.selfassess.chart import to_png
    from clientlearn.trainer.selfassess.classchart import class_figures

    out = []
    for ins in summary.instruments.values():
        change = summary.change[summary.change["instrument"] == ins.id]
        change = change[change["n_pairs"] > 0]
        dist = summary.distribution[summary.distribution["instrument"] == ins.id]
        dist = dist[~dist["measure"].str.startswith("item:")]
        if not change.empty:
            head = [t(lang, k) for k in ("skill", "pairs", "before", "after", "change")]
            head += [t(lang, "improved"), t(lang, "p_value")]
            rows = [
                [r.label, r.n_pairs, num(r.mean_before, lang, 2), num(r.mean_after, lang, 2),
                 num(r.mean_change, lang, 2, sign=True), pct(r.share_improved, lang),
                 num(r.p_value, lang, 3)]
                for r in change.itertuples()
            ]  # fmt: skip
        elif not dist.empty:
            head = [t(lang, k) for k in ("measure", "n", "mean", "min", "max")]
            rows = [
                [r.label, r.n, *(num(v, lang, 2) for v in (r.mean, r.min, r.max))]
                for r in dist.itertuples()
            ]
        else:
            continue
        out += [heading(3, pick(ins.title, lang)), html_table(head, rows)]
    for ins_id, fig in class_figures(summary).items():
        out.append(png_img(to_png(fig, dpi=90), pick(summary.instruments[ins_id].title, lang)))
    return "".join(out)


def _groups(report: Report) -> str:
    lang, summary = report.lang, report.groups
    if summary is None:
        return para(t(lang, "no_groups"))
    from clientlearn.trainer.groupwork.charts import png_bytes, render_charts

    out = []
    for exercise in dict.fromkeys(summary.consensus["exercise"]):
        steps = summary.consensus[summary.consensus["exercise"] == exercise]
        dist = summary.distances[summary.distances["exercise"] == exercise]
        out.append(heading(3, t(lang, "consensus", exercise=exercise)))
        head = [t(lang, k) for k in ("rank", "step", "borda")]
        rows = [[r.rank, r.step, num(r.points, lang)] for r in steps.itertuples()]
        out.append(html_table(head, rows, align="rlr"))
        head = [t(lang, k) for k in ("group", "order", "distance")]
        rows = [[r.group, r.order, num(r.distance, lang, 2)] for r in dist.itertuples()]
        out.append(html_table(head, rows, align="rlr"))
    for rid, rubric in summary.rubrics.items():
        table = summary.by_criterion[summary.by_criterion["rubric"] == rid]
        if table["n"].sum():
            out.append(heading(3, t(lang, "rubric", rubric=pick(rubric.title, lang))))
            head = [t(lang, k) for k in ("criterion", "scores", "mean")]
            rows = [[r.title, r.n, num(r.mean, lang, 2)] for r in table.itertuples()]
            out.append(html_table(head, rows))
    # The chart of every person observed grows with the class (their pages cover it):
    # an empty table makes it cheap, and it is left out.
    lean = replace(summary, by_participant=summary.by_participant.iloc[0:0])
    for name, fig in render_charts(lean, lang=lang).items():
        if not name.endswith("-participants.png"):
            out.append(png_img(png_bytes(fig), name.removesuffix(".png")))
    return "".join(out)


def _participant(p: Participant, report: Report) -> str:
    lang = report.lang
    head = [t(lang, k) for k in ("module", "score", "of", "class_mean", "passed")]
    rows = [
        [m.title, t(lang, "not_submitted") if r.score is None else num(r.score, lang),
         num(m.max_score, lang, 0), num(m.mean, lang), t(lang, "yes" if r.passed else "no")]
        for m, r in zip(report.modules, p.modules, strict=True)
    ]  # fmt: skip
    out = [f'<article class="participant" id="p-{escape(p.student)}">\n', heading(3, p.name)]
    if p.name != p.student:
        out.append(para(t(lang, "student_id", id=p.student), "sub"))
    out += [_own_flags(p, report), html_table(head, rows), heading(4, t(lang, "lost"))]
    head = [t(lang, k) for k in ("item", "earned", "points")]
    for m in report.modules:
        lost = [x for x in p.lost if x.module == m.module]
        rows = [
            [t(lang, "pending", title=x.title) if x.pending else x.title,
             num(x.earned, lang, 2), num(x.points, lang, 0 if x.points % 1 == 0 else 1)]
            for x in lost
        ]  # fmt: skip
        if rows:
            out += [para(m.title, "sub"), html_table(head, rows)]
    if not p.lost:
        out.append(para(t(lang, "none_lost")))
    out.append(heading(4, t(lang, "self")))
    if p.selfassess:
        head = [t(lang, k) for k in ("self", "before", "after", "change", "result")]
        rows = [
            [s.title, num(s.before, lang, 2), num(s.after, lang, 2),
             num(s.change, lang, 2, sign=True),
             " · ".join(x for x in ("" if s.score is None else num(s.score, lang), s.band) if x)]
            for s in p.selfassess
        ]  # fmt: skip
        out.append(html_table(head, rows, align="lrrrl"))
    else:
        out.append(para(t(lang, "no_own_self")))
    return "".join(out) + "</article>\n"


_CSS = """
@page { size: A4; margin: 14mm 13mm 15mm 15mm; }
html { font: 10.5pt/1.4 "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #111; }
body { max-width: 62em; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 20pt; margin-bottom: .2em; }
h2 { font-size: 15pt; margin-top: 1.6em; border-bottom: 1.5pt solid #333; break-after: avoid; }
h3 { font-size: 12pt; margin: 1.2em 0 .3em; break-after: avoid; }
h4 { font-size: 10.5pt; margin: 1em 0 .3em; break-after: avoid; }
h5 { font-size: 10pt; margin: .9em 0 .2em; break-after: avoid; }
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
        heading(1, t(lang, "title")),
        para(t(lang, "course", course=report.course), "sub"),
        para(t(lang, "made", when=made, n=len(report.participants)), "sub"),
        para(t(lang, "threshold", pct=num(report.min_score, lang, 0))),
    ]
    if report.notes:
        notes = "".join(f"<li>{escape(note_text(n, lang))}</li>" for n in report.notes)
        header.append(f'<div class="notes">{heading(4, t(lang, "notes"))}<ul>{notes}</ul></div>\n')
    if report.flags:  # first thing after the notes: it may change what the numbers mean
        header.append(_attention(report))
    sections = {
        "s1": _overview(report),
        "s2": _items(report) + quizstats_html(report.quiz, report.lang),
        "s3": _confusions(report) + scenarios_html(report.scenarios, report.lang),
        "s4": _selfassess(report),
        "s5": _groups(report),
        "s6": "".join(_participant(p, report) for p in report.participants),
    }
    toc = "".join(f'<li><a href="#{k}">{escape(t(lang, k))}</a></li>' for k in sections)
    body = "".join(
        f'<section id="{k}">\n{heading(2, t(lang, k))}{html}</section>\n'
        for k, html in sections.items()
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(t(lang, 'title'))} — {escape(report.course)}</title>\n"
        f"<style>{_CSS}</style>\n</head>\n<body>\n{''.join(header)}"
        f"<nav>{heading(4, t(lang, 'contents'))}<ol>{toc}</ol></nav>\n{body}</body>\n</html>\n"
    )


def write_report(report: Report, out: str | Path, *, when: datetime | None = None) -> Path:
    """Render the report in full, then write ``out/report-LANG.html`` atomically."""
    text = render_report(report, when=when)
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ClientlearnError.said(
            WORDS, "err_folder", folder=folder, reason=err.strerror
        ) from err
    path = folder / f"report-{report.lang}.html"
    write_text_atomic(path, text)
    return path
