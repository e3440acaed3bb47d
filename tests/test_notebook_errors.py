"""A bank that fails to load in a participant's notebook: the cell's error output is the
message in the notebook's language and the error's class, not an English traceback;
the output stays an error, so nbgrader still scores such a grade cell 0."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbgrader.utils import determine_grade

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.bank import load_bank

from .test_nbgrader_e2e import run_notebook

pytestmark = pytest.mark.nbgrader

BROKEN = """\
id: broken
questions:
  - id: q1
    type: single
    text: {uk: Що робити?, en: What to do?}
"""


def _cell(source: str, grade_id: str | None = None) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source)
    if grade_id is not None:  # an autograded cell, as nbgrader marks it
        cell.metadata["nbgrader"] = {
            "grade": True, "solution": False, "locked": True, "points": 1,
            "grade_id": grade_id, "schema_version": 3,
        }  # fmt: skip
    return cell


def test_a_broken_bank_speaks_the_notebook_language(tmp_path: Path) -> None:
    bank = tmp_path / "questions.yaml"
    bank.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(ClientlearnError) as raised:
        load_bank(bank)
    error = raised.value
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        _cell('from clientlearn.runtime.quiz import Quiz\nquiz = Quiz("questions.yaml")', "load"),
        _cell('quiz = Quiz("questions.yaml", lang="en")'),
        _cell("%env CLIENTLEARN_TRACEBACK=1"),
        _cell("%tb"),
    ]
    path = tmp_path / "lesson.ipynb"
    nbformat.write(nb, path)
    done = run_notebook(path, allow_errors=True)

    uk, en, _, full = done.cells
    [output] = uk.outputs
    assert output.output_type == "error" and output.ename == type(error).__name__
    shown = "\n".join(output.traceback)
    assert error.text("uk") in shown and error.text("en") not in shown
    name = f"{type(error).__module__}.{type(error).__qualname__}"
    assert f"({name}; повний traceback покаже %tb" in shown
    assert "Traceback" not in shown and "File " not in shown
    assert determine_grade(uk) == (0, 1.0)  # what nbgrader's autograde records

    shown = "\n".join(en.outputs[0].traceback)
    assert error.text("en") in shown and f"({name}; %tb after" in shown

    # For whoever debugs it: Python's full traceback, down to where the bank failed.
    text = "".join(o.get("text", "") for o in full.outputs) + "".join(
        "\n".join(o.get("traceback", [])) for o in full.outputs
    )
    assert "Traceback (most recent call last)" in text and "load_bank" in text
