"""Every message table of clientlearn has one shape and one lookup: key -> {uk, en},
read through core.i18n.translate (an unknown language falls back to Ukrainian, an
unknown key is an error), with the same fields in both languages."""

from __future__ import annotations

import ast
import importlib
import string
from pathlib import Path
from typing import Any

import pytest

from clientlearn.core.i18n import translate

PACKAGE = Path(__file__).resolve().parent.parent / "clientlearn"
TABLES = [
    ("clientlearn.core.i18n", "MESSAGES"),
    ("clientlearn.core.errors", "MESSAGES"),
    ("clientlearn.core.osreasons", "REASONS"),
    ("clientlearn.runtime.answertext", "MESSAGES"),
    ("clientlearn.grader.feedback", "MESSAGES"),
    ("clientlearn.runtime.groupwork.messages", "MESSAGES"),
    ("clientlearn.runtime.selfassess.messages", "MESSAGES"),
    ("clientlearn.trainer.report.words", "WORDS"),
    ("clientlearn.trainer.demo_words", "DEMO_WORDS"),
    ("clientlearn.trainer.report.quizstats_words", "WORDS"),
    ("clientlearn.trainer.report.quizstats_words", "GLOSSARY"),
    ("clientlearn.trainer.groupcards", "LABELS"),
    ("clientlearn.trainer.handbook_html", "LABELS"),
    ("clientlearn.trainer.export", "_LABELS"),
    ("clientlearn.trainer.certificates.pdf", "_TEXT"),
    ("clientlearn.cli.roster", "LABELS"),
    ("clientlearn.cli.results", "_MESSAGES"),
    ("clientlearn.cli.autograde", "WORDS"),
    ("clientlearn.cli.main", "MESSAGES"),
    ("clientlearn.cli.bank", "MESSAGES"),
    ("clientlearn.trainer.moodle.notes", "MESSAGES"),
    ("clientlearn.grader.journey_messages", "MESSAGES"),
    ("clientlearn.cli.release", "MESSAGES"),
    ("clientlearn.trainer.lite.messages", "MESSAGES"),
    ("clientlearn.cli.lite", "MESSAGES"),
    ("clientlearn.runtime.handin.messages", "MESSAGES"),
    ("clientlearn.cli.collect", "MESSAGES"),
    ("clientlearn.trainer.written.words", "WORDS"),
    ("clientlearn.cli.written", "MESSAGES"),
    ("clientlearn.trainer.results", "WARNINGS"),
    ("clientlearn.trainer.results", "ERRORS"),
    ("clientlearn.trainer.certificates.words", "ERRORS"),
    ("clientlearn.trainer.group_errors", "MESSAGES"),
    ("clientlearn.trainer.coursefacts", "FACTS_ERRORS"),
    ("clientlearn.trainer.handbook_words", "ERRORS"),
    ("clientlearn.trainer.authoring_words", "ERRORS"),
    ("clientlearn.trainer.groupwork.words", "ERRORS"),
    ("clientlearn.grader.feedback_labels", "LABELS"),
    ("clientlearn.grader.autograde.messages", "MESSAGES"),
    ("clientlearn.cli.base", "MESSAGES"),
    ("clientlearn.cli.clicktexts", "MESSAGES"),
    ("clientlearn.cli.helpwords", "COMMANDS"),
    ("clientlearn.cli.helpwords", "USAGE"),
    ("clientlearn.cli.optionwords", "OPTIONS"),
    ("clientlearn.core.yamlwords", "MESSAGES"),
    ("clientlearn.runtime.bankwords", "MESSAGES"),
    ("clientlearn.runtime.answershape_words", "MESSAGES"),
    ("clientlearn.runtime.selfassess.instrument_words", "MESSAGES"),
    ("clientlearn.core.tablewords", "MESSAGES"),
    ("clientlearn.core.tablewords", "KINDS"),
    ("clientlearn.trainer.roster_words", "MESSAGES"),
    ("clientlearn.trainer.roster_words", "FIELD_NAMES"),
]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize(("module", "name"), TABLES, ids=lambda v: str(v))
def test_table_is_bilingual_with_the_same_fields(module: str, name: str) -> None:
    table: dict[str, Any] = getattr(importlib.import_module(module), name)
    assert table
    for key, entry in table.items():
        assert set(entry) == {"uk", "en"}, f"{module}.{name}[{key!r}]: {sorted(entry)}"
        assert _fields(entry["uk"]) == _fields(entry["en"]), f"{module}.{name}[{key!r}]"


def test_every_lookup_goes_through_translate() -> None:
    # A table indexed by hand ([key][lang] or [lang][key]) would bring back its own fallback.
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Subscript)
                and isinstance(node.slice, ast.Name)
                and node.slice.id == "lang"
                and isinstance(node.value, ast.Subscript)
            ):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []


def test_the_fallback_rule() -> None:
    table = {"hi": {"uk": "Привіт, {name}", "en": "Hi, {name}"}}
    assert translate(table, "hi", "en", name="Оля") == "Hi, Оля"
    assert translate(table, "hi", "de", name="Оля") == "Привіт, Оля"  # unknown: Ukrainian
    with pytest.raises(KeyError):
        translate(table, "bye", "uk")
