"""YAML files that know where everything came from: line numbers and schema checks.

Question banks and self-assessment instruments are authored by hand, so every
problem must name its file, line and field.  :func:`parse` keeps the line of each
mapping key and list item (and reports keys given twice, which PyYAML silently
merges); :func:`schema_problems` validates against a JSON Schema and points each
problem at the line it is about.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from .errors import InputFileError, Problem

Path_ = tuple[str | int, ...]
FieldNamer = Callable[[Any, Path_], str]


class _LineLoader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    """A safe loader that remembers the line of every mapping key and list item."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.lines: dict[int, dict[str | int, int]] = {}
        self.duplicates: list[tuple[int, str]] = []
        self.keep: list[object] = []  # keeps ids in `lines` valid while the source lives

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
        raise error(
            [Problem(file, line, "yaml", f"not valid YAML: {err.problem or err}; fix the syntax")]
        ) from None
    except yaml.YAMLError as err:
        raise error([Problem(file, None, "yaml", f"not valid YAML: {err}")]) from None
    finally:
        loader.dispose()
    if loader.duplicates:
        raise error(
            [
                Problem(file, line, key, "this key is given twice in the same mapping; keep one")
                for line, key in loader.duplicates
            ]
        )
    return Source(file, data, loader.lines, loader.keep, namer)


def schema_problems(src: Source, schema: dict[str, Any]) -> list[Problem]:
    """Every way ``src`` breaks ``schema``, each on the line it is about."""
    # jsonschema-rs rather than jsonschema: the latter's import costs about 1.5 s in a
    # Jupyter install (its optional format checkers), paid by every kernel that loads a file.
    import jsonschema_rs

    problems: list[Problem] = []
    for err in jsonschema_rs.validator_for(schema).iter_errors(src.data):
        path: Path_ = tuple(err.instance_path)
        kind = type(err.kind).__name__
        quoted = str(err.message).split('"')[1::2] or str(err.message).split("'")[1::2]
        if kind in ("PropertyNames", "AdditionalProperties") and len(quoted) >= 1:
            path = (*path, quoted[0])  # point at the unknown key's own line
        problem = src.problem(path, _message(kind, str(err.message)))
        if problem not in problems:
            problems.append(problem)
    return problems


def _message(kind: str, message: str) -> str:
    if kind == "Required":
        missing = message.split('"')[1] if '"' in message else message
        if missing == "uk":
            return "the Ukrainian text ('uk') is missing; every text needs one"
        return f"required field {missing!r} is missing"
    if kind in ("PropertyNames", "AdditionalProperties"):
        return f"unknown field: {message}; remove it or check its spelling"
    return message
