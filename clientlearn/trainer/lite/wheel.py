"""clientlearn's own wheel for the browser's kernel, made from this checkout.

The wheel holds the package as it is here plus, in ``clientlearn/checked/``, the checked
data of the banks it will be given and of the shipped instruments and rubrics
(:func:`clientlearn.core.checkcache.seal`): the browser's Python has neither PyYAML's
C parser nor the schema checker, and needs neither for a file checked here.  It is
written directly (a wheel is a zip with a RECORD), with fixed times and sorted names,
so the same checkout and banks give the same bytes.  Its metadata names no
dependencies: the kernel's packages are declared in the site's Pyodide lock.
"""

from __future__ import annotations

import base64
import hashlib
import zipfile
from collections.abc import Iterable
from pathlib import Path

from clientlearn.core.checkcache import SEALED, seal
from clientlearn.core.version import __version__
from clientlearn.runtime import bank as bank_module
from clientlearn.runtime.groupwork import rubric as rubric_module
from clientlearn.runtime.selfassess import instruments as instrument_module

__all__ = ["build_wheel", "sealed_files"]

PACKAGE = Path(bank_module.__file__).resolve().parent.parent
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold: reproducible


def sealed_files(banks: Iterable[tuple[str, str]]) -> dict[str, str]:
    """File name → JSON text of the checked data of ``banks`` (text, file name), the
    shipped instruments and the shipped rubrics."""
    files: dict[str, str] = {}
    for text, file in banks:
        data = bank_module.checked_bank_data(text, file)
        name, body = seal("bank", text, bank_module.CHECKERS, data)
        files[name] = body
    for ident in instrument_module.builtin_ids():
        text = instrument_module.builtin_text(ident)
        data = instrument_module.checked_instrument_data(text, ident)
        name, body = seal("instrument", text, instrument_module.CHECKERS, data)
        files[name] = body
    for path in sorted(rubric_module.RUBRICS_DIR.glob("*.yaml")):
        text = rubric_module.read_rubric_text(path)
        data = rubric_module.checked_rubric_data(text, path)
        name, body = seal("rubric", text, rubric_module.CHECKERS, data)
        files[name] = body
    return files


def _package_files() -> list[tuple[str, bytes]]:
    found = []
    for path in sorted(PACKAGE.rglob("*")):
        rel = path.relative_to(PACKAGE.parent).as_posix()
        if path.is_dir() or "__pycache__" in rel or path.suffix in (".pyc", ".pyo"):
            continue
        if rel.startswith(f"clientlearn/{SEALED}/"):
            continue  # a checkout never holds sealed data; the wheel's own is added below
        found.append((rel, path.read_bytes()))
    return found


def _digest(data: bytes) -> str:
    raw = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def build_wheel(out_dir: Path, banks: Iterable[tuple[str, str]]) -> Path:
    """Write ``clientlearn-<version>-py3-none-any.whl`` into ``out_dir``."""
    info = f"clientlearn-{__version__}.dist-info"
    entries = _package_files()
    entries += [
        (f"clientlearn/{SEALED}/{name}", body.encode("utf-8"))
        for name, body in sorted(sealed_files(banks).items())
    ]
    entries += [
        (
            f"{info}/METADATA",
            f"Metadata-Version: 2.1\nName: clientlearn\nVersion: {__version__}\n".encode(),
        ),
        (
            f"{info}/WHEEL",
            b"Wheel-Version: 1.0\nGenerator: clientlearn lite\nRoot-Is-Purelib: true\n"
            b"Tag: py3-none-any\n",
        ),
        (f"{info}/top_level.txt", b"clientlearn\n"),
    ]
    record = "".join(f"{name},{_digest(data)},{len(data)}\n" for name, data in entries)
    record += f"{info}/RECORD,,\n"
    entries.append((f"{info}/RECORD", record.encode("utf-8")))
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"clientlearn-{__version__}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as whl:
        for name, data in entries:
            item = zipfile.ZipInfo(name, _EPOCH)
            item.external_attr = 0o644 << 16
            item.compress_type = zipfile.ZIP_DEFLATED
            whl.writestr(item, data)
    return path
