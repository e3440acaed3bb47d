"""`clientlearn groups form|rotate` through click's CliRunner, checking the files written."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from clientlearn.cli import cli
from clientlearn.trainer.groups import read_groups_csv, repeated_pairs

ROSTER = """\
name;oblast;library
Мар'яна Коваль;Вінницька;Вінницька ОУНБ
Вʼячеслав Петренко;Вінницька;Жмеринська ЦБС
Олена Бондаренко;Вінницька;Хмільницька ЦБС
Ірина Ткаченко;Вінницька;Гайсинська ЦБС
Галина Мельник;Кіровоградська;Кропивницька ЦБС
Світлана Олійник;Кіровоградська;Олександрійська ЦБС
Тетяна Лисенко;Кіровоградська;Знам'янська ЦБС
Юлія Гончаренко;Кіровоградська;Світловодська ЦБС
Ганна Марченко;Чернігівська;Чернігівська ОУНБ
Валентина Кузьменко;Чернігівська;Ніжинська ЦБС
Зоряна Поліщук;Чернігівська;Прилуцька ЦБС
Ярослав Захарченко;Чернігівська;Менська ЦБС
Лариса Дмитренко;Черкаська;Черкаська ОУНБ
Євгенія Кушнір;Черкаська;Уманська ЦБС
Іванна Гаврилюк;Черкаська;Смілянська ЦБС
Надія Павленко;Черкаська;Канівська ЦБС
"""

SCENARIOS = """\
scenarios:
  - id: noisy-reading-room
    title: {uk: "Галас у читальній залі", en: "Noise in the reading room"}
  - id: overdue-book
    title: {uk: "Книжку не повернули вчасно", en: "An overdue book"}
  - id: no-wifi
    title: {uk: "Не працює Wi-Fi", en: "The Wi-Fi is down"}
  - id: angry-phone-call
    title: {uk: "Роздратований дзвінок", en: "An angry phone call"}
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER, encoding="utf-8-sig")
    return path


def test_form_writes_groups_and_cards(runner: CliRunner, roster: Path, tmp_path: Path) -> None:
    out = tmp_path / "day1"
    result = runner.invoke(cli, ["groups", "form", str(roster), "--size", "4", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Група" in result.output and "Область" in result.output
    assert "Змішано за стовпцем: oblast" in result.output  # guessed, not asked for
    assert sorted(p.name for p in out.iterdir()) == ["group-cards.html", "groups.csv"]
    formed = read_groups_csv(out / "groups.csv")
    assert [len(g) for g in formed] == [4, 4, 4, 4]
    assert all(len(g.mix()) == 4 for g in formed)  # one person per oblast in every group
    cards = (out / "group-cards.html").read_text(encoding="utf-8")
    assert "Група 4" in cards and "Мар&#x27;яна Коваль" in cards


def test_form_reads_the_headers_roster_import_reads(runner: CliRunner, tmp_path: Path) -> None:
    from clientlearn.cli import cli

    roster = tmp_path / "список.csv"
    text = ROSTER.replace("name;oblast;library", "ПІБ;Область;Бібліотека")
    roster.write_text(text, encoding="utf-8-sig")
    out = tmp_path / "out"
    args = ["groups", "form", str(roster), "--size", "4", "--balance", "oblast", "--out", str(out)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    formed = read_groups_csv(out / "groups.csv")
    assert all(len(g.mix()) == 4 for g in formed)  # one person per oblast in every group


def test_form_with_avoid_repeats_fewer_pairs(
    runner: CliRunner, roster: Path, tmp_path: Path
) -> None:
    args = ["form", str(roster), "--count", "4", "--balance", "Oblast", "--seed", "3"]
    assert runner.invoke(cli, ["groups", *args, "--out", str(tmp_path / "day1")]).exit_code == 0
    day1 = tmp_path / "day1" / "groups.csv"
    result = runner.invoke(
        cli,
        ["groups", *args, "--avoid", str(day1), "--out", str(tmp_path / "day2"), "--lang", "en"],
    )
    assert result.exit_code == 0, result.output
    assert "Pairs who were together before: 0" in result.output
    previous = [list(g.ids) for g in read_groups_csv(day1)]
    day2 = read_groups_csv(tmp_path / "day2" / "groups.csv")
    assert repeated_pairs(day2, previous) < repeated_pairs(read_groups_csv(day1), previous)
    assert "Group 1" in (tmp_path / "day2" / "group-cards.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("extra", "roster_text", "needle"),
    [
        (["--size", "4"], ROSTER + "Мар’яна Коваль;Вінницька;Вінницька ОУНБ\n", ":18: name"),
        (["--size", "4", "--balance", "gender"], ROSTER, "no column 'gender'"),
        (["--size", "17"], ROSTER, "size 17 is larger than the class (16 people)"),
        (["--size", "1"], ROSTER, "size 1 is too small"),
        (["--size", "4"], "name;oblast\n", "no people"),
    ],
)
def test_form_bad_input_writes_nothing(
    runner: CliRunner, tmp_path: Path, extra: list[str], roster_text: str, needle: str
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(roster_text, encoding="utf-8")
    out = tmp_path / "out"
    args = ["groups", "form", str(roster), *extra, "--out", str(out), "--lang", "en"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert needle in result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)  # a ClickException, not a crash
    assert not out.exists()


def test_form_needs_size_or_count(runner: CliRunner, roster: Path, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["groups", "form", str(roster), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "вкажіть рівно одне: --size K або --count N" in result.output
    assert not (tmp_path / "out").exists()


def test_form_missing_roster(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["groups", "form", str(tmp_path / "nope.csv"), "--size", "4"])
    assert result.exit_code == 1
    assert "файл списку учасників не знайдено" in result.output


def test_rotate_writes_schedule(runner: CliRunner, roster: Path, tmp_path: Path) -> None:
    runner.invoke(cli, ["groups", "form", str(roster), "--count", "4", "--out", str(tmp_path)])
    scenarios = tmp_path / "scenarios.yaml"
    scenarios.write_text(SCENARIOS, encoding="utf-8")
    out = tmp_path / "roleplay"
    result = runner.invoke(
        cli,
        [
            "groups",
            "rotate",
            str(tmp_path / "groups.csv"),
            "--roles",
            "librarian,patron,observer",
            "--rounds",
            "4",
            "--scenarios",
            str(scenarios),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Раундів: 4; груп: 4; сценаріїв: 4" in result.output
    with (out / "schedule.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))  # for Excel in a Ukrainian locale
    assert len(rows) == 4 * 16
    librarians = {r["member_id"] for r in rows if r["role"] == "librarian"}
    assert len(librarians) == 16  # 4 rounds in groups of 4: everyone has been the librarian
    page = (out / "schedule.html").read_text(encoding="utf-8")
    assert "Бібліотекар" in page and "Галас у читальній залі" in page


def test_rotate_default_rounds_and_short_warning(
    runner: CliRunner, roster: Path, tmp_path: Path
) -> None:
    runner.invoke(cli, ["groups", "form", str(roster), "--count", "3", "--out", str(tmp_path)])
    scenarios = tmp_path / "scenarios.yaml"
    scenarios.write_text(SCENARIOS, encoding="utf-8")
    base = ["rotate", str(tmp_path / "groups.csv"), "--scenarios", str(scenarios)]
    # Groups of 6, 5, 5 want 6 rounds by default; 4 scenarios are not enough.
    result = runner.invoke(cli, ["groups", *base, "--out", str(tmp_path / "a")])
    assert result.exit_code == 1
    assert "на 6 раундів потрібно щонайменше 6 різних сценаріїв" in result.output
    assert "проведіть не більше 4 раундів" in result.output
    assert not (tmp_path / "a").exists()
    result = runner.invoke(cli, ["groups", *base, "--rounds", "4", "--out", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    assert "Група 1: учасників — 6, раундів — 4" in result.output


def test_rotate_bad_scenarios_file_writes_nothing(
    runner: CliRunner, roster: Path, tmp_path: Path
) -> None:
    runner.invoke(cli, ["groups", "form", str(roster), "--count", "4", "--out", str(tmp_path)])
    scenarios = tmp_path / "scenarios.yaml"
    scenarios.write_text("scenarios:\n  - id: a\n  - id: a\n", encoding="utf-8")
    out = tmp_path / "roleplay"
    result = runner.invoke(
        cli,
        [
            "groups",
            "rotate",
            str(tmp_path / "groups.csv"),
            *("--rounds", "2", "--scenarios", str(scenarios), "--out", str(out)),
        ],
    )
    assert result.exit_code == 1
    assert "scenarios.yaml:3: id: «a» повторює сценарій у рядку 2" in result.output
    assert not out.exists()
