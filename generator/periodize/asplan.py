"""The expanded plan as a plan again, and its dates for another anchor: what feeds and the
engine's own idempotence need of an expansion after it is made."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from ..expanded import ExpandedPlan
from ..model import Plan, Vacation, Week
from .expand import choose_basis, plan_taper, taper_written
from .volume import Measure


def first_day(expanded: ExpandedPlan, race_date: date | None = None, start: date | None = None) -> date:
    """The first day of the expanded plan when anchored to ``race_date`` or ``start``.

    Valid as long as the anchor cannot change the layout, which only dated vacations
    do (see :func:`dates_change_layout`)."""
    if start is not None:
        return start
    race = expanded.race_session
    if race_date is None or race is None:
        raise ValueError("a race date needs a plan with a race session")
    return race_date - timedelta(days=(race.week - 1) * 7 + race.day - 1)


def dates_change_layout(plan: Plan) -> bool:
    """True when the plan's weeks depend on its dates (vacations given by date)."""
    return any(v.date is not None for v in plan.periodization.vacations)


def as_plan(expanded: ExpandedPlan) -> Plan:
    """The expanded plan as a source plan with every reduced week marked, so that expanding
    it again changes nothing (the engine is idempotent): marked taper weeks make the taper
    the author's (nothing is cut again), and its exact length keeps the weeks before it free
    of deloads, even when the taper began mid-week or in the race week alone."""
    plan = expanded.plan
    span, _, _ = plan_taper(plan, Measure(plan.periodization, plan.checks, plan.units, plan.zones), choose_basis(plan), taper_written(plan))
    last = len(expanded.weeks) - 1
    weeks = tuple(
        Week(number=w.number, source=w.source, title=w.title, notes=w.notes,
             mark=w.kind if w.kind in ("deload", "taper", "vacation") else "taper" if i == last and span else None,
             sessions=tuple(p.session.with_changes(day=p.day) for p in w.sessions))
        for i, w in enumerate(expanded.weeks)
    )
    vacations = tuple(Vacation(style=w.vacation or "easy", source=w.source, week=w.number)
                      for w in expanded.weeks if w.kind == "vacation")
    periodization = replace(expanded.plan.periodization, vacations=vacations, taper=span is not None,
                            taper_days=span.length if span is not None else None)
    return replace(expanded.plan, weeks=weeks, periodization=periodization)
