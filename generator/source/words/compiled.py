"""A language's words compiled into the patterns the parser matches, once per language.

English is compiled from its own words alone, to exactly the patterns the grammar always
had. Another language is compiled from its words *and* English's (coaches mix them:
``Fartlek``, ``Tempo``, ``Strides``), accepting each native word with or without its
accents (``Día``/``Dia``, ``mié``/``mie``, ``Hügel``/``Huegel``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from ...model import SessionKind
from ...units import ALL_UNIT_WORDS, DISTANCE_WORDS, DURATION_WORDS
from .lexicon import Lexicon

_NUMBER = r"\d+(?:\.\d+)?"
_CLOCK = r"(\d{1,2}):([0-5]\d)(?::([0-5]\d))?(?![\d/])(?!\s*(?:min\s*)?/)"
_UNITS_AFTER_DECIMAL = r"(?:km|mi|m|min|h|s|kg|lb|%)"
_ENGLISH_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Outside English, minutes and seconds may be written as marks: "Footing 40'", "10 x 30''".
_MARKS = {"''": "s", "″": "s", "'": "min", "′": "min"}
RECOVERY_ROLES = frozenset(("walk/jog", "jog/walk", "jog back", "walk back", "jog down", "walk down", "easy jog", "jog",
                            "walk", "float", "easy", "recovery", "standing rest", "rest"))


def fold(word: str) -> str:
    """``word`` lower-cased without accents: ``Día`` -> ``dia``, ``Hügel`` -> ``hugel``."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def variants(word: str) -> set[str]:
    """How a native word may be typed: as written, without accents, with German umlauts spelt out."""
    lowered = word.lower()
    spelt = lowered.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return {lowered, fold(word), spelt}


def _words(words: Iterable[str]) -> str:
    """An alternation of plain words, the longest first (so 'long run' wins over 'long')."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _to(words: tuple[str, ...]) -> str:
    """The range word between two numbers: ``\\bto\\b`` in English, ``\\b(?:to|bis)\\b`` in German."""
    return rf"\b{words[0]}\b" if len(words) == 1 else r"\b(?:" + "|".join(words) + r")\b"


class Words:
    """Everything the parser matches that a language decides; ``english``: no native words."""

    def __init__(self, lexicon: Lexicon, english: Lexicon | None = None):
        self.code, self.lexicon = lexicon.code, lexicon
        self.english = english is None
        both = (lexicon,) if english is None else (english, lexicon)  # native words win a tie
        self._spell = (lambda w: {w.lower()}) if self.english else variants
        self.kinds: dict[str, SessionKind] = self._table(lex.kinds for lex in both)
        self.kind_re = re.compile(r"(?i)(" + _words(self.kinds) + r")(?![\w-])")
        self.kind_hints: tuple[str, ...] = tuple(lexicon.kinds) if self.english else tuple(
            w[0].upper() + w[1:] for w in lexicon.kinds)
        # What an error lists: each kind by its first word in the plan's language (English: its name).
        self.kind_names: tuple[str, ...] = tuple(k.value for k in SessionKind) if self.english else tuple(
            next((w[0].upper() + w[1:] for w, meaning in lexicon.kinds.items() if meaning is k), k.value)
            for k in SessionKind)
        self.races: dict[str, str] = self._table(lex.races for lex in both)
        self.race_re = re.compile(r"(?i)(" + _words(self.races) + r")(?![\w-])")
        self.labels: dict[str, str] = self._table(lex.labels for lex in both)
        recovery = [w for w, meaning in self.labels.items() if meaning in RECOVERY_ROLES]
        self.label_re = re.compile(r"(?i)(" + _words(self.labels) + r")(?![\w/])")
        self.recovery_label_re = re.compile(r"(?i)(" + _words(recovery) + r")(?![\w/])")
        self._connectors(both)
        self._units(lexicon)
        self._amounts(both)
        self._headings(both)
        self._weekdays(lexicon, english)
        self._targets(lexicon)
        # "45 Min. @ locker", "1 Std.": a dot after a unit ends the abbreviation, not the sentence
        native = _words(w for w in self.native_units if w not in _MARKS)
        self.unit_dot_re = None if self.english else re.compile(
            rf"(?<=\d)(\s?(?:min|sek|sec|s|h|km|m|mi|{native}))\.(?=\s|$|[,;:)@+])", re.I)
        units = _UNITS_AFTER_DECIMAL[:-1] + "|" + _words(self.native_units) + ")" if self.native_units else _UNITS_AFTER_DECIMAL
        self.decimal_re = re.compile(
            r"(?<![\d,.])(\d+),(\d{1,2})(?=(?:\s*[-–]\s*\d+(?:,\d{1,2})?)?\s*" + units + r"(?![\w'′″]))",
            re.I) if lexicon.decimal_comma else None

    def _table(self, tables: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for table in tables:
            for word, meaning in table.items():
                for spelt in sorted(self._spell(word)):
                    found[spelt] = meaning
        return found

    def _phrases(self, phrases: Iterable[str]) -> str:
        """An alternation of connector phrases, the longest first, a space matching any run of
        spaces and a slash any spaces around it ('within / between sets')."""
        spelt = {v for p in phrases for v in self._spell(p)}
        return "|".join(re.escape(p).replace(r"\ /\ ", r"\s*/\s*").replace(r"\ ", r"\s+")
                        for p in sorted(spelt, key=len, reverse=True))

    def _connectors(self, both: tuple[Lexicon, ...]) -> None:
        main = self._phrases(f for lex in both for f in lex.main)
        self.main_re = re.compile(rf"(?:{main}|:)(?!\w)", re.I)
        first = self._phrases(lex.main[0] for lex in both)
        self.set_in_brackets_re = re.compile(rf"(?:\d\s*[x×]|:|\b(?:{first}))\s*$", re.I)
        self.optional_re = re.compile(r"(?:" + self._phrases(f for lex in both for f in lex.optional) + r")(?!\w)\s*:?", re.I)
        self.last_re = re.compile(r"(?:" + self._phrases(f for lex in both for f in lex.last) + r")(?!\w)", re.I)
        self.rest_or_re = re.compile(r"(?:" + self._phrases(f for lex in both for f in lex.rest_or) + r")\s+", re.I)
        recovery = self._phrases(f for lex in both for f in lex.recovery)
        then = self._phrases(f for lex in both for f in lex.then)
        self.recovery_re = re.compile(rf"(?:{recovery})(?!\w)", re.I)
        at = [w for lex in both for w in lex.at]
        self.at_re = re.compile(r"\s*(?:" + self._phrases(at) + r")\s+", re.I) if at else None
        starts = [w for lex in both for w in lex.from_]
        self.from_re = re.compile(r"(?:" + self._phrases(starts) + r")\s+", re.I) if starts else None
        self.separator_re = re.compile(rf"(?:,\s*)?(?:{then})\s+|,\s*|\+\s*", re.I)
        ors = self._phrases(["or", *(w for lex in both for w, e in lex.efforts.items() if e.strip() == "or")])
        self.or_re = re.compile(rf"(?:{ors})\s+", re.I)  # "Easy 3 mi or cross-train 30 min": a choice of two sessions
        # "Easy 5 mi or 45 min": a number with a unit (not "5K or 10K pace", an effort)
        self.alternative_re = re.compile(rf"(?:{ors})\s+(?=\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?\s*(?:min|h|s|mi|km|m)\b|\d+:\d\d)", re.I)
        native = "" if self.english else r"|tempos?|mrt|hmrt|hmp|allure|ritmo|marat[oó]n|km|mt|hmt|rm"
        self.race_before_re = re.compile(rf"(?i)(?:mp|hmp|gmp|marathon|half|\d+k|mile|pace{native})$")
        self.target_end_re = re.compile(rf"\s+(?:{recovery}|{then}|{main})(?!\w)|\s*\+|\s*,|\s*\)|\s*;|\s+/\s*(?=\d)"
                                        rf"|\s+{self.alternative_re.pattern}")  # " / 1 min easy": a recovery
        strides = "(?:" + _words({s for lex in both for w in lex.strides for s in self._spell(w)}) + ")"
        # "+ 6 x 20 s strides", and as coaches also write a count of them: "with 4 strides", "met 4
        # versnellingen" ("with 6 x 100 m strides" stays a main set, as it reads back from a title)
        main_word = rf"(?:{main})(?!\w)"
        self.strides_lead_re = re.compile(rf"\s*(?:\+|{main_word})", re.I)
        self.strides_ahead_re = re.compile(  # after "with", only where they end the session ("… @ mile pace" is no run's)
            rf"\s*(?:\+\s*(?:\d{{1,3}}\s*[x×]\s*[^+,()]*?\b{strides}\b|\d{{1,2}}\s+{strides}\b|{strides}\b)"
            rf"|{main_word}\s*\d{{1,2}}\s+{strides}(?!\w)(?=\s*$))", re.I)
        self.strides_count_re = re.compile(rf"(\d{{1,2}})\s+{strides}(?!\w)", re.I)
        self.strides_word_re = re.compile(rf"{strides}(?!\w)", re.I)
        self.within_between_re = re.compile(
            "(?:" + self._phrases(f for lex in both for f in lex.within_between) + r")(?!\w)", re.I)

    def _units(self, lexicon: Lexicon) -> None:
        """The words an amount's unit may be written with: English's, and outside English the
        language's own (``Minuten``, ``Std.``, ``kilómetros``) and the marks (``40'``, ``30''``)."""
        self.native_units: dict[str, str] = {} if self.english else {
            **{spelt: unit for word, unit in lexicon.units.items() for spelt in variants(word)}, **_MARKS}
        self.distance_words = {**DISTANCE_WORDS, **{w: DISTANCE_WORDS[u] for w, u in self.native_units.items()
                                                    if u in DISTANCE_WORDS}}
        self.duration_words = {**DURATION_WORDS, **{w: DURATION_WORDS[u] for w, u in self.native_units.items()
                                                    if u in DURATION_WORDS}}
        self.unit_hints = tuple(sorted({*ALL_UNIT_WORDS, *lexicon.units}))

    def _amounts(self, both: tuple[Lexicon, ...]) -> None:
        to = _to(tuple(dict.fromkeys(re.escape(w) for lex in both for w in lex.to)))
        unit = "[A-Za-zµ]+" if self.english else r"''|'|′|″|[^\W\d_]+"
        self.number_word_re = re.compile(rf"({_NUMBER})(?:\s*(?:[-–]|{to})\s*({_NUMBER}))?\s*({unit})?")
        self.clocks_re = re.compile(_CLOCK + rf"(?:\s*(?:[-–]|{to})\s*" + _CLOCK + ")?")
        self.range_separator_re = re.compile(rf"\s*(?:[-–]|{to})\s*(?=\d)", re.I)
        # "1 h 15 min"; in other languages also "1 h 30" and "1h30", as French and Spanish coaches write it
        minute = _words(w for w, u in self.native_units.items() if u == "min" and w not in _MARKS)
        # "7 min 30 s": a session under ten minutes with its seconds ("7:30" is refused, as hours meant)
        second = _words(w for w, u in self.native_units.items() if u == "s" and w not in _MARKS)
        self.seconds_re = re.compile(r"\s+([0-5]?\d)\s*(?:s|secs?|seconds?" + (f"|{second}" if second else "")
                                     + r")(?![\w])" + ("" if self.english else
                                     # "1 min 30 trot", "1'30": the seconds after the minutes, as French and Spanish write them
                                     r"|(?<=['′])([0-5]\d)(?:''|″)?(?![\w.:'′″]|,\d|\s*[x×])|\s([0-5]\d)(?=\s+(?:" + _words(w for w, m in self.labels.items() if "stride" not in m)
                                     + r")(?![\w/])|\s*$|\s*[,;)])"), re.I)
        # English: "1 h 15 min", "2h30", "2 h 30", "2h30min" (as trail coaches write it)
        self.minutes_re = re.compile(r"(?:\s*(\d{1,2})\s*(?:min|mins|minutes?)(?![\w])|(?<=h)\s?([0-5]\d)"
                                     r"(?![\w.,:'′″]|\s*[x×]|\s*[-–]?\s*\d(?!\d*\s*h)))", re.I) if self.english else \
            re.compile(rf"\s*([0-5]?\d)(?:\s*(?:min|mins|minutes?|{minute})(?![\w])|[′']|"
                       r"(?![\w.,:'′″]|\s*[x×]|\s*[-–]?\s*\d(?!\d*\s*h)))", re.I)

    def _headings(self, both: tuple[Lexicon, ...]) -> None:
        self.sections: dict[str, str] = self._table(
            {w: kind for w in (lex.week if kind == "week" else lex.day)} for lex in both for kind in ("week", "day"))
        words = _words(self.sections)
        letters = "A-Za-z" if self.english else r"^\W\d_"
        self.section_re = re.compile(rf"(?i)({words})[^\S\n]*+(\d{{1,6}})(?!\d)[^\S\n]*+[:.\-–—]?")
        ordinal = _words(self.lexicon.number_first)
        self.ordinal_re = re.compile(rf"(?i)(\d{{1,6}})(?:{ordinal})[^\S\n]*+({words})(?!\w)[^\S\n]*+[:.\-–—]?") \
            if self.lexicon.number_first else None
        self.near_re = re.compile(rf"([{letters}]{{2,{8 if self.english else 9}}})[ \t]*+(?:(?:#|[Nn][OoRr]\.?|-|\.)[ \t]*+)?(\d{{1,6}})(?!\d)")
        plain = _words({s for lex in both for w in (lex.week[0], *lex.day) for s in self._spell(w)})
        self.numberless_re = re.compile(rf"(?i)({plain})(?=$|[ \t]*+(?:[:–—{{]|-[ \t]))")
        to = "|".join(dict.fromkeys(w for lex in both for w in lex.to))
        self.range_re = re.compile(rf"[ \t]*+(?:-|–|—|{to}|and|&)[ \t]*+(\d{{1,6}})(?!\d)")
        self.line_re = re.compile(rf"(?i)(?:{words})[ \t]*+\d{{1,6}}(?!\d)[ \t]*+(?:$|[:.\-–—{{(])")
        self.day_words = tuple(sorted((w for w in self.sections if self.sections[w] == "day"), key=len, reverse=True))
        day = _words(self.day_words)
        word = "[A-Za-z]+" if self.english else r"[^\W\d_]+\.?"
        self.day_prefix_re = re.compile(rf"^\s*((?:{day})\s*\d{{1,6}}(?!\d)|{word})\s*[:.–—-]\s*", re.I)

    def _weekdays(self, lexicon: Lexicon, english: Lexicon | None) -> None:
        days: dict[str, int] = {}
        for lex in (english, lexicon):
            for name, index in (lex.weekdays.items() if lex is not None else ()):
                days |= {fold(name) if lex is not english else name: index}
        self.weekdays = days
        self.weekday_names = lexicon.weekday_names
        # for week_starts: as written ('sábado') and without accents ('sabado')
        written = {name.lower(): i for name, i in lexicon.weekdays.items()}
        self.weekday_aliases = {name: _ENGLISH_WEEKDAYS[i] for name, i in (days | written).items()}

    def _targets(self, lexicon: Lexicon) -> None:
        """The patterns that turn a native target into the English one the grammar reads."""
        self.hint_words: tuple[str, ...] = ()
        self.pace_re: re.Pattern[str] | None = None
        self.effort_re: re.Pattern[str] | None = None
        if self.english:
            return
        races = {s: e for w, e in lexicon.pace_races.items() for s in variants(w)}
        self.pace_races = races
        race = r"(?P<km>\d+(?:[.,]\d+)?)\s*-?\s*(?:km|k)|(?P<name>" + _words(races) + ")"
        pace = _words({v for word in (lexicon.pace, *lexicon.pace_also) for v in variants(word)}) if lexicon.pace else "(?!)"
        form = rf"(?:{pace})s?\s+(?:(?:de|del|du|de la)\s+)?(?:{race})" if lexicon.pace_first else \
            rf"(?:{race})\s*-?\s*(?:{pace})s?"
        self.pace_re = re.compile(rf"(?<![\w-])(?P<goal>(?:ziel|doel)-?\s*)?(?:{form})(?![\w])", re.I)
        phrases = {s: e for w, e in (*lexicon.efforts.items(), *lexicon.pace_words.items()) for s in variants(w)}
        self.efforts = phrases
        self.effort_re = re.compile(r"(?<![\w])(" + "|".join(
            re.escape(p) + (r"(?![\w])" if p[-1].isalnum() else "")
            for p in sorted(phrases, key=len, reverse=True)) + ")", re.I)
        joiners = ("to", "or", "then", "of", "of ", "progressing to")
        self.hint_words = (*(w for w, e in lexicon.efforts.items() if e not in joiners), *lexicon.pace_words)

    # -- reading --

    @property
    def example_session(self) -> str:
        """A session line as the plan's language writes it, for messages: '- Di: Dauerlauf 5 km'."""
        if self.english:
            return "- Tue: Easy 3 mi"
        return f"- {self.weekday_name(1, True)}: {self.kind_names[list(SessionKind).index(SessionKind.EASY)]} 5 km"

    def heading(self, kind: str) -> str:
        """The word a heading of ``kind`` ('week' or 'day') is written with: 'Woche'."""
        return (self.lexicon.week if kind == "week" else self.lexicon.day)[0]

    def section_kind(self, word: str) -> str | None:
        return self.sections.get(word.lower()) or self.sections.get(fold(word))

    def label(self, word: str) -> str:
        """The English label of a main-set word: 'Trabpause' -> 'jog'."""
        lowered = " ".join(word.lower().split())
        return self.labels.get(lowered) or self.labels.get(fold(lowered), lowered)

    def race(self, word: str) -> str:
        lowered = " ".join(word.lower().split())
        return self.races.get(lowered) or self.races.get(lowered.replace("-", " ")) or self.races[fold(lowered)]

    def weekday(self, word: str) -> int | None:
        """0 (Monday) … 6 for a weekday name or abbreviation ('Mi', 'mié.', 'woensdag'); else None."""
        lowered = word.lower().rstrip(".")
        found = self.weekdays.get(lowered)
        return found if found is not None or self.english else self.weekdays.get(fold(lowered))

    def weekday_name(self, index: int, short: bool) -> str:
        name = self.weekday_names[index]
        if not short:
            return name
        abbreviations = [w for w, i in self.lexicon.weekdays.items() if i == index and w != name.lower()]
        if self.english or not abbreviations:
            return name[:3]
        usual = min(abbreviations, key=lambda w: (abs(len(w) - 3), len(w)))  # 'Mo', 'lun', 'mié'; not 'x'
        return usual[0].upper() + usual[1:]

    def tidy_numbers(self, text: str) -> str:
        """``12,5 km`` -> ``12.5 km``, ``45 Min.`` -> ``45 Min``: each the same length, so columns stay right."""
        if self.unit_dot_re is not None:
            text = self.unit_dot_re.sub(r"\1 ", text)
        if self.lexicon.reorder:  # the session, never its comment: a comment stays as written
            cut = min((i for i in (text.find(" — "), text.find(" -- ")) if i >= 0), default=len(text))
            head = text[:cut]
            for pattern, replacement in self.lexicon.reorder:
                head = re.sub(pattern, replacement, head)
            text = head + text[cut:]
        return self.decimal_re.sub(r"\1.\2", text) if self.decimal_re is not None else text

    def performance_english(self, text: str) -> str:
        """A race and a time in the English a performance is read in: ``Halbmarathon in 1:50:00``
        -> ``half marathon in 1:50:00``, ``21,1 km en 1:50:00`` -> ``21.1 km in 1:50:00``."""
        if self.english:
            return text
        text = self.race_re.sub(lambda m: self.race(m[1]), re.sub(r"(\d),(\d)", r"\1.\2", text))
        return re.sub(r"(?i)\s+(?:en|em)\s+(?=\d)", " in ", text)

    def to_english(self, text: str) -> str:
        """A native target in the English the target grammar reads: '10-km-Tempo' -> '10k pace'."""
        if self.pace_re is None or self.effort_re is None:
            return text
        text = self.pace_re.sub(self._pace, text)
        return self.effort_re.sub(lambda m: self.efforts.get(m[1].lower()) or self.efforts.get(fold(m[1]), m[1]), text)

    def _pace(self, match: re.Match[str]) -> str:
        goal = "goal " if match["goal"] else ""
        if match["km"]:
            return f"{goal}{match['km'].replace(',', '.')}k pace"
        name = match["name"].lower()
        return f"{goal}{self.pace_races.get(name) or self.pace_races.get(fold(name), name)} pace"
