"""The self-assessment chart as SVG, in JupyterLab and in the browser's kernel (no
matplotlib): the titles, axes, legends, bars and plane the instrument asks for,
well-formed markup with every text escaped, and the view showing it wherever it runs."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from clientlearn.runtime.questions import pick
from clientlearn.runtime.selfassess.instruments import load_instrument
from clientlearn.runtime.selfassess.messages import tr
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


def bar_widths(svg: str, colour: str) -> list[float]:
    """The widths of the bars (not the legend's 14 px squares) of one colour, top down."""
    root = ET.fromstring(svg)
    found = [r for r in root.iter(f"{SVG}rect") if r.get("fill") == colour]
    return [float(r.get("width", 0)) for r in found if r.get("height") != "12"]


def has_words(svg: str, wanted: list[str]) -> None:
    """Every word of every wanted text is drawn in the SVG (a long label is wrapped)."""
    words = " ".join(svg_texts(svg)).split()
    for text in wanted:
        for word in text.split():
            assert word in words, (word, text)


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_the_index_chart_is_named_and_shows_every_answer(lang: str) -> None:
    ins = load_instrument("library_diagnostic")
    ratings = {i.id: 3 + (k % 3) for k, i in enumerate(ins.items)}
    result = assess(ins, ratings)
    svg = profile_svg(result, lang)
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-label") == svg_texts(svg)[0]
    scores = [6 - ratings[i.id] if i.reverse else ratings[i.id] for i in ins.items]
    index = (sum(scores) / len(scores) - 1) * 25
    assert svg_texts(svg)[0] == tr("index_title", lang, index=f"{index:.0f}"), index
    has_words(svg, [pick(i.short, lang) for i in ins.items])
    has_words(svg, [pick(d.title, lang) for d in ins.dimensions])  # the legend
    has_words(svg, [tr("index_axis", lang), "0", "20", "40", "60", "80", "100"])
    reverse = sum(1 for i in ins.items if i.reverse)
    assert bars(svg, "#E69F00") == reverse + 1  # + the legend's square
    assert bars(svg, "#0072B2") == len(ins.items) - reverse + 1
    # Each bar is the item's score on 0–100 (a reverse item counts 6 − rating), written
    # beside it; the plotting area is 510 px wide for 0–108.
    values = [(s - 1) * 25 for s in scores]
    drawn = sorted(bar_widths(svg, "#E69F00") + bar_widths(svg, "#0072B2"))
    assert drawn == pytest.approx(sorted(v * 510 / 108 for v in values), abs=0.06)
    assert [t for t in svg_texts(svg) if t.isdigit()][: len(values)] == [str(v) for v in values]


def test_the_conflict_chart_has_the_bars_and_the_plane() -> None:
    ins = load_instrument("conflict_styles")
    result = assess(ins, {i.id: 5 if i.dimension == "collaborating" else 2 for i in ins.items})
    svg = profile_svg(result, "uk")
    assert ET.fromstring(svg).get("aria-label") == "Способи дій у конфлікті"
    has_words(svg, [pick(d.title, "uk") for d in ins.dimensions])
    has_words(svg, [tr(k, "uk") for k in ("modes_title", "mode_axis", "plane_title")])
    has_words(svg, [pick(a.title, "uk") + " →" for a in ins.axes])
    root = ET.fromstring(svg)
    assert len(list(root.iter(f"{SVG}circle"))) == len(ins.dimensions)
    assert len(list(root.iter(f"{SVG}polygon"))) == 1  # the star: you
    assert "5,0" in svg_texts(svg) and "ви" in svg_texts(svg)


def test_the_confidence_chart_shows_both_phases() -> None:
    ins = load_instrument("confidence")
    before = assess(ins, {i.id: 2 for i in ins.items}, "before")
    after = assess(ins, {i.id: 4 for i in ins.items}, "after")
    svg = profile_svg(after, "uk", other=before)
    assert svg_texts(svg)[0] == "Впевненість у навичках"
    has_words(svg, [pick(p.title, "uk") for p in ins.phases])  # the legend: both phases
    has_words(svg, [pick(i.short, "uk") for i in ins.items] + [tr("confidence_axis", "uk")])
    # Before (2) in grey, after (4) in blue: 510 px wide for 0–5.2.
    assert bar_widths(svg, "#999999") == pytest.approx([2 * 510 / 5.2] * len(ins.items), abs=0.06)
    assert bar_widths(svg, "#0072B2") == pytest.approx([4 * 510 / 5.2] * len(ins.items), abs=0.06)
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


def test_the_view_in_jupyterlab_draws_the_svg_chart(tmp_path: Path) -> None:
    """Outside the browser's kernel too (as here) the view shows the SVG, no PNG."""
    ins = load_instrument("library_diagnostic")
    ratings = {i.id: 3 for i in ins.items}
    AnswerStore(tmp_path).save("selfassess.library_diagnostic", ratings)
    view = instrument_view("library_diagnostic", tmp_path)
    assert view.chart.layout.display == ""
    assert view.chart.value == profile_svg(assess(ins, ratings), "uk")
    assert "Індекс клієнтоорієнтованості: 50 зі 100" in svg_texts(view.chart.value)


def test_showing_the_chart_needs_no_matplotlib(tmp_path: Path) -> None:
    """A participant's kernel draws the chart without importing matplotlib at all."""
    ids = [i.id for i in load_instrument("library_diagnostic").items]
    AnswerStore(tmp_path).save("selfassess.library_diagnostic", dict.fromkeys(ids, 4))
    code = (
        "import sys; from clientlearn.selfassess import instrument_view; "
        f"view = instrument_view('library_diagnostic', {str(tmp_path)!r}); "
        "print(view.chart.value.startswith('<svg'), 'matplotlib' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, encoding="utf-8"
    )
    assert out.stdout.split() == ["True", "False"]
