"""The self-assessment model: an instrument, its scale, dimensions, items and bands.

Plain frozen dataclasses, built by :mod:`clientlearn.runtime.selfassess.instruments` from a
checked YAML file.  No I/O here.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from clientlearn.core.errors import ClientlearnError
from clientlearn.core.numbers import round_half_up
from clientlearn.runtime.questions import LocalText

from .messages import MESSAGES

RECORD_PREFIX = "selfassess"


class Kind(enum.StrEnum):
    INDEX = "index"
    MODES = "modes"
    CONFIDENCE = "confidence"


@dataclass(frozen=True)
class Scale:
    min: int
    max: int
    labels: tuple[LocalText, ...] = ()

    def contains(self, value: object) -> bool:
        """Whether ``value`` is a rating on this scale (an int, not a bool)."""
        return (
            isinstance(value, int) and not isinstance(value, bool) and self.min <= value <= self.max
        )


@dataclass(frozen=True)
class Axis:
    id: str
    title: LocalText


@dataclass(frozen=True)
class Dimension:
    id: str
    title: LocalText
    text: LocalText | None = None
    fits: LocalText | None = None
    risk: LocalText | None = None
    position: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Item:
    id: str
    dimension: str
    text: LocalText
    short: LocalText | None = None
    reverse: bool = False


@dataclass(frozen=True)
class Band:
    min: float
    max: float
    title: LocalText
    text: LocalText


@dataclass(frozen=True)
class Phase:
    id: str
    title: LocalText


@dataclass(frozen=True)
class Instrument:
    """A loaded, checked instrument."""

    id: str
    kind: Kind
    title: LocalText
    description: LocalText
    scale: Scale
    dimensions: tuple[Dimension, ...]
    items: tuple[Item, ...]
    bands: tuple[Band, ...]
    instructions: LocalText | None = None
    axes: tuple[Axis, ...] = ()
    phases: tuple[Phase, ...] = ()
    band_decimals: int = 0
    min_share: float = 0.8
    per_dimension: int = 1
    version: int = 1
    path: Path | None = None

    def record_id(self, phase: str | None = None) -> str:
        """The answer-store id: ``selfassess.<id>`` or ``selfassess.<id>.<phase>``."""
        if self.phases:
            ids = [p.id for p in self.phases]
            if phase not in ids:
                if phase is None:
                    raise ClientlearnError.said(
                        MESSAGES, "phase_needed", instrument=self.id, phases=ids
                    )
                raise ClientlearnError.said(
                    MESSAGES, "phase_unknown", instrument=self.id, phases=ids, phase=repr(phase)
                )
            return f"{RECORD_PREFIX}.{self.id}.{phase}"
        if phase is not None:
            raise ClientlearnError.said(MESSAGES, "no_phases", instrument=self.id)
        return f"{RECORD_PREFIX}.{self.id}"

    def phase(self, phase_id: str) -> Phase:
        return next(p for p in self.phases if p.id == phase_id)

    def dimension(self, dim_id: str) -> Dimension:
        return next(d for d in self.dimensions if d.id == dim_id)

    def items_of(self, dim_id: str) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.dimension == dim_id)

    @property
    def band_range(self) -> tuple[float, float]:
        """The range of the score the bands interpret."""
        return (0.0, 100.0) if self.kind is Kind.INDEX else (self.scale.min, self.scale.max)

    def band_for(self, value: float) -> Band:
        """The band of ``value``, rounded half up to ``band_decimals`` first."""
        rounded = float(round_half_up(value, self.band_decimals))
        for band in self.bands:
            if band.min <= rounded <= band.max:
                return band
        # The loader checks the bands cover the range; a value outside it is clamped.
        return self.bands[0] if rounded < self.bands[0].min else self.bands[-1]


__all__ = [
    "RECORD_PREFIX",
    "Axis",
    "Band",
    "Dimension",
    "Instrument",
    "Item",
    "Kind",
    "Phase",
    "Scale",
    "round_half_up",
]
