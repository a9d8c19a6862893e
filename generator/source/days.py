"""A session line's day: a weekday of the plan's language or "Day N", and the errors for what is
not one ("Sat AM:", "Sat/Sun:", "Tue & Thu:", "Tues:"), each with the line to write."""

from __future__ import annotations

import re

from ..errors import Collector, suggest
from .words import ENGLISH, Words


def no_day(shown: str | None, text: str, line: int, col: int, errors: Collector, words: Words) -> None:
    """The error for a session line without a day it can read, with the nearest weekday of the plan's language."""
    names = words.weekday_names
    if shown is None and day_and_more(text, line, col, errors, words):
        return
    day_word = words.heading("day")
    example = "'Tue: Easy 5 mi'" if words.english else f"'{words.weekday_name(1, True)}: …'"
    rest = text.partition(":")[2].strip()
    if shown is None:
        what = "each session starts with its day"
    elif _day_word(shown.lower().replace(" ", ""), words) is not None:
        what = f"'{shown}' needs its number"
    else:
        what = f"'{shown}' is not a day{suggest(shown, names)}"
        if rest and len(rest) <= 40:  # the line itself, on the weekday it is nearest to ('Tu' is 'Tue')
            import difflib  # only a mistake needs it

            near = [i for i, n in enumerate(names) if n.lower().startswith(shown.lower().rstrip("."))]
            close = difflib.get_close_matches(shown.lower(), [n.lower() for n in names], 1)
            meant = near[0] if near else [n.lower() for n in names].index(close[0]) if close else 1
            example = f"'{words.weekday_name(meant, True)}: {rest}'"
    first, last = words.weekday_name(0, True), words.weekday_name(6, True)
    errors.error(line, col, f"{what}; expected a weekday ({first} … {last}) or {day_word} 1 … {day_word} 7 "
                            f"followed by ':', e.g. {example}")


# "Sat AM:", "Sat/Sun:", "Sa oder So:", "Tue & Thu:", "Di und Do:", "Mon-Fri:", in the plan languages' words
# A time of day as coaches write it beside a day or a session: "Sat AM:", "Tue: PM Easy 5 km".
TIME_OF_DAY = r"a\.?m\.?|p\.?m\.?|morning|evening|morgens|abends"
_DAY_AND_MORE = re.compile(r"(?i)^(?P<day>[^\W\d_]+\.?)\s*(?:(?P<time>" + TIME_OF_DAY + r"|night)|"
                           r"(?:(?P<either>/|\bor\b|\boder\b|\bou\b|\bo\b|\bof\b)|(?P<span>-|–)|&|\band\b|\bund\b|\bet\b|\by\b"
                           r"|\ben\b|,)\s*(?P<other>[^\W\d_]+\.?))\s*:\s*(?P<session>.*)$")


def day_and_more(text: str, line: int, col: int, errors: Collector, words: Words) -> bool:
    """"Sat AM: …" and "Sat/Sun: …": a day, with a time of day or a second day before the ':'."""
    match = _DAY_AND_MORE.match(text)
    if match is None or day_number(match["day"], 0, words) in (None, -1):
        return False
    if match["other"] and day_number(match["other"], 0, words) in (None, -1):
        return False  # "Sat/Foo:": not two days
    day, other, session = match["day"], match["other"], match["session"].strip() or "Easy 5 km"
    first, second = day_number(day, 0, words), day_number(other, 0, words) if other else None
    adjacent = first is not None and second is not None and abs(first - second) in (1, 6)
    if match["time"]:
        errors.error(line, col, f"the time of day goes in a comment: '{day}: {session} — {match['time']}'")
    elif match["either"] or (match["span"] and adjacent):  # "Sat/Sun", "Sat-Sun": one of the two
        errors.error(line, col, f"a session is on one day: write the day it is planned on, and the other in a "
                                f"comment: '{day}: {session} — {_or(match['either'])} {other}'")
    else:
        days = "each day from" if match["span"] else "each,"
        errors.error(line, col, f"a session line is one day: write a bullet for {days} '{day}: {session}' to "
                                f"'{other}: {session}'" if match["span"] else
                     f"a session line is one day: write a bullet for {days} '{day}: {session}' and '{other}: {session}'")
    return True


def day_name(day: int, week_starts: int, style: str, words: Words = ENGLISH) -> str:
    """Day ``day`` of the week, written like ``style`` (a weekday name or 'Day N')."""
    if _day_word(style.lower().replace(" ", ""), words) is not None:
        return f"{words.heading('day')} {day}"
    index = (week_starts + day - 1) % 7
    return words.weekday_name(index, short=len(style.rstrip(".")) <= 3)


def _day_word(lowered: str, words: Words) -> str | None:
    """The rest of 'day3' after its day word ('3'), or None when it does not start with one."""
    for word in words.day_words:
        if lowered.startswith(word):
            return lowered[len(word):]
    return None


def day_number(word: str, week_starts: int, words: Words = ENGLISH) -> int | None:
    """Weekday name -> 1..7 counted from the week's first day; 'Day N' -> N; -1 if N is out of range."""
    lowered = word.lower().replace(" ", "")
    rest = _day_word(lowered, words)
    if rest is not None:
        if not rest.isdecimal():  # 'Day' alone, or 'Days'
            return None
        number = int(rest)
        return number if 1 <= number <= 7 else -1
    index = words.weekday(lowered)
    if index is None:
        return None
    return (index - week_starts) % 7 + 1


def _or(written: str | None) -> str:
    """The word for "or" the author wrote ("oder", "ou"), or "or" for a "/" or "-"."""
    return written.lower() if written and written.isalpha() else "or"
