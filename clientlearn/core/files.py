"""Writing files so that nothing is ever half-written.

Text goes to a temporary file in the same folder, is flushed to disk, and replaces
the target in one ``os.replace``: a reader (or a crash) sees the old file or the
new one, never a mix.

In the browser's kernel (Pyodide, ``sys.platform == "emscripten"``) a file in the
notebook's folder lives in the browser's storage, which JupyterLite's DriveFS writes
whole on each write; a rename onto an existing file there is not dependable, so the
file is written in place, one write, instead.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from .errors import ClientlearnError
from .i18n import MESSAGES

IN_BROWSER = sys.platform == "emscripten"


def replace_atomically(path: Path, content: str | bytes, *, encoding: str = "utf-8") -> None:
    """Atomically replace ``path`` with ``content`` (text is encoded, newlines kept as
    given); raises OSError on failure."""
    data = content.encode(encoding) if isinstance(content, str) else content
    if IN_BROWSER:
        path.write_bytes(data)
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
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
    write_bytes_atomic(path, text.encode(encoding))


def write_bytes_atomic(path: Path | str, data: bytes) -> None:
    """Atomically write ``data`` to ``path``; a failure is a ClientlearnError naming it."""
    path = Path(path)
    try:
        replace_atomically(path, data)
    except OSError as err:
        raise ClientlearnError.said(
            MESSAGES, "write_failed", path=path, reason=err.strerror or err
        ) from err
