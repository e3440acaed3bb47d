"""The trainer's class report, as data: a small typed model built from the course.

:func:`collect` reads an nbgrader course root: the gradebook (every grade cell of every
submission), the instructor banks (``source/<module>/questions.yaml``, else the copy
autograde put in ``autograded/<student>/<module>/``), the saved answers and, through
:mod:`clientlearn.selfassess` and :mod:`clientlearn.groupwork`, the self-assessments
and group work.  Nothing in the course is changed: the gradebook is opened only if it
exists, and answers files are decoded, never locked or set aside.

:func:`build_report` turns those :class:`Inputs` (plain DataFrames, so a test can
fabricate a class of any size without nbgrader) into a :class:`Report`.  Per grade cell:

* **difficulty** — the share of participants with the cell's full points (and the mean
  fraction of its points);
* **discrimination** — the corrected item–total correlation: Pearson's r between the
  item's fraction of points and the *rest* of the module's score (the module total minus
  this item) over the participants who submitted the module; for a right/wrong item this
  is the point-biserial correlation.  None with fewer than :data:`MIN_N` participants or
  when either side does not vary; an item below :data:`FLAG_BELOW` is flagged.

A written task the trainer has not graded yet (nbgrader's "needs manual grade") has
neither: it is named by the heading above it in the lesson (:func:`task_titles`) and
counted as ``pending``, and its zeros count in no one's rest score.  What needs the
trainer's attention in the submissions (a tampered notebook, a copied answers file) is
found by :mod:`clientlearn.report_flags`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .bank import Bank, load_bank
from .errors import ClientlearnError
from .integrity import read_notebook
from .questions import Matching, Ordering, pick
from .report_flags import Flag, cell_titles, find_flags
from .store import ANSWERS_FILE, decode
from .translit import one_apostrophe

if TYPE_CHECKING:
    import pandas as pd

    from .groupwork.summary import Summary as GroupSummary
    from .selfassess.classdata import ClassAnswers
    from .selfassess.summary import ClassSummary

LANGS = ("uk", "en")
DEFAULT_MIN_SCORE = 60.0
FLAG_BELOW = 0.2
MIN_N = 3
BANK_FILE = "questions.yaml"
GRADE_COLUMNS = ["student", "module", "cell", "score", "max_score", "needs_manual"]
ANSWER_COLUMNS = ["student", "module", "qid", "value"]
_EPS = 1e-6  # scores are sums of floats: 60 % of 71 points must accept 42.6
Note = tuple[str, Mapping[str, str]]  # (message key, values): the renderer words it


def score_cell(qid: str) -> str:
    """The grade id of a question's test cell, as ``authoring.grade_id(qid, "score")``.

    Restated, not imported: importing :mod:`clientlearn.authoring` loads nbformat, seconds
    of start-up for one regular expression (a test keeps the two equal)."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", qid) + "-score"


@dataclass(frozen=True)
class Inputs:
    """What a report is built from.  ``grades`` has one row per grade cell of every
    submission (:data:`GRADE_COLUMNS`); ``answers`` the saved answers to ordering and
    matching questions (:data:`ANSWER_COLUMNS`); ``names`` maps ids to names; ``tasks``
    the titles of written tasks (module -> grade id -> title); ``flags`` what needs the
    trainer's attention (:mod:`clientlearn.report_flags`)."""

    course: str
    grades: pd.DataFrame
    names: Mapping[str, str]
    banks: Mapping[str, Bank]
    answers: pd.DataFrame
    selfassess: ClassAnswers | None = None
    groups: GroupSummary | None = None
    notes: tuple[Note, ...] = ()
    tasks: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    flags: tuple[Flag, ...] = ()


@dataclass(frozen=True)
class ModuleStats:
    module: str
    title: str
    max_score: float
    scores: tuple[float, ...]  # one per submission, for the histogram
    passed: int
    mean: float
    median: float

    @property
    def n(self) -> int:
        return len(self.scores)

    @property
    def share_passed(self) -> float:
        return self.passed / self.n if self.n else 0.0


@dataclass(frozen=True)
class ItemStats:
    """A grade cell: a question's test cell, a self-assessment's completion (``kind``
    "selfassess"), a written task ("task") or another cell ("cell").  ``pending``: how
    many of the ``n`` submissions still wait for a manual grade; while any do, the item
    has no difficulty or discrimination worth showing (its zeros are not scores yet)."""

    cell: str
    title: str
    kind: str
    points: float
    n: int
    difficulty: float
    mean_fraction: float
    discrimination: float | None
    pending: int = 0

    @property
    def flagged(self) -> bool:
        return self.discrimination is not None and self.discrimination < FLAG_BELOW


@dataclass(frozen=True)
class Placement:
    """One step (ordering) or statement (matching) and how it was placed by the ``n``
    who answered.  ``expected``: the key position (1-based) or the key group's title;
    ``shift``/``displacement``: mean signed/absolute distance from the key position over
    those who placed it (negative: too early); ``common_wrong``: the most frequent wrong
    position or group."""

    text: str
    expected: str
    n: int
    misplaced: int
    left_out: int
    common_wrong: str = ""
    displacement: float | None = None
    shift: float | None = None

    @property
    def share_misplaced(self) -> float:
        return self.misplaced / self.n if self.n else 0.0


@dataclass(frozen=True)
class Confusion:
    """An ordering or matching question: its parts in key (bank) order."""

    module: str
    qid: str
    title: str
    kind: str
    n: int
    rows: tuple[Placement, ...]

    @property
    def worst(self) -> int:
        """Index of the most often misplaced part (the first one on a tie)."""
        return max(range(len(self.rows)), key=lambda i: (self.rows[i].misplaced, -i))


@dataclass(frozen=True)
class ModuleResult:
    module: str
    score: float | None  # None: not submitted
    passed: bool


@dataclass(frozen=True)
class Lost:
    module: str
    title: str
    earned: float
    points: float
    pending: bool  # a manually graded cell not graded yet


@dataclass(frozen=True)
class SelfScore:
    """Before/after of a self-assessment asked in phases, else its headline score;
    ``band`` is its band, or the strongest conflict mode."""

    title: str
    before: float | None = None
    after: float | None = None
    score: float | None = None
    band: str = ""

    @property
    def change(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass(frozen=True)
class Participant:
    student: str
    name: str
    modules: tuple[ModuleResult, ...]  # in the order of Report.modules
    lost: tuple[Lost, ...]
    selfassess: tuple[SelfScore, ...]


@dataclass(frozen=True)
class Report:
    course: str
    lang: str
    min_score: float
    modules: tuple[ModuleStats, ...]
    items: Mapping[str, tuple[ItemStats, ...]]  # per module, hardest first
    confusions: tuple[Confusion, ...]
    participants: tuple[Participant, ...]
    selfassess: ClassSummary | None
    groups: GroupSummary | None
    notes: tuple[Note, ...]
    flags: tuple[Flag, ...] = ()


# ------------------------------------------------------------------ reading a course


def read_gradebook(root: Path) -> tuple[str, pd.DataFrame, dict[str, str]]:
    """(course id, grades, names) from ``root/gradebook.db``."""
    import pandas as pd

    db = root / "gradebook.db"
    if not db.is_file():  # opening a Gradebook would create an empty one
        raise ClientlearnError(
            f"no gradebook at {db}: pass the nbgrader course folder (the one holding "
            "nbgrader_config.py) after running nbgrader autograde there"
        )
    from nbgrader.api import Gradebook
    from sqlalchemy.exc import SQLAlchemyError

    rows: list[tuple[str, str, str, float, float, bool]] = []
    names: dict[str, str] = {}
    courses: set[str] = set()
    try:
        with Gradebook(f"sqlite:///{db}") as gb:
            for s in gb.students:
                name = " ".join(p for p in (s.last_name, s.first_name) if p) or s.id
                names[s.id] = one_apostrophe(name)  # however it reached the gradebook
            for asg in gb.assignments:
                courses.add(asg.course_id)
                cells = [c for nb in asg.notebooks for c in (*nb.grade_cells, *nb.task_cells)]
                points = {c.name: float(c.max_score) for c in cells}
                rows += [
                    (sub.student_id, asg.name, g.name, float(g.score),
                     points.get(g.name, 0.0), bool(g.needs_manual_grade))
                    for sub in asg.submissions for nb in sub.notebooks for g in nb.grades
                ]  # fmt: skip
    except SQLAlchemyError as err:
        reason = str(getattr(err, "orig", None) or err).splitlines()[0]  # not the SQL
        raise ClientlearnError(f"{db}: not a readable nbgrader gradebook ({reason})") from None
    course = ", ".join(sorted(courses - {"default_course"})) or root.name
    return course, pd.DataFrame(rows, columns=GRADE_COLUMNS), names


def _bank_for(root: Path, module: str) -> Bank | None:
    source = root / "source" / module / BANK_FILE
    if source.is_file():
        return load_bank(source)
    # autograde copies the instructor's bank over each participant's keyless copy.
    copies = sorted((root / "autograded").glob(f"*/{module}/{BANK_FILE}"))
    return load_bank(copies[0]) if copies else None


def read_answers(autograded: Path, banks: Mapping[str, Bank]) -> tuple[pd.DataFrame, list[Note]]:
    """Saved answers to the ordering and matching questions of ``banks``."""
    import pandas as pd

    rows: list[tuple[str, str, str, Any]] = []
    notes: list[Note] = []
    for module, bank in banks.items():
        wanted = {q.id for q in bank if isinstance(q, Ordering | Matching)}
        for path in sorted(autograded.glob(f"*/{module}/{ANSWERS_FILE}")):
            try:
                records = decode(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, ValueError) as err:
                notes.append(("skipped_file", {"file": str(path), "error": str(err)}))
                continue
            student = path.parent.parent.name
            rows += [(student, module, q, r.value) for q, r in records.items() if q in wanted]
    return pd.DataFrame(rows, columns=ANSWER_COLUMNS), notes


def collect(root: str | Path, modules: Sequence[str] = (), *, lang: str = "uk") -> Inputs:
    """Everything a report needs from the course root ``root``; ``modules`` limits it."""
    root = Path(root)
    course, grades, names = read_gradebook(root)
    known = sorted(set(grades["module"]))
    if not known:
        raise ClientlearnError(f"{root / 'gradebook.db'} holds no graded submissions yet")
    unknown = [m for m in modules if m not in known]
    if unknown:
        raise ClientlearnError(
            f"no graded submissions of module(s) {', '.join(unknown)} in the gradebook; "
            f"modules with submissions: {', '.join(known)}"
        )
    chosen = list(dict.fromkeys(modules)) or known
    grades = grades[grades["module"].isin(chosen)].reset_index(drop=True)
    notes: list[Note] = []
    banks: dict[str, Bank] = {}
    for module in chosen:
        bank = _bank_for(root, module)
        if bank is None:
            notes.append(("no_bank", {"module": module}))
        else:
            banks[module] = bank
    autograded = root / "autograded"
    answers, skipped = read_answers(autograded, banks)
    selfassess, groups = None, None
    if any(autograded.glob(f"*/*/{ANSWERS_FILE}")):  # else no answers at all, nothing to sum
        from .groupwork.summary import summarize as group_summary
        from .selfassess.classdata import load_class

        selfassess = load_class(autograded, lang=lang)
        if not selfassess.skipped.empty:
            skipped.append(("selfassess_skipped", {"n": str(len(selfassess.skipped))}))
        try:
            groups = group_summary(autograded, lang=lang)
        except ClientlearnError as err:  # a damaged group record must not sink the report
            skipped.append(("groups_failed", {"error": str(err)}))
    tasks = {module: task_titles(root, module) for module in chosen}
    graded: dict[str, set[str]] = {}
    for module, student in grades[["module", "student"]].itertuples(index=False):
        graded.setdefault(str(module), set()).add(str(student))
    titles = {m: cell_titles(banks.get(m), tasks[m], lang) for m in chosen}
    flags = find_flags(root, graded, titles, lang=lang)
    notes_all = (*notes, *skipped)
    return Inputs(
        course, grades, names, banks, answers, selfassess, groups, notes_all, tasks, flags
    )


_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.M)
_NUMBERED = re.compile(r"^\d+(?:\.\d+)*\.?\s+")  # "6. Письмове завдання…"
_DURATION = re.compile(r"\s*\(≈[^)]*\)$")  # "… (≈ 15 хв)"


def task_titles(root: Path, module: str) -> dict[str, str]:
    """Written task (grade id) -> its title: the heading above it in the lesson notebook,
    without its section number and duration.  From the instructor's notebooks, else the
    released or an autograded copy."""
    for folder in (root / "source" / module, root / "release" / module):
        if any(folder.glob("*.ipynb")):
            break
    else:
        folder = next(iter(sorted((root / "autograded").glob(f"*/{module}"))), root / module)
    found: dict[str, str] = {}
    for path in sorted(folder.glob("*.ipynb")):
        heading = ""
        for cell in (read_notebook(path) or {}).get("cells", []):
            meta = (cell.get("metadata") or {}).get("nbgrader") or {}
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else str(source)
            if cell.get("cell_type") != "markdown":
                continue
            if meta.get("solution") and meta.get("grade") and meta.get("grade_id") and heading:
                found[str(meta["grade_id"])] = heading
            elif not meta:
                for title in _HEADING.findall(source):
                    heading = _DURATION.sub("", _NUMBERED.sub("", title)) or heading
    return found


# ------------------------------------------------------------------ building the model

_Titles = Mapping[str, tuple[str, str, int]]  # grade cell -> (title, kind, place in bank)


def _titles(bank: Bank | None, lang: str, tasks: Mapping[str, str] | None = None) -> _Titles:
    questions = enumerate(bank or ())
    titles = {task: (title, "task", 1 << 29) for task, title in (tasks or {}).items()}
    return titles | {
        score_cell(q.id): (pick(q.title or q.text, lang), q.kind, i) for i, q in questions
    }


def _describe(cell: str, titles: _Titles) -> tuple[str, str, int]:
    if cell in titles:
        return titles[cell]
    # authoring names an instrument's completion cell "<id>-done", a written task "<id>-task".
    kind = {"-done": "selfassess", "-task": "task"}.get(cell[-5:], "cell")
    return (cell if kind == "cell" else cell[:-5]), kind, 1 << 30


def _items(grades: pd.DataFrame, titles: _Titles) -> tuple[ItemStats, ...]:
    table = grades.pivot_table(
        index="student", columns="cell", values="score", aggfunc="sum", fill_value=0.0
    )
    cells = [str(c) for c in table.columns]
    points = grades.groupby("cell")["max_score"].max().reindex(cells).to_numpy(dtype=float)
    waiting = grades.groupby("cell")["needs_manual"].sum().reindex(cells).to_numpy(dtype=int)
    scores = table.to_numpy(dtype=float)
    # A cell still waiting for manual grades counts in no one's rest score.
    known = scores * (waiting == 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        fraction = np.where(points > 0, scores / points, 1.0)
        rest = known.sum(axis=1, keepdims=True) - known
        x, y = fraction - fraction.mean(axis=0), rest - rest.mean(axis=0)
        r = (x * y).sum(axis=0) / np.sqrt((x * x).sum(axis=0) * (y * y).sum(axis=0))
    full = (scores >= points - _EPS).mean(axis=0)
    n = len(scores)
    items = []
    for j, cell in enumerate(cells):
        title, kind, _ = _describe(cell, titles)
        pending = int(waiting[j])
        disc = float(r[j]) if n >= MIN_N and np.isfinite(r[j]) and not pending else None
        mean = float(fraction[:, j].mean())
        items.append(
            ItemStats(cell, title, kind, float(points[j]), n, float(full[j]), mean, disc, pending)
        )
    # The hardest first; items still waiting for manual grades at the end.
    return tuple(
        sorted(
            items, key=lambda i: (i.pending > 0, i.difficulty, _describe(i.cell, titles)[2], i.cell)
        )
    )


def _ordering(module: str, q: Ordering, answers: list[Any], lang: str) -> Confusion:
    texts = {o.id: pick(o.text, lang) for o in q.items}
    rows = []
    for k, step in enumerate(q.key or (), start=1):
        placed = [a.index(step) + 1 for a in answers if step in a]
        wrong = Counter(p for p in placed if p != k)
        rows.append(
            Placement(
                texts.get(step, step), str(k), len(answers),
                misplaced=len(answers) - len(placed) + wrong.total(),
                left_out=len(answers) - len(placed),
                common_wrong=str(wrong.most_common(1)[0][0]) if wrong else "",
                displacement=float(np.mean([abs(p - k) for p in placed])) if placed else None,
                shift=float(np.mean([p - k for p in placed])) if placed else None,
            )
        )  # fmt: skip
    return Confusion(module, q.id, pick(q.title or q.text, lang), q.kind, len(answers), tuple(rows))


def _matching(module: str, q: Matching, answers: list[Any], lang: str) -> Confusion:
    key = dict(q.key or {})
    bins = {b.id: pick(b.text, lang) for b in q.bins}
    rows = []
    for item in q.items:
        given = [a.get(item.id) for a in answers]
        wrong = Counter(b for b in given if b is not None and b != key.get(item.id))
        rows.append(
            Placement(
                pick(item.text, lang), bins.get(key.get(item.id, ""), ""), len(answers),
                misplaced=sum(1 for b in given if b != key.get(item.id)),
                left_out=given.count(None),
                common_wrong=bins.get(wrong.most_common(1)[0][0], "") if wrong else "",
            )
        )  # fmt: skip
    return Confusion(module, q.id, pick(q.title or q.text, lang), q.kind, len(answers), tuple(rows))


def _confusions(inputs: Inputs, lang: str) -> list[Confusion]:
    given: dict[tuple[str, str], list[Any]] = {}
    for module, qid, value in inputs.answers[["module", "qid", "value"]].itertuples(index=False):
        given.setdefault((str(module), str(qid)), []).append(value)
    out: list[Confusion] = []
    for module, bank in inputs.banks.items():
        for q in bank:
            # An answer of the wrong shape (edited by hand) is left out, as autograde scores 0.
            answers = [a for a in given.get((module, q.id), []) if _fits(q, a)]
            if isinstance(q, Ordering) and q.key and answers:
                out.append(_ordering(module, q, answers, lang))
            elif isinstance(q, Matching) and q.key and answers:
                out.append(_matching(module, q, answers, lang))
    return out


def _fits(q: Any, answer: Any) -> bool:
    if isinstance(q, Ordering):
        return isinstance(answer, list) and bool(answer) and all(isinstance(a, str) for a in answer)
    return isinstance(q, Matching) and q.is_answered(answer)


def _self_scores(summary: ClassSummary | None, lang: str) -> dict[str, list[SelfScore]]:
    if summary is None:
        return {}
    dims = summary.scores[summary.scores["measure"].str.startswith("dimension:")]
    top: dict[tuple[str, str], str] = {}
    if not dims.empty:  # the strongest conflict mode stands for a modes instrument's score
        best = dims.loc[dims.groupby(["student", "instrument"])["value"].idxmax()]
        for s, i, label in best[["student", "instrument", "label"]].itertuples(index=False):
            top[(str(s), str(i))] = str(label)
    # One pass over the rows: a groupby per participant costs seconds in a large class.
    found: dict[tuple[str, str], dict[str, tuple[float | None, str]]] = {}
    table = summary.participants[["student", "instrument", "phase", "ready", "score", "band"]]
    for student, ins_id, phase, ready, score, band in table.itertuples(index=False):
        if ready:
            found.setdefault((str(student), str(ins_id)), {})[str(phase)] = (_num(score), band)
    out: dict[str, list[SelfScore]] = {}
    for (student, ins_id), phases in sorted(found.items()):
        ins = summary.instruments[ins_id]
        title = pick(ins.title, lang)
        if ins.phases:
            first, last = (phases.get(p.id, (None, ""))[0] for p in (ins.phases[0], ins.phases[-1]))
            entry = SelfScore(title, before=first, after=last)
        else:
            score, band = phases.get("", (None, ""))
            entry = SelfScore(title, score=score, band=str(band) or top.get((student, ins_id), ""))
        out.setdefault(student, []).append(entry)
    return out


def _num(value: Any) -> float | None:
    return None if value is None or value != value else float(value)  # NaN != NaN


def build_report(
    inputs: Inputs, *, min_score: float = DEFAULT_MIN_SCORE, lang: str = "uk"
) -> Report:
    """The report model of ``inputs`` (the statistics are in the module docstring)."""
    if lang not in LANGS:
        raise ClientlearnError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    if not 0 <= min_score <= 100:
        raise ClientlearnError(f"--min-score is a percentage from 0 to 100, not {min_score:g}")
    grades = inputs.grades
    if grades.empty:
        raise ClientlearnError("no graded submissions to report on: run nbgrader autograde")
    totals = grades.groupby(["module", "student"], sort=True)[["score", "max_score"]].sum()
    modules, items, results = [], {}, {}
    for module in sorted(set(grades["module"])):
        bank = inputs.banks.get(module)
        mine = totals.loc[module]
        top = float(mine["max_score"].max())
        scores = {str(s): float(v) for s, v in mine["score"].items()}
        results[module] = scores
        passed = sum(_passes(v, top, min_score) for v in scores.values())
        title = pick(bank.title, lang) if bank and bank.title else module
        values = np.array(list(scores.values()))
        mean, median = float(values.mean()), float(np.median(values))
        modules.append(
            ModuleStats(module, title, top, tuple(values.tolist()), passed, mean, median)
        )
        titles = _titles(bank, lang, inputs.tasks.get(module))
        items[module] = _items(grades[grades["module"] == module], titles)
    summary = None
    if inputs.selfassess is not None and not inputs.selfassess.ratings.empty:
        from .selfassess.summary import summarize

        summary = summarize(inputs.selfassess, lang=lang)
    groups = inputs.groups
    if groups is not None and groups.consensus.empty and not groups.by_criterion["n"].sum():
        groups = None
    people = _participants(inputs, modules, results, _self_scores(summary, lang), lang, min_score)
    confusions = tuple(_confusions(inputs, lang))
    return Report(
        inputs.course, lang, min_score, tuple(modules), items, confusions, people, summary,
        groups, inputs.notes, inputs.flags,
    )  # fmt: skip


def _passes(score: float, top: float, min_score: float) -> bool:
    return score * 100 + _EPS >= min_score * top


def _participants(
    inputs: Inputs,
    modules: list[ModuleStats],
    results: Mapping[str, Mapping[str, float]],
    selfassess: Mapping[str, list[SelfScore]],
    lang: str,
    min_score: float,
) -> tuple[Participant, ...]:
    titles = {
        m.module: _titles(inputs.banks.get(m.module), lang, inputs.tasks.get(m.module))
        for m in modules
    }
    rank = {m.module: i for i, m in enumerate(modules)}
    grades = inputs.grades
    short = grades[grades["score"] < grades["max_score"] - _EPS][GRADE_COLUMNS]
    lost: dict[str, list[tuple[int, int, Lost]]] = {}
    for student, module, cell, score, points, pending in short.itertuples(index=False):
        title, _, place = _describe(str(cell), titles[str(module)])
        entry = Lost(str(module), title, float(score), float(points), bool(pending))
        lost.setdefault(str(student), []).append((rank[str(module)], place, entry))
    students = {s for r in results.values() for s in r}
    out = []
    for student in sorted(students, key=lambda s: (inputs.names.get(s, s), s)):
        own = []
        for m in modules:
            score = results[m.module].get(student)
            passed = score is not None and _passes(score, m.max_score, min_score)
            own.append(ModuleResult(m.module, score, passed))
        mine = sorted(lost.get(student, []), key=lambda e: e[:2])
        name = inputs.names.get(student, student)
        own_self = tuple(selfassess.get(student, []))
        out.append(Participant(student, name, tuple(own), tuple(e for *_, e in mine), own_self))
    return tuple(out)


def class_report(
    root: str | Path,
    modules: Sequence[str] = (),
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    lang: str = "uk",
) -> Report:
    """Read the course root ``root`` and build its report."""
    return build_report(collect(root, modules, lang=lang), min_score=min_score, lang=lang)


__all__ = [
    "Confusion", "Inputs", "ItemStats", "Lost", "ModuleResult", "ModuleStats", "Participant",
    "Placement", "Report", "SelfScore", "build_report", "class_report", "collect",
    "read_answers", "read_gradebook", "score_cell", "task_titles",
]  # fmt: skip
