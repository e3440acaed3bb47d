"""The formgrader shows what ``clientlearn written import`` wrote: the grade and the comment
of a written answer, on screen in nbgrader's own manual-grading page in Debian's Chromium,
with every request that leaves this machine aborted and counted (none is expected: MathJax
comes from the Jupyter server, see clientlearn.grader.formgrade_page); and the grading
sheet's printable page renders."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from clientlearn.grader.gradebook import open_gradebook
from clientlearn.trainer.written import export_sheet, import_sheet

from .browser import artifacts_dir, jupyterlab
from .lite_site import outside_counter
from .test_written import (  # noqa: F401  (graded is a fixture)
    MODULE,
    NOTEBOOK,
    PLAN,
    PLAN_COMMENT,
    PLAN_SCORE,
    PLANS,
    Graded,
    _fill,
    graded,
)

pytestmark = pytest.mark.browser
PLAN_TEXT = PLANS["alice"].splitlines()[0]
COMMENT = "Додайте строки."


def test_formgrader_shows_the_imported_grade_offline(
    graded: Graded,  # noqa: F811  (the fixture imported above)
    page: Any,
    tmp_path: Path,
) -> None:
    from playwright.sync_api import expect

    course = tmp_path / "course"
    shutil.copytree(graded.root, course)
    sheet = tmp_path / "grading.xlsx"
    done = export_sheet(course, MODULE, sheet)
    _fill(sheet, {(0, "alice", PLAN_SCORE): 2.5, (0, "alice", PLAN_COMMENT): COMMENT})
    import_sheet(course, sheet)
    with open_gradebook(course) as gb:
        submitted = gb.find_submission_notebook(NOTEBOOK, MODULE, "alice").id
    out = artifacts_dir("written_formgrader")
    outside: list[str] = []
    uncaught: list[str] = []
    page.on("pageerror", lambda error: uncaught.append(str(error)))
    # A resource that fails (a 404, a script refused) shows only in the console.
    page.on("console", lambda msg: msg.type == "error" and uncaught.append(msg.text))
    # The printable page is a local file: only file:// (and data:) may load.
    page.route("**/*", outside_counter("file://", outside))
    page.goto("file://" + str(done.page))
    page.get_by_text("Мар’яненко Аліса").first.wait_for()
    page.screenshot(path=str(out / "printable.png"), full_page=True)
    page.unroute("**/*")
    with jupyterlab(course, tmp_path / "lab.log") as lab:
        page.route("**/*", outside_counter(f"http://127.0.0.1:{lab.port}", outside))
        # Sign in as a trainer does, by opening the server's own page with the token: its
        # login cookie is for the whole server.  (Given on nbgrader's page, whose handlers
        # have an empty base URL, the cookie would hold for that page's folder only, and
        # formgrade.js's calls to formgrader/api would be sent to the login page.)
        page.goto(lab.url("api/status"))
        page.goto(f"http://127.0.0.1:{lab.port}/formgrader/submissions/{submitted}/")
        page.get_by_text(PLAN_TEXT).first.wait_for(timeout=60_000)
        # formgrade.js fills the fields from the gradebook once the page has loaded, and
        # then waits for MathJax (formgrade.js, configureScrolling): with nbgrader's own
        # page, MathJax from the CDN, it stops there with "MathJax is not defined".
        expect(page.locator(f"input#{PLAN}")).to_have_value("2.5", timeout=60_000)
        expect(page.locator(f"textarea#{PLAN}-comment")).to_have_value(COMMENT, timeout=60_000)
        page.wait_for_function("() => window.MathJax && MathJax.loaded === true", timeout=60_000)
        page.screenshot(path=str(out / "formgrader.png"), full_page=True)
    assert outside == []
    assert uncaught == []
