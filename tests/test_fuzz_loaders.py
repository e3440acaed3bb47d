"""Fuzzing every loader of user files: a bad file gets a ClientlearnError, never another
exception and never a hang.

Banks and instruments (YAML), rosters (CSV in any encoding and delimiter, XLSX), answers
files and the answers a notebook carries in its outputs.  Each loader gets raw random
input and, because raw noise rarely gets past the first check, near-valid input: a real
file's data with a few parts deleted, renamed, duplicated or replaced (structured
mutations), or its text with lines dropped, moved or re-indented.

The property everywhere: success, or a :class:`ClientlearnError` whose message names
the file.  A hang is caught by the per-example deadline and the test's timeout.  Example
counts are bounded so the whole file stays within about half a minute; for a longer
hunt, multiply them: ``CLIENTLEARN_FUZZ_SCALE=50 pytest tests/test_fuzz_loaders.py``.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import nbformat
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clientlearn.core.errors import ClientlearnError, InputFileError
from clientlearn.grader.plugins import HarvestAnswers
from clientlearn.runtime.bank import check_bank, parse_bank, public_yaml
from clientlearn.runtime.selfassess.instruments import check_instrument, parse_instrument
from clientlearn.runtime.store import (
    ANSWERS_FILE,
    FORMAT,
    MIMETYPE,
    VERSION,
    AnswerStore,
    Record,
    decode,
    encode,
    records_from_notebook,
)
from clientlearn.trainer.roster import load_roster

from .conftest import SHOWCASE

ROOT = Path(__file__).resolve().parent.parent
# The showcase has one question of every type; the module banks are 100 KB, too slow
# to load hundreds of times (module 1 is loaded as it is in tests/test_locale.py).
BANKS = [SHOWCASE]
INSTRUMENTS = sorted(
    (ROOT / "clientlearn" / "runtime" / "selfassess" / "instruments").glob("*.yaml")
)


T = TypeVar("T")
SCALE = float(os.environ.get("CLIENTLEARN_FUZZ_SCALE", "1"))
# A hang fails the test instead of stopping the whole run.
pytestmark = pytest.mark.timeout(120 * max(1.0, SCALE))


def fuzz(examples: int) -> Callable[[T], T]:
    """Bounded fuzzing: ``examples`` inputs, each allowed a few seconds (a hang or a
    runaway check fails as a deadline), no example database written into the checkout."""
    return settings(  # type: ignore[return-value]
        max_examples=max(1, round(examples * SCALE)),
        deadline=dt.timedelta(seconds=3),
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def outcome(load: Callable[..., T], *args: Any, file: str | None = None) -> T | None:
    """What ``load(*args)`` returns, or None for a ClientlearnError that says what is
    wrong (naming ``file``, where given).  Any other exception fails the test."""
    try:
        return load(*args)
    except ClientlearnError as err:
        message = str(err)
        assert message.strip(), f"{type(err).__name__} without a message"
        if file is not None:
            assert file in message, f"the message does not name {file}: {message[:300]}"
        if isinstance(err, InputFileError):
            assert err.problems and all(p.file == file for p in err.problems if file), message
        return None


# ---------------------------------------------------------------- strategies

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=12),
    st.dates(),
    st.binary(max_size=6),
    st.sampled_from(["", "uk", "en", "a", "b", "x", "graded", "selfcheck", "index", "modes"]),
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
YAML_VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=8) | st.integers() | st.dates(), inner, max_size=3)
    ),
    max_leaves=8,
)
# Keys the loaders look for: renaming a field to one of them reaches the deeper checks.
KNOWN_KEYS = [
    *("id", "type", "text", "uk", "en", "options", "items", "bins", "key", "points"),
    *("mode", "public", "nodes", "endings", "start", "next", "choices", "score", "scale"),
    *("min", "max", "labels", "tolerance", "unit", "title", "explanation", "bank", "questions"),
    *("instrument", "kind", "dimensions", "dimension", "axes", "position", "bands", "phases"),
    *("reverse", "short", "band_decimals", "completion", "min_share", "per_dimension"),
]


def _strings(node: Any) -> list[str]:
    """The short texts of a document (ids, types, keys): the values that make sense."""
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return [node] if isinstance(node, str) and len(node) < 30 else []


@st.composite
def mutated_data(draw: st.DrawFn, documents: list[Any]) -> Any:
    """A real document with one to four parts deleted, renamed, duplicated or replaced."""
    data = copy.deepcopy(draw(st.sampled_from(documents)))
    known = sorted(set(_strings(data)))
    for _ in range(draw(st.integers(1, 4))):
        parent: Any = data
        key: Any = draw(st.sampled_from(list(parent)))
        # Walk down a random path; the deeper parts are where the semantic checks live.
        while isinstance(parent[key], dict | list) and parent[key] and draw(st.booleans()):
            parent = parent[key]
            key = draw(
                st.sampled_from(list(parent) if isinstance(parent, dict) else range(len(parent)))
            )
        op = draw(st.sampled_from(["delete", "replace", "known", "duplicate", "rename", "empty"]))
        if op == "delete" and len(parent) > 1:
            del parent[key]
        elif op == "replace":
            parent[key] = draw(YAML_VALUES)
        elif op == "known":
            value = draw(st.sampled_from(known))
            parent[key] = draw(st.sampled_from([value, [value], {value: value}, [value, value]]))
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
        elif op == "rename" and isinstance(parent, dict):
            parent[draw(st.sampled_from(KNOWN_KEYS) | st.text(max_size=6))] = parent.pop(key)
        elif op == "empty":
            parent[key] = (
                type(parent[key])() if isinstance(parent[key], dict | list | str) else None
            )
    return data


@st.composite
def mutated_text(draw: st.DrawFn, texts: list[str]) -> str:
    """A real file's text with lines dropped, repeated, moved, re-indented or typed over."""
    lines = draw(st.sampled_from(texts)).splitlines()
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["drop", "repeat", "move", "indent", "dedent", "type"]))
        if op == "drop" and len(lines) > 1:
            del lines[i]
        elif op == "repeat":
            lines.insert(i, lines[i])
        elif op == "move":
            lines.insert(draw(st.integers(0, len(lines) - 1)), lines.pop(i))
        elif op == "indent":
            lines[i] = "  " + lines[i]
        elif op == "dedent":
            lines[i] = lines[i].lstrip()
        else:
            at = draw(st.integers(0, len(lines[i])))
            typed = draw(st.text(alphabet=":-[]{}&*!|>'\"#,? \tab1Ї’", max_size=4))
            lines[i] = lines[i][:at] + typed + lines[i][at:]
    return "\n".join(lines) + "\n"


def _yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


BANK_TEXTS = [p.read_text(encoding="utf-8") for p in BANKS]
BANK_DATA = [yaml.safe_load(t) for t in BANK_TEXTS]
INSTRUMENT_TEXTS = [p.read_text(encoding="utf-8") for p in INSTRUMENTS]
INSTRUMENT_DATA = [yaml.safe_load(t) for t in INSTRUMENT_TEXTS]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


# ---------------------------------------------------------------- question banks


def _bank_roundtrip(text: str, scratch: Path) -> None:
    file = "fuzz-bank.yaml"
    bank = outcome(parse_bank, text, file, file=file)
    path = scratch / file
    path.write_text(text, encoding="utf-8")
    problems = outcome(check_bank, path, file=str(path))
    assert problems is not None, "check_bank reports problems, it does not raise"
    assert all(p.file == str(path) and p.message for p in problems)
    if bank is not None:
        # A bank that loads publishes to a participants' copy that loads too.
        public = parse_bank(public_yaml(text, file), "public.yaml")
        assert public.public and list(public.questions) == list(bank.questions)


def test_the_fuzzing_starts_from_valid_files() -> None:
    # Otherwise the mutations below would mutate nothing worth loading.
    for text, path in zip(BANK_TEXTS, BANKS, strict=True):
        assert parse_bank(text, str(path)).questions and check_bank(path) == []
    for text, path in zip(INSTRUMENT_TEXTS, INSTRUMENTS, strict=True):
        assert parse_instrument(text, str(path)).items and check_instrument(path) == []


@fuzz(150)
@given(text=st.text(max_size=300))
def test_bank_random_text(text: str, scratch: Path) -> None:
    _bank_roundtrip(text, scratch)


@fuzz(200)
@given(data=mutated_data(BANK_DATA))
def test_bank_mutated_data(data: Any, scratch: Path) -> None:
    _bank_roundtrip(_yaml(data), scratch)


@fuzz(150)
@given(text=mutated_text(BANK_TEXTS))
def test_bank_mutated_text(text: str, scratch: Path) -> None:
    _bank_roundtrip(text, scratch)


@fuzz(60)
@given(raw=st.binary(max_size=200))
def test_bank_file_of_random_bytes(raw: bytes, scratch: Path) -> None:
    path = scratch / "bytes-bank.yaml"
    path.write_bytes(raw)
    problems = outcome(check_bank, path, file=str(path))
    assert problems is not None and all(p.file == str(path) for p in problems)


# ---------------------------------------------------------------- instruments


def _instrument_roundtrip(text: str, scratch: Path) -> None:
    file = "fuzz-instrument.yaml"
    outcome(parse_instrument, text, file, file=file)
    path = scratch / file
    path.write_text(text, encoding="utf-8")
    problems = outcome(check_instrument, path, file=str(path))
    assert problems is not None and all(p.file == str(path) and p.message for p in problems)


@fuzz(100)
@given(text=st.text(max_size=300))
def test_instrument_random_text(text: str, scratch: Path) -> None:
    _instrument_roundtrip(text, scratch)


@fuzz(200)
@given(data=mutated_data(INSTRUMENT_DATA))
def test_instrument_mutated_data(data: Any, scratch: Path) -> None:
    _instrument_roundtrip(_yaml(data), scratch)


@fuzz(120)
@given(text=mutated_text(INSTRUMENT_TEXTS))
def test_instrument_mutated_text(text: str, scratch: Path) -> None:
    _instrument_roundtrip(text, scratch)


# ---------------------------------------------------------------- rosters

HEADERS = [
    *("ПІБ", "П.І.Б.", "Прізвище", "Ім’я", "Ім'я", "По батькові", "name", "First name"),
    *("Last name", "E-mail", "Електронна пошта", "Бібліотека", "Область", "id", "№", ""),
]
NAME = st.text(alphabet="АБВГҐДЕЄЖЗИІЇЙКЛМНОПабвгґдеєжзиіїйклмнопрстуфхцчшщьюя’'ʼ- ", max_size=24)
CELL = st.one_of(
    NAME,
    st.text(max_size=10),
    st.sampled_from(["olena@example.org", "олена@приклад.укр", "a@b@c", "x_1", "1", "42.0"]),
    st.sampled_from(HEADERS),
)
ENCODINGS = ["utf-8", "utf-8-sig", "cp1251", "utf-16", "koi8-u", "cp866"]


def _roster(raw: bytes, scratch: Path, suffix: str = ".csv") -> None:
    path = scratch / f"roster{suffix}"
    path.write_bytes(raw)
    roster = outcome(load_roster, path, file=str(path))
    if roster is not None:
        ids = [p.id for p in roster.participants]
        assert roster.participants and all(ids) and len(set(ids)) == len(ids)
        assert all(p.name for p in roster.participants)


@fuzz(100)
@given(raw=st.binary(max_size=400))
def test_roster_random_bytes(raw: bytes, scratch: Path) -> None:
    _roster(raw, scratch)


@fuzz(100)
@given(
    rows=st.lists(st.lists(st.text(max_size=12), max_size=5), max_size=6),
    encoding=st.sampled_from(ENCODINGS),
    delimiter=st.sampled_from([",", ";", "\t", "|", " "]),
    newline=st.sampled_from(["\r\n", "\n", "\r"]),
)
def test_roster_random_text_in_any_encoding(
    rows: list[list[str]], encoding: str, delimiter: str, newline: str, scratch: Path
) -> None:
    text = newline.join(delimiter.join(row) for row in rows)
    _roster(text.encode(encoding, errors="replace"), scratch)


@fuzz(200)
@given(
    header=st.lists(st.sampled_from(HEADERS) | st.text(max_size=8), min_size=1, max_size=6),
    body=st.lists(st.lists(CELL, max_size=7), max_size=8),
    title=st.none() | st.text(max_size=20),
    delimiter=st.sampled_from([",", ";", "\t"]),
    declared=st.booleans(),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONE]),
    newline=st.sampled_from(["\r\n", "\n", "\r"]),
    encoding=st.sampled_from(ENCODINGS),
)
def test_roster_csv_as_excel_might_write_it(
    header: list[str],
    body: list[list[str]],
    title: str | None,
    delimiter: str,
    declared: bool,
    quoting: int,
    newline: str,
    encoding: str,
    scratch: Path,
) -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator=newline)
    if declared:
        out.write(f"sep={delimiter}{newline}")
    for row in [[title], header, *body] if title is not None else [header, *body]:
        if quoting == csv.QUOTE_NONE:  # a careless exporter: delimiters and quotes as typed
            out.write(delimiter.join(row) + newline)
        else:
            writer.writerow(row)
    _roster(out.getvalue().encode(encoding, errors="replace"), scratch)


@fuzz(60)
@given(raw=st.binary(max_size=300))
def test_roster_random_bytes_that_look_like_a_workbook(raw: bytes, scratch: Path) -> None:
    _roster(b"PK\x03\x04" + raw, scratch, ".xlsx")


def _same_bytes_every_time(
    workbook: bytes, edit: Callable[[str, bytes], bytes] | None = None
) -> bytes:
    """The workbook with fixed file times and save time, so that damage at an offset
    hits the same byte when hypothesis replays an example; ``edit`` changes parts."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            data = re.sub(rb">\d{4}-\d\d-\d\dT[\d:.]+Z<", b">2014-04-04T00:00:00Z<", src.read(name))
            info = zipfile.ZipInfo(name, date_time=(2014, 4, 4, 0, 0, 0))
            dst.writestr(info, edit(name, data) if edit else data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_a_workbook_without_worksheets(scratch: Path) -> None:
    # Found by the fuzzing below: a workbook whose list of sheets was damaged.
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["ПІБ"])
    buffer = io.BytesIO()
    book.save(buffer)

    def no_sheets(name: str, data: bytes) -> bytes:
        return (
            re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", data)
            if name == "xl/workbook.xml"
            else data
        )

    path = scratch / "no-sheets.xlsx"
    path.write_bytes(_same_bytes_every_time(buffer.getvalue(), no_sheets))
    with pytest.raises(ClientlearnError, match="no sheet with cells") as err:
        load_roster(path)
    assert str(path) in str(err.value)


XLSX_CELL = st.one_of(
    st.none(),
    CELL.filter(lambda s: not any(ord(c) < 32 and c not in "\t\n\r" for c in s)),
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(dt.date(1900, 3, 1), dt.date(9999, 1, 1)),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(9999, 1, 1)),
    st.times(),
)


@fuzz(40)
@given(
    rows=st.lists(st.lists(XLSX_CELL, max_size=6), max_size=8),
    header=st.none() | st.lists(st.sampled_from(HEADERS), min_size=1, max_size=5),
    damage=st.none() | st.tuples(st.integers(0, 10**6), st.binary(min_size=1, max_size=4)),
)
def test_roster_workbooks_as_openpyxl_writes_them(
    rows: list[list[Any]],
    header: list[str] | None,
    damage: tuple[int, bytes] | None,
    scratch: Path,
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in [header, *rows] if header else rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    raw = _same_bytes_every_time(buffer.getvalue())
    if damage is not None:  # a workbook cut short or with a few bytes typed over
        at, typed = damage
        at %= len(raw)
        raw = raw[:at] + typed + raw[at + len(typed) :]
    _roster(raw, scratch, ".xlsx")


# ---------------------------------------------------------------- answers files

TIMES = st.one_of(
    st.datetimes(timezones=st.just(dt.UTC)).map(lambda t: t.isoformat()),
    st.datetimes(
        timezones=st.builds(
            dt.timezone, st.timedeltas(-dt.timedelta(hours=23, minutes=59), dt.timedelta(hours=23))
        )
    ).map(lambda t: t.isoformat()),
    st.datetimes().map(lambda t: t.isoformat()),
    st.text(max_size=30),
)
RECORD_JSON = st.one_of(
    st.fixed_dictionaries(
        {"value": JSON, "saved_at": TIMES},
        optional={"attempts": st.integers() | JSON, "bank": st.none() | st.text(max_size=8)},
    ),
    JSON,
)
ANSWERS_JSON = st.one_of(
    st.fixed_dictionaries(
        {
            "format": st.just(FORMAT) | st.text(max_size=5),
            "version": st.just(VERSION) | JSON,
            "answers": st.dictionaries(st.text(max_size=10), RECORD_JSON, max_size=4) | JSON,
        }
    ),
    JSON,
)


def _same(a: dict[str, Record] | None, b: dict[str, Record] | None) -> bool:
    # Compared as saved (a NaN value is not equal to itself, but it saves the same).
    return (a is None) == (b is None) and encode(a or {}) == encode(b or {})


def _check_records(records: dict[str, Record] | None) -> None:
    for qid, rec in (records or {}).items():
        assert isinstance(qid, str)
        assert _same({qid: Record.from_json(rec.to_json())}, {qid: rec})
        rec.local_time()  # what the widget shows under the question


@fuzz(200)
@given(text=st.text(max_size=200) | ANSWERS_JSON.map(json.dumps))
def test_decode_answers_text(text: str) -> None:
    records = outcome(decode, text)
    _check_records(records)
    if records is not None:
        assert _same(decode(encode(records)), records)


@fuzz(120)
@given(
    raw=st.binary(max_size=200)
    | ANSWERS_JSON.map(lambda d: json.dumps(d).encode())
    | ANSWERS_JSON.map(lambda d: "\ufeff".encode() + json.dumps(d, ensure_ascii=False).encode())
)
def test_answer_store_sets_a_bad_file_aside_and_goes_on(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ANSWERS_FILE
        path.write_bytes(raw)
        try:
            expected: dict[str, Record] | None = decode(raw.decode("utf-8"))
        except (ClientlearnError, UnicodeDecodeError):
            expected = None
        store = AnswerStore(folder)
        records = outcome(store.load)
        aside = list(Path(folder).glob("clientlearn.answers.set-aside-*.json"))
        if expected is None:
            # Set aside, byte for byte, and the participant is told.
            assert records == {} and len(aside) == 1 and aside[0].read_bytes() == raw
            assert store.notices and aside[0].name in store.notices[0]
        else:
            assert _same(records, expected) and not aside and path.read_bytes() == raw
        _check_records(records)
        # Saving goes on, into a fresh file when the old one was set aside.
        store.save("q.new", "Мар’яна")
        again = AnswerStore(folder).load()
        assert again["q.new"].value == "Мар’яна"
        assert set(again) == {"q.new", *(expected or {})}


# ---------------------------------------------------------------- answers in notebooks

PAYLOAD = st.fixed_dictionaries(
    {"question": st.sampled_from(["q1", "q2"]) | JSON, "record": RECORD_JSON | st.none()}
)
OUTPUT = st.one_of(
    st.fixed_dictionaries(
        {
            "output_type": st.just("display_data"),
            "data": st.dictionaries(st.sampled_from([MIMETYPE, "text/plain"]), PAYLOAD | JSON),
            "metadata": st.just({}),
        }
    ),
    JSON,
)
CELL_JSON = st.one_of(
    st.fixed_dictionaries(
        {
            "cell_type": st.just("code"),
            "source": st.just(""),
            "metadata": st.just({}),
            "outputs": st.lists(OUTPUT, max_size=3) | JSON,
        }
    ),
    JSON,
)
NOTEBOOK = st.fixed_dictionaries(
    {"cells": st.lists(CELL_JSON, max_size=4) | JSON, "metadata": st.just({})}
)


@fuzz(200)
@given(nb=NOTEBOOK | JSON)
def test_records_from_any_notebook_json(nb: Any) -> None:
    records = outcome(records_from_notebook, nb)
    assert records is not None, "damaged outputs are skipped, not reported"
    _check_records(records)
    assert set(records) <= {"q1", "q2"} | set(_strings(nb))


@fuzz(60)
@given(nb=NOTEBOOK)
def test_harvest_answers_preprocessor(nb: dict[str, Any]) -> None:
    node = nbformat.from_dict({**nb, "nbformat": 4, "nbformat_minor": 5})
    node, _ = HarvestAnswers().preprocess(node, {})
    harvested = node.metadata["clientlearn"]["harvested"]
    expected = {q: r.to_json() for q, r in records_from_notebook(nb).items()}
    assert json.dumps(harvested, sort_keys=True) == json.dumps(expected, sort_keys=True)
