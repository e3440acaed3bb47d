"""Start a process without the IRI grammars no schema of ours uses.

nbformat and jupyter-events validate with jsonschema, whose format checker imports
``rfc3987_syntax`` when it is installed (jupyter-events asks for
``jsonschema[format-nongpl]``) to check the "iri" formats.  That import builds Lark
grammars: about 1.8 s of CPU in every process that imports nbformat, for formats no
Jupyter, nbgrader or clientlearn schema uses (upstream: python-jsonschema/jsonschema
issue 1428).  The processes clientlearn starts for grading call this first; jsonschema
then simply leaves the "iri" formats unchecked, as it does where the package is absent.
"""

from __future__ import annotations

import sys

__all__ = ["leave_out_iri_grammars"]


def leave_out_iri_grammars() -> None:
    """Make this process's later ``import rfc3987_syntax`` fail fast (an ImportError that
    jsonschema expects); no effect once it is imported."""
    # None in sys.modules is Python's documented way to make an import fail.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
