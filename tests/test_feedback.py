"""Feedback that teaches and gives away no key: the real ``nbgrader generate_feedback`` with
clientlearn's steps shows answers, points and explanations, and no hidden test, traceback
or bank with keys; the steps themselves on small notebooks."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
import yaml

from clientlearn.authoring import build_notebook
from clientlearn.bank import Bank, load_bank, parse_bank
from clientlearn.course import Course
from clientlearn.feedback import (
    FEEDBACK,
    ExplainAnswers,
    StripHiddenTests,
    describe_answer,
    explanation_html,
)
from clientlearn.questions import Mode, Option, ShortText, SingleChoice
from clientlearn.simulate import right_answer
from clientlearn.store import ANSWERS_FILE, AnswerStore, Record

from .conftest import SHOWCASE
from .keys import key_leaks

ASSIGNMENT = "quiz"

# bob: some right, some wrong, the short-text question left blank.
BOB = {
    "sc.single": "a",
    "sc.multiple": ["a", "b", "c"],
    "sc.truefalse": True,
    "sc.ordering": ["greet", "clarify", "listen", "search"],
    "sc.matching": {"s1": "client", "s2": "self", "s3": "self"},
    "sc.numeric": "3,5",
    "sc.rating": 2,
    "sc.scenario": ["approach", "leave"],
}


def page_text(page: str) -> str:
    """What a reader sees: the body without tags, entities decoded, spaces collapsed."""
    body = re.sub(r"<(style|script)\b.*?</\1>", " ", page[page.index("<body") :], flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def explained_bank(folder: Path) -> Bank:
    """The showcase bank with an explanation on every question; the short-text one's
    does not name its answer, so the key must not appear anywhere in bob's feedback."""
    data = yaml.safe_load(SHOWCASE.read_text(encoding="utf-8"))
    for q in data["questions"]:
        q.setdefault(
            "explanation",
            {"uk": f"Пояснення до {q['id']}: подумайте про користувача.", "en": f"On {q['id']}."},
        )
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (folder / "questions.yaml").write_text(text, encoding="utf-8")
    return load_bank(folder / "questions.yaml")


def as_trainer(course: Course, *args: str) -> None:
    """Run nbgrader as a trainer's own account would.  Under root, drop the power to
    write read-only files: autograde leaves its files read-only (444), and a step that
    writes over one works for root only."""
    cmd = [sys.executable, "-m", "nbgrader", *args]
    drop = "-dac_override,-dac_read_search"
    setpriv = ["setpriv", f"--inh-caps={drop}", f"--bounding-set={drop}"]
    if (
        os.geteuid() == 0
        and shutil.which("setpriv")
        and subprocess.run([*setpriv, "true"], check=False).returncode == 0
    ):
        cmd = [*setpriv, *cmd]
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    proc = subprocess.run(
        cmd, cwd=course.root, env=env, capture_output=True, text=True, encoding="utf-8"
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def feedback(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("feedback")
    source = root / "src" / ASSIGNMENT
    source.mkdir(parents=True)
    bank = explained_bank(source)
    lesson = "# Зворотний зв’язок\n\n" + "\n\n".join(f"{{{{ ask {q.id} }}}}" for q in bank)
    nbformat.write(build_notebook(lesson, bank), source / "quiz.ipynb")
    course = Course.create(root / "course")
    # Until configure() wires the steps in, the course config adds them itself.
    with (course.root / "nbgrader_config.py").open("a", encoding="utf-8") as fh:
        fh.write(
            "from clientlearn.feedback import FEEDBACK  # noqa: E402\n\n"
            "c.GenerateFeedback.preprocessors = list(FEEDBACK)\n"
        )
    course.add_source(source)
    course.nbgrader("generate_assignment", ASSIGNMENT, "--force")
    store = AnswerStore(course.submit_copy("alice", ASSIGNMENT))
    for q in bank:
        store.save(q.id, right_answer(q), bank=bank.id)
    store = AnswerStore(course.submit_copy("bob", ASSIGNMENT))
    for qid, value in BOB.items():
        store.save(qid, value, bank=bank.id)
    course.nbgrader("autograde", ASSIGNMENT, "--force")
    as_trainer(course, "generate_feedback", ASSIGNMENT, "--force")
    out = {"bank": bank, "course": course}
    for student in ("alice", "bob"):
        folder = course.root / "feedback" / student / ASSIGNMENT
        out[student] = folder
        out[student + "_html"] = (folder / "quiz.html").read_text(encoding="utf-8")
    return out


@pytest.mark.nbgrader
@pytest.mark.parametrize("student", ["alice", "bob"])
def test_no_hidden_test_and_no_traceback(feedback: dict[str, Any], student: str) -> None:
    page = feedback[student + "_html"]
    for leak in ("HIDDEN TESTS", "score(", "Traceback (most recent", "Cell In[", "output_error"):
        assert leak not in page, leak
    # The visible part of each test cell stays: it says what the test checks.
    assert page_text(page).count('require_answer ( "sc.') == len(feedback["bank"])


@pytest.mark.nbgrader
def test_answers_points_and_explanations_are_shown(feedback: dict[str, Any]) -> None:
    bank: Bank = feedback["bank"]
    bob = page_text(feedback["bob_html"])
    alice = page_text(feedback["alice_html"])
    for q in bank:
        explanation = q.explanation["uk"] if q.explanation else ""
        assert explanation in bob and explanation in alice, q.id
    assert "Ваша відповідь: Дописує розпочатий запис у журналі Бали: 0 з 1" in bob
    assert "Ваша відповідь: Відкладає роботу й вітає користувача Бали: 1 з 1" in alice
    # Ordering in the participant's order; a scenario's path and ending; a blank answer.
    assert "Привітатися Уточнити запит Вислухати запит Знайти відповідь Бали: 2 з 3" in bob
    assert "Фінал: У залі тихо, але студенти пішли невдоволені. Бали: 0,5 з 2" in bob
    assert "Весь персонал знає своїх клієнтів → Зорієнтована на себе" in bob
    assert "Рішення спускають згори без консультацій → не розподілено" in bob
    assert "Ваша відповідь: Відповіді не було. Бали: 0 з 1" in bob
    # The failed "answered?" check of the blank question is one line, not a traceback.
    assert "Відповіді не було, тому за це питання 0 балів." in bob
    assert "Поверніться до нього вище" not in bob


@pytest.mark.nbgrader
@pytest.mark.parametrize("student", ["alice", "bob"])
def test_feedback_folder_holds_the_participants_bank(
    feedback: dict[str, Any], student: str
) -> None:
    folder: Path = feedback[student]
    # (nbgrader also copies the answers file's hidden lock file.)
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == [
        ANSWERS_FILE,
        "questions.yaml",
        "quiz.html",
    ]
    released = yaml.safe_load((folder / "questions.yaml").read_text(encoding="utf-8"))
    assert released["public"] is True
    for q in released["questions"]:
        assert "key" not in q, q["id"]
        assert all("score" not in e for e in q.get("endings", []))
        if q["type"] != "rating":  # a rating has no right answer to explain away
            assert "explanation" not in q, q["id"]


@pytest.mark.nbgrader
def test_no_key_of_an_unanswered_text_question_anywhere(feedback: dict[str, Any]) -> None:
    """Explanations may name a right answer after grading (this one does not); the
    feedback itself never lists a key next to the participant's answer."""
    bank: Bank = feedback["bank"]
    everything = "\n".join(
        page_text(p.read_text(encoding="utf-8")) if p.suffix == ".html" else p.read_text("utf-8")
        for p in feedback["bob"].iterdir()
        if p.is_file()
    ).casefold()
    for q in bank:
        if isinstance(q, ShortText) and q.mode is Mode.GRADED and q.id not in BOB:
            for variant in q.key or ():
                assert variant.casefold() not in everything, q.id
    # No key or ending score in any file of the feedback folders (tests/keys.py); the
    # explanations are there on purpose.
    for student in ("alice", "bob"):
        files = {p.name: p.read_text("utf-8") for p in feedback[student].iterdir() if p.is_file()}
        assert key_leaks(files, [bank], explanations=False) == []


# --- the steps on small notebooks (no nbgrader run) -----------------------------------


def test_the_list_keeps_nbgraders_own_steps_around_ours() -> None:
    names = [getattr(p, "__name__", p) for p in FEEDBACK]
    assert names[0] == "GetGrades" and names[-1] == "CSSHTMLHeaderPreprocessor"


def test_strip_removes_regions_inclusive_and_open_ones_to_the_end() -> None:
    step = StripHiddenTests()
    source = 'require_answer("q")\n### BEGIN HIDDEN TESTS\nscore("q")\n### END HIDDEN TESTS\nx'
    assert step.remove_regions(source) == (
        'require_answer("q")\nx',
        ["### BEGIN HIDDEN TESTS", 'score("q")', "### END HIDDEN TESTS"],
    )
    assert step.remove_regions("a\n### BEGIN MARK SCHEME\nrubric")[0] == "a"
    assert step.remove_regions("a\n### BEGIN HIDDEN TESTS\nb")[0] == "a"


def test_errors_and_echoed_hidden_lines_become_one_line(tmp_path: Path) -> None:
    cell = nbformat.v4.new_code_cell(
        'require_answer("q")\n### BEGIN HIDDEN TESTS\nassert answer == "secret"\n'
        "### END HIDDEN TESTS"
    )
    cell.outputs = [
        nbformat.v4.new_output(
            "stream", name="stderr", text='  assert answer == "secret"\nWarning\n'
        ),
        nbformat.v4.new_output(
            "error", ename="AssertionError", evalue="secret", traceback=["assert answer"]
        ),
        nbformat.v4.new_output(
            "error", ename="Unanswered", evalue="Поверніться до нього вище", traceback=["x"]
        ),
        nbformat.v4.new_output("execute_result", data={"text/plain": "0.5"}, execution_count=1),
    ]
    nb = nbformat.v4.new_notebook(cells=[cell])
    StripHiddenTests().preprocess(nb, {"metadata": {"path": str(tmp_path)}})
    shown = nbformat.writes(nb)
    assert "secret" not in shown and "HIDDEN" not in shown and "Поверніться" not in shown
    texts = [o.get("text") or o["data"]["text/plain"] for o in cell.outputs]
    assert texts == [
        "Вивід перевірки приховано.\n",
        "Перевірка не спрацювала (AssertionError). Зверніться до тренера.\n",
        "Відповіді не було, тому за це питання 0 балів.\n",
        "0.5",
    ]


def test_explain_recomputes_points_without_the_gradebook(quiz_folder: Path) -> None:
    store = AnswerStore(quiz_folder)
    store.save("sc.ordering", ["greet", "listen", "search", "clarify"])
    nb = build_notebook("{{ ask sc.ordering }}\n\n{{ ask sc.rating }}", load_bank(SHOWCASE))
    ExplainAnswers().preprocess(nb, {"metadata": {"path": str(quiz_folder)}})
    ask = next(c for c in nb.cells if "sc.ordering" in c.source and "ask" in c.source)
    (output,) = ask.outputs
    assert "Бали: 2 з 3" in output["data"]["text/plain"]
    assert "<ol" in output["data"]["text/html"]


def test_everything_shown_is_escaped() -> None:
    q = SingleChoice(
        id="x",
        text={"uk": "<b>Що</b> & як?"},
        options=(Option("a", {"uk": "<script>alert(1)</script>"}),),
        key="a",
        explanation={"uk": "Тому що <i>так</i>"},
    )
    block = explanation_html(q, Record("a", "2024-01-01T00:00:00+00:00"), "uk", earned=1, points=1)
    assert "<script>" not in block and "<b>" not in block and "<i>" not in block
    assert "&lt;script&gt;" in block and "&amp; як?" in block


def test_english_bank_shows_both_languages() -> None:
    bank = parse_bank(SHOWCASE.read_text(encoding="utf-8").replace("lang: uk", "lang: en"))
    q = bank["sc.truefalse"]
    block = explanation_html(
        q, Record(False, "2024-01-01T00:00:00+00:00"), "en", earned=0, points=1
    )
    assert "Ваша відповідь / Your answer" in block and "Бали / Points" in block
    assert "0 of 1" in block and "False" in block and "ask their permission" in block


def test_describe_answer_of_every_kind() -> None:
    bank = load_bank(SHOWCASE)
    assert describe_answer(bank["sc.numeric"], "3,5", "uk") == (["3,5"], False)
    assert describe_answer(bank["sc.rating"], 5, "uk") == (["5 — цілком упевнено"], False)
    assert describe_answer(bank["sc.scenario"], ["approach"], "uk") == (
        ["Підійти й тихо заговорити з групою", "Фінал: сценарій не завершено"],
        True,
    )
    # A hand-edited answer that fits no option is shown as it was saved.
    assert describe_answer(bank["sc.single"], "zz", "uk") == (['"zz"'], False)
    assert describe_answer(bank["sc.text"], "  ", "en") == (["No answer was given."], False)
