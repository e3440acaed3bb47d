"""``clientlearn selfassess``: the class summary and instrument checks, from a terminal.

A thin layer over the library.  Progress goes to stderr, one line per step; the
short table goes to stdout.  Everything is read and computed before anything is
written, so bad input leaves the output folder untouched; a ClientlearnError becomes
a message and exit code 1, never a traceback.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

import click

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.selfassess.messages import number, tr

from . import base

if TYPE_CHECKING:
    from clientlearn.trainer.selfassess.summary import ClassSummary

LANGS = ("uk", "en")

_HEAD = {
    "uk": ("інструмент", "етап", "учасників", "з профілем", "середнє"),
    "en": ("instrument", "phase", "participants", "with profile", "mean"),
}
_CHANGE_HEAD = {
    "uk": ("навичка", "пар", "до", "після", "зміна", "покращ.", "p"),
    "en": ("skill", "pairs", "before", "after", "change", "improved", "p"),
}


def _table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
    )


def _num(value: object, decimals: int, lang: str, *, sign: bool = False) -> str:
    if not isinstance(value, int | float) or math.isnan(value):
        return "—"
    return number(float(value), decimals, lang, sign=sign)


def _p(value: object, lang: str) -> str:
    if isinstance(value, float) and value < 0.001:
        return "<" + number(0.001, 3, lang)
    return _num(value, 3, lang)


def overview(summary: ClassSummary, lang: str) -> str:
    """The short tables the command prints: participants per instrument, then change."""
    rows: list[tuple[str, ...]] = [_HEAD[lang]]
    frame = summary.participants
    for (ins_id, phase), group in frame.groupby(["instrument", "phase"], sort=True):
        scores = group["score"].dropna()
        mean = _num(scores.mean(), 1, lang) if not scores.empty else "—"
        rows.append(
            (str(ins_id), str(phase) or "—", str(len(group)), str(int(group["ready"].sum())), mean)
        )
    out = [_table(rows)]
    if not summary.change.empty:
        change: list[tuple[str, ...]] = [_CHANGE_HEAD[lang]]
        for r in summary.change.itertuples():
            change.append(
                (
                    str(r.label),
                    str(r.n_pairs),
                    _num(r.mean_before, 2, lang),
                    _num(r.mean_after, 2, lang),
                    _num(r.mean_change, 2, lang, sign=True),
                    _num(r.share_improved, 2, lang),
                    _p(r.p_value, lang),
                )
            )
        # The CSV keeps the method's fixed English name; people read it in their language.
        out += ["", _table(change), tr("test_used", lang, test=tr("sign_test", lang))]
    return "\n".join(out)


@click.group(cls=base.Group, name="selfassess")
def selfassess() -> None:
    """Self-assessment instruments: check them, summarise a class."""


@selfassess.command("summary")
@click.argument("submissions_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Output folder."
)
@click.option(
    "--format",
    "formats",
    type=click.Choice(["png", "svg"]),
    multiple=True,
    default=("png",),
    show_default=True,
    help="Chart format; repeat for both.",
)
@click.option(
    "--instrument",
    "extra",
    type=click.Path(dir_okay=False, path_type=Path),
    multiple=True,
    help="An instrument YAML file to include besides the shipped ones; repeatable.",
)
@click.option("--lang", type=click.Choice(LANGS), default="uk", show_default=True)
def summary_cmd(
    submissions_dir: Path, out: Path, formats: tuple[str, ...], extra: tuple[Path, ...], lang: str
) -> None:
    """Summarise the self-assessments under SUBMISSIONS_DIR (nbgrader's submitted/ or
    autograded/): CSV tables and charts in OUT, a short table here."""
    from clientlearn.runtime.selfassess.instruments import Instrument, builtin_ids, load_instrument
    from clientlearn.trainer.selfassess.classdata import load_class
    from clientlearn.trainer.selfassess.export import render, write_files
    from clientlearn.trainer.selfassess.summary import summarize

    def step(message: str) -> None:
        click.echo(message, err=True)

    step(tr("step_read", lang, path=submissions_dir))
    instruments: list[str | Instrument] = [*builtin_ids()]
    instruments += [load_instrument(path) for path in extra]
    data = load_class(submissions_dir, instruments, lang=lang)
    records = len(data.ratings[["student", "instrument", "phase"]].drop_duplicates())
    step(
        tr(
            "step_read_done",
            lang,
            students=len(data.students),
            records=records,
            skipped=len(data.skipped),
        )
    )
    if records == 0:
        for reason in data.skipped["reason"]:
            step(f"  {reason}")
        raise ClientlearnError(tr("no_answers", lang, path=submissions_dir))
    step(tr("step_compute", lang))
    summary = summarize(data, lang=lang)
    step(tr("step_charts", lang))
    files = render(summary, formats)
    step(tr("step_write", lang, path=out))
    written = write_files(files, out)
    click.echo(overview(summary, lang))
    if not summary.skipped.empty:
        click.echo(tr("skipped_head", lang))
        for r in summary.skipped.itertuples():
            click.echo(f"  {r.student}/{r.assignment}: {r.reason}")
    step(tr("written", lang, files=", ".join(p.name for p in written)))


@selfassess.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def check_cmd(files: tuple[Path, ...]) -> None:
    """Check instrument files; print FILE:LINE: FIELD: message per problem."""
    from clientlearn.runtime.selfassess.instruments import check_instrument

    problems = [p for f in files for p in check_instrument(f)]
    for problem in problems:
        click.echo(str(problem))
    if problems:
        raise SystemExit(1)
    click.echo(f"{len(files)} instrument(s) OK", err=True)


__all__ = ["overview", "selfassess"]
