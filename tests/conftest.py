"""Shared fixtures: the showcase bank (one question of every type) in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHOWCASE = FIXTURES / "showcase" / "questions.yaml"


@pytest.fixture
def quiz_folder(tmp_path: Path) -> Path:
    """A participant's folder holding the showcase bank."""
    folder = tmp_path / "quiz"
    folder.mkdir()
    shutil.copy(SHOWCASE, folder / "questions.yaml")
    return folder


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    # Lets fixtures see whether the test failed (to keep a screenshot).
    report = yield
    setattr(item, "rep_" + report.when, report)
    return report
