"""Core benchmarks: import cost and the time from a value change to the answer on disk.

Ratios are measured side by side in one run on the same machine; the results go to
benchmarks/RESULTS.md.  Run with `benchmarks/run`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHOWCASE = HERE.parent / "tests" / "fixtures" / "showcase" / "questions.yaml"


def cold_import(statement: str, runs: int) -> float:
    """Median wall time of a fresh interpreter running ``statement`` (minus a bare start)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def save_latency(changes: int) -> list[float]:
    """Seconds from setting a widget's value to the new answer being readable on disk."""
    from clientlearn import Quiz
    from clientlearn.runtime.store import ANSWERS_FILE

    folder = Path(tempfile.mkdtemp(prefix="clientlearn-bench-"))
    try:
        shutil.copy(SHOWCASE, folder / "questions.yaml")
        view = Quiz("questions.yaml", folder=folder).ask("sc.single")
        values = ["a", "b", "c"]
        out = []
        for i in range(changes):
            value = values[i % 3]
            start = time.perf_counter()
            view.radio.value = value  # type: ignore[union-attr]
            data = json.loads((folder / ANSWERS_FILE).read_text(encoding="utf-8"))
            out.append(time.perf_counter() - start)
            if data["answers"]["sc.single"]["value"] != value:
                raise RuntimeError("the answer on disk is not the one just given")
        return out
    finally:
        shutil.rmtree(folder)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = os.cpu_count()
    return f"{platform.platform()}, Python {platform.python_version()}, {cores} cores, {cpu}"


def main() -> None:
    parser = argparse.ArgumentParser(description="Run every benchmark; write RESULTS.md.")
    parser.add_argument(
        "--participants", type=int, default=30, help="Class size of the autograde run."
    )
    args = parser.parse_args()
    from benchmarks import autograde, notebooks
    from benchmarks.report import measure as report_measure

    runs = 10
    print("cold imports …", flush=True)
    bare = cold_import("pass", runs)
    widgets = cold_import("import ipywidgets", runs)
    package = cold_import("import clientlearn", runs)
    quiz = cold_import("from clientlearn import Quiz; import clientlearn.runtime.widgets", runs)
    print("value change to disk …", flush=True)
    latency = save_latency(500)
    print("report for 1,000 participants …", flush=True)
    report_data, report_html = report_measure(1000)
    print("each notebook against an empty one …", flush=True)
    overheads = notebooks.measure()
    print(f"class autograde, {args.participants} participants …", flush=True)
    graded = autograde.measure(args.participants)

    report_total = report_data + report_html
    p50 = statistics.median(latency) * 1000
    p99 = statistics.quantiles(latency, n=100)[98] * 1000
    rows = [
        ("python -c pass", bare, ""),
        ("import ipywidgets", widgets, "1.00"),
        ("import clientlearn", package, f"{package / widgets:.2f}"),
        ("from clientlearn import Quiz + widgets", quiz, f"{quiz / widgets:.2f}"),
    ]
    lines = [
        "# Benchmarks",
        "",
        f"Machine: {machine()}.",
        f"Recorded {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by `benchmarks/run` "
        f"(`--participants {args.participants}`), every figure in this one run; clientlearn "
        "byte-compiled first, as pip leaves a wheel install.",
        "",
        "## 1. Cold import (median of 10 fresh interpreters, start-up included)",
        "",
        "| statement | seconds | ratio to ipywidgets |",
        "|---|---|---|",
        *[f"| `{name}` | {sec:.3f} | {ratio} |" for name, sec, ratio in rows],
        "",
        f"Goal: `import clientlearn` / `import ipywidgets` <= 1.15: "
        f"**{package / widgets:.2f}** ({'met' if package / widgets <= 1.15 else 'missed'}).",
        "`import clientlearn` loads nothing heavy (widgets load on first use); the last row is "
        "what a course notebook's set-up cell imports: the widgets, YAML and the question "
        "model (in a running kernel IPython is already loaded, so the cost there is smaller).",
        "",
        "## 2. Each course notebook executed headless against an empty notebook",
        "",
        f"Median of {notebooks.RUNS} runs each, kernel start included, interleaved with the "
        "empty notebook; the instructor's notebook (hidden tests included) in a folder "
        "holding a simulated participant's answers, as autograde runs it (checked bank in "
        "the check cache; every kernel, the empty notebook's too, started and stopped as the "
        "course's nbgrader configuration starts a grading kernel: no IPython history, stopped "
        "at once when done); "
        "`python -m benchmarks.notebooks`.",
        "",
        *notebooks.table(overheads),
        "",
        "## 3. Class autograde against plain nbgrader",
        "",
        *autograde.section(graded),
        "",
        "## 4. Class report for 1,000 synthetic participants",
        "",
        f"data {report_data:.2f} s + HTML {report_html:.2f} s = **{report_total:.2f} s** "
        f"(goal <= 10 s: {'met' if report_total <= 10 else 'missed'}); "
        "`python -m benchmarks.report`.",
        "",
        "## 5. Value change to answer on disk (500 changes of a single-choice widget)",
        "",
        f"p50 **{p50:.2f} ms**, p99 **{p99:.2f} ms** (goal p99 <= 50 ms: "
        f"{'met' if p99 <= 50 else 'missed'}). Includes the file lock, re-reading the file, "
        "the atomic write with fsync, and reading the file back. The browser-to-kernel message "
        "adds one local websocket hop on top.",
        "",
    ]
    text = "\n".join(lines)
    results = HERE / "RESULTS.md"
    # Sections 6 and on are recorded by their own, longer scripts (the cluster, the lite
    # site): this run rewrites 1-5 and keeps them as they were.
    kept = ""
    if results.is_file():
        found = re.search(r"^## (?:[6-9]|\d{2,})\. ", results.read_text("utf-8"), re.M)
        kept = found.string[found.start() :] if found else ""
    results.write_text(text + ("\n" + kept if kept else ""), encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
