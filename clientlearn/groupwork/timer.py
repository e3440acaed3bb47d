"""The exercise timer: a countdown for group work that runs in the browser.

The countdown lives in ``timer.js``: the kernel is never busy and the time keeps
running while other cells execute.  The state the kernel needs is synced:

* ``duration`` — the exercise length in seconds;
* ``state`` — ``"ready"``, ``"running"``, ``"paused"`` or ``"finished"``;
* ``remaining`` — seconds left at the last start, pause or reset;
* ``ends_at`` — while running, when the time runs out (milliseconds since the epoch,
  by the browser's clock; 0 otherwise).

The browser syncs only on a state change, never every second, so a class of 30 timers
sends no traffic while counting.  :attr:`ExerciseTimer.seconds_left` computes the
current value from ``ends_at`` (kernel and browser clocks are assumed to agree,
as they do on one machine or on NTP-synced servers).
"""

from __future__ import annotations

import math
import pathlib
import time
from typing import Any

import anywidget
import traitlets as t

from ..errors import ClientlearnError
from ..static import StaticView, graded_run
from .messages import check_lang, msg

STATES = ("ready", "running", "paused", "finished")
# A training day has no exercise longer than a session; longer is surely a typo (600 for 60).
MAX_MINUTES = 240


def format_time(seconds: float) -> str:
    """``mm:ss``, rounded up as countdowns show it: 0.2 s left still reads 00:01,
    and 00:00 means the time is up.  Minutes may exceed 59 (``90:00``)."""
    whole = max(0, math.ceil(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"


class ExerciseTimer(anywidget.AnyWidget):
    """A countdown with start, pause and reset buttons (see the module docstring)."""

    _esm = pathlib.Path(__file__).parent / "timer.js"
    _css = pathlib.Path(__file__).parent / "timer.css"

    duration = t.Int(600).tag(sync=True)
    remaining = t.Float(600.0).tag(sync=True)
    ends_at = t.Float(0.0).tag(sync=True)
    state = t.Enum(STATES, default_value="ready").tag(sync=True)
    label = t.Unicode("").tag(sync=True)
    lang = t.Enum(("uk", "en"), default_value="uk").tag(sync=True)

    @property
    def seconds_left(self) -> float:
        """Seconds left now, as the browser counts them."""
        if self.state == "running":
            return max(0.0, self.ends_at / 1000.0 - time.time())
        return float(self.remaining)

    def start(self) -> None:
        """Start or resume the countdown (as the Start button does)."""
        if self.state in ("ready", "paused"):
            self.ends_at = time.time() * 1000.0 + self.remaining * 1000.0
            self.state = "running"

    def pause(self) -> None:
        """Stop the countdown, keeping the time left."""
        if self.state == "running":
            self.remaining = self.seconds_left
            self.ends_at = 0.0
            self.state = "paused"

    def reset(self) -> None:
        """Back to the full duration, stopped."""
        self.ends_at = 0.0
        self.remaining = float(self.duration)
        self.state = "ready"

    def as_text(self) -> str:
        """What a viewer without widgets (nbconvert, a plain viewer) shows."""
        return _text(self.label, self.seconds_left, self.lang)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = super()._repr_mimebundle_(**kwargs)
        if isinstance(bundle, tuple) and bundle and isinstance(bundle[0], dict):
            bundle[0]["text/plain"] = self.as_text()
        return bundle


def _text(label: str, seconds: float, lang: str) -> str:
    clock = format_time(seconds)
    if label:
        return msg("timer_text_label", lang, label=label, time=clock)
    return msg("timer_text", lang, time=clock)


def exercise_timer(
    minutes: float, *, label: str | None = None, lang: str = "uk"
) -> ExerciseTimer | StaticView:
    """A timer of ``minutes`` (fractions allowed: 0.5 is 30 s), stopped, ready to start.

    Returned, not displayed: make it the cell's last expression to show it.
    """
    check_lang(lang)
    if isinstance(minutes, bool) or not isinstance(minutes, int | float):
        raise ClientlearnError(f"the timer needs a number of minutes, got {minutes!r}")
    if not math.isfinite(minutes) or not 0 < minutes <= MAX_MINUTES:
        raise ClientlearnError(
            f"a timer of {minutes!r} minutes is not possible; use more than 0 and at most "
            f"{MAX_MINUTES} minutes"
        )
    seconds = max(1, round(minutes * 60))
    if graded_run():  # nobody is there to start it (clientlearn.static)
        return StaticView(_text(label or "", seconds, lang), [])
    return ExerciseTimer(duration=seconds, remaining=float(seconds), label=label or "", lang=lang)
