"""The formgrader shows what ``clientlearn written import`` wrote: the grade and the comment
of a written answer, in nbgrader's own manual-grading page in Debian's Chromium; and the
grading sheet's printable page renders."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from clientlearn.grader.gradebook import open_gradebook
from clientlearn.trainer.written import export_sheet, import_sheet

from .browser import artifacts_dir, jupyterlab, wait_for
from .test_written import (  # noqa: F401  (graded is a fixture)
    MODULE,
    NOTEBOOK,
    PLAN,
    PLAN_COMMENT,
    PLAN_SCORE,
    Graded,
    _fill,
    graded,
)

pytestmark = pytest.mark.browser


def test_formgrader_shows_the_imported_grade(graded: Graded, page: Any, tmp_path: Path) -> None:
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
        score = page.locator(f"input#{PLAN}")
        score.wait_for(timeout=60_000)
        assert wait_for(lambda: score.input_value() == "2.5", timeout=30)
        comment = page.locator(f"textarea#{PLAN}-comment")
        assert wait_for(lambda: comment.input_value() == "Додайте строки.", timeout=30)
        page.screenshot(path=str(out / "formgrader.png"), full_page=True)
