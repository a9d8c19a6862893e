"""The session-line grammar: ``Intervals 7 mi: 6 x 800 m @ 5K pace w/ 400 m jog``.

A line is a session kind, then an optional total (distance or duration), a
quality portion (repeats or a continuous segment), a target after ``@``, a
recovery after ``w/``, strides after ``+`` and a free comment after `` — ``
or in trailing parentheses. Targets and strength exercises are read by
:mod:`generator.source.prescriptions`.
Problems are reported with the column of the offending word.
"""

from __future__ import annotations

import re
from functools import partial

from ..errors import Collector, suggest
from ..model import (
    Amount,
    Distance,
    Duration,
    Repeats,
    Segment,
    Session,
    SessionKind,
    Source,
    Target,
    portion_km,
)
from ..units import ALL_UNIT_WORDS, DISTANCE_WORDS, DURATION_WORDS, to_km
from .prescriptions import comment_separator, first_words, parse_exercise, parse_target
from .squeeze import Squeezed

K = SessionKind
KIND_WORDS: dict[str, SessionKind] = {
    "rest": K.REST, "rest day": K.REST, "off": K.REST, "day off": K.REST,
    "easy": K.EASY, "easy run": K.EASY, "run": K.EASY, "jog": K.EASY, "base run": K.EASY,
    "recovery": K.RECOVERY, "recovery run": K.RECOVERY, "shakeout": K.RECOVERY,
    "long": K.LONG, "long run": K.LONG,
    "run-walk": K.RUN_WALK, "run/walk": K.RUN_WALK, "walk-run": K.RUN_WALK, "run walk": K.RUN_WALK,
    "walk": K.RUN_WALK,
    "tempo": K.TEMPO, "tempo run": K.TEMPO, "threshold": K.TEMPO, "threshold run": K.TEMPO,
    "progression": K.TEMPO, "progression run": K.TEMPO,
    "intervals": K.INTERVALS, "interval": K.INTERVALS, "track": K.INTERVALS,
    "repeats": K.INTERVALS, "speed": K.INTERVALS, "speedwork": K.INTERVALS,
    "hills": K.HILLS, "hill": K.HILLS, "hill repeats": K.HILLS,
    "fartlek": K.FARTLEK, "strides": K.STRIDES,
    "race": K.RACE,
    "cross-training": K.CROSS, "cross training": K.CROSS, "cross-train": K.CROSS, "xt": K.CROSS,
    "cross": K.CROSS, "bike": K.CROSS, "swim": K.CROSS, "cycling": K.CROSS,
    "strength": K.STRENGTH, "strength training": K.STRENGTH, "gym": K.STRENGTH,
    "mobility": K.MOBILITY, "yoga": K.MOBILITY, "stretching": K.MOBILITY,
}
_KIND_RE = re.compile(
    r"(?i)(" + "|".join(re.escape(w) for w in sorted(KIND_WORDS, key=len, reverse=True)) + r")(?![\w-])"
)
RACE_WORDS: dict[str, Distance] = {
    "5k": Distance(5, "km"), "10k": Distance(10, "km"), "15k": Distance(15, "km"),
    "half marathon": Distance(21.0975, "km"), "half-marathon": Distance(21.0975, "km"),
    "half": Distance(21.0975, "km"), "hm": Distance(21.0975, "km"),
    "marathon": Distance(42.195, "km"),
}
_RACE_RE = re.compile(r"(?i)(half[ -]marathon|marathon|half|hm|5k|10k|15k)(?![\w-])")
_NUMBER_WORD = re.compile(r"(\d+(?:\.\d+)?)\s*([A-Za-zµ]+)?")
_CLOCK = re.compile(r"(\d{1,2}):([0-5]\d)(?::([0-5]\d))?(?![\d/])(?!\s*(?:min\s*)?/)")
_TIMES = re.compile(r"(\d{1,3})\s*[x×]\s*", re.I)
_WS = re.compile(r"\s*")
_REP_LABELS = ("hills", "hill", "uphill", "strides", "pickups", "surges", "run", "runs", "fast", "hard")
_RECOVERY_WORDS = ("jog", "walk", "rest", "easy", "recovery", "float", "jog back", "walk back",
                   "jog down", "walk down", "easy jog", "standing rest")
# A sub-bullet is an exercise when its name is followed by sets x reps and nothing but a load
# or a comment; "Superset with 4x8 push-ups" stays a note.
# Plausibility bounds, in km and seconds: beyond them a value is a typo, not a plan.
MAX_SESSION_KM = 250.0
MAX_SESSION_SECONDS = 24 * 3600
MAX_REP_KM = 50.0
MAX_REP_SECONDS = 3 * 3600


class SessionLine:
    """Parses one session line; ``col0`` is the file column of ``text[0]``."""

    def __init__(self, text: str, line: int, col0: int, errors: Collector):
        # Emphasis markers are blanked rather than removed so columns stay right; then every
        # run of whitespace is squeezed to one space, which keeps the patterns below linear.
        self.squeezed = Squeezed(text.replace("*", " ").replace("`", " "), col0)
        self.text = self.squeezed.text
        self.raw = text
        self.line = line
        self.errors = errors
        self.pos = 0
        self.failed = False

    # -- helpers --

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
        regex = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, re.I)
        match = regex.match(self.text, self.pos, end)
        if match:
            self.pos = match.end()
        return match

    def _column_from(self, start: int, pos: int) -> int:
        return self.squeezed.column(start + pos)

    # -- entry point --

    def session(self, day: int, source: Source) -> Session | None:
        end, comment = self._split_comment()
        self.skip_ws()
        optional = self.take(r"optional(?!\w)\s*:?", end) is not None
        kind_match = _KIND_RE.match(self.text, self.pos, end)
        if not kind_match:
            bad = re.match(r"[\w/-]+", self.text[self.pos:end])
            shown = bad[0] if bad else self.text[self.pos:end].strip()
            hint = suggest(shown, KIND_WORDS) if shown else ""
            kinds = ", ".join(k.value for k in SessionKind)
            self.fail(self.pos, f"unknown session kind '{shown}'{hint}; a session starts with one of: {kinds}")
            return None
        word = " ".join(kind_match[1].split())
        kind = KIND_WORDS[word.lower()]
        self.pos = kind_match.end()
        fields: dict[str, object] = {"optional": optional}
        if word.lower() not in (kind.value, kind.label.lower()):
            fields["name"] = word[0].upper() + word[1:]
        if kind is K.STRENGTH:
            fields |= self._strength(end)
        elif kind in (K.CROSS, K.MOBILITY):
            fields |= self._activity(end)
        elif kind is K.REST:
            if not self.at_end(end):
                fields["comment"] = self.text[self.pos:end].strip(" :")
        else:
            fields |= self._run(kind, end)
        if self.failed:
            return None
        if comment:
            fields["comment"] = " — ".join(filter(None, [str(fields.get("comment", "")), comment]))
        return Session(kind=kind, day=day, source=source, text=self.raw.strip(), **fields)  # type: ignore[arg-type]

    def _split_comment(self) -> tuple[int, str]:
        """Find where the parseable part ends; the rest is a free comment."""
        text = self.text
        match = comment_separator(text)
        end, comment = len(text), ""
        if match:
            end, comment = match.start(), text[match.end():].strip()
        paren = re.search(r"\(([^()]*)\)\s*$", text[:end])
        if paren:
            comment = " — ".join(filter(None, [paren[1].strip(), comment]))
            end = paren.start()
        return end, comment

    # -- running --

    def _run(self, kind: SessionKind, end: int) -> dict[str, object]:
        fields: dict[str, object] = {}
        self.take(r":", end)
        if kind is K.RACE and (race := self.take(_RACE_RE, end)):
            fields["total"] = RACE_WORDS[race[1].lower().replace("-", " ")]
        elif not self._starts_repeats(end):
            total = self.amount(end, optional=True)
            if total is not None:
                fields["total"] = total
        while not self.failed and not self.at_end(end):
            start = self.pos
            if self.take(r"(?:with|incl\.?|including|inc\.|:)(?!\w)", end) or self._starts_repeats(end):
                if "repeats" in fields or "segment" in fields:
                    self.fail(start, "a session has one main set; put extra detail in a sub-bullet")
                    break
                if self._starts_repeats(end):
                    fields["repeats"] = self.repeats(end)
                else:
                    amount = self.amount(end)
                    target = self.target(end) if self.take(r"@", end) else None
                    if amount is not None:
                        fields["segment"] = Segment(amount, target)
            elif self.take(r"@", end):
                fields["target"] = self.target(end)
            elif self.take(r"\+", end):
                fields["strides"] = self.strides(end)
            else:
                rest = self.text[start:end].strip()
                self.fail(start, f"unexpected '{first_words(rest)}' — write a comment after ' — ' or as a sub-bullet")
        if self.failed:
            return {}
        if kind is not K.RACE and not any(k in fields for k in ("total", "repeats", "segment")):
            self.fail(0, f"a {kind.value} session needs a distance or a duration, e.g. '{kind.label} 5 mi' or '{kind.label} 30 min'")
        self._check_total(fields)
        return fields

    def _starts_repeats(self, end: int) -> bool:
        self.skip_ws()
        return bool(_TIMES.match(self.text, self.pos, end))

    def repeats(self, end: int, label_required: str = "") -> Repeats | None:
        count_match = self.take(_TIMES, end)
        assert count_match is not None
        count = int(count_match[1])
        if not 1 <= count <= 100:
            self.fail(count_match.start(), f"{count} repeats is not plausible; expected 1 to 100")
            return None
        work = self.amount(end, per_rep=True)
        label = self.take(r"(" + "|".join(_REP_LABELS) + r")(?!\w)", end)
        target = self.target(end) if self.take(r"@", end) else None
        recovery, recovery_text = None, ""
        if self.take(r"(?:w/|with)(?!\w)", end):
            self.skip_ws()
            if re.match(r"\d", self.text[self.pos:end]):
                recovery = self.amount(end, per_rep=True)
            words = self.take(r"(" + "|".join(sorted(_RECOVERY_WORDS, key=len, reverse=True)) + r")(?!\w)", end)
            recovery_text = words[1].lower() if words else ""
            if recovery is None and not words:
                self.fail(self.pos, f"expected a recovery after 'w/', such as '200 m jog' or '90 s rest'; got '{first_words(self.text[self.pos:end])}'")
            if target is None and self.take(r"@", end):  # "8 x 90 s run w/ 2 min walk @ easy"
                target = self.target(end)
        if work is None or self.failed:
            return None
        return Repeats(count, work, target, recovery, recovery_text, label[1].lower() if label else "")

    def strides(self, end: int) -> Repeats | None:
        start = self.pos
        if self._starts_repeats(end):
            reps = self.repeats(end)
        elif count := self.take(r"(\d{1,2})(?=\s+strides)", end):
            reps = Repeats(int(count[1]), Duration(20))
        else:
            reps = Repeats(6, Duration(20))
        labelled = reps is not None and reps.label == "strides"
        if not labelled and not self.take(r"strides(?!\w)", end) and not self.failed:
            self.fail(start, "expected strides after '+', e.g. '+ 6 x 20 s strides'")
        return reps

    def amount(self, end: int, optional: bool = False, per_rep: bool = False) -> Amount | None:
        self.skip_ws()
        start = self.pos
        clock = _CLOCK.match(self.text, self.pos, end)
        if clock:
            self.pos = clock.end()
            h, m, s = (int(clock[1]), int(clock[2]), int(clock[3])) if clock[3] else (0, int(clock[1]), int(clock[2]))
            return self._bounded(Duration(h * 3600 + m * 60 + s), start, per_rep)
        match = _NUMBER_WORD.match(self.text, self.pos, end)
        if not match:
            if not optional:
                self.fail(start, f"expected a distance or duration, such as '5 mi', '400 m' or '45 min'; got '{first_words(self.text[start:end])}'")
            return None
        value, word = float(match[1]), (match[2] or "")
        unit = word.lower()
        if unit == "x" or (not word and re.match(r"\s*[x×]", self.text[match.end():end])):
            self.fail(start, "repeats go after ':' or 'with', e.g. 'Intervals 7 mi: 6 x 800 m @ 5K pace'")
            return None
        if not word:
            self.fail(start, f"'{match[1]}' needs a unit, such as '{match[1]} mi', '{match[1]} km' or '{match[1]} min'")
            return None
        self.pos = match.end()
        if value <= 0:
            self.fail(start, f"'{match[0].strip()}' must be more than zero")
            return None
        if unit in DISTANCE_WORDS:
            return self._bounded(Distance(value, DISTANCE_WORDS[unit]), start, per_rep)
        if unit in DURATION_WORDS:
            return self._bounded(Duration(value * DURATION_WORDS[unit]), start, per_rep)
        self.fail(match.start(2), f"unknown unit '{word}'{suggest(word, ALL_UNIT_WORDS)}; expected mi, km, m, min, s or h")
        return None

    def _bounded(self, amount: Amount, start: int, per_rep: bool) -> Amount | None:
        written = self.text[start:self.pos].strip()
        if isinstance(amount, Distance):
            limit = MAX_REP_KM if per_rep else MAX_SESSION_KM
            if amount.km > limit:
                shown = f"{limit / to_km(1, 'mi'):.0f} mi" if amount.unit == "mi" else f"{limit:.0f} km"
                what = "one repeat" if per_rep else "one session"
                self.fail(start, f"{written} is not plausible for {what} (at most {shown})")
                return None
        else:
            seconds_limit = MAX_REP_SECONDS if per_rep else MAX_SESSION_SECONDS
            if amount.seconds > seconds_limit:
                self.fail(start, f"{written} is not plausible (at most {seconds_limit // 3600} hours)")
                return None
        return amount

    def _check_total(self, fields: dict[str, object]) -> None:
        total = fields.get("total")
        main = fields.get("repeats") or fields.get("segment")
        if isinstance(total, Distance) and isinstance(main, Repeats | Segment):
            part = portion_km(main)
            if part is not None and part > total.km * 1.001:
                self.fail(0, f"the main set ({part:.1f} km) is longer than the whole session ({total.km:.1f} km)")

    def target(self, end: int) -> Target | None:
        self.skip_ws()
        start = self.pos
        stop = re.compile(r"\s+(?:w/|with|\+)(?!\w)|\s*\+").search(self.text, self.pos, end)
        stop_at = stop.start() if stop else end
        text = self.text[start:stop_at].strip()
        self.pos = stop_at
        if not text:
            self.fail(start, "expected a target after '@', such as '8:30/mi', 'Z2', 'RPE 7' or '10K pace'")
            return None
        return parse_target(text, lambda message: self.fail(start, message))

    # -- strength, cross-training, mobility --

    def _strength(self, end: int) -> dict[str, object]:
        fields: dict[str, object] = {}
        duration = self.amount(end, optional=True)
        if isinstance(duration, Distance):
            self.fail(0, "a strength session takes a duration (45 min), not a distance")
        elif duration is not None:
            fields["total"] = duration
        if self.take(r":|—|-", end):
            exercises = []
            for part, offset in _split_keep_offsets(self.text[self.pos:end], ";", self.pos):
                if part.strip():
                    start = offset + _lead(part)
                    item = parse_exercise(part.strip(), self.line, self.squeezed.column(start), self.errors,
                                          partial(self._column_from, start))
                    self.failed |= item is None
                    if item is not None:
                        exercises.append(item)
            fields["exercises"] = tuple(exercises)
        elif not self.at_end(end):
            self.fail(self.pos, "list exercises after ':' separated by ';', or as sub-bullets, e.g. 'Back squat 3x8 @ 100 lb'")
        return fields

    def _activity(self, end: int) -> dict[str, object]:
        fields: dict[str, object] = {}
        self.take(r":", end)
        amount = self.amount(end, optional=True)
        if amount is not None:
            fields["total"] = amount
        if self.take(r"@", end):
            fields["target"] = self.target(end)
        rest = self.text[self.pos:end].strip(" :")
        if rest:
            fields["comment"] = rest
        return fields


def _split_keep_offsets(text: str, sep: str, base: int) -> list[tuple[str, int]]:
    parts, offset = [], base
    for part in text.split(sep):
        parts.append((part, offset))
        offset += len(part) + len(sep)
    return parts


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


__all__ = ["KIND_WORDS", "SessionLine", "portion_km"]
