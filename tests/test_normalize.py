from __future__ import annotations

import pytest

from clientlearn.core.normalize import normalize_text, parse_number


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Активне  слухання.", "активне слухання"),
        ("«Активне слухання»", "активне слухання"),
        ("м’ята", "м'ята"),
        ("мʼята", "м'ята"),
        ("м`ята", "м'ята"),
        # The seed writes «СВSD» and «НR» with Cyrillic С, В and Н.
        ("СВSD", "cbsd"),
        ("НR", "hr"),
        # A Latin i inside a Ukrainian word.
        ("бiблiотека", "бібліотека"),
        ("Бібліотека", "бібліотека"),
        ("Інтернет–центр", "інтернет-центр"),
    ],
)
def test_normalize_text(typed: str, expected: str) -> None:
    assert normalize_text(typed) == expected


def test_look_alikes_compare_equal_both_ways() -> None:
    assert (
        normalize_text("CBSD") == normalize_text("СВSD") == normalize_text("СВЅD".replace("Ѕ", "S"))
    )
    assert normalize_text("Вінниця") == normalize_text("Bінниця")


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("3", 3.0),
        ("3,5", 3.5),
        ("3.5", 3.5),
        (" 1 000 ", 1000.0),
        ("−2", -2.0),
        (",5", 0.5),
        (4, 4.0),
    ],
)
def test_parse_number(typed: str | int, value: float) -> None:
    assert parse_number(typed) == value


@pytest.mark.parametrize("typed", ["", "три", "3,5,1", "1e5x", "--1"])
def test_parse_number_rejects(typed: str) -> None:
    assert parse_number(typed) is None


def test_bool_is_not_a_number() -> None:
    assert parse_number(True) is None  # type: ignore[arg-type]


def test_numbers_are_written_one_way() -> None:
    from clientlearn.core.numbers import format_number

    assert format_number(2.45, "uk", digits=1) == "2,5"  # half up, not half to even
    assert format_number(2.5, "en", digits=0) == "3"
    assert format_number(-0.04, "uk", digits=1) == "0,0"  # never "−0,0"
    assert format_number(-1.25, "uk", digits=2, sign=True) == "−1,25"
    assert format_number(0.5, "uk", digits=1, sign=True) == "+0,5"
    assert format_number(3.0, "uk") == "3"
    assert format_number(2.5, "uk") == "2,5"
    assert format_number(1 / 3, "en") == "0.33"
