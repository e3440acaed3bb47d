"""Verification codes of certificates: the course's secret key, the HMAC code, and
the register of every certificate issued."""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import os
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from clientlearn.core.errors import ClientlearnError

from .words import ERRORS

KEY_FILE = ".certificate-key"
REGISTER_FILE = "register.csv"
CODE_PREFIX = "CO"  # «Орієнтація на клієнта» / Client Orientation

_KEY_BYTES = 32
# Crockford's base32: digits and letters without I, L, O, U.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_CHARS = 12
# What people type instead: look-alike letters, and Cyrillic ones from a Ukrainian keyboard.
_TYPED = str.maketrans(
    {
        "O": "0",
        "I": "1",
        "L": "1",
        "А": "A",
        "В": "B",
        "С": "C",
        "Е": "E",
        "Н": "H",
        "І": "1",
        "К": "K",
        "М": "M",
        "О": "0",
        "Р": "P",
        "Т": "T",
        "Х": "X",
        "З": "3",
    }
)
_REGISTER_COLUMNS = ("code", "id", "name", "course_id", "title", "dates", "issued")


@dataclass(frozen=True)
class RegisterEntry:
    """One issued certificate, as ``register.csv`` records it."""

    code: str
    id: str
    name: str
    course_id: str
    title: str
    dates: str
    issued: str


# --- key and codes -----------------------------------------------------------


def load_key(course_root: str | Path, *, create: bool) -> bytes:
    """The course's secret key; with ``create``, made on first use (mode 0600)."""
    path = Path(course_root) / KEY_FILE
    if create and not path.exists():
        try:
            # O_EXCL: two trainers issuing at once must not overwrite each other's key.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        except OSError as err:
            raise ClientlearnError.said(
                ERRORS, "cannot_create", path=path, reason=err.strerror
            ) from err
        else:
            with os.fdopen(fd, "wb") as fh:
                fh.write(secrets.token_bytes(_KEY_BYTES))
                fh.flush()
                os.fsync(fh.fileno())
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        raise ClientlearnError.said(
            ERRORS, "no_key", key_file=KEY_FILE, root=Path(course_root).resolve()
        ) from None
    except OSError as err:
        raise ClientlearnError.said(ERRORS, "cannot_read", path=path, reason=err.strerror) from err
    if len(key) < 16:
        raise ClientlearnError.said(ERRORS, "damaged_key", path=path, size=len(key))
    return key


def certificate_code(key: bytes, course_id: str, student_id: str, name: str, dates: str) -> str:
    """The verification code of one certificate, e.g. ``CO-7K3F-9QX2-M4TD``."""
    # A JSON list keeps the fields apart: ("ab", "c") and ("a", "bc") differ.
    message = json.dumps([course_id, student_id, name, dates], ensure_ascii=False)
    digest = hmac.new(key, message.encode("utf-8"), hashlib.sha256).digest()
    bits = int.from_bytes(digest[:8], "big") >> (64 - 5 * _CODE_CHARS)
    chars = "".join(_ALPHABET[(bits >> (5 * i)) & 31] for i in reversed(range(_CODE_CHARS)))
    return f"{CODE_PREFIX}-{chars[0:4]}-{chars[4:8]}-{chars[8:12]}"


def normalize_code(text: str) -> str:
    """``text`` as a canonical code; tolerates case, spaces, dashes and look-alikes."""
    raw = re.sub(r"[\s\-–—_.]", "", text.upper()).translate(_TYPED)
    head, chars = raw[:-_CODE_CHARS], raw[-_CODE_CHARS:]
    # The prefix may be typed with a zero or in Cyrillic: it is "C0" after _TYPED.
    if (
        head not in ("", "C0")
        or len(chars) != _CODE_CHARS
        or any(c not in _ALPHABET for c in chars)
    ):
        raise ClientlearnError.said(ERRORS, "not_a_code", text=repr(text), prefix=CODE_PREFIX)
    return f"{CODE_PREFIX}-{chars[0:4]}-{chars[4:8]}-{chars[8:12]}"


# --- register ----------------------------------------------------------------


def read_register(path: Path) -> list[RegisterEntry]:
    """The entries of ``register.csv`` (none if the file does not exist)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as err:
        raise ClientlearnError.said(ERRORS, "register_unreadable", path=path, error=err) from err
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in _REGISTER_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ClientlearnError.said(ERRORS, "not_a_register", path=path, missing=", ".join(missing))
    return [RegisterEntry(**{c: row[c] or "" for c in _REGISTER_COLUMNS}) for row in reader]


def register_text(entries: Sequence[RegisterEntry]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(_REGISTER_COLUMNS)
    for e in entries:
        writer.writerow([getattr(e, c) for c in _REGISTER_COLUMNS])
    return buf.getvalue()


def verify_certificate(
    course_root: str | Path, code: str, register: str | Path | None = None
) -> RegisterEntry:
    """The register entry of a genuine ``code``; raises ClientlearnError otherwise."""
    wanted = normalize_code(code)
    path = Path(register) if register else Path(course_root) / "certificates" / REGISTER_FILE
    if not path.is_file():
        raise ClientlearnError.said(ERRORS, "no_register", path=path)
    entry = next((e for e in read_register(path) if e.code == wanted), None)
    if entry is None:
        raise ClientlearnError.said(ERRORS, "not_registered", code=wanted, path=path)
    key = load_key(course_root, create=False)
    expected = certificate_code(key, entry.course_id, entry.id, entry.name, entry.dates)
    if not hmac.compare_digest(expected, wanted):
        raise ClientlearnError.said(ERRORS, "changed_row", code=wanted, path=path)
    return entry


# --- rendering ---------------------------------------------------------------
