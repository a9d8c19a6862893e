"""The main set of a run: ``6 x 800 m @ 5K pace w/ 400 m jog`` and everything books write.

A main set is a sequence of parts, joined by ``,`` or ``then`` (sets one after the other)
or ``+`` (a continuous run at several paces: ``5 mi @ 90% MP + 5 mi @ 92% MP``). A part is

- a step: ``4 mi @ threshold``, ``10 min walk``, ``5-6 mi @ 105% MP``;
- repeats: ``6 x 800 m @ 5K pace w/ 400 m jog``, ``5-6 x 1200 m …`` (a range of repeats),
  ``4 x (3 min @ 95% 5K, 1 min jog, 2 min @ 100% 5K, 3 min jog)`` (several steps a repeat),
  ``3 x (4 x 400 m w/ 200 m jog) w/ 3 min jog`` (nested);
- a ladder: ``3-2-2-1 km @ 108, 109, 110, 112-115% MP w/ 4 min walk/jog``, or the rungs in
  brackets: ``4 x (3 min, 2 min, 1 min) @ 98, 100, 102% 5K w/ 1 min / 3 min jog within / between sets``.

The result is the structured workout (:class:`~generator.model.Step`, :class:`~generator.model.Repeat`,
:class:`~generator.model.Ladder`) that the engine sizes and shrinks and every renderer shows.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..errors import Collector
from ..model import Amount, Distance, Duration, Ladder, Pace, Part, Repeat, Step, StepRole, Target
from ..workout import map_steps
from .cursor import Cursor, target_end
from .targets import effort_words, parse_target, unmistakable
from .words.en import RECOVERY_LABELS, REST_LABELS, WORK_LABELS

MAX_DEPTH = 4  # brackets inside brackets: deeper is not a workout anyone runs
MAX_REPEATS = 100
_TIMES = re.compile(r"(\d{1,3})(?:\s*[-–]\s*(\d{1,3}))?\s*[x×]\s*", re.I)
_NUM = r"\d+(?:\.\d+)?"
# "2 min run / 1 min walk" (or "run 2 min / walk 1 min"): a run-walk's two spells (not "walk/jog", a label)
_RATIO_SLASH = r"(?i)\s*/\s*(?=\d|(?:run|jog|walk)\s+\d)"
_RUNGS = re.compile(rf"({_NUM})((?:\s*[-–]\s*{_NUM})+)\s*([A-Za-z]+)(?!\w)")
_PERCENTS = re.compile(r"(\d{1,3}(?:\.\d)?(?:\s*[-–]\s*\d{1,3}(?:\.\d)?)?)((?:\s*,\s*\d{1,3}(?:\.\d)?(?:\s*[-–]\s*\d{1,3}(?:\.\d)?)?)+)\s*%")


# "30/30", "45/15", "1'/1'": seconds (or minutes) on, then off, as French clubs write a repeat.
_ON_OFF = re.compile(r"(?:(?P<on>\d{1,2})(?:''|″)?\s*/\s*(?P<off>\d{1,2})(?:''|″)?|(?P<on_min>\d{1,2})['′]\s*/\s*"
                     r"(?P<off_min>\d{1,2})['′])(?![\d\w'′″.,:/])(?!\s*(?:m|km|mi|yd)\b)")  # "10 x 50/50 m" is no 30/30
# "w/ jog 50-90% of the interval time", "w/ 50% of rep time jog": a recovery as a share of each repeat's time.
_SHARE_RECOVERY = re.compile(r"(?i)\s*(?:w/|with)\s*(?:(?P<word>jog|walk|easy)\s+)?(?P<low>\d{1,3})(?:\s*[-–]\s*(?P<high>\d{1,3}))?\s*%"
                             r"\s*of\s+(?:the\s+)?(?:interval|rep|repeat|work)(?:'s)?\s*(?:time|duration)?"
                             r"(?:\s+(?P<after>jog|walk))?(?![\w])")
# A run-walk's spell with its word first, as Galloway writes it: "run 4 min / walk 1 min".
_WORD_FIRST = re.compile(r"(?i)(run|jog|walk)\s+(?=\d)")
_ZONE = re.compile(r"\s*[Zz]\d\b")  # a zone: the one target a label goes before without its @
# A repeat's time: "@ 72 s", "@ 34-35 s", "@ 2:50" (after metres), "@ 72 sec"; before what may follow a step
_SPLIT = re.compile(r"(?i)\s*(?P<low>\d{1,2}:[0-5]\d|\d{1,3}(?:\.\d)?)(?:\s*[-–]\s*(?P<high>\d{1,2}:[0-5]\d|\d{1,3}(?:\.\d)?))?"
                    r"\s*(?P<unit>s|secs?|seconds)?(?![\w:/%])(?=\s*(?:$|,|\)|w/|with\b|\+|then\b|—))")
SPLIT_PACE = (100.0, 900.0)  # seconds a km a repeat's time may give (1:40 to 15:00/km): else it is no repeat's time


def _split_seconds(text: str | None) -> float | None:
    if text is None:
        return None
    minutes, _, seconds = text.rpartition(":")
    return int(minutes or 0) * 60 + float(seconds)


def starts_set(cursor: Cursor, end: int, *, at_total: bool = False) -> bool:
    """True when the text at the cursor opens a main set without a ':' or 'with' before it.

    ``at_total``: where the session's total would be, two numbers are a range, even
    downwards (``Easy 6-5 mi`` is a range written backwards, not a two-rung ladder)."""
    if cursor.peek(_TIMES, end) or cursor.peek(r"\(", end):
        return True
    rungs = cursor.peek(_RUNGS, end)
    return rungs is not None and _is_ladder(rungs, min_rungs=3 if at_total else 2)


def strides_ahead(cursor: Cursor, end: int) -> bool:
    return bool(cursor.vocab.strides_ahead_re.match(cursor.text, cursor.pos, end))


class MainSet:
    """Reads the parts of a main set from a :class:`Cursor`; ``run_walk``: jog is the work."""

    def __init__(self, cursor: Cursor, end: int, run_walk: bool = False):
        self.c = cursor
        self.end = end
        self.run_walk = run_walk

    def sequence(self, depth: int = 0) -> tuple[Part, ...]:
        """Parts up to the end (or a closing bracket inside one), before any ``+ strides``."""
        c = self.c
        parts: list[Part] = []
        while not c.failed:
            parts.extend(self.block(depth))
            while True:
                if c.failed or c.at_end(self.end) or (depth and c.peek(r"\)", self.end)) or strides_ahead(c, self.end):
                    return tuple(parts)
                joined = c.take(c.vocab.separator_re, self.end)
                if not joined and not (self.run_walk and c.take(_RATIO_SLASH, self.end)):
                    return tuple(parts)
                if joined and joined[0].strip() == "+" and self.run_walk and parts and isinstance(parts[-1], Step) \
                        and parts[-1].label.startswith("walk") and (target := parts[-1].target) is not None \
                        and target.kind == "race" and (offset := _OFFSET_AFTER_PLUS.match(c.text, c.pos, self.end)):
                    # "3 min run / 1 min walk @ MP + 2 min": Galloway's long-run pace, not a part of two minutes
                    seconds = _offset_seconds(offset[1], offset[2] or "")
                    c.fail(offset.start(1), f"in a session, an offset from a race's pace is in seconds: "
                                            f"'@ {target.text} + {seconds} s'")
                    return tuple(parts)
                last = parts[-1] if parts else None
                # "6 x 800 m @ 10K pace, 400 m jog recovery", "10 x 90 s uphill, jog down": the recovery between them
                # Not after repeats that hold their own recovery ("8 x (1 min run, 90 s walk), 5 min walk": a cool-down)
                if not (isinstance(last, Repeat) and last.between is None and not self.run_walk
                        and all(isinstance(s, Step) and s.role == "work" for s in last.steps)
                        and (between := self._trailing_recovery(last, depth))):
                    break
                parts[-1] = replace(last, between=between)
        return tuple(parts)

    def _trailing_recovery(self, repeat: Repeat, depth: int = 0) -> Step | None:
        """A recovery written as the next part after ``repeat``, ending the main set or its part
        (inside brackets, the bracket: "2 x (10 x 30 s @ 3K pace, 30 s jog)" is a 30/30 twice)."""
        # Tried on a copy that says nothing: anything else is the next part, read as ever.
        probe = Cursor(self.c.text, self.c.line, 1, Collector(self.c.errors.file), self.c.vocab)
        probe.pos = self.c.pos
        probe.skip_ws()
        amount = probe.amount(self.end, optional=True, per_rep=True) if probe.peek(r"\d", self.end) else None
        words = probe.take(probe.vocab.recovery_label_re, self.end) if not probe.failed else None
        said = probe.take(r"\s*recovery\b", self.end) is not None
        target = probe.target(self.end) if not probe.failed and amount is not None and probe.take_at(self.end) else None
        if probe.failed or (words is None and target is None) or (target is not None and not _easy(target)):
            return None
        label = probe.vocab.label(words[1]) if words is not None else ""  # "1 min @ easy": the target says it
        # Only when it says so ("400 m jog recovery", "jog down", "walk back", "2 min rest"): "2 km easy"
        # or "1 km jog" after the repeats is a cool-down, and "6 x 800 m, 400 m jog, 1 mi @ tempo" a jog between parts;
        # a short spell after timed repeats is their recovery only where it ends the main set (a fartlek's).
        final = probe.at_end(self.end) or strides_ahead(probe, self.end) or bool(depth and probe.peek(r"\s*\)", self.end))
        ends = final or probe.peek(probe.vocab.separator_re, self.end)
        said_so = said or label.endswith((" down", " back")) or label in REST_LABELS
        if not ends or not (said_so or (final and _spell_after(repeat, amount))):
            return None
        self.c.pos = probe.pos
        return Step("rest" if label in REST_LABELS else "recovery", amount, target, label)

    def block(self, depth: int) -> tuple[Part, ...]:
        c = self.c
        if depth > MAX_DEPTH:
            c.fail(c.pos, f"brackets nested more than {MAX_DEPTH} deep")
            return ()
        if c.peek(r"\(", self.end):
            parts = self.group(depth)
            self.recovery_after(parts)
            return parts
        if c.peek(_TIMES, self.end):
            repeat = self.repeat(depth)
            return (repeat,) if repeat is not None else ()
        if (rungs := c.peek(_RUNGS, self.end)) and _is_ladder(rungs):
            ladder = self.ladder()
            return (ladder,) if ladder is not None else ()
        step = self.step("work")
        if step is None:
            return ()
        within, between = self.recovery(slash=False)  # "2 min run / 1 min walk" is a run-walk's cycle
        if depth and within is None and between is not None and c.peek(r"\)", self.end):
            return step, between  # Daniels' "4 x (1 mi @ T w/ 1 min rest)": each repeat's run, then its rest
        if within is not None or between is not None:
            c.fail(c.pos, "a recovery ('w/ 400 m jog') goes after repeats or a ladder, e.g. '6 x 800 m w/ 400 m jog'")
            return ()
        return (step,)

    # -- the forms --

    def group(self, depth: int) -> tuple[Part, ...]:
        """``(…)``: steps in brackets, with targets for its work steps after them."""
        c = self.c
        opened = c.pos
        c.take(r"\(", self.end)
        parts = self.sequence(depth + 1)
        if c.failed:
            return ()
        if not c.take(r"\)", self.end):
            if ")" in c.text[c.pos:self.end]:  # closed further on: the words before it are what it cannot read
                c.fail(c.pos, f"unexpected '{c.words(self.end)}' inside the brackets: each part is a length with its "
                              "target after '@' ('300 m @ hard'), the parts joined by ','; a drill's name goes in a comment")
            else:
                c.fail(opened, f"this bracket is never closed; expected ')' before '{c.words(self.end)}'")
            return ()
        if c.take(r"@", self.end):
            parts = self._assign(parts, opened)
        return parts

    def repeat(self, depth: int) -> Repeat | None:
        c = self.c
        match = c.take(_TIMES, self.end)
        assert match is not None
        count, top = int(match[1]), int(match[2]) if match[2] else None
        if not 1 <= count <= MAX_REPEATS or (top is not None and not count < top <= MAX_REPEATS):
            shown = f"{count}-{top}" if top is not None else str(count)
            c.fail(match.start(), f"{shown} repeats is not plausible; expected 1 to {MAX_REPEATS}"
                   + (", from fewer to more" if top is not None else ""))
            return None
        off: Step | None = None
        if c.peek(r"\(", self.end):
            steps = self.group(depth)
        elif (on_off := self._on_off()) is not None:
            steps, off = on_off
        else:
            work = self.step("work", per_rep=True)
            steps = (work,) if work is not None else ()
        if c.failed or not steps:
            return None
        share = self._share_recovery(steps)
        if c.failed:
            return None
        within, between = (None, share) if share is not None else self.recovery()
        if off is not None and (within is not None or between is not None):
            c.fail(c.pos, f"a {c.text[match.end():].split()[0]} holds its own recovery: for a rest between sets, "
                          "write the sets in brackets, e.g. '2 x (10 x 30/30) w/ 3 min jog'")
            return None
        between = between or off
        if within is not None:
            steps = self._within(steps, within)
        work = steps[0] if len(steps) == 1 and isinstance(steps[0], Step) else None
        if (work is not None and work.target is None and between is not None and between.target is not None
                and between.label.startswith(("walk", "rest", "standing"))):
            # "8 x 90 s run w/ 2 min walk @ easy": a walk has no target; it is the run's
            steps, between = (Step(work.role, work.amount, between.target, work.label),), Step(
                between.role, between.amount, None, between.label)
        return None if c.failed else Repeat(count, steps, between, top)

    def _share_recovery(self, steps: tuple[Part, ...]) -> Step | None:
        """"w/ jog 50-90% of the interval time": a recovery as a share of each timed repeat's
        length (a range of it); None when the recovery is written otherwise."""
        c = self.c
        found = c.peek(_SHARE_RECOVERY, self.end)
        if found is None:
            return None
        work = steps[0] if len(steps) == 1 and isinstance(steps[0], Step) else None
        if work is None or not isinstance(work.amount, (Duration, Distance)):
            c.fail(c.pos, "a recovery as a share of the interval's time needs one interval written by time or "
                          "distance; give the recovery's own length, e.g. 'w/ 2 min jog'")
            return None
        low, high = float(found["low"]), float(found["high"] or found["low"])
        if not 10 <= low <= high <= 200:
            c.fail(c.pos, f"'{found[0].strip()}' is not plausible: a recovery of 10% to 200% of the interval's time")
            return None
        c.pos = found.end()
        if isinstance(work.amount, Distance):  # Pfitzinger's "5 x 1000 m @ 5K pace w/ jog 50-90% of the interval time":
            # the interval's time is the runner's, so the jog is ended by the lap button, its share said as written
            share = f"{found['low']}-{found['high']}%" if found["high"] else f"{found['low']}%"
            return Step("recovery", None, label=(found["word"] or found["after"] or "jog").lower(),
                        note=f"{share} of the interval time", said=" ".join(found[0].split()[1:]))
        seconds = work.amount.seconds
        return Step("recovery", Duration(round(seconds * low / 100), round(seconds * high / 100) if high != low else None),
                    label=(found["word"] or found["after"] or "jog").lower())

    def _on_off(self) -> tuple[tuple[Part, ...], Step] | None:
        """"10 x 30/30", "8 x 1'/1'": a spell at the target (its seconds, or minutes), then as long a
        spell off (a jog; a walk in a run-walk); None for anything else. A spell under ten seconds
        is no 30/30 ("8 x 1/4" is a quarter mile, which needs its unit)."""
        c = self.c
        found = c.peek(_ON_OFF, self.end)
        if found is None:
            return None
        scale = 60 if found["on_min"] else 1
        on, rest = (int(found["on_min"]), int(found["off_min"])) if scale == 60 else (int(found["on"]), int(found["off"]))
        if min(on, rest) * scale < 10:
            return None
        c.pos = found.end()
        target = c.target(self.end) if c.take_at(self.end) or effort_ahead(c, c.pos, self.end) else None
        spell = Step("work", Duration(on * scale, in_minutes=scale == 60), target)
        return (spell,), Step("recovery", Duration(rest * scale, in_minutes=scale == 60), label="walk" if self.run_walk else "jog")

    def ladder(self) -> Ladder | None:
        """``3-2-2-1 km``: rungs of one unit, one target or one each, a recovery between them."""
        c = self.c
        match = c.take(_RUNGS, self.end)
        assert match is not None
        numbers = [match[1], *re.findall(_NUM, match[2])]
        rungs: list[Step] = []
        for number in numbers:
            inner = Cursor(f"{number} {match[3]}", c.line, c.squeezed.column(match.start()), c.errors, c.vocab)
            amount = inner.amount(len(inner.text), per_rep=True)
            if amount is None:
                c.failed = True
                return None
            rungs.append(Step("work", amount))
        parts: tuple[Part, ...] = tuple(rungs)
        if c.take(r"@", self.end):
            parts = self._assign(parts, match.start())
        within, between = self.recovery()
        if within is not None:
            c.fail(c.pos, "a ladder has one recovery between its rungs, e.g. 'w/ 2 min jog'")
        steps = tuple(p for p in parts if isinstance(p, Step))
        return None if c.failed else Ladder(steps, between)

    def step(self, role: StepRole, per_rep: bool = False) -> Step | None:
        """``800 m``, ``5 min jog``, ``4 mi @ threshold``: the label decides a listed step's role."""
        c = self.c
        lead = c.take(_WORD_FIRST, self.end) if self.run_walk else None  # Galloway's "run 4 min / walk 1 min"
        amount = c.amount(self.end, per_rep=per_rep)
        if amount is None:
            return None
        label_match = lead or c.take(c.vocab.label_re, self.end)
        label = c.vocab.label(label_match[1]) if label_match else ""
        at = c.take_at(self.end)
        target = (self._split(amount) or c.target(self.end)) if at else None
        if target is None and not c.failed and (label_match is None or _ZONE.match(c.text, c.pos, self.end)) \
                and effort_ahead(c, c.pos, self.end):
            # "6 x 2 min strong", "6 x 2 min stevig": the books leave out the '@'; 80/20's "1 min uphill Z5"
            target = c.target(self.end)
        elif target is None and label_match is None and not c.failed and (zone := _ZONE.match(c.text, c.pos, self.end)) \
                and (late := c.vocab.label_re.match(c.text, _after_space(c.text, zone.end()), self.end)) is not None \
                and c.vocab.label(late[1]) not in (*RECOVERY_LABELS, *REST_LABELS):
            target = c.target(zone.end())  # "6 x 1 min Z5 uphill": the label after the zone
            c.pos = late.end()
            label_match, label = late, c.vocab.label(late[1])
        if c.failed:
            return None
        return Step(self._role(label) if role == "work" and not per_rep else role, amount, target, label,
                    said=_written(label_match))

    def _split(self, amount: Amount) -> Target | None:
        """A repeat's time, as track coaches write it: ``4 x 400 m @ 72 s``, ``6 x 200 m @ 34-35 s``,
        ``800 m @ 2:50``: the pace of that time over the repeat. A clock time without a unit is a
        split only after metres (``1 km @ 4:00`` is a pace per kilometre, and the same)."""
        c = self.c
        if not isinstance(amount, Distance) or amount.high is not None:
            return None
        split = _SPLIT.match(c.text, c.pos, self.end)
        if split is None or (not split["unit"] and (":" not in split["low"] or amount.unit != "m")):
            return None
        low, high = (_split_seconds(split[name]) for name in ("low", "high"))
        if not low or (high is not None and high <= low):
            return None
        if not SPLIT_PACE[0] <= low / amount.km <= SPLIT_PACE[1]:  # "5000 m @ 4:30" is a pace without its unit
            return None
        c.pos = split.end()
        written = " ".join(c.text[split.start():split.end()].split())
        return Target(written, "pace", pace=Pace(low / amount.km, "km", high / amount.km if high else None))

    def _role(self, label: str) -> StepRole:
        if label in _AROUND:  # "1 mi warm-up, 3 mi @ tempo, 1 mi cool-down"
            return _AROUND[label]
        if label in REST_LABELS:
            return "rest"
        if self.run_walk and label in ("jog", "run", "runs"):
            return "work"
        return "recovery" if label in RECOVERY_LABELS else "work"

    def recovery(self, slash: bool = True) -> tuple[Step | None, Step | None]:
        """``w/ 400 m jog``, ``w/ 90 s``, ``w/ 1 km float @ 85% MP`` or ``w/ 1 min / 3 min jog
        within / between sets``: the recovery within a repeat's steps (if given), and between repeats."""
        c = self.c
        start = c.pos
        c.take(r"\s*,", self.end)  # "8 x 400 m à allure 10 km, récup 1 min 30 trot"
        if strides_ahead(c, self.end) or not (c.take(c.vocab.recovery_re, self.end) or (slash and self._slash())):  # "with 4 strides"
            c.pos = start
            return None, None
        first = self._recovery_step()
        if first is None:
            return None, None
        if c.take(r"/", self.end):
            second = self._recovery_step()
            if second is None:
                return None, None
            if not c.take(c.vocab.within_between_re, self.end):
                c.fail(c.pos, "two recoveries are written 'w/ 1 min / 3 min jog within / between sets'")
                return None, None
            label = second.label or first.label
            return Step(first.role, first.amount, first.target, label), Step(second.role, second.amount, second.target, label)
        if c.take(r"@", self.end) or (not c.failed and effort_ahead(c, c.pos, self.end)):  # "w/ 2 min Z1"
            first = Step(first.role, first.amount, c.target(self.end), first.label)
        return None, first

    def _slash(self) -> bool:
        """`` / `` between a step and its recovery, as clubs write a fartlek: ``10 x 1 min hard / 1 min easy``."""
        c = self.c
        c.skip_ws()
        if not (c.pos > 0 and c.text[c.pos - 1].isspace() and re.match(r"/\s*\d", c.text[c.pos:self.end])):
            return False  # "400/200" is no step and its recovery
        c.take(r"/", self.end)
        return True

    def _recovery_step(self) -> Step | None:
        c = self.c
        amount: Amount | None = None
        if c.peek(r"\d", self.end):
            amount = c.amount(self.end, per_rep=True)
            if amount is None:
                return None
        words = c.take(c.vocab.recovery_label_re, self.end)
        if amount is None and words is None:
            c.fail(c.pos, f"expected a recovery after 'w/', such as '200 m jog' or '90 s rest'; got '{c.words(self.end)}'")
            return None
        label = c.vocab.label(words[1]) if words else ""
        return Step("rest" if label in REST_LABELS else "recovery", amount, None, label, said=_written(words))

    def recovery_after(self, parts: tuple[Part, ...]) -> None:
        within, between = self.recovery()
        if within is not None or between is not None:
            self.c.fail(self.c.pos, "a recovery after brackets needs repeats before them, e.g. '4 x (…) w/ 3 min jog'")

    # -- targets for several steps --

    def _assign(self, parts: tuple[Part, ...], at: int) -> tuple[Part, ...]:
        """Targets after a group or ladder: one for every work step, or one each (``98, 100, 102% 5K``)."""
        c = self.c
        work = [i for i, p in enumerate(parts) if isinstance(p, Step) and p.role == "work"]
        start = c.pos
        listed = c.take(_PERCENTS, self.end)
        if listed:
            stop = target_end(c.text, c.pos, self.end, c.vocab)
            suffix = c.text[c.pos:stop].strip()
            c.pos = stop
            values = [match.replace(" ", "") for match in re.split(r"\s*,\s*", listed[1] + listed[2])]
            if len(values) != len(work):
                c.fail(start, f"{len(values)} targets for {len(work)} steps; give one target, or one for each step")
                return parts
            targets = [parse_target(f"{value}% {suffix}", lambda message: c.fail(start, message), c.vocab) for value in values]
        else:
            target = c.target(self.end)
            if not c.failed:  # every step's, the steps of repeats inside too ("2 x (3 x 1 mi) @ threshold")
                return map_steps(parts, lambda step: replace(step, target=target)
                                 if step.role == "work" and step.target is None else step)
            targets = [target] * len(work)
        if c.failed:
            return parts
        changed = list(parts)
        for index, target in zip(work, targets, strict=True):
            step = parts[index]
            assert isinstance(step, Step)
            changed[index] = Step(step.role, step.amount, target, step.label, step.note)
        return tuple(changed)

    def _within(self, steps: tuple[Part, ...], within: Step) -> tuple[Part, ...]:
        """``4 x (3 min, 2 min, 1 min) … w/ 1 min / 3 min jog within / between sets``: a ladder inside;
        ``3 x (4 x 400 m @ mile pace) w/ 1 min / 4 min jog within / between sets``: the inner repeat's recovery."""
        if len(steps) == 1 and isinstance(steps[0], Repeat) and steps[0].between is None:
            return (replace(steps[0], between=within),)
        rungs = tuple(p for p in steps if isinstance(p, Step) and p.role == "work")
        if len(rungs) != len(steps):
            self.c.fail(self.c.pos, "a recovery 'within' sets needs work steps only in the brackets, e.g. '(3 min, 2 min, 1 min)'; "
                        "sets of repeats are written nested: '2 x (3 x 1 mi @ threshold w/ 2 min jog) w/ 5 min jog'")
            return steps
        return (Ladder(rungs, within),)


_AROUND: dict[str, StepRole] = {"warm-up": "warmup", "cool-down": "cooldown"}

def _is_ladder(match: re.Match[str], min_rungs: int = 2) -> bool:
    """``3-2-1 km`` (three rungs or more) or ``2-1 km`` (down): a ladder; ``5-6 mi`` is a range."""
    numbers = [float(n) for n in re.findall(_NUM, match[0])]
    return len(numbers) > 2 or (len(numbers) == min_rungs == 2 and numbers[1] < numbers[0])


def effort_ahead(cursor: Cursor, at: int, end: int) -> bool:
    """Whether an effort written without ``@`` starts at ``at`` (``very easy``, ``strong``, ``easy to threshold``,
    and a zone, an RPE or a heart rate: ``Z2``, ``RPE 4``, ``140-150 bpm``)."""
    text = cursor.text[at:target_end(cursor.text, at, end, cursor.vocab)].strip()
    return bool(text) and (bool(effort_words(text, cursor.vocab)) or unmistakable(text))


def _after_space(text: str, at: int) -> int:
    """Where the word after the spaces at ``at`` starts (``at`` itself when none: no word runs on)."""
    return at + len(text[at:]) - len(text[at:].lstrip(" \t")) if text[at:at + 1] in (" ", "\t") else len(text)


def _written(label: re.Match[str] | None) -> str:
    """A step's label as the coach wrote it ("dribbelpauze", "inlopen"): shown so, read the same."""
    return " ".join(label[1].split()) if label is not None else ""


__all__ = ["RECOVERY_LABELS", "REST_LABELS", "WORK_LABELS", "MainSet", "effort_ahead", "starts_set", "strides_ahead"]


SPELL_MOST = 180  # seconds: an easy spell after timed repeats up to this long is their recovery


def _spell_after(repeat: Repeat, amount: Amount | None) -> bool:
    """Timed repeats, then a short timed spell: their recovery, as fartleks are written
    ("8 x 1 min hard, 1 min easy"; "8 x 30 s fast, 90 s easy"), not a cool-down (which runs
    ten minutes or more). At most three times the repeat and :data:`SPELL_MOST`."""
    work = [s.amount for s in repeat.steps if isinstance(s, Step)]
    if not isinstance(amount, Duration) or not work or not all(isinstance(a, Duration) for a in work):
        return False
    longest = max(a.seconds for a in work if isinstance(a, Duration))
    return amount.seconds <= min(SPELL_MOST, 3 * longest) + 1e-9


RATIO_LEAST = 3  # a run and a walk that fit a run-walk's total this many times over are its ratio


# "+ 2 min", "+ 90 s", "+ 1:30" (a clock's minutes and seconds) ending a run-walk's ratio: its run's pace offset
_OFFSET_AFTER_PLUS = re.compile(r"(?i)\s*(\d+(?:[.,]\d+)?|\d{1,2}:[0-5]\d)\s*(min|mins|minutes?|s|secs?|seconds?)?(?![\w:])"
                                r"\s*(?:/\s*(?:mi|km|mile))?\s*$")


def _offset_seconds(figure: str, unit: str) -> int:
    """``2`` min, ``90`` s, ``1:30`` (no unit): seconds."""
    if ":" in figure:
        return round(_split_seconds(figure) or 0)
    return round(float(figure.replace(",", ".")) * (60 if unit.lower().startswith("m") else 1))


def ratio_pair(parts: tuple[Part, ...]) -> tuple[Step, ...] | None:
    """A timed run and a timed walk, alone in a main set (``2 min run, 1 min walk``): a ratio, if the total allows."""
    steps = tuple(p for p in parts if isinstance(p, Step) and isinstance(p.amount, Duration) and p.amount.high is None)
    return steps if len(parts) == 2 and len(steps) == 2 and {s.role for s in steps} == {"work", "recovery"} else None


def run_walk_ratio(parts: tuple[Part, ...], total: Amount | None) -> tuple[Part, ...]:
    """``Run-walk 30 min: 2 min run, 1 min walk`` (or ``2 min run / 1 min walk``), as Galloway
    writes his intervals: one timed run and one timed walk that fit the total at least
    :data:`RATIO_LEAST` times are its ratio, repeated (``10 x (2 min run, 1 min walk)``); read as
    a sequence they were one run in half an hour of walking. Any other main set is as written."""
    steps = ratio_pair(parts)
    if not isinstance(total, Duration) or steps is None:
        return parts
    run, walk = (steps[0], steps[1]) if steps[0].role == "work" else (steps[1], steps[0])
    if run.target is None and walk.target is not None and walk.target.kind in ("race", "pace"):
        # "3 min run / 1 min walk @ MP + 120 s": a running pace is the run's ("@ brisk" may be the walk's)
        moved = (replace(run, target=walk.target), replace(walk, target=None))
        steps = moved if steps[0].role == "work" else moved[::-1]
    cycle = sum(s.amount.seconds for s in steps if isinstance(s.amount, Duration))
    count = int(total.seconds // cycle) if cycle else 0
    return (Repeat(count, tuple(steps)),) if count >= RATIO_LEAST else parts


_EASY_EFFORTS = frozenset({"easy", "very easy", "recovery", "conversational", "relaxed", "easy pace", "e", "e pace"})


def _easy(target: Target) -> bool:
    """An easy target, as a recovery's is: ``@ easy``, ``@ Z1``-``Z2``."""
    if target.kind == "zone":
        return (target.value or 9) <= 2
    return target.kind == "effort" and bool(target.efforts) and all(e.lower() in _EASY_EFFORTS for e in target.efforts)

