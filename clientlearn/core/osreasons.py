"""Why the system refused to read or write a file, in Ukrainian and English.

Python words a failed read or write only in English (``OSError.strerror``, a codec's
message); :func:`os_reason` words it in every language, for a message that says what
went wrong, e.g. ``ClientlearnError.said(TABLE, key, error=os_reason(err))``.
"""

from __future__ import annotations

import errno

from clientlearn.core.i18n import LANGUAGES, translate

__all__ = ["REASONS", "os_reason"]

# Keyed by errno's name for the usual causes; "other" names any other errno.
REASONS: dict[str, dict[str, str]] = {
    "not_utf8": {
        "uk": "це не текст UTF-8 (байт {position})",
        "en": "not UTF-8 text (byte {position})",
    },
    "EACCES": {"uk": "немає дозволу", "en": "permission denied"},
    "EPERM": {"uk": "дію заборонено", "en": "operation not permitted"},
    "ENOSPC": {"uk": "на диску немає місця", "en": "no space left on the disk"},
    "EDQUOT": {"uk": "вичерпано квоту диска", "en": "disk quota exceeded"},
    "EROFS": {"uk": "диск лише для читання", "en": "the disk is read-only"},
    "EISDIR": {"uk": "це тека, а не файл", "en": "it is a folder, not a file"},
    "ENOENT": {"uk": "такого файлу чи теки немає", "en": "no such file or folder"},
    "other": {"uk": "системна помилка {code}", "en": "system error {code}"},
}


def os_reason(err: BaseException) -> dict[str, str]:
    """Why ``err`` (an OSError or a decoding error) happened, in every language."""
    if isinstance(err, UnicodeDecodeError):
        return {
            lang: translate(REASONS, "not_utf8", lang, position=err.start) for lang in LANGUAGES
        }
    number = getattr(err, "errno", None)
    code = errno.errorcode.get(number, type(err).__name__) if isinstance(number, int) else ""
    key = code if code in REASONS else "other"
    code = code or type(err).__name__
    return {lang: translate(REASONS, key, lang, code=code) for lang in LANGUAGES}
