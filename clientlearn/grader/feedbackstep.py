"""What clientlearn's feedback steps share: the instructor's bank in the autograded
folder, and the participant's language (the bank's)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import List, Unicode

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.i18n import LANGUAGES
from clientlearn.runtime.bank import Bank, load_bank

__all__ = ["FeedbackStep"]

_QUIZ = re.compile(r"""\bQuiz\(\s*["']([^"']+)["']""")


class FeedbackStep(NbGraderPreprocessor):  # type: ignore[misc]
    """What the feedback steps share: the instructor's bank in the autograded folder."""

    # nbconvert's HTMLExporter configures NbConvertBase.display_data_priority; nbgrader's
    # base class redeclares it without the config tag, which makes traitlets warn for
    # every step.  nbgrader's GetGrades redeclares it the same way for the same reason.
    display_data_priority = List(
        [
            "text/html",
            "application/pdf",
            "text/latex",
            "image/svg+xml",
            "image/png",
            "image/jpeg",
            "text/plain",
        ],
        help="Output types in order of preference (nbconvert's setting; unused here).",
    ).tag(config=True)

    bank_file = Unicode(
        "questions.yaml",
        help="The question bank (relative to the assignment folder) used when the "
        'notebook does not name one in a Quiz("…") call.',
    ).tag(config=True)

    def bank_path(self, nb: Any, resources: dict[str, Any]) -> Path:
        folder = Path(resources["metadata"]["path"])
        for cell in nb.cells:
            if cell.cell_type == "code" and (match := _QUIZ.search(cell.source)):
                return folder / match.group(1)
        return folder / self.bank_file

    def bank(self, nb: Any, resources: dict[str, Any]) -> Bank | None:
        """The instructor's bank autograde used, or None (logged) if it cannot be read."""
        path = self.bank_path(nb, resources)
        if not path.is_file():
            return None
        try:
            return load_bank(path)
        except ClientlearnError as err:
            self.log.warning("Feedback without explanations: %s", err)
            return None

    def lang(self, nb: Any, resources: dict[str, Any]) -> str:
        bank = self.bank(nb, resources)
        return bank.lang if bank is not None and bank.lang in LANGUAGES else "uk"
