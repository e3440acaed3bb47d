"""A local worker's output to a file, not the trainer's terminal: nbgrader logs every
notebook and cell, and a kernel may print.  A plugin, so that a worker the nanny starts
again after a crash does the same (imported only where Dask is loaded)."""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from .worker import log_to_file


class LogToFile(WorkerPlugin):
    name = "clientlearn-log-to-file"

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def setup(self, worker: Any) -> None:
        log_to_file(self.folder)
