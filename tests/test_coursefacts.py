"""The course's facts come from one file, course.yaml, with clear errors and per-run
overrides; certificates, the handbook, the report and the demo read it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from clientlearn.cli import cli
from clientlearn.trainer.coursefacts import (
    CourseFactsError,
    load_course_facts,
    parse_course_facts,
)

from .test_export import run_facts, template_course

REPO = Path(__file__).resolve().parent.parent


def test_the_shipped_course_file_lists_both_modules_and_leaves_the_run_open() -> None:
    facts = load_course_facts(REPO / "course")
    assert facts.id == "client-orientation"
    assert facts.text("title", "uk") == "Орієнтація на клієнта"
    assert facts.module_ids == ("module1_client_service", "module2_difficult_situations")
    assert facts.hours == sum(m.hours for m in facts.modules) == 16
    # Each run writes its own place, dates and trainer: the 2014 ones are not defaults.
    assert facts.text("dates", "uk") == facts.text("place", "uk") == facts.trainer == ""
    assert sorted(p.name for p in REPO.glob("module*_*") if p.is_dir()) == list(facts.module_ids)


def test_problems_name_the_file_line_and_field() -> None:
    text = (
        "id: x\n"
        "title: {uk: ''}\n"
        "hours: -2\n"
        "modules:\n"
        "  - {id: m1, title: {uk: М1}, hours: 8}\n"
        "  - {id: m1, title: {uk: М1}, hours: 0}\n"
        "plac: Вінниця\n"
    )
    with pytest.raises(CourseFactsError) as err:
        parse_course_facts(text, "course.yaml")
    lines = [str(p) for p in err.value.problems]
    assert "course.yaml:2: title: the Ukrainian text (uk) is required" in lines
    assert any(line.startswith("course.yaml:3: hours: -2 is not a whole number") for line in lines)
    assert any(line.startswith("course.yaml:6: modules[1].hours: 0") for line in lines)
    assert "course.yaml:6: modules[1]: module 'm1' is listed twice" in lines
    assert "course.yaml:7: plac: unknown field; check its spelling" in lines


def test_a_missing_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(CourseFactsError, match=r"copy course/course\.yaml"):
        load_course_facts(tmp_path)


def test_certificates_need_the_dates_of_the_run(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    root = tmp_path / "course"
    shutil.copytree(template_course(tmp_path_factory), root)
    shutil.copy(REPO / "course" / "course.yaml", root / "course.yaml")  # no dates written
    runner = CliRunner()
    result = runner.invoke(cli, ["certificates", "--course", str(root)])
    assert result.exit_code == 1
    text = (root / "course.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, t in enumerate(text, start=1) if t.startswith("dates:"))
    assert f"{root / 'course.yaml'}:{line}: dates.uk: ще не заповнено" in result.output
    assert "вкажіть --dates (і --place)" in result.output
    assert not (root / "certificates").exists() and not (root / ".certificate-key").exists()

    # Given for this run, the dates are printed and coded; the file's title and modules stay.
    result = runner.invoke(
        cli,
        ["certificates", "--course", str(root), "--dates", "7–8 грудня 2026", "--place", "Ніжин"],
    )
    assert result.exit_code == 0, result.output
    register = (root / "certificates" / "register.csv").read_text(encoding="utf-8-sig")
    assert "7–8 грудня 2026" in register and "Орієнтація на клієнта" in register


def test_run_facts_written_in_the_file_are_used(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    root = tmp_path / "course"
    shutil.copytree(template_course(tmp_path_factory), root)
    (root / "course.yaml").write_text(
        run_facts(place=("Ніжин", "Nizhyn"), dates=("1–2 жовтня 2026", "1–2 October 2026")),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["certificates", "--course", str(root), "--lang", "en"])
    assert result.exit_code == 0, result.output
    register = (root / "certificates" / "register.csv").read_text(encoding="utf-8-sig")
    assert "1–2 October 2026" in register and "Client orientation" in register


def test_the_report_names_modules_as_the_course_file_does(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    from clientlearn.trainer.report.statistics import class_report

    root = tmp_path / "course"
    shutil.copytree(template_course(tmp_path_factory), root)
    facts = load_course_facts(root)
    for lang, label in (("uk", "Модуль"), ("en", "Module")):
        report = class_report(root, lang=lang)
        assert [m.title for m in report.modules] == [
            f"{label} {n}. {facts.module_title(m.module, lang)}"
            for n, m in enumerate(report.modules, start=1)
        ]
        assert report.quiz is not None  # the quiz statistics name them alike
        assert [m.title for m in report.quiz.modules] == [m.title for m in report.modules]
