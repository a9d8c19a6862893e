"""Training-load figures per week: CTL/ATL/TSB, ACWR and monotony.

Computed from the daily session-RPE load of the planned sessions (rest days
count as zero). CTL and ATL follow GoldenCheetah's recursion with 42- and
7-day time constants, seeded at zero; TSB is CTL - ATL at the end of the
week. ACWR comes two ways: rolling-uncoupled (this week against the mean of
the three before) and EWMA (Williams et al. 2017, lambda = 2 / (N + 1)). All
are advisory: the evidence for ACWR bands is contested (Impellizzeri et al.
2020/2021), so nothing here ever blocks a plan. Undefined values are None,
never NaN or infinity.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..expanded import WeekMetrics

CTL_DAYS = 42
ATL_DAYS = 7
ACWR_ACUTE = 7
ACWR_CHRONIC = 28


def _finite(value: float) -> float:
    return round(value, 2) if math.isfinite(value) else 0.0


def week_metrics(daily: Sequence[float]) -> list[WeekMetrics]:
    """Metrics at the end of each 7-day week of ``daily`` loads."""
    ctl_decay = math.exp(-1 / CTL_DAYS)
    atl_decay = math.exp(-1 / ATL_DAYS)
    lam_a = 2 / (ACWR_ACUTE + 1)
    lam_c = 2 / (ACWR_CHRONIC + 1)
    ctl = atl = ewma_a = ewma_c = 0.0
    weekly: list[float] = []
    result: list[WeekMetrics] = []
    for week in range(len(daily) // 7):
        days = daily[week * 7:(week + 1) * 7]
        for load in days:
            ctl = ctl * ctl_decay + load * (1 - ctl_decay)
            atl = atl * atl_decay + load * (1 - atl_decay)
            ewma_a = lam_a * load + (1 - lam_a) * ewma_a
            ewma_c = lam_c * load + (1 - lam_c) * ewma_c
        total = sum(days)
        weekly.append(total)
        rolling = None
        if week >= 3:
            chronic = sum(weekly[week - 3:week]) / 3
            rolling = _finite(total / chronic) if chronic > 0 else None
        ewma = _finite(ewma_a / ewma_c) if (week + 1) * 7 >= ACWR_CHRONIC and ewma_c > 1e-9 else None
        result.append(WeekMetrics(
            load=_finite(total), ctl=_finite(ctl), atl=_finite(atl), tsb=_finite(ctl - atl),
            acwr_rolling=rolling, acwr_ewma=ewma, monotony=monotony(days),
        ))
    return result


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
