"""Question banks: YAML files of bilingual questions, checked when they are loaded.

A bank is validated against the JSON Schema shipped in ``clientlearn/runtime/schema``
(editors can use it while authoring), then for what a schema cannot express:
unique ids, keys that name real options, ordering keys that cover every item once,
scenarios whose choices lead somewhere and, under path scoring, reward the right move
at every step (:mod:`clientlearn.runtime.scenariopaths`).  Every problem is reported with its
file, line and field, all at once, so an author fixes a bank in one pass.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from clientlearn.core.checkcache import checked_data
from clientlearn.core.errors import BankError, Problem, UnknownQuestionError
from clientlearn.core.i18n import LANGUAGES, translate
from clientlearn.core.textfiles import read_text

from .bankchecks import semantic_problems
from .bankwords import MESSAGES
from .questionbuild import build_question, local_text
from .questions import (
    LocalText,
    Question,
)

if TYPE_CHECKING:
    from clientlearn.core.yamlsource import Path_, Source

# What checks a bank: a change to any of these checks cached banks again.
CHECKERS = (
    "runtime/bank.py",
    "runtime/bankchecks.py",
    "runtime/questionbuild.py",
    "core/yamlsource.py",
    "runtime/schema/bank.schema.json",
    "runtime/questions.py",
    "runtime/questionbase.py",
    "runtime/scenario.py",
    "runtime/scenariopaths.py",
)


def _field(data: Any, path: Path_) -> str:
    """A readable field name: ``q3.options[2].id`` rather than a raw JSON path."""
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        try:
            qid = data["questions"][path[1]]["id"]
        except (KeyError, IndexError, TypeError):
            qid = None
        head = str(qid) if isinstance(qid, str) else f"questions[{path[1]}]"
        rest = path[2:]
    else:
        head, rest = "", path
    out = head
    for part in rest:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "bank"


def _parse(text: str, file: str) -> Source:
    # Imported here: a bank found in the check cache needs neither YAML nor the schema.
    from clientlearn.core.yamlsource import parse

    return parse(text, file, error=BankError, namer=_field)


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of a question bank (also shipped as ``schema/bank.schema.json``)."""
    text = (
        resources.files("clientlearn.runtime")
        .joinpath("schema/bank.schema.json")
        .read_text("utf-8")
    )
    result: dict[str, Any] = json.loads(text)
    return result


@dataclass(frozen=True)
class Bank:
    """A loaded, checked question bank."""

    id: str
    questions: Mapping[str, Question]
    title: LocalText | None = None
    lang: str = "uk"
    public: bool = False
    path: Path | None = None

    def __getitem__(self, qid: str) -> Question:
        try:
            return self.questions[qid]
        except KeyError:
            where = _in_file(self.path) if self.path else ""
            known = ", ".join(self.questions)
            raise UnknownQuestionError.said(
                MESSAGES, "unknown_question", qid=qid, where=where, known=known
            ) from None

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions.values())

    def __len__(self) -> int:
        return len(self.questions)


def _in_file(path: Path) -> dict[str, str]:
    return {lang: translate(MESSAGES, "in_file", lang, path=path) for lang in LANGUAGES}


def _read(path: Path) -> str:
    return read_text(path, error=BankError)


def _checked(text: str, file: str, *, require_keys: bool) -> Source:
    src = _parse(text, file)
    if not isinstance(src.data, dict):
        raise BankError([Problem.said(file, 1, "bank", MESSAGES, "not_a_bank")])
    from clientlearn.core.yamlsource import schema_problems

    problems = schema_problems(src, schema())
    if not problems:
        problems = semantic_problems(src, require_keys=require_keys)
    if problems:
        raise BankError(problems)
    return src


def check_bank(path: str | Path) -> list[Problem]:
    """All problems of a bank file (empty when it is valid).

    An instructor bank must carry a key for every graded question; a public
    (released) bank must carry none.
    """
    path = Path(path)
    try:
        _checked(_read(path), str(path), require_keys=True)
    except BankError as err:
        return err.problems
    return []


def checked_bank_data(text: str, file: str = "<bank>") -> Any:
    """The checked data of a bank's YAML text, what :func:`parse_bank` builds from
    (and the check cache keeps); raises BankError listing every problem."""
    return _checked(text, file, require_keys=False).data


def parse_bank(text: str, file: str = "<bank>", path: Path | None = None) -> Bank:
    """A bank from YAML text; raises BankError listing every problem."""
    data = checked_data("bank", text, CHECKERS, lambda: checked_bank_data(text, file))
    questions = {q["id"]: build_question(q) for q in data["questions"]}
    return Bank(
        id=data["bank"],
        questions=MappingProxyType(questions),  # read-only: loaded banks are shared
        title=local_text(data.get("title")),
        lang=data.get("lang", "uk"),
        public=bool(data.get("public", False)),
        path=path,
    )


def load_bank(path: str | Path) -> Bank:
    """Load and check a bank file; raises BankError listing every problem.

    A notebook's test cells load the same bank many times in one kernel, so a
    loaded bank (immutable) is reused while the file's size and time are unchanged.
    """
    path = Path(path)
    try:
        stat = path.stat()
    except OSError:
        return parse_bank(_read(path), str(path), path)
    return _load_unchanged(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _load_unchanged(path: str, mtime_ns: int, size: int) -> Bank:
    return parse_bank(_read(Path(path)), path, Path(path))


def public_yaml(text: str, file: str = "<bank>") -> str:
    """The participants' copy of a bank: graded keys, graded explanations, ending
    scores and choice qualities removed, marked ``public: true``.  Comments are not kept."""
    data = _checked(text, file, require_keys=False).data
    out = {k: v for k, v in data.items() if k != "questions"}
    out["public"] = True
    questions = []
    for q in data["questions"]:
        if q.get("mode", "graded") == "graded" and q["type"] != "rating":
            q = {k: v for k, v in q.items() if k not in ("key", "explanation")}
            if q["type"] == "scenario":
                q["endings"] = [{k: v for k, v in e.items() if k != "score"} for e in q["endings"]]
                q["nodes"] = [
                    {
                        **n,
                        "choices": [
                            {k: v for k, v in c.items() if k != "quality"} for c in n["choices"]
                        ],
                    }
                    for n in q["nodes"]
                ]
        questions.append(q)
    out["questions"] = questions
    import yaml

    header = (
        "# Participants' copy, made by clientlearn from the instructor's bank: no graded keys.\n"
    )
    return header + yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=100)


__all__ = ["Bank", "check_bank", "checked_bank_data", "load_bank", "parse_bank", "public_yaml"]
