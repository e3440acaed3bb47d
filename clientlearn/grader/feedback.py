"""Feedback that teaches and never gives away a key: preprocessors for ``generate_feedback``.

nbgrader's feedback HTML shows every test cell's source, hidden tests included, and
the tracebacks of failed tests (nbgrader issues #917, #1363); it also copies the
instructor's question bank, keys and all, from ``autograded/`` into ``feedback/``.
These steps run between nbgrader's ``GetGrades`` and ``CSSHTMLHeaderPreprocessor``:

* :class:`StripHiddenTests` removes every ``### BEGIN HIDDEN TESTS`` …
  ``### END HIDDEN TESTS`` region (and mark schemes) from every cell, replaces each
  error output by one short line in the participant's language, and hides any
  output that quotes a hidden line;
* :class:`ExplainAnswers` shows under each question (``quiz.ask("ID")``) what the
  participant answered, the points the gradebook gave and the question's
  explanation from the instructor's bank;
* :class:`PublishFeedbackBank` puts the participants' copy of the bank (no keys)
  into ``feedback/<student>/<assignment>/`` in place of the instructor's.

What a participant may see after grading: their own answers, their points, and the
explanations the author wrote, which may name the right answer (that is what they
are for).  What they never see: a hidden test's source, an ending's score, a bank
with keys, or the right answer itself listed next to theirs.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path
from typing import Any

import nbformat
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import GetGrades
from traitlets import List, Unicode

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.i18n import LANGUAGES
from clientlearn.runtime.answertext import MESSAGES, decimal, describe_answer, label, message
from clientlearn.runtime.bank import public_yaml
from clientlearn.runtime.questions import (
    Question,
    pick,
)
from clientlearn.runtime.store import ANSWERS_FILE, Record, decode
from clientlearn.runtime.testcells import grade_id

from .feedback_labels import LabelFeedback
from .feedbackstep import FeedbackStep

__all__ = [
    "FEEDBACK",
    "MESSAGES",
    "ExplainAnswers",
    "FeedbackStep",
    "PublishFeedbackBank",
    "StripHiddenTests",
    "describe_answer",
    "explanation_html",
]

_ASK = re.compile(r"""^\s*\w+\.ask\(\s*["']([^"']+)["']""", re.MULTILINE)


# clientlearn's own "not answered yet" errors (grading.Unanswered and the
# self-assessments' Incomplete) and what replaces them; their message tells a
# participant to go back and answer, which is no use once the work is graded.
_EXPECTED_ERRORS = {"Unanswered": "unanswered", "Incomplete": "incomplete"}


def _output(output_type: str, **fields: Any) -> Any:
    # nbformat's NotebookNode: nbconvert's templates read outputs as attributes.
    return nbformat.v4.new_output(output_type, **fields)  # type: ignore[no-untyped-call]


def _note(text: str) -> Any:
    """An output holding one plain line (what replaces a traceback or a hidden output)."""
    return _output("stream", name="stdout", text=text + "\n")


def _output_texts(output: Any) -> list[str]:
    texts: list[str] = []
    if "text" in output:
        texts.append(str(output["text"]))
    for value in output.get("data", {}).values():
        texts.append(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
    return texts


class StripHiddenTests(FeedbackStep):
    """Remove hidden tests and mark schemes from every cell, and tracebacks from outputs.

    A region runs from the line holding ``### BEGIN <region>`` to the line holding
    ``### END <region>``, both included; a region left open runs to the end of the
    cell, so a typo hides too much rather than too little.  Every error output (in
    any cell: a traceback quotes the source of every frame, and a frame may be a
    hidden test's function) becomes one line: "no answer" for clientlearn's
    ``Unanswered`` (and ``Incomplete``), the error's class name otherwise.  An
    output that repeats a hidden line is hidden too.
    """

    regions = List(
        Unicode(),
        default_value=["HIDDEN TESTS", "MARK SCHEME"],
        help="Names of delimited regions to remove: '### BEGIN <name>' … '### END <name>'.",
    ).tag(config=True)

    def remove_regions(self, source: str) -> tuple[str, list[str]]:
        """``source`` without its regions, and the removed lines."""
        kept: list[str] = []
        removed: list[str] = []
        inside: str | None = None
        for line in source.split("\n"):
            if inside is None:
                inside = next((r for r in self.regions if f"BEGIN {r}" in line), None)
                (removed if inside else kept).append(line)
            else:
                removed.append(line)
                if f"END {inside}" in line:
                    inside = None
        return "\n".join(kept).rstrip("\n"), removed

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        hidden: set[str] = set()
        for cell in nb.cells:
            source, removed = self.remove_regions(cell.source)
            if removed:
                cell.source = source
                hidden.update(line.strip() for line in removed if line.strip())
        lang = self.lang(nb, resources)
        replaced = 0
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            outputs = []
            for output in cell.outputs:
                if output["output_type"] == "error":
                    expected = _EXPECTED_ERRORS.get(str(output.get("ename")))
                    if expected:
                        outputs.append(_note(message(expected, lang)))
                    else:
                        error = str(output.get("ename", "Error"))
                        outputs.append(_note(message("check_failed", lang, error=error)))
                    replaced += 1
                elif any(line in text for text in _output_texts(output) for line in hidden):
                    outputs.append(_note(message("output_hidden", lang)))
                    replaced += 1
                else:
                    outputs.append(output)
            cell.outputs = outputs
        if hidden or replaced:
            self.log.info("Feedback: hid %d test lines and %d outputs", len(hidden), replaced)
        return nb, resources


def explanation_html(
    question: Question,
    record: Record | None,
    lang: str,
    *,
    earned: float | None,
    points: float | None,
) -> str:
    """The block shown under a question in the feedback; every text is escaped."""
    value = record.value if record is not None else None
    lines, ordered = describe_answer(question, value, lang)
    if len(lines) == 1:
        answer = f"<span>{escape(lines[0])}</span>"
    else:
        tag = "ol" if ordered else "ul"
        items = "".join(f"<li>{escape(line)}</li>" for line in lines)
        answer = f"<{tag} style='margin:0.2em 0'>{items}</{tag}>"
    title = pick(question.title, lang)
    parts = [
        f"<div class='clientlearn-feedback' lang='{escape(lang)}' "
        "style='border-left:4px solid #2a6f97;background:#f4f8fb;padding:0.5em 1em;"
        "margin:0.3em 0'>",
    ]
    if title:
        parts.append(f"<p style='margin:0 0 0.3em'><strong>{escape(title)}</strong></p>")
    parts.append(f"<p style='margin:0 0 0.3em'>{escape(pick(question.text, lang))}</p>")
    parts.append(f"<div><strong>{escape(label('your_answer', lang))}:</strong> {answer}</div>")
    if earned is not None and points:
        score = message(
            "points_value", lang, earned=decimal(earned, lang), points=decimal(points, lang)
        )
        parts.append(
            f"<div><strong>{escape(label('points', lang))}:</strong> {escape(score)}</div>"
        )
    explanation = pick(question.explanation, lang)
    if explanation:
        parts.append(
            f"<div style='margin-top:0.3em'><strong>{escape(label('explanation', lang))}:"
            f"</strong> {escape(explanation)}</div>"
        )
    parts.append("</div>")
    return "".join(parts)


def _plain(question: Question, record: Record | None, lang: str, score: str | None) -> str:
    lines, _ = describe_answer(question, record.value if record else None, lang)
    out = [pick(question.text, lang), f"{label('your_answer', lang)}: " + "; ".join(lines)]
    if score:
        out.append(f"{label('points', lang)}: {score}")
    if explanation := pick(question.explanation, lang):
        out.append(f"{label('explanation', lang)}: {explanation}")
    return "\n".join(out)


class ExplainAnswers(FeedbackStep):
    """Under each question, the participant's answer, the points and the explanation.

    The points are those of the question's test cell as nbgrader's ``GetGrades`` put
    them in the cell (so a grader's manual change shows); without them they are
    recomputed with the instructor's bank.  The answers file is read, not opened
    through :class:`~clientlearn.runtime.store.AnswerStore`: a damaged file must not be
    moved aside inside ``autograded/`` by a step that only reports.
    """

    def answers(self, resources: dict[str, Any]) -> dict[str, Record] | None:
        """The saved answers; None (logged) if the file cannot be read."""
        path = Path(resources["metadata"]["path"]) / ANSWERS_FILE
        try:
            return decode(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as err:  # UnicodeDecodeError is a ValueError
            self.log.warning("%s cannot be read for feedback: %s", path, err)
            return None

    def graded_points(self, nb: Any, qid: str) -> tuple[float, float] | None:
        """(earned, out of) of the test cell scoring ``qid``, as the gradebook has them."""
        wanted = grade_id(qid, "score")
        call = re.compile(r"""\brequire_answer\(\s*["']""" + re.escape(qid) + "[\"']")
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if not meta.get("grade") or meta.get("score") is None:
                continue
            if meta.get("grade_id") == wanted or call.search(cell.source):
                return float(meta["score"]), float(meta.get("points", 0))
        return None

    def recompute(self, question: Question, record: Record | None) -> float:
        """Points from the bank, as the test cell computes them (0 for a bad answer)."""
        if record is None:
            return 0.0
        try:
            return question.score(record.value)
        except ClientlearnError as err:
            self.log.warning("%s: %s", question.id, err)
            return 0.0

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        bank = self.bank(nb, resources)
        if bank is None:
            self.log.warning("No question bank in %s: no explanations", resources["metadata"])
            return nb, resources
        lang = bank.lang if bank.lang in LANGUAGES else "uk"
        records = self.answers(resources)
        shown = 0
        for cell in nb.cells:
            match = _ASK.search(cell.source) if cell.cell_type == "code" else None
            if match is None or match.group(1) not in bank.questions:
                continue
            question = bank[match.group(1)]
            if records is None:
                cell.outputs = [_note(message("answers_unreadable", lang))]
                continue
            record = records.get(question.id)
            graded = self.graded_points(nb, question.id)
            if graded is not None:
                earned, points = graded
            elif question.points > 0:
                earned = self.recompute(question, record)
                points = question.points
            else:
                earned, points = 0.0, 0.0
            score = None
            if points:
                score = message(
                    "points_value", lang, earned=decimal(earned, lang), points=decimal(points, lang)
                )
            html = explanation_html(question, record, lang, earned=earned, points=points)
            # The widget cannot render in a static page, and its saved-answer line
            # means nothing there: the block replaces both.
            data = {"text/html": html, "text/plain": _plain(question, record, lang, score)}
            cell.outputs = [_output("display_data", data=data)]
            shown += 1
        self.log.info("Feedback: explained %d questions", shown)
        return nb, resources


class PublishFeedbackBank(FeedbackStep):
    """Put the participants' copy of each bank into the feedback folder.

    nbgrader copies every non-notebook file of ``autograded/<student>/<assignment>/``
    into ``feedback/…`` before it converts the notebooks, the instructor's bank
    included.  Like :class:`~clientlearn.grader.plugins.PublishBank`, this step
    hands the keyless copy to nbconvert's ``FilesWriter`` through
    ``resources["outputs"]``; it first deletes the instructor's copy, because that
    copy keeps autograde's read-only mode (444) and the writer could not open it
    for writing unless it runs as root.
    """

    bank_files = List(
        Unicode(),
        default_value=["questions.yaml"],
        help="Question-bank files (relative to the assignment folder) to replace in the "
        "feedback folder by their copy without keys.",
    ).tag(config=True)

    def feedback_folder(self, resources: dict[str, Any]) -> Path | None:
        """``feedback/<student>/<assignment>`` of the running GenerateFeedback, if any."""
        converter = getattr(self.parent, "parent", None)
        coursedir = getattr(converter, "coursedir", None)
        if coursedir is None:
            return None
        info = resources["nbgrader"]
        folder = coursedir.format_path(
            coursedir.feedback_directory, info["student"], info["assignment"]
        )
        return Path(folder)

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        folder = Path(resources["metadata"]["path"])
        dest = self.feedback_folder(resources)
        outputs = resources.setdefault("outputs", {})
        for name in self.bank_files:
            source = folder / name
            if not source.is_file():
                continue
            text = public_yaml(source.read_text(encoding="utf-8"), str(source))
            if dest is not None:
                (dest / name).unlink(missing_ok=True)
            outputs[name] = text.encode("utf-8")
            self.log.info("Feedback gets %s without graded keys", name)
        return nb, resources


FEEDBACK = [
    GetGrades,
    LabelFeedback,
    StripHiddenTests,
    ExplainAnswers,
    PublishFeedbackBank,
    CSSHTMLHeaderPreprocessor,
]
"""The full ``c.GenerateFeedback.preprocessors`` list (nbgrader's two steps kept)."""
