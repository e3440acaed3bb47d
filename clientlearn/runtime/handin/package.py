"""One file to hand in: a module's notebooks and answers, zipped, with a manifest.

The zip a participant downloads (``<module>-<name>.zip``) holds::

    <module>/<notebook>.ipynb …          the module's notebooks as last saved
    <module>/clientlearn.answers.json    the answers file (when there is one)
    clientlearn.handin.json              the manifest

The manifest names the participant, the module, the time of the hand-in (UTC) and the
SHA-256 of every other file, so ``clientlearn collect`` can tell a damaged or edited
zip from a whole one (:func:`verify`).  Built in the browser's kernel as in JupyterLab:
nothing here needs more than the standard library.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import time
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.store import ANSWERS_FILE

from .messages import msg

__all__ = [
    "MANIFEST",
    "Manifest",
    "ManifestError",
    "handin_name",
    "make_handin",
    "verify",
]

MANIFEST = "clientlearn.handin.json"
FORMAT = "clientlearn-handin"
VERSION = 1
# Characters no file system of the participants' computers takes in a name.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class ManifestError(ClientlearnError):
    """A hand-in whose manifest does not match its files; the message names the file."""


@dataclass(frozen=True)
class Manifest:
    """What a hand-in's manifest says."""

    module: str
    name: str
    created: datetime
    files: dict[str, str]  # path inside the zip → SHA-256 (hex)


def handin_name(module: str, name: str) -> str:
    """``<module>-<name>.zip`` with the characters a file name cannot hold left out."""
    clean = " ".join(_UNSAFE.sub(" ", name).split()).strip(" .")
    return f"{module}-{clean}.zip" if clean else f"{module}.zip"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def make_handin(folder: Path, name: str, *, now: datetime | None = None) -> tuple[str, bytes]:
    """The hand-in zip of the module in ``folder``: its file name and bytes."""
    module = folder.name
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    paths = sorted(folder.glob("*.ipynb"))
    answers = folder / ANSWERS_FILE
    if answers.is_file():
        paths.append(answers)
    # Zip entries carry local time (as a zip has no zone); the manifest says UTC.
    local = time.localtime(moment.timestamp())[:6]
    files: dict[str, str] = {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in paths:
            data = path.read_bytes()
            entry = f"{module}/{path.name}"
            files[entry] = _sha256(data)
            archive.writestr(_info(entry, local), data)
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "module": module,
            "name": name,
            "created": moment.isoformat(timespec="seconds"),
            "files": files,
        }
        text = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        archive.writestr(_info(MANIFEST, local), text.encode("utf-8"))
    return handin_name(module, name), buffer.getvalue()


def _info(name: str, when: tuple[int, ...]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, (max(when[0], 1980), *when[1:6]))  # type: ignore[arg-type]
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.flag_bits |= 0x800  # names in UTF-8: Cyrillic names survive any unzipper
    return info


def _fail(origin: str, what: str, lang: str) -> ManifestError:
    return ManifestError(f"{origin}: {MANIFEST}: {what}; {msg('again', lang)}")


def verify(
    origin: str, manifest_text: bytes, contents: Mapping[str, bytes], lang: str = "uk"
) -> Manifest:
    """Check ``contents`` (path inside the zip → bytes, the manifest's folder being the
    zip's top) against the manifest; :class:`ManifestError` naming ``origin`` and the
    file that differs, is missing or is not listed."""
    try:
        data = json.loads(manifest_text.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as err:
        raise _fail(origin, msg("bad_json", lang, error=err), lang) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _fail(origin, msg("not_manifest", lang), lang)
    if data.get("version") != VERSION:
        raise _fail(origin, msg("bad_version", lang, version=f"{data.get('version')!r:.40}"), lang)
    files = data.get("files")
    if not isinstance(files, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in files.items()
    ):
        raise _fail(origin, msg("bad_files", lang), lang)
    try:
        created = datetime.fromisoformat(str(data.get("created")))
    except ValueError:
        raise _fail(
            origin, msg("bad_created", lang, value=f"{data.get('created')!r:.40}"), lang
        ) from None
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    for path, digest in sorted(files.items()):
        if path not in contents:
            raise _fail(origin, msg("missing", lang, path=path), lang)
        if _sha256(contents[path]) != digest.lower():
            raise _fail(origin, msg("differs", lang, path=path), lang)
    extra = sorted(p for p in contents if p not in files and PurePosixPath(p).name != MANIFEST)
    if extra:
        raise _fail(origin, msg("unlisted", lang, path=extra[0]), lang)
    return Manifest(str(data.get("module", "")), str(data.get("name", "")), created, dict(files))
