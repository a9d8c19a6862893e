"""The plan body: an introduction, then ``## Week N`` (or ``## Day N``) sections.

The outline comes from :mod:`generator.source.blocks`, which follows CommonMark,
so a ``## Week`` inside a code block is not a week. Within a section, each top-level bullet is a session;
its sub-bullets are strength exercises or free notes, which stay Markdown.

A heading written almost right (:mod:`.headings`) or numbered out of order
(:mod:`.numbering`) is one error at that heading, and the plan is read as meant, so the
weeks after it raise no errors of their own.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field, replace

from ..errors import Collector, one_of, suggest
from ..model import MAX_WEEKS, Exercise, Session, SessionKind, Source, Week, WeekKind
from .blocks import MAX_DEPTH, Block, Item, TooDeep, scan
from .days import day_and_more, day_name, day_number, no_day
from .headings import Candidate, candidates, choose, fault
from .numbering import Step, message, number
from .prescriptions import looks_like_exercise, marks_as_units, parse_exercises
from .sessions import SessionLine
from .squeeze import Squeezed
from .words import ENGLISH, Words

MAX_LINE_CHARS = 1000  # of a line the grammar reads: a heading, a session, an exercise
MARKS: dict[str, WeekKind] = {"deload": "deload", "taper": "taper"}
KEEP_MARK = re.compile(r"(?i)\s*\{\s*keep\s*\}\s*$")  # a session's mark: as written, in a deload or the taper too


@dataclass
class _Section:
    kind: str  # "week" or "day"
    number: int
    title: str
    mark: WeekKind | None
    line: int
    col: int = 4  # of the heading's text
    span: int = 0  # 'Weeks 5–8' is one section for 3 more numbers
    fault: tuple[int, str] | None = None  # the column and message of a heading written wrong
    notes: list[str] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    loose: list[int] = field(default_factory=list)  # lines of its notes that may be sessions without their '- '


@dataclass(frozen=True)
class Body:
    intro: str
    weeks: tuple[Week, ...]
    layout: str
    # False after a mistake in the outline (a heading, a number): the weeks were read as the
    # author seems to have meant them, but checks of the last week or the plan's length may be wrong.
    sound: bool = True


def _blank_comments(text: str) -> str:
    """HTML comments are notes for the author only: blank them, keeping line numbers. (Found
    with ``str.find``: a pattern would rescan the rest of the file for every unclosed ``<!--``.)"""
    parts: list[str] = []
    last = 0
    while (start := text.find("<!--", last)) >= 0 and (end := text.find("-->", start + 4)) >= 0:
        parts += [text[last:start], "\n" * text.count("\n", start, end)]
        last = end + 3
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def read_body(text: str, first_line: int, week_starts: int, errors: Collector, words: Words = ENGLISH) -> Body:
    """Parse the Markdown after the frontmatter, in the plan's language; ``first_line`` is its line in the file."""
    text = _blank_comments(text)
    lines = text.split("\n")  # not splitlines(): U+2028 and friends are not line ends in a plan
    try:
        blocks = scan(lines)
    except TooDeep as exc:
        deep = lines[exc.line]
        errors.error(first_line + exc.line, len(deep) - len(deep.lstrip()) + 1, f"lists are nested more than {MAX_DEPTH} levels deep here; a plan needs "
                     "at most 3 (a session, its exercises, a note under one)")
        return Body("", (), "weeks")
    outline = _Outline(lines, first_line, week_starts, errors, choose(candidates(blocks, lines, words)), words)
    for block in blocks:
        outline.read(block)
    sections = outline.sections
    for section in sections:
        taken = {(session.day, session.kind) for session in section.sessions}  # "Sun: Race — good luck!": about Sunday's race
        for index in section.loose:
            bulletless(lines[index], first_line + index, week_starts, errors, words, taken)
    intro = "\n".join(lines[:outline.intro_end]).strip("\n")
    if not sections:
        last = max((i for i, line in enumerate(lines) if line.strip()), default=0)  # the last line with text
        errors.error(first_line + last, 1, f"the plan has no weeks; add sections such as '## {words.heading('week')} 1' "
                     f"with one bullet per session, e.g. '{words.example_session}'")
        return Body(intro, (), "weeks")
    layout = sections[0].kind
    weeks, numbered = _weeks_from_days(sections, errors, words) if layout == "day" else _weeks(sections, errors, words)
    if weeks and not errors.has_errors and not any(s.kind is not SessionKind.REST for w in weeks for s in w.sessions):
        errors.error(weeks[0].source.line, 1, "the plan has no sessions; list them as bullets such as '- Tue: Easy 3 mi'")
    return Body(intro, tuple(weeks), "days" if layout == "day" else "weeks", numbered and not outline.messages)


class _Outline:
    """The sections of a body, filled block by block; ``starts`` are the chosen section starts."""

    def __init__(self, lines: list[str], first_line: int, week_starts: int, errors: Collector, starts: list[Candidate],
                 words: Words = ENGLISH):
        self.lines, self.first_line, self.week_starts, self.errors = lines, first_line, week_starts, errors
        self.words = words
        self.starts = {c.index: c for c in starts}
        self.messages = _faults(starts, first_line, words)
        self.sections: list[_Section] = []
        self.intro_end = len(lines)

    def read(self, block: Block) -> None:
        """Add one top-level block: a section start, the sessions of a list, or a note."""
        lines = self.lines
        if block.kind == "heading":
            if block.level == 2:
                _check_length(block.text, lines[block.start], self.first_line + block.start, self.errors)
            if self._open(block.start):
                return
            if block.level == 2 and self.sections:
                return  # a '## Notes' between weeks belongs to no week
        if block.kind == "list":
            for item in block.items:
                self._item(item)
            return
        # A paragraph whose line is a section start ('##Week 3', a heading to its writer) is split there.
        cuts = [i for i in range(block.start, block.end) if i in self.starts]
        bounds = sorted({block.start, *cuts})
        for start, end in zip(bounds, [*bounds[1:], block.end], strict=True):
            if start in cuts:
                self._open(start)
                start += 1
            if start < end and self.sections:
                self._note(start, end)

    def _note(self, start: int, end: int) -> None:
        """Lines ``start`` to ``end`` as a note of the current section; in a week, a line of it that
        reads as a session is checked once the week's sessions are known (see :func:`bulletless`)."""
        section, lines = self.sections[-1], self.lines
        code = _FENCED.match(lines[start]) is not None or len(lines[start]) - len(lines[start].lstrip()) >= 4
        if section.kind == "week" and not code:
            section.loose += range(start, end)
        section.notes.append(_slice(lines, start, end))

    def _item(self, item: Item) -> None:
        """A bullet: a session, or a section start (the bullet itself, or a line run on to it)."""
        split = next((k for k in range(len(item.lines)) if item.start + k in self.starts), None)
        if split != 0 and self.sections:
            session = item if split is None else Item(item.start, item.start + split, item.content_col, item.lines[:split])
            _list_item(session, self.sections[-1], self.lines, self.first_line, self.week_starts, self.errors, self.words)
        if split is not None:
            self._open(item.start + split)
            if item.lines[split + 1:]:  # the lines run on to it: the section's first note
                self.sections[-1].notes.append("\n".join(item.lines[split + 1:]))

    def _open(self, index: int) -> bool:
        """Start the section chosen to start at line ``index``, if one is."""
        candidate = self.starts.get(index)
        if candidate is None:
            return False
        if not self.sections:
            self.intro_end = index
        line = self.first_line + index
        self.sections.append(_section(candidate, self.lines[index], line, self.errors))
        self.sections[-1].fault = self.messages.get(index)
        return True


def bulletless(raw: str, file_line: int, week_starts: int, errors: Collector, words: Words,
               taken: set[tuple[int, SessionKind]]) -> None:
    """An error at a line that reads as a session but has no '- ' in front (``Sun: Long 12 km``):
    Markdown makes it a note, and the session would be lost in silence. A note about a session of
    that kind on that day ("Sun: Race — good luck!"), or a rest day, is no session lost."""
    text = raw.strip()
    prefix = words.day_prefix_re.match(text)
    day = day_number(prefix[1], week_starts, words) if prefix is not None else None
    if prefix is None or day is None or day == -1:
        return
    col = raw.find(text) + 1
    quiet = Collector(errors.file)
    session = SessionLine(text[prefix.end():], file_line, col + prefix.end(), quiet, words).session(
        day, Source(errors.file, file_line, col))
    if session is None or quiet.has_errors or session.kind is SessionKind.REST or (day, session.kind) in taken:
        return
    shown = text if len(text) <= 60 else text[:57] + "…"
    errors.error(file_line, col, f"'{shown}' reads as a session but has no '- ' in front, so Markdown makes it a note "
                 f"and the session is lost: write '- {shown}'")


def _faults(starts: list[Candidate], first_line: int, words: Words) -> dict[int, tuple[int, str]]:
    """The error of each wrongly written section start; a mistake made on several headings
    (every week written '### Week N') is reported once, at the first."""
    groups: dict[tuple[object, ...], list[tuple[Candidate, str]]] = {}
    for candidate in starts:
        found = fault(candidate, words)
        if found is not None:
            groups.setdefault(found[0], []).append((candidate, found[1]))
    messages: dict[int, tuple[int, str]] = {}
    for group in groups.values():
        candidate, text = group[0]
        if len(group) > 1:
            more = len(group) - 1
            text += f" (the same for {more:,} more heading{'s' if more > 1 else ''} below, from line {first_line + group[1][0].index})"
        messages[candidate.index] = (candidate.col, text)
    return messages


def _check_length(content: str, raw: str, line: int, errors: Collector) -> None:
    content = content.strip()
    if len(content) > MAX_LINE_CHARS:
        col = raw.find("#") + 4  # the column after "## "
        errors.error(line, col + MAX_LINE_CHARS, f"this heading is {len(content):,} characters long; a heading may have "
                     f"at most {MAX_LINE_CHARS:,}: put the rest in a note under it")


def _section(candidate: Candidate, raw: str, line: int, errors: Collector) -> _Section:
    """A section from its chosen start (a heading too long is still a week: one mistake, one error)."""
    seen = candidate.guess
    shown = candidate.shown.strip()[:MAX_LINE_CHARS]
    col = raw.find(shown[:20]) + 1 if shown else candidate.col
    title, word = _title_and_mark(seen.rest[:MAX_LINE_CHARS])
    mark: WeekKind | None = None
    if word is not None:
        if word.lower() not in MARKS:
            errors.error(line, col + shown.rfind("{"), f"unknown week mark '{{{word}}}'{suggest(word.lower(), MARKS)}; "
                         f"expected {one_of('{' + m + '}' for m in MARKS)}")
        elif seen.kind == "day":  # "## Day 2 — Cycle 2 {deload}" had been taken, and done nothing
            setting = "its taper ('periodization: {taper: {days: 14}}')" if MARKS[word.lower()] == "taper" else \
                "its deloads ('periodization: {deload: {every: 3}}')"
            errors.error(line, col + shown.rfind("{"), f"{{{word}}} marks a week, and a plan written by days has no "
                         f"week headings: its weeks are seven days from Day 1; set {setting} in the frontmatter, "
                         "or write the plan by weeks")
        else:
            mark = MARKS[word.lower()]
    span = (seen.last or candidate.number) - candidate.number
    return _Section(seen.kind, candidate.number, title.strip(" —–-:"), mark, line, max(col, 1), span)


def _title_and_mark(rest: str) -> tuple[str, str | None]:
    """``Base {deload}`` -> ("Base", "deload"); a heading without a closing ``{mark}`` has none."""
    rest = rest.strip()
    opening = rest.rfind("{")
    if not rest.endswith("}") or opening < 0 or "}" in rest[opening + 1:-1]:
        return rest, None
    return rest[:opening].strip(), rest[opening + 1:-1].strip()


_FENCED = re.compile(r"^ {0,3}(?:`{3,}|~{3,})")  # a code block: never a session


def _slice(lines: list[str], start: int, end: int) -> str:
    return textwrap.dedent("\n".join(lines[start:end])).strip("\n")


def _list_item(item: Item, section: _Section, lines: list[str], first_line: int,
               week_starts: int, errors: Collector, words: Words = ENGLISH) -> None:
    line_index = item.start
    raw = lines[line_index]
    session_text, *continuation = item.lines
    session_text = session_text.rstrip()
    col0 = item.content_col + 1 if session_text else len(raw) + 1
    file_line = first_line + line_index
    if len(session_text) > MAX_LINE_CHARS:
        errors.error(file_line, col0 + MAX_LINE_CHARS, f"this session line is {len(session_text):,} characters long; a session "
                     f"line may have at most {MAX_LINE_CHARS:,}: put the detail in a note under it (an indented line)")
        return
    day = 1
    if section.kind == "week":
        prefix = words.day_prefix_re.match(session_text)
        parsed = day_number(prefix[1] if prefix else "", week_starts, words)
        if prefix is None or parsed is None:
            no_day(prefix[1] if prefix else None, session_text, file_line, col0, errors, words)
            return
        if parsed == -1:
            day_word = words.heading("day")
            errors.error(file_line, col0, f"'{prefix[1]}' is not a day of the week; expected {day_word} 1 … {day_word} 7")
            return
        day = parsed
        if day_and_more(session_text, file_line, col0, errors, words):  # "Sat-Sun:" read as "Sat" and "Sun: …"
            return
        col0 += prefix.end()
        session_text = session_text[prefix.end():]
        if section.sessions and day < section.sessions[-1].day:
            before = day_name(section.sessions[-1].day, week_starts, prefix[1], words)
            errors.error(file_line, col0 - prefix.end(), f"{prefix[1]} comes after {before} in week {section.number}; list the days in order")
            return
    source = Source(errors.file, file_line, col0)
    def under() -> bool:  # asked only of a line that names no kind of session: off the parser's hot path
        return any(looks_like_exercise(_marked(sub.lines[0].strip(), words)) for child in item.children
                   if child.kind == "list" for sub in child.items)

    keep = KEEP_MARK.search(session_text)  # "- Sat: Easy 5 km — parkrun {keep}": the engine never changes it
    session = SessionLine(session_text[:keep.start()] if keep else session_text, file_line, col0, errors, words,
                          exercises_under=under).session(day, source)
    if session is None:
        return
    exercises: list[Exercise] = []
    notes: list[str] = [line.strip() for line in continuation if line.strip()]
    # A line run on to it, not indented as its note: maybe a session without its '- ' (see bulletless).
    section.loose += (index for index in range(line_index + 1, line_index + 1 + len(continuation))
                      if len(lines[index]) - len(lines[index].lstrip()) < item.content_col)
    for child in item.children:
        if child.kind == "list" and session.kind is SessionKind.STRENGTH:
            found, said = _exercises(child.items, lines, first_line, errors, words)
            exercises += found
            notes += said
        else:
            notes.append(_slice(lines, child.start, child.end))
    if exercises:
        session = session.with_changes(exercises=session.exercises + tuple(exercises))
    if notes or keep:
        session = session.with_changes(notes="\n".join(notes), keep=keep is not None)
    section.sessions.append(session)


def _marked(text: str, words: Words) -> str:
    """An exercise's line with its holds' marks as units, in a plan of a language that writes them
    (``Gainage 3 x 45''``); an English plan's apostrophe is a quote or feet."""
    return text if words.english else marks_as_units(text)


def _exercises(items: list[Item], lines: list[str], first_line: int, errors: Collector,
               words: Words) -> tuple[list[Exercise], list[str]]:
    """A strength session's sub-bullets: its exercises, and its notes. What is written under an
    exercise is its comment (a cue for that lift, never lost); an exercise written under another
    is an error, never a note left undeloaded."""
    exercises: list[Exercise] = []
    notes: list[str] = []
    for sub in items:
        first = sub.lines[0].rstrip()
        squeezed = Squeezed(_marked(words.tidy_numbers(first.replace("*", " ").replace("`", " ")), words), sub.content_col + 1)
        if len(first) > MAX_LINE_CHARS or not looks_like_exercise(squeezed.text):
            notes.append(_slice(lines, sub.start, sub.end))
            continue
        found = parse_exercises(squeezed.text, first_line + sub.start, sub.content_col + 1, errors, squeezed.column)
        nested = [item for block in sub.children if block.kind == "list" for item in block.items
                  if looks_like_exercise(_marked(item.lines[0].strip(), words))]
        for item in nested:
            errors.error(first_line + item.start, item.content_col + 1,
                         f"an exercise goes in the session's list, not under another: move '{item.lines[0].strip()}' "
                         f"to the level of '{first.strip()}'")
        if found is None or nested:
            continue
        cue = "; ".join(line.strip().removeprefix("- ").removeprefix("* ") for line in lines[sub.start + 1:sub.end] if line.strip())
        if cue:  # on the first set of a ramp, as its comment is
            found[0] = replace(found[0], comment=" — ".join(filter(None, [found[0].comment, cue])))
        exercises += found
    return exercises, notes


def _weeks(sections: list[_Section], errors: Collector, words: Words = ENGLISH) -> tuple[list[Week], bool]:
    """The weeks in the order their numbers give, each numbering mistake reported once; and
    whether there was none."""
    for section in sections:
        if section.kind != "week":
            errors.error(section.line, section.col, "this plan is written in weeks; use '## Week N' headings throughout (or '## Day N' throughout)")
    kept = [s for s in sections if s.kind == "week"]
    steps = _numbers(kept, True, errors, words)
    weeks: list[Week] = []
    for section, step in sorted(((s, t) for s, t in zip(kept, steps, strict=True) if t.number is not None), key=lambda st: st[1].number or 0):
        if (step.number or 0) > MAX_WEEKS:
            errors.error(section.line, section.col, f"week {step.number} is beyond the limit of {MAX_WEEKS} weeks (two years)")
            return weeks, False
        weeks.append(Week(
            number=step.number or 0, source=Source(errors.file, section.line, 1), title=section.title,
            mark=section.mark, notes="\n\n".join(n for n in section.notes if n),
            sessions=tuple(section.sessions),
        ))
    return weeks, len(kept) == len(sections) and all(t.fault is None for t in steps)


def _numbers(sections: list[_Section], strict: bool, errors: Collector, words: Words = ENGLISH) -> list[Step]:
    """Read the sections' numbers (:mod:`.numbering`), reporting each mistake at its heading."""
    steps = number([s.number for s in sections], [s.span for s in sections], strict)
    first: dict[int, int] = {}
    for section, step in zip(sections, steps, strict=True):
        if step.fault is not None:  # its fix is the whole heading: it says all a wrong word would
            errors.error(section.line, section.col, message(section.kind, step, section.number, first.get(section.number),
                                                            words.heading(section.kind)))
        elif section.fault is not None:
            errors.error(section.line, *section.fault)
        first.setdefault(section.number, section.line)
    return steps


def _weeks_from_days(sections: list[_Section], errors: Collector, words: Words = ENGLISH) -> tuple[list[Week], bool]:
    """A day-by-day plan: Day N belongs to week (N - 1) // 7 + 1."""
    for section in sections:
        if section.kind != "day":
            errors.error(section.line, section.col, "this plan is written day by day; use '## Day N' headings throughout (or '## Week N' throughout)")
    kept = [s for s in sections if s.kind == "day"]
    steps = _numbers(kept, False, errors, words)
    sound = len(kept) == len(sections) and all(t.fault is None for t in steps)
    by_week: dict[int, list[Session]] = {}
    notes: dict[int, list[str]] = {}
    week_line: dict[int, int] = {}
    for section, step in zip(kept, steps, strict=True):
        if step.number is None:
            continue
        if step.number > MAX_WEEKS * 7:
            errors.error(section.line, section.col, f"day {step.number} is beyond the limit of {MAX_WEEKS * 7} days (two years)")
            sound = False
            break
        week, day = divmod(step.number - 1, 7)
        week_line.setdefault(week + 1, section.line)
        title = f"Day {step.number}" + (f" — {section.title}" if section.title else "")
        for note in section.notes:
            notes.setdefault(week + 1, []).append(f"**{title}.** {note}")
        for session in section.sessions:
            comment = " — ".join(filter(None, [section.title, session.comment]))
            by_week.setdefault(week + 1, []).append(session.with_changes(day=day + 1, comment=comment))
    count = max(by_week.keys() | week_line.keys(), default=0)
    return [
        Week(number=n, source=Source(errors.file, week_line.get(n, sections[0].line), 1),
             title="", notes="\n\n".join(notes.get(n, [])), sessions=tuple(by_week.get(n, [])))
        for n in range(1, count + 1)
    ], sound
