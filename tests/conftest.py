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
