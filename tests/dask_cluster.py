"""A real Dask cluster on loopback for the tests and the benchmark: `dask scheduler`
and `dask worker` processes, each in its own session, killed at the end."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator

from .postgres import free_port


@contextlib.contextmanager
def dask_cluster(workers: int = 2) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`dask scheduler` and `dask worker` processes on loopback; yields the scheduler's
    address and process.  Every process is in its own session, killed at the end."""
    from distributed import Client

    address = f"tcp://127.0.0.1:{free_port()}"
    common = {"start_new_session": True, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    host, port = address.removeprefix("tcp://").split(":")
    scheduler = subprocess.Popen(
        [sys.executable, "-m", "dask", "scheduler", "--host", host, "--port", port,
         "--no-dashboard"],
        **common,  # type: ignore[call-overload]
    )  # fmt: skip
    worker = subprocess.Popen(
        [sys.executable, "-m", "dask", "worker", address, "--nworkers", str(workers),
         "--nthreads", "1", "--no-dashboard", "--death-timeout", "20"],
        **common,  # type: ignore[call-overload]
    )  # fmt: skip
    try:
        with Client(address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=120)
        yield address, scheduler
    finally:
        for proc in (worker, scheduler):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
