"""Every element of the seed's two modules is taught (a section of a notebook) and
assessed at its declared level, as listed in course/seed_coverage.yaml.

The rules (the file's header explains the fields): an `assessed` item exists, is graded
(a bank question with points and a key, or a hand-graded task) and is asked in the
element's module; its form matches its type (a scenario is `scenario`, a matching or
ordering may be `sorting`); `level: apply` needs an assessed item that is not `recall`;
`level: practise` needs `practised` cells; `practised` holds only ungraded cells."""

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
LEVELS = {"know", "apply", "practise"}
FORMS = {"recall", "case", "scenario", "sorting"}
SORTING_TYPES = {"matching", "ordering"}


def elements() -> list[dict[str, Any]]:
    data = yaml.safe_load(COVERAGE.read_text(encoding="utf-8"))
    return list(data["elements"])


@cache
def bank_questions(module: str) -> dict[str, dict[str, Any]]:
    """The module's bank as written, by id. Read as plain YAML, not through
    clientlearn.bank, so that a problem in one scenario (which tests/test_bank.py and
    tests/test_course_content.py report) does not hide the coverage of everything else."""
    data = yaml.safe_load((REPO / module / "questions.yaml").read_text(encoding="utf-8"))
    return {q["id"]: q for q in data["questions"]}


def is_graded(q: dict[str, Any]) -> bool:
    """Points for a right answer: points > 0 and a key (a rating never has one)."""
    points = q.get("points", 0 if q["type"] == "rating" else 1)
    if q["type"] == "rating" or points <= 0:
        return False
    if q["type"] == "scenario":
        return all("score" in e for e in q.get("endings", []))
    return "key" in q


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


def is_task(module: str, ref: str) -> bool:
    return f"grade_id:{grade_id(ref, 'task')}" in module_cells(module)


def is_asked(module: str, ref: str) -> bool:
    return f'quiz.ask("{ref}")' in module_cells(module)


def module_of(element: dict[str, Any]) -> str:
    return str(Path(element["taught"]["notebook"]).parent)


def test_every_seed_element_is_listed_once() -> None:
    ids = [e["id"] for e in elements()]
    assert set(ids) >= REQUIRED
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("element", elements(), ids=lambda e: e["id"])
def test_element_is_taught(element: dict[str, Any]) -> None:
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


@pytest.mark.parametrize("element", elements(), ids=lambda e: e["id"])
def test_assessed_items_are_graded_cells_of_the_right_form(element: dict[str, Any]) -> None:
    module = module_of(element)
    bank = bank_questions(module)
    for entry in element.get("assessed") or []:
        assert isinstance(entry, dict) and set(entry) == {"id", "form"}, (
            f"{element['id']}: write each assessed item as {{id: ITEM, form: FORM}}, not {entry!r}"
        )
        ref, form = entry["id"], entry["form"]
        assert form in FORMS, f"{element['id']}: {ref}: form {form!r} is not one of {FORMS}"
        if is_task(module, ref):
            assert form in {"case", "recall"}, f"{element['id']}: {ref} is a written task"
            continue
        assert ref in bank, f"{element['id']}: {ref} is neither a question nor a task"
        q = bank[ref]
        assert is_graded(q), f"{element['id']}: {ref} earns no points for a right answer"
        assert is_asked(module, ref), f"{element['id']}: {ref} is not asked in {module}"
        kind = q["type"]
        assert (form == "scenario") == (kind == "scenario"), (
            f"{element['id']}: {ref} is a {kind}, declared {form}"
        )
        if form == "sorting":
            assert kind in SORTING_TYPES, f"{element['id']}: {ref} is a {kind}, not a sorting"


@pytest.mark.parametrize("element", elements(), ids=lambda e: e["id"])
def test_practised_cells_exist_and_are_ungraded(element: dict[str, Any]) -> None:
    module = module_of(element)
    cells = module_cells(module)
    bank = bank_questions(module)
    for ref in element.get("practised") or []:
        if ref.startswith("instrument:"):
            found = ref in cells
        elif ref.startswith("group:"):
            found = any(re.search(rf"group_answer\(\s*\"{re.escape(ref[6:])}\"", c) for c in cells)
        elif ref.startswith("rubric:"):
            found = any("observer_rubric(" in c for c in cells)
        else:
            assert ref in bank, f"{element['id']}: practised {ref} is not in the bank"
            assert not is_graded(bank[ref]), (
                f"{element['id']}: {ref} is graded: list it under assessed"
            )
            found = is_asked(module, ref)
        assert found, f"{element['id']}: {ref} is not a cell of {module}"


@pytest.mark.parametrize("element", elements(), ids=lambda e: e["id"])
def test_level_is_met(element: dict[str, Any]) -> None:
    level = element.get("level")
    assert level in LEVELS, f"{element['id']}: level {level!r} is not one of {LEVELS}"
    forms = [entry["form"] for entry in element.get("assessed") or []]
    if level == "practise":
        assert element.get("practised"), f"{element['id']}: practise needs practised cells"
    elif level == "know":
        assert forms, f"{element['id']}: know needs at least one assessed item"
    else:
        assert any(f != "recall" for f in forms), (
            f"{element['id']}: apply needs an assessed case, scenario or sorting, not only recall"
        )


def test_the_rules_catch_what_they_should() -> None:
    # The checks above rest on these two judgements; make sure they can say no.
    assert not is_graded({"id": "r", "type": "rating", "points": 1})
    assert not is_graded({"id": "w", "type": "single", "points": 0, "key": "a"})
    assert not is_graded({"id": "s", "type": "scenario", "endings": [{"id": "e"}]})
    assert is_graded({"id": "t", "type": "truefalse", "key": False})
    assert not is_asked("module1_client_service", "m1.no.such.question")
