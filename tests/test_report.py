"""The trainer's class report: numbers from a real nbgrader course, the HTML (escaped, every
section present), the command, errors, a class of 1,000 fabricated without nbgrader, and
the page in Debian's Chromium."""

from __future__ import annotations

import random
import shutil
import string
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from clientlearn.cli import cli
from clientlearn.core.errors import ClientlearnError
from clientlearn.grader.coursefolder import Course
from clientlearn.runtime.bank import Bank, load_bank
from clientlearn.runtime.groupwork.rubric import rubric_qid
from clientlearn.runtime.questions import Matching, Ordering
from clientlearn.runtime.selfassess.instruments import builtin_ids, load_instrument, record_tag
from clientlearn.runtime.store import ANSWERS_FILE, AnswerStore, Record, encode
from clientlearn.trainer.authoring import build_notebook_file, grade_id
from clientlearn.trainer.groupwork.summary import summarize as group_summary
from clientlearn.trainer.report import page as report_html
from clientlearn.trainer.report.page import WORDS, render_report, write_report
from clientlearn.trainer.report.statistics import (
    ANSWER_COLUMNS,
    GRADE_COLUMNS,
    Inputs,
    Report,
    build_report,
    class_report,
    score_cell,
)
from clientlearn.trainer.selfassess.classdata import RATING_COLUMNS, SKIPPED_COLUMNS, ClassAnswers
from clientlearn.trainer.simulate import simulated_answer

from .browser import CHROMIUM, CHROMIUM_ARGS, artifacts_dir, require_chromium
from .conftest import SHOWCASE

REPO = Path(__file__).resolve().parent.parent
MODULE = "quiz"
EVIL = "<script>alert('x')</script>"
KEY_ORDER = ["greet", "listen", "clarify", "search"]
# Four participants, one `nbgrader autograde`.  Points: single 1, truefalse 1, ordering 3
# (Kendall's tau), matching 2 (share right), numeric 1 — 8 in all.
ANSWERS: dict[str, dict[str, Any]] = {
    "alice": {
        "sc.single": "b",
        "sc.truefalse": True,
        "sc.ordering": KEY_ORDER,
        "sc.matching": {"s1": "client", "s2": "self", "s3": "client", "s4": "self"},
        "sc.numeric": "0",
    },  # 7
    "bob": {
        "sc.single": "b",
        "sc.truefalse": True,
        "sc.ordering": ["greet", "clarify", "listen", "search"],
        "sc.matching": {"s1": "client", "s2": "self", "s3": "self", "s4": "self"},
        "sc.numeric": "0",
    },  # 1 + 1 + 2 + 1.5 = 5.5
    "carol": {
        "sc.single": "b",
        "sc.truefalse": False,
        "sc.ordering": ["greet", "clarify", "listen", "search"],
        "sc.matching": {"s1": "client", "s2": "client", "s3": "self", "s4": "self"},
        "sc.numeric": "3",
    },  # 1 + 0 + 2 + 1 + 1 = 5
    "dave": {
        "sc.single": "a",
        "sc.truefalse": False,
        "sc.ordering": ["listen", "greet", "clarify", "search"],
        "sc.matching": {"s1": "client", "s2": "self", "s3": "self"},
        "sc.numeric": "3",
    },  # 0 + 0 + 2 + 1 + 1 = 4
}
TOTALS = {"alice": 7.0, "bob": 5.5, "carol": 5.0, "dave": 4.0}


@dataclass
class Graded:
    course: Course
    bank: Bank
    report: Report


def _save_extras(folder: Path, student: str) -> None:
    """Self-assessments (alice and bob), group answers and an observation."""
    store = AnswerStore(folder)
    if student in ("alice", "bob"):
        ins = load_instrument("confidence")
        for phase, rating in (("before", 2), ("after", 4)):
            ratings = {item.id: rating for item in ins.items}
            store.save(ins.record_id(phase), ratings, bank=record_tag(ins))
    if student in ("alice", "carol"):
        order = KEY_ORDER if student == "alice" else ["greet", "clarify", "listen", "search"]
        group = 1 if student == "alice" else 2
        store.save("group.service", {"group": group, "members": [student], "order": order})
    if student in ("alice", "bob"):  # the scenario is in the bank, not asked in the notebook
        store.save("sc.scenario", ["approach", "room"] if student == "alice" else ["shout"])
    if student == "alice":
        value = {"rubric": "roleplay", "round": 1, "observed": "bob", "scores": {"greeting": 3}}
        store.save(rubric_qid(1, "bob"), value)


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Graded:
    root = tmp_path_factory.mktemp("report")
    source = root / "src" / MODULE
    source.mkdir(parents=True)
    shutil.copy(SHOWCASE, source / "questions.yaml")
    bank = load_bank(source / "questions.yaml")
    lesson = root / "quiz.md"
    asks = "\n\n".join(f"{{{{ ask {qid} }}}}" for qid in ANSWERS["alice"])
    lesson.write_text(f"# Звіт\n\n{asks}\n", encoding="utf-8")
    build_notebook_file(lesson, source / "questions.yaml", source / "quiz.ipynb")
    course = Course.create(root / "course")
    course.add_source(source)
    course.nbgrader("db", "student", "add", "dave", f"--last-name={EVIL}", "--first-name=Дейв")
    course.nbgrader("generate_assignment", MODULE, "--force")
    for student, answers in ANSWERS.items():
        folder = course.submit_copy(student, MODULE)
        store = AnswerStore(folder)
        for qid, value in answers.items():
            store.save(qid, value, bank=bank.id)
        _save_extras(folder, student)
    course.nbgrader("autograde", MODULE, "--force")
    return Graded(course, bank, class_report(course.root))


@pytest.mark.nbgrader
def test_module_overview_matches_the_gradebook(graded: Graded) -> None:
    (module,) = graded.report.modules
    assert module.module == MODULE and module.title == "Перевірка всіх типів запитань"
    assert module.max_score == 8
    assert sorted(module.scores) == sorted(TOTALS.values())
    assert {s.student: s.score for s in graded.course.scores(MODULE)} == TOTALS
    assert module.mean == pytest.approx(5.375) and module.median == pytest.approx(5.25)
    assert module.passed == 3 and module.share_passed == 0.75  # 60 % of 8 is 4.8


@pytest.mark.nbgrader
def test_difficulty_and_discrimination(graded: Graded) -> None:
    items = {i.cell: i for i in graded.report.items[MODULE]}
    single = items[grade_id("sc.single", "score")]
    assert single.title == "Перший крок" and single.kind == "single"
    assert single.difficulty == 0.75 and single.mean_fraction == 0.75
    assert items[grade_id("sc.ordering", "score")].difficulty == 0.25
    assert items[grade_id("sc.ordering", "score")].mean_fraction == pytest.approx(0.75)
    # Corrected item-total correlation, recomputed here from the answers above.
    item = np.array([1.0, 1.0, 1.0, 0.0])
    rest = np.array([TOTALS[s] for s in ANSWERS]) - item
    assert single.discrimination == pytest.approx(np.corrcoef(item, rest)[0, 1])
    numeric = items[grade_id("sc.numeric", "score")]  # right only for the two weakest
    assert numeric.discrimination is not None and numeric.discrimination < 0 and numeric.flagged
    assert not single.flagged
    difficulties = [i.difficulty for i in graded.report.items[MODULE]]
    assert difficulties == sorted(difficulties)


@pytest.mark.nbgrader
def test_most_confused_step_and_sign(graded: Graded) -> None:
    ordering, matching = graded.report.confusions
    assert (ordering.qid, ordering.n) == ("sc.ordering", 4)
    listen = ordering.rows[ordering.worst]
    assert listen.text == "Вислухати запит" and listen.expected == "2"
    assert listen.share_misplaced == 0.75 and listen.left_out == 0
    assert listen.displacement == 0.75 and listen.shift == 0.25  # alice 0, others +1, +1, −1
    assert listen.common_wrong == "3"
    assert [r.misplaced for r in ordering.rows] == [1, 3, 2, 0]
    assert matching.qid == "sc.matching"
    assert [r.misplaced for r in matching.rows] == [0, 1, 3, 1]
    s3 = matching.rows[matching.worst]
    assert s3.expected == "Зорієнтована на клієнта" and s3.common_wrong == "Зорієнтована на себе"
    assert matching.rows[3].left_out == 1


@pytest.mark.nbgrader
def test_participant_pages(graded: Graded) -> None:
    people = {p.student: p for p in graded.report.participants}
    assert set(people) == set(ANSWERS)
    assert people["dave"].name == f"{EVIL} Дейв"
    alice, dave = people["alice"], people["dave"]
    assert alice.modules[0].score == 7.0 and alice.modules[0].passed
    (numeric,) = alice.lost
    assert numeric.title == graded.bank["sc.numeric"].text["uk"]  # no title: the text
    assert (numeric.earned, numeric.points, numeric.pending) == (0.0, 1.0, False)
    assert not dave.modules[0].passed
    lost = {x.title: (x.earned, x.points) for x in dave.lost}
    assert lost["Перший крок"] == (0.0, 1.0)
    assert lost["Алгоритм обслуговування"] == (2.0, 3.0)
    (confidence,) = alice.selfassess
    assert (confidence.before, confidence.after, confidence.change) == (2.0, 4.0, 2.0)
    assert dave.selfassess == ()


@pytest.mark.nbgrader
def test_self_assessment_and_group_sections(graded: Graded) -> None:
    summary, groups = graded.report.selfassess, graded.report.groups
    assert summary is not None and groups is not None
    change = summary.change[summary.change["item"] == "*"]
    assert change["n_pairs"].tolist() == [2] and change["mean_change"].tolist() == [2.0]
    assert groups.consensus["exercise"].unique().tolist() == ["service"]
    assert groups.by_criterion.set_index("criterion").loc["greeting", "mean"] == 3


@pytest.mark.nbgrader
def test_html_has_every_section_and_escapes(graded: Graded, tmp_path: Path) -> None:
    html = render_report(graded.report, when=datetime(2014, 4, 4, 18, 0))
    for section in ("s1", "s2", "s3", "s4", "s5", "s6"):
        assert f'<section id="{section}">' in html
    assert html.count('<article class="participant"') == 4
    assert EVIL not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<script" not in html.lower()
    assert "Вислухати запит" in html and "Складено 2014-04-04 18:00" in html
    english = render_report(class_report(graded.course.root, lang="en"))
    assert "Trainer’s class report" in english and "First step" in english


@pytest.mark.nbgrader
def test_command_writes_the_report(graded: Graded, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(cli, ["report", "--course", str(graded.course.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "report-uk.html").is_file()
    assert [p.name for p in out.iterdir()] == ["report-uk.html"]  # no temporary file left
    result = runner.invoke(
        cli, ["report", "--course", str(graded.course.root), "--out", str(out), "--module", "nope"]
    )
    assert result.exit_code == 1
    assert "немає оцінених робіт модуля (модулів) nope" in result.output
    assert MODULE in result.output


@pytest.mark.nbgrader
def test_damaged_answers_and_missing_banks_are_noted(graded: Graded, tmp_path: Path) -> None:
    root = tmp_path / "course"
    shutil.copytree(graded.course.root, root)
    damaged = root / "autograded" / "bob" / MODULE / ANSWERS_FILE
    damaged.write_text("{not json", encoding="utf-8")
    report = class_report(root, [MODULE])
    keys = [key for key, _ in report.notes]
    assert keys == ["skipped_file", "selfassess_skipped", "groups_failed"]
    # Each note in the report's language, the reasons too.
    uk = [report_html.note_text(note, "uk") for note in report.notes]
    assert uk[0] == f"Файл {damaged} пропущено: це не JSON (рядок 1, символ 2)"
    assert uk[2].startswith("Результати групової роботи не прочитано: ")
    en = [report_html.note_text(note, "en") for note in report.notes]
    assert en[0] == f"File {damaged} skipped: not JSON (line 1, column 2)"
    english = class_report(root, [MODULE], lang="en")
    assert "could not be read" in render_report(english)
    assert damaged.read_text(encoding="utf-8") == "{not json"  # read, never set aside
    assert [c.n for c in report.confusions] == [3, 3]  # bob's answers are left out
    for bank in [root / "source" / MODULE / "questions.yaml", *root.glob("autograded/*/*/*.yaml")]:
        bank.unlink()
    report = class_report(root, [MODULE])
    assert report.notes[0] == ("no_bank", {"module": MODULE})
    assert "sc_single-score" in {i.title for i in report.items[MODULE]}  # the id for a title
    assert report.confusions == ()


def test_a_skipped_answers_file_says_why_in_each_language(tmp_path: Path) -> None:
    from clientlearn.trainer.report.inputs import read_answers

    bank = load_bank(SHOWCASE)
    folders = {s: tmp_path / s / MODULE for s in ("ann", "bob", "eve")}
    for folder in folders.values():
        folder.mkdir(parents=True)
    (folders["ann"] / ANSWERS_FILE).write_bytes(b"\xff\xfe not text")
    (folders["bob"] / ANSWERS_FILE).write_text('{"format": "other"}', encoding="utf-8")
    (folders["eve"] / ANSWERS_FILE).mkdir()  # a folder where the file should be
    answers, notes = read_answers(tmp_path, {MODULE: bank})
    assert answers.empty
    uk = [report_html.note_text(note, "uk") for note in notes]
    en = [report_html.note_text(note, "en") for note in notes]
    ann, bob, eve = (str(f / ANSWERS_FILE) for f in folders.values())
    assert uk == [
        f"Файл {ann} пропущено: це не текст UTF-8 (байт 0)",
        f"Файл {bob} пропущено: це не файл відповідей clientlearn",
        f"Файл {eve} пропущено: це тека, а не файл",
    ]
    assert en == [
        f"File {ann} skipped: not UTF-8 text (byte 0)",
        f"File {bob} skipped: not a clientlearn answers file",
        f"File {eve} skipped: it is a folder, not a file",
    ]


def test_a_file_that_is_no_gradebook(tmp_path: Path) -> None:
    (tmp_path / "gradebook.db").write_text("not a database", encoding="utf-8")
    with pytest.raises(ClientlearnError, match="not a readable nbgrader gradebook"):
        class_report(tmp_path)


def test_missing_gradebook_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["report", "--course", str(tmp_path), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 1
    assert "журналу оцінок" in result.output and "немає" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "gradebook.db").exists()  # nothing created on the way
    assert not (tmp_path / "o").exists()


def test_score_cell_is_the_authoring_rule() -> None:
    for qid in ("sc.single", "m1.algorithm.order", "a-b_c.d e"):
        assert score_cell(qid) == grade_id(qid, "score")


# ------------------------------------------------------------------ a fabricated class

MODULES = ("module1_client_service", "module2_difficult_situations")


def fabricate(n: int, folder: Path, seed: int = 7) -> Inputs:
    """A class of ``n`` built without nbgrader: grades and answers from simulated answers
    to the course's banks, self-assessments as a table, group work in answers files."""
    rng = random.Random(seed)
    banks = {m: load_bank(REPO / m / "questions.yaml") for m in MODULES}
    instruments = {i: load_instrument(i) for i in builtin_ids()}
    grades: list[tuple[Any, ...]] = []
    answers: list[tuple[Any, ...]] = []
    ratings: list[tuple[Any, ...]] = []
    students = [f"p{i:04d}" for i in range(n)]
    when = "2014-04-04T10:00:00.000+00:00"
    for i, student in enumerate(students):
        skill = rng.uniform(0.3, 1.0)
        for module, bank in banks.items():
            for q in bank:
                if q.points > 0:
                    value = simulated_answer(q, rng, skill)
                    score = 0.0 if value is None else q.score(value)
                    grades.append((student, module, score_cell(q.id), score, q.points, False))
                    if isinstance(q, Ordering | Matching) and value is not None:
                        answers.append((student, module, q.id, value))
            grades.append((student, module, "own_case-task", 0.0, 5.0, True))
        for ins in instruments.values():
            for phase in [p.id for p in ins.phases] or [""]:
                for item in ins.items:
                    rating = rng.randint(ins.scale.min, ins.scale.max)
                    ratings.append((student, MODULES[0], ins.id, phase, item.id, rating, when))
        records = {}
        if i < 8:  # eight groups, one recorder each
            order = ["greet", "listen", "clarify", "search", "offer", "close"]
            records["group.service"] = Record({"group": i + 1, "members": [], "order": order}, when)
        other = students[(i + 1) % n]
        scores = {"greeting": rng.randint(1, 4), "listening": rng.randint(1, 4)}
        value = {"rubric": "roleplay", "round": 1, "observed": other, "scores": scores}
        records[rubric_qid(1, other)] = Record(value, when)
        (folder / student / MODULES[1]).mkdir(parents=True)
        (folder / student / MODULES[1] / ANSWERS_FILE).write_text(encode(records), "utf-8")
    selfassess = ClassAnswers(
        ratings=pd.DataFrame(ratings, columns=RATING_COLUMNS),
        skipped=pd.DataFrame([], columns=SKIPPED_COLUMNS),
        instruments=instruments,
        students=students,
    )
    names = {s: f"Учасниця {s}" for s in students}
    return Inputs(
        "synthetic",
        pd.DataFrame(grades, columns=GRADE_COLUMNS),
        names,
        banks,
        pd.DataFrame(answers, columns=ANSWER_COLUMNS),
        selfassess,
        None,
    )


def test_a_class_of_1000_has_a_page_each_and_a_constant_number_of_charts(
    tmp_path: Path,
) -> None:
    # How long this takes is measured by benchmarks/report.py, not asserted here.
    inputs = fabricate(1000, tmp_path / "autograded")
    groups = group_summary(tmp_path / "autograded")
    report = build_report(replace(inputs, groups=groups))
    html = render_report(report)
    assert len(report.participants) == 1000 and html.count('class="participant"') == 1000
    # Charts do not multiply with the class: five pages have as many images as 1,000.
    few = render_report(replace(report, participants=report.participants[:5]))
    assert html.count("<img ") == few.count("<img ") >= 2 * len(MODULES) + len(report.confusions)


def test_without_self_assessments_or_groups_one_line_each(tmp_path: Path) -> None:
    inputs = replace(fabricate(4, tmp_path / "a"), selfassess=None, groups=None)
    html = render_report(build_report(inputs, lang="en"))
    assert "<p>The class has no self-assessments.</p>" in html
    assert "<p>There are no group-work results.</p>" in html


def test_bad_input_is_a_clientlearn_error(tmp_path: Path) -> None:
    inputs = fabricate(4, tmp_path / "a")
    with pytest.raises(ClientlearnError, match="percentage"):
        build_report(inputs, min_score=120)
    with pytest.raises(ClientlearnError, match="language"):
        build_report(inputs, lang="ru")
    with pytest.raises(ClientlearnError, match="no graded submissions"):
        build_report(replace(inputs, grades=inputs.grades.iloc[0:0]))


def test_a_failed_render_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = build_report(fabricate(4, tmp_path / "a"))
    out = tmp_path / "out"
    out.mkdir()
    (out / "report-uk.html").write_text("the previous report", encoding="utf-8")

    def fail(*args: Any, **kwargs: Any) -> str:
        raise ClientlearnError("rendering failed")

    monkeypatch.setattr(report_html, "render_report", fail)
    with pytest.raises(ClientlearnError):
        write_report(report, out)
    assert [p.name for p in out.iterdir()] == ["report-uk.html"]
    assert (out / "report-uk.html").read_text(encoding="utf-8") == "the previous report"


def _fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name)


def test_every_word_in_both_languages() -> None:
    for key, (uk, en) in WORDS.items():
        assert uk and en and _fields(uk) == _fields(en), key


# ------------------------------------------------------------------ in a real browser


@pytest.mark.nbgrader
def test_report_in_chromium(graded: Graded) -> None:
    """The written file in headless Chromium: no console error, every chart decoded."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    out = artifacts_dir("report")
    path = write_report(graded.report, out)
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(path.as_uri(), wait_until="load")
            charts = page.eval_on_selector_all(
                "img", "imgs => imgs.map(i => [i.tagName, i.complete, i.naturalWidth])"
            )
            name = page.locator("#p-dave h3").inner_text()
            sections = page.locator("section > h2").all_inner_texts()
            page.screenshot(path=str(out / "report.png"), full_page=True)
            page.emulate_media(media="print")
            breaks = page.eval_on_selector_all(
                ".participant", "els => els.map(e => getComputedStyle(e).breakBefore)"
            )
        finally:
            browser.close()
    assert errors == []
    assert len(charts) >= 5 and all(done and width > 0 for _, done, width in charts), charts
    assert name == f"{EVIL} Дейв"  # shown as text, never run
    assert [s.split(".")[0] for s in sections] == ["1", "2", "3", "4", "5", "6"]
    assert breaks == ["page"] * len(ANSWERS)  # each participant starts a printed page


@pytest.mark.nbgrader
def test_the_report_shows_the_class_paths_through_scenarios(graded: Graded) -> None:
    (found,) = graded.report.scenarios
    assert found.qid == "sc.scenario" and found.n == 2
    assert [(p.count, p.score) for p in found.paths] == [(1, 1.0), (1, 0.0)]
    assert [(w.count, w.reached) for w in found.wrong] == [(1, 2)]
    assert "Сценарії: якими шляхами йшли" in render_report(graded.report)


def test_scenario_paths_most_taken_and_where_the_class_went_wrong() -> None:
    from clientlearn.runtime.questions import Scenario
    from clientlearn.trainer.report.scenarios import scenario_paths, scenarios_html

    scenario = next(q for q in load_bank(SHOWCASE) if isinstance(q, Scenario))
    answers: list[Any] = [
        ["approach", "room"],
        ["approach", "leave"],
        ["approach", "leave"],
        ["approach", "leave"],
        ["shout"],
        ["approach"],  # still under way
        "not a path",  # edited by hand: left out, as autograde scores it 0
    ]
    found = scenario_paths("quiz", scenario, answers, "uk")
    assert found is not None and found.n == 6
    top = found.paths[0]
    assert top.count == 3 and top.score == pytest.approx(0.25)  # mid ending 0.5 × quality 0.5
    assert [(p.count, p.finished) for p in found.paths] == [(3, True), (1, True), (1, True)]
    # At the first moment 1 of 6 shouted; at the second, 3 of the 5 who got there left.
    assert [(w.count, w.reached) for w in found.wrong] == [(1, 6), (3, 5)]
    assert scenario_paths("quiz", scenario, [], "uk") is None

    html = scenarios_html((found,), "uk")
    assert "Сценарії: якими шляхами йшли" in html and "3 / 5" in html and "60%" in html


@pytest.mark.nbgrader
def test_quiz_statistics_of_a_real_course_and_their_table(graded: Graded, tmp_path: Path) -> None:
    """The report reads the saved choice answers; ``--stats`` writes the table file."""
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    from clientlearn.cli.main import cli

    quiz = graded.report.quiz
    assert quiz is not None
    (module,) = quiz.modules
    assert module.test.n == 4 and module.test.max_score == 8  # every graded question counts
    assert module.test.mean == pytest.approx(5.375)
    single = next(a for a in quiz.options if a.qid == "sc.single")
    # alice, bob and carol chose b (the key), dave a; dave is also the lower 27 % (one of four).
    assert [(r.count, r.upper, r.lower) for r in single.rows] == [
        (1, 0, 1), (3, 1, 0), (0, 0, 0), (0, 0, 0),
    ]  # fmt: skip
    (paths,) = quiz.paths
    assert [(p.count, p.score) for p in paths.paths] == [(1, 1.0), (1, 0.0)]
    out, stats = tmp_path / "out", tmp_path / "stats" / "stats.xlsx"
    root = str(graded.course.root)
    result = CliRunner().invoke(
        cli, ["report", "--course", root, "--out", str(out), "--stats", str(stats)]
    )
    assert result.exit_code == 0, result.output
    assert str(stats) in result.output
    assert load_workbook(stats).sheetnames == ["Модулі", "Пункти", "Варіанти", "Шляхи"]
    html = (out / "report-uk.html").read_text(encoding="utf-8")
    assert "Статистика тестів, як її рахує Moodle" in html and "Словничок показників" in html
    wrong = tmp_path / "again"
    args = ["report", "--course", root, "--out", str(wrong), "--stats", str(tmp_path / "s.ods")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1 and "--stats записує файл .xlsx або .csv" in result.output
    assert not wrong.exists()  # refused before anything was written


def test_self_assessment_items_are_named_by_their_titles() -> None:
    from clientlearn.trainer.report.statistics import _describe, _titles

    uk, en = _titles(None, "uk"), _titles(None, "en")
    assert _describe("confidence-before-done", uk)[:2] == (
        "Наскільки впевнено я почуваюся в навичках тренінгу (на початку тренінгу)",
        "selfassess",
    )
    assert _describe("library_diagnostic-done", uk)[0] == (
        "Наскільки наша бібліотека зорієнтована на клієнта?"
    )
    assert _describe("confidence-after-done", en)[0] == (
        "How confident I feel in the skills of the training (at the end of the training)"
    )
