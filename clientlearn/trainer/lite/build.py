"""``clientlearn lite build``: both released modules as a static JupyterLite site.

The site is made by jupyterlite-core's own build (``jupyter lite build``) from a work
folder this module prepares:

* ``files/<module>/``: what nbgrader's ``generate_assignment`` released (the notebooks,
  the participants' bank without keys, the module's README), made by
  :func:`clientlearn.grader.release.release_modules` when the course has not released
  the module yet; nothing of the instructor's copy;
* ``static/pyodide/``: Pyodide's core from npm, every wheel the kernel loads, and a
  ``pyodide-lock.json`` that names exactly those wheels with their SHA-256, so the
  kernel loads them all from the site before the first cell runs;
* ``jupyter-lite.json``: the kernel told to load them (``loadPyodideOptions.packages``)
  and never to ask PyPI (``disablePyPIFallback``);
* only the JupyterLab extensions the course needs (the kernel, ipywidgets, anywidget).

So the site makes no request outside its own origin.  ``SOURCE_DATE_EPOCH`` is fixed,
so the same inputs give the same site.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from clientlearn.core.errors import ClientlearnError
from clientlearn.grader.release import release_modules
from clientlearn.runtime.store import ANSWERS_FILE

from ..coursefacts import load_course_facts
from .messages import msg
from .runtime import (
    KERNEL_PACKAGES,
    Wheel,
    kernel_shim_wheels,
    labextensions_dir,
    pyodide_core,
    pyodide_version,
    pypi_wheels,
)
from .wheel import build_wheel

__all__ = ["SITE_MARK", "Site", "build_site"]

SITE_MARK = "clientlearn-lite.json"
"""Written at the site's top: what it holds, and the mark that ``--out`` is a site."""
KERNEL_PLUGIN = "@jupyterlite/pyodide-kernel-extension:kernel"
EXTENSIONS = (
    "@jupyterlite/pyodide-kernel-extension",
    "@jupyter-widgets/jupyterlab-manager",
    "anywidget",
)
CORE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
# 2026-01-01: any fixed time; the build's files carry it instead of "now".
SOURCE_DATE_EPOCH = 1767225600

Step = Callable[[str], None]


@dataclass(frozen=True)
class Site:
    """What ``clientlearn lite build`` made."""

    out: Path
    modules: tuple[str, ...]
    notebooks: tuple[str, ...]
    wheels: tuple[str, ...]
    pyodide: str
    size: int


def _released(
    course_root: Path, modules: Sequence[str], lang: str, step: Step | None
) -> list[Path]:
    folders = []
    for module in modules:
        release_dir = course_root / "release" / module
        if not release_dir.is_dir():
            if step:
                step(msg("step_release", lang, module=module))
            release_modules(course_root, [module], lang=lang)
        if not any(release_dir.glob("*.ipynb")) or not (release_dir / "questions.yaml").is_file():
            raise ClientlearnError(msg("no_release", lang, folder=release_dir, module=module))
        folders.append(release_dir)
    return folders


def _copy_contents(folders: list[Path], files: Path) -> list[str]:
    notebooks = []
    for folder in folders:
        dest = files / folder.name
        dest.mkdir(parents=True)
        for path in sorted(folder.iterdir()):
            # A trainer's trial answers never go out with the module.
            if path.is_file() and not path.name.startswith(ANSWERS_FILE.split(".json")[0]):
                shutil.copyfile(path, dest / path.name)
                if path.suffix == ".ipynb":
                    notebooks.append(f"{folder.name}/{path.name}")
    return notebooks


def _lock(core: Path, wheels: list[Wheel]) -> str:
    """Pyodide's lock naming only the site's wheels (Pyodide's own wheels are not here)."""
    info = json.loads((core / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    names = {w.name for w in wheels}
    packages = {}
    for wheel in sorted(wheels, key=lambda w: w.name):
        packages[wheel.name] = {
            "name": wheel.name,
            "version": wheel.version,
            "file_name": wheel.path.name,
            "install_dir": "site",
            "sha256": wheel.sha256,
            "package_type": "package",
            "imports": list(wheel.imports),
            # Only what the site has: an optional dependency missing here is left out.
            "depends": sorted({d for d in wheel.depends if d in names}),
            "unvendored_tests": False,
        }
    return json.dumps({"info": info, "packages": packages}, indent=1, sort_keys=True) + "\n"


def _pyodide_folder(static: Path, core: Path, wheels: list[Wheel]) -> None:
    static.mkdir(parents=True)
    for name in CORE_FILES:
        shutil.copyfile(core / name, static / name)
    for wheel in wheels:
        shutil.copyfile(wheel.path, static / wheel.path.name)
    (static / "pyodide-lock.json").write_text(_lock(core, wheels), encoding="utf-8")


def _config(lite_dir: Path) -> None:
    extensions = [str(labextensions_dir() / name) for name in EXTENSIONS]
    build = {
        "LiteBuildConfig": {
            "contents": ["files"],
            "federated_extensions": extensions,
            "ignore_sys_prefix": ["federated_extensions"],
            "no_sourcemaps": True,
            "source_date_epoch": SOURCE_DATE_EPOCH,
            "apps": ["lab", "notebooks", "tree"],
        }
    }
    (lite_dir / "jupyter_lite_config.json").write_text(json.dumps(build, indent=2), "utf-8")
    settings = {
        "disablePyPIFallback": True,
        "loadPyodideOptions": {"packages": list(KERNEL_PACKAGES)},
    }
    lite = {
        "jupyter-lite-schema-version": 0,
        "jupyter-config-data": {"litePluginSettings": {KERNEL_PLUGIN: settings}},
    }
    (lite_dir / "jupyter-lite.json").write_text(json.dumps(lite, indent=2), "utf-8")


def _check_extensions(lang: str) -> None:
    for name in EXTENSIONS:
        package = labextensions_dir() / name / "package.json"
        if not package.is_file():
            raise ClientlearnError(
                msg(
                    "missing_file",
                    lang,
                    path=package,
                    what=msg("what_extension", lang),
                    todo=msg("todo_reinstall", lang),
                )
            )


def _jupyter_lite(lite_dir: Path, out: Path, lang: str) -> None:
    script = Path(sys.executable).parent / "jupyter-lite"
    if not script.exists():
        raise ClientlearnError(
            msg(
                "missing_file",
                lang,
                path=script,
                what="jupyterlite-core",
                todo=msg("todo_reinstall", lang),
            )
        )
    command = [str(script), "build", "--lite-dir", str(lite_dir), "--output-dir", str(out)]
    done = subprocess.run(
        command, cwd=lite_dir, capture_output=True, text=True, encoding="utf-8", check=False
    )
    if done.returncode != 0:
        output = "\n".join((done.stdout + done.stderr).strip().splitlines()[-20:])
        raise ClientlearnError(msg("lite_failed", lang, code=done.returncode, output=output))


def _prepare_out(out: Path, lang: str) -> None:
    if out.exists() and any(out.iterdir()):
        if not (out / SITE_MARK).is_file():
            raise ClientlearnError(msg("out_not_site", lang, folder=out))
        shutil.rmtree(out)  # a site this command built: made anew


def build_site(
    out: Path,
    course_root: Path,
    modules: Sequence[str] | None = None,
    *,
    lang: str = "uk",
    step: Step | None = None,
) -> Site:
    """Build the site into ``out`` (replaced if it is a site built before) with
    ``modules``, by default the modules the course file lists."""
    if modules is None:
        modules = load_course_facts(course_root).module_ids
    out = out.resolve()
    _prepare_out(out, lang)
    _check_extensions(lang)
    folders = _released(course_root, modules, lang, step)
    core = pyodide_core(lang)
    if step:
        step(msg("step_pyodide", lang, version=pyodide_version(), path=core))
    work = out.parent / f".{out.name}.work"
    shutil.rmtree(work, ignore_errors=True)
    lite_dir = work / "lite"
    try:
        notebooks = _copy_contents(folders, lite_dir / "files")
        banks = [
            ((f / "questions.yaml").read_text(encoding="utf-8"), str(f / "questions.yaml"))
            for f in folders
        ]
        ours = build_wheel(work / "wheel", banks)
        wheels = [*pypi_wheels(core, lang), *kernel_shim_wheels(lang)]
        wheels.append(Wheel("clientlearn", ours.name.split("-")[1], ours, imports=("clientlearn",)))
        if step:
            step(msg("step_wheels", lang, n=len(wheels)))
        _pyodide_folder(lite_dir / "static" / "pyodide", core, wheels)
        _config(lite_dir)
        if step:
            step(msg("step_lite", lang, out=out))
        # Built inside the work folder and moved: jupyterlite-core walks the output's
        # parent folder to set file times, which must not be a shared one such as /tmp.
        _jupyter_lite(lite_dir, work / "out" / "site", lang)
        shutil.move(work / "out" / "site", out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    names = tuple(sorted(w.path.name for w in wheels))
    mark = {"modules": list(modules), "notebooks": notebooks, "wheels": list(names)}
    mark["pyodide"] = pyodide_version()  # type: ignore[assignment]
    (out / SITE_MARK).write_text(json.dumps(mark, indent=2, ensure_ascii=False), "utf-8")
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return Site(out, tuple(modules), tuple(notebooks), names, pyodide_version(), size)
