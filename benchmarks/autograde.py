"""Parallel autograde against plain `nbgrader autograde --force`, side by side in one run.

Builds a course from the real `module1_client_service`, simulates N participants through
the answer store (as the demo does), grades one copy with sequential nbgrader and another
with `clientlearn.autograde.autograde(jobs=J)`, checks that the gradebooks and autograded
notebooks are identical, and prints the wall times, their ratio and a floor: notebooks ×
the time to execute an empty notebook (a kernel start, mostly) / cores.

    .venv/bin/python benchmarks/autograde.py --participants 12 --jobs 2
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
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from clientlearn.authoring import placed_instruments
from clientlearn.autograde import autograde, snapshot
from clientlearn.bank import load_bank
from clientlearn.course import Course
from clientlearn.demo import CLASS
from clientlearn.simulate import answer_folder, answer_instrument

REPO = Path(__file__).resolve().parent.parent
MODULE = "module1_client_service"


def participants(n: int) -> list[tuple[str, float]]:
    """The demo's class, then more participants with a spread of skill."""
    extra = [(f"participant_{i:02d}", 0.4 + 0.05 * (i % 11)) for i in range(len(CLASS), n)]
    return [*CLASS, *extra][:n]


def build(root: Path, n: int, seed: int) -> tuple[Course, int]:
    """A released course with ``n`` simulated submissions; returns it and notebooks each."""
    course = Course.create(root)
    source = REPO / MODULE
    name = course.add_source(source)
    course.nbgrader("generate_assignment", name, "--force")
    bank = load_bank(source / "questions.yaml")
    notebooks = sorted(source.glob("*.ipynb"))
    instruments = [p for nb in notebooks for p in placed_instruments(nbformat.read(nb, 4))]
    rng = random.Random(seed)
    for student, skill in participants(n):
        folder = course.submit_copy(student, name)
        answer_folder(folder, bank, rng, skill)
        for placed in instruments:
            answer_instrument(folder, placed.instrument, placed.phase, rng, skill)
    return course, len(notebooks)


def empty_notebook_seconds(runs: int, folder: Path) -> float:
    """Median wall time to execute a one-cell notebook in a fresh python3 kernel."""
    times = []
    for _ in range(runs):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])
        start = time.perf_counter()
        NotebookClient(
            nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
        ).execute()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=12)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2014)
    parser.add_argument("--keep", action="store_true", help="Keep the course folders.")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="clientlearn-bench-autograde-"))
    try:
        print(f"Building {MODULE} with {args.participants} participants in {work} …", flush=True)
        start = time.perf_counter()
        course, per_submission = build(work / "base", args.participants, args.seed)
        print(f"  built and released in {time.perf_counter() - start:.1f} s", flush=True)
        sequential, parallel = work / "sequential", work / "parallel"
        shutil.copytree(course.root, sequential)
        shutil.copytree(course.root, parallel)

        start = time.perf_counter()
        Course(sequential).nbgrader("autograde", MODULE, "--force")
        t_seq = time.perf_counter() - start
        print(f"  nbgrader autograde --force: {t_seq:.1f} s", flush=True)

        start = time.perf_counter()
        result = autograde(parallel, MODULE, jobs=args.jobs)
        t_par = time.perf_counter() - start
        print(f"  autograde(jobs={args.jobs}): {t_par:.1f} s", flush=True)
        if not result.ok:
            for sub in result.failed:
                print(f"  FAILED {sub.student}: {sub.reason}", file=sys.stderr)
            return 1

        same = snapshot(sequential, MODULE) == snapshot(parallel, MODULE)
        t_empty = empty_notebook_seconds(3, work)
        notebooks = per_submission * args.participants
        floor = notebooks * t_empty / cores()
        print()
        print(
            f"participants: {args.participants}, notebooks each: {per_submission}, cores: {cores()}"
        )
        print(f"sequential nbgrader autograde --force: {t_seq:7.1f} s")
        print(f"clientlearn autograde(jobs={args.jobs}):          {t_par:7.1f} s")
        print(f"ratio sequential / parallel:           {t_seq / t_par:7.2f}")
        print(
            f"floor ({notebooks} notebooks × {t_empty:.2f} s empty notebook / {cores()} cores): "
            f"{floor:.1f} s"
        )
        print(f"gradebooks and autograded notebooks identical: {'yes' if same else 'NO'}")
        return 0 if same else 1
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
