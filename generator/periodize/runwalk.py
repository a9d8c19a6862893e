"""Run-walk progressions and the engine's deloads.

A couch-to-5K plan grows by the length of its running spells (60 s, then 90 s, then 3 min …),
not by its minutes, which stay near 30. A deload shortens the spells of the week it is made
from, and can set the runner back behind a stage already run (90 s spells to 60 s after a week
of 90 s). The NHS Couch to 5K has no cutback weeks; a coach repeats a stage instead. The engine
says so where it happens, so that the author can repeat a week or turn deloads off.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import Diagnostic
from ..expanded import PlannedWeek
from ..model import Plan, SessionKind
from .volume import longest_spell, running_share
from .wording import warn, week_name


def shortened_spells(plan: Plan, weeks: Sequence[PlannedWeek]) -> list[Diagnostic]:
    """The engine's deload weeks whose longest run-walk spell is shorter than the week before the
    one they were made from: once, for the first, naming the others."""
    found: list[tuple[PlannedWeek, float, PlannedWeek, float]] = []
    for week in weeks:
        if week.kind != "deload" or week.reference is None or week.reference < 2:
            continue
        before = weeks[week.reference - 2]
        mine, theirs = _spell(week), _spell(before)
        if 0 < mine < theirs - 1e-9:
            found.append((week, mine, before, theirs))
    if not found:
        return []
    week, mine, before, theirs = found[0]
    others = ", ".join(str(w.number) for w, _, _, _ in found[1:])
    also = f" (and in weeks {others})" if len(found) > 2 else f" (and in week {others})" if others else ""
    at = plan.weeks[week.origin - 1].source if week.origin is not None else plan.source  # the week it follows
    return [warn(at, "deload-spells",
                 f"{week_name(week)}: the deload shortens your run-walk spells to {_spell_text(mine)}, shorter than "
                 f"the {_spell_text(theirs)} of week {before.number}{also}: a run-walk progression is set back by it "
                 "(the NHS Couch to 5K has no cutback weeks); to repeat a stage instead, write it again as a week "
                 "marked {deload}, or set 'deload: {every: off}'")]


def _spell(week: PlannedWeek) -> float:
    """The week's longest running spell between walks (seconds), of its runs with walks in them."""
    return max((longest_spell(p.session) for p in week.sessions
                if p.kind.is_run and p.kind is not SessionKind.RACE and running_share(p.session) < 1.0), default=0.0)


def _spell_text(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole} s" if whole < 120 else f"{whole // 60} min" + (f" {whole % 60} s" if whole % 60 else "")
