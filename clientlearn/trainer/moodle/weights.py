"""The grades Moodle allows an answer of a choice question.

Moodle's multiple-choice editor offers only these percentages (and their negatives);
an imported file with another value is refused by its form, so an export maps
clientlearn's exact share to the nearest allowed one and says so.
"""

from __future__ import annotations

# As Moodle's question_bank::fraction_options_full() lists them, in percent.
ALLOWED_PERCENTS = (
    "100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333",
    "30", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5", "0",
)  # fmt: skip


def nearest_percent(fraction: float) -> tuple[str, bool]:
    """The allowed percentage nearest to ``fraction`` (−1..1), as Moodle writes it, and
    whether it is exact (within Moodle's own rounding to five decimals)."""
    sign = "-" if fraction < 0 else ""
    wanted = abs(fraction) * 100
    best = min(ALLOWED_PERCENTS, key=lambda p: abs(float(p) - wanted))
    exact = abs(float(best) - wanted) < 1e-4
    return (sign + best if best != "0" else "0"), exact
