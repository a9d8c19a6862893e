"""A strength exercise's load as written: a weight (``100 lb``, ``24 kg each hand``), a share of
the 1RM or of a training max (``70%``, ``70% TM``), bodyweight, an RPE (``RPE 7``) or reps in
reserve (``2 RIR``); and the fix for loads coaches write that are none."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..errors import suggest
from ..model import Load
from ..units import LOAD_WORDS
from .words import LEXICONS

_LOAD_WEIGHT = re.compile(r"(?i)^(\d+(?:\.\d+)?)\s*([a-z]+)$")
_LOAD_PERCENT = re.compile(r"(?i)^(\d+(?:\.\d+)?)\s*%(?:\s*(?:of\s*)?(?:1\s*rm|max)|\s*(?:of\s*)?(?P<tm>(?:the\s+|your\s+)?(?:tm|training\s+max)))?$")
# "bodyweight" in any plan language ("Körpergewicht", "poids du corps"): no word means a weight in another.
_LOAD_BODY = re.compile(r"(?i)^(?:body\s*weight|" + "|".join(
    re.escape(w) for lex in LEXICONS.values() for w in lex.bodyweight) + ")$")
RPE = r"rpe\s*(\d{1,2}(?:\.\d)?)(?:\s*(?:-|–|to)\s*(\d{1,2}(?:\.\d)?))?"  # "RPE 7", "RPE 7-8"
_LOAD_RPE = re.compile(r"(?i)^" + RPE + "$")
# A weight in each hand, arm or side: "24 kg each hand", "16 kg/hand", "12 kg pro Hand", "par main".
_LOAD_EACH = re.compile(r"(?i)^(?P<load>\S.*?)\s*(?P<each>(?:(?:in\s+)?each|per|/)\s*(?:hand|arm|side|dumbbell|db|kb|kettlebell|bell)"
                        r"|(?:pro|je)\s+(?:hand|arm|seite)|par\s+(?:main|bras|côté)|por\s+(?:mano|brazo|lado)"
                        r"|en\s+cada\s+mano|(?:in\s+elke|per)\s+(?:hand|arm|kant))$")
# Reps in reserve, as the load: "2 RIR", "RIR 2", "1-2 RIR" (RPE 10 - RIR, Helms et al. 2016).
_LOAD_RIR = re.compile(r"(?i)^(?:rir\s*(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?|(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?\s*rir)$")


def parse_load(text: str, fail: Callable[[str], object]) -> Load | None:
    """A load as written (see the module); None after ``fail`` has said what is wrong."""
    if (each := _LOAD_EACH.match(text)) is not None:
        load = parse_load(each["load"], fail)
        if load is not None and load.kind != "weight":
            fail(f"a weight is held in each hand, not {each['load']}: write e.g. '@ 16 kg each hand'")
            return None
        return replace(load, each=re.sub(r"\s+", " ", each["each"]).replace(" /", "/")) if load is not None else None
    if hint := _load_hint(text):
        fail(hint)
        return None
    if _LOAD_BODY.match(text):
        return Load("bodyweight")
    if match := _LOAD_PERCENT.match(text):
        value = float(match[1])
        if not 1 <= value <= 120:
            fail(f"{text} of 1RM is not plausible; expected 1% to 120%")
            return None
        return Load("percent", value, training_max=match["tm"] is not None)
    if match := _LOAD_RPE.match(text):
        return rpe_load(match, fail)
    if match := _LOAD_RIR.match(text):
        return rir_load(match, fail)
    if match := _LOAD_WEIGHT.match(text):
        value, word = float(match[1]), match[2].lower()
        if word not in LOAD_WORDS:
            fail(f"unknown unit '{match[2]}'{suggest(word, LOAD_WORDS)}; loads are in lb or kg")
            return None
        unit = LOAD_WORDS[word]
        if value <= 0 or (value > 500 if unit == "kg" else value > 1100):
            fail(f"a load of {text} is not plausible (at most 500 kg / 1100 lb)")
            return None
        return Load("weight", value, unit)
    fail(f"unknown load '{text}'; expected a weight (100 lb), a share of 1RM (70%) or of a training max (70% TM), 'bodyweight', an RPE (RPE 7) "
         "or reps in reserve (2 RIR)")
    return None


def rpe_load(match: re.Match[str], fail: Callable[[str], object]) -> Load | None:
    """An RPE, or a range of two (``RPE 7-8``), from a match of :data:`_RPE`."""
    low, high = float(match[1]), float(match[2]) if match[2] is not None else None
    if not all(1 <= v <= 10 for v in (low, high or low)):
        fail(f"'{match[0].lstrip('@ ')}' is not a valid RPE (expected 1 to 10)")
        return None
    if high is not None and high <= low:
        fail(f"write an RPE range from the lower to the higher, e.g. 'RPE {high:g}-{low:g}'" if high < low else
             f"write one RPE: 'RPE {low:g}'")
        return None
    return Load("rpe", low, top=high)


def rir_load(match: re.Match[str], fail: Callable[[str], object]) -> Load | None:
    """Reps in reserve, or a range (``RIR 1-2``), from a match of :data:`_LOAD_RIR`: an RPE of
    10 minus them, written as reps in reserve again."""
    low, high = (match[1], match[2]) if match[1] is not None else (match[3], match[4])
    few, many = int(low), int(high) if high is not None else None
    if not all(0 <= v <= 6 for v in (few, many or few)):
        fail(f"'{match[0]}' is not plausible reps in reserve (expected 0 to 6)")
        return None
    if many is not None and many <= few:
        fail(f"write reps in reserve from fewer to more, e.g. 'RIR {many}-{few}'" if many < few else f"write one: 'RIR {few}'")
        return None
    if many is None:
        return Load("rpe", 10.0 - few, rir=True)
    return Load("rpe", 10.0 - many, top=10.0 - few, rir=True)


def _load_hint(text: str) -> str:
    """The fix for a load written as coaches often write one that is not a load Deload reads."""
    if match := re.fullmatch(r"(?i)(\d+),(\d+)\s*(kg|lbs?)", text):
        return f"write the decimal with a point: '{match[1]}.{match[2]} {match[3]}'"
    if match := re.fullmatch(r"(?i)(\d+(?:\.\d+)?)\s*[-–]\s*\d+(?:\.\d+)?\s*(kg|lbs?|%)", text):
        one = f"{match[1]}{match[2]}" if match[2] == "%" else f"{match[1]} {match[2]}"
        return f"a load is one weight, the one to work at: write '{one}', and the range in a comment if you like: '@ {one} ({text})'"
    if match := re.fullmatch(r"(?i)(\d+)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(kg|lbs?)", text):
        return f"write the weight of one: '@ {match[2]} {match[3]} (a pair)', or of both: '@ {float(match[1]) * float(match[2]):g} {match[3]}'"
    if match := re.fullmatch(r"(?i)(\d+)\s*(cm|in|inch|inches|\")", text):
        unit = "in" if match[2] == '"' else match[2]
        return f"a box or hurdle height is not a load: write it in a comment, e.g. 'Box jump 3x5 ({match[1]} {unit} box)'"
    if match := re.fullmatch(r"(?i)(\d+(?:\.\d+)?)\s*%\s*(?:of\s+)?(?:body\s*weight|bw)", text):  # Uphill Athlete's packs
        share = float(match[1]) / 100
        return (f"a share of bodyweight is no load Deload can weigh or halve: write the weight it comes to "
                f"('@ {round(150 * share, 1):g} lb' for {match[1]}% of 150 lb, '@ {round(70 * share, 1):g} kg' of 70 kg) "
                f"and the share in a comment ('— {match[1]}% of bodyweight'), or '@ bodyweight' for none")
    return ""
