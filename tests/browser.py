"""JupyterLab and Debian's Chromium for the real-browser tests.

The server runs on 127.0.0.1 on a free port with a random token; the browser is
``/usr/bin/chromium`` driven by Playwright (never a downloaded browser).  When
``CI`` is set, a missing browser fails the test instead of skipping it.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require_chromium() -> None:
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing: apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Lab:
    """A running JupyterLab server."""

    def __init__(self, root: Path, port: int, token: str, proc: subprocess.Popen[bytes], log: Path):
        self.root, self.port, self.token, self.proc, self.log = root, port, token, proc, log

    def url(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}{sep}token={self.token}"


@contextmanager
def jupyterlab(root: Path, log: Path, app: str = "lab") -> Iterator[Lab]:
    """Start ``jupyter lab`` (or ``notebook``) over ``root``; stop it afterwards."""
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["JUPYTER_CONFIG_DIR"] = str(log.parent / "jupyter-config")
    # No "official Jupyter news?" pop-up over the notebook (it can swallow a click).
    notification = (
        Path(env["JUPYTER_CONFIG_DIR"])
        / "lab"
        / "user-settings"
        / "@jupyterlab"
        / "apputils-extension"
        / "notification.jupyterlab-settings"
    )
    notification.parent.mkdir(parents=True, exist_ok=True)
    notification.write_text('{"fetchNews": "false", "checkForUpdates": false}', encoding="utf-8")
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jupyter",
                app,
                "--no-browser",
                f"--port={port}",
                "--ServerApp.ip=127.0.0.1",
                f"--IdentityProvider.token={token}",
                f"--ServerApp.root_dir={root}",
                "--ServerApp.open_browser=False",
                "--ServerApp.allow_root=True",
                "--LabApp.news_url=",
                "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=root,
        )
    lab = Lab(root, port, token, proc, log)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(lab.url("api/status"), timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
                raise RuntimeError(f"JupyterLab did not start:\n{tail}")
            time.sleep(0.5)
        yield lab
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def artifacts_dir(name: str) -> Path:
    path = Path(__file__).resolve().parent.parent / "test-artifacts" / name
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def saved(folder: Path) -> dict[str, Any]:
    """The answers on disk in ``folder``, by question id."""
    path = folder / "clientlearn.answers.json"
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {qid: rec["value"] for qid, rec in data["answers"].items()}


def wait_for(condition: Any, timeout: float = 10.0) -> Any:
    """Poll ``condition`` until it is truthy or ``timeout`` seconds pass; its last value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    return condition()


def open_notebook(page: Any, url: str) -> None:
    page.goto(url)
    page.locator(".jp-Notebook").first.wait_for(timeout=60_000)
    await_python_kernel(page, url)


def run_all(page: Any, until: Any) -> None:
    """Run all cells until ``until`` (a locator) shows.  A click on the Run menu is now
    and then lost while JupyterLab is still settling (the news pop-up appears about
    then), so the menu is tried up to three times."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(3):
        _settle_dialogs(page)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        try:
            until.wait_for(timeout=20_000 if attempt < 2 else 60_000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")


def _settle_dialogs(page: Any) -> None:
    """On a busy machine a notebook can be on show before the kernel specs arrive; it
    then asks which kernel to start, and the offer is its own (Python 3): accept it.
    Any other dialog fails here with its text rather than as a click that times out."""
    dialog = page.locator(".jp-Dialog")
    for _ in range(3):  # accepting one can bring the next, as the kernel specs arrive
        if not dialog.count():
            return
        text = dialog.first.inner_text()
        if "Select Kernel" not in text:
            raise AssertionError(f"a dialog is open: {text!r}")
        accept_dialog(page)


# --- a participant's notebook, driven through JupyterLab's own menus -------------------

# Every code cell of the notebook on show has run: its prompt holds a number.
_ALL_RAN = """() => {
  const prompts = [...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell .jp-InputPrompt')];
  return prompts.length > 0 && prompts.every((p) => /\\[\\d+\\]/.test(p.textContent));
}"""


def menu(page: Any, top: str, item: str) -> None:
    """Choose ``item`` in JupyterLab's main menu ``top`` (File, Edit, Run, Kernel …)."""
    dialog = page.locator(".jp-Dialog")
    if dialog.count():
        raise AssertionError(f"a dialog is open: {dialog.first.inner_text()!r}")
    page.get_by_role("menuitem", name=top, exact=True).click()
    # An item's accessible name includes its shortcut: match the label alone.
    label = page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}$"))
    page.locator(".lm-Menu-item", has=label).click()


def accept_dialog(page: Any) -> None:
    """Accept the dialog on show and wait until that one is gone (another may follow)."""
    dialog = page.locator(".jp-Dialog").first
    shown = dialog.element_handle()
    dialog.locator(".jp-mod-accept").click()
    shown.wait_for_element_state("hidden")


def open_listed(page: Any, name: str) -> None:
    """Open ``name`` from the file browser (a double click) and wait for its idle kernel."""
    page.locator(".jp-DirListing-item", has_text=name).first.dblclick()
    page.get_by_role("tab", name=name).wait_for(timeout=30_000)
    await_python_kernel(page, name)


def await_python_kernel(page: Any, name: str) -> None:
    """Wait until the notebook on show has an idle Python 3 kernel.  Opened before
    JupyterLab has fetched the kernel specs, a notebook asks which kernel to start
    (and "No Kernel" shows idle meanwhile); the one offered is its own: accepted."""
    choose = page.locator(".jp-Dialog", has_text="Select Kernel")
    kernel = page.locator(".jp-NotebookPanel-toolbar .jp-Toolbar-kernelName", has_text="Python 3")
    idle = page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")
    deadline = time.monotonic() + 60
    while not (kernel.count() and idle.count()):
        if choose.count():
            accept_dialog(page)
        if time.monotonic() > deadline:
            raise AssertionError(f"{name}: no idle Python kernel within 60 s")
        time.sleep(0.1)


def run_all_cells(page: Any, *, restart: bool = False) -> None:
    """Run every cell of the notebook on show and wait until each has run.

    With ``restart``, clear all outputs first (so nothing left over from the last run
    can pass for a result), then "Restart Kernel and Run All Cells".  A menu click is
    now and then lost while JupyterLab settles, so the menu is tried up to three times."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    if restart:
        menu(page, "Edit", "Clear Outputs of All Cells")
    for attempt in range(3):
        if restart:
            menu(page, "Kernel", "Restart Kernel and Run All Cells…")
            accept_dialog(page)
        else:
            menu(page, "Run", "Run All Cells")
        try:
            page.wait_for_function(_ALL_RAN, timeout=30_000 if attempt < 2 else 90_000)
            break
        except PlaywrightTimeout:
            busy = page.locator(".jp-NotebookPanel .jp-InputPrompt", has_text="[*]").count()
            if attempt == 2:
                raise
            if busy:  # slow, not lost: wait for the rest
                page.wait_for_function(_ALL_RAN, timeout=90_000)
                break
            page.keyboard.press("Escape")
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").first.wait_for(
        timeout=60_000
    )


def error_outputs(page: Any) -> list[str]:
    """Texts of the error and stderr outputs, and widgets that failed to show."""
    return list(
        page.locator(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error'],"
            " .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'],"
            " .jp-OutputArea-output:has-text('Error displaying widget')"
        ).all_inner_texts()
    )


def save_and_close(page: Any, notebook: Path | None = None) -> None:
    """Save the notebook on show (waiting until ``notebook`` on disk is newer), then
    close it and shut its kernel down."""
    if notebook is not None:
        before = notebook.stat().st_mtime_ns
        menu(page, "File", "Save Notebook")
        assert wait_for(lambda: notebook.stat().st_mtime_ns != before, timeout=20), notebook
    menu(page, "File", "Close and Shut Down Notebook…")
    accept_dialog(page)
    page.locator(".jp-NotebookPanel").first.wait_for(state="detached", timeout=20_000)


def is_focused(locator: Any) -> bool:
    return bool(locator.evaluate("(e) => e === document.activeElement"))


def tab_to(page: Any, target: Any, limit: int = 40) -> int:
    """Press Tab (or Shift+Tab when ``target`` comes before the focus) until ``target``
    has the focus; how many presses it took.  Fails if it is not reachable so."""
    backwards = target.evaluate(
        "(e) => !!document.activeElement && document.activeElement !== document.body"
        " && !!(e.compareDocumentPosition(document.activeElement)"
        " & Node.DOCUMENT_POSITION_FOLLOWING)"
    )
    key = "Shift+Tab" if backwards else "Tab"
    for presses in range(1, limit + 1):
        page.keyboard.press(key)
        if is_focused(target):
            return presses
    raise AssertionError(f"{key} x{limit} never reached {target}")


def keyboard_to_cell(page: Any, cell: Any, limit: int = 80) -> None:
    """Make ``cell`` the active cell with the keyboard alone: Escape to command mode,
    then the arrow keys (JupyterLab's own cell navigation)."""
    page.keyboard.press("Escape")
    index = cell.evaluate("(c) => [...c.parentElement.children].indexOf(c)")
    for _ in range(limit):
        active = page.locator(".jp-NotebookPanel .jp-Cell.jp-mod-active").evaluate(
            "(c) => [...c.parentElement.children].indexOf(c)"
        )
        if active == index:
            return
        page.keyboard.press("ArrowDown" if active < index else "ArrowUp")
    raise AssertionError(f"the arrow keys never reached cell {index}")


def element_screenshot(locator: Any, path: Path) -> None:
    """A screenshot of one element.  JupyterLab lays out off-screen cells lazily
    (content-visibility), so the element is scrolled to first and shot once its place
    has stopped moving; otherwise the picture may show a neighbouring cell."""
    locator.scroll_into_view_if_needed()
    boxes: list[Any] = []

    def settled() -> bool:
        boxes.append(locator.bounding_box())
        return len(boxes) > 2 and boxes[-1] == boxes[-2] == boxes[-3]

    wait_for(settled, timeout=5)
    locator.screenshot(path=str(path))
