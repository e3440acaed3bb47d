"""The ``clientlearn`` command: parses, delegates to the library, prints.

May import every other part; nothing imports it. The group and its error handling are
in :mod:`.main`, each command family in a module of its own.
"""

from __future__ import annotations

from .main import cli, main

__all__ = ["cli", "main"]
