"""The class report's charts, drawn as inline SVG (no image files, nothing to load):
score histograms, the item map and the bars of the most confused steps."""

from __future__ import annotations

import base64
import textwrap
from collections.abc import Iterable, Sequence
from html import escape

import numpy as np

from .confusions import Confusion
from .htmlparts import num, pct, t
from .statistics import FLAG_BELOW, ModuleStats, Report

_BLUE, _ORANGE, _GREY = "#0072B2", "#E69F00", "#999999"  # Okabe–Ito, as the other charts


def svg_img(width: int, height: int, parts: Iterable[str], alt: str) -> str:
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Liberation Sans, Arial, '
        f'sans-serif" font-size="11" fill="#222">{"".join(parts)}</svg>'
    )
    src = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        f'<img class="chart" width="{width}" height="{height}" src="{src}" alt="{escape(alt)}">\n'
    )


def svg_text(x: float, y: float, text: str, anchor: str = "middle", extra: str = "") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{extra}>{escape(text)}</text>'


def svg_line(x1: float, y1: float, x2: float, y2: float, style: str = 'stroke="#bbb"') -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" {style}/>'


def svg_rect(x: float, y: float, w: float, h: float, colour: str) -> str:
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{colour}"/>'


def svg_axes(
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
        out += [svg_line(x, top, x, bottom), svg_text(x, bottom + 14, label)]
    for f, label in yticks:
        y = bottom - f * (bottom - top)
        out += [svg_line(left, y, right, y), svg_text(left - 5, y + 4, label, "end")]
    mid = (top + bottom) / 2
    out.append(svg_text((left + right) / 2, bottom + 30, labels[0]))
    if labels[1]:
        out.append(svg_text(12, mid, labels[1], extra=f' transform="rotate(-90 12 {mid:.1f})"'))
    return out


def histogram(m: ModuleStats, report: Report) -> str:
    lang, (left, top, right, bottom) = report.lang, (52.0, 30.0, 370.0, 200.0)
    counts, _ = np.histogram(m.scores, bins=10, range=(0, m.max_score or 1))
    step = max(1, -(-int(counts.max()) // 5))  # at most about five count ticks
    top_count = step * -(-int(counts.max()) // step) or 1
    xticks = [(f, num(f * m.max_score, lang, 0)) for f in (0, 0.25, 0.5, 0.75, 1)]
    yticks = [(c / top_count, str(c)) for c in range(0, top_count + 1, step)]
    labels = (t(lang, "points_axis"), t(lang, "people_axis"))
    parts = svg_axes((left, top, right, bottom), xticks, yticks, labels)
    width = (right - left) / 10
    for i, c in enumerate(counts):
        h = (bottom - top) * c / top_count
        parts.append(svg_rect(left + i * width + 1, bottom - h, width - 2, h, _BLUE))
    x = left + (right - left) * report.min_score / 100
    parts.append(svg_line(x, top - 4, x, bottom, f'stroke="{_ORANGE}" stroke-dasharray="5 3"'))
    parts.append(svg_text((left + right) / 2, 16, short(m.title, 60, 1), extra=' font-size="12"'))
    return svg_img(390, 240, parts, m.title)


def item_map(m: ModuleStats, report: Report) -> str:
    lang, box = report.lang, (52.0, 30.0, 370.0, 240.0)
    left, top, right, bottom = box
    xticks = [(f, pct(f, lang)) for f in (0, 0.25, 0.5, 0.75, 1)]
    yticks = [((v + 1) / 2, num(v, lang)) for v in (-1, -0.5, 0, 0.5, 1)]
    parts = svg_axes(box, xticks, yticks, (t(lang, "map_x"), t(lang, "map_y")))
    y_flag = bottom - (FLAG_BELOW + 1) / 2 * (bottom - top)
    parts.append(
        svg_line(left, y_flag, right, y_flag, f'stroke="{_ORANGE}" stroke-dasharray="5 3"')
    )
    for n, item in enumerate(report.items[m.module], start=1):
        if item.discrimination is None:
            continue
        x = left + item.difficulty * (right - left)
        y = bottom - (item.discrimination + 1) / 2 * (bottom - top)
        colour = _ORANGE if item.flagged else _BLUE
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}" opacity=".8"/>')
        if item.flagged:  # the item's number in the table
            parts.append(svg_text(x + 6, y - 5, str(n), "start", ' font-size="9"'))
    parts.append(svg_text((left + right) / 2, 16, short(m.title, 60, 1), extra=' font-size="12"'))
    return svg_img(390, 285, parts, m.title)


def bars(c: Confusion, lang: str) -> str:
    left, right, row = 370.0, 720.0, 34
    bottom = 10 + row * len(c.rows)
    ticks = [(f, pct(f, lang)) for f in (0, 0.25, 0.5, 0.75, 1)]
    parts = svg_axes((left, 10, right, bottom), ticks, [], (t(lang, "share_axis"), ""))
    for i, r in enumerate(c.rows):
        y = 10 + i * row
        lines = textwrap.wrap(f"{i + 1}. {r.text}", 56, max_lines=2, placeholder="…")
        first = y + row / 2 + 4 - 6.5 * (len(lines) - 1)  # centre one or two lines on the bar
        parts += [svg_text(left - 8, first + 13 * k, line, "end") for k, line in enumerate(lines)]
        w = (right - left) * r.share_misplaced
        parts.append(svg_rect(left, y + 6, w, row - 12, _ORANGE if i == c.worst else _BLUE))
        parts.append(svg_text(left + w + 4, y + row / 2 + 4, pct(r.share_misplaced, lang), "start"))
    return svg_img(760, int(bottom) + 44, parts, c.title)


def short(text: str, width: int, lines: int) -> str:
    return " ".join(textwrap.wrap(text, width, max_lines=lines, placeholder="…")) or text


# ------------------------------------------------------------------ sections
