"""What to say of a session line that does not read: the line to write when a length comes
first, a race lacks its word, a pace letter stands for a kind, two sessions share a line, or a
'+' brings neither strides nor a part. Mixed into :class:`generator.source.sessions.SessionLine`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..errors import Collector, suggest
from ..model import SessionKind, Source, Target
from .days import TIME_OF_DAY
from .misreads import AMOUNT_FIRST
from .prescriptions import first_words
from .targets import parse_target
from .words.en import KIND_WORDS

if TYPE_CHECKING:
    from collections.abc import Callable

    from .cursor import Cursor
    from .words import Words

K = SessionKind
_DANIELS = {"E": "Easy", "L": "Long", "M": "Tempo", "T": "Tempo", "I": "Intervals", "R": "Intervals"}
TWO_RUNS = ("two runs on one day are two bullets of that day, each with its own length: '- Tue: Easy 3 mi — a.m.' "
            "and '- Tue: Easy 5 mi — p.m.'")
_AND = re.compile(r"(?i)^(?:and|und|et|y|en)\s+")
_AND_AFTER = re.compile(r"(?i)\s+(?:and|und|et|y|en)$")


# A run-walk ratio: "4 min run / 1 min walk", "run 4 min / walk 1 min".
_WALK_SPELL = re.compile(r"(?i):?\s*(?:\d+(?:[.,]\d+)?\s*(?:min|s|sec)\s+(?:run|jog)|(?:run|jog)\s+\d+(?:[.,]\d+)?\s*(?:min|s|sec))"
                         r"\s*/\s*(?:\d+(?:[.,]\d+)?\s*(?:min|s|sec)\s+walk|walk\s+\d+(?:[.,]\d+)?\s*(?:min|s|sec))")
# A time of day before the session: "AM Threshold …", "PM: Easy 5 km", "morning easy 6 km".
_TIME_FIRST = re.compile(r"(?i)(?P<time>" + TIME_OF_DAY + r"|noon|lunch)\s*[:,-]?\s+")


class Hints:
    """The messages of :class:`~generator.source.sessions.SessionLine` for what it cannot read."""

    c: Cursor
    words: Words
    errors: Collector
    line: int
    exercises_under: Callable[[], bool] | None

    def _kind_word(self, kind: SessionKind) -> str:
        """A kind of session as a line starts with it, in the plan's language: 'Race', 'Wettkampf'."""
        word = self.words.kind_names[list(SessionKind).index(kind)]
        return word[:1].upper() + word[1:]

    def _unknown_kind(self, end: int) -> None:
        """Say what a session that starts with no kind of session should start with."""
        c = self.c
        bad = re.match(r"[\w/-]+", c.text[c.pos:end])
        shown = bad[0] if bad else c.text[c.pos:end].strip()
        if shown in _DANIELS:  # "E 8 km", "L 14 km": the letter is a pace in Deload, the kind a word
            rest = c.text[c.pos + 1:end].strip()
            at = min((i for i in (rest.find(" w/ "), rest.find(" + ")) if i >= 0), default=len(rest))
            pace = "E" if shown == "L" else shown  # a long run is at E pace
            example = f"{_DANIELS[shown]} {rest[:at]} @ {pace}{rest[at:]}"  # the pace before a recovery or strides
            c.fail(c.pos, f"'{shown}' is a pace here, not a kind of session: name the session and give the pace "
                          f"after '@', e.g. '{example}'")
            return
        if (time := _TIME_FIRST.match(c.text, c.pos, end)) is not None and self.words.kind_re.match(c.text, time.end(), end):
            # "Tue: AM Threshold 10 km …": the time of day before the session, as double days are written
            session = c.text[time.end():end].strip()
            c.fail(c.pos, f"the time of day goes in a comment: '{session} — {time['time']}'")
            return
        if (race := self.words.race_re.match(c.text, c.pos, end)) is not None and not c.text[race.end():end].strip():
            # "Sun: Marathon", "So: Halbmarathon": the race, without the word that makes it one
            word = self._kind_word(K.RACE)
            c.fail(c.pos, f"a race session starts with '{word}': '{word} {c.text[c.pos:end].strip()}'")
            return
        if (first := AMOUNT_FIRST.match(c.text, c.pos, end)) is not None and (
                kind := self.words.kind_re.match(c.text, first.end(), end)) is not None:
            # "4 miles easy", "45 min tempo", "6-hour race": the amount before the kind of session
            self._length_first(first, kind, end)
            return
        if (first := AMOUNT_FIRST.match(c.text, c.pos, end)) is not None and self._amount_first(first, end):
            return
        hint = (suggest(shown, self.words.kind_hints) or suggest(shown, KIND_WORDS)) if shown else ""
        kinds = ", ".join(self.words.kind_names)
        if not hint and self.exercises_under is not None and self.exercises_under():  # "Squat day" with exercises under it
            hint = f" — with exercises under it, it is a '{self._kind_word(K.STRENGTH)}' session"
        c.fail(c.pos, f"unknown session kind '{shown}'{hint}; a session starts with one of: {kinds}")

    def _amount_first(self, first: re.Match[str], end: int) -> bool:
        """Higdon's ``3 mi pace`` (a run at race pace) and ``30 min stretch & strength`` (a kind
        later on the line): said with the line to write; False when neither."""
        c = self.c
        amount, rest = first[1].strip(), c.text[first.end():end].strip()
        run = "Run" if self._reads(f"Run {amount}") else self._kind_word(K.EASY)  # a plan language's own word for a run
        if re.fullmatch(r"(?i)(?:@\s*)?(?:goal\s+|race\s+)?pace", rest):
            c.fail(c.pos, f"write the kind of session first, then its length and pace: '{run} {amount} @ goal pace' "
                          "(a plan's 'pace' alone is its race's)")
            return True
        for word in re.finditer(r"\b\w", rest):
            if (kind := self.words.kind_re.match(rest, word.start())) is not None:
                example = f"{kind[1][:1].upper() + kind[1][1:]} {amount} — {rest}"
                if self._reads(example):
                    c.fail(c.pos, f"write the kind of session first, then its length: '{example}'")
                    return True
        return False

    def _length_first(self, first: re.Match[str], kind: re.Match[str], end: int) -> None:
        """The line to write for a session whose length comes first: the first of a few readings
        that reads (the rest as written, as the target, as a comment), so that it is never one
        that means something else."""
        c = self.c
        rest = c.text[kind.end():end].strip()
        head = f"{kind[1][:1].upper() + kind[1][1:]} {first[1].strip()}"
        if rest.startswith(","):  # "5 min walk, 22 min easy run, 5 min walk": parts, with no session around them
            parts = c.text[c.pos:end].strip()
            minutes = [int(m) for m in re.findall(r"(\d+)\s*min\b", parts)]
            example = f"{self._kind_word(K.RUN_WALK)} {sum(minutes)} min: {parts}" if minutes else ""
            said = f", e.g. '{example}'" if example and self._reads(example) else ""
            c.fail(c.pos, f"write the kind of session and its length first, then its parts after ':'{said}")
            return
        bare = re.sub(r"^\((.*)\)", r"\1", rest)  # "(GA1) + 4 Steigerungen": the effort in brackets
        tries = [f"{head} {rest}", f"{head} @ {bare}", f"{head} — {rest}"] if rest else [head]
        example = next((t for t in tries if self._reads(t)), tries[-1])
        c.fail(c.pos, f"write the kind of session first, then its length: '{example.strip()}'")

    def _reads(self, text: str) -> bool:
        """Whether ``text`` reads as a session, said to no one."""
        errors = Collector(self.errors.file)
        from .sessions import SessionLine  # the hints are part of it

        return SessionLine(text, self.line, 1, errors, self.words).session(1, Source(self.errors.file, self.line, 1)) is not None \
            and not any(d.is_error for d in errors.items)

    def _unexpected_plus(self, fields: dict[str, object], start: int, end: int) -> None:
        """Say what a '+' that brings neither strides nor a main set's next part should be."""
        c = self.c
        after = first_words(c.text[c.pos:end])
        target = fields.get("target")
        offset = re.fullmatch(r"(\d+)(?:\s*[-–]\s*(\d+))?\s*min", after)
        if isinstance(target, Target) and target.kind == "race" and offset:
            seconds = "-".join(str(int(m) * 60) for m in offset.groups() if m)
            c.fail(start, f"in a session, an offset from a race's pace is in seconds: '{target.text} + {seconds} s'")
        elif "main" not in fields and re.fullmatch(r"\d+(?:[.,]\d+)?\s*[^\W\d_]+", c.text[c.pos:end].strip()):
            c.fail(start, TWO_RUNS)  # "Easy 3 mi + 5 mi": a second run that day
        elif second := self._second_session(c.text[c.pos:end].strip()):
            c.fail(start, second)  # "Power hike 1 h 30 min + Easy 30 min"
        else:
            c.fail(start, f"expected strides after '+', e.g. '+ 6 x 20 s strides', or the next part of the main set "
                          f"after 'with', e.g. 'with 5 mi @ MP + 5 mi @ HMP'; got '{after}'")

    def _target_before_length(self, rest: str) -> str:
        """"a ritmo medio 8 km" (Spanish), "@ tempo 5 mi": a target, then the session's length, as the
        line is written the other way round; "" when ``rest`` is not that."""
        found = re.fullmatch(r"(?is)(?P<at>@|\S+)\s*(?P<target>.+?)\s+(?P<length>\d+(?:[.,]\d+)?\s*[^\W\d_]{1,8}'?)", rest)
        if found is None or (found["at"] != "@" and (self.words.at_re is None or not self.words.at_re.fullmatch(found["at"] + " "))):
            return ""
        failed: list[str] = []
        if parse_target(found["target"], failed.append, self.words) is None or failed:
            return ""
        return f"{found['length']} {found['at']} {found['target']}"

    def _second_session(self, rest: str) -> str:
        """The error for a second session written on the line of the first ("Easy 5 km; Strength
        30 min"), or "" when ``rest`` does not start with a kind of session."""
        if not rest or self.words.kind_re.match(rest) is None or not (re.search(r"\d", rest) or rest[:1].isupper()):
            return ""  # "Long 30 km, walk the hills": a comment; "Easy 8 km and Strength" is a second session
        text = self.c.text
        head = _AND_AFTER.sub("", text[:text.rfind(rest)].rstrip(" +;,/&")).strip()
        second = first_words(rest, 8)
        kind = self.words.kind_re.match(rest)
        joined = text[:text.rfind(rest)].rstrip()[-1:] in (";", ",", "+", "/", "&")  # "Power hike; Easy 30 min": two
        if kind is not None and not re.search(r"\d", head) and not joined:  # "Long easy run 45 min": one session, named twice
            remainder = first_words(rest[kind.end():].strip(), 6)
            return f"one session has one kind, then its length: '{head} {remainder}' or '{second[:1].upper() + second[1:]}'"
        return (f"two sessions on one day are two bullets of that day, each starting with the day: "
                f"'{head}' and '{second[:1].upper() + second[1:]}'")

    def _unexpected(self, start: int, end: int) -> None:
        """Say what the words at ``start`` that no part of a session reads should be."""
        c = self.c
        rest = c.text[start:end].strip()
        if self.words.strides_word_re.match(rest.lstrip("+ ")):
            c.fail(start, "strides need a count and a length, e.g. '+ 6 x 20 s strides'")
        elif self.words.alternative_re.match(rest):
            c.fail(start, "the other length goes before the main set: 'Tempo 6 mi or 55 min with 20 min @ threshold'")
        elif (either := self.words.or_re.match(rest)) and self.words.kind_re.match(rest, either.end()):
            head = c.text[:start].strip()
            c.fail(start, f"a day holds one session, the one its week counts: write the other choice in a comment, "
                          f"e.g. '{head} — {rest}'")
        elif second := self._second_session(_AND.sub("", rest.lstrip(";,/& ")).strip()):
            c.fail(start, second)
        elif rest.startswith("/") and (ratio := _WALK_SPELL.search(c.text, 0, end)):
            # "Race half: 4 min run / 1 min walk": a run-walk ratio, in a session that is no run-walk
            head = c.text[:ratio.start()].rstrip(" :").strip()
            c.fail(start, f"a run-walk ratio is a Run-walk session's; in another, write it in a comment: "
                          f"'{head} — {ratio[0].strip(' :')}'")
        elif re.match(r"(?i)\{\s*keep\s*\}", rest):  # "Easy 5 km {keep} — parkrun": the mark ends the line
            c.fail(start, "the mark {keep} goes at the end of the line, after any comment: "
                          f"'{c.text[:start].strip()} — … {{keep}}'")
        elif (at := re.match(r"(?i)at\s+", rest)) and parse_target(rest[at.end():], lambda _: None, self.words):
            c.fail(start, f"a target follows '@': write '@ {rest[at.end():]}'")  # "Easy 5 km at easy pace"
        elif (named := self.words.label_re.match(rest)) and re.match(r"\s*,\s*(?:\d|\()", rest[named.end():]) \
                and ":" not in c.text[:start] and (written := re.match(r"(?s)(\D+?)\s+(\d.*)$", c.text[:start].strip())):
            # "Intervals 15 min warm-up, 6 x 6 min …": the warm-up was read as the session's length
            c.fail(start, f"a main set written as parts follows ':' after the session's kind: "
                          f"'{written[1].strip()}: {written[2].strip()} {first_words(rest, 6)}'")
        elif reordered := self._target_before_length(rest):
            c.fail(start, f"the length goes before its target: '{c.text[:start].strip()} {reordered}'")
        else:
            c.fail(start, f"unexpected '{first_words(rest)}' — write a comment after ' — ' or as a sub-bullet")
