"""An nbgrader course folder driven through nbgrader's own command line.

Used by the demo and the tests; the real ``nbgrader`` runs every step, so what
works here works for a trainer typing the same commands.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.store import ANSWERS_FILE

from .gradebook import open_gradebook, scripts_env, submission_points
from .journey_messages import MESSAGES
from .nbgrader_main import NBGRADER

CONFIG = """\
# nbgrader configuration written by clientlearn.
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = {course_id!r}

from clientlearn.nbgrader_plugins import configure  # noqa: E402

configure(c)
"""

_SKIP = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", ANSWERS_FILE + "*")


@dataclass(frozen=True)
class Score:
    """One participant's result on one assignment, as the gradebook holds it."""

    student: str
    assignment: str
    score: float
    max_score: float


class Course:
    """An nbgrader course root (``nbgrader_config.py``, ``source/``, ``release/`` …)."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).resolve()

    @classmethod
    def create(
        cls, root: str | Path, course_id: str = "client-orientation", *, facts: str | None = None
    ) -> Course:
        """A new course folder; ``facts`` is the text of its ``course.yaml``, if any."""
        course = cls(root)
        course.root.mkdir(parents=True, exist_ok=True)
        (course.root / "nbgrader_config.py").write_text(
            CONFIG.format(course_id=course_id), encoding="utf-8"
        )
        if facts is not None:
            (course.root / "course.yaml").write_text(facts, encoding="utf-8")
        return course

    def add_source(self, folder: Path, name: str | None = None) -> str:
        """Copy an assignment's instructor folder into ``source/``; returns its name."""
        name = name or folder.name
        dest = self.root / "source" / name
        if dest.exists():
            shutil.rmtree(dest)
        shutil.copytree(folder, dest, ignore=_SKIP)
        return name

    def nbgrader(self, *args: str, log: Path | None = None) -> subprocess.CompletedProcess[str]:
        """Run ``nbgrader ARGS`` in the course root; raise with its log on failure."""
        env = scripts_env()  # nbgrader runs `alembic` by name
        env.setdefault("PYTHONIOENCODING", "utf-8")
        proc = subprocess.run(
            [*NBGRADER, *args],
            cwd=self.root,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        if log is not None:
            with log.open("a", encoding="utf-8") as fh:
                fh.write(f"$ nbgrader {' '.join(args)}\n{proc.stdout}{proc.stderr}\n")
        if proc.returncode != 0:
            tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-25:])
            raise ClientlearnError.said(
                MESSAGES,
                "nbgrader_step_failed",
                command=" ".join(args),
                code=proc.returncode,
                root=self.root,
                tail=tail,
            )
        return proc

    def release_dir(self, assignment: str) -> Path:
        return self.root / "release" / assignment

    def submission_dir(self, student: str, assignment: str) -> Path:
        return self.root / "submitted" / student / assignment

    def submit_copy(self, student: str, assignment: str) -> Path:
        """A participant's submission folder, started as a copy of the release."""
        dest = self.submission_dir(student, assignment)
        if dest.exists():
            shutil.rmtree(dest)
        shutil.copytree(self.release_dir(assignment), dest, ignore=_SKIP)
        for path in dest.rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        return dest

    def scores(
        self, assignment: str, *, on_missing: Callable[[str], None] | None = None
    ) -> list[Score]:
        """Scores of every participant in the gradebook for ``assignment``."""
        from nbgrader.api import MissingEntry

        out = []
        with open_gradebook(self.root, course_id=None) as gb:
            for student in sorted(s.id for s in gb.students):
                try:
                    sub = gb.find_submission(assignment, student)
                except MissingEntry:
                    if on_missing:
                        on_missing(student)
                    continue
                out.append(Score(student, assignment, *submission_points(sub)))
        return out

    def grade_scores(self, assignment: str, student: str) -> dict[str, float]:
        """Points per grade cell of one submission."""
        out: dict[str, float] = {}
        with open_gradebook(self.root, course_id=None) as gb:
            sub = gb.find_submission(assignment, student)
            for nb in sub.notebooks:
                for grade in nb.grades:
                    out[grade.name] = float(grade.score)
        return out
