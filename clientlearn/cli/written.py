"""``clientlearn written export`` and ``clientlearn written import``: grading the written
tasks in a sheet.  A thin layer over :mod:`clientlearn.trainer.written`."""

from __future__ import annotations

from pathlib import Path

import click

from clientlearn.core.i18n import translate

from . import base
from .courseroot import course_option

__all__ = ["MESSAGES", "written"]

MESSAGES: dict[str, dict[str, str]] = {
    "exported": {
        "uk": "Записано {workbook} і сторінку для друку {page}: завдань — {tasks}, відповідей — "
        "{answers}, з них уже оцінено — {graded}.",
        "en": "Wrote {workbook} and the printable {page}: {tasks} task(s), {answers} answer(s), "
        "{graded} graded already.",
    },
    "imported": {
        "uk": "{file}: рядків — {rows}; записано балів — {scores}, коментарів — {comments}.",
        "en": "{file}: {rows} row(s); {scores} score(s) and {comments} comment(s) written.",
    },
    "next": {
        "uk": "Далі: clientlearn feedback {module}, clientlearn report, clientlearn export.",
        "en": "Next: clientlearn feedback {module}, clientlearn report, clientlearn export.",
    },
}


@click.group(cls=base.Group)
def written() -> None:
    """Grade the written tasks in a sheet: export it, fill it in, import it."""


@written.command("export")
@click.argument("module")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
)
@course_option()
@base.lang_option
def written_export(module: str, out: Path, course_dir: Path, lang: str) -> None:
    """Write MODULE's grading sheet: a sheet per written task, a row per participant with the
    answer, the rubric's criteria, the model answer, and columns for the score and comment."""
    from clientlearn.trainer.written import export_sheet

    done = export_sheet(course_dir, module, out, lang=lang)
    click.echo(
        translate(
            MESSAGES, "exported", lang, workbook=done.workbook, page=done.page,
            tasks=len(done.meta.tasks), answers=done.answers, graded=done.graded,
        )
    )  # fmt: skip


@written.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--force",
    is_flag=True,
)
@course_option()
@base.lang_option
def written_import(file: Path, force: bool, course_dir: Path, lang: str) -> None:
    """Write the scores and comments of a filled grading sheet FILE into the gradebook, as
    the formgrader does; a sheet with any problem writes nothing."""
    from clientlearn.trainer.written import import_sheet

    done = import_sheet(course_dir, file, force=force, lang=lang)
    click.echo(
        translate(
            MESSAGES, "imported", lang, file=file, rows=done.rows, scores=done.scores,
            comments=done.comments,
        )
    )  # fmt: skip
    click.echo(translate(MESSAGES, "next", lang, module=done.module))
