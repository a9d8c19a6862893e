"""Frontmatter keys: what a plan may say about itself, validated with positions.

The ``periodization`` and ``checks`` tables are shared with ``deload.toml``:
the site gives defaults, a plan overrides them key by key.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from datetime import date, timedelta
from typing import Any

from ..model import Checks, Distance, Duration, Periodization, Race, RaceCategory, Source, Vacation
from ..paces import EFFORT_ORDER, HEART_RATE, WORD_EFFORTS, ZONE_SYSTEMS
from ..units import DISTANCE_WORDS, HOUR_WORDS, duration_seconds
from .performance import PerformanceError, parse_performance
from .prescriptions import parse_target
from .schema import (
    INVALID,
    Checker,
    Converter,
    Table,
    a_date,
    boolean,
    choice,
    fraction,
    integer,
    key_label,
    list_of,
    number,
    table,
    text,
    weekday,
)
from .sessions import RACE_WORDS
from .words import Words, canonical, tag_problem

LEVELS = ("beginner", "novice", "intermediate", "advanced", "all levels")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_RACE_DISTANCE = re.compile(r"(?i)^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$")


def language(value: Any, path: tuple, check: Checker) -> Any:
    """A plan's language: a tag whose primary subtag Deload has the words of ('de', 'de-AT', 'fr')."""
    result = text(20, required=True)(value, path, check)
    if result is INVALID:
        return result
    problem = tag_problem(result)
    return check.error(path, problem) if problem else canonical(result)


def slug(value: Any, path: tuple, check: Checker) -> Any:
    result = text(80)(value, path, check)
    if result is INVALID:
        return result
    if not _SLUG.match(result):
        return check.error(path, f"slug '{result}' may only use lowercase letters, digits and single dashes ([a-z0-9-]), e.g. 'half-marathon-12-weeks'")
    return result


def race_distance(value: Any, path: tuple, check: Checker) -> Any:
    """``marathon``, ``half``, ``10k`` or a number with a unit such as ``50 km``."""
    result = parse_race_distance(value)
    return check.error(path, result) if isinstance(result, str) else result


def parse_race_distance(value: Any) -> Distance | Duration | str:
    """A race distance as the frontmatter and ``deload new --race`` take it, or the time of a
    timed race (``6 h``), or what is wrong with it."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"race distance {value} needs a unit, e.g. '{value} km' or '{value} mi'"
    word = str(value).strip().lower() if isinstance(value, str) else ""
    if (hours := _timed_hours(word)) is not None:
        if 0.5 <= hours <= 240:
            return Duration(round(hours * 3600))
        clock = re.fullmatch(r"(\d{1,2}):([0-5]\d)", word)  # minutes and seconds, as a session reads it
        meant = f"; for {clock[1]} h {clock[2]} min write '{clock[1]}:{clock[2]}:00'" if clock else ""
        return f"a timed race of {value} is not plausible (expected 30 min to 240 h){meant}"
    if word.replace("-", " ") in RACE_WORDS:
        return RACE_WORDS[word.replace("-", " ")]
    # "50-mile", "100-miler": the way ultra races are named
    match = _RACE_DISTANCE.match(re.sub(r"miler$", "mile", re.sub(r"(?<=\d)-(?=[a-z])", " ", word)))
    if match and match[2] in DISTANCE_WORDS:
        distance = Distance(float(match[1]), DISTANCE_WORDS[match[2]])
        if not 0.4 <= distance.km <= 400:
            meant = f"; did you mean '{match[1]} mi'?" if str(value).strip().endswith("M") else ""
            return f"race distance {value} is not plausible (expected 400 m to 400 km){meant}"
        return distance
    if match:
        from ..errors import suggest
        from ..units import ALL_UNIT_WORDS
        return f"unknown unit '{match[2]}'{suggest(match[2], ALL_UNIT_WORDS)} in race distance; expected km, mi or m"
    return (f"race distance is {value!r}; expected 5k, 10k, half, marathon, a number with a unit such as '50 km', "
            "or the time of a timed race such as '6 h'")


_TIMED = re.compile(rf"^(\d+(?:\.\d+)?)\s*-?\s*(?:{HOUR_WORDS})$")


def _timed_hours(word: str) -> float | None:
    """The hours of a timed race, written as a session's length is (``6 h``, ``1 h 20 min``, ``80 min``,
    ``1:20:00``; ``45:00`` is 45 minutes), or None."""
    if timed := _TIMED.match(word):  # "6 h", "6-hour"
        return float(timed[1])
    if re.fullmatch(r"[\d.]+\s*m", word, re.I):
        return None  # "50M" is a race of miles (or metres, said so), never of minutes
    seconds = duration_seconds(word)
    return None if seconds is None else seconds / 3600


# A timed race tapers as the race of about its length: a 10K takes most runners under 75
# minutes, a half marathon under 2.5 hours, a marathon under 4 (the taper lengths of T1 by distance).
_TIMED_CATEGORIES: tuple[tuple[float, RaceCategory], ...] = ((75, "10k"), (150, "half"), (240, "marathon"))


def race_of(length: Distance | Duration, source: Source, name: str = "", when: date | None = None) -> Race:
    """The goal race of a distance, or of a time (``Race 6 h``)."""
    if isinstance(length, Duration):
        category: RaceCategory = next((c for most, c in _TIMED_CATEGORIES if length.minutes <= most), "other")
        return Race(distance=None, duration=length, category=category, source=source, name=name, date=when)
    return Race(distance=length, category=race_category(length), source=source, name=name, date=when)


def race_category(distance: Distance) -> RaceCategory:
    km = distance.km
    if km <= 7.5:
        return "5k"
    if km <= 15.5:
        return "10k"
    if km <= 30:
        return "half"
    if km <= 45:
        return "marathon"
    return "other"


def _target(value: Any, path: tuple, check: Checker, words: Words | None = None) -> Any:
    """A target written as a frontmatter value (in the plan's language, with ``words``), or
    INVALID (its mistake reported at the value)."""
    result = text(40)(value, path, check)
    if result is INVALID:
        return result
    target = parse_target(result, lambda message: check.error(path, message), words)
    return INVALID if target is None else target


def pace_text(value: Any, path: tuple, check: Checker) -> Any:
    target = _target(value, path, check)
    if target is INVALID:
        return target
    if target.pace is None:
        return check.error(path, f"'{target.text}' is not a pace; write it as minutes:seconds per km or mi, e.g. '6:30/km'")
    return target.pace


def performance(value: Any, path: tuple, check: Checker) -> Any:
    """``10K in 50:00``: the performance the plan's example paces are for."""
    result = text(60)(value, path, check)
    if result is INVALID:
        return result
    try:
        return parse_performance(result)
    except PerformanceError as exc:
        return check.error(path, str(exc))


def effort_pace_in(words: Words | None = None) -> Converter:
    """A pace of the coach's table, read in the plan's language: absolute (``5:40-6:10/km``) or
    set by a race pace (``MP + 45-75 s``, ``MRT + 45-75 s``)."""
    def convert(value: Any, path: tuple, check: Checker) -> Any:
        target = _target(value, path, check, words)
        if target is INVALID:
            return target
        if target.pace is None and target.race is None:
            return check.error(path, f"'{target.text}' is not a pace; write a pace such as '5:40-6:10/km' or one set "
                                     "by a race pace such as 'MP + 45-75 s' or '88% 10K'")
        return target
    return convert


effort_pace = effort_pace_in()


def clock_time(value: Any, path: tuple, check: Checker) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):  # "630": no time of day as written
        return check.error(path, f"'{_label_of(path)}' is a time of day: write it as HH:MM, e.g. 06:30")
    result = text(5)(value, path, check)
    if result is INVALID:
        return result
    match = re.match(r"^([01]?\d|2[0-3]):([0-5]\d)$", result)
    if not match:
        return check.error(path, f"'{result}' is not a time of day; write it as HH:MM, e.g. \"06:30\"")
    return f"{int(match[1]):02d}:{match[2]}"


def alarm_minutes(value: Any, path: tuple, check: Checker) -> Any:
    """Minutes before the session (``30``), or hours and minutes (``1:00``)."""
    if isinstance(value, str) and (match := re.fullmatch(r"\s*(\d{1,2}):([0-5]\d)\s*", value)):
        value = int(match[1]) * 60 + int(match[2])
    return integer(0, 24 * 60)(value, path, check)


def time_zone(value: Any, path: tuple, check: Checker) -> Any:
    import zoneinfo

    result = text(60)(value, path, check)
    if result is INVALID:
        return result
    try:
        zoneinfo.ZoneInfo(result)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        from ..errors import suggest
        hint = suggest(result, sorted(zoneinfo.available_timezones()))
        return check.error(path, f"unknown time zone '{result}'{hint}; use a name such as 'Europe/London' or 'America/New_York'")
    return result


def _label_of(path: tuple) -> str:
    return key_label(path)


def zone_system(value: Any, path: tuple, check: Checker) -> Any:
    """``zones: 80/20``, or a zone's effort each (``zones: {Z3: threshold, Z4: interval}``): what a
    plan's zones stand for in the pace table, when they are not the five-zone default."""
    names = ", ".join(f"'{name}'" for name in ZONE_SYSTEMS)
    name = " ".join(value.strip().lower().replace("-", " ").split()) if isinstance(value, str) else ""
    name = HEART_RATE if name in ("hr", "heart rate zones", "hr zones") else name
    if name in ZONE_SYSTEMS:
        return tuple(sorted(ZONE_SYSTEMS[name].items()))
    if not isinstance(value, dict) or not value:
        return check.error(path, f"zones: expected a zone system ({names}) or each zone's effort, "
                                 "e.g. '{Z3: threshold, Z4: interval}'")
    found: dict[int, str] = {}
    for key, effort in value.items():
        number = re.fullmatch(r"(?i)z?\s*([1-6])", str(key).strip())
        if number is None:
            return check.error((*path, key), f"'{key}' is no zone: expected Z1 to Z6")
        word = " ".join(str(effort).lower().split())
        canonical = word if word in EFFORT_ORDER else WORD_EFFORTS.get(word) or _heart_rate_zone(word)
        if canonical is None:
            return check.error((*path, key), f"'{effort}' is no effort of the pace table (expected one of "
                                             f"{', '.join(EFFORT_ORDER)}) nor a heart rate ('60-70% HRmax', '130-145 bpm')")
        found[int(number[1])] = canonical
    return tuple(sorted(found.items()))


def _heart_rate_zone(word: str) -> str | None:
    """A zone given as the runner's heart rate ("60-70% HRmax", "130-145 bpm"): ``hr:60:70:%`` or
    ``hr:130:145:bpm``, which the watch takes as that range and the page as no pace; None otherwise."""
    match = re.fullmatch(r"(\d{2,3})\s*%?\s*[-–]\s*(\d{2,3})\s*(%\s*(?:of\s+)?(?:hr\s*max|max(?:imum)?\s*hr|mhr)|bpm)", word)
    if match is None or not int(match[1]) < int(match[2]):
        return None
    unit = "bpm" if match[3] == "bpm" else "%"
    bounds = (40, 230) if unit == "bpm" else (40, 100)
    return f"hr:{match[1]}:{match[2]}:{unit}" if bounds[0] <= int(match[1]) and int(match[2]) <= bounds[1] else None


def deload_every(value: Any, path: tuple, check: Checker) -> Any:
    if value is False or (isinstance(value, str) and value.strip().lower() in ("off", "none", "never")):
        return 0
    return integer(2, 6)(value, path, check)


def taper_days(value: Any, path: tuple, check: Checker) -> Any:
    if isinstance(value, str) and value.strip().lower() == "auto":
        return None
    return integer(0, 35)(value, path, check)


DELOAD = {
    "every": deload_every,
    "mode": choice("insert", "replace"),
    "strategy": choice("volume", "intensity", "easy", "rest"),
    "cut": fraction(0.10, 0.60),
    "min_cut": fraction(0.0, 0.50),
    "intensity": fraction(0.50, 0.95),
    "strength": choice("reps", "load", "sets"),
    "reps_cut": fraction(0.10, 0.50),
    "load_factor": fraction(0.30, 0.80),
    "sets_cut": fraction(0.25, 0.70),
}
TAPER = {"days": taper_days, "enabled": boolean()}
ROUNDING = {
    "mi": number(0.1, 2), "km": number(0.1, 2), "minutes": number(1, 15),
    "lb": number(1, 20), "kg": number(0.5, 10),
}
VACATION = {"week": integer(1, 104), "date": a_date(), "from": a_date(), "to": a_date(), "style": choice("easy", "rest"),
            "replace": boolean()}
HOLIDAY_WEEKS = 8  # a holiday given 'from' … 'to' longer than this is a typo of a year or a month
CHECKS = {
    "session_spike": fraction(0.0, 1.0),
    "weekly_increase": fraction(0.0, 1.0),
    "weekly_increase_high": fraction(0.0, 2.0),
    "long_run_share": fraction(0.1, 1.0),
    "easy_pace": pace_text,
}


def _taper_block(value: Any, path: tuple, check: Checker) -> Any:
    if isinstance(value, bool):
        return {"enabled": value}
    if isinstance(value, (int, str)) and not isinstance(value, bool):
        days = taper_days(value, path, check)
        return days if days is INVALID else {"days": days}
    return check.table(value, path, TAPER)


def _deload_block(value: Any, path: tuple, check: Checker) -> Any:
    if value is False:
        return {"every": 0}
    return check.table(value, path, DELOAD)


def periodization_fields(with_vacations: bool) -> dict[str, Converter]:
    spec: dict[str, Converter] = {
        "deload": Table(DELOAD, convert=_deload_block), "taper": Table(TAPER, convert=_taper_block),
        "rounding": table(ROUNDING),
    }
    if with_vacations:
        spec["vacations"] = list_of(table(VACATION), max_items=52)
    return spec


FRONTMATTER: dict[str, Converter] = {
    "title": text(120, required=True),
    "slug": slug,
    "summary": text(500),
    "author": text(120),
    "level": choice(*LEVELS),
    "tags": list_of(text(40, required=True), max_items=20, allow_single=True),
    "units": choice("mi", "km", aliases={"miles": "mi", "kilometers": "km", "kilometres": "km", "metric": "km", "imperial": "mi"}),
    "load_units": choice("lb", "kg", aliases={"lbs": "lb", "kgs": "kg", "pounds": "lb", "kilograms": "kg"}),
    "race": table({"name": text(120), "distance": race_distance, "date": a_date()}, required=("distance",)),
    "start": a_date(),
    "week_starts": weekday(),
    "edition": text(40),
    "language": language,
    "translation_key": text(120),
    "draft": boolean(),
    "periodization": table(periodization_fields(with_vacations=True)),
    "checks": table(CHECKS),
    "paces": table({"reference": performance, **{name: effort_pace for name in EFFORT_ORDER}}),
    "zones": zone_system,
    "calendar": table({"time": clock_time, "time_zone": time_zone, "alarm": alarm_minutes}, required=("time", "time_zone")),
}


def build_race(raw: dict[str, Any], check: Checker) -> Race | None:
    if "distance" not in raw:
        return None
    line, col = check.located.where(("race",))
    return race_of(raw["distance"], Source(check.errors.file, line, col), raw.get("name", ""), raw.get("date"))


def resolve_periodization(site: dict[str, Any], plan: dict[str, Any], check: Checker | None,
                          week_starts: int = 0) -> Periodization:
    """Merge the site's defaults and the plan's overrides into one :class:`Periodization`."""
    result = Periodization()
    for layer in (site, plan):
        result = _apply(result, layer, check if layer is plan else None, week_starts)
    return result


def _apply(base: Periodization, layer: dict[str, Any], check: Checker | None, week_starts: int = 0) -> Periodization:
    changes: dict[str, Any] = {}
    deload = layer.get("deload", {})
    if "every" in deload:
        changes["deload_every"] = deload["every"] or None
    for key, name in (("mode", "deload_mode"), ("strategy", "deload_strategy"), ("cut", "deload_cut"), ("min_cut", "min_cut"),
                      ("intensity", "intensity_factor"), ("strength", "strength_strategy"),
                      ("reps_cut", "reps_cut"), ("load_factor", "load_factor"), ("sets_cut", "sets_cut")):
        if key in deload:
            changes[name] = deload[key]
    taper = layer.get("taper", {})
    if "days" in taper:
        changes["taper_days"] = taper["days"]
        changes["taper"] = taper["days"] != 0
    if "enabled" in taper:
        changes["taper"] = taper["enabled"]
    for key, value in layer.get("rounding", {}).items():
        changes[f"round_{key}"] = value
    if "vacations" in layer and check is not None:
        changes["vacations"] = tuple(_vacations(layer["vacations"], check, week_starts))
    return replace(base, **changes)


def _vacations(items: list[dict[str, Any]], check: Checker, week_starts: int) -> list[Vacation]:
    result = []
    for index, item in enumerate(items):
        path = ("periodization", "vacations", index)
        line, col = check.located.where(path)
        given = [key for key in ("week", "date", "from") if key in item]
        if len(given) != 1 or ("to" in item) != ("from" in item):
            said = any(d.line == line and d.col == col for d in check.errors.items)  # a misspelt key ('weeks:'): one mistake, one error
            if not said:
                check.error(path, "a vacation names a 'week' (number), a 'date' (YYYY-MM-DD), or 'from' and 'to' (dates, "
                                  "for a holiday of one or more weeks): one of them")
            continue
        dates = _holiday_weeks(item["from"], item["to"], week_starts, check, path) if "from" in item else [item.get("date")]
        result += [Vacation(style=item.get("style", "easy"), source=Source(check.errors.file, line, col),
                            week=item.get("week"), date=when, replace=item.get("replace")) for when in dates]
    return result


def _holiday_weeks(first: date, last: date, week_starts: int, check: Checker, path: tuple) -> list[date | None]:
    """A holiday 'from' … 'to' as a dated vacation in each week it touches: its first day, each
    day a week later, and its last day. Any seven days in a row hold one of them, so every week
    touched holds one, wherever the plan's weeks begin (a plan dated by a Wednesday race has
    weeks from Thursday); two in one week are one vacation week."""
    if last < first:
        check.error(path, f"the holiday ends ('to: {last.isoformat()}') before it begins ('from: {first.isoformat()}')")
        return []
    weeks = (last - first).days // 7 + 1
    if weeks > HOLIDAY_WEEKS:
        check.error(path, f"a holiday of {weeks} weeks ('from: {first.isoformat()}', 'to: {last.isoformat()}'); at most "
                          f"{HOLIDAY_WEEKS}: check the year and the month")
        return []
    days: list[date | None] = [first + timedelta(weeks=n) for n in range(weeks)]
    return [*days, last] if last not in days else days


def resolve_checks(site: dict[str, Any], plan: dict[str, Any]) -> Checks:
    names = {f.name for f in fields(Checks)}
    merged = {k: v for layer in (site, plan) for k, v in layer.items() if k in names}
    return replace(Checks(), **merged)
