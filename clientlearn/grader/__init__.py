"""nbgrader's side: the preprocessors wired through ``nbgrader_config.py``, the
parallel autograde, integrity checks (tampering), feedback, the Moodle collector and
an nbgrader course folder driven through nbgrader's command line.

May import: :mod:`clientlearn.runtime` and :mod:`clientlearn.core`.
"""
