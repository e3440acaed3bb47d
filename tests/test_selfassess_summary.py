"""The trainer's summary over a folder of simulated participants, written through the
same AnswerStore the widget uses; every expected figure is computed by hand."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.selfassess.instruments import load_instrument
from clientlearn.runtime.store import ANSWERS_FILE, AnswerStore
from clientlearn.trainer.selfassess.classdata import load_class
from clientlearn.trainer.selfassess.export import render, write_summary
from clientlearn.trainer.selfassess.stats import SIGN_TEST, sign_test
from clientlearn.trainer.selfassess.summary import summarize

LIB = load_instrument("library_diagnostic")
CONF = load_instrument("confidence")
MODES = load_instrument("conflict_styles")
CLIENT = [i.id for i in LIB.items_of("client")]
SELF = [i.id for i in LIB.items_of("self")]


def lib(client: int, self_: int) -> dict[str, int]:
    return {**dict.fromkeys(CLIENT, client), **dict.fromkeys(SELF, self_)}


def conf(rating: int, **special: int) -> dict[str, int]:
    return {i.id: special.get(i.id, rating) for i in CONF.items}


def store(root: Path, student: str, assignment: str) -> AnswerStore:
    folder = root / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    return AnswerStore(folder)


@pytest.fixture
def submitted(tmp_path: Path) -> Path:
    """Six participants; expected figures are in the tests' comments."""
    root = tmp_path / "submitted"
    # s1: index 75; confidence 2 → 4 (before in module 1, after in module 2).
    store(root, "s1", "module1").save("selfassess.library_diagnostic", lib(4, 2))
    store(root, "s1", "module1").save("selfassess.confidence.before", conf(2))
    store(root, "s1", "module2").save("selfassess.confidence.after", conf(4))
    # s2: index 50; confidence 3 → 3 except de-escalation 3 → 5.
    store(root, "s2", "module1").save("selfassess.library_diagnostic", lib(3, 3))
    store(root, "s2", "module1").save("selfassess.confidence.before", conf(3))
    store(root, "s2", "module2").save("selfassess.confidence.after", conf(3, deescalation=5))
    # s3: index 100; confidence 4 → 3.
    store(root, "s3", "module1").save("selfassess.library_diagnostic", lib(5, 1))
    store(root, "s3", "module1").save("selfassess.confidence.before", conf(4))
    store(root, "s3", "module2").save("selfassess.confidence.after", conf(3))
    # s4: 5 of 10 signs (no profile); confidence before only; a quiz answer too.
    s4 = store(root, "s4", "module1")
    s4.save("selfassess.library_diagnostic", dict.fromkeys(CLIENT[:5], 4))
    s4.save("selfassess.confidence.before", conf(1))
    s4.save("m1.signs.sort", {"a": "client"})
    # s5: an answers file of another format: skipped.
    (root / "s5" / "module1").mkdir(parents=True)
    (root / "s5" / "module1" / ANSWERS_FILE).write_text(
        json.dumps({"format": "otter-grader", "answers": {}}), encoding="utf-8"
    )
    # s6: index 0; a conflict-style record with a rating of 7: that record is skipped.
    s6 = store(root, "s6", "module2")
    s6.save("selfassess.library_diagnostic", lib(1, 5))
    s6.save("selfassess.conflict_styles", {**{i.id: 3 for i in MODES.items}, "fine_dispute": 7})
    (root / "s7").mkdir()  # a participant who submitted nothing yet
    # s8: the diagnostic answered on an older version of the instrument: skipped.
    store(root, "s8", "module1").save(
        "selfassess.library_diagnostic", lib(4, 2), bank="library_diagnostic@v0"
    )
    return root


def test_load_class_reads_every_participant(submitted: Path) -> None:
    data = load_class(submitted)
    assert data.students == ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"]
    ratings = data.ratings
    assert list(ratings.columns) == [
        "student", "assignment", "instrument", "phase", "item", "rating", "saved_at",
    ]  # fmt: skip
    assert set(ratings["instrument"]) == {"library_diagnostic", "confidence"}
    s1 = ratings[(ratings["student"] == "s1") & (ratings["instrument"] == "confidence")]
    assert dict(s1.groupby("phase")["assignment"].first()) == {
        "after": "module2",
        "before": "module1",
    }
    reasons = dict(zip(data.skipped["student"], data.skipped["reason"], strict=True))
    assert set(reasons) == {"s5", "s6", "s8"}
    assert reasons["s8"] == (
        "selfassess.library_diagnostic: відповіді дано на версію 0 інструмента, а зараз "
        "версія 1; запис пропущено"
    )
    assert "не файл відповідей clientlearn" in reasons["s5"]
    assert reasons["s6"] == (
        "selfassess.conflict_styles: fine_dispute: оцінка 7 не належить до шкали 1–5; "
        "запис пропущено"
    )


def test_distribution_and_bands(submitted: Path) -> None:
    summary = summarize(load_class(submitted))
    dist = summary.distribution
    index = dist[(dist["instrument"] == "library_diagnostic") & (dist["measure"] == "index")]
    row = index.iloc[0]
    # s1 75, s2 50, s3 100, s6 0 (s4 has no profile): mean 56.25, median 62.5.
    assert (row["n"], row["mean"], row["min"], row["median"], row["max"]) == (
        4, 56.25, 0.0, 62.5, 100.0,
    )  # fmt: skip
    assert row["sd"] == pytest.approx(math.sqrt(((18.75**2) + 6.25**2 + 43.75**2 + 56.25**2) / 3))
    bands = summary.bands[summary.bands["instrument"] == "library_diagnostic"]
    assert list(zip(bands["n"], bands["share"], strict=True)) == [(1, 0.25), (1, 0.25), (2, 0.5)]
    parts = summary.participants
    s4 = parts[(parts["student"] == "s4") & (parts["instrument"] == "library_diagnostic")].iloc[0]
    assert (s4["answered"], s4["total"], bool(s4["ready"])) == (5, 10, False)
    assert math.isnan(s4["score"])


def test_before_after_change_per_skill(submitted: Path) -> None:
    change = summarize(load_class(submitted)).change.set_index("item")
    # Pairs: s1 2→4, s2 3→3, s3 4→3 (s4 answered only before).
    tel = change.loc["telephone"]
    assert tel["n_pairs"] == 3
    assert (tel["mean_before"], tel["mean_after"]) == (3.0, pytest.approx(10 / 3))
    assert tel["mean_change"] == pytest.approx(1 / 3)
    assert (tel["improved"], tel["unchanged"], tel["worse"]) == (1, 1, 1)
    assert tel["share_improved"] == pytest.approx(1 / 3)
    assert tel["test"] == SIGN_TEST and tel["p_value"] == 1.0
    # De-escalation: s1 +2, s2 +2, s3 −1: two of three improved; sign test p = 2·(1+3)/8 = 1.
    de = change.loc["deescalation"]
    assert de["mean_change"] == pytest.approx(1.0) and de["share_improved"] == pytest.approx(2 / 3)
    overall = change.loc["*"]
    assert overall["n_pairs"] == 3 and overall["mean_before"] == 3.0
    assert overall["mean_after"] == pytest.approx((4 + 47 / 15 + 3) / 3)


def test_sign_test_by_hand() -> None:
    assert sign_test([1] * 6, [2] * 6).p_value == pytest.approx(2 / 64)
    five_up = sign_test([1, 1, 1, 1, 1, 3], [2, 2, 2, 2, 2, 2])
    assert (five_up.statistic, five_up.p_value) == (5.0, pytest.approx(2 * 7 / 64))
    assert sign_test([3, 3], [3, 3]).p_value == 1.0
    assert math.isnan(sign_test([], []).p_value)
    with pytest.raises(ValueError):
        sign_test([1], [])


def test_outputs_are_written_only_after_everything_is_computed(
    submitted: Path, tmp_path: Path
) -> None:
    summary = summarize(load_class(submitted), lang="en")
    files = render(summary, ("png", "svg"))
    assert {"participants.csv", "change.csv", "skipped.csv", "confidence.png"} <= set(files)
    assert {"library_diagnostic.svg", "library_diagnostic.png"} <= set(files)
    assert "conflict_styles.png" not in files  # its only record was skipped
    out = tmp_path / "out"
    written = write_summary(summary, out)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)
    text = (out / "change.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("instrument;item;label;n_pairs;mean_before")
    row = next(line for line in text.splitlines() if "De-escalation" in line)
    assert ";0,6667;" in row  # a decimal comma, as a Ukrainian Excel reads numbers
    with pytest.raises(ClientlearnError, match="unknown chart format"):
        write_summary(summary, tmp_path / "never", ("pdf",))
    assert not (tmp_path / "never").exists()


def test_class_chart_labels(submitted: Path) -> None:
    from clientlearn.runtime.selfassess.chart import texts, to_png
    from clientlearn.trainer.selfassess.classchart import class_figures

    figures = class_figures(summarize(load_class(submitted)))
    assert set(figures) == {"library_diagnostic", "confidence"}
    assert "Розподіл індексу в групі" in texts(figures["library_diagnostic"])
    to_png(figures["confidence"])  # tick labels exist once the figure is drawn
    labels = texts(figures["confidence"])
    assert "Впевненість до і після (середнє, n = 3)" in labels and "Деескалація" in labels
    assert "2,5" in labels  # a decimal comma on the Ukrainian axis


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ClientlearnError, match="такої теки немає"):
        load_class(tmp_path / "nowhere")
    empty = load_class(tmp_path)
    assert empty.ratings.empty and empty.skipped.empty
    summary = summarize(empty)
    assert set(summary.change["n_pairs"]) == {0} and summary.distribution.empty
