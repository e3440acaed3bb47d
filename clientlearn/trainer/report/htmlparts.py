"""The escaped pieces the class report is made of: its words in the report's language,
numbers as people write them, tables, headings, paragraphs and embedded images."""

from __future__ import annotations

import base64
from collections.abc import Collection, Iterable, Sequence
from html import escape

import numpy as np

from clientlearn.core.numbers import format_number

from .words import word


def t(lang: str, key: str, **values: object) -> str:
    return word(lang, key, **values)


def real(value: object) -> float | None:
    """``value`` as a float; None for None, NaN and pandas' NA (an empty mean)."""
    if isinstance(value, int | float | np.integer | np.floating) and value == value:
        return float(value)
    return None


def num(value: object, lang: str, digits: int = 1, *, sign: bool = False) -> str:
    """A number as people write it (a decimal comma in Ukrainian, a true minus); "—" if none."""
    number = real(value)
    return "—" if number is None else format_number(number, lang, digits=digits, sign=sign)


def pct(share: object, lang: str) -> str:
    number = real(share)
    return "—" if number is None else num(100 * number, lang, 0) + "%"


def html_table(
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


def para(text: str, cls: str = "") -> str:
    return f'<p class="{cls}">{escape(text)}</p>\n' if cls else f"<p>{escape(text)}</p>\n"


def heading(level: int, text: str) -> str:
    return f"<h{level}>{escape(text)}</h{level}>\n"


def png_img(data: bytes, alt: str) -> str:
    src = "data:image/png;base64," + base64.b64encode(data).decode("ascii")
    return f'<img class="chart" src="{src}" alt="{escape(alt)}">\n'


# ------------------------------------------------------------------ SVG charts
