"""Expand a plan: lay out its weeks, fill deload, vacation and taper weeks, date
every session, and compute volumes, metrics and warnings. Pure and deterministic."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from ..errors import DeloadError, Diagnostic, Severity
from ..expanded import Anchor, Basis, ExpandedPlan, PlannedSession, PlannedWeek
from ..model import Plan, Session, SessionKind, Vacation, VacationStyle, Week
from ..source.body import MAX_WEEKS
from .checks import check_weeks
from .deload import build_deload, fit_volume
from .layout import Layout, Slot, build_layout, race_day
from .metrics import week_metrics
from .strength import halve_sets, near_race
from .volume import Measure, given_km, one_step_less, session_km, session_load, session_minutes, shrink_quality, size

K = SessionKind


def choose_basis(plan: Plan) -> Basis:
    """Distance when most runs give a distance, else minutes (e.g. time-based run-walk plans)."""
    runs = [s for w in plan.weeks for s in w.sessions if s.kind.is_run and s.kind is not K.RACE]
    with_distance = sum(1 for s in runs if given_km(s) is not None)
    return "distance" if runs and with_distance * 2 >= len(runs) else "minutes"


def expand(plan: Plan, race_date: date | None = None, start: date | None = None) -> ExpandedPlan:
    """The plan a reader follows. ``race_date``/``start`` override the frontmatter's anchor."""
    measure = Measure(plan.periodization, plan.checks, plan.units)
    basis = choose_basis(plan)
    anchor, anchor_date = _anchor(plan, race_date, start)
    vacations: dict[int, VacationStyle] = {v.week - 1: v.style for v in plan.periodization.vacations if v.week}
    vacation_after: dict[int, VacationStyle] = {}
    layout = build_layout(plan, vacations, vacation_after)
    extra_log: list[str] = []
    dated = [v for v in plan.periodization.vacations if v.date]
    warnings: list[Diagnostic] = []
    for _ in range(8):  # date vacations move weeks when deloads are inserted: settle on a fixed point
        first = _first_day(plan, layout, anchor, anchor_date)
        if first is None or not dated:
            break
        changed = False
        for vacation in dated:
            assert vacation.date is not None
            index = (vacation.date - first).days // 7
            if not 0 <= index < len(layout.slots):
                continue
            slot = layout.slots[index]
            if slot.kind == "load" and slot.origin not in vacations:
                vacations[slot.origin] = vacation.style
                changed = True
            elif slot.kind == "deload" and slot.inserted and slot.origin not in vacation_after:
                vacation_after[slot.origin] = vacation.style
                changed = True
        if not changed:
            break
        layout = build_layout(plan, vacations, vacation_after)
    first = _first_day(plan, layout, anchor, anchor_date)
    for vacation in dated:
        assert vacation.date is not None
        if first is None:
            warnings.append(Diagnostic(vacation.source.file, vacation.source.line, vacation.source.col,
                                       f"vacation on {vacation.date.isoformat()} ignored: the plan has no start or race date",
                                       Severity.WARNING, "vacation-undated"))
        elif not 0 <= (vacation.date - first).days < len(layout.slots) * 7:
            warnings.append(Diagnostic(vacation.source.file, vacation.source.line, vacation.source.col,
                                       f"vacation on {vacation.date.isoformat()} is outside the plan ({first.isoformat()} to "
                                       f"{(first + timedelta(days=len(layout.slots) * 7 - 1)).isoformat()})",
                                       Severity.WARNING, "vacation-outside"))
    if len(layout.slots) > MAX_WEEKS:
        raise DeloadError([Diagnostic(plan.path, plan.source.line, 1,
            f"with its deload weeks the plan would last {len(layout.slots)} weeks, over the limit of {MAX_WEEKS}; "
            "use 'mode: replace' or fewer weeks")])
    contents, notes = _fill(plan, layout, measure, basis, extra_log)
    weeks = _planned_weeks(plan, layout, contents, notes, measure, first)
    warnings += check_weeks(plan, weeks, basis)
    race = first + timedelta(days=(len(weeks) - 1) * 7 + (race_day(plan) or 1) - 1) if first and race_day(plan) else None
    log = list(layout.log) + extra_log
    if anchor == "race" and race_date_weekday_shift(plan, first):
        log.append(race_date_weekday_shift(plan, first))
    return ExpandedPlan(plan=plan, weeks=tuple(weeks), warnings=tuple(warnings), basis=basis, anchor=anchor,
                        start=first, race_date=race, mode=plan.periodization.deload_mode, log=tuple(log))


def _anchor(plan: Plan, race_date: date | None, start: date | None) -> tuple[Anchor | None, date | None]:
    if race_date is not None and start is not None:
        raise DeloadError([Diagnostic(plan.path, 1, 1, "give either a race date or a start date, not both")])
    if race_date is not None:
        if race_day(plan) is None:
            raise DeloadError([Diagnostic(plan.path, plan.source.line, 1,
                "a race date needs a race session in the plan's last week, e.g. '- Sun: Race 10K'")])
        return "race", race_date
    if start is not None:
        return "start", start
    if plan.race is not None and plan.race.date is not None and race_day(plan) is not None:
        return "race", plan.race.date
    if plan.start is not None:
        return "start", plan.start
    return None, None


def _first_day(plan: Plan, layout: Layout, anchor: Anchor | None, when: date | None) -> date | None:
    if anchor is None or when is None:
        return None
    if anchor == "start":
        return when
    offset = (len(layout.slots) - 1) * 7 + (race_day(plan) or 1) - 1
    return when - timedelta(days=offset)


def race_date_weekday_shift(plan: Plan, first: date | None) -> str:
    """A note when the plan's weekdays move because the anchor date falls on another weekday."""
    if first is None or plan.layout == "days" or first.weekday() == plan.week_starts:
        return ""
    shift = (first.weekday() - plan.week_starts) % 7
    shift = shift - 7 if shift > 3 else shift
    return f"every session moves {abs(shift)} day{'s' if abs(shift) != 1 else ''} {'later' if shift > 0 else 'earlier'} than its written weekday so that the plan fits its date"


def _fill(plan: Plan, layout: Layout, measure: Measure, basis: Basis, log: list[str]) -> tuple[list[list[Session]], list[str]]:
    """The sessions of every output week, and the engine's note for each."""
    p = plan.periodization
    contents: list[list[Session]] = []
    notes: list[str] = []
    slots = layout.slots
    first_taper = layout.first_taper
    peak_volume, peak_long = 0.0, 0.0
    if first_taper is not None:
        # The peak is the biggest of the last three loading weeks; without one there is nothing to taper from.
        loading = [i for i in range(first_taper) if slots[i].kind == "load"][-3:]
        sources = [plan.weeks[slots[i].origin].sessions for i in loading]
        if sources:
            peak_volume = max(sum(size(s, measure, basis) for s in week) for week in sources)
            peak_long = max((size(s, measure, basis) for week in sources for s in week if s.kind is K.LONG), default=0.0)
        else:
            log.append("no taper: there is no loading week before it to taper from")
    previous_volume, previous_long = peak_volume, peak_long
    race_offset = (len(slots) - 1) * 7 + (race_day(plan) or 7) - 1
    for index, slot in enumerate(slots):
        source = list(plan.weeks[slot.origin].sessions)
        reference = contents[slot.reference] if slot.reference is not None else source
        note = ""
        if slot.kind == "load" or slot.marked:
            sessions = source
            note = "Deload week as written by the author" if slot.kind == "deload" else (
                "Taper week as written by the author" if slot.kind == "taper" else "")
        elif slot.kind == "deload":
            sessions, how = build_deload(reference, p.deload_strategy, measure, basis)
            note = f"Deload ({'inserted' if slot.inserted else 'replaces week ' + str(slot.origin + 1)}): {how}, from week {slot.reference + 1 if slot.reference is not None else index + 1}"
        elif slot.kind == "vacation":
            style = slot.style or "easy"
            sessions, how = build_deload(reference, style, measure, basis)
            note = f"Vacation week ({style}): {how}"
        else:
            sessions, note = _taper(source, slot, peak_volume, previous_volume, previous_long, measure, basis)
        if slot.kind in ("taper", "race"):
            sessions = _taper_strength(sessions, index, slot, race_offset, log)
            volume = sum(size(s, measure, basis) for s in sessions if s.kind is not K.RACE)
            previous_volume = min(previous_volume, volume) if previous_volume else volume
            previous_long = max((size(s, measure, basis) for s in sessions if s.kind is K.LONG), default=previous_long)
        contents.append(sorted(sessions, key=lambda s: s.day))
        notes.append(note)
    return contents, notes


def _taper(source: list[Session], slot: Slot, peak: float, previous: float, previous_long: float,
           measure: Measure, basis: Basis) -> tuple[list[Session], str]:
    """Scale a taper week (or the race week's pre-race days) to at most its share of the peak."""
    if slot.cut is None or peak <= 0:
        return source, ""
    race_index = max((i for i, s in enumerate(source) if s.kind is K.RACE), default=None)
    before = source if slot.kind == "taper" or race_index is None else source[:race_index]
    after = [] if slot.kind == "taper" or race_index is None else source[race_index:]
    target = min((1 - slot.cut) * peak, previous)
    volume = sum(size(s, measure, basis) for s in before)
    if volume > target + 1e-9:
        ratio = target / volume
        before = [shrink_quality(s, max(ratio, 0.5), measure) if s.kind.is_quality else s for s in before]
        before = fit_volume(before, target, measure, basis)
    before = [_cap_long(s, previous_long, measure, basis) for s in before]
    what = "Race week" if slot.kind == "race" else "Taper"
    return before + after, f"{what}: volume at most {1 - slot.cut:.0%} of the peak, same paces and efforts"


def _cap_long(session: Session, limit: float, measure: Measure, basis: Basis) -> Session:
    """Long runs in a taper never grow: shorten to the previous week's long run."""
    if session.kind is not K.LONG or limit <= 0:
        return session
    current: Session | None = session
    while current is not None and size(current, measure, basis) > limit + 1e-9:
        session = current
        current = one_step_less(current, measure)
        if current is not None:
            session = current
    return session


def _taper_strength(sessions: list[Session], index: int, slot: Slot, race_offset: int, log: list[str]) -> list[Session]:
    result = []
    for session in sessions:
        if session.kind is not K.STRENGTH:
            result.append(session)
            continue
        days_out = race_offset - (index * 7 + session.day - 1)
        if slot.kind == "taper" and not slot.marked:
            session = halve_sets(session)
        kept = near_race(session, days_out)
        if kept is None:
            reason = "the last strength session is at least 2 days" if days_out < 2 else "heavy lower-body work stops 7 days"
            log.append(f"strength on day {session.day} of week {index + 1} dropped: {reason} before the race")
            continue
        result.append(kept)
    return result


def _planned_weeks(plan: Plan, layout: Layout, contents: Sequence[list[Session]], notes: Sequence[str],
                   measure: Measure, first: date | None) -> list[PlannedWeek]:
    daily = [0.0] * (len(contents) * 7)
    planned_by_week: list[list[PlannedSession]] = []
    for index, sessions in enumerate(contents):
        planned = []
        slots_per_day: dict[int, int] = {}
        slot_info = layout.slots[index]
        originals = {} if slot_info.kind == "load" else _originals(plan, layout, index, contents)
        for session in sessions:
            nth = slots_per_day.get(session.day, 0)
            slots_per_day[session.day] = nth + 1
            day_offset = index * 7 + session.day - 1
            load = session_load(session, measure)
            daily[day_offset] += load
            planned.append(PlannedSession(
                session=session, week=index + 1, day=session.day, slot=nth,
                date=first + timedelta(days=day_offset) if first else None,
                distance_km=round(session_km(session, measure), 3) if session.kind.is_run else None,
                minutes=round(session_minutes(session, measure), 1) if session.kind is not K.REST else None,
                load=round(load, 1),
                original=_changed_from(session, originals),
            ))
        planned_by_week.append(planned)
    metrics = week_metrics(daily)
    weeks = []
    for index, (slot, planned) in enumerate(zip(layout.slots, planned_by_week, strict=True)):
        source_week: Week = plan.weeks[slot.origin]
        runs = [p for p in planned if p.kind.is_run and not p.session.optional]
        # A derived week keeps the phase of the week it stands in; a vacation keeps the author's
        # notes too (they are about the holiday), a generated deload does not (they describe other sessions).
        own_notes = slot.kind in ("load", "taper", "race", "vacation") or slot.marked
        weeks.append(PlannedWeek(
            number=index + 1, kind=slot.kind,
            title=source_week.title if not slot.inserted else "",
            notes=source_week.notes if own_notes and not slot.inserted else "",
            start=first + timedelta(days=index * 7) if first else None, sessions=tuple(planned),
            distance_km=round(sum(session_km(p.session, measure) for p in runs), 3),
            minutes=round(sum(session_minutes(p.session, measure) for p in runs), 1),
            long_run_km=round(max((p.distance_km or 0.0 for p in runs if p.kind is not K.RACE), default=0.0), 3),
            metrics=metrics[index], source=source_week.source, origin=slot.origin + 1,
            reference=slot.reference + 1 if slot.reference is not None else None, note=notes[index],
            inserted=slot.inserted, vacation=slot.style if slot.kind == "vacation" else None,
            quality_sessions=sum(1 for p in runs if p.kind.is_quality), run_sessions=len(runs),
        ))
    return weeks


def _originals(plan: Plan, layout: Layout, index: int, contents: Sequence[list[Session]]) -> dict[tuple[int, int, int], Session]:
    """The written sessions a derived week was made from, by where they were written."""
    slot = layout.slots[index]
    if slot.kind in ("deload", "vacation") and slot.reference is not None and not slot.marked:
        base = contents[slot.reference]
    else:
        base = list(plan.weeks[slot.origin].sessions)
    return {(s.source.line, s.source.col, s.day): s for s in base}


def _changed_from(session: Session, originals: dict[tuple[int, int, int], Session]) -> Session | None:
    original = originals.get((session.source.line, session.source.col, session.day))
    return original if original is not None and original != session else None


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
    """The expanded plan as a source plan with every reduced week marked, so that
    expanding it again changes nothing (the engine is idempotent)."""
    weeks = tuple(
        Week(number=w.number, source=w.source, title=w.title, notes=w.notes,
             mark=w.kind if w.kind in ("deload", "taper", "vacation") else None,
             sessions=tuple(p.session.with_changes(day=p.day) for p in w.sessions))
        for w in expanded.weeks
    )
    vacations = tuple(Vacation(style=w.vacation or "easy", source=w.source, week=w.number)
                      for w in expanded.weeks if w.kind == "vacation")
    periodization = replace(expanded.plan.periodization, vacations=vacations)
    return replace(expanded.plan, weeks=weeks, periodization=periodization)
