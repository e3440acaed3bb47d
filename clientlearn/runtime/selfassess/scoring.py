"""Scoring of self-assessments: plain functions, no widgets, no plotting.

Answers are a mapping ``{item_id: rating}``, the value the widget saves.  The rules:

* **item score** — the rating, or ``min + max − rating`` for a reverse-scored item,
  so a high item score always means "more of what the instrument values";
* **index** (kind ``index``) — ``(mean item score − min) / (max − min) · 100``: with a
  1–5 scale, ``(mean − 1) / 4 · 100``, from 0 to 100;
* **dimension score** — the mean item score of the dimension's answered items (1–5);
* **axis** (kind ``modes``) — ``Σ p·(s − mid) / (Σ|p| · (max − min)/2)`` over the
  dimensions, where ``s`` is a dimension's score, ``p`` its position on the axis
  (−1…1) and ``mid`` the scale's middle; from −1 to +1 (+1: every mode high on the axis
  rated highest, every mode low on it rated lowest);
* **mean** — the mean item score over all answered items (1–5).

Unanswered items are left out of every mean.  A profile is computed only when enough
is answered: at least ``min_share`` of the items (rounded up; 80 % by default) and at
least ``per_dimension`` items in every dimension (1 by default).  Otherwise
:func:`assess` returns a result without a profile that says how many answers are
missing, never an exception.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.i18n import LANGUAGES as LANGS
from clientlearn.runtime.questions import pick

from .messages import MESSAGES, answers_word, quote, tr
from .model import Band, Instrument, Item, Kind

Answers = Mapping[str, int]


class RatingError(ClientlearnError):
    """A rating is not on the instrument's scale, or names no item."""


def split_answers(instrument: Instrument, raw: Any) -> tuple[dict[str, int], dict[str, Any]]:
    """The valid ratings of ``raw``, and the entries left out (``{item_id: value}``).

    A value saved by hand or by an older version may hold unknown items or ratings
    off the scale: callers decide whether to skip them (the widget) or refuse the
    whole record (the trainer's summary).  A value that is not a mapping at all is
    left out whole, under the key ``"*"``.
    """
    if not isinstance(raw, Mapping):
        return {}, {"*": raw}
    known = {item.id for item in instrument.items}
    valid: dict[str, int] = {}
    invalid: dict[str, Any] = {}
    for item_id, rating in raw.items():
        if item_id in known and instrument.scale.contains(rating):
            valid[item_id] = rating
        else:
            invalid[item_id] = rating
    return valid, invalid


def describe_invalid(
    instrument: Instrument, invalid: Mapping[str, Any], lang: str = "en"
) -> list[str]:
    """Why each left-out entry of :func:`split_answers` is wrong (for the trainer)."""
    known = {item.id for item in instrument.items}
    lo, hi = instrument.scale.min, instrument.scale.max
    out = []
    for item_id, value in invalid.items():
        if item_id == "*":
            out.append(tr("bad_not_mapping", lang, value=f"{value!r:.60}"))
        elif item_id not in known:
            out.append(tr("bad_unknown_item", lang, item=item_id, instrument=instrument.id))
        else:
            out.append(tr("bad_rating", lang, item=item_id, value=value, lo=lo, hi=hi))
    return out


def check_answers(instrument: Instrument, answers: Answers) -> None:
    """Raise RatingError if any answer is off the scale or names an unknown item."""
    _, invalid = split_answers(instrument, answers)
    if invalid:
        reasons = {lang: "; ".join(describe_invalid(instrument, invalid, lang)) for lang in LANGS}
        raise RatingError.said(
            MESSAGES, "answers_invalid", instrument=instrument.id, reasons=reasons
        )


def item_score(instrument: Instrument, item: Item, rating: int) -> int:
    """The rating, flipped for a reverse-scored item."""
    scale = instrument.scale
    return scale.min + scale.max - rating if item.reverse else rating


def rescale(value: float, lo: float, hi: float) -> float:
    """``value`` from ``lo``–``hi`` onto 0–100."""
    return (value - lo) / (hi - lo) * 100.0


def _mean(values: list[float]) -> float:
    return math.fsum(values) / len(values)


def item_scores(instrument: Instrument, answers: Answers) -> dict[str, int]:
    """Item scores (after reversal) of the answered items, in the instrument's order."""
    check_answers(instrument, answers)
    return {
        i.id: item_score(instrument, i, answers[i.id]) for i in instrument.items if i.id in answers
    }


def dimension_scores(instrument: Instrument, answers: Answers) -> dict[str, float]:
    """Mean item score per dimension (dimensions with no answer are left out)."""
    scores = item_scores(instrument, answers)
    out = {}
    for dim in instrument.dimensions:
        values = [float(scores[i.id]) for i in instrument.items_of(dim.id) if i.id in scores]
        if values:
            out[dim.id] = _mean(values)
    return out


def index(instrument: Instrument, answers: Answers) -> float:
    """The 0–100 index: the mean item score rescaled; RatingError when nothing is answered."""
    scores = item_scores(instrument, answers)
    if not scores:
        raise RatingError.said(MESSAGES, "index_no_answers", instrument=instrument.id)
    return rescale(
        _mean([float(v) for v in scores.values()]), instrument.scale.min, instrument.scale.max
    )


def axes(instrument: Instrument, dim_scores: Mapping[str, float]) -> dict[str, float]:
    """Each axis from −1 to +1, from the dimensions' scores and positions."""
    scale = instrument.scale
    mid, half = (scale.min + scale.max) / 2, (scale.max - scale.min) / 2
    out = {}
    for axis in instrument.axes:
        placed = [
            (d.position[axis.id], dim_scores[d.id])
            for d in instrument.dimensions
            if d.id in dim_scores
        ]
        weight = math.fsum(abs(p) for p, _ in placed)
        total = math.fsum(p * (s - mid) for p, s in placed)
        out[axis.id] = total / (weight * half) if weight else 0.0
    return out


@dataclass(frozen=True)
class Progress:
    """How much of an instrument is answered, and what a profile still needs."""

    answered: int
    total: int
    needed: int
    missing: tuple[str, ...]
    empty_dimensions: tuple[str, ...]

    @property
    def share(self) -> float:
        return self.answered / self.total if self.total else 0.0

    @property
    def complete(self) -> bool:
        """Every item is answered."""
        return self.answered == self.total

    @property
    def more_needed(self) -> int:
        """Answers still needed before a profile is computed (by count)."""
        return max(0, self.needed - self.answered)

    @property
    def ready(self) -> bool:
        """Enough is answered for a profile."""
        return self.more_needed == 0 and not self.empty_dimensions

    def line(self, lang: str) -> str:
        """«Відповідей: 7 з 10»."""
        return tr("progress", lang, answered=self.answered, total=self.total)


def progress(instrument: Instrument, answers: Answers) -> Progress:
    """What is answered and what is missing (invalid ratings count as missing)."""
    valid, _ = split_answers(instrument, answers)
    total = len(instrument.items)
    empty = tuple(
        d.id
        for d in instrument.dimensions
        if sum(1 for i in instrument.items_of(d.id) if i.id in valid) < instrument.per_dimension
    )
    return Progress(
        answered=len(valid),
        total=total,
        # Rounded up: 80 % of 10 is 8, of 15 is 12, of 18 is 14.4 → 15.
        needed=math.ceil(instrument.min_share * total - 1e-9),
        missing=tuple(i.id for i in instrument.items if i.id not in valid),
        empty_dimensions=empty,
    )


@dataclass(frozen=True)
class Profile:
    """The scores of a sufficiently answered instrument."""

    item_scores: Mapping[str, int]
    dimension_scores: Mapping[str, float]
    mean: float
    index: float | None = None
    axes: Mapping[str, float] = field(default_factory=dict)
    band: Band | None = None
    dimension_bands: Mapping[str, Band] = field(default_factory=dict)


@dataclass(frozen=True)
class Result:
    """What :func:`assess` found: always the progress, a profile when it is ready."""

    instrument: Instrument
    progress: Progress
    profile: Profile | None
    phase: str | None = None

    @property
    def ready(self) -> bool:
        return self.profile is not None

    def message(self, lang: str) -> str:
        """The progress line and, if no profile yet, what is missing for one."""
        p, ins = self.progress, self.instrument
        parts = [p.line(lang) + "."]
        if p.more_needed:
            parts.append(
                tr(
                    "need_more",
                    lang,
                    n=p.more_needed,
                    answers=answers_word(p.more_needed, lang),
                    needed=p.needed,
                    total=p.total,
                )
            )
        if p.empty_dimensions and p.answered:  # before the first answer, the count says it all
            names = ", ".join(
                quote(pick(ins.dimension(d).title, lang), lang) for d in p.empty_dimensions
            )
            parts.append(tr("need_group", lang, groups=names))
        if p.complete:
            parts.append(tr("all_answered", lang, total=p.total))
        elif self.ready:
            parts.append(tr("partial_profile", lang, answered=p.answered, total=p.total))
        return " ".join(parts)


def assess(instrument: Instrument, answers: Any, phase: str | None = None) -> Result:
    """Progress and, when enough is answered, the profile of ``answers``.

    Invalid entries (unknown items, ratings off the scale) are ignored here: they
    count as unanswered.  Use :func:`split_answers` to report them.
    """
    valid, _ = split_answers(instrument, answers)
    prog = progress(instrument, valid)
    if not prog.ready:
        return Result(instrument, prog, None, phase)
    scores = item_scores(instrument, valid)
    dims = dimension_scores(instrument, valid)
    mean = _mean([float(v) for v in scores.values()])
    modes = instrument.kind is Kind.MODES
    idx = rescale(mean, instrument.scale.min, instrument.scale.max)
    idx_or_none = idx if instrument.kind is Kind.INDEX else None
    # The bands interpret the index, each mode's score, or the mean, by kind.
    headline = idx if instrument.kind is Kind.INDEX else mean
    profile = Profile(
        item_scores=scores,
        dimension_scores=dims,
        mean=mean,
        index=idx_or_none,
        axes=axes(instrument, dims) if modes else {},
        band=None if modes else instrument.band_for(headline),
        dimension_bands={d: instrument.band_for(s) for d, s in dims.items()} if modes else {},
    )
    return Result(instrument, prog, profile, phase)


__all__ = [
    "Answers",
    "Profile",
    "Progress",
    "RatingError",
    "Result",
    "assess",
    "axes",
    "check_answers",
    "describe_invalid",
    "dimension_scores",
    "index",
    "item_score",
    "item_scores",
    "progress",
    "rescale",
    "split_answers",
]
