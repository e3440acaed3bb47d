"""The class report: reading a course (:mod:`.inputs`), its statistics
(:mod:`.statistics`), what needs the trainer's attention (:mod:`.flags`), the words
in uk and en (:mod:`.words`) and the HTML page (:mod:`.page`)."""
