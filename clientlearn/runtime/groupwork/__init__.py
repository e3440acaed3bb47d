"""Group work in the participant's notebook: the exercise timer, a group's shared
answer, the observer's rubric form, and the groups file they read. The public names
are in :mod:`clientlearn.groupwork`."""
