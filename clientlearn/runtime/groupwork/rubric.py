"""Observer rubrics: the model, the YAML files, and the check of saved observations.

A rubric (``clientlearn/runtime/groupwork/rubrics/<id>.yaml``) names criteria, each with a
descriptor for every level of the 1–4 scale, in Ukrainian and English.  An observer's answer is
saved like any other, under ``rubric.<round>.<observed-id>``, with the value::

    {"rubric": "roleplay", "round": 2, "observed": "olena-bondarenko",
     "observed_name": "Олена Бондаренко", "group": 3, "scenario": "overdue-book",
     "scores": {"greeting": 3, "listening": 4}, "comment": "..."}

A criterion may be left unscored (an observer saw no need to set limits).  A value
of ``null`` marks an observation the observer moved to another person or round.

Plain Python: no widgets, no pandas (the form is in :mod:`.observer`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from clientlearn.core.checkcache import checked_data
from clientlearn.core.errors import ClientlearnError, InputFileError, Problem
from clientlearn.core.i18n import translate
from clientlearn.core.yamlwords import MESSAGES as YAML_WORDS

from .messages import LANGS, MESSAGES

__all__ = [
    "PREFIX",
    "SCALE",
    "Criterion",
    "Observation",
    "Rubric",
    "RubricError",
    "checked_rubric_data",
    "is_rubric_id",
    "load_rubric",
    "observation_from_record",
    "read_rubric_text",
    "rubric_qid",
]

SCALE = (1, 2, 3, 4)
PREFIX = "rubric."
RUBRICS_DIR = Path(__file__).resolve().parent / "rubrics"
_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
# What checks a rubric: a change to this file checks cached rubrics again.
CHECKERS = ("runtime/groupwork/rubric.py",)
# Columns of the summary tables that hold one score per criterion id beside them.
RESERVED = frozenset(
    {
        "assignment",
        "comment",
        "criterion",
        "group",
        "mean",
        "n",
        "n_observations",
        "observed",
        "observed_name",
        "observer",
        "round",
        "rubric",
        "saved_at",
        "scenario",
        "title",
    }
)
# Reports a problem (field, message) found in a rubric file.
Add = Callable[..., None]  # add(field, key of MESSAGES, **values)


class RubricError(ClientlearnError):
    """A saved observation does not fit its rubric (a score off the scale…)."""


def _text(value: Mapping[str, str], lang: str) -> str:
    return value.get(lang) or value.get("uk") or ""


@dataclass(frozen=True)
class Criterion:
    """One criterion: its title and a descriptor per level, per language."""

    id: str
    title: Mapping[str, str]
    levels: Mapping[int, Mapping[str, str]]

    def title_in(self, lang: str) -> str:
        return _text(self.title, lang) or self.id

    def descriptor(self, level: int, lang: str) -> str:
        return _text(self.levels[level], lang)


@dataclass(frozen=True)
class Rubric:
    """A rubric: level names (1–4) and the criteria in the order they are shown."""

    id: str
    title: Mapping[str, str]
    level_names: Mapping[int, Mapping[str, str]]
    criteria: tuple[Criterion, ...]

    def title_in(self, lang: str) -> str:
        return _text(self.title, lang) or self.id

    def level_name(self, level: int, lang: str) -> str:
        return _text(self.level_names[level], lang)

    def criterion(self, cid: str) -> Criterion:
        for c in self.criteria:
            if c.id == cid:
                return c
        raise KeyError(cid)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.criteria)


# ---------------------------------------------------------------- loading


def is_rubric_id(text: str) -> bool:
    """Whether ``text`` is a rubric id (and so never a path)."""
    return bool(_ID.match(text))


def rubric_path(rubric: str | os.PathLike[str]) -> Path:
    """A rubric shipped with clientlearn (``"roleplay"``) or a YAML file path."""
    text = os.fspath(rubric)
    if _ID.match(text):
        return RUBRICS_DIR / f"{text}.yaml"
    return Path(text)


def _loader() -> Any:
    import yaml

    # libyaml's loader when PyYAML has it: a tenth of the pure-Python one's time.
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _lines_of(text: str) -> dict[int, int]:
    """Line (1-based) of each item of the ``criteria`` list, by index; {} if unknown."""
    try:
        import yaml
    except ImportError:  # the browser's kernel, whose rubrics were checked at build time
        return {}
    try:
        root = yaml.compose(text, Loader=_loader())
    except yaml.YAMLError:
        return {}
    for key, value in getattr(root, "value", []):
        if getattr(key, "value", None) == "criteria" and isinstance(value.value, list):
            return {i: item.start_mark.line + 1 for i, item in enumerate(value.value)}
    return {}


def _texts(value: Any, where: str, add: Add) -> dict[str, str]:
    """``{uk, en}`` text, both non-empty; reports a problem through ``add`` otherwise."""
    if not isinstance(value, dict):
        add(where, "rubric_expected", shape="{uk: ..., en: ...}")
        return {}
    found = {str(k): str(v).strip() for k, v in value.items() if v is not None}
    missing = [lang for lang in LANGS if not found.get(lang)]
    if missing:
        both = {"uk": "uk, en", "en": "uk and en"}
        add(where, "rubric_missing_text", missing=", ".join(missing), both=both)
    return found


def _levels(value: Any, where: str, add: Add) -> dict[int, dict[str, str]]:
    if isinstance(value, dict):
        # The check cache keeps JSON, whose keys are strings: level "1" is level 1.
        value = {int(k) if isinstance(k, str) and k.isdigit() else k: v for k, v in value.items()}
    if not isinstance(value, dict) or sorted(value, key=str) != list(SCALE):
        keys = sorted(value, key=str) if isinstance(value, dict) else value
        add(where, "rubric_levels", levels=", ".join(map(str, SCALE)), found=repr(keys))
        return {}
    return {int(k): _texts(v, f"{where}.{k}", add) for k, v in value.items()}


def load_rubric(rubric: str | os.PathLike[str] = "roleplay") -> Rubric:
    """Read a rubric; an :class:`InputFileError` lists every problem in the file.

    A notebook shows the same rubric in every round, so a rubric read (immutable) is
    reused while its file's size and time are unchanged.
    """
    path = rubric_path(rubric)
    try:
        stat = path.stat()
    except OSError:
        return _load(rubric, path)  # reports the missing or unreadable file
    return _load_unchanged(os.fspath(rubric), path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _load_unchanged(rubric: str, path: Path, mtime_ns: int, size: int) -> Rubric:
    return _load(rubric, path)


def _load(rubric: str | os.PathLike[str], path: Path) -> Rubric:
    try:
        text = read_rubric_text(path)
    except FileNotFoundError:
        shipped = ", ".join(sorted(p.stem for p in RUBRICS_DIR.glob("*.yaml")))
        raise ClientlearnError.said(
            MESSAGES, "rubric_not_found", rubric=os.fspath(rubric), path=path, shipped=shipped
        ) from None
    except (OSError, UnicodeDecodeError) as err:
        raise ClientlearnError.said(
            MESSAGES, "rubric_unreadable", path=path, error=err, utf8="UTF-8"
        ) from err
    data = checked_data("rubric", text, CHECKERS, lambda: checked_rubric_data(text, path))
    return _build(data, text, path)


def read_rubric_text(path: Path) -> str:
    """A rubric file's text, as :func:`load_rubric` reads it."""
    return path.read_text(encoding="utf-8-sig")


def checked_rubric_data(text: str, path: Path) -> Any:
    """The checked data of a rubric's YAML text, what :func:`load_rubric` builds from
    (and the check cache keeps); raises InputFileError on problems."""
    data = _yaml_data(text, path)
    _build(data, text, path)  # a rubric with problems is never kept
    return data


def _yaml_data(text: str, path: Path) -> Any:
    import yaml  # here, not above: the browser's kernel reads rubrics checked at build time

    try:
        return yaml.load(text, Loader=_loader())
    except yaml.MarkedYAMLError as err:
        at = err.problem_mark.line + 1 if err.problem_mark else None
        problem = err.problem
        raise InputFileError(
            [Problem.said(str(path), at, "yaml", YAML_WORDS, "not_yaml_at_all", problem=problem)]
        ) from err
    except yaml.YAMLError as err:
        raise InputFileError(
            [Problem.said(str(path), None, "yaml", YAML_WORDS, "not_yaml_at_all", problem=err)]
        ) from err


_SIGNS = {"uk": "- і _", "en": "- and _"}


def _build(data: Any, text: str, path: Path) -> Rubric:
    problems: list[Problem] = []

    def adder(line: int | None) -> Add:
        def add(field: str, key: str, /, **values: object) -> None:
            problems.append(Problem.said(str(path), line, field, MESSAGES, key, **values))

        return add

    add = adder(None)
    if not isinstance(data, dict):
        mapping = {"uk": "відображення: id, title…", "en": "a mapping: id, title…"}
        raise InputFileError(
            [Problem.said(str(path), 1, "rubric", MESSAGES, "rubric_expected", shape=mapping)]
        )
    rid = str(data.get("id", "")).strip()
    if not _ID.match(rid):
        add("id", "rubric_bad_id", id=repr(rid), signs=_SIGNS)
    title = _texts(data.get("title"), "title", add)
    level_names = _levels(data.get("levels"), "levels", add)
    raw = data.get("criteria")
    if not isinstance(raw, list) or not raw:
        add("criteria", "rubric_no_criteria")
        raw = []
    lines = _lines_of(text)
    criteria: list[Criterion] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        add = adder(lines.get(i))
        where = f"criteria[{i + 1}]"
        if not isinstance(item, dict):
            add(where, "rubric_expected", shape="{id, title, levels}")
            continue
        cid = str(item.get("id", "")).strip()
        if not _ID.match(cid):
            add(f"{where}.id", "rubric_bad_id", id=repr(cid), signs=_SIGNS)
        elif cid in RESERVED:
            add(f"{where}.id", "rubric_reserved_id", id=repr(cid))
        elif cid in seen:
            add(f"{where}.id", "rubric_id_twice", id=repr(cid))
        seen.add(cid)
        ctitle = _texts(item.get("title"), f"{where}.title", add)
        levels = _levels(item.get("levels"), f"{where}.levels", add)
        criteria.append(Criterion(cid, ctitle, levels))
    if problems:
        raise InputFileError(problems)
    return Rubric(rid, title, level_names, tuple(criteria))


# ---------------------------------------------------------------- saved observations


def _safe(text: str) -> str:
    return " ".join(text.split())


def rubric_qid(round: int, observed: str) -> str:
    """The answer id of an observation: ``rubric.<round>.<observed-id>``."""
    return f"{PREFIX}{round}.{_safe(observed)}"


@dataclass(frozen=True)
class Observation:
    """One checked observation (scores within the scale, criteria of the rubric)."""

    qid: str
    rubric: str
    round: int
    observed: str
    observed_name: str
    group: int | None
    scenario: str
    scores: Mapping[str, int]
    comment: str


def _words(key: str, **values: object) -> dict[str, str]:
    """MESSAGES[key] in every language: a part filled into another message."""
    return {lang: translate(MESSAGES, key, lang, **values) for lang in LANGS}


def observation_from_record(
    qid: str, value: Any, *, source: str, rubrics: Mapping[str, Rubric]
) -> Observation | None:
    """Check one saved rubric record; ``None`` for a withdrawn one (value ``null``).

    ``source`` names the answers file in errors; ``rubrics`` maps ids to rubrics
    (a record of another rubric is an error naming it).
    """
    if value is None:
        return None
    where = _words("record_where", source=source, qid=qid)

    def refuse(key: str, **values: object) -> RubricError:
        return RubricError.said(MESSAGES, key, where=where, **values)

    if not isinstance(value, dict):
        raise refuse("record_not_mapping", value=f"{value!r:.60}")
    rid = value.get("rubric")
    if not isinstance(rid, str) or rid not in rubrics:
        known = ", ".join(sorted(rubrics)) or _words("none_known")
        raise refuse("record_unknown_rubric", rubric=repr(rid), known=known)
    rubric = rubrics[rid]
    rnd = value.get("round")
    if isinstance(rnd, bool) or not isinstance(rnd, int) or rnd < 1:
        raise refuse("record_round", round=repr(rnd))
    observed = value.get("observed")
    if not isinstance(observed, str) or not observed.strip():
        raise refuse("record_no_observed", field="'observed'", observed=repr(observed))
    group = value.get("group")
    if group is not None and (isinstance(group, bool) or not isinstance(group, int)):
        raise refuse("record_group", group=repr(group))
    scores = value.get("scores", {})
    if not isinstance(scores, dict):
        raise refuse("record_scores", field="'scores'", scores=f"{scores!r:.60}")
    checked: dict[str, int] = {}
    for cid, score in scores.items():
        if cid not in rubric.ids:
            criteria = ", ".join(rubric.ids)
            raise refuse("record_criterion", criterion=cid, rubric=rubric.id, criteria=criteria)
        if score is None:
            continue
        if isinstance(score, bool) or not isinstance(score, int) or score not in SCALE:
            raise refuse(
                "record_score", score=repr(score), criterion=cid, low=SCALE[0], high=SCALE[-1]
            )
        checked[cid] = score
    return Observation(
        qid=qid,
        rubric=rubric.id,
        round=rnd,
        observed=_safe(observed),
        observed_name=_safe(str(value.get("observed_name") or observed)),
        group=group,
        scenario=str(value.get("scenario") or ""),
        scores=checked,
        comment=str(value.get("comment") or ""),
    )
