"""The expanded plan: what the periodization engine produces and every renderer reads.

Renderers take these values as they are: week kinds, dates, volumes and
metrics are decided by the engine, never re-derived from the source plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Literal

from .errors import Diagnostic
from .model import Part, Plan, Session, SessionKind, Source, VacationStyle, WeekKind

Basis = Literal["distance", "minutes"]
Anchor = Literal["race", "start"]


@dataclass(frozen=True, slots=True)
class PlannedSession:
    session: Session
    week: int  # output week number, 1-based
    day: int  # 1..7 within the week
    slot: int  # order within the day, 0-based
    date: date | None
    distance_km: float | None  # running distance, given or derived from the session's parts
    minutes: float | None  # given, or estimated from distance and pace
    load: float  # TSS-like: about 100 for an hour at threshold effort (see generator.periodize.load)
    original: Session | None = None  # as written, when the engine changed it (deload, taper, vacation)
    workout: tuple[Part, ...] = ()  # the whole run step by step: warm-up, main set, cool-down, strides
    distance_km_high: float | None = None  # the top of the range, for a session written as one (5-6 mi)
    minutes_high: float | None = None

    @property
    def kind(self) -> SessionKind:
        return self.session.kind

    @property
    def source(self) -> Source:
        return self.session.source


Figure = str | int | float | tuple["Phrase", ...] | tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Phrase:
    """One clause of the engine's note on a week, as a code and its figures: the renderers word
    it in the plan's language (:mod:`generator.render.notes`), the JSON keeps it as it is."""

    code: str  # "deload-after", "taper", … (see generator.render.notes.MESSAGES)
    args: tuple[tuple[str, Figure], ...] = ()

    @classmethod
    def of(cls, code: str, **args: Figure) -> Phrase:
        return cls(code, tuple(sorted(args.items())))

    @property
    def values(self) -> dict[str, Figure]:
        return dict(self.args)


Note = tuple[Phrase, ...]  # a week's note: its clauses, in order


@dataclass(frozen=True, slots=True)
class WeekMetrics:
    """Training-load figures for charts; advisory only (see the explainer page)."""

    load: float
    ctl: float
    atl: float
    tsb: float
    acwr_rolling: float | None
    acwr_ewma: float | None
    monotony: float | None


@dataclass(frozen=True, slots=True)
class PlannedWeek:
    number: int
    kind: WeekKind
    title: str
    notes: str
    start: date | None
    sessions: tuple[PlannedSession, ...]
    distance_km: float
    minutes: float
    long_run_km: float
    metrics: WeekMetrics
    source: Source  # the heading of the week the content came from
    origin: int | None  # the source week number the content came from
    reference: int | None = None  # output week a deload or taper was measured against
    note: Note = ()  # the engine's explanation, e.g. "Deload (after week 3): volume −25%…, from week 3"
    inserted: bool = False
    vacation: VacationStyle | None = None
    quality_sessions: int = 0
    run_sessions: int = 0
    step_back: bool = False  # a lighter loading week the author wrote, recognised by the engine
    distance_km_high: float | None = None  # the top of the range, for a week with sessions written as ranges
    minutes_high: float | None = None
    long_run_km_high: float | None = None
    sets: int = 0  # sets of strength work, in the sessions counted in the week's volume
    reps: int = 0  # of those sets, the repetitions (sets × reps of exercises counted in reps; not timed or carried)

    @property
    def tune_up(self) -> bool:
        """A loading week holding a race: a tune-up before the goal race (its week is "race")."""
        return self.kind == "load" and any(p.kind is SessionKind.RACE for p in self.sessions)


@dataclass(frozen=True)
class ExpandedPlan:
    plan: Plan
    weeks: tuple[PlannedWeek, ...]
    warnings: tuple[Diagnostic, ...]
    basis: Basis
    anchor: Anchor | None = None
    start: date | None = None
    race_date: date | None = None
    mode: str = ""
    log: tuple[str, ...] = ()
    race_form: float | None = None  # TSB on race morning (CTL − ATL at the end of the day before)

    @property
    def days(self) -> int:
        return len(self.weeks) * 7

    @cached_property  # asked for every week's volume: the weeks are looked at once
    def by_sets(self) -> bool:
        """A plan of strength work alone, its sessions written without a duration: its weeks are
        measured in sets and reps (a week of "0 min" says nothing)."""
        return not any(w.minutes or w.distance_km for w in self.weeks) and any(w.sets for w in self.weeks)

    @cached_property
    def by_reps(self) -> bool:
        """A plan of strength work alone measured in reps: a deload of fewer reps (3x8 → 3x6)
        keeps the sets, so only the reps show it. In sets when no exercise is counted in reps."""
        return self.by_sets and any(w.reps for w in self.weeks)

    def volume(self, week: PlannedWeek) -> float:
        """A week's volume in the plan's basis: km, or minutes (the low end of a range); reps or
        sets, by :attr:`by_reps` and :attr:`by_sets`."""
        if self.by_sets:
            return float(week.reps if self.by_reps else week.sets)
        return week.distance_km if self.basis == "distance" else week.minutes

    def volume_high(self, week: PlannedWeek) -> float | None:
        """The top of a week's volume when its sessions are written as ranges, else None."""
        if self.by_sets:
            return None
        return week.distance_km_high if self.basis == "distance" else week.minutes_high

    @property
    def peak_week(self) -> PlannedWeek | None:
        """The biggest week of training: never the race week (a 100-miler's is no training peak)."""
        training = [w for w in self.weeks if w.kind != "race"] or list(self.weeks)
        return max(training, key=self.volume, default=None)

    @property
    def deload_weeks(self) -> int:
        return sum(1 for w in self.weeks if w.kind in ("deload", "vacation"))

    @property
    def race_session(self) -> PlannedSession | None:
        if not self.weeks:
            return None
        races = [s for s in self.weeks[-1].sessions if s.kind is SessionKind.RACE]
        return races[-1] if races else None
