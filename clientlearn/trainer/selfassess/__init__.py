"""The class's self-assessments for the trainer: reading the answers files
(:mod:`.classdata`), distributions and the before/after sign test (:mod:`.summary`,
:mod:`.stats`), charts and files (:mod:`.classchart`, :mod:`.export`)."""
