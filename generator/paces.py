"""A reader's paces from one race result or goal time: Daniels' VDOT.

One performance (distance and time) gives a VDOT by the Daniels–Gilbert equations
(*Daniels' Running Formula*; Daniels & Gilbert, *Oxygen Power*, 1979): the oxygen cost
of running at a speed, divided by the share of VO2max a runner can hold for the race's
duration. From the VDOT come the time for any race distance (the same equations
solved the other way) and the training paces, each at the share of the VDOT that
reproduces Daniels' pace tables (threshold 88%, interval 97.5%, repetition 106%, easy
62–70%).

Every target of a plan is turned into a *pace spec*, a short text both this module and
the page's JavaScript evaluate (``templates/static/paces.js`` mirrors it line for line),
so the paces a reader sees in the browser equal the ones in the files built here:

- ``e:threshold``: an effort of the pace table;
- ``r:42.195:90:92:0:0``: a race's pace (km), at a share of its speed (low, high, in %)
  and with an offset (seconds per km, low and high);
- ``v:95:95:0:0``: the same of maximal aerobic speed (French *VMA*, *MAS*, vVO2max): the
  speed that reaches VO2max, which runners hold for about six minutes (Billat et al.,
  *Med Sci Sports Exerc* 1994;26(2):254–7: time to exhaustion at vVO2max 6 min ± 1.5),
  so the pace of a six-minute race at the runner's VDOT;
- terms joined by ``|``: the span of all of them (``easy to moderate``, ``5K-10K pace``).

A pace range is (fast, slow) in seconds per km.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from .i18n import N_, Words
from .model import VMA, Distance, Performance, Plan, RacePace, Session, SessionKind, Target
from .units import to_km

PaceRange = tuple[float, float]

#: Race distances of the plan language's race paces (:data:`generator.model.RACE_PACES`) by effort name.
RACE_EFFORTS: dict[str, float] = {
    "1500": 1.5, "mile": 1.609344, "3k": 3.0, "5k": 5.0, "8k": 8.0, "10k": 10.0, "15k": 15.0,
    "10mi": 16.09344, "half_marathon": 21.0975, "marathon": 42.195,
}
#: Training paces as shares of the VDOT (fast end, slow end): Daniels' E/L pace is 59–74% of
#: VO2max, and his tables' easy range sits at about 62–70%; T at 88%, I at 97.5%, R at 106%.
VDOT_SHARES: dict[str, tuple[float, float]] = {
    "recovery": (0.62, 0.57), "easy": (0.70, 0.62), "long": (0.70, 0.62),
    "threshold": (0.88, 0.88), "interval": (0.975, 0.975), "repetition": (1.06, 1.06),
}
SPREAD = 0.01  # a single pace is shown as a range of ±1%: what a runner can hold to on a watch
#: Efforts in the order a pace table lists them.
EFFORT_ORDER = ("recovery", "easy", "long", "steady", "marathon", "half_marathon", "threshold", "10k", "5k",
                "interval", "mile", "repetition")
EFFORT_NAMES = Words({
    "recovery": N_("Recovery"), "easy": N_("Easy"), "long": N_("Long run"), "steady": N_("Steady"),
    "marathon": N_("Marathon pace"), "half_marathon": N_("Half-marathon pace"), "threshold": N_("Threshold"),
    "10k": N_("10K pace"), "5k": N_("5K pace"), "interval": N_("Interval"), "mile": N_("Mile pace"),
    "repetition": N_("Repetition"), "1500": N_("1500 m pace"), "3k": N_("3K pace"), "8k": N_("8K pace"),
    "15k": N_("15K pace"), "10mi": N_("10-mile pace"),
})
#: The effort a run of these kinds is run at when its coach names none ("Easy 5 mi", "Long 16 km"):
#: easy (Daniels' E pace for easy and long runs), or recovery. Quality kinds imply none: a tempo
#: or an interval session without a target is left without a pace rather than given a guess.
IMPLIED_EFFORTS = {SessionKind.EASY: "easy", SessionKind.LONG: "long", SessionKind.RECOVERY: "recovery"}  # the coach may give "long" its own


def implied_target(kind: SessionKind, coach: Mapping[str, object] | None = None) -> Target | None:
    """The target a run of ``kind`` has when none is written, named in the current language; None
    for other kinds. A long run is run easy unless the coach's table (``coach``) gives long runs
    their own pace: a table that sets only the easy pace sets the long run's with it."""
    effort = IMPLIED_EFFORTS.get(kind)
    if effort == "long" and "long" not in (coach or {}):
        effort = "easy"
    return Target(EFFORT_NAMES[effort], "effort", efforts=(effort,)) if effort else None


#: Effort words of the plan language to an effort of the table; words without a pace (all-out,
#: hill effort) are left as written.
WORD_EFFORTS: dict[str, str] = {
    "very easy": "recovery", "recovery": "recovery", "easy": "easy", "easy pace": "easy", "conversational": "easy",
    "long": "long", "long pace": "long", "long run pace": "long",  # the coach's table may give long runs their own
    "relaxed": "easy", "aerobic": "easy", "steady": "steady", "steady pace": "steady", "moderate": "steady",
    "moderate pace": "steady", "progressive": "steady", "progression": "steady", "brisk": "steady",
    "smooth": "steady", "kenyan-style progression": "steady", "kenyan progression": "steady",
    "controlled": "marathon", "comfortably hard": "threshold", "threshold": "threshold", "tempo": "threshold",
    "lt": "threshold", "lt2": "threshold", "lactate threshold": "threshold", "cruise": "threshold", "threshold pace": "threshold",
    "tempo pace": "threshold", "tempo effort": "threshold", "threshold effort": "threshold", "strong": "threshold",
    "hard": "interval", "very hard": "interval", "fast": "repetition",
    "e": "easy", "e pace": "easy", "t": "threshold", "t pace": "threshold", "lt pace": "threshold",
    "i": "interval", "i pace": "interval", "interval pace": "interval", "vo2max": "interval", "vo2 max": "interval",
    "vo2max pace": "interval", "r": "repetition", "r pace": "repetition", "rep pace": "repetition",
    "repetition pace": "repetition",
    "h": "interval", "h pace": "interval",  # Daniels' H, hard running by feel at about I intensity
}
#: Lydiard's efforts (*Running with Lydiard*): a quarter, half or three quarters of full effort,
#: aerobic running by feel; no table gives their pace, and "half effort" is no half marathon's.
LYDIARD_SHARES = {"quarter": ("quarter", "1/4", "¼"), "half": ("half", "1/2", "½"),
                  "three quarters": ("three-quarter", "three-quarters", "three quarter", "3/4", "¾")}
LYDIARD_EFFORTS = tuple(f"{word} effort" for words in LYDIARD_SHARES.values() for word in words)
GOAL_WORDS = ("goal pace", "race pace", "race effort")  # the pace of the plan's own race
#: Heart-rate zones and RPE (CR-10) to the efforts whose span they cover.
ZONE_EFFORTS: dict[int, tuple[str, ...]] = {1: ("recovery",), 2: ("easy",), 3: ("steady",), 4: ("threshold",),
                                            5: ("interval",), 6: ("repetition",)}
#: Zone systems a plan may name (``zones: 80/20``): Fitzgerald's five zones in *80/20 Running*
#: (2014) put threshold in zone 3, VO2max in 4 and speed in 5, a zone above the default's.
HEART_RATE = "heart rate"  # a zone system whose zones are the runner's heart-rate zones: no pace
ZONE_SYSTEMS: dict[str, dict[int, str]] = {
    "80/20": {1: "recovery", 2: "easy", 3: "threshold", 4: "interval", 5: "repetition"},
    HEART_RATE: dict.fromkeys(range(1, 7), HEART_RATE),
}


def zone_efforts(zones: tuple[tuple[int, str], ...]) -> dict[int, tuple[str, ...]]:
    """The efforts each zone stands for: a plan's own (``zones:``), laid over the five-zone
    default (``zones: {Z3: threshold}`` leaves Z2 easy)."""
    if not zones:
        return ZONE_EFFORTS
    return {**ZONE_EFFORTS, **{number: (effort,) if effort in EFFORT_ORDER else () for number, effort in zones}}


def zone_target_efforts(target: Target, zones: tuple[tuple[int, str], ...] = ()) -> tuple[str, ...]:
    """The efforts a zone target (``Z2``, ``Z3-Z4``) spans in the plan's zone system."""
    if target.kind != "zone" or target.value is None:
        return ()
    by_zone = zone_efforts(zones)
    return tuple(e for z in range(int(target.low or target.value), int(target.value) + 1) for e in by_zone.get(z, ()))
# RPE 3 is easy running (coaching rules: "easy 3, long 4–5"); "Easy 3 mi @ RPE 3" had been paced as recovery.
RPE_EFFORTS = {1: ("recovery",), 2: ("recovery",), 3: ("easy",), 4: ("easy",), 5: ("steady",),
               6: ("marathon",), 7: ("threshold",), 8: ("10k",), 9: ("5k", "interval"), 10: ("repetition",)}


# -- Daniels–Gilbert ---------------------------------------------------------------------------

def oxygen_cost(metres_per_minute: float) -> float:
    """VO2 (ml/kg/min) of running at a speed."""
    v = metres_per_minute
    return -4.60 + 0.182258 * v + 0.000104 * v * v


def sustainable_share(minutes: float) -> float:
    """The share of VO2max a runner holds for a race of this duration."""
    return 0.8 + 0.1894393 * math.exp(-0.012778 * minutes) + 0.2989558 * math.exp(-0.1932605 * minutes)


def speed_at(vo2: float) -> float:
    """The speed (m/min) whose oxygen cost is ``vo2``: :func:`oxygen_cost` solved for speed."""
    a, b, c = 0.000104, 0.182258, -4.60 - vo2
    return (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a)


def vdot(performance: Performance) -> float:
    minutes = performance.seconds / 60
    return oxygen_cost(performance.km * 1000 / minutes) / sustainable_share(minutes)


VMA_MINUTES = 6.0  # held at maximal aerobic speed (Billat et al. 1994; see the module's docstring)


def vma_pace(vdot_value: float) -> float:
    """The pace (s/km) of maximal aerobic speed: of a race of :data:`VMA_MINUTES` at this VDOT."""
    return 60_000 / speed_at(vdot_value * sustainable_share(VMA_MINUTES))


def race_seconds(vdot_value: float, km: float) -> float:
    """The time for ``km`` at this VDOT (bisection: the VDOT of a time falls as the time grows)."""
    fast, slow = 1.0, 2000.0  # minutes
    for _ in range(60):
        middle = (fast + slow) / 2
        if vdot(Performance(km, middle * 60)) > vdot_value:
            fast = middle
        else:
            slow = middle
    return (fast + slow) / 2 * 60


# -- the pace table -----------------------------------------------------------------------------

@dataclass(frozen=True)
class PaceTable:
    """Paces (fast, slow, in s/km) for every effort, from a performance and the coach's table."""

    performance: Performance
    vdot: float
    efforts: dict[str, PaceRange]


def _spread(seconds: float) -> PaceRange:
    return (seconds * (1 - SPREAD), seconds * (1 + SPREAD))


def model_efforts(vdot_value: float) -> dict[str, PaceRange]:
    """Daniels' training paces and the race paces for one VDOT."""
    efforts: dict[str, PaceRange] = {}
    for name, km in RACE_EFFORTS.items():
        efforts[name] = _spread(race_seconds(vdot_value, km) / km)
    for name, (fast, slow) in VDOT_SHARES.items():
        fast_pace, slow_pace = (60_000 / speed_at(vdot_value * share) for share in (fast, slow))
        efforts[name] = _spread(fast_pace) if fast == slow else (fast_pace, slow_pace)
    # Steady: from the fast end of easy to marathon pace.
    efforts["steady"] = (efforts["marathon"][1], efforts["easy"][0])
    return efforts


def pace_table(performance: Performance, coach: Mapping[str, str] | None = None,
               reference: Performance | None = None) -> PaceTable:
    """The table for a performance. ``coach`` maps efforts to pace specs that win over the
    model: relative ones (``r:…``) hold for any runner; absolute ones (``a:fast:slow``) are
    the coach's paces for ``reference`` and are scaled by the runner's speed against it."""
    value = vdot(performance)
    efforts = model_efforts(value)
    scale = 1.0
    if reference is not None:
        scale = race_seconds(value, reference.km) / reference.seconds
    for name, spec in sorted((coach or {}).items(), key=_coach_order):
        if spec.startswith("a:"):
            fast, slow = (float(x) for x in spec[2:].split(":"))
            efforts[name] = (fast * scale, slow * scale)
        else:
            efforts[name] = evaluate(spec, efforts, value)
    return PaceTable(performance, value, efforts)


def _coach_order(entry: tuple[str, str]) -> tuple[bool, bool, str]:
    """The coach's paces in the order they may rest on each other: the absolute ones, then the races'
    (which the relative ones are set from: "easy: MP + 45-75 s"), then the rest; the page's script
    takes them in the same order."""
    name, spec = entry
    return not spec.startswith("a:"), name not in RACE_EFFORTS, name


# -- targets ----------------------------------------------------------------------------------

def evaluate(spec: str, efforts: Mapping[str, PaceRange], vdot_value: float) -> PaceRange:
    """The pace range of a spec (see the module's docstring)."""
    ranges = [_term(term, efforts, vdot_value) for term in spec.split("|")]
    return (min(r[0] for r in ranges), max(r[1] for r in ranges))


def _term(term: str, efforts: Mapping[str, PaceRange], vdot_value: float) -> PaceRange:
    kind, _, rest = term.partition(":")
    if kind == "e":
        return efforts[rest]
    if kind == "v":
        low, high, off_low, off_high = (float(x) for x in rest.split(":"))
        pace = vma_pace(vdot_value)
    else:
        km, low, high, off_low, off_high = (float(x) for x in rest.split(":"))
        pace = _race_pace(km, efforts, vdot_value)
    fast, slow = pace / (high / 100) + off_low, pace / (low / 100) + off_high
    return _spread(fast) if (low, off_low) == (high, off_high) else (min(fast, slow), max(fast, slow))


def _race_pace(km: float, efforts: Mapping[str, PaceRange], vdot_value: float) -> float:
    """A race's pace (s/km): the middle of the table's, where the coach's table may set it
    (``marathon: 4:40-4:45/km``; else the model's, whose middle is the model's pace), or the model's."""
    # Within half a percent: a half marathon written 13.1 mi (21.08 km) is the half marathon.
    name = next((name for name, distance in RACE_EFFORTS.items() if abs(distance - km) <= 0.005 * distance), None)
    if name is not None and name in efforts:
        fast, slow = efforts[name]
        return (fast + slow) / 2
    return race_seconds(vdot_value, km) / km


def by_effort(session_kind: SessionKind) -> bool:
    """Whether a session is run by effort alone, whatever its targets say: uphill, a pace means
    nothing (a 5K effort up a 6% grade is a minute a kilometre slower), so hill repeats get no
    pace on the page, in the feed or on the watch. Nor does any session that is no run: a bike
    ride or a swim "@ moderate" is an effort, and a running pace beside it is no use."""
    return session_kind is SessionKind.HILLS or not session_kind.is_run


def spec_of(target: Target | None, goal_km: float | None, units: str,
            zones: tuple[tuple[int, str], ...] = ()) -> str | None:
    """The pace spec of a target, or None when it has no pace (an explicit pace, a heart
    rate, all-out, hill effort). ``goal_km``: the plan's race, for "goal pace" and "race
    pace"; ``units``: the plan's, for an offset written without one (``MP - 10 s``);
    ``zones``: the plan's zone system (see :func:`zone_efforts`)."""
    if target is None:
        return None
    if target.kind == "race" and target.race is not None:
        return _race_spec(target.race, units)
    if target.kind == "zone" and target.value is not None:
        return "|".join(f"e:{e}" for e in zone_target_efforts(target, zones)) or None
    if target.kind == "rpe" and target.value is not None:
        levels = range(max(1, round(target.low or target.value)), min(10, round(target.value)) + 1)
        return "|".join(f"e:{e}" for r in levels for e in RPE_EFFORTS[r]) or None
    if target.kind == "effort":
        terms = []
        words = target.efforts or (" ".join(target.text.lower().split()),)
        for word, named in zip(words, target.races or (None,) * len(words), strict=False):
            if word in GOAL_WORDS and goal_km is not None:
                if not modelled(goal_km):
                    return None  # an 800 m's pace, or an ultra's: the model says nothing of them
                terms.append(race_pace_spec(goal_km))
            elif word in WORD_EFFORTS:
                terms.append(f"e:{WORD_EFFORTS[word]}")
            elif (race := named or _race_word(word)) is not None:  # "88% MP to 95% MP": each end a race pace
                terms.append(_race_spec(race, units))
            else:
                return None
        return "|".join(terms) or None
    return None


MODEL_KM = (1.5, 42.195)  # the races Daniels' equations were fitted on: no pace beyond them


def modelled(km: float) -> bool:
    """Whether the model gives a race of ``km`` a pace (a marathon written 26.2 mi is one; an 800 m is not)."""
    return MODEL_KM[0] - 1e-9 <= km <= MODEL_KM[1] + 0.5


def race_pace_spec(km: float) -> str:
    """The spec of the pace of a race of ``km``, as the reader's (or coach's) time predicts it."""
    return f"r:{km:g}:100:100:0:0"


def race_session_km(session: Session) -> float | None:
    """The distance a race session is run at its own race pace: the whole race, without a target
    of the coach's, of a distance the model gives a pace (an ultra, an 800 m: None, run by effort)."""
    if (session.kind is SessionKind.RACE and isinstance(session.total, Distance) and session.target is None
            and not session.main and modelled(session.total.km)):
        return session.total.km
    return None


def _race_word(word: str) -> RacePace | None:
    """A race pace named inside a compound effort (``easy to marathon pace``)."""
    if word in LYDIARD_EFFORTS:
        return None
    name = word.removesuffix(" pace").removesuffix(" effort").replace("-", " ")
    key = RACE_WORDS.get(name)
    return RacePace(key) if key else None


def _race_spec(race: RacePace, units: str) -> str:
    per_km = 1.0 if (race.per or units) == "km" else to_km(1, "mi")  # seconds per mile -> per km
    off_low = 0.0 if race.offset is None else race.offset / per_km
    off_high = off_low if race.offset_high is None else race.offset_high / per_km
    low = race.percent if race.percent is not None else 100.0
    high = race.percent_high if race.percent_high is not None else low
    keys = [race.race] + ([race.race_to] if race.race_to else [])
    shares = f"{low:g}:{high:g}:{_num(off_low)}:{_num(off_high)}"
    return "|".join(f"v:{shares}" if key == VMA else f"r:{RACE_KM[key]:g}:{shares}" for key in keys)


def _num(value: float) -> str:
    return f"{round(value, 2):g}"


RACE_WORDS = {"mp": "marathon", "gmp": "marathon", "marathon": "marathon", "hmp": "half", "half": "half",
              "half marathon": "half", "hm": "half", "10k": "10k", "5k": "5k", "mile": "mile", "3k": "3k",
              "8k": "8k", "15k": "15k", "1500": "1500", "10 mile": "10mi"}
RACE_KM = {"1500": 1.5, "mile": 1.609344, "3k": 3.0, "5k": 5.0, "8k": 8.0, "10k": 10.0, "15k": 15.0,
           "10mi": 16.09344, "half": 21.0975, "marathon": 42.195}


def coach_specs(paces: tuple[tuple[str, Target], ...], units: str) -> dict[str, str]:
    """The coach's pace table as specs: ``a:fast:slow`` for a pace, a race spec for the rest."""
    specs = {}
    for name, target in paces:
        if target.pace is not None:
            pace = target.pace
            per_km = 1.0 if pace.unit == "km" else to_km(1, "mi")
            fast, slow = pace.seconds / per_km, (pace.slow if pace.slow is not None else pace.seconds) / per_km
            specs[name] = f"a:{_num(fast)}:{_num(slow)}" if pace.slow is not None else \
                f"a:{_num(fast * (1 - SPREAD))}:{_num(fast * (1 + SPREAD))}"
        elif target.race is not None:
            specs[name] = _race_spec(target.race, units)
    return specs


def plan_pace_table(plan: Plan, performance: Performance) -> PaceTable:
    """The plan's pace table for a runner: the model, with the coach's table winning over it."""
    return pace_table(performance, coach_specs(plan.paces, plan.units), plan.pace_reference)
