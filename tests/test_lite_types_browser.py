"""Issue #15: every question type in the JupyterLite site, by keyboard alone, kept
after a reload and a kernel restart, with no serious or critical axe-core violation
(the site and its server: :mod:`tests.lite_site`)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from clientlearn.runtime.bank import load_bank
from clientlearn.runtime.questions import pick
from clientlearn.selfassess import load_instrument

from .axe import serious_violations
from .browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    artifacts_dir,
    error_outputs,
    require_chromium,
    run_all_cells,
    tab_to,
    wait_for,
)
from .conftest import SHOWCASE
from .lite_site import NAME, SHOWCASE_MODULE, cell, open_lite, origin, outside_counter, site

pytestmark = [pytest.mark.browser, pytest.mark.nbgrader]
__all__ = ["origin", "site"]  # the fixtures, used by name


# --- every question type, by keyboard alone, accessible (issue #15, 5 and 6) --------------

SHOWCASE_NOTEBOOK = f"{SHOWCASE_MODULE}/{SHOWCASE_MODULE}.ipynb"
# What each control of the page's widgets shows: checked or not, a field's text, a list's
# order.  Compared before a reload and after a kernel restart.
_SNAPSHOT = """() => [...document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea')].map(
  (area) => [...area.querySelectorAll('input, select, textarea, li[data-id]')].map((e) =>
    e.tagName === 'LI' ? `li:${e.dataset.id}`
      : (e.type === 'radio' || e.type === 'checkbox') ? String(e.checked) : e.value))
  .filter((states) => states.length > 0)"""


def _ask(page: Any, qid: str) -> Any:
    return cell(page, f'quiz.ask("{qid}")').locator(".clientlearn")


def _press_on(page: Any, target: Any, key: str) -> None:
    """Tab (or Shift+Tab) to ``target`` and press ``key``: the keyboard alone.  The
    starting point is a click on the text of the widget ``target`` is in (as a reader
    arrives there), never on a control."""
    target.wait_for(timeout=30_000)
    output = target.locator(
        "xpath=ancestor::*[contains(concat(' ', @class, ' '), ' jp-OutputArea-output ')][1]"
    )
    output.locator(".clientlearn-question, h3, h4, p, b").first.click()
    tab_to(page, target, limit=80)
    page.keyboard.press(key)


_SHOWN = "(s) => s.selectedIndex < 0 ? '' : s.options[s.selectedIndex].text"


def _choose_by_arrows(page: Any, select: Any, wanted: str) -> None:
    _press_on(page, select, "Shift")  # Shift alone: a key that changes nothing
    seen = []
    for _ in range(6):
        # ipywidgets' drop-downs show spaces as no-break spaces.
        seen.append(select.evaluate(_SHOWN).replace("\xa0", " "))
        if seen[-1] == wanted:
            return
        page.keyboard.press("ArrowDown")
    focused = page.evaluate("() => document.activeElement.outerHTML.slice(0, 200)")
    raise AssertionError(f"the arrow keys never chose {wanted!r}: {seen}; focus: {focused}")


OBSERVED, COMMENT = "Олена Бондаренко", "Спокійно пояснила правило"


def _answer_every_type_by_keyboard(page: Any) -> dict[str, Any]:
    """Every showcase question, the self-assessment, the group form, the observer's
    rubric and the name, by Tab, Space, Enter, the arrow keys and typing; the values the
    store should keep."""
    bank = load_bank(SHOWCASE)
    q = bank.questions
    option = {o.id: pick(o.text, "uk") for o in q["sc.single"].options}
    _press_on(page, _ask(page, "sc.single").get_by_label(option["b"], exact=True), "Space")
    multiple = {o.id: pick(o.text, "uk") for o in q["sc.multiple"].options}
    for key in ("a", "c"):
        _press_on(page, _ask(page, "sc.multiple").get_by_label(multiple[key], exact=True), "Space")
    _press_on(page, _ask(page, "sc.truefalse").get_by_label("Правда", exact=True), "Space")
    ordering = _ask(page, "sc.ordering")
    for item in q["sc.ordering"].items:
        name = f"Додати: {pick(item.text, 'uk')}"
        _press_on(page, ordering.get_by_role("button", name=name, exact=True), "Enter")
    matching = _ask(page, "sc.matching")
    bins = {b.id: pick(b.text, "uk") for b in q["sc.matching"].bins}
    for n, item in enumerate(q["sc.matching"].items, start=1):
        select = matching.get_by_role("combobox", name=f"{n}. {pick(item.text, 'uk')}")
        _choose_by_arrows(page, select, bins[q["sc.matching"].key[item.id]])
    _press_on(page, _ask(page, "sc.text").get_by_role("textbox"), "Home")
    page.keyboard.type("активне слухання")
    page.keyboard.press("Enter")
    _press_on(page, _ask(page, "sc.numeric").get_by_role("textbox"), "Home")
    page.keyboard.type("3")
    page.keyboard.press("Enter")
    _press_on(page, _ask(page, "sc.rating").get_by_label("4 — радше впевнено"), "Space")
    scenario = _ask(page, "sc.scenario")
    for choice in (
        "Підійти й тихо заговорити з групою",
        "Запропонувати кімнату для групової роботи",
    ):
        _press_on(page, scenario.get_by_role("button", name=choice), "Enter")
    # The self-assessment: a point by Space, the next by an arrow key, 8 of 10 rated.
    view = cell(page, "instrument_view('library_diagnostic')").locator(".clientlearn-selfassess")
    statements = [pick(i.text, "uk") for i in load_instrument("library_diagnostic").items]
    for statement in statements[:8]:
        group = view.get_by_role("radiogroup", name=statement, exact=True)
        _press_on(page, group.get_by_role("radio").nth(2), "Space")
        page.keyboard.press("ArrowRight")
    view.locator("svg[role='img']").wait_for(timeout=30_000)  # the chart, drawn as SVG
    form = cell(page, 'group_answer("sc.group"').locator(".clientlearn")
    _press_on(page, form.get_by_role("textbox").first, "Home")
    page.keyboard.type("2")
    page.keyboard.press("Enter")
    _press_on(page, form.get_by_role("textbox").nth(1), "Home")
    page.keyboard.type("Олена Бондаренко, Тарас Шевченко")
    page.keyboard.press("Enter")
    _press_on(page, form.get_by_role("textbox", name="Ідея групи"), "Home")
    page.keyboard.type("Консультації з читачами")
    page.keyboard.press("Tab")
    # The observer's rubric: whom, then a score and the comment its label names.
    observer = cell(page, "observer_rubric(round=1)").locator(".clientlearn")
    _press_on(
        page, observer.get_by_role("textbox", name="Кого ви спостерігали", exact=True), "Home"
    )
    page.keyboard.type(OBSERVED)
    page.keyboard.press("Enter")
    comment = observer.get_by_role(
        "textbox", name="Коментар спостерігача до всіх критеріїв", exact=True
    )
    assert wait_for(comment.is_enabled, timeout=30)
    _press_on(page, observer.get_by_role("radio", name="4 · Зразково", exact=True).first, "Space")
    _press_on(page, comment, "Home")
    page.keyboard.type(COMMENT)
    name = cell(page, "handin_view()").get_by_label("Ваші ім’я та прізвище (як у списку учасників)")
    _press_on(page, name, "Home")
    page.keyboard.type(NAME)
    page.keyboard.press("Enter")
    cell(page, "handin_view()").get_by_text(f"Ім’я збережено: {NAME}").wait_for(timeout=30_000)
    return {
        "sc.single": "b",
        "sc.multiple": ["a", "c"],
        "sc.truefalse": True,
        "sc.ordering": [i.id for i in q["sc.ordering"].items],
        "sc.matching": dict(q["sc.matching"].key),
        "sc.text": "активне слухання",
        "sc.rating": 4,
    }


def test_every_type_by_keyboard_is_kept_and_has_no_serious_axe_violation(
    site: Path, origin: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """In the site: every question type, a self-assessment (its chart as SVG), a group
    form, an observer's rubric (its comment field named by its label) and the hand-in
    widget, answered by keyboard alone; axe-core finds no serious or critical violation
    in the output areas; after a reload and a kernel restart every control shows the
    same again; the hand-in carries the answers."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    out = artifacts_dir(request.node.name)
    outside: list[str] = []
    console: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 1000})
            context.route("**/*", outside_counter(origin, outside))
            page = context.new_page()
            page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
            open_lite(page, f"{origin}/lab/index.html?path={SHOWCASE_NOTEBOOK}")
            run_all_cells(page)
            assert error_outputs(page) == []
            wanted = _answer_every_type_by_keyboard(page)
            page.wait_for_timeout(1_500)  # the last field's change reaches the kernel
            before = page.evaluate(_SNAPSHOT)
            assert serious_violations(page) == []
            page.screenshot(path=str(out / "answered.png"), full_page=True)
            page.reload()
            open_lite(page)
            run_all_cells(page, restart=True)
            # Every control shows its answer again (read back from the browser's storage).
            assert wait_for(lambda: page.evaluate(_SNAPSHOT) == before, timeout=60)
            handin = cell(page, "handin_view()")
            with page.expect_download(timeout=60_000) as download:
                handin.get_by_role("button", name="Зберегти зошит і завантажити роботу").click()
            handed = tmp_path / download.value.suggested_filename
            download.value.save_as(handed)
        finally:
            (out / "console.log").write_text("\n".join(console), encoding="utf-8")
            browser.close()
    assert outside == []
    with zipfile.ZipFile(handed) as archive:
        answers = json.loads(archive.read(f"{SHOWCASE_MODULE}/clientlearn.answers.json"))
    values = {qid: rec["value"] for qid, rec in answers["answers"].items()}
    assert {qid: values.get(qid) for qid in wanted} == wanted
    assert float(str(values["sc.numeric"]).replace(",", ".")) == 3
    assert {"sc.scenario", "selfassess.library_diagnostic"} <= set(values)
    assert len(values["selfassess.library_diagnostic"]) == 8
    observation = values["rubric.1.олена бондаренко"]  # the typed name, case ignored
    assert (observation["scores"], observation["comment"]) == ({"greeting": 4}, COMMENT)
