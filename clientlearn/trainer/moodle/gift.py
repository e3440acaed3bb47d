"""GIFT, Moodle's text format for questions: a writer and a small parser of our own.

The syntax is Moodle's ``question/format/gift/format.php``: a question per block
(blocks are separated by a blank line), ``::name::`` then the text, the answers between
``{`` and ``}`` (``=right``, ``~wrong``, ``~%50%partly``, ``#feedback``, ``####general
feedback``, ``{T}``/``{FALSE}``, ``{#value:margin}``, ``{=item -> answer}``),
``$CATEGORY: path``, ``// comments``, and ``\\`` before any of ``~ = # { } :`` to
write it literally.  Moodle reads ``// [id:…]`` as the question's ID number; this
writer adds ``// points: N`` (Moodle ignores it: GIFT has no marks), which
:func:`read_gift` reads back.  The ordering question's own GIFT form,
``{>N ALL VERTICAL GRADING SHOW`` and an item per line, comes from Moodle's ordering
question type (standard since Moodle 4.4).  Texts are written as ``[html]``, escaped
by :mod:`.htmltext`.

No kept-up Python library parses GIFT (``pygiftparser`` on PyPI has had no release
since 2017 and handles neither the ordering form nor ``[id:]``), so this module
follows Moodle's own reading rules, and names the line of anything it cannot read.
"""

from __future__ import annotations

import re

from clientlearn.core.errors import InputFileError

from .htmltext import to_html, to_text
from .notes import Note, problem
from .records import (
    MATCHING,
    MULTICHOICE,
    NUMERICAL,
    ORDERING,
    SHORTANSWER,
    TRUEFALSE,
    Answer,
    Pair,
    Record,
)

# ------------------------------------------------------------------- writing

_RESERVED = str.maketrans(
    {"\\": "\\\\", "#": "\\#", "=": "\\=", "~": "\\~", "{": "\\{", "}": "\\}", ":": "\\:",
     "\n": "\\n", "\r": ""}
)  # fmt: skip


def _esc(text: str) -> str:
    return text.translate(_RESERVED)


def _html(text: str) -> str:
    return _esc(to_html(text)) if text.strip() else ""


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _feedback(record: Record) -> list[str]:
    return [f"\t####{_html(record.feedback)}"] if record.feedback.strip() else []


def _body(record: Record, notes: list[Note]) -> list[str]:
    where = record.idnumber
    if record.qtype == MULTICHOICE:
        lines = []
        for a in record.answers:
            if record.single:
                mark = "=" if a.fraction == 1 else "~"
            else:
                mark = f"~%{a.percent or _number(a.fraction * 100)}%"
            lines.append(f"\t{mark}{_html(a.text)}")
        return ["{", *lines, *_feedback(record), "}"]
    if record.qtype == TRUEFALSE:
        right = next(a.text for a in record.answers if a.fraction == 1)
        tail = f"####{_html(record.feedback)}" if record.feedback.strip() else ""
        return ["{" + ("TRUE" if right == "true" else "FALSE") + tail + "}"]
    if record.qtype == SHORTANSWER:
        return ["{", *(f"\t={_esc(a.text)}" for a in record.answers), *_feedback(record), "}"]
    if record.qtype == NUMERICAL:
        if record.unit:
            notes.append(Note(where, "", "gift_no_unit", {"unit": record.unit}))
        lines = [f"\t={_esc(a.text)}:{_number(a.tolerance)}" for a in record.answers]
        return ["{#", *lines, *_feedback(record), "}"]
    if record.qtype == MATCHING:
        for text in {t for p in record.pairs for t in (p.text, p.answer) if "->" in t}:
            notes.append(Note(where, "", "gift_arrow", {"text": text}))
        pairs = [f"\t={_html(p.text)} -> {_esc(p.answer)}" for p in record.pairs]
        return ["{", *pairs, *_feedback(record), "}"]
    assert record.qtype == ORDERING
    if record.feedback.strip():
        notes.append(Note(where, "", "gift_no_explanation"))
    for a in record.answers:
        if set(a.text) & set("{}\n"):
            notes.append(Note(where, "", "gift_ordering_item", {"text": a.text}))
    head = f"{{>{len(record.answers)} ALL VERTICAL {record.grading} SHOW"
    # Moodle's ordering type reads each line as it stands: no GIFT escapes.
    return [head, *(a.text for a in record.answers), "}"]


def write_gift(records: list[Record], category: str) -> tuple[str, list[Note]]:
    """The records as a GIFT file under one category, and notes on what GIFT cannot hold."""
    notes: list[Note] = []
    out = [f"$CATEGORY: {category}", ""]
    for record in records:
        grade = 1.0 if record.grade is None else record.grade
        out += [f"// [id:{record.idnumber}]", f"// points: {_number(grade)}"]
        body = _body(record, notes)
        head = f"::{_esc(record.name)}::[html]{_html(record.text)}"
        out += [head + body[0], *body[1:], ""]
    return "\n".join(out), notes


# ------------------------------------------------------------------- reading

# An escaped character becomes a private-use placeholder while the structure is read.
_HIDE = {"\\": "\ue000", ":": "\ue001", "#": "\ue002", "=": "\ue003", "{": "\ue004",
         "}": "\ue005", "~": "\ue006", "n": "\ue007"}  # fmt: skip
_SHOW = str.maketrans({v: ("\n" if k == "n" else k) for k, v in _HIDE.items()})
_ESCAPED = re.compile(r"\\([\\:#={}~n])")
_FORMAT = re.compile(r"^\[(html|plain|markdown|moodle)\]")
_WEIGHT = re.compile(r"^%([^%]*)%")
_ID = re.compile(r"^//\s*\[id:(.*)\]\s*$")
_POINTS = re.compile(r"^//\s*points:\s*([0-9.,]+)\s*$")
_TF = {"T": True, "TRUE": True, "F": False, "FALSE": False}


def _hide(text: str) -> str:
    return _ESCAPED.sub(lambda m: _HIDE[m.group(1)], text)


class _Block:
    """One question's lines, read with Moodle's rules."""

    def __init__(self, text: str, line: int, file: str, lang: str) -> None:
        self.text, self.line, self.file, self.lang = text, line, file, lang

    def fail(self, at: int, what: str, key: str, **values: object) -> InputFileError:
        line = self.line + self.text[:at].count("\n")
        return InputFileError([problem(self.file, line, what, key, self.lang, **values)])

    def plain(self, text: str, fmt: str, record: Record) -> str:
        """A text of the file (placeholders still in) as plain text; an own
        ``[format]`` prefix wins over ``fmt``."""
        text = text.strip()
        found = _FORMAT.match(text)
        if found:
            fmt, text = found.group(1), text[found.end() :]
        text = text.translate(_SHOW).strip()
        if fmt in ("plain", "markdown"):
            return text
        if fmt == "moodle":  # Moodle's auto-format: a line break is a line break
            text = text.replace("\n", "<br>")
        plain, lost = to_text(text)
        record.lost.extend(lost)
        return plain

    def number(self, text: str, at: int, key: str) -> float:
        try:
            return float(text.translate(_SHOW).strip().replace(",", "."))
        except ValueError:
            raise self.fail(at, "answer", key, value=text.translate(_SHOW).strip()) from None

    def weight(self, answer: str, at: int, default: float) -> tuple[float, str]:
        found = _WEIGHT.match(answer)
        if not found:
            return default, answer
        return self.number(found.group(1), at, "gift_weight") / 100, answer[found.end() :]

    def record(self, category: str, idnumber: str, points: float | None) -> Record | None:
        text = self.text
        name = ""
        if text.startswith("::"):
            end = text.find("::", 2)
            if end >= 0:
                name, text = text[2:end].translate(_SHOW).strip(), text[end + 2 :]
        offset = len(self.text) - len(text)
        opening, closing = text.find("{"), text.find("}")
        record = Record("", name, "", line=self.line, idnumber=idnumber, grade=points)
        record.category = category
        if opening < 0 and closing < 0:
            record.qtype = "description"
            return record
        if opening < 0 or closing < opening:
            raise self.fail(offset + max(opening, closing), "braces", "gift_braces")
        answer, after = text[opening + 1 : closing].strip(), text[closing + 1 :].strip()
        question = text[:opening] + (" _____ " + after if after else "")
        general = answer.rfind("####")
        fmt_found = _FORMAT.match(question.strip())
        fmt = fmt_found.group(1) if fmt_found else "moodle"
        if general >= 0:
            record.feedback = self.plain(answer[general + 4 :], fmt, record)
            answer = answer[:general].strip()
        record.text = self.plain(question, fmt, record)
        at = offset + opening
        self.answers(record, answer, fmt, at)
        return record

    def answers(self, record: Record, answer: str, fmt: str, at: int) -> None:
        if answer.startswith(">"):
            return self.ordering(record, answer)
        if not answer:
            record.qtype = "essay"
        elif answer.startswith("#"):
            self.numerical(record, answer[1:], at)
        elif "~" in answer:
            record.qtype, record.single = MULTICHOICE, "=" in answer
            for part in _split(answer.replace("=", "~="), "~"):
                if part.startswith("="):
                    weight, part = 1.0, part[1:]
                else:
                    weight, part = self.weight(part, at, 0.0)
                text, _, feedback = part.partition("#")
                record.answers.append(
                    Answer(self.plain(text, fmt, record), weight, self.plain(feedback, fmt, record))
                )
        elif "=" in answer and "->" in answer:
            record.qtype = MATCHING
            for part in _split(answer, "="):
                if "->" not in part:
                    raise self.fail(at, "answer", "gift_matching")
                item, _, bin_ = part.partition("->")
                record.pairs.append(
                    Pair(self.plain(item, fmt, record), bin_.translate(_SHOW).strip())
                )
        elif answer.split("#", 1)[0].strip() in _TF:
            record.qtype = TRUEFALSE
            word, *feedbacks = answer.split("#")
            right = _TF[word.strip()]
            record.answers = [Answer("true", float(right)), Answer("false", float(not right))]
            record.answers[0].feedback = " ".join(f.translate(_SHOW).strip() for f in feedbacks)
        else:
            record.qtype = SHORTANSWER
            for part in _split(answer, "="):
                weight, part = self.weight(part, at, 1.0)
                text, _, feedback = part.partition("#")
                record.answers.append(
                    Answer(text.translate(_SHOW).strip(), weight, self.plain(feedback, fmt, record))
                )
        return None

    def numerical(self, record: Record, answer: str, at: int) -> None:
        record.qtype = NUMERICAL
        answer, _, wrong = answer.partition("~")
        for part in _split(answer, "="):
            weight, part = self.weight(part, at, 1.0)
            value, _, feedback = part.partition("#")
            if ".." in value:
                low, high = (self.number(v, at, "gift_number") for v in value.split("..", 1))
                key, margin = (low + high) / 2, (high - low) / 2
            else:
                head, _, tail = value.partition(":")
                key = self.number(head, at, "gift_number")
                margin = self.number(tail, at, "gift_number") if tail.strip() else 0.0
            feedback = feedback.translate(_SHOW).strip()
            record.answers.append(Answer(_number(key), weight, feedback, margin))
        if wrong.strip():  # Moodle's catch-all "*" answer, for its feedback
            record.answers.append(Answer("*", 0.0, wrong.partition("#")[2].translate(_SHOW)))

    def ordering(self, record: Record, answer: str) -> None:
        record.qtype = ORDERING
        head, *items = answer[1:].translate(_SHOW).split("\n")
        words = head.split()
        count = int(words[0]) if words and words[0].isdigit() else 0
        record.grading = next(
            (w for w in words[1:] if w.upper().startswith(("ABS", "REL", "ALL_", "LONG"))), ""
        )
        items = [i.strip() for i in items if i.strip()]
        record.select_all = ("ALL" in (w.upper() for w in words[1:]) or count == 0) and (
            count == 0 or count >= len(items)
        )
        record.answers = [Answer(item, float(n)) for n, item in enumerate(items, 1)]


def _split(text: str, mark: str) -> list[str]:
    """``text`` cut at ``mark``, each part stripped, an empty first part dropped."""
    parts = [p.strip() for p in text.split(mark)]
    return parts[1:] if parts and not parts[0] else parts


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """(first line, lines) of each block of non-blank lines."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    return blocks


def read_gift(data: str, file: str, lang: str = "uk") -> list[Record]:
    """The questions of a GIFT file (any type; the importer decides what it takes)."""
    data = data.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    category, records = "", []
    for start, lines in _blocks(data):
        idnumber, points = "", None
        kept: list[str] = []
        for line in lines:
            stripped = line.strip()
            if stripped.startswith("//"):
                if found := _ID.match(stripped):
                    idnumber = found.group(1).strip()
                elif found := _POINTS.match(stripped):
                    points = float(found.group(1).replace(",", "."))
                kept.append("")  # a comment keeps its line, so lines still count right
            else:
                kept.append(line)
        text = "\n".join(kept)
        skipped = len(text) - len(text.lstrip())
        first = start + text[:skipped].count("\n")
        text = _hide(text.strip())
        if not text:
            continue
        if text.startswith("$CATEGORY:"):
            category = text[len("$CATEGORY:") :].translate(_SHOW).strip()
            continue
        record = _Block(text, first, file, lang).record(category, idnumber, points)
        if record is not None:
            records.append(record)
    return records


__all__ = ["read_gift", "write_gift"]
