"""How typed answers are compared: case, spaces, apostrophes, look-alike letters, numbers.

Ukrainian typists mix scripts without noticing: a Latin ``i`` in «бiблiотека``,
or the Cyrillic ``С`` and ``В`` the seed report itself puts in «СВSD».  Each word
is brought into one script before comparing, so such answers match.
"""

from __future__ import annotations

import re
import unicodedata

# Apostrophe look-alikes (Ukrainian uses one in words such as «м'ята»).
_APOSTROPHES = "'’ʼ‘`´′＇"
_DASHES = "‐‑‒–—―−"
_QUOTES = '«»„“”"‹›'

# Letters that look the same in Latin and Cyrillic script, both cases.
_LATIN_TO_CYRILLIC = dict(zip("AaBCcEeHIiKkMOoPpTXxYy", "АаВСсЕеНІіКкМОоРрТХхУу", strict=True))
_CYRILLIC_TO_LATIN = {cyr: lat for lat, cyr in _LATIN_TO_CYRILLIC.items()}

_WORD = re.compile(r"\w+")


def _script(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    if name.startswith("LATIN"):
        return "latin"
    return None


def _unify_word(word: str) -> str:
    scripts = [s for s in map(_script, word) if s]
    n_cyr, n_lat = scripts.count("cyrillic"), scripts.count("latin")
    if not n_cyr or not n_lat:
        return word
    to_cyr = all(_script(c) != "latin" or c in _LATIN_TO_CYRILLIC for c in word)
    to_lat = all(_script(c) != "cyrillic" or c in _CYRILLIC_TO_LATIN for c in word)
    if to_cyr and (not to_lat or n_cyr >= n_lat):
        return "".join(_LATIN_TO_CYRILLIC.get(c, c) for c in word)
    if to_lat:
        return "".join(_CYRILLIC_TO_LATIN.get(c, c) for c in word)
    return word


def normalize_text(value: str) -> str:
    """The comparison form of a typed answer.

    NFC, one script per word, one apostrophe, one dash, no quotes, case folded,
    single spaces, no trailing full stop.
    """
    text = unicodedata.normalize("NFC", value)
    text = _WORD.sub(lambda m: _unify_word(m.group(0)), text)
    text = text.translate(str.maketrans(_APOSTROPHES, "'" * len(_APOSTROPHES)))
    text = text.translate(str.maketrans(_DASHES, "-" * len(_DASHES)))
    text = text.translate(str.maketrans("", "", _QUOTES))
    text = " ".join(text.casefold().split())
    return text.rstrip(".!").strip()


_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")


def parse_number(value: str | float | int) -> float | None:
    """A typed number, with a decimal comma or point and spaces between thousands.

    Returns None when the text is not a number.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = unicodedata.normalize("NFKC", value).strip().replace("−", "-")
    text = re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)", "", text)
    if not _NUMBER.fullmatch(text):
        return None
    return float(text.replace(",", "."))
