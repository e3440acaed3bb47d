"""axe-core in the real-browser tests: the ``axe-core`` npm package's ``axe.min.js``,
fetched once with ``npm pack`` into the lite build's cache (as Pyodide is) and injected
into the page; :func:`serious_violations` runs it over the widgets' output areas."""

from __future__ import annotations

import shutil
import subprocess
import tarfile
from pathlib import Path
from typing import Any

import pytest

from clientlearn.trainer.lite.runtime import lite_cache

AXE_VERSION = "4.10.3"
SERIOUS = ("serious", "critical")
_RUN = """async (include) => {
  const result = await axe.run({include: [[include]]}, {resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 4).map((n) => n.target.join(" ") + " :: " + n.html.slice(0, 140)),
  }));
}"""


def axe_script() -> Path:
    """``axe.min.js`` of :data:`AXE_VERSION` (npm needed the first time only)."""
    cache = lite_cache() / "npm"
    script = cache / f"axe-core-{AXE_VERSION}" / "axe.min.js"
    if script.is_file():
        return script
    tarball = cache / f"axe-core-{AXE_VERSION}.tgz"
    if not tarball.is_file():
        if shutil.which("npm") is None:
            pytest.fail("npm is missing (apt-get install npm): it fetches axe-core once")
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "pack", f"axe-core@{AXE_VERSION}", "--silent"],
            cwd=cache,
            check=True,
            capture_output=True,
            timeout=300,
        )
    with tarfile.open(tarball) as tar:
        member = tar.extractfile("package/axe.min.js")
        assert member is not None, tarball
        script.parent.mkdir(parents=True, exist_ok=True)
        script.write_bytes(member.read())
    return script


def serious_violations(page: Any, include: str = ".jp-OutputArea") -> list[str]:
    """axe's serious and critical violations within ``include``, one line each."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_script()))
    found = page.evaluate(_RUN, include)
    return [
        f"{v['impact']} {v['id']} ({v['help']}): {'; '.join(v['nodes'])}"
        for v in found
        if v["impact"] in SERIOUS
    ]
