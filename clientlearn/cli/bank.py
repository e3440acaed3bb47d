"""``clientlearn bank``: check, publish, and carry banks to and from Moodle.

A thin layer over :mod:`clientlearn.runtime.bank` and :mod:`clientlearn.trainer.moodle`:
parse, delegate, print.  What an export or import cannot carry is printed on standard
error, a line per question, so the file on standard output stays clean.
"""

from __future__ import annotations

from pathlib import Path

import click

from clientlearn.core.i18n import translate

from . import base

# What the bank commands print, in Ukrainian (the default) and English.
MESSAGES: dict[str, dict[str, str]] = {
    "banks_ok": {"uk": "Банків без помилок: {n}.", "en": "{n} bank(s) OK."},
    "warning": {"uk": "Увага: {text}", "en": "Warning: {text}"},
    "exported": {
        "uk": "Записано {path}: питань — {n}.",
        "en": "Wrote {path}: {n} question(s).",
    },
    "imported": {
        "uk": "Записано {path}: питань — {n}; банк пройшов перевірку (bank check).",
        "en": "Wrote {path}: {n} question(s); the bank passes bank check.",
    },
}


@click.group(cls=base.Group)
def bank() -> None:
    """Check and publish question banks; export them to Moodle and import from it."""


@bank.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@base.lang_option
def bank_check(files: tuple[Path, ...], lang: str) -> None:
    """Check question banks; print FILE:LINE: FIELD: message per problem."""
    from clientlearn.runtime.bank import check_bank

    problems = [p for f in files for p in check_bank(f)]
    for problem in problems:
        click.echo(problem.text(lang))
    if problems:
        raise SystemExit(1)
    click.echo(translate(MESSAGES, "banks_ok", lang, n=len(files)), err=True)


@bank.command("publish")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
def bank_publish(file: Path) -> None:
    """Print the participants' copy of a bank (graded keys removed)."""
    from clientlearn.runtime.bank import public_yaml

    click.echo(public_yaml(file.read_text(encoding="utf-8"), str(file)), nl=False)


@bank.command("export")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["moodle-xml", "gift"]),
    required=True,
)
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False))
@base.lang_option
def bank_export(file: Path, fmt: str, out: Path | None, lang: str) -> None:
    """Export a bank's questions for Moodle's question bank import, in Ukrainian (or
    English with --lang en).  Scenarios and ratings have no Moodle equivalent: each is
    named on standard error."""
    from clientlearn.core.files import write_text_atomic
    from clientlearn.trainer.moodle import export_bank

    exported = export_bank(file, fmt, lang)
    for note in exported.notes:
        click.echo(translate(MESSAGES, "warning", lang, text=note.text(lang)), err=True)
    if out is None:
        click.echo(exported.text, nl=False)
        return
    write_text_atomic(out, exported.text)
    click.echo(translate(MESSAGES, "exported", lang, path=out, n=exported.count), err=True)


@bank.command("import")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["moodle-xml", "gift"]),
)
@base.lang_option
def bank_import(file: Path, out: Path, fmt: str | None, lang: str) -> None:
    """Import a Moodle XML or GIFT file into a checked bank; print on standard error
    what could not be carried over (FILE:LINE: question: why)."""
    from clientlearn.trainer.moodle import import_bank

    imported = import_bank(file, out, lang=lang, fmt=fmt)
    for note in imported.notes:
        click.echo(translate(MESSAGES, "warning", lang, text=note.text(lang)), err=True)
    click.echo(translate(MESSAGES, "imported", lang, path=out, n=imported.count), err=True)
