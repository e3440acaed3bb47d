"""Each course notebook executed headless against an empty notebook, kernel start included.

A participant's folder is simulated (answers in the store, as the demo writes them), the
instructor's notebook runs in it with nbclient exactly as autograde runs it (hidden tests
included, widgets built), and the median of a few runs is compared with the median of a
one-cell notebook run the same way, interleaved so that drift hits both alike.

    .venv/bin/python -m benchmarks.notebooks
"""

from __future__ import annotations

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
    seconds: float
    empty: float

    @property
    def ratio(self) -> float:
        return self.seconds / self.empty


def _execute(nb: nbformat.NotebookNode, folder: Path) -> float:
    start = time.perf_counter()
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    ).execute()
    return time.perf_counter() - start


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
                own, empty = [], []
                for _ in range(runs):
                    blank = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])
                    empty.append(_execute(blank, folder))
                    own.append(_execute(nbformat.read(path, 4), folder))
                name = f"{module}/{path.name}"
                out.append(Overhead(name, statistics.median(own), statistics.median(empty)))
                print(f"  {name}: {out[-1].seconds:.2f} s, ratio {out[-1].ratio:.2f}", flush=True)
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def table(results: list[Overhead]) -> list[str]:
    """Markdown rows for RESULTS.md."""
    rows = [
        "| notebook | seconds | empty notebook | ratio |",
        "|---|---|---|---|",
    ]
    for r in results:
        rows.append(f"| `{r.notebook}` | {r.seconds:.2f} | {r.empty:.2f} | {r.ratio:.2f} |")
    worst = max(r.ratio for r in results)
    rows += [
        "",
        f"Goal: every notebook <= {GOAL} × the empty one; worst **{worst:.2f}** "
        f"({'met' if worst <= GOAL else 'missed'}).",
    ]
    return rows


if __name__ == "__main__":
    print("\n".join(table(measure())))
