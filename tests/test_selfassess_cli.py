"""`clientlearn selfassess summary|check` through click's CliRunner, checking the files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from clientlearn.cli import cli
from clientlearn.runtime.selfassess.instruments import load_instrument
from clientlearn.runtime.store import ANSWERS_FILE, AnswerStore

LIB = load_instrument("library_diagnostic")
CONF = load_instrument("confidence")


@pytest.fixture
def submitted(tmp_path: Path) -> Path:
    root = tmp_path / "autograded"
    for n, (before, after) in enumerate([(2, 4), (3, 4), (3, 3)], start=1):
        m1, m2 = root / f"p{n}" / "module1", root / f"p{n}" / "module2"
        m1.mkdir(parents=True)
        m2.mkdir(parents=True)
        AnswerStore(m1).save("selfassess.confidence.before", {i.id: before for i in CONF.items})
        AnswerStore(m2).save("selfassess.confidence.after", {i.id: after for i in CONF.items})
        AnswerStore(m1).save("selfassess.library_diagnostic", {i.id: 3 for i in LIB.items})
    bad = root / "p4" / "module1"
    bad.mkdir(parents=True)
    (bad / ANSWERS_FILE).write_text("not json at all", encoding="utf-8")
    return root


def test_summary_prints_a_table_and_writes_the_files(submitted: Path, tmp_path: Path) -> None:
    out = tmp_path / "report"
    result = CliRunner().invoke(
        cli,
        [
            "selfassess",
            "summary",
            str(submitted),
            "--out",
            str(out),
            "--format",
            "png",
            "--format",
            "svg",
        ],
    )
    assert result.exit_code == 0, result.output
    # Progress per step on stderr, the table on stdout.
    assert result.stderr.splitlines()[0] == f"Читаю відповіді з {submitted}…"
    assert "Учасників: 4; записів самооцінки: 9; пропущено: 1." in result.stderr
    assert "Малюю графіки…" in result.stderr and "Записано:" in result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["інструмент", "етап", "учасників", "з", "профілем", "середнє"]
    assert any(line.split()[:5] == ["confidence", "before", "3", "3", "2,7"] for line in lines)
    assert any(line.split()[:5] == ["library_diagnostic", "—", "3", "3", "50,0"] for line in lines)
    # Every skill 2→4, 3→4, 3→3: before 2,67, after 3,67, change +1,00, two of three
    # improved; sign test: n = 2 changed, none worse, p = 2 · 1/4 = 0,5.
    row = next(line for line in lines if line.startswith("Деескалація"))
    assert row.split()[1:] == ["3", "2,67", "3,67", "+1,00", "0,67", "0,500"]
    assert "Парне порівняння: точний двобічний критерій знаків." in lines
    assert "p4/module1: clientlearn.answers.json: не файл відповідей clientlearn" in result.stdout
    names = {p.name for p in out.iterdir()}
    assert {"participants.csv", "change.csv", "confidence.png", "confidence.svg"} <= names
    with (out / "participants.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))  # for Excel in a Ukrainian locale
    assert len(rows) == 9 and rows[0]["student"] == "p1"


def test_english_output(submitted: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["selfassess", "summary", str(submitted), "--out", str(tmp_path / "o"), "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    assert "Reading answers from" in result.stderr
    assert any(line.startswith("De-escalation") for line in result.stdout.splitlines())


def test_bad_input_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "report"
    missing = CliRunner().invoke(
        cli, ["selfassess", "summary", str(tmp_path / "nowhere"), "--out", str(out)]
    )
    assert missing.exit_code == 1 and "такої теки немає" in missing.output
    assert "Traceback" not in missing.output
    empty = tmp_path / "submitted"
    (empty / "p1" / "module1").mkdir(parents=True)
    none = CliRunner().invoke(cli, ["selfassess", "summary", str(empty), "--out", str(out)])
    assert none.exit_code == 1 and "не знайдено жодної самооцінки" in none.output
    assert not out.exists()


def test_a_malformed_instrument_file_is_reported_and_nothing_written(
    submitted: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "local.yaml"
    bad.write_text("instrument: local\nkind: index\ntitle: {uk: Місцева}\n", encoding="utf-8")
    out = tmp_path / "report"
    args = ["summary", str(submitted), "--out", str(out), "--instrument", str(bad)]
    result = CliRunner().invoke(cli, ["selfassess", *args])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{bad}:1: instrument: бракує обов’язкового поля «description»" in result.stderr
    assert not out.exists()


def test_a_course_instrument_file_is_included(submitted: Path, tmp_path: Path) -> None:
    local = tmp_path / "local.yaml"
    shipped = (
        Path(__file__).parents[1]
        / "clientlearn"
        / "runtime"
        / "selfassess"
        / "instruments"
        / "library_diagnostic.yaml"
    )
    local.write_text(
        shipped.read_text(encoding="utf-8").replace(
            "instrument: library_diagnostic", "instrument: local_diagnostic"
        ),
        encoding="utf-8",
    )
    AnswerStore(submitted / "p1" / "module1").save(
        "selfassess.local_diagnostic", {i.id: 5 for i in LIB.items_of("client")}
    )
    out = tmp_path / "report"
    args = ["summary", str(submitted), "--out", str(out), "--instrument", str(local)]
    result = CliRunner().invoke(cli, ["selfassess", *args])
    assert result.exit_code == 0, result.output
    assert any(line.startswith("local_diagnostic") for line in result.stdout.splitlines())


def test_check_command(tmp_path: Path) -> None:
    shipped = Path(__file__).parents[1] / "clientlearn" / "runtime" / "selfassess" / "instruments"
    files = sorted(str(p) for p in shipped.glob("*.yaml"))
    good = CliRunner().invoke(cli, ["selfassess", "check", *files])
    assert good.exit_code == 0 and "Інструментів без помилок: 3." in good.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("instrument: x\nkind: index\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["selfassess", "check", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:1: instrument: бракує обов’язкового поля «title»" in result.stdout
