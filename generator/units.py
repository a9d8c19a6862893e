"""Units of distance, time and load: names, conversion and rounding, all in one place."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Literal

DistanceUnit = Literal["km", "mi", "m"]
PlanUnit = Literal["km", "mi"]
LoadUnit = Literal["kg", "lb"]

KM_PER_MI = 1.609344
KG_PER_LB = 0.45359237

_KM_PER: dict[str, float] = {"km": 1.0, "mi": KM_PER_MI, "m": 0.001}

#: Spellings a coach may write, mapped to the canonical unit.
DISTANCE_WORDS: dict[str, DistanceUnit] = {
    "km": "km", "kms": "km", "k": "km", "kilometer": "km", "kilometers": "km",
    "kilometre": "km", "kilometres": "km",
    "mi": "mi", "mile": "mi", "miles": "mi",
    "m": "m", "meter": "m", "meters": "m", "metre": "m", "metres": "m",
}
DURATION_WORDS: dict[str, int] = {
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
    "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
}
LOAD_WORDS: dict[str, LoadUnit] = {
    "kg": "kg", "kgs": "kg", "kilo": "kg", "kilos": "kg",
    "lb": "lb", "lbs": "lb", "pound": "lb", "pounds": "lb",
}
#: Every unit word, for "did you mean" hints.
# The English words for hours, as a pattern: "6 h", "6-hour", "24 hours" (timed races, "2:30 h").
HOUR_WORDS = "|".join(sorted((w for w, seconds in DURATION_WORDS.items() if seconds == 3600), key=len, reverse=True))
ALL_UNIT_WORDS = sorted({*DISTANCE_WORDS, *DURATION_WORDS, *LOAD_WORDS})


_SPELT_TIME = re.compile(r"(\d+(?:\.\d+)?)\s*([a-z]+)?", re.I)
_CLOCK_TIME = re.compile(r"^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$")


def duration_seconds(text: str) -> float | None:
    """A time as a length is written in a plan or at a prompt: ``1:20:00`` and ``45:00`` (as a
    session reads them: hours, minutes and seconds, or minutes and seconds), ``6 h``, ``1.5 h``,
    ``1 h 20 min``, ``1h20``, ``80 min``, ``2h10m30s``, ``45m``; None for anything else."""
    text = text.strip()
    if clock := _CLOCK_TIME.match(text):
        hours, minutes, seconds = (0, int(clock[1]), int(clock[2])) if clock[3] is None else (
            int(clock[1]), int(clock[2]), int(clock[3]))
        return float(hours * 3600 + minutes * 60 + seconds)
    parts = list(_SPELT_TIME.finditer(text))
    if not parts or "".join(p[0] for p in parts).replace(" ", "") != text.replace(" ", ""):
        return None
    total, last = 0.0, 0
    for part in parts:
        unit = (part[2] or "").lower()
        size = DURATION_WORDS.get("min" if unit == "m" else unit) if unit else (60 if last == 3600 else 1 if last == 60 else None)
        value = float(part[1])
        # "1h20" is 20 minutes after the hour: units fall, a later part is whole and under 60 ("2h60" is no time),
        # and only a lone amount has a fraction ("1.5 h", never "1.5h30")
        if size is None or (last and (size >= last or not value.is_integer() or value >= 60)) or (
                len(parts) > 1 and not value.is_integer()):
            return None
        total, last = total + value * size, size
    return total


def to_km(value: float, unit: str) -> float:
    return value * _KM_PER[unit]


def from_km(km: float, unit: str) -> float:
    return km / _KM_PER[unit]


def to_kg(value: float, unit: str) -> float:
    return value if unit == "kg" else value * KG_PER_LB


def default_load_unit(units: PlanUnit) -> LoadUnit:
    return "lb" if units == "mi" else "kg"


def round_down(value: float, step: float) -> float:
    """Round down to a multiple of ``step``, but never below one step (never to zero)."""
    if value <= 0:
        return 0.0
    steps = math.floor(value / step + 1e-9)
    return round(max(steps, 1) * step, 6)


def round_up(value: float, step: float) -> float:
    """Round up to a multiple of ``step``, never below one step."""
    if value <= 0:
        return 0.0
    steps = math.ceil(value / step - 1e-9)
    return round(max(steps, 1) * step, 6)


def round_nearest(value: float, step: float) -> float:
    """Round half up to a multiple of ``step``, never below one step."""
    if value <= 0:
        return 0.0
    steps = math.floor(value / step + 0.5 + 1e-9)
    return round(max(steps, 1) * step, 6)


@lru_cache(maxsize=8192)  # the same few distances and loads are written thousands of times
def format_number(value: float, places: int = 1) -> str:
    """``5.0`` -> ``"5"``, ``5.25`` -> ``"5.3"`` (half up); no trailing zeros."""
    factor = 10**places
    rounded = math.floor(abs(value) * factor + 0.5) / factor
    text = f"{rounded:.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return ("-" if value < 0 and rounded else "") + (text or "0")


def format_clock(seconds: float) -> str:
    """``4500`` -> ``"1:15:00"``; ``300`` -> ``"5:00"``."""
    hours, rest = divmod(round(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
