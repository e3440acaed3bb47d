"""``clientlearn roster``: import the class roster into the nbgrader gradebook.

A thin adapter over :func:`clientlearn.trainer.roster_import.import_roster`: it prints the
students (status, id, name, oblast) and a summary.  A :class:`ClientlearnError`
becomes a :class:`click.ClickException` (message, no traceback, exit code 1);
a bad roster lists every problem with its row and column.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from clientlearn.core.i18n import translate
from clientlearn.grader.gradebook import sqlite_file
from clientlearn.trainer.roster_import import ImportResult, import_roster

from . import base
from .courseroot import course_option

__all__ = ["LABELS", "roster"]

LANGS = ("uk", "en")

LABELS: dict[str, dict[str, str]] = {
    "status": {"uk": "стан", "en": "status"},
    "id": {"uk": "id", "en": "id"},
    "name": {"uk": "прізвище та ім’я", "en": "name"},
    "oblast": {"uk": "область", "en": "oblast"},
    "new": {"uk": "новий", "en": "new"},
    "updated": {"uk": "оновлено", "en": "updated"},
    "unchanged": {"uk": "без змін", "en": "unchanged"},
    "first_name": {"uk": "ім’я", "en": "first name"},
    "last_name": {"uk": "прізвище", "en": "last name"},
    "email": {"uk": "електронна пошта", "en": "e-mail"},
    "read": {"uk": "Прочитано {file} ({source}).", "en": "Read {file} ({source})."},
    "summary": {
        "uk": "Учасників: {total}; нових: {new}, оновлених: {updated}, без змін: {unchanged}.",
        "en": "{total} participants: {new} new, {updated} updated, {unchanged} unchanged.",
    },
    "ignored": {
        "uk": "Ці стовпці не імпортуються: {columns}.",
        "en": "These columns are not imported: {columns}.",
    },
    "others": {
        "uk": "Уже є в журналі оцінок, але не в цьому списку (залишено як є): {ids}.",
        "en": "In the gradebook but not in this roster (left as they are): {ids}.",
    },
    "dry_run": {
        "uk": "Пробний запуск: нічого не записано. Без --dry-run зміни буде внесено в {files}.",
        "en": "Dry run: nothing was written. Without --dry-run the changes go to {files}.",
    },
    "written": {"uk": "Записано: {files}.", "en": "Written: {files}."},
}


def label(key: str, lang: str, **fmt: object) -> str:
    return translate(LABELS, key, lang, **fmt)


def _table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows
    )


def render_result(result: ImportResult, lang: str = "uk") -> str:
    """The students table and the summary lines the command prints."""
    rows = [[label(k, lang) for k in ("status", "id", "name", "oblast")]]
    for change in result.changes:
        status = label(change.status, lang)
        if change.status == "updated":
            status += f" ({', '.join(label(f, lang) for f in change.fields)})"
        p = change.participant
        rows.append([status, p.id, p.name, p.oblast])
    lines = [
        label("read", lang, file=result.roster.file, source=result.roster.source),
        "",
        _table(rows),
        "",
        label(
            "summary",
            lang,
            total=len(result.changes),
            new=result.count("new"),
            updated=result.count("updated"),
            unchanged=result.count("unchanged"),
        ),
    ]
    if result.roster.ignored:
        lines.append(label("ignored", lang, columns=", ".join(result.roster.ignored)))
    if result.others:
        lines.append(label("others", lang, ids=", ".join(result.others)))
    # The gradebook is only opened when a student is new or changed.
    touched = result.count("new") + result.count("updated") > 0
    gradebook = sqlite_file(result.gradebook) or result.gradebook
    written = [gradebook, result.roster_csv] if touched else [result.roster_csv]
    files = ", ".join(str(f) for f in written)
    lines.append(label("dry_run" if result.dry_run else "written", lang, files=files))
    return "\n".join(lines)


@click.group(cls=base.Group, name="roster")
def roster() -> None:
    """Import the class roster into the nbgrader gradebook."""


@roster.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@course_option()
@click.option("--dry-run", is_flag=True)
@base.lang_option
def import_cmd(file: Path, course_dir: Path, dry_run: bool, lang: str) -> None:
    """Add the people of FILE (CSV or XLSX from Excel) to the course's gradebook.

    Names are read as «Прізвище Ім’я [По батькові]» (one column such as ПІБ or
    name, or columns Прізвище, Ім’я, По батькові); ids are surname_firstname by
    the official Ukrainian transliteration.  Also writes roster.csv in the
    course folder for the other commands.
    """
    result = import_roster(file, course_dir, dry_run=dry_run)
    click.echo(render_result(result, lang))
