"""Every command finds the course the same way when --course is not given."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from clientlearn.cli import cli as main
from clientlearn.cli.courseroot import course_root


def test_the_current_folder_if_it_is_a_course_else_its_course_subfolder(tmp_path: Path) -> None:
    assert course_root(cwd=tmp_path) == tmp_path / "course"
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
    assert course_root(cwd=tmp_path) == tmp_path
    assert course_root(tmp_path / "elsewhere", cwd=tmp_path) == tmp_path / "elsewhere"


@pytest.mark.parametrize(
    "args",
    [
        ["export"],
        ["certificates", "verify", "CO-7K3F-9QX2-M4TD"],
        ["roster", "import", "people.csv", "--dry-run"],
        ["autograde", "module1_client_service"],
        ["report", "--out", "out"],
    ],
)
def test_commands_use_the_rule_and_say_which_folder_they_looked_in(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The repository's top: no nbgrader_config.py here, an empty course/ beside.
    (tmp_path / "course").mkdir()
    (tmp_path / "people.csv").write_text("ПІБ\nКоваль Ірина\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args)
    assert result.exit_code != 0 and "Traceback" not in result.output
    # The message names the folder the rule chose: ./course, as an absolute path.
    assert str(tmp_path / "course") in result.output
    # Nothing was written into the folder that is not a course.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course", "people.csv"]
    assert list((tmp_path / "course").iterdir()) == []


def test_help_states_the_default() -> None:
    commands = (["export"], ["roster", "import"], ["autograde"], ["certificates", "verify"])
    for args in (*commands, ["report"]):
        text = CliRunner().invoke(main, [*args, "--help"]).output
        assert "поточна тека, якщо в ній є nbgrader_config.py, інакше ./course" in " ".join(
            text.split()
        ), args
        text = CliRunner().invoke(main, [*args, "--help", "--lang", "en"]).output
        assert "the current folder if it holds nbgrader_config.py, else ./course" in " ".join(
            text.split()
        ), args
