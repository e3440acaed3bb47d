"""Certificates from a real nbgrader gradebook: who gets one, what the PDF holds and how it
renders (poppler), verification codes and the register, and the command line."""

from __future__ import annotations

import csv
import datetime
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from clientlearn.cli import cli
from clientlearn.core.errors import ClientlearnError
from clientlearn.trainer.certificates import (
    KEY_FILE,
    Issued,
    certificate_code,
    hours_unit,
    make_certificates,
    normalize_code,
    verify_certificate,
)

from .test_export import template_course

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "certificates"
PASSED = {
    "kovalenko_liudmyla": "Людмила Коваленко",
    "koval_petrenko_mariana": "Мар’яна Коваль-Петренко",
}
CODE = re.compile(r"^CO-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")
ISSUED_ON = datetime.date(2014, 4, 4)


def run(*args: str) -> str:
    return subprocess.run(
        list(args), capture_output=True, text=True, encoding="utf-8", check=True
    ).stdout


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return template_course(tmp_path_factory)


@pytest.fixture
def root(template: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "course"
    shutil.copytree(template, dest)
    return dest


@pytest.fixture(scope="module")
def issued(template: Path, tmp_path_factory: pytest.TempPathFactory) -> Issued:
    root = tmp_path_factory.mktemp("issued") / "course"
    shutil.copytree(template, root)
    return make_certificates(root, trainer="Олена Берднікова", today=ISSUED_ON)


def course_of(issued: Issued) -> Path:
    return issued.out.parent


def test_only_those_who_passed_get_one(issued: Issued) -> None:
    assert {e.id: e.name for e in issued.entries} == PASSED
    assert sorted(p.name for p in issued.out.iterdir()) == [
        "all-certificates.pdf",
        "koval_petrenko_mariana.pdf",
        "kovalenko_liudmyla.pdf",
        "register.csv",
    ]
    assert issued.not_passed == 2
    assert "Pages:           2" in run("pdfinfo", str(issued.combined))
    with (issued.out / "register.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["id"], r["name"], r["issued"]) for r in rows] == [
        (e.id, e.name, "2014-04-04") for e in issued.entries
    ]
    assert all(CODE.match(r["code"]) for r in rows)
    key = course_of(issued) / KEY_FILE
    assert key.stat().st_mode & 0o777 == 0o600 and len(key.read_bytes()) == 32


def test_pdf_holds_extractable_ukrainian_text(issued: Issued) -> None:
    pdf = issued.out / "koval_petrenko_mariana.pdf"
    text = run("pdftotext", "-layout", str(pdf), "-")
    code = next(e.code for e in issued.entries if e.id == "koval_petrenko_mariana")
    for expected in [
        "СЕРТИФІКАТ",
        "Мар’яна Коваль-Петренко",
        "«Орієнтація на клієнта»",
        "Модуль 1. Клієнт-сервісне обслуговування користувачів бібліотек",
        "Модуль 2. Робота зі складними і конфліктними ситуаціями",
        "Вінниця, 3–4 квітня 2014 · обсяг 16 годин",
        "Олена Берднікова",
        "Тренер",
        code,
    ]:
        assert expected in text, expected
    fonts = run("pdffonts", str(pdf)).splitlines()[2:]
    assert fonts and all(" yes yes yes " in line for line in fonts)  # embedded, subset, unicode
    assert "DejaVuSerif" in "".join(fonts)


def test_page_renders_as_a_landscape_certificate(issued: Issued, tmp_path: Path) -> None:
    from PIL import Image

    run(
        "pdftoppm",
        "-r",
        "60",
        "-png",
        "-f",
        "1",
        "-l",
        "1",
        str(issued.combined),
        str(tmp_path / "p"),
    )
    (png,) = tmp_path.glob("p*.png")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(png, ARTIFACTS / "certificate-page1.png")
    with Image.open(png) as im:
        width, height = im.size
        assert abs(width - 702) <= 1 and abs(height - 496) <= 1  # A4 landscape at 60 dpi
        gray = im.convert("L")
        dark = sum(gray.histogram()[:128])
    # Frame and text cover part of the page, not nothing and not everything.
    assert 0.03 < dark / (width * height) < 0.3


def test_verify_accepts_a_real_code_and_rejects_others(issued: Issued) -> None:
    root = course_of(issued)
    runner = CliRunner()
    entry = issued.entries[1]
    result = runner.invoke(cli, ["certificates", "verify", entry.code, "--course", str(root)])
    assert result.exit_code == 0, result.output
    assert "Мар’яна Коваль-Петренко" in result.output and "Орієнтація на клієнта" in result.output
    # Typed by hand: lower case, spaces, Cyrillic "СО" from a Ukrainian keyboard.
    typed = "со " + entry.code[3:].lower().replace("-", " ")
    assert verify_certificate(root, typed) == entry
    # One character changed.
    last = entry.code[-1]
    tampered = entry.code[:-1] + ("A" if last != "A" else "B")
    result = runner.invoke(cli, ["certificates", "verify", tampered, "--course", str(root)])
    assert result.exit_code == 1
    assert "немає в реєстрі" in result.output and "сертифікат не справжній" in result.output
    result = runner.invoke(cli, ["certificates", "verify", "hello", "--course", str(root)])
    assert result.exit_code == 1 and "не код сертифіката" in result.output


def test_verify_rejects_an_edited_register_row(issued: Issued, tmp_path: Path) -> None:
    register = tmp_path / "register.csv"
    text = (issued.out / "register.csv").read_text(encoding="utf-8-sig")
    register.write_text(text.replace("Людмила Коваленко", "Людмила Коваль"), encoding="utf-8")
    code = issued.entries[0].code
    with pytest.raises(ClientlearnError, match="does not match its register row"):
        verify_certificate(course_of(issued), code, register)
    # Without the course's key nothing can be verified, and no key is made up.
    with pytest.raises(ClientlearnError, match=f"no {KEY_FILE}"):
        verify_certificate(tmp_path, code, issued.out / "register.csv")
    assert not (tmp_path / KEY_FILE).exists()


def test_codes() -> None:
    key = b"k" * 32
    code = certificate_code(key, "client-orientation", "id", "Ім’я Прізвище", "3–4 квітня 2014")
    assert CODE.match(code)
    assert code == certificate_code(
        key, "client-orientation", "id", "Ім’я Прізвище", "3–4 квітня 2014"
    )
    assert code != certificate_code(
        key, "client-orientation", "id", "Ім’я Прізвище", "5 травня 2014"
    )
    assert code != certificate_code(
        b"x" * 32, "client-orientation", "id", "Ім’я Прізвище", "3–4 квітня 2014"
    )
    assert normalize_code("co-7k3f-9qx2-m4td") == "CO-7K3F-9QX2-M4TD"
    assert normalize_code("7K3F 9QX2 M4TD") == "CO-7K3F-9QX2-M4TD"
    assert normalize_code("CO-7K3F-9QX2-M4TO") == "CO-7K3F-9QX2-M4T0"  # O read as zero
    with pytest.raises(ClientlearnError):
        normalize_code("CO-7K3F-9QX2-M4T")
    assert [hours_unit(n, "uk") for n in (1, 2, 5, 11, 16, 21, 24)] == [
        "година", "години", "годин", "годин", "годин", "година", "години"
    ]  # fmt: skip


def test_rerun_keeps_the_register(root: Path) -> None:
    first = make_certificates(root, today=ISSUED_ON)
    register = (first.out / "register.csv").read_bytes()
    again = make_certificates(root, today=datetime.date(2014, 5, 1))
    assert [e.code for e in again.entries] == [e.code for e in first.entries]
    assert (again.out / "register.csv").read_bytes() == register  # first issue date kept
    other = make_certificates(root, dates="5–6 травня 2014", today=datetime.date(2014, 5, 6))
    rows = (other.out / "register.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 1 + 4  # earlier codes stay verifiable
    assert verify_certificate(root, first.entries[0].code).dates == "3–4 квітня 2014"


def test_cli_make_is_the_default_action(root: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli,
        ["certificates", "--course", str(root), "--trainer", "Олена Берднікова", "--hours", "16"],
    )
    assert result.exit_code == 0, result.output
    assert "Сертифікати (2) записано" in result.output
    assert "Без сертифіката: учасників — 2;" in result.output
    assert (root / "certificates" / "all-certificates.pdf").is_file()
    out = root / "elsewhere"
    result = runner.invoke(
        cli,
        [
            "certificates",
            "make",
            "--course",
            str(root),
            "--out",
            str(out),
            "--lang",
            "en",
            "--min-score",
            "85",
        ],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "all-certificates.pdf",
        "kovalenko_liudmyla.pdf",
        "register.csv",
    ]
    text = run("pdftotext", str(out / "kovalenko_liudmyla.pdf"), "-")
    assert "CERTIFICATE" in text and "Людмила Коваленко" in text and "16 hours" in text
    result = runner.invoke(
        cli, ["certificates", "--min-score", "70", "verify", "CO-0000-0000-0000"]
    )
    assert result.exit_code == 2 and "параметри пишуть після підкоманди" in result.output


@pytest.mark.parametrize("args", [["--min-score", "150"], ["make", "--min-score", "-5"]])
def test_bad_min_score_writes_nothing(root: Path, args: list[str]) -> None:
    before = sorted(p.name for p in root.iterdir())
    result = CliRunner().invoke(cli, ["certificates", *args, "--course", str(root)])
    assert result.exit_code == 1
    assert "--min-score має бути відсотком від 0 до 100" in result.output
    assert sorted(p.name for p in root.iterdir()) == before  # no key, no certificates/


def test_nobody_passed_writes_nothing(root: Path) -> None:
    result = CliRunner().invoke(cli, ["certificates", "--course", str(root), "--min-score", "100"])
    assert result.exit_code == 0, result.output
    assert "сертифікатів не створено" in result.output
    assert not (root / "certificates").exists() and not (root / KEY_FILE).exists()
