"""The names notebooks and ``nbgrader_config.py`` files import keep working.

Participants keep notebooks released by earlier versions, and trainers keep their
``nbgrader_config.py``: the names these import are clientlearn's public surface, and a
change inside the package must not break them.
"""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
IMPORT = re.compile(r"^\s*from\s+(clientlearn[\w.]*)\s+import\s+(.+)$", re.M)

# Documented in README.md and the trainer guide, beyond what the shipped files use.
DOCUMENTED = {
    "clientlearn": ["Quiz", "Bank", "load_bank", "AnswerStore", "ClientlearnError", "__version__"],
    "clientlearn.grading": ["require_answer", "score"],
    "clientlearn.selfassess": ["instrument_view", "completion", "require_completed"],
    "clientlearn.groupwork": ["exercise_timer", "group_answer", "observer_rubric"],
    "clientlearn.handin": ["handin_view"],
    "clientlearn.nbgrader_plugins": [
        "configure",
        "PublishBank",
        "HarvestAnswers",
        "RestoreAnswers",
        "ScoreDeletedCells",
        "MoodleCollector",
        "ResultsExporter",
    ],
}


def _shipped_imports() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    sources = [(ROOT / "course" / "nbgrader_config.py").read_text(encoding="utf-8")]
    for nb_path in sorted(ROOT.glob("module*/*.ipynb")):
        nb = nbformat.read(nb_path, as_version=4)
        sources += [c.source for c in nb.cells if c.cell_type == "code"]
    for source in sources:
        for module, names in IMPORT.findall(source):
            for name in names.split("#")[0].replace("(", "").replace(")", "").split(","):
                if name.strip():
                    found.setdefault(module, set()).add(name.strip().split(" as ")[0])
    return found


def test_the_course_files_import_only_public_modules() -> None:
    shipped = _shipped_imports()
    assert shipped, "no clientlearn import found in the course's notebooks"
    assert set(shipped) <= set(DOCUMENTED), set(shipped) - set(DOCUMENTED)
    for module, names in shipped.items():
        assert names <= set(DOCUMENTED[module]), (module, names - set(DOCUMENTED[module]))


@pytest.mark.parametrize("module", sorted(DOCUMENTED))
def test_every_public_name_resolves(module: str) -> None:
    loaded = importlib.import_module(module)
    for name in DOCUMENTED[module]:
        assert getattr(loaded, name) is not None, f"{module}.{name}"
        assert name in getattr(loaded, "__all__", [name]), f"{module}.__all__ lacks {name}"


def test_nbgrader_config_names_resolve_through_traitlets() -> None:
    # nbgrader loads --exporter and collector_plugin by their dotted names.
    from traitlets.utils.importstring import import_item

    for dotted in (
        "clientlearn.nbgrader_plugins.ResultsExporter",
        "clientlearn.nbgrader_plugins.MoodleCollector",
    ):
        assert isinstance(import_item(dotted), type)


def test_importing_the_public_modules_stays_light() -> None:
    code = (
        "import sys, clientlearn, clientlearn.grading, clientlearn.selfassess, "
        "clientlearn.groupwork; "
        "print(sorted({m.split('.')[0] for m in sys.modules} "
        "& {'ipywidgets', 'anywidget', 'nbgrader', 'pandas', 'matplotlib'}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, encoding="utf-8"
    )
    assert out.stdout.strip() == "[]"
