"""Names and paths as a Ukrainian trainer has them: Cyrillic names with the apostrophe typed
in any of its three forms (' ’ ʼ), a roster saved with Windows line endings, and a course
folder whose path has spaces and Cyrillic ("…/мій курс 2026/").  The trainer's commands
run as `clientlearn` in that folder: roster import → autograde → report →
export → certificates; every name comes out the same, with one apostrophe (’)."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from clientlearn.core.translit import one_apostrophe, student_id, transliterate
from clientlearn.grader.coursefolder import Course
from clientlearn.runtime.bank import load_bank
from clientlearn.runtime.store import AnswerStore
from clientlearn.trainer.authoring import build_notebook
from clientlearn.trainer.roster import load_roster
from clientlearn.trainer.simulate import right_answer

from .conftest import SHOWCASE
from .test_export import run_facts

MODULE = "quiz"
OTHER_APOSTROPHES = ("'", "ʼ", "‘", "`")
# Excel's CSV on Windows: CRLF, a semicolon, and a cell with a line break (Alt+Enter),
# which Excel writes as a bare LF inside quotes.
ROSTER = (
    "ПІБ;Бібліотека;Область;Електронна пошта\r\n"
    "Коваленко Мар'яна;ЦБС м. Вінниці;Вінницька;mariana.k@example.org\r\n"
    'Коваленко Мар’яна;"Черкаська ОУНБ,\nвідділ обслуговування";Черкаська;'
    "mariana.kov@example.org\r\n"
    "Бондар Вʼячеслав Іванович;Чернігівська ОУНБ;Чернігівська;v.bondar@example.org\r\n"
)
IDS = ["kovalenko_mariana", "kovalenko_mariana_2", "bondar_viacheslav"]
NAMES = {  # as the report writes them (surname first) and as export and certificates do
    "kovalenko_mariana": ("Коваленко Мар’яна", "Мар’яна Коваленко"),
    "kovalenko_mariana_2": ("Коваленко Мар’яна", "Мар’яна Коваленко"),
    "bondar_viacheslav": ("Бондар В’ячеслав", "В’ячеслав Бондар"),
}
TRAINER = "Ольга Мар'яненко"  # typed with the typewriter apostrophe


def test_the_three_apostrophes_transliterate_alike() -> None:
    for name in ("Мар'яна", "Мар’яна", "Марʼяна"):
        assert transliterate(name) == "Mariana"
        assert one_apostrophe(name) == "Мар’яна"
    for name in ("В'ячеслав", "В’ячеслав", "Вʼячеслав"):
        assert transliterate(name) == "Viacheslav"
        assert student_id("Бондар", name) == "bondar_viacheslav"
    assert one_apostrophe("«Мар'яна»") == "«Мар’яна»"  # only apostrophes inside words
    assert one_apostrophe("'цитата'") == "'цитата'"


def test_a_crlf_roster_keeps_every_person_and_makes_unique_ids(tmp_path: Path) -> None:
    path = tmp_path / "список.csv"
    path.write_bytes(ROSTER.encode("utf-8"))
    roster = load_roster(path)
    assert [p.id for p in roster.participants] == IDS
    assert [p.row for p in roster.participants] == [2, 3, 5]  # the line each starts on
    assert [p.name for p in roster.participants] == [
        "Коваленко Мар’яна",
        "Коваленко Мар’яна",
        "Бондар В’ячеслав Іванович",
    ]
    assert roster.participants[1].library == "Черкаська ОУНБ, відділ обслуговування"
    assert roster.participants[2].email == "v.bondar@example.org"  # no "\r" left over
    # The same file with LF only (a Linux editor) reads the same.
    path.write_bytes(ROSTER.replace("\r\n", "\n").encode("utf-8"))
    assert [p.name for p in load_roster(path).participants] == [p.name for p in roster.participants]


@dataclass
class Journey:
    root: Path
    outputs: dict[str, str]


def clientlearn(root: Path, *args: str) -> str:
    """The `clientlearn` command run in the course folder (in this process: nbgrader's
    import alone costs seconds per program); its output, stdout and stderr."""
    from click.testing import CliRunner

    from clientlearn.cli import cli

    before = Path.cwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(cli, list(args))
    finally:
        os.chdir(before)
    assert result.exit_code == 0, f"clientlearn {' '.join(args)}:\n{result.output}"
    return result.output


@pytest.fixture(scope="module")
def journey(tmp_path_factory: pytest.TempPathFactory) -> Journey:
    base = tmp_path_factory.mktemp("names") / "мій курс 2026"
    source = base / "джерела" / MODULE
    source.mkdir(parents=True)
    shutil.copy(SHOWCASE, source / "questions.yaml")
    bank = load_bank(source / "questions.yaml")
    lesson = "# Перевірка\n\n" + "\n\n".join(f"{{{{ ask {q.id} }}}}" for q in bank)
    nbformat.write(build_notebook(lesson, bank), source / "quiz.ipynb")
    course = Course.create(base / "курс Вінниця", facts=run_facts())
    course.add_source(source)
    roster = base / "список учасників.csv"
    roster.write_bytes(ROSTER.encode("utf-8"))
    root = course.root
    out = {"roster": clientlearn(root, "roster", "import", str(roster), "--course", str(root))}
    course.nbgrader("generate_assignment", MODULE, "--force")
    # A name typed in the gradebook by hand, with the modifier-letter apostrophe.
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        gb.update_or_create_student("bondar_viacheslav", first_name="Вʼячеслав")
    for sid in IDS:
        store = AnswerStore(course.submit_copy(sid, MODULE))
        for q in bank:
            store.save(q.id, right_answer(q), bank=bank.id)
    out["autograde"] = clientlearn(root, "autograde", MODULE, "--course", str(root), "--jobs", "2")
    out["report"] = clientlearn(root, "report", "--course", str(root), "--out", str(root / "звіти"))
    for fmt, name in (("csv", "оцінки.csv"), ("xlsx", "оцінки.xlsx")):
        out[fmt] = clientlearn(
            root, "export", "--course", str(root), "--format", fmt, "--out", name
        )
    out["certificates"] = clientlearn(
        root, "certificates", "--course", str(root), "--trainer", TRAINER
    )
    return Journey(root, out)


def no_other_apostrophe(text: str) -> None:
    for name, _ in NAMES.values():
        for mark in OTHER_APOSTROPHES:
            assert name.replace("’", mark) not in text, (name, mark)


def test_roster_import_and_autograde_in_the_cyrillic_path(journey: Journey) -> None:
    assert "мій курс 2026" in journey.root.parts and "курс Вінниця" in journey.root.parts
    with (journey.root / "roster.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == IDS
    assert [r["name"] for r in rows][:2] == ["Коваленко Мар’яна"] * 2
    assert "Перевірено 3 з 3 робіт модуля quiz" in journey.outputs["autograde"]
    assert sorted(
        p.parent.name for p in (journey.root / "autograded").glob(f"*/{MODULE}")
    ) == sorted(IDS)


def test_names_in_the_report(journey: Journey) -> None:
    html = (journey.root / "звіти" / "report-uk.html").read_text(encoding="utf-8")
    for sid, (surname_first, _) in NAMES.items():
        page = html[html.index(f'id="p-{sid}"') :]
        assert f"<h3>{surname_first}</h3>" in page[: page.index("</article>")]
    no_other_apostrophe(html)


def test_names_in_the_exports(journey: Journey) -> None:
    text = (journey.root / "оцінки.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))  # as a Ukrainian Excel splits it
    assert {r[0]: r[1] for r in rows[1:]} == {sid: name for sid, (_, name) in NAMES.items()}
    no_other_apostrophe(text)
    sheet = load_workbook(journey.root / "оцінки.xlsx").active
    names = {r[0]: r[1] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert names == {sid: name for sid, (_, name) in NAMES.items()}


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is missing: apt-get install poppler-utils")
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, encoding="utf-8", check=True
    ).stdout


def test_names_on_the_certificates(journey: Journey) -> None:
    folder = journey.root / "certificates"
    for sid, (_, name) in NAMES.items():
        text = pdf_text(folder / f"{sid}.pdf")
        assert name in text and "Ольга Мар’яненко" in text
        no_other_apostrophe(text)
        assert "Мар'яненко" not in text
    combined = pdf_text(folder / "all-certificates.pdf")
    assert combined.count("Мар’яна Коваленко") == 2 and combined.count("В’ячеслав Бондар") == 1
    # A code on a certificate checks out, from the same folder.
    with (folder / "register.csv").open(encoding="utf-8-sig", newline="") as fh:
        entry = next(r for r in csv.DictReader(fh) if r["id"] == "bondar_viacheslav")
    assert entry["name"] == "В’ячеслав Бондар"
    verified = clientlearn(
        journey.root, "certificates", "verify", entry["code"], "--course", str(journey.root)
    )
    assert "В’ячеслав Бондар" in verified
