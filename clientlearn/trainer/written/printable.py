"""The grading sheet as a printable page: for grading on paper, alone or with a co-trainer.

One section per task (each starts on a new page): the task, how to grade, the criteria
with their levels, the model answer, then one block per participant with the answer and
empty boxes for the points per criterion, the score and a comment; a score already in
the gradebook is printed in its box.  Everything from the course and the participants is
escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from clientlearn.core.numbers import format_number

from .model import TaskAnswers
from .words import w

__all__ = ["sheet_html"]

_STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; margin: 1.5em; }
h1 { font-size: 16pt; } h2 { font-size: 14pt; margin-top: 0; }
section.task { page-break-before: always; } section.task:first-of-type { page-break-before: auto; }
.facts { color: #444; } .intro { font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
th, td { border: 1px solid #888; padding: .3em .5em; vertical-align: top; text-align: left; }
th { background: #ddebf7; }
.model, .answer { white-space: pre-wrap; }
.model { border-left: 4px solid #9bc2e6; padding-left: .6em; }
.person { page-break-inside: avoid; border: 1px solid #888; margin: .8em 0; padding: .5em; }
.person h3 { font-size: 12pt; margin: 0 0 .3em; }
.boxes td { height: 2.2em; width: 8em; } .boxes td.comment { width: auto; }
.filled { font-weight: bold; }
@media print { body { margin: 0; } }
"""


def _levels(levels: Sequence[tuple[str, str]]) -> str:
    return "".join(f"<li><b>{escape(p)}</b> — {escape(t)}</li>" for p, t in levels)


def _task(entry: TaskAnswers, lang: str) -> str:
    task = entry.task

    def num(value: float) -> str:
        return format_number(value, lang)

    graded = sum(1 for a in entry.answers if a.graded)
    parts = [
        '<section class="task">',
        f"<h2>{escape(task.title)}</h2>",
        f'<p class="facts">{escape(w("module", lang))}: {escape(task.module)} · '
        f"{escape(w('notebook', lang))}: {escape(task.notebook)} · "
        f"{escape(w('points', lang))}: {escape(num(task.points))} · "
        f"{escape(w('graded_note', lang, n=graded, total=len(entry.answers)))}</p>",
    ]
    if task.roleplay:
        parts.append(f"<p><b>{escape(w('roleplay_note', lang))}</b></p>")
    if task.rubric.intro:
        parts.append(f'<p class="intro">{escape(task.rubric.intro)}</p>')
    if task.rubric.criteria:
        rows = "".join(
            f"<tr><th>{escape(c.name)}</th><td><ul>"
            + _levels([(num(level.points), level.text) for level in c.levels])
            + "</ul></td></tr>"
            for c in task.rubric.criteria
        )
        parts.append(f"<h3>{escape(w('criteria', lang))}</h3><table>{rows}</table>")
    model = task.rubric.model_answer or w("no_model_answer", lang)
    parts.append(
        f'<h3>{escape(w("model_answer", lang))}</h3><div class="model">{escape(model)}</div>'
    )
    heads = [c.name for c in task.rubric.criteria]
    heads.append(w("col_score", lang, points=num(task.points)))
    for i, answer in enumerate(entry.answers, start=1):
        score = "" if answer.manual_score is None else num(answer.manual_score)
        boxes = "".join("<td></td>" for _ in task.rubric.criteria)
        boxes += f'<td class="filled">{escape(score)}</td>'
        text = answer.text or w("no_answer", lang)
        parts.append(
            '<div class="person">'
            f"<h3>{i}. {escape(answer.name)} <small>({escape(answer.student)})</small></h3>"
            f'<div class="answer">{escape(text)}</div>'
            '<table class="boxes"><tr>'
            + "".join(f"<th>{escape(h)}</th>" for h in heads)
            + f"<th>{escape(w('col_comment', lang))}</th></tr><tr>{boxes}"
            f'<td class="comment">{escape(answer.comment)}</td></tr></table></div>'
        )
    parts.append("</section>")
    return "\n".join(parts)


def sheet_html(module: str, tasks: Sequence[TaskAnswers], lang: str) -> str:
    """The whole printable page."""
    title = w("page_title", lang, module=module)
    body = "\n".join(_task(entry, lang) for entry in tasks)
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><h1>{escape(title)}</h1>\n{body}\n</body></html>\n"
    )
