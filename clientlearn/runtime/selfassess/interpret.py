"""The words under a participant's chart: what the scores mean, in uk or en.

Plain text in paragraphs (the widget escapes them into HTML), so the wording can be
tested without widgets.  For conflict modes the text says which situations each mode
fits and what its overuse costs; it never names a "type".
"""

from __future__ import annotations

from dataclasses import dataclass

from clientlearn.runtime.questions import pick

from .messages import number, quote, tr
from .model import Instrument, Kind
from .scoring import Profile, Result


@dataclass(frozen=True)
class Paragraph:
    text: str
    heading: bool = False


def interpretation(result: Result, lang: str, *, other: Result | None = None) -> list[Paragraph]:
    """Paragraphs interpreting a ready result (empty when there is no profile yet).

    ``other`` is the same instrument answered in another phase: for confidence, the
    change of the mean is reported.
    """
    prof = result.profile
    if prof is None:
        return []
    ins = result.instrument
    if ins.kind is Kind.INDEX:
        return _index(ins, prof, lang)
    if ins.kind is Kind.MODES:
        return _modes(ins, prof, lang)
    return _confidence(result, prof, lang, other)


def _band(ins: Instrument, value: float, lang: str) -> list[Paragraph]:
    band = ins.band_for(value)
    return [Paragraph(pick(band.title, lang), heading=True), Paragraph(pick(band.text, lang))]


def _index(ins: Instrument, prof: Profile, lang: str) -> list[Paragraph]:
    index = prof.index if prof.index is not None else 0.0
    out = [Paragraph(tr("index_title", lang, index=number(index, 0, lang)), heading=True)]
    out += _band(ins, index, lang)
    scores = prof.item_scores
    top, bottom = max(scores.values()), min(scores.values())
    if top != bottom:
        # Named only when the profile is uneven: equal scores have no strongest sign.
        for key, level in (("strongest", top), ("weakest", bottom)):
            names = [
                quote(pick(i.short, lang), lang) for i in ins.items if scores.get(i.id) == level
            ]
            out.append(Paragraph(tr(key, lang, items=", ".join(names[:3]))))
    return out


def _modes(ins: Instrument, prof: Profile, lang: str) -> list[Paragraph]:
    out = [Paragraph(tr("modes_intro", lang))]
    for dim in ins.dimensions:
        if dim.id not in prof.dimension_scores:
            continue
        score = prof.dimension_scores[dim.id]
        band = prof.dimension_bands[dim.id]
        line = tr(
            "mode_line",
            lang,
            mode=pick(dim.title, lang),
            score=number(score, 1, lang),
            band=pick(band.title, lang),
        )
        out.append(Paragraph(line, heading=True))
        parts = [pick(band.text, lang)]
        if dim.fits:
            parts.append(tr("fits", lang, text=pick(dim.fits, lang)))
        if dim.risk:
            parts.append(tr("risk", lang, text=pick(dim.risk, lang)))
        out.append(Paragraph(" ".join(parts)))
    axes = "; ".join(
        f"{pick(a.title, lang)} {number(prof.axes[a.id], 2, lang, sign=True)}" for a in ins.axes
    )
    out.append(Paragraph(tr("axes_intro", lang, axes=axes)))
    return out


def _confidence(result: Result, prof: Profile, lang: str, other: Result | None) -> list[Paragraph]:
    ins = result.instrument
    out = []
    if result.phase:
        out.append(Paragraph(tr("phase", lang, phase=pick(ins.phase(result.phase).title, lang))))
    out += _band(ins, prof.mean, lang)
    out.append(Paragraph(tr("mean_line", lang, mean=number(prof.mean, 1, lang))))
    if other is not None and other.profile is not None and other.phase and result.phase:
        order = [p.id for p in ins.phases]
        earlier, later = sorted((other, result), key=lambda r: order.index(r.phase or ""))
        if earlier.profile is not None and later.profile is not None and earlier.phase:
            change = later.profile.mean - earlier.profile.mean
            phase = pick(ins.phase(earlier.phase).title, lang)
            out.append(
                Paragraph(
                    tr("change_line", lang, phase=phase, change=number(change, 1, lang, sign=True))
                )
            )
    return out


__all__ = ["Paragraph", "interpretation"]
