"""``python -m clientlearn.grader.nbgrader_main ARGS``: ``nbgrader ARGS`` itself, started
without the grammars nbformat's validator never uses
(:mod:`clientlearn.core.formatgrammars`).  clientlearn's nbgrader steps run this."""

from __future__ import annotations

import runpy
import sys

from clientlearn.core.formatgrammars import leave_out_iri_grammars

__all__ = ["NBGRADER"]

# The command line of one nbgrader step, with this very Python.
NBGRADER = (sys.executable, "-m", "clientlearn.grader.nbgrader_main")

if __name__ == "__main__":
    leave_out_iri_grammars()
    runpy.run_module("nbgrader", run_name="__main__", alter_sys=True)
