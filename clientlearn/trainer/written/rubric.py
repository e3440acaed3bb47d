"""A written task's rubric and model answer, read from the instructor's answer cell.

A lesson's ``{{ task ID points=N }}`` … ``{{ end }}`` block becomes the instructor's
cell (``### BEGIN SOLUTION`` … ``### END SOLUTION``).  Its text gives the trainer the
criteria in one of the two forms the course's lessons use:

* a Markdown table ``| Критерій | Бали | За що |`` whose first column names the
  criterion on its first level's row and is empty on the rows of its other levels;
* a numbered list ``1. **Слухання.**`` with one bullet per level
  ``- 1 бал: …`` / ``- 0,5 бала: …`` / ``- 0 балів: …``;

and the model answer after a line that starts with ``**Зразок відповіді``.  Whatever
comes before the criteria (how to grade) is kept as the introduction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Criterion", "Level", "Rubric", "parse_rubric", "plain"]

_MARKERS = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$", re.M)
_MODEL = re.compile(r"^\*\*Зразок відповіді[^*]*\*\*\s*[:.]?\s*(.*)$")
_NUMBERED = re.compile(r"^\d+\.\s+\*\*(.+?)\*\*\s*(.*)$")
_LEVEL = re.compile(r"^\s*[-*]\s+(\d+(?:[,.]\d+)?)\s+бал\w*\s*:\s*(.+)$")
_SEPARATOR = re.compile(r"^\|[\s|:-]+\|$")
_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")


@dataclass(frozen=True)
class Level:
    """One level of a criterion: its points and what earns them."""

    points: float
    text: str


@dataclass(frozen=True)
class Criterion:
    """A criterion of the rubric and its levels, the best first."""

    name: str
    levels: tuple[Level, ...]

    @property
    def points(self) -> float:
        """The most a criterion gives."""
        return max((level.points for level in self.levels), default=0.0)


@dataclass(frozen=True)
class Rubric:
    """What the trainer grades by: the introduction, the criteria and the model answer
    (plain text, Markdown emphasis removed)."""

    intro: str
    criteria: tuple[Criterion, ...]
    model_answer: str

    @property
    def points(self) -> float:
        return sum(c.points for c in self.criteria)


def plain(text: str) -> str:
    """Markdown emphasis removed (``**bold**``, ``*italic*``), for a cell or a page."""
    return _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text).strip()


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _table_row(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def parse_rubric(source: str) -> Rubric:
    """The rubric in an instructor's answer cell (see the module docstring).  A text in
    neither form gives no criteria: its whole text is the introduction."""
    text = _MARKERS.sub("", source).strip("\n")
    lines = text.splitlines()
    model: list[str] | None = None
    intro: list[str] = []
    criteria: list[tuple[str, list[Level]]] = []
    header_seen = False
    for line in lines:
        if model is not None:
            model.append(line)
            continue
        if found := _MODEL.match(line.strip()):
            model = [found.group(1)] if found.group(1).strip() else []
            continue
        stripped = line.strip()
        if stripped.startswith("|"):
            if _SEPARATOR.match(stripped):
                continue
            cells = _table_row(stripped)
            if not header_seen:
                header_seen = True  # the table's header row: Критерій | Бали | За що
                continue
            if len(cells) < 3:
                continue
            name, points, what = cells[0], cells[1], " | ".join(cells[2:])
            try:
                level = Level(_number(points), plain(what))
            except ValueError:
                continue
            if name:
                criteria.append((plain(name), [level]))
            elif criteria:
                criteria[-1][1].append(level)
            continue
        if found := _NUMBERED.match(stripped):
            criteria.append((plain(found.group(1)).rstrip(".:"), []))
            continue
        if criteria and (found := _LEVEL.match(line)):
            criteria[-1][1].append(Level(_number(found.group(1)), plain(found.group(2))))
            continue
        if not criteria and stripped:
            intro.append(plain(stripped))
    kept = tuple(Criterion(name, tuple(levels)) for name, levels in criteria if levels)
    return Rubric(
        "\n".join(intro),
        kept,
        plain("\n".join(model or []).strip("\n")),
    )
