"""nbgrader's side: the preprocessors wired through ``nbgrader_config.py``, the
parallel autograde, integrity checks (tampering), feedback, the Moodle collector, an
nbgrader course folder driven through nbgrader's command line, and the trainer's
release, collect (intake) and feedback steps.

May import: :mod:`clientlearn.runtime` and :mod:`clientlearn.core`.
"""
