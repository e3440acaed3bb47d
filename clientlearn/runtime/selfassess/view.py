"""The self-assessment widget: one radio group per statement, saved on every click.

``instrument_view(...)`` returns the view; it never displays itself.  Displaying it
(the cell's last expression) shows the widget and, under it, a small output carrying
the saved answers with the answer-store mimetype, which JupyterLab keeps in the
``.ipynb`` — exactly as the question widgets do (:mod:`clientlearn.runtime.widgets.base`).

All answers of one instrument are one record, ``selfassess.<id>`` (or
``selfassess.<id>.<phase>``), whose value is ``{item_id: rating}``.  Once enough is
answered for a profile, a chart and its interpretation appear under the statements.
The chart is inline SVG (:mod:`.svgchart`), in JupyterLab as in the browser's kernel:
one drawing, named for a screen reader (``role="img"``), with no matplotlib.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from clientlearn.runtime.questions import pick
from clientlearn.runtime.store import AnswerStore, Record, record_bundle
from clientlearn.runtime.widgets.base import html_text
from clientlearn.runtime.widgets.recorded import RecordedView

from .instruments import Instrument, record_tag
from .interpret import Paragraph, interpretation
from .messages import tr
from .ratings import RatingGroup
from .scoring import Result, assess, split_answers
from .svgchart import profile_svg

_ROW = w.Layout(width="auto")


def _paragraphs(paragraphs: list[Paragraph]) -> str:
    return "".join(
        f"<p><b>{html_text(p.text)}</b></p>" if p.heading else f"<p>{html_text(p.text)}</p>"
        for p in paragraphs
    )


class InstrumentView(RecordedView):
    """A self-assessment in a notebook; see :func:`instrument_view`."""

    def __init__(
        self, instrument: Instrument, store: AnswerStore, *, lang: str, phase: str | None
    ) -> None:
        self.instrument = instrument
        self.store = store
        self.lang = lang
        self.phase = phase
        self.record_id = instrument.record_id(phase)  # refuses a wrong phase early
        self.result: Result = assess(instrument, {}, phase)
        self._kept: dict[str, Any] = {}
        self.radios = {item.id: self._radio(item) for item in instrument.items}
        self.progress = w.HTML()
        self.message = w.HTML()
        self.status = w.HTML()
        # The profile's chart: SVG text, empty and hidden until the profile is ready.
        self.chart = w.HTML(layout=w.Layout(max_width="100%", display="none"))
        self.interpretation = w.HTML()
        super().__init__(
            children=[
                self._header(),
                *self._item_rows(),
                self.progress,
                self.message,
                self.status,
                self.chart,
                self.interpretation,
            ],
            layout=w.Layout(margin="0.5em 0"),
        )
        self.add_class("clientlearn")
        self.add_class("clientlearn-selfassess")
        self.record: Record | None = store.get(self.record_id)
        self._restore()
        for radio in self.radios.values():
            radio.observe(self._changed, names="value")

    # --- building ------------------------------------------------------------------------
    def _radio(self, item: Any) -> RatingGroup:
        scale = self.instrument.scale
        labels = [pick(label, self.lang) for label in scale.labels]
        options = [
            (f"{v} — {labels[k]}" if k < len(labels) else str(v), v)
            for k, v in enumerate(range(scale.min, scale.max + 1))
        ]
        # The group is named by its statement: a screen reader says what is rated.
        return RatingGroup(options=options, statement=pick(item.text, self.lang), layout=_ROW)

    def _header(self) -> w.HTML:
        ins, lang = self.instrument, self.lang
        parts = [f"<h3>{html_text(pick(ins.title, lang))}</h3>"]
        if self.phase is not None:
            phase = pick(ins.phase(self.phase).title, lang)
            parts.append(f"<p><i>{html_text(tr('phase', lang, phase=phase))}</i></p>")
        parts.append(f"<p>{html_text(pick(ins.description, lang))}</p>")
        if ins.instructions:
            parts.append(f"<p><b>{html_text(pick(ins.instructions, lang))}</b></p>")
        return w.HTML(value="".join(parts))

    def _item_rows(self) -> list[w.Widget]:
        rows = []
        for number, item in enumerate(self.instrument.items, start=1):
            prompt = w.HTML(value=f"<b>{number}.</b> {html_text(pick(item.text, self.lang))}")
            rows.append(w.VBox([prompt, self.radios[item.id]], layout=w.Layout(margin="0.3em 0")))
        return rows

    # --- answers ---------------------------------------------------------------------------
    @property
    def answers(self) -> dict[str, int]:
        """The ratings the radio groups show now."""
        return {i: r.value for i, r in self.radios.items() if r.value is not None}

    def _restore(self) -> None:
        notices: list[str] = []
        if self.record is not None:
            valid, invalid = split_answers(self.instrument, self.record.value)
            numbers = {item.id: n for n, item in enumerate(self.instrument.items, start=1)}
            # Entries for items this version does not know are kept in the record, never dropped.
            self._kept = {k: v for k, v in invalid.items() if k not in numbers and k != "*"}
            # The radios are observed only after this, so restoring saves nothing.
            for item_id, rating in valid.items():
                self.radios[item_id].value = rating
            scale = self.instrument.scale
            for item_id, value in invalid.items():
                if item_id in numbers:
                    notices.append(
                        tr(
                            "bad_saved",
                            self.lang,
                            n=numbers[item_id],
                            value=value,
                            lo=scale.min,
                            hi=scale.max,
                        )
                    )
        self._refresh(notices)

    def _changed(self, _change: Any = None) -> None:
        """Save the whole set of ratings at once, on every click."""
        value = {**self._kept, **self.answers}
        self.problem = ""
        # The saved-answer output reads the profile: bring it up to date first.
        self.result = assess(self.instrument, self.answers, self.phase)
        record = self.save_record(self.record_id, value, bank=record_tag(self.instrument))
        if record is not None:
            self._refresh([])

    # --- showing ---------------------------------------------------------------------------
    def _other_phase(self) -> Result | None:
        """The same instrument answered in another phase, if its profile is ready."""
        for phase in self.instrument.phases:
            if phase.id != self.phase:
                record = self.store.get(self.instrument.record_id(phase.id))
                if record is not None:
                    other = assess(self.instrument, record.value, phase.id)
                    if other.ready:
                        return other
        return None

    def _refresh(self, notices: list[str]) -> None:
        self.result = assess(self.instrument, self.answers, self.phase)
        lang = self.lang
        self.progress.value = f"<b>{html.escape(self.result.progress.line(lang))}</b>"
        self.message.value = f"<small>{html.escape(self.result.message(lang))}</small>"
        self.show_notices(notices)
        if not self.result.ready:
            self.chart.value = ""
            self.chart.layout.display = "none"
            self.interpretation.value = ""
            return
        other = self._other_phase() if self.instrument.phases else None
        self.chart.value = profile_svg(self.result, lang, other=other)
        self.chart.layout.display = ""
        self.interpretation.value = _paragraphs(interpretation(self.result, lang, other=other))

    def bundle(self) -> dict[str, Any]:
        bundle = record_bundle(self.record_id, self.record, self.lang)
        if self.record is None:
            bundle["text/plain"] = tr("nothing_saved", self.lang)
        else:
            line = self.result.progress.line(self.lang)
            bundle["text/plain"] = tr(
                "saved_line", self.lang, time=self.record.local_time(), progress=line
            )
        return bundle

    def as_text(self) -> str:
        ins, lang = self.instrument, self.lang
        lines = [pick(ins.title, lang), self.result.progress.line(lang)]
        for number, item in enumerate(ins.items, start=1):
            rating = self.radios[item.id].value
            lines.append(
                f"{number}. [{rating if rating is not None else ' '}] {pick(item.text, lang)}"
            )
        return "\n".join(lines)


__all__ = ["InstrumentView"]
