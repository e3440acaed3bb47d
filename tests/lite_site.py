"""The JupyterLite site the lite browser tests share, and how they drive it.

The site is built by :func:`clientlearn.trainer.lite.build.build_site` from a course that
released both modules and a third, ``showcase`` (one question of every type, a
self-assessment, a group form, an observer's rubric and the hand-in widget), kept in
test-artifacts/lite-site-<digest>/ and reused while its inputs are unchanged (the
build's downloads are cached anyway, the build itself takes a while), and served by
``clientlearn lite serve``'s server on a free loopback port.
"""

from __future__ import annotations

import hashlib
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest

from clientlearn.grader.coursefolder import Course
from clientlearn.runtime.bank import load_bank
from clientlearn.trainer.authoring import build_notebook
from clientlearn.trainer.lite.build import SITE_MARK, build_site
from clientlearn.trainer.lite.runtime import pyodide_version
from clientlearn.trainer.lite.serve import make_server

from .browser import accept_dialog
from .conftest import SHOWCASE

__all__ = [
    "M1",
    "M2",
    "NAME",
    "NOTEBOOK",
    "REPO",
    "SHOWCASE_MODULE",
    "cell",
    "open_lite",
    "origin",
    "outside_counter",
    "site",
]

REPO = Path(__file__).resolve().parent.parent
M1, M2 = "module1_client_service", "module2_difficult_situations"
NOTEBOOK = f"{M1}/01_quality_service.ipynb"


SHOWCASE_MODULE = "showcase"
# One question of every type, a self-assessment, a group form, an observer's rubric and
# the hand-in widget: a third module of the test's site, for the every-type, keyboard
# and axe checks.
SHOWCASE_LESSON = "\n\n".join(
    [
        "# Усі типи запитань",
        "{{ handin }}",
        *(f"{{{{ ask {q.id} }}}}" for q in load_bank(SHOWCASE)),
        "{{ instrument library_diagnostic }}",
        "```python\nfrom clientlearn.groupwork import group_answer\n\n"
        'group_answer("sc.group", prompt="Відповідь групи", fields={"idea": "Ідея групи"})\n```',
        "```python\nfrom clientlearn.groupwork import observer_rubric\n\n"
        "observer_rubric(round=1)\n```",
    ]
)


def _digest() -> str:
    """The site's inputs: the modules, the showcase, the package, the versions."""
    digest = hashlib.sha256(pyodide_version().encode() + SHOWCASE_LESSON.encode())
    for root in (REPO / M1, REPO / M2, REPO / "clientlearn", SHOWCASE.parent):
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = REPO / "test-artifacts" / f"lite-site-{_digest()}"
    if (out / SITE_MARK).is_file():
        return out
    for old in out.parent.glob("lite-site-*"):  # sites of code since changed
        shutil.rmtree(old, ignore_errors=True)
    root = tmp_path_factory.mktemp("lite-course")
    showcase = root / SHOWCASE_MODULE
    showcase.mkdir()
    shutil.copy(SHOWCASE, showcase / "questions.yaml")
    nb = build_notebook(SHOWCASE_LESSON, load_bank(SHOWCASE))
    nbformat.write(nb, showcase / f"{SHOWCASE_MODULE}.ipynb")
    course = Course.create(root / "course")
    for module in (REPO / M1, REPO / M2, showcase):
        course.add_source(module)
    course.nbgrader("generate_assignment", "*", "--force")
    build_site(out, course.root, (M1, M2, SHOWCASE_MODULE))
    return out


@pytest.fixture(scope="module")
def origin(site: Path) -> Iterator[str]:
    server = make_server(site, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def open_lite(page: Any, url: str | None = None) -> None:
    """Open ``url`` (or wait for the page on show) until its notebook has an idle
    kernel.  Shown before the site's kernel specs have arrived, a notebook asks which
    kernel to start; the one offered is the site's only one (Python (Pyodide))."""
    if url is not None:
        page.goto(url)
    page.locator(".jp-Notebook").first.wait_for(timeout=120_000)
    choose = page.locator(".jp-Dialog", has_text="Select Kernel")
    idle = page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")
    kernel = page.locator(
        ".jp-NotebookPanel-toolbar .jp-Toolbar-kernelName", has_text="Python (Pyodide)"
    )
    deadline = time.monotonic() + 180
    # Idle alone is not enough: "No Kernel" shows idle too while the dialog is on its way.
    while not (idle.count() and kernel.count() and not choose.count()):
        if choose.count():
            accept_dialog(page)
        if time.monotonic() > deadline:
            raise AssertionError("no idle Pyodide kernel within 180 s")
        time.sleep(0.2)


def outside_counter(origin: str, outside: list[str]) -> Any:
    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith((origin + "/", "data:", "blob:")):
            r.continue_()
        else:
            outside.append(url)
            r.abort()

    return route


def cell(page: Any, source: str) -> Any:
    return page.locator(".jp-NotebookPanel .jp-CodeCell", has_text=source)


NAME = "Бондаренко Олена"
