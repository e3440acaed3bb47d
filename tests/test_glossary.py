"""The course's glossary (course/glossary.yaml) is well formed, and no bank or lesson of
either module uses a variant it says to avoid (whole words or phrases, any case, in the
Ukrainian and English texts)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
GLOSSARY = REPO / "course" / "glossary.yaml"
BANKS = sorted(REPO.glob("module*/questions.yaml"))
LESSONS = sorted((REPO / "course" / "lessons").rglob("*.md"))
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'"})
# Code is not prose: fenced blocks and inline spans of a lesson are not checked.
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)


@cache
def terms() -> list[dict[str, Any]]:
    return list(yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))["terms"])


def avoided() -> list[tuple[str, str]]:
    """(variant, the term to use instead) for every variant the glossary lists."""
    return [(v, f"{t['uk']} / {t['en']}") for t in terms() for v in t.get("avoid", [])]


def pattern(variant: str) -> re.Pattern[str]:
    """A whole word or phrase, any case, any run of spaces between its words."""
    words = [re.escape(w) for w in variant.translate(_APOSTROPHES).split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def texts(data: Any, where: tuple[str, ...] = ()) -> Iterator[tuple[str, str]]:
    """(where, text) for every Ukrainian and English text of a bank, where being the ids
    on the way to it (question, option, node…) and the language."""
    if isinstance(data, dict):
        here = (*where, data["id"]) if isinstance(data.get("id"), str) else where
        for key, value in data.items():
            if key in ("uk", "en") and isinstance(value, str):
                yield ".".join((*here, key)), value
            else:
                yield from texts(value, here)
    elif isinstance(data, list):
        for value in data:
            yield from texts(value, where)


def uses(text: str) -> list[str]:
    text = text.translate(_APOSTROPHES)
    return [
        f"«{m.group(0)}» (use {instead})"
        for v, instead in avoided()
        for m in [pattern(v).search(text)]
        if m
    ]


def test_glossary_is_well_formed() -> None:
    seen: set[str] = set()
    for t in terms():
        assert isinstance(t.get("uk"), str) and isinstance(t.get("en"), str), t
        assert set(t) <= {"uk", "en", "note", "avoid"}, f"{t['uk']}: unknown fields"
        assert t["uk"] not in seen, f"{t['uk']} is listed twice"
        seen.add(t["uk"])
        note = t.get("note", {"uk": "", "en": ""})
        assert set(note) == {"uk", "en"}, f"{t['uk']}: a note has uk and en"
        assert all(isinstance(v, str) and v.strip() for v in t.get("avoid", [])), t["uk"]
    # A term the glossary recommends must not be a variant it forbids.
    for t in terms():
        for field in ("uk", "en"):
            assert not uses(t[field]), f"{t['uk']}.{field} uses {uses(t[field])}"


def test_the_check_finds_whole_words_only() -> None:
    found = uses("Абонента попросили зачекати; the users' cards; Давайте   поговоримо!")
    assert len(found) == 3, found
    assert not uses("абонемент, абонементу; the patron’s card; не давайте обіцянок")
    assert not uses("бібліотека, зорієнтована на клієнта; клієнтоорієнтованої")


@pytest.mark.parametrize("bank", BANKS, ids=lambda p: str(p.relative_to(REPO)))
def test_bank_uses_the_glossary(bank: Path) -> None:
    data = yaml.safe_load(bank.read_text(encoding="utf-8"))
    wrong = [f"{where}: {u}" for where, text in texts(data["questions"]) for u in uses(text)]
    assert not wrong, f"{bank.relative_to(REPO)}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: str(p.relative_to(REPO)))
def test_lesson_uses_the_glossary(lesson: Path) -> None:
    text = _CODE.sub(" ", lesson.read_text(encoding="utf-8"))
    wrong = [
        f"line {n}: {u}" for n, line in enumerate(text.splitlines(), start=1) for u in uses(line)
    ]
    assert not wrong, f"{lesson.relative_to(REPO)}:\n" + "\n".join(wrong)
