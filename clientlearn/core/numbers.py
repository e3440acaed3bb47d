"""Numbers as people write them, the one way clientlearn prints a number to a person.

Rounded half up (2,45 → 2,5, as a teacher rounds; Python's ``round`` and ``format``
round half to even on binary floats), a decimal comma in Ukrainian, a true minus sign
(−), never "−0".  ``digits`` fixes the decimals shown; without it, at most two are
shown and trailing zeros dropped (3, 2,5, 0,25).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

__all__ = ["format_number", "round_half_up"]


def round_half_up(value: float, decimals: int = 0) -> Decimal:
    """``value`` rounded as people round (2.5 → 3), unlike Python's ``round``."""
    step = Decimal(1).scaleb(-decimals)
    # float() first: repr of a numpy float is "np.float64(…)", not a number.
    return Decimal(repr(float(value))).quantize(step, rounding=ROUND_HALF_UP)


def format_number(value: float, lang: str, *, digits: int | None = None, sign: bool = False) -> str:
    """``value`` for a person reading ``lang`` (see the module docstring)."""
    rounded = round_half_up(value, 2 if digits is None else digits)
    if rounded.is_zero():
        rounded = rounded.copy_abs()  # "0,0", never "−0,0"
    text = f"{rounded:+f}" if sign else f"{rounded:f}"
    if digits is None and "." in text:
        text = text.rstrip("0").rstrip(".")
    if lang == "uk":
        text = text.replace(".", ",")
    return text.replace("-", "−")
