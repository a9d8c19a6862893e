"""How big a session is, and how to make it smaller: the engine's arithmetic.

Sizes are measured in kilometres and minutes. Shrinking always rounds *down*
to the plan's step (0.5 mi, 1 km, 5 min), never to zero, so a deload or taper
can only get lighter through rounding, never heavier.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import (
    Amount,
    Checks,
    Distance,
    Duration,
    Periodization,
    Repeats,
    Segment,
    Session,
    SessionKind,
    portion_km,
)
from ..units import round_down, round_nearest

K = SessionKind
# Pace relative to easy pace, for turning distances into minutes (and back) when a
# session gives no pace of its own. Conventions, not physiology: only estimates.
PACE_FACTOR = {
    K.EASY: 1.0, K.RECOVERY: 1.08, K.LONG: 1.03, K.RUN_WALK: 1.35, K.TEMPO: 0.85,
    K.INTERVALS: 0.9, K.HILLS: 1.0, K.FARTLEK: 0.92, K.STRIDES: 1.0, K.RACE: 0.82,
}
# Intended session RPE (CR-10) by kind, for session-RPE load (Foster 2001): a documented
# design choice, see the explainer page.
RPE = {
    K.REST: 0.0, K.EASY: 3.0, K.RECOVERY: 2.0, K.LONG: 4.0, K.RUN_WALK: 3.0, K.TEMPO: 7.0,
    K.INTERVALS: 8.0, K.HILLS: 7.0, K.FARTLEK: 6.0, K.STRIDES: 4.0, K.RACE: 9.0, K.CROSS: 3.0,
    K.STRENGTH: 6.0, K.MOBILITY: 1.0,
}


@dataclass(frozen=True)
class Measure:
    """Everything the arithmetic needs to know about the plan."""

    periodization: Periodization
    checks: Checks
    units: str  # "km" or "mi"

    def pace(self, kind: SessionKind) -> float:
        """Estimated seconds per km for ``kind``."""
        return self.checks.easy_pace.seconds_per_km * PACE_FACTOR.get(kind, 1.0)

    def step_for(self, amount: Amount) -> float:
        """Rounding step in the amount's own unit."""
        p = self.periodization
        if isinstance(amount, Duration):
            return p.round_minutes * 60 if amount.seconds >= p.round_minutes * 120 else 60.0
        if amount.unit == "m":
            return 100.0
        return p.round_mi if amount.unit == "mi" else p.round_km


def amount_km(amount: Amount | None, kind: SessionKind, measure: Measure) -> float:
    if amount is None:
        return 0.0
    if isinstance(amount, Distance):
        return amount.km
    return amount.seconds / measure.pace(kind)


def amount_minutes(amount: Amount | None, kind: SessionKind, measure: Measure) -> float:
    if amount is None:
        return 0.0
    if isinstance(amount, Duration):
        return amount.minutes
    return amount.km * measure.pace(kind) / 60


def main_km(session: Session, measure: Measure) -> float:
    """Distance of the quality portion (repeats with recoveries, or segment); estimates for durations."""
    if session.repeats is not None:
        known = portion_km(session.repeats)
        if known is not None:
            return known
        r = session.repeats
        return r.count * amount_km(r.work, session.kind, measure) + max(r.count - 1, 0) * amount_km(r.recovery, K.RECOVERY, measure)
    if session.segment is not None:
        return amount_km(session.segment.amount, session.kind, measure)
    return 0.0


def main_minutes(session: Session, measure: Measure) -> float:
    if session.repeats is not None:
        r = session.repeats
        return r.count * amount_minutes(r.work, session.kind, measure) + max(r.count - 1, 0) * amount_minutes(r.recovery, K.RECOVERY, measure)
    if session.segment is not None:
        return amount_minutes(session.segment.amount, session.kind, measure)
    return 0.0


def given_km(session: Session) -> float | None:
    """Distance written in the plan (or following from its repeats), without estimates."""
    if not session.kind.is_run:
        return None
    if isinstance(session.total, Distance):
        return session.total.km
    if session.total is None and session.repeats is not None:
        return portion_km(session.repeats)
    if session.total is None and session.segment is not None and isinstance(session.segment.amount, Distance):
        return session.segment.amount.km
    return None


def session_km(session: Session, measure: Measure) -> float:
    """Running distance, estimated from minutes where the plan gives a duration."""
    if not session.kind.is_run:
        return 0.0
    if session.total is not None:
        return amount_km(session.total, session.kind, measure)
    return main_km(session, measure)


def session_minutes(session: Session, measure: Measure) -> float:
    kind = session.kind
    if kind is K.REST:
        return 0.0
    if session.total is not None:
        return amount_minutes(session.total, kind, measure)
    if kind.is_run:
        return main_minutes(session, measure)
    if kind is K.STRENGTH:
        sets = sum(e.sets for e in session.exercises)
        return float(max(20, min(90, 10 + sets * 2.5))) if sets else 40.0
    return 20.0 if kind is K.MOBILITY else 45.0


def session_rpe(session: Session) -> float:
    target = session.target or (session.repeats.target if session.repeats else None) or (
        session.segment.target if session.segment else None)
    if target is not None and target.kind == "rpe" and target.value is not None:
        return target.value
    return RPE[session.kind]


def session_load(session: Session, measure: Measure) -> float:
    """Optional sessions carry no load: the plan must work without them."""
    return 0.0 if session.optional else session_rpe(session) * session_minutes(session, measure)


def size(session: Session, measure: Measure, basis: str) -> float:
    """A run's size in the plan's basis (km or minutes); 0 for anything else, and for optional runs."""
    if not session.kind.is_run or session.optional:
        return 0.0
    return session_km(session, measure) if basis == "distance" else session_minutes(session, measure)


# --- shrinking ---------------------------------------------------------------


def floor_amount(amount: Amount, factor: float, measure: Measure, nearest: bool = False) -> Amount:
    """``amount * factor`` rounded down (or to the nearest step) — at least one step, never more than before."""
    step = measure.step_for(amount)
    rounding = round_nearest if nearest else round_down
    factor = max(factor, 1e-9)  # a positive amount keeps one step: nothing shrinks to zero
    if isinstance(amount, Duration):
        return Duration(min(rounding(amount.seconds * factor, step), amount.seconds))
    return Distance(min(rounding(amount.value * factor, step), amount.value), amount.unit)


def fewer_repeats(count: int, factor: float) -> int:
    """Round half up, but always at least one fewer (when there is more than one) and never zero."""
    if count <= 1 or factor >= 1:
        return count
    return max(1, min(count - 1, math.floor(count * factor + 0.5)))


def shrink_quality(session: Session, factor: float, measure: Measure) -> Session:
    """Scale the quality portion only (fewer repeats, shorter segment); the rest stays."""
    if session.repeats is not None:
        r = session.repeats
        count = fewer_repeats(r.count, factor)
        removed = (r.count - count) * (amount_km(r.work, session.kind, measure) + amount_km(r.recovery, K.RECOVERY, measure))
        total = _minus(session.total, removed, session.kind, measure)
        return session.with_changes(repeats=Repeats(count, r.work, r.target, r.recovery, r.recovery_text, r.label), total=total)
    if session.segment is not None:
        seg = session.segment
        shorter = floor_amount(seg.amount, factor, measure)
        removed = amount_km(seg.amount, session.kind, measure) - amount_km(shorter, session.kind, measure)
        total = _minus(session.total, removed, session.kind, measure)
        return session.with_changes(segment=Segment(shorter, seg.target), total=total)
    if session.total is not None:
        return session.with_changes(total=floor_amount(session.total, factor, measure))
    return session


def _minus(total: Amount | None, km: float, kind: SessionKind, measure: Measure) -> Amount | None:
    if total is None or km <= 0:
        return total
    if isinstance(total, Distance):
        remaining = max(total.km - km, 0.0)
        return floor_amount(total, remaining / total.km, measure)
    seconds = km * measure.pace(kind)
    return floor_amount(total, max(total.seconds - seconds, 0.0) / total.seconds, measure)


def shrink_easy(session: Session, factor: float, measure: Measure) -> Session:
    """Scale an easy run (or the easy part around a main set) by ``factor``, to the nearest step;
    :func:`~generator.periodize.deload.trim` then takes off whole steps until the week fits."""
    if session.total is None or factor >= 1:
        return session
    main = main_km(session, measure)
    whole = amount_km(session.total, session.kind, measure)
    easy = max(whole - main, 0.0)
    wanted = main + easy * factor
    return session.with_changes(total=floor_amount(session.total, wanted / whole if whole else 1.0, measure, nearest=True))


def one_step_less(session: Session, measure: Measure) -> Session | None:
    """The session one rounding step shorter, or None when it cannot shrink further.
    The easy part goes first; then one repeat fewer, or a shorter segment."""
    total = session.total
    if total is not None:
        step = measure.step_for(total)
        shorter: Amount
        if isinstance(total, Duration):
            shorter, value = Duration(total.seconds - step), total.seconds - step
        else:
            shorter, value = Distance(round(total.value - step, 6), total.unit), total.value - step
        if value >= step - 1e-9 and main_km(session, measure) <= amount_km(shorter, session.kind, measure) + 1e-9:
            return session.with_changes(total=shorter)
    if session.repeats is not None and session.repeats.count > 1:
        return shrink_quality(session, (session.repeats.count - 1) / session.repeats.count, measure)
    if session.segment is not None:
        amount = session.segment.amount
        step = measure.step_for(amount)
        current = amount.seconds if isinstance(amount, Duration) else amount.value
        if current - step >= step - 1e-9:
            return shrink_quality(session, (current - step) / current, measure)
    return None


def as_easy(session: Session, measure: Measure, kind: SessionKind = K.EASY) -> Session:
    """A quality session (or race) turned into easy running of the same size."""
    if session.total is not None:
        total: Amount = session.total
    elif session.repeats is not None and isinstance(session.repeats.work, Duration):
        total = Duration(main_minutes(session, measure) * 60)
    else:
        total = Distance(main_km(session, measure), "km")
        if measure.units == "mi":
            total = Distance(total.in_unit("mi"), "mi")
    total = floor_amount(total, 1.0, measure)
    return Session(kind=kind, day=session.day, source=session.source, total=total, notes=session.notes,
                   text=session.text, comment=session.comment)
