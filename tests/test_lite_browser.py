"""Issue #15: the JupyterLite edition in Debian's Chromium, with nothing but the site.

The site is built by ``clientlearn lite build`` from a course that released both
modules (kept in test-artifacts/lite-site-<digest>/ and reused while its inputs are
unchanged: the build's downloads are cached anyway, the build itself takes a while)
and served by ``clientlearn lite serve``'s server on a free loopback port.  Every request
that leaves the site's origin is aborted and counted: none is expected.  A participant
opens a notebook, runs it, answers a single-choice and a text question; after a
reload and a kernel restart the answers show again (they came back from the answers
file in the browser's storage, the outputs having been cleared).  No graded key is
anywhere in the site.
"""

from __future__ import annotations

import hashlib
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clientlearn.grader.coursefolder import Course
from clientlearn.runtime.bank import load_bank
from clientlearn.runtime.questions import pick
from clientlearn.trainer.lite.build import SITE_MARK, build_site
from clientlearn.trainer.lite.runtime import pyodide_version
from clientlearn.trainer.lite.serve import make_server

from .browser import CHROMIUM, CHROMIUM_ARGS, artifacts_dir, require_chromium, run_all_cells
from .keys import key_leaks

pytestmark = [pytest.mark.browser, pytest.mark.nbgrader]

REPO = Path(__file__).resolve().parent.parent
M1, M2 = "module1_client_service", "module2_difficult_situations"
NOTEBOOK = f"{M1}/01_quality_service.ipynb"


def _digest() -> str:
    """The site's inputs: the modules, the package, the versions."""
    digest = hashlib.sha256(pyodide_version().encode())
    for root in (REPO / M1, REPO / M2, REPO / "clientlearn"):
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = REPO / "test-artifacts" / f"lite-site-{_digest()}"
    if (out / SITE_MARK).is_file():
        return out
    course = Course.create(tmp_path_factory.mktemp("lite-course") / "course")
    for module in (M1, M2):
        course.add_source(REPO / module)
    course.nbgrader("generate_assignment", "module*", "--force")
    build_site(out, course.root)
    return out


@pytest.fixture(scope="module")
def origin(site: Path) -> Iterator[str]:
    server = make_server(site, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_no_key_in_the_site(site: Path) -> None:
    banks = [load_bank(REPO / module / "questions.yaml") for module in (M1, M2)]
    files = {
        str(path.relative_to(site)): path.read_text(encoding="utf-8", errors="replace")
        for path in sorted((site / "files").rglob("*"))
        if path.is_file()
    }
    assert len(files) >= 11
    # The banks' checked data the kernel's wheel carries (the participants' copies).
    wheel = next((site / "static" / "pyodide").glob("clientlearn-*.whl"))
    with zipfile.ZipFile(wheel) as whl:
        sealed = [n for n in whl.namelist() if n.startswith("clientlearn/checked/bank-")]
        files |= {n: whl.read(n).decode("utf-8") for n in sealed}
    assert len(sealed) == 2
    assert key_leaks(files, banks) == []


def _answers(page: Any) -> Any:
    return page.locator(".jp-NotebookPanel .jp-CodeCell", has_text='quiz.ask("m1.quality.affect")')


def test_a_participant_answers_and_finds_the_answers_again(
    site: Path, origin: str, request: pytest.FixtureRequest
) -> None:
    require_chromium()
    from playwright.sync_api import sync_playwright

    bank = load_bank(REPO / M1 / "questions.yaml")
    single = bank.questions["m1.quality.affect"]
    option = pick(single.options[0].text, "uk")
    out = artifacts_dir(request.node.name)
    outside: list[str] = []
    console: list[str] = []

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith((origin + "/", "data:", "blob:")):
            r.continue_()
        else:
            outside.append(url)
            r.abort()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 1000})
            context.route("**/*", route)
            page = context.new_page()
            page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
            page.goto(f"{origin}/lab/index.html?path={NOTEBOOK}")
            page.locator(".jp-Notebook").first.wait_for(timeout=120_000)
            run_all_cells(page)
            w = _answers(page).locator(".clientlearn")
            w.get_by_label(option, exact=True).check()
            _answers(page).get_by_text("Відповідь збережено").first.wait_for(timeout=30_000)
            page.keyboard.press("Control+s")
            page.wait_for_timeout(2_000)
            # The page again, and a kernel restart: outputs cleared, answers read back.
            page.reload()
            page.locator(".jp-Notebook").first.wait_for(timeout=120_000)
            run_all_cells(page, restart=True)
            w = _answers(page).locator(".clientlearn")
            assert w.get_by_label(option, exact=True).is_checked()
            page.screenshot(path=str(out / "after-restart.png"))
        finally:
            (out / "console.log").write_text("\n".join(console), encoding="utf-8")
            browser.close()
    assert outside == []
