"""The class report for a synthetic class of 1,000 participants (goal: under 10 s).

Run from the repository root: `python -m benchmarks.report`.  The class is fabricated
by the same helper the report's tests use (both course banks, grades, saved answers,
self-assessments and group work); imports are warmed up first and not timed.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import replace
from pathlib import Path


def measure(n: int = 1000) -> tuple[float, float]:
    """Seconds to build the report's data and to render its HTML for ``n`` participants."""
    from clientlearn.trainer.groupwork.summary import summarize as group_summary
    from clientlearn.trainer.report.page import render_report
    from clientlearn.trainer.report.statistics import build_report
    from tests.test_report import fabricate

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        render_report(build_report(fabricate(5, folder / "warm-up")))
        inputs = fabricate(n, folder / "autograded")
        start = time.perf_counter()
        report = build_report(replace(inputs, groups=group_summary(folder / "autograded")))
        built = time.perf_counter()
        render_report(report)
        done = time.perf_counter()
    return built - start, done - built


def main() -> None:
    data, html = measure()
    total = data + html
    print(
        f"report for 1,000 participants: data {data:.2f} s + HTML {html:.2f} s = {total:.2f} s "
        f"(goal <= 10 s: {'met' if total <= 10 else 'missed'})"
    )


if __name__ == "__main__":
    main()
