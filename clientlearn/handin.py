"""Handing in one file from the notebook (the JupyterLite edition, and JupyterLab too).

In a module's first notebook::

    from clientlearn.handin import handin_view
    handin_view()

shows a field for the participant's name (typed once for the course) and a button that
saves the notebook and downloads ``<module>-<name>.zip``: the module's notebooks, the
answers file and a manifest of SHA-256 checksums, which ``clientlearn collect`` checks.
"""

from __future__ import annotations

from clientlearn.runtime.handin import handin_view

__all__ = ["handin_view"]
