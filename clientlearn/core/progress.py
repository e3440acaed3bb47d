"""Progress of long work: a bar on a terminal, one line per item anywhere else.

A trainer watching a terminal gets a bar that redraws in place, with the count, the
elapsed time, an estimate of what is left and the last item.  When the stream is a
file or a pipe (a log, CI, ``| tee``) a bar would turn into one long garbled line,
so each item gets a line of its own instead.
"""

from __future__ import annotations

import shutil
import sys
import time
from types import TracebackType
from typing import TextIO

from .i18n import tr

__all__ = ["ProgressBar"]

_FULL, _EMPTY = "█", "░"


def _clock(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes}:{secs:02d}"


class ProgressBar:
    """``total`` items of work called ``label``; call :meth:`advance` after each one.

    ``total`` may be 0 while it is not yet known and set later (work whose list is made
    by another process).  Use it as a context manager: on leaving, the bar's line is
    finished so that what follows starts on a line of its own."""

    def __init__(
        self,
        total: int,
        label: str,
        *,
        stream: TextIO | None = None,
        interactive: bool | None = None,
        lang: str = "uk",
    ) -> None:
        self.total = max(total, 0)
        self.lang = lang
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        if interactive is None:
            isatty = getattr(self.stream, "isatty", None)
            interactive = bool(isatty and isatty())
        self.interactive = interactive
        self.done = 0
        self.started = time.monotonic()
        self._drawn = False

    def __enter__(self) -> ProgressBar:
        self.started = time.monotonic()
        if self.total and self.interactive:
            self._draw("")
        elif self.total:
            self._write(tr("progress_to_do", self.lang, label=self.label, n=self.total) + "\n")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._drawn:
            self._write("\n")
            self._drawn = False

    def advance(self, text: str = "") -> None:
        """One more item is done; ``text`` says which (and how it went)."""
        self.done += 1
        self.total = max(self.total, self.done)  # a retry is one more item, not 110 %
        elapsed = time.monotonic() - self.started
        if self.interactive:
            self._draw(text)
        else:
            width = len(str(self.total))
            self._write(f"[{self.done:>{width}}/{self.total}] {elapsed:6.1f} s  {text}\n")

    def note(self, text: str) -> None:
        """A line that must stay visible (a failure), printed above the bar."""
        if self._drawn:
            self._write("\r\x1b[2K")
        self._write(text + "\n")
        if self.interactive:
            self._draw("")

    def _draw(self, text: str) -> None:
        elapsed = time.monotonic() - self.started
        left = ""
        if 0 < self.done < self.total:
            left = f", ~{_clock(elapsed / self.done * (self.total - self.done))} left"
        status = f" {self.done}/{self.total}  {_clock(elapsed)}{left}"
        columns = shutil.get_terminal_size((80, 24)).columns
        bar_width = max(10, min(30, columns // 4))
        filled = bar_width * self.done // self.total if self.total else bar_width
        line = f"{self.label} {_FULL * filled}{_EMPTY * (bar_width - filled)}{status}"
        if text:
            line += f"  {text}"
        # \r and erase-line redraw in place; the line is cut to the terminal's width
        # so that it never wraps (a wrapped line cannot be redrawn).
        self._write("\r\x1b[2K" + line[: columns - 1])
        self._drawn = True

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()
