"""Words for quantities and sessions, in the reader's units: shared by every renderer.

Presentation only: nothing here decides anything about training. A session's title is
written so that the grammar reads it back as the same session (see the round-trip test).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from .i18n import N_, Words, gettext, lower_first, ngettext, number, pgettext, pgettext_noop
from .model import UNWRITTEN, Amount, Distance, Duration, Exercise, Ladder, Load, Part, Repeat, Session, SessionKind, Step, Target
from .units import format_clock, format_number, from_km, to_km
from .workout import times

RACE_NAMES = {5.0: N_("5K"), 10.0: N_("10K"), 15.0: N_("15K"), 21.1: N_("half marathon"), 42.2: N_("marathon")}


#: The plan language's step labels (``400 m jog``), as the plan's language writes them: each
#: translation is a word that language's grammar reads back as the same label (tests/test_i18n.py).
STEP_LABELS = Words({
    "walk/jog": pgettext_noop("step", "walk/jog"), "jog/walk": pgettext_noop("step", "jog/walk"),
    "jog back": pgettext_noop("step", "jog back"), "walk back": pgettext_noop("step", "walk back"),
    "jog down": pgettext_noop("step", "jog down"), "walk down": pgettext_noop("step", "walk down"),
    "easy jog": pgettext_noop("step", "easy jog"), "jog": pgettext_noop("step", "jog"),
    "walk": pgettext_noop("step", "walk"), "float": pgettext_noop("step", "float"),
    "easy": pgettext_noop("step", "easy"), "recovery": pgettext_noop("step", "recovery"),
    "standing rest": pgettext_noop("step", "standing rest"), "rest": pgettext_noop("step", "rest"),
    "hills": pgettext_noop("step", "hills"), "hill": pgettext_noop("step", "hill"),
    "uphill": pgettext_noop("step", "uphill"), "strides": pgettext_noop("step", "strides"),
    "uphill strides": pgettext_noop("step", "uphill strides"),
    "stride": pgettext_noop("step", "stride"), "pickups": pgettext_noop("step", "pickups"),
    "surges": pgettext_noop("step", "surges"), "sprints": pgettext_noop("step", "sprints"),
    "runs": pgettext_noop("step", "runs"), "run": pgettext_noop("step", "run"), "fast": pgettext_noop("step", "fast"),
    "hard": pgettext_noop("step", "hard"),
    "warm-up": pgettext_noop("step", "warm-up"), "cool-down": pgettext_noop("step", "cool-down"),
})


NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")


def number_word(number: int) -> str:
    """``3`` as ``three`` (one to twenty), any other as its digits."""
    return NUMBER_WORDS[number - 1] if 1 <= number <= len(NUMBER_WORDS) else str(number)


def label_text(label: str) -> str:
    """A step's label in the plan's language: ``jog`` is ``Trab`` in a German plan; a word of the author's stays."""
    return STEP_LABELS.get(label, label)


def distance_text(km: float, units: str, places: int = 1) -> str:
    return f"{number(format_number(from_km(km, units), places))} {units}"


def minutes_text(minutes: float) -> str:
    whole = int(minutes + 0.5)
    if whole < 60:
        return f"{whole} min"
    hours, rest = divmod(whole, 60)
    return f"{hours} h" if not rest else f"{hours} h {rest:02d} min"


def _duration_text(seconds: float, in_minutes: bool = False) -> str:
    """``90 s``, ``2 min``, ``2:30``; a minute as written: ``1 min`` or ``60 s``."""
    if seconds == 60 and in_minutes:
        return "1 min"
    if seconds < 120:
        return f"{format_number(seconds, 0)} s"
    if seconds % 60:
        return format_clock(int(seconds))
    return minutes_text(seconds / 60)


def range_text(low: str, high: str) -> str:
    """``5 mi`` and ``6 mi`` -> ``5–6 mi``: the unit once when both ends share it."""
    low_number, _, low_unit = low.partition(" ")
    if low_unit and high.partition(" ")[2] == low_unit and " " not in low_unit:
        return f"{low_number}–{high}"
    return f"{low}–{high}"


def amount_text(amount: Amount, units: str) -> str:
    """An amount in the reader's units (metres stay metres); a range as ``5–6 mi``."""
    if isinstance(amount, Duration):
        text = _duration_text(amount.seconds, amount.in_minutes and amount.high is None)
        return text if amount.high is None else range_text(text, _duration_text(amount.high))
    if amount.unit == "m":
        text = f"{format_number(amount.value, 0)} m"
        return text if amount.high is None else range_text(text, f"{format_number(amount.high, 0)} m")
    text = distance_text(amount.km, units)
    return text if amount.high is None else range_text(text, distance_text(amount.km_high, units))


def sets_text(count: float) -> str:
    """``32 sets``: the volume of a plan of strength work alone (see ``ExpandedPlan.by_sets``)."""
    whole = round(count)
    return ngettext("%(num)d set", "%(num)d sets", whole) % {"num": whole}


def reps_count_text(count: float) -> str:
    """``240 reps``: the repetitions of a week of strength work alone."""
    whole = round(count)
    return ngettext("%(num)d rep", "%(num)d reps", whole) % {"num": whole}


def strength_volume_text(sets: float, reps: float) -> str:
    """``32 sets · 240 reps`` (the sets alone when none is counted in reps): a week of strength
    work alone, where a deload of fewer reps leaves the sets as they were."""
    return f"{sets_text(sets)} · {reps_count_text(reps)}" if round(reps) else sets_text(sets)


def race_text(distance: Distance | Duration, units: str) -> str:
    """A race by its name (``half marathon``), or by its distance as written: a race is named by
    it (a 50K stays ``50 km`` in a miles plan, not ``31.1 mi``); a timed race by its time (``6 h``)."""
    if isinstance(distance, Duration):
        return amount_text(distance, units)
    name = RACE_NAMES.get(round(distance.km, 1)) if distance.high is None else None  # a range: "8–10 km"
    return gettext(name) if name else written_text(distance, units)


def written_text(amount: Amount, units: str) -> str:
    """A step's distance in the unit it was written in (6 x 1 km stays 1 km in a miles plan)."""
    if isinstance(amount, Distance) and amount.unit in ("km", "mi"):
        return amount_text(amount, amount.unit)
    return amount_text(amount, units)


# A pace as it is written alone: "6:00-6:40/km", "9:30 min/mi", "5:05 per km"
_PACE_ALONE = re.compile(r"(?i)\d{1,2}:[0-5]\d(?:\s*[-–]\s*\d{1,2}:[0-5]\d)?\s*(?:min\s*)?(?:/|per\s+)(?:km|mi|mile)")


def target_text(target: Target, units: str) -> str:
    """A target as written; a pace the coach wrote per km or per mile alone is in ``units``: a
    reader who reads the plan in miles sees ``@ 9:39–10:44/mi`` where the coach wrote ``@ 6:00-6:40/km``."""
    pace = target.pace
    if target.kind != "pace" or pace is None or pace.unit == units or not _PACE_ALONE.fullmatch(target.text.strip()):
        return target.text
    scale = to_km(1, units) / to_km(1, pace.unit)
    ends = [format_clock(math.floor(seconds * scale + 0.5)) for seconds in (pace.seconds, pace.slow) if seconds is not None]
    return f"{'–'.join(dict.fromkeys(ends))}/{units}"


def step_text(step: Step, units: str, written: bool = True, paces: bool = False) -> str:
    """``800 m @ 5K pace``, ``2 min jog``, ``jog`` (an open recovery). A repeat keeps the unit it
    was written in (``1 km`` reps in a miles plan); a continuous step (``written`` False) is in
    the reader's units, like the session's total."""
    text_of = written_text if written else amount_text
    words = [text_of(step.amount, units)] if step.amount is not None else []
    words += [step.said or label_text(step.label)] if step.label else []
    text = " ".join(words)
    if step.target is None:
        return text
    return f"{text} @ {target_text(step.target, units) if paces and not written else step.target.text}"


def count_text(repeat: Repeat) -> str:
    return f"{repeat.count}–{repeat.count_max}" if repeat.count_max is not None else str(repeat.count)


def _rung_text(amount: Amount, amounts: list[Amount | None], units: str) -> str:
    """A rung in the unit of the ladder: ``60 s`` is ``1 min`` in ``3-2-1 min``."""
    if isinstance(amount, Duration) and all(isinstance(a, Duration) and a.seconds % 60 == 0 for a in amounts):
        return f"{format_number(amount.seconds / 60, 0)} min"
    return written_text(amount, units)


def _rungs_text(ladder: Ladder, units: str) -> str | None:
    """``3-2-2-1 km @ 108, 109, 110, 112-115% MP``, when the rungs share a unit and a way of targets."""
    amounts = [rung.amount for rung in ladder.rungs]
    if any(a is None or a.high is not None for a in amounts):
        return None
    texts = [_rung_text(a, amounts, units) for a in amounts if a is not None]
    units_written = {text.partition(" ")[2] for text in texts}
    if len(units_written) != 1:
        return None
    text = "-".join(t.partition(" ")[0] for t in texts) + " " + units_written.pop()
    targets = [rung.target for rung in ladder.rungs]
    if all(t is None for t in targets):
        return text
    first = targets[0]
    if first is not None and all(t is not None and t.text == first.text for t in targets):
        return f"{text} @ {first.text}"
    shares = [t.text.split("%", 1) for t in targets if t is not None and t.kind == "race" and "%" in t.text]
    if len(shares) == len(targets) and len({rest.strip() for _, rest in shares}) == 1:
        return f"{text} @ " + ", ".join(value.strip() for value, _ in shares) + "% " + shares[0][1].strip()
    return None


def part_text(part: Part, units: str, top: bool = False, paces: bool = False) -> str:
    """One part of a main set, as the grammar reads it back; ``top``: a step of the main set itself;
    ``paces``: its pace in ``units`` (see :func:`target_text`)."""
    if isinstance(part, Step):
        return step_text(part, units, written=not top, paces=paces)
    if isinstance(part, Ladder):
        compact = _rungs_text(part, units)
        if compact is None:  # rungs of different units or targets: step by step
            steps: list[Part] = []
            for index, rung in enumerate(part.rungs):
                steps += [rung] if index == 0 or part.between is None else [part.between, rung]
            return parts_text(tuple(steps), units)
        return compact + (f" {_with()} {step_text(part.between, units)}" if part.between is not None else "")
    inner = part.steps
    if len(inner) == 1 and isinstance(inner[0], Step) and inner[0].note == UNWRITTEN and part.between is None:
        target = f" @ {inner[0].target.text}" if inner[0].target is not None else ""  # "+ 6 strides @ R"
        return f"{count_text(part)} {inner[0].said or label_text(inner[0].label)}{target}"  # "+ 4 strides": no length the coach did not write
    body = step_text(inner[0], units) if len(inner) == 1 and isinstance(inner[0], Step) else f"({parts_text(inner, units)})"
    text = f"{count_text(part)} x {body}"
    return text + (f" {_with()} {step_text(part.between, units)}" if part.between is not None else "")


def _seconds_after_target(before: Part, text: str) -> bool:
    return isinstance(before, Step) and before.target is not None and re.match(r"[\d.]+(?:[-–][\d.]+)? s(?![a-z])", text) is not None


def parts_text(parts: tuple[Part, ...], units: str, top: bool = False, paces: bool = False) -> str:
    """Continuous work steps joined by ``+`` (``5 mi @ 90% MP + 5 mi @ 92% MP``), other steps by
    ``,`` (``8 min walk, 5 min jog``) and sets by ``, then``."""
    if all(isinstance(p, Step) and p.role == "work" for p in parts):
        texts = [part_text(p, units, top, paces) for p in parts]
        # "@ MP + 20 s" would read as an offset from marathon pace: a comma keeps the steps apart
        joiners = [", " if _seconds_after_target(parts[i - 1], texts[i]) else " + " for i in range(1, len(parts))]
        return texts[0] + "".join(j + t for j, t in zip(joiners, texts[1:], strict=True))
    text = ""
    for index, part in enumerate(parts):
        if index:
            sets = not isinstance(part, Step) or not isinstance(parts[index - 1], Step)
            text += pgettext("plan language", ", then ") if sets else ", "
        text += part_text(part, units, top, paces)
    return text


def load_text(load: Load) -> str:
    if load.kind == "bodyweight":
        return pgettext("plan language", "bodyweight")
    if load.kind == "percent":
        return f"{number(format_number(load.value or 0, 1))}% {'TM' if load.training_max else '1RM'}"
    if load.kind == "rpe" and load.rir:  # reps in reserve, as written: 10 - RPE
        few = f"{number(format_number(10 - load.top, 1))}–" if load.top is not None else ""
        return f"{few}{number(format_number(10 - (load.value or 0), 1))} RIR"
    if load.kind == "rpe":
        top = f"–{number(format_number(load.top, 1))}" if load.top is not None else ""
        return f"RPE {number(format_number(load.value or 0, 1))}{top}"
    each = f" {load.each}" if load.each and not load.each.startswith("/") else load.each  # "16 kg each hand", "16 kg/hand"
    return f"{number(format_number(load.value or 0, 2))} {load.unit}{each}"  # "32,5 kg" in a German plan


def reps_text(exercise: Exercise) -> str:
    """``8``, ``8–12``, ``5+``, ``AMRAP``, ``45 s``, ``30–45 s``."""
    if exercise.amrap and not exercise.reps:
        return "AMRAP"
    reps, top, unit = exercise.reps, exercise.reps_max, str(exercise.rep_unit)
    if unit == "s" and reps >= 120 and reps % 60 == 0 and (top is None or top % 60 == 0):
        reps, top, unit = reps // 60, top // 60 if top is not None else None, "min"  # "4x10 min", as written, not "4x600 s"
    count = f"{reps}–{top}" if top is not None else str(reps)
    count += "+" if exercise.amrap else ""
    return count if unit == "reps" else f"{count} {unit}"


def exercise_text(exercise: Exercise) -> str:
    sets = f"{exercise.sets}–{exercise.sets_max}" if exercise.sets_max is not None else str(exercise.sets)
    text = f"{exercise.name} {sets}x{reps_text(exercise)}{exercise.side}"
    text += f" @ {load_text(exercise.load)}" if exercise.load is not None else ""
    text += f", {load_text(exercise.effort)}" if exercise.effort is not None and exercise.load is not None else ""
    return text + (f" ({exercise.comment})" if exercise.comment else "")


def as_written(session: Session, units: str) -> str:
    """A session as the coach wrote it, for "Written as": a strength session by its exercises."""
    if session.exercises:
        return "; ".join(exercise_text(e) for e in session.exercises)
    return session_title(session, units)


def _label(session: Session) -> str:
    label = session.label
    return pgettext("plan language", "Rest or %(session)s") % {"session": lower_first(label)} if session.counted else label


def _session_length(amount: Amount, units: str) -> str:
    """A whole session's length: under ten minutes with seconds as ``7 min 30 s``, since a
    session written ``7:30`` reads as hours meant (``Long run 2:30``)."""
    if isinstance(amount, Duration) and any(t is not None and 120 <= t < 600 and t % 60 for t in (amount.seconds, amount.high)):
        ends = [minutes_and_seconds(t) for t in (amount.seconds, amount.high) if t is not None]
        return "–".join(ends)
    return amount_text(amount, units)


def minutes_and_seconds(seconds: float) -> str:
    """``7 min 30 s``, ``9 min``; a whole session's length, never ``7:30`` (see :func:`_session_length`)."""
    if seconds < 120 or seconds % 1:
        return _duration_text(seconds)
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes} min {rest} s" if rest else minutes_text(minutes)


def _lengths(session: Session, total: Amount, units: str) -> str:
    """``5 mi``, or ``5 mi or 45 min`` for a run written with its other length."""
    if session.alternative is None:
        return _session_length(total, units)
    other = pgettext("plan language", "or")  # outside the f-string: pybabel finds no call inside one
    return f"{_session_length(total, units)} {other} {_session_length(session.alternative, units)}"


def session_title(session: Session, units: str, paces: bool = False) -> str:
    """``Intervals 7 mi: 6 x 800 m @ 5K pace w/ 400 m jog`` — without notes or comment. ``paces``:
    a pace the coach wrote in the other unit is in ``units`` too (the page's other unit system),
    else as written, as the grammar reads it back."""
    kind = session.kind
    if kind is SessionKind.RACE:
        if not session.main:
            return _race_title(session, units, paces)
        # "Tune-up race 12 mi with 8K-15K @ race pace": the race inside a longer run
        with_word = pgettext("plan language", "with")
        return f"{_race_title(session, units, paces)} {with_word} {parts_text(session.main, units, True, paces)}"
    text = _label(session)
    if session.total is not None:
        text += f" {_lengths(session, session.total, units)}"
    if session.target is not None and session.main:
        text += f" @ {_target(session.target, units, paces)}"  # before the main set, which may end in a recovery
    if session.main:
        sets = not isinstance(session.main[0], Step)
        # a target ends at "with"; steps after "with" are the main set, not a total
        with_word = pgettext("plan language", "with")
        joiner = f" {with_word} " if session.target is not None or not sets else ": " if session.total is not None else " "
        if session.main_last:
            # outside the f-string: pybabel finds no call inside one; a time has its own (French: "les dernières 15 min")
            timed = isinstance(session.main[0], Step) and isinstance(session.main[0].amount, Duration)
            last = pgettext("plan language, before a time", "the last") if timed else pgettext("plan language", "the last")
            joiner = f" {with_word} {last} "
        text += joiner + parts_text(session.main, units, True, paces)
    if session.target is not None and not session.main:
        text += f" @ {_target(session.target, units, paces)}"
    if session.strides is not None:
        text += f" + {part_text(session.strides, units)}"
    return _optional() + text if session.optional and not session.counted else text


# A day's focus as coaches name a split's days: one to three words, capitalised, no figures ("Lower", "Full body")
_FOCUS = re.compile(r"(?=[^\W\d_])(?-i:[^\W\d_a-z])[^\W\d_ '-]*(?:[ '-][^\W\d_]+){0,2}")


def day_focus(session: Session) -> str:
    """A strength day's focus, as a coach names the days of a split in its comment ("Strength — Lower",
    "— Push A", "— Full body"); "" for any other comment."""
    return session.comment if session.kind is SessionKind.STRENGTH and _FOCUS.fullmatch(session.comment) else ""


def _target(target: Target, units: str, paces: bool) -> str:
    return target_text(target, units) if paces else target.text


def _race_title(session: Session, units: str, paces: bool = False, targeted: bool = True) -> str:
    """``Race 10K``, in the coach's word: ``Tune-up race 10K``, ``Time trial 5K``; ``targeted``:
    with its target (``@ goal pace``), which a calendar's summary leaves to the description."""
    total = race_text(session.total, units) if isinstance(session.total, (Distance, Duration)) else ""
    if total and session.alternative is not None:  # "Race 100 mi or 30 h": its cut-off, as written
        other = pgettext("plan language", "or")  # outside the f-string: pybabel finds no call inside one
        total += f" {other} {_session_length(session.alternative, units)}"
    target = f" @ {_target(session.target, units, paces)}" if session.target is not None and targeted else ""
    race = pgettext("plan language", "Race")  # outside the f-string: pybabel finds no call inside one
    return f"{session.name or race} {total}".strip() + target


def short_title(session: Session, units: str) -> str:
    """Kind and size only, for calendar summaries: ``Tempo 5 mi``, ``Race half marathon``."""
    kind = session.kind
    if kind is SessionKind.RACE:
        return _race_title(session, units, targeted=False)
    prefix = _optional() if session.optional and not session.counted else ""
    label = _label(session)
    if session.total is not None:
        return f"{prefix}{label} {_lengths(session, session.total, units)}"
    if len(session.main) > 1 and (size := _parts_size(session.main)) is not None:  # Daniels' "2 mi @ E + 4 x 1 mi @ T + 2 mi @ E"
        return f"{prefix}{label} {_session_length(size, units)}"
    first = session.main[0] if session.main else None
    if isinstance(first, Repeat) and len(first.steps) == 1 and isinstance(first.steps[0], Step) and first.steps[0].amount:
        return f"{prefix}{label} {count_text(first)} x {written_text(first.steps[0].amount, units)}"
    if kind is SessionKind.STRENGTH and session.exercises:
        count = len(session.exercises)
        exercises = ngettext("%(num)d exercise", "%(num)d exercises", count) % {"num": count}
        focus = f" — {day_focus(session)}" if day_focus(session) else ""
        return f"{prefix}{label}{focus} ({exercises})"
    return prefix + label


def _parts_size(main: tuple[Part, ...]) -> Amount | None:
    """What parts written without a total add up to: their distance when every step but a
    standing rest (no distance) is measured so, their time when every step is; else None."""
    steps = list(times(main))
    units = [step.amount.unit for step, _ in steps if isinstance(step.amount, Distance)]
    if units and all(isinstance(step.amount, Distance) or (step.role == "rest" and step.amount is not None) for step, _ in steps):
        km = sum(count * step.amount.km for step, count in steps if isinstance(step.amount, Distance))
        unit = units[0] if units[0] in ("km", "mi") else "km"  # 400 m repeats between miles: a total in miles
        return Distance(round(from_km(km, unit), 2), unit)
    if all(isinstance(step.amount, Duration) for step, _ in steps):
        return Duration(sum(count * step.amount.seconds for step, count in steps if isinstance(step.amount, Duration)))
    return None


def sheet_title(session: Session, units: str) -> str:
    """:func:`short_title` with a simple main set's size and effort, for the one-page sheet:
    "Fartlek 3.5 mi: 6 x 60 s @ 5K pace" (a deload's week differs from the week it comes from by
    its repeats, not its total), "Tempo 9 km with 4 km @ threshold"; a quality session without a
    main set keeps its effort ("Tempo 45 min @ T"). An easy or long run's is its kind's; strides
    are said ("Easy 3 mi + 4 x 20 s strides"), and a run's climbing ("Long run 7 h, 7,000 ft D+")."""
    text = _sheet_main(session, units)
    text += f" + {part_text(session.strides, units)}" if session.strides is not None else ""
    climb = CLIMB_TEXT.search(session.comment)  # a trail run's climbing, the other half of its size
    return f"{text}, {climb[1]}{climb[2]}{climb[3]} D+" if climb else text


def _sheet_main(session: Session, units: str) -> str:
    if session.kind is SessionKind.RACE:  # with its target: the sheet is the runner's plan for the day
        return _race_title(session, units)
    text = short_title(session, units)
    if session.total is None or len(session.main) != 1:
        return text + _effort(session.target) if session.kind.is_quality and not session.main else text
    part = session.main[0]
    if isinstance(part, Repeat) and len(part.steps) == 1 and isinstance(part.steps[0], Step) and part.steps[0].amount:
        return f"{text}: {count_text(part)} x {written_text(part.steps[0].amount, units)}{_effort(part.steps[0].target)}"
    if isinstance(part, Step) and part.amount is not None:
        with_word = pgettext("plan language", "with")
        if session.main_last:  # "with the last 4 km": a fast finish, not a block anywhere in the run
            timed = isinstance(part.amount, Duration)
            with_word += " " + (pgettext("plan language, before a time", "the last") if timed else pgettext("plan language", "the last"))
        return f"{text} {with_word} {written_text(part.amount, units)}{_effort(part.target or session.target)}"
    return text


# Climbing a comment gives a run: "— 6,000 ft D+", "— 1200 m of climbing" (not "6 x 100 m uphill strides")
CLIMB_TEXT = re.compile(r"(?i)(?<![\d.,])(?<![x×]\s)(\d{1,3}(?:,\d{3})+|\d+)(\s*)(m|ft)\b"
                        r"(?=\s*(?:d\+|of climbing|climbing|of gain|gain|vert|elevation))")


def _effort(target: Target | None) -> str:
    return f" @ {target.text}" if target is not None else ""


_ROLE_NAMES = Words({"warmup": N_("Warm-up"), "cooldown": N_("Cool-down")})


def _with() -> str:
    """The connector before a recovery: ``w/`` (a German plan reads ``mit``, a Dutch one ``met``)."""
    return pgettext("plan language", "w/")


def _optional() -> str:
    return pgettext("plan language", "Optional: ")


def needs_steps(session: Session, workout: tuple[Part, ...]) -> bool:
    """True when a session's main set is more than one line of a title says plainly: several
    parts, several steps a repeat, nested repeats or a ladder; and the whole workout is more than
    that set (a list of one line would repeat the title: 'Long run 3 h: 6 x (25 min, 5 min walk)')."""
    main = session.main
    if len(workout) <= 1:
        return False
    return len(main) > 1 or any(
        isinstance(p, Ladder) or (isinstance(p, Repeat) and (len(p.steps) > 1 or not isinstance(p.steps[0], Step)))
        for p in main)


def workout_lines(workout: tuple[Part, ...], units: str) -> list[str]:
    """The whole workout, a line a part: ``Warm-up 1.8 km``, ``3 x 2 km @ 108% MP w/ 4 min jog``, ``Cool-down 1.8 km``."""
    lines = []
    for part in workout:
        if isinstance(part, Step) and part.role in _ROLE_NAMES:
            # "Warm-up 1 mi", not "Warm-up 1 mi warm-up" for one written in the main set
            said = replace(part, label="") if part.label in ("warm-up", "cool-down") else part
            text = step_text(said, units, written=False)
            length = said.amount
            if isinstance(length, Duration) and length.high is None and length.seconds >= 120 and length.seconds % 60:
                # the rest of a timed session, to the second: "18 min 30 s", as a short session is shown (never "18:30")
                text = text.replace(format_clock(int(length.seconds)), minutes_and_seconds(length.seconds), 1)
            lines.append(f"{_ROLE_NAMES[part.role]} {text}".strip())
        else:
            lines.append(part_text(part, units, top=True))
    return lines
