"""Expand a plan: recognise what the author wrote, lay out its weeks, fill deload, vacation
and taper weeks, date every session, and compute volumes, loads, metrics and warnings.
Pure and deterministic."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import partial

from ..errors import DeloadError, Diagnostic
from ..expanded import Anchor, Basis, ExpandedPlan, Note, Phrase
from ..model import MAX_WEEKS, Periodization, Plan, Session, SessionKind, VacationStyle
from .checks import check_weeks
from .deload import after_race, as_written_easy, build_deload, deload_strength, easy_only, rest_week
from .layout import Decision, Holidays, Layout, Slot, build_layout, decision_warnings
from .liftchecks import taper_load_warnings
from .load import heaviest_weights, load_weigher
from .overfull import overfull_sessions
from .planned import planned_weeks
from .racestrength import race_strength_note, strength_near_race
from .ranges import merge_expanded, plan_at, plan_ranged
from .recognize import SourceWeek, running_volumes, survey, unmarked_lighter
from .runwalk import shortened_spells
from .settle import settle
from .taper import (
    DEFAULT_TAPER_DAYS,
    TaperSpan,
    race_day,
    taper_span,
    taper_week,
    unmarked_tapers,
    whole_weekend,
    written_taper,
)
from .vacations import LayOut, week_vacations
from .volume import Measure, given_km, size
from .wording import describe_amount

K = SessionKind


def choose_basis(plan: Plan) -> Basis:
    """Distance when most runs give a distance, else minutes (e.g. time-based run-walk plans)."""
    runs = [s for w in plan.weeks for s in w.sessions if s.kind.is_run and s.kind is not K.RACE]
    with_distance = sum(1 for s in runs if given_km(s) is not None)
    return "distance" if runs and with_distance * 2 >= len(runs) else "minutes"


@dataclass
class _Context:
    """What every step of one expansion shares."""

    plan: Plan
    measure: Measure
    basis: Basis
    span: TaperSpan | None
    weeks: tuple[SourceWeek, ...]
    heaviest: dict[str, float]
    weigh: Callable[[Session], float]

    def load(self, session: Session) -> float:
        return self.weigh(session)

    def size(self, session: Session) -> float:
        return size(session, self.measure, self.basis)

    def amount(self, value: float) -> str:
        return describe_amount(value, self.basis, self.plan.units)


def expand(plan: Plan, race_date: date | None = None, start: date | None = None) -> ExpandedPlan:
    """The plan a reader follows. ``race_date``/``start`` override the frontmatter's anchor.
    A plan written in ranges is expanded at both ends (see :mod:`generator.periodize.ranges`)."""
    if not plan_ranged(plan):
        return _expand(plan, race_date, start)[0]
    written = taper_written(plan)  # decided once for both ends, as the layout is
    low, layout = _expand(plan_at(plan, "low"), race_date, start, written=written)
    high, _ = _expand(plan_at(plan, "high"), race_date, start, layout, written=written)
    return merge_expanded(plan, low, high)


def _expand(plan: Plan, race_date: date | None, start: date | None,
            fixed: Layout | None = None, written: bool = True) -> tuple[ExpandedPlan, Layout]:
    """One expansion; ``fixed``: the layout decided at the other end of the plan's ranges;
    ``written``: whether a taper the author wrote may stand in for the default (both ends agree)."""
    measure = Measure(plan.periodization, plan.checks, plan.units, plan.zones)
    basis = choose_basis(plan)
    anchor, anchor_date = _anchor(plan, race_date, start)
    span, taper_note, written_by = plan_taper(plan, measure, basis, written)
    last_loading = _last_loading(plan, span)
    heaviest = heaviest_weights([s for w in plan.weeks for s in w.sessions])
    load_of = load_weigher(measure, heaviest)
    context = _Context(plan, measure, basis, span, survey(plan, measure, basis, last_loading, load_of), heaviest, load_of)
    decisions = _taper_decisions(plan, span, taper_note, written_by)
    vacations = week_vacations(plan, span, decisions)

    def lay_out_with(weeks: tuple[SourceWeek, ...]) -> LayOut:
        def lay_out(places: Holidays) -> tuple[Layout, date | None]:
            layout = build_layout(plan, weeks, span, places, context.amount)
            return layout, _first_day(plan, layout, anchor, anchor_date)
        return lay_out

    if fixed is None:
        source_weeks, layout, first, vacation_warnings, decisions = settle(
            plan, context.weeks, vacations, decisions, lay_out_with, partial(survey, plan, measure, basis, last_loading, load_of))
        context = replace(context, weeks=source_weeks)
    else:
        layout, first, vacation_warnings = fixed, _first_day(plan, fixed, anchor, anchor_date), []
    if len(layout.slots) > MAX_WEEKS:
        raise DeloadError([Diagnostic(plan.path, plan.source.line, 1,
            f"with its deload weeks the plan would last {len(layout.slots)} weeks, over the limit of {MAX_WEEKS}; "
            "use 'mode: replace' or fewer weeks")])
    log = list(layout.log)
    contents, notes = _fill(context, layout, log, decisions)
    weeks, race_form = planned_weeks(plan, layout, contents, notes, measure, first, context.load)
    decisions += layout.decisions
    # A week the taper leaves as written (already under its cap, or begun late in the week) is not cut again.
    kept = {w.origin - 1 for w in weeks if w.origin is not None and not w.inserted
            and not any(p.original is not None for p in w.sessions)}
    decisions += [Decision("taper-unmarked", index, message) for index, message in
                  unmarked_tapers(plan, context.span, [w.volume for w in context.weeks]) if index not in kept]  # else not cut
    decisions += [Decision("deload-unmarked", index, message) for index, message in
                  unmarked_lighter(plan, context.weeks, context.span.first_week if context.span else len(plan.weeks))]
    warnings = [*vacation_warnings, *decision_warnings(plan, decisions),
                *check_weeks(plan, weeks, basis, layout, context.weeks), *taper_load_warnings(weeks, context.span),
                *shortened_spells(plan, weeks), *overfull_sessions(plan, measure)]
    race = first + timedelta(days=(len(weeks) - 1) * 7 + (race_day(plan) or 1) - 1) if first and race_day(plan) else None
    shift = race_date_weekday_shift(plan, first)
    if shift:
        log.append(shift)
        if start is not None or anchor == "race":  # a frontmatter 'start' is warned about where it is written
            warnings.append(_weekday_warning(plan, anchor, first, race, shift))
    return ExpandedPlan(plan=plan, weeks=tuple(weeks), warnings=tuple(warnings), basis=basis, anchor=anchor,
                        start=first, race_date=race, mode=plan.periodization.deload_mode, log=tuple(log),
                        race_form=race_form), layout


def _taper_decisions(plan: Plan, span: TaperSpan | None, shortened: str,
                     written_by: tuple[TaperSpan, int, str] | None) -> list[Decision]:
    """What the taper's placing says: shortened for want of room, a given length that splits a
    weekend (kept to the day, as given: said, with the fix), the author's own taper read by volume."""
    decisions: list[Decision] = []
    if shortened:
        decisions.append(Decision("taper-shortened", len(plan.weeks) - 1, shortened))
    if span is not None and not span.authored and plan.periodization.taper_days is not None and (
            whole_weekend(span, plan.week_starts) < span.length):
        n = span.first_week + 1
        decisions.append(Decision("taper-weekend", span.first_week, (
            f"your {span.length}-day taper begins on the Sunday of week {n}: it cuts that weekend's Sunday and not its "
            f"Saturday (a back-to-back weekend split in two); 'taper: {{days: {span.length - 1}}}' begins it with week "
            f"{n + 1} (or mark your own taper weeks {{taper}}, from week {n + 1}, to keep them as written)")))
    if written_by is not None:
        decisions.append(Decision("taper-written", written_by[1], written_by[2], note=True))
    p = plan.periodization
    written = plan.location("periodization.taper") != plan.source  # the plan's own, not the site's default
    marked = any(week.mark == "taper" for week in plan.weeks)
    if span is None and race_day(plan) is None and p.taper and p.taper_days and plan.weeks and written and not marked:
        # A taper asked for in a plan without a race (a lifter's test day): nothing to taper into, said.
        decisions.append(Decision("taper-no-race", len(plan.weeks) - 1, f"no taper: the plan has no race to taper into "
                                  f"('taper: {{days: {p.taper_days}}}' asks {p.taper_days} days before it); give its "
                                  "last week a race ('- Sat: Race 5K', or a timed test: 'Race 1 h') or mark the last "
                                  "weeks {taper}", source=plan.location("periodization.taper")))
    return decisions


def plan_taper(plan: Plan, measure: Measure, basis: str,
           allowed: bool = True) -> tuple[TaperSpan | None, str, tuple[TaperSpan, int, str] | None]:
    """The plan's taper, a note when it had to be shortened, and the taper the author wrote by
    volume when it stands in for the default one (see :func:`written_taper`; ``allowed``: a plan
    in ranges has it only when both its ends do)."""
    span, note = taper_span(plan)
    written = written_taper(plan, span, running_volumes(plan, measure, basis)) if (
        allowed and span is not None and plan.periodization.taper_days is None) else None
    return (written[0] if written is not None else span), note, written


def taper_written(plan: Plan) -> bool:
    """Whether the author wrote the taper by volume (:func:`written_taper`), at both ends of a plan in ranges."""
    ends = [plan_at(plan, "low"), plan_at(plan, "high")] if plan_ranged(plan) else [plan]
    return all(plan_taper(end, Measure(end.periodization, end.checks, end.units, end.zones), choose_basis(end))[2] is not None
               for end in ends)




def _last_loading(plan: Plan, span: TaperSpan | None) -> int:
    """The last week a step-back of the author's may be recognised in: the weeks before the taper,
    and before the weeks a taper of the configured (or default) length would take, whoever
    writes the taper: lighter weeks there are the taper, not step-backs."""
    day = race_day(plan)
    if day is None or plan.race is None:
        return len(plan.weeks) - 1
    days = plan.periodization.taper_days or DEFAULT_TAPER_DAYS[plan.race.category]
    length = days if plan.periodization.taper_days else whole_weekend(TaperSpan(days, days, len(plan.weeks), day),
                                                                         plan.week_starts)
    first = TaperSpan(days, length, len(plan.weeks), day).first_week  # as the default taper begins
    return min(first, span.first_week if span is not None else first) - 1


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


def _weekday_warning(plan: Plan, anchor: Anchor | None, first: date | None, race: date | None, shift: str) -> Diagnostic:
    from ..errors import Severity

    assert first is not None
    where = plan.location("race.date") if anchor == "race" else plan.location("start")
    if anchor == "race" and race is not None:
        what = f"race day {race:%A %-d %b %Y} is not the weekday the plan's race is written on"
    else:
        what = f"the start day {first:%A %-d %b %Y} is not the first day of the plan's weeks"
        what += f", so the race moves to a {race:%A}" if race is not None else ""
    return Diagnostic(where.file, where.line, where.col, f"{what}: {shift}", Severity.WARNING, "start-weekday")


# -- filling the weeks ---------------------------------------------------------------

def _fill(context: _Context, layout: Layout, log: list[str],
          decisions: list[Decision]) -> tuple[list[list[Session]], list[Note]]:
    """The sessions of every output week, and the engine's note for each."""
    plan, measure = context.plan, context.measure
    span = context.span
    slots = layout.slots
    peak, peak_long = _peak(context)
    taper = _Taper(peak, peak, peak_long, 0.0)
    contents: list[list[Session]] = []
    notes: list[Note] = []
    day_of_race = race_day(plan)
    race_at = (len(slots) - 1, day_of_race) if day_of_race is not None else None
    for index, slot in enumerate(slots):
        sessions, note = _week(context, slot, index, contents, taper)
        # A session marked {keep} stays as written through the rules near a race too; a vacation still takes it.
        fixed = [s for s in sessions if s.keep] if slot.kind in ("deload", "taper", "race") and slot.style is None else []
        sessions = [s for s in sessions if not any(s is f for f in fixed)]
        if slot.kind in ("taper", "race") or slot.tapers:
            if slot.style is not None:
                sessions = _vacation_in_taper(sessions, slot.style, measure)
                note = (*note, Phrase.of(f"vacation-in-taper-{slot.style}"))
            volume = sum(context.size(s) for s in sessions if s.kind is not K.RACE)
            taper.previous = min(taper.previous, volume) if taper.previous else volume
            easy = sorted((context.size(s) for s in sessions if s.kind is K.EASY), reverse=True)
            longs = [context.size(s) for s in sessions if s.kind is K.LONG]
            if not longs and easy and not any(s.kind is K.RACE for s in sessions):
                longs, easy = easy[:1], easy[1:]  # its longest easy run is its long run (see taper_week)
            taper.previous_long = max(longs, default=taper.previous_long)
            taper.previous_easy = max(easy, default=taper.previous_easy)
        if slot.kind in ("deload", "vacation") and not slot.marked and index > 0:
            rested, days = after_race(sessions, _last_race(contents[index - 1]), measure)
            if rested != sessions:
                note = (*note, Phrase.of("after-race", days=days) if days > 1 else Phrase.of("after-race-day"))
            sessions = rested
        if race_at is not None:
            before = sessions
            sessions = strength_near_race(sessions, (index, slot.origin), race_at,
                                           span.length if span and not span.authored else 0, context.heaviest, log, decisions)
            said = race_strength_note(before, sessions) if sessions != before else None
            if said is not None:
                note = (*note, said)
        contents.append(sorted([*sessions, *fixed], key=lambda s: s.day))
        notes.append(note)
    return contents, notes


def _said_of(reference: list[Session], source: list[Session]) -> list[Session]:
    """Sessions a week is built from, without what their author said of a long run in another
    week ("— 7,000 ft D+; the biggest day of the plan": its route and its place in the plan);
    how to do any other session ("— bike or elliptical", a hill's gradient) stays."""
    if reference is source:
        return reference
    return [s.with_changes(comment="", notes="") if s.kind is K.LONG and (s.comment or s.notes) else s for s in reference]


@dataclass
class _Taper:
    peak: float
    previous: float  # the volume of the taper week before (the peak at first): a taper only goes down
    previous_long: float
    previous_easy: float  # the longest easy run of the taper week before (0: none yet): none grows in a taper


def _week(context: _Context, slot: Slot, index: int, contents: Sequence[list[Session]],
          taper: _Taper) -> tuple[list[Session], Note]:
    """One output week's sessions before the safety rules near a race, and the engine's note."""
    measure, basis = context.measure, context.basis
    p = context.plan.periodization
    span = context.span
    source = list(context.plan.weeks[slot.origin].sessions)
    reference = contents[slot.reference] if slot.reference is not None else source
    if slot.kind == "deload" and not slot.marked:
        kept = [s for s in source if s.keep]  # as written, in the deload too; the rest is built without them
        taken = {(s.day, s.kind) for s in kept}
        built = [s for s in _said_of(reference, source) if not s.keep and (s.day, s.kind) not in taken]
        sessions, how = build_deload(built, p.deload_strategy, measure, basis, context.load)
        sessions = sorted([*sessions, *kept], key=lambda s: s.day)
        built_from = slot.reference + 1 if slot.reference is not None else index + 1
        if slot.inserted:
            return sessions, (Phrase.of("deload-after", week=index, reference=built_from, how=how),)
        return sessions, (Phrase.of("deload-replaces", week=slot.origin + 1, reference=built_from, how=how),)
    if slot.kind == "vacation" and not slot.marked:
        sessions, how = build_deload(_said_of(reference, source), slot.style or "easy", measure, basis, context.load)
        if not slot.inserted and slot.style != "rest" and _volume(context, source) <= _volume(context, sessions):
            # The author wrote the trip's week light already (75 min on a hotel treadmill): a holiday
            # never makes a week heavier than written; its runs become easy running, as written.
            sessions, how = as_written_easy(source, measure)
        elif not slot.inserted and slot.style != "rest":  # the strength of the week you wrote, deloaded: no exercise added
            sessions, how = _written_strength(sessions, source, p), _strength_said(how, source, p)
        races = [s for s in source if s.kind is K.RACE] if not slot.inserted else []
        if races:  # the week it replaces holds a race the author wrote (a tune-up): a holiday does not drop it
            days = {race.day for race in races}
            sessions = sorted([*(s for s in sessions if s.day not in days), *races], key=lambda s: s.day)
        return sessions, (Phrase.of(f"vacation-{slot.style or 'easy'}", how=how),)
    if slot.marked:
        return source, (Phrase.of(f"as-written-{slot.kind}"),) if slot.kind in ("deload", "taper", "vacation") else ()
    if slot.step_back and not slot.long_run_back:
        return source, (Phrase.of("step-back"),)
    if slot.kind == "load" and not slot.tapers:
        return source, ()
    if span is None or span.authored:
        return source, (Phrase.of("taper-as-written"),) if span is not None and slot.kind == "taper" else ()
    tapered = [s for s in source if not s.keep]  # a session marked {keep} is as written in the taper too
    sessions = taper_week(tapered, slot.origin, span, taper.peak, taper.previous, taper.previous_long, measure, basis,
                          taper.previous_easy)
    note = _taper_note(slot.kind, slot.origin, span, taper.peak, tapered)
    if list(sessions) == tapered and note and note[0].code in ("taper", "taper-race"):  # within its cap as written
        note = (Phrase(f"{note[0].code}-unchanged", note[0].args), *note[1:])
    return sorted([*sessions, *(s for s in source if s.keep)], key=lambda s: s.day), note


def _volume(context: _Context, sessions: Sequence[Session]) -> float:
    return sum(context.size(s) for s in sessions if s.kind is not K.RACE)


def _peak(context: _Context) -> tuple[float, float]:
    """The biggest of the last three representative loading weeks before the taper, and their longest run.
    Measured as a taper week is, every run whole: a run-walk plan's walks are in its taper weeks too."""
    span = context.span
    if span is None:
        return 0.0, 0.0
    last = [w for w in context.weeks[:span.first_week] if w.representative][-3:]
    if not last:
        last = [w for w in context.weeks[:span.first_week] if w.volume > 0][-3:]
    return max((w.on_feet for w in last), default=0.0), max((w.long_run for w in last), default=0.0)


def _taper_note(kind: str, week: int, span: TaperSpan | None, peak: float, sessions: Sequence[Session]) -> Note:
    """What the taper does in this week; nothing for a week whose few taper days hold no run."""
    if span is None:
        return ()
    first = span.first_day(week)
    days = [day for day in range(1, 8) if span.cut(week, day) is not None]
    cuts = sorted({span.cut(week, day) or 0.0 for day in days})
    runs = [s for s in sessions if s.kind.is_run and s.kind is not K.RACE and s.day in days]
    if first is None or not cuts or peak <= 0 or (kind != "race" and not runs):
        return ()
    shares = tuple(1 - c for c in reversed(cuts))
    if kind == "race":
        return (Phrase.of("taper-race", shares=shares, days=span.length),)
    if first == 1:
        return (Phrase.of("taper", shares=shares, days=span.length),)
    return (Phrase.of("taper-from", day=first, shares=shares, days=span.length),)


def _vacation_in_taper(sessions: Sequence[Session], style: VacationStyle, measure: Measure) -> list[Session]:
    races = [s for s in sessions if s.kind is K.RACE]
    others = [s for s in sessions if s.kind is not K.RACE]
    kept = rest_week(others) if style == "rest" else [easy_only(s, measure) for s in others]
    return sorted([*kept, *races], key=lambda s: s.day)


def _last_race(week: Sequence[Session]) -> Session | None:
    """The last race of a week's sessions, if any."""
    return max((s for s in week if s.kind is K.RACE), key=lambda s: s.day, default=None)


def _strength_said(how: Note, written: Sequence[Session], p: Periodization) -> Note:
    """A vacation's note with the strength of the week you wrote: its cut said when it has one."""
    rest = [phrase for phrase in how if not phrase.code.startswith("strength-")]
    if any(deload_strength(s, p) != s for s in written if s.kind is K.STRENGTH):
        rest.insert(1, Phrase.of(f"strength-{p.strength_strategy}"))
    return tuple(rest)


def _written_strength(built: Sequence[Session], written: Sequence[Session], p: Periodization) -> list[Session]:
    """A vacation made in place of a week you wrote, with that week's strength sessions (deloaded)
    instead of those of the week it was built from: a holiday week gains no exercise."""
    strength = [deload_strength(s, p) for s in written if s.kind is K.STRENGTH]
    return sorted([*(s for s in built if s.kind is not K.STRENGTH), *strength], key=lambda s: s.day)
