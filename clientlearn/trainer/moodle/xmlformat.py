"""Moodle XML: writing (ElementTree) and reading (expat, with line numbers).

The format is Moodle's ``question/format/xml``: a ``<quiz>`` of ``<question
type="…">`` elements, a ``type="category"`` one before the questions it holds.
Texts are HTML (``format="html"``), made and read by :mod:`.htmltext`; short answers,
numbers and matching answers are plain strings, as Moodle compares them.

Reading uses the standard library's expat parser directly, so every element keeps the
line it starts on (for ``FILE:LINE`` messages), and refuses any DOCTYPE: Moodle never
writes one, and without it there are no entities to expand, which is what
"billion laughs" and external-entity attacks need (the protection defusedxml gives,
without another dependency).
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pyexpat import ExpatError, ParserCreate, errors

from clientlearn.core.errors import InputFileError

from .htmltext import to_html, to_text
from .notes import problem
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
from .weights import nearest_percent

# --------------------------------------------------------------------- writing


def _text_element(parent: ET.Element, tag: str, text: str, fmt: str | None = "html") -> None:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = text


def _html(text: str) -> str:
    return to_html(text) if text.strip() else ""


def _num(value: float) -> str:
    return f"{value:.7f}"


def _fraction(record: Record, answer: Answer) -> str:
    if record.qtype == ORDERING:
        return str(int(answer.fraction))
    return answer.percent or nearest_percent(answer.fraction)[0]


def _answers(q: ET.Element, record: Record) -> None:
    html_answers = record.qtype in (MULTICHOICE, ORDERING)
    for answer in record.answers:
        fmt = "html" if html_answers else "moodle_auto_format"
        element = ET.SubElement(q, "answer", {"fraction": _fraction(record, answer), "format": fmt})
        ET.SubElement(element, "text").text = _html(answer.text) if html_answers else answer.text
        _text_element(element, "feedback", _html(answer.feedback))
        if record.qtype == NUMERICAL:
            ET.SubElement(element, "tolerance").text = repr(float(answer.tolerance))


def _question(record: Record) -> ET.Element:
    q = ET.Element("question", {"type": record.qtype})
    _text_element(q, "name", record.name, None)
    _text_element(q, "questiontext", _html(record.text))
    _text_element(q, "generalfeedback", _html(record.feedback))
    ET.SubElement(q, "defaultgrade").text = _num(1.0 if record.grade is None else record.grade)
    ET.SubElement(q, "penalty").text = "1.0000000" if record.qtype == TRUEFALSE else "0.3333333"
    ET.SubElement(q, "hidden").text = "0"
    ET.SubElement(q, "idnumber").text = record.idnumber
    if record.qtype == MULTICHOICE:
        ET.SubElement(q, "single").text = "true" if record.single else "false"
        # The bank's order is the author's ("none of the above" last): keep it.
        ET.SubElement(q, "shuffleanswers").text = "false"
        ET.SubElement(q, "answernumbering").text = "abc"
    elif record.qtype == SHORTANSWER:
        ET.SubElement(q, "usecase").text = "1" if record.usecase else "0"
    elif record.qtype == ORDERING:
        for tag, value in (
            ("layouttype", "VERTICAL"),
            ("selecttype", "ALL"),
            ("selectcount", str(len(record.answers))),
            ("gradingtype", record.grading),
            ("showgrading", "SHOW"),
            ("numberingstyle", "none"),
        ):
            ET.SubElement(q, tag).text = value
    elif record.qtype == MATCHING:
        ET.SubElement(q, "shuffleanswers").text = "true"
        for pair in record.pairs:
            sub = ET.SubElement(q, "subquestion", {"format": "html"})
            ET.SubElement(sub, "text").text = _html(pair.text)
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = pair.answer
    _answers(q, record)
    if record.qtype == NUMERICAL and record.unit:
        unit = ET.SubElement(ET.SubElement(q, "units"), "unit")
        ET.SubElement(unit, "multiplier").text = "1"
        ET.SubElement(unit, "unit_name").text = record.unit
        # The unit is shown in the question, never graded: clientlearn grades the number.
        for tag, value in (
            ("unitgradingtype", "0"),
            ("unitpenalty", "0.1000000"),
            ("showunits", "3"),
            ("unitsleft", "0"),
        ):
            ET.SubElement(q, tag).text = value
    return q


def write_xml(records: list[Record], category: str, bank_id: str) -> str:
    """The records as a Moodle XML file, under one category."""
    quiz = ET.Element("quiz")
    cat = ET.SubElement(quiz, "question", {"type": "category"})
    _text_element(cat, "category", category, None)
    _text_element(cat, "info", "")
    ET.SubElement(cat, "idnumber").text = bank_id
    quiz.extend(_question(r) for r in records)
    ET.indent(quiz)
    buf = io.BytesIO()
    ET.ElementTree(quiz).write(buf, encoding="UTF-8", xml_declaration=True)
    return buf.getvalue().decode("utf-8") + "\n"


# --------------------------------------------------------------------- reading


class _Refused(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


def _parse(data: bytes, file: str, lang: str) -> tuple[ET.Element, dict[ET.Element, int]]:
    builder = ET.TreeBuilder()
    lines: dict[ET.Element, int] = {}
    parser = ParserCreate()
    parser.buffer_text = True

    def start(tag: str, attrs: dict[str, str]) -> None:
        lines[builder.start(tag, attrs)] = parser.CurrentLineNumber

    def refuse(*_: object) -> None:
        raise _Refused(parser.CurrentLineNumber)

    parser.StartElementHandler = start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(data, True)
    except ExpatError as err:
        reason = errors.messages[err.code] if err.code else str(err)
        raise InputFileError(
            [problem(file, err.lineno, "xml", "xml_malformed", lang, reason=reason)]
        ) from None
    except _Refused as err:
        raise InputFileError([problem(file, err.line, "xml", "xml_doctype", lang)]) from None
    return builder.close(), lines


class _Reader:
    def __init__(self, file: str, lines: dict[ET.Element, int], lang: str) -> None:
        self.file, self.lines, self.lang = file, lines, lang

    def number(self, element: ET.Element | None, default: float) -> float:
        if element is None or not (element.text or "").strip():
            return default
        value = (element.text or "").strip()
        try:
            return float(value.replace(",", "."))
        except ValueError:
            line = self.lines.get(element)
            raise InputFileError(
                [problem(self.file, line, element.tag, "xml_number", self.lang, value=value)]
            ) from None

    def attr_number(self, element: ET.Element, name: str) -> float:
        value = element.get(name, "0")
        try:
            return float(value.replace(",", "."))
        except ValueError:
            line = self.lines.get(element)
            raise InputFileError(
                [problem(self.file, line, name, "xml_number", self.lang, value=value)]
            ) from None


def _raw(element: ET.Element | None, path: str = "text") -> str:
    """The plain string at ``path`` under ``element`` (names, short answers, numbers)."""
    found = element.find(path) if element is not None else None
    return (found.text or "").strip() if found is not None else ""


def _rich(element: ET.Element | None, record: Record) -> str:
    """A formatted text (``<questiontext format="html"><text>…``) as plain text; what it
    loses is added to ``record.lost``."""
    if element is None:
        return ""
    text = _raw(element)
    if element.findall("file"):
        record.lost.append("embedded file")
    if element.get("format", "html") in ("plain_text", "markdown"):
        return text
    plain, lost = to_text(text)
    record.lost.extend(lost)
    return plain


def _record(q: ET.Element, reader: _Reader, category: str) -> Record:
    qtype = q.get("type", "")
    record = Record(qtype, _raw(q.find("name")), "", line=reader.lines.get(q), category=category)
    record.text = _rich(q.find("questiontext"), record)
    record.feedback = _rich(q.find("generalfeedback"), record)
    record.idnumber = _raw(q, "idnumber")
    record.grade = reader.number(q.find("defaultgrade"), 1.0)
    record.single = _raw(q, "single").lower() not in ("false", "0")
    record.usecase = _raw(q, "usecase") == "1"
    record.grading = _raw(q, "gradingtype")
    count = int(reader.number(q.find("selectcount"), 0))
    record.select_all = _raw(q, "selecttype").upper() in ("", "ALL", "0") and (
        count == 0 or count >= len(q.findall("answer"))
    )
    for element in q.findall("answer"):
        rich = qtype in (MULTICHOICE, ORDERING)
        answer = Answer(
            _rich(element, record) if rich else _raw(element),
            reader.attr_number(element, "fraction"),
            feedback=_rich(element.find("feedback"), record),
            tolerance=reader.number(element.find("tolerance"), 0.0),
        )
        if qtype != ORDERING:
            answer.fraction /= 100
        record.answers.append(answer)
    for sub in q.findall("subquestion"):
        record.pairs.append(Pair(_rich(sub, record), _raw(sub.find("answer"))))
    for unit in q.findall("units/unit"):
        if reader.number(unit.find("multiplier"), 1.0) == 1.0 and not record.unit:
            record.unit = _raw(unit, "unit_name")
    return record


def read_xml(data: bytes, file: str, lang: str = "uk") -> list[Record]:
    """The questions of a Moodle XML file (any type; the importer decides what it takes)."""
    root, lines = _parse(data, file, lang)
    if root.tag != "quiz":
        raise InputFileError(
            [problem(file, lines.get(root), "xml", "xml_not_quiz", lang, tag=root.tag)]
        )
    reader = _Reader(file, lines, lang)
    category, records = "", []
    for q in root.findall("question"):
        if q.get("type") == "category":
            category = _raw(q.find("category"))
            continue
        records.append(_record(q, reader, category))
    return records


__all__ = ["read_xml", "write_xml"]
