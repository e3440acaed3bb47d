"""What a bank's schema cannot say, checked on the parsed YAML: unique ids, keys that
name real options, ordering keys that cover every item once, scenarios whose choices
lead somewhere and, under path scoring, reward the right move at every step
(:mod:`clientlearn.runtime.scenariopaths`).  Each problem names its file, line and field.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from clientlearn.core.errors import Problem

from .bankwords import MESSAGES
from .questionbuild import build_question
from .questions import Scenario
from .scenariopaths import find_loop, rule_breaches

if TYPE_CHECKING:
    from clientlearn.core.yamlsource import Path_, Source


def _ids(options: list[dict[str, Any]]) -> list[str]:
    return [o["id"] for o in options]


def semantic_problems(src: Source, *, require_keys: bool) -> list[Problem]:
    """What the schema cannot say: uniqueness, keys that name real options, reachability."""
    problems: list[Problem] = []
    add = problems.append
    seen: dict[str, int] = {}
    public = bool(src.data.get("public"))
    for i, q in enumerate(src.data["questions"]):
        at: Path_ = ("questions", i)
        qid, kind = q["id"], q["type"]
        if qid in seen:
            add(src.said((*at, "id"), MESSAGES, "id_used", qid=qid, n=seen[qid] + 1))
        seen.setdefault(qid, i)
        points = q.get("points")
        # A rating or a self-check warm-up may be worth nothing; a graded question may not.
        may_be_zero = kind == "rating" or q.get("mode") == "selfcheck"
        if points is not None and (points < 0 or (points == 0 and not may_be_zero)):
            add(src.said((*at, "points"), MESSAGES, "points_positive", points=points))
        for list_name in ("options", "items", "bins"):
            ids = _ids(q.get(list_name, []))
            for j, oid in enumerate(ids):
                if oid in ids[:j]:
                    add(src.said((*at, list_name, j, "id"), MESSAGES, "id_twice", oid=oid))
        graded = q.get("mode", "graded") == "graded" and kind != "rating"
        has_key = "key" in q or (kind == "scenario" and _scenario_keyed(q))
        if public and graded and has_key:
            add(src.said((*at, "key"), MESSAGES, "public_key"))
        elif require_keys and not public and kind != "rating" and not has_key:
            add(src.said(at, MESSAGES, "no_key"))
        if "key" in q:
            problems.extend(_key_problems(src, at, q))
        if kind == "scenario":
            problems.extend(_scenario_problems(src, at, q, keyed=not (public and graded)))
    return problems


def _choices(q: Mapping[str, Any]) -> Iterator[tuple[int, int, Mapping[str, Any]]]:
    """Every choice of a scenario with the index of its node and its own."""
    for j, node in enumerate(q.get("nodes", [])):
        for c, choice in enumerate(node.get("choices", [])):
            yield j, c, choice


def _scenario_keyed(q: Mapping[str, Any]) -> bool:
    """Whether a scenario carries any of its key: an ending's score or a choice's quality."""
    return any("score" in e for e in q.get("endings", [])) or any(
        "quality" in choice for _, _, choice in _choices(q)
    )


def _key_problems(src: Source, at: Path_, q: Mapping[str, Any]) -> list[Problem]:
    kind, key, out = q["type"], q["key"], []
    where = (*at, "key")
    if kind in ("single", "multiple"):
        options = set(_ids(q["options"]))
        chosen = [key] if kind == "single" else key
        for k in chosen:
            if k not in options:
                out.append(
                    src.said(where, MESSAGES, "key_not_option", option=k, options=sorted(options))
                )
        if kind == "multiple" and len(set(chosen)) != len(chosen):
            out.append(src.said(where, MESSAGES, "key_twice"))
    elif kind == "ordering":
        item_ids = _ids(q["items"])
        missing = [i for i in item_ids if i not in key]
        repeated = sorted({k for k in key if key.count(k) > 1})
        unknown = [k for k in key if k not in item_ids]
        if missing:
            out.append(src.said(where, MESSAGES, "order_misses", items=missing))
        if repeated:
            out.append(src.said(where, MESSAGES, "order_repeats", items=repeated))
        if unknown:
            out.append(src.said(where, MESSAGES, "order_unknown", items=unknown))
    elif kind == "matching":
        items, bins = set(_ids(q["items"])), set(_ids(q["bins"]))
        for item, b in key.items():
            if item not in items:
                out.append(src.said((*where, item), MESSAGES, "not_an_item", item=item))
            if b not in bins:
                spot = (*where, item)
                out.append(src.said(spot, MESSAGES, "not_a_bin", bin=b, bins=sorted(bins)))
        unplaced = sorted(items - set(key))
        if unplaced:
            out.append(src.said(where, MESSAGES, "unplaced", items=unplaced))
    return out


def _scenario_problems(
    src: Source, at: Path_, q: Mapping[str, Any], *, keyed: bool
) -> list[Problem]:
    """A scenario's structure, and the completeness of its key where it may have one
    (not in a participants' copy of a graded scenario); then, under path scoring,
    its loops and the rules of :mod:`clientlearn.runtime.scenariopaths`."""
    out: list[Problem] = []
    nodes = {n["id"]: (j, n) for j, n in enumerate(q["nodes"])}
    endings = {e["id"] for e in q["endings"]}
    by_path = q.get("scoring", "path") == "path"
    if q["start"] not in nodes:
        out.append(src.said((*at, "start"), MESSAGES, "start_not_node", start=q["start"]))
    for node_id in nodes.keys() & endings:
        out.append(src.said((*at, "endings"), MESSAGES, "node_and_ending", node=node_id))
    for j, c, choice in _choices(q):
        where = (*at, "nodes", j, "choices", c)
        if choice["next"] not in nodes and choice["next"] not in endings:
            out.append(src.said((*where, "next"), MESSAGES, "next_nowhere", next=choice["next"]))
        if "quality" in choice and not by_path:
            out.append(src.said((*where, "quality"), MESSAGES, "quality_unused"))
    if keyed and _scenario_keyed(q):
        for e, ending in enumerate(q["endings"]):
            if "score" not in ending:
                out.append(src.said((*at, "endings", e), MESSAGES, "ending_no_score"))
        if by_path:
            for j, c, choice in _choices(q):
                if "quality" not in choice:
                    out.append(
                        src.said(
                            (*at, "nodes", j, "choices", c),
                            MESSAGES,
                            "choice_no_quality",
                            choice=choice["id"],
                        )
                    )
    if out or q["start"] not in nodes:
        return out
    scenario = build_question(q)
    assert isinstance(scenario, Scenario)
    loop = find_loop(scenario) if by_path else None
    if loop:
        j = nodes[loop[-2]][0]
        c = next(i for i, ch in enumerate(q["nodes"][j]["choices"]) if ch["next"] == loop[-1])
        return [
            src.said(
                (*at, "nodes", j, "choices", c, "next"), MESSAGES, "loop", loop=" → ".join(loop)
            )
        ]
    # Every node must lead to some ending, or a participant could be stuck.
    reach_end = set(endings)
    changed = True
    while changed:
        changed = False
        for node_id, (_, node) in nodes.items():
            if node_id not in reach_end and any(c["next"] in reach_end for c in node["choices"]):
                reach_end.add(node_id)
                changed = True
    for node_id, (j, _) in nodes.items():
        if node_id not in reach_end:
            out.append(src.said((*at, "nodes", j), MESSAGES, "no_ending_reachable", node=node_id))
    if not out and keyed and scenario.has_key:
        for breach in rule_breaches(scenario):
            j, node = nodes[breach.node]
            spot: Path_ = (*at, "nodes", j)
            if breach.choice is not None:
                c = next(i for i, ch in enumerate(node["choices"]) if ch["id"] == breach.choice)
                spot = (*spot, "choices", c, "quality")
            out.append(src.said(spot, MESSAGES, breach.key, **breach.values))
    return out
