"""What the author wrote, as the engine sees it before changing anything.

Published plans have their own rhythm: Higdon steps the long run back every third
week, Pfitzinger writes a recovery week every four to six, a coach writes a light
week around travel. The engine recognises those weeks so that it never puts a deload
of its own next to or on top of one, counts its cadence from them, and never builds
a deload from them. A week is a *step-back the author wrote* when, unmarked, it is
clearly lighter than the representative loading weeks before it and the plan rises
again after it:

- its volume is at least 10% below the highest of the (up to three) representative
  loading weeks before it (Pfitzinger's recovery weeks cut about 15–25%, R3 in the
  coaching rules), or
- its long run is at least 20% shorter than the last representative week's while its
  volume is lower (Higdon's step-backs cut the long run by about 25–30%, R2).

A *representative* loading week is one that is neither marked, nor a step-back, nor a
week holding a race. Weeks holding a race are never step-backs or references.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Plan, SessionKind, WeekKind
from .volume import Measure, size

K = SessionKind
STEP_BACK_VOLUME = 0.90  # at most 90% of the level: 10% lighter
STEP_BACK_LONG_RUN = 0.80  # a long run 20% shorter
RISES_AGAIN = 1.05  # the next representative week is at least 5% bigger
LEVEL_WEEKS = 3


@dataclass(frozen=True, slots=True)
class SourceWeek:
    """One week as written, with the facts the engine decides by."""

    index: int  # 0-based
    volume: float  # in the plan's basis (km or minutes), optional runs left out
    long_run: float  # the longest run that is not a race
    runs: int
    race: bool  # holds a race session (a tune-up, or the goal race in the last week)
    mark: WeekKind | None
    step_back: bool = False  # a lighter week the author wrote without marking it
    level: float = 0.0  # the highest of the representative loading weeks before it

    @property
    def representative(self) -> bool:
        """A loading week a deload may be built from and progression measured against."""
        return self.mark is None and not self.step_back and not self.race and self.volume > 0


def survey(plan: Plan, measure: Measure, basis: str, last_loading: int) -> tuple[SourceWeek, ...]:
    """Every source week's facts; step-backs are looked for in weeks ``0 .. last_loading``
    (the weeks before the taper)."""
    facts = [_facts(plan, index, measure, basis) for index in range(len(plan.weeks))]
    result: list[SourceWeek] = []
    for index, week in enumerate(facts):
        before = [w for w in result if w.representative][-LEVEL_WEEKS:]
        level = max((w.volume for w in before), default=0.0)
        step_back = (index <= last_loading and week.mark is None and not week.race and bool(before)
                     and _lighter(week, level, before[-1]) and _rises_again(week, facts[index + 1:last_loading + 1]))
        result.append(SourceWeek(week.index, week.volume, week.long_run, week.runs, week.race, week.mark,
                                 step_back=step_back, level=level))
    return tuple(result)


def _facts(plan: Plan, index: int, measure: Measure, basis: str) -> SourceWeek:
    sessions = plan.weeks[index].sessions
    runs = [s for s in sessions if s.kind.is_run and not s.optional]
    return SourceWeek(
        index=index, volume=sum(size(s, measure, basis) for s in runs if s.kind is not K.RACE),
        long_run=max((size(s, measure, basis) for s in runs if s.kind is not K.RACE), default=0.0),
        runs=len(runs), race=any(s.kind is K.RACE for s in sessions), mark=plan.weeks[index].mark,
    )


def _lighter(week: SourceWeek, level: float, last: SourceWeek) -> bool:
    if level <= 0:
        return False
    if week.volume <= STEP_BACK_VOLUME * level + 1e-9:
        return True
    return last.long_run > 0 and week.long_run <= STEP_BACK_LONG_RUN * last.long_run + 1e-9 and week.volume < level - 1e-9


def _rises_again(week: SourceWeek, after: Sequence[SourceWeek]) -> bool:
    """The next unmarked week without a race is bigger again (a new, lower level is not a step-back)."""
    following = next((w for w in after if w.mark is None and not w.race), None)
    if following is None:
        return True  # the last week before the taper: its drop alone decides
    return (following.volume >= week.volume * RISES_AGAIN - 1e-9
            or following.long_run >= week.long_run * (1 / STEP_BACK_LONG_RUN) - 1e-9)


def level_before(weeks: Sequence[SourceWeek], index: int) -> float:
    """The highest volume of the representative loading weeks just before ``index``."""
    before = [w for w in weeks[:index] if w.representative][-LEVEL_WEEKS:]
    return max((w.volume for w in before), default=0.0)
