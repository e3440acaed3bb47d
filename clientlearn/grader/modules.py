"""The course's modules as nbgrader assignments, edited where they are.

nbgrader takes an assignment's instructor version from ``source/<assignment>/`` in
the course folder, and its formgrader lists every folder there as an assignment.
The course's modules live beside the course folder (``module1_client_service/``,
``module2_difficult_situations/``), where authors edit them, so ``source/`` holds
one link per module pointing there: nothing is copied, an edit is released as it is,
and the formgrader lists exactly the modules (not every folder of the repository).

``clientlearn release`` makes a missing link (:func:`locate_module`,
:func:`link_module`): a relative symbolic link, so the repository can move.  Windows
lets only administrators and Developer Mode make symbolic links; there the link is a
directory junction, which any user may make and nbgrader reads like a folder (it
holds the module's absolute path: move the repository and release again).  A real
folder already in ``source/`` (a copy) is used as it is.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from clientlearn.core.errors import ClientlearnError

from .journey_messages import MESSAGES

__all__ = ["SOURCE", "ModuleSource", "available_modules", "link_module", "locate_module"]

SOURCE = "source"
# nbgrader's own folders in a course: their subfolders are copies, never the module.
_STEP_FOLDERS = frozenset(
    {"source", "release", "submitted", "autograded", "feedback", "downloaded"}
)


@dataclass(frozen=True)
class ModuleSource:
    """A module as nbgrader sees it: ``entry`` is ``source/<name>`` in the course (a
    link or a folder), ``folder`` the module folder it shows; ``needs_link`` when the
    entry is still to be made."""

    name: str
    entry: Path
    folder: Path
    needs_link: bool


def _is_module(folder: Path) -> bool:
    return folder.is_dir() and any(folder.glob("*.ipynb"))


def available_modules(course_root: Path) -> list[str]:
    """Names of the modules ``source/`` holds and of the folders with notebooks and a
    question bank beside the course folder."""
    names = {p.name for p in (course_root / SOURCE).glob("*") if p.is_dir()}
    names |= {
        p.name
        for p in course_root.resolve().parent.iterdir()
        if p.resolve() != course_root.resolve()
        and _is_module(p)
        and (p / "questions.yaml").is_file()
    }
    return sorted(names)


def _inside_step_folder(folder: Path, course_root: Path) -> bool:
    try:
        parts = folder.resolve().relative_to(course_root.resolve()).parts
    except ValueError:
        return False
    return bool(parts) and parts[0] in _STEP_FOLDERS


def locate_module(
    course_root: Path, module: str, *, cwd: Path | None = None, lang: str = "uk"
) -> ModuleSource:
    """Where the assignment ``module`` comes from.

    ``module`` is a name (``module1_client_service``) or a path to the module folder
    (``../module1_client_service/``, as tab completion gives it).  In order: the
    entry ``source/<name>`` if the course has it; the folder ``module`` names, if it
    holds notebooks; the folder ``<name>`` beside the course folder.  Raises
    :class:`ClientlearnError` naming the modules there are when none is found.
    """
    name = Path(module).name
    if not name or name in {".", ".."}:
        raise ClientlearnError.said(MESSAGES, "bad_module", module=module)
    entry = course_root / SOURCE / name
    if entry.is_dir():
        return ModuleSource(name, entry, entry.resolve(), needs_link=False)
    given = (cwd or Path.cwd()) / module
    for folder in (given, course_root.resolve().parent / name):
        if _is_module(folder) and not _inside_step_folder(folder, course_root):
            return ModuleSource(name, entry, folder.resolve(), needs_link=True)
    known = ", ".join(available_modules(course_root)) or MESSAGES["none"]
    raise ClientlearnError.said(
        MESSAGES,
        "unknown_module",
        module=module,
        entry=entry,
        beside=course_root.parent,
        known=known,
    )


def link_module(module: ModuleSource, *, lang: str = "uk") -> None:
    """Make ``source/<name>`` point at the module folder (see the module docstring)."""
    entry, target = module.entry, module.folder
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        if os.path.lexists(entry):  # a link whose module folder moved away
            try:
                entry.unlink()
            except OSError:  # a junction is removed as a folder
                entry.rmdir()
        relative = os.path.relpath(target, entry.parent.resolve())
        os.symlink(relative, entry, target_is_directory=True)
        return
    except OSError as err:
        if sys.platform != "win32":
            raise ClientlearnError.said(
                MESSAGES, "link_failed", entry=entry, target=target, error=err.strerror or err
            ) from err
    if sys.platform == "win32":
        import _winapi

        try:
            _winapi.CreateJunction(str(target), str(entry))
        except OSError as err:
            raise ClientlearnError.said(
                MESSAGES, "link_failed", entry=entry, target=target, error=err.strerror or err
            ) from err
