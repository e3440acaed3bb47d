"""The JupyterLite edition measured in Chromium (issue #15): the site's size; cold and
warm time from opening a notebook to its first question being clickable, against an
empty notebook in the same site and against the same notebook in JupyterLab; the time
from a click to the answer being stored.

A site of both released modules plus a one-cell notebook (``bench/empty.ipynb``, its
cell ``pass``) is built with :func:`clientlearn.trainer.lite.build.build_site` and
served on loopback.  "Opening" is the page load of ``/lab/index.html?path=…`` (with the
kernel start) and Run All; "clickable" is the first question's first radio visible and
enabled (for the empty notebook: its cell has run).  Cold: a fresh browser profile each
time (nothing cached: JupyterLab, Pyodide and the wheels are fetched and compiled);
warm: a reload in the same profile.  "Stored" is the widget's "saved" line naming the
new attempt, which the kernel writes after the answers file in the browser's storage.
The size of the site as ``clientlearn lite build`` makes it is the site without
``bench/``.  Writes a section of ``benchmarks/RESULTS.md``.

    .venv/bin/python -m benchmarks.lite [--runs 3] [--clicks 20]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat

from clientlearn.grader.coursefolder import Course
from clientlearn.trainer.coursefacts import load_course_facts
from clientlearn.trainer.lite.build import build_site
from clientlearn.trainer.lite.serve import make_server
from tests.browser import CHROMIUM, CHROMIUM_ARGS, jupyterlab, open_notebook, run_all_cells
from tests.lite_site import open_lite

REPO = Path(__file__).resolve().parent.parent
MODULES = load_course_facts(REPO / "course").module_ids
NOTEBOOK = "module1_client_service/01_quality_service.ipynb"
FIRST = 'quiz.ask("m1.quality.warmup")'  # the notebook's first question
CLICKED = 'quiz.ask("m1.quality.affect")'
EMPTY = "bench/empty.ipynb"
GOAL = 1.5
SECTION = "## 7. The JupyterLite edition in Chromium"


def _site(work: Path) -> tuple[Path, int]:
    course = Course.create(work / "course")
    bench = work / "bench"
    bench.mkdir()
    shutil.copy(REPO / "module1_client_service" / "questions.yaml", bench / "questions.yaml")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, bench / "empty.ipynb")
    for module in (*(REPO / m for m in MODULES), bench):
        course.add_source(module)
    course.nbgrader("generate_assignment", "*", "--force")
    site = build_site(work / "site", course.root, (*MODULES, "bench")).out
    bench_bytes = sum(
        p.stat().st_size for p in (site / "files" / "bench").rglob("*") if p.is_file()
    )
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return site, size - bench_bytes


def _first_clickable(page: Any) -> None:
    cell = page.locator(".jp-NotebookPanel .jp-CodeCell", has_text=FIRST)
    radio = cell.locator(".clientlearn input[type=radio]").first
    radio.wait_for(state="visible", timeout=300_000)
    assert radio.is_enabled()


def _timed(open_page: Callable[[], None], ready: Callable[[], None]) -> float:
    start = time.perf_counter()
    open_page()
    ready()
    return time.perf_counter() - start


def _lite_run(browser: Any, origin: str, path: str, clickable: bool) -> tuple[float, float]:
    """One cold open of ``path`` in a fresh profile, then one warm (a reload)."""
    page = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()

    def ready() -> None:
        if clickable:
            _first_clickable(page)

    def open_cold() -> None:
        open_lite(page, f"{origin}/lab/index.html?path={path}")
        run_all_cells(page)

    def open_warm() -> None:
        page.reload()
        open_lite(page)
        run_all_cells(page)

    cold = _timed(open_cold, ready)
    warm = _timed(open_warm, ready)
    page.context.close()
    return cold, warm


def _lite_times(
    pw: Any, origin: str, path: str, runs: int, clickable: bool
) -> dict[str, list[float]]:
    """Cold (fresh profile) and warm (reload) times for ``path`` in the site."""
    times: dict[str, list[float]] = {"cold": [], "warm": []}
    browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    try:
        for _ in range(runs):
            cold, warm = _lite_run(browser, origin, path, clickable)
            times["cold"].append(cold)
            times["warm"].append(warm)
    finally:
        browser.close()
    return times


def _lab_times(pw: Any, runs: int, work: Path) -> list[float]:
    """The same notebook in JupyterLab (the released module, a fresh kernel each run)."""
    home = work / "home"
    shutil.copytree(work / "course" / "release" / "module1_client_service", home / "m1")
    times = []
    with jupyterlab(home, work / "lab.log") as lab:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                page = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
                url = lab.url("lab/tree/m1/01_quality_service.ipynb?reset")

                def open_page(page: Any = page, url: str = url) -> None:
                    open_notebook(page, url)
                    run_all_cells(page)

                times.append(_timed(open_page, lambda page=page: _first_clickable(page)))
                page.context.close()
        finally:
            browser.close()
    return times


def _click_to_stored(pw: Any, origin: str, clicks: int) -> list[float]:
    browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    try:
        page = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
        open_lite(page, f"{origin}/lab/index.html?path={NOTEBOOK}")
        run_all_cells(page)
        widget = page.locator(".jp-NotebookPanel .jp-CodeCell", has_text=CLICKED)
        radios = widget.locator(".clientlearn input[type=radio]")
        times = []
        for k in range(clicks):
            radio = radios.nth(k % 2)
            start = time.perf_counter()
            radio.check()
            widget.get_by_text(f"(спроба {k + 1})").first.wait_for(timeout=30_000)
            times.append(time.perf_counter() - start)
        return times
    finally:
        browser.close()


def _median(values: list[float]) -> float:
    return statistics.median(values)


def measure(runs: int, clicks: int) -> str:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        site, size = _site(work)
        server = make_server(site, "127.0.0.1", 0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        try:
            with sync_playwright() as pw:
                empty = _lite_times(pw, origin, EMPTY, runs, clickable=False)
                notebook = _lite_times(pw, origin, NOTEBOOK, runs, clickable=True)
                lab = _lab_times(pw, runs, work)
                stored = _click_to_stored(pw, origin, clicks)
        finally:
            server.shutdown()
            server.server_close()
    return _section(size, empty, notebook, lab, stored, runs, clicks)


def _section(
    size: int,
    empty: dict[str, list[float]],
    notebook: dict[str, list[float]],
    lab: list[float],
    stored: list[float],
    runs: int,
    clicks: int,
) -> str:
    rows = []
    ratios = {}
    for kind in ("cold", "warm"):
        e, n = _median(empty[kind]), _median(notebook[kind])
        ratios[kind] = n / e
        rows.append(
            f"| {kind} | {e:.1f} | {n:.1f} | **{n / e:.2f}** | {_median(lab):.1f} | "
            f"{n / _median(lab):.2f} |"
        )
    worst = max(ratios.values())
    own = {k: _median(notebook[k]) - _median(empty[k]) for k in ("cold", "warm")}
    met = "met" if worst <= GOAL else "not met"
    ordered = sorted(stored)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return "\n".join(
        [
            SECTION,
            "",
            f"`python -m benchmarks.lite --runs {runs} --clicks {clicks}`: a site of both "
            "modules and a one-cell notebook, served on loopback; Debian's Chromium, headless; "
            f"median of {runs} runs. From the page load of `{NOTEBOOK}` (kernel start and Run "
            "All included) to its first question clickable; for the empty notebook, to its "
            "cell run. Cold: a fresh browser profile (JupyterLab, Pyodide and every wheel "
            "fetched and compiled); warm: a reload in the same profile. JupyterLab: the same "
            "released notebook on a local JupyterLab server, a fresh kernel each run.",
            "",
            f"Site size (as `clientlearn lite build` makes it): **{size / 1_000_000:.1f} MB**.",
            "",
            "| start | empty notebook, s | the notebook, s | ratio | same notebook in "
            "JupyterLab, s | lite / JupyterLab |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
            f"Goal: the notebook <= {GOAL} × the empty one in the same site; worst "
            f"**{worst:.2f}** ({met}). The empty notebook's time is the page and the "
            "Pyodide kernel starting (again on every page load, a reload too); "
            "clientlearn's own part, the notebook minus the "
            f"empty one, is {own['cold']:.1f} s cold and {own['warm']:.1f} s warm.",
            "",
            f"Click to answer stored ({clicks} clicks on a single-choice question, the "
            "widget's saved line naming the new attempt): p50 "
            f"**{_median(stored) * 1000:.0f} ms**, p95 **{p95 * 1000:.0f} ms**.",
            "",
        ]
    )


def record(section: str, results: Path = REPO / "benchmarks" / "RESULTS.md") -> None:
    """Put ``section`` in place of its earlier version, or at the end."""
    text = results.read_text(encoding="utf-8")
    if SECTION in text:
        head, rest = text.split(SECTION, 1)
        after = rest.find("\n## ")
        text = head + section + (rest[after + 1 :] if after >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    results.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--clicks", type=int, default=20)
    args = parser.parse_args()
    section = measure(args.runs, args.clicks)
    record(section)
    print(section)


if __name__ == "__main__":
    main()
