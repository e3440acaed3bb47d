"""``clientlearn selfassess``: the class summary and instrument checks, from a terminal.

A thin layer over the library.  Progress goes to stderr, one line per step; the
short table goes to stdout.  Everything is read and computed before anything is
written, so bad input leaves the output folder untouched; a ClientlearnError becomes
a message and exit code 1, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import click

from clientlearn.runtime.selfassess.messages import tr

from . import base

LANGS = ("uk", "en")


@click.group(cls=base.Group, name="selfassess")
def selfassess() -> None:
    """Self-assessment instruments: check them, summarise a class."""


@selfassess.command("summary")
@click.argument("submissions_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--format",
    "formats",
    type=click.Choice(["png", "svg"]),
    multiple=True,
    default=("png",),
    show_default=True,
)
@click.option(
    "--instrument",
    "extra",
    type=click.Path(dir_okay=False, path_type=Path),
    multiple=True,
)
@base.lang_option
def summary_cmd(
    submissions_dir: Path, out: Path, formats: tuple[str, ...], extra: tuple[Path, ...], lang: str
) -> None:
    """Summarise the self-assessments under SUBMISSIONS_DIR (nbgrader's submitted/ or
    autograded/): CSV tables and charts in OUT, a short table here."""
    from clientlearn.trainer.selfassess.run import overview, summarize_class

    def step(message: str) -> None:
        click.echo(message, err=True)

    summary, written = summarize_class(
        submissions_dir, out, formats=formats, extra=extra, lang=lang, step=step
    )
    click.echo(overview(summary, lang))
    if not summary.skipped.empty:
        click.echo(tr("skipped_head", lang))
        for r in summary.skipped.itertuples():
            click.echo(f"  {r.student}/{r.assignment}: {r.reason}")
    step(tr("written", lang, files=", ".join(p.name for p in written)))


@selfassess.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@base.lang_option
def check_cmd(files: tuple[Path, ...], lang: str) -> None:
    """Check instrument files; print FILE:LINE: FIELD: message per problem."""
    from clientlearn.runtime.selfassess.instruments import check_instrument

    problems = [p for f in files for p in check_instrument(f)]
    for problem in problems:
        click.echo(problem.text(lang))
    if problems:
        raise SystemExit(1)
    click.echo(tr("instruments_ok", lang, n=len(files)), err=True)


__all__ = ["selfassess"]
