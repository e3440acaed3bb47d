"""``clientlearn release`` and ``clientlearn feedback``: handing work out and back.

A thin layer over :mod:`clientlearn.grader.release`: nbgrader runs in its own
process with this Python's scripts on PATH, so the commands work from
``.venv/bin/clientlearn`` without an activated environment.  What nbgrader does is
said on stderr, what was made on stdout; nbgrader's own log goes to
``nbgrader.log`` in the course folder.
"""

from __future__ import annotations

from pathlib import Path

import click

from clientlearn.core.i18n import translate
from clientlearn.grader.nbgrader_run import LOG_FILE
from clientlearn.grader.release import make_feedback, release_modules

from . import base
from .courseroot import course_option

__all__ = ["feedback", "release"]

MESSAGES: dict[str, dict[str, str]] = {
    "released": {
        "uk": "{module}: видано в {folder}; зошити ({n}): {notebooks}.",
        "en": "{module}: released in {folder}; notebooks ({n}): {notebooks}.",
    },
    "kept": {
        "uk": "{module}: уже видано раніше, {folder} залишено як є (щоб підготувати модуль "
        "ще раз після змін, додайте --force).",
        "en": "{module}: released before, {folder} is kept as it is (add --force to prepare "
        "it again after changes).",
    },
    "linked": {
        "uk": "  {entry} → {folder}: посилання на теку модуля, яку ви редагуєте.",
        "en": "  {entry} → {folder}: a link to the module folder you edit.",
    },
    "groups": {
        "uk": "  Групи: {file} → {dest}",
        "en": "  Groups: {file} → {dest}",
    },
    "no_groups": {
        "uk": "  Без groups.csv: у формах груп учасники вписуватимуть номер групи й імена "
        "(--groups ФАЙЛ додає групи).",
        "en": "  No groups.csv: the group forms ask for the group number and names "
        "(--groups FILE adds the groups).",
    },
    "exchanged": {
        "uk": "  Через теку обміну: учасники отримають модуль у Nbgrader → Assignment List.",
        "en": "  Through the exchange: participants fetch it under Nbgrader → Assignment List.",
    },
    "hand_out": {
        "uk": "Роздайте учасникам усю теку release/<модуль>/. Журнал nbgrader: {log}.",
        "en": "Hand the participants the whole release/<module>/ folder. nbgrader's log: {log}.",
    },
    "feedback": {
        "uk": "Зворотний зв’язок з {module}: сторінок HTML — {pages}, учасників — {people}:",
        "en": "Feedback on {module}: {pages} HTML page(s) for {people} participant(s):",
    },
    "feedback_line": {
        "uk": "  {student}: {folder} (файлів: {n})",
        "en": "  {student}: {folder} ({n} file(s))",
    },
    "feedback_sent": {
        "uk": "Надіслано через теку обміну: учасники отримають його в Nbgrader → Assignment "
        "List (Fetch Feedback).",
        "en": "Sent through the exchange: participants fetch it under Nbgrader → Assignment "
        "List (Fetch Feedback).",
    },
    "feedback_hand_out": {
        "uk": "Роздайте кожному учасникові його файли .html (вони без ключів і прихованих тестів).",
        "en": "Give each participant their .html files (they hold no keys and no hidden tests).",
    },
}


def _say(key: str, lang: str, **values: object) -> None:
    click.echo(translate(MESSAGES, key, lang, **values))


def _step(text: str) -> None:
    click.echo(text, err=True)


@click.command("release", cls=base.Command)
@click.argument("modules", nargs=-1, required=True, metavar="MODULE...")
@course_option()
@click.option(
    "--exchange",
    is_flag=True,
)
@click.option(
    "--groups",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
)
@click.option("--force", is_flag=True)
@base.lang_option
def release(
    modules: tuple[str, ...],
    course_dir: Path,
    exchange: bool,
    groups: Path | None,
    force: bool,
    lang: str,
) -> None:
    """Prepare each MODULE for the participants (nbgrader generate_assignment: the bank
    without its keys) in release/MODULE/, with the class's groups.csv."""
    done = release_modules(
        course_dir, modules, exchange=exchange, groups=groups, force=force, lang=lang, step=_step
    )
    for item in done:
        if item.generated:
            notebooks = ", ".join(item.notebooks)
            _say(
                "released",
                lang,
                module=item.module,
                folder=item.release_dir,
                n=len(item.notebooks),
                notebooks=notebooks,
            )
        else:
            _say("kept", lang, module=item.module, folder=item.release_dir)
        if item.linked:
            _say("linked", lang, entry=course_dir / "source" / item.module, folder=item.folder)
        if item.groups is not None:
            _say("groups", lang, file=item.groups, dest=item.release_dir / "groups.csv")
        else:
            _say("no_groups", lang)
        if item.exchanged:
            _say("exchanged", lang)
    _say("hand_out", lang, log=course_dir / LOG_FILE)


@click.command("feedback", cls=base.Command)
@click.argument("module")
@course_option()
@click.option(
    "--exchange",
    is_flag=True,
)
@base.lang_option
def feedback(module: str, course_dir: Path, exchange: bool, lang: str) -> None:
    """Write each graded participant's feedback on MODULE as HTML (answers, points and
    explanations; no keys, no hidden tests), made again with the gradebook's scores."""
    made = make_feedback(course_dir, module, exchange=exchange, lang=lang, step=_step)
    pages = sum(len(files) for files in made.pages.values())
    _say(
        "feedback",
        lang,
        module=made.module,
        pages=pages,
        people=len(made.pages),
        folder=made.folder,
    )
    for student, files in sorted(made.pages.items()):
        folder = made.folder / student / made.module
        _say("feedback_line", lang, student=student, folder=folder, n=len(files))
    _say("feedback_sent" if made.exchanged else "feedback_hand_out", lang)
