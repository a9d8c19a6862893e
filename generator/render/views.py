"""View models for the HTML and PDF templates: the expanded plan in words, in both units.

Every figure comes from the engine's expanded plan; this module only formats.
Where a text depends on the unit (distances, paces in titles), both versions
are rendered and the page shows one: the plan's own units without JavaScript,
the reader's choice with it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from markupsafe import Markup, escape

from ..describe import (
    amount_text,
    as_written,
    distance_text,
    exercise_text,
    minutes_text,
    needs_steps,
    race_text,
    range_text,
    session_title,
    sheet_title,
    strength_volume_text,
    workout_lines,
)
from ..expanded import ExpandedPlan, PlannedSession, PlannedWeek, WeekMetrics
from ..i18n import N_, Words, gettext, weekday
from ..model import Distance, Duration, Plan, SessionKind
from ..paces import PaceTable
from ..slugs import slug_from
from .dualunits import dual, pick
from .fit import file_name, has_workout
from .fitset import plan_zip_name
from .markdown import render_inline, render_markdown
from .notes import note_text
from .paceview import PaceView, example_table, session_paces

UNITS = ("km", "mi")
KIND_LABELS = Words({"load": N_("Loading week"), "deload": N_("Deload week"), "vacation": N_("Vacation week"),
                     "taper": N_("Taper week"), "race": N_("Race week")})
LEVEL_NAMES = Words({"beginner": N_("Beginner"), "novice": N_("Novice"), "intermediate": N_("Intermediate"),
                     "advanced": N_("Advanced"), "all levels": N_("All levels")})
CATEGORY_NAMES = Words({"5k": N_("5K"), "10k": N_("10K"), "half": N_("Half marathon"), "marathon": N_("Marathon"),
                        "other": N_("Other distances"), "none": N_("No race")})


def _beside(badge: str, title: str) -> str:
    """The author's title of a week beside its badge, unless it says the same ("Race week" beside
    "Race week", "Taper" beside "Taper week")."""
    said = len(title) >= 4 and badge.casefold().startswith(title.casefold().rstrip(" .:"))
    return "" if said else title


@lru_cache(maxsize=4096)
def _notes(text: str) -> Markup:
    return render_markdown(text, top=4)


@dataclass
class SessionView:
    kind: str
    title: Markup
    optional: bool
    comment: Markup
    notes: Markup
    exercises: list[str]
    was: Markup | None
    steps: list[Markup]  # the workout a line a part, for a main set a title cannot say plainly
    paces: list[PaceView]  # a pace for each target, for the reader's own time
    fit: str  # the session's watch file (in fit/fit.json), or "" for a session a watch does not run
    offset: int
    date: date | None
    slot: int
    planned: PlannedSession | None = field(default=None, repr=False)
    units: str = "km"
    was_in: int | None = None  # the week ``was`` is from, in a week the engine added (no one wrote this week)

    @property
    def short(self) -> Markup:
        """Kind and size only: "Tempo 8 km", for the one-page sheet (made when it asks)."""
        if self.planned is None:
            return self.title
        session = self.planned.session
        return dual(lambda u: sheet_title(session, u), self.units)


@dataclass
class DayView:
    label: str  # "Tue" or "Day 9"
    offset: int  # days from the plan's first day
    date: date | None
    sessions: list[SessionView] = field(default_factory=list)


@dataclass
class WeekView:
    number: int
    kind: str
    kind_label: str
    title: str
    start: date | None
    end: date | None
    volume: Markup
    note: str
    notes: Markup
    days: list[DayView]
    anchor: str
    metrics: WeekMetrics
    fit_zip: str = ""  # the zip the script takes the week's watch files from (fit/<name>: the plan's), or ""
    step_back: bool = False  # a lighter loading week the author wrote: shown as one
    tune_up: bool = False  # a loading week holding a race: shown as a race week


def session_view(planned: PlannedSession, expanded: ExpandedPlan, week: PlannedWeek, week_index: int,
                 table: PaceTable | None) -> SessionView:
    s = planned.session
    units = expanded.plan.units
    original = planned.original
    return SessionView(
        kind=s.kind.value,
        title=dual(lambda u: session_title(s, u, paces=u != units), units),
        optional=s.optional,
        comment=render_inline(s.comment),
        notes=_notes(s.notes),
        exercises=[exercise_text(e) for e in s.exercises],
        was=dual(lambda u: as_written(original, u), units) if original is not None else None,
        was_in=week.reference if week.inserted and original is not None else None,
        steps=_steps(planned, units),
        paces=session_paces(s, planned.workout, expanded, table),
        fit=file_name(expanded, week, planned) if has_workout(planned) else "",
        offset=week_index * 7 + planned.day - 1,
        date=planned.date,
        slot=planned.slot,
        planned=planned,
        units=units,
    )


def _steps(planned: PlannedSession, units: str) -> list[Markup]:
    if not needs_steps(planned.session, planned.workout):
        return []
    lines = {u: workout_lines(planned.workout, u) for u in ("km", "mi")}
    return [dual(pick(lines, i), units) for i in range(len(lines["km"]))]


def _span(low: str, high: str | None) -> str:
    return range_text(low, high) if high is not None and high != low else low


def race_part(expanded: ExpandedPlan, week: PlannedWeek, basis: str) -> float:
    """The race's share of a race week's volume (km or minutes): the goal race's in the last week,
    a tune-up's in its week; 0 for any other week."""
    if basis in ("sets", "reps"):
        return 0.0
    return float(sum((p.distance_km if basis == "distance" else p.minutes) or 0.0 for p in _races(expanded, week)))


def _races(expanded: ExpandedPlan, week: PlannedWeek) -> list[PlannedSession]:
    if week.tune_up:
        return [p for p in week.sessions if p.kind is SessionKind.RACE]
    race = expanded.race_session
    return [race] if race is not None and week is expanded.weeks[-1] else []


def _before_race(expanded: ExpandedPlan, week: PlannedWeek) -> tuple[float, float, float | None, float | None] | None:
    """The race week's training without its goal race (km, minutes and their tops), or None for
    another week: "8.5 mi + the race" had read as a week bigger than the taper before it."""
    race = expanded.race_session
    if race is None or week is not expanded.weeks[-1] or week.tune_up:
        return None
    km, minutes = race.distance_km or 0.0, race.minutes or 0.0
    return (max(week.distance_km - km, 0.0), max(week.minutes - minutes, 0.0),
            max(week.distance_km_high - km, 0.0) if week.distance_km_high is not None else None,
            max(week.minutes_high - minutes, 0.0) if week.minutes_high is not None else None)


def week_volume_text(expanded: ExpandedPlan, week: PlannedWeek) -> str:
    """A week's volume as plain text: :func:`volume_text`, or its sets; a race week's training
    and the race."""
    if expanded.by_sets:
        return strength_volume_text(week.sets, week.reps)
    training = _before_race(expanded, week)
    if training is None and _no_running(week):
        return gettext("no running")
    if training is None:
        return volume_text(expanded, week.distance_km, week.minutes, week.distance_km_high, week.minutes_high)
    return _with_race(volume_text(expanded, *training), training[1])


def _no_running(week: PlannedWeek) -> bool:
    return not week.minutes and not week.distance_km and not week.minutes_high


def _with_race(training: str, minutes: float) -> str:
    return gettext("%(training)s + the race") % {"training": training} if minutes > 0 else gettext("the race")


def volume_text(expanded: ExpandedPlan, km: float, minutes: float, km_high: float | None = None,
                minutes_high: float | None = None) -> str:
    """A week's volume as plain text in the plan's units: ``23.5 mi · 4 h 01 min``, or a range
    (``40–45 mi · 6 h 10 min–6 h 55 min``) for a week written in ranges."""
    time = _span(minutes_text(minutes), minutes_text(minutes_high) if minutes_high is not None else None)
    if expanded.basis == "minutes":
        return time
    units = expanded.plan.units
    distance = _span(distance_text(km, units), distance_text(km_high, units) if km_high is not None else None)
    return f"{distance} · {time}"


def volume_markup(expanded: ExpandedPlan, km: float, minutes: float, km_high: float | None = None,
                  minutes_high: float | None = None) -> Markup:
    units = expanded.plan.units
    time = _span(minutes_text(minutes), minutes_text(minutes_high) if minutes_high is not None else None)
    if expanded.basis == "minutes":
        return Markup(escape(time))
    def distance(u: str) -> str:
        return _span(distance_text(km, u), distance_text(km_high, u) if km_high is not None else None)
    return dual(distance, units) + Markup(" · ") + escape(time)


def peak_text(expanded: ExpandedPlan) -> Markup:
    """The peak week's volume on an index card, in both units: the card follows the reader's km/mi
    switch, as the plan's page does."""
    peak = expanded.peak_week
    if peak is None:
        return Markup("—")
    return week_volume(expanded, peak)


def week_volume(expanded: ExpandedPlan, week: PlannedWeek) -> Markup:
    if expanded.by_sets:
        return Markup(escape(strength_volume_text(week.sets, week.reps)))
    training = _before_race(expanded, week)
    if training is None and _no_running(week):
        return Markup(escape(gettext("no running")))  # a rest holiday's mobility: "0 min" read as a mistake
    if training is None:
        return volume_markup(expanded, week.distance_km, week.minutes, week.distance_km_high, week.minutes_high)
    return Markup(escape(_with_race("\x00", training[1]))).replace("\x00", volume_markup(expanded, *training))


def day_label(plan: Plan, week_index: int, day: int) -> str:
    if plan.layout == "days":
        return gettext("Day %(number)d") % {"number": week_index * 7 + day}
    return weekday((plan.week_starts + day - 1) % 7)


def week_views(expanded: ExpandedPlan, table: PaceTable | None = None) -> list[WeekView]:
    """The weeks in words; every session's pace from ``table`` (default: the coach's example)."""
    plan = expanded.plan
    table = table or example_table(expanded)
    result = []
    for index, week in enumerate(expanded.weeks):
        first = week.start
        days = {d: DayView(day_label(plan, index, d), index * 7 + d - 1, first + timedelta(days=d - 1) if first else None)
                for d in range(1, 8)}
        for planned in week.sessions:
            if planned.kind is not SessionKind.REST or planned.session.comment or planned.session.notes or planned.original:
                days[planned.day].sessions.append(session_view(planned, expanded, week, index, table))
        label = week_label(week)
        result.append(WeekView(
            number=week.number, kind=week.kind, kind_label=label, title=_beside(label, week.title) if week.kind != "load" else week.title,
            start=week.start, end=week.start + timedelta(days=6) if week.start else None,
            volume=week_volume(expanded, week), note=note_text(week.note),
            notes=_notes(week.notes), days=[days[d] for d in sorted(days)], anchor=f"week-{week.number}",
            metrics=week.metrics,
            fit_zip=plan_zip_name(plan.slug) if any(has_workout(s) for s in week.sessions) else "",
            step_back=week.step_back, tune_up=week.tune_up,
        ))
    return result


def week_label(week: PlannedWeek) -> str:
    """A week's kind as readers see it everywhere (page, table, calendar, fridge sheet): a
    lighter week the author wrote is one, not a "loading week"."""
    if week.kind == "load" and week.step_back:
        return gettext("Lighter week")
    return gettext("Tune-up race week") if week.tune_up else KIND_LABELS[week.kind]


def shown_kind(week: PlannedWeek) -> str:
    """The week's kind for marks and categories: the author's lighter week as a deload, a
    tune-up race's week as a race week."""
    return "deload" if week.kind == "load" and week.step_back else "race" if week.tune_up else week.kind


def lighter_weeks(expanded: ExpandedPlan) -> int:
    """Deload and vacation weeks, and the lighter weeks the author wrote: what a reader counts as
    recovery weeks (a Higdon plan's four step-backs are not "0 deload weeks")."""
    return expanded.deload_weeks + sum(1 for w in expanded.weeks if w.step_back)


def without_watch_files(weeks: list[WeekView]) -> list[WeekView]:
    """The weeks without links to watch files (a site built with ``watch_files = false``)."""
    for week in weeks:
        week.fit_zip = ""
        for day in week.days:
            for session in day.sessions:
                session.fit = ""
    return weeks


@dataclass
class Figures:
    weeks: int
    deloads: int
    peak: Markup
    average: Markup
    long_run: Markup | None
    sessions: int
    race_form: str | None = None  # TSB on race morning, signed: "+14"
    race_form_word: str = ""  # what it says, in a word a reader knows: "fresh"


# Race-morning form in words: coaches look for about −5 to +25 (coaching rules T11: GoldenCheetah's
# guide, "slightly negative to +25"); under it the legs still carry the training, over it fitness fades.
RACE_FORM_RANGE = (-5.0, 25.0)
_FORM_WORDS = Words({"tired": N_("still tired"), "fresh": N_("fresh"), "fading": N_("very fresh: fitness fading")})


def form_word(value: float) -> str:
    """A race-morning form as a reader reads it: "fresh" in the range coaches aim for."""
    low, high = RACE_FORM_RANGE
    return _FORM_WORDS["tired" if value < low else "fading" if value > high else "fresh"]


def signed(value: float) -> str:
    """A form (TSB) value as a coach reads it: "+14", "−3", "0"."""
    number = round(value)
    return f"+{number}" if number > 0 else f"−{-number}" if number < 0 else "0"


def figures(expanded: ExpandedPlan) -> Figures:
    weeks = expanded.weeks
    peak = expanded.peak_week
    count = len(weeks) or 1
    avg_km = sum(w.distance_km for w in weeks) / count
    avg_min = sum(w.minutes for w in weeks) / count
    long_km = max((w.long_run_km for w in weeks), default=0.0)
    return Figures(
        weeks=len(weeks), deloads=lighter_weeks(expanded),
        peak=week_volume(expanded, peak) if peak else Markup("—"),
        average=Markup(escape(strength_volume_text(sum(w.sets for w in weeks) / count, sum(w.reps for w in weeks) / count)))
        if expanded.by_sets else
        volume_markup(expanded, avg_km, avg_min),
        long_run=_longest_run(expanded, long_km) if long_km > 0 and expanded.basis == "distance" else None,
        sessions=sum(1 for w in weeks for p in w.sessions if p.kind is not SessionKind.REST),
        race_form=signed(expanded.race_form) if expanded.race_form is not None else None,
        race_form_word=form_word(expanded.race_form) if expanded.race_form is not None else "",
    )


def _longest_run(expanded: ExpandedPlan, long_km: float) -> Markup:
    """The plan's longest run as written: ``14 mi``, or ``4 h`` for one written by the clock
    (a trail plan's long run in miles at a road pace would be a figure no one wrote)."""
    longest = max((p for w in expanded.weeks for p in w.sessions if p.distance_km and p.kind is not SessionKind.RACE
                   and p.session.in_totals), key=lambda p: p.distance_km or 0.0, default=None)
    if longest is not None and isinstance(longest.session.total, Duration):
        return Markup(escape(amount_text(longest.session.total, expanded.plan.units)))  # "4 h", "3–4 h"
    if longest is not None and isinstance(total := longest.session.total, Distance) and abs(total.km - long_km) < 0.01:
        return dual(lambda u: amount_text(total, u), expanded.plan.units)  # as its session shows it: 16 mi is 25.7 km there too
    return dual(lambda u: distance_text(long_km, u), expanded.plan.units)


def race_label(plan: Plan) -> Markup | None:
    if plan.race is None:
        return None
    length = plan.race.length
    text = dual(lambda u: race_text(length, u), plan.units)
    return Markup(f"{escape(plan.race.name)} — {text}") if plan.race.name else text


def tag_slug(tag: str) -> str:
    """A tag's folder name: ASCII letters where the tag has them, else a short stable hash,
    so that tags in any script get pages of their own."""
    slug = slug_from(tag, fallback="")
    return slug or "tag-" + hashlib.sha1(tag.encode("utf-8")).hexdigest()[:8]


#: Where a plan is listed: a race of about a standard distance (±10%); a 10-mile or 30 km race is
#: listed under other distances (the engine's own bands, for the taper, are wider).
LISTED_DISTANCES = (("5k", 5.0), ("10k", 10.0), ("half", 21.0975), ("marathon", 42.195))


def category(plan: Plan) -> str:
    if plan.race is None:
        return "none"
    if plan.race.distance is None:  # a timed race: an ultra
        return "other"
    km = plan.race.distance.km
    return next((name for name, standard in LISTED_DISTANCES if abs(km - standard) <= standard * 0.1), "other")


__all__ = ["CATEGORY_NAMES", "KIND_LABELS", "LEVEL_NAMES", "DayView", "Figures", "PlannedWeek", "SessionView",
           "WeekView", "category", "dual", "figures", "race_label", "week_views"]
