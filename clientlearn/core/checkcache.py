"""A disk cache of checked YAML files, so that grading kernels skip YAML and the schema.

Loading a question bank or an instrument parses YAML with line numbers and checks it
against its schema and rules: about 50 ms and three imports in every kernel, and
nbgrader starts one kernel per notebook per participant, each loading the same
unchanged files.  The data of a file that passed its checks is kept as JSON in the
user's cache folder, keyed by the file's text and by the code and schema that checked
it, so a changed file or a changed check is checked again.  A file with problems is
never kept: its problems are reported every time.

The cache only saves time.  A cache file that cannot be read, written or parsed means
the file is checked again, never an error.  ``CLIENTLEARN_CACHE_DIR`` chooses the
folder (``off`` turns the cache off); otherwise ``$XDG_CACHE_HOME/clientlearn`` or
``~/.cache/clientlearn``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from .files import replace_atomically

CACHE_ENV = "CLIENTLEARN_CACHE_DIR"
KEEP = 64
"""Cache files kept per kind; older ones are removed when a new one is written."""
_PACKAGE = Path(__file__).resolve().parent.parent  # the clientlearn package


def cache_folder() -> Path | None:
    """Where checked files are kept, or ``None`` when the cache is off."""
    chosen = os.environ.get(CACHE_ENV, "").strip()
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "clientlearn"


@cache
def _fingerprint(checkers: tuple[str, ...]) -> str | None:
    """A digest of the files (relative to the package) that check this kind of file."""
    from .version import __version__

    digest = hashlib.sha256(__version__.encode())
    try:
        for name in checkers:
            digest.update(name.encode() + b"\0" + (_PACKAGE / name).read_bytes())
    except OSError:  # a packaging we cannot read: do not trust a cache
        return None
    return digest.hexdigest()


def checked_data(kind: str, text: str, checkers: Sequence[str], check: Callable[[], Any]) -> Any:
    """The checked data of ``text``: from the cache, or ``check()`` (which raises on a
    file with problems) kept for next time.

    ``kind`` names the kind of file (``bank``); ``checkers`` are the package files
    (``bank.py``, ``schema/bank.schema.json``…) whose change must invalidate the cache.
    ``check()`` must return JSON data (the YAML loaders refuse anything else).
    """
    folder = cache_folder()
    fingerprint = _fingerprint(tuple(checkers))
    if folder is None or fingerprint is None:
        return check()
    key = hashlib.sha256(f"{kind}\0{fingerprint}\0{text}".encode()).hexdigest()
    path = folder / f"{kind}-{key[:40]}.json"
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        kept = json.loads(path.read_text(encoding="utf-8"))
        if kept["key"] == key:  # the whole digest, not just the name's part
            return kept["data"]
    data = check()
    with contextlib.suppress(OSError, ValueError, TypeError):
        folder.mkdir(parents=True, exist_ok=True)
        replace_atomically(path, json.dumps({"key": key, "data": data}, ensure_ascii=False))
        _prune(folder, kind)
    return data


def _prune(folder: Path, kind: str) -> None:
    """Keep the :data:`KEEP` most recent files of ``kind`` (an author editing a bank
    leaves one file per saved version)."""
    found = []
    for path in folder.glob(f"{kind}-*.json"):
        with contextlib.suppress(OSError):  # another kernel removed it first
            found.append((path.stat().st_mtime_ns, path))
    for _, path in sorted(found, reverse=True)[KEEP:]:
        with contextlib.suppress(OSError):
            path.unlink()
