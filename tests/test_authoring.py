"""Lessons become nbgrader notebooks: questions, self-assessments, manually graded tasks."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from clientlearn.core.errors import ClientlearnError
from clientlearn.grader.coursefolder import Course
from clientlearn.runtime.bank import load_bank
from clientlearn.runtime.store import AnswerStore
from clientlearn.selfassess import load_instrument
from clientlearn.trainer.authoring import build_notebook, scored_questions

from .conftest import SHOWCASE

LESSON = """# Урок

Вступ.

{{ ask sc.single }}

{{ instrument confidence phase=before points=1 }}

Опишіть стратегію вашої бібліотеки.

{{ task demo.strategy points=3 }}
**Рубрика.** 3 бали — названо цільові аудиторії, кроки і спосіб перевірки.
{{ end }}

```python
print("код")
```
"""


def test_cells_and_their_nbgrader_roles() -> None:
    nb = build_notebook(LESSON, load_bank(SHOWCASE))
    roles = [
        (
            c.cell_type,
            c.metadata.get("nbgrader", {}).get("grade_id"),
            c.metadata.get("nbgrader", {}).get("points"),
        )
        for c in nb.cells
    ]
    assert roles == [
        ("code", "clientlearn-setup", None),
        ("markdown", None, None),
        ("code", "sc_single-ask", None),
        ("code", "sc_single-score", 1),
        ("code", "confidence-before-ask", None),
        ("code", "confidence-before-done", 1),
        ("markdown", None, None),
        ("markdown", "demo_strategy-task", 3),
        ("code", "code-1", None),
    ]
    task = nb.cells[7]
    assert task.metadata["nbgrader"]["solution"] and not task.metadata["nbgrader"]["locked"]
    assert task.source.startswith("### BEGIN SOLUTION\n**Рубрика.**")
    assert "completion('confidence', 1, phase='before')" in nb.cells[5].source
    assert scored_questions(nb) == ["sc.single"]


@pytest.mark.parametrize(
    ("lesson", "words"),
    [
        ("{{ ask nope }}", "no question 'nope'"),
        ("{{ ask sc.single }}\n{{ ask sc.single }}", "asked twice"),
        ("{{ task t points=2 }}\nrubric", "has no {{ end }}"),
        ("```python\nx = 1", "not closed"),
        ("{{ instrument confidence colour=red }}", "unknown option"),
    ],
)
def test_lesson_mistakes_name_the_line(lesson: str, words: str) -> None:
    with pytest.raises(ClientlearnError, match=words):
        build_notebook(lesson, load_bank(SHOWCASE), source_name="lesson.md")


@pytest.mark.nbgrader
def test_task_and_self_assessment_under_nbgrader(tmp_path: Path) -> None:
    source = tmp_path / "src" / "lesson"
    source.mkdir(parents=True)
    shutil.copy(SHOWCASE, source / "questions.yaml")
    nbformat.write(build_notebook(LESSON, load_bank(SHOWCASE)), source / "lesson.ipynb")
    course = Course.create(tmp_path / "course")
    course.add_source(source)
    course.nbgrader("generate_assignment", "lesson", "--force")
    released = (course.release_dir("lesson") / "lesson.ipynb").read_text(encoding="utf-8")
    assert "Рубрика" not in released and "Напишіть свою відповідь тут." in released

    folder = course.submit_copy("olena", "lesson")
    AnswerStore(folder).save("sc.single", "b")
    confidence = load_instrument("confidence")
    AnswerStore(folder).save(
        "selfassess.confidence.before", {item.id: 3 for item in confidence.items}
    )
    nb = nbformat.read(folder / "lesson.ipynb", as_version=4)
    answer = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution"))
    answer.source = "Ми радимося з користувачами і не-користувачами двічі на рік."
    nbformat.write(nb, folder / "lesson.ipynb")
    course.submit_copy("taras", "lesson")  # hands in a blank notebook

    course.nbgrader("autograde", "lesson", "--force")
    olena = course.grade_scores("lesson", "olena")
    assert olena["sc_single-score"] == 1.0 and olena["confidence-before-done"] == 1.0
    assert olena["demo_strategy-task"] == 0.0  # waits for the trainer's manual grade
    scores = {s.student: s.score for s in course.scores("lesson")}
    assert scores == {"olena": 2.0, "taras": 0.0}
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course.root / 'gradebook.db'}") as gb:
        assert gb.find_submission("lesson", "olena").needs_manual_grade
        assert not gb.find_submission("lesson", "taras").needs_manual_grade  # blank: 0, no response
