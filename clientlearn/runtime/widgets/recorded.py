"""A view displayed together with the output that carries its saved answer.

Displaying the view (the cell's last expression, or ``display(view)``) shows the
widget and, under it, a small output with the mimetype
:data:`clientlearn.runtime.store.MIMETYPE`; JupyterLab keeps that output in the ``.ipynb``,
so a notebook carries its answers even without the answers file.  Question views,
self-assessments and group forms all work this way, and all save the same way
(:meth:`RecordedView.save_record`): at once, showing why a save failed and every
notice of the answers file, never only the last one.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as w

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.store import AnswerStore, Record


class RecordedView(w.VBox):  # type: ignore[misc]
    """Subclasses say what the output holds (:meth:`bundle`) and how the view reads
    as plain text (:meth:`as_text`); :meth:`refresh_output` follows every save."""

    _handle: Any = None  # set once displayed: the display id's handle
    store: AnswerStore  # set by each view before it saves
    status: w.HTML  # where the view says why a save failed, and the file's notices
    lang: str  # the language of the view's texts, set by each view
    problem = ""  # why the last save failed, until the next one
    record: Record | None = None  # the saved answer the output carries

    def save_record(self, qid: str, value: Any, **kwargs: Any) -> Record | None:
        """Save ``value`` at once, keep it as :attr:`record` and refresh the saved-answer
        output; None when the save failed (the control keeps showing the answer, and the
        status says why)."""
        try:
            self.record = self.store.save(qid, value, **kwargs)
        except ClientlearnError as err:
            self.problem = err.text(self.lang)
            self.show_notices()
            return None
        self.refresh_output()
        self.show_notices()
        return self.record

    def show_notices(self, extra: Sequence[str] = ()) -> None:
        """The status line: why the last save failed, ``extra`` lines of the view's own,
        then every notice the answers file gave (a file set aside, a lock waited for)."""
        parts = []
        if self.problem:
            parts.append(f'<span style="color:#b00020">{html.escape(self.problem)}</span>')
        parts += [html.escape(text) for text in extra]
        parts += [f"<i>{html.escape(n)}</i>" for n in self.store.notices]
        self.status.value = "<br>".join(parts)

    def bundle(self) -> dict[str, Any]:
        """The saved-answer output's mimebundle."""
        raise NotImplementedError

    def as_text(self) -> str:
        """The view as text, where widgets cannot render."""
        raise NotImplementedError

    def refresh_output(self) -> None:
        if self._handle is not None:
            self._handle.update(self.bundle(), raw=True)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        show: Callable[..., Any] = display  # IPython has no type hints
        show(self._repr_mimebundle_(), raw=True)
        self._handle = show(self.bundle(), raw=True, display_id=True)

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle: dict[str, Any] = super()._repr_mimebundle_(**kwargs) or {}
        # Where widgets cannot render (nbconvert, a plain viewer) the view reads as text.
        bundle["text/plain"] = self.as_text()
        return bundle
