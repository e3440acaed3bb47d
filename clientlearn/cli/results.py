"""``clientlearn export`` and ``clientlearn certificates``: grade export and certificates.

A thin adapter over :mod:`clientlearn.trainer.export` and :mod:`clientlearn.trainer.certificates`.
The libraries check everything before they write, so a bad option leaves every
file as it was; a :class:`ClientlearnError` becomes a :class:`click.ClickException`
(message, no traceback, exit code 1).  nbgrader, openpyxl and fpdf2 are imported
only when a command runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from click.core import ParameterSource

from clientlearn.core.i18n import translate

from . import base
from .courseroot import course_option

__all__ = ["certificates", "export"]

LANGS = ("uk", "en")
FORMATS = ("csv", "xlsx", "moodle")
_DEFAULT_OUT = {"csv": "grades.csv", "xlsx": "grades.xlsx", "moodle": "grades-moodle.csv"}

_MESSAGES: dict[str, dict[str, str]] = {
    "options_after": {
        "uk": "параметри пишуть після підкоманди: certificates {sub} …",
        "en": "put the options after the subcommand: certificates {sub} …",
    },
    "exported": {
        "uk": (
            "Записано {path}: учасників — {n}, зараховано — {passed} (≥ {min} % у кожному модулі)."
        ),
        "en": "Wrote {path}: {n} participant(s), {passed} passed (≥ {min}% in every module).",
    },
    "issued": {
        "uk": "Сертифікати ({n}) записано в {out}; для друку — {combined}.",
        "en": "{n} certificate(s) written to {out}; for printing: {combined}.",
    },
    "not_passed": {
        "uk": "Без сертифіката: учасників — {n}; вони не набрали {min} % у кожному модулі.",
        "en": "No certificate: {n} participant(s) did not reach {min}% in every module.",
    },
    "nobody": {
        "uk": "Ніхто не набрав {min} % у кожному модулі: сертифікатів не створено.",
        "en": "Nobody reached {min}% in every module: no certificates were written.",
    },
    "valid": {
        "uk": "✓ {code}: справжній сертифікат. {name} — «{title}», {dates} (видано {issued}).",
        "en": "✓ {code}: genuine certificate. {name} — “{title}”, {dates} (issued {issued}).",
    },
    "warning": {"uk": "Увага: {text}", "en": "Warning: {text}"},
}

_F = TypeVar("_F", bound=Callable[..., Any])


def _msg(key: str, lang: str, **fields: object) -> str:
    return translate(_MESSAGES, key, lang, **fields)


def _pct(value: float) -> str:
    return f"{value:g}"


def _warn(warnings: list[str], lang: str) -> None:
    for text in warnings:
        click.echo(_msg("warning", lang, text=text), err=True)


@click.command("export", cls=base.Command)
@course_option(param="course")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
)
@click.option(
    "--min-score",
    type=float,
    default=60.0,
    show_default=True,
)
@click.option(
    "--assignment",
    "assignments",
    multiple=True,
    metavar="NAME",
)
@click.option(
    "--per-question",
    is_flag=True,
)
@click.option(
    "--match",
    type=click.Choice(["email", "idnumber"]),
    default="email",
    show_default=True,
)
@base.lang_option
def export(
    course: Path,
    out: Path | None,
    fmt: str | None,
    min_score: float,
    assignments: tuple[str, ...],
    per_question: bool,
    match: str,
    lang: str,
) -> None:
    """Export every participant's points per module, total and pass mark (and, with
    --per-question, per question)."""
    from clientlearn.trainer.export import guess_format, write_results
    from clientlearn.trainer.results import load_results

    fmt = fmt or (guess_format(out) if out else "csv")
    path = out or course / _DEFAULT_OUT[fmt]
    results = load_results(course, min_score=min_score, assignments=assignments)
    warnings = write_results(results, path, fmt, lang, per_question=per_question, match=match)
    _warn(warnings, lang)
    click.echo(
        _msg(
            "exported",
            lang,
            path=path,
            n=len(results.participants),
            passed=len(results.passed),
            min=_pct(results.min_score),
        )
    )


def _make_options(f: _F) -> _F:
    options = [
        course_option(param="course"),
        click.option(
            "--out",
            type=click.Path(file_okay=False, path_type=Path),
        ),
        click.option(
            "--min-score",
            type=float,
            default=60.0,
            show_default=True,
        ),
        click.option("--trainer"),
        click.option("--dates"),
        click.option("--hours", type=int),
        click.option("--title"),
        click.option("--place"),
        click.option(
            "--assignment",
            "assignments",
            multiple=True,
            metavar="NAME",
        ),
        base.lang_option,
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _make(
    course: Path,
    out: Path | None,
    min_score: float,
    trainer: str | None,
    dates: str | None,
    hours: int | None,
    title: str | None,
    place: str | None,
    assignments: tuple[str, ...],
    lang: str,
) -> None:
    from clientlearn.trainer.certificates import make_certificates

    issued = make_certificates(
        course,
        out,
        min_score=min_score,
        trainer=trainer,
        dates=dates,
        hours=hours,
        title=title,
        place=place,
        lang=lang,
        assignments=assignments,
    )
    _warn(issued.warnings, lang)
    if not issued.entries:
        click.echo(_msg("nobody", lang, min=_pct(min_score)))
        return
    for entry, path in zip(issued.entries, issued.files, strict=True):
        click.echo(f"{entry.code}  {entry.name}  {path.name}")
    click.echo(
        _msg("issued", lang, n=len(issued.entries), out=issued.out, combined=issued.combined)
    )
    if issued.not_passed:
        click.echo(_msg("not_passed", lang, n=issued.not_passed, min=_pct(min_score)))


# An option not given here: its default, or a default the top group's --lang gave.
_DEFAULTS = (ParameterSource.DEFAULT, ParameterSource.DEFAULT_MAP)


@click.group("certificates", cls=base.Group, invoke_without_command=True)
@_make_options
@click.pass_context
def certificates(ctx: click.Context, /, **options: Any) -> None:
    """PDF certificates for everyone who passed (the default action, same as `make`),
    and `verify CODE`."""
    if ctx.invoked_subcommand is None:
        _make(**options)
    elif any(ctx.get_parameter_source(name) not in _DEFAULTS for name in options):
        lang = str(options.get("lang") or "uk")
        raise click.UsageError(_msg("options_after", lang, sub=ctx.invoked_subcommand))


@certificates.command("make")
@_make_options
def make(**options: Any) -> None:
    """Write a certificate PDF per participant who passed, all-certificates.pdf for
    printing, and register.csv with their verification codes."""
    _make(**options)


@certificates.command("verify")
@click.argument("code")
@course_option(param="course")
@click.option(
    "--register",
    type=click.Path(dir_okay=False, path_type=Path),
)
@base.lang_option
def verify(code: str, course: Path, register: Path | None, lang: str) -> None:
    """Check a certificate's CODE: exit 0 and print whose it is, or exit 1."""
    from clientlearn.trainer.certificates import verify_certificate

    entry = verify_certificate(course, code, register)
    click.echo(
        _msg(
            "valid",
            lang,
            code=entry.code,
            name=entry.name,
            title=entry.title,
            dates=entry.dates,
            issued=entry.issued,
        )
    )
