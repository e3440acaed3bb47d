"""Issue #15, hand in one file: the zip the notebook's button makes (the module's
notebooks, the answers, a manifest of SHA-256 checksums), the widget's name kept for
the course, the lesson line that places it, and ``clientlearn collect`` taking such
zips (matched to the roster by the file's or the manifest's name, the manifest's time,
a damaged zip named and not copied, an older hand-in never replacing a newer one)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from clientlearn.cli.main import cli
from clientlearn.core.errors import ClientlearnError
from clientlearn.grader.coursefolder import Course
from clientlearn.grader.intake import collect_submissions
from clientlearn.runtime.bank import load_bank
from clientlearn.runtime.handin.package import (
    MANIFEST,
    ManifestError,
    handin_name,
    make_handin,
    verify,
)
from clientlearn.runtime.handin.widget import NAME_FILE, HandIn, read_name
from clientlearn.runtime.store import ANSWERS_FILE, AnswerStore
from clientlearn.trainer.authoring import build_notebook

MODULE = "module1_client_service"
NOTEBOOKS = ("01_quality_service.ipynb", "02_client_strategy.ipynb")
ROSTER = """\
id,name,first_name,last_name,email
bondarenko_olena,Бондаренко Олена,Олена,Бондаренко,
kit_mariana,Кіт Мар’яна,Мар’яна,Кіт,
"""
EARLY = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
LATE = datetime(2026, 3, 4, 15, 30, tzinfo=UTC)


def module_folder(root: Path, who: str) -> Path:
    folder = root / who / MODULE
    folder.mkdir(parents=True)
    for name in NOTEBOOKS:
        (folder / name).write_text(json.dumps({"cells": [], "who": who}), encoding="utf-8")
    AnswerStore(folder).save("m1.quality.affect", "a")
    return folder


def handin_file(folder: Path, name: str, now: datetime, dest: Path) -> Path:
    filename, data = make_handin(folder, name, now=now)
    dest.mkdir(parents=True, exist_ok=True)
    (dest / filename).write_bytes(data)
    return dest / filename


def test_the_zip_holds_the_module_and_a_manifest_that_checks(tmp_path: Path) -> None:
    folder = module_folder(tmp_path, "olena")
    filename, data = make_handin(folder, "Бондаренко Олена", now=LATE)
    assert filename == f"{MODULE}-Бондаренко Олена.zip"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        contents = {n: archive.read(n) for n in names}
    assert sorted(names) == sorted(
        [MANIFEST, *(f"{MODULE}/{n}" for n in NOTEBOOKS), f"{MODULE}/{ANSWERS_FILE}"]
    )
    manifest = json.loads(contents[MANIFEST])
    assert manifest["name"] == "Бондаренко Олена" and manifest["module"] == MODULE
    told = verify("x.zip", contents.pop(MANIFEST), contents)
    assert told.created == LATE and len(told.files) == 3


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("edit", f"{MODULE}/{ANSWERS_FILE} differs from its SHA-256"),
        ("drop", f"{MODULE}/{NOTEBOOKS[0]} is listed but not in the zip"),
        ("add", "extra.ipynb is in the zip but not in the manifest"),
    ],
)
def test_a_changed_zip_is_named_with_the_file_that_differs(
    tmp_path: Path, change: str, expected: str
) -> None:
    _, data = make_handin(module_folder(tmp_path, "olena"), "Олена", now=LATE)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        contents = {n: archive.read(n) for n in archive.namelist()}
    manifest = contents.pop(MANIFEST)
    if change == "edit":
        contents[f"{MODULE}/{ANSWERS_FILE}"] += b" "
    elif change == "drop":
        del contents[f"{MODULE}/{NOTEBOOKS[0]}"]
    else:
        contents["extra.ipynb"] = b"{}"
    with pytest.raises(ManifestError) as err:
        verify("olena.zip", manifest, contents, "en")
    assert str(err.value).startswith(f"olena.zip: {MANIFEST}: {expected}")
    assert "press the hand-in button again" in str(err.value)


def test_the_file_name_keeps_cyrillic_and_drops_what_a_file_system_refuses() -> None:
    assert handin_name(MODULE, " Кіт  Мар’яна ") == f"{MODULE}-Кіт Мар’яна.zip"
    assert handin_name(MODULE, 'a/b\\c:d*"?') == f"{MODULE}-a b c d.zip"
    assert handin_name(MODULE, "///") == f"{MODULE}.zip"


def test_the_name_is_typed_once_for_the_course(tmp_path: Path) -> None:
    first = module_folder(tmp_path, "olena")
    second = tmp_path / "olena" / "module2_difficult_situations"
    second.mkdir()
    widget = HandIn(first, "uk")
    assert widget.name == "" and widget.filename == f"{MODULE}-….zip"
    widget.name = "  Бондаренко Олена "
    assert json.loads((first / NAME_FILE).read_text(encoding="utf-8")) == {
        "name": "Бондаренко Олена"
    }
    assert widget.filename == f"{MODULE}-Бондаренко Олена.zip"
    assert read_name(second) == "Бондаренко Олена"
    assert HandIn(second, "en").name == "Бондаренко Олена"


def test_a_graded_run_shows_the_name_as_text_without_anywidget(tmp_path: Path) -> None:
    """Under nbgrader nobody can click: the name as text, and anywidget never loads."""
    folder = module_folder(tmp_path, "olena")
    (folder / NAME_FILE).write_text('{"name": "Кіт Мар’яна"}', encoding="utf-8")
    code = (
        "import sys; from clientlearn.handin import handin_view; "
        f"view = handin_view(folder={str(folder)!r}); "
        "print(view.as_text()); print('anywidget' in sys.modules)"
    )
    env = dict(os.environ, NBGRADER_EXECUTION="autograde")
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
        env=env,
    )
    assert out.stdout.splitlines() == [
        "Здати роботу",
        "Ім’я, вписане для здачі: Кіт Мар’яна.",
        "False",
    ]


def test_the_button_sends_the_zip_to_the_browser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = module_folder(tmp_path, "olena")
    widget = HandIn(folder, "en")
    sent: list[tuple[Any, Any]] = []
    monkeypatch.setattr(
        widget, "send", lambda content, buffers=None: sent.append((content, buffers))
    )
    widget.name = "Бондаренко Олена"
    widget._message(widget, {"type": "handin"}, [])
    [(content, buffers)] = sent
    assert content == {"type": "download", "filename": f"{MODULE}-Бондаренко Олена.zip"}
    with zipfile.ZipFile(io.BytesIO(buffers[0])) as archive:
        assert f"{MODULE}/{ANSWERS_FILE}" in archive.namelist()
    assert widget.status.startswith(f"The file {MODULE}-Бондаренко Олена.zip is ready (4 files")


def test_the_lesson_line_places_the_widget_once() -> None:
    bank = load_bank(Path(__file__).parent / "fixtures" / "showcase" / "questions.yaml")
    nb = build_notebook("# Урок\n\n{{ handin }}\n", bank)
    [cell] = [c for c in nb.cells if "handin_view" in c.source]
    assert cell.source.startswith("from clientlearn.handin import handin_view")
    assert cell.metadata["nbgrader"]["locked"] and not cell.metadata["nbgrader"]["grade"]
    with pytest.raises(ClientlearnError, match=r"<lesson>:4: \{\{ handin \}\} is used twice"):
        build_notebook("# Урок\n\n{{ handin }}\n{{ handin }}\n", bank)


# --- clientlearn collect ----------------------------------------------------------------


@pytest.fixture
def course(tmp_path: Path) -> Course:
    course = Course.create(tmp_path / "course")
    release = course.release_dir(MODULE)
    release.mkdir(parents=True)
    for name in NOTEBOOKS:
        (release / name).write_text("{}", encoding="utf-8")
    (course.root / "roster.csv").write_text(ROSTER, encoding="utf-8")
    return course


def test_collect_takes_handins_by_name_and_keeps_the_newer(course: Course, tmp_path: Path) -> None:
    olena = module_folder(tmp_path / "work", "olena")
    inbox = tmp_path / "inbox"
    handin_file(olena, "Бондаренко Олена", LATE, inbox)
    # Мар’яна's zip, renamed by her browser; the manifest's name still matches.
    mariana = module_folder(tmp_path / "work", "mariana")
    made = handin_file(mariana, "Кіт Мар’яна", EARLY, tmp_path / "made")
    made.rename(inbox / "download (3).zip")
    result = collect_submissions(course.root, MODULE, [inbox])
    assert result.unmatched == []
    taken = {t.student: t for t in result.taken}
    assert sorted(taken) == ["bondarenko_olena", "kit_mariana"]
    assert taken["bondarenko_olena"].time == LATE.timestamp()  # the manifest's, in UTC
    folder = course.submission_dir("bondarenko_olena", MODULE)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [*NOTEBOOKS, ANSWERS_FILE, "timestamp.txt"]
    )
    assert (folder / ANSWERS_FILE).read_bytes() == (olena / ANSWERS_FILE).read_bytes()

    # An older hand-in of Олена's comes later: the newer one stays.
    AnswerStore(olena).save("m1.quality.affect", "b")
    older = handin_file(olena, "Бондаренко Олена", EARLY, tmp_path / "older")
    again = collect_submissions(course.root, MODULE, [older])
    assert again.taken == [] and [p.student for p in again.passed] == ["bondarenko_olena"]
    assert b'"b"' not in (folder / ANSWERS_FILE).read_bytes()


def test_collect_names_a_damaged_handin_and_copies_nothing_of_it(
    course: Course, tmp_path: Path
) -> None:
    zip_path = handin_file(
        module_folder(tmp_path / "work", "olena"), "Бондаренко Олена", LATE, tmp_path / "in"
    )
    # Unpacked, an answer changed by hand, packed again.
    with zipfile.ZipFile(zip_path) as archive:
        contents = {n: archive.read(n) for n in archive.namelist()}
    contents[f"{MODULE}/{ANSWERS_FILE}"] = contents[f"{MODULE}/{ANSWERS_FILE}"].replace(
        b'"a"', b'"c"'
    )
    with zipfile.ZipFile(zip_path, "w") as archive:
        for name, data in contents.items():
            archive.writestr(name, data)
    old = Path.cwd()
    os.chdir(course.root)
    try:
        result = CliRunner().invoke(cli, ["collect", MODULE, str(zip_path), "--lang", "en"])
    finally:
        os.chdir(old)
    assert result.exit_code == 1, result.output
    assert (
        f"{zip_path}: {MANIFEST}: {MODULE}/{ANSWERS_FILE} differs from its SHA-256 in the "
        "manifest; ask the participant to press the hand-in button again"
    ) in result.output
    assert not course.submission_dir("bondarenko_olena", MODULE).exists()
