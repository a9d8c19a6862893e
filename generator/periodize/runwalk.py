"""Run-walk progressions and the engine's deloads.

A couch-to-5K plan grows by the length of its running spells (60 s, then 90 s, then 3 min …),
not by its minutes, which stay near 30. A deload shortens the spells of the week it is made
from, and can set the runner back behind a stage already run (90 s spells to 60 s after a week
of 90 s). The NHS Couch to 5K has no cutback weeks; a coach repeats a stage instead. The engine
says so where it happens, so that the author can repeat a week or turn deloads off.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..describe import minutes_and_seconds, written_text
from ..errors import Diagnostic
from ..expanded import PlannedWeek
from ..model import Duration, Plan, SessionKind
from .volume import longest_spell, running_share, spell_amount
from .wording import warn, week_name


def shortened_spells(plan: Plan, weeks: Sequence[PlannedWeek]) -> list[Diagnostic]:
    """The engine's deload weeks whose longest run-walk spell is shorter than the week before the
    one they were made from: once, for the first, naming the others."""
    found: list[tuple[PlannedWeek, str, PlannedWeek, str]] = []
    for week in weeks:
        if week.kind != "deload" or week.reference is None or week.reference < 2 or _marked(plan, week):
            continue
        before = weeks[week.reference - 2]
        (mine, my_text), (theirs, their_text) = _spell(week, plan.units), _spell(before, plan.units)
        if 0 < mine < theirs - 1e-9:
            found.append((week, my_text, before, their_text))
    if not found:
        return []
    week, shorter, before, longer = found[0]
    also = f" (and in {'; '.join(week_name(w) for w, _, _, _ in found[1:])})" if len(found) > 1 else ""
    at = plan.weeks[week.origin - 1].source if week.origin is not None else plan.source  # the week it follows
    return [warn(at, "deload-spells",
                 f"{week_name(week)}: the deload shortens your run-walk spells to {shorter}, shorter than "
                 f"the {longer} of {week_name(before)}{also}: a run-walk progression is set back by it "
                 "(the NHS Couch to 5K has no cutback weeks); to repeat a stage instead, write it again as a week "
                 "marked {deload}, or set 'deload: {every: off}'")]


def _marked(plan: Plan, week: PlannedWeek) -> bool:
    """A week the author wrote as a deload (``{deload}``): theirs, not the engine's."""
    return not week.inserted and week.origin is not None and plan.weeks[week.origin - 1].mark == "deload"


def _spell(week: PlannedWeek, units: str) -> tuple[float, str]:
    """The week's longest running spell between walks, of its runs with walks in them: as
    :func:`longest_spell` counts it, and as written (a time, or a distance)."""
    runs = [p.session for p in week.sessions
            if p.kind.is_run and p.kind is not SessionKind.RACE and running_share(p.session) < 1.0]
    longest = max(runs, key=longest_spell, default=None)
    amount = spell_amount(longest) if longest is not None else None
    if longest is None or amount is None:
        return 0.0, ""
    if isinstance(amount, Duration):
        return amount.seconds, minutes_and_seconds(round(amount.seconds))
    return longest_spell(longest), written_text(amount, units)
