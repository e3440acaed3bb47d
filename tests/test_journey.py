"""The trainer's journey in clientlearn commands, on real parts: ``.venv/bin/clientlearn``
run with a PATH that does not hold the environment's scripts (nothing activated) releases
a module kept beside the course, collects a Moodle download, participants' zips and
folders (matched to the roster, an unknown name named and not copied, an older copy
never replacing a newer one), autogrades to the expected scores and writes feedback
without keys.  The errors a trainer meets first are checked through the ``cli`` group."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import nbformat
import pytest
from click.testing import CliRunner

from clientlearn.cli import cli
from clientlearn.grader.coursefolder import Course
from clientlearn.runtime.bank import Bank, load_bank
from clientlearn.runtime.store import ANSWERS_FILE, AnswerStore
from clientlearn.trainer.authoring import build_notebook
from clientlearn.trainer.simulate import right_answer

from .conftest import SHOWCASE
from .keys import key_leaks
from .test_nbgrader_e2e import PARTLY

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MODULE = "quiz"
NOTEBOOK = "quiz.ipynb"

ROSTER = """\
id,name,first_name,last_name,email
bondarenko_olena,Бондаренко Олена,Олена,Бондаренко,
kit_mariana,Кіт Мар’яна,Мар’яна,Кіт,
shevchenko_taras,Шевченко Тарас,Тарас,Шевченко,
"""
GROUPS = "group,id,name\n1,bondarenko_olena,Бондаренко Олена\n1,kit_mariana,Кіт Мар’яна\n"

OLDER, NEWER, LATER = (dt.datetime(2026, 3, d, 15, 0, 0) for d in (4, 5, 6))
TARAS_FIRST = ("sc.single", "sc.truefalse")
TARAS_LATER = ("sc.single", "sc.truefalse", "sc.multiple", "sc.ordering")


def clientlearn(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed command as a trainer runs it: the environment is not activated, so
    its scripts (nbgrader, alembic) are not on PATH."""
    path = [p for p in os.environ.get("PATH", "").split(os.pathsep) if Path(p) != BIN]
    env = dict(os.environ, PATH=os.pathsep.join(path), PYTHONPATH=str(REPO))
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(
        [str(BIN / "clientlearn"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def answered(release: Path, folder: Path, answers: dict[str, Any], when: dt.datetime) -> Path:
    """A participant's module folder: the release, answered, last saved at ``when``."""
    shutil.copytree(release, folder)
    store = AnswerStore(folder)
    for qid, value in answers.items():
        store.save(qid, value)
    for path in folder.iterdir():
        os.utime(path, (when.timestamp(), when.timestamp()))
    return folder


def zip_of(folder: Path, archive: Path, when: dt.datetime, prefix: str = "") -> Path:
    with zipfile.ZipFile(archive, "a") as zf:
        for path in sorted(folder.iterdir()):
            info = zipfile.ZipInfo(prefix + path.name, date_time=when.timetuple()[:6])
            zf.writestr(info, path.read_bytes())
    return archive


def points(bank: Bank, qids: tuple[str, ...]) -> float:
    return float(sum(q.points for q in bank if q.id in qids))


@pytest.fixture(scope="module")
def journey(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("journey")
    module = root / MODULE  # the module folder an author edits, beside the course
    module.mkdir()
    shutil.copy(SHOWCASE, module / "questions.yaml")
    bank = load_bank(module / "questions.yaml")
    lesson = "# Шлях тренера\n\n" + "\n\n".join(f"{{{{ ask {q.id} }}}}" for q in bank)
    nbformat.write(build_notebook(lesson, bank), module / NOTEBOOK)
    course = Course.create(root / "course")
    (course.root / "roster.csv").write_text(ROSTER, encoding="utf-8")
    (course.root / "groups.csv").write_text(GROUPS, encoding="utf-8")
    out: dict[str, Any] = {"root": root, "course": course, "bank": bank}

    out["release"] = clientlearn("release", MODULE, cwd=course.root)
    release = course.release_dir(MODULE)
    work, inbox = root / "work", root / "inbox"
    inbox.mkdir()
    everything = {q.id: right_answer(q) for q in bank}
    partly = {qid: value for qid, (value, _) in PARTLY.items()}
    # Moodle's download: Олена's newer work, a name nobody on the roster has, online text.
    olena = answered(release, work / "olena", partly, NEWER)
    moodle = zip_of(
        olena, inbox / "moodle.zip", NEWER, "Олена Бондаренко_101_assignsubmission_file_/"
    )
    stranger = answered(release, work / "stranger", partly, NEWER)
    zip_of(stranger, moodle, NEWER, "Петро Невідомий_104_assignsubmission_file_/")
    with zipfile.ZipFile(moodle, "a") as zf:
        zf.writestr("Кіт Мар’яна_102_assignsubmission_onlinetext_/onlinetext.html", "<p>Готово</p>")
    # Олена's own zip, named by her name, of an older attempt that got everything right.
    olena_old = answered(release, work / "olena-old", everything, OLDER)
    zip_of(olena_old, inbox / "Бондаренко Олена.zip", OLDER)
    # Мар’яна's zip, named by her id, with the module folder inside.
    mariana = answered(release, work / "mariana", everything, NEWER)
    zip_of(mariana, inbox / "kit_mariana.zip", NEWER, f"{MODULE}/")
    # Тарас's folder, named by his id, the files flat.
    answered(release, inbox / "shevchenko_taras", {q: everything[q] for q in TARAS_FIRST}, NEWER)
    out["first"] = clientlearn("collect", MODULE, str(inbox), cwd=course.root)

    # Again, in English: an older copy of Мар’яна's (the browser named it "(1)") and a
    # later folder of Тарас's.
    again = root / "again"
    again.mkdir()
    older = answered(release, work / "mariana-old", partly, OLDER)
    zip_of(older, again / "Кіт Мар’яна (1).zip", OLDER)
    taras = {q: everything[q] for q in TARAS_LATER}
    answered(release, again / "shevchenko_taras", taras, LATER)
    out["second"] = clientlearn(
        "collect", MODULE, str(again / "Кіт Мар’яна (1).zip"), str(again / "shevchenko_taras"),
        "--lang", "en", cwd=course.root,
    )  # fmt: skip
    out["autograde"] = clientlearn("autograde", MODULE, "--jobs", "1", cwd=course.root)
    out["feedback"] = clientlearn("feedback", MODULE, cwd=course.root)
    return out


@pytest.mark.nbgrader
def test_release_links_the_module_and_places_the_groups(journey: dict[str, Any]) -> None:
    proc, course = journey["release"], journey["course"]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "видано" in proc.stdout and "nbgrader.log" in proc.stdout
    # nbgrader's own log is kept out of the trainer's way.
    assert "[GenerateAssignmentApp" not in proc.stdout + proc.stderr
    assert "[GenerateAssignmentApp" in (course.root / "nbgrader.log").read_text(encoding="utf-8")
    entry = course.root / "source" / MODULE
    assert entry.is_symlink() and entry.resolve() == journey["root"] / MODULE
    release = course.release_dir(MODULE)
    assert (release / "groups.csv").read_text(encoding="utf-8") == GROUPS
    files = {p.name: p.read_text(encoding="utf-8") for p in release.iterdir()}
    assert NOTEBOOK in files and key_leaks(files, [journey["bank"]]) == []


@pytest.mark.nbgrader
def test_collect_matches_the_roster_and_names_what_it_cannot(journey: dict[str, Any]) -> None:
    proc, course = journey["first"], journey["course"]
    assert proc.returncode == 1, proc.stdout + proc.stderr  # something was not collected
    out = proc.stdout
    assert "НЕ ЗІБРАНО (1)" in out and "немає нікого на ім’я «Петро Невідомий»" in out
    submitted = course.root / "submitted"
    assert sorted(p.name for p in submitted.iterdir()) == [
        "bondarenko_olena",
        "kit_mariana",
        "shevchenko_taras",
    ]
    for student in ("bondarenko_olena", "kit_mariana", "shevchenko_taras"):
        names = sorted(p.name for p in (submitted / student / MODULE).iterdir())
        assert names == sorted([ANSWERS_FILE, NOTEBOOK, "timestamp.txt"]), student
    # Олена's older zip did not replace the newer Moodle submission, and the output says
    # which one was kept.
    olena = submitted / "bondarenko_olena" / MODULE / ANSWERS_FILE
    assert olena.read_bytes() == (journey["root"] / "work" / "olena" / ANSWERS_FILE).read_bytes()
    passed = [line for line in out.splitlines() if line.startswith("  bondarenko_olena:")]
    assert len(passed) == 1 and "Бондаренко Олена.zip" in passed[0]
    assert "залишено" in passed[0] and "moodle.zip" in passed[0]


@pytest.mark.nbgrader
def test_a_later_collect_keeps_newer_work_and_takes_newer(journey: dict[str, Any]) -> None:
    proc, course = journey["second"], journey["course"]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "kit_mariana: " in proc.stdout and "kept the one already in submitted/" in proc.stdout
    assert "shevchenko_taras ← " in proc.stdout and "in place of an older submission" in proc.stdout
    mariana = course.root / "submitted" / "kit_mariana" / MODULE / ANSWERS_FILE
    assert (
        mariana.read_bytes() == (journey["root"] / "work" / "mariana" / ANSWERS_FILE).read_bytes()
    )


@pytest.mark.nbgrader
def test_autograde_and_feedback_after_collect(journey: dict[str, Any]) -> None:
    grading, made = journey["autograde"], journey["feedback"]
    assert grading.returncode == 0, grading.stdout + grading.stderr
    bank: Bank = journey["bank"]
    scores = {s.student: s.score for s in journey["course"].scores(MODULE)}
    assert scores == {
        "bondarenko_olena": pytest.approx(sum(p for _, p in PARTLY.values())),
        "kit_mariana": pytest.approx(sum(q.points for q in bank)),
        "shevchenko_taras": pytest.approx(points(bank, TARAS_LATER)),
    }
    assert made.returncode == 0, made.stdout + made.stderr
    feedback = journey["course"].root / "feedback"
    pages = sorted(feedback.glob(f"*/{MODULE}/*.html"))
    assert [p.parent.parent.name for p in pages] == sorted(scores)
    assert str(feedback / "kit_mariana" / MODULE) in made.stdout
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for leak in ("HIDDEN TESTS", "score(", "Traceback (most recent"):
            assert leak not in text, (page, leak)
        files = {p.name: p.read_text(encoding="utf-8") for p in page.parent.iterdir()}
        assert key_leaks(files, [bank], explanations=False) == []


# --- the first errors a trainer meets (no nbgrader run) ---------------------------------


def invoke(*args: str, cwd: Path) -> Any:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, list(args))
    finally:
        os.chdir(old)


def test_release_names_the_modules_there_are(tmp_path: Path) -> None:
    course = Course.create(tmp_path / "course")
    (tmp_path / "module1").mkdir()
    (tmp_path / "module1" / "01.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / "module1" / "questions.yaml").write_text("", encoding="utf-8")
    result = invoke("release", "module3", cwd=course.root)
    assert result.exit_code == 1
    assert "Модуль «module3» не знайдено" in result.output and "module1." in result.output
    assert not (course.root / "source").exists()
    result = invoke("release", "module1", "--lang", "en", cwd=tmp_path / "module1")
    assert result.exit_code == 1 and "is not an nbgrader course folder" in result.output


def test_collect_and_feedback_say_what_comes_first(tmp_path: Path) -> None:
    course = Course.create(tmp_path / "course")
    result = invoke("collect", MODULE, str(tmp_path), cwd=course.root)
    assert result.exit_code == 1 and "clientlearn release quiz" in result.output
    course.release_dir(MODULE).mkdir(parents=True)
    result = invoke("collect", MODULE, str(tmp_path), cwd=course.root)
    assert result.exit_code == 1 and "clientlearn roster import" in result.output
    result = invoke("collect", MODULE, cwd=course.root)
    assert result.exit_code == 2 and "--exchange" in result.output
    result = invoke("feedback", MODULE, "--lang", "en", cwd=course.root)
    assert result.exit_code == 1 and "Run clientlearn autograde quiz first" in result.output
