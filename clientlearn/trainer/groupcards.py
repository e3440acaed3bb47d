"""Printable HTML for the trainer: group cards and the role-play schedule.

Each page is one self-contained HTML file (inline CSS, A4 print rules) that a
trainer opens in a browser and prints.  Text is Ukrainian by default and English
with ``lang="en"``.  Every value from a roster or scenarios file goes through
``html.escape``: names are typed by people and may hold ``<`` or ``&``.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.files import write_text_atomic
from clientlearn.core.i18n import translate

from .group_errors import MESSAGES
from .groups import Group
from .rotation import OBSERVER, Schedule

__all__ = [
    "LANGS",
    "column_label",
    "count_label",
    "label",
    "render_group_cards",
    "render_schedule",
    "role_label",
    "write_group_cards",
    "write_schedule_html",
]

LANGS = ("uk", "en")

LABELS: dict[str, dict[str, str]] = {
    "cards": {
        "uk": "Групи",
        "en": "Groups",
    },
    "cards_of": {
        "uk": "Групи — «{course}»",
        "en": "Groups — “{course}”",
    },
    "group": {
        "uk": "Група {n}",
        "en": "Group {n}",
    },
    "members": {
        "uk": "Учасники",
        "en": "Participants",
    },
    "schedule": {
        "uk": "Розклад рольових ігор",
        "en": "Role-play schedule",
    },
    "schedule_of": {
        "uk": "Розклад рольових ігор — «{course}»",
        "en": "Role-play schedule — “{course}”",
    },
    "round": {
        "uk": "Раунд {n}",
        "en": "Round {n}",
    },
    "group_col": {
        "uk": "Група",
        "en": "Group",
    },
    "scenario": {
        "uk": "Сценарій",
        "en": "Scenario",
    },
    "role": {
        "uk": "Роль",
        "en": "Role",
    },
    "size": {
        "uk": "Учасників",
        "en": "Participants",
    },
    "librarian": {
        "uk": "Бібліотекар",
        "en": "Librarian",
    },
    "patron": {
        "uk": "Користувач",
        "en": "Patron",
    },
    "observer": {
        "uk": "Спостерігач",
        "en": "Observer",
    },
    "oblast": {
        "uk": "Область",
        "en": "Oblast",
    },
    "library": {
        "uk": "Бібліотека",
        "en": "Library",
    },
    "region": {
        "uk": "Область",
        "en": "Region",
    },
    "city": {
        "uk": "Населений пункт",
        "en": "Town",
    },
    "written": {
        "uk": "Записано: {files}",
        "en": "Written: {files}",
    },
    "repeats": {
        "uk": "Пар, що вже працювали разом раніше: {n}",
        "en": "Pairs who were together before: {n}",
    },
    "balanced_on": {
        "uk": "Змішано за стовпцем: {column}",
        "en": "Mixed by column: {column}",
    },
    "rotation": {
        "uk": "Раундів: {rounds}; груп: {groups}; сценаріїв: {scenarios}",
        "en": "Rounds: {rounds}; groups: {groups}; scenarios: {scenarios}",
    },
    "short": {
        "uk": (
            "Група {g}: учасників — {s}, раундів — {r}; щоб кожен зіграв кожну роль, потрібно "
            "раундів: {s}"
        ),
        "en": (
            "Group {g}: {s} members, {r} rounds; every member plays every role only with {s} rounds"
        ),
    },
}

_CSS = """
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #111; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 6mm; }
.page { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; margin-bottom: 8mm; }
.page + .page { break-before: page; page-break-before: always; }
.card { border: 1.5pt solid #333; border-radius: 3mm; padding: 5mm; break-inside: avoid; }
.card h2 { font-size: 26pt; margin: 0; }
.card .course, .card .count { font-size: 9pt; color: #555; margin: 0 0 3mm; }
table { border-collapse: collapse; width: 100%; font-size: 11pt; }
th, td { text-align: left; padding: 1.2mm 2mm; vertical-align: top; }
th, td { border-bottom: 0.5pt solid #bbb; }
th { font-size: 9pt; color: #444; }
section.round { break-inside: avoid; margin-bottom: 8mm; }
section.round h2 { font-size: 14pt; margin: 0 0 2mm; }
@media print { .page { margin-bottom: 0; } }
"""


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ClientlearnError.said(MESSAGES, "lang", value=repr(lang), choices=", ".join(LANGS))
    return lang


def label(key: str, lang: str = "uk", **fmt: object) -> str:
    """A fixed text of these pages in ``lang``, formatted with ``fmt``."""
    return translate(LABELS, key, _check_lang(lang), **fmt)


def role_label(role: str, lang: str = "uk") -> str:
    """«Бібліотекар» for ``librarian`` …; an unknown role is shown as given."""
    return translate(LABELS, role, _check_lang(lang)) if role in LABELS else role


def column_label(column: str, lang: str = "uk") -> str:
    """«Область» for ``oblast`` …; other column names are shown as given."""
    key = column.casefold()
    return translate(LABELS, key, _check_lang(lang)) if key in LABELS else column


def count_label(n: int, lang: str = "uk") -> str:
    """«1 учасник», «3 учасники», «5 учасників» (Ukrainian plural forms)."""
    if _check_lang(lang) == "en":
        return f"{n} participant" + ("" if n == 1 else "s")
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} учасник"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return f"{n} учасники"
    return f"{n} учасників"


def _page(title: str, body: str, lang: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"{body}</body>\n</html>\n"
    )


def _card(group: Group, lang: str, course: str) -> str:
    balance = group.balance
    head = f"<th>{escape(label('members', lang))}</th>"
    if balance:
        head += f"<th>{escape(column_label(balance, lang))}</th>"
    rows = []
    for person in group.members:
        cells = f"<td>{escape(person.name)}</td>"
        if balance:
            cells += f"<td>{escape(person.value(balance))}</td>"
        rows.append(f"<tr>{cells}</tr>")
    return (
        '<article class="card">\n'
        f"<h2>{escape(label('group', lang, n=group.number))}</h2>\n"
        + (f'<p class="course">{escape(course)}</p>\n' if course else "")
        + f'<p class="count">{escape(count_label(len(group), lang))}</p>\n'
        f"<table><thead><tr>{head}</tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table>\n"
        "</article>\n"
    )


def render_group_cards(
    groups: Sequence[Group],
    *,
    lang: str = "uk",
    title: str | None = None,
    course: str = "",
    per_page: int = 4,
) -> str:
    """One card per group, ``per_page`` cards (2 columns) on each A4 page; ``course``
    is the course's title (from its course.yaml), shown on every card."""
    _check_lang(lang)
    if per_page < 1:
        raise ClientlearnError.said(MESSAGES, "per_page", per_page=per_page)
    heading = title or (label("cards_of", lang, course=course) if course else label("cards", lang))
    cards = [_card(g, lang, course) for g in groups]
    pages = [
        '<section class="page">\n' + "".join(cards[i : i + per_page]) + "</section>\n"
        for i in range(0, len(cards), per_page)
    ]
    return _page(heading, f"<h1>{escape(heading)}</h1>\n" + "".join(pages), lang)


def render_schedule(
    schedule: Schedule, *, lang: str = "uk", title: str | None = None, course: str = ""
) -> str:
    """A table per round: group, scenario, then who plays each role."""
    _check_lang(lang)
    default = label("schedule_of", lang, course=course) if course else label("schedule", lang)
    heading = title or default
    shown_roles = [*schedule.main_roles, OBSERVER]
    head = "".join(
        f"<th>{escape(text)}</th>"
        for text in (
            label("group_col", lang),
            label("scenario", lang),
            *(role_label(r, lang) for r in shown_roles),
        )
    )
    sections = []
    for r in range(1, schedule.rounds + 1):
        rows = []
        for g in schedule.groups:
            slot = schedule.slot(r, g.number)
            scenario = slot[0].scenario
            cells = [
                escape(str(g.number)),
                f"{escape(scenario.title_in(lang))} <small>({escape(scenario.id)})</small>",
            ]
            for role in shown_roles:
                cells.append(", ".join(escape(a.member.name) for a in slot if a.role == role))
            rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        sections.append(
            '<section class="round">\n'
            f"<h2>{escape(label('round', lang, n=r))}</h2>\n"
            f"<table><thead><tr>{head}</tr></thead><tbody>\n"
            + "\n".join(rows)
            + "\n</tbody></table>\n"
            "</section>\n"
        )
    return _page(heading, f"<h1>{escape(heading)}</h1>\n" + "".join(sections), lang)


def write_group_cards(
    groups: Sequence[Group],
    path: Path | str,
    *,
    lang: str = "uk",
    title: str | None = None,
    course: str = "",
) -> None:
    """Write :func:`render_group_cards` to ``path`` (UTF-8), atomically."""
    write_text_atomic(path, render_group_cards(groups, lang=lang, title=title, course=course))


def write_schedule_html(
    schedule: Schedule, path: Path | str, *, lang: str = "uk", course: str = ""
) -> None:
    """Write :func:`render_schedule` to ``path`` (UTF-8), atomically."""
    write_text_atomic(path, render_schedule(schedule, lang=lang, course=course))
