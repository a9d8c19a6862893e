"""Quantities of the model: distances and durations (with ranges), paces, race results and the
race paces of targets. Re-exported by :mod:`generator.model`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .units import DistanceUnit, from_km, to_km

End = Literal["low", "high"]


@dataclass(frozen=True, slots=True)
class Distance:
    """A distance; ``high`` is the top of a range (``5-6 mi``: 5, high 6)."""

    value: float
    unit: DistanceUnit
    high: float | None = None

    @property
    def km(self) -> float:
        return to_km(self.value, self.unit)

    @property
    def km_high(self) -> float:
        return to_km(self.value if self.high is None else self.high, self.unit)

    def in_unit(self, unit: str) -> float:
        return from_km(self.km, unit)

    def scaled(self, factor: float) -> Distance:
        return Distance(self.value * factor, self.unit, None if self.high is None else self.high * factor)

    def at(self, end: End) -> Distance:
        """One end of a range (the amount itself when it is not a range)."""
        if self.high is None:
            return self
        return Distance(self.high if end == "high" else self.value, self.unit)


@dataclass(frozen=True, slots=True)
class Duration:
    """A duration in seconds; ``high`` is the top of a range (``30-45 s``). ``in_minutes``: written
    in minutes (``1 min`` is shown so, where a minute written ``60 s`` stays ``60 s``); not compared."""

    seconds: float
    high: float | None = None
    in_minutes: bool = field(default=False, compare=False)

    @property
    def minutes(self) -> float:
        return self.seconds / 60

    def scaled(self, factor: float) -> Duration:
        return Duration(self.seconds * factor, None if self.high is None else self.high * factor)

    def at(self, end: End) -> Duration:
        if self.high is None:
            return self
        return Duration(self.high if end == "high" else self.seconds)


Amount = Distance | Duration


@dataclass(frozen=True, slots=True)
class Pace:
    """Seconds per kilometre or per mile; ``slow`` is set for a range such as 4:45-4:55/km."""

    seconds: float
    unit: Literal["km", "mi"]
    slow: float | None = None

    @property
    def seconds_per_km(self) -> float:
        mid = self.seconds if self.slow is None else (self.seconds + self.slow) / 2
        return mid if self.unit == "km" else mid / to_km(1, "mi")


@dataclass(frozen=True, slots=True)
class Performance:
    """A race result or goal time: the reference a reader's paces are computed from."""

    km: float
    seconds: float
    label: str = ""  # as it is shown: "10K in 50:00"


@dataclass(frozen=True, slots=True)
class RacePace:
    """A pace set by a race pace, ready for the reader's own paces: ``90-92% 5K`` (a share of
    the race's speed: above 100% is faster), ``MP - 10 s`` (an offset per ``per``: negative is
    faster), ``5K-10K pace`` (between two race paces, ``race`` the faster)."""

    race: str  # a key of RACE_PACES: "mile", "5k", "10k", "half", "marathon" ...
    race_to: str = ""  # the slower end of a range between two race paces
    percent: float | None = None
    percent_high: float | None = None
    offset: float | None = None  # seconds
    offset_high: float | None = None
    per: Literal["km", "mi"] | None = None  # None: the plan's unit
    effort: bool = False  # "95% 5K effort": by feel, not by the watch
    goal: bool = False  # "Goal MP": the pace of the race the plan is for
