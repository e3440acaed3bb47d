"""The trainer's journey in one command (``make demo``).

Roster import → groups for day 1 and day 2 and the role-play rotation → release of
both modules → a simulated class answering through the same answer store the
widgets write (quizzes, self-assessments, group answers, observer rubrics) and
written answers in the notebooks → collection → parallel autograde → the written
tasks' grading sheets, filled in by a simulated trainer and imported → feedback →
class report → grade export → certificates.  Every participant's gradebook score is checked against
clientlearn's own scoring of the same answers.
"""

from __future__ import annotations

import datetime
import random
import re
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import nbformat

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.numbers import format_number
from clientlearn.grader.coursefolder import Course
from clientlearn.runtime.bank import Bank, load_bank

from .authoring import placed_instruments, scored_questions
from .coursefacts import FACTS_FILE, load_course_facts
from .demo_words import DEMO_WORDS, say
from .groups import Person
from .simulate import (
    answer_folder,
    answer_group,
    answer_instrument,
    grade_sheet,
    observe,
    write_written_answers,
)

REPO = Path(__file__).resolve().parents[2]  # the checkout: clientlearn/trainer/demo.py
SAMPLE_ROSTER = REPO / "course" / "sample_roster.csv"
SCENARIOS = REPO / "course" / "roleplay_scenarios.yaml"
GROUP_EXERCISE = "m1.strategy"
ALGORITHM = "m1.algorithm.order"

Echo = Callable[[str], None]


@dataclass
class DemoResult:
    """What the demo made, for people and for tests."""

    course: Path
    scores: dict[str, dict[str, float]]
    expected: dict[str, dict[str, float]]
    outputs: dict[str, Path]


def course_sources(repo: Path = REPO) -> list[Path]:
    """The module folders of a clientlearn checkout that hold notebooks, in the order
    of the course file (``course/course.yaml``)."""
    if not (repo / "course" / FACTS_FILE).is_file() or not SAMPLE_ROSTER.exists():
        raise ClientlearnError.said(DEMO_WORDS, "not_checkout", facts=FACTS_FILE, repo=repo)
    modules = load_course_facts(repo / "course").module_ids
    found = [repo / m for m in modules if any((repo / m).glob("*.ipynb"))]
    if len(found) != len(modules):
        raise ClientlearnError.said(
            DEMO_WORDS, "modules_missing", modules=", ".join(modules), repo=repo
        )
    return found


def _demo_facts(repo: Path, today: datetime.date) -> str:
    """The course file with the demo run's place, dates and trainer written in."""
    text = (repo / "course" / FACTS_FILE).read_text(encoding="utf-8")
    date = f"{today:%d.%m.%Y}"
    for key, value in (
        ("place", '{uk: "Вінниця (демонстраційний прогін)", en: "Vinnytsia (demo run)"}'),
        ("dates", f'{{uk: "{date}", en: "{date}"}}'),
        ("trainer", '"Олена Берднікова"'),
    ):
        text = re.sub(rf"^{key}:.*$", f"{key}: {value}", text, count=1, flags=re.M)
    return text


class _Steps:
    """Numbered progress lines with the time each step took."""

    def __init__(self, echo: Echo, total: int) -> None:
        self.echo, self.total, self.n = echo, total, 0
        self.started = time.monotonic()

    def __call__(self, text: str) -> None:
        self.n += 1
        elapsed = time.monotonic() - self.started
        self.echo(f"[{self.n:>2}/{self.total}] {elapsed:6.0f} s  {text}")


def run_demo(
    out: Path | None,
    *,
    participants: int = 20,
    seed: int = 2014,
    jobs: int | None = None,
    echo: Echo = print,
    lang: str = "uk",
    db_url: str | None = None,
) -> DemoResult:
    """Run the whole journey in a new course folder ``out`` (default: a temporary one),
    its gradebook at ``db_url`` (nbgrader's ``CourseDirectory.db_url``, e.g. an empty
    PostgreSQL database) or in the folder's ``gradebook.db``."""
    from clientlearn.core.progress import ProgressBar
    from clientlearn.grader.autograde import autograde, default_jobs
    from clientlearn.grader.release import make_feedback, release_modules
    from clientlearn.trainer.report.page import write_report
    from clientlearn.trainer.report.quizstats_table import write_stats
    from clientlearn.trainer.report.statistics import class_report

    from .certificates import make_certificates
    from .export import export_results
    from .groupcards import write_group_cards, write_schedule_html
    from .groups import form_groups, read_roster, write_groups_csv
    from .roster_import import import_roster
    from .rotation import load_scenarios, rotate, write_schedule_csv
    from .written import export_sheet, import_sheet

    sources = course_sources()
    modules = [folder.name for folder in sources]
    root = out or Path(tempfile.mkdtemp(prefix="clientlearn-demo-"))
    if (root / "nbgrader_config.py").exists():
        raise ClientlearnError(say(lang, "taken", root=root))
    step = _Steps(echo, 14)
    rng = random.Random(seed)
    course = Course.create(root, facts=_demo_facts(REPO, datetime.date.today()))
    if db_url is not None:
        with (course.root / "nbgrader_config.py").open("a", encoding="utf-8") as config:
            config.write(f"\nc.CourseDirectory.db_url = {db_url!r}\n")
    log = course.root / "nbgrader.log"
    outputs: dict[str, Path] = {"course": course.root, "nbgrader log": log}

    step(say(lang, "roster", file=SAMPLE_ROSTER.name))
    imported = import_roster(SAMPLE_ROSTER, course.root)
    people = read_roster(imported.roster_csv, balance="oblast")[:participants]
    if len(people) < 6:
        raise ClientlearnError.said(DEMO_WORDS, "too_few")

    step(say(lang, "groups"))
    day1 = form_groups(people, size=4, balance="oblast", seed=seed)
    day2 = form_groups(people, size=3, balance="oblast", seed=seed, avoid=[g.ids for g in day1])
    schedule = rotate(day2, rounds=3, scenarios=load_scenarios(SCENARIOS), seed=seed)
    groups_dir = course.root / "groups"
    groups_dir.mkdir()
    write_groups_csv(day1, groups_dir / "day1-groups.csv")
    title = load_course_facts(course.root).text("title", "uk")
    write_group_cards(day1, groups_dir / "day1-cards.html", course=title)
    write_groups_csv(day2, groups_dir / "day2-groups.csv")
    write_schedule_csv(schedule, groups_dir / "roleplay-schedule.csv")
    write_schedule_html(schedule, groups_dir / "roleplay-schedule.html", course=title)
    outputs["group cards"] = groups_dir / "day1-cards.html"
    outputs["role-play schedule"] = groups_dir / "roleplay-schedule.html"

    step(say(lang, "release"))
    banks: dict[str, Bank] = {}
    for source in sources:
        name = course.add_source(source)
        banks[name] = load_bank(source / "questions.yaml")
    release_modules(course.root, list(banks), force=True)

    step(say(lang, "class", n=len(people)))
    skills = {p.id: min(0.98, max(0.3, rng.gauss(0.72, 0.16))) for p in people}
    expected: dict[str, dict[str, float]] = {p.id: {} for p in people}
    # (participant, written task) -> the simulated trainer's points per criterion.
    written: dict[str, dict[tuple[str, str], list[float]]] = {name: {} for name in modules}
    absent = people[-1].id  # one participant misses day 2 and hands in a blank module 2
    for source in sources:
        name, bank = source.name, banks[source.name]
        notebooks = [nbformat.read(p, as_version=4) for p in sorted(source.glob("*.ipynb"))]
        graded = [qid for nb in notebooks for qid in scored_questions(nb)]
        instruments = [placed for nb in notebooks for placed in placed_instruments(nb)]
        for person in people:
            folder = course.submit_copy(person.id, name)
            total = 0.0
            if not (person.id == absent and name == modules[1]):
                skill = skills[person.id]
                answers = answer_folder(folder, bank, rng, skill)
                total = sum(bank[q].score(answers[q]) for q in graded if q in answers)
                for placed in instruments:
                    answer_instrument(folder, placed.instrument, placed.phase, rng, skill)
                    total += placed.points  # every item rated: all completion points
                for cell, levels in write_written_answers(folder, rng, skill).items():
                    written[name][(person.id, cell)] = levels
                    total += sum(levels)  # once the trainer has graded the sheet
            expected[person.id][name] = round(total, 4)
    steps = list(getattr(banks[modules[0]][ALGORITHM], "key", None) or ())
    for group in day1:
        secretary = group.members[0]
        folder = course.submission_dir(secretary.id, modules[0])
        answer_group(
            folder, GROUP_EXERCISE, group.number, list(group.ids), steps, rng, skills[secretary.id]
        )
    for a in schedule.assignments:
        if a.role != "observer" or a.member.id == absent:
            continue
        librarian = next(x.member for x in schedule.slot(a.round, a.group) if x.role == "librarian")
        observe(
            course.submission_dir(a.member.id, modules[1]),
            round_no=a.round,
            observed=(librarian.id, librarian.name, a.group),
            scenario=a.scenario.id,
            rng=rng,
            skill=skills[librarian.id],
        )

    scores: dict[str, dict[str, float]] = {p.id: {} for p in people}
    maxima: dict[str, float] = {}
    for name in banks:
        step(say(lang, "autograde", module=name, jobs=jobs or default_jobs()))
        with ProgressBar(len(people), f"        {name}", lang=lang) as bar:
            result = autograde(
                course.root,
                name,
                jobs=jobs,
                progress=lambda p: bar.advance(
                    f"{p.submission.student:<24} "
                    + (f"{p.submission.score:.2f}" if p.submission.ok else "failed, will retry")
                ),
            )
        if result.failed:
            raise ClientlearnError.said(
                DEMO_WORDS,
                "failed_to_grade",
                n=len(result.failed),
                module=name,
                reasons="; ".join(f"{f.student}: {f.reason}" for f in result.failed),
            )

    step(say(lang, "written"))
    sheets = course.root / "grading"
    sheets.mkdir()
    for name in banks:
        sheet = export_sheet(course.root, name, sheets / f"{name}.xlsx")
        grade_sheet(sheet.workbook, written[name])
        import_sheet(course.root, sheet.workbook)
        outputs[f"grading sheet {name[:7]}"] = sheet.page
    for name in banks:
        for s in course.scores(name):
            scores.setdefault(s.student, {})[name] = s.score
            maxima[name] = s.max_score

    for name in banks:
        step(say(lang, "feedback", module=name))
        make_feedback(course.root, name)
    outputs["feedback"] = course.root / "feedback"

    step(say(lang, "report"))
    report = class_report(course.root)
    outputs["report"] = write_report(report, course.root / "reports")
    if report.quiz is not None:
        stats = course.root / "reports" / "quiz-statistics.xlsx"
        outputs["quiz statistics"] = write_stats(report.quiz, stats)

    step(say(lang, "export"))
    exports = course.root / "exports"
    exports.mkdir()
    for fmt, file in (("csv", "grades.csv"), ("xlsx", "grades.xlsx"), ("moodle", "moodle.csv")):
        export_results(course.root, exports / file, fmt)
    outputs["grades"] = exports / "grades.xlsx"
    outputs["moodle grades"] = exports / "moodle.csv"

    step(say(lang, "certificates"))
    issued = make_certificates(
        course.root,
        course.root / "certificates",
        min_score=60,
    )
    if issued.combined is not None:
        outputs["certificates"] = issued.combined
    codes = {e.id: e.code for e in issued.entries}

    step(say(lang, "check"))
    mismatched = [
        say(
            lang,
            "differ_line",
            student=student,
            module=name,
            got=scores.get(student, {}).get(name),
            expected=points,
        )
        for student, modules in expected.items()
        for name, points in modules.items()
        if abs(scores.get(student, {}).get(name, -1.0) - points) > 1e-6
    ]
    if mismatched:
        raise ClientlearnError(say(lang, "differ", lines="\n".join(mismatched)))

    step(say(lang, "done"))
    _print_summary(echo, people, scores, banks, codes, maxima, lang)
    echo("")
    echo(say(lang, "equal"))
    echo(say(lang, "open"))
    for what, path in outputs.items():
        echo(f"  {_output_label(what, lang):<26} {path}")
    return DemoResult(course.root, scores, expected, outputs)


def _print_summary(
    echo: Echo,
    people: Sequence[Person],
    scores: dict[str, dict[str, float]],
    banks: dict[str, Bank],
    codes: dict[str, str],
    maxima: dict[str, float],
    lang: str,
) -> None:
    echo("")
    m1, m2 = (
        say(lang, "module_n", n=n, top=f"{maxima.get(name, 0):g}")
        for n, name in enumerate(banks, start=1)
    )
    header = f"{say(lang, 'participant'):<26}{m1:>14}{m2:>14}  {say(lang, 'certificate')}"
    echo(header)
    echo("-" * len(header))
    for person in people:
        row = scores.get(person.id, {})
        one, two = (row.get(name, 0.0) for name in banks)
        one_, two_ = (format_number(x, lang, digits=1) for x in (one, two))
        echo(f"{person.id:<26}{one_:>14}{two_:>14}  {codes.get(person.id, '—')}")


def _output_label(what: str, lang: str) -> str:
    if what.startswith("grading sheet "):
        return say(lang, "out_grading sheet", module=what.removeprefix("grading sheet "))
    return say(lang, f"out_{what}")
