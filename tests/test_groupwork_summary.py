"""The trainer's summary over a simulated class whose answers went through AnswerStore."""

from __future__ import annotations

import io
import json
import math
import os
import warnings
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.groupwork.rubric import RubricError
from clientlearn.runtime.store import ANSWERS_FILE, AnswerStore, Record, record_bundle
from clientlearn.trainer.groupwork.charts import render_charts
from clientlearn.trainer.groupwork.export import render_files, write_files, write_summary
from clientlearn.trainer.groupwork.summary import summarize

M1 = "module1_client_service"
M2 = "module2_difficult_situations"


def answer(group: int | None, order: list[str], text: str = "", members: Any = None) -> Any:
    return {"group": group, "members": members or [], "text": {"text": text}, "order": order}


def observation(rnd: int, who: str, name: str, group: int, **scores: int) -> dict[str, Any]:
    return {
        "rubric": "roleplay",
        "round": rnd,
        "observed": who,
        "observed_name": name,
        "group": group,
        "scenario": "overdue-book",
        "scores": scores,
        "comment": "",
    }


def simulate_class(root: Path) -> Path:
    """Six participants in three groups, the way their notebooks save answers."""
    subs = root / "submitted"

    def store(student: str, assignment: str) -> AnswerStore:
        folder = subs / student / assignment
        folder.mkdir(parents=True, exist_ok=True)
        return AnswerStore(folder)

    # Module 1: the service algorithm, ordered by each group (steps a-d).
    # Group 1 is recorded twice: Taras's older draft is replaced by Olena's later answer.
    store("taras", M1).merge(
        {"group.m1.algorithm": Record(answer(1, ["d", "c", "b", "a"]), "2026-05-01T09:00:00Z")}
    )
    store("olena", M1).merge(
        {
            "group.m1.algorithm": Record(
                answer(1, ["a", "b", "c", "d"], "Спершу вітаємося", ["olena", "taras"]),
                "2026-05-01T10:00:00Z",
            )
        }
    )
    store("iryna", M1).save("group.m1.algorithm", answer(2, ["b", "a", "c", "d"], "Слухаємо"))
    store("iryna", M1).save("group.m1.strategy", answer(2, [], "Стратегія: «клієнт — у центрі»"))
    store("yurii", M1).save("group.m1.algorithm", answer(None, [], "Без номера групи"))
    # Petro's answer reached the trainer only inside his notebook (a lone .ipynb).
    petro = subs / "petro" / M1
    petro.mkdir(parents=True)
    rec = Record(answer(3, ["a", "c", "b"]), "2026-05-01T10:05:00Z")
    nb = {
        "cells": [
            {
                "cell_type": "code",
                "outputs": [{"data": record_bundle("group.m1.algorithm", rec, "uk")}],
            }
        ]
    }
    (petro / "algorithm.ipynb").write_text(json.dumps(nb), encoding="utf-8")

    # Module 2: observers' rubrics.
    store("olena", M2).save(
        "rubric.1.maryana", observation(1, "maryana", "Мар’яна Коваль", 2, greeting=3, listening=4)
    )
    store("taras", M2).save(
        "rubric.2.maryana",
        observation(2, "maryana", "Мар’яна Коваль", 2, greeting=4, listening=2, emotions=3),
    )
    store("iryna", M2).save(
        "rubric.1.olena", observation(1, "olena", "Олена Бондаренко", 1, greeting=2)
    )
    store("iryna", M2).save("rubric.1.taras", None)  # withdrawn: moved to Olena
    (subs / "notes.txt").write_text("not a student", encoding="utf-8")
    return subs


@pytest.fixture
def subs(tmp_path: Path) -> Path:
    return simulate_class(tmp_path)


def test_reading_collects_every_participant_and_both_modules(subs: Path) -> None:
    lines: list[str] = []
    summary = summarize(subs, progress=lines.append)
    assert summary.participants == ["iryna", "olena", "petro", "taras", "yurii"]
    assert len(summary.submissions) == 8
    assert lines == [
        "[1/4] Прочитано файлів відповідей: 8; учасників: 5",
        "[2/4] Відповіді груп: 6; вправ із порядком кроків: 1",
        "[3/4] Спостережень: 3; оцінених учасників: 2",
    ]


def test_group_answers_keep_the_newest_per_group(subs: Path) -> None:
    answers = summarize(subs).group_answers
    algorithm = answers[answers["exercise"] == "m1.algorithm"]
    used = algorithm[algorithm["used"]]
    assert list(used["group"]) == [1, 2, 3]
    assert list(used["student"]) == ["olena", "iryna", "petro"]
    assert list(used["order"]) == ["a > b > c > d", "b > a > c > d", "a > c > b"]
    taras = algorithm[algorithm["student"] == "taras"].iloc[0]
    assert not taras["used"]  # the older draft of group 1
    assert algorithm[algorithm["student"] == "yurii"]["group"].isna().all()
    strategy = answers[answers["exercise"] == "m1.strategy"].iloc[0]
    assert strategy["text_text"] == "Стратегія: «клієнт — у центрі»" and not strategy["used"]
    assert answers.loc[answers["student"] == "olena", "members"].iloc[0] == "olena; taras"


def test_consensus_by_borda_and_distances(subs: Path) -> None:
    summary = summarize(subs)
    consensus = summary.consensus
    assert list(consensus["step"]) == ["a", "b", "c", "d"]
    assert list(consensus["points"]) == [8.0, 6.0, 4.0, 0.0]
    assert list(consensus["rank"]) == [1, 2, 3, 4] and not consensus["tied"].any()
    d = summary.distances.set_index("group")
    assert list(d["discordant_pairs"]) == [0, 1, 4]
    assert list(d["pairs"]) == [6, 6, 6]
    assert d["distance"].tolist() == pytest.approx([0.0, 1 / 6, 4 / 6])
    assert d["agreement"].tolist() == pytest.approx([1.0, 2 / 3, 0.0])


def test_rubric_results_per_participant_and_criterion(subs: Path) -> None:
    summary = summarize(subs)
    obs = summary.observations
    assert len(obs) == 3 and set(obs["observer"]) == {"olena", "taras", "iryna"}
    assert obs.loc[obs["observer"] == "taras", "emotions"].iloc[0] == 3
    people = summary.by_participant.set_index("observed")
    maryana = people.loc["maryana"]
    assert maryana["observed_name"] == "Мар’яна Коваль"
    assert maryana["n_observations"] == 2
    assert (maryana["greeting"], maryana["listening"], maryana["emotions"]) == (3.5, 3.0, 3.0)
    assert maryana["mean"] == pytest.approx(16 / 5)
    assert pd.isna(maryana["closure"])
    assert (people.loc["olena", "n_observations"], people.loc["olena", "mean"]) == (1, 2.0)
    crit = summary.by_criterion.set_index("criterion")
    assert list(crit.index) == [
        "greeting",
        "listening",
        "emotions",
        "clarifying",
        "options",
        "limits",
        "closure",
    ]
    greeting = crit.loc["greeting"]
    assert (greeting["n"], greeting["mean"]) == (3, 3.0)
    assert [greeting[f"n_{level}"] for level in (1, 2, 3, 4)] == [0, 1, 1, 1]
    assert greeting["title"] == "Привітання і тон"
    assert (crit.loc["listening", "n"], crit.loc["listening", "mean"]) == (2, 3.0)
    assert crit.loc["options", "n"] == 0 and pd.isna(crit.loc["options", "mean"])


def test_files_are_excel_ready_csv_and_png(subs: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary"
    written = write_summary(summarize(subs), out)
    names = sorted(p.name for p in written)
    assert names == sorted(
        [
            "group-answers.csv",
            "consensus.csv",
            "group-distances.csv",
            "observations.csv",
            "rubric-by-participant.csv",
            "rubric-by-criterion.csv",
            "roleplay-criteria.png",
            "roleplay-distribution.png",
            "roleplay-participants.png",
            "consensus-m1.algorithm.png",
        ]
    )
    assert sorted(p.name for p in out.iterdir()) == names  # no temporary files left
    raw = (out / "rubric-by-criterion.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for Cyrillic
    # For Excel in a Ukrainian locale: ';' between cells, decimal commas.
    table = pd.read_csv(out / "rubric-by-criterion.csv", encoding="utf-8-sig", sep=";", decimal=",")
    assert list(table.columns)[:5] == ["Рубрика", "Критерій (id)", "Критерій", "Оцінок", "Середнє"]
    assert "Оцінка 4" in table.columns
    people = pd.read_csv(
        out / "rubric-by-participant.csv", encoding="utf-8-sig", sep=";", decimal=","
    )
    assert "Привітання і тон" in people.columns and "Мар’яна Коваль" in set(people["Учасник"])
    for png in out.glob("*.png"):
        assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_english_headers(subs: Path) -> None:
    files = render_files(summarize(subs, lang="en"), lang="en")
    header = files["group-distances.csv"].decode("utf-8-sig").splitlines()[0]
    assert header == (
        "Exercise;Group;Step order;Discordant pairs;All pairs;Distance (0–1);Agreement (0–1)"
    )


def test_chart_texts_are_ukrainian_and_every_glyph_is_in_the_font(subs: Path) -> None:
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font
    from matplotlib.text import Text

    charts = render_charts(summarize(subs))
    texts: list[str] = []
    for name, fig in charts.items():
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "Glyph ... missing from font" would fail here
            fig.canvas.draw()
        ticks = [t for ax in fig.axes for t in (*ax.get_xticklabels(), *ax.get_yticklabels())]
        for t in [*fig.findobj(Text), *ticks]:
            if t.get_text():
                texts.append(t.get_text())
                path = font_manager.findfont(t.get_fontproperties(), fallback_to_default=False)
                charmap = FT2Font(path).get_charmap()
                missing = {c for c in t.get_text() if ord(c) not in charmap and not c.isspace()}
                assert not missing, (name, t.get_text(), path)
    joined = "\n".join(texts)
    for needle in (
        "Рольові ігри: середня оцінка за критеріями",
        "Привітання і тон",
        "З’ясування запиту",
        "Мар’яна Коваль",
        "Група 3",
        "Вправа «m1.algorithm»: спільний порядок кроків (метод Борда)",
        "4 · Зразково",
    ):
        assert needle in joined, needle


def test_a_score_off_the_scale_stops_the_summary_naming_it(subs: Path) -> None:
    AnswerStore(subs / "yurii" / M2).save(
        "rubric.2.olena", observation(2, "olena", "Олена", 1, greeting=5)
    )
    with pytest.raises(RubricError) as caught:
        summarize(subs)
    text = str(caught.value)
    assert str(subs / "yurii" / M2 / ANSWERS_FILE) in text
    assert "record 'rubric.2.olena'" in text and "score 5 for 'greeting'" in text


def test_a_damaged_answers_file_is_named_and_left_alone(subs: Path) -> None:
    path = subs / "taras" / M2 / ANSWERS_FILE
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(ClientlearnError, match="not a readable answers file"):
        summarize(subs)
    assert path.read_text(encoding="utf-8") == "{ not json"  # not set aside: the trainer's data
    assert sorted(p.name for p in path.parent.iterdir()) == [
        ".clientlearn.answers.lock",
        ANSWERS_FILE,
    ]


def test_no_answers_at_all(tmp_path: Path) -> None:
    (tmp_path / "anna" / M1).mkdir(parents=True)
    with pytest.raises(ClientlearnError, match="no answers found under"):
        summarize(tmp_path)
    with pytest.raises(ClientlearnError, match="submissions folder not found"):
        summarize(tmp_path / "nope")


def test_a_class_without_rubrics_or_orders_still_writes_its_tables(tmp_path: Path) -> None:
    folder = tmp_path / "subs" / "anna" / M1
    folder.mkdir(parents=True)
    AnswerStore(folder).save("group.m1.strategy", answer(1, [], "Лише текст"))
    files = render_files(summarize(tmp_path / "subs"))
    assert not [n for n in files if n.endswith(".png")]
    header = files["observations.csv"].decode("utf-8-sig").splitlines()
    assert len(header) == 1 and header[0].startswith("Спостерігач;")


def test_writing_is_all_or_nothing(
    subs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "summary"
    out.mkdir()
    (out / "consensus.csv").write_bytes(b"old")
    files = render_files(summarize(subs))
    calls = {"n": 0}
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(ClientlearnError, match=r"No space left on device.*nothing was changed"):
        write_files(files, out)
    assert sorted(p.name for p in out.iterdir()) == ["consensus.csv"]
    assert (out / "consensus.csv").read_bytes() == b"old"


def test_nan_free_means_in_the_participant_chart(subs: Path) -> None:
    fig = render_charts(summarize(subs))["roleplay-participants.png"]
    (ax,) = fig.axes
    widths = [bar.get_width() for bar in ax.patches]
    assert all(not math.isnan(w) for w in widths) and sorted(widths) == [2.0, 3.2]


def test_text_that_excel_would_run_stays_text(tmp_path: Path) -> None:
    folder = tmp_path / "subs" / "anna" / M1
    folder.mkdir(parents=True)
    store = AnswerStore(folder)
    store.save("group.m1.a", answer(1, [], '=HYPERLINK("http://x","клік")'))
    store.save("group.m1.b", answer(2, [], "- привітатися\n- вислухати"))
    store.save("group.m1.c", answer(3, [], "-1 бал за запізнення"))
    table = pd.read_csv(
        io.BytesIO(render_files(summarize(tmp_path / "subs"))["group-answers.csv"]),
        encoding="utf-8-sig",
        sep=";",
    )
    assert list(table["Текст"]) == [
        '\'=HYPERLINK("http://x","клік")',
        "- привітатися\n- вислухати",
        "'-1 бал за запізнення",
    ]
