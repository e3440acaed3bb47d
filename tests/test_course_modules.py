"""Each course module under the real nbgrader: it releases without keys, the instructor's
answers earn every auto-graded point, a blank notebook earns 0 with no error other than
"unanswered", and every released notebook runs headless from top to bottom."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
import pytest
import yaml
from nbclient import NotebookClient

from clientlearn.grader.coursefolder import Course
from clientlearn.runtime.bank import Bank, load_bank
from clientlearn.runtime.store import AnswerStore
from clientlearn.selfassess import load_instrument
from clientlearn.trainer.authoring import placed_instruments
from clientlearn.trainer.simulate import right_answer

from .keys import graded as graded_questions
from .keys import key_leaks

pytestmark = pytest.mark.nbgrader

REPO = Path(__file__).resolve().parent.parent
MODULES = ["module1_client_service", "module2_difficult_situations"]
# Errors a blank submission may show: our own "not answered yet" messages.
EXPECTED_ERRORS = {"Unanswered", "Incomplete"}


@pytest.fixture(scope="module", params=MODULES)
def graded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    module: str = request.param
    source = REPO / module
    bank = load_bank(source / "questions.yaml")
    course = Course.create(tmp_path_factory.mktemp(module) / "course")
    course.add_source(source)
    course.nbgrader("generate_assignment", module, "--force")

    # The instructor's answers: every question right, every self-assessment complete.
    folder = course.submit_copy("instructor", module)
    store = AnswerStore(folder)
    for q in bank:
        store.save(q.id, right_answer(q), bank=bank.id)
    for path in sorted(source.glob("*.ipynb")):
        for placed in placed_instruments(nbformat.read(path, as_version=4)):
            ins = load_instrument(placed.instrument)
            ratings = {item.id: ins.scale.max for item in ins.items}
            store.save(ins.record_id(placed.phase), ratings)
    course.submit_copy("blank", module)
    course.nbgrader("autograde", module, "--force")
    return {"module": module, "course": course, "bank": bank, "source": source}


def test_release_has_no_graded_key(graded: dict[str, Any]) -> None:
    course: Course = graded["course"]
    bank: Bank = graded["bank"]
    release = course.release_dir(graded["module"])
    files = {
        p.name: p.read_text(encoding="utf-8") for p in sorted(release.iterdir()) if p.is_file()
    }
    text = "\n".join(files.values())
    assert "HIDDEN TESTS" not in text and "BEGIN SOLUTION" not in text
    released = yaml.safe_load(files["questions.yaml"])
    assert released["public"] is True
    assert {q["id"] for q in released["questions"]} >= {q.id for q in graded_questions(bank)}
    # No key, explanation, ending score or accepted short answer (tests/keys.py).
    assert key_leaks(files, [bank]) == []


def test_instructor_answers_earn_every_auto_graded_point(graded: dict[str, Any]) -> None:
    from nbgrader.api import Gradebook

    course: Course = graded["course"]
    with Gradebook(f"sqlite:///{course.root / 'gradebook.db'}") as gb:
        sub = gb.find_submission(graded["module"], "instructor")
        # Code test cells are auto-graded; markdown answer cells wait for the trainer.
        auto = [g for nb in sub.notebooks for g in nb.grades if g.cell.cell_type == "code"]
        assert len(auto) >= 15
        missing = {g.name: (g.score, g.max_score) for g in auto if g.score != g.max_score}
        assert not missing


def test_blank_submission_scores_zero_without_other_errors(graded: dict[str, Any]) -> None:
    course: Course = graded["course"]
    assert {s.student: s.score for s in course.scores(graded["module"])}["blank"] == 0
    folder = course.root / "autograded" / "blank" / graded["module"]
    for path in sorted(folder.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for out in cell.get("outputs", []):
                if out.output_type == "error":
                    assert out.ename in EXPECTED_ERRORS, f"{path.name}: {out.ename}: {out.evalue}"


def test_every_released_notebook_runs_headless(graded: dict[str, Any], tmp_path: Path) -> None:
    course: Course = graded["course"]
    folder = course.submit_copy("headless", graded["module"])
    for path in sorted(folder.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        NotebookClient(
            nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
        ).execute()  # raises CellExecutionError on any error
