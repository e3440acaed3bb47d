"""Issue #7: a participant's whole journey through both released modules in a real
JupyterLab page, then nbgrader's autograde of what the page saved; and every answer
control of every question type reached by Tab and named for assistive technology.

One JupyterLab server (module scope) serves both tests.  The journey opens every
notebook of both modules, runs all cells and answers at least one question of every
type by mouse (single choice and ordering by keyboard alone), plays a branching
scenario to an ending and completes a self-assessment; a reload and a kernel restart
later every answer shows again in the page; the saved folders, put into the course's
``submitted/``, autograde to exactly the points clientlearn's scoring gives for them.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest

from clientlearn.core.numbers import format_number
from clientlearn.grader.coursefolder import Course
from clientlearn.runtime.bank import Bank, load_bank
from clientlearn.runtime.questions import pick
from clientlearn.runtime.selfassess.scoring import assess
from clientlearn.runtime.store import MIMETYPE
from clientlearn.selfassess import load_instrument

from .axe import serious_violations
from .browser import (
    Lab,
    artifacts_dir,
    await_python_kernel,
    element_screenshot,
    error_outputs,
    is_focused,
    jupyterlab,
    keyboard_to_cell,
    open_listed,
    run_all_cells,
    save_and_close,
    saved,
    tab_to,
    wait_for,
)
from .conftest import SHOWCASE

pytestmark = [pytest.mark.browser, pytest.mark.nbgrader]

REPO = Path(__file__).resolve().parent.parent
M1, M2 = "module1_client_service", "module2_difficult_situations"
STUDENT = "bondarenko_olena"
CONFIDENCE = load_instrument("confidence")
# The participant's ratings of the 15 statements of "confidence before" (all answered).
RATINGS = {item.id: 1 + (n * 2) % 5 for n, item in enumerate(CONFIDENCE.items)}

# What the participant answers in module 1, and how (the values as the store keeps them).
ANSWERS_M1: dict[str, Any] = {
    # 01_quality_service
    "m1.quality.warmup": 4,  # rating, mouse
    "m1.quality.components": ["a", "b", "c", "e"],  # multiple, mouse: 3 right + 1 wrong
    "m1.quality.dimensions": {  # matching, the drop-downs: 5 of 6 in the right bin
        "light": "tangibles",
        "ill": "reliability",
        "door": "responsiveness",
        "catalogue": "assurance",
        "large": "empathy",
        "hours": "reliability",  # wrong: empathy
    },
    "m1.quality.gap": True,  # true/false, mouse
    "m1.quality.superiority": "-1,0",  # numeric, typed with a decimal comma
    "m1.quality.affect": "affect",  # single, keyboard only
    # 02_client_strategy
    "m1.strategy.chain": ["wishes", "order", "shelve", "catalogue", "feedback"],  # keyboard
    "m1.strategy.feedback": "Зворотний зв'язок",  # text, typed with a straight apostrophe
    "m1.strategy.group_done": 4,  # rating, mouse (points for any rating)
    # 03_service_algorithm
    "m1.algorithm.order": [  # ordering, mouse: clicks
        "greet",
        "listen",
        "paraphrase",
        "open",
        "clarify",
        "search",
        "close",
    ],
    "m1.algorithm.desk": ["greet", "ask", "address"],  # scenario, mouse, to an ending
    "m1.algorithm.closing": "c",  # single, mouse
}
ANSWERS_M2: dict[str, Any] = {"m2.01.axes_both_high": "b"}  # single, mouse

# Worked by hand from the banks' keys and the README's partial-credit rules.
BY_HAND = {
    # multiple: (right ticked − wrong ticked) / right options × points = (3 − 1) / 4 × 2
    "m1.quality.components": 1.0,
    # matching: share of items in the right bin × points = 5 / 6 × 3
    "m1.quality.dimensions": 2.5,
    # ordering: Kendall's tau × points; one pair of 10 out of order: (9 − 1) / 10 × 2
    "m1.strategy.chain": 1.6,
    # scenario: the ending's score × the qualities of the choices taken × points;
    # greet (1), ask (1), address (0.5), ending "address" (0.5): 0.25 × 3
    "m1.algorithm.desk": 0.75,
}
# The whole of module 1 by hand: the four above, 1 point each for gap, superiority,
# affect, feedback, group_done and closing, 3 for the ordering in the key's order, and
# 1 for completing the self-assessment: 1 + 2.5 + 1.6 + 0.75 + 6 + 3 + 1.
TOTAL_M1_BY_HAND = 15.85


def grade_cell(qid: str) -> str:
    return qid.replace(".", "_") + "-score"


def expected_grades(bank: Bank, answers: dict[str, Any]) -> dict[str, float]:
    """Points per nbgrader grade cell, from clientlearn's own scoring and the keyed bank."""
    return {grade_cell(qid): bank[qid].score(v) for qid, v in answers.items() if bank[qid].points}


# --- the course, the participant's folder and the server ------------------------------


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    course = Course.create(tmp_path_factory.mktemp("participant-course") / "course")
    for module in (M1, M2):
        course.add_source(REPO / module)
    # One nbgrader process releases both (the assignment id is a glob): half the time.
    course.nbgrader("generate_assignment", "module*", "--force")
    return course


A11Y_CELLS = [
    "from clientlearn import Quiz\nquiz = Quiz('questions.yaml')",
    *(f'quiz.ask("{q.id}")' for q in load_bank(SHOWCASE)),
    "from clientlearn.selfassess import instrument_view\ninstrument_view('library_diagnostic')",
    "from clientlearn.groupwork import group_answer\n"
    "group_answer('sc.group', prompt='Відповідь групи', fields={'idea': 'Ідея групи'})",
    "from clientlearn.handin import handin_view\nhandin_view()",
    "from clientlearn.groupwork import observer_rubric\nobserver_rubric(round=1)",
]


@pytest.fixture(scope="module")
def lab(course: Course, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """JupyterLab over the participant's home: both released modules as handed out, and
    a folder with one question of every type (the showcase bank) for the a11y check."""
    home = tmp_path_factory.mktemp("home")
    for module in (M1, M2):
        shutil.copytree(course.release_dir(module), home / module)
    a11y = home / "a11y"
    a11y.mkdir()
    shutil.copy(SHOWCASE, a11y / "questions.yaml")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in A11Y_CELLS])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, a11y / "a11y.ipynb")
    with jupyterlab(home, tmp_path_factory.mktemp("lab") / "lab.log") as server:
        yield server


# --- finding things in the page -------------------------------------------------------


def cell_of(page: Any, code: str) -> Any:
    """The code cell whose source contains ``code``."""
    return page.locator(".jp-NotebookPanel .jp-CodeCell", has_text=code)


def widget(page: Any, qid: str) -> Any:
    """The widget of question ``qid`` in the notebook on show."""
    return cell_of(page, f'quiz.ask("{qid}")').locator(".clientlearn")


def open_folder(page: Any, lab: Lab, folder: str) -> None:
    # ?reset: a fresh workspace, nothing open but the file browser in ``folder``.
    page.goto(lab.url(f"lab/tree/{folder}?reset"))
    page.locator(".jp-DirListing-item").first.wait_for(timeout=60_000)


def open_and_run(page: Any, name: str) -> None:
    open_listed(page, name)
    run_all_cells(page)
    assert error_outputs(page) == [], name


def embedded(notebook: Path) -> dict[str, Any]:
    """The answers a saved notebook carries in its outputs, by record id."""
    found = {}
    for cell in nbformat.read(notebook, as_version=4).cells:
        for out in cell.get("outputs", []):
            payload = out.get("data", {}).get(MIMETYPE)
            if payload and payload["record"]:
                found[payload["question"]] = payload["record"]["value"]
    return found


def asked(notebook: Path) -> list[str]:
    """Ids of the questions a notebook asks, in order."""
    cells = nbformat.read(notebook, as_version=4).cells
    return [m for c in cells for m in re.findall(r'quiz\.ask\("([^"]+)"\)', c.source)]


def reload_restart_run_all(page: Any, name: str) -> None:
    """Reload the page, then restart the kernel and run all (outputs cleared first)."""
    page.reload()
    page.get_by_role("tab", name=name).wait_for(timeout=60_000)
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").first.wait_for(
        timeout=60_000
    )
    run_all_cells(page, restart=True)
    assert error_outputs(page) == [], name


def checked_labels(w: Any) -> list[str]:
    """Labels of the checked radio buttons and check boxes in ``w``, in page order."""
    return list(
        w.evaluate(
            "(w) => [...w.querySelectorAll('input:checked')]"
            ".map((i) => i.closest('label').textContent.trim())"
        )
    )


def selected_bins(w: Any) -> list[str]:
    """What each drop-down of a matching question shows (spaces made plain)."""
    return [
        t.replace("\xa0", " ")
        for t in w.locator("select").evaluate_all(
            "(ss) => ss.map((s) => s.selectedIndex < 0 ? '' : s.options[s.selectedIndex].text)"
        )
    ]


def list_order(w: Any) -> list[str]:
    return list(
        w.locator("ol.cl-list li[data-id]").evaluate_all("(ls) => ls.map((l) => l.dataset.id)")
    )


def texts(question: Any, attr: str, lang: str = "uk") -> dict[str, str]:
    return {o.id: pick(o.text, lang) for o in getattr(question, attr)}


# --- the journey ----------------------------------------------------------------------


def answer_quality_service(page: Any, bank: Bank, folder: Path) -> None:
    """01_quality_service: the self-assessment, then a question of six types."""
    view = cell_of(page, "instrument_view('confidence'").locator(".clientlearn-selfassess")
    rows = view.locator(".clientlearn-rating")
    assert wait_for(lambda: rows.count() == len(RATINGS))
    chart = view.locator("svg[role='img']")
    assert chart.count() == 0  # no chart before the statements are rated
    labels = [pick(label, "uk") for label in CONFIDENCE.scale.labels]
    for row, rating in zip(rows.all(), RATINGS.values(), strict=True):
        row.get_by_label(f"{rating} — {labels[rating - 1]}", exact=True).check()
    view.get_by_text(f"Відповідей: {len(RATINGS)} з {len(RATINGS)}", exact=True).wait_for()
    chart.wait_for(state="visible", timeout=20_000)  # the profile's chart appears, as SVG
    assert chart.get_attribute("aria-label") == "Впевненість у навичках: на початку тренінгу"
    box = chart.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 200

    widget(page, "m1.quality.warmup").get_by_label("4 — радше високо").check()
    q = bank["m1.quality.components"]
    w = widget(page, q.id)
    for option in ANSWERS_M1[q.id]:
        w.get_by_label(texts(q, "options")[option], exact=True).check()
    q = bank["m1.quality.dimensions"]
    w = widget(page, q.id)
    items, bins = texts(q, "items"), texts(q, "bins")
    for item, bin_ in ANSWERS_M1[q.id].items():
        # The drop-down is found by its accessible name, the item's text (its <label>).
        w.get_by_label(items[item]).select_option(label=bins[bin_])
    widget(page, "m1.quality.gap").get_by_label("Правда", exact=True).check()
    field = widget(page, "m1.quality.superiority").get_by_role("textbox")
    field.click()
    page.keyboard.type(ANSWERS_M1["m1.quality.superiority"])
    page.keyboard.press("Enter")

    # Single choice by keyboard alone: Tab on from the number field, Space to choose.
    q = bank["m1.quality.affect"]
    option = widget(page, q.id).get_by_label(texts(q, "options")["affect"], exact=True)
    tab_to(page, option)
    page.keyboard.press("Space")
    assert wait_for(lambda: saved(folder).get(q.id) == "affect")


def answer_client_strategy(page: Any, bank: Bank) -> None:
    """02_client_strategy: ordering by keyboard alone, text typed, a rating clicked."""
    q = bank["m1.strategy.chain"]
    w = widget(page, q.id)
    items = texts(q, "items")
    # To the question's cell with the arrow keys, then Tab into its output.
    keyboard_to_cell(page, cell_of(page, f'quiz.ask("{q.id}")'))
    placing = ["wishes", "order", "catalogue", "feedback", "shelve"]
    for n, item in enumerate(placing):
        tab_to(page, w.get_by_role("button", name=f"Додати: {items[item]}", exact=True))
        page.keyboard.press("Enter" if n % 2 == 0 else "Space")
        row = w.locator(f"ol.cl-list li[data-id='{item}']")
        row.wait_for()
        assert wait_for(lambda r=row: is_focused(r))  # the placed step keeps the focus
    # The focused last step moves up two places with Alt+ArrowUp.
    page.keyboard.press("Alt+ArrowUp")
    wait_for(lambda: list_order(w)[3] == "shelve")
    page.keyboard.press("Alt+ArrowUp")
    assert wait_for(lambda: list_order(w) == ANSWERS_M1[q.id])

    field = widget(page, "m1.strategy.feedback").get_by_role("textbox")
    field.click()
    page.keyboard.type(ANSWERS_M1["m1.strategy.feedback"])
    page.keyboard.press("Enter")
    widget(page, "m1.strategy.group_done").get_by_label("4 — радше чітко").check()


def answer_service_algorithm(page: Any, bank: Bank) -> None:
    """03_service_algorithm: ordering by clicks, a scenario to its end, a single choice."""
    q = bank["m1.algorithm.order"]
    w = widget(page, q.id)
    items = texts(q, "items")
    for item in ANSWERS_M1[q.id]:
        w.get_by_role("button", name=f"Додати: {items[item]}", exact=True).click()
    assert wait_for(lambda: list_order(w) == ANSWERS_M1[q.id])
    assert w.locator(".cl-done").is_visible()  # every step placed

    q = bank["m1.algorithm.desk"]
    w = widget(page, q.id)
    at = q.start
    for choice_id in ANSWERS_M1[q.id]:
        choice = next(c for c in q.nodes[at].choices if c.id == choice_id)
        w.get_by_role("button", name=pick(choice.text, "uk"), exact=True).click()
        at = choice.next
        if at in q.nodes:
            w.get_by_text(pick(q.nodes[at].text, "uk"), exact=True).last.wait_for()
    assert at == "address"
    w.get_by_text(pick(q.endings[at].text, "uk")).wait_for()
    assert "Кінець сценарію" in w.inner_text()
    assert w.get_by_role("button").count() == 0  # graded: no second try

    q = bank["m1.algorithm.closing"]
    widget(page, q.id).get_by_label(texts(q, "options")["c"], exact=True).check()


def shows(state: Callable[[], Any], expected: Any) -> None:
    """The page's ``state()`` is ``expected``, once the re-run widgets have rendered."""
    wait_for(lambda: state() == expected, timeout=15)
    assert state() == expected


def check_quality_service_shown(page: Any, bank: Bank) -> None:
    view = cell_of(page, "instrument_view('confidence'").locator(".clientlearn-selfassess")
    labels = [pick(label, "uk") for label in CONFIDENCE.scale.labels]
    shows(lambda: checked_labels(view), [f"{r} — {labels[r - 1]}" for r in RATINGS.values()])
    view.locator("svg[role='img']").wait_for(state="visible", timeout=20_000)
    shows(lambda: checked_labels(widget(page, "m1.quality.warmup")), ["4 — радше високо"])
    q = bank["m1.quality.components"]
    options = texts(q, "options")
    shows(lambda: checked_labels(widget(page, q.id)), [options[o] for o in ANSWERS_M1[q.id]])
    q = bank["m1.quality.dimensions"]
    bins = texts(q, "bins")
    shows(lambda: selected_bins(widget(page, q.id)), [bins[b] for b in ANSWERS_M1[q.id].values()])
    shows(lambda: checked_labels(widget(page, "m1.quality.gap")), ["Правда"])
    field = widget(page, "m1.quality.superiority").get_by_role("textbox")
    shows(field.input_value, ANSWERS_M1["m1.quality.superiority"])
    q = bank["m1.quality.affect"]
    shows(lambda: checked_labels(widget(page, q.id)), [texts(q, "options")["affect"]])


def check_client_strategy_shown(page: Any) -> None:
    shows(lambda: list_order(widget(page, "m1.strategy.chain")), ANSWERS_M1["m1.strategy.chain"])
    field = widget(page, "m1.strategy.feedback").get_by_role("textbox")
    shows(field.input_value, ANSWERS_M1["m1.strategy.feedback"])
    shows(lambda: checked_labels(widget(page, "m1.strategy.group_done")), ["4 — радше чітко"])


def check_service_algorithm_shown(page: Any, bank: Bank) -> None:
    order = widget(page, "m1.algorithm.order")
    shows(lambda: list_order(order), ANSWERS_M1["m1.algorithm.order"])
    q = bank["m1.algorithm.desk"]
    w = widget(page, q.id)
    w.get_by_text(pick(q.endings["address"].text, "uk")).wait_for()
    assert w.get_by_role("button").count() == 0
    q = bank["m1.algorithm.closing"]
    shows(lambda: checked_labels(widget(page, q.id)), [texts(q, "options")["c"]])


def test_participant_answers_both_modules_and_autograde_gives_the_exact_score(
    course: Course, lab: Lab, page: Any
) -> None:
    bank1 = load_bank(REPO / M1 / "questions.yaml")  # the instructor's: keys included
    bank2 = load_bank(REPO / M2 / "questions.yaml")
    m1, m2 = lab.root / M1, lab.root / M2
    shots = artifacts_dir("browser-participant")

    # Module 2: every notebook runs without an error; one question answered by mouse.
    open_folder(page, lab, M2)
    notebooks = sorted(p.name for p in m2.glob("*.ipynb"))
    assert len(notebooks) == 5
    for name in notebooks:
        open_and_run(page, name)
        if name == "01_constructive_approach.ipynb":
            q = bank2["m2.01.axes_both_high"]
            widget(page, q.id).get_by_label(texts(q, "options")["b"], exact=True).check()
            assert wait_for(lambda: saved(m2) == ANSWERS_M2)
            save_and_close(page, m2 / name)
        else:
            save_and_close(page)

    # Module 1: every notebook runs; the first three are answered, then reloaded,
    # re-run after a kernel restart (every answer shows again) and saved.
    open_folder(page, lab, M1)
    notebooks = sorted(p.name for p in m1.glob("*.ipynb"))
    assert len(notebooks) == 6
    steps = {
        "01_quality_service.ipynb": (
            lambda: answer_quality_service(page, bank1, m1),
            lambda: check_quality_service_shown(page, bank1),
        ),
        "02_client_strategy.ipynb": (
            lambda: answer_client_strategy(page, bank1),
            lambda: check_client_strategy_shown(page),
        ),
        "03_service_algorithm.ipynb": (
            lambda: answer_service_algorithm(page, bank1),
            lambda: check_service_algorithm_shown(page, bank1),
        ),
    }
    wanted = {**ANSWERS_M1, "selfassess.confidence.before": RATINGS}
    done: list[str] = []
    for name in notebooks:
        open_and_run(page, name)
        if name not in steps:
            save_and_close(page)
            continue
        answer, check = steps[name]
        answer()
        here = [qid for qid in asked(m1 / name) if qid in ANSWERS_M1]
        if name == "01_quality_service.ipynb":
            here.append("selfassess.confidence.before")
        done += here
        # Every answer is on disk at once, without a save.
        assert wait_for(lambda d=set(done): set(saved(m1)) == d)
        assert saved(m1) == {r: wanted[r] for r in done}

        reload_restart_run_all(page, name)
        check()
        for record in here:  # how each answer looks after the restart, kept to look at
            view = (
                widget(page, record)
                if record in ANSWERS_M1
                else cell_of(page, "instrument_view(").locator(".clientlearn-selfassess svg")
            )
            element_screenshot(view, shots / f"{record}.png")
        save_and_close(page, m1 / name)
        # The saved notebook carries its own answers too (a lone .ipynb grades the same).
        assert embedded(m1 / name) == {r: wanted[r] for r in here}

    assert saved(m1) == wanted

    # Hand the folders in and autograde them with the real nbgrader.
    for module in (M1, M2):
        shutil.copytree(
            lab.root / module,
            course.submission_dir(STUDENT, module),
            ignore=shutil.ignore_patterns(".ipynb_checkpoints"),
        )
    course.nbgrader("autograde", "module*", "--force")

    # Expected points, independently of nbgrader: clientlearn's scoring with the keys.
    share = assess(CONFIDENCE, RATINGS, "before").progress.share
    expected1 = {**expected_grades(bank1, ANSWERS_M1), "confidence-before-done": 1.0 * share}
    expected2 = expected_grades(bank2, ANSWERS_M2)
    for qid, points in BY_HAND.items():
        assert expected1[grade_cell(qid)] == pytest.approx(points), qid
    assert sum(expected1.values()) == pytest.approx(TOTAL_M1_BY_HAND)
    assert sum(expected2.values()) == 1.0

    for module, expected in ((M1, expected1), (M2, expected2)):
        grades = course.grade_scores(module, STUDENT)
        assert set(expected) <= set(grades)
        earned = {cell: points for cell, points in grades.items() if points}
        assert earned == pytest.approx({c: p for c, p in expected.items() if p}), module
        (score,) = course.scores(module)
        assert score.student == STUDENT
        assert score.score == pytest.approx(sum(expected.values())), module
    (shots / "grades.json").write_text(
        json.dumps({m: course.grade_scores(m, STUDENT) for m in (M1, M2)}, indent=1),
        encoding="utf-8",
    )


# --- keyboard and labels ----------------------------------------------------------------

# Everything in a widget a person can operate.
CONTROLS = "input, select, textarea, button, a[href], [tabindex], [contenteditable], [role=slider]"
# The roles each question type's answer controls must have (so an empty page cannot pass).
ROLES = {
    "sc.single": {"radio"},
    "sc.multiple": {"checkbox"},
    "sc.truefalse": {"radio"},
    "sc.ordering": {"button", "listitem"},
    "sc.matching": {"combobox"},
    "sc.text": {"textbox"},
    "sc.numeric": {"textbox"},
    "sc.rating": {"radio"},
    "sc.scenario": {"button"},
    "library_diagnostic": {"radio"},
    "observer_rubric": {"textbox", "radio"},
}
OBSERVED, COMMENT = "Олена Бондаренко", "Коментар спостерігача до всіх критеріїв"
_MARK = """(view, [key, selector]) => [...view.querySelectorAll(selector)].map((el, k) => {
  el.dataset.a11y = `${key}#${k}`;
  const box = el.getBoundingClientRect();
  return {id: el.dataset.a11y, tabIndex: el.tabIndex, disabled: !!el.disabled,
          visible: box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden",
          html: el.outerHTML.slice(0, 120)};
})"""
_FOCUSED = "() => document.activeElement ? document.activeElement.dataset.a11y || '' : ''"
# The first line of Playwright's ARIA snapshot of one element: - role "accessible name"
_SNAPSHOT = re.compile(r"""^- '?([a-z]+)(?: "(.*?)")?""")


def role_and_name(page: Any, control_id: str) -> tuple[str, str]:
    snapshot = page.locator(f"[data-a11y='{control_id}']").aria_snapshot()
    found = _SNAPSHOT.match(snapshot)
    assert found, snapshot
    return found[1], (found[2] or "").strip()


def test_every_answer_control_is_reachable_by_tab_and_has_a_name(lab: Lab, page: Any) -> None:
    """Each question type (the showcase bank), a self-assessment and the observer's rubric,
    in the page: every control is a Tab stop (not tabindex=-1, not disabled, visible),
    Tab alone reaches it, and it has an accessible name as the browser's accessibility
    tree computes it.  The self-assessment is then completed by keyboard alone (its chart
    shows) and the rubric given a score and a comment; axe-core over all of it."""
    bank = load_bank(SHOWCASE)
    page.goto(lab.url("lab/tree/a11y/a11y.ipynb?reset"))
    page.get_by_role("tab", name="a11y.ipynb").wait_for(timeout=60_000)
    await_python_kernel(page, "a11y.ipynb")
    run_all_cells(page)
    assert error_outputs(page) == []
    # An ordering question's placed steps (a row and its buttons) exist once one is placed.
    ordering = widget(page, "sc.ordering")
    ordering.get_by_role("button", name="Додати: Привітатися", exact=True).click()
    ordering.locator("li[data-id='greet']").wait_for()
    # The observer's criteria and comment open once whom they observed is given.
    observer = cell_of(page, "observer_rubric(round=1)").locator(".clientlearn")
    observer.get_by_role("textbox", name="Кого ви спостерігали", exact=True).click()
    page.keyboard.type(OBSERVED)
    page.keyboard.press("Enter")
    comment = observer.get_by_role("textbox", name=COMMENT, exact=True)
    assert wait_for(comment.is_enabled)

    views = {q.id: widget(page, q.id) for q in bank}
    views["library_diagnostic"] = cell_of(page, "instrument_view('library_diagnostic')").locator(
        ".clientlearn-selfassess"
    )
    views["observer_rubric"] = observer
    shots = artifacts_dir("browser-a11y")
    problems: list[str] = []
    roles: dict[str, set[str]] = {}
    names: dict[str, list[str]] = {}
    for key, view in views.items():
        element_screenshot(view, shots / f"{key}.png")
        controls = view.evaluate(_MARK, [key, CONTROLS])
        for c in controls:
            if c["tabIndex"] < 0 or c["disabled"] or not c["visible"]:
                problems.append(f"{key}: not a Tab stop: {c['html']}")
            role, name = role_and_name(page, c["id"])
            roles.setdefault(key, set()).add(role)
            names.setdefault(key, []).append(name)
            if not name:
                problems.append(f"{key}: {role} without an accessible name: {c['html']}")
        # Tab alone, from the question's text (a click there makes its cell current).
        view.locator(".clientlearn-question, h3, h4").first.click()
        wanted = {c["id"] for c in controls}
        reached: set[str] = set()
        for _ in range(len(wanted) + 12):
            page.keyboard.press("Tab")
            focused = page.evaluate(_FOCUSED)
            if focused in wanted:
                reached.add(focused)
            elif reached:
                break  # Tab has left the widget
        problems += [f"{key}: Tab never reaches {c}" for c in sorted(wanted - reached)]
    assert problems == []
    assert roles == ROLES
    # Each self-assessment statement's radios are a group named by the statement.
    diagnostic = views["library_diagnostic"]
    for item in load_instrument("library_diagnostic").items:
        group = diagnostic.get_by_role("radiogroup", name=pick(item.text, "uk"), exact=True)
        assert group.get_by_role("radio").count() == 5, item.id
    chart = complete_the_self_assessment_by_keyboard(page, diagnostic, lab.root / "a11y")
    element_screenshot(chart, shots / "library_diagnostic-chart.png")
    score_and_comment_by_keyboard(page, observer, lab.root / "a11y")
    element_screenshot(observer, shots / "observer_rubric.png")
    # Every type, the completed self-assessment with its chart, the group form, the
    # hand-in and the observer's rubric with its comment: axe-core.
    assert serious_violations(page) == []

    matching = bank["sc.matching"]
    assert names["sc.matching"] == [
        f"{n}. {text}" for n, text in enumerate(texts(matching, "items").values(), start=1)
    ]
    assert names["sc.single"] == list(texts(bank["sc.single"], "options").values())
    items = texts(bank["sc.ordering"], "items")
    assert {f"Додати: {items[i]}" for i in ("listen", "clarify", "search")} <= set(
        names["sc.ordering"]
    )
    assert "1. Привітатися" in names["sc.ordering"]
    assert all(
        n.startswith(("1 — ", "2 — ", "3 — ", "4 — ", "5 — ")) for n in names["library_diagnostic"]
    )


def complete_the_self_assessment_by_keyboard(page: Any, view: Any, folder: Path) -> Any:
    """Every statement rated with Tab and Space (every other one then moved on a point
    by an arrow key); the chart then shows, an image named by its title: returned."""
    instrument = load_instrument("library_diagnostic")
    ratings = {item.id: 1 + n % 5 for n, item in enumerate(instrument.items)}
    view.locator("h3").click()  # a reader arrives at the title; never a click on a control
    for n, item in enumerate(instrument.items):
        radios = view.get_by_role("radiogroup", name=pick(item.text, "uk"), exact=True)
        arrow = n % 2 == 1 and ratings[item.id] > 1
        tab_to(page, radios.get_by_role("radio").nth(ratings[item.id] - (2 if arrow else 1)))
        page.keyboard.press("Space")
        if arrow:
            page.keyboard.press("ArrowRight")
    record = "selfassess.library_diagnostic"
    assert wait_for(lambda: saved(folder).get(record) == ratings), saved(folder).get(record)
    profile = assess(instrument, ratings).profile
    assert profile is not None and profile.index is not None
    title = f"Індекс клієнтоорієнтованості: {format_number(profile.index, 'uk', digits=0)} зі 100"
    chart = view.get_by_role("img", name=title, exact=True)
    chart.wait_for(state="visible", timeout=20_000)
    # A bar for each statement, each beside its label.
    assert chart.locator("rect[height='33.6']").count() == len(ratings)
    return chart


def score_and_comment_by_keyboard(page: Any, observer: Any, folder: Path) -> None:
    """A score by Tab and Space, a comment typed into the field its label names."""
    observer.locator("h4").click()
    tab_to(page, observer.get_by_role("radio", name="4 · Зразково", exact=True).first)
    page.keyboard.press("Space")
    tab_to(page, observer.get_by_role("textbox", name=COMMENT, exact=True))
    page.keyboard.type("Спокійно пояснила правило")
    key = "rubric.1.олена бондаренко"  # the typed name, case and spacing ignored
    assert wait_for(
        lambda: saved(folder).get(key, {}).get("comment") == "Спокійно пояснила правило"
    ), saved(folder)
    assert saved(folder)[key]["scores"] == {"greeting": 4}
