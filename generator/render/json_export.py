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
from ..model import Amount, Duration, Exercise, Target
from ..units import from_km

FORMAT = 1


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _distance(km: float | None, units: str) -> float | None:
    return None if km is None else round(from_km(km, units), 2)


def _amount(amount: Amount | None) -> dict[str, Any] | None:
    if amount is None:
        return None
    if isinstance(amount, Duration):
        return {"minutes": round(amount.minutes, 2)}
    return {"value": round(amount.value, 3), "unit": amount.unit}


def _target(target: Target | None) -> dict[str, Any] | None:
    if target is None:
        return None
    return {"text": target.text, "kind": target.kind, "value": target.value,
            "pace_seconds_per_km": round(target.pace.seconds_per_km, 1) if target.pace else None}


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
    repeats = s.repeats
    return {
        "day": planned.day, "slot": planned.slot, "date": _iso(planned.date), "kind": s.kind.value,
        "title": session_title(s, units),
        "distance": _distance(planned.distance_km, units), "minutes": planned.minutes,
        "load": planned.load,
        "total": _amount(s.total),
        "repeats": None if repeats is None else {
            "count": repeats.count, "work": _amount(repeats.work), "target": _target(repeats.target),
            "recovery": _amount(repeats.recovery), "recovery_text": repeats.recovery_text,
        },
        "segment": None if s.segment is None else {"amount": _amount(s.segment.amount), "target": _target(s.segment.target)},
        "target": _target(s.target),
        "strides": None if s.strides is None else {"count": s.strides.count, "work": _amount(s.strides.work)},
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
                   "long_run": _distance(week.long_run_km, units)},
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
