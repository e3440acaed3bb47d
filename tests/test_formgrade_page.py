"""The formgrader's grading page as the course's config renders it: MathJax from the
Jupyter server (jupyter_server_mathjax), nothing from outside; the browser check of the
same page is tests/test_written_browser.py."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbformat.v4 import new_markdown_cell, new_notebook

REPO = Path(__file__).resolve().parent.parent


def _grading_page(base_url: str) -> str:
    """The page nbgrader's SubmissionHandler writes, with the exporter it makes (from the
    course's config, no parent) and the resources it passes."""
    from nbconvert.exporters import HTMLExporter
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(REPO / "course")).load_config()
    answer = new_markdown_cell(
        "Учні й пенсіонери.",
        metadata={
            "nbgrader": {
                "grade": True,
                "solution": True,
                "grade_id": "w_plan-task",
                "points": 3,
                "locked": False,
                "schema_version": 3,
            }
        },
    )
    resources = {
        "assignment_id": "module1_client_service",
        "notebook_id": "02_client_strategy",
        "submission_id": "abc",
        "index": 0,
        "total": 1,
        "base_url": base_url,
        "student": "alice",
        "last_name": "Мар’яненко",
        "first_name": "Аліса",
        "notebook_path": "course/autograded/alice/module1_client_service/02_client_strategy.ipynb",
    }
    html, _ = HTMLExporter(config=config).from_notebook_node(
        nbformat.from_dict(new_notebook(cells=[answer])), resources=resources
    )
    return str(html)


def test_the_grading_page_takes_mathjax_from_the_server_under_its_base_url() -> None:
    html = _grading_page("/user/trainer")
    sources = re.findall(r'<script[^>]*\bsrc="([^"]+)"', html)
    mathjax = [s for s in sources if "MathJax" in s]
    assert mathjax == [
        "/user/trainer/static/jupyter_server_mathjax/MathJax.js"
        "?config=TeX-AMS-MML_HTMLorMML-full,Safe"
    ]
    # Everything the page loads is on the server: no CDN, no other host.
    assert sources and all(s.startswith("/user/trainer/") for s in sources), sources
    assert "cdnjs" not in html
    # Still nbgrader's page: its grading fields and its script.
    assert 'id="w_plan-task"' in html and 'id="w_plan-task-comment"' in html
    assert "/formgrader/static/js/formgrade.js" in html


def test_the_server_serves_that_mathjax_with_the_fonts_it_is_told_to_use() -> None:
    from jupyter_core.paths import jupyter_config_path
    from jupyter_server.extension.config import ExtensionConfigManager
    from jupyter_server_mathjax.app import STATIC_ASSETS_PATH  # type: ignore[import-untyped]

    enabled = ExtensionConfigManager(read_config_path=jupyter_config_path())
    assert enabled.get_jpserver_extensions().get("jupyter_server_mathjax") is True
    static = Path(STATIC_ASSETS_PATH)
    for needed in (
        "MathJax.js",
        "config/TeX-AMS-MML_HTMLorMML-full.js",
        "config/Safe.js",
        "jax/output/HTML-CSS/fonts/STIX-Web/fontdata.js",
    ):
        assert (static / needed).is_file(), needed
    assert 'MathJax.version="2.7.' in (static / "MathJax.js").read_text(encoding="utf-8")
    assert 'webFont: "STIX-Web"' in _grading_page("")
