"""The participant handbook: both real modules as HTML (and PDF) with no key, no hidden
test and no rubric; lesson text cannot inject HTML; the command fails cleanly."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner

from clientlearn.cli import cli
from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.bank import Bank, load_bank
from clientlearn.runtime.questions import Mode, Ordering, Scenario, ShortText, pick
from clientlearn.trainer.authoring import build_notebook_file
from clientlearn.trainer.coursefacts import load_course_facts
from clientlearn.trainer.handbook import build_handbook, render_handbook
from clientlearn.trainer.handbook_html import render_question

from .browser import require_chromium
from .keys import key_leaks

REPO = Path(__file__).resolve().parent.parent
FACTS = load_course_facts(REPO / "course")
MODULES = [REPO / m for m in FACTS.module_ids]
LESSONS = REPO / "course" / "lessons"
_SECTION = re.compile(r'<section class="question" data-qid="([^"]+)">(.*?)</section>', re.DOTALL)


@cache
def handbook_html(lang: str = "uk") -> str:
    return render_handbook(MODULES, facts=FACTS, lang=lang)


def instructor_banks() -> list[Bank]:
    return [load_bank(m / "questions.yaml") for m in MODULES]


def sections(text: str) -> dict[str, str]:
    return dict(_SECTION.findall(text))


def asked_ids(module: Path) -> list[str]:
    found = []
    for path in sorted(module.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            match = re.fullmatch(r'quiz\.ask\("([^"]+)"\)', cell.source.strip())
            if cell.cell_type == "code" and match:
                found.append(match.group(1))
    return found


def module_copy(tmp_path: Path, lesson_text: str) -> Path:
    """A module folder with module 1's bank and one notebook built from ``lesson_text``."""
    folder = tmp_path / "module_copy"
    folder.mkdir()
    shutil.copy(MODULES[0] / "questions.yaml", folder / "questions.yaml")
    lesson = tmp_path / "01_lesson.md"
    lesson.write_text(lesson_text, encoding="utf-8")
    build_notebook_file(lesson, folder / "questions.yaml", folder / "01_lesson.ipynb")
    return folder


def test_both_modules_with_titles_texts_and_every_question() -> None:
    text = handbook_html()
    assert text.startswith("<!DOCTYPE html>")
    assert "3–4 квітня 2014" in text and "Вінниці" in text and "Бібліоміст" in text
    shown = sections(text)
    parts = zip(MODULES, instructor_banks(), FACTS.modules, strict=True)
    for n, (module, bank, facts) in enumerate(parts, start=1):
        assert f"<h1>Модуль {n}. {html.escape(facts.title['uk'])}</h1>" in text  # course.yaml's
        ids = asked_ids(module)
        assert ids, f"{module.name} asks no questions"
        for qid in ids:
            assert qid in shown, f"{qid} is missing from the handbook"
            for line in pick(bank[qid].text, "uk").splitlines():
                assert html.escape(line.strip()) in shown[qid], f"{qid}: text missing"
    # Every notebook's first heading is in the table of contents and in the body.
    assert text.count('<article class="notebook"') == sum(
        len(list(m.glob("*.ipynb"))) for m in MODULES
    )


def test_no_key_explanation_or_ending_score_reaches_the_handbook() -> None:
    text = handbook_html()
    shown = sections(text)
    graded = 0
    for bank in instructor_banks():
        for q in bank:
            for explanation in (q.explanation or {}).values():
                # Graded explanations give the key away; self-check ones are feedback
                # for after answering: neither belongs on paper next to the question.
                for line in filter(None, map(str.strip, explanation.splitlines())):
                    assert html.escape(line) not in text, f"{q.id}: explanation printed"
            if q.mode is not Mode.GRADED or q.id not in shown:
                continue
            graded += 1
            section = shown[q.id].lower()
            if isinstance(q, ShortText):
                for variant in q.key or ():
                    assert html.escape(variant).lower() not in section, f"{q.id}: key printed"
            if isinstance(q, Scenario):
                for ending in q.endings.values():
                    for ending_text in ending.text.values():
                        assert html.escape(ending_text) not in text, f"{q.id}: ending printed"
            if isinstance(q, Ordering) and q.key is not None and len(q.key) > 2:
                printed = [section.index(html.escape(pick(i.text, "uk")).lower()) for i in q.items]
                by_key = [printed[[i.id for i in q.items].index(k)] for k in q.key]
                assert by_key != sorted(by_key), f"{q.id}: items printed in the key's order"
    assert graded > 20
    assert key_leaks({"handbook.html": text}, instructor_banks()) == []  # tests/keys.py
    for marker in ("score(", "score:", "score=", "require_answer(", "quiz.ask(", "Quiz("):
        assert marker not in text
    for marker in ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "BEGIN SOLUTION", "instrument_view"):
        assert marker not in text


def test_rubric_never_printed_task_becomes_answer_box_instrument_a_note(tmp_path: Path) -> None:
    rubric = "Рубрика тренера: зарахувати, якщо названо три кроки XQZ-RUBRIC"
    folder = module_copy(
        tmp_path,
        "# Урок\n\nОпишіть свій досвід.\n\n{{ task m1.reflection points=2 }}\n"
        f"{rubric}\n{{{{ end }}}}\n\n{{{{ instrument confidence phase=before points=1 }}}}\n\n"
        "{{ ask m1.quality.gap }}\n",
    )
    text = render_handbook([folder], facts=FACTS)
    assert "XQZ-RUBRIC" not in text and "Рубрика тренера" not in text
    assert '<section class="task">' in text and "балів: 2" in text
    assert "Самооцінка «Наскільки впевнено я почуваюся в навичках тренінгу» (на початку" in text
    for marker in ("completion(", "require_completed(", "score(", "BEGIN"):
        assert marker not in text
    # The real notebooks' answer cells (if any) keep their rubric out too.
    full = handbook_html()
    for module in MODULES:
        for path in module.glob("*.ipynb"):
            for cell in nbformat.read(path, as_version=4).cells:
                if cell.metadata.get("nbgrader", {}).get("solution"):
                    for line in cell.source.splitlines():
                        if len(line.strip()) > 12 and "###" not in line:
                            assert html.escape(line.strip()) not in full


def test_lesson_html_is_escaped(tmp_path: Path) -> None:
    lesson = (LESSONS / "module1_client_service" / "01_quality_service.md").read_text("utf-8")
    title, rest = lesson.split("\n", 1)
    injected = (
        f"{title} <script>alert('title')</script>\n\n"
        'Почнімо <script>alert("xss")</script> і <img src=x onerror="alert(1)"> '
        '[посилання](javascript:alert(2))\n\n<div onclick="alert(3)">блок</div>\n' + rest
    )
    text = render_handbook([module_copy(tmp_path, injected)], facts=FACTS)
    assert "<script" not in text.lower()
    assert "&lt;script&gt;" in text
    assert "<img" not in text and "javascript:" not in text and "<div onclick" not in text


def test_english_handbook_and_unknown_language(tmp_path: Path) -> None:
    text = handbook_html("en")
    assert '<html lang="en">' in text and "Contents" in text and "Vinnytsia" in text
    bank = instructor_banks()[0]
    assert html.escape(pick(bank["m1.quality.gap"].text, "en")) in text
    with pytest.raises(ClientlearnError, match="uk, en"):
        render_handbook(MODULES, facts=FACTS, lang="de")


def test_render_question_hides_the_key_of_an_instructor_question() -> None:
    bank = instructor_banks()[0]
    gap = bank["m1.quality.gap"]
    out = render_question(gap)
    assert pick(gap.text, "uk").split()[0] in out
    assert all(html.escape(e) not in out for e in (gap.explanation or {}).values())


def test_missing_chromium_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(ClientlearnError, match="apt-get install chromium"):
        build_handbook(MODULES, out, facts=FACTS, chromium=tmp_path / "no-chromium")
    assert not out.exists()


def test_pdf_matches_the_html_and_turns_into_pngs(tmp_path: Path) -> None:
    require_chromium()
    progress: list[str] = []
    files = build_handbook(MODULES, tmp_path / "out", facts=FACTS, progress=progress.append)
    assert files.pdf is not None and files.html.name == "handbook-uk.html"
    assert files.pdf.read_bytes()[:5] == b"%PDF-"
    assert len(progress) == 4 and "зошитів — 6" in progress[0]
    assert not list((tmp_path / "out").glob(".*.tmp")), "a temporary file was left behind"
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "3", str(files.pdf), "-"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    assert "Орієнтація на клієнта" in text and "Зміст" in text
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "4", str(files.pdf), str(tmp_path / "p")],
        check=True,
    )
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == 4 and all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)


def test_cli_missing_module_is_a_message_and_exit_code_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["handbook", str(tmp_path / "module9_nowhere"), "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 1
    assert "module9_nowhere" in result.output and "Traceback" not in result.output
    assert "Помилка: теки модуля" in result.output  # in the command's --lang (uk)
    assert isinstance(result.exception, SystemExit)


def test_cli_writes_the_html_and_reports_each_module(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["handbook", *map(str, MODULES), "--out", str(out), "--lang", "en", "--no-pdf"]
    )
    assert result.exit_code == 0, result.output
    assert (out / "handbook-en.html").is_file() and not (out / "handbook-en.pdf").exists()
    assert "Module 1" in result.stderr and "Module 2" in result.stderr
