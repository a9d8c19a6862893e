"""The reader's paces on the page and in print: a spec per target (evaluated by the page's
script for the reader's own time) and, when the coach gave a reference performance,
the example paces written into the HTML for readers without JavaScript."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace

from markupsafe import Markup

from ..describe import race_text, written_text
from ..expanded import ExpandedPlan
from ..i18n import gettext
from ..model import VMA, Distance, Ladder, Part, Repeat, Session, Step, Target
from ..paces import (
    PaceTable,
    by_effort,
    coach_specs,
    evaluate,
    implied_target,
    modelled,
    plan_pace_table,
    race_pace_spec,
    race_session_km,
    spec_of,
)
from ..units import KM_PER_MI
from .dualunits import dual, pick
from .pacetable import range_text, rep_time_text, table_rows

MAX_REP_KM = 3.3  # a repeat's time is given up to 3 km or 2 mi: a longer one is run by pace


def _timed(distance: Distance) -> bool:
    """Whether a repeat's time is worth giving: not for a range (800-1200 m: which?), a long one,
    nor one of 1 km or 1 mi (1000 m too), whose time is the pace already shown."""
    return distance.high is None and distance.km <= MAX_REP_KM and not any(
        abs(distance.km - one) < 1e-6 for one in (1.0, KM_PER_MI))

@dataclass(frozen=True)
class PaceView:
    label: str  # the target as written: "95% 5K", "threshold"
    spec: str
    text: Markup  # the example pace in both units, or empty
    reps: tuple[RepTime, ...] = ()  # the repeats run at it, and the example time of each


@dataclass(frozen=True)
class RepTime:
    """A repeat's distance at a pace, and how long it takes at the example pace ("" without one)."""

    km: float
    label: str  # as written: "200 m", "1 mi"
    text: str


@dataclass(frozen=True)
class PacePanel:
    """The "your paces" box: the example table (if any) and what the script needs."""

    reference: str  # "10K in 50:00", or ""
    rows: list[tuple[str, Markup, Markup]]  # effort, pace, treadmill speed (both units)
    coach: str  # JSON: effort -> spec
    reference_json: str  # JSON: {"km": …, "seconds": …} or ""
    vma: bool = False  # a session's pace is a share of maximal aerobic speed: the reader may give theirs
    vma_first: bool = False  # and the plan's reference is a VMA, or it has none: the form asks for a VMA first
    goal_km: float | None = None  # the plan's race, run at its own pace: the reader's time for it is predicted
    goal_name: str = ""  # "half marathon", "10K", "12 km"


def goal_km(expanded: ExpandedPlan) -> float | None:
    race = expanded.plan.race
    return race.distance.km if race is not None and race.distance is not None else None


def example_table(expanded: ExpandedPlan) -> PaceTable | None:
    plan = expanded.plan
    return plan_pace_table(plan, plan.pace_reference) if plan.pace_reference is not None else None


def session_paces(session: Session, workout: tuple[Part, ...], expanded: ExpandedPlan,
                  table: PaceTable | None) -> list[PaceView]:
    """One pace per distinct target of the session, in the order they come; none for a session
    run by effort (hill repeats), as on the watch."""
    if by_effort(session.kind):
        return []
    goal, units = goal_km(expanded), expanded.plan.units
    seen: dict[str, PaceView] = {}
    reps: dict[str, dict[str, RepTime]] = {}
    for target, distance in _targets(session, workout, dict(expanded.plan.paces)):
        spec = spec_of(target, goal, units, expanded.plan.zones)
        if spec is None:
            continue
        if target.text not in seen:
            seen[target.text] = PaceView(target.text, spec, _example(spec, table, units))
            reps[target.text] = {}
        if distance is not None and _timed(distance):
            pace = evaluate(spec, table.efforts, table.vdot) if table is not None else None
            label = written_text(distance, units)
            reps[target.text].setdefault(label, RepTime(round(distance.km, 6), label,
                                                        rep_time_text(pace, distance.km) if pace else ""))
    if not seen and (km := race_session_km(session)) is not None:  # "Race marathon": its own pace, as on the watch
        spec = race_pace_spec(km)
        return [PaceView(gettext("race pace"), spec, _example(spec, table, units))]
    return [replace(view, reps=tuple(reps[name].values())) for name, view in seen.items()]


def _example(spec: str, table: PaceTable | None, units: str) -> Markup:
    if table is None:
        return Markup("")
    pace = evaluate(spec, table.efforts, table.vdot)
    return dual(lambda u: range_text(pace, u), units)


def _targets(session: Session, workout: tuple[Part, ...], coach: Mapping[str, object] | None = None,
             ) -> list[tuple[Target, Distance | None]]:
    """Every target of the session, with the distance of each repeat run at it; ``coach``: the
    plan's own paces, for the pace of a run without a target."""
    found: list[tuple[Target, Distance | None]] = [(session.target, None)] if session.target is not None else []
    def walk(parts: tuple[Part, ...] | list[Part], repeated: bool) -> None:
        for part in parts:
            if isinstance(part, Step):
                if part.target is not None and part.role == "work":
                    found.append((part.target, part.amount if repeated and isinstance(part.amount, Distance) else None))
            elif isinstance(part, Repeat):
                walk(part.steps, True)
            elif isinstance(part, Ladder):
                walk(part.rungs, True)
    walk(workout or session.main, False)
    if not found and (implied := implied_target(session.kind, coach)) is not None:
        found.append((implied, None))
    return found


def pace_panel(expanded: ExpandedPlan, table: PaceTable | None = None) -> PacePanel:
    plan = expanded.plan
    table = table or example_table(expanded)
    rows: list[tuple[str, Markup, Markup]] = []
    if table is not None:
        paces = {u: [row[1] for row in table_rows(table, u)] for u in ("km", "mi")}
        speeds = {u: [row[2] for row in table_rows(table, u)] for u in ("km", "mi")}
        for index, (name, _, _) in enumerate(table_rows(table, "km")):
            rows.append((name, dual(pick(paces, index), plan.units), dual(pick(speeds, index), plan.units)))
    reference = plan.pace_reference
    race = expanded.race_session
    total = race.session.total if race is not None else None
    goal = total.km if isinstance(total, Distance) and modelled(total.km) else None  # the race the plan is for
    by_vma = reference is not None and reference.label.startswith("VMA ")
    asks_vma = any(target.race is not None and VMA in (target.race.race, target.race.race_to)
                   for week in expanded.weeks for p in week.sessions for target, _ in _targets(p.session, p.workout))
    return PacePanel(
        reference=table.performance.label if table is not None else "",
        rows=rows,
        coach=json.dumps(coach_specs(plan.paces, plan.units), sort_keys=True, separators=(",", ":")),
        reference_json=json.dumps({"km": reference.km, "seconds": reference.seconds}, separators=(",", ":"))
        if reference is not None else "",
        vma=by_vma or asks_vma,
        vma_first=by_vma or (asks_vma and reference is None),
        goal_km=goal, goal_name=race_text(total, plan.units) if goal is not None and total is not None else "",
    )

