"""YAML files that know where everything came from: line numbers and schema checks.

Question banks and self-assessment instruments are authored by hand, so every
problem must name its file, line and field.  :func:`parse` keeps the line of each
mapping key and list item (and reports keys given twice, which PyYAML silently
merges); :func:`schema_problems` validates against a JSON Schema and points each
problem at the line it is about.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from .errors import InputFileError, Problem
from .i18n import LANGUAGES, translate
from .yamlwords import MESSAGES

Path_ = tuple[str | int, ...]
FieldNamer = Callable[[Any, Path_], str]


class _LineLoader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    """A safe loader that remembers the line of every mapping key and list item."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.lines: dict[int, dict[str | int, int]] = {}
        self.duplicates: list[tuple[int, str]] = []
        self.keep: list[object] = []  # keeps ids in `lines` valid while the source lives

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as err:
            # A tagged or date-like scalar PyYAML cannot build (2024-13-45, !!int x…).
            kind = str(node.tag).rsplit(":", 1)[-1]
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"{node.value!r:.60} is not a valid {kind} ({err}); in quotes it is text",
                node.start_mark,
            ) from None

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        lines: dict[str | int, int] = {}
        for key_node, _ in node.value:
            key = key_node.value
            if key in lines:
                self.duplicates.append((key_node.start_mark.line + 1, str(key)))
            lines[key] = key_node.start_mark.line + 1
        self.lines[id(mapping)] = lines
        self.keep.append(mapping)
        return mapping

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> list[Any]:
        seq: list[Any] = super().construct_sequence(node, deep=deep)
        self.lines[id(seq)] = {i: n.start_mark.line + 1 for i, n in enumerate(node.value)}
        self.keep.append(seq)
        return seq


_LineLoader.add_constructor(
    "tag:yaml.org,2002:map", lambda loader, node: loader.construct_mapping(node, deep=True)
)
_LineLoader.add_constructor(
    "tag:yaml.org,2002:seq", lambda loader, node: loader.construct_sequence(node, deep=True)
)


def dotted(data: Any, path: Path_) -> str:
    """The default field name: ``items[2].text.uk``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass
class Source:
    """Parsed YAML plus where each part of it came from."""

    file: str
    data: Any
    lines: dict[int, dict[str | int, int]]
    keep: list[object]
    namer: FieldNamer = dotted

    def line(self, path: Path_) -> int | None:
        """Line of the deepest part of ``path`` that exists."""
        node, found = self.data, 1
        for part in path:
            table = self.lines.get(id(node), {})
            if part not in table:
                break
            found = table[part]
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                break
        return found

    def problem(self, path: Path_, message: str) -> Problem:
        return Problem(self.file, self.line(path), self.namer(self.data, path) or "file", message)

    def said(
        self, path: Path_, table: Mapping[str, Mapping[str, str]], key: str, /, **values: object
    ) -> Problem:
        """:meth:`problem` with its message ``table[key]`` in every language."""
        field = self.namer(self.data, path) or "file"
        return Problem.said(self.file, self.line(path), field, table, key, **values)


def parse(
    text: str, file: str, *, error: type[InputFileError], namer: FieldNamer = dotted
) -> Source:
    """Parse YAML text; malformed YAML or a key given twice raises ``error``."""
    loader = _LineLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = err.problem or err
        raise error(
            [Problem.said(file, line, "yaml", MESSAGES, "not_yaml", problem=problem)]
        ) from None
    except yaml.YAMLError as err:
        raise error(
            [Problem.said(file, None, "yaml", MESSAGES, "not_yaml_at_all", problem=err)]
        ) from None
    except RecursionError:
        raise error([_too_deep(file)]) from None
    finally:
        loader.dispose()
    if loader.duplicates:
        raise error(
            [
                Problem.said(file, line, key, MESSAGES, "key_twice")
                for line, key in loader.duplicates
            ]
        )
    values, depth = _shape(data)
    if depth > MAX_DEPTH:
        raise error([_too_deep(file)])
    if values > MAX_VALUES:
        raise error([Problem.said(file, None, "yaml", MESSAGES, "too_many_values", n=MAX_VALUES)])
    return Source(file, data, loader.lines, loader.keep, namer)


# Far beyond any bank or instrument (they are 5-7 levels deep and hold a few
# thousand values), and small enough that checking is quick: a file of aliases
# of aliases (a "billion laughs") would otherwise keep the checks busy for hours.
MAX_DEPTH = 50
MAX_VALUES = 200_000


def _too_deep(file: str) -> Problem:
    return Problem.said(file, None, "yaml", MESSAGES, "too_deep", depth=MAX_DEPTH)


def _shape(data: Any) -> tuple[int, int]:
    """How many values ``data`` holds and how deep it is, counting each alias
    as what it stands for (without expanding it, so it is quick)."""
    containers = (dict, list, tuple)
    if not isinstance(data, containers):
        return 1, 1
    shapes: dict[int, tuple[int, int]] = {}
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        node, children_done = stack.pop()
        children = node.values() if isinstance(node, dict) else node
        if children_done:
            count, depth = 1, 0
            for child in children:
                n, d = shapes[id(child)] if isinstance(child, containers) else (1, 1)
                count, depth = count + n, max(depth, d)
            shapes[id(node)] = (count, depth + 1)
        elif id(node) not in shapes:
            stack.append((node, True))
            stack.extend((c, False) for c in children if isinstance(c, containers))
    return shapes[id(data)]


def schema_problems(src: Source, schema: dict[str, Any]) -> list[Problem]:
    """Every way ``src`` breaks ``schema``, each on the line it is about."""
    # jsonschema-rs rather than jsonschema: the latter's import costs about 1.5 s in a
    # Jupyter install (its optional format checkers), paid by every kernel that loads a file.
    import jsonschema_rs

    problems = _non_json_problems(src, src.data, ())
    if problems:  # the validator cannot even look at these
        return problems
    for err in jsonschema_rs.validator_for(schema).iter_errors(src.data):
        path: Path_ = tuple(err.instance_path)
        kind = type(err.kind).__name__
        quoted = str(err.message).split('"')[1::2] or str(err.message).split("'")[1::2]
        if kind in ("PropertyNames", "AdditionalProperties") and len(quoted) >= 1:
            path = (*path, quoted[0])  # point at the unknown key's own line
        problem = _schema_problem(src, path, kind, err, quoted)
        if problem not in problems:
            problems.append(problem)
    return problems


_LARGEST_INT = 2**53  # beyond it, a number is no longer exact as a float
_KIND: dict[type, str] = {  # keys of MESSAGES
    int: "kind_number",
    float: "kind_number",
    bool: "kind_bool",
    type(None): "kind_null",
    dt.date: "kind_date",
    dt.datetime: "kind_date",
    bytes: "kind_binary",
    set: "kind_set",
    tuple: "kind_pairs",
}


def _word(key: str) -> dict[str, str]:
    """MESSAGES[key] in every language: a word filled into another message."""
    return {lang: translate(MESSAGES, key, lang) for lang in LANGUAGES}


def _non_json_problems(src: Source, node: Any, path: Path_) -> list[Problem]:
    """Values YAML can hold but JSON cannot (dates, binary data, sets, keys that are
    not text, numbers that are not finite), each on its line.  (Nesting is bounded
    by :data:`MAX_DEPTH`, so the recursion is too.)"""
    if isinstance(node, dict):
        out: list[Problem] = []
        for key, value in node.items():
            if isinstance(key, str):
                out += _non_json_problems(src, value, (*path, key))
            else:
                kind = _word(_KIND.get(type(key), "kind_value"))
                out.append(
                    src.said((*path, str(key)), MESSAGES, "key_not_text", name=key, kind=kind)
                )
        return out
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in _non_json_problems(src, v, (*path, i))]
    if node is None or isinstance(node, str | bool):
        return []
    if isinstance(node, int):
        if abs(node) <= _LARGEST_INT:
            return []
        return [src.said(path, MESSAGES, "number_too_large", number=f"{node:.3g}")]
    if isinstance(node, float):
        if math.isfinite(node):
            return []
        return [src.said(path, MESSAGES, "not_finite", value=node)]
    if isinstance(node, dt.date):  # datetime too
        return [src.said(path, MESSAGES, "date", value=node)]
    what: object = _word(_KIND[type(node)]) if type(node) in _KIND else type(node).__name__
    return [src.said(path, MESSAGES, "unusable", kind=what)]


def _shown(value: Any) -> str:
    """A value as a problem shows it: JSON (text in quotes), at most 60 characters."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:59] + "…"


def _types(names: list[str]) -> dict[str, str]:
    return {
        lang: translate(MESSAGES, "or", lang).join(
            translate(MESSAGES, f"type_{n}", lang) if f"type_{n}" in MESSAGES else n for n in names
        )
        for lang in LANGUAGES
    }


# The validator's kinds said in our own words, with what each needs from the error.
_LIMITED = {
    "MinLength": "min_length",
    "MaxLength": "max_length",
    "Minimum": "minimum",
    "Maximum": "maximum",
    "ExclusiveMinimum": "exclusive_minimum",
}


def _schema_problem(src: Source, path: Path_, kind: str, err: Any, quoted: list[str]) -> Problem:
    """One schema error, in every language."""
    found: dict[str, Any] = err.kind.as_dict()
    value = _shown(err.instance)
    if kind == "Required":
        missing = str(found.get("property", quoted[0] if quoted else err.message))
        if missing == "uk":
            return src.said(path, MESSAGES, "uk_missing")
        return src.said(path, MESSAGES, "required", name=missing)
    if kind in ("PropertyNames", "AdditionalProperties") and quoted:
        unknown = quoted if kind == "AdditionalProperties" else quoted[:1]
        return src.said(path, MESSAGES, "unknown_field", name=", ".join(unknown))
    if kind == "Enum":
        options = ", ".join(_shown(o) for o in found["options"])
        return src.said(path, MESSAGES, "enum", value=value, options=options)
    if kind == "Constant":
        return src.said(path, MESSAGES, "const", expected=_shown(found["expected_value"]))
    if kind == "Type":
        types = found["types"] if isinstance(found["types"], list) else [found["types"]]
        return src.said(path, MESSAGES, "type", value=value, types=_types([str(t) for t in types]))
    if kind in _LIMITED:
        return src.said(path, MESSAGES, _LIMITED[kind], value=value, limit=found["limit"])
    if kind == "MinItems":
        return src.said(path, MESSAGES, "min_items", limit=found["limit"])
    if kind == "Pattern":
        return src.said(path, MESSAGES, "pattern", value=value, pattern=_shown(found["pattern"]))
    if kind in ("OneOfNotValid", "AnyOf"):
        return src.said(path, MESSAGES, "one_of", value=value)
    return src.said(path, MESSAGES, "other", message=err.message)
