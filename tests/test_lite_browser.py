"""Issue #15: the JupyterLite edition in Debian's Chromium, with nothing but the site.

The site (:mod:`tests.lite_site`) is served on a free loopback port; every request that
leaves its origin is aborted and counted: none is expected.  An answer given in module
1's first notebook shows again after the browser is closed and opened on the same
profile and the kernel restarted (its outputs cleared: it came back from the answers
file in the browser's storage); the hand-in button's zip, collected and autograded in a
fresh course, scores what the instructor's bank gives those answers.  No graded key is
anywhere in the site.  Every question type after a reload and a restart:
``tests/test_lite_types_browser.py``.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from clientlearn.grader.coursefolder import Course
from clientlearn.runtime.bank import load_bank
from clientlearn.runtime.questions import pick

from .browser import CHROMIUM, CHROMIUM_ARGS, artifacts_dir, require_chromium, run_all_cells
from .conftest import SHOWCASE
from .keys import key_leaks
from .lite_site import M1, M2, NAME, NOTEBOOK, REPO, cell, open_lite, origin, outside_counter, site

pytestmark = [pytest.mark.browser, pytest.mark.nbgrader]
__all__ = ["origin", "site"]  # the fixtures, used by name


def test_no_key_in_the_site(site: Path) -> None:
    banks = [load_bank(REPO / module / "questions.yaml") for module in (M1, M2)]
    banks.append(load_bank(SHOWCASE))
    files = {
        str(path.relative_to(site)): path.read_text(encoding="utf-8", errors="replace")
        for path in sorted((site / "files").rglob("*"))
        if path.is_file()
    }
    assert len(files) >= 11
    # The banks' checked data the kernel's wheel carries (the participants' copies).
    wheel = next((site / "static" / "pyodide").glob("clientlearn-*.whl"))
    with zipfile.ZipFile(wheel) as whl:
        sealed = [n for n in whl.namelist() if n.startswith("clientlearn/checked/bank-")]
        files |= {n: whl.read(n).decode("utf-8") for n in sealed}
    assert len(sealed) == 3
    assert key_leaks(files, banks) == []


def _answers(page: Any) -> Any:
    return page.locator(".jp-NotebookPanel .jp-CodeCell", has_text='quiz.ask("m1.quality.affect")')


ROSTER = "id,name,first_name,last_name,email\nbondarenko_olena,Бондаренко Олена,Олена,Бондаренко,\n"


def test_a_participant_hands_in_and_the_trainer_grades_the_same_score(
    site: Path, origin: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """Answers given in the site, handed in with the button, collected and autograded
    into a fresh course: the score is the one the instructor's bank gives those answers."""
    require_chromium()
    from click.testing import CliRunner
    from playwright.sync_api import sync_playwright

    from clientlearn.cli.main import cli

    bank = load_bank(REPO / M1 / "questions.yaml")
    single, multiple = bank.questions["m1.quality.affect"], bank.questions["m1.quality.components"]
    right = pick(next(o.text for o in single.options if o.id == "affect"), "uk")
    ticked = [o for o in multiple.options if o.id in ("a", "c")]
    out = artifacts_dir(request.node.name)
    outside: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 1000})
            context.route("**/*", outside_counter(origin, outside))
            page = context.new_page()
            open_lite(page, f"{origin}/lab/index.html?path={NOTEBOOK}")
            run_all_cells(page)
            cell(page, 'quiz.ask("m1.quality.affect")').get_by_label(right, exact=True).check()
            components = cell(page, 'quiz.ask("m1.quality.components")')
            for option in ticked:
                components.get_by_label(pick(option.text, "uk"), exact=True).check()
            components.get_by_text("Відповідь збережено").first.wait_for(timeout=30_000)
            handin = cell(page, "handin_view()")
            handin.get_by_label("Ваші ім’я та прізвище (як у списку учасників)").fill(NAME)
            handin.get_by_label("Ваші ім’я та прізвище (як у списку учасників)").press("Enter")
            handin.get_by_text(f"Ім’я збережено: {NAME}").wait_for(timeout=30_000)
            with page.expect_download(timeout=60_000) as download:
                handin.get_by_role("button", name="Зберегти зошит і завантажити роботу").click()
            assert download.value.suggested_filename == f"{M1}-{NAME}.zip"
            handed = tmp_path / download.value.suggested_filename
            download.value.save_as(handed)
            handin.get_by_text(f"Файл {M1}-{NAME}.zip готовий").wait_for(timeout=30_000)
            page.screenshot(path=str(out / "handed-in.png"))
        finally:
            browser.close()
    assert outside == []

    with zipfile.ZipFile(handed) as archive:
        answers = json.loads(archive.read(f"{M1}/clientlearn.answers.json"))["answers"]
        saved_notebook = archive.read(f"{M1}/01_quality_service.ipynb").decode("utf-8")
    assert answers["m1.quality.affect"]["value"] == "affect"
    assert sorted(answers["m1.quality.components"]["value"]) == ["a", "c"]
    # The button saved the notebook first: its outputs carry the answers too.
    assert "application/vnd.clientlearn.answers+json" in saved_notebook

    course = Course.create(tmp_path / "course")
    course.add_source(REPO / M1)
    course.nbgrader("generate_assignment", M1, "--force")
    (course.root / "roster.csv").write_text(ROSTER, encoding="utf-8")
    old = Path.cwd()
    os.chdir(course.root)
    try:
        collected = CliRunner().invoke(cli, ["collect", M1, str(handed), "--lang", "en"])
        assert collected.exit_code == 0, collected.output
        graded = CliRunner().invoke(cli, ["autograde", M1, "--jobs", "1", "--lang", "en"])
        assert graded.exit_code == 0, graded.output
    finally:
        os.chdir(old)
    expected = single.score("affect") + multiple.score(["a", "c"])
    [score] = course.scores(M1)
    assert score.student == "bondarenko_olena"
    assert score.score == pytest.approx(expected)
    assert 0 < expected < score.max_score


def test_answers_survive_closing_the_browser_and_a_warning_says_when_they_may_not(
    site: Path, origin: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """On one browser profile (a user-data folder) an answer shows again after the
    browser is closed and opened again; the hand-in widget warns exactly when the
    browser does not promise to keep the site's storage."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    bank = load_bank(REPO / M1 / "questions.yaml")
    single = bank.questions["m1.quality.affect"]
    option = pick(single.options[1].text, "uk")
    out = artifacts_dir(request.node.name)
    outside: list[str] = []
    profile = tmp_path / "profile"
    warnings = []
    with sync_playwright() as pw:
        for visit in ("first", "again"):
            context = pw.chromium.launch_persistent_context(
                str(profile),
                executable_path=CHROMIUM,
                headless=True,
                args=CHROMIUM_ARGS,
                viewport={"width": 1280, "height": 1000},
            )
            try:
                context.route("**/*", outside_counter(origin, outside))
                page = context.pages[0] if context.pages else context.new_page()
                open_lite(page, f"{origin}/lab/index.html?path={NOTEBOOK}")
                if visit == "again":
                    # Nothing left over in the outputs: the answer comes from storage.
                    run_all_cells(page, restart=True)
                    widget = _answers(page).locator(".clientlearn")
                    assert widget.get_by_label(option, exact=True).is_checked()
                else:
                    run_all_cells(page)
                    widget = _answers(page).locator(".clientlearn")
                    widget.get_by_label(option, exact=True).check()
                    _answers(page).get_by_text("Відповідь збережено").first.wait_for(timeout=30_000)
                    page.keyboard.press("Control+s")
                    page.wait_for_timeout(2_000)
                kept = page.evaluate("navigator.storage.persisted()")
                warning = cell(page, "handin_view()").locator(".clientlearn-handin-warning")
                if kept:
                    warning.wait_for(state="hidden", timeout=10_000)
                else:
                    warning.get_by_text("Увага: цей браузер не обіцяє").wait_for(timeout=10_000)
                warnings.append((kept, warning.is_visible()))
                page.screenshot(path=str(out / f"{visit}.png"))
            finally:
                context.close()
    assert outside == []
    assert all(kept != shown for kept, shown in warnings), warnings
