"""Class autograde of module 1 on Dask, against sequential nbgrader, and SQLite against
PostgreSQL, with a projection to a national run.

Builds a course with N simulated participants of module 1 (as the demo simulates a
class) and grades copies of it, side by side in one run on the same cores:

* plain sequential ``nbgrader autograde --force`` (SQLite);
* optionally the former process pool (``--pool-checkout DIR``: a checkout of clientlearn
  from before the Dask engine, e.g. ``git worktree add /tmp/pool 519cd3e``);
* ``clientlearn autograde --jobs J``: a local Dask cluster of J processes (SQLite);
* ``--cluster``: a `dask scheduler` with J `dask worker` processes on loopback (SQLite);
* the local cluster again with the gradebook in PostgreSQL (a server started here).

Every gradebook is checked identical to the sequential one.  From the cluster's cost per
notebook it projects the wall time for 4,000 participants on N workers.

    .venv/bin/python -m benchmarks.cluster --participants 200 --jobs 2
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.autograde import build, cores
from clientlearn.core.checkcache import CACHE_ENV
from clientlearn.grader.autograde import autograde, snapshot
from clientlearn.grader.coursefolder import Course
from tests.dask_cluster import dask_cluster
from tests.postgres import postgres_server

MODULE = "module1_client_service"
RATIO_GOAL = 1.1
NATIONAL = 4000
WORKERS = (2, 8, 32, 64, 128)


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def _ok(root: Path, **kwargs: object) -> None:
    result = autograde(root, MODULE, **kwargs)  # type: ignore[arg-type]
    if not result.ok:
        failed = "; ".join(f"{s.student}: {s.reason}" for s in result.failed)
        raise SystemExit(f"clientlearn autograde failed: {failed}")


def _pool(checkout: Path, root: Path, jobs: int) -> None:
    """The former process pool, from another checkout, in a fresh interpreter."""
    code = (
        "import sys; from clientlearn.grader.autograde import autograde; "
        f"r = autograde({str(root)!r}, {MODULE!r}, jobs={jobs}); sys.exit(0 if r.ok else 1)"
    )
    env = dict(os.environ, PYTHONPATH=str(checkout))
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


def measure(n: int, jobs: int, seed: int, pool: Path | None) -> dict[str, float | int | bool]:
    work = Path(tempfile.mkdtemp(prefix="clientlearn-bench-cluster-"))
    saved = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(work / "check-cache")
    out: dict[str, float | int | bool] = {"participants": n, "jobs": jobs, "cores": cores()}
    try:
        print(f"  building module 1 with {n} participants in {work} …", flush=True)
        course, _ = build(work / "base", n, seed, modules=(MODULE,))
        out["notebooks"] = n * len(list((course.root / "source" / MODULE).glob("*.ipynb")))
        copies = {
            name: Path(shutil.copytree(course.root, work / name))
            for name in ("sequential", "pool", "local", "scheduler", "postgres")
        }
        seq = copies["sequential"]
        out["sequential"] = _timed(lambda: Course(seq).nbgrader("autograde", MODULE, "--force"))
        print(f"  sequential nbgrader: {out['sequential']:.1f} s", flush=True)
        if pool is not None:
            out["pool"] = _timed(lambda: _pool(pool, copies["pool"], jobs))
            print(f"  former pool --jobs {jobs}: {out['pool']:.1f} s", flush=True)
        out["local"] = _timed(lambda: _ok(copies["local"], jobs=jobs))
        print(f"  local cluster --jobs {jobs}: {out['local']:.1f} s", flush=True)
        with dask_cluster(workers=jobs) as (address, _):
            out["scheduler"] = _timed(lambda: _ok(copies["scheduler"], cluster=address))
        print(f"  scheduler + {jobs} workers: {out['scheduler']:.1f} s", flush=True)
        with postgres_server() as server:
            url = server.create_database("bench")
            pg = copies["postgres"]
            with (pg / "nbgrader_config.py").open("a", encoding="utf-8") as config:
                config.write(f"\nc.CourseDirectory.db_url = {url!r}\n")
            (pg / "gradebook.db").unlink()
            Course(pg).nbgrader("generate_assignment", MODULE, "--force")
            out["postgres"] = _timed(lambda: _ok(pg, jobs=jobs))
            print(f"  local cluster on PostgreSQL: {out['postgres']:.1f} s", flush=True)
            expected = snapshot(seq, MODULE)
            names = ["local", "scheduler", "postgres", *(["pool"] if pool else [])]
            for k in names:
                got = snapshot(copies[k], MODULE)
                out[f"identical_{k}"] = got == expected
                for student in sorted(expected):
                    if got.get(student) != expected[student]:
                        why = _diff(got.get(student), expected[student])
                        print(f"  {k} differs for {student}: {why}")
                        break
            out["identical"] = all(out[f"identical_{k}"] for k in names)
        return out
    finally:
        os.environ.pop(CACHE_ENV, None)
        if saved is not None:
            os.environ[CACHE_ENV] = saved
        shutil.rmtree(work, ignore_errors=True)


def _diff(got: object, expected: object) -> str:
    if isinstance(got, dict) and isinstance(expected, dict):
        for key in sorted(set(got) | set(expected)):
            if got.get(key) != expected.get(key):
                return f"{key}: {_diff(got.get(key), expected.get(key))}"
    return f"{got!r:.300} != {expected!r:.300}"


def section(r: dict[str, float | int | bool], load: str) -> list[str]:
    nb, jobs = int(r["notebooks"]), int(r["jobs"])
    rows = [("plain sequential `nbgrader autograde --force`, SQLite", "sequential")]
    if "pool" in r:
        rows.append((f"former process pool, `--jobs {jobs}`, SQLite", "pool"))
    rows += [
        (f"`clientlearn autograde --jobs {jobs}` (local Dask cluster), SQLite", "local"),
        (f"`--cluster`: `dask scheduler` + {jobs} `dask worker` processes, SQLite", "scheduler"),
        (f"`clientlearn autograde --jobs {jobs}`, PostgreSQL", "postgres"),
    ]
    lines = [
        f"{r['participants']} simulated participants × module 1 = {nb} notebooks, "
        f"{r['cores']} cores; load average before the run: {load}.",
        "",
        "| run | seconds | per notebook | / sequential |",
        "|---|---|---|---|",
    ]
    seq = float(r["sequential"])
    for label, key in rows:
        t = float(r[key])
        lines.append(f"| {label} | {t:.1f} | {t / nb:.2f} | {t / seq:.2f} |")
    ratio = float(r["scheduler"]) / float(r["local"])
    lines += [
        "",
        f"Cluster (scheduler + workers) / local cluster: **{ratio:.2f}** (goal <= {RATIO_GOAL}: "
        f"{'met' if ratio <= RATIO_GOAL else 'missed'}); PostgreSQL / SQLite: "
        f"**{float(r['postgres']) / float(r['local']):.2f}**. Gradebooks and autograded "
        "notebooks identical to sequential nbgrader's: "
        + ", ".join(
            f"{k} **{'yes' if v else 'NO'}**" for k, v in r.items() if k.startswith("identical_")
        )
        + ".",
    ]
    if "pool" in r:
        pool_ratio = float(r["local"]) / float(r["pool"])
        lines.append(f"Local Dask cluster / former process pool: **{pool_ratio:.2f}**.")
    # Each worker grades one notebook at a time: a notebook costs `per` worker-seconds.
    per = float(r["scheduler"]) * jobs / nb
    per_participant = nb / int(r["participants"])
    lines += [
        "",
        f"Projection for {NATIONAL:,} participants × {per_participant:.0f} notebooks of module 1 "
        f"from the cluster's measured {per:.2f} worker-seconds per notebook (a worker per "
        "core, the gradebook keeping up):",
        "",
        "| workers | wall time |",
        "|---|---|",
    ]
    for w in WORKERS:
        seconds = NATIONAL * per_participant * per / w
        lines.append(f"| {w} | {seconds / 60:.0f} min |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2014)
    parser.add_argument("--pool-checkout", type=Path, default=None)
    args = parser.parse_args()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    result = measure(args.participants, args.jobs, args.seed, args.pool_checkout)
    print("\n".join(section(result, load)))
    return 0 if result["identical"] else 1


if __name__ == "__main__":
    sys.exit(main())
