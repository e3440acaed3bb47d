"""Question banks: YAML files of bilingual questions, checked when they are loaded.

A bank is validated against the JSON Schema shipped in ``clientlearn/schema``
(editors can use it while authoring), then for what a schema cannot express:
unique ids, keys that name real options, ordering keys that cover every item once,
scenarios whose choices lead somewhere and, under path scoring, reward the right move
at every step (:mod:`clientlearn.scenariopaths`).  Every problem is reported with its
file, line and field, all at once, so an author fixes a bank in one pass.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .checkcache import checked_data
from .errors import BankError, Problem, UnknownQuestionError
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
from .scenariopaths import find_loop, rule_breaches

if TYPE_CHECKING:
    from .yamlsource import Path_, Source

# What checks a bank: a change to any of these checks cached banks again.
CHECKERS = (
    "bank.py",
    "yamlsource.py",
    "schema/bank.schema.json",
    "questions.py",
    "scenariopaths.py",
)


def _field(data: Any, path: Path_) -> str:
    """A readable field name: ``q3.options[2].id`` rather than a raw JSON path."""
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        try:
            qid = data["questions"][path[1]]["id"]
        except (KeyError, IndexError, TypeError):
            qid = None
        head = str(qid) if isinstance(qid, str) else f"questions[{path[1]}]"
        rest = path[2:]
    else:
        head, rest = "", path
    out = head
    for part in rest:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "bank"


def _parse(text: str, file: str) -> Source:
    # Imported here: a bank found in the check cache needs neither YAML nor the schema.
    from .yamlsource import parse

    return parse(text, file, error=BankError, namer=_field)


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of a question bank (also shipped as ``schema/bank.schema.json``)."""
    text = resources.files("clientlearn").joinpath("schema/bank.schema.json").read_text("utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


def _ids(options: list[dict[str, Any]]) -> list[str]:
    return [o["id"] for o in options]


def _semantic_problems(src: Source, *, require_keys: bool) -> list[Problem]:
    """What the schema cannot say: uniqueness, keys that name real options, reachability."""
    problems: list[Problem] = []
    add = problems.append
    seen: dict[str, int] = {}
    public = bool(src.data.get("public"))
    for i, q in enumerate(src.data["questions"]):
        at: Path_ = ("questions", i)
        qid, kind = q["id"], q["type"]
        if qid in seen:
            add(src.problem((*at, "id"), f"id {qid!r} is already used by question {seen[qid] + 1}"))
        seen.setdefault(qid, i)
        points = q.get("points")
        # A rating or a self-check warm-up may be worth nothing; a graded question may not.
        may_be_zero = kind == "rating" or q.get("mode") == "selfcheck"
        if points is not None and (points < 0 or (points == 0 and not may_be_zero)):
            add(src.problem((*at, "points"), f"points must be positive, not {points}"))
        for list_name in ("options", "items", "bins"):
            ids = _ids(q.get(list_name, []))
            for j, oid in enumerate(ids):
                if oid in ids[:j]:
                    add(src.problem((*at, list_name, j, "id"), f"id {oid!r} appears twice"))
        graded = q.get("mode", "graded") == "graded" and kind != "rating"
        has_key = "key" in q or (kind == "scenario" and _scenario_keyed(q))
        if public and graded and has_key:
            add(src.problem((*at, "key"), "a public bank must not hold a graded key"))
        elif require_keys and not public and kind != "rating" and not has_key:
            add(
                src.problem(
                    at,
                    "no key: add 'key' (in a scenario: a score on every ending and, "
                    "under path scoring, a quality on every choice)",
                )
            )
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
                    src.problem(where, f"key {k!r} is not among the options {sorted(options)}")
                )
        if kind == "multiple" and len(set(chosen)) != len(chosen):
            out.append(src.problem(where, "the key names an option twice"))
    elif kind == "ordering":
        item_ids = _ids(q["items"])
        missing = [i for i in item_ids if i not in key]
        repeated = sorted({k for k in key if key.count(k) > 1})
        unknown = [k for k in key if k not in item_ids]
        if missing:
            out.append(src.problem(where, f"the ordering key misses items {missing}"))
        if repeated:
            out.append(src.problem(where, f"the ordering key repeats items {repeated}"))
        if unknown:
            out.append(src.problem(where, f"the ordering key names unknown items {unknown}"))
    elif kind == "matching":
        items, bins = set(_ids(q["items"])), set(_ids(q["bins"]))
        for item, b in key.items():
            if item not in items:
                out.append(src.problem((*where, item), f"{item!r} is not among the items"))
            if b not in bins:
                out.append(src.problem((*where, item), f"bin {b!r} is not among {sorted(bins)}"))
        unplaced = sorted(items - set(key))
        if unplaced:
            out.append(src.problem(where, f"the key does not place items {unplaced}"))
    return out


def _scenario_problems(
    src: Source, at: Path_, q: Mapping[str, Any], *, keyed: bool
) -> list[Problem]:
    """A scenario's structure, and the completeness of its key where it may have one
    (not in a participants' copy of a graded scenario); then, under path scoring,
    its loops and the rules of :mod:`clientlearn.scenariopaths`."""
    out: list[Problem] = []
    nodes = {n["id"]: (j, n) for j, n in enumerate(q["nodes"])}
    endings = {e["id"] for e in q["endings"]}
    by_path = q.get("scoring", "path") == "path"
    if q["start"] not in nodes:
        out.append(src.problem((*at, "start"), f"start {q['start']!r} is not a node"))
    for node_id in nodes.keys() & endings:
        out.append(src.problem((*at, "endings"), f"{node_id!r} is both a node and an ending"))
    for j, c, choice in _choices(q):
        where = (*at, "nodes", j, "choices", c)
        if choice["next"] not in nodes and choice["next"] not in endings:
            out.append(
                src.problem((*where, "next"), f"{choice['next']!r} is neither a node nor an ending")
            )
        if "quality" in choice and not by_path:
            out.append(
                src.problem(
                    (*where, "quality"),
                    "a quality is given but this scenario is scored by its ending alone "
                    "(scoring: ending); remove it, or choose scoring: path",
                )
            )
    if keyed and _scenario_keyed(q):
        for e, ending in enumerate(q["endings"]):
            if "score" not in ending:
                out.append(src.problem((*at, "endings", e), "this ending has no score (0..1)"))
        if by_path:
            for j, c, choice in _choices(q):
                if "quality" not in choice:
                    out.append(
                        src.problem(
                            (*at, "nodes", j, "choices", c),
                            f"choice {choice['id']!r} has no quality: under path scoring each "
                            "choice needs one (1 right, 0.5 poor but recoverable, 0 harmful)",
                        )
                    )
    if out or q["start"] not in nodes:
        return out
    scenario = _question(q)
    assert isinstance(scenario, Scenario)
    loop = find_loop(scenario) if by_path else None
    if loop:
        j = nodes[loop[-2]][0]
        c = next(i for i, ch in enumerate(q["nodes"][j]["choices"]) if ch["next"] == loop[-1])
        return [
            src.problem(
                (*at, "nodes", j, "choices", c, "next"),
                f"the choices loop ({' → '.join(loop)}): under path scoring every path must "
                "move on to an ending",
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
            out.append(src.problem((*at, "nodes", j), f"from {node_id!r} no ending is reachable"))
    if not out and keyed and scenario.has_key:
        for breach in rule_breaches(scenario):
            j, node = nodes[breach.node]
            spot: Path_ = (*at, "nodes", j)
            if breach.choice is not None:
                c = next(i for i, ch in enumerate(node["choices"]) if ch["id"] == breach.choice)
                spot = (*spot, "choices", c, "quality")
            out.append(src.problem(spot, breach.message))
    return out


def _text(value: Any) -> LocalText | None:
    return dict(value) if value else None


def _options(values: list[dict[str, Any]]) -> tuple[Option, ...]:
    return tuple(Option(v["id"], dict(v["text"])) for v in values)


def _question(q: Mapping[str, Any]) -> Question:
    kind = q["type"]
    common: dict[str, Any] = {
        "id": q["id"],
        "text": dict(q["text"]),
        "mode": Mode(q.get("mode", "graded")),
        "title": _text(q.get("title")),
        "explanation": _text(q.get("explanation")),
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
            unit=_text(q.get("unit")),
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
                    _text(c.get("consequence")),
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


@dataclass(frozen=True)
class Bank:
    """A loaded, checked question bank."""

    id: str
    questions: Mapping[str, Question]
    title: LocalText | None = None
    lang: str = "uk"
    public: bool = False
    path: Path | None = None

    def __getitem__(self, qid: str) -> Question:
        try:
            return self.questions[qid]
        except KeyError:
            where = f" in {self.path}" if self.path else ""
            raise UnknownQuestionError(
                f"no question {qid!r}{where}; known ids: {', '.join(self.questions)}"
            ) from None

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions.values())

    def __len__(self) -> int:
        return len(self.questions)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BankError([Problem(str(path), None, "file", "no such file")]) from None
    except UnicodeDecodeError as err:
        raise BankError(
            [Problem(str(path), None, "file", f"not UTF-8 ({err.reason}); save it as UTF-8")]
        ) from None
    except OSError as err:
        raise BankError([Problem(str(path), None, "file", err.strerror or str(err))]) from None


def _checked(text: str, file: str, *, require_keys: bool) -> Source:
    src = _parse(text, file)
    if not isinstance(src.data, dict):
        raise BankError(
            [Problem(file, 1, "bank", "a bank is a mapping with 'bank' and 'questions'")]
        )
    from .yamlsource import schema_problems

    problems = schema_problems(src, schema())
    if not problems:
        problems = _semantic_problems(src, require_keys=require_keys)
    if problems:
        raise BankError(problems)
    return src


def check_bank(path: str | Path) -> list[Problem]:
    """All problems of a bank file (empty when it is valid).

    An instructor bank must carry a key for every graded question; a public
    (released) bank must carry none.
    """
    path = Path(path)
    try:
        _checked(_read(path), str(path), require_keys=True)
    except BankError as err:
        return err.problems
    return []


def parse_bank(text: str, file: str = "<bank>", path: Path | None = None) -> Bank:
    """A bank from YAML text; raises BankError listing every problem."""
    data = checked_data(
        "bank", text, CHECKERS, lambda: _checked(text, file, require_keys=False).data
    )
    questions = {q["id"]: _question(q) for q in data["questions"]}
    return Bank(
        id=data["bank"],
        questions=MappingProxyType(questions),  # read-only: loaded banks are shared
        title=_text(data.get("title")),
        lang=data.get("lang", "uk"),
        public=bool(data.get("public", False)),
        path=path,
    )


def load_bank(path: str | Path) -> Bank:
    """Load and check a bank file; raises BankError listing every problem.

    A notebook's test cells load the same bank many times in one kernel, so a
    loaded bank (immutable) is reused while the file's size and time are unchanged.
    """
    path = Path(path)
    try:
        stat = path.stat()
    except OSError:
        return parse_bank(_read(path), str(path), path)
    return _load_unchanged(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _load_unchanged(path: str, mtime_ns: int, size: int) -> Bank:
    return parse_bank(_read(Path(path)), path, Path(path))


def public_yaml(text: str, file: str = "<bank>") -> str:
    """The participants' copy of a bank: graded keys, graded explanations, ending
    scores and choice qualities removed, marked ``public: true``.  Comments are not kept."""
    data = _checked(text, file, require_keys=False).data
    out = {k: v for k, v in data.items() if k != "questions"}
    out["public"] = True
    questions = []
    for q in data["questions"]:
        if q.get("mode", "graded") == "graded" and q["type"] != "rating":
            q = {k: v for k, v in q.items() if k not in ("key", "explanation")}
            if q["type"] == "scenario":
                q["endings"] = [{k: v for k, v in e.items() if k != "score"} for e in q["endings"]]
                q["nodes"] = [
                    {
                        **n,
                        "choices": [
                            {k: v for k, v in c.items() if k != "quality"} for c in n["choices"]
                        ],
                    }
                    for n in q["nodes"]
                ]
        questions.append(q)
    out["questions"] = questions
    import yaml

    header = (
        "# Participants' copy, made by clientlearn from the instructor's bank: no graded keys.\n"
    )
    return header + yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=100)


__all__ = ["Bank", "check_bank", "load_bank", "parse_bank", "public_yaml"]
