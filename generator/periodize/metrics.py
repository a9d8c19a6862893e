"""Training-load figures per week: CTL/ATL/TSB, ACWR and monotony, and race-morning form.

Computed from the daily load of the planned sessions (a TSS-like scale, see
:mod:`generator.periodize.load`; rest days count as zero). CTL ("fitness") and ATL
("fatigue") follow GoldenCheetah's recursion with 42- and 7-day time constants. They
are seeded with the plan's own starting level (the mean daily load of its first two
weeks), as GoldenCheetah seeds them from a season's starting values: a plan is written
for someone already running its first weeks, so a steady week is neither fit-making
nor tiring and shows a form (TSB = CTL − ATL) near zero, rather than starting every
plan deep in fatigue. Race-morning form is CTL − ATL at the end of the day before the
race, the value GoldenCheetah shows on race day.

ACWR comes two ways: rolling-uncoupled (this week against the mean of the three
before) and EWMA (Williams et al. 2017, lambda = 2 / (N + 1)), seeded like CTL so that
a steady load reads 1.0. All are advisory: the evidence for ACWR bands is contested
(Impellizzeri et al. 2020/2021), so nothing here ever blocks a plan. Undefined values
are None, never NaN or infinity.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from ..expanded import WeekMetrics

CTL_DAYS = 42
ATL_DAYS = 7
ACWR_ACUTE = 7
ACWR_CHRONIC = 28
SEED_DAYS = 14


def _finite(value: float) -> float:
    return round(value, 2) if math.isfinite(value) else 0.0


def starting_level(daily: Sequence[float]) -> float:
    """The mean daily load of the first two weeks: the level a plan assumes its reader has."""
    first = daily[:SEED_DAYS]
    return sum(first) / len(first) if first else 0.0


def _days(daily: Sequence[float], seed: float) -> Iterator[tuple[float, float, float, float]]:
    """(CTL, ATL, acute EWMA, chronic EWMA) at the end of each day."""
    ctl_decay = math.exp(-1 / CTL_DAYS)
    atl_decay = math.exp(-1 / ATL_DAYS)
    lam_a = 2 / (ACWR_ACUTE + 1)
    lam_c = 2 / (ACWR_CHRONIC + 1)
    ctl = atl = ewma_a = ewma_c = seed
    for load in daily:
        ctl = ctl * ctl_decay + load * (1 - ctl_decay)
        atl = atl * atl_decay + load * (1 - atl_decay)
        ewma_a = lam_a * load + (1 - lam_a) * ewma_a
        ewma_c = lam_c * load + (1 - lam_c) * ewma_c
        yield ctl, atl, ewma_a, ewma_c


def week_metrics(daily: Sequence[float], seed: float | None = None) -> list[WeekMetrics]:
    """Metrics at the end of each 7-day week of ``daily`` loads; ``seed`` is the CTL and ATL
    before the first day (default: :func:`starting_level`)."""
    start = starting_level(daily) if seed is None else seed
    series = list(_days(daily, start))
    weekly: list[float] = []
    result: list[WeekMetrics] = []
    for week in range(len(daily) // 7):
        days = daily[week * 7:(week + 1) * 7]
        ctl, atl, ewma_a, ewma_c = series[week * 7 + 6]
        total = sum(days)
        weekly.append(total)
        rolling = None
        if week >= 3:
            chronic = sum(weekly[week - 3:week]) / 3
            rolling = _finite(total / chronic) if chronic > 0 else None
        warmed_up = (week + 1) * 7 >= ACWR_CHRONIC or start > 0
        ewma = _finite(ewma_a / ewma_c) if warmed_up and ewma_c > 1e-9 else None
        result.append(WeekMetrics(
            load=_finite(total), ctl=_finite(ctl), atl=_finite(atl), tsb=_finite(ctl - atl),
            acwr_rolling=rolling, acwr_ewma=ewma, monotony=monotony(days),
        ))
    return result


def form_before(daily: Sequence[float], day: int, seed: float | None = None) -> float | None:
    """TSB on the morning of day ``day`` (0-based): CTL − ATL at the end of the day before."""
    if day <= 0 or day > len(daily):
        return None
    start = starting_level(daily) if seed is None else seed
    for index, (ctl, atl, _, _) in enumerate(_days(daily, start)):
        if index == day - 1:
            return _finite(ctl - atl)
    return None


def monotony(days: Sequence[float]) -> float | None:
    """Foster's monotony: mean / sample SD of the week's daily loads; None when SD is 0."""
    count = len(days)
    if count < 2:
        return None
    mean = sum(days) / count
    spread = math.sqrt(sum((d - mean) ** 2 for d in days) / (count - 1))  # sample SD (ddof = 1)
    if spread <= 1e-9:
        return None
    return _finite(mean / spread)
