"""The formgrader's manual-grading page with no way out to the internet.

nbgrader 0.9's grading page (its ``formgrade`` template) loads MathJax 2.7 from cdnjs,
and its script (``formgrade.js``, ``configureScrolling``) calls ``MathJax.Hub`` once the
page has loaded. With no internet the script stops there ("MathJax is not defined": no
keyboard navigation between the fields); where the request to the CDN hangs rather than
fails, the page's load event, which fills the score and comment fields, would wait for
it to time out (seen in the browser only as the first). nbgrader's handlers read the
server's ``mathjax_url`` setting, but that template never uses it (nor nbconvert's
``HTMLExporter.mathjax_url``). So :func:`configure_formgrade` gives the formgrader's
exporter clientlearn's ``clientlearn_formgrade`` template: nbgrader's page, with MathJax
2.7.9 from the Jupyter server itself, which the ``jupyter_server_mathjax`` extension (a
dependency of clientlearn, enabled when installed) serves at
``static/jupyter_server_mathjax/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .feedback_labels import TEMPLATE_DIR

__all__ = ["FORMGRADE_TEMPLATE", "configure_formgrade"]

FORMGRADE_TEMPLATE = "clientlearn_formgrade"


def configure_formgrade(c: Any) -> None:
    """Render the formgrader's grading page with MathJax from the server."""
    import nbgrader

    nbgrader_templates = (
        Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates"
    )
    # The formgrader makes its HTMLExporter with no parent, so only class-wide settings
    # reach it; generate_feedback keeps its own (GenerateFeedback.HTMLExporter, set by
    # feedback_labels.configure_template), which are more specific.
    c.HTMLExporter.template_name = FORMGRADE_TEMPLATE
    c.HTMLExporter.extra_template_basedirs = [str(TEMPLATE_DIR), str(nbgrader_templates)]
    # nbgrader's template folder itself, for `extends 'formgrade/index.html.j2'`.
    c.HTMLExporter.extra_template_paths = [str(nbgrader_templates)]
