"""Strength work in deload and taper weeks.

A deload keeps the exercise list and the number of strength sessions and never
raises a load; it cuts reps (3x8 -> 3x6 at the same load, 3x8-12 -> 3x6-9), the
load (half, rounded down to the plate step, or to the half kilo or pound where the
step would miss the cut by more than 10 points: 40–60% for a half, S4; a fixed weight off the plate
step, a kettlebell or dumbbell, to its exact half when that is a whole kilo: 16 kg -> 8 kg) or the
sets, and no set goes to failure. An effort target (RPE) falls with the reps: "3x8 @ RPE 8" at the same RPE
with fewer reps would mean a heavier weight, so it becomes "3x6 @ RPE 7" (deload
effort at most RPE 7, two to three reps in reserve: S6 in the coaching rules); reps in
reserve written after the weight ("RIR 2") rise as the RPE falls.

Before a race, strength volume is halved in the last 10 days, race week included
(a 7–10 day step taper cutting volume 41–50%, Travis et al. 2021; ST1); heavy
lower-body work, and plyometric and eccentric work (Nordic curls, jumps, bounds,
hops), stop 7 days out (ST2); the last session is at least 2 days before the race
(ST3).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import replace

from ..model import TRAINING_MAX_SHARE, Exercise, Load, Periodization, Session
from ..units import round_down

STRENGTH_TAPER_DAYS = 10  # strength volume halves from this many days before the race
PRIMER_SHARE = 0.80  # a weight under this share of the plan's heaviest for the exercise is a primer
HEAVY_STOP_DAYS = 7  # heavy lower-body and plyometric work stops this many days before
LAST_SESSION_DAYS = 2  # no strength in the last days before the race
HALVED = "half the sets in the taper"
DELOAD_RPE = 7.0  # the most a deload asks for (RPE 7: about three reps in reserve)
DELOAD_RIR = 10 - DELOAD_RPE  # ... as reps in reserve (S6: RIR >= 3)
_NEAR_FAILURE = re.compile(r"(?i)\b(?:rir\s*[0-2](?![\d.,])|[0-2]\s*rir\b)")  # reps in reserve, as a weight's comment keeps them
# "RIR 2", "RIR 1-2", "2 RIR", "1–2 RIR": the reps in reserve a weight's comment asks for.
_RESERVE = re.compile(r"(?i)\b(?P<a>rir\s*)(?P<low>\d{1,2})(?:(?P<dash>\s*[-–]\s*)(?P<high>\d{1,2}))?(?!\d|[.,]\d)"
                      r"|\b(?P<low2>\d{1,2})(?:(?P<dash2>\s*[-–]\s*)(?P<high2>\d{1,2}))?(?P<b>\s*rir)\b")
# Exercise names in the plan languages too (a name is the coach's words): French "fentes sautées",
# "bondissements"; German "Hocksprünge", "Kniebeugen"; Spanish "saltos al cajón", "sentadillas";
# Dutch "sprongen", "uitvalspas". The race-week rule keeps a runner safe in any of them.
_PLYOMETRIC = re.compile(
    r"(?i)nordic|jump|bound|hop|plyo|pliom|depth|skater|pogo|eccentric|excentri|exzentri|split squat jump|burpee"
    r"|saut[ée]|\bsauts?\b|bondi|sprung(?!gelenk)|sprünge|sprunglauf|\bsalto|saltando|sprong|springen|\bspring\b"
)
_LOWER_BODY = re.compile(
    r"(?i)squat|deadlift|\brdl\b|lunge|leg press|step[- ]?up|hip thrust|calf|good morning|thruster|"
    r"clean|snatch|jump|bound|hop|pistol|glute|hamstring|nordic|leg curl|leg extension|wall sit|sled"
    r"|fente|soulevé de terre|presse à cuisses|mollet|chaise|pont fessier|ischio|montée"  # French
    r"|kniebeuge|ausfallschritt|kreuzheben|beinpresse|wade|aufsteiger|hüft|beinbeuger|beinstrecker|wandsitz"  # German
    r"|sentadilla|zancada|peso muerto|prensa|gemelo|subida|puente de glúteo|isquio"  # Spanish
    r"|uitvalspas|beenpers|kuit|opstap|bilbrug"  # Dutch
)


LOAD_CUT_SLACK = 0.10  # load mode cuts 40–60% for its 50% (S4): the plate step may miss the cut by this much
PERCENT_STEP = 2.5  # a share of 1RM in a deload is rounded down to this
SHORT_OF_FAILURE = "stop 2–3 reps short of failure"  # a deload's AMRAP (reps in reserve: Helms et al. 2016)


def fewer(value: int, cut: float, half_up: bool = False) -> int:
    """``value * (1 - cut)`` rounded down (or half up), at least 1 and at least one fewer when possible."""
    if value <= 1:
        return value
    kept = value * (1 - cut) + (0.5 if half_up else 0.0)
    return max(1, min(value - 1, math.floor(kept + 1e-9)))


def _fewer_seconds(seconds: int, cut: float) -> int:
    if seconds <= 5:
        return seconds
    return max(5, min(seconds - 5, int(round_down(seconds * (1 - cut), 5))))


def lighter_load(load: Load, factor: float, p: Periodization) -> Load | None:
    """The load times ``factor``, rounded down; None when it cannot be lighter (bodyweight)."""
    if load.value is None:
        return None
    if load.kind == "weight":
        step = p.round_kg if load.unit == "kg" else p.round_lb
        value = round_down(load.value * factor, step)
        exact = load.value * factor
        if load.unit == "kg" and abs(load.value / step - round(load.value / step)) > 1e-9 and abs(exact - round(exact)) < 1e-9:
            # A weight off the plate step is a fixed one (a 16 kg kettlebell, a 12 kg dumbbell):
            # its whole-kilo half exists (8 kg, 6 kg), the plate step's (7.5 kg, 5 kg) does not.
            value = exact
        elif abs((1 - value / load.value) - (1 - factor)) > LOAD_CUT_SLACK + 1e-9:
            # A light weight: 14 kg halved is 7 kg, not the plate step's 5 kg; 3 kg is 1.5 kg, not 2.5.
            value = round_down(load.value * factor, 0.5 if load.unit == "kg" else 1.0)
        return replace(load, value=min(value, load.value)) if 0 < value < load.value else None
    if load.kind == "percent":  # to 2.5%: half of 75% 1RM is 37.5%, not 35%
        value = round_down(load.value * factor, PERCENT_STEP)
        return replace(load, value=value) if value < load.value else None
    if load.kind == "rpe":  # two more reps in reserve (Helms et al. 2016)
        return _lower_rpe(load, 2, 10.0) if load.value > 1 else None
    return None


def deload_exercise(exercise: Exercise, strategy: str, p: Periodization) -> Exercise:
    """One exercise in a deload week; falls back to another cut when the first cannot apply.
    No set goes to failure in a deload: ``5+`` becomes ``5`` before the cut; a bare AMRAP, having
    no count to keep, loses sets or load and stops short of failure."""
    if exercise.amrap and exercise.reps:
        exercise = replace(exercise, amrap=False)
    elif exercise.amrap:
        exercise = replace(exercise, comment=" — ".join(filter(None, [exercise.comment, SHORT_OF_FAILURE])))
    order = {"reps": ("reps", "sets", "load"), "load": ("load", "reps", "sets"), "sets": ("sets", "reps", "load")}[strategy]
    for cut in order:
        if cut == "load" and strategy != "load" and exercise.load is not None and exercise.load.kind in ("percent", "weight"):
            # A single of one set, with no rep or set to lose: at most RPE 7 (S6), not half its load,
            # which is lighter than the ramp's sets before it ("5/3/1+ @ 75/85/95%"). A weight's effort
            # cannot be judged: it is lowered as a maximal single is to RPE 7 (100 kg to 87.5 kg).
            if exercise.load.kind == "percent":
                return _within_deload_effort(exercise)
            lighter = lighter_load(exercise.load, round_down(deload_share(1), PERCENT_STEP) / 100, p)
            return replace(exercise, load=lighter) if lighter is not None else exercise
        changed = _cut(exercise, cut, p)
        if changed is not None:
            return _within_deload_effort(changed)
    return _within_deload_effort(exercise)


def deload_share(reps: int) -> float:
    """The most %1RM a set of ``reps`` leaves :data:`DELOAD_RIR` reps in reserve at (S6: RPE 7
    at most in a deload): Epley's estimate, 1RM = weight × (1 + reps to failure / 30), as RPE
    charts give it (Helms et al. 2016: 3 reps at RPE 7 is about 83%, 5 about 79%)."""
    return 100 / (1 + (reps + DELOAD_RIR) / 30)


def _within_deload_effort(exercise: Exercise) -> Exercise:
    """A share of 1RM lowered to :func:`deload_share` of the deload's reps: "2x2 @ 92.5%" with
    fewer reps is "2x1 @ 87.5%", not a heavy single at 92.5%; "5x5 @ 85%" with fewer sets is
    "3x5 @ 77.5%" (S2: the load lowered somewhat, S6: more in reserve)."""
    load = exercise.load
    if load is None or load.kind != "percent" or load.value is None or exercise.rep_unit != "reps" or not exercise.reps:
        return exercise
    share = deload_share(exercise.reps_max or exercise.reps)  # a range by its top
    most = round_down(share / TRAINING_MAX_SHARE if load.training_max else share, PERCENT_STEP)  # in the load's own terms
    return replace(exercise, load=replace(load, value=most)) if load.value > most + 1e-9 else exercise


def _fewer_metres(metres: int, cut: float) -> int:
    """A carry's, a sled's or an erg's distance cut, to a length a coach marks out: 5 m up to
    100 m, 25 m up to a kilometre, then 100 m (a 25 m sled push is 20 m, a 250 m row 200 m)."""
    step = 5 if metres <= 100 else 25 if metres <= 1000 else 100
    if metres <= step:
        return metres
    kept = math.floor(metres * (1 - cut) / step + 0.5) * step
    if kept >= metres:  # at least one step shorter
        kept = (metres - 1) // step * step
    return max(step, kept)


def _fewer_reps(reps: int, unit: str, cut: float) -> int:
    # Rounded half up, as the coaching rules' reps mode: reps' = round(reps * (1 - cut)); 4x5 is 4x4
    # (rounded down it was 4x3, a cut of 40% for a deload of 25%).
    if unit == "m":
        return _fewer_metres(reps, cut)
    return _fewer_seconds(reps, cut) if unit == "s" else fewer(reps, cut, half_up=True)


def _cut(exercise: Exercise, how: str, p: Periodization) -> Exercise | None:
    if how == "reps":
        if not exercise.reps:  # AMRAP: no count to cut
            return None
        reps = _fewer_reps(exercise.reps, exercise.rep_unit, p.reps_cut)
        # A range keeps its shape (8-12 -> 6-9); one that collapses becomes a single count.
        top = _fewer_reps(exercise.reps_max, exercise.rep_unit, p.reps_cut) if exercise.reps_max is not None else None
        top = top if top is not None and top > reps else None
        if reps >= exercise.reps:
            return None
        return replace(exercise, reps=reps, reps_max=top, load=_easier_effort(exercise.load),
                       effort=_easier_effort(exercise.effort), comment=more_in_reserve(exercise.comment, 1, 2))
    if how == "sets":
        sets = fewer(exercise.sets, p.sets_cut, half_up=True)
        if sets >= exercise.sets:
            return None
        # Fewer sets at RPE 9 are no deload (S6): the effort falls as with fewer reps.
        return replace(exercise, sets=sets, sets_max=_top(exercise.sets_max, sets, lambda n: fewer(n, p.sets_cut, half_up=True)),
                       load=_easier_effort(exercise.load), effort=_easier_effort(exercise.effort),
                       comment=more_in_reserve(exercise.comment, 1, 2))
    if exercise.load is None:
        return None
    load = _on_the_bar(exercise, lighter_load(exercise.load, p.load_factor, p))
    if load is None:
        return None
    # half the weight at the same reps is far from the written effort: two more reps in reserve, as for an RPE load
    effort = lighter_load(exercise.effort, p.load_factor, p) if exercise.effort is not None else None
    return replace(exercise, load=load, effort=effort or exercise.effort, comment=more_in_reserve(exercise.comment, 2, 0))


# A barbell lift by its name (an empty Olympic bar weighs 20 kg, 45 lb); a dumbbell's, a kettlebell's,
# a machine's or a single leg's is none.
_BARBELL = re.compile(r"(?i)\b(?:barbell|squats?|bench(?: press(?:es)?)?|deadlifts?|press(?:es)?|ohp|cleans?|snatch(?:es)?"
                      r"|jerks?|pendlay rows?|good mornings?)\b")  # "Press": Starting Strength's overhead press
_NOT_BARBELL = re.compile(r"(?i)\b(?:goblet|dumbbells?|db|kettlebells?|kb|single[- ]leg|split|bulgarian|pistol|trap bar"
                          r"|hex bar|machine|smith|cable|landmine|sandbag|band|leg press|dips?|step[- ]?ups?|jumps?)\b")
EMPTY_BAR = {"kg": 20.0, "lb": 45.0}


def _on_the_bar(exercise: Exercise, load: Load | None) -> Load | None:
    """A lighter weight for a barbell lift is never below the empty bar: the bar, or no lighter load
    when the written one is the bar already (the deload then cuts reps or sets)."""
    if load is None or load.kind != "weight" or load.value is None or load.unit not in EMPTY_BAR:
        return load
    if not _BARBELL.search(exercise.name) or _NOT_BARBELL.search(exercise.name):
        return load
    bar = EMPTY_BAR[load.unit]
    written = exercise.load.value if exercise.load is not None and exercise.load.value is not None else 0.0
    return replace(load, value=max(load.value, bar)) if written > bar else None


def more_in_reserve(comment: str, by: int, least: int) -> str:
    """The reps in reserve a comment asks for (``RIR 2``), as an RPE falls in the same deload:
    at least ``least``, then ``by`` more. "3x8 @ 60 kg, RIR 2" with two reps fewer at the same
    weight (or the same reps at half of it) leaves more than two in reserve; left as written it
    would ask for a heavier weight. Fewer reps: RIR 2 -> 3, at least RIR 3 (RPE 7, S6); half the
    load: two more (as an RPE load)."""
    def raised(match: re.Match[str]) -> str:
        low, high = match["low"] or match["low2"], match["high"] or match["high2"]
        new = [str(max(int(n), least) + by) for n in (low, high) if n is not None]
        numbers = new[0] if len(new) == 1 or new[0] == new[1] else (match["dash"] or match["dash2"]).join(new)
        return f"{match['a']}{numbers}" if match["a"] is not None else f"{numbers}{match['b']}"

    return _RESERVE.sub(raised, comment) if comment else comment


def _easier_effort(load: Load | None) -> Load | None:
    """An RPE target with fewer reps: one lower, and at most :data:`DELOAD_RPE`."""
    if load is None or load.kind != "rpe" or load.value is None:
        return load
    return _lower_rpe(load, 1, DELOAD_RPE)


def _lower_rpe(load: Load, by: float, most: float) -> Load:
    """An RPE (or both ends of a range) ``by`` lower, at most ``most`` and at least 1; a range
    whose ends meet becomes one RPE (RPE 7-8 with fewer reps is RPE 6-7, at most 7: RPE 6-7)."""
    value = max(1.0, min(load.value or 1.0, most + by) - by) if load.value is not None else None
    top = max(1.0, min(load.top, most + by) - by) if load.top is not None else None
    return replace(load, value=value, top=top if top is not None and value is not None and top > value else None)


def deload_session(session: Session, strategy: str, p: Periodization) -> Session:
    return session.with_changes(exercises=tuple(deload_exercise(e, strategy, p) for e in session.exercises))


def is_heavy_lower_body(exercise: Exercise, heaviest: Mapping[str, float] | None = None) -> bool:
    """Work that stops a week before a race: plyometric and eccentric work (Nordic curls, jumps,
    bounds) under any load, and loaded lower-body work near maximal effort (>= 80% 1RM,
    RPE >= 8, 6 reps or fewer under a weight, or any set to failure under a load). A weight
    under :data:`PRIMER_SHARE` of the heaviest the plan gives that exercise (``heaviest``, kg by
    lower-cased name) is a primer, not heavy: a working weight is at most about 85% 1RM (ST2),
    so 80% of it is under 70%."""
    if _PLYOMETRIC.search(exercise.name):
        return True
    if not _LOWER_BODY.search(exercise.name) or exercise.load is None:
        return False
    load = exercise.load
    if exercise.amrap and load.kind in ("weight", "percent", "rpe"):
        return True
    if exercise.effort is not None and _hardest(exercise.effort) >= 8:
        return True  # "@ 100 kg, RPE 8": near maximal, whatever the weight
    if _NEAR_FAILURE.search(exercise.comment):
        return True  # "@ 100 kg (RIR 1)": two reps or fewer in reserve is RPE 8 or more
    if load.kind == "percent":
        return (load.share_of_1rm or 0) >= 80
    if load.kind == "rpe":
        return _hardest(load) >= 8
    if load.kind == "weight":
        top = (heaviest or {}).get(exercise.name.lower(), 0.0)
        if top and (load.kg or 0.0) < PRIMER_SHARE * top - 1e-9:
            return False
        return exercise.rep_unit == "reps" and exercise.reps <= 6
    return False


def _hardest(load: Load) -> float:
    """An RPE, or the top of a range: RPE 7-8 reaches 8."""
    return load.top if load.top is not None else load.value or 0.0


def halve_sets(session: Session) -> Session:
    """Half the strength volume at the same load (Pritchard et al. 2016; Travis et al. 2021), but
    never below two sets: a single set is hardly worth the trip to the gym."""
    def half(sets: int) -> int:
        return max(min(sets, 2), fewer(sets, 0.5, half_up=True))

    return session.with_changes(exercises=tuple(
        replace(e, sets=half(e.sets), sets_max=_top(e.sets_max, half(e.sets), half)) for e in session.exercises))


def _top(top: int | None, low: int, cut: Callable[[int], int]) -> int | None:
    """The top of a range of sets cut as its low end was: a range keeps its shape (3-5 -> 2-3),
    and one that collapses becomes a single count."""
    if top is None:
        return None
    return cut(top) if cut(top) > low else None


def near_race(session: Session, days_to_race: int, taper_days: int,
              heaviest: Mapping[str, float] | None = None) -> tuple[Session | None, list[str]]:
    """A strength session ``days_to_race`` days before the race (1: the day before), and why it
    changed: halved when the plan tapers, in its taper or its last 10 days, whichever is longer
    (``taper_days`` 0: no taper), without heavy lower-body and plyometric work in the last 7, and
    none in the last 2. None when nothing is left; the reasons, :data:`HALVED` first if it applies."""
    if days_to_race > max(STRENGTH_TAPER_DAYS, taper_days) or (not taper_days and days_to_race > HEAVY_STOP_DAYS):
        return session, []
    if days_to_race <= LAST_SESSION_DAYS:
        return None, [f"no strength in the last {LAST_SESSION_DAYS} days before the race"]
    why = []
    if taper_days and session.exercises:
        halved = halve_sets(session)
        if halved != session:
            why.append(HALVED)
        session = halved
    if days_to_race <= HEAVY_STOP_DAYS:
        exercises = tuple(e for e in session.exercises if not is_heavy_lower_body(e, heaviest))
        if session.exercises and not exercises:
            return None, [f"heavy lower-body and jumping work stops {HEAVY_STOP_DAYS} days before the race"]
        if len(exercises) < len(session.exercises):
            why.append(f"no heavy lower-body or jumping work in the last {HEAVY_STOP_DAYS} days")
        session = session.with_changes(exercises=exercises)
    return session, why
