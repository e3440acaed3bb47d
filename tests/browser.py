"""JupyterLab and Debian's Chromium for the real-browser tests.

The server runs on 127.0.0.1 on a free port with a random token; the browser is
``/usr/bin/chromium`` driven by Playwright (never a downloaded browser).  When
``CI`` is set, a missing browser fails the test instead of skipping it.
"""

from __future__ import annotations

import json
import os
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
                raise RuntimeError(
                    f"JupyterLab did not start:\n{log.read_text(errors='replace')[-3000:]}"
                )
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
    # The kernel is idle once the toolbar's status says so.
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").first.wait_for(
        timeout=60_000
    )


def run_all(page: Any, until: Any) -> None:
    """Run all cells until ``until`` (a locator) shows.  A click on the Run menu is now
    and then lost while JupyterLab is still settling (the news pop-up appears about
    then), so the menu is tried up to three times."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(3):
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        try:
            until.wait_for(timeout=20_000 if attempt < 2 else 60_000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
