"""The session-line grammar: ``Intervals 7 mi: 6 x 800 m @ 5K pace w/ 400 m jog``.

A line is a session kind (after ``Optional`` or ``Rest or``, for a session the reader may
skip), then an optional total (a distance or duration, or a range of one), a main set
after ``:`` or ``with`` (read by :mod:`generator.source.mainset`), a target after ``@``,
strides after ``+`` and a free comment after `` — `` or in trailing parentheses. Targets
are read by :mod:`generator.source.targets`, strength exercises by
:mod:`generator.source.prescriptions`. Problems are reported with the column of the
offending word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from ..errors import Collector
from ..model import (
    UNWRITTEN,
    Distance,
    Duration,
    Part,
    Repeat,
    Session,
    SessionKind,
    Source,
    Step,
)
from ..units import HOUR_WORDS, from_km
from ..workout import parts_km
from .cursor import Cursor, target_end
from .mainset import MainSet, effort_ahead, ratio_pair, run_walk_ratio, starts_set, strides_ahead
from .misreads import (
    CLIMB_UNIT,
    amount_of,
    bare_part,
    climbing,
    hours_meant,
    short_clock,
    with_climbing,
)
from .prescriptions import comment_separator, marks_as_units, parse_exercises
from .sessionhints import TWO_RUNS, Hints
from .words import ENGLISH, Words
from .words.en import KIND_WORDS, RACE_NAMES

K = SessionKind
_COLON = re.compile(r":")
RACE_DISTANCES: dict[str, Distance] = {
    "5k": Distance(5, "km"), "10k": Distance(10, "km"), "15k": Distance(15, "km"),
    "half marathon": Distance(21.0975, "km"), "marathon": Distance(42.195, "km"), "mile": Distance(1, "mi"),
}
RACE_WORDS: dict[str, Distance] = {word: RACE_DISTANCES[name] for word, name in RACE_NAMES.items()}
# "Bench press 4x6 @ 70% 1RM", "Row 3 x 8": a name, sets x reps, and what follows up to the next ';' or ','.
_EXERCISE_IN_TEXT = re.compile(r"[^\W\d_][^;,:]*?\s\d{1,2}\s*[x×]\s*\d{1,3}[^;,]*")
_DAY_TAG = re.compile(r"(?<!\S)([A-Z][1-9]?|[1-9]|I{1,3}|IV)(?!\w)(?=\s*(?::|—|\(|$)|\s+\d+\s*min)")  # "A", "A1" (GZCLP), "2", "III"
DEFAULT_STRIDES = Repeat(6, (Step("work", Duration(20), label="strides", note=UNWRITTEN),))


# Two runs on a day ("doubles"), as the books write them on one line.
_RUN_AFTER = r"\+\s*(?:[^\W\d_]+\s+)?\d"  # "+ 5 mi", "+ Easy 5 mi": a second run, not strides ("+ 6 x 20 s strides" too, without a.m.)
# "@ E + 3 mi @ T": a part's target, then another part with a target of its own (not strides: "+ 6 x 20 s strides").
_TARGETED_PARTS = re.compile(r"\s*@[^+,;]*?\+\s*\d+(?:[.,]\d+)?\s*[^\W\d_]+\s*@")
_REPEATS_PART = re.compile(r"\s*@[^+,;]*?(\+)\s*\d{1,3}\s*[x×]\s*[\d(]")
_DOUBLE = re.compile(rf"{_RUN_AFTER}[^+]*\b(?:[ap]\.m\.|[AP]M)(?![\w.])|\b(?:a\.m\.|AM)(?![\w.])[^\w+]*{_RUN_AFTER}")  # not "am" ("am Ende")

# Daniels' tables name a session by its pace's letter ("E 8 km", "L 14 km", "T 3 x 8 min").

class SessionLine(Hints):
    """Parses one session line; ``col0`` is the file column of ``text[0]``."""

    def __init__(self, text: str, line: int, col0: int, errors: Collector, words: Words = ENGLISH,
                 exercises_under: Callable[[], bool] | None = None):
        self.c = Cursor(text, line, col0, errors, words)
        self.words = words
        self.raw = text
        self.line = line
        self.errors = errors
        self._bare: tuple[int, str, SessionKind] | None = None  # a part with no pace: warned once the line reads
        self.exercises_under = exercises_under  # whether its sub-bullets look like exercises (a strength session, then)

    @property
    def failed(self) -> bool:
        return self.c.failed

    def _column_from(self, start: int, pos: int) -> int:
        return self.c.squeezed.column(start + pos)

    # -- entry point --

    def session(self, day: int, source: Source) -> Session | None:
        c = self.c
        end, comment = self._split_comment()
        # "Strength C (optional, power)": optional, as "Optional: Strength C" says it
        said = self.words.optional_re.match(comment)
        comment_optional = said is not None and re.match(r"\s*(?:[,;]|$)", comment[said.end():]) is not None
        if said is not None and comment_optional:
            comment = comment[said.end():].strip(" ,;")
        double = _DOUBLE.search(c.text, 0, end)  # what the line says, not its comment ("— before work, 6 AM")
        if double is not None:  # "Easy 3 mi (a.m.) + 5 mi (p.m.)": two runs, as two bullets
            c.fail(double.start(), TWO_RUNS)
            return None
        if (climb := climbing(c.text, end)) is not None:  # "Long run 3 h with 1000 m uphill": not a 1 km part
            effort = re.match(r"\s*(@[^—]*)", c.text[climb.end():end])  # "… 3,000 ft D+ @ Z1": the session's effort
            head = c.text[:climb.start()].rstrip() + (" " + effort[1].strip() if effort else "")
            c.fail(climb.start("gain"), f"'{climb['gain']}' of climbing is no distance of the run: write it in a comment, "
                                        f"e.g. '{with_climbing(head, climb['gain'])}'")
            return None
        c.skip_ws()
        counted = c.take(self.words.rest_or_re, end) is not None  # "Rest or easy 3 mi": the books count it
        optional = counted or c.take(self.words.optional_re, end) is not None or comment_optional
        c.skip_ws()
        kind_match = self.words.kind_re.match(c.text, c.pos, end)
        if counted and not kind_match and c.peek(r"\d", end):
            kind, word = K.EASY, "easy"  # "Rest or 3-4 mi @ very easy"
        elif not kind_match:
            self._unknown_kind(end)
            return None
        else:
            word = " ".join(kind_match[1].split())
            kind = self.words.kinds[word.lower()]
            c.pos = kind_match.end()
        if counted and kind is K.REST:
            c.fail(0, "'Rest or …' names the session the reader may do instead, e.g. 'Rest or easy 3 mi'")
            return None
        if kind is K.STRENGTH and self._distance_ahead(end):
            kind = K.INTERVALS  # Hansons' "Strength 8 mi: 6 x 1 mi @ MP - 10 s": a run at a set pace, by the book's name
        fields: dict[str, object] = {"optional": optional, "counted": counted}
        if word.lower() not in (kind.value, kind.label.lower()):
            fields["name"] = word[0].upper() + word[1:]
        if kind is K.STRENGTH:
            if tag := c.take(_DAY_TAG, end):  # "Strength A", "Strength B": the coach's name for the day's workout
                fields["name"] = f"{word[0].upper() + word[1:]} {tag[1]}"
            fields |= self._strength(end)
        elif kind in (K.CROSS, K.MOBILITY):
            fields |= self._activity(end, kind)
        elif kind is K.REST:
            if not c.at_end(end):
                fields["comment"] = c.text[c.pos:end].strip(" :")
        else:
            fields |= self._run(kind, end)
        if c.failed:
            return None
        if self._bare is not None:
            self._warnbare_part(*self._bare)
        if comment:
            fields["comment"] = " — ".join(filter(None, [str(fields.get("comment", "")), comment]))
            if kind is K.STRENGTH:
                self._warn_exercises_in(comment)
        return Session(kind=kind, day=day, source=source, text=self.raw.strip(), **fields)  # type: ignore[arg-type]

    def _warn_exercises_in(self, comment: str) -> None:
        """A warning for exercises written in a strength session's comment ("Strength — Upper:
        Bench press 4x6 @ 70% 1RM; Row 4x8"): read as words, they get no deload and no watch step."""
        found = _EXERCISE_IN_TEXT.search(comment)
        if found is None:
            return
        written = found[0].strip()
        col = self.c.squeezed.column(max(0, self.c.text.find(written)))
        self.errors.warning(self.line, col, f"'{written}' in the comment is not read as an exercise: give each exercise "
                            f"a sub-bullet of its own ('  - {written}') so that deloads and the watch know it",
                            "exercise-in-comment")

    def _warnbare_part(self, col: int, written: str, kind: SessionKind) -> None:
        """A warning, not an error: the run reads (as a part at no pace of its own), but the
        author may have left out its pace, or (in metres or feet) meant climbing."""
        pace = "marathon pace" if kind is K.LONG else "steady"
        message = f"'{written}' is a part of the run without its pace or effort: add it ('{written} @ {pace}')"
        if CLIMB_UNIT.search(written):
            message += f", or, if it is climbing, write a comment ('— {amount_of(written)} D+')"
        self.errors.warning(self.line, col, message, "bare-part")

    def _distance_ahead(self, end: int) -> bool:
        """Whether a distance comes next (``8 mi``, ``9-11 mi``), after a colon or ``with`` or neither
        (Hansons' ``Strength: 1.5 mi WU, 6 x 1 mi @ MP - 10 s …``)."""
        c = self.c
        c.skip_ws()
        lead = _COLON.match(c.text, c.pos, end) or self.words.main_re.match(c.text, c.pos, end)  # "with": as its title reads
        start = lead.end() if lead else c.pos
        start += len(c.text[start:end]) - len(c.text[start:end].lstrip())
        found = self.words.number_word_re.match(c.text, start, end)
        return found is not None and (found[3] or "").lower() in self.words.distance_words

    def _split_comment(self) -> tuple[int, str]:
        """Find where the parseable part ends; the rest is a free comment. Trailing brackets are
        a comment, unless they hold repeats' steps (``4 x (3 min @ 5K pace, 1 min jog)``)."""
        text = self.c.text
        match = comment_separator(text)
        end, comment = len(text), ""
        if match:
            end, comment = match.start(), text[match.end():].strip()
        paren = re.search(r"\(([^()]*)\)\s*$", text[:end])
        if paren and not self.words.set_in_brackets_re.search(text, 0, paren.start()):
            comment = " — ".join(filter(None, [paren[1].strip(), comment]))
            end = paren.start()
        return end, comment

    # -- running --

    def _race_range(self, low: Distance, end: int) -> Distance:
        """A race of one distance or another, up to a race named by its name: Pfitzinger's
        ``Tune-up race 15K-half marathon`` or ``8K to 10K``."""
        c = self.c
        upper = c.take(r"(?i)(?:-|–|to\s+)(?=\S)", end) if low.high is None else None
        if upper is None:
            return low
        at = c.pos
        top = c.take(self.words.race_re, end)
        if top is None:
            c.pos = upper.start()
            return low
        high = RACE_DISTANCES[self.words.race(top[1])]
        if high.km <= low.km + 1e-9:
            c.fail(at, f"a range goes from less to more, e.g. 'Tune-up race 15K-half marathon'; got '{c.text[upper.start():c.pos].strip(' -–')}' after '{from_km(low.km, low.unit):g} {low.unit}'")
            return low
        return replace(low, high=round(from_km(high.km, low.unit), 3))

    def _run(self, kind: SessionKind, end: int) -> dict[str, object]:
        c = self.c
        c.race = kind is K.RACE
        fields: dict[str, object] = {}
        colon = c.take(r":", end) is not None
        if kind is K.RACE and (race := c.take(self.words.race_re, end)):
            fields["total"] = self._race_range(RACE_DISTANCES[self.words.race(race[1])], end)
        elif kind is K.RACE and (named := c.take(_NAMED_RACE, end)):  # "Race 50-mile", "Race 100-miler"
            fields["total"] = Distance(float(named[1]), "mi" if named[2].lower().startswith("mi") else "km")
        elif kind is K.RACE and (timed := c.take(_NAMED_TIMED_RACE, end)):  # "Race 6-hour", "Race 24-hour"
            fields["total"] = Duration(float(timed[1]) * 3600)
        elif not starts_set(c, end, at_total=True):
            c.skip_ws()
            at = c.pos
            total = c.amount(end, optional=True)
            if kind is K.RACE and isinstance(total, Distance):
                total = self._race_range(total, end)
            if total is not None and short_clock(c.text[at:c.pos], total):
                c.fail(at, hours_meant(c.text[at:c.pos], kind))
            elif kind is K.RACE and isinstance(total, Distance) and total.km < MIN_RACE_KM:
                written = c.text[at:c.pos].strip()
                miles = f"'{written[:-1].strip()} mi'" if written.endswith("M") else "a race distance such as '5K', 'half' or '50 mi'"
                c.fail(at, f"'{written}' is a race of {total.value:g} {total.unit}; did you mean {miles}?")
            elif total is not None and colon and (kind.is_quality or kind is K.RUN_WALK) and self._part_ahead(end):
                # "Intervals: 15 min warm-up, 5 x 1000 m …", "Run-walk: 5 min walk, 3 min jog, …" (Couch to
                # 5K): the first part of the main set, not the total
                c.pos = at
                self._main_set(fields, kind, at, end)
            elif total is not None:
                fields["total"] = total
        while not c.failed and not c.at_end(end):
            start = c.pos
            if "total" in fields and "main" not in fields and "alternative" not in fields and c.peek(self.words.alternative_re, end):
                self._alternative(fields, end)
            elif strides_ahead(c, end):
                c.take(self.words.strides_lead_re, end)
                fields["strides"] = self.strides(end)
            elif (lead := c.take(self.words.main_re, end)) or starts_set(c, end) or (
                    # "Long 16 mi, last 3 mi @ MP", "Langer Lauf 28 km, die letzten 5 km @ MRT": the comma says "with"
                    c.peek(r",\s*(?:" + self.words.last_re.pattern + ")", end) is not None and c.take(r",", end)):
                if not self._main_set(fields, kind, start, end, said_with=lead is not None and lead[0] != ":"):
                    break
            elif c.take_at(end):
                fields["target"] = c.target(end)
            elif "target" not in fields and "main" not in fields and self._bare_effort(end):
                fields["target"] = c.target(end)  # "Rest or 3-4 mi very easy": the books leave out the '@'
            elif c.take(r"\+", end):
                self._unexpected_plus(fields, start, end)
            else:
                self._unexpected(start, end)
        if c.failed:
            return {}
        if kind is not K.RACE and not any(k in fields for k in ("total", "main")):
            c.fail(0, f"{'an' if kind.value[0] in 'aeiou' else 'a'} {kind.value} session needs a distance or a duration, e.g. '{kind.label} 5 mi' or '{kind.label} 30 min'")
        self._check_total(fields)
        return fields

    def _main_set(self, fields: dict[str, object], kind: SessionKind, start: int, end: int, said_with: bool = False) -> bool:
        """The main set after ``with``, ``:`` or a comma (False: refused, said at its place); ``said_with``:
        after ``with`` (``w/``), where strides alone end an easy run."""
        c = self.c
        if "main" in fields:
            c.fail(start, "a session has one main set; join its parts with ',', '+' or 'then', "
                          "or put extra detail in a sub-bullet")
            return False
        c.skip_ws()
        if c.take(self.words.last_re, end):
            fields["main_last"] = True  # "with the last 3 mi @ MP": at the end of the run
        main = MainSet(c, end, run_walk=kind is K.RUN_WALK).sequence()
        if kind is K.RUN_WALK and isinstance(fields.get("total"), Distance) and isinstance(fields.get("alternative"), Duration) \
                and ratio_pair(main):  # "Long run-walk 10 mi or 2 h: 3 min run / 1 min walk": the ratio fills the time
            fields["total"], fields["alternative"] = fields["alternative"], fields["total"]
        if kind is K.RUN_WALK and isinstance(fields.get("total"), Distance) and ratio_pair(main):
            written = c.text[start:c.pos].strip().lstrip(":").strip()
            c.fail(start, f"a run-walk ratio fills a time, not a distance: give the session's time "
                          f"('… 2 h 30 min: {written}') or its repeats ('40 x ({written})')")
            return False
        if kind is K.RUN_WALK:
            main = run_walk_ratio(main, fields.get("total"))  # type: ignore[arg-type]
        if said_with and kind in (K.EASY, K.LONG, K.RECOVERY) and "total" in fields and "target" not in fields \
                and "strides" not in fields \
                and _strides_only(main) \
                and not strides_ahead(c, end):  # "w/ 6 x 100 m strides + 4 x 20 s strides": two sets, as before
            fields["strides"] = main[0]  # Pfitzinger's "8 mi w/ 10 x 100 m strides": at the run's end, as '+ strides' are
            return True
        fields["main"] = main
        if kind in (K.EASY, K.LONG, K.RECOVERY) and bare_part(main):
            self._bare = (c.squeezed.column(start), c.text[start:c.pos].strip(), kind)
        return True

    def _alternative(self, fields: dict[str, object], end: int) -> None:
        """``Easy 5 mi or 45 min``: the same run measured the other way, for a reader who runs by
        time (or by distance); deload and taper weeks cut it with the total."""
        c = self.c
        start = c.pos
        c.take(self.words.alternative_re, end)
        at = c.pos
        other = c.amount(end)
        if other is None or c.failed:
            return
        if short_clock(c.text[at:c.pos], other):
            c.fail(at, hours_meant(c.text[at:c.pos]))
            return
        if isinstance(other, Distance) == isinstance(fields["total"], Distance):
            c.fail(at, f"'{c.text[start:c.pos].strip()}' gives the run's length again; the other length measures it "
                       "the other way: 'Easy 5 mi or 45 min'")
            return
        fields["alternative"] = other

    def _part_ahead(self, end: int) -> bool:
        """Whether a step's label and a comma follow (``15 min warm-up, …``), or a target and another
        part with its own, or repeats (``2 mi @ E + 3 mi @ T``, ``2 mi @ E + 4 x (1 mi @ T w/ 1 min rest)``,
        Daniels' Q sessions): the amount before was a part."""
        c = self.c
        c.skip_ws()
        label = self.words.label_re.match(c.text, c.pos, end)
        if label is not None and re.match(r"\s*,", c.text[label.end():end]) is not None:
            return True
        if _TARGETED_PARTS.match(c.text, c.pos, end) is not None:
            return True
        if (repeats := _REPEATS_PART.match(c.text, c.pos, end)) is not None:
            return not c.vocab.strides_ahead_re.match(c.text, repeats.start(1), end)  # "… @ T + 6 x 20 s strides"
        # "Cruise intervals: 10 min Z1, 3 x 8 min Z3 …" (80/20): a target, then a comma and the next part
        at = c.pos + 1 if c.text.startswith("@", c.pos) else c.pos
        stop = target_end(c.text, at, end, self.words)
        return effort_ahead(c, at, end) and re.match(r"\s*,\s*(?:\d|\()", c.text[stop:end]) is not None

    def _bare_effort(self, end: int) -> bool:
        """Whether an effort written without ``@`` follows (``3 mi very easy``, ``5 mi easy to moderate``,
        ``8 km from easy to threshold``: then the cursor is moved past ``from``, which stands for ``@``)."""
        c = self.c
        c.skip_ws()
        lead = self.words.from_re.match(c.text, c.pos, end) if self.words.from_re is not None else None
        at = lead.end() if lead is not None else c.pos
        if not effort_ahead(c, at, end):
            return False
        c.pos = at
        return True

    def strides(self, end: int) -> Repeat | None:
        c = self.c
        start = c.pos
        if c.peek(r"\d{1,3}\s*[x×]", end):
            parts = MainSet(c, end).block(0)
            reps = parts[0] if len(parts) == 1 and isinstance(parts[0], Repeat) else None
        elif count := c.take(self.words.strides_count_re, end):
            said = count[0][len(count[1]):].strip()  # "+ 6 rectas" stays "rectas", not the language's first word
            # "+ 6 strides @ R": the strides' pace (it had become the run's: "Easy 6 mi @ R")
            target = c.target(end) if c.take_at(end) else None
            return Repeat(int(count[1]), tuple(replace(s, said=said, target=target or s.target)
                                               for s in DEFAULT_STRIDES.steps if isinstance(s, Step)))
        else:
            reps = DEFAULT_STRIDES
        work = reps.steps[0] if reps is not None and isinstance(reps.steps[0], Step) else None
        labelled = work is not None and work.label in ("strides", "stride", "uphill strides")
        if not labelled and not c.take(self.words.strides_word_re, end) and not c.failed:
            c.fail(start, "expected strides after '+', e.g. '+ 6 x 20 s strides'")
        if reps is not None and work is not None and not labelled:
            label = "uphill strides" if work.label in ("uphill", "hill", "hills") else "strides"  # "6 x 100 m uphill strides"
            reps = Repeat(reps.count, (Step(work.role, work.amount, work.target, label),), reps.between, reps.count_max)
        return reps

    def _check_total(self, fields: dict[str, object]) -> None:
        total = fields.get("total")
        main = fields.get("main")
        if isinstance(total, Distance) and isinstance(main, tuple) and main:
            part = parts_km(main)
            if part is not None and part > total.km_high * 1.001:
                unit = "mi" if total.unit == "mi" else "km"  # the session's own unit ("m" read as km)
                self.c.fail(0, f"the main set ({from_km(part, unit):.1f} {unit}) is longer than the whole session "
                               f"({from_km(total.km_high, unit):.1f} {unit})")

    # -- strength, cross-training, mobility --

    def _strength(self, end: int) -> dict[str, object]:
        fields: dict[str, object] = {}
        duration = self.c.amount(end, optional=True)
        if isinstance(duration, Distance):
            self.c.fail(0, "a strength session takes a duration (45 min), not a distance; a run at a set pace "
                        "(Hansons' strength workouts) is written as intervals: 'Intervals 8 mi: 6 x 1 mi @ MP'")
            return fields  # what follows is that run's main set, not exercises to complain about too
        elif duration is not None:
            fields["total"] = duration
        if (said := self.c.take(r":", end)) and not re.search(r"\d|@", self.c.text[self.c.pos:end]):
            # "PPG 20' : gainage, fentes, squats", "Strength 30 min: core circuit": what it holds, in words
            fields["comment"] = self.c.text[self.c.pos:end].strip()
            self.c.pos = end
        elif said or self.c.take(r"—|-", end):
            exercises = []
            for part, offset in _split_keep_offsets(self.c.text[self.c.pos:end], ";", self.c.pos):
                if part.strip():
                    start = offset + _lead(part)
                    written = part.strip() if self.words.english else marks_as_units(part.strip())
                    items = parse_exercises(written, self.c.line, self.c.squeezed.column(start), self.errors,
                                            partial(self._column_from, start))
                    self.c.failed |= items is None
                    exercises += items or []
            fields["exercises"] = tuple(exercises)
        elif not self.c.at_end(end):
            self.c.fail(self.c.pos, "list exercises after ':' separated by ';', or as sub-bullets, e.g. 'Back squat 3x8 @ 100 lb'")
        return fields

    def _activity(self, end: int, kind: SessionKind) -> dict[str, object]:
        fields: dict[str, object] = {}
        self.c.take(r":", end)
        amount = self.c.amount(end, optional=True)
        if amount is not None:
            fields["total"] = amount
        if self.c.take(r"@", end):
            fields["target"] = self.c.target(end)
        at = self.c.pos
        rest = self.c.text[at:end].strip(" :")
        if kind is K.MOBILITY and (_RUN_AHEAD.search(rest) or self.words.strides_word_re.search(rest)):
            # "Drills 15 min, then easy 5 km": the run would be a comment, its kilometres lost
            self.c.fail(at, "a run after drills or mobility work is a session of its own: write it on another line "
                            "for the same day ('Easy 5 km'), or the drills in the run's comment ('Easy 5 km — drills first')")
            return fields
        if rest:
            fields["comment"] = rest
        return fields



_RUN_AHEAD = re.compile(r"(?i)\d+(?:[.,]\d+)?\s*(?:km|mi|miles?|m)(?![\w])|\d+\s*[x×]\s*\d")  # a distance, or repeats

# "Easy 5 km and Strength 30 min" in any plan language: the word between two sessions on one line
_NAMED_RACE = re.compile(r"(?i)(\d+(?:\.\d+)?)\s*-\s*(miles?|miler|mi|km?)(?![\w])")
_NAMED_TIMED_RACE = re.compile(rf"(?i)(\d+(?:\.\d+)?)\s*-\s*(?:{HOUR_WORDS})(?![\w])")
MIN_RACE_KM = 0.4  # the shortest race the frontmatter takes (400 m): '50M' is 50 miles, not metres


def _split_keep_offsets(text: str, sep: str, base: int) -> list[tuple[str, int]]:
    parts, offset = [], base
    for part in text.split(sep):
        parts.append((part, offset))
        offset += len(part) + len(sep)
    return parts


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


__all__ = ["KIND_WORDS", "RACE_WORDS", "SessionLine"]


def _strides_only(main: tuple[Part, ...]) -> bool:
    """A main set that is strides alone (``w/ 10 x 100 m strides``)."""
    return (len(main) == 1 and isinstance(main[0], Repeat) and len(main[0].steps) == 1 and isinstance(main[0].steps[0], Step)
            and main[0].steps[0].label in ("strides", "stride", "uphill strides") and main[0].between is None)
