"""A participant tampers with a submission: each case has a defined outcome in the gradebook,
and the trainer is told, in `clientlearn autograde`'s notices and in the class report.

One course, one `clientlearn autograde` run, one participant per case (all with the same
answers as "honest", saved at other moments):

1. edited: a locked test cell replaced by ``1`` — nbgrader restores it: the honest score;
2. deleted: a test cell and another question's own cell deleted — 0 for the first
   question, settled (not "needs manual grading"); the second still scores from the
   answers file;
3. garbage: the answers file is garbage, the notebook carries the answers — the file is
   set aside and the notebook's answers are graded: the honest score;
4. renamed: the notebook is handed in as "мій зошит.ipynb" — `clientlearn autograde`
   copies it back under its released name: the honest score;
5. copier: hands in honest's answers file — same score, and both are flagged.

The notebook also has a written task: the report names it by its heading and shows it as
awaiting manual grading until the trainer grades it (issue #6).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import pytest

from clientlearn.cli import cli
from clientlearn.grader.autograde import AutogradeResult, autograde
from clientlearn.grader.coursefolder import Course
from clientlearn.grader.integrity import Copy, identical_answers, match_renamed
from clientlearn.runtime.bank import load_bank
from clientlearn.runtime.questions import pick
from clientlearn.runtime.store import ANSWERS_FILE, Record, encode, record_bundle
from clientlearn.trainer.authoring import build_notebook, grade_id
from clientlearn.trainer.report.flags import find_flags
from clientlearn.trainer.report.page import render_report
from clientlearn.trainer.report.statistics import Report, class_report

from .conftest import SHOWCASE

pytestmark = pytest.mark.nbgrader

MODULE = "quiz"
TASK = grade_id("sc.essay", "task")
# The same answers for everyone: 7.5 points of the 13 the questions are worth.
ANSWERS: dict[str, Any] = {
    "sc.single": "a",  # 0 of 1
    "sc.multiple": ["a", "b", "c"],  # 1 of 2
    "sc.truefalse": True,  # 1 of 1
    "sc.ordering": ["greet", "clarify", "listen", "search"],  # 2 of 3
    "sc.matching": {"s1": "client", "s2": "self", "s3": "self"},  # 1 of 2
    "sc.text": "Активне  слухання",  # 1 of 1
    "sc.numeric": "3,5",  # 0 of 1
    "sc.rating": 2,  # 1 of 1
    "sc.scenario": ["approach", "leave"],  # 0.5 of 2: quality 1 × 0.5, ending 0.5
}
HONEST_SCORE = 7.5
NAMES = {
    "honest": ("Олена", "Чесна"),
    "copier": ("Іван", "<b>Копія</b>"),  # must be escaped wherever it is shown
    "edited": ("Марта", "Правка"),
    "deleted": ("Петро", "Видалений"),
    "garbage": ("Ганна", "Сміттєва"),
    "renamed": ("Тарас", "Перейменований"),
}
LESSON = """# Перевірка

{asks}

## 2. Письмове завдання: ваш досвід (≈ 10 хв)

Опишіть випадок зі своєї практики.

{{{{ task sc.essay points=2 }}}}
Рубрика для тренера: 2 бали, якщо описано конкретний випадок.
{{{{ end }}}}
"""


def records(minute: int) -> dict[str, Record]:
    """The answers, saved one a second from ``minute`` past ten (to the millisecond)."""
    return {
        qid: Record(value, f"2026-03-02T10:{minute:02d}:{i:02d}.{100 + i:03d}+00:00", 1, "showcase")
        for i, (qid, value) in enumerate(ANSWERS.items())
    }


def cells_of(path: Path) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    by_id = {
        c["metadata"]["nbgrader"]["grade_id"]: c
        for c in nb["cells"]
        if "nbgrader" in c.get("metadata", {})
    }
    return nb, by_id


def write(path: Path, nb: dict[str, Any]) -> None:
    path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")


def tamper(course: Course) -> None:
    """One submission per case (see the module docstring)."""
    honest = course.submit_copy("honest", MODULE)
    (honest / ANSWERS_FILE).write_text(encode(records(0)), encoding="utf-8")
    copier = course.submit_copy("copier", MODULE)
    shutil.copy(honest / ANSWERS_FILE, copier / ANSWERS_FILE)

    folder = course.submit_copy("edited", MODULE)
    (folder / ANSWERS_FILE).write_text(encode(records(1)), encoding="utf-8")
    nb, cells = cells_of(folder / "quiz.ipynb")
    cells[grade_id("sc.single", "score")]["source"] = "1"  # answered wrong: 0 points
    cells[grade_id("sc.numeric", "score")]["source"] = "require_answer = score = print\n1"
    write(folder / "quiz.ipynb", nb)

    folder = course.submit_copy("deleted", MODULE)
    (folder / ANSWERS_FILE).write_text(encode(records(2)), encoding="utf-8")
    nb, cells = cells_of(folder / "quiz.ipynb")
    gone = {grade_id("sc.multiple", "score"), grade_id("sc.truefalse", "ask")}
    nb["cells"] = [
        c
        for c in nb["cells"]
        if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") not in gone
    ]
    write(folder / "quiz.ipynb", nb)

    # The answers live only in the notebook's outputs, as JupyterLab saves them.
    folder = course.submit_copy("garbage", MODULE)
    (folder / ANSWERS_FILE).write_text("\x00{garbage", encoding="utf-8")
    nb, cells = cells_of(folder / "quiz.ipynb")
    for qid, record in records(3).items():
        data = record_bundle(qid, record, "uk")
        out = {"output_type": "display_data", "data": data, "metadata": {}}
        cells[grade_id(qid, "ask")]["outputs"] = [out]
    write(folder / "quiz.ipynb", nb)

    folder = course.submit_copy("renamed", MODULE)
    (folder / ANSWERS_FILE).write_text(encode(records(4)), encoding="utf-8")

    # Everyone writes the written task (a blank one nbgrader scores 0 at once).
    for student in NAMES:
        path = course.submission_dir(student, MODULE) / "quiz.ipynb"
        nb, cells = cells_of(path)
        cells[TASK]["source"] = f"Мій випадок ({student}): користувач шукав довідку."
        write(path, nb)
    (folder / "quiz.ipynb").rename(folder / "мій зошит.ipynb")


@dataclass
class Graded:
    course: Course
    result: AutogradeResult
    report: Report
    html: str
    english: str


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Graded:
    from nbgrader.api import Gradebook

    root = tmp_path_factory.mktemp("tamper")
    source = root / "src" / MODULE
    source.mkdir(parents=True)
    shutil.copy(SHOWCASE, source / "questions.yaml")
    bank = load_bank(source / "questions.yaml")
    asks = "\n\n".join(f"{{{{ ask {q.id} }}}}" for q in bank)
    nbformat.write(build_notebook(LESSON.format(asks=asks), bank), source / "quiz.ipynb")
    course = Course.create(root / "course")
    course.add_source(source)
    course.nbgrader("generate_assignment", MODULE, "--force")
    with Gradebook(f"sqlite:///{course.root / 'gradebook.db'}") as gb:
        for student, (first, last) in NAMES.items():
            gb.update_or_create_student(student, first_name=first, last_name=last)
    tamper(course)
    result = autograde(course.root, MODULE, jobs=2)
    report = class_report(course.root)
    english = render_report(class_report(course.root, lang="en"))
    return Graded(course, result, report, render_report(report), english)


def grades(course: Course, student: str) -> dict[str, tuple[float | None, bool]]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course.root / 'gradebook.db'}") as gb:
        sub = gb.find_submission(MODULE, student)
        return {
            g.name: (g.auto_score, g.needs_manual_grade) for nb in sub.notebooks for g in nb.grades
        }


def test_every_case_has_its_defined_score(graded: Graded) -> None:
    assert graded.result.ok, [s.reason for s in graded.result.failed]
    scores = {s.student: s.score for s in graded.course.scores(MODULE)}
    assert scores == {
        "honest": HONEST_SCORE,
        "copier": HONEST_SCORE,  # copied work earns what it earns; the report flags it
        "edited": HONEST_SCORE,  # the locked cells were restored
        "deleted": HONEST_SCORE - 1,  # sc.multiple's test cell is gone: its 1 point
        "garbage": HONEST_SCORE,  # graded from the notebook's outputs
        "renamed": HONEST_SCORE,  # graded under its released name
    }
    deleted = grades(graded.course, "deleted")
    assert deleted[grade_id("sc.multiple", "score")] == (0.0, False)  # settled, not pending
    assert deleted[grade_id("sc.truefalse", "score")] == (1.0, False)  # from the answers file
    edited = grades(graded.course, "edited")
    assert edited[grade_id("sc.single", "score")] == (0.0, False)
    # The restored test cell ran in the autograded notebook.
    _, cells = cells_of(graded.course.root / "autograded" / "edited" / MODULE / "quiz.ipynb")
    source = "".join(cells[grade_id("sc.single", "score")]["source"])
    assert source.startswith('require_answer("sc.single")')


def test_files_on_disk(graded: Graded) -> None:
    root = graded.course.root
    # garbage: the participant's file is untouched; the graded copy was set aside.
    assert (root / "submitted" / "garbage" / MODULE / ANSWERS_FILE).read_text(
        "utf-8"
    ) == "\x00{garbage"
    graded_copy = root / "autograded" / "garbage" / MODULE
    (aside,) = graded_copy.glob("clientlearn.answers.set-aside-*.json")
    assert aside.read_text("utf-8") == "\x00{garbage"
    assert set(json.loads((graded_copy / ANSWERS_FILE).read_text("utf-8"))["answers"]) == set(
        ANSWERS
    )
    # renamed: the participant's file is kept, a copy under the released name was graded.
    folder = root / "submitted" / "renamed" / MODULE
    assert {p.name for p in folder.glob("*.ipynb")} == {"мій зошит.ipynb", "quiz.ipynb"}
    copy = json.loads((folder / "quiz.ipynb").read_text("utf-8"))
    assert copy["metadata"]["clientlearn"]["renamed_from"] == "мій зошит.ipynb"
    assert graded.result.renamed == (("renamed", "quiz.ipynb", "мій зошит.ipynb"),)


def test_autograde_tells_the_trainer(graded: Graded) -> None:
    notices = "\n".join(graded.result.notices)
    assert (
        "renamed: handed in quiz.ipynb as 'мій зошит.ipynb'; it was graded as quiz.ipynb" in notices
    )
    assert (
        f"deleted: quiz.ipynb: the graded cell {grade_id('sc.multiple', 'score')} was deleted"
        in notices
    )
    assert "garbage: " in notices and "clientlearn.answers.set-aside-" in notices
    assert not any(n.startswith(("honest:", "copier:", "edited:")) for n in graded.result.notices)


def test_the_report_flags_each_case_and_no_one_else(graded: Graded) -> None:
    found = {(f.student, f.kind, f.other) for f in graded.report.flags}
    assert found == {
        ("honest", "copied", "copier"),
        ("copier", "copied", "honest"),
        ("edited", "edited", ""),
        ("deleted", "deleted_graded", ""),
        ("deleted", "deleted_locked", ""),
        ("garbage", "set_aside", ""),
        ("renamed", "renamed", ""),
    }
    by_kind = {(f.student, f.kind): f.values for f in graded.report.flags}
    bank = load_bank(SHOWCASE)
    edited = by_kind[("edited", "edited")]["cells"]
    for qid in ("sc.single", "sc.numeric"):  # named by the questions' titles
        assert f"«{pick(bank[qid].title or bank[qid].text, 'uk')}»" in edited
    assert edited.count("«") == 2
    assert by_kind[("deleted", "deleted_graded")]["cells"] == "«Ознаки клієнтоорієнтованості»"
    assert by_kind[("copier", "copied")]["n"] == str(len(ANSWERS))


def test_flags_are_in_the_html_escaped(graded: Graded) -> None:
    html = graded.html
    attention = html[html.index('<div class="attention"') : html.index("<nav>")]
    assert "Потребує уваги тренера" in attention
    assert attention.count("<tr>") == 1 + len(graded.report.flags)  # the header and one each
    assert "&lt;b&gt;Копія&lt;/b&gt; Іван" in attention and "<b>Копія" not in html
    assert 'href="#p-copier"' in attention
    # On honest's page: whose answers are the same.
    page = html[html.index('id="p-honest"') :]
    page = page[: page.index("</article>")]
    assert "Ті самі відповіді, що й в іншій роботі (&lt;b&gt;Копія&lt;/b&gt; Іван)" in page
    page = html[html.index('id="p-renamed"') :]
    assert "Зошит quiz.ipynb здано під назвою «мій зошит.ipynb»" in page[: page.index("</article>")]
    assert "Needs the trainer’s attention" in graded.english
    assert "Answers identical to Чесна Олена’s" in graded.english


def test_a_written_task_awaits_manual_grading_then_shows_normally(
    graded: Graded, tmp_path: Path
) -> None:
    from nbgrader.api import Gradebook

    (task,) = [i for i in graded.report.items[MODULE] if i.cell == TASK]
    assert task.title == "Письмове завдання: ваш досвід" and task.kind == "task"
    assert task.pending == task.n == len(NAMES) and task.discrimination is None
    assert graded.report.items[MODULE][-1] == task  # not "the hardest item"
    row = graded.html[graded.html.index("Письмове завдання: ваш досвід") :]
    assert row[: row.index("</tr>")].count("очікує ручного оцінювання") == 1
    assert "(очікує ручного оцінювання)" in graded.html  # on the participants' pages
    assert "awaiting manual grading" in graded.english

    # The trainer grades it (as the formgrader does): the item shows like any other.
    root = tmp_path / "course"
    shutil.copytree(graded.course.root, root)
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        for i, student in enumerate(sorted(NAMES)):
            grade = gb.find_grade(TASK, "quiz", MODULE, student)
            grade.manual_score, grade.needs_manual_grade = (2.0 if i % 2 else 1.0), False
        gb.db.commit()
    report = class_report(root)
    (task,) = [i for i in report.items[MODULE] if i.cell == TASK]
    assert task.pending == 0 and task.title == "Письмове завдання: ваш досвід"
    assert task.difficulty == 0.5 and task.mean_fraction == 0.75
    html = render_report(report)
    row = html[html.index("Письмове завдання: ваш досвід") :]
    assert "очікує" not in row[: row.index("</tr>")] and "50%" in row[: row.index("</tr>")]


def test_what_plain_nbgrader_leaves_is_named_too(graded: Graded, tmp_path: Path) -> None:
    """Without clientlearn autograde the renamed notebook is not graded; a notebook that
    is no released one's copy leaves its notebook missing."""
    root = tmp_path / "course"
    shutil.copytree(graded.course.root, root)
    (root / "submitted" / "renamed" / MODULE / "quiz.ipynb").unlink()
    honest = root / "submitted" / "honest" / MODULE
    (honest / "quiz.ipynb").rename(honest / "notes.ipynb")
    write(honest / "notes.ipynb", {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    flags = find_flags(root, {MODULE: {"renamed", "honest"}}, {}, lang="uk")
    assert [(f.student, f.kind, dict(f.values)) for f in flags] == [
        ("honest", "missing_notebook", {"notebook": "quiz.ipynb"}),
        ("renamed", "renamed_ungraded", {"notebook": "quiz.ipynb", "found": "мій зошит.ipynb"}),
    ]


# ------------------------------------------------------------------ the pure functions


def test_identical_answers_need_the_same_moments_not_just_the_same_choices() -> None:
    same_choices = {"ann": records(0), "ben": records(5)}  # honest people, same options
    assert identical_answers(same_choices) == []
    copied = {"ann": records(0), "ben": records(5), "cat": records(0)}
    assert identical_answers(copied) == [Copy("ann", "cat", tuple(sorted(ANSWERS)))]
    # Two identical records are not enough, and empty answers never count.
    two = dict(list(records(0).items())[:2])
    empty = {q: Record(None, r.saved_at, r.attempts) for q, r in records(0).items()}
    assert identical_answers({"ann": records(0), "ben": two}) == []
    assert identical_answers({"ann": empty, "ben": dict(empty)}) == []
    # A different attempt count is a different record.
    retried = {q: Record(r.value, r.saved_at, 2, r.bank) for q, r in records(0).items()}
    assert identical_answers({"ann": records(0), "ben": retried}) == []


def test_a_renamed_notebook_is_matched_only_when_it_is_unambiguous() -> None:
    released = {
        "01_a": frozenset({"clientlearn-setup", "a1-ask", "a1-score"}),
        "02_b": frozenset({"clientlearn-setup", "b1-ask"}),
    }
    # The shared set-up cell says nothing; a question's cells do.
    assert match_renamed(released, {"x.ipynb": frozenset({"clientlearn-setup", "a1-ask"})}) == {
        "01_a": "x.ipynb"
    }
    assert match_renamed(released, {"x.ipynb": frozenset({"clientlearn-setup"})}) == {}
    two = {"x.ipynb": frozenset({"a1-ask"}), "y.ipynb": frozenset({"a1-score"})}
    assert match_renamed(released, two) == {}  # which of the two? not guessed
    both = {"x.ipynb": frozenset({"a1-ask", "b1-ask"})}
    assert match_renamed(released, both) == {}  # two notebooks merged into one


def test_the_report_command_lists_them_for_the_trainer(graded: Graded, tmp_path: Path) -> None:
    from click.testing import CliRunner

    result = CliRunner().invoke(
        cli, ["report", "--course", str(graded.course.root), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert "Потребує уваги тренера:" in lines
    assert "  deleted · quiz: quiz.ipynb: видалено клітинки, які оцінюються" in result.stderr
    assert sum(ln.startswith("  ") for ln in lines) == len(graded.report.flags)
