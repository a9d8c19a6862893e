"""The layout a plan settles on in replace mode: the weeks a deload replaces measure nothing
(once the plan is expanded they are marked deloads), so the source weeks are surveyed again
without them until the weeks replaced no longer change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..errors import Diagnostic
from ..model import Plan
from .layout import Decision, Holidays, Layout
from .recognize import SourceWeek, flipping
from .vacations import LayOut, place_dated

REPLACE_ROUNDS = 30  # layouts at most: plans settle in two, a cycle in four; one that does not keeps its last


def settle(plan: Plan, weeks: tuple[SourceWeek, ...], vacations: Holidays,
           settled: list[Decision], lay_out_with: Callable[[tuple[SourceWeek, ...]], LayOut],
           survey_with: Callable[[frozenset[int], frozenset[int]], tuple[SourceWeek, ...]]
           ) -> tuple[tuple[SourceWeek, ...], Layout, date | None, list[Diagnostic], list[Decision]]:
    """The layout, and the weeks surveyed for it. A week a deload replaces measures nothing, as it
    will not once the plan is expanded (and marked): survey again without it until the weeks
    replaced no longer change; the weeks a cycle flips between are not the author's step-backs."""
    replaced: frozenset[int] = frozenset()
    refused: frozenset[int] = frozenset()
    surveyed: dict[frozenset[int], tuple[SourceWeek, ...]] = {replaced: weeks}
    for _ in range(REPLACE_ROUNDS):
        decisions = list(settled)
        layout, first, warnings = place_dated(plan, dict(vacations), lay_out_with(weeks), decisions)
        now = frozenset(s.origin for s in layout.slots if s.kind == "deload" and not s.inserted and not s.marked)
        if now == replaced:
            break
        if now in surveyed:  # a cycle
            cycle = list(surveyed)[list(surveyed).index(now):]
            refused |= flipping([surveyed[r] for r in cycle])
            surveyed = {}
        replaced = now
        weeks = survey_with(replaced, refused)
        surveyed[replaced] = weeks
    return weeks, layout, first, warnings, decisions
