"""The official Ukrainian transliteration (resolution No. 55 of 27 January 2010) and ids."""

from __future__ import annotations

import unicodedata

import pytest

from clientlearn.core.translit import student_id, to_ascii_id, transliterate

# The examples printed in the resolution's table, letter by letter.
OFFICIAL = [
    ("Алушта", "Alushta"),
    ("Андрій", "Andrii"),
    ("Борщагівка", "Borshchahivka"),
    ("Борисенко", "Borysenko"),
    ("Вінниця", "Vinnytsia"),
    ("Володимир", "Volodymyr"),
    ("Гадяч", "Hadiach"),
    ("Богдан", "Bohdan"),
    ("Згурський", "Zghurskyi"),
    ("Ґалаґан", "Galagan"),
    ("Ґорґани", "Gorgany"),
    ("Донецьк", "Donetsk"),
    ("Дмитро", "Dmytro"),
    ("Рівне", "Rivne"),
    ("Олег", "Oleh"),
    ("Есмань", "Esman"),
    ("Єнакієве", "Yenakiieve"),
    ("Гаєвич", "Haievych"),
    ("Короп'є", "Koropie"),
    ("Житомир", "Zhytomyr"),
    ("Жанна", "Zhanna"),
    ("Жежелів", "Zhezheliv"),
    ("Закарпаття", "Zakarpattia"),
    ("Казимирчук", "Kazymyrchuk"),
    ("Медвин", "Medvyn"),
    ("Михайленко", "Mykhailenko"),
    ("Іванків", "Ivankiv"),
    ("Іващенко", "Ivashchenko"),
    ("Їжакевич", "Yizhakevych"),
    ("Кадиївка", "Kadyivka"),
    ("Мар'їне", "Marine"),
    ("Йосипівка", "Yosypivka"),
    ("Стрий", "Stryi"),
    ("Олексій", "Oleksii"),
    ("Київ", "Kyiv"),
    ("Коваленко", "Kovalenko"),
    ("Лебедин", "Lebedyn"),
    ("Леонід", "Leonid"),
    ("Михайлівка", "Mykhailivka"),
    ("Маркіян", "Markiian"),
    ("Науменко", "Naumenko"),
    ("Наталія", "Nataliia"),
    ("Одеса", "Odesa"),
    ("Онищенко", "Onyshchenko"),
    ("Полтава", "Poltava"),
    ("Петро", "Petro"),
    ("Решетилівка", "Reshetylivka"),
    ("Рибчинський", "Rybchynskyi"),
    ("Суми", "Sumy"),
    ("Соломія", "Solomiia"),
    ("Тернопіль", "Ternopil"),
    ("Троць", "Trots"),
    ("Ужгород", "Uzhhorod"),
    ("Уляна", "Uliana"),
    ("Фастів", "Fastiv"),
    ("Філіпчук", "Filipchuk"),
    ("Харків", "Kharkiv"),
    ("Христина", "Khrystyna"),
    ("Біла Церква", "Bila Tserkva"),
    ("Стеценко", "Stetsenko"),
    ("Чернівці", "Chernivtsi"),
    ("Шевченко", "Shevchenko"),
    ("Шостка", "Shostka"),
    ("Кишеньки", "Kyshenky"),
    ("Щербухи", "Shcherbukhy"),
    ("Гоща", "Hoshcha"),
    ("Гаращенко", "Harashchenko"),
    ("Юрій", "Yurii"),
    ("Корюківка", "Koriukivka"),
    ("Яготин", "Yahotyn"),
    ("Ярошенко", "Yaroshenko"),
    ("Костянтин", "Kostiantyn"),
    ("Знам'янка", "Znamianka"),
    ("Феодосія", "Feodosiia"),
    # «зг» → «zgh» (resolution, note 1).
    ("Згорани", "Zghorany"),
    ("Розгон", "Rozghon"),
]


@pytest.mark.parametrize(("ukrainian", "latin"), OFFICIAL)
def test_official_examples(ukrainian: str, latin: str) -> None:
    assert transliterate(ukrainian) == latin


def test_letter_table() -> None:
    lower = "абвгґдежзиіклмнопрстуфхцчшщь"
    assert transliterate(lower) == "abvhgdezhzyiklmnoprstufkhtschshshch"
    # Є Ї Й Ю Я: word-initial forms, then the forms inside a word.
    assert transliterate("є ї й ю я") == "ye yi y yu ya"
    assert transliterate("аєаїайаюая") == "aieaiaiaiuaia"
    assert transliterate("Щ Х Ц Ж Г Ґ И І") == "Shch Kh Ts Zh H G Y I"


@pytest.mark.parametrize("apostrophe", ["'", "’", "ʼ", "‘", "`"])
def test_every_apostrophe_is_dropped(apostrophe: str) -> None:
    assert transliterate(f"Мар{apostrophe}яна") == "Mariana"
    assert transliterate(f"В{apostrophe}ячеслав") == "Viacheslav"
    assert transliterate(f"Короп{apostrophe}є") == "Koropie"  # not word-initial


def test_words_and_case() -> None:
    assert transliterate("Ново-Ямпіль") == "Novo-Yampil"  # a hyphen starts a new word
    assert transliterate("ЩЕРБАК Єва") == "SHCHERBAK Yeva"
    assert transliterate("ЗГОРАНИ") == "ZGHORANY"
    assert transliterate("Я") == "Ya"
    assert transliterate("Olha 2024!") == "Olha 2024!"  # not Cyrillic: kept


def test_decomposed_letters_are_composed_first() -> None:
    # macOS and some web forms send й as и + combining breve.
    assert transliterate(unicodedata.normalize("NFD", "Андрій Їжак")) == "Andrii Yizhak"


@pytest.mark.parametrize(
    ("last", "first", "expected"),
    [
        ("Коваленко", "Людмила", "kovalenko_liudmyla"),
        ("Ткаченко", "Мар’яна", "tkachenko_mariana"),
        ("Мельник", "Вʼячеслав", "melnyk_viacheslav"),
        ("Щербак", "Єва", "shcherbak_yeva"),
        ("Петренко-Коваль", "Ольга", "petrenko_koval_olha"),
        ("Müller", "Jürgen", "muller_jurgen"),
        ("Коваленко", "", "kovalenko"),
        ("山田", "", ""),
        ("—", "?", ""),
    ],
)
def test_student_id(last: str, first: str, expected: str) -> None:
    assert student_id(last, first) == expected


def test_ascii_id_charset() -> None:
    assert to_ascii_id("  Зоя  Григорівна  ") == "zoia_hryhorivna"
    assert to_ascii_id("O'Brien") == "obrien"
