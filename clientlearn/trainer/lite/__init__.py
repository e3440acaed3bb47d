"""The JupyterLite edition: both released modules as a static site whose Python kernel
(Pyodide) runs in the participant's browser, so nothing is installed on their computer.

:mod:`.build` assembles the site (``clientlearn lite build``), :mod:`.runtime` brings
Pyodide's core from the ``pyodide`` npm package and the pure-Python wheels the kernel
installs, :mod:`.wheel` makes clientlearn's own wheel with its banks checked beforehand,
:mod:`.serve` serves a built site (``clientlearn lite serve``).

May import: :mod:`clientlearn.grader`, :mod:`clientlearn.runtime`, :mod:`clientlearn.core`.
"""
