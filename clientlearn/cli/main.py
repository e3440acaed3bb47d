"""The ``clientlearn`` command: a thin layer over the library.

Every ClientlearnError becomes a message on stderr and a non-zero exit, never a
traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from clientlearn.core.formatgrammars import leave_out_iri_grammars
from clientlearn.core.i18n import translate

from . import base
from .autograde import autograde
from .bank import bank
from .collect import collect
from .courseroot import course_option
from .groups import groups
from .handbook import handbook
from .lite import lite
from .release import feedback, release
from .report import report
from .results import certificates, export
from .roster import roster
from .selfassess import selfassess
from .written import written

# What the author's commands print, in Ukrainian (the default) and English.
MESSAGES: dict[str, dict[str, str]] = {
    "wrote": {"uk": "Записано {path}", "en": "Wrote {path}"},
    "all_alone": {
        "uk": "--all збирає всі уроки: не вказуйте LESSON, --bank чи --out",
        "en": "--all builds every lesson: give no LESSON, --bank or --out",
    },
    "lesson_args": {
        "uk": "вкажіть LESSON --bank BANK --out NOTEBOOK або --all",
        "en": "give LESSON --bank BANK --out NOTEBOOK, or --all",
    },
}


@click.group(cls=base.Group)
@click.version_option(package_name="clientlearn")
def cli() -> None:
    """Interactive, self-saving quizzes for Jupyter, graded inside nbgrader."""


@cli.group()
def notebook() -> None:
    """Build notebooks from lessons."""


@notebook.command("build")
@click.argument(
    "lesson", required=False, type=click.Path(path_type=Path, exists=True, dir_okay=False)
)
@click.option("--bank", "bank_path", type=click.Path(path_type=Path, exists=True))
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--all", "build_all", is_flag=True)
@course_option()
@base.lang_option
def notebook_build(
    lesson: Path | None,
    bank_path: Path | None,
    out: Path | None,
    build_all: bool,
    course_dir: Path,
    lang: str,
) -> None:
    """Build an nbgrader-ready notebook OUT from a LESSON (Markdown with {{ ask ID }}) and
    its --bank; or, with --all, every notebook of the course from its lesson."""
    from clientlearn.trainer.authoring import build_notebook_file, course_lessons
    from clientlearn.trainer.coursefacts import load_course_facts

    if build_all:
        if lesson or bank_path or out:
            raise click.UsageError(translate(MESSAGES, "all_alone", lang))
        builds = course_lessons(course_dir, load_course_facts(course_dir).module_ids)
        for build in builds:
            build_notebook_file(build.lesson, build.bank, build.notebook)
            click.echo(translate(MESSAGES, "wrote", lang, path=build.notebook))
        return
    if lesson is None or bank_path is None or out is None:
        raise click.UsageError(translate(MESSAGES, "lesson_args", lang))
    build_notebook_file(lesson, bank_path, out)
    click.echo(translate(MESSAGES, "wrote", lang, path=out))


@cli.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
)
@click.option("--participants", default=20, show_default=True)
@click.option("--seed", default=2014, show_default=True)
@click.option("--jobs", type=int)
@click.option(
    "--db-url",
)
@base.lang_option
def demo(
    out: Path | None,
    participants: int,
    seed: int,
    jobs: int | None,
    db_url: str | None,
    lang: str,
) -> None:
    """The trainer's journey on a simulated class: roster, groups, release, answers,
    parallel autograde, feedback, report, export, certificates."""
    from clientlearn.trainer.demo import run_demo

    run_demo(
        out,
        participants=participants,
        seed=seed,
        jobs=jobs,
        echo=click.echo,
        lang=lang,
        db_url=db_url,
    )


cli.add_command(bank)
cli.add_command(groups)
cli.add_command(selfassess)
cli.add_command(handbook)
cli.add_command(roster)
cli.add_command(export)
cli.add_command(certificates)
cli.add_command(report)
cli.add_command(autograde)
cli.add_command(release)
cli.add_command(collect)
cli.add_command(feedback)
cli.add_command(lite)
cli.add_command(written)


def _utf8_output() -> None:
    """Write UTF-8 where the locale says ASCII.

    Under ``LC_ALL=C`` or no locale at all (a Docker image, a cron job, ssh into a bare
    server) Python's stdout and stderr are ASCII, and click would print every Cyrillic
    letter of a message or a file name as '?'.  The terminal a trainer reads them in is
    nearly always UTF-8 all the same, so UTF-8 it is; a file name that reached us as
    undecodable bytes (surrogateescape) is written back as those very bytes.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            "Ґ’".encode(stream.encoding or "ascii")
        except (UnicodeEncodeError, LookupError):
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(encoding="utf-8", errors="surrogateescape")
        except AttributeError:  # replaced by something without an encoding
            continue


def main() -> None:
    leave_out_iri_grammars()
    _utf8_output()
    cli(prog_name="clientlearn")


if __name__ == "__main__":  # pragma: no cover
    main()
