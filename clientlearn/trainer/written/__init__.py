"""The written tasks graded by hand: a grading sheet out, scores and comments in.

* :mod:`.rubric`: a task's criteria, levels and model answer from the instructor's cell;
* :mod:`.model`: a module's written tasks and every participant's answer and grade;
* :mod:`.workbook`: the sheet as an Excel workbook, with what the export saw;
* :mod:`.printable`: the same sheet as a page to print;
* :mod:`.export` and :mod:`.importer`: ``clientlearn written export`` and ``import``;
* :mod:`.words`: what they say, in Ukrainian and English.
"""

from __future__ import annotations

from .export import Exported, export_sheet
from .importer import Imported, import_sheet

__all__ = ["Exported", "Imported", "export_sheet", "import_sheet"]
