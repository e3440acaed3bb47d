"""The progress display: a bar redrawn in place on a terminal, a line per item in a log."""

from __future__ import annotations

import io

import pytest

from clientlearn.core.progress import ProgressBar


def test_on_a_terminal_the_bar_redraws_in_place_and_ends_its_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = io.StringIO()
    with ProgressBar(4, "Grading quiz", stream=out, interactive=True) as bar:
        for student in ("ann", "bob", "cat", "dan"):
            bar.advance(f"{student}  3.00 / 4 (1.2 s) and a long tail " + "x" * 80)
    text = out.getvalue()
    frames = text.split("\r\x1b[2K")[1:]
    assert len(frames) == 5  # the empty bar, then one frame per submission
    assert frames[0].startswith("Grading quiz ░") and " 0/4 " in frames[0]
    assert frames[2].startswith("Grading quiz █") and " 2/4 " in frames[2] and "left" in frames[2]
    assert "bob  3.00 / 4" in frames[2]
    last = frames[-1]
    assert " 4/4 " in last and "░" not in last.split(" 4/4 ")[0] and last.endswith("\n")
    # A frame never reaches the terminal's last column: a wrapped line cannot be redrawn.
    assert all(len(f.rstrip("\n")) < 80 for f in frames)
    assert text.count("\n") == 1


def test_in_a_log_each_item_gets_a_line() -> None:
    out = io.StringIO()
    with ProgressBar(3, "Certificates", stream=out, lang="en") as bar:  # not a terminal
        for name in ("ann", "bob", "cat"):
            bar.advance(name)
    lines = out.getvalue().splitlines()
    assert lines[0] == "Certificates: 3 to do"
    with ProgressBar(3, "Сертифікати", stream=io.StringIO()) as uk:
        assert uk.stream.getvalue() == "Сертифікати: усього 3\n"  # type: ignore[attr-defined]
    assert [ln.split()[0] for ln in lines[1:]] == ["[1/3]", "[2/3]", "[3/3]"]
    assert [ln.split()[-1] for ln in lines[1:]] == ["ann", "bob", "cat"]
    assert "\r" not in out.getvalue()


def test_a_total_learnt_later_and_a_note_above_the_bar() -> None:
    out = io.StringIO()
    with ProgressBar(0, "Grading", stream=out, interactive=True) as bar:
        assert out.getvalue() == ""  # nothing to draw before the total is known
        bar.total = 2
        bar.advance("ann")
        bar.note("bob: FAILED, tried again at the end")
        bar.advance("bob")
    text = out.getvalue()
    note_at = text.index("bob: FAILED, tried again at the end\n")
    # The note erased the bar's line first, and the bar came back under it.
    assert text[note_at - 5 : note_at] == "\r\x1b[2K"
    assert " 2/2 " in text[note_at:]
