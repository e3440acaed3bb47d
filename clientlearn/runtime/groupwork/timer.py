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

import pathlib
import time
from typing import Any

import anywidget
import traitlets as t

from .notebook import timer_text

STATES = ("ready", "running", "paused", "finished")


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
        return timer_text(self.label, self.seconds_left, self.lang)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = super()._repr_mimebundle_(**kwargs)
        if isinstance(bundle, tuple) and bundle and isinstance(bundle[0], dict):
            bundle[0]["text/plain"] = self.as_text()
        return bundle
