"""Forming groups: roster reading, partition, sizes, balance, --avoid, CSV and cards."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clientlearn.core.errors import ClientlearnError, InputFileError
from clientlearn.trainer.groupcards import count_label, render_group_cards, write_group_cards
from clientlearn.trainer.groups import (
    Group,
    GroupingError,
    Person,
    balance_penalty,
    form_groups,
    group_count,
    name_sort_key,
    read_groups_csv,
    read_roster,
    repeated_pairs,
    write_groups_csv,
)

OBLASTS = ["Вінницька", "Кіровоградська", "Чернігівська", "Черкаська"]

# A realistic class: 22 people from four oblasts, some with the apostrophes
# Ukrainian names carry (both the typewriter ' and the modifier letter ʼ).
NAMES = [
    ("Мар'яна Коваль", "Вінницька", "Вінницька ОУНБ"),
    ("Вʼячеслав Петренко", "Вінницька", "Жмеринська ЦБС"),
    ("Олена Бондаренко", "Вінницька", "Хмільницька ЦБС"),
    ("Ірина Ткаченко", "Вінницька", "Гайсинська ЦБС"),
    ("Наталія Шевчук", "Вінницька", "Тульчинська ЦБС"),
    ("Богдан Кравець", "Вінницька", "Барська ЦБС"),
    ("Галина Мельник", "Кіровоградська", "Кропивницька ЦБС"),
    ("Світлана Олійник", "Кіровоградська", "Олександрійська ЦБС"),
    ("Тетяна Лисенко", "Кіровоградська", "Знам'янська ЦБС"),
    ("Юлія Гончаренко", "Кіровоградська", "Світловодська ЦБС"),
    ("Оксана Савченко", "Кіровоградська", "Долинська ЦБС"),
    ("Людмила Руденко", "Кіровоградська", "Новоукраїнська ЦБС"),
    ("Ганна Марченко", "Чернігівська", "Чернігівська ОУНБ"),
    ("Валентина Кузьменко", "Чернігівська", "Ніжинська ЦБС"),
    ("Зоряна Поліщук", "Чернігівська", "Прилуцька ЦБС"),
    ("Ярослав Захарченко", "Чернігівська", "Менська ЦБС"),
    ("Катерина Остапенко", "Чернігівська", "Бахмацька ЦБС"),
    ("Лариса Дмитренко", "Черкаська", "Черкаська ОУНБ"),
    ("Євгенія Кушнір", "Черкаська", "Уманська ЦБС"),
    ("Іванна Гаврилюк", "Черкаська", "Смілянська ЦБС"),
    ("Ґражина Яковенко", "Черкаська", "Золотоніська ЦБС"),
    ("Надія Павленко", "Черкаська", "Канівська ЦБС"),
]


def roster_text(delimiter: str = ";") -> str:
    lines = [delimiter.join(["name", "oblast", "library"])]
    lines += [delimiter.join(row) for row in NAMES]
    return "\n".join(lines) + "\n"


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    path = tmp_path / "roster.csv"
    # Excel's "CSV UTF-8 (semicolon)": BOM, ';', CRLF.
    path.write_text(roster_text(";").replace("\n", "\r\n"), encoding="utf-8-sig", newline="")
    return path


def class_of(n: int, oblasts: Sequence[str]) -> list[Person]:
    return [
        Person(f"p{i:02d}", f"Учасник {i}", attributes={"oblast": oblasts[i % len(oblasts)]})
        for i in range(n)
    ]


def round_robin(people: Sequence[Person], k: int, balance: str) -> list[Group]:
    """Baseline: deal the roster in file order, person i to group i mod k."""
    return [Group(g + 1, tuple(people[g::k]), balance) for g in range(k)]


# ---------------------------------------------------------------- roster reading


def test_reads_excel_semicolon_bom_roster(roster: Path) -> None:
    people = read_roster(roster, balance="oblast")
    assert len(people) == 22
    assert people[0].name == "Мар'яна Коваль"
    assert people[0].value("oblast") == "Вінницька"
    assert people[1].name == "Вʼячеслав Петренко"
    assert people[0].row == 2


def test_reads_comma_roster_without_bom_and_cp1251(tmp_path: Path) -> None:
    plain = tmp_path / "plain.csv"
    plain.write_text(roster_text(","), encoding="utf-8")
    legacy = tmp_path / "legacy.csv"
    # cp1251 has no ʼ (U+02BC); old Excel files use the typewriter apostrophe.
    legacy.write_bytes(roster_text(";").replace("ʼ", "'").encode("cp1251"))
    assert [p.name for p in read_roster(plain)][:2] == ["Мар'яна Коваль", "Вʼячеслав Петренко"]
    assert read_roster(legacy, balance="Oblast")[5].value("oblast") == "Вінницька"


def test_duplicate_person_names_both_rows(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    # The same person typed twice, once with a typographic apostrophe.
    path.write_text(
        "name,oblast\nМар'яна Коваль,Вінницька\nОлена Бондаренко,Черкаська\n"
        "Мар’яна  Коваль,Вінницька\n",
        encoding="utf-8",
    )
    with pytest.raises(InputFileError) as info:
        read_roster(path)
    message = str(info.value)
    assert f"{path}:4" in message
    assert "row 2" in message
    assert "Коваль" in message


def test_missing_balance_column_lists_columns(roster: Path) -> None:
    with pytest.raises(ClientlearnError) as info:
        read_roster(roster, balance="gender")
    assert "gender" in str(info.value)
    assert "name, oblast, library" in str(info.value)


def test_headers_are_read_as_roster_import_reads_them(tmp_path: Path) -> None:
    """One vocabulary for every roster reader: «Область» is the oblast, «Прізвище» and
    «Ім’я» make the name, and --balance takes any spelling of the column."""
    path = tmp_path / "roster.csv"
    lines = ["№;Прізвище;Ім’я;Область;Бібліотека"]
    lines += [f"{i};{n.split()[1]};{n.split()[0]};{o};{lib}" for i, (n, o, lib) in enumerate(NAMES)]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig", newline="")
    for balance in ("oblast", "Область", "region"):
        people = read_roster(path, balance=balance)
        assert people[0].name == "Коваль Мар'яна"
        assert people[0].value("oblast") == "Вінницька"
        assert people[0].value("library") == "Вінницька ОУНБ"
        groups = form_groups(people, size=4, balance=balance)
        assert balance_penalty(groups, "oblast") == 0
        assert all(g.balance == "oblast" for g in groups)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("", "empty"),
        ("name;oblast\n", "no people"),
        ("town;oblast\nВінниця;Вінницька\n", "no 'name' or 'id' column"),
        ("name;oblast\n;Вінницька\n", ":2: name: empty name"),
        ("name,oblast\nКоваль, Мар'яна,Вінницька\n", ":2: row: 3 cells"),
    ],
)
def test_bad_roster_messages(tmp_path: Path, text: str, needle: str) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ClientlearnError, match=needle):
        read_roster(path)


def test_missing_roster_file(tmp_path: Path) -> None:
    with pytest.raises(ClientlearnError, match="not found"):
        read_roster(tmp_path / "nope.csv")


# ---------------------------------------------------------------- sizes


def test_size_four_for_22_people_never_makes_a_group_of_two(roster: Path) -> None:
    groups = form_groups(read_roster(roster), size=4, balance="oblast")
    assert len(groups) in (5, 6)
    assert {len(g) for g in groups} <= {4, 5}


@pytest.mark.parametrize(
    ("n", "size", "count", "needle"),
    [
        (22, 23, None, "size 23 is larger than the class \\(22 people\\)"),
        (22, 1, None, "size 1 is too small"),
        (22, None, 12, "12 groups for 22 people"),
        (22, 4, 5, "exactly one"),
        (22, None, None, "exactly one"),
        (0, 4, None, "empty"),
    ],
)
def test_bad_sizes(n: int, size: int | None, count: int | None, needle: str) -> None:
    with pytest.raises(GroupingError, match=needle):
        form_groups(class_of(n, OBLASTS), size=size, count=count)
    if n:
        with pytest.raises(GroupingError, match=needle):
            group_count(n, size=size, count=count)


def test_duplicate_ids_in_form_groups_name_rows() -> None:
    a = Person("marjana", "Мар'яна Коваль", row=3)
    b = Person("Marjana", "Мар'яна Коваль", row=9)
    with pytest.raises(GroupingError, match="row 3, row 9"):
        form_groups([a, b, Person("x", "Олена")], count=1)


# ---------------------------------------------------------------- properties

people_strategy = st.integers(min_value=2, max_value=34).flatmap(
    lambda n: st.lists(st.sampled_from(OBLASTS), min_size=n, max_size=n)
)


def _people(values: Sequence[str]) -> list[Person]:
    return [
        Person(f"id{i}", f"Учасник {i}", attributes={"oblast": v}) for i, v in enumerate(values)
    ]


@settings(max_examples=80, deadline=None)
@given(values=people_strategy, size=st.integers(2, 8), seed=st.integers(0, 2**16))
def test_partition_sizes_balance_determinism(values: list[str], size: int, seed: int) -> None:
    people = _people(values)
    n = len(people)
    size = min(size, n)
    groups = form_groups(people, size=size, balance="oblast", seed=seed)
    k = len(groups)
    # Partition: everyone exactly once.
    ids = [p.id for g in groups for p in g.members]
    assert sorted(ids) == sorted(p.id for p in people)
    # Sizes: differ by at most one, none below floor(n / k).
    sizes = [len(g) for g in groups]
    assert max(sizes) - min(sizes) <= 1
    assert min(sizes) >= n // k
    assert k in {max(1, n // size), -(-n // size)}  # n / size rounded one way or the other
    # Balance: at least as good as dealing the roster in file order.
    assert balance_penalty(groups, "oblast") <= balance_penalty(
        round_robin(people, k, "oblast"), "oblast"
    )
    # No group holds more of an oblast than an even spread allows.
    totals = Counter(values)
    for g in groups:
        for oblast, c in g.mix().items():
            assert c <= math.ceil(totals[oblast] / k)
    # Deterministic for a seed.
    assert form_groups(people, size=size, balance="oblast", seed=seed) == groups


@settings(max_examples=60, deadline=None)
@given(values=people_strategy, count=st.integers(1, 8), seed=st.integers(0, 2**16))
def test_avoid_never_repeats_more_than_a_fresh_draw(
    values: list[str], count: int, seed: int
) -> None:
    people = _people(values)
    count = min(count, max(1, len(people) // 2))
    day1 = form_groups(people, count=count, balance="oblast", seed=seed + 1)
    previous = [list(g.ids) for g in day1]
    fresh = form_groups(people, count=count, balance="oblast", seed=seed)
    day2 = form_groups(people, count=count, balance="oblast", seed=seed, avoid=previous)
    assert repeated_pairs(day2, previous) <= repeated_pairs(fresh, previous)
    assert sorted(p.id for g in day2 for p in g.members) == sorted(p.id for p in people)
    assert max(map(len, day2)) - min(map(len, day2)) <= 1


def test_avoid_on_the_real_class_repeats_no_pair(roster: Path) -> None:
    people = read_roster(roster, balance="oblast")
    day1 = form_groups(people, size=4, balance="oblast", seed=7)
    previous = [list(g.ids) for g in day1]
    fresh = form_groups(people, size=4, balance="oblast", seed=7)
    day2 = form_groups(people, size=4, balance="oblast", seed=7, avoid=previous)
    assert repeated_pairs(fresh, previous) == 38  # the same seed redraws day 1
    assert repeated_pairs(day2, previous) < repeated_pairs(fresh, previous)
    assert repeated_pairs(day2, previous) == 0
    assert balance_penalty(day2, "oblast") == 0


def test_avoid_ignores_absent_people_but_rejects_a_foreign_file(roster: Path) -> None:
    people = read_roster(roster, balance="oblast")
    day1 = form_groups(people, count=5, balance="oblast")
    previous = [list(g.ids) for g in day1]
    today = people[2:]  # two people did not come on day 2
    assert len({p.id for g in form_groups(today, count=5, avoid=previous) for p in g.members}) == 20
    with pytest.raises(GroupingError, match="none of the people"):
        form_groups(people, count=5, avoid=[["Джон Сміт", "Jane Doe"]])


def test_members_are_sorted_in_ukrainian_alphabet_order() -> None:
    names = ["Ярослав", "Ґражина", "Євгенія", "Іванна", "Галина", "Їжакевич", "Борис"]
    assert sorted(names, key=name_sort_key) == [
        "Борис",
        "Галина",
        "Ґражина",
        "Євгенія",
        "Іванна",
        "Їжакевич",
        "Ярослав",
    ]


# ---------------------------------------------------------------- CSV out and in


def test_groups_csv_round_trip_with_bom(roster: Path, tmp_path: Path) -> None:
    groups = form_groups(read_roster(roster), count=5, balance="oblast", seed=3)
    out = tmp_path / "out" / "groups.csv"
    out.parent.mkdir()
    write_groups_csv(groups, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines()[0] == "group,id,name,oblast"
    assert [p.name for p in out.parent.iterdir()] == ["groups.csv"]  # no temp file left
    back = read_groups_csv(out)
    assert [(g.number, g.ids) for g in back] == [(g.number, g.ids) for g in groups]
    assert back[0].balance == "oblast"
    assert back[0].mix() == groups[0].mix()


def test_write_into_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    groups = form_groups(class_of(6, OBLASTS), count=2)
    with pytest.raises(ClientlearnError, match="cannot write"):
        write_groups_csv(groups, tmp_path / "missing" / "groups.csv")
    assert not (tmp_path / "missing").exists()


def test_bad_groups_csv_names_row_and_value(tmp_path: Path) -> None:
    path = tmp_path / "groups.csv"
    path.write_text(
        "group,id,name\n1,p1,Мар'яна Коваль\nперша,p2,Олена Бондаренко\n", encoding="utf-8-sig"
    )
    with pytest.raises(InputFileError, match=r":3: group: 'перша' is not a group number"):
        read_groups_csv(path)
    path.write_text("id,name\np1,Мар'яна Коваль\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="no 'group' column"):
        read_groups_csv(path)


# ---------------------------------------------------------------- group cards


def test_group_cards_are_ukrainian_escaped_and_paged(roster: Path, tmp_path: Path) -> None:
    people = read_roster(roster, balance="oblast")
    people.append(Person("x", "<script>alert(1)</script> & Ко", attributes={"oblast": "Черкаська"}))
    groups = form_groups(people, count=6, balance="oblast")
    page = render_group_cards(groups)
    assert '<html lang="uk">' in page
    assert "Група 1" in page and "Група 6" in page
    assert "Учасники" in page and "Область" in page
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Ко" in page
    assert "Мар&#x27;яна Коваль" in page
    assert page.count('<section class="page">') == 2  # 4 cards per A4 page
    assert "@page { size: A4" in page
    english = render_group_cards(groups, lang="en")
    assert "Group 1" in english and "Oblast" in english
    with pytest.raises(ClientlearnError, match="language 'ru'"):
        render_group_cards(groups, lang="ru")
    write_group_cards(groups, tmp_path / "cards.html")
    assert (tmp_path / "cards.html").read_text(encoding="utf-8") == page


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1 учасник"),
        (3, "3 учасники"),
        (5, "5 учасників"),
        (11, "11 учасників"),
        (21, "21 учасник"),
    ],
)
def test_ukrainian_plural(n: int, text: str) -> None:
    assert count_label(n) == text
