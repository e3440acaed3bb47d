"""Class autograde: plain sequential `nbgrader autograde --force` against
`clientlearn autograde --jobs J`, side by side in one run, both modules.

Builds a course from the real modules, simulates N participants through the answer
store (as the demo does), grades one copy with sequential nbgrader and another with
:func:`clientlearn.grader.autograde.autograde`, checks that the gradebooks and autograded
notebooks are identical, and reports the wall times, their ratio, a floor (notebooks ×
the time to execute an empty notebook, a kernel start mostly, / cores) and the peak
resident memory of a grading worker.

    .venv/bin/python -m benchmarks.autograde --participants 30 --jobs 2
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

from benchmarks.notebooks import empty_notebook, execute
from clientlearn.core.checkcache import CACHE_ENV
from clientlearn.grader.autograde import autograde, snapshot
from clientlearn.grader.coursefolder import Course
from clientlearn.runtime.bank import load_bank
from clientlearn.trainer.authoring import placed_instruments
from clientlearn.trainer.simulate import answer_folder, answer_instrument

REPO = Path(__file__).resolve().parent.parent
MODULES = ("module1_client_service", "module2_difficult_situations")
RATIO_GOAL = 0.55
MEMORY_GOAL_MB = 400.0


@dataclass(frozen=True)
class ClassAutograde:
    participants: int
    notebooks: int
    """Notebooks graded in all (participants × notebooks of both modules)."""
    jobs: int
    cores: int
    sequential: float
    parallel: float
    empty_notebook: float
    identical: bool
    worker_peak_mb: float

    @property
    def ratio(self) -> float:
        return self.parallel / self.sequential

    @property
    def floor(self) -> float:
        return self.notebooks * self.empty_notebook / self.cores


def participants(n: int, rng: random.Random) -> list[tuple[str, float]]:
    """Student ids with a skill each, spread as in the demo's class."""
    return [(f"participant_{i:02d}", min(0.98, max(0.3, rng.gauss(0.72, 0.16)))) for i in range(n)]


def build(root: Path, n: int, seed: int, modules: tuple[str, ...] = MODULES) -> tuple[Course, int]:
    """A course with ``modules`` released and ``n`` simulated submissions of each;
    returns it and the number of notebooks to grade."""
    course = Course.create(root)
    rng = random.Random(seed)
    notebooks = 0
    for module in modules:
        source = REPO / module
        name = course.add_source(source)
        course.nbgrader("generate_assignment", name, "--force")
        bank = load_bank(source / "questions.yaml")
        paths = sorted(source.glob("*.ipynb"))
        instruments = [p for nb in paths for p in placed_instruments(nbformat.read(nb, 4))]
        for student, skill in participants(n, random.Random(seed)):
            folder = course.submit_copy(student, name)
            answer_folder(folder, bank, rng, skill)
            for placed in instruments:
                answer_instrument(folder, placed.instrument, placed.phase, rng, skill)
        notebooks += len(paths) * n
    return course, notebooks


def empty_notebook_seconds(runs: int, folder: Path) -> float:
    """Median wall time to execute a one-cell notebook in a fresh python3 kernel."""
    return statistics.median(execute(empty_notebook(), folder) for _ in range(runs))


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def measure(n: int = 30, jobs: int = 2, seed: int = 2014, keep: bool = False) -> ClassAutograde:
    work = Path(tempfile.mkdtemp(prefix="clientlearn-bench-autograde-"))
    # A check cache of this run (clientlearn.core.checkcache), filled while the class is built:
    # both runs find the banks checked, as every kernel after a class's first does.
    saved_cache = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(work / "check-cache")
    try:
        print(f"  building both modules with {n} participants in {work} …", flush=True)
        course, notebooks = build(work / "base", n, seed)
        sequential, parallel = work / "sequential", work / "parallel"
        shutil.copytree(course.root, sequential)
        shutil.copytree(course.root, parallel)

        start = time.perf_counter()
        for module in MODULES:
            Course(sequential).nbgrader("autograde", module, "--force")
        t_seq = time.perf_counter() - start
        print(f"  sequential nbgrader autograde --force: {t_seq:.1f} s", flush=True)

        start = time.perf_counter()
        peak = 0.0
        for module in MODULES:
            result = autograde(parallel, module, jobs=jobs)
            if not result.ok:
                failed = "; ".join(f"{s.student}: {s.reason}" for s in result.failed)
                raise SystemExit(f"clientlearn autograde failed for {module}: {failed}")
            peak = max([peak, *(s.worker_peak_mb or 0.0 for s in result.submissions)])
        t_par = time.perf_counter() - start
        print(f"  clientlearn autograde --jobs {jobs}: {t_par:.1f} s", flush=True)

        same = all(snapshot(sequential, m) == snapshot(parallel, m) for m in MODULES)
        return ClassAutograde(
            participants=n,
            notebooks=notebooks,
            jobs=jobs,
            cores=cores(),
            sequential=t_seq,
            parallel=t_par,
            empty_notebook=empty_notebook_seconds(5, work),
            identical=same,
            worker_peak_mb=peak,
        )
    finally:
        os.environ.pop(CACHE_ENV, None)
        if saved_cache is not None:
            os.environ[CACHE_ENV] = saved_cache
        if keep:
            print(f"  kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def section(r: ClassAutograde) -> list[str]:
    """Markdown lines for RESULTS.md."""
    ratio_met = "met" if r.ratio <= RATIO_GOAL else "missed"
    memory_met = "met" if r.worker_peak_mb <= MEMORY_GOAL_MB else "missed"
    return [
        f"{r.participants} simulated participants × both modules = {r.notebooks} notebooks, "
        f"{r.cores} cores. Both runs use the course's nbgrader configuration (kernels stopped "
        "at once when their notebook has run; banks found in the check cache).",
        "",
        "| run | seconds | per notebook |",
        "|---|---|---|",
        f"| plain sequential `nbgrader autograde --force` (once per module) | "
        f"{r.sequential:.1f} | {r.sequential / r.notebooks:.2f} |",
        f"| `clientlearn autograde --jobs {r.jobs}` (once per module) | "
        f"{r.parallel:.1f} | {r.parallel / r.notebooks:.2f} |",
        f"| floor: {r.notebooks} × {r.empty_notebook:.2f} s (empty notebook) / {r.cores} cores | "
        f"{r.floor:.1f} | {r.floor / r.notebooks:.2f} |",
        "",
        f"Ratio parallel / sequential: **{r.ratio:.2f}** (goal <= {RATIO_GOAL}: {ratio_met}); "
        f"the parallel run takes {r.parallel / r.floor:.2f}× the floor. "
        f"Gradebooks and autograded notebooks identical: "
        f"**{'yes' if r.identical else 'NO'}**.",
        "",
        f"Peak resident memory of a grading worker (nbgrader loaded, after grading its "
        f"share; kernels are separate processes): **{r.worker_peak_mb:.0f} MiB** "
        f"(goal <= {MEMORY_GOAL_MB:.0f} MiB: {memory_met}).",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2014)
    parser.add_argument("--keep", action="store_true", help="Keep the course folders.")
    args = parser.parse_args()
    result = measure(args.participants, args.jobs, args.seed, args.keep)
    print("\n".join(section(result)))
    return 0 if result.identical else 1


if __name__ == "__main__":
    sys.exit(main())
