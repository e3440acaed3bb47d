"""``clientlearn handbook``: the participant handbook (HTML and PDF) of the course modules.

A thin layer over :func:`clientlearn.trainer.handbook.build_handbook`.  Progress goes to
stderr, one line per module and per file written; a ClientlearnError becomes a
message and exit code 1, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import click

from . import base
from .courseroot import course_option

__all__ = ["handbook"]


@click.command(cls=base.Command, name="handbook")
@click.argument("modules", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
)
@base.lang_option
@click.option("--pdf/--no-pdf", default=True, show_default=True)
@course_option()
def handbook(modules: tuple[Path, ...], out: Path, lang: str, pdf: bool, course_dir: Path) -> None:
    """Render MODULES (assignment source folders; by default the modules course.yaml lists,
    in the current folder) into a printable handbook without keys or hidden tests."""
    from clientlearn.trainer.coursefacts import load_course_facts
    from clientlearn.trainer.handbook import build_handbook

    facts = load_course_facts(course_dir)
    folders = list(modules) or [Path(name) for name in facts.module_ids]
    build_handbook(folders, out, facts=facts, lang=lang, pdf=pdf, progress=_progress)


def _progress(message: str) -> None:
    click.echo(message, err=True)
