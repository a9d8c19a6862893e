"""Prescriptions inside a session: strength exercises (``Back squat 3x8 @ 100 lb``) and their
loads; targets (``@ 5K pace``) are read by :mod:`generator.source.targets`."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from ..errors import Collector
from ..model import Exercise, Load, RepUnit, Source
from .loads import RPE, parse_load, rpe_load
from .targets import parse_target
from .words import LEXICONS

_REP_UNIT = r"reps?|s|secs?|seconds?|min|mins|minutes?|m|meters?|metres?"
# Minutes and seconds as marks, as French, German and Spanish plans write holds ("Gainage 3 x 45''",
# "Chaise 3 x 1'30''"): in a plan of those languages, marks written on the figures (see :func:`marks_as_units`).
_MARK_CLOCK = re.compile(r"(?<![\d.])(\d{1,2})['′]([0-5]\d)(?:''|″)?(?![\w'′″])")
_MARK_SECONDS = re.compile(r"(?<![\d.])(\d{1,3})(?:''|″)(?![\w'′″])")
_MARK_MINUTES = re.compile(r"(?<![\d.])(\d{1,2})['′](?![\w'′″])")


def marks_as_units(text: str) -> str:
    """``45''`` as ``45 s``, ``1'`` as ``1 min``, ``1'30''`` as ``90 s``: only a mark written on its figures
    (``'slow'`` in quotes stays as written)."""
    if "'" not in text and "′" not in text and "″" not in text:
        return text
    text = _MARK_CLOCK.sub(lambda m: f"{int(m[1]) * 60 + int(m[2])} s", text)
    return _MARK_MINUTES.sub(r"\1 min", _MARK_SECONDS.sub(r"\1 s", text))
# Reps of each side, as coaches write them: "3x8/leg", "3x8 each", "3x30 s per side", "3x8 je Seite".
_SIDE = (r"\s*/\s*[^\W\d_]{1,12}(?![\w])|\s+(?:each(?:\s+(?:side|leg|arm|way))?|(?:per|a)\s+(?:side|leg|arm)"
         r"|(?:je|pro)\s+(?:Seite|Bein|Arm)|par\s+(?:côté|jambe|bras)|de\s+chaque\s+côté"
         r"|por\s+(?:lado|pierna|brazo)|(?:per|elke)\s+(?:kant|been|arm))(?![\w])")
# A load written without '@' right after the reps: "3x8 50 kg", "3x8 bodyweight", "3 x 8 PDC".
_BODY = r"(?:body\s*weight|bw|" + "|".join(re.escape(w) for lex in LEXICONS.values() for w in lex.bodyweight) + r")(?![\w])"
_BARE_LOAD = (r"\d+(?:\.\d+)?\s*(?:kg|lbs?|%(?:\s*tm)?)(?![\w])|" + _BODY
              + r"|rpe\s*\d{1,2}(?:\.\d)?(?:\s*[-–]\s*\d{1,2}(?:\.\d)?)?(?![\w.])"  # "Squat 3x5 RPE 8"
              + r"|(?:rir\s*\d(?:\s*[-–]\s*\d)?|\d(?:\s*[-–]\s*\d)?\s*rir)(?![\w])")
# '@' in the plan languages' words for a load: "3 x 10 à 12 kg", "3x10 a peso corporal", "3x10 op 20 kg".
_AT = r"(?:@\s*|at\s*|(?:à|a|al|op)\s+(?=\d|rpe|rir|" + _BODY + r"))"
# Reps as a count (8), a range (8-12), a floor to go beyond (5+), or as many as possible (AMRAP, max reps).
EXERCISE_LINE = re.compile(
    r"(?i)^(?P<name>[^@\n]{1,60}?)\s\d+(?:\s*[-–]\s*\d+)?\s*(?:[x×]|sets?\s+of)\s*"
    r"(?:\d+(?:\s*[-–]\s*\d+)?\s*\+?\s*(?:" + _REP_UNIT + r")?|amrap|max\s+reps)(?:" + _SIDE + r")?"
    r"\s*(?:$|@|at\s|\(|—|–|--|,(?!\d)(?![^\n]*\d\s*[x×]\s*\d)|" + _AT + "|" + _BARE_LOAD + r"|[^\W\d_])"
)
_EXERCISE = re.compile(
    r"(?i)^(?P<name>.*?\S)\s*[:\-–]?\s+(?P<sets>\d{1,6})(?:\s*[-–]\s*(?P<sets_max>\d{1,6}))?\s*(?:[x×]|sets?\s+of)\s*"
    r"(?:(?P<reps>\d{1,6})(?:\s*[-–]\s*(?P<reps_max>\d{1,6}))?(?!\d)(?P<plus>\s*\+)?"
    r"\s*(?P<unit>" + _REP_UNIT + r")?|(?P<amrap>amrap|max\s+reps))(?![\w])(?P<side>" + _SIDE + r")?"
    r"\s*(?:" + _AT + r"(?P<load>.*?)|(?P<bare>" + _BARE_LOAD + r")|(?P<words>(?![^@,;]*?(?:\d\s*(?:kg|lbs?|%)|\brpe\b|\brir\b))[^\W\d_][^@,;]*?))?\s*$"
)  # words after the reps, without a load, are the exercise's comment: "Pogo jumps 2x30 contacts"
# What a sub-bullet that is meant as an exercise but cannot be read looks like (else it is a
# note): it starts with a name (not an instruction such as "Work up to…", "Add…", "Ramp up:")
# and goes on with the shape of one: a load after '@' that ends the line ("Back squat top single
# @ 140 kg", "Squat 5/5/5 @ 100 kg"), sets x reps followed by more numbers ("3x8x50kg", "3x8+8",
# "3x1:00") or by a unit that counts no reps ("3x1 h"), or a weight before its sets ("Back squat
# 50 kg 3x8", "Squat 100 kg for 5x5"). A note that names a weight or an effort in a sentence
# ("Back-off sets @ 50% of the working weight") stays a note.
_SETS_REPS = r"(?<![\w.])\d+\s*[x×]\s*\d+"
_WEIGHT = r"\d\s*(?:kg|lbs?)(?![\w])"
_INSTRUCTION = (r"work|add|adds|ramp|build|finish|use|keep|rest|take|do|then|start|increase|drop|go|aim|stay|if|when"
                r"|repeat|superset|alternate|pick|choose|focus|warm|cool|note|optional|try|bonus|finisher|between|after"
                r"|before|extra")
_INSTRUCTION_START = re.compile(r"(?i)\s*(?:" + _INSTRUCTION + r")\b")
_NAME = r"^(?!(?:" + _INSTRUCTION + r")\b)[^\W\d][^\d@\n]{0,40}?"
_CLEAN_LOAD = r"@\s*(?:\d+(?:\.\d+)?\s*(?:kg|lbs?|%)|bw|body\s*weight|bodyweight|rpe\s*\d|rir\s*\d|\d(?:\s*[-–]\s*\d)?\s*rir)[^\w%]*(?:$|\(|—|–|--|,|;|rpe|rir)"
# What makes a line with a load an exercise's: a count of sets or reps, or a set named as such
# ("Deadlift x5 @ 140 kg", "Squat 5/5/5 @ 100 kg", "Back squat: 5 reps @ 100 kg", "top single");
# "Last set @ RPE 9", "Each set @ 60%" and "Heavy singles @ 90%" are notes.
_STRENGTH_SHAPE = (r"(?:\btop\s+(?:single|set)\b|(?<![\w.])[x×]\s*\d|\d+\s*(?:reps?|wdh|herh|rép|rep|rm)\b|\d+\s*[x×]|"
                   r"\d+(?:\s*[/,\-–]\s*\d+)+|\d+\s*(?:sets?|sätze|séries|series|sets)\b|\d+\s*(?=@))")
_LIKE_EXERCISE = re.compile(
    r"(?i)^@|^\d+\s*[x×]\s*\d|" + _NAME + r"(?:\s|:|-)(?:"
    r"[^@]*?" + _STRENGTH_SHAPE + r"[^@]*" + _CLEAN_LOAD
    + r"|[^@]*?\d+\s*[x×]\s*max\b"
    r"|[^@]*@\s*\d+(?:\.\d+)?\s*(?:kg|lbs?|%)\s+(?:for\s+)?\d"
    + r"|[^@]*?" + _SETS_REPS + r"(?:\s*[x×+:]\s*\d|\s*(?:h|hrs?|hours?|km|mi|yd|ft|cm)(?![\w]))"
    r"|.*?" + _WEIGHT + r".*?" + _SETS_REPS + ")")
# A name is words: a weight or sets x reps before the sets ("Add 2.5 kg when you make 3x5") is a note.
_NAME_WITH_NUMBERS = re.compile(r"(?i)" + _WEIGHT + "|" + _SETS_REPS + "|,")


def looks_like_exercise(text: str) -> bool:
    """Whether a strength session's sub-bullet is meant as an exercise: it reads as one, or has
    a load or a shape of one that cannot be read (an error then, never a note left undeloaded)."""
    if ramp_sets(text) is not None or _RAMP_NO_UNIT.match(text):
        return True
    line = EXERCISE_LINE.match(text)
    if line is not None and _NAME_WITH_NUMBERS.search(line["name"]) is None and (
            _INSTRUCTION_START.match(line["name"]) is None or "@" in text):  # "Superset with 4x8 push-ups": a note
        return True
    return _LIKE_EXERCISE.search(text) is not None or _TWO_EXERCISES.search(text) is not None


# Two exercises joined on one line: "Superset: Push-up 3x10 + Inverted row 3x10".
_TWO_EXERCISES = re.compile(r"(?i)" + _SETS_REPS + r"[^+&]*?\s(?:\+|&)\s*[^\W\d][^\d+&]*?" + _SETS_REPS)


_EFFORT_RPE = re.compile(r"(?i)^(?:@\s*)?" + RPE + r"\s*$")
# "60 kg RPE 7", "75% 1RM RIR 2", "bodyweight 2 RIR": a load and its effort (RPE) or reps in reserve.
_LOAD_AND_EFFORT = re.compile(r"(?i)^(?P<weight>\d+(?:\.\d+)?\s*(?:kg|lbs?|%(?:\s*(?:of\s*)?(?:1\s*rm|tm))?)|body\s*weight|bw)"
                              r"\s*,?\s*(?P<effort>(?:@\s*)?(?:rpe|rir)\s*\d.*|\d+(?:\s*[-–]\s*\d+)?\s*rir\b.*)$")
# A comma that ends an exercise or its load and starts its comment ("Calf raise 3x12, RIR 2",
# "@ 80 kg, tempo 3-1-1-0"); not a decimal comma ("52,5 kg").
_TAIL = re.compile(r"\s*,(?!\d)\s*")


_COMMENT_SEPARATOR = re.compile(r"\s+(?:—|–|--)\s+")
_RANGE_BEFORE = re.compile(r"\d\s*[x×]\s*\d+$")
_RANGE_AFTER = re.compile(r"\d+(?!\d)\s*(?:" + _REP_UNIT + r")?(?![\w])\s*\+?\s*(?:$|@|at\s|\(|;)", re.I)


def comment_separator(text: str) -> re.Match[str] | None:
    """The first `` — `` (or `` – ``, `` -- ``) that starts a free comment. An en dash inside a
    rep range (``3x8 – 12``, as editors turn ``8 - 12``) is part of the range, not a comment."""
    for match in _COMMENT_SEPARATOR.finditer(text):
        in_range = (match.group().strip() == "–" and _RANGE_BEFORE.search(text, 0, match.start()) is not None
                    and _RANGE_AFTER.match(text, match.end()) is not None)
        if not in_range:
            return match
    return None


# Sets at rising loads written on one line, as 5/3/1 and percentage programmes write them: one
# exercise a load ("Squat 5/5/5+ @ 65/75/85%", "Squat 65% x 5, 75% x 5, 85% x 5+", "Squat 3x5+ @ 65%, 75%, 85%").
_RAMP_OF = r"(?:\s*(?:of\s*)?(?:1\s*rm|tm|training\s+max))"  # "75% TM", "75% of 1RM"
_RAMP_LOAD = r"\d+(?:\.\d+)?\s*(?:%" + _RAMP_OF + r"?|kg|lbs?)"
_RAMP_NAME = r"(?P<name>[^\W\d][^\d@\n]{0,40}?\S)\s*:?\s+"
_RAMP_SLASHES = re.compile(r"(?i)^" + _RAMP_NAME + r"(?P<reps>\d{1,3}\s*\+?(?:\s*/\s*\d{1,3}\s*\+?)+)\s*@\s*"
                           r"(?P<loads>\d+(?:\.\d+)?\s*(?:%|kg|lbs?)?(?:\s*/\s*\d+(?:\.\d+)?\s*(?:%|kg|lbs?)?)+)"
                           r"(?P<of>" + _RAMP_OF + r")?\s*$")
_RAMP_PAIRS = re.compile(r"(?i)^" + _RAMP_NAME + r"(?P<sets>" + _RAMP_LOAD + r"\s*[x×]\s*\d{1,3}\s*\+?"
                         r"(?:\s*,\s*" + _RAMP_LOAD + r"\s*[x×]\s*\d{1,3}\s*\+?)+)\s*$")
_RAMP_LOADS = re.compile(r"(?i)^" + _RAMP_NAME + r"(?P<count>\d{1,2})\s*[x×]\s*(?P<reps>\d{1,3})\s*(?P<plus>\+)?\s*@\s*"
                         r"(?P<loads>" + _RAMP_LOAD + r"(?:\s*,\s*" + _RAMP_LOAD + r")+)\s*$")


# A ramp whose loads have no unit ("Press 5/5/5+ @ 65/75/85"): meant as exercises, an error to fix.
_RAMP_NO_UNIT = re.compile(r"(?i)^" + _RAMP_NAME + r"\d{1,3}\s*\+?(?:\s*/\s*\d{1,3}\s*\+?)+\s*@\s*"
                           r"\d+(?:\.\d+)?(?:\s*/\s*\d+(?:\.\d+)?)+\s*$")


def ramp_sets(text: str) -> list[str] | None:
    """A line of sets at rising loads as one line a load ('Squat 1x5 @ 65%', …), the same sets in
    a row joined ('Squat 2x5 @ 65%'), and any comment on the first; None for any other line. With
    sets x reps and fewer or more loads than sets, the line is left as it is (its error says why)."""
    clean, comment = text, ""
    if (split := comment_separator(clean)) is not None:
        clean, comment = clean[:split.start()], clean[split.start():]
    elif (paren := re.search(r"\s*\([^()]*\)\s*$", clean)) is not None:
        clean, comment = clean[:paren.start()], clean[paren.start():]
    sets: list[tuple[str, str]] = []  # (reps, load)
    if match := _RAMP_SLASHES.match(clean):
        reps = [r.replace(" ", "") for r in match["reps"].split("/")]
        loads = [load.strip() for load in match["loads"].split("/")]
        unit = re.search(r"(?i)(%|kg|lbs?)$", loads[-1])
        if len(reps) != len(loads) or unit is None:
            return None
        of = match["of"] or ""
        sets = [(r, (load if re.search(r"(?i)[a-z%]$", load) else load + unit[1]) + of) for r, load in zip(reps, loads, strict=True)]
        sets = [(r, _spaced(load)) for r, load in sets]  # "100kg" and "100 kg" are one load: sets of it in a row join
    elif match := _RAMP_PAIRS.match(clean):
        for pair in match["sets"].split(","):
            weight, _, count = re.split(r"\s*([x×])\s*", pair.strip(), maxsplit=1)
            sets.append((count.replace(" ", ""), weight))
    elif (match := _RAMP_LOADS.match(clean)) and int(match["count"]) == len(loads := match["loads"].split(",")):
        plain = [(match["reps"], load.strip()) for load in loads]
        sets = [*plain[:-1], (match["reps"] + ("+" if match["plus"] else ""), plain[-1][1])]  # Wendler's '+': the last set
    else:
        return None
    if len({re.sub(r"[\d.\s]", "", weight).lower() for _, weight in sets}) > 1:
        return None  # "2x5 @ 100 kg, 75%": no ramp of one kind of load (said by parse_exercise)
    lines: list[str] = []
    for (count, weight), run in itertools.groupby(sets):
        lines.append(f"{match['name'].strip()} {len(list(run))}x{count} @ {weight}")
    lines[0] += comment
    return lines


def _spaced(load: str) -> str:
    """``100kg`` as ``100 kg``, ``75 %`` as ``75%``: one load written two ways is one."""
    load = re.sub(r"(?i)(\d)\s*(kg|lbs?)\b", r"\1 \2", load.strip())
    return re.sub(r"(\d)\s+%", r"\1%", load)


def parse_exercises(text: str, line: int, col: int, errors: Collector,
                    columns: Callable[[int], int] | None = None) -> list[Exercise] | None:
    """A line's exercises: one (:func:`parse_exercise`), or one a load of a ramp (:func:`ramp_sets`),
    each at the line's column; None after an error."""
    pieces = ramp_sets(text)
    if pieces is None:
        exercise = parse_exercise(text, line, col, errors, columns)
        return None if exercise is None else [exercise]
    found = [parse_exercise(piece, line, col, errors) for piece in pieces]
    return None if any(e is None for e in found) else [e for e in found if e is not None]


_REST_AFTER = re.compile(r"(?i)\s+(?:w/|with)\s*(?P<rest>\d+(?:[.,]\d+)?\s*(?:min(?:ute)?s?|'|s|sec(?:ond)?s?)\s+rest)\s*$")


def parse_exercise(text: str, line: int, col: int, errors: Collector,
                   columns: Callable[[int], int] | None = None) -> Exercise | None:
    """``Back squat 3x8 @ 100 lb`` -> :class:`Exercise`; ``col`` is the file column of ``text``.
    A squeezed line (see :mod:`generator.source.squeeze`) gives ``columns``, which maps an
    index in ``text`` to its file column."""
    if columns is None:
        columns = col.__add__
    clean = text.replace("*", " ").replace("`", " ")
    comment = ""
    if (split := comment_separator(clean)) is not None:
        clean, comment = clean[:split.start()], clean[split.end():].strip()
    if (paren := re.search(r"\s*\(([^()]*)\)\s*$", clean)) is not None:
        clean, comment = clean[:paren.start()], " — ".join(filter(None, [paren[1].strip(), comment]))
    if (rest := _REST_AFTER.search(clean)) is not None:  # "… @ 90 kg w/ 3 min rest": the watch's rest, in the comment
        clean, comment = clean[:rest.start()], " — ".join(filter(None, [rest["rest"], comment]))
    match = _EXERCISE.match(clean) if not _TWO_EXERCISES.search(clean) else None
    tail = ""
    if match is None and (comma := _TAIL.search(clean)) is not None and (head := _EXERCISE.match(clean[:comma.start()])):
        match, tail = head, clean[comma.end():].strip()  # "Calf raise 3x12, RIR 2": the words after the comma are said
    if not match or re.search("(?i)" + _WEIGHT + "|" + _SETS_REPS + "|@", match["name"]):
        errors.error(line, col, _unreadable(clean.strip(), text))
        return None
    if match["words"] and re.search(_SETS_REPS, match["words"]):  # "Squat 3x5 then 2x10": back-off sets
        errors.error(line, col, f"one set of sets and reps a line: write '{match['name'].strip()} "
                                f"{re.search(_SETS_REPS + r'.*', match['words'])[0].strip()}' on a line of its own")  # type: ignore[index]
        return None
    if match["words"]:
        comment = " — ".join(filter(None, [match["words"].strip(), comment]))
    set_counts = _set_counts(match, line, columns, errors)
    counts = _rep_counts(match, line, columns, errors) if set_counts is not None else None
    if set_counts is None or counts is None:
        return None
    (sets, sets_max), (reps, reps_max, rep_unit, amrap) = set_counts, counts
    loads = _loads(match, tail, sets, line, col, columns, errors)
    if loads is None:
        return None
    load, effort, tail = loads
    if tail:
        comment = " — ".join(filter(None, [tail, comment]))
    side = re.sub(r"\s+", " ", match["side"] or "").replace(" /", "/").replace("/ ", "/").rstrip()
    return Exercise(match["name"].strip(" :-–"), sets, reps, rep_unit, load, Source(errors.file, line, col), comment,
                    reps_max, amrap, side, effort, sets_max)


def _set_counts(match: re.Match[str], line: int, columns: Callable[[int], int],
                errors: Collector) -> tuple[int, int | None] | None:
    """The sets, and the top of a range of them, from an exercise match; None after an error."""
    sets = int(match["sets"])
    sets_max = int(match["sets_max"]) if match["sets_max"] else None
    for value, group in ((sets, "sets"), (sets_max, "sets_max")):
        if value is not None and not 1 <= value <= 20:
            errors.error(line, columns(match.start(group)), f"{value} sets is not plausible; expected 1 to 20")
            return None
    if sets_max is not None and sets_max <= sets:
        errors.error(line, columns(match.start("sets")), f"a range goes from fewer to more, e.g. 2-3 sets; got "
                     f"{match['sets']}-{match['sets_max']}")
        return None
    return sets, sets_max


def _loads(match: re.Match[str], tail: str, sets: int, line: int, col: int, columns: Callable[[int], int],
           errors: Collector) -> tuple[Load | None, Load | None, str] | None:
    """An exercise's load, its effort (an RPE) and what is left of the line (its comment); None
    after an error. "@ 50 kg, RPE 7": the weight is the load, the RPE its effort (cut with the reps
    in a deload, heavy before a race); "@ 50 kg RIR 2" and "@ 80 kg, tempo 3-1-1-0" keep the rest
    as a comment."""
    load = effort = None
    written = match["load"] if match["load"] is not None else match["bare"]
    at = columns(match.start("load") if match["load"] is not None else match.start("bare") if match["bare"] else 0)
    if written is not None:
        written, tail = _load_and_more(written.strip(), tail)
        load = parse_load(written, lambda m: errors.error(line, at, m))
        if load is None:
            return None
        if _MORE_LOADS.fullmatch(tail):  # "Deadlift 3x5 @ 65%, 75%": a load a set, but not as many
            loads = [written.strip(), *(t.strip() for t in tail.split(","))]
            shown = ", ".join([*loads, *["…"] * (sets - len(loads))][:sets])
            errors.error(line, at, f"{len(loads)} loads for {sets} sets: write one load a set, e.g. "
                                   f"'{match['name'].strip()} {sets}x{match['reps'] or ''} @ {shown}', or one load for them all"
                         if len(loads) != sets else f"a load a set is of one kind, all weights or all shares of 1RM; "
                                                    f"got {', '.join(loads)}")
            return None
    first, _, rest = _TAIL.sub(",", tail, count=1).partition(",")
    if re.search(_SETS_REPS, tail):  # "Squat 3x5 @ 100 kg, then 2x10 @ 70 kg": back-off sets, never a comment
        errors.error(line, col, f"one set of sets and reps a line: write '{match['name'].strip()} "
                                f"{re.search(_SETS_REPS + r'.*', tail)[0].strip()}' on a line of its own")  # type: ignore[index]
        return None
    if (rpe := _EFFORT_RPE.match(first)) is not None:  # "RPE 7, slow": the effort, and a comment
        effort = rpe_load(rpe, lambda m: errors.error(line, at if written is not None else col, m))
        if effort is None:
            return None
        if load is None:  # "Plank 3x30 s, RPE 7": by effort
            load, effort = effort, None
        tail = rest.strip()
    return load, effort, tail


_MORE_LOADS = re.compile(r"(?i)" + _RAMP_LOAD + r"(?:\s*,\s*" + _RAMP_LOAD + r")*")
_PER_SET = re.compile(r"(?i)^(?P<name>[^\d@]*?\S)\s*:?\s+(?P<reps>\d{1,2}(?:\s*[/,\-–]\s*\d{1,2}){2,})\s*(?:@\s*(?P<load>.+?))?\s*$")
_WORDS_BEFORE_LOAD = re.compile(r"(?i)^(?P<head>.*?" + _SETS_REPS + r")\s+(?P<words>[^\d@]+?)\s*@\s*(?P<load>.+?)\s*$")


def _unreadable(clean: str, text: str) -> str:
    """The error for a line meant as an exercise that does not read as one, with the fix for the usual shapes."""
    example = "e.g. 'Back squat 3x8 @ 100 lb'"
    if _RAMP_NO_UNIT.match(clean):  # "Press 5/5/5+ @ 65/75/85"
        return f"give the loads their unit: '{clean.strip()}%' (shares of 1RM) or '{clean.strip()} kg'"
    if _TWO_EXERCISES.search(clean):
        label = re.match(r"(?i)\s*(?:super\s*-?set|circuit|giant\s+set|tri-?set)\s*:?\s*", clean)
        parts = [p.strip() for p in re.split(r"\s(?:\+|&)\s*", clean[label.end() if label else 0:])]
        pairs = ", then ".join(f"'{chr(ord('A'))}{n}. {part}'" for n, part in enumerate(parts, start=1))
        return f"one exercise a line: write {pairs}, each on a line of its own (the letter and number mark a superset)"
    if re.match(r"(?i)\d+\s*(?:[x×]|sets?\s+of)\s*\d", clean) or clean.startswith("@"):
        return f"an exercise needs its name first, {example}; got '{first_words(text, 8)}'"
    if re.search("(?i)" + _WEIGHT + "[^@]*?" + _SETS_REPS, clean):
        return f"write the load after the sets and reps, with '@': {example}; got '{first_words(text, 8)}'"
    if re.search(_SETS_REPS + r"\s*[x×]\s*\d", clean):
        return f"write sets x reps, then '@' and the load, {example}; got '{first_words(text, 8)}'"
    if re.search(_SETS_REPS + r"\s*:\s*\d\d", clean):
        return f"write a hold in seconds, e.g. 'Plank 3x60 s'; got '{first_words(text, 8)}'"
    if re.search(_SETS_REPS + r"\s*\+\s*\d", clean):
        return ("write one count a set, and each side's in words: 'Split squat 3x8/leg' or 'Split squat 3x8 (each leg)'; "
                f"got '{first_words(text, 8)}'")
    if as_many := re.match(r"(?i)^(?P<head>.*?\d+\s*[x×]\s*)max\b(?P<tail>.*)$", clean):  # "Pull-up 3x max"
        return f"write as many reps as possible as '{as_many['head']}max reps{as_many['tail']}' (or 'AMRAP')"
    if per_set := _PER_SET.match(clean):  # "Squat 5/5/5 @ 100 kg", "Back squat 5,5,3,3,1 @ 100 kg"
        counts = [int(n) for n in re.split(r"\s*[/,\-–]\s*", per_set["reps"])]
        groups = [(len(list(run)), reps) for reps, run in itertools.groupby(counts)]
        load = f" @ {per_set['load'].strip()}" if per_set["load"] else ""
        lines = [f"'{per_set['name']} {sets}x{reps}{load}'" for sets, reps in groups]
        return ("write sets x reps, and sets of other reps on a line of their own: " + ", then ".join(lines)
                if len(lines) > 1 else f"write sets x reps: {lines[0]}")
    if re.match(r"(?i)(?:run|running|jog|sprint)s?\s+\d+\s*[x×]\s*\d+(?:\.\d+)?\s*(?:km|mi|m)\b", clean):
        return ("a run is no strength exercise: write it as a session of its own ('- Sat: Intervals 4 x 1 km @ 10K "
                "pace'), or the hybrid workout in a comment")  # "Run 1x1 km @ 10K pace" among a HYROX day's stations
    if words := _WORDS_BEFORE_LOAD.match(clean):  # "Squat 3x8 to failure @ 50 kg"
        return (f"write the load right after the sets and reps, and the words in a comment: "
                f"'{words['head']} @ {words['load']} ({words['words']})'")
    return f"expected an exercise as 'Name sets x reps @ load', {example}; got '{first_words(text, 8)}'"


def _rep_counts(match: re.Match[str], line: int, columns: Callable[[int], int],
                errors: Collector) -> tuple[int, int | None, RepUnit, bool] | None:
    """Reps, the top of a range, the unit and AMRAP from an exercise match; None after an error."""
    if match["amrap"] is not None:
        return 0, None, "reps", True
    unit_word = (match["unit"] or "reps").lower()
    scale = 60 if unit_word.startswith("min") else 1  # minutes are counted in seconds
    rep_unit: RepUnit = "s" if unit_word[0] == "s" or scale == 60 else "m" if unit_word[0] == "m" else "reps"
    reps = int(match["reps"]) * scale
    reps_max = int(match["reps_max"]) * scale if match["reps_max"] else None
    limit = {"reps": 100, "s": 600, "m": 1000}[rep_unit]
    shown = "reps" if rep_unit == "reps" else rep_unit
    for value, group in ((reps, "reps"), (reps_max, "reps_max")):
        if value is not None and not 1 <= value <= limit:
            errors.error(line, columns(match.start(group)), f"{value} {shown} per set is not plausible; expected 1 to {limit}")
            return None
    if reps_max is not None and reps_max <= reps:
        errors.error(line, columns(match.start("reps")), f"a range goes from fewer to more, e.g. 8-12; got "
                     f"{match['reps']}-{match['reps_max']}")
        return None
    amrap = match["plus"] is not None
    if amrap and reps_max is not None:
        errors.error(line, columns(match.start("plus")), "write a range (8-12) or a minimum to go beyond (8+), not both")
        return None
    if amrap and rep_unit != "reps":
        errors.error(line, columns(match.start("plus")), "'+' (as many as possible) counts reps, not seconds or metres")
        return None
    return reps, reps_max, rep_unit, amrap


def _load_and_more(written: str, tail: str) -> tuple[str, str]:
    """A load written with more after it: the load, and the rest (an RPE, reps in reserve, a
    comment) before any ``tail`` already found."""
    if both := _LOAD_AND_EFFORT.match(written):
        return both["weight"], ", ".join(filter(None, [both["effort"], tail]))
    if comma := _TAIL.search(written):
        return written[:comma.start()], ", ".join(filter(None, [written[comma.end():].strip(), tail]))
    return written, tail


def first_words(text: str, count: int = 4) -> str:
    words = text.split()
    shown = " ".join(words[:count])
    return shown + (" …" if len(words) > count else "")


__all__ = ["comment_separator", "first_words", "looks_like_exercise", "parse_exercise", "parse_exercises", "parse_load",
           "parse_target"]
