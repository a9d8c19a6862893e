"""Which lines start a week (or a day), including the ones a coach got almost right.

A heading the reader does not take as a week hides that week: its sessions land in the
week before ("Mon comes after Sun", once per session), the numbers after it look wrong
and the race seems to be missing. None of those errors names the mistake. So a line
that is *almost* a week heading — a misspelt word (``Wek 5``), the wrong number of
``#`` (``### Week 5``), markup (``**Week 5**``), or the ``##`` left off — is read as the
week it was meant to be, and reported once, with the line to write instead.

Only a real ``##`` heading is taken on its words alone. A heading of another level, a
plain line or a bullet is taken only where its number is the one missing there, so a
``### Week 3 recap`` inside week 3, or a note "Week 5: the peak" before ``## Week 5``,
stays what it is today.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..describe import NUMBER_WORDS, number_word
from .blocks import Block
from .words import ENGLISH, Words, fold

_SEPARATOR = re.compile(r"[ \t]*+[:.\-–—]?")
_NO_MARKUP = str.maketrans("", "", "*_`")
STRONG, MEDIUM, WEAK = 2, 1, 0  # a '##' heading, another heading, a plain line or bullet
PLAIN, BULLET = 0, -1  # the "level" of a line that is not a heading
_MOST = 200  # characters of a plain line or bullet that can still be a heading
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_NUMBER = "|".join(sorted((*NUMBER_WORDS, "thirty", "forty", "fifty"), key=len, reverse=True))
_SPELT = re.compile(rf"(?i)([a-z]{{2,8}})[ \t]+((?:{_NUMBER})(?:[- ](?:{_NUMBER}))?)(?![\w-])")  # "Week Twenty-One"
HASHES = -2  # the "level" of a paragraph '##Week 3': a heading without the space after its '#'


@dataclass(frozen=True)
class Guess:
    """What a line says, read as a section heading."""

    kind: str  # "week" or "day"
    number: int | None  # None: the heading lost its number (``## Week — Peak``)
    rest: str  # the text after the number: a title, a {mark}
    word: str  # the word as written, such as "Wek"
    exact: bool  # the words are right: only the '#' may be wrong
    last: int | None = None  # ``Weeks 5–8``: 8
    numbered: bool = True  # False: the number was not written, the reader supplied it
    tail: str = ""  # the text after the number as written, separator and all, for the fix


@dataclass(frozen=True)
class Candidate:
    """A line that may start a section, and how sure the reader is of it."""

    index: int  # line index in the body
    col: int  # 1-based column of the mistake, if it is one
    level: int  # heading level, or PLAIN / BULLET
    strength: int
    guess: Guess
    shown: str  # the text as written, for the message

    @property
    def number(self) -> int:
        assert self.guess.number is not None
        return self.guess.number


def guess(text: str, words: Words = ENGLISH) -> Guess | None:
    """Read ``text`` as a week or day heading's text, exactly or nearly, in the plan's
    language (English words are understood too); None if it is not one."""
    text = text.strip()
    ordinal = words.ordinal_re.match(text) if words.ordinal_re is not None else None
    if ordinal:  # "3. Woche — Aufbau"
        return Guess(words.section_kind(ordinal[2]) or "week", int(ordinal[1]), text[ordinal.end():], ordinal[2], True,
                     tail=text[ordinal.end(2):])
    match = words.section_re.match(text)
    if match:
        return Guess(words.section_kind(match[1]) or "week", int(match[2]), text[match.end():], match[1], True,
                     tail=text[match.end(2):])
    plain = text.translate(_NO_MARKUP).strip()
    near = words.near_re.match(plain)
    if near:
        kind = _near_kind(near[1]) if words.english else _near_native(near[1], words)
        if kind is None:
            return None
        tail = plain[near.end():]
        plural = near[1].lower().endswith("s") or (not words.english and near[1].lower().endswith("en"))
        span = words.range_re.match(tail) if plural else None
        last = int(span[1]) if span and int(span[1]) > int(near[2]) else None
        if span and last:
            tail = tail[span.end():]
        rest = tail[_SEPARATOR.match(tail).end():]  # type: ignore[union-attr]  # it matches the empty string
        return Guess(kind, int(near[2]), rest, near[1], False, last, tail=tail)
    spelt = _SPELT.match(plain)
    number = spelt_number(spelt[2]) if spelt else None
    if spelt and number is not None and (kind := _near_kind(spelt[1])) is not None:  # "Week Four": the number in words
        tail = plain[spelt.end():]
        return Guess(kind, number, tail[_SEPARATOR.match(tail).end():], spelt[1], False, tail=tail)  # type: ignore[union-attr]
    bare = words.numberless_re.match(plain)
    if bare:
        tail = plain[bare.end():]
        rest = tail[_SEPARATOR.match(tail).end():]  # type: ignore[union-attr]
        return Guess(words.section_kind(bare[1]) or "week", None, rest, bare[1], False, numbered=False, tail=tail)
    return None


def _near_kind(word: str) -> str | None:
    """'week' or 'day' for a word a coach meant as one: 'Wek', 'Weeek', 'Weeks', 'Dya' …"""
    lowered = word.lower()
    if lowered in ("week", "weeks", "wk", "wks") or _close(lowered, "week", substitute=True):
        return "week"
    if lowered in ("day", "days") or _close(lowered, "day", substitute=False):
        return "day"
    return None


def _near_native(word: str, words: Words) -> str | None:
    """'week' or 'day' for a word a coach meant as one in the plan's language ('Wohce', 'Semiane',
    'Tga') or in English; a word of four letters or fewer allows no wrong letter."""
    lowered = fold(word)
    exact = words.section_kind(lowered) or words.section_kind(lowered.rstrip("sn").rstrip("e"))
    if exact is not None:
        return exact
    for heading, kind in words.sections.items():
        if heading.isalpha() and len(heading) >= 3 and _close(lowered, heading, substitute=len(heading) > 4):
            return kind
    return _near_kind(word)


def _squeeze(word: str) -> str:
    return "".join(c for i, c in enumerate(word) if i == 0 or word[i - 1] != c)


def _close(word: str, target: str, substitute: bool) -> bool:
    """One slip away: a doubled or dropped letter, one letter too many, two letters swapped,
    or (for the longer word) one letter wrong. 'Day' allows no wrong letter: 'May 5' is a date."""
    if _squeeze(word) == _squeeze(target):
        return True
    if len(word) == len(target) + 1:
        return any(word[:i] + word[i + 1:] == target for i in range(len(word)))
    if len(word) == len(target) - 1 >= 3:
        return any(target[:i] + target[i + 1:] == word for i in range(len(target)))
    if len(word) != len(target):
        return False
    wrong = [i for i in range(len(word)) if word[i] != target[i]]
    if len(wrong) == 2 and wrong[1] == wrong[0] + 1:
        return word[wrong[0]] == target[wrong[1]] and word[wrong[1]] == target[wrong[0]]
    return substitute and len(wrong) == 1


def candidates(blocks: list[Block], lines: list[str], words: Words = ENGLISH) -> list[Candidate]:
    """Every line of the outline that may start a section, in order."""
    found: list[Candidate] = []
    for block in blocks:
        if block.kind == "heading" and 1 <= block.level <= 4:
            seen = guess(block.text[:1000], words)
            if seen is not None:
                raw = lines[block.start]
                hashes = raw.find("#")
                col = hashes + 1 if block.level != 2 else hashes + 4
                found.append(Candidate(block.start, col, block.level, STRONG if block.level == 2 else MEDIUM, seen, block.text))
        elif block.kind == "list":
            for item in block.items:
                if item.children:
                    continue  # a bullet with sub-bullets is a session
                _plain(found, item.start, item.lines[0], lines[item.start], BULLET, words)
                for k in range(1, len(item.lines)):  # a line run on to the bullet: a lost '## ' leaves no gap
                    raw = lines[item.start + k]
                    if len(raw) - len(raw.lstrip()) < item.content_col:
                        _line(found, item.start + k, raw, words)
        elif block.kind == "other":
            _line(found, block.start, lines[block.start], words)
            for index in range(block.start + 1, block.end):  # '##Week 3' inside a paragraph: it is no heading to Markdown
                if _UNSPACED.match(lines[index].strip()):
                    _line(found, index, lines[index], words)
    return found


_UNSPACED = re.compile(r"#{1,6}(?=[^#\s])")  # '##Week 3': no heading to Markdown, one to its writer


def _line(found: list[Candidate], index: int, raw: str, words: Words) -> None:
    """A plain line that may be a heading written without '## ', or without the space after it."""
    text = raw.strip()
    unspaced = _UNSPACED.match(text)
    _plain(found, index, text[unspaced.end():] if unspaced else text, raw, HASHES if unspaced else PLAIN, words)


def _plain(found: list[Candidate], index: int, text: str, raw: str, level: int, words: Words) -> None:
    """A plain line or bullet that reads exactly like a heading's text: 'Week 5 — Peak'."""
    text = text.strip()
    if len(text) > _MOST:
        return
    seen = guess(text, words)
    if seen is None or seen.number is None or not words.line_re.match(text.translate(_NO_MARKUP).strip()):
        return
    col = len(raw) - len(raw.lstrip()) + 1
    found.append(Candidate(index, col, level, MEDIUM if level == HASHES else WEAK, seen, raw.strip()))


def choose(found: list[Candidate]) -> list[Candidate]:
    """The candidates that start sections: every correct '##' heading, and the others where
    their number is the one due there and is not the next correct heading's (nothing is
    read twice). A '##' heading without its number gets the number due, if there is a gap (the
    first week's included: '## Week — Build' before '## Week 2' is week 1 without its number)."""
    exact = [c for c in found if c.strength == STRONG and c.guess.exact]
    layout = exact or [c for c in found if c.strength != WEAK]
    if not layout:
        return _run_of_weeks(found)
    kind = layout[0].guess.kind
    following: list[int | None] = []
    upcoming: int | None = None
    for candidate in reversed(found):
        following.append(upcoming)
        if candidate.strength == STRONG and candidate.guess.exact:
            upcoming = candidate.guess.number
    following.reverse()
    chosen: list[Candidate] = []
    previous = 0
    for candidate, upcoming in zip(found, following, strict=True):
        if not (candidate.strength == STRONG and candidate.guess.exact):
            if candidate.guess.number is None:
                if candidate.strength != STRONG or (upcoming is not None and upcoming <= previous + 1):
                    continue
                candidate = replace(candidate, guess=replace(candidate.guess, number=previous + 1))
            if candidate.guess.kind != kind or not _fits(candidate, previous, upcoming):
                continue
        chosen.append(candidate)
        previous = candidate.guess.last or candidate.number
    return chosen


def _run_of_weeks(found: list[Candidate]) -> list[Candidate]:
    """With no heading at all, lines 'Week 1 …', 'Week 2 …' in order are the weeks, '##' left off."""
    run: list[Candidate] = []
    for candidate in found:
        if candidate.guess.kind == "week" and candidate.number == len(run) + 1:
            run.append(candidate)
    return run if len(run) >= 2 else []


def _fits(candidate: Candidate, previous: int, upcoming: int | None) -> bool:
    """Is this the number due after ``previous``, before the next correct heading's?"""
    number = candidate.number
    if candidate.strength == STRONG and previous:
        return True  # a '##' heading among the weeks is meant as one: its number is checked with the others
    if upcoming is not None and number >= upcoming:
        return False  # before the first week, "## Weeks 1–4: Base" may describe them
    if candidate.strength == STRONG:
        return True
    if upcoming is None and candidate.strength == WEAK:
        return False  # a note "Week 9: rest!" in the last week is a note
    if candidate.guess.kind == "week":
        return number == previous + 1
    if candidate.strength == WEAK:
        return False  # days may skip numbers: a note "Day 2: rest" inside day 1 may be meant as one
    return previous < number and (upcoming is not None or number <= previous + 7)


def fault(candidate: Candidate, words: Words = ENGLISH) -> tuple[tuple[object, ...], str] | None:
    """The mistake in a chosen heading, as a key (the same mistake made again has the same
    key) and the message; None for a correct heading."""
    seen = candidate.guess
    if candidate.level == 2 and seen.exact:
        return None
    noun = seen.kind
    fix = write(seen, candidate.number, words)
    shown = candidate.shown if len(candidate.shown) <= 60 else candidate.shown[:57].rstrip() + " …"
    if seen.last is not None:
        word, first = words.heading(noun), candidate.number
        these = f"'## {word} {first}' and '## {word} {seen.last}'" if seen.last == first + 1 else f"'## {word} {first}', '## {word} {first + 1}' …"
        return (("range", candidate.level), f"'{shown}' covers {noun}s {first} to {seen.last}; give each {noun} its own heading: {these}")
    if not seen.numbered:
        return (("number",), f"this {noun} heading has no number; write '{fix}'")
    if candidate.level == HASHES:
        return (("hashes",), f"'{shown}' needs a space after its '#' to be a heading; write '{fix}'")
    if candidate.level == PLAIN:
        return (("plain",), f"'{shown}' looks like a {noun} heading but has no '##' in front; write '{fix}'")
    if candidate.level == BULLET:
        return (("bullet",), f"'{shown}' looks like a {noun} heading but is written as a bullet; write '{fix}'")
    if seen.exact:
        return (("level", candidate.level), f"this heading starts with {number_word(candidate.level)} '#'; a {noun} heading "
                f"starts with two: write '{fix}'")
    return (("word", candidate.level, seen.word.lower()), f"'{shown}' looks like a {noun} heading; write '{fix}'")


def write(seen: Guess, number: int, words: Words = ENGLISH) -> str:
    """The heading as it should be written, such as '## Week 5 — Peak' (or '## Woche 5 — Peak')."""
    rest = seen.tail.rstrip()
    if len(rest) > 40:
        rest = rest[:37].rstrip() + " …"
    return f"## {words.heading(seen.kind)} {number}{rest}"


def spelt_number(text: str) -> int | None:
    """``Four`` as 4, ``twenty-one`` (or ``twenty one``) as 21, up to fifty-nine; None for anything else."""
    words = text.lower().replace("-", " ").split()
    if len(words) == 1 and words[0] in NUMBER_WORDS:
        return NUMBER_WORDS.index(words[0]) + 1
    if words and words[0] in _TENS and (len(words) == 1 or (len(words) == 2 and words[1] in NUMBER_WORDS[:9])):
        return _TENS[words[0]] + (NUMBER_WORDS.index(words[1]) + 1 if len(words) == 2 else 0)
    return None
