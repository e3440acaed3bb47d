"""Forming small groups from a class roster.

A roster is a CSV or XLSX file with a ``name`` or ``id`` column and, usually, a column
to balance on (``oblast``, ``library``…), its headers in Ukrainian or English
(:mod:`clientlearn.core.headers`).  :func:`form_groups` splits the people into
groups whose sizes differ by at most one and mixes the balance column as far as
the roster allows; given the groups of an earlier session (``avoid``) it re-forms
them with as few repeated pairs as it can find.  The result is deterministic for a
seed.

How the groups are made:

1. The number of groups comes from ``count`` or from ``size`` (``n // size``, at
   least 1): groups have ``size`` members or one more, never a tiny last group.
2. The people are sorted into blocks by balance value (block order and order
   inside a block shuffled with the seed) and dealt round-robin.  A contiguous
   block dealt round-robin gives every group ``floor`` or ``ceil`` of
   ``total / groups`` of that value, which is the best possible spread.
3. Swaps between groups are accepted while they lower ``(repeated pairs,
   balance penalty)`` lexicographically; with ``avoid`` a few seeded restarts are
   tried and the best kept.  The first restart is exactly the fresh draw, so
   ``avoid`` never gives more repeated pairs than a draw without it.

The balance penalty (:func:`balance_penalty`) is the number of people above an
even spread: the sum over groups and values of ``max(0, count - ceil(total /
groups))``.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from clientlearn.core.errors import ClientlearnError, InputFileError, Problem
from clientlearn.core.headers import canonical_column, header_fields
from clientlearn.core.i18n import LANGUAGES, translate
from clientlearn.core.tables import read_csv_rows
from clientlearn.runtime.groupwork.people import (
    Group,
    Person,
    name_sort_key,
    people_from_rows,
    person_key,
    read_groups_csv,
    write_groups_csv,
)

from .group_errors import MESSAGES

__all__ = [
    "Group",
    "GroupingError",
    "Person",
    "balance_penalty",
    "form_groups",
    "group_count",
    "name_sort_key",
    "read_csv_rows",
    "read_groups_csv",
    "read_roster",
    "repeated_pairs",
    "write_groups_csv",
]

# With `avoid`, extra seeded starts help the swap search out of local minima;
# the class is small (15-30 people), so a handful costs milliseconds.
_RESTARTS = 8


class GroupingError(ClientlearnError):
    """The requested grouping is impossible: bad size or count, or bad people."""


# ---------------------------------------------------------------- reading CSV

# The reader (encodings, delimiter sniffing, XLSX) is shared with the roster import;
# it stays importable from here for the callers of clientlearn.trainer.groups.read_csv_rows.


def read_roster(path: Path | str, *, balance: str | None = None) -> list[Person]:
    """Read a roster (CSV or XLSX, with a ``name`` and/or ``id`` column plus any others).

    Headers are read through the one vocabulary of :mod:`clientlearn.core.headers`,
    as ``clientlearn roster import`` reads them: «ПІБ» is ``name``, «Область»
    ``oblast``, and separate «Прізвище», «Ім’я» columns make the name.  With
    ``balance`` (any spelling of that vocabulary), that column must exist.  Raises
    :class:`InputFileError` naming every bad row (empty name, duplicate person,
    stray cells).
    """
    path = Path(path)
    columns, rows = _canonical(*read_csv_rows(path, what="roster"))
    if balance is not None:
        column = canonical_column(balance)
        if column not in columns:
            raise InputFileError(
                [
                    Problem.said(
                        str(path),
                        1,
                        balance,
                        MESSAGES,
                        "no_balance_column",
                        column=balance,
                        columns=", ".join(columns),
                    )
                ]
            )
    return people_from_rows(path, rows, columns, "roster")


def _canonical(
    columns: list[str], rows: list[tuple[int, dict[str, str]]]
) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Columns renamed to the vocabulary's fields (the first column of a field wins;
    a second keeps its own name), and a ``name`` made of the name parts when the
    roster has no whole-name column."""
    rename: dict[str, str] = {}
    # A column already named as its field keeps it; another spelling takes a field
    # still free and otherwise keeps its own name.
    fields = sorted(header_fields(columns).items(), key=lambda item: columns[item[0]] != item[1])
    for i, field in fields:
        if field not in rename.values():
            rename[columns[i]] = field
    renamed = [rename.get(c, c) for c in columns]
    parts = [f for f in ("last_name", "first_name", "patronymic") if f in renamed]
    compose = "name" not in renamed and parts
    out_rows = []
    for line, row in rows:
        values = {rename.get(c, c): v for c, v in row.items()}
        if compose:
            values["name"] = " ".join(values[f] for f in parts if values[f])
        out_rows.append((line, values))
    return [*renamed, "name"] if compose else renamed, out_rows


# ---------------------------------------------------------------- forming


def group_count(n: int, *, size: int | None = None, count: int | None = None) -> int:
    """How many groups for ``n`` people, from exactly one of ``size`` or ``count``."""
    if n < 1:
        raise GroupingError.said(MESSAGES, "empty_roster")
    if (size is None) == (count is None):
        raise GroupingError.said(MESSAGES, "size_or_count")
    if size is not None:
        if size < 2:
            raise GroupingError.said(MESSAGES, "size_small", size=size)
        if size > n:
            raise GroupingError.said(MESSAGES, "size_large", size=size, n=n)
        # Never smaller than asked: 20 people in groups of 3 make 6 groups of 3-4 (a
        # role-play needs three people), 22 people in groups of 4 make 5 groups of 4-5.
        return max(1, n // size)
    if count is None or count < 1:
        raise GroupingError.said(MESSAGES, "count_small", count=count)
    if n >= 2 and count > n // 2:
        raise GroupingError.said(MESSAGES, "count_alone", count=count, n=n, most=n // 2)
    if n < 2 and count > 1:
        raise GroupingError.said(MESSAGES, "count_one_person", count=count)
    return count


def _caps(values: Sequence[str], k: int) -> dict[str, int]:
    return {v: -(-c // k) for v, c in Counter(values).items()}


def balance_penalty(groups: Sequence[Group], balance: str) -> int:
    """People above an even spread of ``balance`` (0 = as mixed as possible)."""
    values = [p.value(balance) for g in groups for p in g.members]
    caps = _caps(values, max(1, len(groups)))
    total = 0
    for g in groups:
        for v, c in Counter(p.value(balance) for p in g.members).items():
            total += max(0, c - caps[v])
    return total


def _previous_pairs(previous: Sequence[Sequence[str]]) -> set[frozenset[str]]:
    pairs: set[frozenset[str]] = set()
    for ids in previous:
        members = list(dict.fromkeys(ids))
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pairs.add(frozenset((a, b)))
    return pairs


def repeated_pairs(groups: Sequence[Group], previous: Sequence[Sequence[str]]) -> int:
    """Pairs of people in ``groups`` already together in ``previous`` (lists of ids)."""
    before = _previous_pairs(previous)
    return sum(
        1
        for g in groups
        for i, a in enumerate(g.members)
        for b in g.members[i + 1 :]
        if frozenset((a.id, b.id)) in before
    )


def _deal(values: Sequence[str], k: int, rng: random.Random) -> list[list[int]]:
    blocks: dict[str, list[int]] = {}
    for i, v in enumerate(values):
        blocks.setdefault(v, []).append(i)
    order = sorted(blocks)
    rng.shuffle(order)
    dealt: list[int] = []
    for v in order:
        block = blocks[v][:]
        rng.shuffle(block)
        dealt.extend(block)
    groups: list[list[int]] = [[] for _ in range(k)]
    for pos, i in enumerate(dealt):
        groups[pos % k].append(i)
    return groups


def _improve(
    groups: list[list[int]], values: Sequence[str], partners: list[set[int]]
) -> tuple[int, int]:
    """Hill-climb by swaps on (repeated pairs, balance penalty); returns the final cost."""
    caps = _caps(values, len(groups))
    counts = [Counter(values[i] for i in g) for g in groups]

    def links(person: int, group: list[int], skip: int) -> int:
        return sum(1 for j, other in enumerate(group) if j != skip and other in partners[person])

    def excess(counter: Counter[str], value: str, change: int) -> int:
        return max(0, counter[value] + change - caps[value])

    improved = True
    while improved:
        improved = False
        for a, ga in enumerate(groups):
            for b in range(a + 1, len(groups)):
                gb = groups[b]
                for ia in range(len(ga)):
                    for ib in range(len(gb)):
                        p, q = ga[ia], gb[ib]
                        d_rep = (
                            links(q, ga, ia)
                            + links(p, gb, ib)
                            - links(p, ga, ia)
                            - links(q, gb, ib)
                        )
                        d_pen = 0
                        vp, vq = values[p], values[q]
                        if vp != vq:
                            ca, cb = counts[a], counts[b]
                            before = (
                                excess(ca, vp, 0)
                                + excess(ca, vq, 0)
                                + excess(cb, vp, 0)
                                + excess(cb, vq, 0)
                            )
                            after = (
                                excess(ca, vp, -1)
                                + excess(ca, vq, 1)
                                + excess(cb, vp, 1)
                                + excess(cb, vq, -1)
                            )
                            d_pen = after - before
                        if (d_rep, d_pen) < (0, 0):
                            ga[ia], gb[ib] = q, p
                            counts[a][vp] -= 1
                            counts[a][vq] += 1
                            counts[b][vq] -= 1
                            counts[b][vp] += 1
                            improved = True
    reps = sum(links(p, g, i) for g in groups for i, p in enumerate(g)) // 2
    pen = sum(max(0, c - caps[v]) for counter in counts for v, c in counter.items())
    return reps, pen


def form_groups(
    people: Sequence[Person],
    *,
    size: int | None = None,
    count: int | None = None,
    balance: str | None = None,
    seed: int = 0,
    avoid: Sequence[Sequence[str]] | None = None,
) -> list[Group]:
    """Split ``people`` into groups (see the module docstring for how).

    ``avoid`` lists earlier groups as lists of person ids; ids not in ``people``
    (someone absent today) are ignored.
    """
    people = list(people)
    if not people:
        raise GroupingError.said(MESSAGES, "empty_roster")
    seen: dict[str, Person] = {}
    for person in people:
        key = person_key(person.id)
        if key in seen:
            numbers = [p.row for p in (seen[key], person) if p.row is not None]
            rows = {
                lang: ", ".join(translate(MESSAGES, "row", lang, n=n) for n in numbers)
                or translate(MESSAGES, "no_rows", lang)
                for lang in LANGUAGES
            }
            raise GroupingError.said(MESSAGES, "person_twice", id=person.id, rows=rows)
        seen[key] = person
    k = group_count(len(people), size=size, count=count)
    column = canonical_column(balance) if balance else None
    if column is not None:
        missing = [p for p in people if column not in p.attributes]
        if missing:
            have = ", ".join(sorted(missing[0].attributes))
            raise GroupingError.said(
                MESSAGES,
                "no_balance_value",
                name=missing[0].name,
                column=balance,
                have=have or MESSAGES["none"],
            )
    values = [p.value(column) if column else "" for p in people]

    partners: list[set[int]] = [set() for _ in people]
    if avoid:
        index = {person_key(p.id): i for i, p in enumerate(people)}
        known = 0
        for group in avoid:
            members = [index[person_key(pid)] for pid in group if person_key(pid) in index]
            known += len(members)
            for i in members:
                partners[i].update(j for j in members if j != i)
        if known == 0:
            raise GroupingError.said(MESSAGES, "avoid_unknown")

    rng = random.Random(seed)
    best: tuple[tuple[int, int], list[list[int]]] | None = None
    for _ in range(_RESTARTS if any(partners) else 1):
        dealt = _deal(values, k, rng)
        cost = _improve(dealt, values, partners)
        if best is None or cost < best[0]:
            best = (cost, dealt)
    if best is None:  # unreachable: the loop runs at least once
        raise GroupingError.said(MESSAGES, "no_grouping")
    return [
        Group(
            number,
            tuple(
                sorted((people[i] for i in members), key=lambda p: (name_sort_key(p.name), p.id))
            ),
            column,
        )
        for number, members in enumerate(best[1], start=1)
    ]


# ---------------------------------------------------------------- writing
