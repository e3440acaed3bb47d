"""Question banks: loading, the participants' copy, and every problem reported as
FILE:LINE: FIELD: message by `clientlearn bank check`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from clientlearn.cli import cli
from clientlearn.core.errors import BankError
from clientlearn.runtime.bank import load_bank, parse_bank, public_yaml, schema
from clientlearn.runtime.questions import QUESTION_TYPES

from .conftest import SHOWCASE

GOOD = """\
bank: tiny
questions:
  - id: q1
    type: single
    text: {uk: Оберіть, en: Choose}
    options:
      - {id: a, text: {uk: Перше}}
      - {id: b, text: {uk: Друге}}
    key: a
    points: 2
  - id: q2
    type: ordering
    text: {uk: Упорядкуйте}
    items:
      - {id: x, text: {uk: Ікс}}
      - {id: y, text: {uk: Ігрек}}
      - {id: z, text: {uk: Зет}}
    key: [x, y, z]
"""

# (edit of GOOD, expected line, expected field, words in the message)
BAD_CASES = {
    "duplicate id": (GOOD.replace("id: q2", "id: q1"), 11, "q1.id", "already used"),
    "key not among options": (
        GOOD.replace("key: a", "key: c"),
        9,
        "q1.key",
        "not among the options",
    ),
    "ordering key misses an item": (
        GOOD.replace("key: [x, y, z]", "key: [x, y]"),
        18,
        "q2.key",
        "misses",
    ),
    "ordering key repeats an item": (
        GOOD.replace("key: [x, y, z]", "key: [x, y, z, z]"),
        18,
        "q2.key",
        "repeats",
    ),
    "non-positive points": (GOOD.replace("points: 2", "points: 0"), 10, "q1.points", "positive"),
    "negative points": (GOOD.replace("points: 2", "points: -1"), 10, "q1.points", "positive"),
    "missing uk text": (
        GOOD.replace("text: {uk: Оберіть, en: Choose}", "text: {en: Choose}"),
        5,
        "q1.text",
        "'uk'",
    ),
    "missing uk option text": (
        GOOD.replace("{id: b, text: {uk: Друге}}", "{id: b, text: {en: Second}}"),
        8,
        "q1.options[1].text",
        "'uk'",
    ),
    "malformed yaml": (
        GOOD.replace("key: [x, y, z]", "key: [x, y, z"),
        19,
        "yaml",
        "not valid YAML",
    ),
    "key given twice": (
        GOOD.replace("    points: 2\n", "    points: 2\n    key: b\n"),
        11,
        "key",
        "twice",
    ),
    "unknown type": (GOOD.replace("type: single", "type: essay"), 4, "q1.type", "essay"),
    "misspelt field": (GOOD.replace("points: 2", "pionts: 2"), 10, "q1.pionts", "unknown field"),
    "graded without key": (GOOD.replace("    key: a\n", ""), 3, "q1", "no key"),
}


# A path-scored scenario that keeps every rule: a good, a poor (repairable) and a harmful
# first move, then a right and a half-right last move.
SCENARIO = """\
bank: paths
questions:
  - id: s1
    type: scenario
    text: {uk: Сценарій}
    start: n1
    nodes:
      - id: n1
        text: {uk: Перший крок}
        choices:
          - {id: good, text: {uk: Добре}, next: n2, quality: 1}
          - {id: poor, text: {uk: Погано}, next: fix, quality: 0.5}
          - {id: harm, text: {uk: Шкідливо}, next: lost, quality: 0}
      - id: fix
        text: {uk: Виправлення}
        choices:
          - {id: repair, text: {uk: Виправити}, next: n2, quality: 1}
          - {id: worse, text: {uk: Погіршити}, next: lost, quality: 0}
      - id: n2
        text: {uk: Другий крок}
        choices:
          - {id: right, text: {uk: Правильно}, next: won, quality: 1}
          - {id: half, text: {uk: Наполовину}, next: part, quality: 0.5}
    endings:
      - {id: won, text: {uk: Успіх}, score: 1}
      - {id: part, text: {uk: Частково}, score: 0.5}
      - {id: lost, text: {uk: Втрачено}, score: 0}
"""
ENDING_ONLY = SCENARIO.replace("    start: n1\n", "    start: n1\n    scoring: ending\n")
for _q in (", quality: 1}", ", quality: 0.5}", ", quality: 0}"):
    ENDING_ONLY = ENDING_ONLY.replace(_q, "}")

BAD_CASES.update(
    {
        "scenario choice without quality": (
            SCENARIO.replace("next: fix, quality: 0.5}", "next: fix}"),
            12,
            "s1.nodes[0].choices[1]",
            "choice 'poor' has no quality",
        ),
        "scenario ending without score": (
            SCENARIO.replace("{uk: Частково}, score: 0.5}", "{uk: Частково}}"),
            26,
            "s1.endings[1]",
            "this ending has no score",
        ),
        "quality under ending scoring": (
            ENDING_ONLY.replace("next: won}", "next: won, quality: 1}"),
            23,
            "s1.nodes[2].choices[0].quality",
            "scored by its ending alone",
        ),
        "scenario with a loop": (
            SCENARIO.replace(
                "{id: repair, text: {uk: Виправити}, next: n2",
                "{id: repair, text: {uk: Виправити}, next: n1",
            ),
            17,
            "s1.nodes[1].choices[0].next",
            "the choices loop (n1 → fix → n1)",
        ),
        "rule (a): no path scores 1": (
            SCENARIO.replace("{uk: Успіх}, score: 1}", "{uk: Успіх}, score: 0.9}"),
            8,
            "s1.nodes[0]",
            "no path scores 1 (the best, good › right, scores 0.9)",
        ),
        "rule (b): a poorer move leaves a better mean": (
            SCENARIO.replace(
                "next: lost, quality: 0}\n      - id: fix",
                "next: won, quality: 0.25}\n      - id: fix",
            ),
            13,
            "s1.nodes[0].choices[2].quality",
            "'harm' (quality 0.25) leaves a mean score of 0.25 within reach, not less than 0.156 "
            "after 'poor' (quality 0.5)",
        ),
        "rule (b): a poorer move leaves as good a best": (
            SCENARIO.replace("next: won, quality: 1}", "next: part, quality: 1}").replace(
                "next: part, quality: 0.5}", "next: won, quality: 0.5}"
            ),
            23,
            "s1.nodes[2].choices[1].quality",
            "'half' (quality 0.5) leaves a best score of 0.5 within reach, not less than 0.5 "
            "after 'right' (quality 1)",
        ),
        "scenario without any key": (
            ENDING_ONLY.replace("    scoring: ending\n", "")
            .replace(", score: 1}", "}")
            .replace(", score: 0.5}", "}")
            .replace(", score: 0}", "}"),
            3,
            "s1",
            "no key: add 'key' (in a scenario: a score on every ending and, under path "
            "scoring, a quality on every choice)",
        ),
    }
)


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bank_check_names_file_line_and_field(case: str, tmp_path: Path) -> None:
    text, line, field, words = BAD_CASES[case]
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["bank", "check", str(path), "--lang", "en"])
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert any(out.startswith(f"{path}:{line}: {field}: ") and words in out for out in lines), (
        result.stdout
    )


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bank_check_speaks_ukrainian_by_default(case: str, tmp_path: Path) -> None:
    # The same problems on the same FILE:LINE: FIELD, each said in Ukrainian.
    path = tmp_path / "bank.yaml"
    path.write_text(BAD_CASES[case][0], encoding="utf-8")
    uk = CliRunner().invoke(cli, ["bank", "check", str(path)]).stdout.strip().splitlines()
    en = CliRunner().invoke(cli, ["bank", "check", str(path), "--lang", "en"])
    english = en.stdout.strip().splitlines()
    assert len(uk) == len(english) > 0
    for said, then in zip(uk, english, strict=True):
        where = then[: then.index(": ", len(str(path)) + 1) + 2]  # FILE:LINE: FIELD:
        assert said.startswith(where) and said != then, (said, then)
        assert re.search("[а-яіїєґ]", said[len(where) :]), said


def test_bank_check_in_ukrainian_words() -> None:
    text = SCENARIO.replace("{uk: Успіх}, score: 1}", "{uk: Успіх}, score: 0.9}")
    with pytest.raises(BankError) as err:
        parse_bank(text, "bank.yaml")
    assert err.value.text("uk") == (
        "bank.yaml:8: s1.nodes[0]: жоден шлях не дає 1 (найкращий, good › right, дає 0,9): "
        "дайте кожному виборові на правильному шляху якість 1, а його фіналові — оцінку 1"
    )
    assert "no path scores 1 (the best, good › right, scores 0.9)" in str(err.value)
    with pytest.raises(BankError) as err:
        parse_bank(GOOD.replace("points: 2", "pionts: 2"), "bank.yaml")
    assert err.value.text("uk") == (
        "bank.yaml:10: q1.pionts: невідоме поле «pionts»; вилучіть його або перевірте, "
        "чи правильно його написано"
    )


def test_bank_check_accepts_good_banks(tmp_path: Path) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["bank", "check", str(path), str(SHOWCASE)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_bank_check_reports_every_problem_of_several_files(tmp_path: Path) -> None:
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    one.write_text(
        GOOD.replace("key: a", "key: c").replace("points: 2", "points: 0"), encoding="utf-8"
    )
    two.write_text(GOOD.replace("id: q2", "id: q1"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["bank", "check", str(one), str(two)])
    assert result.exit_code == 1
    assert len(result.stdout.strip().splitlines()) == 3


def test_missing_file_and_wrong_encoding(tmp_path: Path) -> None:
    latin = tmp_path / "cp1251.yaml"
    latin.write_bytes(GOOD.encode("cp1251"))
    args = ["bank", "check", str(tmp_path / "none.yaml"), str(latin)]
    result = CliRunner().invoke(cli, [*args, "--lang", "en"])
    assert result.exit_code == 1
    assert "none.yaml: file: no such file" in result.stdout
    assert "cp1251.yaml: file: not UTF-8" in result.stdout
    result = CliRunner().invoke(cli, args)
    assert "none.yaml: file: такого файлу немає" in result.stdout
    assert "cp1251.yaml: file: файл не в кодуванні UTF-8" in result.stdout


def test_load_raises_bank_error_with_problems(tmp_path: Path) -> None:
    with pytest.raises(BankError) as err:
        parse_bank(GOOD.replace("key: a", "key: c"), "inline.yaml")
    assert err.value.problems[0].line == 9
    assert "inline.yaml:9: q1.key:" in str(err.value)


def test_scenario_problems_are_caught(tmp_path: Path) -> None:
    data = yaml.safe_load(SHOWCASE.read_text(encoding="utf-8"))
    scenario = next(q for q in data["questions"] if q["type"] == "scenario")
    scenario["nodes"][1]["choices"][0]["next"] = "nowhere"
    scenario["start"] = "n9"
    with pytest.raises(BankError) as err:
        parse_bank(yaml.safe_dump(data, allow_unicode=True))
    messages = [p.message for p in err.value.problems]
    assert any("'nowhere' is neither a node nor an ending" in m for m in messages)
    assert any("start 'n9' is not a node" in m for m in messages)


def test_schema_lists_every_question_type_and_validates_the_showcase() -> None:
    enum = schema()["$defs"]["question"]["properties"]["type"]["enum"]
    assert set(enum) == set(QUESTION_TYPES)
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.validate(yaml.safe_load(SHOWCASE.read_text(encoding="utf-8")), schema())


def test_schema_ships_as_a_file_editors_can_use() -> None:
    import clientlearn

    path = Path(clientlearn.__file__).parent / "runtime" / "schema" / "bank.schema.json"
    assert json.loads(path.read_text(encoding="utf-8")) == schema()


def test_public_copy_holds_no_graded_key() -> None:
    text = public_yaml(SHOWCASE.read_text(encoding="utf-8"))
    data = yaml.safe_load(text)
    assert data["public"] is True
    for q in data["questions"]:
        assert "key" not in q
        assert "explanation" not in q
        for ending in q.get("endings", []):
            assert "score" not in ending
        for node in q.get("nodes", []):
            for choice in node["choices"]:
                assert "quality" not in choice and choice["next"]
    public = parse_bank(text)
    assert public.public and len(public) == len(load_bank(SHOWCASE))


def test_public_copy_keeps_self_check_keys() -> None:
    text = GOOD.replace("    points: 2\n", "    points: 2\n    mode: selfcheck\n")
    data = yaml.safe_load(public_yaml(text))
    assert data["questions"][0]["key"] == "a"
    assert "key" not in data["questions"][1]


def test_a_public_bank_must_not_carry_graded_keys(tmp_path: Path) -> None:
    path = tmp_path / "public.yaml"
    path.write_text("public: true\n" + GOOD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["bank", "check", str(path), "--lang", "en"])
    assert result.exit_code == 1
    assert "a public bank must not hold a graded key" in result.stdout


def test_bank_publish_command() -> None:
    result = CliRunner().invoke(cli, ["bank", "publish", str(SHOWCASE)])
    assert result.exit_code == 0
    assert "public: true" in result.stdout
    assert "key:" not in result.stdout


def test_a_self_check_warm_up_may_be_worth_nothing(tmp_path: Path) -> None:
    text = GOOD.replace("    points: 2\n", "    points: 0\n    mode: selfcheck\n")
    bank = parse_bank(text)
    assert bank["q1"].points == 0 and bank["q1"].score("a") == 0


def test_scenario_banks_check_clean_and_ending_scoring_still_loads(tmp_path: Path) -> None:
    for name, text in (("path.yaml", SCENARIO), ("ending.yaml", ENDING_ONLY)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = CliRunner().invoke(cli, ["bank", "check", str(path)])
        assert result.exit_code == 0 and result.stdout == "", result.output
    old = parse_bank(ENDING_ONLY)["s1"]
    assert old.fraction(["poor", "repair", "right"]) == 1.0  # the ending alone, as before
    assert parse_bank(SCENARIO)["s1"].fraction(["poor", "repair", "right"]) == 0.5


def test_public_copy_of_a_scenario_drops_qualities_and_keeps_self_check_ones() -> None:
    graded = yaml.safe_load(public_yaml(SCENARIO))["questions"][0]
    assert all("quality" not in c for n in graded["nodes"] for c in n["choices"])
    assert all("score" not in e for e in graded["endings"])
    public = parse_bank(public_yaml(SCENARIO))["s1"]
    assert not public.has_key
    selfcheck = SCENARIO.replace("    start: n1\n", "    mode: selfcheck\n    start: n1\n")
    kept = yaml.safe_load(public_yaml(selfcheck))["questions"][0]
    assert kept["nodes"][0]["choices"][1]["quality"] == 0.5
    # The participants' copy of a self-check scenario is checked like the trainer's.
    assert parse_bank(public_yaml(selfcheck))["s1"].fraction(["poor", "repair", "half"]) == 0.125


def test_a_public_bank_must_not_carry_a_scenario_quality(tmp_path: Path) -> None:
    path = tmp_path / "public.yaml"
    text = public_yaml(SCENARIO).replace("next: n2\n", "next: n2\n      quality: 1\n", 1)
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["bank", "check", str(path)])
    assert result.exit_code == 1
    assert "у банку для учасників не може бути ключа оцінюваного питання" in result.stdout
