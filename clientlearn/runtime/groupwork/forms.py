"""The group answer form: a small group's strategy or service algorithm, saved as given.

In a notebook::

    from clientlearn.groupwork import group_answer
    group_answer("m1.strategy", prompt="Яку стратегію орієнтації на клієнта …?",
                 groups_csv="groups.csv",
                 steps={"greet": "Привітати", "listen": "Вислухати", ...})

The group is chosen from ``groups.csv`` (written by ``clientlearn groups form``) or, without
that file, typed as a number with the members' names.  Nothing is filled in: the answer
is saved (id ``group.<exercise_id>``) as soon as something is given, with the value::

    {"group": 3, "members": ["olena-bondarenko", ...], "text": {"text": "..."},
     "order": ["greet", "listen", ...]}

``members`` holds ids from the groups file, or the names as typed without one; ``text``
maps each text area's id to its text (one area, id ``"text"``, unless ``fields`` names
several); ``order`` is the group's order of the step ids (empty without ``steps``), from
which the summary computes the class's consensus.
"""

from __future__ import annotations

import html
import random
import re
from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as w

from clientlearn.core.i18n import tr
from clientlearn.runtime.store import AnswerStore
from clientlearn.runtime.widgets.base import html_text
from clientlearn.runtime.widgets.keyguard import KeyGuard

from ._form import AnswerForm
from .messages import msg
from .people import Group

__all__ = ["GroupAnswerView", "StepOrder"]

_NAME_SPLIT = re.compile(r"[,;\n]+")


class StepOrder(w.VBox):  # type: ignore[misc]
    """Build an order of steps: a button adds each step, arrows move it, ✕ removes it.

    Starts empty, so a shown order is never taken for the group's answer.
    """

    def __init__(self, steps: Mapping[str, str], *, lang: str, seed: str) -> None:
        super().__init__()
        self.steps = dict(steps)
        self.lang = lang
        self.order: list[str] = []
        self.on_change: Callable[[], None] = lambda: None
        # A fixed shuffle: the order the trainer wrote the steps in is often the expected one.
        self.pool_items = list(self.steps)
        random.Random(seed).shuffle(self.pool_items)
        self.pool = w.VBox()
        self.placed = w.VBox()
        self.children = [
            w.HTML(f"<i>{html.escape(tr('to_place', lang))}</i>"),
            self.pool,
            w.HTML(f"<i>{html.escape(tr('your_order', lang))}</i>"),
            self.placed,
        ]
        self.render()

    def render(self) -> None:
        pool = []
        for step in self.pool_items:
            if step in self.order:
                continue
            text = self.steps[step]
            button = w.Button(
                description=text,
                tooltip=tr("place", self.lang, item=text),
                layout=w.Layout(width="auto"),
            )
            button.on_click(lambda _b, s=step: self.move(s, "add"))
            pool.append(button)
        self.pool.children = pool or [
            w.HTML(f"<small>{html.escape(tr('all_placed', self.lang))}</small>")
        ]
        rows = []
        for n, step in enumerate(self.order, start=1):
            text = self.steps[step]
            buttons = []
            for action, symbol, key in (
                ("up", "↑", "move_up"),
                ("down", "↓", "move_down"),
                ("remove", "✕", "remove"),
            ):
                b = w.Button(
                    description=symbol,
                    tooltip=tr(key, self.lang, item=text),
                    layout=w.Layout(width="2.6em"),
                )
                b.on_click(lambda _b, s=step, a=action: self.move(s, a))
                buttons.append(b)
            rows.append(w.HBox([*buttons, w.HTML(f"<b>{n}.</b> {html.escape(text)}")]))
        self.placed.children = rows

    def move(self, step: str, action: str) -> None:
        """``add``, ``up``, ``down`` or ``remove`` one step, then report the change."""
        order = self.order
        if action == "add" and step in self.steps and step not in order:
            order.append(step)
        elif step in order:
            i = order.index(step)
            if action == "up" and i > 0:
                order[i - 1], order[i] = order[i], order[i - 1]
            elif action == "down" and i < len(order) - 1:
                order[i + 1], order[i] = order[i], order[i + 1]
            elif action == "remove":
                order.remove(step)
        self.render()
        self.on_change()

    def set_order(self, order: list[str]) -> None:
        """Show a saved order (unknown steps are dropped: the steps may have changed)."""
        self.order = [s for s in dict.fromkeys(order) if s in self.steps]
        self.render()


class GroupAnswerView(AnswerForm):
    """The form behind :func:`group_answer`."""

    def __init__(
        self,
        exercise_id: str,
        *,
        prompt: str,
        groups: list[Group] | None,
        notice: str,
        fields: Mapping[str, str],
        steps: Mapping[str, str],
        store: AnswerStore,
        lang: str,
    ) -> None:
        super().__init__(store, lang=lang)
        self.exercise_id = exercise_id
        self.prompt = prompt
        self.groups = {g.number: g for g in groups} if groups is not None else None
        self._saved_members: dict[int, list[str]] = {}
        self.members_view = w.HTML(value="")
        parts: list[w.Widget] = [
            w.HTML(f'<div class="clientlearn-question"><b>{html_text(prompt)}</b></div>')
        ]
        if notice:
            parts.append(w.HTML(f'<span style="color:#8a6d00">{html.escape(notice)}</span>'))
        parts += self._build_group()
        self.areas: dict[str, w.Textarea] = {}
        for fid, label in fields.items():
            # Named by its label (a <label for> of no width: the bold line above shows
            # it), so a screen reader says which part of the answer the field is.
            area = w.Textarea(
                value="",
                placeholder=msg("type_group_text", lang),
                description=label,
                continuous_update=True,
                layout=w.Layout(width="100%", height="8em"),
                style={"description_width": "0px"},
            )
            area.observe(self.typed, names="value")
            self.areas[fid] = area
            parts += [w.HTML(f"<b>{html.escape(label)}</b>"), area]
        self.order: StepOrder | None = None
        if steps:
            self.order = StepOrder(steps, lang=lang, seed=exercise_id)
            self.order.on_change = self.changed
            parts += [w.HTML(f"<b>{html.escape(msg('order_title', lang))}</b>"), self.order]
        parts += [
            w.HTML(f"<small>{html.escape(msg('same_answer_note', lang))}</small>"),
            self.status,
            KeyGuard(),  # a group drop-down's arrow keys stay with it
        ]
        self.children = parts
        self.restore(store.get(self.qid), self.show)
        self.publish()

    def _build_group(self) -> list[w.Widget]:
        lang = self.lang
        if self.groups is not None:
            options: list[tuple[str, int | None]] = [(msg("choose", lang), None)]
            for n, g in self.groups.items():
                names = ", ".join(p.name for p in g.members)
                options.append((msg("group_option", lang, n=n, names=names), n))
            self.group_select = w.Dropdown(
                options=options,
                index=0,  # the prompt shows; value=None would show an empty box
                description=msg("group", lang),
                layout=w.Layout(width="max-content"),
            )
            self.group_select.observe(self._group_chosen, names="value")
            return [self.group_select, self.members_view]
        self.number = w.Text(
            value="",
            placeholder=msg("group_number_hint", lang),
            description=msg("group_number", lang),
            continuous_update=False,
            style={"description_width": "initial"},
        )
        self.number.observe(self.changed, names="value")
        self.members_typed = w.Text(
            value="",
            placeholder=msg("members_hint", lang),
            description=msg("members_typed", lang),
            continuous_update=False,
            layout=w.Layout(width="100%"),
            style={"description_width": "initial"},
        )
        self.members_typed.observe(self.changed, names="value")
        return [self.number, self.members_typed]

    def _group_chosen(self, *_: Any) -> None:
        self._show_members()
        self.changed()

    def _show_members(self) -> None:
        number = self.group_select.value
        names = self._member_names(number) if number is not None else []
        self.members_view.value = (
            html.escape(msg("members", self.lang, names=", ".join(names))) if names else ""
        )

    def _member_names(self, number: int) -> list[str]:
        if self.groups is not None and number in self.groups:
            return [p.name for p in self.groups[number].members]
        return self._saved_members.get(number, [])

    # --- the value -------------------------------------------------------------------
    @property
    def qid(self) -> str:
        return f"group.{self.exercise_id}"

    def _group_number(self) -> int | None:
        if self.groups is not None:
            value = self.group_select.value
            return int(value) if value is not None else None
        text = self.number.value.strip()
        if not text:
            return None
        if text.isdigit() and int(text) > 0:
            return int(text)
        self.problem = msg("not_a_group_number", self.lang, value=text)
        # Keep the group saved before: a typo must not unlink the answer from the group.
        saved = self.record.value if self.record is not None else None
        group = saved.get("group") if isinstance(saved, dict) else None
        return group if isinstance(group, int) and not isinstance(group, bool) else None

    def read(self) -> dict[str, Any] | None:
        group = self._group_number()
        if self.groups is None:
            members = [m.strip() for m in _NAME_SPLIT.split(self.members_typed.value) if m.strip()]
        elif group is not None and group in self.groups:
            members = list(self.groups[group].ids)
        else:
            members = list(self._saved_members.get(group or 0, []))
        text = {fid: area.value for fid, area in self.areas.items()}
        order = list(self.order.order) if self.order is not None else []
        if (
            group is None
            and not members
            and not any(t.strip() for t in text.values())
            and not order
        ):
            return None
        return {"group": group, "members": members, "text": text, "order": order}

    def show(self, value: Any) -> None:
        if not isinstance(value, dict):
            return
        group = value.get("group")
        members = [str(m) for m in value.get("members") or [] if isinstance(m, str)]
        if isinstance(group, int) and not isinstance(group, bool):
            if self.groups is not None:
                if group not in self.groups:
                    # The groups file changed since: keep the saved group selectable.
                    self._saved_members[group] = members
                    label = msg("group_option", self.lang, n=group, names=", ".join(members))
                    self.group_select.options = [*self.group_select.options, (label, group)]
                self.group_select.value = group
                self._show_members()
            else:
                self.number.value = str(group)
        if self.groups is None:
            self.members_typed.value = ", ".join(members)
        texts = value.get("text")
        if isinstance(texts, dict):
            for fid, area in self.areas.items():
                if isinstance(texts.get(fid), str):
                    area.value = texts[fid]
        if self.order is not None and isinstance(value.get("order"), list):
            self.order.set_order([s for s in value["order"] if isinstance(s, str)])

    def as_text(self) -> str:
        lines = [self.prompt]
        if self.order is not None:
            lines += [f"  - {self.order.steps[s]}" for s in self.order.pool_items]
        return "\n".join(lines)
