"""Writing files so that nothing is ever half-written.

Text goes to a temporary file in the same folder, is flushed to disk, and replaces
the target in one ``os.replace``: a reader (or a crash) sees the old file or the
new one, never a mix.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import ClientlearnError


def replace_atomically(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Atomically replace ``path`` with ``text``; raises OSError on failure."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private; nbgrader's exchange and co-trainers share files.
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text_atomic(path: Path | str, text: str, *, encoding: str = "utf-8") -> None:
    """Atomically write ``text`` to ``path``; a failure is a ClientlearnError naming it."""
    path = Path(path)
    try:
        replace_atomically(path, text, encoding=encoding)
    except OSError as err:
        raise ClientlearnError(
            f"cannot write {path}: {err.strerror or err}; check that the folder exists "
            "and is writable"
        ) from err
