"""``clientlearn autograde``: nbgrader's autograde in a few processes at once.

A thin layer over :func:`clientlearn.grader.autograde.autograde`.  Progress goes to stderr (a
bar on a terminal, a line per graded submission in a log); the table of scores and the
failures go to stdout.  The exit code is 1 if any submission failed (after all the
others were graded) or on a ClientlearnError, which is printed as a message, never a
traceback.
"""

from __future__ import annotations

from pathlib import Path

import click

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.progress import ProgressBar

# Only the standard library at import time: nbgrader loads in the worker processes.
from clientlearn.grader.autograde import Progress, SubmissionResult, default_jobs
from clientlearn.grader.autograde import autograde as run_autograde

from .courseroot import course_option

__all__ = ["autograde"]


@click.command(name="autograde")
@click.argument("module")
@course_option("The nbgrader course root (holds nbgrader_config.py and gradebook.db).")
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Grading processes  [default: the number of CPUs, at most 4]",
)
@click.option(
    "--student",
    "students",
    multiple=True,
    metavar="ID",
    help="Grade only this participant's submission (repeat for several).",
)
@click.option(
    "--new-students",
    is_flag=True,
    help="Also grade submission folders of people who are not in the imported roster.",
)
def autograde(
    module: str,
    course_dir: Path,
    jobs: int | None,
    students: tuple[str, ...],
    new_students: bool,
) -> None:
    """Autograde every submission of MODULE (an assignment of the course) like
    `nbgrader autograde MODULE --force`, in several processes; failures are listed at
    the end and do not stop the others."""
    # Tab completion offers `module1_client_service/`; the assignment is its name.
    assignment = Path(module).name
    workers = jobs or default_jobs()
    click.echo(f"Autograding {assignment} in {course_dir} with {workers} process(es) …", err=True)
    try:
        with ProgressBar(0, f"Grading {assignment}") as bar:
            result = run_autograde(
                course_dir,
                assignment,
                jobs=workers,
                students=list(students) or None,
                progress=lambda event: _progress(bar, event),
                new_students=new_students,
            )
    except ClientlearnError as err:
        raise click.ClickException(str(err)) from None

    width = max(len("participant"), *(len(s.student) for s in result.submissions))
    click.echo("")
    click.echo(f"{'participant':<{width}}  {'score':>15}  {'time':>7}")
    for sub in result.submissions:
        click.echo(f"{sub.student:<{width}}  {_score(sub):>15}  {sub.seconds:>5.1f} s")
    click.echo("")
    graded = len(result.graded)
    click.echo(
        f"Graded {graded} of {len(result.submissions)} submission(s) of {assignment} "
        f"in {result.seconds:.1f} s with {result.jobs} process(es)."
    )
    if result.notices:
        # Graded all the same, but the trainer should look: renamed notebooks put back,
        # answers files set aside, deleted test cells scored 0 (the report shows them too).
        click.echo(f"To look at ({len(result.notices)}):")
        for notice in result.notices:
            click.echo(f"  {notice}")
    if result.failed:
        click.echo(f"Failed ({len(result.failed)}): fix these and run again with --student ID")
        for sub in result.failed:
            reason = (sub.reason or "").replace("\n", "\n    ")
            click.echo(f"  {sub.student}: {reason}")
        raise SystemExit(1)


def _score(sub: SubmissionResult) -> str:
    if not sub.ok:
        return "FAILED"
    if sub.score is None or sub.max_score is None:
        return "graded"
    return f"{sub.score:.2f} / {sub.max_score:g}"


def _progress(bar: ProgressBar, event: Progress) -> None:
    sub = event.submission
    # A failed submission is graded once more at the end: that pass extends the total.
    bar.total = bar.done + 1 + event.total - event.done
    # A failure's first line here; the whole reason comes in the list at the end.
    reason = (sub.reason or "").partition("\n")[0]
    outcome = f"{_score(sub)} ({sub.seconds:.1f} s)" if sub.ok else f"FAILED: {reason}"
    bar.advance(f"{sub.student}  {outcome}")
