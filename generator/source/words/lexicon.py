"""The words of one plan language, as data: what a coach writes, and what it means.

A :class:`Lexicon` holds the raw words; :mod:`.compiled` turns one into the patterns the
parser uses. Meanings are the English canonical words the model keeps (``easy``,
``threshold``, ``jog``…), so a German ``Dauerlauf 10 km @ locker`` is the same session as an
English ``Easy 10 km @ easy``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ...model import SessionKind


@dataclass(frozen=True)
class Lexicon:
    """One language's words, as written: matched without regard to case (and, outside English,
    with or without accents); a space in a phrase matches any spaces."""

    code: str  # the primary language subtag: "de"
    name: str  # "German", for messages and the docs
    kinds: Mapping[str, SessionKind]  # a session's first words
    races: Mapping[str, str]  # "Race half": a race's name -> the English word for it
    labels: Mapping[str, str]  # a main-set step's word ("Trabpause") -> the English label ("jog")
    efforts: Mapping[str, str]  # a target's words ("sehr locker") -> English ("very easy")
    weekdays: Mapping[str, int]  # a weekday's name or abbreviation -> 0 (Monday) … 6 (Sunday)
    weekday_names: tuple[str, ...]  # the seven full names from Monday, as written
    week: tuple[str, ...]  # heading words for a week; the first is the one to write
    day: tuple[str, ...]  # heading words (and day prefixes) for a day
    main: tuple[str, ...]  # before a main set: "with", "incl."
    recovery: tuple[str, ...]  # before a recovery: "w/", "with"
    then: tuple[str, ...]  # between the parts of a main set
    rest_or: tuple[str, ...]  # "Rest or" before a run the reader may skip
    optional: tuple[str, ...]  # before a session not counted
    to: tuple[str, ...]  # a range word between two amounts: "5 to 6 mi"
    strides: tuple[str, ...]  # the word for strides, singular and plural
    within_between: tuple[str, ...] = ()  # "within / between sets"
    last: tuple[str, ...] = ()  # after "with": the main set ends the run ("with the last 3 mi @ MP")
    pace: str = ""  # the word for a race's pace ("Tempo", "allure")
    pace_first: bool = False  # "allure 10 km" (True) or "10-km-Tempo" (False)
    pace_also: tuple[str, ...] = ()  # other words for it: "10-km-Renntempo", "10-km-Wettkampftempo"
    pace_races: Mapping[str, str] = field(default_factory=dict)  # race names in a pace -> English race words
    pace_words: Mapping[str, str] = field(default_factory=dict)  # whole race paces ("MRT") -> English ("MP")
    bodyweight: tuple[str, ...] = ()  # a strength load without added weight ("Körpergewicht")
    decimal_comma: bool = False  # "12,5 km"
    units: Mapping[str, str] = field(default_factory=dict)  # a unit's native word ("Minuten") -> its unit ("min")
    levels: Mapping[str, str] = field(default_factory=dict)  # ``level:`` words besides the site's names -> English
    at: tuple[str, ...] = ()  # words that stand for '@' before a target: "en EF", "à allure 10 km"
    from_: tuple[str, ...] = ()  # before efforts written without '@': "from easy to threshold"
    # (pattern, replacement) read as the grammar's own order, each the same length so columns stay
    # right: "les 15 dernières minutes" is "les dernières 15 minutes"
    reorder: tuple[tuple[str, str], ...] = ()
    number_first: tuple[str, ...] = ()  # what may follow a number before the week word: "." ("## 3. Woche"), "e" ("## 3e semaine")
