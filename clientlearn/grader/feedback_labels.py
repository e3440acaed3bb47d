"""The feedback page in the participant's language, not nbgrader's English.

nbgrader's feedback template writes "Score:", "Student's answer", "Comments:", "Test
cell" and so on, and autograde leaves the comment "No response." on an answer cell left
blank.  :func:`configure_template` points nbgrader's ``HTMLExporter`` at clientlearn's
copy of that template (``templates/clientlearn_feedback``), whose labels come from
``resources["clientlearn_labels"]``; :class:`LabelFeedback` (right after nbgrader's
``GetGrades``) fills them in the bank's language, names each test cell by its
question's title and words nbgrader's automatic comments in that language too.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from clientlearn.core.i18n import translate
from clientlearn.runtime.questions import pick

from .feedbackstep import FeedbackStep

__all__ = ["LABELS", "TEMPLATE_DIR", "TEMPLATE_NAME", "LabelFeedback", "configure_template"]

TEMPLATE_DIR = Path(__file__).parent / "templates"
TEMPLATE_NAME = "clientlearn_feedback"

LABELS: dict[str, dict[str, str]] = {
    "score": {"uk": "Бали", "en": "Score"},
    "top": {"uk": "угору", "en": "top"},
    "answer": {"uk": "Ваша відповідь", "en": "Your answer"},
    "task": {"uk": "Завдання", "en": "Task"},
    "test_cell": {"uk": "Питання", "en": "Question"},
    "coding": {"uk": "Відповідь кодом", "en": "Code answer"},
    "written": {"uk": "Письмова відповідь", "en": "Written answer"},
    "comment": {"uk": "Коментар", "en": "Comment"},
    "comments": {"uk": "Коментар тренера", "en": "Trainer's comment"},
    "late": {"uk": "Штраф за запізнення", "en": "Late submission penalty"},
    "lang": {"uk": "uk", "en": "en"},
    # nbgrader's automatic comments (preprocessors/saveautogrades.py).
    "No response.": {"uk": "Відповіді немає.", "en": "No response."},
}
_TEST_CELL = re.compile(r"^(.+)-score$")


def configure_template(c: Any) -> None:
    """Make nbgrader's ``generate_feedback`` render with clientlearn's template.

    Only for the exporter ``GenerateFeedback`` makes (traitlets' config by parent): the
    formgrader renders with an ``HTMLExporter`` too, and a class-wide setting would
    override the template of its manual-grading page."""
    import nbgrader

    nbgrader_templates = (
        Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates"
    )
    exporter = c.GenerateFeedback.HTMLExporter
    exporter.template_name = TEMPLATE_NAME
    exporter.extra_template_basedirs = [str(TEMPLATE_DIR), str(nbgrader_templates)]


class LabelFeedback(FeedbackStep):
    """The template's labels in the bank's language, a title for each question's test
    cell and nbgrader's automatic comments translated."""

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        bank = self.bank(nb, resources)
        lang = self.lang(nb, resources)
        resources["clientlearn_labels"] = {
            key: translate(LABELS, key, lang) for key in LABELS if " " not in key
        }
        titles = {}
        for q in bank or ():
            titles[re.sub(r"[^A-Za-z0-9_-]", "_", q.id)] = pick(q.title or q.text, lang)
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader")
            if not meta:
                continue
            if (comment := meta.get("comment")) in LABELS:
                meta["comment"] = translate(LABELS, comment, lang)
            found = _TEST_CELL.match(str(meta.get("grade_id", "")))
            if found and found.group(1) in titles:
                meta["clientlearn_title"] = titles[found.group(1)]
        return nb, resources
