"""Release and collect through nbgrader's exchange, as on a shared server (JupyterHub).

The trainer releases a module into the exchange (``clientlearn release --exchange``); a
participant, in a home folder that holds no course config, fetches it, answers (through
the store the widgets write) and submits; the trainer collects (``clientlearn collect
--exchange``), autogrades with clientlearn and sends feedback (``clientlearn feedback
--exchange``), which the participant fetches.  What must hold: the answers file travels
with the notebooks both ways it can be lost (submit and collect), the score is the one
those answers earn, and nothing the participant fetches, before or after grading, holds
a graded key.
"""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
from click.testing import CliRunner

from clientlearn.cli import cli
from clientlearn.grader.autograde import autograde
from clientlearn.grader.coursefolder import Course
from clientlearn.runtime.bank import load_bank
from clientlearn.runtime.store import ANSWERS_FILE, AnswerStore
from clientlearn.trainer.authoring import build_notebook

from .conftest import SHOWCASE
from .keys import key_leaks
from .test_nbgrader_e2e import PARTLY

pytestmark = pytest.mark.nbgrader

ASSIGNMENT = "quiz"
COURSE_ID = "client-orientation"


def participant_nbgrader(home: Path, exchange: Path, *args: str) -> str:
    """``nbgrader ARGS`` as a participant: in their home folder, with only the exchange's
    root and the course id given (what a hub's global config would say)."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    proc = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args, f"--Exchange.root={exchange}"],
        cwd=home,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


def trainer(*args: str) -> str:
    """A clientlearn command of the trainer's (they run nbgrader themselves)."""
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def journey(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("exchange")
    exchange, home = root / "exchange", root / "home"
    exchange.mkdir()
    home.mkdir()
    source = root / "src" / ASSIGNMENT
    source.mkdir(parents=True)
    shutil.copy(SHOWCASE, source / "questions.yaml")
    bank = load_bank(source / "questions.yaml")
    lesson = "# Обмін\n\n" + "\n\n".join(f"{{{{ ask {q.id} }}}}" for q in bank)
    nbformat.write(build_notebook(lesson, bank), source / "quiz.ipynb")
    course = Course.create(root / "course", course_id=COURSE_ID)
    # On a hub the exchange's root comes from a global config; here the course's says it.
    with (course.root / "nbgrader_config.py").open("a", encoding="utf-8") as fh:
        fh.write(f"c.Exchange.root = {str(exchange)!r}\n")
    course.add_source(source)
    trainer("release", ASSIGNMENT, "--exchange", "--course", str(course.root))

    participant_nbgrader(home, exchange, "fetch_assignment", ASSIGNMENT, f"--course={COURSE_ID}")
    fetched = home / ASSIGNMENT
    store = AnswerStore(fetched)
    for qid, (value, _) in PARTLY.items():
        store.save(qid, value)
    participant_nbgrader(home, exchange, "submit", ASSIGNMENT, f"--course={COURSE_ID}")

    collected = trainer("collect", ASSIGNMENT, "--exchange", "--course", str(course.root))
    result = autograde(course.root, ASSIGNMENT, jobs=1)
    assert result.ok, [s.reason for s in result.failed]
    trainer("feedback", ASSIGNMENT, "--exchange", "--course", str(course.root), "--lang", "en")
    participant_nbgrader(home, exchange, "fetch_feedback", ASSIGNMENT, f"--course={COURSE_ID}")
    return {
        "root": course.root,
        "exchange": exchange,
        "home": home,
        "fetched": fetched,
        "collected": collected,
    }


def test_the_participant_fetches_the_release_without_keys(journey: dict[str, Path]) -> None:
    fetched = journey["fetched"]
    names = {p.name for p in fetched.iterdir() if p.is_file()}
    assert {"quiz.ipynb", "questions.yaml", ANSWERS_FILE} <= names
    bank = load_bank(SHOWCASE)
    before_grading = {
        p.name: p.read_text(encoding="utf-8")
        for p in fetched.iterdir()
        if p.is_file() and p.name != ANSWERS_FILE
    }
    assert key_leaks(before_grading, [bank]) == []


def test_collect_brings_the_answers_file_and_autograde_scores_it(
    journey: dict[str, Any],
) -> None:
    root, user = journey["root"], getpass.getuser()
    assert f"З теки обміну (nbgrader collect): {user}." in journey["collected"]
    submitted = root / "submitted" / user / ASSIGNMENT
    assert (submitted / ANSWERS_FILE).read_bytes() == (
        journey["fetched"] / ANSWERS_FILE
    ).read_bytes()
    (score,) = Course(root).scores(ASSIGNMENT)
    expected = sum(points for _, points in PARTLY.values())
    assert (score.student, score.score) == (user, pytest.approx(expected))
    assert 0 < score.score < score.max_score


def test_feedback_comes_back_through_the_exchange_without_keys(
    journey: dict[str, Path],
) -> None:
    pages = list((journey["fetched"] / "feedback").glob("*/quiz.html"))
    assert len(pages) == 1
    text = pages[0].read_text(encoding="utf-8")
    assert "HIDDEN TESTS" not in text and "score(" not in text
    # release_feedback sends the HTML pages only.  They show explanations on purpose;
    # a bank's keys must still not be there.
    files = {p.name: p.read_text(encoding="utf-8") for p in pages[0].parent.iterdir()}
    assert list(files) == ["quiz.html"]
    assert "Пояснення" in text  # ExplainAnswers ran: the page is our feedback
    assert key_leaks(files, [load_bank(SHOWCASE)], explanations=False) == []
