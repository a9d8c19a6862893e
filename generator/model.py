"""The typed, immutable model of a plan as its author wrote it.

The source readers build these values; the periodization engine transforms
them; renderers only read them. Every element keeps the :class:`Source` it was
read from, so later stages can point warnings at the right line.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Literal

from .units import DistanceUnit, LoadUnit, PlanUnit, from_km, to_kg, to_km


@dataclass(frozen=True, slots=True)
class Source:
    file: str
    line: int
    col: int = 1


# --- quantities -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Distance:
    value: float
    unit: DistanceUnit

    @property
    def km(self) -> float:
        return to_km(self.value, self.unit)

    def in_unit(self, unit: str) -> float:
        return from_km(self.km, unit)

    def scaled(self, factor: float) -> Distance:
        return Distance(self.value * factor, self.unit)


@dataclass(frozen=True, slots=True)
class Duration:
    seconds: float

    @property
    def minutes(self) -> float:
        return self.seconds / 60

    def scaled(self, factor: float) -> Duration:
        return Duration(self.seconds * factor)


Amount = Distance | Duration


@dataclass(frozen=True, slots=True)
class Pace:
    """Seconds per kilometre or per mile; ``slow`` is set for a range such as 4:45-4:55/km."""

    seconds: float
    unit: Literal["km", "mi"]
    slow: float | None = None

    @property
    def seconds_per_km(self) -> float:
        mid = self.seconds if self.slow is None else (self.seconds + self.slow) / 2
        return mid if self.unit == "km" else mid / to_km(1, "mi")


TargetKind = Literal["pace", "zone", "rpe", "hr", "effort"]


@dataclass(frozen=True, slots=True)
class Target:
    """How hard: a pace, a heart-rate zone, an RPE, a heart rate or an effort word."""

    text: str
    kind: TargetKind
    pace: Pace | None = None
    value: float | None = None  # zone number, RPE or bpm (the upper end of a range)


@dataclass(frozen=True, slots=True)
class Repeats:
    """``6 x 400 m @ 5K pace w/ 200 m jog``."""

    count: int
    work: Amount
    target: Target | None = None
    recovery: Amount | None = None
    recovery_text: str = ""  # "jog", "walk", "jog down", "rest"
    label: str = ""  # a word after the work, e.g. "hills" in "8 x 60 s hills"


@dataclass(frozen=True, slots=True)
class Segment:
    """A continuous quality portion inside a longer run: ``7 mi with 4 mi @ tempo``."""

    amount: Amount
    target: Target | None = None


LoadKind = Literal["weight", "percent", "bodyweight", "rpe"]


@dataclass(frozen=True, slots=True)
class Load:
    kind: LoadKind
    value: float | None = None
    unit: LoadUnit | None = None  # for kind "weight"

    @property
    def kg(self) -> float | None:
        if self.kind != "weight" or self.value is None or self.unit is None:
            return None
        return to_kg(self.value, self.unit)


RepUnit = Literal["reps", "s", "m"]


@dataclass(frozen=True, slots=True)
class Exercise:
    """``Back squat 3x8 @ 100 lb``; a hold such as ``Plank 3x45 s`` has ``rep_unit`` ``s``.

    ``Squat 3x8-12`` is a range (``reps`` 8, ``reps_max`` 12); ``Squat 3x5+`` asks for at least 5
    and as many as possible (``amrap``); ``Push-up 3xAMRAP`` has no floor (``reps`` 0, ``amrap``)."""

    name: str
    sets: int
    reps: int
    rep_unit: RepUnit = "reps"
    load: Load | None = None
    source: Source | None = None
    comment: str = ""  # "(each leg)", " — slow lowering"
    reps_max: int | None = None  # the top of a range such as 8-12
    amrap: bool = False  # as many reps as possible (at least ``reps``)


def portion_km(main: Repeats | Segment) -> float | None:
    """Distance of a quality portion (with recoveries), if it is measured in distance."""
    if isinstance(main, Segment):
        return main.amount.km if isinstance(main.amount, Distance) else None
    if not isinstance(main.work, Distance):
        return None
    recovery = main.recovery.km if isinstance(main.recovery, Distance) else 0.0
    return main.count * main.work.km + max(main.count - 1, 0) * recovery


# --- sessions, weeks, plans ------------------------------------------------

MAX_WEEKS = 104  # two years: a plan, with the weeks the engine adds, is never longer


class SessionKind(StrEnum):
    REST = "rest"
    EASY = "easy"
    RECOVERY = "recovery"
    LONG = "long"
    RUN_WALK = "run-walk"
    TEMPO = "tempo"
    INTERVALS = "intervals"
    HILLS = "hills"
    FARTLEK = "fartlek"
    STRIDES = "strides"
    RACE = "race"
    CROSS = "cross-training"
    STRENGTH = "strength"
    MOBILITY = "mobility"

    @property
    def is_run(self) -> bool:
        return self in RUN_KINDS

    @property
    def is_quality(self) -> bool:
        return self in QUALITY_KINDS

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


RUN_KINDS = frozenset({
    SessionKind.EASY, SessionKind.RECOVERY, SessionKind.LONG, SessionKind.RUN_WALK,
    SessionKind.TEMPO, SessionKind.INTERVALS, SessionKind.HILLS, SessionKind.FARTLEK,
    SessionKind.STRIDES, SessionKind.RACE,
})
QUALITY_KINDS = frozenset({
    SessionKind.TEMPO, SessionKind.INTERVALS, SessionKind.HILLS, SessionKind.FARTLEK,
    SessionKind.STRIDES,
})
KIND_LABELS = {
    SessionKind.REST: "Rest", SessionKind.EASY: "Easy", SessionKind.RECOVERY: "Recovery",
    SessionKind.LONG: "Long run", SessionKind.RUN_WALK: "Run-walk", SessionKind.TEMPO: "Tempo",
    SessionKind.INTERVALS: "Intervals", SessionKind.HILLS: "Hills", SessionKind.FARTLEK: "Fartlek",
    SessionKind.STRIDES: "Strides", SessionKind.RACE: "Race", SessionKind.CROSS: "Cross-training",
    SessionKind.STRENGTH: "Strength", SessionKind.MOBILITY: "Mobility",
}


@dataclass(frozen=True, slots=True)
class Session:
    """One workout on one day. ``total`` is the whole session as written (``7 mi``);
    ``repeats`` or ``segment`` is its quality portion, if any."""

    kind: SessionKind
    day: int  # 1..7 within its week
    source: Source
    total: Amount | None = None
    repeats: Repeats | None = None
    segment: Segment | None = None
    target: Target | None = None
    strides: Repeats | None = None
    exercises: tuple[Exercise, ...] = ()
    comment: str = ""  # free text after " — " or in trailing parentheses
    notes: str = ""  # Markdown from the sub-bullets
    text: str = ""  # the line as written, for messages
    name: str = ""  # the author's word for the kind when it is not the kind's own ("Yoga", "Bike")
    optional: bool = False  # "Optional cross-training 30 min": shown, but not counted in volume or load

    @property
    def label(self) -> str:
        return self.name or self.kind.label

    def with_changes(self, **changes: object) -> Session:
        return replace(self, **changes)  # type: ignore[arg-type]


WeekKind = Literal["load", "deload", "taper", "race", "vacation"]
VacationStyle = Literal["easy", "rest"]


@dataclass(frozen=True, slots=True)
class Week:
    number: int
    source: Source
    title: str = ""  # the phase, e.g. "Build"
    mark: WeekKind | None = None  # set when the author marks the week {deload} or {taper}
    notes: str = ""  # Markdown
    sessions: tuple[Session, ...] = ()


RaceCategory = Literal["5k", "10k", "half", "marathon", "other"]


@dataclass(frozen=True, slots=True)
class Race:
    distance: Distance
    category: RaceCategory
    source: Source
    name: str = ""
    date: date | None = None


@dataclass(frozen=True, slots=True)
class Vacation:
    style: VacationStyle
    source: Source
    week: int | None = None
    date: date | None = None


@dataclass(frozen=True, slots=True)
class Periodization:
    """Every knob of the engine, resolved: site defaults overridden by the plan's own block."""

    deload_every: int | None = 4  # None: no automatic deloads
    deload_mode: Literal["insert", "replace"] = "insert"
    deload_strategy: Literal["volume", "intensity", "easy", "rest"] = "volume"
    deload_cut: float = 0.25
    min_cut: float = 0.15  # of load: every deload unloads at least this much, whatever the strategy
    intensity_factor: float = 0.75
    strength_strategy: Literal["reps", "load", "sets"] = "reps"
    reps_cut: float = 0.25
    load_factor: float = 0.5
    sets_cut: float = 0.5
    taper_days: int | None = None  # None: by race distance
    taper: bool = True
    vacations: tuple[Vacation, ...] = ()
    round_mi: float = 0.5
    round_km: float = 1.0
    round_minutes: float = 5.0
    round_lb: float = 5.0
    round_kg: float = 2.5


@dataclass(frozen=True, slots=True)
class Checks:
    """Thresholds of the author-facing load checks (warnings only)."""

    session_spike: float = 0.10
    weekly_increase: float = 0.10
    weekly_increase_high: float = 0.30
    long_run_share: float = 0.30
    easy_pace: Pace = field(default_factory=lambda: Pace(390, "km"))  # for minute estimates


@dataclass(frozen=True, slots=True)
class CalendarTimes:
    """Timed calendar events: every session at ``time`` in ``zone``, with an optional alarm."""

    time: str  # "06:30"
    zone: str  # an IANA zone such as "Europe/London"
    alarm_minutes: int | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    path: str
    slug: str
    title: str
    units: PlanUnit
    load_units: LoadUnit
    weeks: tuple[Week, ...]
    source: Source  # the frontmatter's first line
    summary: str = ""
    author: str = ""
    level: str = ""
    tags: tuple[str, ...] = ()
    race: Race | None = None
    start: date | None = None
    week_starts: int = 0  # 0 = Monday ... 6 = Sunday
    edition: str = ""
    layout: Literal["weeks", "days"] = "weeks"
    intro: str = ""  # Markdown
    periodization: Periodization = field(default_factory=Periodization)
    checks: Checks = field(default_factory=Checks)
    calendar: CalendarTimes | None = None
    locations: tuple[tuple[str, Source], ...] = ()  # frontmatter key path -> where it was written

    def location(self, key: str) -> Source:
        """Where frontmatter ``key`` (dotted path) was written, or the frontmatter start."""
        for name, where in self.locations:
            if name == key:
                return where
        return self.source
