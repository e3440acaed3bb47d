"""clientlearn's nbgrader preprocessors, wired through ``nbgrader_config.py``.

* :class:`PublishBank` (``generate_assignment``): the released folder gets the
  participants' copy of each question bank, without graded keys.
* :class:`HarvestAnswers` (autograde, sanitize step, before ``ClearOutput``): reads
  the answers a notebook carries in its outputs, before nbgrader clears them.
* :class:`RestoreAnswers` (autograde, before ``Execute``): merges those answers into
  the answers file beside the notebook, keeping the newer record of each question,
  so a lone ``.ipynb`` grades the same as a whole folder.
* :class:`ScoreDeletedCells` (autograde, after ``SaveAutoGrades``): a grade cell deleted
  from the submission scores 0 instead of waiting for a manual grade that cannot be given.
* ``generate_feedback`` runs :mod:`clientlearn.grader.feedback` (explanations, no hidden
  tests, the participants' copy of the bank); ``zip_collect`` reads Moodle's names
  with :class:`clientlearn.grader.collect.MoodleCollector`.

Call :func:`configure` from ``nbgrader_config.py``; it assigns nbgrader's lists in
full, because nbgrader loads that file twice and an ``.append`` would apply twice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    ClearHiddenTests,
    ClearMarkScheme,
    ClearOutput,
    ClearSolutions,
    ComputeChecksums,
    DeduplicateIds,
    Execute,
    IgnorePattern,
    IncludeHeaderFooter,
    InstantiateTests,
    LimitOutput,
    LockCells,
    NbGraderPreprocessor,
    OverwriteCells,
    OverwriteKernelspec,
    SaveAutoGrades,
    SaveCells,
)
from traitlets import List, Unicode

from clientlearn.core.errors import ClientlearnError
from clientlearn.runtime.bank import public_yaml
from clientlearn.runtime.store import ANSWERS_FILE, AnswerStore, Record, records_from_notebook

from .feedback import FEEDBACK
from .feedback_labels import configure_template
from .formgrade_page import configure_formgrade
from .integrity import NOTICE
from .journey_messages import MESSAGES

_META = "clientlearn"
# What a participant sees in place of the rubric of a manually graded answer; an answer
# still equal to it was left blank.
ANSWER_STUB = "Напишіть свою відповідь тут. / Write your answer here."


class PublishBank(NbGraderPreprocessor):  # type: ignore[misc]
    """Write the participants' copy of each question bank into the release."""

    bank_files = List(
        Unicode(),
        default_value=["questions.yaml"],
        help="Question-bank files (relative to the assignment folder) to publish without keys.",
    ).tag(config=True)

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        folder = Path(resources["metadata"]["path"])
        if (folder / ANSWERS_FILE).exists():
            # It would be released to everyone and overwrite their answers at autograde.
            raise ClientlearnError.said(
                MESSAGES, "answers_in_source_plugin", path=folder / ANSWERS_FILE
            )
        outputs = resources.setdefault("outputs", {})
        for name in self.bank_files:
            source = folder / name
            if source.is_file():
                text = public_yaml(source.read_text(encoding="utf-8"), str(source))
                # nbconvert's FilesWriter writes resources["outputs"] into the
                # release folder, over the instructor's copy nbgrader put there.
                outputs[name] = text.encode("utf-8")
                self.log.info("Publishing %s without graded keys", name)
        return nb, resources


class HarvestAnswers(NbGraderPreprocessor):  # type: ignore[misc]
    """Keep the answers carried in the notebook's outputs before they are cleared."""

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        records = records_from_notebook(nb)
        meta = nb.metadata.setdefault(_META, {})
        meta["harvested"] = {qid: rec.to_json() for qid, rec in records.items()}
        if records:
            self.log.info("Found %d answers in the notebook's outputs", len(records))
        return nb, resources


class RestoreAnswers(NbGraderPreprocessor):  # type: ignore[misc]
    """Merge harvested answers into the answers file before the notebook runs."""

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        meta = nb.metadata.get(_META, {})
        harvested = meta.pop("harvested", None) or {}
        if not meta:
            nb.metadata.pop(_META, None)
        records = {}
        for qid, data in harvested.items():
            try:
                records[qid] = Record.from_json(data)
            except (ValueError, TypeError):
                self.log.warning("Skipping a damaged answer record for %s", qid)
        store = AnswerStore(resources["metadata"]["path"])
        store.merge(records)
        for notice in store.notices:  # a damaged answers file was set aside
            self.log.warning("%s%s", NOTICE, notice)
        return nb, resources


class ScoreDeletedCells(NbGraderPreprocessor):  # type: ignore[misc]
    """A grade cell deleted from the submitted notebook scores 0, settled.

    nbgrader 0.9 leaves such a grade with no score and "needs manual grading", which the
    formgrader cannot resolve: it has no cell to show.  This does for the cell what
    nbgrader does for a missing notebook (0 points, nothing left to grade), unless a
    grader has already scored it, and says so in the log."""

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        from nbgrader.api import Gradebook

        info = resources["nbgrader"]
        present = {cell.metadata.get("nbgrader", {}).get("grade_id") for cell in nb.cells}
        with Gradebook(info["db_url"]) as gb:
            notebook = gb.find_submission_notebook(
                info["notebook"], info["assignment"], info["student"]
            )
            for grade in notebook.grades:
                if grade.name in present or grade.manual_score is not None:
                    continue
                grade.auto_score = 0.0
                grade.needs_manual_grade = False
                self.log.warning(
                    "%s%s.ipynb: the graded cell %s was deleted from the submission; it scores 0",
                    NOTICE, info["notebook"], grade.name,
                )  # fmt: skip
            gb.db.commit()
        return nb, resources


GENERATE_ASSIGNMENT = [
    IncludeHeaderFooter,
    InstantiateTests,
    LockCells,
    ClearSolutions,
    ClearOutput,
    CheckCellMetadata,
    ComputeChecksums,
    SaveCells,
    ClearHiddenTests,
    ClearMarkScheme,
    ComputeChecksums,
    CheckCellMetadata,
    PublishBank,
]
SANITIZE = [
    HarvestAnswers,
    ClearOutput,
    DeduplicateIds,
    OverwriteKernelspec,
    OverwriteCells,
    CheckCellMetadata,
]
AUTOGRADE = [
    RestoreAnswers,
    Execute,
    IgnorePattern,
    ClearMetadataPreprocessor,
    LimitOutput,
    SaveAutoGrades,
    ScoreDeletedCells,
    AssignLatePenalties,
    CheckCellMetadata,
]


def configure(c: Any) -> None:
    """Wire clientlearn into an nbgrader config object (``c = get_config()``)."""
    c.GenerateAssignment.preprocessors = list(GENERATE_ASSIGNMENT)
    c.Autograde.sanitize_preprocessors = list(SANITIZE)
    c.Autograde.autograde_preprocessors = list(AUTOGRADE)
    # Feedback explains each answer and never shows hidden tests or a keyed bank.
    c.GenerateFeedback.preprocessors = list(FEEDBACK)
    # ...on clientlearn's copy of nbgrader's template: its labels in the participant's language.
    configure_template(c)
    # The formgrader's grading page loads MathJax from this server, not from a CDN.
    configure_formgrade(c)
    # LMS downloads: Moodle's "Download all submissions" names, matched via roster.csv.
    c.ZipCollectApp.collector_plugin = "clientlearn.nbgrader_plugins.MoodleCollector"
    # The answers lock is a detail of the participant's folder, not part of a submission.
    c.CourseDirectory.ignore = [
        ".ipynb_checkpoints",
        "*.pyc",
        "__pycache__",
        "feedback",
        ".clientlearn.answers.lock",
    ]
    c.ClearSolutions.text_stub = ANSWER_STUB
    # nbgrader's 30 s per cell is tight for a first kernel start on a slow laptop.
    c.Execute.timeout = 120
    # Widget state is useless in a graded copy and makes each notebook ~200 KB larger.
    c.Execute.store_widget_state = False
    # Stop the grading kernel at once when its notebook has run (every output is in by
    # then).  A polite shutdown costs 0.1 s, and in about one kernel in six ipykernel 7
    # hangs in it (its control thread flushes output after the I/O thread has stopped)
    # until jupyter_client sends SIGTERM 2.5 s later: ~0.6 s per notebook on average.
    c.Execute.shutdown_kernel = "immediate"
    # No IPython history in a grading kernel: nobody reads it, and keeping it (an SQLite
    # database in memory, written by a thread after every cell) is about a third of the
    # kernel's CPU time for a cell that does nothing (benchmarks/RESULTS.md, section 2).
    c.Execute.extra_arguments = ["--HistoryManager.enabled=False"]
