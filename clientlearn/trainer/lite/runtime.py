"""What the browser's kernel runs on: Pyodide's core and the wheels it installs.

Pyodide's core (the WebAssembly interpreter, its standard library, the JS loader)
comes from the ``pyodide`` npm package of the version the kernel was built for.  The
npm package has no package wheels, and Pyodide's own wheels are not on any registry
this build reaches, so every Python package the kernel loads is a pure-Python wheel
from PyPI (``pip download --only-binary :all: --platform any``), a shim wheel that
jupyterlite-pyodide-kernel ships (ipykernel, widgetsnbextension, piplite and the kernel
itself), or clientlearn's own wheel.  All of them are kept in the cache folder
(``~/.cache/clientlearn/lite``) so a second build needs no network.

Versions are pinned: the packages Pyodide's lock names at the versions it names (the
versions Pyodide's maintainers run this interpreter with), the widget stack at the
versions installed here (whose JupyterLab extensions the site carries), so that a
build is reproducible.  pip checks each wheel against the registry's digest.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from clientlearn.core.errors import ClientlearnError

from .messages import msg

__all__ = [
    "KERNEL_PACKAGES",
    "Wheel",
    "kernel_shim_wheels",
    "labextensions_dir",
    "lite_cache",
    "pyodide_core",
    "pyodide_version",
    "pypi_wheels",
]

# Taken at the version Pyodide's lock names: the kernel's own stack (IPython and what
# it needs, jedi for completion, micropip).
FROM_LOCK = (
    "micropip",
    "ipython",
    "asttokens",
    "decorator",
    "executing",
    "matplotlib-inline",
    "prompt-toolkit",
    "pure-eval",
    "pygments",
    "six",
    "stack-data",
    "traitlets",
    "wcwidth",
    "jedi",
    "parso",
    "typing-extensions",
)
# Taken at the version installed here: the widgets (their JupyterLab extensions in the
# site come from this environment and must match) and what Pyodide's lock lacks.
FROM_ENV = (
    "comm",
    "ipywidgets",
    "jupyterlab-widgets",
    "anywidget",
    "psygnal",
    "ipython-pygments-lexers",
)
# Shipped inside jupyterlite-pyodide-kernel's JupyterLab extension (static/pypi/).
FROM_KERNEL = ("piplite", "pyodide-kernel", "ipykernel", "widgetsnbextension")
# What the kernel loads before the first cell runs (the rest comes as their dependencies).
KERNEL_PACKAGES = (
    "micropip",
    "piplite",
    "pyodide-kernel",
    "ipykernel",
    "comm",
    "jedi",
    "ipython",
    "ipywidgets",
    "anywidget",
    "clientlearn",
)
PYPI_TIMEOUT = 600
LITE_CACHE_ENV = "CLIENTLEARN_LITE_CACHE"


@dataclass(frozen=True)
class Wheel:
    """One wheel the site serves to the kernel."""

    name: str  # normalised: lower case, "-"
    version: str
    path: Path
    depends: tuple[str, ...] = ()
    imports: tuple[str, ...] = ()

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()


def normalise(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def lite_cache() -> Path:
    """Where downloads are kept between builds: ``$CLIENTLEARN_LITE_CACHE``, else
    ``lite/`` in the user's cache folder (not the check cache's, which tests point at a
    fresh folder each run: downloads are worth keeping)."""
    chosen = os.environ.get(LITE_CACHE_ENV, "").strip()
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "clientlearn" / "lite"


def pyodide_version() -> str:
    """The Pyodide version jupyterlite-pyodide-kernel was built for."""
    from jupyterlite_pyodide_kernel.constants import PYODIDE_VERSION

    return str(PYODIDE_VERSION)


def labextensions_dir() -> Path:
    """The environment's installed JupyterLab extensions."""
    return Path(sys.prefix) / "share" / "jupyter" / "labextensions"


def _run(command: list[str], cache: Path, lang: str, cwd: Path | None = None) -> None:
    if shutil.which(command[0]) is None and not Path(command[0]).exists():
        how = "apt-get install npm" if command[0] == "npm" else "pip"
        raise ClientlearnError(msg("no_tool", lang, tool=command[0], how=how))
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=PYPI_TIMEOUT
    )
    if done.returncode != 0:
        output = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise ClientlearnError(
            msg(
                "tool_failed",
                lang,
                command=" ".join(command),
                code=done.returncode,
                output=output,
                cache=cache,
            )
        )


def pyodide_core(lang: str = "uk") -> Path:
    """The unpacked ``pyodide`` npm package of the kernel's version (fetched once)."""
    version = pyodide_version()
    cache = lite_cache() / "npm"
    tarball = cache / f"pyodide-{version}.tgz"
    unpacked = cache / f"pyodide-{version}"
    if not tarball.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        _run(["npm", "pack", f"pyodide@{version}", "--silent"], cache, lang, cwd=cache)
    if not (unpacked / "pyodide-lock.json").is_file():
        tmp = cache / f".unpack-{version}"
        shutil.rmtree(tmp, ignore_errors=True)
        with tarfile.open(tarball) as tar:
            tar.extractall(tmp, filter="data")
        shutil.rmtree(unpacked, ignore_errors=True)
        (tmp / "package").rename(unpacked)
        shutil.rmtree(tmp, ignore_errors=True)
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        if not (unpacked / name).is_file():
            raise ClientlearnError(
                msg(
                    "missing_file",
                    lang,
                    path=unpacked / name,
                    what=f"pyodide {version}",
                    todo=msg("todo_clear_cache", lang, cache=unpacked),
                )
            )
    return unpacked


def _lock_packages(core: Path) -> dict[str, dict[str, object]]:
    data = json.loads((core / "pyodide-lock.json").read_text(encoding="utf-8"))
    return {normalise(k): v for k, v in data["packages"].items()}


def _requires(path: Path) -> tuple[str, ...]:
    """The unconditional dependencies a wheel's METADATA names."""
    import zipfile

    from packaging.requirements import Requirement

    with zipfile.ZipFile(path) as whl:
        meta = next(n for n in whl.namelist() if n.endswith(".dist-info/METADATA"))
        text = whl.read(meta).decode("utf-8")
    found = []
    for line in text.splitlines():
        if line.startswith("Requires-Dist:"):
            req = Requirement(line.split(":", 1)[1].strip())
            if req.marker is None or req.marker.evaluate({"extra": "", "python_version": "3.14"}):
                found.append(normalise(req.name))
    return tuple(found)


def pypi_wheels(core: Path, lang: str = "uk") -> list[Wheel]:
    """The pure-Python wheels from PyPI, each downloaded once into the cache."""
    lock = _lock_packages(core)
    pins: dict[str, str] = {}
    for name in FROM_LOCK:
        pins[name] = str(lock[name]["version"])
    for name in FROM_ENV:
        try:
            pins[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            raise ClientlearnError(
                msg(
                    "missing_file",
                    lang,
                    path=name,
                    what=msg("what_package", lang),
                    todo=msg("todo_reinstall", lang),
                )
            ) from None
    cache = lite_cache() / "wheels"
    cache.mkdir(parents=True, exist_ok=True)
    wheels = []
    missing = [f"{n}=={v}" for n, v in sorted(pins.items()) if _cached(cache, n, v) is None]
    if missing:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:"]
        command += ["--platform", "any", "--python-version", "3.14", "--implementation", "py"]
        command += ["--abi", "none", "--quiet", "--dest", str(cache), *missing]
        _run(command, cache, lang)
    for name, version in sorted(pins.items()):
        path = _cached(cache, name, version)
        if path is None:
            raise ClientlearnError(
                msg(
                    "missing_file",
                    lang,
                    path=cache / f"{name}-{version}-*.whl",
                    what=msg("what_wheel", lang),
                    todo=msg("todo_clear_cache", lang, cache=cache),
                )
            )
        wheels.append(Wheel(name, version, path, _requires(path)))
    return wheels


def _cached(cache: Path, name: str, version: str) -> Path | None:
    for path in cache.glob("*.whl"):
        parts = path.name.split("-")
        if normalise(parts[0]) == name and parts[1] == version:
            return path
    return None


def kernel_shim_wheels(lang: str = "uk") -> list[Wheel]:
    """The wheels jupyterlite-pyodide-kernel ships (the newest of each name)."""
    folder = labextensions_dir() / "@jupyterlite" / "pyodide-kernel-extension" / "static" / "pypi"
    index = folder / "all.json"
    if not index.is_file():
        raise ClientlearnError(
            msg(
                "missing_file",
                lang,
                path=index,
                what="jupyterlite-pyodide-kernel",
                todo=msg("todo_reinstall", lang),
            )
        )
    data = json.loads(index.read_text(encoding="utf-8"))
    wheels = []
    for name in FROM_KERNEL:
        releases = data[name]["releases"]
        version = max(releases, key=lambda v: tuple(int(p) for p in v.split(".")))
        artifact = releases[version][0]
        path = folder / artifact["filename"]
        if hashlib.sha256(path.read_bytes()).hexdigest() != artifact["digests"]["sha256"]:
            raise ClientlearnError(
                msg("bad_digest", lang, path=path, expected=artifact["digests"]["sha256"])
            )
        wheels.append(Wheel(name, version, path, _requires(path)))
    return wheels
