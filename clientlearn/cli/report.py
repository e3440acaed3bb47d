"""``clientlearn report``: the trainer's class report of an nbgrader course, as HTML.

A thin layer over :func:`clientlearn.trainer.report.statistics.class_report` and
:func:`clientlearn.trainer.report.page.write_report`.  Notes (a skipped answers file, a
module without a bank) and what needs the trainer's attention (a tampered or copied
submission) go to stderr; the path written goes to stdout; a
ClientlearnError becomes a message and exit code 1, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import click

from . import base, courseroot

__all__ = ["report"]


@click.command(cls=base.Command, name="report")
@courseroot.course_option(param="course_root")
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option(
    "--module",
    "modules",
    multiple=True,
    metavar="NAME",
)
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=60.0,
    show_default=True,
)
@click.option(
    "--stats",
    type=click.Path(dir_okay=False, path_type=Path),
)
@base.lang_option
def report(
    course_root: Path,
    out: Path,
    modules: tuple[str, ...],
    min_score: float,
    stats: Path | None,
    lang: str,
) -> None:
    """Write the class report of the nbgrader course: scores per module, item
    difficulty and discrimination, quiz statistics as Moodle computes them and more, the
    most confused steps and signs, self-assessment before/after, group work and a page
    per participant."""
    from clientlearn.trainer.report.page import flag_text, note_text, write_report
    from clientlearn.trainer.report.quizstats_table import stats_path, write_stats
    from clientlearn.trainer.report.statistics import class_report
    from clientlearn.trainer.report.words import word

    if stats is not None:
        stats_path(stats)  # a wrong name is refused before anything is written
    result = class_report(course_root, modules, min_score=min_score, lang=lang)
    path = write_report(result, out)
    written = [path]
    if stats is not None and result.quiz is not None:
        written.append(write_stats(result.quiz, stats, lang))
    for note in result.notes:
        click.echo(note_text(note, lang), err=True)
    if result.flags:  # also at the top of the report, and on each participant's page
        click.echo(word(lang, "attention") + ":", err=True)
    for flag in result.flags:
        click.echo(f"  {flag.student} · {flag.module}: {flag_text(flag, result)}", err=True)
    for done in written:
        click.echo(str(done))
