"""The same results under the bare C locale as under UTF-8.

A trainer's server, a Docker image or a cron job often runs with ``LC_ALL=C`` (or no
locale at all).  With ``PYTHONUTF8=0`` Python then reads and writes files, pipes and the
terminal as ASCII unless told otherwise.  Here answers files, banks, rosters, the
``clientlearn`` command and a real ``nbgrader autograde`` run in subprocesses under
``LC_ALL=C PYTHONUTF8=0`` (``LANG`` and ``PYTHONIOENCODING`` unset) and under
``C.UTF-8``, and must give the same results.

Also enforced here: every subprocess read as text names its encoding (ruff's PLW1514,
enabled in pyproject.toml, covers ``open()``, ``read_text()`` and the rest).
"""

from __future__ import annotations

import ast
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from clientlearn.grader.coursefolder import Course
from clientlearn.runtime.bank import Bank, load_bank
from clientlearn.runtime.store import AnswerStore
from clientlearn.trainer.roster import load_roster

from . import test_nbgrader_e2e as e2e

ROOT = Path(__file__).resolve().parent.parent
MODULE1_BANK = ROOT / "module1_client_service" / "questions.yaml"
CLIENTLEARN = Path(sys.executable).parent / "clientlearn"

course = e2e.course  # the e2e module's temporary course (showcase bank), built once here

# Cyrillic with each of the three apostrophes participants type: ’ ʼ '
ANSWERS = {
    "q.typographic": "Мар’яна",
    "q.modifier": "Марʼяна",
    "q.ascii": "Мар'яна",
    "q.list": ["п’ять", "сім’я", "Ґудзик"],
    "q.mapping": {"с1": "клієнт", "с2": "об’єднання"},
}


def _env(locale: str) -> dict[str, str]:
    drop = ("LANG", "LANGUAGE", "PYTHONIOENCODING", "PYTHONUTF8", "PYTHONCOERCECLOCALE")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in drop}
    env["LC_ALL"] = locale
    if locale == "C":
        env["PYTHONUTF8"] = "0"  # no UTF-8 mode: the locale's ASCII is the default
    # nbgrader runs the `alembic` script by name.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


LOCALES = {"C": _env("C"), "C.UTF-8": _env("C.UTF-8")}


def run(
    args: list[str], locale: str, cwd: Path | None = None, check: bool = True
) -> subprocess.CompletedProcess[bytes]:
    """Run ``args`` under ``locale``; output stays bytes, to see what really came out."""
    proc = subprocess.run(args, env=LOCALES[locale], cwd=cwd, capture_output=True, check=False)
    if check:
        assert proc.returncode == 0, proc.stdout.decode(errors="replace") + proc.stderr.decode(
            errors="replace"
        )
    return proc


def python(code: str, locale: str, *args: str) -> Any:
    """Run Python ``code`` under ``locale``; it prints one JSON value (ASCII-escaped,
    so the printing itself cannot be what fails) which is returned."""
    proc = run([sys.executable, "-c", code, *args], locale)
    return json.loads(proc.stdout.decode("ascii"))


def test_the_c_locale_really_is_ascii() -> None:
    # Otherwise nothing below could fail.
    code = (
        "import json, locale, sys; print(json.dumps([locale.getpreferredencoding(False),"
        " sys.stdout.encoding, sys.flags.utf8_mode]))"
    )
    encoding, stdout, utf8_mode = python(code, "C")
    assert encoding.lower() in ("ansi_x3.4-1968", "ascii", "us-ascii") and utf8_mode == 0
    assert stdout.lower() in ("ansi_x3.4-1968", "ascii", "us-ascii")
    assert python(code, "C.UTF-8")[0].lower() in ("utf-8", "utf8")


SAVE_AND_LOAD = """
import json, sys
from clientlearn.runtime.store import AnswerStore
source, target = AnswerStore(sys.argv[1]), AnswerStore(sys.argv[2])
for qid, record in source.load().items():
    target.save(qid, record.value)
print(json.dumps({q: r.value for q, r in AnswerStore(sys.argv[2]).load().items()}))
"""


@pytest.mark.parametrize("locale", LOCALES)
def test_answers_files_are_utf8_whatever_the_locale(tmp_path: Path, locale: str) -> None:
    written_here, written_there = tmp_path / "here", tmp_path / "there"
    written_here.mkdir()
    written_there.mkdir()
    for qid, value in ANSWERS.items():
        AnswerStore(written_here).save(qid, value)
    # Read what this process wrote, write it again under the locale, read it back here.
    assert python(SAVE_AND_LOAD, locale, str(written_here), str(written_there)) == ANSWERS
    assert {q: r.value for q, r in AnswerStore(written_there).load().items()} == ANSWERS
    raw = (written_there / "clientlearn.answers.json").read_bytes()
    assert "Мар’яна".encode() in raw and "Марʼяна".encode() in raw  # UTF-8, not \\u escapes
    assert not list(written_there.glob("*set-aside*"))


BANK_DIGEST = """
import json, sys
from clientlearn.runtime.bank import check_bank, load_bank
bank = load_bank(sys.argv[1])
print(json.dumps({"problems": [str(p) for p in check_bank(sys.argv[1])],
                  "questions": [[q.id, q.kind, q.text, q.points] for q in bank]}))
"""


def _digest(bank: Bank) -> list[list[Any]]:
    return [[q.id, q.kind, q.text, q.points] for q in bank]


@pytest.mark.parametrize("locale", LOCALES)
def test_a_module_bank_loads_the_same(locale: str) -> None:
    here = _digest(load_bank(MODULE1_BANK))
    there = python(BANK_DIGEST, locale, str(MODULE1_BANK))
    assert there == {"problems": [], "questions": here}
    assert any("’" in q[2]["uk"] for q in here)  # the apostrophes made the trip


ROSTER_ROWS = [
    ("ПІБ", "Бібліотека", "Область"),
    ("Коваленко Мар’яна Петрівна", "ЦБС м. Вінниці", "Вінницька"),
    ("Ґудзь Олег", "Бібліотека ім. Т. Г. Шевченка", "Вінницька"),
    ("Пʼятничук Ірина", "Сільська бібліотека", "Київська"),
]


def _roster_file(folder: Path, encoding: str, delimiter: str) -> Path:
    path = folder / f"roster-{encoding}.csv"
    text = "\r\n".join(delimiter.join(row) for row in ROSTER_ROWS) + "\r\n"
    if encoding == "cp1251":
        text = text.replace("ʼ", "'")  # Windows-1251 has ’ and ' but not ʼ
    path.write_bytes(text.encode(encoding))
    return path


ROSTER = """
import json, sys
from clientlearn.trainer.roster import load_roster
roster = load_roster(sys.argv[1])
print(json.dumps([[p.id, p.name, p.library, p.oblast] for p in roster.participants]))
"""


ROSTER_FILES = [("cp1251", ";"), ("utf-8-sig", ",")]  # as Excel saves "CSV" and "CSV UTF-8"
IDS = ["kovalenko_mariana", "gudz_oleh", "piatnychuk_iryna"]


def _people(path: Path) -> list[list[str]]:
    return [[p.id, p.name, p.library, p.oblast] for p in load_roster(path).participants]


@pytest.mark.parametrize(("encoding", "delimiter"), ROSTER_FILES)
@pytest.mark.parametrize("locale", LOCALES)
def test_rosters_read_the_same(tmp_path: Path, locale: str, encoding: str, delimiter: str) -> None:
    path = _roster_file(tmp_path, encoding, delimiter)
    here = _people(path)
    assert [r[0] for r in here] == IDS and here[2][1] == "П’ятничук Ірина"
    assert python(ROSTER, locale, str(path)) == here


@pytest.mark.parametrize("locale", LOCALES)
def test_roster_import_command(tmp_path: Path, locale: str) -> None:
    """The command a trainer types: the Windows-1251 roster is imported; the same class
    saved as UTF-8 with BOM is then found unchanged (a dry run, to keep this quick)."""
    cp1251, bom = (_roster_file(tmp_path, *f) for f in ROSTER_FILES)
    course_root = Course.create(tmp_path / "course").root
    command = [str(CLIENTLEARN), "roster", "import", "--course", str(course_root)]
    out = run([*command, str(cp1251)], locale).stdout.decode("utf-8")
    # Readable: clientlearn writes UTF-8 even where the locale says ASCII.
    assert "Коваленко Мар’яна Петрівна" in out and "нових: 3" in out, out
    with sqlite3.connect(course_root / "gradebook.db") as db:
        students = sorted(db.execute("SELECT id, last_name, first_name FROM student"))
    assert students == sorted((r[0], *r[1].split()[:2]) for r in _people(cp1251))
    written = (course_root / "roster.csv").read_text(encoding="utf-8-sig")
    assert "Коваленко Мар’яна Петрівна" in written and "П’ятничук Ірина" in written

    out = run([*command, "--dry-run", str(bom)], locale).stdout.decode("utf-8")
    assert "без змін: 3" in out, out


def test_the_command_prints_cyrillic_problems_under_c(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("bank: зразок\nquestions: «жодного запитання»\n", encoding="utf-8")
    for locale in LOCALES:
        proc = run([str(CLIENTLEARN), "bank", "check", str(bad)], locale, check=False)
        out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
        assert proc.returncode == 1 and "Traceback" not in err, err
        assert f"{bad}:2: questions:" in out and "«жодного запитання»" in out, out
    # A library error (a missing roster whose name is Cyrillic) ends as a message too.
    missing = tmp_path / "учасники.csv"
    course_root = Course.create(tmp_path / "course").root
    for locale in LOCALES:
        proc = run(
            [str(CLIENTLEARN), "roster", "import", str(missing), "--course", str(course_root)],
            locale,
            check=False,
        )
        err = proc.stderr.decode("utf-8", errors="strict")
        assert proc.returncode == 1 and "Traceback" not in err, err
        assert "Помилка:" in err and "учасники.csv" in err, err


@pytest.mark.nbgrader
def test_autograde_gives_the_same_scores_under_c(course: tuple[Course, Bank]) -> None:
    c, bank = course
    students = {"C": "locale_c", "C.UTF-8": "locale_utf8"}
    for student in students.values():
        store = AnswerStore(c.submit_copy(student, e2e.ASSIGNMENT))
        for qid, (value, _) in e2e.PARTLY.items():
            store.save(qid, value, bank=bank.id)
    for locale, student in students.items():
        cmd = [sys.executable, "-m", "nbgrader", "autograde", e2e.ASSIGNMENT, "--force"]
        run([*cmd, f"--student={student}"], locale, cwd=c.root)
    expected = {e2e.cell(qid): points for qid, (_, points) in e2e.PARTLY.items()}
    assert expected[e2e.cell("sc.text")] == 1.0  # the Cyrillic text answer earns its point
    for student in students.values():
        assert c.grade_scores(e2e.ASSIGNMENT, student) == expected, student


# ---------------------------------------------------------------- encodings named in code


def _text_subprocesses_without_encoding(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        keywords = {k.arg: k.value for k in node.keywords}
        text = keywords.get("text", keywords.get("universal_newlines"))
        if isinstance(text, ast.Constant) and text.value is True and "encoding" not in keywords:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node.func)}")
    return found


def test_every_text_subprocess_names_its_encoding() -> None:
    # text=True alone decodes a child's output in the locale's encoding: ASCII under C,
    # so one Cyrillic letter from nbgrader or Chromium would stop the caller.
    files = [p for d in ("clientlearn", "tests", "benchmarks") for p in (ROOT / d).rglob("*.py")]
    assert len(files) > 50
    found = [hit for path in files for hit in _text_subprocesses_without_encoding(path)]
    assert found == [], "add encoding='utf-8' (and errors='replace' for foreign output):\n" + (
        "\n".join(found)
    )
