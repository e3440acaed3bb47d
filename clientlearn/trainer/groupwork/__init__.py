"""The class's group work for the trainer: group answers, the Borda consensus of the
service algorithm, observer rubrics per participant (:mod:`.summary`,
:mod:`.consensus`), and their charts and files (:mod:`.charts`, :mod:`.export`)."""
