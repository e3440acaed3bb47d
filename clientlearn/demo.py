"""The demo: release the course's modules with nbgrader, simulate a class through
the answer store, autograde with nbgrader and print every participant's score,
checked against clientlearn's own scoring of the same answers."""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable
from pathlib import Path

import nbformat

from .authoring import placed_instruments, scored_questions
from .bank import load_bank
from .course import Course
from .errors import ClientlearnError
from .simulate import answer_folder, answer_instrument

MODULES = ("module1_client_service", "module2_difficult_situations")

# A simulated class: nbgrader ids (official transliteration) and a skill level each.
CLASS = [
    ("kovalenko_liudmyla", 0.95),
    ("bondarenko_oksana", 0.85),
    ("tkachenko_mariana", 0.75),
    ("melnyk_viacheslav", 0.65),
    ("shevchuk_iryna", 0.55),
    ("kravchenko_olena", 0.45),
    ("boiko_nataliia", 0.9),
    ("savchenko_halyna", 0.7),
    ("rudenko_oleh", 0.6),
    ("lysenko_tetiana", 0.8),
]


def course_sources(repo: Path | None = None) -> list[Path]:
    """The module folders of a clientlearn checkout that hold notebooks."""
    repo = repo or Path(__file__).resolve().parent.parent
    found = [repo / m for m in MODULES if any((repo / m).glob("*.ipynb"))]
    if not found:
        raise ClientlearnError(
            f"no course modules with notebooks under {repo}; run the demo from a "
            "clientlearn checkout (make demo)"
        )
    return found


def run_demo(
    out: Path | None,
    *,
    participants: int = 6,
    seed: int = 2014,
    echo: Callable[[str], None] = print,
) -> dict[str, dict[str, float]]:
    """Run the demo; returns ``{student: {assignment: score}}``."""
    if not 1 <= participants <= len(CLASS):
        raise ClientlearnError(f"--participants must be between 1 and {len(CLASS)}")
    root = out or Path(tempfile.mkdtemp(prefix="clientlearn-demo-"))
    if (root / "gradebook.db").exists():
        raise ClientlearnError(f"{root} already holds a course; choose an empty folder")
    course = Course.create(root)
    log = root / "nbgrader.log"
    echo(f"Course folder: {course.root} (nbgrader's log: {log.name})")
    rng = random.Random(seed)
    expected: dict[str, dict[str, float]] = {}
    results: dict[str, dict[str, float]] = {}
    sources = course_sources()
    for source in sources:
        name = course.add_source(source)
        echo(f"[{name}] nbgrader generate_assignment …")
        course.nbgrader("generate_assignment", name, "--force", log=log)
        bank = load_bank(source / "questions.yaml")
        notebooks = [nbformat.read(p, as_version=4) for p in sorted(source.glob("*.ipynb"))]
        graded = [qid for nb in notebooks for qid in scored_questions(nb)]
        instruments = [placed for nb in notebooks for placed in placed_instruments(nb)]
        echo(f"[{name}] {participants} participants answer through the answer store …")
        for student, skill in CLASS[:participants]:
            folder = course.submit_copy(student, name)
            answers = answer_folder(folder, bank, rng, skill)
            total = sum(bank[qid].score(answers[qid]) for qid in graded if qid in answers)
            for placed in instruments:
                # Every item rated: completion earns all of its points.
                answer_instrument(folder, placed.instrument, placed.phase, rng, skill)
                total += placed.points
            expected.setdefault(student, {})[name] = round(total, 4)
        echo(f"[{name}] nbgrader autograde … (about 2 s per participant and notebook)")
        course.nbgrader("autograde", name, "--force", log=log)
        for s in course.scores(name):
            results.setdefault(s.student, {})[name] = s.score
            results[s.student][name + " max"] = s.max_score
    names = [p.name for p in sources]
    echo("")
    echo(f"{'participant':<22}" + "".join(f"{n[:22]:>24}" for n in names) + f"{'check':>8}")
    mismatches = 0
    for student, _ in CLASS[:participants]:
        row = results.get(student, {})
        cells = ""
        for n in names:
            cells += f"{row.get(n, float('nan')):>16.2f} / {row.get(n + ' max', 0):<5.0f}"
        same = all(abs(row.get(n, -1) - expected[student][n]) < 1e-6 for n in names)
        mismatches += not same
        echo(f"{student:<22}{cells}{'ok' if same else 'DIFF':>8}")
    echo("")
    if mismatches:
        raise ClientlearnError(
            f"{mismatches} participant(s) got a gradebook score that differs from "
            f"clientlearn's own scoring; see {log}"
        )
    echo("Gradebook scores equal clientlearn's own scoring of the same answers.")
    return results
