"""What a view shows where nobody can click: a notebook run by nbgrader.

Under ``nbgrader autograde`` (and ``validate``) nobody answers, the widgets' state is
not saved and no page can render them, yet building them (dozens of widget objects per
self-assessment, a comm message each) is a good part of a course notebook's run time.
So there each view factory returns a :class:`StaticView` instead: the participant's
saved answer as text and escaped HTML, which is what the grader reads in formgrader,
followed by the same saved-answer output a widget displays.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

__all__ = ["StaticView", "graded_run"]


def graded_run() -> bool:
    """True in a kernel that nbgrader started (autograde, validate): nobody is there."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


@dataclass(frozen=True)
class StaticView:
    """A titled list of lines, displayed as text and HTML, then the answer's output."""

    title: str
    lines: Sequence[str]
    bundle: dict[str, Any] = field(default_factory=dict)
    """The saved-answer output (:func:`clientlearn.runtime.store.record_bundle`); may be empty."""
    ordered: bool = False

    def as_text(self) -> str:
        return "\n".join([self.title, *self.lines])

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        tag = "ol" if self.ordered else "ul"
        items = "".join(f"<li>{escape(line)}</li>" for line in self.lines)
        html = f"<div class='clientlearn-static'><p>{escape(self.title)}</p>"
        html += f"<{tag}>{items}</{tag}></div>" if self.lines else "</div>"
        return {"text/plain": self.as_text(), "text/html": html}

    def _ipython_display_(self) -> None:
        from IPython.display import display

        show: Callable[..., Any] = display  # IPython has no type hints
        show(self._repr_mimebundle_(), raw=True)
        if self.bundle:
            show(self.bundle, raw=True)
