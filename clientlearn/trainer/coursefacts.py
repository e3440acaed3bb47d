"""The facts of one run of the course, read from one file: ``course.yaml`` in the
course folder (title, modules, hours, place, dates, trainer).

Certificates, the handbook, the class report and the demo all read them here, so the
course title or a module's name is written once.  A run's place, dates and trainer
change every time: the trainer writes them into the file, or passes them to
``clientlearn certificates`` for one run (:meth:`CourseFacts.but`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from clientlearn.core.errors import InputFileError, Problem
from clientlearn.core.yamlsource import Source, parse

__all__ = [
    "FACTS_FILE",
    "CourseFacts",
    "CourseFactsError",
    "ModuleFacts",
    "load_course_facts",
]

FACTS_FILE = "course.yaml"

# What is wrong with course.yaml, in Ukrainian and English (Problem.said).
FACTS_ERRORS: dict[str, dict[str, str]] = {
    "not_written": {
        "uk": "ще не заповнено; впишіть сюди {fact} цього навчання або {hint}",
        "en": "not written yet; write the {fact} of this run there, or {hint}",
    },
    "fact_title": {"uk": "назву", "en": "title"},
    "fact_dates": {"uk": "дати", "en": "dates"},
    "expected_mapping": {
        "uk": "очікувався словник відомостей про курс (ключ: значення)",
        "en": "expected a mapping of course facts",
    },
    "give_texts": {
        "uk": 'дайте {{uk: "…", en: "…"}}',
        "en": 'give {{uk: "…", en: "…"}}',
    },
    "uk_required": {
        "uk": "потрібен український текст (uk)",
        "en": "the Ukrainian text (uk) is required",
    },
    "bad_hours": {
        "uk": "{value} — не ціле число годин, більше за 0",
        "en": "{value} is not a whole number of hours above 0",
    },
    "unknown_field": {
        "uk": "невідоме поле; перевірте, чи правильно воно написане",
        "en": "unknown field; check its spelling",
    },
    "no_id": {
        "uk": "дайте ідентифікатор курсу (course_id у nbgrader)",
        "en": "give the course's id (nbgrader's course_id)",
    },
    "no_modules": {
        "uk": "перелічіть модулі: id, title, hours",
        "en": "list the modules: id, title, hours",
    },
    "bad_module": {
        "uk": "дайте ідентифікатор модуля, його назву й години",
        "en": "give the module's id, title and hours",
    },
    "module_twice": {
        "uk": "модуль {module} названо двічі",
        "en": "module {module} is listed twice",
    },
    "trainer_text": {
        "uk": "вкажіть ім’я тренера текстом",
        "en": "give the trainer's name as text",
    },
    "missing": {
        "uk": "файлу немає; скопіюйте course/course.yaml репозиторію clientlearn у теку курсу "
        "і впишіть у нього місце, дати й тренера цього навчання",
        "en": "missing; copy course/course.yaml of the clientlearn repository into the course "
        "folder and write this run's place, dates and trainer in it",
    },
    "unreadable": {
        "uk": "не вдається прочитати файл: {error}",
        "en": "cannot read it: {error}",
    },
}
LANGS = ("uk", "en")


class CourseFactsError(InputFileError):
    """``course.yaml`` is missing, malformed, or lacks a fact a command needs."""


@dataclass(frozen=True)
class ModuleFacts:
    id: str
    title: Mapping[str, str]
    hours: int


@dataclass(frozen=True)
class CourseFacts:
    """What a certificate, a handbook or a report says about the course."""

    id: str
    title: Mapping[str, str]
    audience: Mapping[str, str]
    hours: int
    modules: tuple[ModuleFacts, ...]
    place: Mapping[str, str] = field(default_factory=dict)
    dates: Mapping[str, str] = field(default_factory=dict)
    trainer: str = ""
    file: str = FACTS_FILE
    lines: Mapping[str, int] = field(default_factory=dict, compare=False)

    def text(self, fact: str, lang: str) -> str:
        """A text fact (``title``, ``audience``, ``place``, ``dates``) in ``lang``."""
        value: Mapping[str, str] = getattr(self, fact)
        return value.get(lang) or value.get("uk", "")

    def module(self, module_id: str) -> ModuleFacts | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def module_title(self, module_id: str, lang: str) -> str:
        """A module's title, or its folder name for a module the file does not list."""
        found = self.module(module_id)
        return (found.title.get(lang) or found.title["uk"]) if found else module_id

    @property
    def module_ids(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.modules)

    def but(self, **changes: Any) -> CourseFacts:
        """These facts with some replaced for one run (``None`` keeps the file's);
        a text given for one run counts in every language."""
        given = {k: v for k, v in changes.items() if v is not None}
        for key in ("place", "dates", "title"):
            if isinstance(given.get(key), str):
                given[key] = dict.fromkeys(LANGS, given[key])
        return replace(self, **given)

    def require(self, *facts: str, lang: str, hint: str | Mapping[str, str]) -> None:
        """Raise, naming the file and line, unless each text fact is written in ``lang``;
        ``hint`` (a text, or one per language) says what else the user can do."""
        missing = [f for f in facts if not self.text(f, lang).strip()]
        if missing:
            raise CourseFactsError(
                [
                    Problem.said(
                        self.file,
                        self.lines.get(f),
                        f"{f}.{lang}",
                        FACTS_ERRORS,
                        "not_written",
                        fact=FACTS_ERRORS.get(f"fact_{f}", {"uk": f, "en": f}),
                        hint=hint,
                    )
                    for f in missing
                ]
            )


def _local(
    src: Source, data: Any, key: str, problems: list[Problem], *, required: bool
) -> dict[str, str]:
    value = data.get(key)
    if value is None and not required:
        return {}
    if isinstance(value, str):
        return dict.fromkeys(LANGS, value)
    if not isinstance(value, dict) or not all(isinstance(value.get(k, ""), str) for k in LANGS):
        problems.append(src.said((key,), FACTS_ERRORS, "give_texts"))
        return {}
    if required and not str(value.get("uk", "")).strip():
        problems.append(src.said((key,), FACTS_ERRORS, "uk_required"))
    return {k: str(value.get(k) or "") for k in LANGS}


def _hours(src: Source, path: tuple[str | int, ...], value: Any, problems: list[Problem]) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        problems.append(src.said(path, FACTS_ERRORS, "bad_hours", value=repr(value)))
        return 0
    return value


def parse_course_facts(text: str, file: str) -> CourseFacts:
    """Course facts from YAML text; every problem at once, with its line."""
    src = parse(text, file, error=CourseFactsError)
    data = src.data
    if not isinstance(data, dict):
        raise CourseFactsError([Problem.said(file, 1, "file", FACTS_ERRORS, "expected_mapping")])
    problems: list[Problem] = []
    known = {"id", "title", "audience", "hours", "modules", "place", "dates", "trainer"}
    problems += [src.said((k,), FACTS_ERRORS, "unknown_field") for k in data if k not in known]
    course_id = data.get("id")
    if not isinstance(course_id, str) or not course_id.strip():
        problems.append(src.said(("id",), FACTS_ERRORS, "no_id"))
    modules: list[ModuleFacts] = []
    raw_modules = data.get("modules")
    if not isinstance(raw_modules, list) or not raw_modules:
        problems.append(src.said(("modules",), FACTS_ERRORS, "no_modules"))
        raw_modules = []
    for i, entry in enumerate(raw_modules):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            problems.append(src.said(("modules", i), FACTS_ERRORS, "bad_module"))
            continue
        title = entry.get("title")
        if not isinstance(title, dict) or not str(title.get("uk", "")).strip():
            problems.append(src.said(("modules", i, "title"), FACTS_ERRORS, "give_texts"))
            title = {}
        hours = _hours(src, ("modules", i, "hours"), entry.get("hours"), problems)
        modules.append(ModuleFacts(entry["id"], {k: str(title.get(k) or "") for k in LANGS}, hours))
    ids = [m.id for m in modules]
    problems += [
        src.said(("modules", i), FACTS_ERRORS, "module_twice", module=repr(m))
        for i, m in enumerate(ids)
        if m in ids[:i]
    ]
    trainer = data.get("trainer") or ""
    if not isinstance(trainer, str):
        problems.append(src.said(("trainer",), FACTS_ERRORS, "trainer_text"))
        trainer = ""
    facts = CourseFacts(
        id=str(course_id or ""),
        title=_local(src, data, "title", problems, required=True),
        audience=_local(src, data, "audience", problems, required=False),
        hours=_hours(src, ("hours",), data.get("hours"), problems),
        modules=tuple(modules),
        place=_local(src, data, "place", problems, required=False),
        dates=_local(src, data, "dates", problems, required=False),
        trainer=trainer,
        file=file,
        lines={k: src.line((k,)) or 1 for k in data},
    )
    if problems:
        raise CourseFactsError(problems)
    return facts


def load_course_facts(course_root: str | Path) -> CourseFacts:
    """The facts in ``course_root/course.yaml``."""
    path = Path(course_root) / FACTS_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CourseFactsError(
            [Problem.said(str(path), None, "file", FACTS_ERRORS, "missing")]
        ) from None
    except (OSError, UnicodeDecodeError) as err:
        raise CourseFactsError(
            [Problem.said(str(path), None, "file", FACTS_ERRORS, "unreadable", error=err)]
        ) from None
    return parse_course_facts(text, str(path))
