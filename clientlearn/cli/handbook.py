"""``clientlearn handbook``: the participant handbook (HTML and PDF) of the course modules.

A thin layer over :func:`clientlearn.trainer.handbook.build_handbook`.  Progress goes to
stderr, one line per module and per file written; a ClientlearnError becomes a
message and exit code 1, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import click

from clientlearn.core.errors import ClientlearnError

__all__ = ["handbook"]

_DEFAULT_MODULES = ("module1_client_service", "module2_difficult_situations")


@click.command(name="handbook")
@click.argument("modules", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for handbook-LANG.html and handbook-LANG.pdf.",
)
@click.option(
    "--lang", type=click.Choice(["uk", "en"]), default="uk", show_default=True, help="Language."
)
@click.option("--pdf/--no-pdf", default=True, show_default=True, help="Also print a PDF.")
def handbook(modules: tuple[Path, ...], out: Path, lang: str, pdf: bool) -> None:
    """Render MODULES (assignment source folders; by default both course modules in the
    current folder) into a printable handbook without keys or hidden tests."""
    from clientlearn.trainer.handbook import build_handbook

    folders = list(modules) or [Path(name) for name in _DEFAULT_MODULES]
    try:
        build_handbook(folders, out, lang=lang, pdf=pdf, progress=_progress)
    except ClientlearnError as err:
        raise click.ClickException(str(err)) from None


def _progress(message: str) -> None:
    click.echo(message, err=True)
