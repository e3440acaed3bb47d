"""The shapes handed-in work arrives in, collected without running nbgrader: Moodle's flat
download extracted into a folder, a zip a participant uploaded to Moodle, a zip holding
more than the module, namesakes, and a notebook outside anyone's folder."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from clientlearn.core.errors import ClientlearnError
from clientlearn.grader.coursefolder import Course
from clientlearn.grader.intake import collect_submissions
from clientlearn.runtime.store import ANSWERS_FILE

MODULE = "module1_client_service"
NOTEBOOK = "01_quality_service.ipynb"
ROSTER = """\
id,name,first_name,last_name,email
bondarenko_olena,Бондаренко Олена,Олена,Бондаренко,
koval_ivan,Коваль Іван,Іван,Коваль,
koval_ivan_2,Коваль Іван,Іван,Коваль,
diachuk_yaroslav,Дʼячук Ярослав,Ярослав,Дʼячук,
"""


def notebook(text: str) -> bytes:
    return json.dumps({"cells": [], "metadata": {"who": text}}).encode("utf-8")


@pytest.fixture
def course(tmp_path: Path) -> Course:
    course = Course.create(tmp_path / "course")
    course.release_dir(MODULE).mkdir(parents=True)
    (course.release_dir(MODULE) / NOTEBOOK).write_bytes(notebook("released"))
    (course.root / "roster.csv").write_text(ROSTER, encoding="utf-8")
    return course


def submitted(course: Course, student: str) -> dict[str, bytes]:
    folder = course.submission_dir(student, MODULE)
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.name != "timestamp.txt"}


def test_moodle_flat_download_extracted_and_a_zip_uploaded_to_moodle(
    course: Course, tmp_path: Path
) -> None:
    download = tmp_path / "download"
    download.mkdir()
    # Flat: Moodle's prefix and the file's name in one.
    flat = "Олена Бондаренко_11_assignsubmission_file_"
    (download / f"{flat}{NOTEBOOK}").write_bytes(notebook("olena"))
    (download / f"{flat}{ANSWERS_FILE}").write_text("{}", encoding="utf-8")
    # Ярослав uploaded his zipped module folder (the name's apostrophe another one).
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr(f"{MODULE}/{NOTEBOOK}", notebook("yaroslav"))
        zf.writestr(f"{MODULE}/{ANSWERS_FILE}", "{}")
        zf.writestr(f"old/{NOTEBOOK}", notebook("an old copy elsewhere"))
        zf.writestr(f"__MACOSX/{MODULE}/._{NOTEBOOK}", b"junk")
    folder = download / "Ярослав Д’ячук_12_assignsubmission_file_"
    folder.mkdir()
    (folder / "module1.zip").write_bytes(inner.getvalue())

    result = collect_submissions(course.root, MODULE, [download])
    assert sorted(t.student for t in result.taken) == ["bondarenko_olena", "diachuk_yaroslav"]
    assert submitted(course, "bondarenko_olena") == {
        NOTEBOOK: notebook("olena"),
        ANSWERS_FILE: b"{}",
    }
    assert submitted(course, "diachuk_yaroslav") == {
        NOTEBOOK: notebook("yaroslav"),
        ANSWERS_FILE: b"{}",
    }
    assert result.unmatched == []


def test_namesakes_and_a_stray_notebook_are_named_not_copied(
    course: Course, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "Коваль Іван").mkdir(parents=True)
    (inbox / "Коваль Іван" / NOTEBOOK).write_bytes(notebook("which Іван?"))
    (inbox / NOTEBOOK).write_bytes(notebook("whose?"))
    (inbox / "bondarenko_olena").mkdir()
    (inbox / "bondarenko_olena" / "notes.pdf").write_bytes(b"%PDF")

    result = collect_submissions(course.root, MODULE, [inbox], lang="en")
    reasons = {(u.label, u.reason, u.ids) for u in result.unmatched}
    assert reasons == {
        ("Коваль Іван", "several", ("koval_ivan", "koval_ivan_2")),
        ("", "no_name", ()),
        ("bondarenko_olena", "no_notebook", ("bondarenko_olena",)),
    }
    assert result.taken == [] and not (course.root / "submitted").exists()


def test_a_source_that_is_not_a_zip_is_a_clear_error(course: Course, tmp_path: Path) -> None:
    bad = tmp_path / "moodle.zip"
    bad.write_text("<html>Session expired</html>", encoding="utf-8")
    with pytest.raises(ClientlearnError, match=r"moodle\.zip is not a zip archive"):
        collect_submissions(course.root, MODULE, [bad])
