"""A view displayed together with the output that carries its saved answer.

Displaying the view (the cell's last expression, or ``display(view)``) shows the
widget and, under it, a small output with the mimetype
:data:`clientlearn.runtime.store.MIMETYPE`; JupyterLab keeps that output in the ``.ipynb``,
so a notebook carries its answers even without the answers file.  Question views,
self-assessments and group forms all work this way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w


class RecordedView(w.VBox):  # type: ignore[misc]
    """Subclasses say what the output holds (:meth:`bundle`) and how the view reads
    as plain text (:meth:`as_text`); :meth:`refresh_output` follows every save."""

    _handle: Any = None  # set once displayed: the display id's handle

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
