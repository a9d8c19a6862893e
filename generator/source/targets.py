"""Targets after ``@``: how hard a step is.

A pace (``8:30/mi``, ``4:45-4:55/km``), a zone (``Z2``), an RPE (``RPE 6-7``), a heart rate
(``150 bpm``), an effort in words (``easy``, ``easy to moderate``, ``very easy or easy``), or
a pace set by a race pace, as the books write it (``5K pace``, ``100% 5K``, ``90-92% 5K``,
``105% MP``, ``MP - 10 s``, ``HMP + 15 s/mi``, ``5K-10K pace``, ``Goal MP``, ``95% 5K effort``).
Race-pace targets are kept structured (:class:`~generator.model.RacePace`) so that a reader's
own race times can turn them into paces.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import suggest
from ..model import VMA, Pace, RacePace, Target, TargetKind
from ..paces import LYDIARD_EFFORTS, MODEL_KM
from ..units import to_km

if TYPE_CHECKING:
    from .words import Words

EFFORT_WORDS = (
    "easy", "very easy", "conversational", "relaxed", "steady", "moderate", "comfortably hard",
    "hard", "very hard", "all-out", "all out", "fast", "strong", "controlled", "smooth",
    "threshold", "tempo", "lt", "lactate threshold", "cruise", "goal pace", "race pace", "race effort",
    "hill effort", "max", "sprint", "brisk", "progressive", "aerobic", "recovery",
    "progression", "kenyan-style progression", "kenyan progression", "fast finish", "threshold pace",
    "tempo pace", "tempo effort", "threshold effort", "easy pace", "steady pace", "moderate pace",
    # Daniels' paces by letter and name, and Pfitzinger's: E, T, I and R pace; LT and VO2max pace
    "e", "e pace", "t", "t pace", "i", "i pace", "interval pace", "r", "r pace", "rep pace", "repetition pace", "h", "h pace",
    "lt pace", "vo2max", "vo2 max", "vo2max pace",
    # The "Norwegian singles" efforts, just under the threshold, and the aerobic threshold: no
    # table of the books gives their pace, so they stay as written rather than be read as threshold.
    "sub-threshold", "subthreshold", "sub threshold", "sub-t", "sub-threshold pace", "slightly below threshold",
    "just below threshold", "lt1", "aerobic threshold", "lt2",
    # Lydiard's aerobic efforts (Running with Lydiard): a share of effort, no race's pace ("half effort"
    # is no half marathon); they stay as written, and weigh as easy, steady and strong aerobic running.
    *LYDIARD_EFFORTS,
)
# How a race is written, to the key of RACE_PACES. "MP", "HMP" and "GMP" are paces already.
_RACE_WORDS = {
    "1500": "1500", "1500 m": "1500", "1500m": "1500", "mile": "mile", "1 mile": "mile", "1 mi": "mile",
    "3k": "3k", "3000": "3k", "3000 m": "3k", "3000m": "3k", "5k": "5k", "8k": "8k", "10k": "10k",
    "15k": "15k", "10 mile": "10mi", "10 mi": "10mi", "10-mile": "10mi", "half marathon": "half",
    "half-marathon": "half", "half": "half", "hm": "half", "marathon": "marathon", "vam": VMA, "mas": VMA,
}
_PACE_WORDS = {"mp": "marathon", "hmp": "half", "gmp": "marathon", "m pace": "marathon", "m": "marathon",
               # Maximal aerobic speed: French VMA and vVO2max alone; Spanish VAM and English MAS, words of
               # their own too ("suave o mas"), only with a share ("95% VAM"; see generator.paces)
               "vma": VMA, "vvo2max": VMA, "vvo2 max": VMA, "v vo2max": VMA}
_RACE = "|".join(sorted((re.escape(w) for w in (*_RACE_WORDS, *_PACE_WORDS)), key=len, reverse=True))
_NUM = r"\d{1,3}(?:\.\d)?"
_PERCENT = re.compile(rf"(?i)^({_NUM})(?:\s*(?:[-–]|to)\s*({_NUM}))?\s*%\s*(?:of\s+)?(goal\s+)?({_RACE})(?:\s+(pace|effort))?$")
_OFFSET = re.compile(
    rf"(?i)^(goal\s+)?({_RACE})(?:\s+pace)?\s*([-+−–])\s*(\d{{1,3}})(?:\s*[-–]\s*(\d{{1,3}}))?\s*"
    r"(?:s|sec|secs|seconds|(?P<minutes>min|mins|minutes?))?\s*(?:/\s*(km|mi|mile))?$")
_BETWEEN = re.compile(rf"(?i)^({_RACE})\s*(?:[-–]|to)\s*({_RACE})(?:\s+(pace|effort))?$")
_PLAIN = re.compile(rf"(?i)^(goal\s+)?({_RACE})(?:\s+(pace|effort))?$")
# "20% slower than MP", "10-15% faster than 5K pace": the pace's time a share longer or shorter.
_SLOWER = re.compile(rf"(?i)^({_NUM})(?:\s*(?:[-–]|to)\s*({_NUM}))?\s*%\s*(slower|faster)\s+than\s+(.+)$")
_SHORT_RANGE = re.compile(r"(?i)^(\d{1,2})\s*[-–]\s*(\d{1,2})k\s+(pace|effort)$")  # 5-10K pace
_PACE = re.compile(r"(?i)^(\d{1,2}):([0-5]\d)(?:\s*[-–]\s*(\d{1,2}):([0-5]\d))?\s*(?:min\s*)?/\s*(km|mi|mile)$")
_ZONE = re.compile(r"(?i)^(?:z|zone\s*)([1-6])(?:\s*[-–]\s*(?:z|zone\s*)?([1-6]))?$")
_RPE = re.compile(r"(?i)^rpe\s*(\d{1,2}(?:\.\d)?)(?:\s*[-–]\s*(\d{1,2}(?:\.\d)?))?$")
# A heart rate not to go over: "under 140 bpm", "< 140 bpm", "max 140 bpm". Read as the ten beats
# under it, as Maffetone trains below the MAF heart rate (The Big Book of Endurance Training, 2010).
CEILING_BAND = 10
# Beats a minute as coaches write them: "bpm", Spanish "ppm" and "lpm", German "S/min" and "Schläge/min".
_BEATS = r"(?:bpm|ppm|lpm|p/min|s/min|schläge/min|slagen/min)"
_HR_CEILING = re.compile(r"(?i)^(?:<=?|≤|under|below|max\.?|maximum|at\s+most|up\s+to)\s*(\d{2,3})\s*" + _BEATS + "$")
_HR = re.compile(r"(?i)^(\d{2,3})(?:\s*[-–]\s*(\d{2,3}))?\s*" + _BEATS + "$")
# A share of the maximum heart rate: "75% HRmax", "70-75% FCM" (frecuencia cardiaca máxima), "75% FCmax", "75% HFmax".
_HRMAX = re.compile(r"(?i)^(\d{2,3})(?:\s*%?\s*[-–]\s*(\d{2,3}))?\s*%\s*(?:of\s+)?"
                    r"(?:hr\s*max|max(?:imum)?\s*hr|mhr|fc\s*m(?:ax)?|fcm|hf\s*max|max\.?\s*hf|mhf|hfm)$")
# A share of a heart rate the runner knows and the page does not ask: of the heart-rate reserve
# (Karvonen) or of the lactate-threshold heart rate (Friel).
_HR_SHARE = re.compile(r"(?i)^(\d{2,3})(?:\s*%?\s*[-–]\s*(\d{2,3}))?\s*%\s*(?:of\s+)?(?:hrr|hr\s*reserve|heart[- ]rate reserve"
                       r"|fcr|hfr|lthr|lactate[- ]threshold (?:hr|heart rate))$")  # French FCR, German HFR: the reserve
# A ceiling as a share of the maximum: "under 70% HRmax", as "under 140 bpm" is one in beats.
_HRMAX_CEILING = re.compile(r"(?i)^(?:<=?|≤|under|below|max\.?|maximum|at\s+most|up\s+to)\s*(\d{2,3})\s*%\s*(?:of\s+)?"
                            r"(?:hr\s*max|max(?:imum)?\s*hr|mhr|fc\s*m(?:ax)?|fcm|hf\s*max|max\.?\s*hf|mhf|hfm)$")
# Blood lactate, the Norwegian method's measure: "2.5-3.0 mmol", "3 mmol/L". The runner's own, as written.
_LACTATE = re.compile(r"(?i)^(\d{1,2}(?:[.,]\d)?)(?:\s*[-–]\s*(\d{1,2}(?:[.,]\d)?))?\s*(?:mmol(?:\s*/\s*l)?|mm)(?:\s+lactate)?$")
# A pace in marks, as Spanish and French coaches write it: "5'30''/km" is "5:30/km".
_MARK_PACE = re.compile(r"(\d{1,2})['′]([0-5]\d)(?:''|″|\")?(?=\s*(?:[-–]\s*\d|(?:min\s*)?/))")
_JOINERS = re.compile(r"(?i)\s+(?:progressing to|building to|to|or|then)\s+")
# A letter (T, E) is never offered as a typo's fix.
EFFORT_SUGGESTIONS = (*(w for w in EFFORT_WORDS if len(w) > 1), "5k pace", "10k pace", "half marathon pace", "marathon pace", "mile pace",
                      "3k pace", "15k pace", "5k effort", "10k effort", "mp", "hmp", "90% 5k", "mp - 10 s")
SPEED_PERCENT = (50.0, 130.0)  # of a race's speed: beyond these a percentage is a typo


_ULTRA_PACE = re.compile(r"(\d{1,4}(?:\.\d+)?)\s*(?:-\s*(?=mile))?(k|km|mi|miles?|miler|m)?\s+(?:race\s+)?(?:pace|effort)$")


_RACE_RACE_PACE = re.compile(r"(?i)\b(\d+(?:\.\d+)?\s*(?:k|km|mi|m)|mile|marathon|half(?:\s+marathon)?)\s+race\s+pace\b")
# A share of VO2max itself, which is no speed: "95% VO2max" (the speed is vVO2max, or VMA).
_SHARE_OF_VO2MAX = re.compile(r"(?i)^\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*%\s*(?:of\s+)?vo2\s*max(?:\s+pace)?$")

def _race_key(word: str) -> str:
    word = " ".join(word.lower().split())
    return _PACE_WORDS.get(word) or _RACE_WORDS[word]


def _is_pace_word(word: str) -> bool:
    return " ".join(word.lower().split()) in _PACE_WORDS


def race_target(text: str, fail: Callable[[str], object]) -> Target | bool | None:
    """A target set by a race pace; False when ``text`` is not one."""
    if " ".join(text.lower().split()) in LYDIARD_EFFORTS:
        return False  # "half effort": Lydiard's, no half marathon's
    if (slower := _SLOWER.match(text)) is not None and (base := race_target(slower[4].strip(), fail)):
        # As a share of its speed, as "90% MP" is: 20% slower (a fifth more time a km) is 83.3% of it.
        if not isinstance(base, Target) or base.race is None or base.race.percent is not None or base.race.offset is not None:
            fail(f"'{text}': a share slower or faster is of a race's own pace, e.g. '20% slower than MP'")
            return None
        sign = 1 if slower[3].lower() == "slower" else -1
        shares = sorted(round(100 / (1 + sign * float(n) / 100), 1) for n in (slower[1], slower[2] or slower[1]))
        if not SPEED_PERCENT[0] <= shares[0] <= shares[1] <= SPEED_PERCENT[1]:
            fail(f"'{text}' is not plausible: expected a share from {SPEED_PERCENT[0]:.0f}% to {SPEED_PERCENT[1]:.0f}% of the race's speed")
            return None
        return replace(base, text=text, race=replace(base.race, percent=shares[0],
                                                      percent_high=shares[1] if shares[1] != shares[0] else None))
    if match := _PERCENT.match(text):
        low, high = float(match[1]), float(match[2]) if match[2] else None
        if not SPEED_PERCENT[0] <= low <= (high or low) <= SPEED_PERCENT[1]:
            fail(f"'{text}' is not plausible: a share of race pace goes from fewer to more, "
                 f"between {SPEED_PERCENT[0]:.0f}% and {SPEED_PERCENT[1]:.0f}%, e.g. '90-92% 5K'")
            return None
        race = RacePace(_race_key(match[4]), percent=low, percent_high=high,
                        effort=(match[5] or "").lower() == "effort", goal=bool(match[3]) or match[4].lower() == "gmp")
        return Target(text, "race", race=race)
    if match := _OFFSET.match(text):
        sign = 1 if match[3] == "+" else -1
        scale = 60 if match["minutes"] else 1  # "MP + 1-2 min", as Hansons' easy pace is written
        first, second = int(match[4]) * scale, int(match[5]) * scale if match[5] else None
        if second is not None and second <= first:
            fail(f"'{text}': a range goes from less to more, e.g. 'MP - 10-15 s'")
            return None
        per = {"km": "km", "mi": "mi", "mile": "mi"}.get((match[7] or "").lower())
        offsets = (sign * first, sign * second) if second is not None else (sign * first, None)
        if sign < 0 and second is not None:  # "- 10-15 s": from 10 to 15 seconds faster
            offsets = (sign * second, sign * first)
        race = RacePace(_race_key(match[2]), offset=float(offsets[0]),
                        offset_high=float(offsets[1]) if offsets[1] is not None else None,
                        per=per, goal=bool(match[1]) or match[2].lower() == "gmp")  # type: ignore[arg-type]
        return Target(text, "race", race=race)
    if match := _SHORT_RANGE.match(text):
        return Target(text, "race", race=RacePace(f"{match[1]}k", race_to=f"{match[2]}k",
                                                   effort=match[3].lower() == "effort"))
    if (match := _BETWEEN.match(text)) and (match[3] or _is_pace_word(match[1]) or _is_pace_word(match[2])):
        return Target(text, "race", race=RacePace(_race_key(match[1]), race_to=_race_key(match[2]),
                                                   effort=(match[3] or "").lower() == "effort"))
    if (match := _PLAIN.match(text)) and (match[3] or _is_pace_word(match[2])):
        return Target(text, "race", race=RacePace(_race_key(match[2]), effort=(match[3] or "").lower() == "effort",
                                                   goal=bool(match[1]) or match[2].lower() == "gmp"))
    return False


def parse_target(text: str, fail: Callable[[str], object], words: Words | None = None) -> Target | None:
    """Classify a target; ``fail(message)`` reports a problem. In another language than English,
    the target is read in English (``10-km-Tempo`` as ``10k pace``) and keeps the author's text."""
    if words is None or words.english:
        return _parse_target(text, fail, EFFORT_SUGGESTIONS)
    english = words.to_english(text)
    target = _parse_target(english, fail, words.hint_words, text)
    return replace(target, text=text) if target is not None else None


def _parse_target(text: str, fail: Callable[[str], object], hints: tuple[str, ...], shown: str = "") -> Target | None:
    shown = shown or text
    text = _RACE_RACE_PACE.sub(r"\1 pace", text)  # "5K race pace", as Pfitzinger writes it, is 5K pace
    text = _MARK_PACE.sub(r"\1:\2", text)
    if match := _PACE.match(text):
        fast = int(match[1]) * 60 + int(match[2])
        slow = int(match[3]) * 60 + int(match[4]) if match[3] else None
        pace = Pace(fast, "km" if match[5].lower() == "km" else "mi", slow)
        if not 120 <= pace.seconds_per_km <= 1200:
            fail(f"pace {text} is not plausible (expected 2:00 to 20:00 per km)")
            return None
        return Target(text, "pace", pace=pace)
    if match := _ZONE.match(text):
        return Target(text, "zone", value=float(match[2] or match[1]), low=float(match[1]) if match[2] else None)
    if match := _RPE.match(text):
        return _ranged(text, "rpe", match, (1, 10), f"'{text}' is not a valid RPE (expected 1 to 10)", fail)
    if (rate := _heart_rate_or_lactate(text, fail)) is not _NOT_A_RATE:
        return rate  # type: ignore[return-value]
    if re.search(r"(?i)\bmaf\b", text):  # "MAF", "under MAF", "MAF 140": Maffetone's ceiling, never "max"
        fail(f"'{text}' is Maffetone's heart-rate ceiling, 180 less the runner's age: write it as one, e.g. "
             "'@ under 140 bpm' (for a runner of 40), and 'MAF' in a comment")
        return None
    race = race_target(" ".join(text.split()), fail)
    if race is not False:
        return race  # type: ignore[return-value]
    efforts = effort_words(text)
    if efforts:
        return Target(text, "effort", efforts=efforts, races=_effort_races(efforts))
    lowered = " ".join(shown.lower().split())
    if ultra := _ULTRA_PACE.match(lowered):  # "50K effort": a race Deload has no pace for, not a typo of "5K"
        fail(_unknown_race_pace(shown, float(ultra[1]), ultra[2] or "m"))
        return None
    if re.fullmatch(r"\d{1,2}:[0-5]\d(?:\s*[-–]\s*\d{1,2}:[0-5]\d)?", lowered):
        fail(f"'{shown}' needs its unit: a pace is '{shown}/km' or '{shown}/mi'")
        return None
    if _SHARE_OF_VO2MAX.match(lowered):
        fail(f"'{shown}' is a share of VO2max, which is no pace: a share of the speed that reaches it is written "
             "'95% vVO2max' (or '95% VMA', '95% MAS'); or give the effort ('@ VO2max pace', '@ 5K pace')")
        return None
    if lowered in ("pace", "race", "goal", "the pace"):  # Higdon's "3 mi pace": his race pace
        fail(f"'{shown}' alone names no pace: write '@ goal pace' (the plan's race pace), '@ 10K pace' or '@ easy pace'")
        return None
    hint = suggest(lowered, hints) or (suggest(lowered, EFFORT_SUGGESTIONS) if hints is not EFFORT_SUGGESTIONS else "")
    a_pace = "8:30/mi" if hints is EFFORT_SUGGESTIONS else "4:45/km"  # a plan in another language is by the km
    fail(f"unknown target '{shown}'{hint}; expected a pace ({a_pace}), a zone (Z2), an RPE (RPE 7), a heart rate "
         "(150 bpm), an effort such as easy, steady, threshold or 10K pace, or a share of race pace (90% 5K, MP - 10 s)")
    return None



_NOT_A_RATE = object()


def _heart_rate_or_lactate(text: str, fail: Callable[[str], object]) -> object:
    """A heart rate (beats, a ceiling, a share of the maximum, of the reserve or of the threshold's)
    or a blood lactate, or :data:`_NOT_A_RATE` when ``text`` is none of them."""
    if match := _HR.match(text):
        return _ranged(text, "hr", match, (40, 230), f"heart rate '{text}' is not plausible (expected 40 to 230 bpm)", fail)
    if match := _HR_CEILING.match(text):  # "under 140 bpm", Maffetone's: at most the MAF heart rate
        ceiling = float(match[1])
        if not 50 <= ceiling <= 230:
            fail(f"heart rate '{text}' is not plausible (expected 50 to 230 bpm)")
            return None
        return Target(text, "hr", value=ceiling, low=ceiling - CEILING_BAND)
    if match := _HRMAX.match(text):
        return _ranged(text, "hrmax", match, (40, 100),
                       f"'{text}' is not a plausible share of the maximum heart rate (expected 40% to 100%)", fail)
    if match := _HRMAX_CEILING.match(text):  # "under 70% HRmax": a band of the ceiling's width, as in beats
        ceiling = float(match[1])
        if not 50 <= ceiling <= 100:
            fail(f"'{text}' is not a plausible share of the maximum heart rate (expected 50% to 100%)")
            return None
        return Target(text, "hrmax", value=ceiling, low=ceiling - CEILING_BAND)
    if lactate := _LACTATE.match(text):  # "2.5-3.0 mmol": kept as written, as a share of the reserve is
        low, high = float(lactate[1].replace(",", ".")), float((lactate[2] or lactate[1]).replace(",", "."))
        if not 0.5 <= low <= high <= 20:
            fail(f"'{text}' is not a plausible blood lactate (expected 0.5 to 20 mmol/L, from less to more)")
            return None
        return Target(text, "effort", efforts=(" ".join(text.lower().split()),))
    if share := _HR_SHARE.match(text):  # "70-80% HRR" (Karvonen), "95-100% LTHR" (Friel): the runner's own, as written
        low, high = int(share[1]), int(share[2] or share[1])
        if not 40 <= low <= high <= 110:
            fail(f"'{text}' is not a plausible share of a heart rate (expected 40% to 110%, from less to more)")
            return None
        return Target(text, "effort", efforts=(" ".join(text.lower().split()),))
    return _NOT_A_RATE


def _unknown_race_pace(shown: str, value: float, unit: str) -> str:
    """What to write for the pace of a race Deload has none for: a track race's (under 1500 m), one
    between the races it knows (2K, 2 mi), or an ultra's."""
    km = to_km(value, "mi") if unit.startswith("mi") else value / 1000 if unit == "m" else value
    if km < MODEL_KM[0]:
        how = ("; the paces of Deload's model run from 1500 m to the marathon: give each repeat's time "
               "('6 x 200 m @ 34 s', '4 x 400 m @ 68-70 s'), or the effort ('@ mile pace', '@ all-out')")
    elif km <= MODEL_KM[1]:
        how = ("; Deload knows the paces of 1500 m, the mile, 3K, 5K, 8K, 10K, 15K, 10 miles, the half and the marathon: "
               "give the nearest ('@ 3K pace', '@ 5K pace')")
    else:
        how = ": give the effort ('@ easy', '@ steady', '@ RPE 5')"
    return f"'{shown}' is no race pace Deload knows{how} and the race in a comment ('— {shown}')"


def _effort_races(efforts: tuple[str, ...]) -> tuple[RacePace | None, ...]:
    """The race pace each effort word names (``10K pace`` in ``easy to 10K pace``), read here so
    that the engine needs no parser; () when none does."""
    races = []
    for word in efforts:
        target = race_target(word, lambda _: None)
        races.append(target.race if isinstance(target, Target) else None)
    return tuple(races) if any(races) else ()


def _ranged(text: str, kind: TargetKind, match: re.Match[str], bounds: tuple[float, float], problem: str,
            fail: Callable[[str], object]) -> Target | None:
    """A target of one value or a range (its low end first), within ``bounds``; ``problem`` said otherwise."""
    value = float(match[2] or match[1])
    if not bounds[0] <= float(match[1]) <= value <= bounds[1]:
        fail(problem)
        return None
    return Target(text, kind, value=value, low=float(match[1]) if match[2] else None)


def unmistakable(text: str) -> bool:
    """A zone, an RPE or a heart rate: a target even without ``@`` (``Rodaje 40' Z2``, ``Easy 50 min 140-150 bpm``)."""
    text = " ".join(text.split())
    return bool(_ZONE.match(text) or _RPE.match(text) or _HR.match(text) or _HR_CEILING.match(text) or _HRMAX.match(text))


def effort_words(text: str, vocab: Words | None = None) -> tuple[str, ...]:
    """The effort words of ``easy``, ``easy to moderate`` or ``very easy or easy`` (in English, whatever
    the plan's language: ``locker bis mittel`` is ``easy``, ``moderate``); () if any part is unknown."""
    if vocab is not None and not vocab.english:
        text = vocab.to_english(text)
    parts = _JOINERS.split(" ".join(text.lower().split()))
    words: list[str] = []
    for part in parts:
        if part not in EFFORT_WORDS and not isinstance(race_target(part, lambda _: None), Target):
            return ()
        words.append(part)
    return tuple(words)
