"""Views that arrange items: ordering (build a sequence) and matching (sort into bins).

Ordering starts empty, so showing the items in some order never counts as an
answer: the participant places the steps one by one (drag and drop, a click, or
Enter on a focused step), then moves or removes them; see ``sortable.js``.
"""

from __future__ import annotations

import html
import random

import ipywidgets as w

from clientlearn.core.i18n import tr
from clientlearn.runtime.questions import Answer, Matching, Ordering, pick

from .base import QuestionView


class OrderingView(QuestionView):
    """Build the order by placing items (drag and drop, a click or Enter), then move
    or remove them (drag, buttons, Alt+arrows, Delete)."""

    question: Ordering
    feedback_when_complete = True

    def build(self) -> w.Widget:
        from .sortable import SortableList

        items = list(self.question.items)
        # A fixed shuffle per question: the bank's order is often the key's order.
        random.Random(self.question.id).shuffle(items)
        self.pool_items = items
        lang = self.lang
        labels = {
            key: tr(key, lang, item="{item}")
            for key in ("to_place", "your_order", "all_placed", "place", "move_up", "move_down")
        }
        labels["up"], labels["down"] = labels.pop("move_up"), labels.pop("move_down")
        labels.update(
            remove=tr("remove", lang, item="{item}"),
            placed=tr("placed", lang, item="{item}"),
            removed=tr("removed", lang, item="{item}"),
            keys=tr("sort_keys", lang),
        )
        self.sortable = SortableList(
            items=[{"id": o.id, "label": pick(o.text, lang)} for o in items],
            order=[],
            labels=labels,
        )
        self.sortable.observe(self.changed, names="order")
        return self.sortable

    @property
    def order(self) -> list[str]:
        return list(self.sortable.order)

    def move(self, item_id: str, action: str) -> None:
        """What the page's controls do, for Python callers: add, up, down, remove."""
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
        self.sortable.order = order

    def read(self) -> Answer:
        return self.order

    def show(self, value: Answer) -> None:
        known = {o.id for o in self.question.items}
        if isinstance(value, list):
            self.sortable.order = [v for v in value if isinstance(v, str) and v in known]

    def is_complete(self, value: Answer) -> bool:
        return isinstance(value, list) and len(value) == len(self.question.items)

    def as_text(self) -> str:
        lines = [pick(self.question.text, self.lang)]
        lines += [f"  - {pick(o.text, self.lang)}" for o in self.pool_items]
        return "\n".join(lines)


# The item's text is its drop-down's <label>, shown on a line of its own above the
# drop-down: ipywidgets draws a description as a one-line label cut off at a fixed width.
_MATCHING_CSS = (
    "<style>.clientlearn-matching .widget-dropdown{flex-wrap:wrap;height:auto;"
    "margin:0.3em 0}"
    ".clientlearn-matching .widget-dropdown>.widget-label{flex:1 0 100%;"
    "white-space:normal;text-align:left;line-height:1.4;height:auto;overflow:visible}"
    ".clientlearn-matching .widget-dropdown>select{flex:0 0 auto;width:auto;"
    "max-width:100%}</style>"
)


class MatchingView(QuestionView):
    """One drop-down per item, listing the bins; nothing chosen at first.

    Each drop-down's description (its ``<label for>``) is the item's number and text,
    so a screen reader names the drop-down by the item it sorts, not "1." alone."""

    question: Matching
    feedback_when_complete = True

    def build(self) -> w.Widget:
        choices: list[tuple[str, str | None]] = [(tr("choose", self.lang), None)]
        choices += [(pick(b.text, self.lang), b.id) for b in self.question.bins]
        self.selects: dict[str, w.Dropdown] = {}
        for n, item in enumerate(self.question.items, start=1):
            select = w.Dropdown(
                options=choices,
                index=0,  # the prompt shows; value=None would show an empty box
                # Escaped here, sanitised again by the front end: item text is never HTML.
                description=f"<b>{n}.</b> {html.escape(pick(item.text, self.lang))}",
                description_allow_html=True,
                layout=w.Layout(width="auto"),
                style={"description_width": "initial"},
            )
            select.observe(self.changed, names="value")
            self.selects[item.id] = select
        box = w.VBox([w.HTML(_MATCHING_CSS), *self.selects.values()])
        box.add_class("clientlearn-matching")
        return box

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
