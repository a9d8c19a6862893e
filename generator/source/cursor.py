"""A position in a squeezed grammar line, and the quantities and targets read at it.

Shared by the session line (:mod:`generator.source.sessions`) and its main set
(:mod:`generator.source.mainset`): one place that knows how an amount (``5 mi``,
``5-6 mi``, ``5 to 6 mi``, ``45 min``, ``1:15:00``, ``30-45 s``) and a target are
written, and that reports a problem once, at the column of the offending word.
"""

from __future__ import annotations

import re

from ..errors import Collector, suggest
from ..model import Amount, Distance, Duration, Target
from ..units import HOUR_WORDS, to_km
from .prescriptions import first_words
from .squeeze import Squeezed
from .targets import parse_target
from .words import ENGLISH, Words

_NUMBER = r"\d+(?:\.\d+)?"
_DANGLING = re.compile(rf"({_NUMBER})\s*[-–]\s*(?!\d)|\s*[-–]\s*({_NUMBER})")
_WS = re.compile(r"\s*")
_DASH = re.compile(r"\s*[-–]\s*(?=\d)")
#: Where a target ends: before a recovery, a next part, a strides add-on or a closing bracket.
TARGET_END = ENGLISH.target_end_re
# "HMP + 15 s/mi": after a race pace, a "+" and seconds are an offset, not the next part
_OFFSET_AHEAD = re.compile(r"\s*\+\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*(?:s\b|secs?\b|seconds?\b|/)", re.I)
# Plausibility bounds, in km and seconds: beyond them a value is a typo, not a plan.
MAX_SESSION_KM = 250.0
MAX_SESSION_SECONDS = 24 * 3600
_HOURS_AFTER = re.compile(rf"(?i)\s*(?:{HOUR_WORDS}|std|stunden?|heures?|horas?|uur)(?![\w])")
MAX_RACE_KM = 1000.0  # a race may be longer than a day of training: a 100-miler's 30 hours, a 48-hour race
MAX_RACE_SECONDS = 240 * 3600
MAX_REP_KM = 50.0
MAX_REP_SECONDS = 3 * 3600


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _compiled(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled (case-insensitive) once: ``re.compile``'s own cache costs a lookup of
    several microseconds, and the grammar asks tens of thousands of times a plan."""
    regex = _PATTERNS.get(pattern)
    if regex is None:
        regex = _PATTERNS[pattern] = re.compile(pattern, re.I)
    return regex


# A station of a hybrid workout written where a run's part goes: "20 wall balls", "15 burpees".
# Sets of repeats written without brackets: "2 x 10 x 30/30", "2 sets of 10 x 200 m", "2 séries de 10 x 30/30"
_TIMES_BEFORE = re.compile(r"\d\s*[x×]\s*\Z")
_SET_WORDS = frozenset({"set", "sets", "series", "serie", "séries", "série", "serien", "sätze", "satz", "blocks", "blocs",
                        "bloques", "reeksen"})
_SETS_OF = re.compile(r"(?i)\s+(?:of|de|à|von|mit|van)\s+\d+\s*[x×]")
_SETS_OF_SETS = ("sets of repeats go in brackets, with the recovery between the sets after them: "
                 "'2 x (10 x 30/30 @ 5K pace) w/ 3 min jog', or '2 x (10 x 200 m @ mile pace w/ 200 m jog) w/ 5 min jog'")
_STATION = re.compile(r"(?i)(?:wall ?balls?|burpees?|lunges?|squats?|push-?ups?|pull-?ups?|sit-?ups?|kettlebell|swings?"
                      r"|thrusters?|box jumps?|sled|jumping jacks?|mountain climbers?|dips?|deadlifts?)(?!\w)")


class Cursor:
    """Reads a squeezed line from ``pos``; the first problem is reported, later ones are not."""

    def __init__(self, text: str, line: int, col0: int, errors: Collector, words: Words = ENGLISH):
        # Emphasis markers are blanked rather than removed so columns stay right; then every
        # run of whitespace is squeezed to one space, which keeps the patterns linear. A
        # decimal comma (12,5 km) becomes a point, which keeps the columns too.
        self.vocab = words
        self.squeezed = Squeezed(words.tidy_numbers(text.replace("*", " ").replace("`", " ")), col0)
        self.text = self.squeezed.text
        self.line = line
        self.errors = errors
        self.race = False  # reading a race's length: longer than a day of training may be
        self.pos = 0
        self.failed = False

    def fail(self, pos: int, message: str) -> None:
        if not self.failed:
            self.errors.error(self.line, self.squeezed.column(pos), message)
        self.failed = True

    def skip_ws(self) -> None:
        self.pos = _WS.match(self.text, self.pos).end()  # type: ignore[union-attr]

    def at_end(self, end: int) -> bool:
        self.skip_ws()
        return self.pos >= end

    def take(self, pattern: str | re.Pattern[str], end: int) -> re.Match[str] | None:
        self.skip_ws()
        regex = pattern if isinstance(pattern, re.Pattern) else _compiled(pattern)
        match = regex.match(self.text, self.pos, end)
        if match:
            self.pos = match.end()
        return match

    def peek(self, pattern: str | re.Pattern[str], end: int) -> re.Match[str] | None:
        self.skip_ws()
        regex = pattern if isinstance(pattern, re.Pattern) else _compiled(pattern)
        return regex.match(self.text, self.pos, end)

    def words(self, end: int, count: int = 4) -> str:
        return first_words(self.text[self.pos:end], count)

    # -- amounts --

    def amount(self, end: int, optional: bool = False, per_rep: bool = False) -> Amount | None:
        """A distance or duration, or a range of one (``5-6 mi``, ``5 to 6 mi``, ``30-45 s``)."""
        self.skip_ws()
        start = self.pos
        if clock := self.vocab.clocks_re.match(self.text, self.pos, end):
            self.pos = clock.end()
            low = _clock_seconds(clock[1], clock[2], clock[3])
            high = _clock_seconds(clock[4], clock[5], clock[6]) if clock[4] else self._duration_high(end)
            if not clock[3] and not clock[4] and (hours := _HOURS_AFTER.match(self.text, self.pos, end)):
                self.pos = hours.end()  # "2:30 h", "2:30 Std": hours and minutes, as the unit says
                low, high = low * 60, None
            return self._range(Duration(low, high), start, per_rep)
        match = self.vocab.number_word_re.match(self.text, self.pos, end)
        if not match:
            if not optional:
                self.fail(start, f"expected a distance or duration, such as '5 mi', '400 m' or '45 min'; got '{self.words(end)}'")
            return None
        first, second, word = match[1], match[2], match[3] or ""
        unit = word.lower()
        if unit == "x" or (not word and re.match(r"\s*[x×]", self.text[match.end():end])):
            if _TIMES_BEFORE.search(self.text, 0, start):  # "2 x 10 x 30/30": sets of repeats
                self.fail(start, _SETS_OF_SETS)
            else:
                self.fail(start, "repeats go after ':' or 'with', e.g. 'Intervals 7 mi: 6 x 800 m @ 5K pace'")
            return None
        if not word:
            dangling = _DANGLING.match(self.text, start, end)
            if dangling and second is None:
                low = float(dangling[1] or dangling[2])
                self.fail(start, f"a range needs both ends, e.g. '{low:g}-{low + 1:g} mi' or '{low:g} to {low + 1:g} mi'")
            else:
                shown = f"{first}-{second}" if second else first
                units = ("m", "mi", "km") if float(first) >= 100 else ("mi", "km", "min")  # 400: metres, most likely
                self.fail(start, f"'{shown}' needs a unit, such as '{shown} {units[0]}', '{shown} {units[1]}' or '{shown} {units[2]}'")
            return None
        self.pos = match.end()
        low, high = float(first), float(second) if second is not None else None
        if low <= 0:
            self.fail(start, f"'{match[0].strip()}' must be more than zero")
            return None
        if unit in self.vocab.distance_words:
            if high is None and (again := self._unit_again(word, end)) is not None:  # "8K-10K", "5 km - 6 km"
                high = again
            return self._range(Distance(low, self.vocab.distance_words[unit], high), start, per_rep)
        if unit in self.vocab.duration_words:
            scale = self.vocab.duration_words[unit]
            seconds = low * scale + (self._minutes_after(end) if scale == 3600 and high is None else
                                     self._seconds_after(end) if scale == 60 and high is None and low.is_integer() else 0.0)
            top = high * scale if high is not None else self._duration_high(end)
            return self._range(Duration(seconds, top, in_minutes=scale == 60), start, per_rep)
        self._unknown_unit(match, start, end)
        return None

    def _unknown_unit(self, match: re.Match[str], start: int, end: int) -> None:
        """The error for an amount whose word is no unit: what the author most likely meant by it."""
        first, second, word = match[1], match[2], match[3] or ""
        unit, low, high = word.lower(), float(first), second
        shown = f"{first}-{second}" if second else first
        hint = suggest(word, self.vocab.unit_hints)
        if not hint and unit in self.vocab.labels:  # "w/ 400 jog": the unit left out before the author's word
            self.fail(start, f"'{shown}' needs a unit before '{word}', e.g. '{shown} {'m' if low >= 100 else 'min'} {word}'")
        elif unit in ("ft", "feet", "foot") and not hint:  # "with 1500 ft": climbing, most likely
            self.fail(start, f"feet measure no run's length: if '{match[0].strip()}' is climbing, write it in a comment, "
                             f"e.g. '— {match[0].strip()} D+'; else give the length in mi, km or m")
        elif unit in _SET_WORDS and high is None and _SETS_OF.match(self.text, match.end(3), end):  # "2 sets of 10 x 30/30"
            self.fail(start, _SETS_OF_SETS)
        elif word in ("E", "M", "T", "I", "R"):  # Daniels' "2E + 3T": two at E pace, three at T pace
            self.fail(start, f"'{match[0].strip()}' is Daniels' shorthand: write the amount with its unit and the pace "
                             f"after '@', e.g. '{shown} mi @ {word}' (or '{shown} km @ {word}')")
        elif low.is_integer() and high is None and (unit in ("reps", "rep") or _STATION.match(self.text, match.start(3), end)):
            # "20 wall balls", "20 reps wall balls": a station of a hybrid workout, no part of a run
            station = _STATION.search(self.text, match.start(3), end)
            self.fail(start, f"'{self.text[start:station.end() if station else match.end(3)].strip()}' reads as a strength "
                             "exercise, no part of a run: write the runs as a session and the exercises as a strength "
                             "session's sub-bullets ('Wall balls 4x20 @ 6 kg'), or the whole workout in a comment")
        else:
            self.fail(match.start(3), f"unknown unit '{word}'{hint}; expected mi, km, m, min, s or h")

    def _minutes_after(self, end: int) -> float:
        """The minutes of ``1 h 15 min``, after its hours."""
        match = self.vocab.minutes_re.match(self.text, self.pos, end)
        if match is None:
            return 0.0
        self.pos = match.end()
        return int(match[1] or match[2]) * 60.0

    def _seconds_after(self, end: int) -> float:
        """The seconds of ``7 min 30 s``, after its minutes."""
        match = self.vocab.seconds_re.match(self.text, self.pos, end)
        if match is None:
            return 0.0
        self.pos = match.end()
        return float(next(group for group in match.groups() if group is not None))

    def _duration_high(self, end: int) -> float | None:
        """The top of a range written with a unit at each end: ``45 min–1 h``, ``1 h–1 h 15 min``, ``90 s–2:30``."""
        separator = self.vocab.range_separator_re.match(self.text, self.pos, end)
        if separator is None:
            return None
        at = separator.end()
        if clock := self.vocab.clocks_re.match(self.text, at, end):
            if clock[4]:
                return None
            self.pos = clock.end()
            return _clock_seconds(clock[1], clock[2], clock[3])
        match = self.vocab.number_word_re.match(self.text, at, end)
        if match is None or match[2] is not None or (match[3] or "").lower() not in self.vocab.duration_words:
            return None
        start, self.pos = self.pos, match.end()
        scale = self.vocab.duration_words[(match[3] or "").lower()]
        extra = (self._minutes_after(end) if scale == 3600 else
                 self._seconds_after(end) if scale == 60 and float(match[1]).is_integer() else 0.0)
        if extra and scale == 60 and separator[0].strip() not in ("-", "–"):
            self.pos = start  # "5 x 3' a 3'50''": 'a' is also '@', and 3'50'' a pace, not the top of a range
            return None
        return float(match[1]) * scale + extra

    def _unit_again(self, word: str, end: int) -> float | None:
        """The top of a range written with its unit at both ends (``8K-10K``): the same unit word
        after the second number, or None (the cursor stays)."""
        again = _DASH.match(self.text, self.pos, end)  # not a word: "à" is also a word for '@'
        number = self.vocab.number_word_re.match(self.text, again.end(), end) if again is not None else None
        units = self.vocab.distance_words
        if number is None or number[2] is not None or units.get((number[3] or "").lower()) != units[word.lower()]:
            return None
        self.pos = number.end()
        return float(number[1])

    def _range(self, amount: Amount, start: int, per_rep: bool) -> Amount | None:
        low = amount.value if isinstance(amount, Distance) else amount.seconds
        if amount.high is not None and amount.high <= low:
            written = self.text[start:self.pos].strip()
            self.fail(start, f"a range goes from less to more, e.g. '5-6 mi'; got '{written}'")
            return None
        return self._bounded(amount, start, per_rep)

    def _bounded(self, amount: Amount, start: int, per_rep: bool) -> Amount | None:
        written = self.text[start:self.pos].strip()
        if isinstance(amount, Distance):
            limit = MAX_REP_KM if per_rep else MAX_RACE_KM if self.race else MAX_SESSION_KM
            if amount.km_high > limit:
                shown = f"{limit / to_km(1, 'mi'):.0f} mi" if amount.unit == "mi" else f"{limit:.0f} km"
                what = "one repeat" if per_rep else "one session"
                self.fail(start, f"{written} is not plausible for {what} (at most {shown})")
                return None
        else:
            seconds_limit = MAX_REP_SECONDS if per_rep else MAX_RACE_SECONDS if self.race else MAX_SESSION_SECONDS
            if (amount.high or amount.seconds) > seconds_limit:
                self.fail(start, f"{written} is not plausible (at most {seconds_limit // 3600} hours)")
                return None
        return amount

    # -- targets --

    def take_at(self, end: int) -> bool:
        """'@', or, in a plan's language, the word that stands for it before a target ("en EF",
        "à allure 10 km"): only when a target follows it ("8 x 30 s en côte" is a hill)."""
        if self.take(r"@", end):
            return True
        word = self.vocab.at_re.match(self.text, self.pos, end) if self.vocab.at_re is not None else None
        if word is None:
            return False
        stop = target_end(self.text, word.end(), end, self.vocab)
        text, failed = self.text[word.end():stop].strip(), list[str]()
        if text and parse_target(text, failed.append, self.vocab) is not None and not failed:
            self.pos = word.end()
            return True
        return False

    def target(self, end: int) -> Target | None:
        """The target after ``@``, up to :data:`TARGET_END`."""
        self.skip_ws()
        start = self.pos
        stop_at = target_end(self.text, start, end, self.vocab)
        text = self.text[start:stop_at].strip()
        self.pos = stop_at
        if not text:
            self.fail(start, "expected a target after '@', such as '8:30/mi', 'Z2', 'RPE 7' or '10K pace'")
            return None
        return parse_target(text, lambda message: self.fail(start, message), self.vocab)


def target_end(text: str, start: int, end: int, words: Words = ENGLISH) -> int:
    """Where a target that starts at ``start`` ends (see :data:`TARGET_END`; in the plan's language)."""
    for stop in words.target_end_re.finditer(text, start, end):
        offset = _OFFSET_AHEAD.match(text, stop.start(), end)
        if offset is None or not words.race_before_re.search(text[start:stop.start()].rstrip()):
            return stop.start()
    return end


def _clock_seconds(first: str, second: str, third: str | None) -> float:
    if third:
        return int(first) * 3600 + int(second) * 60 + int(third)
    return int(first) * 60 + int(second)
