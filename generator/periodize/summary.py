"""What the engine made of the weeks the author wrote, in one line for ``deload check`` and ``deload build``.

``deload expand`` shows every week; the other commands show warnings, and a plan whose
engine added weeks or tapered written ones would pass them in silence ("week 8 (your
week 7)" in a warning, with nothing to say why the numbers moved). The line is a note,
not a warning: it is what the author asked for, said so that nothing changes unseen.
"""

from __future__ import annotations

from datetime import timedelta

from ..errors import Diagnostic, Severity
from ..expanded import ExpandedPlan, PlannedWeek


def engine_note(expanded: ExpandedPlan) -> Diagnostic | None:
    """``the engine made 14 weeks of your 12: deloads added after your weeks 3 and 6; …``, at the
    plan's periodization settings; None when every week is as written."""
    plan = expanded.plan
    marks = [w.mark for w in plan.weeks]
    added = [w for w in expanded.weeks if w.inserted]
    after = [_source_before(expanded, w.number) for w in added if w.kind == "deload"]
    away = [_source_after(expanded, w.number) for w in added if w.kind == "vacation"]
    replaced = [w.origin for w in expanded.weeks if w.kind == "deload" and not w.inserted and w.origin is not None
                and marks[w.origin - 1] != "deload"]
    step_backs = [w.origin for w in expanded.weeks if w.step_back and w.origin is not None]
    changed = [w for w in expanded.weeks if w.origin is not None and not w.inserted and any(p.original for p in w.sessions)]
    # A loading week whose last days begin the taper ("taper-from"): its cuts are the taper's too.
    begun = {w.origin: _taper_day(w) for w in changed if w.origin is not None and w.kind == "load" and _taper_day(w)}
    tapered = [w.origin for w in expanded.weeks if w.origin is not None and not w.inserted
               and ((w.kind == "taper" and marks[w.origin - 1] != "taper" and w in changed) or (w.kind == "race" and w in changed)
                    or w.origin in begun)]
    parts = []
    if after:
        parts.append(f"{_a('deload', after)} added after your {_weeks(after)}")
    if away:
        parts.append(f"{_a('vacation week', away)} added before your {_weeks(away)}")
    if replaced:
        parts.append(f"your {_weeks(replaced)} {'is a deload' if len(replaced) == 1 else 'are deloads'}")
    if step_backs and plan.periodization.deload_every:  # with no deloads, no rhythm to count
        parts.append(f"the deload rhythm counts from your lighter {_weeks(step_backs)}")
    if tapered:
        parts.append(f"the taper cuts your {_weeks(tapered) if not begun else _listed(tapered, begun)}")
    if not parts:
        return None
    grown = len(expanded.weeks) - len(plan.weeks)
    if grown > 0 and expanded.anchor == "start" and expanded.race_date is not None:
        # The plan grows from its start: the race the coach counted weeks to moves with it.
        written = expanded.race_date - timedelta(weeks=grown)
        parts.append(f"from the start on {expanded.start:%a %-d %b %Y} the race falls on {expanded.race_date:%a %-d %b %Y}, "
                     f"not {written:%a %-d %b %Y} as your {len(plan.weeks)} weeks would have it ('mode: replace' keeps "
                     "them, or date the plan by its race: 'race: {date: …}')")
    head = (f"the engine made {len(expanded.weeks)} weeks of your {len(plan.weeks)}: "
            if len(expanded.weeks) != len(plan.weeks) else f"in your {len(plan.weeks)} weeks: ")
    where = plan.location("periodization")
    return Diagnostic(where.file, where.line, where.col, head + "; ".join(parts) + " (deload expand shows each week)",
                      Severity.NOTE, "engine-summary")


def _listed(numbers: list[int], begun: dict[int, int]) -> str:
    """``week 11 from day 5 and week 12``."""
    items = [f"week {n}" + (f" from day {begun[n]}" if n in begun else "") for n in sorted(set(numbers))]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _taper_day(week: PlannedWeek) -> int:
    """The day of a loading week the taper begins on (0: it does not)."""
    day = next((p.values.get("day") for p in week.note if p.code == "taper-from"), 0)
    return day if isinstance(day, int) else 0


def _source_before(expanded: ExpandedPlan, number: int) -> int:
    """The author's week an added week follows."""
    return next((w.origin for w in reversed(expanded.weeks[:number - 1]) if w.origin is not None and not w.inserted), 0)


def _source_after(expanded: ExpandedPlan, number: int) -> int:
    """The author's week an added week comes before (a holiday is added before the week it was given for)."""
    return next((w.origin for w in expanded.weeks[number:] if w.origin is not None and not w.inserted), len(expanded.plan.weeks))


def _a(noun: str, items: list[int]) -> str:
    return f"a {noun}" if len(items) == 1 else f"{noun}s"


def _weeks(numbers: list[int]) -> str:
    """``week 3``, ``weeks 3 and 6``, ``weeks 3, 6 and 9``, ``weeks 11–13``."""
    unique = sorted(set(numbers))
    if len(unique) == 1:
        return f"week {unique[0]}"
    if len(unique) > 2 and unique == list(range(unique[0], unique[-1] + 1)):
        return f"weeks {unique[0]}–{unique[-1]}"
    return f"weeks {', '.join(map(str, unique[:-1]))} and {unique[-1]}"
