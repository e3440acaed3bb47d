"""The class summary of self-assessments as the trainer runs it: read every answers file,
compute, draw and write the files, saying each step; and the short table to print.

The command line (:mod:`clientlearn.cli.selfassess`) only parses options and prints.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.selfassess.instruments import Instrument, builtin_ids, load_instrument
from clientlearn.runtime.selfassess.messages import number, tr

from .classdata import load_class
from .export import render, write_files
from .summary import ClassSummary, summarize

__all__ = ["overview", "summarize_class"]

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


def summarize_class(
    submissions_dir: Path,
    out: Path,
    *,
    formats: Sequence[str] = ("png",),
    extra: Sequence[Path] = (),
    lang: str = "uk",
    step: Callable[[str], None] = lambda message: None,
) -> tuple[ClassSummary, list[Path]]:
    """Summarise the self-assessments under ``submissions_dir`` (nbgrader's ``submitted/``
    or ``autograded/``) and write CSV tables and charts into ``out``; ``step`` hears each
    step.  Everything is computed before the first file is written."""
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
    return summary, written
