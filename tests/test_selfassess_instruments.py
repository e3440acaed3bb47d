"""Instruments as data: the shipped files load, follow the seed and the course's language
rules, and a broken file is reported as FILE:LINE: FIELD: message."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from clientlearn.core.errors import ClientlearnError, InputFileError
from clientlearn.runtime.selfassess.instruments import (
    Kind,
    builtin_ids,
    check_instrument,
    load_instrument,
    parse_instrument,
    round_half_up,
)

MINI = """\
instrument: mini
kind: index
title: {uk: Міні, en: Mini}
description: {uk: Опис, en: Description}
scale: {min: 1, max: 5}
dimensions:
  - id: d1
    title: {uk: Група}
items:
  - id: a
    dimension: d1
    text: {uk: Перше твердження}
    short: {uk: Перше}
  - id: b
    dimension: d1
    reverse: true
    text: {uk: Друге твердження}
    short: {uk: Друге}
bands:
  - {min: 0, max: 49, title: {uk: Низько}, text: {uk: Мало}}
  - {min: 50, max: 100, title: {uk: Високо}, text: {uk: Багато}}
"""


def problems_of(text: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    return [str(p) for p in check_instrument(path)]


def test_the_three_instruments_are_shipped_and_valid() -> None:
    assert builtin_ids() == ("confidence", "conflict_styles", "library_diagnostic")
    folder = resources.files("clientlearn.runtime.selfassess").joinpath("instruments")
    for name in builtin_ids():
        assert check_instrument(Path(str(folder.joinpath(f"{name}.yaml")))) == []


def test_library_diagnostic_has_one_item_per_seed_sign() -> None:
    ins = load_instrument("library_diagnostic")
    assert ins.kind is Kind.INDEX
    client, self_ = ins.items_of("client"), ins.items_of("self")
    assert len(client) == 6 and len(self_) == 4
    assert not any(i.reverse for i in client) and all(i.reverse for i in self_)
    labels = [ins.scale.labels[0]["uk"], ins.scale.labels[-1]["uk"]]
    assert labels == ["зовсім не так", "цілком так"]
    assert [(b.min, b.max) for b in ins.bands] == [(0, 39), (40, 69), (70, 100)]


def test_conflict_styles_covers_five_modes_on_two_axes() -> None:
    ins = load_instrument("conflict_styles")
    assert 15 <= len(ins.items) <= 20
    assert [d.id for d in ins.dimensions] == [
        "competing",
        "collaborating",
        "compromising",
        "avoiding",
        "accommodating",
    ]
    assert {len(ins.items_of(d.id)) for d in ins.dimensions} == {4}
    assert [a.id for a in ins.axes] == ["assertiveness", "cooperativeness"]
    positions = {d.id: dict(d.position) for d in ins.dimensions}
    assert positions["competing"] == {"assertiveness": 1, "cooperativeness": -1}
    assert positions["compromising"] == {"assertiveness": 0, "cooperativeness": 0}
    # Never two statements of one mode in a row: the order does not give the mode away.
    modes = [i.dimension for i in ins.items]
    assert all(a != b for a, b in itertools.pairwise(modes))
    assert "Томас" in ins.description["uk"] and "TKI" in ins.description["en"]
    assert all(d.fits and d.risk for d in ins.dimensions)


def test_confidence_is_asked_before_and_after() -> None:
    ins = load_instrument("confidence")
    assert [p.id for p in ins.phases] == ["before", "after"]
    assert ins.record_id("before") == "selfassess.confidence.before"
    ids = {i.id for i in ins.items}
    assert {"telephone", "deescalation", "roleplay_feedback", "target_audiences"} <= ids
    with pytest.raises(ClientlearnError, match="phase="):
        ins.record_id()
    with pytest.raises(ClientlearnError, match="no phases"):
        load_instrument("library_diagnostic").record_id("before")


def _texts(node: Any) -> list[dict[str, str]]:
    if isinstance(node, dict):
        here = [node] if "uk" in node else []
        return here + [t for v in node.values() for t in _texts(v)]
    if isinstance(node, list):
        return [t for v in node for t in _texts(v)]
    return []


@pytest.mark.parametrize("name", ["confidence", "conflict_styles", "library_diagnostic"])
def test_every_text_is_bilingual_with_the_typographic_apostrophe(name: str) -> None:
    raw = resources.files("clientlearn.runtime.selfassess").joinpath(f"instruments/{name}.yaml")
    texts = _texts(yaml.safe_load(raw.read_text(encoding="utf-8")))
    assert texts
    for text in texts:
        assert set(text) == {"uk", "en"}, text
        assert "'" not in text["uk"] and "ʼ" not in text["uk"], text["uk"]
    uk = " ".join(t["uk"] for t in texts)
    assert "’" in uk
    # The seed's non-standard «зворотнього» is not repeated.
    assert "зворотнього" not in uk


@pytest.mark.skipif(shutil.which("hunspell") is None, reason="hunspell is not installed")
@pytest.mark.parametrize("name", ["confidence", "conflict_styles", "library_diagnostic"])
def test_ukrainian_spelling(name: str) -> None:
    raw = resources.files("clientlearn.runtime.selfassess").joinpath(f"instruments/{name}.yaml")
    texts = _texts(yaml.safe_load(raw.read_text(encoding="utf-8")))
    words = subprocess.run(
        ["hunspell", "-d", "uk_UA", "-l"],
        input="\n".join(t["uk"] for t in texts),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout.split()
    # Proper names and the "1970-х" suffix are not in the dictionary.
    assert set(words) <= {"Кілманн", "Кілманна", "-х"}


def test_a_valid_file_loads(tmp_path: Path) -> None:
    ins = parse_instrument(MINI, "mini.yaml")
    assert ins.id == "mini" and ins.min_share == 0.8 and ins.per_dimension == 1
    path = tmp_path / "mini.yaml"
    path.write_text(MINI, encoding="utf-8")
    assert load_instrument(path).items[1].reverse
    assert load_instrument(str(path)).path == path


def test_missing_field_is_reported_with_file_line_and_item(tmp_path: Path) -> None:
    text = MINI.replace("    text: {uk: Друге твердження}\n", "")
    assert problems_of(text, tmp_path) == [
        f"{tmp_path / 'bad.yaml'}:14: items[b]: required field 'text' is missing"
    ]


def test_schema_problems_name_the_field(tmp_path: Path) -> None:
    text = MINI.replace("kind: index", "kind: likert").replace("{uk: Група}", "{en: Group}")
    found = problems_of(text, tmp_path)
    assert any(':2: kind: "likert" is not one of' in p for p in found), found
    assert any(":8: dimensions[d1].title: the Ukrainian text ('uk') is missing" in p for p in found)


def test_an_unknown_field_is_reported_on_its_own_line(tmp_path: Path) -> None:
    found = problems_of(MINI.replace("    reverse: true", "    revers: true"), tmp_path)
    assert len(found) == 1 and found[0].startswith(
        f"{tmp_path / 'bad.yaml'}:16: items[b].revers: unknown field"
    ), found


def test_semantic_problems_are_all_listed(tmp_path: Path) -> None:
    text = (
        MINI.replace("    dimension: d1\n    reverse", "    dimension: d2\n    reverse")
        .replace("min: 50,", "min: 51,")
        .replace("Перше твердження", "Пам'ятка")
        .replace("  - id: b\n", "  - id: a\n")
    )
    found = problems_of(text, tmp_path)
    file = tmp_path / "bad.yaml"
    assert f"{file}:14: items[a].id: id 'a' appears twice" in found
    assert any(
        p.startswith(f"{file}:15: items[a].dimension: not one of the dimensions") for p in found
    )
    assert any(p.startswith(f"{file}:21: bands[1].min: must be 50") for p in found)
    assert (
        f"{file}:12: items[a].text.uk: write the apostrophe as ’ (U+2019), as in all course text"
        in found
    )


def test_problems_are_said_in_ukrainian_too(tmp_path: Path) -> None:
    text = MINI.replace("  - id: b\n", "  - id: a\n").replace("kind: index", "kind: likert")
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    said = [p.text("uk") for p in check_instrument(path)]
    assert f'{path}:2: kind: "likert" — не з можливих значень: ' in said[0], said
    path.write_text(MINI.replace("  - id: b\n", "  - id: a\n"), encoding="utf-8")
    said = [p.text("uk") for p in check_instrument(path)]
    assert f"{path}:14: items[a].id: ідентифікатор «a» трапляється двічі" in said, said
    assert [p.text("uk") for p in check_instrument(tmp_path / "none.yaml")] == [
        f"{tmp_path / 'none.yaml'}: file: такого файлу немає"
    ]


def test_bands_must_cover_the_range(tmp_path: Path) -> None:
    text = MINI.replace("max: 100,", "max: 99,").replace("{min: 0,", "{min: 1,")
    found = problems_of(text, tmp_path)
    assert any("bands[0].min: the first band must start at 0" in p for p in found)
    assert any("bands[1].max: the last band must end at 100" in p for p in found)


def test_broken_yaml_and_duplicate_keys(tmp_path: Path) -> None:
    assert problems_of(MINI.replace("scale: {min: 1, max: 5}", "scale: {min: 1, max: 5"), tmp_path)[
        0
    ].startswith(f"{tmp_path / 'bad.yaml'}:")
    dup = MINI.replace("kind: index\n", "kind: index\nkind: modes\n")
    assert problems_of(dup, tmp_path) == [
        f"{tmp_path / 'bad.yaml'}:3: kind: this key is given twice in the same mapping; keep one"
    ]


def test_modes_need_positions_on_every_axis(tmp_path: Path) -> None:
    text = MINI.replace("kind: index", "kind: modes").replace(
        "bands:", "axes:\n  - {id: x, title: {uk: Ікс}}\nbands:"
    )
    text = text.replace("max: 49", "max: 2.9").replace("min: 50, max: 100", "min: 3.0, max: 5")
    text = text.replace("min: 0,", "min: 1,") + "band_decimals: 1\n"
    found = problems_of(text, tmp_path)
    assert any("dimensions[d1].position: give a place on each axis ['x']" in p for p in found), (
        found
    )


def test_not_a_mapping_and_missing_file(tmp_path: Path) -> None:
    assert problems_of("- just\n- a list\n", tmp_path)[0].endswith(
        "instrument: an instrument is a mapping with 'instrument', 'kind', 'items' and the rest "
        "(see schema/instrument.schema.json)"
    )
    assert [str(p) for p in check_instrument(tmp_path / "none.yaml")] == [
        f"{tmp_path / 'none.yaml'}: file: no such file"
    ]
    with pytest.raises(InputFileError):
        load_instrument(tmp_path / "none.yaml")
    with pytest.raises(ClientlearnError, match="no instrument 'nonsense'"):
        load_instrument("nonsense")


def test_the_schema_file_is_valid_json_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")  # a dev tool; the package uses jsonschema-rs

    schema = json.loads(
        resources.files("clientlearn.runtime")
        .joinpath("schema/instrument.schema.json")
        .read_text("utf-8")
    )
    jsonschema.Draft202012Validator.check_schema(schema)


def test_bands_are_looked_up_after_rounding_half_up() -> None:
    ins = load_instrument("library_diagnostic")
    assert ins.band_for(39.4).min == 0
    assert ins.band_for(39.5).min == 40  # 39.5 shows as 40, so it is read as 40
    assert ins.band_for(100.0).min == 70
    modes = load_instrument("conflict_styles")
    assert modes.band_for(2.45).min == 2.5
    assert modes.band_for(2.44).min == 1.0
    assert str(round_half_up(2.5)) == "3" and str(round_half_up(0.125, 2)) == "0.13"
