"""Ways of writing a run that would read as something else, and what to write instead:
climbing written as a part of the run ("with 1000 m uphill"), hours written as minutes and
seconds ("Long run 2:30"), a part that says nothing of how to run it ("Long 30 km with 1500 m")."""

from __future__ import annotations

import re

from ..model import Amount, Duration, SessionKind, Step

K = SessionKind


# Vertical gain written as if it were part of the run: "with 1000 m uphill", "+ 2,000 ft of climbing",
# "1000 m D+". Never inside repeats ("8 x 200 m uphill" are hills), and "uphill" only after with/w//+.
_CLIMB = re.compile(r"(?i)(?P<lead>\b(?:with|w/)\s+|\+\s*|(?<=\s))(?<![x×]\s)(?<![x×])"
                    r"(?P<gain>\d[\d,.]*\s*(?:m|ft|feet|meters?|metres?))\s*(?:of\s+)?"
                    r"(?:d\+(?!\w)|(?:climbing|climb|vert(?:ical)?|elevation(?:\s+gain)?|gain|ascent|(?P<uphill>uphill))"
                    r"(?![\w+])(?!\s*@))")  # "3,000 ft D+ @ Z1": the session's effort after its climbing


CLIMB_UNIT = re.compile(r"(?i)\d\s*(?:m|ft|feet|meters?|metres?)\s*$")


def climbing(text: str, end: int) -> re.Match[str] | None:
    """The first vertical gain written as a part of the run, before ``end``."""
    return next((m for m in _CLIMB.finditer(text, 0, end) if m["lead"] or m["uphill"] is None), None)


PACE_NOT_HOURS = 4  # 'Recovery 8:00' is no 8-hour run; only a long run (or a hike, a walk) may be that long
SHORT_SESSION_SECONDS = 600  # a whole session written 'm:ss' under 10 minutes is an 'h:mm' meant


def short_clock(written: str, total: Amount) -> bool:
    """``Long run 2:30``: minutes and seconds by the clock, but no session is 2 min 30 s long;
    coaches of long days write hours that way."""
    return (isinstance(total, Duration) and total.seconds < SHORT_SESSION_SECONDS
            and re.fullmatch(r"\s*\d{1,2}:\d\d(?:\s*[-–]\s*\d{1,2}:\d\d)?\s*", written) is not None)


def bare_part(main: object) -> bool:
    """``Long 30 km with 1500 m``: one continuous part that says nothing of how to run it (no pace,
    no effort, no word such as 'uphill') is no part of an easy run; it is climbing, most often."""
    return (isinstance(main, tuple) and len(main) == 1 and isinstance(main[0], Step) and main[0].target is None
            and not main[0].label and main[0].role == "work")


def amount_of(written: str) -> str:
    return re.sub(r"(?i)^(?:with|w/)\s+", "", written)


def hours_meant(written: str, kind: SessionKind = K.LONG) -> str:
    """The error for ``Long run 2:30``, with the session written as hours and minutes; for
    ``Recovery 8:00`` (no recovery run is 8 hours long) a pace is meant, most likely."""
    written = written.strip()
    ends = re.split(r"\s*[-–]\s*", written)
    if kind not in (K.LONG, K.RUN_WALK) and int(ends[0].split(":")[0]) >= PACE_NOT_HOURS:
        return (f"'{written}' reads as minutes and seconds, too short for a session; write how long it is "
                f"('45 min', '1 h 15 min'), and a pace after '@' ('@ {written}/mi' or '@ {written}/km')")
    as_hours = "-".join(_as_hours(end) for end in ends)
    as_clock = "-".join(f"{end}:00" for end in ends)
    return (f"'{written}' reads as minutes and seconds, too short for a session; for hours and minutes write "
            f"'{as_hours}' (or '{as_clock}')")


def _as_hours(clock: str) -> str:
    hours, minutes = (int(n) for n in clock.split(":"))
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


def with_climbing(head: str, gain: str) -> str:
    """The line to write for a run with its climbing: what follows its length goes into the comment
    too ("Long run 3h — on trails, 700 m D+"), so that the line reads."""
    head = head.strip().rstrip(",;").strip()
    head = re.sub(r"(?<![\d:])(\d):([0-5]\d)(?![\d:])(?!\s*h)", r"\1 h \2 min", head)  # a day on the trails: "2:15" is hours
    length = _LENGTH.search(head)
    words = head[length.end():].strip(" ,;") if length else ""
    if words.startswith("@"):  # "Power hike 3 h @ Z1": its effort stays the session's
        return f"{head} — {gain} D+"
    return f"{head[:length.end()].strip()} — {words}, {gain} D+" if length and words else f"{head} — {gain} D+"


_LENGTH = re.compile(r"(?i)\d+(?:[.,:]\d+)*\s*(?:h(?:\s?\d{1,2})?(?:\s*min)?|hours?|hrs?|min|mins|minutes?|km|k|mi|miles?|m)(?![\w])"
                     r"(?:\s*(?:-|–|to)\s*\d+(?:[.,:]\d+)*\s*(?:h(?:\s?\d{1,2})?(?:\s*min)?|hours?|hrs?|min|km|mi|miles?|m)(?![\w]))?")


# A length before the kind of session: "4 miles easy", "1h easy on trails", "6-hour race".
AMOUNT_FIRST = re.compile(r"(?i)(\d+(?:[.,]\d+)?\s*-?\s*(?:km|k|kilometers?|kilometres?|mi|miles?|m|min|mins|minutes?|h|hrs?|hours?"
                           r"|s|sec|seconds?)(?:\s*\d+\s*(?:min|m)?)?)\s+")
