"""A Moodle XML or GIFT file into a clientlearn bank that passes ``bank check``.

Each Moodle question becomes the clientlearn type nearest to it; where the two grade
differently, or the file holds what a bank cannot (an image, feedback on single
answers, partial credit of a single choice, a Moodle type without an equivalent), a
:class:`~.notes.Note` names the file, line and question.  Malformed files are an
:class:`~clientlearn.core.errors.InputFileError` naming the line.  The question's ID
number (XML ``<idnumber>``, GIFT ``// [id:…]``) becomes its id when it is a valid one;
the category a question came from is kept as a YAML comment above it.  Texts land in
``uk``, the language every bank must have.
"""

from __future__ import annotations

import contextlib
import os
import re
import string
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clientlearn.core.errors import ClientlearnError, InputFileError
from clientlearn.core.translit import transliterate

from .gift import read_gift
from .notes import Note, Shares, Word, problem, say
from .records import (
    MATCHING,
    MULTICHOICE,
    NUMERICAL,
    ORDERING,
    ORDERING_GRADING,
    SHORTANSWER,
    TRUEFALSE,
    Answer,
    Record,
)
from .xmlformat import read_xml

_VALID_ID = re.compile(r"^[A-Za-z0-9_.-]{1,80}$")
_FULL = 0.999  # a fraction this high is full credit (Moodle stores 1.0000000)


@dataclass(frozen=True)
class Imported:
    """What an import wrote and what it could not carry."""

    path: Path
    count: int
    notes: tuple[Note, ...]


def _letters(n: int) -> list[str]:
    letters = string.ascii_lowercase
    return [letters[i] if i < len(letters) else f"o{i + 1}" for i in range(n)]


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _slug(text: str) -> str:
    latin = transliterate(text).lower()
    return re.sub(r"[^a-z0-9]+", "_", latin).strip("_")[:40].strip("_")


class _Converter:
    def __init__(self, file: str, lang: str) -> None:
        self.file, self.lang = file, lang
        self.used: set[str] = set()
        self.notes: list[Note] = []

    def note(self, record: Record, question: str, key: str, **values: object) -> None:
        self.notes.append(Note(f"{self.file}:{record.line}", question, key, values))

    def ident(self, record: Record, n: int) -> str:
        given = record.idnumber
        if _VALID_ID.match(given) and given not in self.used:
            qid = given
        else:
            qid = _slug(record.name) or f"q{n}"
            if qid in self.used or not _VALID_ID.match(qid):
                qid = f"q{n}"
            while qid in self.used:
                qid += "_"
            if given:
                self.note(record, qid, "id_renamed", given=given, qid=qid)
        self.used.add(qid)
        return qid

    def question(self, record: Record, n: int) -> dict[str, Any] | None:
        build = {
            MULTICHOICE: self.choices,
            TRUEFALSE: self.truefalse,
            SHORTANSWER: self.shortanswer,
            NUMERICAL: self.numerical,
            MATCHING: self.matching,
            ORDERING: self.ordering,
        }.get(record.qtype)
        label = record.idnumber or record.name
        if build is None:
            self.note(record, label, "skip_type", qtype=record.qtype)
            return None
        q: dict[str, Any] = {"id": "", "type": ""}
        specific = build(record, label)
        if specific is None:
            return None
        q["id"] = qid = self.ident(record, n)
        for note in self.notes:  # notes made before the id was known name it
            if note.question == label and note.where == f"{self.file}:{record.line}":
                self.notes[self.notes.index(note)] = Note(note.where, qid, note.key, note.values)
        q["type"] = specific.pop("type")
        points = 1.0 if record.grade is None else record.grade
        if points == 0:
            q["mode"] = "selfcheck"
            self.note(record, qid, "zero_points")
        q["points"] = _number(points)
        if record.name and record.name != qid:
            q["title"] = {"uk": record.name}
        text = record.text
        if not text:
            text = record.name or qid
            self.note(record, qid, "empty_text")
        q["text"] = {"uk": text}
        if record.feedback:
            q["explanation"] = {"uk": record.feedback}
        q.update(specific)
        for what in dict.fromkeys(record.lost):
            self.note(record, qid, "media_lost", what=Word(what))
        if any(a.feedback.strip() for a in record.answers):
            self.note(record, qid, "answer_feedback_lost")
        return q

    # --- the types -----------------------------------------------------------
    def _too_few(self, record: Record, label: str, what: str) -> None:
        self.note(record, label, "skip_too_few", what=Word(what))

    def choices(self, record: Record, label: str) -> dict[str, Any] | None:
        answers = record.answers
        if len(answers) < 2:
            self._too_few(record, label, "options")
            return None
        ids = _letters(len(answers))
        options = [
            {"id": i, "text": {"uk": a.text or f"({i})"}} for i, a in zip(ids, answers, strict=True)
        ]
        fractions = [a.fraction for a in answers]
        if max(fractions) <= 0:
            self.note(record, label, "skip_unkeyed")
            return None
        if record.single:
            best = max(fractions)
            full = [i for i, f in zip(ids, fractions, strict=True) if f == best]
            key_text = answers[ids.index(full[0])].text
            if best < _FULL:
                self.note(record, label, "single_not_full", text=key_text, percent=best * 100)
            if len(full) > 1:
                self.note(record, label, "single_several_full", text=key_text)
            partial = [i for i, f in zip(ids, fractions, strict=True) if 0 < f < best or f < 0]
            if partial:
                self.note(record, label, "partial_lost", options=", ".join(partial))
            return {"type": "single", "options": options, "key": full[0]}
        right = [i for i, f in zip(ids, fractions, strict=True) if f > 0]
        k = len(right)
        fits = all(abs(f - (1 / k if f > 0 else -1 / k)) < 0.01 for f in fractions)
        if not fits:
            shares = Shares(tuple(zip(ids, fractions, strict=True)))
            self.note(record, label, "multiple_rule", fractions=shares)
        return {"type": "multiple", "options": options, "key": right}

    def truefalse(self, record: Record, label: str) -> dict[str, Any] | None:
        true = next((a for a in record.answers if a.text.lower() == "true"), None)
        false = next((a for a in record.answers if a.text.lower() == "false"), None)
        if true is None and false is None:
            self.note(record, label, "skip_unkeyed")
            return None
        key = (true.fraction if true else 0.0) >= (false.fraction if false else 0.0)
        return {"type": "truefalse", "key": key}

    def shortanswer(self, record: Record, label: str) -> dict[str, Any] | None:
        accepted: list[str] = []
        partial: list[str] = []
        for a in record.answers:
            if "*" in a.text and a.fraction > 0:
                self.note(record, label, "wildcard_dropped", text=a.text)
            elif a.fraction >= _FULL and a.text:
                accepted.append(a.text)
            elif a.fraction > 0:
                partial.append(a.text)
        if partial:
            self.note(record, label, "partial_lost", options=", ".join(f"«{p}»" for p in partial))
        if not accepted:
            self.note(record, label, "skip_unkeyed")
            return None
        if record.usecase:
            self.note(record, label, "case_ignored")
        return {"type": "text", "key": list(dict.fromkeys(accepted))}

    def _value(self, record: Record, answer: Answer) -> float:
        try:
            return float(answer.text.replace(",", "."))
        except ValueError:
            raise InputFileError(
                [
                    problem(
                        self.file, record.line, "answer", "xml_number", self.lang, value=answer.text
                    )
                ]
            ) from None

    def numerical(self, record: Record, label: str) -> dict[str, Any] | None:
        real = [a for a in record.answers if a.text not in ("", "*")]
        full = [a for a in real if a.fraction >= _FULL]
        if not full:
            self.note(record, label, "skip_unkeyed")
            return None
        key = self._value(record, full[0])
        others = [a.text for a in real if a is not full[0] and a.fraction > 0]
        if others:
            self.note(record, label, "numeric_more", value=key, others=", ".join(others))
        out: dict[str, Any] = {
            "type": "numeric",
            "key": _number(key),
            "tolerance": _number(abs(full[0].tolerance)),
        }
        if record.unit:
            out["unit"] = {"uk": record.unit}
        return out

    def matching(self, record: Record, label: str) -> dict[str, Any] | None:
        pairs = [p for p in record.pairs if p.text]
        answers = list(dict.fromkeys(p.answer for p in record.pairs if p.answer))
        if len(pairs) < 2:
            self._too_few(record, label, "items")
            return None
        if len(answers) < 2:
            self._too_few(record, label, "bins")
            return None
        bins = {text: f"b{n}" for n, text in enumerate(answers, 1)}
        items = [{"id": f"i{n}", "text": {"uk": p.text}} for n, p in enumerate(pairs, 1)]
        key = {f"i{n}": bins[p.answer] for n, p in enumerate(pairs, 1)}
        bin_list = [{"id": b, "text": {"uk": text}} for text, b in bins.items()]
        return {"type": "matching", "items": items, "bins": bin_list, "key": key}

    def ordering(self, record: Record, label: str) -> dict[str, Any] | None:
        answers = sorted(record.answers, key=lambda a: a.fraction)
        if len(answers) < 2:
            self._too_few(record, label, "items")
            return None
        if record.grading != ORDERING_GRADING:
            self.note(record, label, "ordering_grading", grading=record.grading or "—")
        if not record.select_all:
            self.note(record, label, "ordering_subset", count=len(answers))
        items = [{"id": f"i{n}", "text": {"uk": a.text}} for n, a in enumerate(answers, 1)]
        return {"type": "ordering", "items": items, "key": [i["id"] for i in items]}


def _category_title(path: str) -> str:
    """The last named level of a Moodle category path (``$course$/top/Модуль 1``)."""
    parts = [p.replace("//", "/") for p in re.split(r"(?<!/)/(?!/)", path)]
    named = [
        p.strip()
        for p in parts
        if p.strip()
        and p.strip() not in ("$course$", "$system$", "$module$", "$coursecategory$", "top")
    ]
    return named[-1] if named else ""


def bank_yaml(
    bank_id: str, title: str, questions: list[tuple[str, dict[str, Any]]], source: str
) -> str:
    """The bank's YAML: each question after a comment naming its Moodle category
    (where the category changes)."""
    import yaml

    def dump(value: Any) -> str:
        return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=100)

    head = {"bank": bank_id, "title": {"uk": title}, "lang": "uk"}
    out = [
        f"# Imported by clientlearn from {source}: texts are in uk; add en where you can.\n",
        dump(head),
        "questions:\n",
    ]
    category = None
    for cat, q in questions:
        if cat != category:
            out.append(f"# Moodle category: {cat or '—'}\n")
            category = cat
        out.append(dump([q]))
    return "".join(out)


def _read(source: Path, fmt: str | None, lang: str) -> tuple[str, list[Record]]:
    try:
        data = source.read_bytes()
    except OSError as err:
        raise ClientlearnError(
            say("unreadable", lang, file=source, reason=err.strerror or err)
        ) from None
    kind = fmt or {".xml": "moodle-xml", ".gift": "gift", ".txt": "gift"}.get(source.suffix.lower())
    if kind is None:
        kind = "moodle-xml" if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") else "gift"
    if kind == "moodle-xml":
        return kind, read_xml(data, str(source), lang)
    if kind != "gift":
        raise ClientlearnError(say("unknown_format", lang, fmt=kind, choices="moodle-xml, gift"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputFileError([problem(str(source), line, "file", "not_utf8", lang)]) from None
    return kind, read_gift(text, str(source), lang)


def _write_checked(out: Path, text: str, lang: str) -> None:
    """Write ``text`` to ``out`` only if it passes ``bank check``."""
    from clientlearn.runtime.bank import check_bank

    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".yaml", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        problems = check_bank(tmp)
        if problems:
            raise ClientlearnError(
                say("not_checked", lang, problems="\n".join(p.text(lang) for p in problems))
            )
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def import_bank(
    source: str | Path, out: str | Path, *, lang: str = "uk", fmt: str | None = None
) -> Imported:
    """Import the Moodle XML or GIFT file ``source`` (by its extension, else its first
    character, unless ``fmt`` says) into the bank file ``out``, checked."""
    source, out = Path(source), Path(out)
    kind, records = _read(source, fmt, lang)
    converter = _Converter(str(source), lang)
    questions = []
    for n, record in enumerate(records, 1):
        q = converter.question(record, n)
        if q is not None:
            questions.append((record.category, q))
    if kind == "gift" and any(r.grade is None for r in records):
        converter.notes.insert(0, Note(str(source), "", "gift_points"))
    if not questions:
        raise ClientlearnError(f"{source}: {say('nothing_imported', lang)}")
    title = next((t for c, _ in questions if (t := _category_title(c))), "") or source.stem
    bank_id = _slug(source.stem) or "moodle"
    _write_checked(out, bank_yaml(bank_id, title, questions, source.name), lang)
    return Imported(out, len(questions), tuple(converter.notes))
