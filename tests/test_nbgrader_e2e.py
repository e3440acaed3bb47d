"""The real nbgrader on a temporary course: release without keys, participants answer
through the answer store (or a real kernel), autograde gives exact partial credit, a lone
notebook grades like a folder, and validate lists what is missing in Ukrainian."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import nbformat
import pytest
import yaml
from nbclient import NotebookClient

from clientlearn.grader.coursefolder import Course
from clientlearn.runtime.bank import Bank, load_bank
from clientlearn.runtime.questions import Mode, ShortText
from clientlearn.runtime.store import ANSWERS_FILE, MIMETYPE, AnswerStore
from clientlearn.trainer.authoring import build_notebook
from clientlearn.trainer.simulate import right_answer

from .conftest import SHOWCASE
from .keys import key_leaks

pytestmark = pytest.mark.nbgrader

ASSIGNMENT = "quiz"

# A participant who gets some things right: (answer, points expected from nbgrader).
PARTLY = {
    "sc.single": ("a", 0.0),
    "sc.multiple": (["a", "b", "c"], 1.0),
    "sc.truefalse": (True, 1.0),
    "sc.ordering": (["greet", "clarify", "listen", "search"], 2.0),
    "sc.matching": ({"s1": "client", "s2": "self", "s3": "self"}, 1.0),
    "sc.text": ("Активне  слухання", 1.0),
    "sc.numeric": ("3,5", 0.0),
    "sc.rating": (2, 1.0),
    "sc.scenario": (["approach", "leave"], 0.5),
}


def cell(qid: str) -> str:
    return qid.replace(".", "_") + "-score"


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> tuple[Course, Bank]:
    root = tmp_path_factory.mktemp("nbgrader")
    source = root / "src" / ASSIGNMENT
    source.mkdir(parents=True)
    shutil.copy(SHOWCASE, source / "questions.yaml")
    bank = load_bank(source / "questions.yaml")
    lesson = "# Перевірка всіх типів запитань\n\n" + "\n\n".join(
        f"{{{{ ask {q.id} }}}}" for q in bank
    )
    nbformat.write(build_notebook(lesson, bank), source / "quiz.ipynb")
    course = Course.create(root / "course")
    course.add_source(source)
    course.nbgrader("generate_assignment", ASSIGNMENT, "--force")
    return course, bank


def test_release_holds_no_graded_key(course: tuple[Course, Bank]) -> None:
    c, bank = course
    release = c.release_dir(ASSIGNMENT)
    files = {p.name: p.read_text(encoding="utf-8") for p in release.iterdir() if p.is_file()}
    assert set(files) == {"quiz.ipynb", "questions.yaml"}
    released = yaml.safe_load(files["questions.yaml"])
    assert released["public"] is True
    for q in released["questions"]:
        assert "key" not in q and "explanation" not in q, q["id"]
        assert all("score" not in e for e in q.get("endings", []))
    assert "HIDDEN TESTS" not in files["quiz.ipynb"]
    everything = "\n".join(files.values())
    for q in bank:
        if q.mode is not Mode.GRADED:
            continue
        for text in (q.explanation or {}).values():
            assert text not in everything, q.id
        if isinstance(q, ShortText):
            for variant in q.key or ():
                assert variant not in everything, q.id
    assert key_leaks(files, [bank]) == []  # what "a key" is: tests/keys.py
    # The released notebook still checks that each question is answered.
    assert files["quiz.ipynb"].count("require_answer(") == len(bank)


def run_notebook(path: Path, extra: str | None = None, *, allow_errors: bool = False) -> Any:
    """Execute a notebook in a real kernel in its folder, optionally with a last cell;
    with ``allow_errors`` a failing cell keeps its error output and the next ones run."""
    nb = nbformat.read(path, as_version=4)
    if extra is not None:
        nb.cells.append(nbformat.v4.new_code_cell(extra))
    NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        allow_errors=allow_errors,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    if extra is not None:
        nb.cells.pop()
    return nb


ANSWER_IN_KERNEL = """
import json
from clientlearn.runtime.widgets import QuestionView
views = {v.question.id: v for v in Out.values() if isinstance(v, QuestionView)}
answers = json.loads(%r)
for qid, value in answers.items():
    v = views[qid]
    kind = v.question.kind
    if kind in ("single", "truefalse", "rating"):
        v.radio.value = value
    elif kind == "multiple":
        for option, box in zip(v.question.options, v.boxes):
            box.value = option.id in value
    elif kind == "ordering":
        for item in value:
            v.move(item, "add")
    elif kind == "matching":
        for item, b in value.items():
            v.selects[item].value = b
    elif kind in ("text", "numeric"):
        v.field.value = value
    elif kind == "scenario":
        for choice in value:
            v.choose(choice)
len(views)
"""


@pytest.fixture(scope="module")
def graded(course: tuple[Course, Bank], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Four participants, then one `nbgrader autograde` for all of them."""
    c, bank = course
    # alice: everything right; bob: partly right; carol: nothing answered.
    store = AnswerStore(c.submit_copy("alice", ASSIGNMENT))
    for q in bank:
        store.save(q.id, right_answer(q), bank=bank.id)
    store = AnswerStore(c.submit_copy("bob", ASSIGNMENT))
    for qid, (value, _) in PARTLY.items():
        store.save(qid, value, bank=bank.id)
    c.submit_copy("carol", ASSIGNMENT)

    # dave answers bob's answers by driving the widgets in a real kernel, then uploads
    # only the notebook (as to an LMS): the answers travel in its outputs.
    work = tmp_path_factory.mktemp("dave") / ASSIGNMENT
    shutil.copytree(c.release_dir(ASSIGNMENT), work)
    answers = {qid: value for qid, (value, _) in PARTLY.items()}
    nb = run_notebook(
        work / "quiz.ipynb", ANSWER_IN_KERNEL % json.dumps(answers, ensure_ascii=False)
    )
    nbformat.write(nb, work / "quiz.ipynb")
    on_disk = {qid: r.value for qid, r in AnswerStore(work).load().items()}

    # After a kernel restart, re-created widgets show what was saved.
    rerun = run_notebook(work / "quiz.ipynb")

    lone = c.submission_dir("dave", ASSIGNMENT)
    lone.mkdir(parents=True)
    shutil.copy(work / "quiz.ipynb", lone / "quiz.ipynb")
    c.nbgrader("autograde", ASSIGNMENT, "--force")
    return {"nb": nb, "rerun": rerun, "on_disk": on_disk, "answers": answers}


def embedded(nb: Any) -> dict[str, Any]:
    found = {}
    for cell_ in nb.cells:
        for out in cell_.get("outputs", []):
            payload = out.get("data", {}).get(MIMETYPE)
            if payload and payload["record"]:
                found[payload["question"]] = payload["record"]["value"]
    return found


def test_widgets_in_a_real_kernel_save_to_disk_and_to_the_notebook(graded: dict[str, Any]) -> None:
    assert graded["on_disk"] == graded["answers"]
    assert embedded(graded["nb"]) == graded["answers"]


def test_after_a_kernel_restart_the_saved_answers_are_shown(graded: dict[str, Any]) -> None:
    rerun = graded["rerun"]
    assert embedded(rerun) == graded["answers"]
    texts = [
        out["data"]["text/plain"]
        for cell_ in rerun.cells
        for out in cell_.get("outputs", [])
        if MIMETYPE in out.get("data", {})
    ]
    assert len(texts) == len(graded["answers"])
    assert all(t.startswith("✓ Відповідь збережено") for t in texts)


def test_scores_in_the_gradebook(course: tuple[Course, Bank], graded: dict[str, Any]) -> None:
    c, bank = course
    total = sum(q.points for q in bank)
    scores = {s.student: (s.score, s.max_score) for s in c.scores(ASSIGNMENT)}
    assert scores == {
        "alice": (total, total),
        "bob": (7.5, total),
        "carol": (0.0, total),
        "dave": (7.5, total),
    }
    expected = {cell(qid): points for qid, (_, points) in PARTLY.items()}
    assert c.grade_scores(ASSIGNMENT, "bob") == expected
    assert c.grade_scores(ASSIGNMENT, "dave") == expected
    assert set(c.grade_scores(ASSIGNMENT, "carol").values()) == {0.0}


def test_autograde_used_the_instructor_bank_and_kept_answers(
    course: tuple[Course, Bank], graded: dict[str, Any]
) -> None:
    c, _ = course
    autograded = c.root / "autograded" / "dave" / ASSIGNMENT
    assert "public: true" not in (autograded / "questions.yaml").read_text(encoding="utf-8")
    assert {qid: r.value for qid, r in AnswerStore(autograded).load().items()} == graded["answers"]
    # The answers file of a folder submission is the participant's, untouched.
    assert (c.root / "autograded" / "bob" / ASSIGNMENT / ANSWERS_FILE).exists()


def test_validate_lists_unanswered_questions_in_ukrainian(
    course: tuple[Course, Bank], graded: dict[str, Any]
) -> None:
    c, _ = course
    proc = c.nbgrader("validate", str(c.submission_dir("carol", ASSIGNMENT) / "quiz.ipynb"))
    out = proc.stdout + proc.stderr
    assert "ще без відповіді" in out
    assert "Алгоритм обслуговування" in out  # a question's title names it
    proc = c.nbgrader("validate", str(c.submission_dir("alice", ASSIGNMENT) / "quiz.ipynb"))
    assert "Success! Your notebook passes all the tests." in proc.stdout + proc.stderr


def test_an_answers_file_in_the_source_stops_the_release(course: tuple[Course, Bank]) -> None:
    from clientlearn.core.errors import ClientlearnError

    c, _ = course
    source = c.root / "source" / ASSIGNMENT
    (source / ANSWERS_FILE).write_text("{}", encoding="utf-8")
    try:
        with pytest.raises(ClientlearnError, match="answers file is in the assignment source"):
            c.nbgrader("generate_assignment", ASSIGNMENT, "--force")
    finally:
        (source / ANSWERS_FILE).unlink()
