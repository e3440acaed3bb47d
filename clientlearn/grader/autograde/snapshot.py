"""What grading left behind, to compare two runs (tests and benchmarks)."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any


def snapshot(course_root: str | os.PathLike[str], assignment: str) -> dict[str, Any]:
    """What grading left behind, to compare two runs: per student the submission's score,
    max_score and needs_manual_grade, each grade cell's auto_score, manual_score,
    max_score and needs_manual_grade, and the outputs of the autograded notebooks' test
    cells (paths inside the course shown as ``<course>``; tracebacks left out, as they
    name temporary files).  Reads the course's gradebook.

    The grade cells are compared exactly.  The submission's score and max_score are
    derived from them: the cells' sum (:func:`submission_points`), and whether the
    database's own total (nbgrader's ``Submission.score``, a SQL ``SUM``) agrees with it
    up to the rounding of a float sum (relative 1e-12).  The database's total itself is
    not compared: its last bit depends on the database and its row order (73.1619 on
    SQLite, 73.16190000000002 on PostgreSQL for the same grades), which is no difference
    in grading."""
    from clientlearn.grader.gradebook import open_gradebook, submission_points

    root = Path(course_root).resolve()
    out: dict[str, Any] = {}
    with open_gradebook(root, course_id=None) as gb:
        for sub in sorted(gb.find_assignment(assignment).submissions, key=lambda s: s.student.id):
            cells = {
                f"{nb.name}/{grade.name}": (
                    grade.auto_score,
                    grade.manual_score,
                    grade.max_score,
                    grade.needs_manual_grade,
                )
                for nb in sub.notebooks
                for grade in nb.grades
            }
            score, max_score = submission_points(sub)
            out[sub.student.id] = {
                "score": score,
                "max_score": max_score,
                "database_total_agrees": _agrees(sub.score, score)
                and _agrees(sub.max_score, max_score),
                "needs_manual_grade": sub.needs_manual_grade,
                "grades": dict(sorted(cells.items())),
            }
    for student, entry in out.items():
        folder = root / "autograded" / student / assignment
        outputs: dict[str, Any] = {}
        for path in sorted(folder.glob("*.ipynb")):
            nb = json.loads(path.read_text(encoding="utf-8"))
            for cell in nb["cells"]:
                meta = cell.get("metadata", {}).get("nbgrader", {})
                if cell["cell_type"] == "code" and meta.get("grade") and not meta.get("solution"):
                    outputs[f"{path.stem}/{meta['grade_id']}"] = [
                        _comparable_output(o, str(root)) for o in cell.get("outputs", [])
                    ]
        entry["autograded"] = folder.is_dir()
        entry["test_outputs"] = outputs
    return out


def _agrees(database_total: float | None, cells_sum: float) -> bool:
    return math.isclose(float(database_total or 0.0), cells_sum, rel_tol=1e-12, abs_tol=1e-12)


def _comparable_output(output: dict[str, Any], root: str) -> dict[str, Any]:
    keep: dict[str, Any] = {
        "output_type": output.get("output_type"),
        "name": output.get("name"),
        "text": output.get("text"),
        "text/plain": output.get("data", {}).get("text/plain"),
        "ename": output.get("ename"),
        "evalue": output.get("evalue"),
        "execution_count": output.get("execution_count"),
    }
    for key, value in keep.items():
        if isinstance(value, list):  # a notebook file may split text into lines
            value = "".join(value)
        keep[key] = value.replace(root, "<course>") if isinstance(value, str) else value
    return keep
