"""The formgrader shows what ``clientlearn written import`` wrote: the grade and the comment
of a written answer, in nbgrader's own manual-grading page in Debian's Chromium; and the
grading sheet's printable page renders."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from clientlearn.grader.gradebook import open_gradebook
from clientlearn.trainer.written import export_sheet, import_sheet

from .browser import artifacts_dir, jupyterlab
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


def test_formgrader_shows_the_imported_grade(
    graded: Graded,  # noqa: F811  (the fixture imported above)
    page: Any,
    tmp_path: Path,
) -> None:
    course = tmp_path / "course"
    shutil.copytree(graded.root, course)
    sheet = tmp_path / "grading.xlsx"
    done = export_sheet(course, MODULE, sheet)
    _fill(sheet, {(0, "alice", PLAN_SCORE): 2.5, (0, "alice", PLAN_COMMENT): "Додайте строки."})
    import_sheet(course, sheet)
    with open_gradebook(course) as gb:
        submitted = gb.find_submission_notebook(NOTEBOOK, MODULE, "alice").id
    out = artifacts_dir("written_formgrader")
    page.goto("file://" + str(done.page))
    page.get_by_text("Мар’яненко Аліса").first.wait_for()
    page.screenshot(path=str(out / "printable.png"), full_page=True)
    with jupyterlab(course, tmp_path / "lab.log") as lab:
        page.goto(lab.url(f"formgrader/submissions/{submitted}/"))
        # The manual-grading page renders the answer (not an error page)...
        page.get_by_text(PLAN_TEXT).first.wait_for(timeout=60_000)
        page.locator(f"input#{PLAN}").wait_for(timeout=60_000)
        page.screenshot(path=str(out / "formgrader.png"), full_page=True)
        # ...and the formgrader's API, which fills that page's score and comment fields
        # (its script needs CDN resources a sandbox cannot reach), holds the imported ones.
        grades = json.loads(
            _body(page, lab.url(f"formgrader/api/grades?submission_id={submitted}"))
        )
        comments = json.loads(
            _body(page, lab.url(f"formgrader/api/comments?submission_id={submitted}"))
        )
    plan = next(g for g in grades if g["name"] == PLAN)
    assert (plan["manual_score"], plan["needs_manual_grade"]) == (2.5, False)
    said = next(c for c in comments if c["name"] == PLAN)
    assert said["manual_comment"] == "Додайте строки."


def _body(page: Any, url: str) -> str:
    page.goto(url)
    return str(page.locator("body").inner_text())
