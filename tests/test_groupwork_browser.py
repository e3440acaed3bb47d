"""The group-work tools in a real JupyterLab page (Debian's Chromium via Playwright)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
import pytest

from .browser import artifacts_dir, jupyterlab, open_notebook, run_all, saved, wait_for

pytestmark = pytest.mark.browser

GROUPS = "group,id,name\n1,olena,Олена Бондаренко\n1,taras,Тарас Мельник\n2,iryna,Ірина Ткаченко\n"

CELLS = [
    "from pathlib import Path\n"
    "from clientlearn.groupwork import exercise_timer, group_answer, observer_rubric\n"
    "timer = exercise_timer(0.05, label='Вправа 1')  # 3 seconds\n"
    "timer.observe(lambda change: Path('timer-state.txt').write_text(change['new'],"
    " encoding='utf-8'), names='state')\n"
    "timer",
    "group_answer('m1.strategy', prompt='Стратегія групи', groups_csv='groups.csv')",
    "observer_rubric(round=1, groups_csv='groups.csv')",
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "participant"
    root.mkdir()
    (root / "groups.csv").write_text(GROUPS, encoding="utf-8")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, root / "group.ipynb")
    return root


def test_timer_form_and_rubric_in_jupyterlab(folder: Path, page: Any, tmp_path: Path) -> None:
    with jupyterlab(folder, tmp_path / "lab.log") as lab:
        open_notebook(page, lab.url("lab/tree/group.ipynb"))
        # The timer: real buttons with Ukrainian names; the countdown runs in the browser
        # and the end reaches the kernel as a state change.
        start = page.get_by_role("button", name="Почати", exact=True)
        run_all(page, until=start)
        timer = page.locator(".clientlearn-timer")
        assert timer.locator("[role=timer]").inner_text() == "00:03"
        assert page.get_by_role("button", name="Пауза", exact=True).is_disabled()
        start.click()
        page.locator(".clientlearn-timer.finished").wait_for(timeout=10_000)
        assert timer.locator("[aria-live=polite]").inner_text() == "Час вийшов."
        assert timer.locator("[role=timer]").inner_text() == "00:00"
        state = folder / "timer-state.txt"
        assert wait_for(lambda: state.exists() and state.read_text(encoding="utf-8") == "finished")

        # The group form: choose the group, type; on disk within a second or two.
        page.get_by_label("Група", exact=True).select_option(label="Група 2: Ірина Ткаченко")
        page.get_by_placeholder("Запишіть тут відповідь вашої групи").fill("Клієнт — у центрі")
        assert wait_for(
            lambda: (
                saved(folder).get("group.m1.strategy", {}).get("text")
                == {"text": "Клієнт — у центрі"}
            ),
            timeout=3,
        )
        assert saved(folder)["group.m1.strategy"]["members"] == ["iryna"]

        # The rubric: scores open once the person observed is chosen.
        first_level = page.get_by_role("radio", name="3 · Добре").first
        assert first_level.is_disabled()
        page.get_by_label("Кого ви спостерігали").select_option(label="Тарас Мельник (група 1)")
        wait_for(lambda: not first_level.is_disabled())
        first_level.check()
        assert wait_for(
            lambda: saved(folder).get("rubric.1.taras", {}).get("scores") == {"greeting": 3}
        )
        page.screenshot(path=str(artifacts_dir("groupwork-ok") / "groupwork.png"), full_page=True)
