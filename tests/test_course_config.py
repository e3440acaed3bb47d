"""The course root works as a trainer uses it: `cd course && nbgrader generate_assignment M`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.nbgrader


def test_generate_assignment_from_the_course_folder(tmp_path: Path) -> None:
    shutil.copytree(REPO / "module1_client_service", tmp_path / "module1_client_service")
    (tmp_path / "course").mkdir()
    shutil.copy(REPO / "course" / "nbgrader_config.py", tmp_path / "course")
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    proc = subprocess.run(
        [sys.executable, "-m", "nbgrader", "generate_assignment", "module1_client_service"],
        cwd=tmp_path / "course",
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    release = tmp_path / "course" / "release" / "module1_client_service"
    assert sorted(p.name for p in release.glob("*.ipynb")) == sorted(
        p.name for p in (REPO / "module1_client_service").glob("*.ipynb")
    )
    released = yaml.safe_load((release / "questions.yaml").read_text(encoding="utf-8"))
    assert released["public"] is True
    graded = [
        q
        for q in released["questions"]
        if q.get("mode", "graded") == "graded" and q["type"] != "rating"
    ]
    assert graded and all("key" not in q and "explanation" not in q for q in graded)
    assert (tmp_path / "course" / "gradebook.db").exists()
