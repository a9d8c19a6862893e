"""Which week is which: the order of loading, deload, vacation, taper and race weeks.

The layout decides only the *kinds* of the output weeks and where each one's
content comes from; :mod:`generator.periodize.expand` fills in the sessions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Plan, SessionKind, VacationStyle, WeekKind

DEFAULT_TAPER_DAYS = {"5k": 7, "10k": 10, "half": 14, "marathon": 21, "other": 21}
# Cuts per taper week, from the first taper week to the race week, against the peak week.
# Each list's mean lies in the 41–60% band of Bosquet et al. (2007); three weeks follow
# Pfitzinger's -20-25% / -40% / -60% marathon taper.
TAPER_CUTS = {
    1: (0.45,),
    2: (0.30, 0.55),
    3: (0.25, 0.40, 0.60),
    4: (0.25, 0.35, 0.50, 0.60),
    5: (0.25, 0.35, 0.45, 0.55, 0.65),
}


@dataclass(frozen=True)
class Slot:
    kind: WeekKind
    origin: int  # index of the source week whose place (and, for loading weeks, content) this is
    reference: int | None = None  # index of the slot a deload or vacation is measured against
    inserted: bool = False
    marked: bool = False  # the author marked this week in the source
    style: VacationStyle | None = None
    cut: float | None = None  # taper and race weeks: the cut against the peak


@dataclass(frozen=True)
class Layout:
    slots: tuple[Slot, ...]
    log: tuple[str, ...]
    taper_days: int  # the configured length; 0 when there is no taper

    @property
    def first_taper(self) -> int | None:
        return next((i for i, s in enumerate(self.slots) if s.kind in ("taper", "race")), None)


def race_day(plan: Plan) -> int | None:
    """Day (1..7) of the goal race in the last week, if the plan has one."""
    if not plan.weeks:
        return None
    races = [s for s in plan.weeks[-1].sessions if s.kind is SessionKind.RACE]
    return races[-1].day if races else None


def taper_weeks(plan: Plan) -> tuple[int, int]:
    """(number of whole taper weeks before the race week, configured taper days)."""
    day = race_day(plan)
    p = plan.periodization
    if day is None or plan.race is None or not p.taper:
        return 0, 0
    days = p.taper_days if p.taper_days is not None else DEFAULT_TAPER_DAYS[plan.race.category]
    if days <= 0:
        return 0, 0
    if len(plan.weeks) < 2:
        return 0, 0  # a taper needs a loading week before it to taper from
    before_race = day - 1
    weeks = max(0, math.floor((days - before_race) / 7 + 0.5))
    return min(weeks, len(plan.weeks) - 2, max(TAPER_CUTS) - 1), days


def build_layout(plan: Plan, vacations: dict[int, VacationStyle],
                 vacation_after: dict[int, VacationStyle] | None = None) -> Layout:
    """Lay out the output weeks. ``vacations`` maps source week index -> style;
    ``vacation_after`` turns the deload inserted after a source week into a vacation."""
    vacation_after = vacation_after or {}
    p = plan.periodization
    n = len(plan.weeks)
    kinds: list[WeekKind] = [w.mark or "load" for w in plan.weeks]
    log: list[str] = []
    for index in vacations:
        if kinds[index] == "load":
            kinds[index] = "vacation"
        elif kinds[index] != "vacation":
            log.append(f"vacation in week {index + 1} ignored: that week is already marked {{{kinds[index]}}}")
    tapered, days = taper_weeks(plan)
    has_race = race_day(plan) is not None
    if has_race:
        kinds[n - 1] = "race"
    for index in range(n - 1 - tapered, n - 1):
        if kinds[index] == "vacation":
            log.append(f"vacation in week {index + 1} ignored: it falls in the taper")
            vacations.pop(index, None)
        kinds[index] = "taper"
    cuts = TAPER_CUTS.get(tapered + 1, ()) if days else ()
    first_taper = n - 1 - tapered if has_race and days else None
    slots: list[Slot] = []
    every = p.deload_every
    count = 0
    last_loading: int | None = None
    for i, kind in enumerate(kinds):
        marked = plan.weeks[i].mark is not None
        if kind == "load":
            due = every is not None and count == every - 1
            blocked = first_taper is not None and i >= first_taper - 1
            if p.deload_mode == "replace" and due and last_loading is not None and not blocked:
                slots.append(Slot("deload", i, reference=last_loading))
                count = 0
                continue
            if p.deload_mode == "replace" and due and blocked:
                log.append(f"no deload in week {len(slots) + 1}: a deload may not fall just before the taper")
            slots.append(Slot("load", i))
            last_loading = len(slots) - 1
            count += 1
            if p.deload_mode == "insert" and every is not None and count == every - 1 and i + 1 < n:
                if kinds[i + 1] == "load" and (first_taper is None or i + 1 < first_taper):
                    style = vacation_after.get(i)
                    slots.append(Slot("vacation" if style else "deload", i, reference=last_loading,
                                      inserted=True, style=style))
                    count = 0
                elif kinds[i + 1] in ("taper", "race"):
                    log.append(f"no deload after week {i + 1}: a deload may not fall just before the taper")
        elif kind in ("deload", "vacation"):
            slots.append(Slot(kind, i, reference=last_loading, marked=marked,
                              style=vacations.get(i) if kind == "vacation" else None))
            count = 0
        else:
            position = i - (n - 1 - tapered) if days else 0
            cut = cuts[position] if cuts and 0 <= position < len(cuts) else None
            slots.append(Slot(kind, i, reference=last_loading, marked=marked and kind == "taper", cut=cut))
    return Layout(tuple(slots), tuple(log), days)
