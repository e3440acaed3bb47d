"""Self-assessment in the participant's notebook: instruments as data
(:mod:`.instruments`, :mod:`.model`), scoring and interpretation, the chart, the view
and the test-cell helpers. The public names are in :mod:`clientlearn.selfassess`."""
