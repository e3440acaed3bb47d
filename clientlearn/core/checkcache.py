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

A packaging may also carry checked data: the JupyterLite edition's wheel holds, in
``clientlearn/checked/``, the data of every bank and instrument it ships, checked when
the site was built (:func:`seal`), because the browser's Python has neither the YAML
library's C parser nor the schema checker.  The same key guards it: a file or a check
that differs from the build's is checked again.
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
SEALED = "checked"
"""The folder, inside the package, of data checked when the package was built."""


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


def _key(kind: str, fingerprint: str, text: str) -> str:
    return hashlib.sha256(f"{kind}\0{fingerprint}\0{text}".encode()).hexdigest()


def _kept(path: Path, key: str) -> tuple[bool, Any]:
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        kept = json.loads(path.read_text(encoding="utf-8"))
        if kept["key"] == key:  # the whole digest, not just the name's part
            return True, kept["data"]
    return False, None


def checked_data(kind: str, text: str, checkers: Sequence[str], check: Callable[[], Any]) -> Any:
    """The checked data of ``text``: from the package's sealed data, the cache, or
    ``check()`` (which raises on a file with problems) kept for next time.

    ``kind`` names the kind of file (``bank``); ``checkers`` are the package files
    (``bank.py``, ``schema/bank.schema.json``…) whose change must invalidate the cache.
    ``check()`` must return JSON data (the YAML loaders refuse anything else).
    """
    fingerprint = _fingerprint(tuple(checkers))
    if fingerprint is None:
        return check()
    key = _key(kind, fingerprint, text)
    name = f"{kind}-{key[:40]}.json"
    found, data = _kept(_PACKAGE / SEALED / name, key)
    if found:
        return data
    folder = cache_folder()
    if folder is None:
        return check()
    found, data = _kept(folder / name, key)
    if found:
        return data
    data = check()
    with contextlib.suppress(OSError, ValueError, TypeError):
        folder.mkdir(parents=True, exist_ok=True)
        body = json.dumps({"key": key, "data": data}, ensure_ascii=False)
        replace_atomically(folder / name, body)
        _prune(folder, kind)
    return data


def seal(kind: str, text: str, checkers: Sequence[str], data: Any) -> tuple[str, str]:
    """The file name and JSON text under which :func:`checked_data` finds ``data``,
    the checked data of ``text``, in a package's ``checked/`` folder."""
    fingerprint = _fingerprint(tuple(checkers))
    if fingerprint is None:
        raise OSError(f"cannot read the checking code of {kind} files in {_PACKAGE}")
    key = _key(kind, fingerprint, text)
    body = json.dumps({"key": key, "data": data}, ensure_ascii=False, sort_keys=True)
    return f"{kind}-{key[:40]}.json", body


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
