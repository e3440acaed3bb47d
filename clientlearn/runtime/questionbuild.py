"""Question objects from a bank's checked YAML data: one builder per field shape, so the
bank loader and the bank checks (which analyse a scenario as a whole) build alike."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .questions import (
    Choice,
    Ending,
    LocalText,
    Matching,
    Mode,
    MultipleChoice,
    Node,
    Numeric,
    Option,
    Ordering,
    Question,
    Rating,
    Scenario,
    Scoring,
    ShortText,
    SingleChoice,
    TrueFalse,
)


def local_text(value: Any) -> LocalText | None:
    return dict(value) if value else None


def _options(values: list[dict[str, Any]]) -> tuple[Option, ...]:
    return tuple(Option(v["id"], dict(v["text"])) for v in values)


def build_question(q: Mapping[str, Any]) -> Question:
    kind = q["type"]
    common: dict[str, Any] = {
        "id": q["id"],
        "text": dict(q["text"]),
        "mode": Mode(q.get("mode", "graded")),
        "title": local_text(q.get("title")),
        "explanation": local_text(q.get("explanation")),
    }
    if "points" in q:
        common["points"] = float(q["points"])
    key = q.get("key")
    if kind == "single":
        return SingleChoice(**common, options=_options(q["options"]), key=key)
    if kind == "multiple":
        return MultipleChoice(
            **common, options=_options(q["options"]), key=frozenset(key) if key else None
        )
    if kind == "truefalse":
        return TrueFalse(**common, key=key)
    if kind == "ordering":
        return Ordering(**common, items=_options(q["items"]), key=tuple(key) if key else None)
    if kind == "matching":
        return Matching(
            **common,
            items=_options(q["items"]),
            bins=_options(q["bins"]),
            key=dict(key) if key else None,
        )
    if kind == "text":
        variants = (key,) if isinstance(key, str) else (tuple(key) if key else None)
        return ShortText(**common, key=variants)
    if kind == "numeric":
        return Numeric(
            **common,
            key=None if key is None else float(key),
            tolerance=float(q.get("tolerance", 0.0)),
            unit=local_text(q.get("unit")),
        )
    if kind == "rating":
        scale = q.get("scale", {})
        return Rating(
            **common,
            scale_min=scale.get("min", 1),
            scale_max=scale.get("max", 5),
            labels=tuple(dict(label) for label in scale.get("labels", [])),
        )
    nodes = {
        n["id"]: Node(
            n["id"],
            dict(n["text"]),
            tuple(
                Choice(
                    c["id"],
                    dict(c["text"]),
                    c["next"],
                    local_text(c.get("consequence")),
                    None if c.get("quality") is None else float(c["quality"]),
                )
                for c in n["choices"]
            ),
        )
        for n in q["nodes"]
    }
    endings = {e["id"]: Ending(e["id"], dict(e["text"]), e.get("score")) for e in q["endings"]}
    return Scenario(
        **common,
        start=q["start"],
        nodes=nodes,
        endings=endings,
        scoring=Scoring(q.get("scoring", "path")),
    )
