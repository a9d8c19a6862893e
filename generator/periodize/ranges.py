"""Plans written in ranges (``Easy 5-6 mi``, ``5-6 x 1200 m``): expanded at both ends.

The engine's arithmetic is on single values. A plan with ranges is expanded at its low
end, which makes every decision (where deloads go, what is recognised, the warnings and
the load figures), and at its high end with the same layout; the two are then merged
session by session, so a deload of ``5-6 mi`` by a quarter is ``3.5-4.5 mi`` and a week's
volume is ``40-45 mi``, as the books total them.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from typing import Any

from ..errors import Diagnostic
from ..expanded import ExpandedPlan, PlannedSession, PlannedWeek
from ..model import Distance, Duration, End, Ladder, Plan, Repeat, Session, Step
from ..workout import session_at, session_ranged
from .planned import longest_run_km


def plan_ranged(plan: Plan) -> bool:
    """True when any session of the plan is written as a range."""
    return any(session_ranged(s) for week in plan.weeks for s in week.sessions)


def plan_at(plan: Plan, end: End) -> Plan:
    """The plan at one end of every range."""
    weeks = tuple(replace(week, sessions=tuple(session_at(s, end) for s in week.sessions)) for week in plan.weeks)
    return replace(plan, weeks=weeks)


def merge_expanded(plan: Plan, low: ExpandedPlan, high: ExpandedPlan) -> ExpandedPlan:
    """``low`` with ranges up to ``high`` wherever the two differ in size."""
    weeks = tuple(_merge_week(a, b) for a, b in zip(low.weeks, high.weeks, strict=True))
    seen = {(d.code, d.line) for d in low.warnings}
    # Said only at the high end: its figures are the tops of the ranges, which the message says.
    extra: list[Diagnostic] = [replace(d, message=_at_the_top(d.message)) for d in high.warnings
                               if (d.code, d.line) not in seen]
    return replace(low, plan=plan, weeks=weeks, warnings=(*low.warnings, *extra))


def _at_the_top(message: str) -> str:
    """``week 6: running volume 42 mi …`` said of a week's ranges at their tops: ``week 6, at the
    top of its ranges: …`` (the author wrote 36-42 mi and would look for 36)."""
    head, colon, rest = message.partition(": ")
    return f"{head}, at the top of its ranges: {rest}" if colon and head.startswith("week ") else f"at the top of the ranges: {message}"


def _merge_week(low: PlannedWeek, high: PlannedWeek) -> PlannedWeek:
    """The week at both ends. A session the author wrote as one number and the low end (which
    decides) cut stays one number, as cut there, though the high end cut it otherwise (``Long 75
    min`` in a deload beside ``Easy 40-50 min`` is ``55 min``, not ``50–55 min``): the high end's
    totals take the difference. One that only the high end cut (a bigger peak, in a taper) is a
    range from the two, with what the author wrote beside it: kept whole, the top of the week
    would break the cap the engine set it."""
    if len(low.sessions) != len(high.sessions):
        return low
    sessions, distance, minutes = [], high.distance_km, high.minutes
    for a, b in zip(low.sessions, high.sessions, strict=True):
        # Written as one number: the same as written at both ends (either end may have left it as it was).
        if a.original is not None and a.session != b.session and a.original == (b.original or b.session):
            sessions.append(a)
            distance -= (b.distance_km or 0.0) - (a.distance_km or 0.0)
            minutes -= (b.minutes or 0.0) - (a.minutes or 0.0)
        else:
            sessions.append(_merge_planned(a, b))
    return replace(low, sessions=tuple(sessions), distance_km_high=_top(low.distance_km, round(distance, 3)),
                   minutes_high=_top(low.minutes, round(minutes, 1)),
                   long_run_km_high=_top(low.long_run_km, longest_run_km(sessions, high=True)))


def _merge_planned(low: PlannedSession, high: PlannedSession) -> PlannedSession:
    # A run cut at one end only says what was written too ("Easy 4.5–5 mi", was "Easy 5 mi").
    original = merge(low.original, high.original) if low.original is not None and high.original is not None \
        else low.original or high.original
    return replace(low, session=merge(low.session, high.session), original=original,
                   workout=merge(low.workout, high.workout),
                   distance_km_high=_top(low.distance_km, high.distance_km), minutes_high=_top(low.minutes, high.minutes))


def _top(low: float | None, high: float | None) -> float | None:
    return high if low is not None and high is not None and high > low + 1e-9 else None


def merge(low: Any, high: Any) -> Any:
    """The value ``low`` with a range up to ``high`` in every amount and repeat count that differ;
    anything else that differs (a structure the two ends do not share) stays as at ``low``."""
    if low == high or type(low) is not type(high):
        return low
    if isinstance(low, Distance):
        return _distances(low, high)
    if isinstance(low, Duration):
        bottom, top = sorted((low.seconds, high.seconds))
        return Duration(bottom, top if top > bottom else None)
    if isinstance(low, tuple):
        return tuple(merge(a, b) for a, b in zip(low, high, strict=True)) if len(low) == len(high) else low
    if isinstance(low, Repeat):
        bottom, top = sorted((low.count, high.count))
        steps = merge(low.steps, high.steps)
        return Repeat(bottom, steps, merge(low.between, high.between), top if top > bottom else None)
    if isinstance(low, Ladder) and len(low.rungs) != len(high.rungs):
        return low
    if isinstance(low, Session | Step | Ladder) and is_dataclass(low):
        return replace(low, **{f.name: merge(getattr(low, f.name), getattr(high, f.name)) for f in fields(low)
                               if f.name in _SIZED})
    return low


_SIZED = {"total", "alternative", "main", "strides", "amount", "rungs", "between"}


def _distances(low: Distance, high: Distance) -> Distance:
    top = high.value if high.unit == low.unit else high.in_unit(low.unit)
    bottom, top = sorted((low.value, round(top, 6)))
    return Distance(bottom, low.unit, top if top > bottom else None)
