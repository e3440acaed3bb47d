"""The disk cache of checked banks and instruments (clientlearn.core.checkcache).

A file that passed its checks is kept and used again while its text and the checking
code are unchanged; a file with problems is never kept; a broken or unwritable cache
only means checking again.  A grading kernel that finds its bank in the cache imports
neither YAML nor the schema validator.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from clientlearn.core import checkcache
from clientlearn.core.errors import BankError
from clientlearn.runtime import bank as bank_module
from clientlearn.runtime.bank import parse_bank
from clientlearn.runtime.selfassess import instruments
from clientlearn.runtime.selfassess.instruments import parse_instrument

from .conftest import SHOWCASE

INSTRUMENT = Path(instruments.__file__).parent / "instruments" / "confidence.yaml"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(checkcache.CACHE_ENV, str(folder))
    return folder


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files checked in full (YAML and schema), by name, in order."""
    seen: list[str] = []
    real_bank, real_instrument = bank_module._checked, instruments._checked

    def bank_checked(text: str, file: str, *, require_keys: bool) -> Any:
        seen.append(file)
        return real_bank(text, file, require_keys=require_keys)

    def instrument_checked(text: str, file: str) -> Any:
        seen.append(file)
        return real_instrument(text, file)

    monkeypatch.setattr(bank_module, "_checked", bank_checked)
    monkeypatch.setattr(instruments, "_checked", instrument_checked)
    return seen


def test_a_checked_bank_is_kept_and_gives_the_same_bank(cache: Path, checks: list[str]) -> None:
    text = SHOWCASE.read_text(encoding="utf-8")
    first = parse_bank(text, "first")
    second = parse_bank(text, "second")
    assert checks == ["first"]  # the second came from the cache
    assert second == first and second.questions == first.questions
    assert [p.name.split("-")[0] for p in cache.iterdir()] == ["bank"]
    # Another text is another entry, checked in full.
    parse_bank(text.replace("Перевірка всіх", "Інша", 1), "changed")
    assert checks == ["first", "changed"]
    assert len(list(cache.iterdir())) == 2


def test_an_instrument_is_kept_too(cache: Path, checks: list[str]) -> None:
    text = INSTRUMENT.read_text(encoding="utf-8")
    first = parse_instrument(text, "a")
    assert parse_instrument(text, "b") == first
    assert checks == ["a"]


def test_a_bank_with_problems_is_never_kept(cache: Path, checks: list[str]) -> None:
    text = SHOWCASE.read_text(encoding="utf-8").replace("type: single", "type: singel", 1)
    for name in ("one", "two"):
        with pytest.raises(BankError, match="singel"):
            parse_bank(text, name)
    assert checks == ["one", "two"]
    assert not cache.exists() or not list(cache.iterdir())


@pytest.mark.parametrize(
    "garbage",
    [b"", b"{not json", b'{"key": "another", "data": {}}', b"[1, 2]", "ґ".encode("cp1251")],
)
def test_a_broken_cache_file_means_checking_again(
    cache: Path, checks: list[str], garbage: bytes
) -> None:
    text = SHOWCASE.read_text(encoding="utf-8")
    expected = parse_bank(text, "fresh")
    (kept,) = cache.iterdir()
    kept.write_bytes(garbage)
    assert parse_bank(text, "again") == expected
    assert checks == ["fresh", "again"]
    assert json.loads(kept.read_text(encoding="utf-8"))["data"]["bank"] == expected.id  # rewritten


def test_a_new_version_of_the_checks_checks_again(
    cache: Path, checks: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = SHOWCASE.read_text(encoding="utf-8")
    parse_bank(text, "old checks")
    checkcache._fingerprint.cache_clear()
    monkeypatch.setattr("clientlearn.core.version.__version__", "99.0")
    try:
        parse_bank(text, "new checks")
    finally:
        checkcache._fingerprint.cache_clear()
    assert checks == ["old checks", "new checks"]


def test_a_changed_checking_file_changes_the_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "check.py").write_text("A = 1\n", encoding="utf-8")
    monkeypatch.setattr(checkcache, "_PACKAGE", tmp_path)
    checkcache._fingerprint.cache_clear()
    try:
        before = checkcache._fingerprint(("check.py",))
        (tmp_path / "check.py").write_text("A = 2\n", encoding="utf-8")
        checkcache._fingerprint.cache_clear()
        assert checkcache._fingerprint(("check.py",)) != before
        # A checking file that cannot be read: no cache at all rather than a stale one.
        assert checkcache._fingerprint(("missing.py",)) is None
    finally:
        checkcache._fingerprint.cache_clear()


def test_an_unusable_cache_folder_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checks: list[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(checkcache.CACHE_ENV, str(blocker / "cache"))
    text = SHOWCASE.read_text(encoding="utf-8")
    assert parse_bank(text, "a") == parse_bank(text, "b")
    assert checks == ["a", "b"]
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_the_cache_can_be_turned_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checks: list[str]
) -> None:
    monkeypatch.setenv(checkcache.CACHE_ENV, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    text = SHOWCASE.read_text(encoding="utf-8")
    parse_bank(text, "a")
    parse_bank(text, "b")
    assert checks == ["a", "b"]
    assert not list(tmp_path.iterdir())


def test_the_default_folder_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(checkcache.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert checkcache.cache_folder() == tmp_path / "xdg" / "clientlearn"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert checkcache.cache_folder() == tmp_path / "home" / ".cache" / "clientlearn"


def test_only_the_most_recent_entries_are_kept(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checkcache, "KEEP", 3)
    text = SHOWCASE.read_text(encoding="utf-8")
    for i in range(6):
        parse_bank(text.replace("Перевірка всіх", f"Версія {i}", 1))
        os.utime(max(cache.iterdir(), key=lambda p: p.stat().st_mtime_ns), ns=(i, i * 10**9))
    titles = sorted(
        json.loads(p.read_text(encoding="utf-8"))["data"]["title"]["uk"][:8]
        for p in cache.iterdir()
    )
    assert titles == ["Версія 3", "Версія 4", "Версія 5"]


KERNEL = """
import sys
from clientlearn import Quiz
quiz = Quiz("questions.yaml")
heavy = ("yaml", "jsonschema_rs", "clientlearn.core.yamlsource")
print(len(quiz.bank.questions), sorted(m for m in heavy if m in sys.modules))
"""


def test_a_grading_kernel_with_a_cached_bank_skips_yaml_and_the_schema(
    quiz_folder: Path, cache: Path
) -> None:
    env = {**os.environ, "NBGRADER_EXECUTION": "autograde"}

    def run() -> str:
        done = subprocess.run(
            [sys.executable, "-c", KERNEL],
            cwd=quiz_folder,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        )
        return done.stdout.strip()

    count = len(parse_bank(SHOWCASE.read_text(encoding="utf-8"), "count").questions)
    for p in cache.iterdir():
        p.unlink()
    assert (
        run() == f"{count} ['clientlearn.core.yamlsource', 'jsonschema_rs', 'yaml']"
    )  # checked, kept
    assert run() == f"{count} []"  # from the cache
