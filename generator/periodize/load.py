"""Training load on a TSS-like scale: about 100 for one hour at threshold effort.

A run's load is the sum over its parts of ``hours × IF² × 100``, where IF (intensity
factor) is the part's effort relative to threshold (the pace or effort a runner can
hold for about an hour). This is the shape of Coggan's Training Stress Score and of
TrainingPeaks' run and heart-rate TSS, and GoldenCheetah's TRIMP(100) has the same
anchor (one hour at threshold = 100). A session is split into its main set (repeats
and their recoveries, or a continuous segment) at the main set's effort, and the rest
of it (warm-up, cool-down, the easy part of a long run) at easy effort.

The intensity factors per effort below are a documented design choice: a plan gives
efforts in words, zones, RPE or paces, not power or heart rate, so each maps to a
typical IF (threshold 1.0; easy 0.70; marathon pace about 0.85; 5K pace 1.07).

Strength work follows sets × reps × relative load: about 0.45 per rep at 100%, so
five exercises of 3 × 8 at 70% (about 45 minutes) come to about 38, and a deload that
halves the volume-load halves the session's load.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from ..model import VMA, Distance, Exercise, RacePace, Session, SessionKind, Target
from ..paces import LYDIARD_SHARES, WORD_EFFORTS
from ..units import to_km
from ..workout import times
from .volume import Measure, amount_minutes, session_minutes, step_kind, walking

K = SessionKind
# Typical intensity factor of each kind's effort when the plan gives none.
KIND_IF = {
    K.EASY: 0.70, K.RECOVERY: 0.65, K.LONG: 0.72, K.RUN_WALK: 0.60, K.TEMPO: 0.92, K.INTERVALS: 1.03,
    K.HILLS: 1.00, K.FARTLEK: 0.88, K.STRIDES: 1.05, K.RACE: 1.00, K.CROSS: 0.65, K.MOBILITY: 0.40,
    K.STRENGTH: 0.65, K.REST: 0.0,
}
EASY_IF = 0.70
RECOVERY_IF = 0.60  # a jog between repeats
WALK_IF = 0.45  # a walk or a standing rest between repeats
THRESHOLD_SHARE = 0.78  # threshold pace is about 78% of easy pace (seconds per km)
# Effort words (lower case) -> IF.
EFFORT_IF = {
    "very easy": 0.62, "easy": 0.70, "conversational": 0.70, "relaxed": 0.70, "recovery": 0.65, "aerobic": 0.75,
    "steady": 0.80, "moderate": 0.80, "progressive": 0.82, "brisk": 0.82, "smooth": 0.82, "controlled": 0.85,
    "marathon pace": 0.85, "mp": 0.85, "gmp": 0.85, "goal pace": 0.90, "race pace": 0.95, "race effort": 0.95,
    "hmp": 0.90, "comfortably hard": 0.95, "threshold": 1.00, "tempo": 0.95, "lt": 1.00, "lactate threshold": 1.00,
    "cruise": 1.00, "strong": 0.95, "hill effort": 1.00, "hard": 1.03, "fast": 1.05, "very hard": 1.08,
    "all-out": 1.15, "all out": 1.15, "max": 1.15, "sprint": 1.15, "progression": 0.82,
    "kenyan-style progression": 0.85, "kenyan progression": 0.85, "fast finish": 0.90,
    # No pace table gives them (they stay as written on the page), but they weigh as what they are: the
    # "Norwegian singles" sub-threshold as half-marathon pace, just under the threshold; the aerobic
    # threshold (LT1) as steady running. Without them a session weighed as its name ("Intervals" as VO2max).
    **dict.fromkeys(("sub-threshold", "subthreshold", "sub threshold", "sub-t", "sub-threshold pace",
                     "slightly below threshold", "just below threshold"), 0.90),
    "lt1": 0.82, "aerobic threshold": 0.82, "lt2": 1.00,
    # Lydiard's efforts: a quarter is easy, a half steady, three quarters strong but aerobic (Running with Lydiard)
    **{f"{word} effort": share for part, share in (("quarter", 0.70), ("half", 0.80), ("three quarters", 0.90))
       for word in LYDIARD_SHARES[part]},
}
# "<distance> pace": the distance's race pace as IF.
# Maximal aerobic speed (VMA) is held about six minutes (generator.paces): as a mile's race.
RACE_PACE_IF = {"1500": 1.13, "mile": 1.12, VMA: 1.12, "3k": 1.10, "5k": 1.07, "8k": 1.05, "10k": 1.03, "15k": 0.98,
                "10mi": 0.96, "half": 0.92, "marathon": 0.85}
# The pace table's efforts (generator.paces) -> IF: Daniels' I pace is about 3K-5K race pace, his R
# pace about mile pace (Daniels' Running Formula); the others as their words above.
TABLE_EFFORT_IF = {"recovery": EFFORT_IF["recovery"], "easy": EFFORT_IF["easy"], "long": EFFORT_IF["easy"],
                   "steady": EFFORT_IF["steady"], "marathon": RACE_PACE_IF["marathon"], "half_marathon": RACE_PACE_IF["half"],
                   "threshold": EFFORT_IF["threshold"], "10k": RACE_PACE_IF["10k"], "5k": RACE_PACE_IF["5k"],
                   "interval": RACE_PACE_IF["5k"], "mile": RACE_PACE_IF["mile"], "repetition": RACE_PACE_IF["mile"]}
ZONE_IF = {1: 0.62, 2: 0.72, 3: 0.85, 4: 0.97, 5: 1.08, 6: 1.15}
# Session RPE (CR-10) -> IF, by the common mapping of the RPE scale onto training zones.
RPE_IF = {1: 0.50, 2: 0.60, 3: 0.68, 4: 0.75, 5: 0.80, 6: 0.85, 7: 0.92, 8: 1.00, 9: 1.05, 10: 1.10}
STRENGTH_PER_REP = 0.45  # load of one rep at 100% of 1RM
SECONDS_PER_REP = 4.0  # a hold of 4 s counts as one rep
METRES_PER_REP = 10.0  # a carry or sled push of 10 m counts as one rep


def race_if(km: float) -> float:
    """A race's IF by its distance: faster than threshold up to about 15K, slower beyond."""
    for limit, factor in ((2.0, 1.12), (6.0, 1.07), (11.0, 1.03), (16.0, 0.99), (22.0, 0.93), (43.0, 0.85)):
        if km <= limit:
            return factor
    return 0.75


def target_if(target: Target | None, fallback: float, measure: Measure) -> float:
    """The intensity factor a target asks for; ``fallback`` when it names none."""
    if target is None:
        return fallback
    if target.kind == "zone" and target.value is not None:
        own = dict(measure.zones).get(int(target.value))  # the plan's zone system: a zone weighs as its effort
        return TABLE_EFFORT_IF[own] if own in TABLE_EFFORT_IF else ZONE_IF.get(int(target.value), fallback)
    if target.kind == "rpe" and target.value is not None:
        return RPE_IF.get(max(1, min(10, round(target.value))), fallback)
    if target.kind == "pace" and target.pace is not None:
        return _pace_if(target.pace.seconds_per_km, measure)
    if target.kind == "race" and target.race is not None:
        return race_pace_if(target.race, measure)
    if target.kind == "effort":
        words = target.efforts or (target.text,)
        races = target.races or (None,) * len(words)
        factors = [_effort_if(word, race, measure) for word, race in zip(words, races, strict=False)]
        known = [f for f in factors if f is not None]
        return sum(known) / len(known) if known and len(known) == len(factors) else fallback
    return fallback


def _pace_if(seconds_per_km: float, measure: Measure) -> float:
    # Threshold pace is estimated from the plan's easy pace (about 78% of easy speed).
    threshold = measure.checks.easy_pace.seconds_per_km * THRESHOLD_SHARE
    return max(0.5, min(1.25, threshold / seconds_per_km))


def _effort_if(word: str, race: RacePace | None, measure: Measure) -> float | None:
    """The IF of one effort word; ``race``: the race pace it names, if any (read with the plan)."""
    text = " ".join(word.lower().split())
    if text in EFFORT_IF:
        return EFFORT_IF[text]
    for suffix in (" pace", " effort"):
        if text.endswith(suffix) and text.removesuffix(suffix) in EFFORT_IF:
            return EFFORT_IF[text.removesuffix(suffix)]
    if text in WORD_EFFORTS:  # Daniels' letters and the pace table's other words: "E", "T", "I pace", "vo2max"
        return TABLE_EFFORT_IF.get(WORD_EFFORTS[text])
    if lactate := _LACTATE.match(text):  # "2.5-3.0 mmol": the Norwegian method's sub-threshold, by its blood lactate
        middle = (float(lactate[1]) + float(lactate[2] or lactate[1])) / 2
        return EFFORT_IF["lt1"] if middle <= LACTATE_LT1 else EFFORT_IF["sub-threshold"] if middle < LACTATE_LT2 else 1.00
    return race_pace_if(race, measure) if race is not None else None


# Blood lactate as an effort: up to about 2 mmol/L the aerobic threshold (LT1), about 4 the threshold
# (the classic "4 mmol" of Mader), between them the Norwegian sub-threshold (2-3.5: a design default, in the docs).
_LACTATE = re.compile(r"^(\d{1,2}(?:\.\d)?)(?:\s*[-–]\s*(\d{1,2}(?:\.\d)?))?\s*(?:mmol|mm)")
LACTATE_LT1 = 2.0
LACTATE_LT2 = 3.5


def race_pace_if(race: RacePace, measure: Measure) -> float:
    """A race pace's IF: the race's own (``RACE_PACE_IF``), times a share of its speed, or moved
    by an offset in seconds per km or mile; between two race paces, their middle."""
    base = RACE_PACE_IF[race.race]
    if race.race_to:
        base = (base + RACE_PACE_IF[race.race_to]) / 2
    if race.percent is not None:
        percent = race.percent if race.percent_high is None else (race.percent + race.percent_high) / 2
        return base * percent / 100
    if race.offset is not None:
        offset = race.offset if race.offset_high is None else (race.offset + race.offset_high) / 2
        per_km = offset / to_km(1, race.per or measure.units)
        threshold = measure.checks.easy_pace.seconds_per_km * THRESHOLD_SHARE
        return _pace_if(threshold / base + per_km, measure)
    return base


def _tss(minutes: float, factor: float) -> float:
    return minutes / 60 * factor * factor * 100


def run_load(session: Session, measure: Measure) -> float:
    """A run's load: its main set step by step at each step's effort, the rest at easy effort."""
    kind = session.kind
    base = target_if(session.target, KIND_IF.get(kind, EASY_IF), measure)
    if walking(session) and (session.target is None or session.target.kind == "effort"):
        base = WALK_IF  # "Walk 30 min @ easy" is an easy walk, no easy run (a heart rate or an RPE says how hard)
    if kind is K.RACE:
        distance = session.total.km if isinstance(session.total, Distance) else None
        base = race_if(distance) if distance is not None else base
    whole = session_minutes(session, measure)
    main = 0.0
    load = 0.0
    work_if = KIND_IF.get(kind, base)
    for step, count in times(session.main, estimated=True):
        if step.role in ("recovery", "rest"):
            minutes = count * amount_minutes(step.amount, K.RECOVERY, measure)
            walked = step.role == "rest" or step.label.startswith(("walk", "standing"))
            load += _tss(minutes, target_if(step.target, WALK_IF if walked else RECOVERY_IF, measure))
        elif step.role in ("warmup", "cooldown"):  # written in the main set: easy running around it
            minutes = count * amount_minutes(step.amount, K.EASY, measure)
            load += _tss(minutes, target_if(step.target, EASY_IF, measure))
        else:
            minutes = count * amount_minutes(step.amount, step_kind(step, kind, measure.zones), measure)
            load += _tss(minutes, target_if(step.target, work_if, measure))
        main += minutes
    if session.strides is not None:
        strides = sum(count * amount_minutes(step.amount, K.STRIDES, measure)
                      for step, count in times((session.strides,)) if step.role == "work")
        load += _tss(strides, KIND_IF[K.STRIDES])
    around = max(whole - main, 0.0)
    surrounding = base if main == 0 else min(base, EASY_IF) if kind is not K.RUN_WALK else KIND_IF[K.RUN_WALK]
    return load + _tss(around, surrounding)


def relative_intensity(exercise: Exercise, heaviest: Mapping[str, float]) -> float:
    """Share of a one-rep maximum: given (70%), from an RPE (8 -> 0.8), or from a weight
    against the heaviest the plan gives for that exercise (taken as 70% of a maximum)."""
    load = exercise.load
    if load is None or load.value is None:
        return 0.5  # bodyweight or unloaded
    if load.kind == "percent":
        return (load.share_of_1rm or 0.0) / 100
    if load.kind == "rpe":  # a range by its middle
        return (load.value + (load.top if load.top is not None else load.value)) / 20
    kg = load.kg or 0.0
    top = heaviest.get(exercise.name.lower(), kg) or kg
    return 0.7 * (kg / top if top else 1.0)


def exercise_reps(exercise: Exercise) -> float:
    reps = (exercise.reps + exercise.reps_max) / 2 if exercise.reps_max else exercise.reps or 8.0
    if exercise.rep_unit == "s":
        return reps / SECONDS_PER_REP
    if exercise.rep_unit == "m":
        return reps / METRES_PER_REP
    return reps


def strength_load(session: Session, heaviest: Mapping[str, float], measure: Measure) -> float:
    """Sets × reps × relative load; a session without exercises counts by its minutes."""
    if not session.exercises:
        return _tss(session_minutes(session, measure), target_if(session.target, KIND_IF[K.STRENGTH], measure))
    return sum(STRENGTH_PER_REP * exercise_sets(e) * exercise_reps(e) * relative_intensity(e, heaviest)
               for e in session.exercises)


def exercise_sets(exercise: Exercise) -> float:
    """A range of sets counts by its middle, as a range of reps does."""
    return (exercise.sets + exercise.sets_max) / 2 if exercise.sets_max else exercise.sets


def session_load(session: Session, measure: Measure, heaviest: Mapping[str, float] | None = None) -> float:
    """Optional sessions carry no load: the plan must work without them."""
    if not session.in_totals or session.kind is K.REST:
        return 0.0
    if session.kind.is_run:
        return run_load(session, measure)
    if session.kind is K.STRENGTH:
        return strength_load(session, heaviest or {}, measure)
    return _tss(session_minutes(session, measure), target_if(session.target, KIND_IF.get(session.kind, 0.6), measure))


def load_weigher(measure: Measure, heaviest: Mapping[str, float]) -> Callable[[Session], float]:
    """:func:`session_load` remembered for each session of one expansion: the survey of the
    weeks, each settling round and the planned weeks weigh the same sessions many times."""
    seen: dict[int, tuple[Session, float]] = {}  # id -> (the session, kept so its id is not reused; its load)

    def weigh(session: Session) -> float:
        known = seen.get(id(session))
        if known is None or known[0] is not session:
            known = seen[id(session)] = (session, session_load(session, measure, heaviest))
        return known[1]
    return weigh


def heaviest_weights(sessions: list[Session]) -> dict[str, float]:
    """The heaviest weight (kg) written for each exercise: the reference of :func:`relative_intensity`."""
    heaviest: dict[str, float] = {}
    for session in sessions:
        for exercise in session.exercises:
            kg = exercise.load.kg if exercise.load is not None else None
            if kg:
                name = exercise.name.lower()
                heaviest[name] = max(heaviest.get(name, 0.0), kg)
    return heaviest
