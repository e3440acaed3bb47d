"""Collecting Moodle's "Download all submissions" zip with the real ``nbgrader zip_collect``:
Cyrillic names and every apostrophe map to roster ids (or the gradebook's names), the
notebook and the answers file land in ``submitted/``, and an unknown name is reported."""

from __future__ import annotations

import csv
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import nbformat
import pytest

from clientlearn.core.errors import ClientlearnError
from clientlearn.grader.collect import MoodleCollector, name_key, read_roster
from clientlearn.grader.coursefolder import Course
from clientlearn.runtime.bank import load_bank
from clientlearn.runtime.store import ANSWERS_FILE
from clientlearn.trainer.authoring import build_notebook

from .conftest import SHOWCASE

MODULE = "module1"
NOTEBOOK = "01_quality_service.ipynb"
COLLECT = "--ZipCollectApp.collector_plugin=clientlearn.nbgrader_plugins.MoodleCollector"

ROSTER = """\
id,name,first_name,last_name,email
bondarenko_olena,Бондаренко Олена Петрівна,Олена,Бондаренко,olena@example.org
kit_mariana,Кіт Мар’яна,Мар’яна,Кіт,
shevchenko_taras,Шевченко Тарас,Тарас,Шевченко,
diachuk_yaroslav,Дʼячук Ярослав,Ярослав,Дʼячук,
"""
ANSWERS = json.dumps({"format": "clientlearn-answers", "version": 1, "answers": {}})

# What Moodle puts in the zip: (path inside the zip, who it should land with or None).
ENTRIES = [
    # Download in folders, "First Last" (the default of Moodle's fullnamedisplay).
    (f"Олена Бондаренко_123456_assignsubmission_file_/{NOTEBOOK}", "bondarenko_olena"),
    (f"Олена Бондаренко_123456_assignsubmission_file_/{ANSWERS_FILE}", "bondarenko_olena"),
    ("Олена Бондаренко_123456_assignsubmission_file_/notes.txt", None),
    ("Олена Бондаренко_123456_assignsubmission_file_/other.json", None),
    ("Олена Бондаренко_123456_assignsubmission_onlinetext_/onlinetext.html", None),
    # Moodle strips the ASCII apostrophe from file names: «Мар'яна» arrives as «Маряна».
    (f"Маряна Кіт_123457_assignsubmission_file_/{NOTEBOOK}", "kit_mariana"),
    # A flat download, "Last First", upper case, two spaces and another apostrophe.
    (f"ШЕВЧЕНКО  Тарас_123458_assignsubmission_file_{NOTEBOOK}", "shevchenko_taras"),
    (f"Ярослав Д’ячук_123459_assignsubmission_file_/{NOTEBOOK}", "diachuk_yaroslav"),
    (f"Ярослав Д’ячук_123459_assignsubmission_file_/{ANSWERS_FILE}", "diachuk_yaroslav"),
    # Nobody of that name is on the roster.
    (f"Петро Невідомий_123460_assignsubmission_file_/{NOTEBOOK}", None),
]


def moodle_zip(path: Path, notebook: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as zf:
        for name, _ in ENTRIES:
            data = notebook if name.endswith(".ipynb") else ANSWERS.encode("utf-8")
            zf.writestr(name, data)


def collected(course: Course) -> dict[str, list[str]]:
    root = course.root / "submitted"
    if not root.exists():
        return {}
    return {
        student.name: sorted(p.name for p in (student / MODULE).iterdir())
        for student in sorted(root.iterdir())
    }


EXPECTED = {
    "bondarenko_olena": [NOTEBOOK, ANSWERS_FILE],
    "diachuk_yaroslav": [NOTEBOOK, ANSWERS_FILE],
    "kit_mariana": [NOTEBOOK],
    "shevchenko_taras": [NOTEBOOK],
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One released module, collected twice: with roster.csv, then with the gradebook's
    names only."""
    root = tmp_path_factory.mktemp("moodle")
    source = root / "src" / MODULE
    source.mkdir(parents=True)
    shutil.copy(SHOWCASE, source / "questions.yaml")
    nb = build_notebook("# Якість\n\n{{ ask sc.single }}", load_bank(SHOWCASE))
    nbformat.write(nb, source / NOTEBOOK)
    course = Course.create(root / "course")
    course.add_source(source)
    course.nbgrader("generate_assignment", MODULE, "--force")
    released = (course.release_dir(MODULE) / NOTEBOOK).read_bytes()
    moodle_zip(course.root / "downloaded" / MODULE / "archive" / "submissions.zip", released)

    (course.root / "roster.csv").write_text(ROSTER, encoding="utf-8")
    first = course.nbgrader("zip_collect", MODULE, COLLECT)
    out: dict[str, Any] = {"roster": collected(course), "roster_log": first.stdout + first.stderr}

    # Without a roster, the gradebook's students (as `nbgrader db student import` left them).
    (course.root / "roster.csv").unlink()
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course.root / 'gradebook.db'}") as gb:
        for row in csv.DictReader(ROSTER.splitlines()):
            gb.update_or_create_student(
                row["id"], first_name=row["first_name"], last_name=row["last_name"]
            )
    second = course.nbgrader("zip_collect", MODULE, COLLECT, "--force")
    out["gradebook"] = collected(course)
    out["gradebook_log"] = second.stdout + second.stderr
    return out


@pytest.mark.nbgrader
@pytest.mark.parametrize("source", ["roster", "gradebook"])
def test_notebooks_and_answers_land_with_their_participant(
    runs: dict[str, Any], source: str
) -> None:
    assert runs[source] == EXPECTED


@pytest.mark.nbgrader
@pytest.mark.parametrize("source", ["roster", "gradebook"])
def test_an_unknown_name_is_skipped_and_reported_at_the_end(
    runs: dict[str, Any], source: str
) -> None:
    log: str = runs[source + "_log"]
    assert "Невідомий" not in "".join(runs[source])
    # Each skipped file is named when it is met ...
    skipped = [line for line in log.splitlines() if "Skipping" in line and "Невідомий" in line]
    assert len(skipped) == 1 and "roster.csv" in skipped[0]
    # ... and again in one summary after the last file was parsed.
    summary = log.index("NOT COLLECTED: 1 Moodle name(s)")
    assert summary > log.rindex("Parsing file:")
    assert "Петро Невідомий: " + NOTEBOOK in log[summary:]
    assert "roster.csv" in log[summary:]
    # Online text is skipped quietly; it holds no notebook.
    assert "onlinetext holds no notebook" in log


@pytest.mark.nbgrader
def test_without_a_roster_the_gradebook_is_used(runs: dict[str, Any]) -> None:
    assert "No " in runs["gradebook_log"] and "the gradebook's students" in runs["gradebook_log"]


# --- names and the roster (no nbgrader run) -------------------------------------------


def test_name_keys_ignore_case_apostrophes_spaces_and_order() -> None:
    same = ["Мар'яна Кіт", "КІТ  Марʼяна", "Кіт Маряна", "мар’яна кіт", "Мар`яна_Кіт"]
    assert len({name_key(n) for n in same}) == 1
    assert name_key("Олена Бондаренко") != name_key("Олена Бондар")


def collector(tmp_path: Path, roster: str) -> MoodleCollector:
    (tmp_path / "roster.csv").write_text(roster, encoding="utf-8-sig")
    return MoodleCollector(roster=str(tmp_path / "roster.csv"))


def test_namesakes_are_not_guessed(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    plugin = collector(tmp_path, "id,first_name,last_name\na1,Іван,Коваль\na2,Іван,Коваль\n")
    path = str(tmp_path / f"Іван Коваль_1_assignsubmission_file_/{NOTEBOOK}")
    assert plugin.collect(path) is None
    plugin.report()
    assert "a1, a2" in caplog.text and "NOT COLLECTED" in caplog.text


def test_a_zip_read_as_cp437_still_matches(tmp_path: Path) -> None:
    plugin = collector(tmp_path, ROSTER)
    garbled = "Олена Бондаренко".encode().decode("cp437")
    path = str(tmp_path / f"{garbled}_1_assignsubmission_file_{NOTEBOOK}")
    assert plugin.collect(path) == {"student_id": "bondarenko_olena", "file_id": NOTEBOOK}


def test_a_second_copy_for_one_person_is_skipped_not_fatal(tmp_path: Path) -> None:
    plugin = collector(tmp_path, ROSTER)
    first = str(tmp_path / f"Тарас Шевченко_1_assignsubmission_file_/{NOTEBOOK}")
    second = str(tmp_path / f"Шевченко Тарас_2_assignsubmission_file_/{NOTEBOOK}")
    assert plugin.collect(first) == {"student_id": "shevchenko_taras", "file_id": NOTEBOOK}
    assert plugin.collect(second) is None


def test_a_roster_without_ids_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "roster.csv").write_text("name\nОлена\n", encoding="utf-8")
    with pytest.raises(ClientlearnError, match="no 'id' column"):
        read_roster(tmp_path / "roster.csv")


def test_a_roster_saved_again_by_excel_still_reads(tmp_path: Path) -> None:
    """Opened and saved in Excel with Ukrainian settings: a BOM, ';' and CRLF."""
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER.replace(",", ";").replace("\n", "\r\n"), encoding="utf-8-sig")
    people = read_roster(path)
    assert [p.id for p in people][:2] == ["bondarenko_olena", "kit_mariana"]
    assert people[1].names == ("Мар’яна Кіт", "Кіт Мар’яна")
