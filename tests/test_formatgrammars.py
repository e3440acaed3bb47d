"""Grading processes start without the IRI grammars (clientlearn.core.formatgrammars).

The processes clientlearn starts for nbgrader (its steps, the autograde workers, the
command itself) leave ``rfc3987_syntax`` out: notebooks still validate, the formats
Jupyter's schemas use are still checked, and no installed Jupyter schema asks for the
"iri" formats that are no longer checked.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from clientlearn.grader.nbgrader_main import NBGRADER

PROBE = """
import sys
{prelude}
import jsonschema, nbformat
nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
nbformat.validate(nb)
bad = nbformat.v4.new_notebook()
bad["cells"] = [{{"cell_type": "code"}}]
try:
    nbformat.validate(bad)
except nbformat.ValidationError:
    caught = True
else:
    caught = False
checkers = jsonschema.FormatChecker().checkers
print(caught, "rfc3987_syntax" in sys.modules and sys.modules["rfc3987_syntax"] is not None,
      "iri" in checkers, "uri" in checkers, "date-time" in checkers)
"""


def _probe(prelude: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(prelude=prelude)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    return out.split()


def test_left_out_the_grammars_are_not_built_and_notebooks_still_validate() -> None:
    prelude = (
        "from clientlearn.core.formatgrammars import leave_out_iri_grammars\n"
        "leave_out_iri_grammars()"
    )
    caught, imported, iri, uri, date_time = _probe(prelude)
    assert caught == "True"  # an invalid notebook is still refused
    assert imported == "False"
    assert iri == "False"
    assert uri == "True" and date_time == "True"  # the formats Jupyter uses, still checked


def test_without_it_the_environment_would_build_them() -> None:
    """What the keep-out is for: here, as installed, jsonschema imports the grammars."""
    pytest.importorskip("rfc3987_syntax")
    assert _probe("")[1:3] == ["True", "True"]


def test_nbgrader_steps_run_nbgrader_itself() -> None:
    from nbgrader import __version__

    proc = subprocess.run(
        [*NBGRADER, "--version"], capture_output=True, text=True, encoding="utf-8", check=True
    )
    assert proc.stdout.strip().splitlines()[-1] == f"nbgrader version {__version__}"


def _schema_files() -> list[Path]:
    site = Path(jsonschema.__file__).parent.parent
    names = (
        "jupyter_events",
        "jupyter_server",
        "jupyterlab",
        "jupyterlab_server",
        "nbformat",
        "nbgrader",
        "notebook",
        "jupyter_lsp",
        "jupyterlite_core",
    )
    found: list[Path] = []
    for name in names:
        root = site / name
        if root.is_dir():
            found += [p for p in root.rglob("*") if p.suffix in {".json", ".yaml", ".yml"}]
    return found


def test_no_installed_jupyter_schema_uses_an_iri_format() -> None:
    files = _schema_files()
    assert any(p.parent.name == "v4" and p.name.startswith("nbformat") for p in files)
    pattern = re.compile(r"""["']?format["']?\s*:\s*["']?(iri|iri-reference)\b""")
    users = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        if pattern.search(text):
            users.append(path)
    assert users == [], f"these schemas check IRIs; drop the keep-out: {users}"
