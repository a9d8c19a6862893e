"""Which week is which: the order of loading, deload, vacation, taper and race weeks.

The layout decides only the *kinds* of the output weeks and where each one's content
comes from; :mod:`generator.periodize.expand` fills in the sessions.

Deloads follow the cadence (``every`` 4: three loading weeks, then a lighter one),
counted from the last lighter week, whoever made it: a week the author marked, a
step-back the author wrote (see :mod:`generator.periodize.recognize`), a vacation.
The engine looks ahead before it adds one: when a lighter week of the author's, a
vacation or the taper comes within the next two weeks, it adds none (the block runs one
week longer, within the 2:1 to 6:1 range of the coaching rules, R1), so no deload of
the engine's sits next to one of the author's. A week holding a race is never replaced,
and is never what a deload is built from: a deload is built from the last
*representative* loading week. A deload that cannot be placed is a decision the
coach is told about.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from ..errors import Diagnostic, Severity
from ..model import Plan, Source, VacationStyle, WeekKind
from .recognize import STEP_BACK_VOLUME, SourceWeek
from .taper import TaperSpan

Place = Literal["before", "after", "replace", "taper"]
# Where vacations go: (place, source week index) -> the style of each week away there, in order
# (a holiday of several weeks is added at one place; a week replaced or tapered holds one).
Holidays = Mapping[tuple[Place, int], tuple[VacationStyle, ...]]
LOOK_AHEAD = 2  # weeks: a lighter week of the author's this close makes an engine deload redundant


@dataclass(frozen=True, slots=True)
class Slot:
    kind: WeekKind
    origin: int  # index of the source week whose place (and, for loading weeks, content) this is
    reference: int | None = None  # index of the slot a deload or vacation is built from
    inserted: bool = False
    marked: bool = False  # the author marked this week in the source
    style: VacationStyle | None = None
    step_back: bool = False  # a lighter loading week the author wrote, recognised
    long_run_back: bool = False  # recognised by its shorter long run alone: it spaces the load, no lighter week to a reader
    tapers: bool = False  # a loading week whose last few days begin the taper


@dataclass(frozen=True, slots=True)
class Decision:
    """Something the engine did to what the author wrote, said in ``check`` and ``build``."""

    code: str
    week: int  # the source week it is about (0-based), for the warning's line
    message: str
    note: bool = False  # what the author's own plan asked for (a lighter week of theirs honoured): a note, not a warning
    source: Source | None = None  # the line it is about, when not the week's heading (a session)


@dataclass(frozen=True)
class Layout:
    slots: tuple[Slot, ...]
    log: tuple[str, ...]
    decisions: tuple[Decision, ...]


class _Soon(NamedTuple):
    """A lighter week ahead: how it is said, and what it is ("vacation", "yours", "race", "taper"; "" none)."""

    text: str
    kind: str


class _Builder:
    def __init__(self, plan: Plan, weeks: Sequence[SourceWeek], span: TaperSpan | None,
                 vacations: Holidays, amount: Callable[[float], str]):
        self.plan = plan
        self.amount = amount
        self.weeks = weeks
        self.vacations = vacations
        p = plan.periodization
        self.every = p.deload_every
        self.insert = p.deload_mode == "insert"
        n = len(plan.weeks)
        self.span = span
        self.goal = n - 1 if span is not None or (weeks and weeks[-1].race and plan.race is not None) else None
        self.taper_first = span.first_week if span is not None else self.goal
        self.slots: list[Slot] = []
        self.log: list[str] = []
        self.decisions: list[Decision] = []
        self.run = 0  # loading weeks since the last lighter week
        self.dropped = False  # a deload due in this block was dropped (said once)
        self.reference: int | None = None  # the last representative loading slot
        self.raced = 0  # weeks holding a race since the last loading week without one
        self.waits = False  # a deload due on a week holding a race was said to wait (replace mode; said once a block)

    # -- what the coming weeks hold --

    def kind_of(self, index: int) -> str:
        week = self.weeks[index]
        if self.goal is not None and index == self.goal:
            return "race"
        if week.mark in ("deload", "vacation"):
            return "marked"  # kept as written, in the taper too
        if self.taper_first is not None and index >= self.taper_first:
            return "taper"
        if week.mark == "taper":
            return "taper"
        if ("replace", index) in self.vacations:
            return "vacation"
        if week.step_back:
            return "step-back"
        return "race-week" if week.race else "load"

    def lighter_soon(self, index: int) -> _Soon:
        """What lighter week comes within :data:`LOOK_AHEAD` weeks after source week ``index``, if any."""
        for ahead in range(index + 1, index + 1 + LOOK_AHEAD):
            if ("before", ahead) in self.vacations or ("after", ahead - 1) in self.vacations:
                return _Soon(f"a vacation before your week {ahead + 1}", "vacation")
            if ahead >= len(self.weeks):
                break
            kind = self.kind_of(ahead)
            if kind == "vacation":
                return _Soon(f"a vacation in your week {ahead + 1}", "vacation")
            if kind in ("marked", "step-back"):
                return _Soon(f"your lighter week {ahead + 1}", "yours")
            if kind == "race-week" and self.weeks[ahead].lighter_race_week:
                return _Soon(f"your race in week {ahead + 1}", "race")
            if kind in ("taper", "race"):
                return _Soon("the taper", "taper")
        return _Soon("", "")

    # -- building --

    def name(self, index: int, output: int | None = None) -> str:
        """Source week ``index`` as the reader has it (at output week ``output``, default: the next)
        and as the author wrote it."""
        number = (len(self.slots) if output is None else output) + 1
        return f"week {number}" if number == index + 1 else f"week {number} (your week {index + 1})"

    def emit(self, slot: Slot) -> int:
        self.slots.append(slot)
        if slot.kind != "load":
            self.dropped = False
        return len(self.slots) - 1

    def style(self, place: tuple[Place, int]) -> VacationStyle | None:
        """The style of the vacation replacing or within a week, if any."""
        styles = self.vacations.get(place)
        return styles[0] if styles else None

    def vacation(self, origin: int, style: VacationStyle, inserted: bool) -> None:
        self.emit(Slot("vacation", origin, reference=self.reference, inserted=inserted, style=style))
        self.restart()

    def build(self) -> Layout:
        for index in range(len(self.weeks)):
            if self.insert and self.kind_of(index) not in ("taper", "race"):
                for style in self.vacations.get(("before", index), ()):
                    self.vacation(index, style, inserted=True)
            self.week(index)
        self.races_only()
        return Layout(tuple(self.slots), tuple(self.log), tuple(self.decisions))

    def races_only(self) -> None:
        """Deloads asked for, and none placed because every few days a race restarted the rhythm (a
        track season's meets, counted as lighter weeks): said, as the plan has none of what it asked."""
        raced = [s.origin for s in self.slots if s.kind == "load" and self.weeks[s.origin].lighter_race_week]
        lighter = any(s.kind in ("deload", "vacation") or s.step_back or s.marked for s in self.slots)
        if self.every is not None and len(raced) >= self.every and not lighter:
            self.decisions.append(Decision("deload-dropped", raced[0], f"no deload in the plan: {len(raced)} of its weeks "
                                           "hold a race, each a lighter week the deload rhythm counts from, so none "
                                           "is ever due; mark a week {deload} for one, or write 'deload: {every: off}'"))

    def week(self, index: int) -> None:
        kind = self.kind_of(index)
        week = self.weeks[index]
        if kind in ("taper", "race"):
            marked = week.mark == "taper"
            away = self.style(("taper", index))
            if kind == "taper" and not marked and self.span is not None and not self.span.mostly_taper(index):
                self.emit(Slot("load", index, tapers=True, style=away))  # the taper begins late in the week
            else:
                self.emit(Slot("race" if kind == "race" else "taper", index, reference=self.reference, marked=marked,
                               style=away))
            return
        if kind == "marked":
            mark: WeekKind = "vacation" if week.mark == "vacation" else "deload"
            style: VacationStyle | None = None
            if mark == "vacation":
                style = next((styles[0] for (_, i), styles in self.vacations.items() if i == index and styles), "easy")
            self.emit(Slot(mark, index, reference=self.reference, marked=True, style=style))
            self.restart()
        elif kind == "vacation":
            self.vacation(index, self.style(("replace", index)) or "easy", inserted=False)
        elif kind == "step-back":
            self.rhythm(f"{self.name(index)} {self.step_back_how(week)}: the deload rhythm counts from it")
            by_running = not (week.by_strength or week.by_load)
            self.emit(Slot("load", index, step_back=True, long_run_back=by_running and week.volume > STEP_BACK_VOLUME * week.level))
            self.restart()
        elif kind == "race-week" and week.lighter_race_week:
            # A tune-up race is lighter days before it, a hard day, and easier days after: the
            # rhythm counts from it, as from any lighter week, and it is never a deload's model.
            lighter = (f" and is lighter ({self.amount(week.with_race)} with it, after {self.amount(week.level)})"
                       if week.level > 0 else "")
            self.rhythm(f"{self.name(index)} holds a race{lighter}: the deload rhythm counts from it")
            self.emit(Slot("load", index))
            self.restart()
        elif self.insert or not self.due() or kind == "race-week" or not self.replace(index, kind):
            if kind == "race-week":  # a race on top of a full week: no lighter week, and never a deload's place
                self.rhythm(f"{self.name(index)} holds a race {self.full_race_week(week)}: the deload rhythm goes on through it")
                self.wait(index)
            slot = self.emit(Slot("load", index))
            # A deload is made from the last loading week; from a week holding a race (the race left out)
            # only when every week for a while holds one (Lydiard's time trials), not from an older phase's.
            self.raced = 0 if kind == "load" else self.raced + 1
            if kind == "load" or self.reference is None or self.raced > LOOK_AHEAD:
                self.reference = slot
            self.run += 1
            if self.insert and self.due() and ("after", index) not in self.vacations:
                self.insert_after(index)
        if self.insert:
            for style in self.vacations.get(("after", index), ()):
                self.vacation(index, style, inserted=True)

    def rhythm(self, message: str) -> None:
        """What a week does to the deload rhythm, for ``deload expand``; nothing without deloads."""
        if self.every is not None:
            self.log.append(message)

    def step_back_how(self, week: SourceWeek) -> str:
        """How a lighter week the author wrote is lighter."""
        if week.by_strength:
            return (f"is a lighter week you wrote ({week.strength / week.strength_level:.0%} of the strength load before "
                    "it, its running no heavier)")
        if week.by_load:
            return f"is a lighter week you wrote ({week.volume / week.level:.0%} of the strength load before it)"
        if week.volume > STEP_BACK_VOLUME * week.level:
            return (f"steps the long run back ({self.amount(week.long_run)}) in a week of {self.amount(week.volume)}, "
                    f"after {self.amount(week.level)}")
        return f"is a lighter week you wrote ({self.amount(week.volume)}, after {self.amount(week.level)})"

    def full_race_week(self, week: SourceWeek) -> str:
        """Why a week holding a race is no lighter week: "but is not lighter (…)", or shorter with hard sessions."""
        sizes = f"{self.amount(week.with_race)} with it, after {self.amount(week.level)}"
        return (f"and is shorter ({sizes}), but with {week.hard} hard sessions besides the race, no lighter week"
                if week.with_race <= STEP_BACK_VOLUME * week.level + 1e-9 else f"but is not lighter ({sizes})")

    def wait(self, index: int) -> None:
        """Replace mode: a deload due on a week holding a race (never replaced) waits for one without;
        said once a block, unless a lighter week comes soon anyway (its own note says that)."""
        if not self.insert and self.due() and not self.waits and not self.lighter_soon(index).kind:
            self.waits = True
            self.decisions.append(Decision("deload-dropped", index, f"no deload in {self.name(index)}: it holds a race, "
                                           "and a week holding one is never replaced; the deload waits for a week "
                                           "without one ('mode: insert' adds one instead)"))

    def restart(self) -> None:
        """A lighter week: the deload rhythm counts from here, and a new block may say its own dropped deload."""
        self.run = 0
        self.dropped = self.waits = False

    def due(self) -> bool:
        return self.every is not None and self.run >= self.every - 1

    def insert_after(self, index: int) -> None:
        if index + 1 >= len(self.weeks):
            return  # the plan ends here: nothing to recover for
        soon = self.lighter_soon(index)
        if soon.kind == "taper":
            self.drop(index, f"no deload after {self.name(index, len(self.slots) - 1)}: it would fall right before the taper, "
                             "which follows instead")
            return
        if soon.kind:
            self.note_once(index, f"no deload after {self.name(index, len(self.slots) - 1)}: {soon.text} comes within "
                                  f"{LOOK_AHEAD} weeks", soon)
            return
        if self.reference is None:
            return  # no loading week to build it from yet (only a race week so far): the next one is
        self.emit(Slot("deload", index, reference=self.reference, inserted=True))
        self.restart()

    def note_once(self, index: int, message: str, soon: _Soon) -> None:
        """A deload left out for a lighter week of the author's: said once a block, in check and build
        too (the block runs a week longer than the plan's rhythm) when that week is a vacation or a
        race; for a step-back the author wrote, the engine's note says the rhythm counts from it."""
        if not self.dropped:
            self.dropped = True
            if soon.kind == "yours":
                self.log.append(message)
            else:
                self.decisions.append(Decision("deload-skipped", index, message, note=True))

    def drop(self, index: int, message: str) -> None:
        """A deload due that cannot be placed: said once a block, as the plan then runs long."""
        if not self.dropped:
            self.dropped = True
            self.decisions.append(Decision("deload-dropped", index, message))

    def replace(self, index: int, kind: str) -> bool:
        """Replace mode: the due week becomes a deload, unless a lighter week follows soon."""
        soon = self.lighter_soon(index)
        if soon.kind == "taper":
            self.drop(index, f"no deload in {self.name(index)}: it would fall right before the taper, which follows instead")
            return False
        if soon.kind:
            self.note_once(index, f"{self.name(index)} is not replaced by a deload: {soon.text} comes within {LOOK_AHEAD} weeks",
                           soon)
            return False
        if self.reference is None:
            return False
        self.emit(Slot("deload", index, reference=self.reference))
        self.restart()
        return True


def build_layout(plan: Plan, weeks: Sequence[SourceWeek], span: TaperSpan | None,
                 vacations: Holidays, amount: Callable[[float], str] = str) -> Layout:
    """Lay out the output weeks. ``vacations`` maps (place, source week index) to the styles
    of the weeks away there: ``before``/``after`` a source week (insert mode: added weeks, in
    order; ``after`` takes the place of a deload due there), ``replace`` a source week (replace
    mode), or within a ``taper`` week."""
    return _Builder(plan, weeks, span, vacations, amount).build()


def decision_warnings(plan: Plan, decisions: Sequence[Decision]) -> list[Diagnostic]:
    """What the engine did to what the author wrote, at the line of the week it concerns."""
    result = []
    for decision in decisions:
        where = decision.source or plan.weeks[min(decision.week, len(plan.weeks) - 1)].source
        severity = Severity.NOTE if decision.note else Severity.WARNING
        result.append(Diagnostic(where.file, where.line, where.col, decision.message, severity, decision.code))
    return result
