"""``clientlearn autograde``: nbgrader's autograde in a few processes at once, on this
machine or on a Dask cluster (``--cluster tcp://HOST:PORT``).

A thin layer over :func:`clientlearn.grader.autograde.autograde`.  Progress goes to stderr (a
bar on a terminal, a line per graded submission in a log); the table of scores and the
failures go to stdout.  The exit code is 1 if any submission failed (after all the
others were graded) or on a ClientlearnError, which is printed as a message, never a
traceback.
"""

from __future__ import annotations

import functools
from pathlib import Path

import click

# Only the standard library at import time: nbgrader loads in the worker processes.
from clientlearn.core.i18n import translate
from clientlearn.core.progress import ProgressBar
from clientlearn.grader.autograde import Progress, SubmissionResult
from clientlearn.grader.autograde import autograde as run_autograde

from . import base
from .courseroot import course_option

__all__ = ["autograde"]


# What the command prints, in Ukrainian (the default) and English.
WORDS: dict[str, dict[str, str]] = {
    "start": {
        "uk": "Перевіряю {module} у {course} …",
        "en": "Autograding {module} in {course} …",
    },
    "bar": {"uk": "Перевірка {module}", "en": "Grading {module}"},
    "participant": {"uk": "учасник", "en": "participant"},
    "score": {"uk": "бали", "en": "score"},
    "time": {"uk": "час", "en": "time"},
    "FAILED": {"uk": "НЕ ПЕРЕВІРЕНО", "en": "FAILED"},
    "ok": {"uk": "перевірено", "en": "graded"},
    "graded": {
        "uk": "Перевірено {graded} з {total} робіт модуля {module} за {seconds} с "
        "(процесів: {jobs}).",
        "en": "Graded {graded} of {total} submission(s) of {module} in {seconds} s "
        "with {jobs} process(es).",
    },
    "kept": {
        "uk": "Не перевіряв знову ({n}), бо їх уже перевірив перерваний запуск: {students}",
        "en": "Not graded again ({n}), as the interrupted run had graded them: {students}",
    },
    "jobs_or_cluster": {
        "uk": "--jobs задає кількість місцевих процесів, а з --cluster працюють процеси "
        "кластера: вкажіть щось одне.",
        "en": "--jobs sets the number of local processes, and with --cluster the "
        "cluster's workers grade: give one of them.",
    },
    "look": {"uk": "Варто переглянути ({n}):", "en": "To look at ({n}):"},
    "failed": {
        "uk": "Не перевірено ({n}): виправте це й запустіть знову з --student ID",
        "en": "Failed ({n}): fix these and run again with --student ID",
    },
}


@click.command(cls=base.Command, name="autograde")
@click.argument("module")
@course_option()
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
)
@click.option(
    "--cluster",
    metavar="tcp://HOST:PORT",
    default=None,
)
@click.option(
    "--student",
    "students",
    multiple=True,
    metavar="ID",
)
@click.option(
    "--new-students",
    is_flag=True,
)
@base.lang_option
def autograde(
    module: str,
    course_dir: Path,
    jobs: int | None,
    cluster: str | None,
    students: tuple[str, ...],
    new_students: bool,
    lang: str,
) -> None:
    """Autograde every submission of MODULE (an assignment of the course) like
    `nbgrader autograde MODULE --force`, in several processes; failures are listed at
    the end and do not stop the others."""
    # Tab completion offers `module1_client_service/`; the assignment is its name.
    assignment = Path(module).name
    say = functools.partial(translate, WORDS, lang=lang)
    if cluster is not None and jobs is not None:
        raise click.UsageError(say("jobs_or_cluster"))
    click.echo(say("start", module=assignment, course=course_dir), err=True)
    with ProgressBar(0, say("bar", module=assignment), lang=lang) as bar:
        result = run_autograde(
            course_dir,
            assignment,
            jobs=jobs,
            students=list(students) or None,
            progress=lambda event: _progress(bar, event, lang),
            new_students=new_students,
            cluster=cluster,
            lang=lang,
        )
    who, score, time = say("participant"), say("score"), say("time")
    width = max(len(who), *(len(s.student) for s in result.submissions))
    click.echo("")
    click.echo(f"{who:<{width}}  {score:>15}  {time:>7}")
    for sub in result.submissions:
        click.echo(f"{sub.student:<{width}}  {_score(sub, lang):>15}  {sub.seconds:>5.1f} s")
    click.echo("")
    click.echo(
        say(
            "graded",
            graded=len(result.graded),
            total=len(result.submissions),
            module=assignment,
            seconds=f"{result.seconds:.1f}",
            jobs=result.jobs,
        )
    )
    if result.kept:
        click.echo(say("kept", n=len(result.kept), students=", ".join(result.kept)))
    if result.notices:
        # Graded all the same, but the trainer should look: renamed notebooks put back,
        # answers files set aside, deleted test cells scored 0 (the report shows them too).
        click.echo(say("look", n=len(result.notices)))
        for notice in result.notices:
            click.echo(f"  {notice}")
    if result.failed:
        click.echo(say("failed", n=len(result.failed)))
        for sub in result.failed:
            reason = (sub.reason or "").replace("\n", "\n    ")
            click.echo(f"  {sub.student}: {reason}")
        raise SystemExit(1)


def _score(sub: SubmissionResult, lang: str) -> str:
    if not sub.ok:
        return translate(WORDS, "FAILED", lang)
    if sub.score is None or sub.max_score is None:
        return translate(WORDS, "ok", lang)
    return f"{sub.score:.2f} / {sub.max_score:g}"


def _progress(bar: ProgressBar, event: Progress, lang: str) -> None:
    sub = event.submission
    # A failed submission is graded once more at the end: that pass extends the total.
    bar.total = bar.done + 1 + event.total - event.done
    # A failure's first line here; the whole reason comes in the list at the end.
    reason = (sub.reason or "").partition("\n")[0]
    outcome = (
        f"{_score(sub, lang)} ({sub.seconds:.1f} s)" if sub.ok else f"{_score(sub, lang)}: {reason}"
    )
    bar.advance(f"{sub.student}  {outcome}")
