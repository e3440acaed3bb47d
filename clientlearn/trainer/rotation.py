"""Role-play rotation for Module 2: who plays which role in which scenario.

Roles: every role except ``observer`` is a *main* role (by default the
librarian and the patron); members without a main role in a round observe.

How members get roles: the members of a group of size ``s`` are shuffled with
the seed, and main role ``k`` of ``m`` goes in round ``r`` to member
``(r + k*s//m) mod s``.  Over ``s`` rounds everyone plays every main role exactly
once; with fewer rounds each role still goes to a different member every round
and, as the starting offsets are spread evenly, main roles are shared out as
evenly as the rounds allow; beyond ``s`` rounds the cycle repeats.

How groups get scenarios: group ``g`` of ``G`` plays scenario ``(g*S//G + r) mod S``
in round ``r``.  A group walks the list in file order from its own start, so it
never repeats a scenario while ``rounds <= S``; the starts are spread evenly, so
groups play different scenarios in a round when ``S >= G`` and overall use counts
differ by at most one.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from clientlearn.core.errors import ClientlearnError, InputFileError, Problem
from clientlearn.core.files import write_text_atomic
from clientlearn.core.i18n import LANGUAGES, translate
from clientlearn.core.tables import EXCEL_CSV_ENCODING, excel_csv_text
from clientlearn.core.tablewords import MESSAGES as TABLE_MESSAGES
from clientlearn.core.tablewords import kind

from .group_errors import MESSAGES
from .groups import Group, Person, read_csv_rows

__all__ = [
    "DEFAULT_ROLES",
    "OBSERVER",
    "Assignment",
    "RotationError",
    "Scenario",
    "Schedule",
    "load_scenarios",
    "rotate",
    "write_schedule_csv",
]

OBSERVER = "observer"
DEFAULT_ROLES = ("librarian", "patron", OBSERVER)


class RotationError(ClientlearnError):
    """The rotation asked for cannot be made (too few scenarios, tiny group…)."""


@dataclass(frozen=True)
class Scenario:
    """A role-play scenario: an id and its title per language (``uk``, ``en``)."""

    id: str
    title: Mapping[str, str] = field(default_factory=dict, compare=False)

    def title_in(self, lang: str) -> str:
        """The title in ``lang``, else the Ukrainian one, else the id."""
        return self.title.get(lang) or self.title.get("uk") or self.id


@dataclass(frozen=True)
class Assignment:
    """One member's role in one round."""

    round: int
    group: int
    scenario: Scenario
    member: Person
    role: str


@dataclass(frozen=True)
class Schedule:
    """The whole rotation; ``assignments`` are ordered by round, group, member."""

    roles: tuple[str, ...]
    rounds: int
    groups: tuple[Group, ...]
    assignments: tuple[Assignment, ...]

    def slot(self, round: int, group: int) -> list[Assignment]:
        """Everyone's role in ``group`` during ``round`` (both counted from 1)."""
        return [a for a in self.assignments if a.round == round and a.group == group]

    def scenario_for(self, round: int, group: int) -> Scenario:
        return self.slot(round, group)[0].scenario

    @property
    def main_roles(self) -> tuple[str, ...]:
        return tuple(r for r in self.roles if r != OBSERVER)


def _check_roles(roles: Sequence[str]) -> tuple[str, ...]:
    cleaned = tuple(r.strip() for r in roles)
    if any(not r for r in cleaned):
        raise RotationError.said(MESSAGES, "empty_role", roles=list(roles))
    dupes = sorted({r for r in cleaned if cleaned.count(r) > 1})
    if dupes:
        raise RotationError.said(MESSAGES, "role_twice", role=repr(dupes[0]))
    if all(r == OBSERVER for r in cleaned):
        raise RotationError.said(MESSAGES, "only_observer")
    return cleaned


def rotate(
    groups: Sequence[Group],
    roles: Sequence[str] = DEFAULT_ROLES,
    *,
    rounds: int,
    scenarios: Sequence[Scenario | str],
    seed: int = 0,
) -> Schedule:
    """Assign roles and scenarios for ``rounds`` rounds (see the module docstring)."""
    roles = _check_roles(roles)
    main = [r for r in roles if r != OBSERVER]
    scens = [s if isinstance(s, Scenario) else Scenario(str(s)) for s in scenarios]
    if not groups:
        raise RotationError.said(MESSAGES, "no_groups")
    if rounds < 1:
        raise RotationError.said(MESSAGES, "rounds_small", rounds=rounds)
    ids = [s.id for s in scens]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise RotationError.said(MESSAGES, "scenario_twice", id=repr(dupes[0]))
    if rounds > len(scens):
        raise RotationError.said(
            MESSAGES,
            "too_few_scenarios",
            rounds=rounds,
            have=len(scens),
            more=rounds - len(scens),
        )
    numbers = [g.number for g in groups]
    seen: dict[str, int] = {}
    for g in groups:
        if numbers.count(g.number) > 1:
            raise RotationError.said(MESSAGES, "group_number_twice", number=g.number)
        if len(g) < len(main):
            raise RotationError.said(
                MESSAGES,
                "group_too_small",
                number=g.number,
                size=len(g),
                roles=", ".join(main),
                need=len(main),
            )
        for p in g.members:
            if p.id in seen:
                raise RotationError.said(
                    MESSAGES, "in_two_groups", id=p.id, first=seen[p.id], second=g.number
                )
            seen[p.id] = g.number

    rng = random.Random(seed)
    n_groups, n_scen, m = len(groups), len(scens), len(main)
    rows: list[Assignment] = []
    plan: list[tuple[Group, list[Person], list[int], int]] = []
    for gi, g in enumerate(groups):
        order = list(g.members)
        rng.shuffle(order)  # who starts as librarian is drawn, not alphabetical
        s = len(order)
        plan.append((g, order, [k * s // m for k in range(m)], gi * n_scen // n_groups))
    for r in range(rounds):
        for g, order, offsets, start in plan:
            scenario = scens[(start + r) % n_scen]
            s = len(order)
            cast = {(r + off) % s: role for off, role in zip(offsets, main, strict=True)}
            for pos, member in enumerate(order):
                rows.append(Assignment(r + 1, g.number, scenario, member, cast.get(pos, OBSERVER)))
    return Schedule(roles, rounds, tuple(groups), tuple(rows))


def write_schedule_csv(schedule: Schedule, path: Path | str) -> None:
    """Write round, group, scenario, member, role, member_id atomically, for Excel with
    Ukrainian regional settings (';', UTF-8 with BOM: :func:`excel_csv_text`)."""
    rows: list[list[object]] = [["round", "group", "scenario", "member", "role", "member_id"]]
    for a in schedule.assignments:
        rows.append([a.round, a.group, a.scenario.id, a.member.name, a.role, a.member.id])
    write_text_atomic(path, excel_csv_text(rows), encoding=EXCEL_CSV_ENCODING)


# ---------------------------------------------------------------- scenarios file


def _title(value: Any) -> dict[str, str] | None:
    if value is None:
        return {}
    if isinstance(value, str):
        return {"uk": value}
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items() if v is not None}
    return None


def _scenarios_from_yaml(path: Path, text: str) -> list[tuple[int | None, Any]]:
    try:
        data = yaml.safe_load(text)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else None
        raise InputFileError(
            [
                Problem.said(
                    str(path),
                    line,
                    "yaml",
                    MESSAGES,
                    "bad_yaml",
                    problem=err.problem or MESSAGES["not_yaml"],
                )
            ]
        ) from err
    except yaml.YAMLError as err:
        problem = Problem.said(str(path), None, "yaml", MESSAGES, "bad_yaml", problem=err)
        raise InputFileError([problem]) from err
    items, seq = data, node
    if isinstance(data, dict):
        items = data.get("scenarios")
        seq = next(
            (v for k, v in getattr(node, "value", []) if getattr(k, "value", None) == "scenarios"),
            None,
        )
    if not isinstance(items, list):
        raise InputFileError([Problem.said(str(path), 1, "scenarios", MESSAGES, "expected_list")])
    lines: list[int | None] = [c.start_mark.line + 1 for c in getattr(seq, "value", [])]
    if len(lines) != len(items):
        lines = [None] * len(items)
    return list(zip(lines, items, strict=True))


def load_scenarios(path: Path | str) -> list[Scenario]:
    """Read scenarios from YAML (``scenarios: [{id, title: {uk, en}}]``, titles may be
    plain strings) or CSV (columns ``id``, ``title_uk`` or ``title``, ``title_en``)."""
    path = Path(path)
    entries: list[tuple[int | None, Any]]
    if path.suffix.lower() == ".csv":
        columns, rows = read_csv_rows(path, what="scenarios")
        if "id" not in columns:
            raise InputFileError(
                [
                    Problem.said(
                        str(path), 1, "header", MESSAGES, "no_id_column", columns=", ".join(columns)
                    )
                ]
            )
        entries = [
            (
                line,
                {
                    "id": row["id"],
                    "title": {
                        k: v
                        for k, v in (
                            ("uk", row.get("title_uk") or row.get("title", "")),
                            ("en", row.get("title_en", "")),
                        )
                        if v
                    },
                },
            )
            for line, row in rows
        ]
    else:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise ClientlearnError.said(
                TABLE_MESSAGES, "not_found", what=kind("scenarios"), path=path
            ) from None
        except (OSError, UnicodeDecodeError) as err:
            raise ClientlearnError.said(
                MESSAGES, "scenarios_unreadable", path=path, error=err
            ) from err
        entries = _scenarios_from_yaml(path, text)

    problems: list[Problem] = []
    scenarios: list[Scenario] = []
    first: dict[str, int | None] = {}
    for number, (line, item) in enumerate(entries, start=1):
        if isinstance(item, str | int):
            item = {"id": item}
        raw_id = item.get("id") if isinstance(item, dict) else None
        sid = "" if raw_id is None else str(raw_id).strip()
        title = _title(item.get("title")) if isinstance(item, dict) else None
        if not sid:
            problems.append(
                Problem.said(str(path), line, "id", MESSAGES, "scenario_no_id", number=number)
            )
        elif title is None:
            problems.append(
                Problem.said(
                    str(path), line, "title", MESSAGES, "scenario_bad_title", number=number
                )
            )
        elif sid in first:
            problems.append(
                Problem.said(
                    str(path),
                    line,
                    "id",
                    MESSAGES,
                    "scenario_duplicate",
                    id=sid,
                    where=_where_of(first[sid]),
                )
            )
        else:
            first[sid] = line
            scenarios.append(Scenario(sid, title))
    if problems:
        raise InputFileError(problems)
    if not scenarios:
        raise ClientlearnError.said(MESSAGES, "no_scenarios", path=path)
    return scenarios


def _where_of(line: int | None) -> dict[str, str]:
    return {
        lang: translate(MESSAGES, "where_line", lang, line=line)
        if line is not None
        else translate(MESSAGES, "where_earlier", lang)
        for lang in LANGUAGES
    }
