"""The self-assessment widget without a browser: nothing pre-selected, every click saved,
a re-created view shows the saved answers and the chart, Ukrainian chart labels."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.selfassess.instruments import load_instrument
from clientlearn.runtime.store import ANSWERS_FILE, MIMETYPE, AnswerStore
from clientlearn.selfassess import instrument_view

from .test_selfassess_svg import SVG, bar_widths, svg_texts

LIB = load_instrument("library_diagnostic")
IDS = [i.id for i in LIB.items]


def saved(folder: Path) -> dict[str, object]:
    data = json.loads((folder / ANSWERS_FILE).read_text(encoding="utf-8"))
    return {qid: rec["value"] for qid, rec in data["answers"].items()}


def test_nothing_is_preselected_and_nothing_saved(tmp_path: Path) -> None:
    view = instrument_view("library_diagnostic", tmp_path)
    assert all(r.value is None for r in view.radios.values())
    assert view.progress.value == "<b>Відповідей: 0 з 10</b>"
    assert not (tmp_path / ANSWERS_FILE).exists()
    assert view.chart.value == "" and view.chart.layout.display == "none"


def test_every_click_is_saved_as_one_record(tmp_path: Path) -> None:
    view = instrument_view("library_diagnostic", tmp_path)
    view.radios[IDS[0]].value = 4
    assert saved(tmp_path) == {"selfassess.library_diagnostic": {IDS[0]: 4}}
    view.radios[IDS[6]].value = 2
    view.radios[IDS[0]].value = 5
    assert saved(tmp_path) == {"selfassess.library_diagnostic": {IDS[0]: 5, IDS[6]: 2}}
    assert "Відповідей: 2 з 10" in view.progress.value
    assert "дайте ще 6 відповідей" in view.message.value


def test_chart_and_interpretation_appear_once_enough_is_answered(tmp_path: Path) -> None:
    view = instrument_view("library_diagnostic", tmp_path)
    for item in IDS[:6]:
        view.radios[item].value = 4
    view.radios[IDS[6]].value = 2  # reverse-scored: counts as 4
    assert view.chart.value == "" and view.interpretation.value == ""
    view.radios[IDS[7]].value = 2  # 8 of 10: a profile
    # The chart: SVG named for a screen reader, a bar for each of the 8 answers.
    chart = ET.fromstring(view.chart.value)
    assert view.chart.layout.display == ""
    assert chart.tag == f"{SVG}svg" and chart.get("role") == "img"
    assert chart.get("aria-label") == "Індекс клієнтоорієнтованості: 75 зі 100"
    widths = bar_widths(view.chart.value, "#0072B2") + bar_widths(view.chart.value, "#E69F00")
    assert len(widths) == 8 and len(set(widths)) == 1  # every answer counts as 4: 75 each
    assert [t for t in svg_texts(view.chart.value) if t.isdigit()][:8] == ["75"] * 8
    # Mean 4 → index 75 → the third band.
    assert "Індекс клієнтоорієнтованості: 75 зі 100" in view.interpretation.value
    assert "Бібліотека зорієнтована на клієнта" in view.interpretation.value


def test_a_recreated_view_shows_saved_answers_and_the_chart(tmp_path: Path) -> None:
    first = instrument_view("library_diagnostic", tmp_path)
    for n, item in enumerate(IDS):
        first.radios[item].value = 1 + n % 5
    # As after a kernel restart: a new view on the same folder.
    again = instrument_view("library_diagnostic", tmp_path)
    assert again.answers == first.answers and len(again.answers) == 10
    assert again.chart.value == first.chart.value and again.chart.layout.display == ""
    assert "Усі 10 тверджень оцінено." in again.message.value
    again.radios[IDS[0]].value = 5  # and a further click extends what was saved
    assert saved(tmp_path)["selfassess.library_diagnostic"] == {**first.answers, IDS[0]: 5}


def test_chart_labels_are_ukrainian(tmp_path: Path) -> None:
    AnswerStore(tmp_path).save("selfassess.library_diagnostic", dict.fromkeys(IDS, 3))
    view = instrument_view("library_diagnostic", tmp_path)
    labels = svg_texts(view.chart.value)
    assert "Індекс клієнтоорієнтованості: 50 зі 100" in labels
    assert "Довгострокова перспектива" in labels
    assert any("зв’язок" in t for t in labels)  # the typographic apostrophe survives wrapping


def test_english_view(tmp_path: Path) -> None:
    AnswerStore(tmp_path).save("selfassess.library_diagnostic", dict.fromkeys(IDS, 3))
    view = instrument_view("library_diagnostic", tmp_path, lang="en")
    assert ET.fromstring(view.chart.value).get("aria-label") == (
        "Client-orientation index: 50 out of 100"
    )
    assert view.progress.value == "<b>Answered: 10 of 10</b>"
    assert "The library is on its way towards its clients" in view.interpretation.value


def test_conflict_styles_interpretation_is_about_situations(tmp_path: Path) -> None:
    ins = load_instrument("conflict_styles")
    ratings = {i.id: 5 if i.dimension == "collaborating" else 2 for i in ins.items}
    AnswerStore(tmp_path).save("selfassess.conflict_styles", ratings)
    view = instrument_view(ins, tmp_path)
    labels = svg_texts(view.chart.value)
    assert {"Суперництво", "Співробітництво", "Уникнення", "ви"} <= set(labels)
    assert "Кооперативність →" in labels
    text = view.interpretation.value
    assert "Співробітництво: 5,0 — обираєте часто." in text
    assert "Доречно, коли інтереси обох сторін важливі" in text
    assert "Якщо вдаватися до нього надто часто," in text
    assert "тип" not in text.replace("типово", "")


def test_confidence_needs_a_phase_and_shows_the_change(tmp_path: Path) -> None:
    with pytest.raises(ClientlearnError, match="phase="):
        instrument_view("confidence", tmp_path)
    conf = load_instrument("confidence")
    store = AnswerStore(tmp_path)
    store.save("selfassess.confidence.before", {i.id: 2 for i in conf.items})
    store.save("selfassess.confidence.after", {i.id: 4 for i in conf.items[:-1]})
    after = instrument_view("confidence", tmp_path, phase="after")
    after.radios[conf.items[-1].id].value = 4
    assert saved(tmp_path)["selfassess.confidence.after"] == {i.id: 4 for i in conf.items}
    assert "середня впевненість змінилася на +2,0" in after.interpretation.value
    labels = svg_texts(after.chart.value)
    assert {"на початку тренінгу", "наприкінці тренінгу", "Деескалація"} <= set(labels)


def test_a_bad_saved_rating_is_reported_and_unknown_items_are_kept(tmp_path: Path) -> None:
    AnswerStore(tmp_path).save(
        "selfassess.library_diagnostic", {IDS[0]: 9, IDS[1]: 3, "retired_item": 2}
    )
    view = instrument_view("library_diagnostic", tmp_path)
    assert view.radios[IDS[0]].value is None and view.radios[IDS[1]].value == 3
    assert "№ 1 (9) не враховано" in view.status.value
    view.radios[IDS[0]].value = 4
    assert saved(tmp_path)["selfassess.library_diagnostic"] == {
        "retired_item": 2,
        IDS[0]: 4,
        IDS[1]: 3,
    }


def test_displaying_carries_the_answers_for_the_notebook(
    tmp_path: Path, displayed: list[dict[str, object]]
) -> None:
    shown = displayed
    view = instrument_view("library_diagnostic", tmp_path)
    assert shown == []  # created, not displayed
    view._ipython_display_()
    assert "Наскільки наша бібліотека" in str(shown[0]["text/plain"])
    assert shown[1][MIMETYPE] == {"question": "selfassess.library_diagnostic", "record": None}
    view.radios[IDS[2]].value = 3
    last = shown[-1]
    payload = last[MIMETYPE]
    assert isinstance(payload, dict) and payload["record"]["value"] == {IDS[2]: 3}
    assert "Відповідей: 1 з 10" in str(last["text/plain"])


def test_text_is_escaped_as_html(tmp_path: Path) -> None:
    text = (Path(__file__).parent / "test_selfassess_instruments.py").read_text(encoding="utf-8")
    mini = text.split('MINI = """\\\n', 1)[1].split('"""', 1)[0]
    path = tmp_path / "mini.yaml"
    path.write_text(mini.replace("Перше твердження", "<script>x</script> & Ко"), encoding="utf-8")
    view = instrument_view(path, tmp_path)
    rows = [c for c in view.children if hasattr(c, "children")]
    html = rows[0].children[0].value
    assert "&lt;script&gt;x&lt;/script&gt; &amp; Ко" in html and "<script>" not in html
