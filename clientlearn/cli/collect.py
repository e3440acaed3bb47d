"""``clientlearn collect``: handed-in work into ``submitted/<id>/<module>/``.

A thin layer over :func:`clientlearn.grader.intake.collect_submissions`.  It prints
what was collected from where, which copies were not taken because a newer one was
(and which one was kept), and every submission it could not match to the roster,
with its files; nothing of those is copied, and the exit code is then 1 (after all
the others were collected), so they are not missed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from clientlearn.core.i18n import translate

from . import base
from .courseroot import course_option

if TYPE_CHECKING:  # the intake imports nbgrader: only when the command runs
    from clientlearn.grader.intake import IntakeResult, Unmatched

__all__ = ["collect"]

MESSAGES: dict[str, dict[str, str]] = {
    "nothing_to_do": {
        "uk": "Назвіть, звідки збирати: архіви чи теки (SOURCES) або --exchange.",
        "en": "Name where to collect from: zips or folders (SOURCES), or --exchange.",
    },
    "taken": {
        "uk": "Зібрано в {folder}/<id>/{module}/ ({n}):",
        "en": "Collected into {folder}/<id>/{module}/ ({n}):",
    },
    "taken_line": {
        "uk": "  {student} ← {origin} (файлів: {files}, збережено {time})",
        "en": "  {student} ← {origin} ({files} file(s), saved {time})",
    },
    "replaced": {
        "uk": "    замість старішої роботи від {time}",
        "en": "    in place of an older submission of {time}",
    },
    "passed": {
        "uk": "Не взято, бо є новіша чи та сама робота ({n}):",
        "en": "Not taken, as a newer or the same submission is there ({n}):",
    },
    "passed_line": {
        "uk": "  {student}: {origin} ({time}); залишено {kept} ({kept_time})",
        "en": "  {student}: {origin} ({time}); kept {kept} ({kept_time})",
    },
    "already": {
        "uk": "ту, що вже в submitted/",
        "en": "the one already in submitted/",
    },
    "exchange": {
        "uk": "З теки обміну (nbgrader collect): {ids}.",
        "en": "From the exchange (nbgrader collect): {ids}.",
    },
    "exchange_none": {
        "uk": "З теки обміну нічого нового.",
        "en": "Nothing new in the exchange.",
    },
    "not_on_roster": {
        "uk": "Увага: {ids} немає в списку учасників (roster.csv): clientlearn autograde їх "
        "не перевірить, доки ви не додасте їх до списку чи не додасте --new-students.",
        "en": "Warning: {ids} are not on the roster (roster.csv): clientlearn autograde "
        "will not grade them until you add them to it or pass --new-students.",
    },
    "unmatched": {
        "uk": "НЕ ЗІБРАНО ({n}): нічого з цього не скопійовано.",
        "en": "NOT COLLECTED ({n}): nothing of these was copied.",
    },
    "nobody": {
        "uk": "  {origin}: у списку учасників немає нікого на ім’я «{label}»",
        "en": "  {origin}: nobody called “{label}” on the roster",
    },
    "several": {
        "uk": "  {origin}: «{label}» — так звуть кількох: {ids}",
        "en": "  {origin}: “{label}” names several people: {ids}",
    },
    "no_name": {
        "uk": "  {origin}: файл не в теці чи архіві учасника, тож невідомо чий",
        "en": "  {origin}: not inside a participant's folder or zip, so whose is unknown",
    },
    "no_notebook": {
        "uk": "  {origin} ({ids}): немає жодного зошита .ipynb",
        "en": "  {origin} ({ids}): no .ipynb notebook in it",
    },
    "bad_manifest": {
        "uk": "  {detail}",
        "en": "  {detail}",
    },
    "files": {"uk": "    файли: {files}", "en": "    files: {files}"},
    "fix": {
        "uk": "Перейменуйте архів чи теку на id учасника (з roster.csv) або виправте ім’я в "
        "списку й запустіть команду ще раз: новіші роботи заміняють старіші, а ті самі "
        "не копіюються вдруге.",
        "en": "Rename the zip or folder to the participant's id (from roster.csv), or fix "
        "the name on the roster, and run the command again: newer work replaces older, and "
        "the same work is not copied twice.",
    },
    "summary": {
        "uk": "Разом: зібрано {taken}, не взято старіших чи тих самих {passed}, не зіставлено "
        "{unmatched}.",
        "en": "In all: {taken} collected, {passed} older or the same not taken, "
        "{unmatched} not matched.",
    },
}

_MORE_FILES = 6  # an unmatched folder's files beyond these are counted, not listed


def _t(key: str, lang: str, **values: object) -> str:
    return translate(MESSAGES, key, lang, **values)


def _time(moment: float) -> str:
    return dt.datetime.fromtimestamp(moment).strftime("%Y-%m-%d %H:%M:%S")


def _files(files: tuple[str, ...]) -> str:
    shown = ", ".join(files[:_MORE_FILES])
    return shown + (f", … (+{len(files) - _MORE_FILES})" if len(files) > _MORE_FILES else "")


def _unmatched_lines(item: Unmatched, lang: str) -> list[str]:
    lines = [
        _t(
            item.reason,
            lang,
            origin=item.origin,
            label=item.label,
            ids=", ".join(item.ids),
            detail=item.detail,
        )
    ]
    if item.reason != "no_name":
        lines.append(_t("files", lang, files=_files(item.files)))
    return lines


def render(result: IntakeResult, lang: str = "uk") -> list[str]:
    """The lines ``clientlearn collect`` prints for ``result``."""
    lines: list[str] = []
    if result.taken:
        lines.append(
            _t("taken", lang, folder=result.submitted, module=result.module, n=len(result.taken))
        )
        for t in result.taken:
            lines.append(
                _t(
                    "taken_line",
                    lang,
                    student=t.student,
                    origin=t.origin,
                    files=len(t.files),
                    time=_time(t.time),
                )
            )
            if t.replaced is not None:
                lines.append(_t("replaced", lang, time=_time(t.replaced)))
    if result.passed:
        lines.append(_t("passed", lang, n=len(result.passed)))
        for p in result.passed:
            kept = p.kept or _t("already", lang)
            lines.append(
                _t(
                    "passed_line",
                    lang,
                    student=p.student,
                    origin=p.origin,
                    time=_time(p.time),
                    kept=kept,
                    kept_time=_time(p.kept_time),
                )
            )
    if result.unmatched:
        lines.append(_t("unmatched", lang, n=len(result.unmatched)))
        for u in result.unmatched:
            lines += _unmatched_lines(u, lang)
        lines.append(_t("fix", lang))
    lines.append(
        _t(
            "summary",
            lang,
            taken=len(result.taken),
            passed=len(result.passed),
            unmatched=len(result.unmatched),
        )
    )
    return lines


@click.command("collect", cls=base.Command)
@click.argument("module")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@course_option()
@click.option(
    "--exchange",
    is_flag=True,
)
@base.lang_option
def collect(
    module: str, sources: tuple[Path, ...], course_dir: Path, exchange: bool, lang: str
) -> None:
    """Collect MODULE's handed-in work from SOURCES (Moodle's "Download all submissions"
    zips, participants' zips or folders named by id or name, folders of these) into
    submitted/<id>/MODULE/, matched to the roster; a newer submission is never replaced
    by an older one."""
    from clientlearn.grader.intake import collect_submissions

    if not sources and not exchange:
        raise click.UsageError(_t("nothing_to_do", lang))
    result = collect_submissions(course_dir, module, sources, exchange=exchange, lang=lang)
    if exchange:
        if result.exchange:
            click.echo(_t("exchange", lang, ids=", ".join(result.exchange)))
        else:
            click.echo(_t("exchange_none", lang))
        if result.not_on_roster:
            click.echo(_t("not_on_roster", lang, ids=", ".join(result.not_on_roster)))
    for line in render(result, lang):
        click.echo(line)
    if result.unmatched:
        raise SystemExit(1)
