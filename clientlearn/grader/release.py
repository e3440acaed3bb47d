"""Handing work out: the release of a module and the feedback on it.

:func:`release_modules` is ``clientlearn release``: for each module nbgrader's
``generate_assignment`` (clientlearn's ``PublishBank`` publishes the bank without
its keys), the class's ``groups.csv`` put into ``release/<module>/`` for the group
forms, and optionally ``release_assignment`` to the exchange.  :func:`make_feedback`
is ``clientlearn feedback``: ``generate_feedback`` (and ``release_feedback``).

Everything is checked before nbgrader runs (the course folder, every module, the
groups file, a stray answers file), so a mistake stops the command before anything
is written.  nbgrader runs in its own process (:mod:`.nbgrader_run`).
"""

from __future__ import annotations

import glob
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.files import write_bytes_atomic
from clientlearn.runtime.groupwork.people import read_groups_csv
from clientlearn.runtime.store import ANSWERS_FILE

from .gradebook import CONFIG_FILE
from .journey_messages import MESSAGES, msg
from .modules import ModuleSource, link_module, locate_module
from .nbgrader_run import run_nbgrader

__all__ = [
    "GROUPS_FILE",
    "Feedback",
    "Release",
    "check_course",
    "make_feedback",
    "release_modules",
]

GROUPS_FILE = "groups.csv"

Step = Callable[[str], None]


@dataclass(frozen=True)
class Release:
    """What ``clientlearn release`` did for one module."""

    module: str
    folder: Path
    linked: bool
    generated: bool
    release_dir: Path
    notebooks: tuple[str, ...]
    groups: Path | None
    exchanged: bool


@dataclass(frozen=True)
class Feedback:
    """The feedback pages of one module: participant id → their HTML files."""

    module: str
    folder: Path
    pages: dict[str, tuple[Path, ...]]
    exchanged: bool


def check_course(course_root: Path, lang: str = "uk") -> Path:
    """``course_root`` if it is an nbgrader course folder (holds nbgrader_config.py)."""
    if not (course_root / CONFIG_FILE).is_file():
        raise ClientlearnError.said(MESSAGES, "no_course", folder=course_root, config=CONFIG_FILE)
    return course_root


def _groups_file(course_root: Path, groups: Path | None, lang: str) -> Path | None:
    if groups is None:
        default = course_root / GROUPS_FILE
        if not default.is_file():
            return None
        groups = default
    elif not groups.is_file():
        raise ClientlearnError.said(MESSAGES, "no_groups_file", path=groups)
    read_groups_csv(groups)  # a broken file names its rows now, not in the notebooks
    return groups


def release_modules(
    course_root: Path,
    modules: Sequence[str],
    *,
    exchange: bool = False,
    groups: Path | None = None,
    force: bool = False,
    lang: str = "uk",
    step: Step | None = None,
) -> list[Release]:
    """Release each of ``modules`` (names or module folders) in the course.

    ``groups`` is the groups file to put into each release (default: the course's
    ``groups.csv``, if it has one).  Without ``force``, a module released before is
    kept as it is (its groups file is still replaced); with it, generated again
    and, with ``exchange``, released again.
    """
    check_course(course_root, lang)
    groups_file = _groups_file(course_root, groups, lang)
    found: list[ModuleSource] = []
    for module in modules:
        source = locate_module(course_root, module, lang=lang)
        if (source.folder / ANSWERS_FILE).exists():
            raise ClientlearnError.said(
                MESSAGES, "answers_in_source", path=source.folder / ANSWERS_FILE
            )
        if source.name not in {s.name for s in found}:
            found.append(source)

    done: list[Release] = []
    for source in found:
        if source.needs_link:
            link_module(source, lang=lang)
        release_dir = course_root / "release" / source.name
        generate = force or not release_dir.is_dir()
        if generate:
            if step:
                step(msg("step_generate", lang, module=source.name))
            args = ["generate_assignment", source.name, *(["--force"] if force else [])]
            run_nbgrader(course_root, args, lang=lang)
        if groups_file is not None:
            write_bytes_atomic(release_dir / GROUPS_FILE, groups_file.read_bytes())
        if exchange:
            if step:
                step(msg("step_exchange", lang, module=source.name))
            args = ["release_assignment", source.name, *(["--force"] if force else [])]
            run_nbgrader(course_root, args, lang=lang)
        done.append(
            Release(
                module=source.name,
                folder=source.folder,
                linked=source.needs_link,
                generated=generate,
                release_dir=release_dir,
                notebooks=tuple(sorted(p.name for p in release_dir.glob("*.ipynb"))),
                groups=groups_file,
                exchanged=exchange,
            )
        )
    return done


def make_feedback(
    course_root: Path,
    module: str,
    *,
    exchange: bool = False,
    lang: str = "uk",
    step: Step | None = None,
) -> Feedback:
    """Feedback pages for every autograded submission of ``module``.

    They are made again each time (``--force``): a score changed by hand in the
    formgrader since the last run must reach the page.
    """
    check_course(course_root, lang)
    name = Path(module).name
    autograded = (course_root / "autograded").glob(f"*/{glob.escape(name)}")
    graded = sorted(p.parent.name for p in autograded if p.is_dir())
    if not graded:
        raise ClientlearnError.said(MESSAGES, "nothing_graded", module=name)
    if step:
        step(msg("step_feedback", lang, module=name, n=len(graded)))
    run_nbgrader(course_root, ["generate_feedback", name, "--force"], lang=lang)
    if exchange:
        if step:
            step(msg("step_feedback_exchange", lang, module=name))
        run_nbgrader(course_root, ["release_feedback", name], lang=lang)
    folder = course_root / "feedback"
    pages = {
        student: tuple(sorted((folder / student / name).glob("*.html")))
        for student in graded
        if (folder / student / name).is_dir()
    }
    return Feedback(name, folder, pages, exchange)
