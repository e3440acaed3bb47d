"""Roster import: reading Excel's CSV and XLSX, checking, ids, the gradebook and roster.csv."""

from __future__ import annotations

import contextlib
import csv
import io
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from clientlearn.cli import cli
from clientlearn.cli.roster import LABELS
from clientlearn.core.errors import ClientlearnError, InputFileError
from clientlearn.core.tables import read_csv_rows
from clientlearn.grader.coursefolder import Course
from clientlearn.trainer.groups import read_roster
from clientlearn.trainer.roster import ROSTER_COLUMNS, RosterError, load_roster
from clientlearn.trainer.roster_import import ImportResult, import_roster

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "course" / "sample_roster.csv"

HEADER_UK = ["ПІБ", "Бібліотека", "Область", "Електронна пошта"]
HEADER_EN = [" Full  Name ", "LIBRARY", "Region", "E-mail"]
PEOPLE = [
    ["Коваленко Людмила Петрівна", "Барська ЦБС", "Вінницька", "l.kovalenko@example.org"],
    ["Ткаченко Мар'яна Сергіївна", "Гайсинська ЦБС, філія №2", "Вінницька", "m.t@example.org"],
    ["Мельник Вʼячеслав Олегович", "Знам’янська міська бібліотека", "Кіровоградська", ""],
    ["Щербак Єва Романівна", "Чернігівська ОУНБ", "Чернігівська", "ye.shcherbak@example.org"],
]
IDS = ["kovalenko_liudmyla", "tkachenko_mariana", "melnyk_viacheslav", "shcherbak_yeva"]


def csv_bytes(
    rows: list[list[str]], *, encoding: str = "utf-8", delimiter: str = ",", newline: str = "\n"
) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return out.getvalue().encode(encoding)


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def write_xlsx(path: Path, rows: list[list[Any]], *, title: str = "Учасники") -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def students(course: Path) -> dict[str, tuple[str | None, str | None, str | None]]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        return {s.id: (s.first_name, s.last_name, s.email) for s in gb.students}


@pytest.fixture(scope="module")
def sample_course(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ImportResult]:
    """The sample roster imported into a new course: the one real gradebook creation
    (nbgrader runs an `alembic` subprocess for it, several seconds)."""
    root = Course.create(tmp_path_factory.mktemp("sample") / "course").root
    return root, import_roster(SAMPLE, root)


@pytest.fixture(scope="module")
def blank_gradebook(
    sample_course: tuple[Path, ImportResult], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A gradebook with no students, copied into each test's course to save the
    `alembic` subprocess."""
    from nbgrader.api import Gradebook

    path = tmp_path_factory.mktemp("blank") / "gradebook.db"
    shutil.copy(sample_course[0] / "gradebook.db", path)
    with Gradebook(f"sqlite:///{path}") as gb:
        for sid in [s.id for s in gb.students]:
            gb.remove_student(sid)
    return path


@pytest.fixture
def new_course(tmp_path: Path) -> Path:
    """A course with no gradebook yet."""
    return Course.create(tmp_path / "new").root


@pytest.fixture
def course(tmp_path: Path, blank_gradebook: Path) -> Path:
    root = Course.create(tmp_path / "course").root
    shutil.copy(blank_gradebook, root / "gradebook.db")
    return root


def problems_of(err: pytest.ExceptionInfo[InputFileError]) -> list[str]:
    return [str(p) for p in err.value.problems]


# ---------------------------------------------------------------- reading


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
@pytest.mark.parametrize("delimiter", [",", ";"])
@pytest.mark.parametrize("newline", ["\r\n", "\n"])
def test_reads_excel_csv(tmp_path: Path, encoding: str, delimiter: str, newline: str) -> None:
    # cp1251 has no ʼ (U+02BC): an old Excel file has the typewriter apostrophe.
    people = [[c.replace("ʼ", "'").replace("’", "'") for c in row] for row in PEOPLE]
    rows = [HEADER_UK, *(people if encoding == "cp1251" else PEOPLE)]
    data = csv_bytes(rows, encoding=encoding, delimiter=delimiter, newline=newline)
    result = load_roster(write(tmp_path / "roster.csv", data))

    assert [p.id for p in result.participants] == IDS
    first = result.participants[0]
    assert (first.name, first.last_name, first.first_name, first.patronymic) == (
        "Коваленко Людмила Петрівна",
        "Коваленко",
        "Людмила",
        "Петрівна",
    )
    assert first.library == "Барська ЦБС" and first.oblast == "Вінницька"
    assert first.email == "l.kovalenko@example.org" and first.row == 2
    # A comma inside a quoted value of a comma file, and every apostrophe made ’.
    assert result.participants[1].library == "Гайсинська ЦБС, філія №2"
    assert result.participants[1].name == "Ткаченко Мар’яна Сергіївна"
    assert result.participants[2].name == "Мельник В’ячеслав Олегович"
    expected = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "cp1251": "Windows-1251"}
    assert result.source == f"CSV, {expected[encoding]}, '{delimiter}'"


def test_reads_xlsx_with_title_row_and_separate_name_columns(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "учасники.xlsx",
        [
            ["Список учасників тренінгу «Орієнтація на клієнта»"],
            [],
            ["№", "Прізвище", "Ім’я", "По батькові", "Бібліотека", "Область", "E-mail", "Телефон"],
            [1, "Коваленко", "Людмила", "Петрівна", "Барська ЦБС", "Вінницька", "l.k@ex.org", 380],
            [2, "Бойко", "Наталія", None, "Бахмацька ЦБС", "Чернігівська", None, None],
            [3],  # a numbered template row with nobody in it
        ],
    )
    result = load_roster(path)
    assert result.header_row == 3
    assert result.source == "XLSX, sheet 'Учасники'"
    assert [(p.row, p.id, p.name) for p in result.participants] == [
        (4, "kovalenko_liudmyla", "Коваленко Людмила Петрівна"),
        (5, "boiko_nataliia", "Бойко Наталія"),
    ]
    assert result.ignored == ("№", "Телефон")
    assert result.participants[0].extra == {"№": "1", "Телефон": "380"}


def test_workbook_is_recognised_by_content(tmp_path: Path) -> None:
    # Saved as .xlsx but renamed .csv: the content decides.
    path = write_xlsx(tmp_path / "roster.xlsx", [HEADER_EN, PEOPLE[0]])
    renamed = path.rename(tmp_path / "roster.csv")
    assert [p.id for p in load_roster(renamed).participants] == IDS[:1]


def test_english_headers_any_case_and_spacing(tmp_path: Path) -> None:
    result = load_roster(write(tmp_path / "r.csv", csv_bytes([HEADER_EN, *PEOPLE])))
    assert dict(result.columns) == {
        "name": " Full  Name ".strip(),
        "library": "LIBRARY",
        "oblast": "Region",
        "email": "E-mail",
    }
    assert [p.id for p in result.participants] == IDS


@pytest.mark.parametrize(
    "header",
    [
        ["Surname", "Name", "Email"],  # "name" beside "surname" is the first name
        ["last name", "first name", "e-mail"],
        ["Прізвище", "Ім'я", "Ел. пошта"],
    ],
)
def test_separate_name_columns(tmp_path: Path, header: list[str]) -> None:
    rows = [header, ["Коваленко", "Людмила", "l@ex.org"], ["Щербак", "Єва", ""]]
    result = load_roster(write(tmp_path / "r.csv", csv_bytes(rows)))
    assert [(p.id, p.name, p.last_name, p.first_name) for p in result.participants] == [
        ("kovalenko_liudmyla", "Коваленко Людмила", "Коваленко", "Людмила"),
        ("shcherbak_yeva", "Щербак Єва", "Щербак", "Єва"),
    ]


def test_name_or_imia_alone_is_the_full_name(tmp_path: Path) -> None:
    rows = [["Ім’я", "Область"], ["Коваленко Людмила", "Вінницька"]]
    result = load_roster(write(tmp_path / "r.csv", csv_bytes(rows, delimiter=";")))
    assert result.participants[0].id == "kovalenko_liudmyla"


def test_sniffs_semicolon_when_the_header_has_commas(tmp_path: Path) -> None:
    text = "Прізвище, ім’я, по батькові;Бібліотека\nКоваленко Людмила;Барська ЦБС\n"
    result = load_roster(write(tmp_path / "r.csv", text))
    assert result.columns["name"] == "Прізвище, ім’я, по батькові"
    assert result.participants[0].library == "Барська ЦБС"


def test_excel_sep_line(tmp_path: Path) -> None:
    text = "sep=;\r\nname;oblast\r\nКоваленко, Людмила;Вінницька\r\n"
    result = load_roster(write(tmp_path / "r.csv", text))
    assert result.participants[0].row == 3
    assert result.participants[0].id == "kovalenko_liudmyla"


def test_unknown_columns_are_kept_and_reported_once(tmp_path: Path) -> None:
    rows = [["name", "посада", "", "oblast"], ["Коваленко Людмила", "бібліотекарка", "x", "В"]]
    rows.append(["Бойко Наталія", "завідувачка", "y", "Ч"])
    result = load_roster(write(tmp_path / "r.csv", csv_bytes(rows)))
    assert result.ignored == ("посада", "column 3 (no header)")
    assert result.participants[1].extra == {"посада": "завідувачка"}


# ---------------------------------------------------------------- ids


def test_namesakes_get_suffixes_in_roster_order(tmp_path: Path) -> None:
    rows = [
        ["name", "email"],
        ["Коваленко Людмила Петрівна", "a@ex.org"],
        ["Бойко Наталія", ""],
        ["Коваленко Людмила Іванівна", "b@ex.org"],
        ["КОВАЛЕНКО Людмила", "c@ex.org"],
    ]
    result = load_roster(write(tmp_path / "r.csv", csv_bytes(rows)))
    assert [p.id for p in result.participants] == [
        "kovalenko_liudmyla",
        "boiko_nataliia",
        "kovalenko_liudmyla_2",
        "kovalenko_liudmyla_3",
    ]


def test_given_ids_are_used_and_never_taken_twice(tmp_path: Path) -> None:
    rows = [
        ["id", "name"],
        ["", "Коваленко Людмила"],
        ["kovalenko_liudmyla", "Коваленко Людмила Іванівна"],
        ["lk.2024", "Бойко Наталія"],
    ]
    result = load_roster(write(tmp_path / "r.csv", csv_bytes(rows)))
    assert [p.id for p in result.participants] == [
        "kovalenko_liudmyla_2",
        "kovalenko_liudmyla",
        "lk.2024",
    ]


def test_name_without_latin_id_names_the_row(tmp_path: Path) -> None:
    rows = [["name"], ["Коваленко Людмила"], ["山田 太郎"]]
    with pytest.raises(RosterError) as err:
        load_roster(write(tmp_path / "r.csv", csv_bytes(rows)))
    [problem] = problems_of(err)
    assert problem.startswith(f"{tmp_path / 'r.csv'}:3: name: cannot make a Latin id")
    assert "add an 'id' column" in problem


# ---------------------------------------------------------------- problems


def test_duplicate_person_names_both_rows(tmp_path: Path) -> None:
    rows = [
        ["ПІБ", "E-mail"],
        ["Ткаченко Мар'яна", "m@ex.org"],
        ["Бойко Наталія", ""],
        ["ткаченко  Мар’яна", "M@ex.org"],  # the same person, typed again
        ["Ткаченко Мар’яна", "other@ex.org"],  # a namesake: different e-mail
    ]
    with pytest.raises(RosterError) as err:
        load_roster(write(tmp_path / "r.csv", csv_bytes(rows)))
    [problem] = problems_of(err)
    assert "r.csv:4: ПІБ: 'ткаченко Мар’яна' is in rows 2 and 4" in problem
    assert "delete one of the two rows" in problem


def test_missing_name_column_lists_the_columns(tmp_path: Path) -> None:
    rows = [["Бібліотека", "Область", "E-mail"], ["Барська ЦБС", "Вінницька", "a@ex.org"]]
    with pytest.raises(RosterError) as err:
        load_roster(write(tmp_path / "r.csv", csv_bytes(rows)))
    message = str(err.value)
    assert ":1: header: no column with the people's names" in message
    assert "'Бібліотека', 'Область', 'E-mail'" in message
    assert "'ПІБ'" in message


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"", "the roster is empty"),
        (b"\r\n ; \r\n", "the roster is empty"),
        ("ПІБ;Область\r\n".encode("utf-8-sig"), r"has a header \(row 1\) but no people"),
    ],
)
def test_empty_roster(tmp_path: Path, data: bytes, needle: str) -> None:
    with pytest.raises(RosterError, match=needle):
        load_roster(write(tmp_path / "r.csv", data))


def test_every_row_problem_is_reported_at_once(tmp_path: Path) -> None:
    rows = [
        ["ПІБ", "Область", "E-mail", "id"],
        ["", "Вінницька", "a@ex.org", ""],
        ["Бойко Наталія", "", "nataliia.boiko@ukr", ""],
        ["Щербак Єва", "", "о.shcherbak@ex.org", ""],  # Cyrillic «о»
        ["Гнатюк Інна", "", "a@ex.org; b@ex.org", ""],
        ["Остапенко Зоя", "", "", "Остапенко"],
    ]
    with pytest.raises(RosterError) as err:
        load_roster(write(tmp_path / "r.csv", csv_bytes(rows)))
    found = problems_of(err)
    assert [p.split(": ")[0].rsplit(":", 1)[1] for p in found] == ["2", "3", "4", "5", "6"]
    assert "ПІБ: no name; fill it in or delete the row" in found[0]
    assert "E-mail: 'nataliia.boiko@ukr' is not an e-mail address" in found[1]
    assert "Cyrillic letter 'о'" in found[2]
    assert "more than one address" in found[3]
    assert "id: 'Остапенко' cannot be an nbgrader id" in found[4]


def test_stray_delimiter_in_a_row(tmp_path: Path) -> None:
    text = "name,oblast\nКоваленко, Людмила,Вінницька\n"
    with pytest.raises(RosterError, match=r":2: row: 3 cells but the header has 2"):
        load_roster(write(tmp_path / "r.csv", text))


def test_two_columns_for_one_field(tmp_path: Path) -> None:
    text = "ПІБ,Full name\nКоваленко Людмила,Коваленко Людмила\n"
    with pytest.raises(RosterError, match="columns 'ПІБ' and 'Full name' both hold the name"):
        load_roster(write(tmp_path / "r.csv", text))


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        ("name\nКоваленко Людмила\n".encode("utf-16"), "UTF-16"),
        # KOI8-U: would read as Windows-1251 gibberish.
        ("name\nКоваленко Людмила\nЩербак Єва\n".encode("koi8-u"), "neither UTF-8 nor"),
        # DOS cp866 (Windows-1251 has a character for every byte but these).
        ("name\nКоваленко Людмила\n".encode("cp866"), "neither UTF-8 nor"),
        # A UTF-8 file damaged on line 3.
        (
            "name\nКоваленко Людмила\nБойко ".encode() + b"\xff\n" + "Щербак Єва\n".encode(),
            ":3: encoding: this line is not valid UTF-8",
        ),
    ],
)
def test_unknown_encodings_are_refused(tmp_path: Path, data: bytes, needle: str) -> None:
    with pytest.raises(InputFileError, match=needle):
        load_roster(write(tmp_path / "r.csv", data))


def test_old_xls_and_damaged_xlsx(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="Excel 97-2003"):
        load_roster(write(tmp_path / "r.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 100))
    with pytest.raises(InputFileError, match="cannot read this workbook"):
        load_roster(write(tmp_path / "r.xlsx", b"PK\x03\x04 not really a zip"))
    with pytest.raises(ClientlearnError, match="not found"):
        load_roster(tmp_path / "nope.csv")


def test_groups_reader_shares_the_decoding(tmp_path: Path) -> None:
    # clientlearn.trainer.groups reads through the same reader: cp1251 and XLSX work there too.
    legacy = write(
        tmp_path / "g.csv", "name;oblast\r\nКоваль Мар'яна;Вінницька\r\n".encode("cp1251")
    )
    assert read_csv_rows(legacy, what="roster")[1] == [
        (2, {"name": "Коваль Мар'яна", "oblast": "Вінницька"})
    ]
    book = write_xlsx(tmp_path / "g.xlsx", [["Name", "Oblast"], ["Коваль Мар'яна", "Вінницька"]])
    assert read_roster(book)[0].value("oblast") == "Вінницька"


# ---------------------------------------------------------------- importing


def test_import_fills_the_gradebook_and_writes_roster_csv(tmp_path: Path, course: Path) -> None:
    source = write(tmp_path / "r.csv", csv_bytes([HEADER_UK, *PEOPLE], encoding="utf-8-sig"))
    result = import_roster(source, course)

    assert [c.status for c in result.changes] == ["new"] * 4
    assert students(course) == {
        "kovalenko_liudmyla": ("Людмила", "Коваленко", "l.kovalenko@example.org"),
        "tkachenko_mariana": ("Мар’яна", "Ткаченко", "m.t@example.org"),
        "melnyk_viacheslav": ("В’ячеслав", "Мельник", None),
        "shcherbak_yeva": ("Єва", "Щербак", "ye.shcherbak@example.org"),
    }
    raw = (course / "roster.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to show Cyrillic
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == ROSTER_COLUMNS
    assert rows[1] == [
        "kovalenko_liudmyla",
        "Коваленко Людмила Петрівна",
        "Людмила",
        "Коваленко",
        "Барська ЦБС",
        "Вінницька",
        "l.kovalenko@example.org",
    ]
    # The other tools read it, and importing it again changes nothing.
    assert [p.id for p in read_roster(course / "roster.csv")] == IDS
    again = import_roster(course / "roster.csv", course)
    assert [c.status for c in again.changes] == ["unchanged"] * 4


def test_reimport_updates_and_keeps_others(tmp_path: Path, course: Path) -> None:
    import_roster(write(tmp_path / "a.csv", csv_bytes([HEADER_UK, *PEOPLE])), course)
    changed = [[*PEOPLE[0][:3], "new@example.org"], PEOPLE[1]]
    result = import_roster(write(tmp_path / "b.csv", csv_bytes([HEADER_UK, *changed])), course)
    assert [(c.participant.id, c.status, c.fields) for c in result.changes] == [
        ("kovalenko_liudmyla", "updated", ("email",)),
        ("tkachenko_mariana", "unchanged", ()),
    ]
    assert result.others == ("melnyk_viacheslav", "shcherbak_yeva")
    found = students(course)
    assert found["kovalenko_liudmyla"][2] == "new@example.org"
    assert len(found) == 4  # nobody is deleted


def test_roster_without_email_column_keeps_gradebook_emails(tmp_path: Path, course: Path) -> None:
    import_roster(write(tmp_path / "a.csv", csv_bytes([HEADER_UK, *PEOPLE])), course)
    result = import_roster(write(tmp_path / "b.csv", "ПІБ\nКоваленко Людмила\n"), course)
    assert result.changes[0].status == "unchanged"
    assert students(course)["kovalenko_liudmyla"][2] == "l.kovalenko@example.org"


def gradebook_state(course: Path) -> tuple[bytes, dict[str, Any]]:
    return (course / "gradebook.db").read_bytes(), students(course)


def test_bad_roster_leaves_gradebook_unchanged(tmp_path: Path, course: Path) -> None:
    import_roster(write(tmp_path / "a.csv", csv_bytes([HEADER_UK, *PEOPLE])), course)
    before = gradebook_state(course)
    roster_csv = (course / "roster.csv").read_bytes()
    bad = [HEADER_UK, [*PEOPLE[0][:3], "changed@example.org"], ["", "", "", "x@ex.org"]]
    with pytest.raises(RosterError, match=":3: ПІБ: no name"):
        import_roster(write(tmp_path / "b.csv", csv_bytes(bad)), course)
    assert gradebook_state(course) == before
    assert (course / "roster.csv").read_bytes() == roster_csv


@pytest.fixture
def failing_update(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[int], None]]:
    """Makes the Nth update_or_create_student call of the import fail."""
    from nbgrader.api import Gradebook

    real = Gradebook.update_or_create_student

    def arm(n: int) -> None:
        calls = {"n": 0}

        def update(self: Any, student_id: str, **kwargs: Any) -> Any:
            calls["n"] += 1
            if calls["n"] == n:
                raise OSError("disk I/O error")
            return real(self, student_id, **kwargs)

        monkeypatch.setattr(Gradebook, "update_or_create_student", update)

    yield arm
    monkeypatch.setattr(Gradebook, "update_or_create_student", real)


def test_failure_while_writing_restores_the_gradebook(
    tmp_path: Path, course: Path, failing_update: Callable[[int], None]
) -> None:
    import_roster(write(tmp_path / "a.csv", csv_bytes([HEADER_UK, *PEOPLE[:2]])), course)
    before = students(course)
    roster_csv = (course / "roster.csv").read_bytes()
    # One update, one new student, then the failure on the third.
    rows = [HEADER_UK, [*PEOPLE[0][:3], "changed@example.org"], PEOPLE[2], PEOPLE[3]]
    failing_update(3)
    with pytest.raises(ClientlearnError) as err:
        import_roster(write(tmp_path / "b.csv", csv_bytes(rows)), course)
    assert "disk I/O error" in str(err.value)
    assert "was left as it was" in str(err.value)
    assert students(course) == before
    assert (course / "roster.csv").read_bytes() == roster_csv


def test_failure_on_a_new_gradebook_removes_it(
    tmp_path: Path,
    new_course: Path,
    blank_gradebook: Path,
    failing_update: Callable[[int], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import nbgrader.api

    # The schema version nbgrader would get from its `alembic heads` subprocess.
    with contextlib.closing(sqlite3.connect(blank_gradebook)) as con:
        [(version,)] = con.execute("SELECT version_num FROM alembic_version").fetchall()
    monkeypatch.setattr(nbgrader.api, "get_alembic_version", lambda: version)
    failing_update(2)
    with pytest.raises(ClientlearnError, match="disk I/O error"):
        import_roster(write(tmp_path / "a.csv", csv_bytes([HEADER_UK, *PEOPLE])), new_course)
    assert not (new_course / "gradebook.db").exists()
    assert not (new_course / "roster.csv").exists()


def test_roster_csv_failure_restores_the_gradebook(tmp_path: Path, course: Path) -> None:
    import_roster(write(tmp_path / "a.csv", csv_bytes([HEADER_UK, *PEOPLE[:2]])), course)
    before = students(course)
    (course / "roster.csv").unlink()
    (course / "roster.csv").mkdir()  # cannot be replaced by a file
    with pytest.raises(ClientlearnError, match="cannot write"):
        import_roster(write(tmp_path / "b.csv", csv_bytes([HEADER_UK, *PEOPLE])), course)
    assert students(course) == before


def test_dry_run_writes_nothing(tmp_path: Path, new_course: Path, course: Path) -> None:
    source = write(tmp_path / "a.csv", csv_bytes([HEADER_UK, *PEOPLE]))
    files = sorted(new_course.iterdir())
    result = import_roster(source, new_course, dry_run=True)
    assert result.dry_run and [c.status for c in result.changes] == ["new"] * 4
    assert sorted(new_course.iterdir()) == files  # no gradebook.db, no roster.csv

    import_roster(source, course)
    before = gradebook_state(course), (course / "roster.csv").stat().st_mtime_ns
    changed = [HEADER_UK, [*PEOPLE[0][:3], "changed@example.org"]]
    plan = import_roster(write(tmp_path / "b.csv", csv_bytes(changed)), course, dry_run=True)
    assert plan.changes[0].status == "updated"
    assert (gradebook_state(course), (course / "roster.csv").stat().st_mtime_ns) == before


def test_sample_roster_imports_cleanly(sample_course: tuple[Path, ImportResult]) -> None:
    course, result = sample_course
    ids = [c.participant.id for c in result.changes]
    assert len(ids) == 20 and len(set(ids)) == 20
    assert {c.status for c in result.changes} == {"new"}
    assert ids[:4] == [
        "kovalenko_liudmyla",
        "bondarenko_oksana",
        "tkachenko_mariana",
        "melnyk_viacheslav",
    ]
    assert result.roster.ignored == ()
    assert set(students(course)) == set(ids)


def test_not_a_course_folder(tmp_path: Path) -> None:
    with pytest.raises(ClientlearnError, match="not an nbgrader course folder"):
        import_roster(SAMPLE, tmp_path)


# ---------------------------------------------------------------- command line


def test_cli_import_table_and_summary(tmp_path: Path, course: Path) -> None:
    source = write(tmp_path / "a.csv", csv_bytes([HEADER_UK, *PEOPLE], delimiter=";"))
    runner = CliRunner()
    dry = runner.invoke(
        cli, ["roster", "import", str(source), "--course", str(course), "--dry-run"]
    )
    assert dry.exit_code == 0, dry.output
    assert "новий  kovalenko_liudmyla  Коваленко Людмила Петрівна  Вінницька" in dry.output
    assert "Учасників: 4; нових: 4, оновлених: 0, без змін: 0." in dry.output
    assert "Пробний запуск: нічого не записано." in dry.output
    assert students(course) == {}
    assert not (course / "roster.csv").exists()

    done = runner.invoke(
        cli, ["roster", "import", str(source), "--course", str(course), "--lang", "en"]
    )
    assert done.exit_code == 0, done.output
    assert "4 participants: 4 new, 0 updated, 0 unchanged." in done.output
    assert f"Written: {course / 'gradebook.db'}, {course / 'roster.csv'}." in done.output


def test_cli_errors_are_clean(tmp_path: Path, course: Path) -> None:
    source = write(tmp_path / "a.csv", "Область\nВінницька\n")
    result = CliRunner().invoke(cli, ["roster", "import", str(source), "--course", str(course)])
    assert result.exit_code == 1
    assert "Помилка:" in result.output and "немає стовпця з іменами людей" in result.output
    assert "Traceback" not in result.output
    missing = CliRunner().invoke(
        cli, ["roster", "import", str(tmp_path / "nope.csv"), "--course", str(course)]
    )
    assert missing.exit_code == 1 and "не знайдено" in missing.output


def test_cli_labels_exist_in_both_languages() -> None:
    assert all(set(texts) == {"uk", "en"} and all(texts.values()) for texts in LABELS.values())
