"""The exercise timer: its synced traits, the kernel-side controls, and the browser code."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from clientlearn.core.errors import ClientlearnError
from clientlearn.groupwork import exercise_timer
from clientlearn.runtime.groupwork.notebook import format_time
from clientlearn.runtime.groupwork.timer import ExerciseTimer

JS = Path(ExerciseTimer._esm._path)  # the anywidget FileContents of timer.js


def test_a_new_timer_is_ready_with_the_full_duration() -> None:
    timer = exercise_timer(12.5, label="Стратегія групи")
    assert isinstance(timer, ExerciseTimer)
    assert (timer.duration, timer.remaining, timer.ends_at) == (750, 750.0, 0.0)
    assert timer.state == "ready"
    assert timer.lang == "uk" and timer.label == "Стратегія групи"
    assert timer.as_text() == "Таймер «Стратегія групи»: 12:30"
    assert exercise_timer(1, lang="en").as_text() == "Timer: 01:00"


def test_duration_state_and_times_are_synced_to_the_browser() -> None:
    timer = exercise_timer(5)
    synced = set(timer.keys)  # the traits ipywidgets sends to the front end
    assert {"duration", "remaining", "ends_at", "state", "label", "lang"} <= synced
    assert {"_esm", "_css"} <= synced
    assert "export default" in timer._esm and ".clientlearn-timer" in timer._css


def test_start_pause_reset_from_the_kernel() -> None:
    timer = exercise_timer(2)
    timer.start()
    assert timer.state == "running"
    assert timer.ends_at / 1000 == pytest.approx(time.time() + 120, abs=1)
    assert 119 <= timer.seconds_left <= 120
    timer.pause()
    assert timer.state == "paused" and timer.ends_at == 0.0
    assert 119 <= timer.remaining <= 120
    timer.start()  # resumes from what was left
    assert timer.state == "running" and timer.ends_at / 1000 <= time.time() + 120
    timer.reset()
    assert (timer.state, timer.remaining, timer.ends_at) == ("ready", 120.0, 0.0)


def test_a_finished_timer_reads_zero_and_is_not_restarted_by_start() -> None:
    timer = exercise_timer(1)
    timer.state, timer.remaining = "finished", 0.0  # as the browser sets it at the end
    timer.start()
    assert timer.state == "finished" and timer.seconds_left == 0.0
    with pytest.raises(Exception, match="state"):
        timer.state = "exploded"


def test_the_text_fallback_is_in_the_widget_bundle() -> None:
    data, _metadata = exercise_timer(3, label="Вправа")._repr_mimebundle_()
    assert data["text/plain"] == "Таймер «Вправа»: 03:00"
    assert "application/vnd.jupyter.widget-view+json" in data


@pytest.mark.parametrize("minutes", [0, -1, 241, float("nan"), float("inf"), "10", True])
def test_impossible_durations_are_refused(minutes: object) -> None:
    with pytest.raises(ClientlearnError, match="minutes"):
        exercise_timer(minutes)  # type: ignore[arg-type]


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ClientlearnError, match="use one of uk, en"):
        exercise_timer(5, lang="ru")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "00:00"), (0.2, "00:01"), (59.2, "01:00"), (61, "01:01"), (5400, "90:00"), (-3, "00:00")],
)
def test_format_time_counts_down_like_a_clock(seconds: float, text: str) -> None:
    assert format_time(seconds) == text


def test_the_js_file_holds_real_buttons_with_both_languages_labels() -> None:
    source = JS.read_text(encoding="utf-8")
    for label in ("Почати", "Пауза", "Скинути", "Продовжити", "Start", "Pause", "Reset", "Resume"):
        assert f'"{label}"' in source, label
    assert 'createElement("button")' in source and 'b.type = "button"' in source
    assert 'setAttribute("aria-live", "polite")' in source
    assert 'setAttribute("role", "timer")' in source
    # Both label tables have the same keys: no string exists in one language only.
    tables = re.findall(r"(uk|en): \{(.*?)\n  \}", source, flags=re.S)
    keys = {lang: re.findall(r"^\s+(\w+):", body, flags=re.M) for lang, body in tables}
    assert keys["uk"] == keys["en"] and len(keys["uk"]) >= 8


def test_the_css_gives_a_gentle_signal_that_respects_reduced_motion() -> None:
    css = (JS.parent / "timer.css").read_text(encoding="utf-8")
    assert ".clientlearn-timer.finished" in css
    assert "prefers-reduced-motion" in css


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_the_js_module_parses() -> None:
    source = JS.read_text(encoding="utf-8")
    done = subprocess.run(
        ["node", "--input-type=module", "--check"],
        input=source,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr


# A stand-in for the browser: just enough DOM, a model that fires change events like
# Backbone's, and a clock and interval the test moves by hand.
HARNESS = r"""
class El {
  constructor(tag) {
    this.tag = tag; this.children = []; this.attrs = {}; this.textContent = "";
    this.disabled = false; this.handlers = {}; this.className = "";
    const set = new Set();
    this.classList = { add: (c) => set.add(c), contains: (c) => set.has(c),
                       toggle: (c, on) => (on ? set.add(c) : set.delete(c)) };
  }
  setAttribute(k, v) { this.attrs[k] = v; }
  append(...c) { this.children.push(...c); }
  addEventListener(e, f) { this.handlers[e] = f; }
  click() { if (!this.disabled) this.handlers.click(); }
}
globalThis.document = { createElement: (tag) => new El(tag) };
let now = 1_000_000;
Date.now = () => now;
const intervals = new Map();
let nextId = 1;
globalThis.setInterval = (f) => { intervals.set(nextId, f); return nextId++; };
globalThis.clearInterval = (id) => intervals.delete(id);
const runIntervals = () => [...intervals.values()].forEach((f) => f());

const state = { duration: 90, remaining: 90, ends_at: 0, state: "ready", label: "", lang: "uk" };
const handlers = {};
const synced = [];
const model = {
  get: (k) => state[k],
  set: (k, v) => {
    if (state[k] === v) return;
    state[k] = v;
    (handlers["change:" + k] || []).forEach((f) => f());
  },
  save_changes: () => synced.push({ ...state }),
  on: (e, f) => { (handlers[e] ||= []).push(f); },
  off: (e, f) => { handlers[e] = (handlers[e] || []).filter((g) => g !== f); },
};

const { default: widget } = await import(process.argv[2]);
const el = new El("div");
const cleanup = widget.render({ model, el });
const root = el.children[0];
const [heading, clock, buttons, live] = root.children;
const [start, pause, reset] = buttons.children;
const log = [];
const snap = (what) => log.push({ what, clock: clock.textContent, state: state.state,
  start: start.textContent, startDisabled: start.disabled, pauseDisabled: pause.disabled,
  finished: root.classList.contains("finished"), live: live.textContent,
  names: buttons.children.map((b) => b.tag + ":" + b.type + ":" + b.textContent) });
snap("rendered");
start.click(); snap("started");
now += 30_000; runIntervals(); snap("after 30 s");
pause.click(); snap("paused");
now += 100_000; runIntervals(); snap("paused 100 s later");
start.click(); now += 59_500; runIntervals(); snap("resumed, 59.5 s later");
now += 600; runIntervals(); snap("the end");
reset.click(); snap("reset");
cleanup();
console.log(JSON.stringify({ log, synced, handlers: Object.values(handlers).flat().length,
  intervals: intervals.size, heading: heading.textContent, clockRole: clock.attrs.role,
  liveMode: live.attrs["aria-live"] }));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_the_countdown_runs_in_the_browser_code(tmp_path: Path) -> None:
    import json

    module = tmp_path / "timer.mjs"
    module.write_text(JS.read_text(encoding="utf-8"), encoding="utf-8")
    harness = tmp_path / "harness.mjs"
    harness.write_text(HARNESS, encoding="utf-8")
    done = subprocess.run(
        ["node", str(harness), module.as_uri()],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    steps = {s["what"]: s for s in out["log"]}
    first = steps["rendered"]
    assert first["clock"] == "01:30" and first["state"] == "ready" and first["live"] == ""
    assert first["names"] == [
        "button:button:Почати",
        "button:button:Пауза",
        "button:button:Скинути",
    ]
    assert first["pauseDisabled"] and not first["startDisabled"]
    assert steps["started"]["state"] == "running" and steps["started"]["startDisabled"]
    assert steps["started"]["live"] == "Таймер запущено: залишилося 01:30."
    assert steps["after 30 s"]["clock"] == "01:00"
    paused = steps["paused"]
    assert (paused["state"], paused["start"], paused["clock"]) == ("paused", "Продовжити", "01:00")
    assert steps["paused 100 s later"]["clock"] == "01:00"  # a paused timer does not run
    assert steps["resumed, 59.5 s later"]["clock"] == "00:01"
    end = steps["the end"]
    assert (end["state"], end["clock"], end["finished"]) == ("finished", "00:00", True)
    assert end["live"] == "Час вийшов." and end["startDisabled"] and end["pauseDisabled"]
    assert steps["reset"]["clock"] == "01:30" and not steps["reset"]["finished"]
    # Synced to the kernel only on the four changes, never per second.
    assert [s["state"] for s in out["synced"]] == [
        "running",
        "paused",
        "running",
        "finished",
        "ready",
    ]
    assert out["synced"][1]["remaining"] == 60 and out["synced"][3]["remaining"] == 0
    # The view cleans up after itself.
    assert out["handlers"] == 0 and out["intervals"] == 0
    assert (
        out["heading"] == "Таймер" and out["clockRole"] == "timer" and out["liveMode"] == "polite"
    )
