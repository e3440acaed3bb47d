"""Quiz statistics as Moodle computes them, and more: every number checked against the
arithmetic written out by hand for a class of five (three items of the showcase bank),
the response and 27 % distractor analysis, scenario path frequencies, the report's
section with its glossary, and the table file."""

from __future__ import annotations

import math
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.bank import load_bank
from clientlearn.runtime.questions import Question
from clientlearn.trainer.report.quizstats import (
    item_numbers,
    module_numbers,
    quiz_statistics,
    random_guess,
)
from clientlearn.trainer.report.quizstats_page import quizstats_html
from clientlearn.trainer.report.quizstats_table import stats_tables, write_stats
from clientlearn.trainer.report.quizstats_words import GLOSSARY, WORDS
from clientlearn.trainer.report.responses import option_analyses, quiz_report, upper_lower
from clientlearn.trainer.report.statistics import (
    ANSWER_COLUMNS,
    GRADE_COLUMNS,
    Inputs,
    build_report,
    score_cell,
)

from .conftest import SHOWCASE

MODULE = "quiz"
# Five participants, three items: sc.single (1 point), sc.truefalse (1), sc.multiple (2).
MARKS = {
    "alice": (1.0, 1.0, 2.0),  # total 4
    "bob": (1.0, 1.0, 2.0),  # 4
    "carol": (1.0, 0.0, 1.0),  # 2
    "dave": (0.0, 1.0, 0.0),  # 1
    "eve": (0.0, 0.0, 0.0),  # 0
}
POINTS = (1.0, 1.0, 2.0)
QIDS = ("sc.single", "sc.truefalse", "sc.multiple")
# The answers those marks come from (eve left the multiple choice unanswered).
ANSWERS: dict[str, dict[str, Any]] = {
    "alice": {"sc.single": "b", "sc.truefalse": True, "sc.multiple": ["a", "c"]},
    "bob": {"sc.single": "b", "sc.truefalse": True, "sc.multiple": ["a", "c"]},
    "carol": {"sc.single": "b", "sc.truefalse": False, "sc.multiple": ["a"]},
    "dave": {"sc.single": "a", "sc.truefalse": True, "sc.multiple": ["b"]},
    "eve": {"sc.single": "c", "sc.truefalse": False},
}
PATHS = {"alice": ["approach", "room"], "bob": ["approach", "room"]}
PATHS |= {"carol": ["approach", "leave"], "dave": ["shout"]}


def _marks() -> tuple[Any, list[float]]:
    import numpy as np

    return np.array([MARKS[s] for s in MARKS]), list(POINTS)


def _inputs() -> Inputs:
    bank = load_bank(SHOWCASE)
    grades = [
        (s, MODULE, score_cell(q), mark, points, False)
        for s, marks in MARKS.items()
        for q, mark, points in zip(QIDS, marks, POINTS, strict=True)
    ]
    # A written task not graded yet and a self-assessment's completion: neither is an item.
    grades += [(s, MODULE, "own_case-task", 0.0, 5.0, True) for s in MARKS]
    grades += [(s, MODULE, "confidence-before-done", 1.0, 1.0, False) for s in MARKS]
    answers = [(s, MODULE, q, v) for s, given in ANSWERS.items() for q, v in given.items()]
    answers += [(s, MODULE, "sc.scenario", path) for s, path in PATHS.items()]
    return Inputs(
        "hand",
        pd.DataFrame(grades, columns=GRADE_COLUMNS),
        {s: s.title() for s in MARKS},
        {MODULE: bank},
        pd.DataFrame(answers, columns=ANSWER_COLUMNS),
        tasks={MODULE: {"own_case-task": "Власний випадок"}},
    )


def test_module_statistics_by_hand() -> None:
    t = module_numbers(*_marks())
    # Totals 4, 4, 2, 1, 0: mean 11/5 = 2.2, median 2.
    assert (t.n, t.items, t.max_score) == (5, 3, 4.0)
    assert t.mean == pytest.approx(2.2) and t.median == 2.0
    # Deviations 1.8, 1.8, −0.2, −1.2, −2.2.
    power2 = 1.8**2 + 1.8**2 + 0.2**2 + 1.2**2 + 2.2**2  # 12.8
    power3 = 1.8**3 + 1.8**3 - 0.2**3 - 1.2**3 - 2.2**3  # −0.72
    power4 = 1.8**4 + 1.8**4 + 0.2**4 + 1.2**4 + 2.2**4  # 46.496
    assert (power2, power3, power4) == pytest.approx((12.8, -0.72, 46.496))
    sd = math.sqrt(12.8 / 4)  # √3.2 = 1.78885
    assert t.sd == pytest.approx(sd)
    m2, m3, m4 = 12.8 / 5, -0.72 / 5, 46.496 / 5  # 2.56, −0.144, 9.2992
    k2 = 5 * m2 / 4  # 3.2
    k3 = 5 * 5 * m3 / (4 * 3)  # −0.3
    k4 = 5 * 5 * (6 * m4 - 3 * 4 * m2 * m2) / (4 * 3 * 2)  # 25 × (55.7952 − 78.6432) / 24 = −23.8
    assert (k2, k3, k4) == pytest.approx((3.2, -0.3, -23.8))
    assert t.skewness == pytest.approx(-0.3 / 3.2**1.5)  # −0.0524
    assert t.kurtosis == pytest.approx(-23.8 / 3.2**2)  # −2.3242
    # Item variances 0.3, 0.3 and 1 (see the item test): CIC = 100 × 3/2 × (1 − 1.6/3.2) = 75.
    assert t.cic == pytest.approx(75.0)
    assert t.error_ratio == pytest.approx(100 * math.sqrt(1 - 0.75))  # 50
    assert t.standard_error == pytest.approx(50 / 100 * sd)  # 0.894


def test_item_statistics_by_hand() -> None:
    single, truefalse, multiple = item_numbers(*_marks())
    # sc.single: x = 1, 1, 1, 0, 0 (mean 0.6); the rest y = 3, 3, 1, 1, 0 (mean 1.6).
    var_x = (3 * 0.4**2 + 2 * 0.6**2) / 4  # 0.3
    var_y = (2 * 1.4**2 + 2 * 0.6**2 + 1.6**2) / 4  # 1.8
    cov = (2 * 0.4 * 1.4 + 0.4 * -0.6 + -0.6 * -0.6 + -0.6 * -1.6) / 4  # 0.55
    assert (var_x, var_y, cov) == pytest.approx((0.3, 1.8, 0.55))
    assert single.facility == pytest.approx(0.6) and single.sd == pytest.approx(math.sqrt(0.3))
    assert single.discrimination == pytest.approx(100 * 0.55 / math.sqrt(0.3 * 1.8))  # 74.85
    # Sorted, x = 0, 0, 1, 1, 1 and y = 0, 1, 1, 3, 3 pair as they already do: cov_max = 0.55.
    assert single.efficiency == pytest.approx(100.0)
    # sc.truefalse: x = 1, 1, 0, 1, 0; y = 3, 3, 2, 0, 0 (mean 1.6).
    cov = (0.4 * 1.4 + 0.4 * 1.4 - 0.6 * 0.4 + 0.4 * -1.6 - 0.6 * -1.6) / 4  # 0.3
    var_y = (2 * 1.4**2 + 0.4**2 + 2 * 1.6**2) / 4  # 2.3
    # Sorted: x = 0, 0, 1, 1, 1 against y = 0, 0, 2, 3, 3 (deviations −0.6, −0.6, 0.4, 0.4,
    # 0.4 and −1.6, −1.6, 0.4, 1.4, 1.4): cov_max = 0.8.
    cov_max = (2 * 0.6 * 1.6 + 0.4 * (0.4 + 2 * 1.4)) / 4
    assert (cov, var_y, cov_max) == pytest.approx((0.3, 2.3, 0.8))
    assert truefalse.discrimination == pytest.approx(100 * 0.3 / math.sqrt(0.3 * 2.3))  # 36.12
    assert truefalse.efficiency == pytest.approx(100 * 0.3 / 0.8)  # 37.5
    # sc.multiple (2 points): x = 2, 2, 1, 0, 0 (mean 1, facility 1/2); y = 2, 2, 1, 1, 0.
    assert multiple.facility == pytest.approx(0.5) and multiple.sd == pytest.approx(1.0)
    assert multiple.discrimination == pytest.approx(100 * 0.75 / math.sqrt(1 * 0.7))  # 89.64
    # Intended weight: each maximum of the 4 points.
    assert [i.intended_weight for i in (single, truefalse, multiple)] == [25.0, 25.0, 50.0]
    # Effective weight: covariances with the total 0.85, 0.6 and 1.75.
    roots = math.sqrt(0.85) + math.sqrt(0.6) + math.sqrt(1.75)  # 3.0194
    weights = [100 * math.sqrt(c) / roots for c in (0.85, 0.6, 1.75)]  # 30.5, 25.7, 43.8
    assert [i.effective_weight for i in (single, truefalse, multiple)] == pytest.approx(weights)
    assert not any(i.negative_covariance for i in (single, truefalse, multiple))
    # Alpha without sc.truefalse: items 1 and 3, totals 3, 3, 2, 0, 0 (variance 2.3);
    # 2/1 × (1 − (0.3 + 1) / 2.3) = 0.8696, above the module's 0.75.
    assert truefalse.alpha_if_deleted == pytest.approx(2 * (1 - 1.3 / 2.3))
    # Without sc.multiple: totals 2, 2, 1, 1, 0 (variance 0.7): 2 × (1 − 0.6 / 0.7) = 0.2857.
    assert multiple.alpha_if_deleted == pytest.approx(2 * (1 - 0.6 / 0.7))
    assert single.alpha_if_deleted == pytest.approx(2 * (1 - 1.3 / 1.8))  # 0.5556


def test_a_negative_covariance_has_no_effective_weight() -> None:
    import numpy as np

    # The second item is right only for the two weakest.
    marks = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
    first, second = item_numbers(marks, [1.0, 1.0])
    # Totals are 1 for everyone: covariances with the total are 0 and 0, so the roots sum to 0.
    assert first.effective_weight is None and second.effective_weight is None
    marks = np.array([[1.0, 1.0, 0.0], [1.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 0.0, 1.0]])
    a, _, c = item_numbers(marks, [1.0, 1.0, 1.0])
    # Totals 2, 2, 2, 1 (mean 1.75): cov(c, total) = (−0.5×0.25×2 + 0.5×0.25 + 0.5×−0.75)/3 < 0.
    assert c.negative_covariance and c.effective_weight is None
    cov_a = (0.25 * 0.25 * 3 + -0.75 * -0.75) / 3  # 0.25
    cov_b = (0.5 * 0.25 * 2 - 0.5 * 0.25 - 0.5 * -0.75) / 3  # 0.16667
    assert a.effective_weight == pytest.approx(100 * math.sqrt(cov_a) / (0.5 + math.sqrt(cov_b)))


def test_too_few_attempts_leave_moodles_blanks() -> None:
    import numpy as np

    one = module_numbers(np.array([[1.0, 0.0]]), [1.0, 1.0])
    assert one.mean == 1.0 and one.sd is None and one.cic is None
    three = module_numbers(np.array([[1.0, 1.0], [1.0, 0.0], [0.0, 0.0]]), [1.0, 1.0])
    assert three.skewness is not None and three.kurtosis is None  # kurtosis needs s > 3
    same = module_numbers(np.array([[1.0, 0.0], [1.0, 0.0], [1.0, 0.0]]), [1.0, 1.0])
    assert same.sd == 0 and same.skewness is None and same.cic is None  # k2 = 0


def test_random_guess_scores_by_type() -> None:
    bank = {q.id: q for q in load_bank(SHOWCASE)}

    def guess(qid: str) -> float | None:
        q: Question = bank[qid]
        return random_guess(q)

    assert guess("sc.single") == pytest.approx(1 / 3)  # one right option of three
    assert guess("sc.truefalse") == 0.5
    assert guess("sc.matching") == 0.5  # two groups
    assert guess("sc.text") == 0.0 and guess("sc.numeric") == 0.0
    # Multiple (key a, c of four): of the 15 non-empty sets of ticks, one right tick alone
    # earns 0.5 (2 sets), both right 1 (1 set), both right and one wrong 0.5 (2 sets).
    assert guess("sc.multiple") == pytest.approx((2 * 0.5 + 1 * 1 + 2 * 0.5) / 15)
    # Ordering of four: of 24 orders, 1 has no inversion (tau 1), 3 have one (2/3),
    # 5 have two (1/3); the rest score 0.
    assert guess("sc.ordering") == pytest.approx((1 * 1 + 3 * 2 / 3 + 5 * 1 / 3) / 24)
    # Scenario: at n2, (1 × 1 + 0.5 × 0.5) / 2 = 0.625; at the start (0 × 0 + 1 × 0.625) / 2.
    assert guess("sc.scenario") == pytest.approx(0.3125)
    assert guess("sc.rating") is None


def test_module_items_are_questions_and_graded_tasks_by_title() -> None:
    (quiz,) = quiz_statistics(_inputs(), "uk")
    titles = [i.title for i in quiz.items]
    assert titles[0] == "Перший крок" and titles[1] == "Ознаки клієнтоорієнтованості"
    assert len(titles) == 3  # the completion cell is no item, the pending task is left out
    assert quiz.left_out == ("Власний випадок",)
    assert quiz.test.cic == pytest.approx(75.0)  # the same class as above, in bank order
    assert quiz.items[1].guess == pytest.approx(0.2)


def test_upper_and_lower_27_percent() -> None:
    # 27 % of 5 is 1.35: one each; alice and bob tie at 4, the id ranks alice first.
    assert upper_lower(list(MARKS), [4, 4, 2, 1, 0]) == ({"alice"}, {"eve"})
    students = [f"p{i:02d}" for i in range(20)]
    upper, lower = upper_lower(students, list(range(20)))
    assert upper == {"p19", "p18", "p17", "p16", "p15"}  # 27 % of 20 is 5.4: five
    assert lower == {"p00", "p01", "p02", "p03", "p04"}
    assert upper_lower(["solo"], [3.0]) == (set(), set())


def test_response_analysis_per_option() -> None:
    inputs = _inputs()
    found = {a.qid: a for a in option_analyses(inputs, quiz_statistics(inputs, "uk"), "uk")}
    assert set(found) == set(QIDS)
    single = found["sc.single"]
    assert (single.n, single.answered, single.n_upper, single.n_lower) == (5, 5, 1, 1)
    rows = [(r.right, r.credit, r.count, r.upper, r.lower) for r in single.rows]
    # a: dave; b (the key): alice, bob, carol; c: eve (the lower group); nobody silent.
    assert rows == [
        (False, 0, 1, 0, 0),
        (True, 1, 3, 1, 0),
        (False, 0, 1, 0, 1),
        (False, 0, 0, 0, 0),
    ]
    multiple = found["sc.multiple"]
    rows = [(r.right, r.credit, r.count, r.upper, r.lower) for r in multiple.rows]
    # Each right option gives 1/2, each wrong one takes 1/2; eve gave no answer.
    assert rows == [
        (True, 0.5, 3, 1, 0), (False, -0.5, 1, 0, 0), (True, 0.5, 2, 1, 0),
        (False, -0.5, 0, 0, 0), (False, 0.0, 1, 0, 1),
    ]  # fmt: skip
    assert multiple.answered == 4
    truefalse = found["sc.truefalse"]
    assert [(r.text, r.count) for r in truefalse.rows] == [("Правда", 3), ("Неправда", 2), ("", 0)]


def test_path_frequencies_and_the_report_section() -> None:
    report = build_report(_inputs())
    assert report.quiz is not None
    (paths,) = report.quiz.paths
    assert paths.n == 4
    assert [(p.count, p.score) for p in paths.paths] == [(2, 1.0), (1, 0.25), (1, 0.0)]
    html = quizstats_html(report.quiz, "uk")
    assert "Коефіцієнт внутрішньої узгодженості" in html and "75,0%" in html
    assert "Перший крок" in html and "sc_single-score" not in html
    assert "Власний випадок" in html  # named as left out
    glossary = html.split("Словничок показників")[1]
    assert glossary.count("<tr>") == len(GLOSSARY) + 1  # and the header
    # sc.truefalse lowers alpha: its row is highlighted.
    assert '<tr class="mark"><td class="num">3</td>' in html
    english = quizstats_html(quiz_report(_inputs(), "en"), "en")
    assert "Coefficient of internal consistency" in english and "Upper 27%" in english
    page = build_report(_inputs(), lang="en")
    from clientlearn.trainer.report.page import render_report

    assert "Glossary of the measures" in render_report(page, when=datetime(2026, 5, 1))


def test_every_glossary_term_is_a_word_of_the_section() -> None:
    assert set(GLOSSARY) <= set(WORDS)


def test_the_table_file_in_both_formats(tmp_path: Path) -> None:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    quiz = quiz_report(_inputs(), "uk")
    tables = stats_tables(quiz, "uk")
    assert [title for title, _ in tables] == ["Модулі", "Пункти", "Варіанти", "Шляхи"]
    book = load_workbook(write_stats(quiz, tmp_path / "stats.xlsx"))
    modules = book["Модулі"]
    header = [c.value for c in modules[1]]
    row = dict(zip(header, [c.value for c in modules[2]], strict=True))
    assert row["Коефіцієнт внутрішньої узгодженості, %"] == 75.0
    assert row["Середній бал, %"] == 55.0  # 2.2 of 4
    items = book["Пункти"]
    assert [c.value for c in items[2]][2:6] == ["Перший крок", "один вибір", 1, 60.0]
    text = write_stats(quiz, tmp_path / "stats.csv").read_bytes().decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[0] == "Модулі" and "Пункти" in lines and "Шляхи" in lines
    assert ";75,0;" in lines[2]
    with pytest.raises(ClientlearnError, match=r"stats\.txt: --stats writes a \.xlsx or a \.csv"):
        write_stats(quiz, tmp_path / "stats.txt")
    assert not (tmp_path / "stats.txt").exists()
