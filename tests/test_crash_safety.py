"""Answers are never lost: writers killed mid-save, and writers working at the same time.

Crash safety: a process saving answers is killed (SIGKILL, no clean-up of any kind) at
random moments, hundreds of times.  After every kill the answers file must read as
exactly the state after some whole number of saves: every earlier answer is there, the
answer being written is the old one or the new one, and nothing is set aside as corrupt.
A killed writer's lock and temporary files must not stop the next writer.

Concurrency: two kernels (two notebooks in one folder) and, inside one kernel, two
views of the same quiz, all changing answers as fast as they can; every save counts.
(tests/test_store.py has two processes writing different questions.)
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from clientlearn.core.errors import AnswerStoreError
from clientlearn.runtime.store import ANSWERS_FILE, AnswerStore, Record, decode

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")

KILLS = 500
QUESTIONS = [f"q{i}" for i in range(7)]
TEMP_GLOB = f".{ANSWERS_FILE}.*.tmp"  # clientlearn.core.files.replace_atomically's temporary files


def _fork(child: Callable[[], None]) -> tuple[int, int]:
    """Run ``child`` in a forked copy of this process; returns its pid and the read end
    of a pipe on which the child writes one byte when it has started."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        status = 1
        try:
            os.close(read_end)
            os.write(write_end, b"!")
            child()
            status = 0
        except BaseException as err:
            os.write(2, f"child failed: {err!r}\n".encode())
        finally:
            os._exit(status)
    os.close(write_end)
    return pid, read_end


def _wait_started(read_end: int) -> None:
    try:
        assert os.read(read_end, 1) == b"!", "the child did not start"
    finally:
        os.close(read_end)


def _kill(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    # Killed, not ended on its own (an exception in the child would end it early).
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status


def _join(pid: int) -> None:
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, f"child ended with {status}"


def _value(round_: int, k: int) -> str:
    # Cyrillic and all three apostrophes: the bytes a crash could cut in half.
    return f"Мар’яна ʼ' раунд {round_}: {k}"


def _writer(folder: Path, round_: int, offset: int) -> Callable[[], None]:
    def child() -> None:
        store = AnswerStore(folder)
        for k in range(100_000):
            store.save(QUESTIONS[(offset + k) % len(QUESTIONS)], _value(round_, k))

    return child


def _after(state: dict[str, tuple[str, int]], round_: int, offset: int, saves: int) -> Any:
    """The (value, attempts) per question after ``saves`` whole saves of a round."""
    state = dict(state)
    for k in range(saves):
        qid = QUESTIONS[(offset + k) % len(QUESTIONS)]
        state[qid] = (_value(round_, k), state[qid][1] + 1 if qid in state else 1)
    return state


class _Replay:
    """The answers file checked after each killed writer against the state that whole
    saves would leave: every earlier answer kept, the one being written old or new."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / ANSWERS_FILE
        self.state: dict[str, tuple[str, int]] = {}

    def check(self, round_: int, offset: int) -> int:
        """Check the file after round ``round_``; returns how many of its saves landed."""
        text = self.path.read_text(encoding="utf-8") if self.path.exists() else None
        records = decode(text) if text is not None else {}
        assert AnswerStore(self.folder).load() == records
        # How many saves of this round were completed: the highest k it left, plus one.
        prefix = _value(round_, 0)[:-1]
        done = [int(r.value[len(prefix) :]) for r in records.values() if r.value.startswith(prefix)]
        saves = max(done) + 1 if done else 0
        expected = _after(self.state, round_, offset, saves)
        found = {qid: (r.value, r.attempts) for qid, r in records.items()}
        assert found == expected, f"round {round_}: after {saves} saves"
        self.state = expected
        assert not list(self.folder.glob("clientlearn.answers.set-aside-*")), "a corrupt file"
        return saves

    def next_writer_clears_up(self) -> None:
        """The temporary files of killed writers do not disturb the next one, who clears them."""
        store = AnswerStore(self.folder)
        store.save("after", "все на місці")
        found = {qid: (r.value, r.attempts) for qid, r in store.load().items() if qid != "after"}
        assert found == self.state
        assert not list(self.folder.glob(TEMP_GLOB))


def _warm_up(folder: Path) -> None:
    # A kernel has imported what saving needs after its first save; so has this process.
    (folder / "warm-up").mkdir()
    AnswerStore(folder / "warm-up").save("q0", "")


def test_a_writer_killed_at_random_moments_never_loses_an_answer(tmp_path: Path) -> None:
    rng = random.Random(20141017)  # deterministic delays: a failure can be replayed
    _warm_up(tmp_path)
    replay = _Replay(tmp_path)
    progress = 0
    for round_ in range(KILLS):
        offset = rng.randrange(len(QUESTIONS))
        pid, started = _fork(_writer(tmp_path, round_, offset))
        _wait_started(started)
        # Mostly within the first few saves (a save is a few ms: lock, read, write,
        # fsync, rename); sometimes at once, before the first save gets anywhere.
        time.sleep(rng.choice([0.0, rng.uniform(0, 0.004), rng.uniform(0, 0.03)]))
        _kill(pid)
        progress += replay.check(round_, offset) > 0

    # The kills landed both before any save and after some.  Where inside a save they
    # land depends on the machine's disk; the next test kills at each step on purpose.
    assert progress > KILLS // 10 and KILLS - progress > KILLS // 10, progress
    replay.next_writer_clears_up()


# The steps of one save (clientlearn.core.files.replace_atomically) at which a writer is
# stopped and killed: (function the writer calls, stop before or after the call).
STEPS = [
    ("fsync", "before"),  # the temporary file written, not yet on disk
    ("replace", "before"),  # on disk, not yet renamed over the answers file
    ("replace", "after"),  # renamed, the lock not yet released
]


def _stopping_writer(
    folder: Path, round_: int, offset: int, step: tuple[str, str], saves: int, signal_fd: int
) -> Callable[[], None]:
    """A writer that makes ``saves`` whole saves, then stops at ``step`` of the next one,
    tells the parent through ``signal_fd`` and waits to be killed."""
    name, when = step
    real = getattr(os, name)
    calls = 0

    def stopped(*args: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls <= saves:
            return real(*args)
        if when == "after":
            real(*args)
        os.write(signal_fd, b"S")
        time.sleep(60)

    def child() -> None:
        setattr(os, name, stopped)  # this is the forked child: the parent's os is untouched
        _writer(folder, round_, offset)()

    return child


def test_a_writer_killed_at_each_step_of_a_save_never_loses_an_answer(tmp_path: Path) -> None:
    rng = random.Random(2014)
    _warm_up(tmp_path)
    replay = _Replay(tmp_path)
    for round_ in range(30 * len(STEPS)):
        step, offset, saves = (
            STEPS[round_ % len(STEPS)],
            rng.randrange(len(QUESTIONS)),
            rng.randrange(4),
        )
        leftovers = set(tmp_path.glob(TEMP_GLOB))
        read_end, write_end = os.pipe()
        pid, started = _fork(_stopping_writer(tmp_path, round_, offset, step, saves, write_end))
        _wait_started(started)
        try:
            assert os.read(read_end, 1) == b"S", "the writer did not reach its stop"
        finally:
            _kill(pid)
            os.close(read_end)
            os.close(write_end)
        # Killed before the rename: the new answer is not there and its temporary file is
        # left; after it: the new answer is there.
        landed = replay.check(round_, offset)
        assert landed == (saves + 1 if step == ("replace", "after") else saves), (step, saves)
        new_temp = set(tmp_path.glob(TEMP_GLOB)) - leftovers
        assert bool(new_temp) == (step != ("replace", "after")), step
    replay.next_writer_clears_up()


def test_a_killed_writers_lock_is_released(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("clientlearn.runtime.store.LOCK_TIMEOUT_S", 0.3)
    AnswerStore(tmp_path).save("q1", "до")

    def hold_the_lock() -> None:
        with AnswerStore(tmp_path)._locked():
            os.write(write_end, b"locked")
            time.sleep(60)

    read_end, write_end = os.pipe()
    pid, started = _fork(hold_the_lock)
    _wait_started(started)
    try:
        assert os.read(read_end, 6) == b"locked"
        # The lock is real: while its holder lives, a save waits and then gives up.
        with pytest.raises(AnswerStoreError) as raised:
            AnswerStore(tmp_path).save("q1", "під час")
        assert "зайнятий іншою програмою" in raised.value.text("uk")
        assert "another program has held the answers lock" in raised.value.text("en")
        assert raised.value.lang == "uk"
        # A read does not wait for the lock: saves replace the file whole (POSIX).
        assert AnswerStore(tmp_path).load()["q1"].value == "до"
    finally:
        _kill(pid)
        os.close(read_end)
        os.close(write_end)
    # The lock file is still there, but the lock died with its process.
    assert (tmp_path / ".clientlearn.answers.lock").exists()
    AnswerStore(tmp_path).save("q1", "після")
    record = AnswerStore(tmp_path).get("q1")
    assert record is not None and (record.value, record.attempts) == ("після", 2)


# ---------------------------------------------------------------- writing at the same time


def test_two_processes_writing_the_same_questions_lose_no_attempt(tmp_path: Path) -> None:
    rounds = 60

    def writer(tag: str) -> Callable[[], None]:
        def child() -> None:
            store = AnswerStore(tmp_path)
            for k in range(rounds):
                store.save(QUESTIONS[k % len(QUESTIONS)], f"{tag} {k}")

        return child

    children = [_fork(writer(tag)) for tag in ("А", "Б")]
    for _, started in children:
        _wait_started(started)
    for pid, _ in children:
        _join(pid)
    records = AnswerStore(tmp_path).load()
    assert set(records) == set(QUESTIONS)
    for i, qid in enumerate(QUESTIONS):
        writes = len(range(i, rounds, len(QUESTIONS)))  # by each of the two
        last = max(range(i, rounds, len(QUESTIONS)))
        assert records[qid].attempts == 2 * writes, qid
        assert records[qid].value in (f"А {last}", f"Б {last}")


# Run in each kernel: the views a notebook shows, changed in turn as fast as Python can.
KERNEL_CODE = """
import json, time
from pathlib import Path
from clientlearn import Quiz

quiz = Quiz("questions.yaml")
views = {name: quiz.ask(qid) for name, qid in %(views)s.items()}
Path("ready-%(kernel)s").touch()
while not Path("go").exists():  # all kernels have built their views: start together
    time.sleep(0.002)
for i in range(%(rounds)d):
    for name, values in %(values)s.items():
        view, before = views[name], views[name].record
        value = values[i %% len(values)]
        if hasattr(view, "field"):
            view.field.value = value
        else:
            view.radio.value = value
        # Each change was saved as a new record.
        assert view.record is not before and view.record.value == value, view.status.value
"""
ROUNDS = 40


@contextlib.contextmanager
def _kernels(folder: Path, count: int) -> Iterator[list[Any]]:
    """``count`` real Python kernels started in ``folder`` (a notebook's folder)."""
    from jupyter_client.manager import KernelManager

    managers = []
    try:
        for _ in range(count):
            km = KernelManager(kernel_name="python3")
            km.start_kernel(cwd=str(folder))
            managers.append(km)
        clients = []
        for km in managers:
            kc = km.client()
            kc.start_channels()
            kc.wait_for_ready(timeout=60)
            clients.append(kc)
        yield clients
        for kc in clients:
            kc.stop_channels()
    finally:
        for km in managers:
            km.shutdown_kernel(now=True)


def _run_together(folder: Path, clients: list[Any], codes: list[str]) -> None:
    ids = [kc.execute(code) for kc, code in zip(clients, codes, strict=True)]
    ready = [folder / f"ready-{i}" for i in range(len(clients))]
    deadline = time.monotonic() + 120
    while not all(r.exists() for r in ready) and time.monotonic() < deadline:
        time.sleep(0.01)
    (folder / "go").touch()
    for kc, msg_id in zip(clients, ids, strict=True):
        while True:
            reply = kc.get_shell_msg(timeout=120)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        content = reply["content"]
        assert content["status"] == "ok", "\n".join(content.get("traceback", []))


def _code(kernel: int, views: dict[str, str], values: dict[str, list[Any]]) -> str:
    return KERNEL_CODE % {"kernel": kernel, "views": views, "values": values, "rounds": ROUNDS}


def test_two_notebooks_in_one_folder_and_two_views_of_one_quiz(quiz_folder: Path) -> None:
    """Kernel A shows a text question, a single choice and the rating question twice
    (two cells); kernel B shows a number question and the rating too.  They change
    them in turn, together; the rating is written by all three of its views."""
    text = [f"Активне слухання, спроба {i}" for i in range(ROUNDS)]
    numbers = [f"{i},5" for i in range(ROUNDS)]
    code_a = _code(
        0,
        {"text": "sc.text", "single": "sc.single", "rating1": "sc.rating", "rating2": "sc.rating"},
        {"text": text, "single": ["a", "b"], "rating1": [1, 2], "rating2": [4, 5]},
    )
    code_b = _code(
        1, {"number": "sc.numeric", "rating": "sc.rating"}, {"number": numbers, "rating": [3, 1]}
    )
    with _kernels(quiz_folder, 2) as clients:
        _run_together(quiz_folder, clients, [code_a, code_b])

    records = AnswerStore(quiz_folder).load()
    got = {qid: (r.value, r.attempts) for qid, r in records.items()}
    last = ROUNDS - 1
    assert got["sc.text"] == (text[last], ROUNDS)
    assert got["sc.single"] == (["a", "b"][last % 2], ROUNDS)
    assert got["sc.numeric"] == (numbers[last], ROUNDS)
    # Every save of the three rating views counts; the value is whichever came last.
    assert got["sc.rating"][1] == 3 * ROUNDS
    assert got["sc.rating"][0] in ([4, 5][last % 2], [3, 1][last % 2])
    assert set(got) == {"sc.text", "sc.single", "sc.numeric", "sc.rating"}
    # The file is the store's own format, written whole.
    raw = json.loads((quiz_folder / ANSWERS_FILE).read_text(encoding="utf-8"))
    assert all(Record.from_json(r) for r in raw["answers"].values())
    assert not list(quiz_folder.glob(TEMP_GLOB))
