"""Public names for ``nbgrader_config.py`` and nbgrader's command line::

    from clientlearn.nbgrader_plugins import configure
    configure(c)

    nbgrader export --exporter clientlearn.nbgrader_plugins.ResultsExporter
    nbgrader zip_collect M \
        --ZipCollectApp.collector_plugin=clientlearn.nbgrader_plugins.MoodleCollector

The preprocessors live in :mod:`clientlearn.grader.plugins`, the Moodle collector in
:mod:`clientlearn.grader.collect`, the results exporter in :mod:`clientlearn.trainer.export`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clientlearn.grader.plugins import (
    HarvestAnswers,
    PublishBank,
    RestoreAnswers,
    ScoreDeletedCells,
    configure,
)

if TYPE_CHECKING:
    from clientlearn.grader.collect import MoodleCollector
    from clientlearn.trainer.export import ResultsExporter


def __getattr__(name: str) -> Any:
    # Both subclass nbgrader classes; built on first use like the rest of nbgrader's side.
    if name == "MoodleCollector":
        from clientlearn.grader.collect import MoodleCollector

        return MoodleCollector
    if name == "ResultsExporter":
        from clientlearn.trainer import export

        return export.ResultsExporter
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "HarvestAnswers",
    "MoodleCollector",
    "PublishBank",
    "RestoreAnswers",
    "ResultsExporter",
    "ScoreDeletedCells",
    "configure",
]
