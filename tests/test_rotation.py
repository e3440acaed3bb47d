"""Role-play rotation: role coverage, scenario spread, scenarios files, outputs."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clientlearn.core.errors import ClientlearnError, InputFileError
from clientlearn.trainer.groupcards import render_schedule, write_schedule_html
from clientlearn.trainer.groups import Group, Person
from clientlearn.trainer.rotation import (
    OBSERVER,
    RotationError,
    Scenario,
    Schedule,
    load_scenarios,
    rotate,
    write_schedule_csv,
)

MAIN = ("librarian", "patron")
FIRST_NAMES = ["Мар'яна", "Вʼячеслав", "Олена", "Ірина", "Богдан", "Галина", "Тетяна", "Ярослав"]

SCENARIOS_YAML = """\
scenarios:
  - id: noisy-reading-room
    title:
      uk: Галас у читальній залі
      en: Noise in the reading room
  - id: overdue-book
    title: {uk: "Книжку не повернули вчасно", en: "An overdue book"}
  - id: no-wifi
    title: Не працює Wi-Fi
  - id: angry-phone-call
    title: {uk: "Роздратований дзвінок телефоном"}
  - id: lost-card
    title: {uk: "Загублений читацький квиток", en: "A lost library card"}
"""


def make_groups(sizes: Sequence[int]) -> list[Group]:
    groups, n = [], 0
    for number, size in enumerate(sizes, start=1):
        members = tuple(
            Person(f"p{n + i}", f"{FIRST_NAMES[(n + i) % len(FIRST_NAMES)]} {n + i}")
            for i in range(size)
        )
        groups.append(Group(number, members))
        n += size
    return groups


def scenario_ids(k: int) -> list[str]:
    return [f"s{i}" for i in range(k)]


def check_rounds_are_well_formed(schedule: Schedule) -> None:
    for r in range(1, schedule.rounds + 1):
        for g in schedule.groups:
            slot = schedule.slot(r, g.number)
            assert sorted(a.member.id for a in slot) == sorted(g.ids)  # everyone, once
            roles = Counter(a.role for a in slot)
            for role in schedule.main_roles:
                assert roles[role] == 1
            assert roles[OBSERVER] == len(g) - len(schedule.main_roles)
            assert len({a.scenario for a in slot}) == 1


@settings(max_examples=60, deadline=None)
@given(size=st.integers(2, 8), n_groups=st.integers(1, 7), seed=st.integers(0, 2**16))
def test_everyone_plays_each_main_role_once_in_size_rounds(
    size: int, n_groups: int, seed: int
) -> None:
    groups = make_groups([size] * n_groups)
    schedule = rotate(groups, rounds=size, scenarios=scenario_ids(size + 2), seed=seed)
    check_rounds_are_well_formed(schedule)
    for g in groups:
        for member in g.ids:
            played = Counter(a.role for a in schedule.assignments if a.member.id == member)
            for role in MAIN:
                assert played[role] == 1
    assert rotate(groups, rounds=size, scenarios=scenario_ids(size + 2), seed=seed) == schedule


@settings(max_examples=60, deadline=None)
@given(
    sizes=st.lists(st.integers(2, 7), min_size=1, max_size=6),
    rounds=st.integers(1, 7),
    seed=st.integers(0, 2**16),
)
def test_fewer_rounds_spread_roles_without_repeats(
    sizes: list[int], rounds: int, seed: int
) -> None:
    groups = make_groups(sizes)
    schedule = rotate(groups, rounds=rounds, scenarios=scenario_ids(7), seed=seed)
    check_rounds_are_well_formed(schedule)
    for g in groups:
        for role in MAIN:
            players = [
                a.member.id for a in schedule.assignments if a.group == g.number and a.role == role
            ]
            # Nobody plays a role again while someone in the group has not had it.
            counts = Counter(players)
            assert max(counts.values()) - min(counts.get(m, 0) for m in g.ids) <= 1
            assert len(counts) == min(rounds, len(g))
        # Main roles are shared out as evenly as the rounds allow.
        main_turns = Counter(
            a.member.id for a in schedule.assignments if a.group == g.number and a.role != OBSERVER
        )
        turns = [main_turns.get(m, 0) for m in g.ids]
        assert max(turns) - min(turns) <= 1


@settings(max_examples=80, deadline=None)
@given(n_groups=st.integers(1, 9), n_scen=st.integers(1, 10), data=st.data())
def test_scenarios_spread(n_groups: int, n_scen: int, data: st.DataObject) -> None:
    rounds = data.draw(st.integers(1, n_scen))
    schedule = rotate(make_groups([3] * n_groups), rounds=rounds, scenarios=scenario_ids(n_scen))
    plays = {
        (r, g.number): schedule.scenario_for(r, g.number).id
        for r in range(1, rounds + 1)
        for g in schedule.groups
    }
    for g in schedule.groups:
        mine = [plays[r, g.number] for r in range(1, rounds + 1)]
        assert len(set(mine)) == rounds  # no group plays a scenario twice
    for r in range(1, rounds + 1):
        this_round = Counter(plays[r, g.number] for g in schedule.groups)
        if n_scen >= n_groups:
            assert len(this_round) == n_groups  # all different in a round
        else:
            assert max(this_round.values()) - min(this_round.values()) <= 1
    uses = Counter(plays.values())
    counts = [uses.get(s, 0) for s in scenario_ids(n_scen)]
    assert max(counts) - min(counts) <= 1


def test_too_few_scenarios_says_how_many_are_needed() -> None:
    with pytest.raises(
        RotationError, match=r"5 rounds need at least 5 different scenarios.*there are 3"
    ):
        rotate(make_groups([5, 5]), rounds=5, scenarios=scenario_ids(3))


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"roles": ("librarian", "patron", "manager", OBSERVER)}, "group 2 has 2 member"),
        ({"roles": ("librarian", "librarian")}, "listed twice"),
        ({"roles": (OBSERVER,)}, "besides observer"),
        ({"roles": ("librarian", " ")}, "empty role"),
        ({"scenarios": ["s1", "s1", "s2"]}, "'s1' is listed twice"),
        ({"rounds": 0}, "at least 1"),
    ],
)
def test_bad_rotation_requests(kwargs: dict[str, object], needle: str) -> None:
    args: dict[str, object] = {"rounds": 2, "scenarios": scenario_ids(4)} | kwargs
    with pytest.raises(RotationError, match=needle):
        rotate(make_groups([3, 2]), **args)  # type: ignore[arg-type]


def test_observer_role_may_be_left_out_and_extras_still_observe() -> None:
    schedule = rotate(make_groups([4]), ("librarian", "patron"), rounds=2, scenarios=["a", "b"])
    assert Counter(a.role for a in schedule.slot(1, 1)) == {
        "librarian": 1,
        "patron": 1,
        OBSERVER: 2,
    }


# ---------------------------------------------------------------- scenarios files


def test_load_yaml_scenarios(tmp_path: Path) -> None:
    path = tmp_path / "scenarios.yaml"
    path.write_text(SCENARIOS_YAML, encoding="utf-8")
    scenarios = load_scenarios(path)
    assert [s.id for s in scenarios][:2] == ["noisy-reading-room", "overdue-book"]
    assert scenarios[0].title_in("uk") == "Галас у читальній залі"
    assert scenarios[0].title_in("en") == "Noise in the reading room"
    assert scenarios[2].title_in("en") == "Не працює Wi-Fi"  # falls back to Ukrainian


def test_load_csv_scenarios(tmp_path: Path) -> None:
    path = tmp_path / "scenarios.csv"
    path.write_text(
        "id;title_uk;title_en\nnoisy;Галас у читальній залі;Noise\nwifi;Не працює Wi-Fi;\n",
        encoding="utf-8-sig",
    )
    scenarios = load_scenarios(path)
    assert scenarios == [Scenario("noisy"), Scenario("wifi")]
    assert scenarios[1].title_in("en") == "Не працює Wi-Fi"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (
            "scenarios:\n  - id: a\n  - id: b\n  - id: a\n",
            r":4: id: 'a' is a duplicate of the one on line 2",
        ),
        ("scenarios:\n  - id: a\n  - title: Без ідентифікатора\n", r":3: id: scenario 2 has no id"),
        ("scenarios:\n  - id: a\n    title: [1, 2]\n", "title must be text"),
        ("scenarios:\n  - id: a\n   - id: b\n", r"scenarios.yaml:3: yaml"),
        ("scenarios: nothing\n", "expected a list"),
        ("scenarios: []\n", "no scenarios"),
    ],
)
def test_bad_scenarios_files(tmp_path: Path, text: str, needle: str) -> None:
    path = tmp_path / "scenarios.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ClientlearnError, match=needle):
        load_scenarios(path)


def test_bad_scenarios_collects_all_problems(tmp_path: Path) -> None:
    path = tmp_path / "scenarios.yaml"
    path.write_text("- id: a\n- {}\n- id: a\n", encoding="utf-8")
    with pytest.raises(InputFileError) as info:
        load_scenarios(path)
    assert len(info.value.problems) == 2


# ---------------------------------------------------------------- outputs


def test_schedule_csv_and_html(tmp_path: Path) -> None:
    scenarios_file = tmp_path / "scenarios.yaml"
    scenarios_file.write_text(SCENARIOS_YAML.replace("Галас", "<b>Галас</b>"), encoding="utf-8")
    groups = make_groups([3, 4])
    schedule = rotate(groups, rounds=4, scenarios=load_scenarios(scenarios_file), seed=1)

    write_schedule_csv(schedule, tmp_path / "schedule.csv")
    with (tmp_path / "schedule.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))  # for Excel in a Ukrainian locale
    assert list(rows[0]) == ["round", "group", "scenario", "member", "role", "member_id"]
    assert len(rows) == 4 * 7
    assert {r["role"] for r in rows} == {"librarian", "patron", OBSERVER}

    page = render_schedule(schedule)
    for text in (
        "Раунд 1",
        "Раунд 4",
        "Група",
        "Сценарій",
        "Бібліотекар",
        "Користувач",
        "Спостерігач",
    ):
        assert text in page
    assert "<b>" not in page and "&lt;b&gt;Галас&lt;/b&gt;" in page
    assert "Мар&#x27;яна" in page
    english = render_schedule(schedule, lang="en")
    assert (
        "Round 1" in english and "Librarian" in english and "Noise in the reading room" in english
    )
    write_schedule_html(schedule, tmp_path / "schedule.html")
    assert (tmp_path / "schedule.html").read_text(encoding="utf-8") == page
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "scenarios.yaml",
        "schedule.csv",
        "schedule.html",
    ]
