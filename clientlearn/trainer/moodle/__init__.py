"""Moodle's world: question banks to and from Moodle XML and GIFT.

* :mod:`.exporter` turns a clientlearn bank into Moodle questions (:mod:`.records`),
  which :mod:`.xmlformat` writes as Moodle XML and :mod:`.gift` as GIFT;
* :mod:`.xmlformat` and :mod:`.gift` also read those formats back into the same
  records, and :mod:`.importer` makes a checked clientlearn bank of them;
* what a format cannot carry is never dropped silently: it is a :class:`.notes.Note`
  (a warning in Ukrainian or English, naming the file, line and question) or an
  :class:`~clientlearn.core.errors.InputFileError` naming the line.

The grade export for Moodle's gradebook lives in :mod:`clientlearn.trainer.export`.
"""

from __future__ import annotations

from .exporter import FORMATS, export_bank
from .importer import import_bank
from .notes import Note

__all__ = ["FORMATS", "Note", "export_bank", "import_bank"]
