"""The answer store: atomic saves, attempts, merging, and files set aside, never overwritten."""

from __future__ import annotations

import json
import multiprocessing
import re
from pathlib import Path

import pytest

from clientlearn.core.errors import AnswersFileError, AnswerStoreError
from clientlearn.runtime.store import (
    ANSWERS_FILE,
    FORMAT,
    MIMETYPE,
    VERSION,
    AnswerStore,
    Record,
    decode,
    record_bundle,
    records_from_notebook,
)


def test_save_is_on_disk_with_time_and_attempts(tmp_path: Path) -> None:
    store = AnswerStore(tmp_path)
    first = store.save("q1", "b", bank="showcase")
    second = store.save("q1", "c", bank="showcase")
    data = json.loads((tmp_path / ANSWERS_FILE).read_text(encoding="utf-8"))
    saved = data["answers"]["q1"]
    assert saved["value"] == "c" and saved["attempts"] == 2 and saved["bank"] == "showcase"
    assert second.attempts == 2 and first.attempts == 1
    assert Record.from_json(saved).newer_than(first) or saved["saved_at"] == first.saved_at
    # No temporary files are left behind.
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [
        ANSWERS_FILE
    ]


def test_a_new_store_reads_what_another_wrote(tmp_path: Path) -> None:
    AnswerStore(tmp_path).save("q1", ["a", "c"])
    assert AnswerStore(tmp_path).get("q1").value == ["a", "c"]  # type: ignore[union-attr]


def test_cyrillic_is_stored_as_utf8(tmp_path: Path) -> None:
    AnswerStore(tmp_path).save("q1", "Мар’яна")
    assert "Мар’яна" in (tmp_path / ANSWERS_FILE).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "content",
    [b"{not json", b'{"format": "something-else", "answers": {}}', b"\xff\xfe\x00garbage", b"[]"],
    ids=["corrupt", "foreign", "binary", "list"],
)
def test_unreadable_file_is_set_aside_not_overwritten(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / ANSWERS_FILE
    path.write_bytes(content)
    store = AnswerStore(tmp_path)
    assert store.load() == {}
    aside = list(tmp_path.glob("clientlearn.answers.set-aside-*.json"))
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert store.notices and aside[0].name in store.notices[0]
    assert "тренера" in store.notices[0]
    store.save("q1", "a")
    assert AnswerStore(tmp_path).get("q1").value == "a"  # type: ignore[union-attr]
    assert aside[0].read_bytes() == content


@pytest.mark.parametrize(
    ("text", "uk", "en"),
    [
        ("[]", "це не файл відповідей clientlearn", "not a clientlearn answers file"),
        ("{not json", "це не JSON (рядок 1, символ 2)", "not JSON (line 1, column 2)"),
        (
            json.dumps({"format": FORMAT, "version": 99, "answers": {}}),
            "непідтримувана версія файлу відповідей: 99",
            "unsupported answers-file version 99",
        ),
        (
            json.dumps({"format": FORMAT, "version": VERSION, "answers": {"q1": 5}}),
            "answers.q1: це не запис відповіді: 5",
            "answers.q1: not an answer record: 5",
        ),
    ],
)
def test_why_a_text_is_not_an_answers_file_in_both_languages(text: str, uk: str, en: str) -> None:
    with pytest.raises(AnswersFileError) as err:
        decode(text)
    assert err.value.text("uk") == uk and str(err.value) == en
    assert isinstance(err.value, ValueError)  # what callers of decode have always caught


def test_the_set_aside_notice_gives_the_reason_in_the_store_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ANSWERS_FILE).write_text("[]", encoding="utf-8")
    monkeypatch.setattr("os.replace", _refuse)
    for lang, reason in (("uk", "це не файл відповідей clientlearn"), ("en", "not a clientlearn")):
        with pytest.raises(AnswerStoreError) as err:
            AnswerStore(tmp_path, lang=lang).save("q1", "a")
        assert reason in err.value.text(lang) and err.value.lang == lang, err.value


def _refuse(*args: object) -> None:
    raise PermissionError(13, "Permission denied")


def test_merge_keeps_the_newer_record(tmp_path: Path) -> None:
    store = AnswerStore(tmp_path)
    store.save("q1", "disk")
    old = Record("older", "2020-01-01T00:00:00.000+00:00", 1)
    new = Record("newer", "2999-01-01T00:00:00.000+00:00", 5)
    merged = store.merge({"q1": old, "q2": new})
    assert merged["q1"].value == "disk" and merged["q2"].value == "newer"
    merged = store.merge({"q1": new})
    assert AnswerStore(tmp_path).get("q1") == new


def test_records_travel_in_notebook_outputs() -> None:
    rec = Record(["a"], "2026-11-28T10:00:00.000+00:00", 2, "showcase")
    older = Record(["b"], "2026-11-28T09:00:00.000+00:00", 1, "showcase")
    nb = {
        "cells": [
            {
                "cell_type": "code",
                "outputs": [
                    {"output_type": "display_data", "data": record_bundle("q1", older, "uk")}
                ],
            },
            {
                "cell_type": "code",
                "outputs": [
                    {"output_type": "display_data", "data": record_bundle("q1", rec, "uk")}
                ],
            },
            {
                "cell_type": "code",
                "outputs": [
                    {"output_type": "display_data", "data": record_bundle("q2", None, "uk")}
                ],
            },
            {
                "cell_type": "code",
                "outputs": [
                    {
                        "output_type": "display_data",
                        "data": {MIMETYPE: {"question": "q3", "record": "junk"}},
                    }
                ],
            },
            {"cell_type": "markdown"},
        ]
    }
    assert records_from_notebook(nb) == {"q1": rec}


def test_saved_line_for_people_is_in_both_languages() -> None:
    rec = Record("a", "2026-11-28T10:00:00.000+00:00", 3)
    assert "збережено" in record_bundle("q1", rec, "uk")["text/plain"]
    assert "(attempt 3)" in record_bundle("q1", rec, "en")["text/plain"]


def _writer(folder: str, prefix: str, count: int) -> None:
    store = AnswerStore(folder)
    for i in range(count):
        store.save(f"{prefix}{i}", i)


def test_two_processes_writing_rapidly_lose_nothing(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), p, 60)) for p in ("a", "b")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    records = AnswerStore(tmp_path).load()
    assert len(records) == 120


def test_a_file_that_cannot_be_read_is_named_in_the_participants_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    AnswerStore(tmp_path).save("q1", "так")
    real = Path.read_text

    def denied(self: Path, *args: object, **kwargs: object) -> str:
        if self.name == ANSWERS_FILE:
            raise PermissionError(13, "Permission denied")
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", denied)
    with pytest.raises(AnswerStoreError) as raised:
        AnswerStore(tmp_path).load()
    # The system's English reason is worded in each language; shown in the store's.
    assert raised.value.lang == "uk"
    assert re.search(r"Не вдалося прочитати файл .*: немає дозволу\.", raised.value.text("uk"))
    assert "Permission" not in raised.value.text("uk")
    assert "clientlearn.answers.json cannot be read (permission denied)" in raised.value.text("en")
    with pytest.raises(AnswerStoreError) as raised:
        AnswerStore(tmp_path, lang="en").load()
    assert raised.value.lang == "en"


def test_a_broken_file_that_cannot_be_moved_aside_is_left_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ANSWERS_FILE).write_bytes(b"{broken")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("clientlearn.runtime.store.os.replace", refuse)
    with pytest.raises(AnswerStoreError) as raised:
        AnswerStore(tmp_path).load()
    assert re.search(
        r"не вдалося відкласти \(немає дозволу\)\. Перенесіть його вручну", raised.value.text("uk")
    )
    assert (tmp_path / ANSWERS_FILE).read_bytes() == b"{broken"
