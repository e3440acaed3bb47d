"""Ukrainian → Latin by the national system, and the ASCII student ids made with it.

The table is that of the Cabinet of Ministers resolution No. 55 of 27 January 2010
("Про впорядкування транслітерації українського алфавіту латиницею"), the one used
in Ukrainian passports:

* Є, Ї, Й, Ю, Я are Ye, Yi, Y, Yu, Ya at the start of a word and ie, i, i, iu, ia
  elsewhere (Єнакієве → Yenakiieve, Їжакевич → Yizhakevych, Яготин → Yahotyn);
* «зг» is «zgh» (Згорани → Zghorany), so that it is not read as «ж»;
* the soft sign and the apostrophe are dropped (Мар’яна → Mariana); an apostrophe
  does not start a new word (Короп’є → Koropie, Мар’їне → Marine).

The resolution covers the Ukrainian alphabet only.  Rosters sometimes carry Ё, Ы,
Э, Ъ from Russian spelling; they are mapped like their nearest Ukrainian letters
(io/yo, y, e, nothing) so an id can still be made.  Latin letters with accents
lose them in ids (Jürgen → jurgen).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "APOSTROPHE",
    "APOSTROPHES",
    "one_apostrophe",
    "student_id",
    "to_ascii_id",
    "transliterate",
]

# Every apostrophe seen in Ukrainian names typed on different keyboards: the
# typewriter ', the typographic ’ and the modifier letter ʼ, plus look-alikes.
APOSTROPHES = frozenset("'’ʼ‘`´ʹ")
# The one the project writes (roster import, report, export, certificates).
APOSTROPHE = "’"
_IN_WORD = re.compile(f"(?<=\\w)[{re.escape(''.join(sorted(APOSTROPHES)))}](?=\\w)")

_LETTERS: dict[str, str] = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "є": "ie",
    "ж": "zh",
    "з": "z",
    "и": "y",
    "і": "i",
    "ї": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    "ю": "iu",
    "я": "ia",
    # Not in the resolution (see the module docstring).
    "ё": "io",
    "ы": "y",
    "э": "e",
    "ъ": "",
}

_WORD_INITIAL: dict[str, str] = {
    "є": "ye",
    "ї": "yi",
    "й": "y",
    "ю": "yu",
    "я": "ya",
    "ё": "yo",
}

_NOT_ID = re.compile(r"[^a-z0-9]+")


def _cased(latin: str, upper_word: bool) -> str:
    # Щ → "Shch" in a capitalised word, "SHCH" in an all-capitals one (ЩЕРБАК).
    return latin.upper() if upper_word else latin.capitalize()


def transliterate(text: str) -> str:
    """``text`` with every Ukrainian letter written in Latin letters; other
    characters (Latin letters, digits, spaces, hyphens) are kept as they are."""
    text = unicodedata.normalize("NFC", text)  # a decomposed й (и + breve) is still й
    out: list[str] = []
    in_word = False
    previous = ""
    for i, ch in enumerate(text):
        after = text[i + 1] if i + 1 < len(text) else ""
        if ch in APOSTROPHES and in_word and after.isalpha():
            continue  # dropped, and the word goes on: Короп’є → Koropie
        low = ch.lower()
        latin = _LETTERS.get(low)
        if latin is None:
            out.append(ch)
        else:
            if not in_word and low in _WORD_INITIAL:
                latin = _WORD_INITIAL[low]
            elif low == "г" and previous == "з":
                latin = "gh"
            if ch != low and latin:
                before = text[i - 1] if i > 0 else ""
                upper_word = (after.isalpha() and after.isupper()) or (
                    before.isalpha() and before.isupper() and not after.islower()
                )
                latin = _cased(latin, upper_word)
            out.append(latin)
        in_word = ch.isalpha()
        previous = low if in_word else ""
    return "".join(out)


def one_apostrophe(text: str) -> str:
    """``text`` with every apostrophe inside a word written as :data:`APOSTROPHE`
    (Мар'яна, Мар’яна and Марʼяна are all Мар’яна); quotes around words are kept."""
    return _IN_WORD.sub(APOSTROPHE, unicodedata.normalize("NFC", text))


def to_ascii_id(text: str) -> str:
    """``text`` as lower-case ASCII ``[a-z0-9_]``: transliterated, accents dropped,
    every other run of characters (spaces, hyphens…) one ``_``; may be empty."""
    latin = unicodedata.normalize("NFKD", transliterate(text))
    plain = "".join(ch for ch in latin if not unicodedata.combining(ch)).lower()
    return _NOT_ID.sub("_", plain).strip("_")


def student_id(last_name: str, first_name: str) -> str:
    """``surname_firstname`` in ASCII (Коваленко, Людмила → ``kovalenko_liudmyla``);
    empty if neither name has a letter or digit that can be written in ASCII."""
    return "_".join(part for part in (to_ascii_id(last_name), to_ascii_id(first_name)) if part)
