"""The expanded plan as JSON: the stable machine interface for renderers and outside tools.

``format`` is bumped on any incompatible change; fields are only ever added.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from .. import __version__
from ..describe import exercise_text, session_title
from ..expanded import ExpandedPlan, PlannedSession, PlannedWeek
from ..model import Amount, Duration, Exercise, Part, Repeat, Step, Target
from ..paces import coach_specs
from ..units import from_km

FORMAT = 2  # 2: sessions as structured workouts (main, workout), ranges


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _distance(km: float | None, units: str) -> float | None:
    return None if km is None else round(from_km(km, units), 2)


def _amount(amount: Amount | None) -> dict[str, Any] | None:
    if amount is None:
        return None
    if isinstance(amount, Duration):
        high = round(amount.high / 60, 2) if amount.high is not None else None
        return {"minutes": round(amount.minutes, 2), "high": high}
    return {"value": round(amount.value, 3), "high": round(amount.high, 3) if amount.high is not None else None,
            "unit": amount.unit}


def _target(target: Target | None) -> dict[str, Any] | None:
    if target is None:
        return None
    race = target.race
    return {"text": target.text, "kind": target.kind, "value": target.value, "low": target.low,
            "pace_seconds_per_km": round(target.pace.seconds_per_km, 1) if target.pace else None,
            "efforts": list(target.efforts) or None,
            "race": None if race is None else {
                "race": race.race, "race_to": race.race_to or None, "percent": race.percent,
                "percent_high": race.percent_high, "offset_seconds": race.offset, "offset_high": race.offset_high,
                "per": race.per, "effort": race.effort, "goal": race.goal,
            }}


def _step(step: Step) -> dict[str, Any]:
    return {"type": "step", "role": step.role, "amount": _amount(step.amount), "target": _target(step.target),
            "label": step.label or None}


def part_dict(part: Part) -> dict[str, Any]:
    """One part of a workout: a step, repeats (``steps`` every time, ``between`` all but the last) or a ladder."""
    if isinstance(part, Step):
        return _step(part)
    if isinstance(part, Repeat):
        return {"type": "repeat", "count": part.count, "count_max": part.count_max,
                "steps": [part_dict(p) for p in part.steps],
                "between": _step(part.between) if part.between is not None else None}
    return {"type": "ladder", "rungs": [_step(r) for r in part.rungs],
            "between": _step(part.between) if part.between is not None else None}


def _exercise(exercise: Exercise) -> dict[str, Any]:
    load = exercise.load
    return {
        "exercise": exercise.name, "sets": exercise.sets, "reps": exercise.reps or None, "reps_max": exercise.reps_max,
        "amrap": exercise.amrap, "rep_unit": exercise.rep_unit,
        "load": None if load is None else {"kind": load.kind, "value": load.value, "unit": load.unit if load.kind == "weight" else ("%" if load.kind == "percent" else None)},
        "text": exercise_text(exercise),
    }


def session_dict(planned: PlannedSession, units: str) -> dict[str, Any]:
    s = planned.session
    return {
        "day": planned.day, "slot": planned.slot, "date": _iso(planned.date), "kind": s.kind.value,
        "title": session_title(s, units),
        "distance": _distance(planned.distance_km, units), "distance_high": _distance(planned.distance_km_high, units),
        "minutes": planned.minutes, "minutes_high": planned.minutes_high,
        "load": planned.load,
        "optional": s.optional, "counted": s.counted,
        "total": _amount(s.total),
        "main": [part_dict(p) for p in s.main],
        "target": _target(s.target),
        "strides": part_dict(s.strides) if s.strides is not None else None,
        "workout": [part_dict(p) for p in planned.workout],
        "strength": [_exercise(e) for e in s.exercises] if s.exercises else None,
        "comment": s.comment, "notes": s.notes,
        "source": {"file": s.source.file, "line": s.source.line},
    }


def week_dict(week: PlannedWeek, units: str) -> dict[str, Any]:
    m = week.metrics
    return {
        "number": week.number, "kind": week.kind, "title": week.title, "start": _iso(week.start),
        "note": week.note, "notes": week.notes, "inserted": week.inserted, "origin": week.origin,
        "reference": week.reference, "vacation": week.vacation, "step_back": week.step_back,
        "volume": {"distance": _distance(week.distance_km, units), "minutes": week.minutes,
                   "long_run": _distance(week.long_run_km, units),
                   "distance_high": _distance(week.distance_km_high, units), "minutes_high": week.minutes_high,
                   "long_run_high": _distance(week.long_run_km_high, units)},
        "metrics": {"load": m.load, "ctl": m.ctl, "atl": m.atl, "tsb": m.tsb,
                    "acwr_rolling": m.acwr_rolling, "acwr_ewma": m.acwr_ewma, "monotony": m.monotony},
        "sessions": [session_dict(p, units) for p in week.sessions],
        "source": {"file": week.source.file, "line": week.source.line},
    }


def expanded_dict(expanded: ExpandedPlan) -> dict[str, Any]:
    plan = expanded.plan
    units = plan.units
    race = plan.race
    peak = expanded.peak_week
    return {
        "format": FORMAT,
        "generator": f"deload {__version__}",
        "plan": {
            "slug": plan.slug, "title": plan.title, "units": units, "load_units": plan.load_units,
            "summary": plan.summary, "author": plan.author, "level": plan.level, "tags": list(plan.tags),
            "edition": plan.edition, "layout": plan.layout, "week_starts": plan.week_starts + 1,
            "race": None if race is None else {
                "name": race.name, "category": race.category, "date": _iso(race.date),
                "distance": _distance(race.distance.km, units),
            },
            "source": plan.path,
            "paces": {
                "reference": None if plan.pace_reference is None else {
                    "label": plan.pace_reference.label, "km": plan.pace_reference.km,
                    "seconds": plan.pace_reference.seconds},
                "coach": coach_specs(plan.paces, units),
            },
        },
        "anchor": expanded.anchor, "start": _iso(expanded.start), "race_date": _iso(expanded.race_date),
        "basis": expanded.basis, "mode": expanded.mode,
        "summary": {
            "weeks": len(expanded.weeks), "deload_weeks": expanded.deload_weeks,
            "peak_distance": _distance(peak.distance_km, units) if peak else None,
            "peak_minutes": peak.minutes if peak else None,
            "long_run_peak": _distance(max((w.long_run_km for w in expanded.weeks), default=0.0), units),
            "race_form": expanded.race_form,
        },
        "weeks": [week_dict(w, units) for w in expanded.weeks],
        "warnings": [{"file": d.file, "line": d.line, "code": d.code, "message": d.message} for d in expanded.warnings],
        "log": list(expanded.log),
    }


def to_json(expanded: ExpandedPlan, indent: int | None = 2) -> str:
    """Indented for people; ``indent=None`` gives compact JSON (C-encoded, many times faster) for the site."""
    separators = None if indent else (",", ":")
    return json.dumps(expanded_dict(expanded), indent=indent, separators=separators, ensure_ascii=False) + "\n"
