"""The foundation every other part stands on: the exception family, the uk/en
messages, atomic files, YAML with line numbers, CSV/XLSX tables (read as Excel writes
them, written as Excel reads them) and the one vocabulary of their headers, text
normalising, transliteration, progress and the check cache.

May import: nothing of clientlearn outside ``core``.
"""
