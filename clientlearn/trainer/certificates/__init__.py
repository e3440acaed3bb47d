"""PDF certificates for the participants who passed, and their verification codes.

:func:`make_certificates` writes, into ``<course>/certificates/`` by default:

* ``<student id>.pdf``: one A4 landscape certificate per participant who passed
  (the pass rule is :mod:`clientlearn.trainer.results`'s), in Ukrainian (or English),
  with a Cyrillic font embedded (DejaVu, shipped with matplotlib);
* ``all-certificates.pdf``: every certificate in one file, for printing;
* ``register.csv``: code, id, name, course id, title, dates and date issued of every
  certificate ever issued from this folder (earlier rows are kept).

The course title, module names, hours, place, dates and trainer come from the course
folder's ``course.yaml`` (:mod:`clientlearn.trainer.coursefacts`), each replaceable for
one run.  The verification code is an HMAC-SHA256 of (course id, student id, name,
dates) under a secret key kept in the course root (``.certificate-key``: 32 random
bytes, mode 0600, created on first use; keep it out of git and back it up: a new key
makes every earlier code unverifiable).  60 bits of the HMAC are shown in Crockford's
base32 (no I, L, O or U) as ``CO-7K3F-9QX2-M4TD``.  :func:`verify_certificate` finds a
code in the register and recomputes it from the row, so a made-up code and an edited
register row are both rejected.

Everything is read, checked and rendered before the first file is written:
:mod:`.codes` (key, codes, register), :mod:`.pdf` (the page), :mod:`.issue` (who gets one).
"""

from __future__ import annotations

from .codes import (
    KEY_FILE,
    REGISTER_FILE,
    RegisterEntry,
    certificate_code,
    load_key,
    normalize_code,
    read_register,
    register_text,
    verify_certificate,
)
from .issue import COMBINED_FILE, Issued, make_certificates
from .pdf import CertificateDetails, hours_unit, render_pdf

__all__ = [
    "COMBINED_FILE",
    "KEY_FILE",
    "REGISTER_FILE",
    "CertificateDetails",
    "Issued",
    "RegisterEntry",
    "certificate_code",
    "hours_unit",
    "load_key",
    "make_certificates",
    "normalize_code",
    "read_register",
    "register_text",
    "render_pdf",
    "verify_certificate",
]
