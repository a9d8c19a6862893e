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

# The quantities live in generator.amounts; the model re-exports them (the "as" says so to linters).
from .amounts import Amount as Amount
from .amounts import Distance as Distance
from .amounts import Duration as Duration
from .amounts import End as End
from .amounts import Pace as Pace
from .amounts import Performance as Performance
from .amounts import RacePace as RacePace
from .i18n import Words, pgettext_noop
from .units import LoadUnit, PlanUnit, to_kg


@dataclass(frozen=True, slots=True)
class Source:
    file: str
    line: int
    col: int = 1


#: Race paces a target may refer to, with their distance in km.
RACE_PACES: dict[str, float] = {
    "1500": 1.5, "mile": 1.609344, "3k": 3.0, "5k": 5.0, "8k": 8.0, "10k": 10.0, "15k": 15.0,
    "10mi": 16.09344, "half": 21.0975, "marathon": 42.195,
}

#: The race key of a share of maximal aerobic speed (``95% VMA``): no race, the speed held for
#: about six minutes (see :mod:`generator.paces`).
VMA = "vma"

TargetKind = Literal["pace", "zone", "rpe", "hr", "hrmax", "effort", "race"]


@dataclass(frozen=True, slots=True)
class Target:
    """How hard: a pace, a heart-rate zone, an RPE, a heart rate, an effort word (or several:
    ``easy to moderate``), or a pace set by a race pace (:class:`RacePace`)."""

    text: str
    kind: TargetKind
    pace: Pace | None = None
    value: float | None = None  # zone number, RPE, bpm or % of maximum heart rate (the upper end of a range)
    low: float | None = None  # the lower end of a zone, RPE or heart-rate range
    race: RacePace | None = None
    efforts: tuple[str, ...] = ()  # the effort words, in order: ("easy", "moderate")
    races: tuple[RacePace | None, ...] = ()  # the race pace each effort word names ("easy to 10K pace"); () if none


StepRole = Literal["warmup", "work", "recovery", "cooldown", "rest"]


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a workout: ``800 m @ 5K pace``, ``400 m jog``, ``10 min walk``. ``amount``
    None is open (until the runner moves on); ``label`` is the author's word (jog, walk, float)."""

    role: StepRole
    amount: Amount | None = None
    target: Target | None = None
    label: str = ""
    note: str = ""  # UNWRITTEN: a length Deload gave ("+ 4 strides": 20 s each, for a watch), never shown as written
    said: str = field(default="", compare=False)  # the author's own word for the label ("rectas", "dribbelpauze"), shown as written


UNWRITTEN = "unwritten"


@dataclass(frozen=True, slots=True)
class Repeat:
    """``6 x 800 m @ 5K pace w/ 400 m jog``: ``steps`` every time, ``between`` after every
    repeat but the last; ``count_max`` the top of a range (``5-6 x 1200 m``)."""

    count: int
    steps: tuple[Part, ...]
    between: Step | None = None
    count_max: int | None = None


@dataclass(frozen=True, slots=True)
class Ladder:
    """``3-2-2-1 km @ 108, 109, 110, 112% MP w/ 4 min jog``: work steps of changing length,
    ``between`` after every rung but the last."""

    rungs: tuple[Step, ...]
    between: Step | None = None


Part = Step | Repeat | Ladder


LoadKind = Literal["weight", "percent", "bodyweight", "rpe"]
TRAINING_MAX_SHARE = 0.9  # a training max is 90% of the 1RM (Jim Wendler, 5/3/1, 2nd ed. 2011)


@dataclass(frozen=True, slots=True)
class Load:
    kind: LoadKind
    value: float | None = None
    unit: LoadUnit | None = None  # for kind "weight"
    top: float | None = None  # an RPE range's upper end: "RPE 7-8" is 7 to 8
    rir: bool = False  # an RPE written as reps in reserve: "2 RIR" is RPE 8, "RIR 1-2" RPE 8-9
    each: str = ""  # a weight held in each hand (or on each side), as written: "each hand", "pro Hand"
    training_max: bool = False  # a share of a training max ("65% TM"), not of the 1RM

    @property
    def share_of_1rm(self) -> float | None:
        """A percent load as a share of the 1RM (%): of a training max, 90% of the 1RM (Wendler, 5/3/1)."""
        if self.kind != "percent" or self.value is None:
            return None
        return self.value * TRAINING_MAX_SHARE if self.training_max else self.value

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
    and as many as possible (``amrap``); ``Push-up 3xAMRAP`` has no floor (``reps`` 0, ``amrap``).
    ``Squat 2-3x10`` is a range of sets (``sets`` 2, ``sets_max`` 3): counts and watches take its
    low end, as a distance range runs its low end."""

    name: str
    sets: int
    reps: int
    rep_unit: RepUnit = "reps"
    load: Load | None = None
    source: Source | None = None
    comment: str = ""  # "(each leg)", " — slow lowering"
    reps_max: int | None = None  # the top of a range such as 8-12
    amrap: bool = False  # as many reps as possible (at least ``reps``)
    side: str = ""  # the reps are each side's, as written: "/leg", " each", " per side"
    effort: Load | None = None  # an RPE written with the weight: "@ 60 kg, RPE 7"
    sets_max: int | None = None  # the top of a range of sets such as 2-3


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
#: Each kind's own word, in the language a plan is rendered in (generator.i18n).
KIND_LABELS = Words({
    SessionKind.REST: pgettext_noop("session", "Rest"), SessionKind.EASY: pgettext_noop("session", "Easy"),
    SessionKind.RECOVERY: pgettext_noop("session", "Recovery"), SessionKind.LONG: pgettext_noop("session", "Long run"),
    SessionKind.RUN_WALK: pgettext_noop("session", "Run-walk"), SessionKind.TEMPO: pgettext_noop("session", "Tempo"),
    SessionKind.INTERVALS: pgettext_noop("session", "Intervals"), SessionKind.HILLS: pgettext_noop("session", "Hills"),
    SessionKind.FARTLEK: pgettext_noop("session", "Fartlek"), SessionKind.STRIDES: pgettext_noop("session", "Strides"),
    SessionKind.RACE: pgettext_noop("session", "Race"), SessionKind.CROSS: pgettext_noop("session", "Cross-training"),
    SessionKind.STRENGTH: pgettext_noop("session", "Strength"), SessionKind.MOBILITY: pgettext_noop("session", "Mobility"),
})


@dataclass(frozen=True, slots=True)
class Session:
    """One workout on one day. ``total`` is the whole session as written (``7 mi``); ``main``
    its main set, if any (``6 x 800 m @ 5K pace w/ 400 m jog``); ``strides`` after it."""

    kind: SessionKind
    day: int  # 1..7 within its week
    source: Source
    total: Amount | None = None
    main: tuple[Part, ...] = ()  # the main set: steps, repeats, ladders, in order
    target: Target | None = None
    strides: Repeat | None = None
    exercises: tuple[Exercise, ...] = ()
    comment: str = ""  # free text after " — " or in trailing parentheses
    notes: str = ""  # Markdown from the sub-bullets
    text: str = ""  # the line as written, for messages
    name: str = ""  # the author's word for the kind when it is not the kind's own ("Yoga", "Bike")
    optional: bool = False  # "Optional cross-training 30 min": the reader may skip it
    counted: bool = False  # "Rest or easy 3 mi": optional, but counted in the week's volume and load
    keep: bool = False  # "{keep}": a deload or the taper never changes it (a test, a parkrun, a club's session)
    main_last: bool = False  # "Long 16 mi with the last 3 mi @ MP": the main set ends the run (no cool-down)
    alternative: Amount | None = None  # "Easy 5 mi or 45 min": the total measured the other way

    @property
    def label(self) -> str:
        return self.name or self.kind.label

    @property
    def in_totals(self) -> bool:
        """Counted in the week's volume and load: not optional, or optional the way books count it."""
        return not self.optional or self.counted

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
    """The goal race: of a distance, or of a time (``Race 6 h``: as far as one runs in six hours)."""

    distance: Distance | None  # None: a timed race
    category: RaceCategory
    source: Source
    name: str = ""
    date: date | None = None
    duration: Duration | None = None  # a timed race's time

    @property
    def length(self) -> Distance | Duration:
        """The distance, or a timed race's time."""
        length = self.distance if self.distance is not None else self.duration
        assert length is not None, "a race has a distance or a time"
        return length


@dataclass(frozen=True, slots=True)
class Vacation:
    style: VacationStyle
    source: Source
    week: int | None = None
    date: date | None = None
    replace: bool | None = None  # takes the place of the week it falls on (None: as the deload mode does)


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
    paces: tuple[tuple[str, Target], ...] = ()  # the coach's pace table: effort -> pace or race-pace target
    zones: tuple[tuple[int, str], ...] = ()  # the plan's zone system: zone -> pace-table effort; () the five-zone default
    pace_reference: Performance | None = None  # the performance the example paces are for
    language: str = "en"  # the language the plan is written in: a lower-cased tag ("de", "de-at")
    week_word: str = "Week"  # a week's heading in that language ("Woche"), for messages that give a heading to write
    translation_key: str = ""  # plans with the same key are translations of each other ("" for none)
    draft: bool = False  # "draft: true": checked and previewed, left out of what deload build publishes

    @property
    def slug_written(self) -> bool:
        """Whether the slug is the author's ``slug:`` (else it comes from the file's name)."""
        return any(name == "slug" for name, _ in self.locations)

    def location(self, key: str) -> Source:
        """Where frontmatter ``key`` (dotted path) was written, or the frontmatter start."""
        for name, where in self.locations:
            if name == key:
                return where
        return self.source
