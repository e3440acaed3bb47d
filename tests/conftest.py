"""Shared fixtures: the showcase bank (one question of every type) in a temporary folder,
a PostgreSQL server of the test run, and a page of Debian's Chromium for the browser
tests."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHOWCASE = FIXTURES / "showcase" / "questions.yaml"


@pytest.fixture(autouse=True, scope="session")
def _check_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Checked banks and instruments are cached in a folder of this run, not in the
    user's ~/.cache (kernels and nbgrader started by tests inherit the setting)."""
    from clientlearn.core.checkcache import CACHE_ENV

    saved = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("check-cache"))
    yield
    if saved is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = saved


@pytest.fixture(scope="session")
def pg() -> Iterator[Any]:
    """A PostgreSQL server of this test run (one for every test that needs one); missing
    binaries fail the tests, never skip."""
    from .postgres import NoPostgres, postgres_server

    try:
        with postgres_server() as server:
            yield server
    except NoPostgres as err:
        pytest.fail(str(err), pytrace=False)


@pytest.fixture
def quiz_folder(tmp_path: Path) -> Path:
    """A participant's folder holding the showcase bank."""
    folder = tmp_path / "quiz"
    folder.mkdir()
    shutil.copy(SHOWCASE, folder / "questions.yaml")
    return folder


@pytest.fixture
def displayed(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """Every bundle IPython would display (or update through a display id), in order."""
    shown: list[dict[str, object]] = []

    class Handle:
        def update(self, obj: dict[str, object], raw: bool = False) -> None:
            shown.append(obj)

    def fake_display(
        obj: dict[str, object], raw: bool = False, display_id: bool = False
    ) -> Handle | None:
        shown.append(obj)
        return Handle() if display_id else None

    monkeypatch.setattr("IPython.display.display", fake_display)
    return shown


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    # Lets fixtures see whether the test failed (to keep a screenshot).
    report = yield
    setattr(item, "rep_" + report.when, report)
    return report


@pytest.fixture
def page(request: pytest.FixtureRequest) -> Iterator[Any]:
    """A Chromium page; on failure its screenshot and console log stay in test-artifacts/."""
    from .browser import CHROMIUM, CHROMIUM_ARGS, artifacts_dir, require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    out = artifacts_dir(request.node.name)
    console: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            pg = browser.new_page(viewport={"width": 1280, "height": 1000})
            pg.on("console", lambda msg: console.append(f"{msg.type}: {msg.text}"))
            yield pg
            report = getattr(request.node, "rep_call", None)
            if report is None or report.failed:
                pg.screenshot(path=str(out / "failure.png"), full_page=True)
        finally:
            (out / "console.log").write_text("\n".join(console), encoding="utf-8")
            browser.close()
