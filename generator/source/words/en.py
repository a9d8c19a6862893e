"""English: the plan language as it was first written, and every other language's fallback."""

from __future__ import annotations

from ...model import SessionKind
from .lexicon import Lexicon

K = SessionKind
KIND_WORDS: dict[str, SessionKind] = {
    "rest": K.REST, "rest day": K.REST, "off": K.REST, "day off": K.REST,
    "easy": K.EASY, "easy run": K.EASY, "run": K.EASY, "jog": K.EASY, "base run": K.EASY,
    "recovery": K.RECOVERY, "recovery run": K.RECOVERY, "shakeout": K.RECOVERY,
    "long": K.LONG, "long run": K.LONG, "long easy run": K.LONG, "easy long run": K.LONG, "long slow run": K.LONG,
    # Galloway's long runs: run-walk all the way, counted by their running as any run-walk.
    "long run-walk": K.RUN_WALK, "long run/walk": K.RUN_WALK, "long walk-run": K.RUN_WALK,
    "run-walk": K.RUN_WALK, "run/walk": K.RUN_WALK, "walk-run": K.RUN_WALK, "run walk": K.RUN_WALK,
    "walk": K.RUN_WALK,
    # Trail and ultra: a hike (a power hike) is walking, as a walk is; a trail run is easy running.
    "hike": K.RUN_WALK, "hiking": K.RUN_WALK, "power hike": K.RUN_WALK, "power-hike": K.RUN_WALK,
    "trail run": K.EASY, "time on feet": K.LONG,
    # Pfitzinger's names: a medium-long or general aerobic run is aerobic running; lactate
    # threshold and VO2max sessions are quality; a marathon-pace run is a sustained effort.
    "medium-long run": K.EASY, "medium-long": K.EASY, "medium long run": K.EASY,
    "general aerobic": K.EASY, "general aerobic run": K.EASY, "general aerobic + speed": K.EASY,
    "mlr": K.EASY, "ga": K.EASY, "ga + speed": K.EASY, "rec": K.RECOVERY,  # as his schedules abbreviate them
    "tempo": K.TEMPO, "tempo run": K.TEMPO, "threshold": K.TEMPO, "threshold run": K.TEMPO,
    "progression": K.TEMPO, "progression run": K.TEMPO,
    "lactate threshold": K.TEMPO, "lactate threshold run": K.TEMPO, "lt run": K.TEMPO, "lt": K.TEMPO, "lt intervals": K.TEMPO,
    "marathon-pace run": K.TEMPO, "marathon pace run": K.TEMPO, "mp run": K.TEMPO,
    "intervals": K.INTERVALS, "interval": K.INTERVALS, "track": K.INTERVALS,
    "repeats": K.INTERVALS, "speed": K.INTERVALS, "speedwork": K.INTERVALS,
    "vo2max": K.INTERVALS, "vo2 max": K.INTERVALS, "vo2max intervals": K.INTERVALS,
    "cruise intervals": K.INTERVALS, "reps": K.INTERVALS, "repetitions": K.INTERVALS,
    "hills": K.HILLS, "hill": K.HILLS, "hill repeats": K.HILLS, "hill sprints": K.HILLS,
    "stairs": K.HILLS, "stair repeats": K.HILLS,
    "fartlek": K.FARTLEK, "strides": K.STRIDES,
    # Fitzgerald's 80/20 names: a foundation run is easy running, speed play a fartlek, a fast
    # finish run an easy run that ends faster (its main set last).
    "foundation run": K.EASY, "foundation": K.EASY, "speed play": K.FARTLEK, "fast finish run": K.EASY,
    "fast finish": K.EASY, "speed intervals": K.INTERVALS, "hill repetitions": K.HILLS, "hill reps": K.HILLS,
    # Koop's names (Training Essentials for Ultrarunning), written as one word
    "endurancerun": K.EASY, "recoveryrun": K.RECOVERY, "temporun": K.TEMPO, "steadystaterun": K.TEMPO,
    "runningintervals": K.INTERVALS, "uphillrunningintervals": K.HILLS,
    "race": K.RACE, "tune-up race": K.RACE, "tune-up": K.RACE, "time trial": K.RACE,
    "dress rehearsal": K.TEMPO,  # Pfitzinger's: a run with a marathon-pace part, a week or two out
    "cross-training": K.CROSS, "cross training": K.CROSS, "cross-train": K.CROSS, "xt": K.CROSS,
    "cross": K.CROSS, "bike": K.CROSS, "swim": K.CROSS, "cycling": K.CROSS, "ride": K.CROSS, "row": K.CROSS,
    "rowing": K.CROSS, "elliptical": K.CROSS, "spin": K.CROSS, "pool running": K.CROSS, "aqua jogging": K.CROSS,
    "strength": K.STRENGTH, "strength training": K.STRENGTH, "gym": K.STRENGTH,
    "mobility": K.MOBILITY, "yoga": K.MOBILITY, "stretching": K.MOBILITY,
    "drills": K.MOBILITY, "running drills": K.MOBILITY, "form drills": K.MOBILITY,  # technique, not running volume
}
# "Race half": the race a race session names, as the English word (a key of RACE_DISTANCES).
RACE_NAMES = {"half marathon": "half marathon", "half-marathon": "half marathon", "half": "half marathon",
              "hm": "half marathon", "marathon": "marathon", "5k": "5k", "10k": "10k", "15k": "15k", "mile": "mile"}
# The author's word after an amount, and the role it gives a step written in a list.
RECOVERY_LABELS = ("walk/jog", "jog/walk", "jog back", "walk back", "jog down", "walk down", "easy jog", "jog",
                   "walk", "float", "easy", "recovery", "power hike", "hike")
REST_LABELS = ("standing rest", "rest")
WORK_LABELS = ("hills", "hill", "uphill", "uphill strides", "uphill power hike", "uphill hike", "strides", "stride", "pickups", "surges", "sprints", "runs", "run",
               "fast", "hard")
# A warm-up or cool-down written in the main set: "Tempo 5 mi: 1 mi warm-up, 3 mi @ tempo, 1 mi cool-down".
AROUND_LABELS = {"warm-up": "warm-up", "warmup": "warm-up", "warm up": "warm-up", "wu": "warm-up",
                 "cool-down": "cool-down", "cooldown": "cool-down", "cool down": "cool-down", "cd": "cool-down",
                 "brisk walk": "walk", "brisk walking": "walk",
                 # Couch to 5K's "5 min brisk walk warm-up": a walk, before the run and after it
                 **{f"{walk} {around}": "walk" for walk in ("walk", "walking", "brisk walk", "brisk walking")
                    for around in ("warm-up", "warmup", "warm up", "cool-down", "cooldown", "cool down")},
                 **{f"{around} walk": "walk" for around in ("warm-up", "warmup", "warm up", "cool-down", "cooldown", "cool down")}}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS = {name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)} | {
    name[:3].lower(): i for i, name in enumerate(WEEKDAY_NAMES)} | {"tues": 1, "thur": 3, "thurs": 3}

LEXICON = Lexicon(
    code="en", name="English", kinds=KIND_WORDS, races=RACE_NAMES,
    labels={**{w: w for w in (*RECOVERY_LABELS, *REST_LABELS, *WORK_LABELS)}, **AROUND_LABELS,
            "jg": "jog",  # Daniels' "w/ 3 min jg"
            "full recovery": "rest", "full rest": "rest", "complete recovery": "rest",  # a track coach's: until ready
            "rbi": "recovery",  # Koop's "rest between intervals", run easy
            "ri": "rest", "rest interval": "rest"},  # FIRST's (Run Less, Run Faster) "w/ 90 s RI"
    efforts={},  # the targets' own grammar is English (generator.source.targets)
    weekdays=_WEEKDAYS, weekday_names=WEEKDAY_NAMES,
    week=("Week", "wk"), day=("Day",),
    main=("with", "w/", "incl.", "incl", "including", "inc."), recovery=("w/", "with"), then=("then",),
    rest_or=("rest or",), last=("the last", "last", "the final", "final"), optional=("optional",), to=("to",), from_=("from",), strides=("strides", "stride"),
    within_between=("within / between sets", "between reps / between sets"), bodyweight=("bodyweight", "body weight", "BW"),
)
