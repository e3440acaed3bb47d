"""Each course notebook executed headless against an empty notebook, kernel start included.

A participant's folder is simulated (answers in the store, as the demo writes them) and
the instructor's notebook (hidden tests included) runs in it with nbclient twice over:
as autograde runs it (``NBGRADER_EXECUTION`` set in the kernel: saved answers shown as
text, see clientlearn.static) and as a Run All without a browser (every widget built).
The median of a few runs of each is compared with the median of a one-cell notebook,
interleaved so that drift hits all three alike.

    .venv/bin/python -m benchmarks.notebooks
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from clientlearn.authoring import placed_instruments
from clientlearn.bank import load_bank
from clientlearn.simulate import answer_folder, answer_instrument

REPO = Path(__file__).resolve().parent.parent
MODULES = ("module1_client_service", "module2_difficult_situations")
GOAL = 1.5


@dataclass(frozen=True)
class Overhead:
    notebook: str
    graded: float
    """Seconds as autograde runs it."""
    widgets: float
    """Seconds with every widget built."""
    empty: float

    @property
    def ratio(self) -> float:
        return self.graded / self.empty

    @property
    def widgets_ratio(self) -> float:
        return self.widgets / self.empty


def execute(nb: nbformat.NotebookNode, folder: Path, *, graded: bool = False) -> float:
    """Seconds to execute ``nb`` in a fresh python3 kernel in ``folder``."""
    # The kernel inherits this environment: nbgrader sets NBGRADER_EXECUTION the same way.
    saved = os.environ.pop("NBGRADER_EXECUTION", None)
    if graded:
        os.environ["NBGRADER_EXECUTION"] = "autograde"
    try:
        start = time.perf_counter()
        NotebookClient(
            nb,
            timeout=120,
            kernel_name="python3",
            # Under nbgrader a blank answer fails its test cell, and grading goes on.
            allow_errors=graded,
            resources={"metadata": {"path": str(folder)}},
        ).execute()
        return time.perf_counter() - start
    finally:
        os.environ.pop("NBGRADER_EXECUTION", None)
        if saved is not None:
            os.environ["NBGRADER_EXECUTION"] = saved


def empty_notebook() -> nbformat.NotebookNode:
    """The yardstick: one cell that does nothing, so the time is the kernel's start."""
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])


def _participant_folder(work: Path, module: str, seed: int) -> Path:
    """A copy of the module with a mid-skill participant's answers in its store."""
    folder = work / module
    shutil.copytree(REPO / module, folder, ignore=shutil.ignore_patterns(".*", "__pycache__"))
    rng = random.Random(seed)
    answer_folder(folder, load_bank(folder / "questions.yaml"), rng, 0.7)
    for path in sorted(folder.glob("*.ipynb")):
        for placed in placed_instruments(nbformat.read(path, 4)):
            answer_instrument(folder, placed.instrument, placed.phase, rng, 0.7)
    return folder


def measure(runs: int = 3, seed: int = 2014) -> list[Overhead]:
    """Median seconds of each module notebook and of an empty notebook, per notebook."""
    work = Path(tempfile.mkdtemp(prefix="clientlearn-bench-notebooks-"))
    try:
        out = []
        for module in MODULES:
            folder = _participant_folder(work, module, seed)
            for path in sorted(folder.glob("*.ipynb")):
                graded, widgets, empty = [], [], []
                for _ in range(runs):
                    empty.append(execute(empty_notebook(), folder))
                    graded.append(execute(nbformat.read(path, 4), folder, graded=True))
                    widgets.append(execute(nbformat.read(path, 4), folder))
                r = Overhead(
                    f"{module}/{path.name}",
                    statistics.median(graded),
                    statistics.median(widgets),
                    statistics.median(empty),
                )
                out.append(r)
                print(
                    f"  {r.notebook}: {r.graded:.2f} s graded ({r.ratio:.2f}), "
                    f"{r.widgets:.2f} s with widgets ({r.widgets_ratio:.2f})",
                    flush=True,
                )
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def table(results: list[Overhead]) -> list[str]:
    """Markdown rows for RESULTS.md."""
    rows = [
        "| notebook | empty notebook, s | as autograde runs it, s | ratio "
        "| widgets built, s | ratio |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        rows.append(
            f"| `{r.notebook}` | {r.empty:.2f} | {r.graded:.2f} | **{r.ratio:.2f}** "
            f"| {r.widgets:.2f} | {r.widgets_ratio:.2f} |"
        )
    worst = max(r.ratio for r in results)
    worst_widgets = max(r.widgets_ratio for r in results)
    rows += [
        "",
        f"Goal: every notebook <= {GOAL} × the empty one, as autograde runs it; worst "
        f"**{worst:.2f}** ({'met' if worst <= GOAL else 'missed'}). With every widget built "
        f"(a participant's Run All, where a second or two is not felt) the worst is "
        f"{worst_widgets:.2f}.",
    ]
    if worst > GOAL:
        rows += ["", *WHY_MISSED]
    return rows


# What per-cell timing inside the kernel showed (benchmarks/RESULTS.md keeps it with
# the figures): the notebooks over the goal are those with the most code cells.
WHY_MISSED = [
    "Why some notebooks miss it, measured cell by cell in the kernel: under nbgrader the "
    "questions, self-assessments and group tools no longer build widgets "
    "(`clientlearn.static`; this took module 1's notebook 01 from 2.75 to about 1.35), "
    "and what is left in the kernel is 0.1–0.3 s per notebook, half of it the set-up "
    "cell parsing and checking the bank (50–90 ms). The rest is the number of cells: "
    "nbgrader grades one test cell per question, so the notebooks over the goal have "
    "28–30 code cells, and each cell is a round trip of kernel messages; 30 one-line "
    "cells take about 0.2 s longer than one, a third of an empty notebook, before any "
    "work. Next step: keep the checked bank in a cache keyed by its content, so that a "
    "grading kernel skips YAML and the schema.",
]


if __name__ == "__main__":
    print("\n".join(table(measure())))
