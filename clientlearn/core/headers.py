"""One vocabulary of column headers for every table of people a trainer brings.

A roster comes from Excel with Ukrainian or English headers: «ПІБ», «Прізвище»,
«Ім’я», «Область», «Електронна пошта», "E-mail", "Region"...  Every reader of a
roster (the import into the gradebook, forming groups, collecting submissions) maps
them to the same field names through :data:`HEADER_ALIASES`, so a file one command
reads is read by all of them.

Headers are compared after :func:`header_key`: case, spaces, punctuation and
apostrophes removed ("E-mail" → "email", "П.І.Б." → "піб", "Ім’я" → "імя").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = ["FIELDS", "HEADER_ALIASES", "canonical_column", "header_fields", "header_key"]

# Header spellings per field, as header_key leaves them.  A field's own name
# ("first_name" → "firstname") is always among them.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "fullname",
        "піб",
        "пібучасника",
        "прізвищетаімя",
        "прізвищеімя",
        "прізвищеімяпобатькові",
        "прізвищеімятапобатькові",
    ),
    "first_name": ("firstname", "givenname", "first"),
    "last_name": ("lastname", "surname", "familyname", "last", "прізвище"),
    "patronymic": ("patronymic", "middlename", "побатькові"),
    "library": ("library", "бібліотека", "назвабібліотеки"),
    "oblast": ("oblast", "область", "region", "регіон"),
    "email": (
        "email",
        "emailaddress",
        "mail",
        "електроннапошта",
        "електроннаадреса",
        "адресаелектронноїпошти",
        "елпошта",
        "епошта",
    ),
    "id": ("id", "studentid"),
}
FIELDS = tuple(HEADER_ALIASES)

_FIELD_OF = {key: field for field, keys in HEADER_ALIASES.items() for key in keys}
# "name" and "ім’я" are the whole name, unless a surname column stands next to them.
_NAME_OR_FIRST = frozenset({"name", "імя"})


def header_key(text: str) -> str:
    """The comparison form of a header: NFC, case-folded, letters and digits only."""
    return "".join(ch for ch in unicodedata.normalize("NFC", text).casefold() if ch.isalnum())


def header_fields(cells: Sequence[str]) -> dict[int, str]:
    """Column index → field, for the header cells that name a known field.

    «Ім’я» (or "name") is the whole name, or the first name when a surname column
    stands beside it and no first-name column does.
    """
    keys = [header_key(c) for c in cells]
    fields = {i: _FIELD_OF[k] for i, k in enumerate(keys) if k in _FIELD_OF}
    has_last = "last_name" in fields.values()
    has_first = "first_name" in fields.values()
    for i, k in enumerate(keys):
        if k in _NAME_OR_FIRST:
            fields[i] = "first_name" if has_last and not has_first else "name"
    return fields


def canonical_column(text: str) -> str:
    """The field a column name stands for («Область» → ``oblast``); another name as
    it is, stripped and case-folded (how the table readers key their rows)."""
    key = header_key(text)
    if key in _NAME_OR_FIRST:
        return "name"
    return _FIELD_OF.get(key, text.strip().casefold())
