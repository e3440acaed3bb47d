"""The observer's rubric form for the role-plays.

In a notebook, one cell per round::

    from clientlearn.groupwork import observer_rubric
    observer_rubric(round=1, groups_csv="groups.csv")

The observer first gives whom they observed (and the round, if the cell does not fix
it); then the criteria open, each with its four descriptors and a choice of 1–4.
Nothing is chosen at first, and nothing is saved until a score or comment is given.
The answer is saved under ``rubric.<round>.<observed-id>`` (see :mod:`.rubric` for the
value).  One form is one observation: if the observer then corrects whom or which
round, the observation moves to the new id and the old record is marked withdrawn
(saved as ``null``) — the new record is written first, so nothing is lost.  A cell
re-run with ``round=`` shows the latest observation saved for that round.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.store import AnswerStore, Record
from clientlearn.runtime.widgets.keyguard import KeyGuard

from ._form import AnswerForm
from .messages import msg
from .people import Group
from .rubric import PREFIX, SCALE, Rubric, rubric_qid

__all__ = ["ObserverRubricView"]

MAX_ROUNDS = 12
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'"})


def name_key(name: str) -> str:
    """The id of a participant typed by name: case, spacing and apostrophe style
    ignored, so two observers typing one name differently still mean one person."""
    return " ".join(name.translate(_APOSTROPHES).casefold().split())


class ObserverRubricView(AnswerForm):
    """The form behind :func:`observer_rubric`."""

    def __init__(
        self,
        rubric: Rubric,
        *,
        round: int | None,
        groups: list[Group] | None,
        notice: str,
        store: AnswerStore,
        lang: str,
    ) -> None:
        super().__init__(store, lang=lang)
        self.rubric = rubric
        self.fixed_round = round
        self.groups = groups
        self._record_qid: str | None = None
        self._extra: dict[str, tuple[str, int | None]] = {}
        head = [w.HTML(f"<h4>{html.escape(rubric.title_in(lang))}</h4>")]
        if notice:
            head.append(w.HTML(f'<span style="color:#8a6d00">{html.escape(notice)}</span>'))
        self.hint = w.HTML(f"<i>{html.escape(msg('first_choose', lang))}</i>")
        self.scores: dict[str, w.RadioButtons] = {}
        criteria: list[w.Widget] = []
        total = len(rubric.criteria)
        for n, criterion in enumerate(rubric.criteria, start=1):
            title = criterion.title_in(lang)
            levels = "".join(
                f"<li><b>{level} · {html.escape(rubric.level_name(level, lang))}.</b> "
                f"{html.escape(criterion.descriptor(level, lang))}</li>"
                for level in SCALE
            )
            radio = w.RadioButtons(
                options=[(f"{level} · {rubric.level_name(level, lang)}", level) for level in SCALE],
                value=None,
                # The accessible name of the group of choices, as a prompt people see too.
                description=msg("score_for", lang, title=title),
                disabled=True,
                layout=w.Layout(width="max-content"),
                style={"description_width": "initial"},
            )
            radio.observe(self.changed, names="value")
            self.scores[criterion.id] = radio
            criteria.append(
                w.VBox(
                    [
                        w.HTML(
                            f"<small>{html.escape(msg('criterion_of', lang, n=n, total=total))}"
                            f"</small><br><b>{html.escape(title)}</b>"
                            f'<ul style="list-style:none;padding-left:0;margin:0.2em 0">'
                            f"{levels}</ul>"
                        ),
                        radio,
                    ],
                    layout=w.Layout(margin="0.4em 0"),
                )
            )
        self.comment = w.Textarea(
            value="",
            placeholder=msg("comment_hint", lang),
            # The visible label is the field's accessible name (<label for=…>): shown whole.
            description=msg("comment", lang),
            disabled=True,
            continuous_update=True,
            layout=w.Layout(width="100%", height="5em"),
            style={"description_width": "initial"},
        )
        self.comment.observe(self.typed, names="value")
        self.children = [
            *head,
            *self._build_identity(),
            self.hint,
            *criteria,
            self.comment,
            self.status,
            KeyGuard(),  # the group and round drop-downs' arrow keys stay with them
        ]
        self.restore(self._latest_saved(), self.show)
        self._record_qid = self.qid if self.record is not None else None
        self._enable()
        self.publish()

    def _build_identity(self) -> list[w.Widget]:
        lang = self.lang
        parts: list[w.Widget] = []
        if self.fixed_round is not None:
            parts.append(w.HTML(f"<b>{html.escape(msg('round_n', lang, n=self.fixed_round))}</b>"))
        else:
            self.round_select = w.Dropdown(
                options=[(msg("choose", lang), None)]
                + [(str(n), n) for n in range(1, MAX_ROUNDS + 1)],
                index=0,  # the prompt shows; value=None would show an empty box
                description=msg("round", lang),
            )
            self.round_select.observe(self._identity_changed, names="value")
            parts.append(self.round_select)
        style = {"description_width": "initial"}
        if self.groups is not None:
            options: list[tuple[str, str | None]] = [(msg("choose", lang), None)]
            for g in self.groups:
                options += [
                    (msg("observed_option", lang, name=p.name, n=g.number), p.id) for p in g.members
                ]
            self.observed_select = w.Dropdown(
                options=options,
                index=0,
                description=msg("observed", lang),
                style=style,
                layout=w.Layout(width="max-content"),
            )
            self.observed_select.observe(self._identity_changed, names="value")
            parts.append(self.observed_select)
        else:
            self.observed_text = w.Text(
                value="",
                placeholder=msg("observed_typed_hint", lang),
                description=msg("observed", lang),
                continuous_update=False,
                style=style,
            )
            self.observed_text.observe(self._identity_changed, names="value")
            parts.append(self.observed_text)
        self.scenario = w.Text(
            value="",
            placeholder=msg("scenario_hint", lang),
            description=msg("scenario", lang),
            continuous_update=False,
            style=style,
        )
        self.scenario.observe(self.changed, names="value")
        parts.append(self.scenario)
        return parts

    # --- identity ----------------------------------------------------------------------
    def _round(self) -> int | None:
        if self.fixed_round is not None:
            return self.fixed_round
        value = self.round_select.value
        return int(value) if value is not None else None

    def _observed(self) -> tuple[str, str, int | None] | None:
        """(id, name, group) of the person observed, if given."""
        if self.groups is not None:
            pid = self.observed_select.value
            for g in self.groups:
                for p in g.members:
                    if p.id == pid:
                        return p.id, p.name, g.number
            if pid in self._extra:
                return pid, *self._extra[pid]
            return None
        name = " ".join(self.observed_text.value.split())
        return (name_key(name), name, None) if name else None

    @property
    def qid(self) -> str | None:
        rnd, who = self._round(), self._observed()
        return rubric_qid(rnd, who[0]) if rnd is not None and who is not None else None

    def _enable(self) -> None:
        ready = self.qid is not None
        for radio in self.scores.values():
            radio.disabled = not ready
        self.comment.disabled = not ready
        self.hint.layout.display = "none" if ready else None

    def _identity_changed(self, *_: Any) -> None:
        self._enable()
        self.changed()

    def _latest_saved(self) -> Record | None:
        """The newest observation of this rubric saved for the fixed round, if any."""
        if self.fixed_round is None:
            return None
        prefix = f"{PREFIX}{self.fixed_round}."
        found = [
            rec
            for qid, rec in self.store.load().items()
            if qid.startswith(prefix)
            and isinstance(rec.value, dict)
            and rec.value.get("rubric") == self.rubric.id
        ]
        return max(found, key=lambda rec: rec.saved_at, default=None)

    # --- the value -------------------------------------------------------------------
    def read(self) -> dict[str, Any] | None:
        rnd, who = self._round(), self._observed()
        if rnd is None or who is None:
            return None
        scores = {cid: r.value for cid, r in self.scores.items() if r.value is not None}
        comment = self.comment.value
        scenario = self.scenario.value.strip()
        if not scores and not comment.strip():
            return None
        return {
            "rubric": self.rubric.id,
            "round": rnd,
            "observed": who[0],
            "observed_name": who[1],
            "group": who[2],
            "scenario": scenario,
            "scores": scores,
            "comment": comment,
        }

    def save_now(self) -> None:
        old, new = self._record_qid, self.qid
        moving = old is not None and new is not None and old != new
        if moving:
            # Save under the new id first: if the withdrawal then fails, nothing is lost.
            self.record = None
        super().save_now()
        if self.record is not None and new is not None:
            self._record_qid = new
        if moving and self._record_qid == new and old is not None:
            try:
                self.store.save(old, None)
            except ClientlearnError as err:
                self.problem = err.text(self.lang)
            who = self._observed()
            self.show_status(
                msg("moved", self.lang, name=who[1] if who else "", round=self._round())
            )

    def show(self, value: Any) -> None:
        if not isinstance(value, dict):
            return
        rnd = value.get("round")
        if self.fixed_round is None and isinstance(rnd, int) and 1 <= rnd <= MAX_ROUNDS:
            self.round_select.value = rnd
        observed = value.get("observed")
        if self.groups is not None and isinstance(observed, str):
            ids = {v for _, v in self.observed_select.options}
            if observed not in ids:
                # The groups file changed since: keep the saved person selectable.
                name = str(value.get("observed_name") or observed)
                group = value.get("group")
                self._extra[observed] = (name, group if isinstance(group, int) else None)
                self.observed_select.options = [*self.observed_select.options, (name, observed)]
            self.observed_select.value = observed
        elif isinstance(value.get("observed_name"), str):
            self.observed_text.value = value["observed_name"]
        if isinstance(value.get("scenario"), str):
            self.scenario.value = value["scenario"]
        scores = value.get("scores")
        if isinstance(scores, dict):
            for cid, radio in self.scores.items():
                if scores.get(cid) in SCALE:
                    radio.value = scores[cid]
        if isinstance(value.get("comment"), str):
            self.comment.value = value["comment"]

    def as_text(self) -> str:
        lines = [self.rubric.title_in(self.lang)]
        lines += [f"  - {c.title_in(self.lang)}" for c in self.rubric.criteria]
        return "\n".join(lines)
