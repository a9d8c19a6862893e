"""The expanded plan as JSON: the stable machine interface for renderers and outside tools.

``format`` is bumped on any incompatible change; fields are only ever added. Format 3
(docs/expanded-json.md) leaves out every field that is null, false or empty, and the type of
a step (the usual part). Format 4 writes a week's ``note`` as codes and figures, in no language.

The same builders give the *reader view* the build hashes to tell whether a plan changed
for its readers (:func:`plan_digest`): the fields of format 2, where every plan's digest
was first taken, without where the plan was written, and without the keys added since at
the value every older plan has, so that neither a new format nor an upgrade of Deload
marks every plan updated.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from .. import __version__
from ..describe import exercise_text, session_title
from ..expanded import ExpandedPlan, Note, PlannedSession, PlannedWeek
from ..i18n import use
from ..model import Amount, Duration, Exercise, Part, Repeat, Step, Target
from ..paces import coach_specs
from ..units import from_km
from .notes import note_json, note_text

FORMAT = 5  # 5: no workout a run without a main set says already, source lines without the file; 4: the engine's notes as codes; 3: nulls, false and empty fields and step types left out; 2: structured workouts


def _lean(data: dict[str, Any]) -> dict[str, Any]:
    """Without the fields a reader of format 3 takes as absent: null, false, "", [] and {} (0 stays)."""
    return {k: v for k, v in data.items() if v or v.__class__ in (int, float)}


class _Shape:
    """How the dicts are written: ``lean`` (format 3) or the reader view (format 2's fields, no
    sources); ``memo`` keeps the dict of each part and target already written, by identity: a
    session's main set is also in its workout, its target in its steps. One per plan written."""

    def __init__(self, lean: bool):
        self.lean = lean
        self.clean = _lean if lean else _same
        self.memo: dict[int, Any] = {}


def _same(data: dict[str, Any]) -> dict[str, Any]:
    return data


def _english(note: Note) -> str:
    """The note as format 2 wrote it: the reader view's, so that its hash stays the same."""
    with use("en"):
        return note_text(note)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _distance(km: float | None, units: str) -> float | None:
    return None if km is None else round(from_km(km, units), 2)


def _amount(amount: Amount | None, shape: _Shape) -> dict[str, Any] | None:
    if amount is None:
        return None
    if isinstance(amount, Duration):
        high = round(amount.high / 60, 2) if amount.high is not None else None
        return shape.clean({"minutes": round(amount.minutes, 2), "high": high})
    return shape.clean({"value": round(amount.value, 3), "high": round(amount.high, 3) if amount.high is not None else None,
                        "unit": amount.unit})


def _target(target: Target | None, shape: _Shape) -> dict[str, Any] | None:
    if target is None:
        return None
    known = shape.memo.get(id(target))
    if known is not None:
        return known
    race = target.race
    data = shape.memo[id(target)] = shape.clean({
        "text": target.text, "kind": target.kind, "value": target.value, "low": target.low,
        "pace_seconds_per_km": round(target.pace.seconds_per_km, 1) if target.pace else None,
        "efforts": list(target.efforts) or None,
        "race": None if race is None else shape.clean({
            "race": race.race, "race_to": race.race_to or None, "percent": race.percent,
            "percent_high": race.percent_high, "offset_seconds": race.offset, "offset_high": race.offset_high,
            "per": race.per, "effort": race.effort, "goal": race.goal,
        })})
    return data


def _step(step: Step, shape: _Shape) -> dict[str, Any]:
    data = {"role": step.role, "amount": _amount(step.amount, shape), "target": _target(step.target, shape),
            "label": step.label or None}
    return shape.clean(data) if shape.lean else {"type": "step"} | data  # format 3: a part without a type is a step


def part_dict(part: Part, shape: _Shape) -> dict[str, Any]:
    """One part of a workout: a step, repeats (``steps`` every time, ``between`` all but the last) or a ladder."""
    known = shape.memo.get(id(part))
    if known is not None:
        return known
    if isinstance(part, Step):
        data = _step(part, shape)
    elif isinstance(part, Repeat):
        data = shape.clean({"type": "repeat", "count": part.count, "count_max": part.count_max,
                            "steps": [part_dict(p, shape) for p in part.steps],
                            "between": _step(part.between, shape) if part.between is not None else None})
    else:
        data = shape.clean({"type": "ladder", "rungs": [_step(r, shape) for r in part.rungs],
                            "between": _step(part.between, shape) if part.between is not None else None})
    shape.memo[id(part)] = data
    return data


def _exercise(exercise: Exercise, shape: _Shape) -> dict[str, Any]:
    load = exercise.load
    data = {
        "exercise": exercise.name, "sets": exercise.sets, "reps": exercise.reps or None,
        "rep_unit": exercise.rep_unit,
        "load": None if load is None else shape.clean({
            "kind": load.kind, "value": load.value, **({"value_max": load.top} if load.top is not None else {}),
            **({"rir": True} if load.rir else {}), **({"each": load.each} if load.each else {}),
            **({"of": "TM"} if load.training_max else {}),
            "unit": load.unit if load.kind == "weight" else ("%" if load.kind == "percent" else None)}),
        "text": exercise_text(exercise),
    }
    # Keys added after format 2's first plans: in the reader view only where they say something.
    if shape.lean or exercise.reps_max is not None:
        data["reps_max"] = exercise.reps_max
    if exercise.sets_max is not None:  # only where written: the reader view's hash dates the plan's updates
        data["sets_max"] = exercise.sets_max
    if shape.lean or exercise.amrap:
        data["amrap"] = exercise.amrap
    if exercise.side:
        data["side"] = exercise.side.strip()
    if exercise.effort is not None:
        data["rpe"] = exercise.effort.value
        if exercise.effort.top is not None:
            data["rpe_max"] = exercise.effort.top
    return shape.clean(data)


def session_dict(planned: PlannedSession, units: str, shape: _Shape) -> dict[str, Any]:
    s = planned.session
    data = {
        "day": planned.day, "slot": planned.slot, "kind": s.kind.value,
        "title": session_title(s, units),
        "distance": _distance(planned.distance_km, units), "distance_high": _distance(planned.distance_km_high, units),
        "minutes": planned.minutes, "minutes_high": planned.minutes_high,
        "load": planned.load,
        "optional": s.optional, "counted": s.counted, "main_last": s.main_last,
        "total": _amount(s.total, shape),
        "main": [part_dict(p, shape) for p in s.main],
        "target": _target(s.target, shape),
        "strides": part_dict(s.strides, shape) if s.strides is not None else None,
        # Format 5 leaves out what the session says already: a run without a main set is one step,
        # its total at its target, then its strides. The reader view keeps format 2's fields.
        "workout": [part_dict(p, shape) for p in planned.workout] if s.main or not shape.lean else None,
        "strength": [_exercise(e, shape) for e in s.exercises] if s.exercises else None,
        "comment": s.comment, "notes": s.notes,
    }
    if shape.lean or s.alternative is not None:  # added later: in the reader view only where it says something
        data["alternative"] = _amount(s.alternative, shape)
    if shape.lean or s.keep:  # likewise: a digest of a plan without the mark is what it was
        data["keep"] = s.keep
    data["date"] = _iso(planned.date)
    if shape.lean:
        data["source"] = {"line": s.source.line}  # in the plan's own file (plan.source)
    return shape.clean(data)


def week_dict(week: PlannedWeek, units: str, shape: _Shape) -> dict[str, Any]:
    m = week.metrics
    volume = shape.clean({"distance": _distance(week.distance_km, units), "minutes": week.minutes,
                          "long_run": _distance(week.long_run_km, units),
                          "distance_high": _distance(week.distance_km_high, units), "minutes_high": week.minutes_high,
                          "long_run_high": _distance(week.long_run_km_high, units)})
    data = {
        "number": week.number, "kind": week.kind, "title": week.title, "start": _iso(week.start),
        "note": note_json(week.note) if shape.lean else _english(week.note), "notes": week.notes, "inserted": week.inserted, "origin": week.origin,
        "reference": week.reference, "vacation": week.vacation, "step_back": week.step_back,
        "volume": volume,
        "metrics": shape.clean({"load": m.load, "ctl": m.ctl, "atl": m.atl, "tsb": m.tsb,
                                "acwr_rolling": m.acwr_rolling, "acwr_ewma": m.acwr_ewma, "monotony": m.monotony}),
        "sessions": [session_dict(p, units, shape) for p in week.sessions],
    }
    if shape.lean:
        data["source"] = {"line": week.source.line}
        if week.tune_up:  # derived from its sessions: the reader view has them
            data["tune_up"] = True
        if week.sets:  # not in the reader view: its hash dates the plan's updates
            data["volume"] = {**volume, "sets": week.sets, "reps": week.reps}
    return shape.clean(data)


def _plan(expanded: ExpandedPlan, shape: _Shape) -> dict[str, Any]:
    plan = expanded.plan
    units = plan.units
    race = plan.race
    data = {
        "slug": plan.slug, "title": plan.title, "units": units, "load_units": plan.load_units,
        "summary": plan.summary, "author": plan.author, "level": plan.level, "tags": list(plan.tags),
        "edition": plan.edition, "layout": plan.layout, "week_starts": plan.week_starts + 1,
        "race": None if race is None else shape.clean({
            "name": race.name, "category": race.category, "date": _iso(race.date),
            "distance": _distance(race.distance.km, units) if race.distance is not None else None,
            "minutes": race.duration.minutes if race.duration is not None else None,
        }),
    }
    if shape.lean:
        data["source"] = plan.path
    coach = coach_specs(plan.paces, units)
    if shape.lean or coach or plan.pace_reference is not None:  # added after format 2's first plans
        data["paces"] = shape.clean({
            "reference": None if plan.pace_reference is None else {
                "label": plan.pace_reference.label, "km": plan.pace_reference.km,
                "seconds": plan.pace_reference.seconds},
            "coach": coach,
        })
    if plan.zones:  # only where written: the reader view's hash dates the plan's updates
        data["zones"] = {f"Z{number}": effort for number, effort in plan.zones}
    return shape.clean(data)


def _body(expanded: ExpandedPlan, shape: _Shape) -> dict[str, Any]:
    units = expanded.plan.units
    peak = expanded.peak_week
    return {
        "plan": _plan(expanded, shape),
        "anchor": expanded.anchor, "start": _iso(expanded.start), "race_date": _iso(expanded.race_date),
        "basis": expanded.basis, "mode": expanded.mode,
        "summary": shape.clean({
            "weeks": len(expanded.weeks), "deload_weeks": expanded.deload_weeks,
            "peak_distance": _distance(peak.distance_km, units) if peak else None,
            "peak_minutes": peak.minutes if peak else None,
            "long_run_peak": _distance(max((w.long_run_km for w in expanded.weeks), default=0.0), units),
            "race_form": expanded.race_form,
        } | ({"recovery_weeks": expanded.deload_weeks + sum(1 for w in expanded.weeks if w.step_back)}
             if shape.lean else {})),  # format 5; the reader view keeps format 2's fields
        "weeks": [week_dict(w, units, shape) for w in expanded.weeks],
    }


def expanded_dict(expanded: ExpandedPlan) -> dict[str, Any]:
    """The plan in format 3. The lists a reader walks (``weeks``, ``warnings``, ``log``) are
    always written, empty or not."""
    body = _body(expanded, _Shape(True))
    weeks = body.pop("weeks")
    return {"format": FORMAT, "generator": f"deload {__version__}"} | _lean(body) | {
        "weeks": weeks,
        "warnings": [_lean({"file": d.file, "line": d.line, "code": d.code, "severity": d.severity.value,
                            "message": d.message})
                     for d in expanded.warnings],
        "log": list(expanded.log),
    }


def reader_view(expanded: ExpandedPlan) -> dict[str, Any]:
    """What a reader sees of the plan, in format 2's fields (see the module's doc)."""
    return {"format": 2} | _body(expanded, _Shape(False))


def plan_digest(expanded: ExpandedPlan) -> str:
    """A hash of :func:`reader_view`: a change marks the plan as updated."""
    text = json.dumps(reader_view(expanded), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def to_json(expanded: ExpandedPlan, indent: int | None = 2) -> str:
    """Indented for people; ``indent=None`` gives compact JSON (C-encoded, many times faster) for the site."""
    separators = None if indent else (",", ":")
    return json.dumps(expanded_dict(expanded), indent=indent, separators=separators, ensure_ascii=False) + "\n"
