"""The trainer's side: roster, groups and the role-play rotation, lessons built into
notebooks, the class report, grade exports, certificates, the handbook, and the demo
with its simulated class.

May import: :mod:`clientlearn.grader`, :mod:`clientlearn.runtime`, :mod:`clientlearn.core`.
"""
