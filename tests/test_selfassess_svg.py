"""The self-assessment chart as SVG, for the browser's kernel where matplotlib is not:
the same titles, axes, legends, bars and plane as the PNG chart, well-formed markup
with every text escaped, and the view showing it when it runs in the browser."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from clientlearn.runtime.selfassess import view as view_module
from clientlearn.runtime.selfassess.chart import profile_figure, texts
from clientlearn.runtime.selfassess.instruments import load_instrument
from clientlearn.runtime.selfassess.scoring import assess
from clientlearn.runtime.selfassess.svgchart import profile_svg
from clientlearn.runtime.store import AnswerStore
from clientlearn.selfassess import instrument_view

SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(svg: str) -> list[str]:
    """Each <text> element's words (a wrapped label's lines joined by spaces)."""
    root = ET.fromstring(svg)
    return [" ".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")]


def bars(svg: str, colour: str) -> int:
    root = ET.fromstring(svg)
    return sum(1 for r in root.iter(f"{SVG}rect") if r.get("fill") == colour)


def same_words(svg: str, figure_texts: list[str]) -> None:
    """Every text of the PNG chart is in the SVG (wrapping may differ)."""
    words = " ".join(svg_texts(svg)).split()
    for text in figure_texts:
        for word in text.split():
            assert word in words, (word, text)


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_the_index_chart_matches_the_png_one(lang: str) -> None:
    ins = load_instrument("library_diagnostic")
    result = assess(ins, {i.id: 3 + (k % 3) for k, i in enumerate(ins.items)})
    svg = profile_svg(result, lang)
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-label") == svg_texts(svg)[0]
    same_words(svg, texts(profile_figure(result, lang)))
    reverse = sum(1 for i in ins.items if i.reverse)
    assert bars(svg, "#E69F00") == reverse + 1  # + the legend's square
    assert bars(svg, "#0072B2") == len(ins.items) - reverse + 1


def test_the_conflict_chart_has_the_bars_and_the_plane() -> None:
    ins = load_instrument("conflict_styles")
    result = assess(ins, {i.id: 5 if i.dimension == "collaborating" else 2 for i in ins.items})
    svg = profile_svg(result, "uk")
    same_words(svg, texts(profile_figure(result, "uk")))
    root = ET.fromstring(svg)
    assert len(list(root.iter(f"{SVG}circle"))) == len(ins.dimensions)
    assert len(list(root.iter(f"{SVG}polygon"))) == 1  # the star: you
    assert "5,0" in svg_texts(svg) and "ви" in svg_texts(svg)


def test_the_confidence_chart_shows_both_phases() -> None:
    ins = load_instrument("confidence")
    before = assess(ins, {i.id: 2 for i in ins.items}, "before")
    after = assess(ins, {i.id: 4 for i in ins.items}, "after")
    svg = profile_svg(after, "uk", other=before)
    same_words(svg, texts(profile_figure(after, "uk", other=before)))
    assert bars(svg, "#999999") == len(ins.items) + 1 and bars(svg, "#0072B2") == len(ins.items) + 1
    alone = profile_svg(before, "en")
    assert svg_texts(alone)[0] == "Confidence in the skills: at the start of the training"


def test_no_profile_no_chart() -> None:
    ins = load_instrument("library_diagnostic")
    with pytest.raises(ValueError, match="no profile"):
        profile_svg(assess(ins, {}), "uk")


def test_every_text_is_escaped(tmp_path: Path) -> None:
    text = (Path(__file__).parent / "test_selfassess_instruments.py").read_text(encoding="utf-8")
    mini = text.split('MINI = """\\\n', 1)[1].split('"""', 1)[0]
    path = tmp_path / "mini.yaml"
    hostile = "<script>x</script> & Ко"
    path.write_text(mini.replace("Перше", hostile), encoding="utf-8")
    ins = load_instrument(path)
    result = assess(ins, {i.id: ins.scale.max for i in ins.items})
    if not result.ready:
        pytest.fail("the mini instrument should be ready when every item is answered")
    svg = profile_svg(result, "uk")
    assert "<script>" not in svg
    assert "&lt;script&gt;x&lt;/script&gt; &amp; Ко" in svg
    assert hostile in svg_texts(svg)


def test_the_view_draws_svg_in_the_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(view_module, "IN_BROWSER", True)
    ids = [i.id for i in load_instrument("library_diagnostic").items]
    AnswerStore(tmp_path).save("selfassess.library_diagnostic", dict.fromkeys(ids, 3))
    view = instrument_view("library_diagnostic", tmp_path)
    assert view.figure is None and view.chart.layout.display == "none"
    assert view.chart_svg.layout.display == ""
    assert "Індекс клієнтоорієнтованості: 50 зі 100" in svg_texts(view.chart_svg.value)
