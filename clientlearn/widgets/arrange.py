"""Views that arrange items: ordering (build a sequence) and matching (sort into bins).

Ordering starts empty, so showing the items in some order never counts as an
answer: the participant adds the steps one by one (a button per step, reachable by
Tab and pressed with Enter or Space), then moves or removes them with buttons.
"""

from __future__ import annotations

import html
import random

import ipywidgets as w

from ..i18n import tr
from ..questions import Answer, Matching, Ordering, pick
from .base import QuestionView


class OrderingView(QuestionView):
    """Build the order by adding items, then move them up or down."""

    question: Ordering
    feedback_when_complete = True

    def build(self) -> w.Widget:
        self.order: list[str] = []
        items = list(self.question.items)
        # A fixed shuffle per question: the bank's order is often the key's order.
        random.Random(self.question.id).shuffle(items)
        self.pool_items = items
        self.pool = w.VBox()
        self.placed = w.VBox()
        self.box = w.VBox(
            [
                w.HTML(f"<i>{html.escape(tr('to_place', self.lang))}</i>"),
                self.pool,
                w.HTML(f"<i>{html.escape(tr('your_order', self.lang))}</i>"),
                self.placed,
            ]
        )
        self.render()
        return self.box

    def _text(self, item_id: str) -> str:
        return next(pick(o.text, self.lang) for o in self.question.items if o.id == item_id)

    def render(self) -> None:
        pool = []
        for item in self.pool_items:
            if item.id in self.order:
                continue
            text = pick(item.text, self.lang)
            button = w.Button(
                description=text,
                tooltip=tr("place", self.lang, item=text),
                layout=w.Layout(width="auto"),
            )
            button.on_click(lambda _b, i=item.id: self.move(i, "add"))
            pool.append(button)
        self.pool.children = pool or [
            w.HTML(f"<small>{html.escape(tr('all_placed', self.lang))}</small>")
        ]
        rows = []
        for n, item_id in enumerate(self.order, start=1):
            text = self._text(item_id)
            label = w.HTML(f"<b>{n}.</b> {html.escape(text)}")
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
                b.on_click(lambda _b, i=item_id, a=action: self.move(i, a))
                buttons.append(b)
            rows.append(w.HBox([*buttons, label]))
        self.placed.children = rows

    def move(self, item_id: str, action: str) -> None:
        order = self.order
        if action == "add" and item_id not in order:
            order.append(item_id)
        elif item_id in order:
            i = order.index(item_id)
            if action == "up" and i > 0:
                order[i - 1], order[i] = order[i], order[i - 1]
            elif action == "down" and i < len(order) - 1:
                order[i + 1], order[i] = order[i], order[i + 1]
            elif action == "remove":
                order.remove(item_id)
        self.render()
        self.changed()

    def read(self) -> Answer:
        return list(self.order)

    def show(self, value: Answer) -> None:
        known = {o.id for o in self.question.items}
        self.order = [v for v in value if v in known] if isinstance(value, list) else []
        self.render()

    def is_complete(self, value: Answer) -> bool:
        return isinstance(value, list) and len(value) == len(self.question.items)

    def as_text(self) -> str:
        lines = [pick(self.question.text, self.lang)]
        lines += [f"  - {pick(o.text, self.lang)}" for o in self.pool_items]
        return "\n".join(lines)


class MatchingView(QuestionView):
    """One drop-down per item, listing the bins; nothing chosen at first."""

    question: Matching
    feedback_when_complete = True

    def build(self) -> w.Widget:
        choices: list[tuple[str, str | None]] = [(tr("choose", self.lang), None)]
        choices += [(pick(b.text, self.lang), b.id) for b in self.question.bins]
        self.selects: dict[str, w.Dropdown] = {}
        rows = []
        for n, item in enumerate(self.question.items, start=1):
            select = w.Dropdown(
                options=choices,
                value=None,
                description=f"{n}.",
                tooltip=pick(item.text, self.lang),
                layout=w.Layout(width="max-content"),
                style={"description_width": "2em"},
            )
            select.observe(self.changed, names="value")
            self.selects[item.id] = select
            rows.append(
                w.VBox([w.HTML(f"<b>{n}.</b> {html.escape(pick(item.text, self.lang))}"), select])
            )
        return w.VBox(rows)

    def read(self) -> Answer:
        return {item_id: s.value for item_id, s in self.selects.items() if s.value is not None}

    def show(self, value: Answer) -> None:
        if not isinstance(value, dict):
            return
        bins = {b.id for b in self.question.bins}
        for item_id, select in self.selects.items():
            chosen = value.get(item_id)
            select.value = chosen if chosen in bins else None

    def is_complete(self, value: Answer) -> bool:
        return isinstance(value, dict) and len(value) == len(self.question.items)

    def as_text(self) -> str:
        q = self.question
        bins = " / ".join(pick(b.text, self.lang) for b in q.bins)
        lines = [pick(q.text, self.lang), f"  [{bins}]"]
        lines += [f"  - {pick(o.text, self.lang)}" for o in q.items]
        return "\n".join(lines)
