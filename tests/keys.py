"""What "a graded key" is, for every test that checks that none reaches a participant.

A graded question (``mode: graded``, with a key: every type but ``rating``) gives its
answer away through the two places its answer is written down (a hidden test only calls
``score("ID")`` and holds no key; the tests of each artifact check for hidden tests
separately):

* its **key in a bank**: a YAML or JSON mapping with the question's ``id`` that holds a
  ``key``, an ``explanation``, ending ``score``s, a choice's ``quality`` (a path-scored
  scenario's moves), or one of a short-text question's
  accepted variants (lessons may use the term a recall question asks for; what must not
  travel is the answer next to its own question);
* its **explanation**, which names the right answer.  Feedback shows explanations on
  purpose, after grading: pass ``explanations=False`` there.

:func:`key_leaks` finds each of these in a set of files; the release of both modules
(tests/test_course_modules.py, tests/test_nbgrader_e2e.py), the feedback
(tests/test_feedback.py), the handbook (tests/test_handbook.py) and the wheel and sdist
(tests/test_key_leak.py) are all checked with it.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import yaml

from clientlearn.bank import Bank
from clientlearn.questions import Mode, Question, ShortText

# An explanation line shorter than this ("Так.") could turn up anywhere by chance.
MIN_LINE = 20


def graded(bank: Bank) -> list[Question]:
    """The questions whose key must stay with the trainer."""
    return [q for q in bank if q.mode is Mode.GRADED and q.has_key]


def explanation_lines(q: Question) -> list[str]:
    """The lines of a question's explanations (every language) long enough to search for."""
    lines = (ln.strip() for text in (q.explanation or {}).values() for ln in text.splitlines())
    return [ln for ln in lines if len(ln) >= MIN_LINE]


def _documents(name: str, text: str) -> list[Any]:
    """The data in a YAML, JSON or notebook file (nothing for other files)."""
    try:
        if name.endswith((".json", ".ipynb")):
            return [json.loads(text)]
        if name.endswith((".yaml", ".yml")):
            return list(yaml.safe_load_all(text))
    except (ValueError, yaml.YAMLError):
        pass
    return []


def _mappings(data: Any) -> Iterator[Mapping[str, Any]]:
    if isinstance(data, Mapping):
        yield data
        for value in data.values():
            yield from _mappings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _mappings(value)


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, Mapping):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def _bank_leak(q: Question, entry: Mapping[str, Any]) -> str | None:
    for field in ("key", "explanation"):
        if field in entry:
            return f"its {field}"
    if any(isinstance(e, Mapping) and "score" in e for e in entry.get("endings") or ()):
        return "its ending scores"
    nodes = [n for n in entry.get("nodes") or () if isinstance(n, Mapping)]
    if any(
        isinstance(c, Mapping) and "quality" in c for n in nodes for c in n.get("choices") or ()
    ):
        return "its choice qualities"
    if isinstance(q, ShortText):
        shown = [s.casefold() for s in _strings({k: v for k, v in entry.items() if k != "id"})]
        for variant in q.key or ():
            if any(variant.casefold() in s for s in shown):
                return f"the accepted answer {variant!r}"
    return None


def key_leaks(
    files: Mapping[str, str], banks: Iterable[Bank], *, explanations: bool = True
) -> list[str]:
    """Every graded key found in ``files`` (name -> text), as "FILE: QUESTION: what"."""
    questions = {q.id: q for bank in banks for q in graded(bank)}
    found: list[str] = []
    for name, text in files.items():
        documents = _documents(name, text)
        for entry in (m for data in documents for m in _mappings(data)):
            qid = entry.get("id")
            q = questions.get(qid) if isinstance(qid, str) else None
            what = _bank_leak(q, entry) if q is not None else None
            if what:
                found.append(f"{name}: {qid}: {what}")
        if explanations:
            # The text as it is (HTML escapes its quotes) and every string of its data.
            haystack = "\n".join([text, html.unescape(text), *_strings(documents)])
            for q in questions.values():
                if any(line in haystack for line in explanation_lines(q)):
                    found.append(f"{name}: {q.id}: its explanation")
    return found
