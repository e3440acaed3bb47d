"""The answer store: every answer on disk the moment it is given, and never lost.

Answers live in one JSON file per folder, ``clientlearn.answers.json``, next to the
notebooks (the folder nbgrader collects).  Each save takes a file lock, re-reads the
file (another notebook in the folder may have written to it), changes one record
and writes a temporary file that replaces the old one in a single ``os.replace``:
a crash leaves either the old or the new file, never half of one.

A notebook also carries its answers: the widget shows a small output with the
mimetype :data:`MIMETYPE`, which JupyterLab saves in the ``.ipynb``.  So a lone
notebook uploaded to an LMS still holds what the participant answered;
:func:`records_from_notebook` reads them back, and :meth:`AnswerStore.merge`
keeps the newer record of each question.

A file that cannot be read as an answers file is never overwritten: it is renamed
(``clientlearn.answers.set-aside-<time>.json``) and a notice says so.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from clientlearn.core.errors import AnswersFileError, AnswerStoreError, ClientlearnError
from clientlearn.core.files import IN_BROWSER, replace_atomically
from clientlearn.core.i18n import MESSAGES, tr
from clientlearn.core.osreasons import os_reason

ANSWERS_FILE = "clientlearn.answers.json"
MIMETYPE = "application/vnd.clientlearn.answers+json"
FORMAT = "clientlearn-answers"
VERSION = 1
LOCK_TIMEOUT_S = 10.0


def now_iso() -> str:
    """The current time in UTC, as saved in records (millisecond precision)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class Record:
    """One saved answer: the value, when it was saved, and how many times."""

    value: Any
    saved_at: str
    attempts: int = 1
    bank: str | None = None

    @classmethod
    def from_json(cls, data: Any) -> Record:
        if (
            not isinstance(data, dict)
            or "value" not in data
            or not isinstance(data.get("saved_at"), str)
            or not isinstance(data.get("attempts", 1), int)
        ):
            raise AnswersFileError.said(MESSAGES, "record_not_record", data=f"{data!r:.80}")
        try:
            # A time that cannot be put into UTC (year 1 at +23:59) cannot be compared.
            _parse_time(data["saved_at"]).astimezone(UTC)
        except OverflowError:
            time = f"{data['saved_at']!r:.40}"
            raise AnswersFileError.said(MESSAGES, "record_time", time=time) from None
        bank = data.get("bank")
        return cls(data["value"], data["saved_at"], data.get("attempts", 1), bank)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def newer_than(self, other: Record) -> bool:
        return _parse_time(self.saved_at) > _parse_time(other.saved_at)

    def local_time(self) -> str:
        """The saving time as the participant's clock shows it (HH:MM:SS)."""
        saved = _parse_time(self.saved_at)
        try:
            return saved.astimezone().strftime("%H:%M:%S")
        except OverflowError:  # the last day of year 9999, east of the record's zone
            return saved.strftime("%H:%M:%S")


def _parse_time(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def decode(text: str) -> dict[str, Record]:
    """Records from the text of an answers file.

    Raises :class:`~clientlearn.core.errors.AnswersFileError` (a ClientlearnError and a
    ValueError) if it is not one; the message is the reason, for the caller to put
    after the file's name.
    """
    try:
        # A file opened and saved in Windows Notepad may have gained a BOM.
        data = json.loads(text.removeprefix("\ufeff"))
    except json.JSONDecodeError as err:  # where, not json's English words for what
        raise AnswersFileError.said(
            MESSAGES, "answers_not_json", line=err.lineno, column=err.colno
        ) from None
    except RecursionError:
        raise AnswersFileError.said(MESSAGES, "answers_too_deep") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise AnswersFileError.said(MESSAGES, "answers_not_ours")
    if data.get("version") != VERSION:
        version = f"{data.get('version')!r:.40}"
        raise AnswersFileError.said(MESSAGES, "answers_version", version=version)
    answers = data.get("answers")
    if not isinstance(answers, dict):
        raise AnswersFileError.said(MESSAGES, "answers_not_mapping")
    records: dict[str, Record] = {}
    for qid, rec in answers.items():
        try:
            records[str(qid)] = Record.from_json(rec)
        except ValueError as err:
            qid_shown = f"{qid:.60}"
            raise AnswersFileError.said(
                MESSAGES, "answers_bad_record", qid=qid_shown, error=err
            ) from None
    return records


def encode(records: Mapping[str, Record]) -> str:
    data = {
        "format": FORMAT,
        "version": VERSION,
        "answers": {qid: rec.to_json() for qid, rec in sorted(records.items())},
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


class _Unreadable(Exception):
    """The answers file is there but broken (its cause says how)."""


class AnswerStore:
    """The answers of one folder.  Reads are fresh on every call, so two notebooks
    (two kernels) in one folder see each other's answers and lose none."""

    def __init__(self, folder: str | os.PathLike[str] = ".", *, lang: str = "uk") -> None:
        self.folder = Path(folder)
        self.path = self.folder / ANSWERS_FILE
        self.lang = lang
        self.notices: list[str] = []

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        if IN_BROWSER:
            # Pyodide's kernel has one thread and a save never yields to another task,
            # so nothing in this kernel comes between its read and its write; a lock
            # file in the browser's storage would outlive a closed tab and block saves.
            yield
            return
        from filelock import FileLock, Timeout

        # A dot file: JupyterLab's file browser hides it from participants.
        lock = FileLock(str(self.folder / ".clientlearn.answers.lock"), timeout=LOCK_TIMEOUT_S)
        try:
            with lock:
                yield
        except Timeout:
            seconds = f"{LOCK_TIMEOUT_S:.0f}"
            raise self._error("lock_timeout", path=self.path, seconds=seconds) from None

    def _read_unlocked(self) -> dict[str, Record]:
        try:
            return self._read_whole()
        except _Unreadable as err:
            cause = err.__cause__
            why = cause if isinstance(cause, ClientlearnError) else os_reason(cause or err)
            self._set_aside(why)
            return {}

    def _read_whole(self) -> dict[str, Record]:
        """The records of the file as it is; raises _Unreadable for a broken file."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except (UnicodeDecodeError, IsADirectoryError) as err:
            raise _Unreadable from err
        try:
            return decode(text)
        except ValueError as err:  # json.JSONDecodeError is a ValueError
            raise _Unreadable from err

    def _write_unlocked(self, records: Mapping[str, Record]) -> None:
        """Replace the file (the lock is held).  Temporary files of this file that are
        still there belong to writers that were killed mid-save (only the lock holder
        writes one): remove them, so they do not pile up in the participant's folder."""
        for stale in self.folder.glob(f".{ANSWERS_FILE}.*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()
        replace_atomically(self.path, encode(records))

    def _error(self, key: str, /, **values: object) -> AnswerStoreError:
        """The error ``key`` of the library's messages in every language, shown in the
        store's (a participant's notebook) when nothing catches it."""
        error = AnswerStoreError.said(MESSAGES, key, **values)
        error.lang = self.lang
        return error

    def _set_aside(self, reason: ClientlearnError | Mapping[str, str]) -> None:
        """Move a broken file aside; ``reason`` says why in every language."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        aside = self.path.with_name(f"clientlearn.answers.set-aside-{stamp}.json")
        try:
            os.replace(self.path, aside)
        except OSError as err:
            raise self._error(
                "set_aside_failed", path=self.path, reason=reason, error=os_reason(err)
            ) from None
        self.notices.append(tr("set_aside", self.lang, name=self.path.name, aside=aside.name))

    def load(self) -> dict[str, Record]:
        """All saved records (an unreadable file is set aside first)."""
        if not self.path.exists():
            return {}
        try:
            if os.name == "posix":
                # Every save replaces the file in one rename, so a read sees a whole file
                # without the lock, and never waits for a writer.  (On Windows a rename
                # fails while the file is open: there reads take the lock.)
                with contextlib.suppress(_Unreadable):
                    return self._read_whole()
            with self._locked():  # a broken file is set aside by the lock's holder
                return self._read_unlocked()
        except OSError as err:  # no permission to read the file or to lock the folder
            raise self._error("read_failed", path=self.path, error=os_reason(err)) from err

    def get(self, qid: str) -> Record | None:
        return self.load().get(qid)

    def save(self, qid: str, value: Any, *, bank: str | None = None) -> Record:
        """Save ``value`` as the answer to ``qid``; returns the new record."""
        try:
            json.dumps(value)
        except (TypeError, ValueError) as err:
            raise self._error("answer_not_json", qid=qid, error=err) from None
        try:
            with self._locked():
                records = self._read_unlocked()
                previous = records.get(qid)
                attempts = previous.attempts + 1 if previous else 1
                record = Record(value, now_iso(), attempts, bank)
                records[qid] = record
                self._write_unlocked(records)
        except OSError as err:
            raise self._error("save_failed", error=os_reason(err)) from err
        return record

    def merge(self, incoming: Mapping[str, Record]) -> dict[str, Record]:
        """Add records from elsewhere (a notebook's outputs), keeping the newer one
        of each question.  Returns the merged records."""
        try:
            with self._locked():
                records = self._read_unlocked()
                changed = False
                for qid, rec in incoming.items():
                    if qid not in records or rec.newer_than(records[qid]):
                        records[qid] = rec
                        changed = True
                if changed:
                    self._write_unlocked(records)
        except OSError as err:
            raise self._error("save_failed", error=os_reason(err)) from err
        return records


def record_bundle(qid: str, record: Record | None, lang: str) -> dict[str, Any]:
    """The output a question shows under its widget: the saved answer for the
    notebook file (``MIMETYPE``) and a line for people saying it is saved."""
    if record is None:
        message = tr("not_answered_yet", lang)
        payload: dict[str, Any] = {"question": qid, "record": None}
    else:
        message = tr("saved", lang, time=record.local_time(), attempts=record.attempts)
        payload = {"question": qid, "record": record.to_json()}
    return {MIMETYPE: payload, "text/plain": message}


def records_from_notebook(nb: Mapping[str, Any]) -> dict[str, Record]:
    """Answers carried in a notebook's outputs (newest per question).  Malformed
    entries are skipped: a damaged output must not stop the rest from counting
    (and a JSON file that is no notebook at all carries no answers)."""

    def items(parent: object, key: str) -> list[Any]:
        value = parent.get(key) if isinstance(parent, Mapping) else None
        return value if isinstance(value, list) else []

    found: dict[str, Record] = {}
    for cell in items(nb, "cells"):
        for output in items(cell, "outputs"):
            data = output.get("data", {}) if isinstance(output, Mapping) else {}
            payload = data.get(MIMETYPE) if isinstance(data, Mapping) else None
            if not isinstance(payload, Mapping) or not isinstance(payload.get("question"), str):
                continue
            try:
                rec = Record.from_json(payload.get("record"))
            except (ValueError, TypeError):
                continue
            qid = payload["question"]
            if qid not in found or rec.newer_than(found[qid]):
                found[qid] = rec
    return found


def recover_from_session(store: AnswerStore) -> None:
    """Bring a lone notebook's answers back into the answers file.

    A notebook moved to a new folder (downloaded from an LMS, say) carries its
    answers in its outputs; JupyterLab names the notebook a kernel belongs to in
    ``JPY_SESSION_NAME``.  The newer record of each question wins.
    """
    session = os.environ.get("JPY_SESSION_NAME", "")
    if not session.endswith(".ipynb"):
        return
    path = Path(session)
    if not path.is_absolute():
        path = store.folder / path.name
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # not (or no longer) a notebook
        return
    records = records_from_notebook(nb)
    if records:
        store.merge(records)
