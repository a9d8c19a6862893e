"""Strength work in deload and taper weeks.

A deload keeps the exercise list and the number of strength sessions and never
raises a load; it cuts reps (3x8 -> 3x6 at the same load, 3x8-12 -> 3x6-9), the
load (half, rounded down to the plate step) or the sets, and no set goes to
failure. In the taper, strength volume is halved, heavy lower-body work stops
7 days out and the last session is at least 2 days before the race.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from ..model import Exercise, Load, Periodization, Session
from ..units import round_down

_LOWER_BODY = re.compile(
    r"(?i)squat|deadlift|\brdl\b|lunge|leg press|step[- ]?up|hip thrust|calf|good morning|thruster|"
    r"clean|snatch|jump|bound|hop|pistol|glute|hamstring|nordic|leg curl|leg extension|wall sit|sled"
)


SHORT_OF_FAILURE = "stop 2–3 reps short of failure"  # a deload's AMRAP (reps in reserve: Helms et al. 2016)


def fewer(value: int, cut: float, half_up: bool = False) -> int:
    """``value * (1 - cut)`` rounded down (or half up), at least 1 and at least one fewer when possible."""
    if value <= 1:
        return value
    kept = value * (1 - cut) + (0.5 if half_up else 0.0)
    return max(1, min(value - 1, math.floor(kept + 1e-9)))


def _fewer_seconds(seconds: int, cut: float) -> int:
    if seconds <= 5:
        return seconds
    return max(5, min(seconds - 5, int(round_down(seconds * (1 - cut), 5))))


def lighter_load(load: Load, factor: float, p: Periodization) -> Load | None:
    """The load times ``factor``, rounded down; None when it cannot be lighter (bodyweight)."""
    if load.value is None:
        return None
    if load.kind == "weight":
        step = p.round_kg if load.unit == "kg" else p.round_lb
        value = round_down(load.value * factor, step)
        return replace(load, value=min(value, load.value)) if value < load.value else None
    if load.kind == "percent":
        value = round_down(load.value * factor, 5.0)
        return replace(load, value=value) if value < load.value else None
    if load.kind == "rpe":  # two more reps in reserve (Helms et al. 2016)
        value = max(1.0, load.value - 2)
        return replace(load, value=value) if value < load.value else None
    return None


def deload_exercise(exercise: Exercise, strategy: str, p: Periodization) -> Exercise:
    """One exercise in a deload week; falls back to another cut when the first cannot apply.
    No set goes to failure in a deload: ``5+`` becomes ``5`` before the cut; a bare AMRAP, having
    no count to keep, loses sets or load and stops short of failure."""
    if exercise.amrap and exercise.reps:
        exercise = replace(exercise, amrap=False)
    elif exercise.amrap:
        exercise = replace(exercise, comment=" — ".join(filter(None, [exercise.comment, SHORT_OF_FAILURE])))
    order = {"reps": ("reps", "sets", "load"), "load": ("load", "reps", "sets"), "sets": ("sets", "reps", "load")}[strategy]
    for cut in order:
        changed = _cut(exercise, cut, p)
        if changed is not None:
            return changed
    return exercise


def _fewer_reps(reps: int, unit: str, cut: float) -> int:
    return _fewer_seconds(reps, cut) if unit == "s" else fewer(reps, cut)


def _cut(exercise: Exercise, how: str, p: Periodization) -> Exercise | None:
    if how == "reps":
        if not exercise.reps:  # AMRAP: no count to cut
            return None
        reps = _fewer_reps(exercise.reps, exercise.rep_unit, p.reps_cut)
        # A range keeps its shape (8-12 -> 6-9); one that collapses becomes a single count.
        top = _fewer_reps(exercise.reps_max, exercise.rep_unit, p.reps_cut) if exercise.reps_max is not None else None
        top = top if top is not None and top > reps else None
        return replace(exercise, reps=reps, reps_max=top) if reps < exercise.reps else None
    if how == "sets":
        sets = fewer(exercise.sets, p.sets_cut, half_up=True)
        return replace(exercise, sets=sets) if sets < exercise.sets else None
    if exercise.load is None:
        return None
    load = lighter_load(exercise.load, p.load_factor, p)
    return replace(exercise, load=load) if load is not None else None


def deload_session(session: Session, strategy: str, p: Periodization) -> Session:
    return session.with_changes(exercises=tuple(deload_exercise(e, strategy, p) for e in session.exercises))


def is_heavy_lower_body(exercise: Exercise) -> bool:
    """Loaded lower-body work near maximal effort: >= 80% 1RM, RPE >= 8, 6 reps or fewer under a
    weight, or any set to failure (AMRAP) under a load."""
    if not _LOWER_BODY.search(exercise.name) or exercise.load is None:
        return False
    load = exercise.load
    if exercise.amrap and load.kind in ("weight", "percent", "rpe"):
        return True
    if load.kind == "percent":
        return (load.value or 0) >= 80
    if load.kind == "rpe":
        return (load.value or 0) >= 8
    if load.kind == "weight":
        return exercise.rep_unit == "reps" and exercise.reps <= 6
    return False


def halve_sets(session: Session) -> Session:
    """Taper weeks: half the strength volume at the same load (Pritchard et al. 2016)."""
    return session.with_changes(exercises=tuple(replace(e, sets=fewer(e.sets, 0.5, half_up=True)) for e in session.exercises))


def near_race(session: Session, days_to_race: int) -> Session | None:
    """The safety rules close to a race: no strength in the last 2 days, no heavy
    lower-body work in the last 7. None when nothing is left of the session."""
    if days_to_race < 2:
        return None
    if days_to_race > 7:
        return session
    exercises = tuple(e for e in session.exercises if not is_heavy_lower_body(e))
    if session.exercises and not exercises:
        return None
    return session.with_changes(exercises=exercises)
