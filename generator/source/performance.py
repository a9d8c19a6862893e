"""A race result or goal time as a coach or reader writes it: ``10K in 50:00``, ``10k=50:00``,
``half 1:45:00``, ``5 km 24:30``, ``marathon=3:29:59``."""

from __future__ import annotations

import re

from ..model import Performance
from ..paces import MODEL_KM, VMA_MINUTES, race_seconds, vdot
from ..units import HOUR_WORDS, duration_seconds, format_clock, to_km

RACES: dict[str, tuple[float, str]] = {
    "1500": (1.5, "1500 m"), "1500m": (1.5, "1500 m"), "mile": (1.609344, "Mile"), "1mi": (1.609344, "Mile"),
    "3k": (3.0, "3K"), "5k": (5.0, "5K"), "8k": (8.0, "8K"), "10k": (10.0, "10K"), "15k": (15.0, "15K"),
    "10mi": (16.09344, "10 miles"), "10mile": (16.09344, "10 miles"), "half": (21.0975, "Half marathon"),
    "halfmarathon": (21.0975, "Half marathon"), "hm": (21.0975, "Half marathon"), "21.1k": (21.0975, "Half marathon"),
    "marathon": (42.195, "Marathon"), "m": (42.195, "Marathon"), "42.2k": (42.195, "Marathon"),
}
# A time as a clock (50:00, 1:45:00) or in hours and minutes as plans write lengths (2h10, 1 h 45 min, 45 min)
_WORDS_TIME = rf"\d{{1,2}}(?:\.\d{{1,2}})?\s*(?:{HOUR_WORDS})(?:\s*[0-5]?\d\s*(?:m|mins?|minutes?)?)?(?:\s*[0-5]?\d\s*s)?" \
              r"|\d{1,3}\s*(?:m|mins?|minutes?)(?:\s*[0-5]?\d\s*s)?"
_FORM = re.compile(rf"(?i)^\s*(.+?)\s*(?:=|\bin\b|\s)\s*(\d{{1,2}}(?::[0-5]\d){{1,2}}|{_WORDS_TIME})\s*$")
_DISTANCE = re.compile(r"(?i)^(\d+(?:\.\d+)?)\s*(km|k|mi|miles?|m)$")
EXAMPLE = "a race and a time such as '10k=50:00', '5K in 24:30' or 'half=1:45:00', or a maximal aerobic speed ('VMA 16 km/h')"
MIN_KM, MAX_KM = MODEL_KM  # the range Daniels' equations were fitted on
VDOT_RANGE = (15.0, 90.0)


class PerformanceError(ValueError):
    """A performance that cannot be read; the message says what was expected."""


# A maximal aerobic speed, as French runners know theirs from a test: "VMA 16 km/h", "vma=16,5", "MAS 17".
_SPEED = re.compile(r"(?i)^\s*(?:vma|mas|vam|vvo2\s*max)\s*(?:=|:|\s)\s*(\d{1,2}(?:[.,]\d{1,2})?)\s*(?:km/h|kmh|km\.h-1)?\s*$")
VMA_RANGE = (10.0, 26.5)  # km/h: from a jogger's to a world-class miler's (VDOT 27 to 90, the table's range)


def vma_performance(kmh: float) -> Performance:
    """A maximal aerobic speed as the race it stands for: :data:`~generator.paces.VMA_MINUTES` at that
    speed, whose VDOT gives exactly that speed back as VMA (and every other pace from it)."""
    if not VMA_RANGE[0] <= kmh <= VMA_RANGE[1]:
        raise PerformanceError(f"a maximal aerobic speed of {kmh:g} km/h is not plausible (expected "
                               f"{VMA_RANGE[0]:g} to {VMA_RANGE[1]:g} km/h)")
    return Performance(kmh * VMA_MINUTES / 60, VMA_MINUTES * 60, f"VMA {kmh:g} km/h")


def parse_performance(text: str) -> Performance:
    """``10k=50:00`` and the like, or a maximal aerobic speed (``VMA 16 km/h``); raises :class:`PerformanceError`."""
    if speed := _SPEED.match(text):
        return vma_performance(float(speed[1].replace(",", ".")))
    match = _FORM.match(text)
    if match is None:
        raise PerformanceError(f"cannot read '{text}' as a performance; expected {EXAMPLE}")
    km, label = _distance(match[1])
    seconds = duration_seconds(match[2])
    if seconds is None:
        raise PerformanceError(f"cannot read '{text}' as a performance; expected {EXAMPLE}")
    parts = [int(p) for p in match[2].split(":")] if ":" in match[2] else []  # a clock's: "45:00" may mean hours
    value = vdot(Performance(km, seconds)) if seconds > 0 else 0.0
    if not VDOT_RANGE[0] <= value <= VDOT_RANGE[1]:
        meant = ""
        if len(parts) == 2 and seconds > 0 and VDOT_RANGE[0] <= vdot(Performance(km, seconds * 60)) <= VDOT_RANGE[1]:
            clock = f"{parts[0]}:{parts[1]:02d}:00" if parts[0] else f"{parts[1]}:00"
            said = f"{parts[0]} h {parts[1]:02d} min" if parts[0] else f"{parts[1]} min"
            meant = f"; for {said} write {clock}"
        raise PerformanceError(f"'{text}' is not a plausible {label} time (expected one between "
                               f"{_bound(km, VDOT_RANGE[1])} and {_bound(km, VDOT_RANGE[0])}){meant}")
    return Performance(km, seconds, f"{label} in {format_clock(int(seconds))}")


def _distance(text: str) -> tuple[float, str]:
    key = re.sub(r"[\s_-]", "", text.lower()).replace("marathonpace", "marathon")
    if key in RACES:
        return RACES[key]
    if match := _DISTANCE.match(text.strip()):
        value, unit = float(match[1]), match[2].lower()
        km = to_km(value, "mi") if unit.startswith("mi") else value / 1000 if unit == "m" else value
        if MIN_KM <= km <= MAX_KM:
            return km, f"{match[1]} {'mi' if unit.startswith('mi') else 'm' if unit == 'm' else 'km'}"
        raise PerformanceError(f"'{text}': a race from 1500 m to the marathon gives paces; got {km:.3g} km")
    raise PerformanceError(f"unknown race '{text}'; expected 1500, mile, 3K, 5K, 8K, 10K, 15K, 10mi, half, "
                           f"marathon or a distance such as '12 km'")


def _bound(km: float, vdot_value: float) -> str:
    return format_clock(int(race_seconds(vdot_value, km)))
