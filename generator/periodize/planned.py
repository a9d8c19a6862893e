"""The filled layout as the weeks a reader follows: dates, sizes, loads and metrics."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..describe import CLIMB_TEXT
from ..expanded import Note, PlannedSession, PlannedWeek
from ..model import Distance, Duration, Plan, Session, SessionKind, Week
from .layout import Layout
from .metrics import form_before, week_metrics
from .steps import full_workout
from .volume import Measure, floor_amount, session_km, session_minutes, walking

K = SessionKind


def longest_run_km(sessions: Sequence[PlannedSession], high: bool = False) -> float:
    """A week's long run: its longest counted run that is not a race (at the top of its range, ``high``)."""
    runs = (p for p in sessions if p.kind.is_run and p.session.in_totals and p.kind is not K.RACE and not walking(p.session))
    return round(max(((p.distance_km_high if high else None) or p.distance_km or 0.0 for p in runs), default=0.0), 3)


def planned_weeks(plan: Plan, layout: Layout, contents: Sequence[list[Session]], notes: Sequence[Note],
                  measure: Measure, first: date | None,
                  load_of: Callable[[Session], float]) -> tuple[list[PlannedWeek], float | None]:
    """Every output week, and the form on race morning (None without a race)."""
    daily = [0.0] * (len(contents) * 7)
    planned_by_week: list[list[PlannedSession]] = []
    race_offset: int | None = None
    for index, sessions in enumerate(contents):
        planned = []
        slots_per_day: dict[int, int] = {}
        written = _written(plan, layout, index, contents)
        for session, shown in zip(*written.pairs(sessions), strict=True):
            nth = slots_per_day.get(session.day, 0)
            slots_per_day[session.day] = nth + 1
            original = _unchanged(session, shown)
            session = _climbing_follows(_alternative_follows(session, written.made_from(session), measure),
                                        written.made_from(session))
            day_offset = index * 7 + session.day - 1
            load = load_of(session)
            daily[day_offset] += load
            if session.kind is K.RACE and index == len(contents) - 1:
                race_offset = day_offset
            planned.append(PlannedSession(
                session=session, week=index + 1, day=session.day, slot=nth,
                date=first + timedelta(days=day_offset) if first else None,
                distance_km=round(session_km(session, measure), 3) if session.kind.is_run and not walking(session) else None,
                minutes=round(session_minutes(session, measure), 1) if session.kind is not K.REST else None,
                load=round(load, 1),
                original=original,
                workout=full_workout(session, measure),
            ))
        planned_by_week.append(planned)
    metrics = week_metrics(daily)
    weeks = []
    for index, (slot, planned) in enumerate(zip(layout.slots, planned_by_week, strict=True)):
        source_week: Week = plan.weeks[slot.origin]
        runs = [p for p in planned if p.kind.is_run and p.session.in_totals]
        # A derived week keeps the phase of the week it stands in; a vacation keeps the author's
        # notes too (they are about the holiday), a generated deload does not (they describe other sessions).
        own_notes = slot.kind in ("load", "taper", "race", "vacation") or slot.marked
        weeks.append(PlannedWeek(
            number=index + 1, kind=slot.kind,
            title=source_week.title if not slot.inserted else "",
            notes=source_week.notes if own_notes and not slot.inserted else "",
            start=first + timedelta(days=index * 7) if first else None, sessions=tuple(planned),
            distance_km=round(sum(session_km(p.session, measure) for p in runs if not walking(p.session)), 3),
            minutes=round(sum(session_minutes(p.session, measure) for p in runs), 1),
            long_run_km=longest_run_km(planned),
            metrics=metrics[index], source=source_week.source, origin=slot.origin + 1,
            reference=slot.reference + 1 if slot.reference is not None else None, note=notes[index],
            inserted=slot.inserted, vacation=slot.style,
            quality_sessions=sum(1 for p in runs if p.kind.is_quality), run_sessions=len(runs),
            step_back=slot.step_back and not slot.long_run_back,  # a week 4% lighter is no lighter week to a reader
            sets=sum(e.sets for p in planned if p.session.in_totals for e in p.session.exercises),
            reps=sum(e.sets * e.reps for p in planned if p.session.in_totals for e in p.session.exercises
                     if e.rep_unit == "reps"),
        ))
    race_form = form_before(daily, race_offset) if race_offset is not None else None
    return weeks, race_form


@dataclass(frozen=True)
class _Written:
    """What a derived week's sessions were written as. ``at``: by where they were written (the
    sessions a deload or taper was made from, what an ``or`` length is scaled against). ``by_day``:
    for a week the engine made in place of one you wrote (a deload or vacation replacing it), that
    week's sessions by day: "Written as" is then what you wrote for that day."""

    at: dict[tuple[int, int, int], Session]
    by_day: dict[int, list[Session]] | None = None

    def made_from(self, session: Session) -> Session | None:
        return self.at.get(_where(session))

    def pairs(self, sessions: Sequence[Session]) -> tuple[list[Session], list[Session | None]]:
        """``sessions`` and the written session to show under each: in a week made in place of one
        you wrote, the same kind that day first, then by order for the rest, each shown once; one
        you wrote that the new week has no place for is a rest day that says what was written
        (a strength session a deload of the week before has not), never a session gone unsaid."""
        if self.by_day is None:
            return list(sessions), [self.made_from(s) for s in sessions]
        shown: list[Session | None] = [None] * len(sessions)
        free = {day: list(written) for day, written in self.by_day.items()}
        for alike in (lambda s: s.kind, _category):  # the same kind that day, then the same sort of session
            for i, session in enumerate(sessions):
                if shown[i] is None:
                    match = next((s for s in free.get(session.day, []) if alike(s) == alike(session)), None)
                    if match is not None:
                        shown[i] = match
                        free[session.day].remove(match)
        for i, session in enumerate(sessions):  # the rest, in order
            if shown[i] is None and free.get(session.day):
                shown[i] = free[session.day].pop(0)
        left = [(Session(K.REST, s.day, s.source), s) for day in free.values() for s in day if s.kind is not K.REST]
        paired = sorted([*zip(sessions, shown, strict=True), *left], key=lambda pair: pair[0].day)
        return [session for session, _ in paired], [original for _, original in paired]


def _written(plan: Plan, layout: Layout, index: int, contents: Sequence[list[Session]]) -> _Written:
    slot = layout.slots[index]
    if slot.kind in ("deload", "vacation") and slot.reference is not None and not slot.marked:
        at = {_where(s): s for s in contents[slot.reference]}
        if slot.inserted:
            return _Written(at)
        by_day: dict[int, list[Session]] = {}
        for session in plan.weeks[slot.origin].sessions:
            by_day.setdefault(session.day, []).append(session)
        return _Written(at, by_day)
    return _Written({_where(s): s for s in plan.weeks[slot.origin].sessions})


def _category(session: Session) -> str:
    """Quality run, other run, or the kind of anything else: an easy run is never shown as what an
    interval session was written as while an easy run was written that day."""
    return "quality" if session.kind.is_quality else "run" if session.kind.is_run else session.kind.value


def _where(session: Session) -> tuple[int, int, int]:
    return (session.source.line, session.source.col, session.day)


def _unchanged(session: Session, original: Session | None) -> Session | None:
    if original is None or original.with_changes(source=session.source) == session:  # the same, written elsewhere
        return None
    return original


def _alternative_follows(session: Session, original: Session | None, measure: Measure) -> Session:
    """``Easy 5 mi or 45 min`` cut to ``4 mi``: the other length is cut by as much (``35 min``).
    The engine plans with the total; the other length only follows it."""
    if session.alternative is None or original is None or session.total == original.total:
        return session
    ratio = _ratio(session.total, original.total)
    if ratio is None:
        return session.with_changes(alternative=None)  # made another kind of session: the other length is gone
    other = session.alternative
    low = floor_amount(other.at("low"), ratio, measure, nearest=True)
    if other.high is None:
        return session.with_changes(alternative=low)
    high = floor_amount(other.at("high"), ratio, measure, nearest=True)
    top = high.seconds if isinstance(high, Duration) else high.value
    return session.with_changes(alternative=replace(low, high=top) if low != high else low)


def _ratio(new: object, old: object) -> float | None:
    """How much of ``old`` a run's total ``new`` is; None when they measure different things."""
    if isinstance(new, Duration) and isinstance(old, Duration):
        return new.seconds / old.seconds
    if isinstance(new, Distance) and isinstance(old, Distance):
        return new.km / old.km
    return None


CLIMB_STEP = {"m": 50, "ft": 100}  # climbing is counted in fifty metres or a hundred feet


def _climbing_follows(session: Session, original: Session | None) -> Session:
    """A run shortened with its climbing in its comment (``Long run 6 h — 6,000 ft D+`` cut to
    2 h 40 min) climbs as much less: 6,000 ft in 2 h 40 min had been no taper run."""
    if original is None or not session.comment or session.total == original.total:
        return session
    ratio = _ratio(session.total, original.total)
    if ratio is None or ratio >= 1:
        return session

    def scaled(match: re.Match[str]) -> str:
        step = CLIMB_STEP[match[3].lower()]
        value = max(step, round(float(match[1].replace(",", "")) * ratio / step) * step)
        return f"{value:,}" if "," in match[1] else str(value)

    comment = CLIMB_TEXT.sub(lambda m: scaled(m) + m[2] + m[3], session.comment)
    return session.with_changes(comment=comment) if comment != session.comment else session
