"""What a participant's kernel runs: the question model, banks, the answer store,
the quiz and its widgets, nbgrader test-cell helpers, self-assessment instruments
and group forms.

May import: :mod:`clientlearn.core`. Never nbgrader or pandas: this is what a
notebook imports, in JupyterLab and under nbgrader's grading kernels.
"""
