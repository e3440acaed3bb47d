"""Every element of the seed's two modules is taught (a section of a notebook) and assessed
(named cells of the course), as listed in course/seed_coverage.yaml."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import nbformat
import pytest
import yaml

from clientlearn.trainer.authoring import grade_id, placed_instruments

REPO = Path(__file__).resolve().parent.parent
COVERAGE = REPO / "course" / "seed_coverage.yaml"
# Every numbered element of the seed's modules and conclusion (S.4, the certificates and
# the printed manual, belongs to the trainer's workflow and the handbook).
REQUIRED = {"M1.1", "M1.2", "M1.3", "M1.4", "M1.5", "M2.1", "M2.2", "M2.3"}
REQUIRED |= {"S.1", "S.2", "S.3", "S.5", "S.6"}


def elements() -> list[dict[str, Any]]:
    data = yaml.safe_load(COVERAGE.read_text(encoding="utf-8"))
    return list(data["elements"])


@cache
def module_cells(module: str) -> tuple[str, ...]:
    """The sources of every cell of a module, and the nbgrader grade ids as lines."""
    out = []
    for path in sorted((REPO / module).glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            out.append(cell.source)
            gid = cell.metadata.get("nbgrader", {}).get("grade_id")
            if gid:
                out.append(f"grade_id:{gid}")
        for placed in placed_instruments(nb):
            out.append(f"instrument:{placed.instrument}")
            if placed.phase:
                out.append(f"instrument:{placed.instrument}:{placed.phase}")
    return tuple(out)


def test_every_seed_element_is_listed() -> None:
    assert {e["id"] for e in elements()} >= REQUIRED


@pytest.mark.parametrize("element", elements(), ids=lambda e: e["id"])
def test_element_is_taught_and_assessed(element: dict[str, Any]) -> None:
    notebook = REPO / element["taught"]["notebook"]
    nb = nbformat.read(notebook, as_version=4)
    heading = element["taught"]["heading"]
    headings = [
        line[3:]
        for c in nb.cells
        if c.cell_type == "markdown"
        for line in c.source.splitlines()
        if line.startswith("## ")
    ]
    assert any(h.startswith(heading) for h in headings), f"{notebook.name}: no section {heading!r}"
    cells = module_cells(notebook.parent.name)
    for ref in element["assessed"]:
        if ref.startswith("instrument:"):
            found = ref in cells
        elif ref.startswith("group:"):
            found = any(re.search(rf"group_answer\(\s*\"{re.escape(ref[6:])}\"", c) for c in cells)
        elif ref.startswith("rubric:"):
            found = any("observer_rubric(" in c for c in cells)
        else:
            found = f'quiz.ask("{ref}")' in cells or f"grade_id:{grade_id(ref, 'task')}" in cells
        assert found, f"{element['id']}: {ref} is not a cell of {notebook.parent.name}"
