"""A participant in a real JupyterLab page: click an answer, reload, the answer stays."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import nbformat
import pytest

from clientlearn.grader.coursefolder import Course
from clientlearn.runtime.bank import load_bank
from clientlearn.trainer.authoring import build_notebook

from .browser import artifacts_dir, jupyterlab, open_notebook, run_all, saved, wait_for
from .conftest import SHOWCASE

pytestmark = pytest.mark.browser


@pytest.fixture
def released(tmp_path: Path) -> Path:
    """The showcase quiz as nbgrader releases it; the notebook sits at the server's root."""
    source = tmp_path / "src" / "quiz"
    source.mkdir(parents=True)
    shutil.copy(SHOWCASE, source / "questions.yaml")
    bank = load_bank(source / "questions.yaml")
    lesson = (
        "# Перевірка\n\n{{ ask sc.single }}\n\n{{ ask sc.multiple }}\n\n{{ ask sc.ordering }}\n"
    )
    nbformat.write(build_notebook(lesson, bank), source / "quiz.ipynb")
    course = Course.create(tmp_path / "course")
    course.add_source(source)
    course.nbgrader("generate_assignment", "quiz", "--force")
    root = tmp_path / "participant"
    shutil.copytree(course.release_dir("quiz"), root)
    return root


def test_click_reload_rerun_shows_saved_answer(released: Path, page: Any, tmp_path: Path) -> None:
    with jupyterlab(released, tmp_path / "lab.log") as lab:
        open_notebook(page, lab.url("lab/tree/quiz.ipynb"))
        option = page.get_by_label("Відкладає роботу й вітає користувача")
        run_all(page, until=option)
        assert not option.is_checked()  # nothing is pre-selected
        option.check()
        # On disk within a second of the click, without a save button.
        assert wait_for(lambda: saved(released).get("sc.single") == "b", timeout=1.5)
        page.get_by_label("Керівники підтримують персонал").check()
        assert wait_for(lambda: saved(released).get("sc.multiple") == ["c"])
        page.get_by_text("✓ Відповідь збережено").first.wait_for()

        page.reload()
        open_notebook(page, lab.url("lab/tree/quiz.ipynb"))
        assert saved(released) == {"sc.single": "b", "sc.multiple": ["c"]}
        option = page.get_by_label("Відкладає роботу й вітає користувача")
        run_all(page, until=option)
        wait_for(option.is_checked)
        assert option.is_checked()
        assert page.get_by_label("Керівники підтримують персонал").is_checked()
        # A further click adds to the saved selection instead of replacing it.
        page.get_by_label("Навчання персоналу є пріоритетом").check()
        assert wait_for(lambda: saved(released).get("sc.multiple") == ["a", "c"])
        page.screenshot(path=str(artifacts_dir("browser-ok") / "after-reload.png"), full_page=True)


def test_ordering_by_click_keyboard_and_drag(released: Path, page: Any, tmp_path: Path) -> None:
    with jupyterlab(released, tmp_path / "lab.log") as lab:
        open_notebook(page, lab.url("lab/tree/quiz.ipynb"))
        add = page.get_by_role("button", name="Додати: Привітатися")
        run_all(page, until=add)
        add.click()
        # Keyboard only: focus the next step's button and press Enter.
        page.get_by_role("button", name="Додати: Уточнити запит").focus()
        page.keyboard.press("Enter")
        page.get_by_role("button", name="Додати: Вислухати запит").focus()
        page.keyboard.press("Space")
        assert wait_for(
            lambda: saved(released).get("sc.ordering") == ["greet", "clarify", "listen"]
        )
        # Alt+ArrowUp on the focused last step moves it up one place.
        page.locator("li[data-id='listen']").focus()
        page.keyboard.press("Alt+ArrowUp")
        assert wait_for(
            lambda: saved(released).get("sc.ordering") == ["greet", "listen", "clarify"]
        )
        # Drag the last step from the pool to the end of the list.
        target = page.locator("ol.cl-list")
        box = target.bounding_box()
        page.locator("button[data-id='search']").drag_to(
            target, target_position={"x": 20, "y": box["height"] - 4}
        )
        assert wait_for(
            lambda: saved(released).get("sc.ordering") == ["greet", "listen", "clarify", "search"]
        )
        page.get_by_role("button", name="Прибрати: Знайти відповідь").click()
        assert wait_for(
            lambda: saved(released).get("sc.ordering") == ["greet", "listen", "clarify"]
        )
        page.screenshot(
            path=str(artifacts_dir("browser-ordering") / "ordering.png"), full_page=True
        )


def test_validate_button_lists_unanswered_questions(
    released: Path, page: Any, tmp_path: Path
) -> None:
    with jupyterlab(released, tmp_path / "lab.log") as lab:
        open_notebook(page, lab.url("lab/tree/quiz.ipynb"))
        option = page.get_by_label("Відкладає роботу й вітає користувача")
        run_all(page, until=option)
        option.check()
        assert wait_for(lambda: saved(released).get("sc.single") == "b")
        page.keyboard.press("Control+s")
        page.get_by_role("button", name="Validate").click()
        dialog = page.locator(".jp-Dialog")
        dialog.get_by_text("ще без відповіді").first.wait_for(timeout=90_000)
        text = dialog.inner_text()
        assert "«Ознаки клієнтоорієнтованості» (sc.multiple) ще без відповіді" in text
        assert "«Алгоритм обслуговування» (sc.ordering) ще без відповіді" in text
        assert "(sc.single)" not in text  # answered, so not listed
        page.screenshot(path=str(artifacts_dir("browser-validate") / "validate.png"))


def test_notebook7_renders_saves_and_survives_reload(
    released: Path, page: Any, tmp_path: Path
) -> None:
    with jupyterlab(released, tmp_path / "nb7.log", app="notebook") as nb7:
        page.goto(nb7.url("tree"))
        page.get_by_text("quiz.ipynb").first.wait_for(timeout=60_000)
        open_notebook(page, nb7.url("notebooks/quiz.ipynb"))
        option = page.get_by_label("Керівники підтримують персонал")
        run_all(page, until=option)
        option.check()
        assert wait_for(lambda: saved(released).get("sc.multiple") == ["c"])
        page.reload()
        open_notebook(page, nb7.url("notebooks/quiz.ipynb"))
        option = page.get_by_label("Керівники підтримують персонал")
        run_all(page, until=option)
        wait_for(option.is_checked)
        assert option.is_checked()
        page.screenshot(path=str(artifacts_dir("browser-nb7") / "notebook7.png"), full_page=True)
