"""The group answer form: nothing pre-filled, saved as given, shown again when re-created."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from clientlearn.core.errors import ClientlearnError
from clientlearn.groupwork import group_answer
from clientlearn.runtime.groupwork.forms import GroupAnswerView
from clientlearn.runtime.store import ANSWERS_FILE, MIMETYPE, AnswerStore

GROUPS = """\
group,id,name,oblast
1,olena,Олена Бондаренко,Вінницька
1,taras,Тарас Мельник,Черкаська
2,iryna,Ірина Ткаченко,Вінницька
2,maryana,Мар’яна Коваль,Чернігівська
2,yurii,Юрій <Шевчук>,Черкаська
"""

STEPS = {
    "greet": {"uk": "Привітати користувача", "en": "Greet the patron"},
    "listen": {"uk": "Вислухати запит", "en": "Listen to the request"},
    "clarify": {"uk": "Уточнити потребу", "en": "Clarify the need"},
    "offer": {"uk": "Запропонувати варіанти", "en": "Offer options"},
}
PROMPT = {"uk": "Складіть алгоритм обслуговування <телефоном>", "en": "Service algorithm"}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "groups.csv").write_text(GROUPS, encoding="utf-8-sig")
    return tmp_path


def form(folder: Path, **kwargs: Any) -> GroupAnswerView:
    options: dict[str, Any] = {"prompt": PROMPT, "groups_csv": "groups.csv", "steps": STEPS}
    options.update(kwargs)
    return group_answer("m1.algorithm", folder=folder, **options)


def saved(folder: Path) -> dict[str, Any]:
    data = json.loads((folder / ANSWERS_FILE).read_text(encoding="utf-8"))
    return {qid: rec["value"] for qid, rec in data["answers"].items()}


def test_nothing_is_chosen_and_nothing_saved_until_touched(folder: Path) -> None:
    view = form(folder)
    assert view.group_select.value is None
    assert view.areas["text"].value == ""
    assert view.order is not None and view.order.order == []
    assert view.members_view.value == ""
    assert not (folder / ANSWERS_FILE).exists()
    assert view.bundle()[MIMETYPE] == {"question": "group.m1.algorithm", "record": None}


def test_every_change_is_saved_at_once(folder: Path) -> None:
    view = form(folder)
    view.group_select.value = 2
    assert saved(folder)["group.m1.algorithm"] == {
        "group": 2,
        "members": ["iryna", "maryana", "yurii"],
        "text": {"text": ""},
        "order": [],
    }
    # Members are shown by name, escaped: names are typed by people.
    assert "Мар’яна Коваль" in view.members_view.value
    assert "Юрій &lt;Шевчук&gt;" in view.members_view.value
    view.areas["text"].value = "Спершу вітаємося, потім слухаємо."
    assert view.order is not None
    for step in ("listen", "greet", "offer"):
        view.order.move(step, "add")
    view.order.move("greet", "up")
    value = saved(folder)["group.m1.algorithm"]
    assert value["text"] == {"text": "Спершу вітаємося, потім слухаємо."}
    assert value["order"] == ["greet", "listen", "offer"]
    view.order.move("offer", "remove")
    assert saved(folder)["group.m1.algorithm"]["order"] == ["greet", "listen"]


def test_a_recreated_form_shows_the_saved_answer_and_goes_on_from_it(folder: Path) -> None:
    view = form(folder)
    view.group_select.value = 1
    view.areas["text"].value = "Наша стратегія"
    assert view.order is not None
    view.order.move("clarify", "add")
    attempts = AnswerStore(folder).get("group.m1.algorithm")

    again = form(folder)  # as after a kernel restart
    assert again.group_select.value == 1
    assert "Олена Бондаренко" in again.members_view.value
    assert again.areas["text"].value == "Наша стратегія"
    assert again.order is not None and again.order.order == ["clarify"]
    assert AnswerStore(folder).get("group.m1.algorithm") == attempts  # showing is not saving
    again.order.move("greet", "add")
    assert saved(folder)["group.m1.algorithm"]["order"] == ["clarify", "greet"]
    record = again.bundle()[MIMETYPE]["record"]
    assert record["value"]["order"] == ["clarify", "greet"]


def test_the_output_follows_every_save(folder: Path) -> None:
    class Handle:
        def __init__(self) -> None:
            self.updates: list[dict[str, Any]] = []

        def update(self, bundle: dict[str, Any], raw: bool) -> None:
            self.updates.append(bundle)

    view = form(folder)
    handle = Handle()
    view._handle = handle
    view.group_select.value = 2
    view.areas["text"].value = "Текст"
    assert [u[MIMETYPE]["record"]["value"]["text"] for u in handle.updates] == [
        {"text": ""},
        {"text": "Текст"},
    ]
    assert handle.updates[-1]["text/plain"].startswith("✓")


def test_several_text_areas_and_english(folder: Path) -> None:
    view = form(
        folder,
        fields={"strategy": {"uk": "Стратегія", "en": "Strategy"}, "risks": "Risks"},
        steps=None,
        lang="en",
    )
    assert view.order is None
    assert view.group_select.options[0][0] == "— choose —"
    assert view.group_select.label == "— choose —" and view.group_select.value is None
    view.areas["risks"].value = "Queues"
    assert saved(folder)["group.m1.algorithm"] == {
        "group": None,
        "members": [],
        "text": {"strategy": "", "risks": "Queues"},
        "order": [],
    }


def test_without_a_groups_file_the_group_is_typed(folder: Path) -> None:
    view = form(folder, groups_csv=None)
    assert view.number.value == "" and view.members_typed.value == ""
    view.number.value = "3"
    view.members_typed.value = "Олена Бондаренко,  Тарас Мельник; Ірина"
    assert saved(folder)["group.m1.algorithm"]["group"] == 3
    assert saved(folder)["group.m1.algorithm"]["members"] == [
        "Олена Бондаренко",
        "Тарас Мельник",
        "Ірина",
    ]
    view.number.value = "три"  # a typo keeps the group saved before and says why
    assert saved(folder)["group.m1.algorithm"]["group"] == 3
    assert "«три» — не номер групи" in view.status.value
    view.number.value = "4"
    assert saved(folder)["group.m1.algorithm"]["group"] == 4
    assert "не номер групи" not in view.status.value
    again = form(folder, groups_csv=None)
    assert again.number.value == "4"
    assert again.members_typed.value == "Олена Бондаренко, Тарас Мельник, Ірина"


def test_a_missing_groups_file_does_not_stop_the_class(folder: Path) -> None:
    view = form(folder, groups_csv="nope.csv")
    assert "Не вдалося прочитати файл груп" in view.children[1].value
    assert "nope.csv" in view.children[1].value
    view.number.value = "2"
    assert saved(folder)["group.m1.algorithm"]["group"] == 2


def test_a_saved_group_missing_from_a_changed_groups_file_stays_selectable(folder: Path) -> None:
    form(folder).group_select.value = 2
    (folder / "groups.csv").write_text("group,id,name\n1,olena,Олена\n", encoding="utf-8")
    again = form(folder)
    assert again.group_select.value == 2
    assert "maryana" in again.members_view.value


def test_the_prompt_is_escaped_and_the_text_fallback_lists_the_steps(folder: Path) -> None:
    view = form(folder)
    assert "&lt;телефоном&gt;" in view.children[0].value
    assert "<телефоном>" not in view.children[0].value
    text = view._repr_mimebundle_()["text/plain"]
    assert text.startswith("Складіть алгоритм обслуговування <телефоном>")
    assert "  - Уточнити потребу" in text


def test_typing_is_saved_once_shortly_after_a_burst(folder: Path) -> None:
    async def scenario() -> tuple[bool, dict[str, Any]]:
        view = form(folder)
        view._typing.delay = 0.05
        for text in ("С", "Ст", "Стр", "Стратегія"):
            view.areas["text"].value = text
        on_disk_at_once = (folder / ANSWERS_FILE).exists()
        await asyncio.sleep(0.2)
        return on_disk_at_once, AnswerStore(folder).get("group.m1.algorithm").to_json()  # type: ignore[union-attr]

    at_once, record = asyncio.run(scenario())
    assert not at_once
    assert record["value"]["text"] == {"text": "Стратегія"} and record["attempts"] == 1


def test_a_choice_saves_pending_typing_with_it(folder: Path) -> None:
    async def scenario() -> dict[str, Any]:
        view = form(folder)
        view._typing.delay = 10  # the timer never fires in this test
        view.areas["text"].value = "Нотатки"
        view.group_select.value = 1
        return AnswerStore(folder).get("group.m1.algorithm").value  # type: ignore[union-attr,no-any-return]

    value = asyncio.run(scenario())
    assert value["group"] == 1 and value["text"] == {"text": "Нотатки"}


@pytest.mark.parametrize("bad", ["", "група 1", "a/b", "../x"])
def test_unusable_exercise_ids_are_refused(folder: Path, bad: str) -> None:
    with pytest.raises(ClientlearnError, match="exercise id"):
        group_answer(bad, prompt="?", folder=folder)


def test_steps_without_text_are_refused(folder: Path) -> None:
    with pytest.raises(ClientlearnError, match="'greet' has no text in 'uk'"):
        form(folder, steps={"greet": {"en": "Greet"}})


def test_in_a_real_kernel_typing_reaches_the_disk_and_the_notebook(folder: Path) -> None:
    import nbformat
    from nbclient import NotebookClient

    cells = [
        "from clientlearn.groupwork import group_answer\n"
        f"form = group_answer('m1.algorithm', prompt='Алгоритм', groups_csv='groups.csv', "
        f"steps={STEPS!r})\n"
        "form",
        # The kernel's event loop runs while the cell awaits: the typing save fires then.
        # (In one cell, as nbclient keeps only the messages of the cell it runs.)
        "import asyncio\n"
        "form.group_select.value = 2\n"
        "form.areas['text'].value = 'Пишемо разом'\n"
        "print(form.record.value['text'])\n"
        "await asyncio.sleep(1.5)\n"
        "print(form.record.value['text'])",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(
        nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    ).execute()
    value = saved(folder)["group.m1.algorithm"]
    assert value["group"] == 2 and value["text"] == {"text": "Пишемо разом"}
    # Typed text waits for the event loop; the group choice was saved at once.
    printed = "".join(o.get("text", "") for o in nb.cells[1].outputs)
    assert printed == "{'text': ''}\n{'text': 'Пишемо разом'}\n"
    # The output under the form carries the saved answer in the .ipynb.
    outputs = [o for o in nb.cells[0].outputs if MIMETYPE in o.get("data", {})]
    assert len(outputs) == 1
    payload = outputs[0]["data"][MIMETYPE]
    assert payload["question"] == "group.m1.algorithm"
    assert payload["record"]["value"]["text"] == {"text": "Пишемо разом"}
