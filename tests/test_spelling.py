"""Ukrainian spelling of everything participants read, checked with hunspell's Ukrainian
dictionary (Debian's hunspell-uk): question banks, lessons, the glossary, and the library's
own messages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from clientlearn.cli.collect import MESSAGES as COLLECT_MESSAGES
from clientlearn.cli.release import MESSAGES as RELEASE_MESSAGES
from clientlearn.cli.roster import LABELS as ROSTER_LABELS
from clientlearn.core.i18n import MESSAGES
from clientlearn.grader.feedback import MESSAGES as FEEDBACK_MESSAGES
from clientlearn.grader.journey_messages import MESSAGES as JOURNEY_MESSAGES
from clientlearn.runtime.groupwork.messages import MESSAGES as GROUPWORK_MESSAGES
from clientlearn.runtime.selfassess.messages import MESSAGES as SELFASSESS_MESSAGES
from clientlearn.trainer.groupcards import LABELS as CARD_LABELS
from clientlearn.trainer.handbook_html import LABELS as HANDBOOK_LABELS
from clientlearn.trainer.report.page import WORDS as REPORT_WORDS

REPO = Path(__file__).resolve().parent.parent
ALLOWED = REPO / "tests" / "fixtures" / "spelling-allowlist.txt"
_WORD = re.compile(r"[А-ЩЬЮЯЄІЇҐа-щьюяєіїґ’ʼ']+(?:-[А-ЩЬЮЯЄІЇҐа-щьюяєіїґ’ʼ']+)*")


def uk_texts(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "uk" and isinstance(value, str):
                yield value
            else:
                yield from uk_texts(value)
    elif isinstance(data, list):
        for value in data:
            yield from uk_texts(value)


@cache
def sources() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted(REPO.glob("module*/questions.yaml")):
        found[str(path.relative_to(REPO))] = "\n".join(
            uk_texts(yaml.safe_load(path.read_text("utf-8")))
        )
    readmes = [*REPO.glob("module*/README.md"), REPO / "course" / "TRAINER_GUIDE.md"]
    for path in sorted([*readmes, *(REPO / "course" / "lessons").rglob("*.md")]):
        found[str(path.relative_to(REPO))] = path.read_text("utf-8")
    for path in [
        *sorted((REPO / "clientlearn").glob("*/*.yaml")),
        REPO / "course" / "glossary.yaml",
    ]:
        found[str(path.relative_to(REPO))] = "\n".join(
            uk_texts(yaml.safe_load(path.read_text("utf-8")))
        )
    found["clientlearn/i18n.py"] = "\n".join(m["uk"] for m in MESSAGES.values())
    found["clientlearn/handbook_html.py"] = "\n".join(HANDBOOK_LABELS["uk"].values())
    found["clientlearn/roster_cli.py"] = "\n".join(m["uk"] for m in ROSTER_LABELS.values())
    found["clientlearn/feedback.py"] = "\n".join(m["uk"] for m in FEEDBACK_MESSAGES.values())
    found["clientlearn/report_html.py"] = "\n".join(uk for uk, _ in REPORT_WORDS.values())
    found["clientlearn/groupcards.py"] = "\n".join(CARD_LABELS["uk"].values())
    found["clientlearn/groupwork/messages.py"] = "\n".join(
        m["uk"] for m in GROUPWORK_MESSAGES.values()
    )
    found["clientlearn/selfassess/messages.py"] = "\n".join(
        m["uk"] for m in SELFASSESS_MESSAGES.values()
    )
    for name, table in (
        ("clientlearn/grader/journey_messages.py", JOURNEY_MESSAGES),
        ("clientlearn/cli/release.py", RELEASE_MESSAGES),
        ("clientlearn/cli/collect.py", COLLECT_MESSAGES),
    ):
        found[name] = "\n".join(m["uk"] for m in table.values())
    return found


def hunspell() -> str:
    exe = shutil.which("hunspell")
    if exe is None or not Path("/usr/share/hunspell/uk_UA.dic").exists():
        message = "hunspell with the Ukrainian dictionary is missing: apt-get install hunspell-uk"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return exe


@pytest.mark.parametrize("name", sorted(sources()))
def test_ukrainian_spelling(name: str) -> None:
    exe = hunspell()
    text = sources()[name]
    # Code spans and URLs are not prose.
    text = re.sub(r"`[^`]*`|https?://\S+", " ", text)
    words = sorted({w.strip("’ʼ'-") for w in _WORD.findall(text)} - {""})
    lines = ALLOWED.read_text("utf-8").splitlines()
    allowed = {w for line in lines if not line.startswith("#") for w in line.split()}
    proc = subprocess.run(
        [exe, "-d", "uk_UA", "-l"],
        input="\n".join(words),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    wrong = sorted(set(proc.stdout.split()) - allowed)
    assert not wrong, f"{name}: words hunspell does not know: {wrong}"
