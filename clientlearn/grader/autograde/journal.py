"""What an interrupted run had already graded, so that running it again grades the rest.

While a run goes on, each submission graded and written to the gradebook is added to
``.clientlearn-autograde-<module>.json`` in the course folder, with a fingerprint of
its submitted folder and of the module's source.  A run that reaches its end removes
the file; one that stops early (the scheduler gone, Ctrl-C) leaves it, and the next run
of the module skips the submissions it lists, unless their folder or the module's
source changed since (then they are graded again)."""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from clientlearn.core.files import write_text_atomic


def fingerprint(folder: Path) -> str:
    """Names, sizes and modification times of every file under ``folder``."""
    digest = hashlib.blake2b(digest_size=16)
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                name = path.relative_to(folder).as_posix()
                digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


class Journal:
    """The submissions of one module graded by a run that has not ended yet."""

    def __init__(self, root: Path, assignment: str) -> None:
        self.path = root / f".clientlearn-autograde-{assignment}.json"
        self.root = root
        self.assignment = assignment
        self.source = fingerprint(root / "source" / assignment)
        self.graded: dict[str, str] = {}

    def _folder(self, student: str) -> Path:
        return self.root / "submitted" / student / self.assignment

    def kept(self) -> set[str]:
        """Students an interrupted run graded whose submission has not changed since."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # none, or unreadable: grade everything
            return set()
        if not isinstance(data, dict) or data.get("source") != self.source:
            return set()
        graded = data.get("graded")
        if not isinstance(graded, dict):
            return set()
        self.graded = {
            str(s): str(f) for s, f in graded.items() if fingerprint(self._folder(str(s))) == f
        }
        return set(self.graded)

    def add(self, student: str) -> None:
        self.graded[student] = fingerprint(self._folder(student))
        text = json.dumps({"source": self.source, "graded": self.graded}, ensure_ascii=False)
        write_text_atomic(self.path, text)

    def finish(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
