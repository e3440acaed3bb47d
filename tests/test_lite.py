"""The JupyterLite edition's build pieces that need no browser (issue #15)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner

from clientlearn.cli.main import cli
from clientlearn.core.checkcache import SEALED
from clientlearn.trainer.lite.wheel import build_wheel

REPO = Path(__file__).resolve().parent.parent
BANK = REPO / "module1_client_service" / "questions.yaml"


def test_the_wheel_is_reproducible_and_carries_checked_data(tmp_path: Path) -> None:
    banks = [(BANK.read_text(encoding="utf-8"), str(BANK))]
    first = build_wheel(tmp_path / "a", banks).read_bytes()
    second = build_wheel(tmp_path / "b", banks).read_bytes()
    assert first == second
    with zipfile.ZipFile(build_wheel(tmp_path / "c", banks)) as whl:
        names = whl.namelist()
    kinds = {
        n.split("/")[-1].split("-")[0] for n in names if n.startswith(f"clientlearn/{SEALED}/")
    }
    assert kinds == {"bank", "instrument", "rubric"}
    assert not any("__pycache__" in n for n in names)


def test_build_refuses_a_folder_that_is_not_a_site(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    result = CliRunner().invoke(cli, ["lite", "build", "--out", str(out), "--lang", "en"])
    assert result.exit_code == 1
    assert "is not a built site" in result.output
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_serve_refuses_a_folder_without_a_site(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["lite", "serve", str(tmp_path)])
    assert result.exit_code == 1
    assert "clientlearn lite build --out" in result.output
