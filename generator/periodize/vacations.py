"""Vacations: the weeks a reader is away, given by the author's week number or by date.

In insert mode a vacation is an added week (no written week is lost) that takes the place
of the deload due next to it; in replace mode it replaces the author's week. A dated
vacation is exactly the week holding its date. In the taper it is honoured within the
taper. Each is said as a decision (see :mod:`generator.periodize.layout`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from ..describe import number_word
from ..errors import Diagnostic, Severity
from ..model import Plan, SessionKind, Vacation, VacationStyle
from .layout import Decision, Holidays, Layout, Place
from .taper import TaperSpan, race_day

_ADDED = " (added; with 'replace: true' it takes the place of the week that holds the date)"
Holiday = tuple[VacationStyle, ...]  # the style of each week of it
LayOut = Callable[[Holidays], tuple[Layout, date | None]]


def _in_taper(plan: Plan, span: TaperSpan | None, index: int) -> bool:
    last = len(plan.weeks) - 1
    return (span is not None and index >= span.first_week) or (race_day(plan) is not None and index == last)


def week_vacations(plan: Plan, span: TaperSpan | None, decisions: list[Decision]) -> dict[tuple[Place, int], Holiday]:
    """Vacations given by week number: in insert mode an added week before the author's week,
    in replace mode that week itself; in the taper, honoured within it. Vacations on the
    author's weeks in a row (7, 8 and 9) are one holiday: all its weeks go before the first."""
    result: dict[tuple[Place, int], Holiday] = {}
    added = _added_weeks(plan, span)
    given = {v.week: v for v in plan.periodization.vacations if v.week is not None}  # a week given twice is one vacation
    for week, vacation in sorted(given.items()):
        index = week - 1
        if index in added:
            first = next(i for i in range(index, -1, -1) if i - 1 not in added)  # the holiday's first week
            result[("before", first)] = (*result.get(("before", first), ()), vacation.style)
            decisions.append(Decision("vacation-applied", index, _applied(vacation.style, True, f"your week {first + 1}")
                                      + _holiday(added, first, index)))
        elif plan.weeks[index].mark == "vacation":
            result[("replace", index)] = (vacation.style,)  # a week marked as a vacation already (an expanded plan)
        elif _in_taper(plan, span, index):
            result[("taper", index)] = (vacation.style,)
            decisions.append(_taper_vacation(index, vacation.style))
        elif plan.weeks[index].mark is not None:
            decisions.append(Decision("vacation-changed", index, f"the vacation in your week {index + 1} is not added: "
                                      f"that week is already marked {{{plan.weeks[index].mark}}}"))
        else:
            result[("replace", index)] = (vacation.style,)
            decisions.append(Decision("vacation-applied", index, _applied(vacation.style, False, f"your week {index + 1}")
                                      + _race_kept(plan, index)))
    return result


def _holiday(added: set[int], first: int, index: int) -> str:
    """``; with the vacation of your week 7: your weeks 7 and 8 are one holiday of two weeks``
    for the second and later weeks of a holiday; nothing for its first."""
    if index == first:
        return ""
    last = index
    while last + 1 in added:
        last += 1
    before = [str(i + 1) for i in range(first, index)]
    weeks = f"{first + 1} and {last + 1}" if last == first + 1 else f"{first + 1} to {last + 1}"
    return (f"; with the vacation{'s' if len(before) > 1 else ''} of your week{'s' if len(before) > 1 else ''} "
            f"{' and '.join(before)}: your weeks {weeks} are one holiday of {number_word(last - first + 1)} weeks")


def _added_weeks(plan: Plan, span: TaperSpan | None) -> set[int]:
    """The author's weeks (0-based) a vacation given by week number is added before (insert mode)."""
    return {v.week - 1 for v in plan.periodization.vacations
            if v.week is not None and inserted(plan, v) and plan.weeks[v.week - 1].mark is None
            and not _in_taper(plan, span, v.week - 1)}


def inserted(plan: Plan, vacation: Vacation) -> bool:
    """Whether a vacation is an added week (the deload mode's insert, unless it says 'replace: true')."""
    return plan.periodization.deload_mode == "insert" if vacation.replace is None else not vacation.replace


def _race_kept(plan: Plan, index: int) -> str:
    """What a vacation that replaces the author's week ``index`` keeps of it: its race, if any."""
    return "; the race in it is kept" if any(s.kind is SessionKind.RACE for s in plan.weeks[index].sessions) else ""


def _how(style: VacationStyle) -> str:
    return ("no running, mobility only" if style == "rest" else
            "easy running only, at most 70% of the volume (or the week as you wrote it, if lighter)")


def _applied(style: VacationStyle, insert: bool, where: str) -> str:
    if insert:
        return (f"a vacation week is added before {where}, and the deload rhythm counts from it: {_how(style)} "
                "(with 'replace: true' it takes that week's place, and the plan keeps its length)")
    return f"{where} is a vacation week: {_how(style)}"


def _taper_vacation(index: int, style: VacationStyle, when: date | None = None) -> Decision:
    how = "no running, the race kept" if style == "rest" else "easy running only, within the taper's volume"
    what = f"the vacation on {when:%a %-d %b %Y}" if when is not None else f"the vacation in your week {index + 1}"
    return Decision("vacation-changed", index, f"{what} falls in the taper: {how}")


def place_dated(plan: Plan, vacations: Holidays, lay_out: LayOut,
                decisions: list[Decision]) -> tuple[Layout, date | None, list[Diagnostic]]:
    """Vacations given by date land on the week holding that date. An added week moves the weeks
    before it (plans dated by race day) or after it (by start day), and a vacation may take the
    place of a deload instead, so each is placed by trying the places around its date; ``lay_out``
    lays out the plan with given vacations and dates it."""
    dated = sorted((v for v in plan.periodization.vacations if v.date is not None), key=lambda v: v.date or date.min)
    # An added week moves the weeks on one side of it: placed from that side, each vacation
    # placed keeps its week (a plan dated by race day takes its latest holiday first).
    tries = [_place(dated, vacations, lay_out, plan, True), _place(dated[::-1], vacations, lay_out, plan, False)] \
        if len(dated) > 1 else [_place(dated, vacations, lay_out, plan, True)]
    layout, first, places = max(tries, key=lambda t: len(t[2]))
    for vacation, place in sorted(places, key=lambda vp: vp[0].date or date.min):
        assert vacation.date is not None and first is not None
        if place[0] == "taper":
            decisions.append(_taper_vacation(place[1], vacation.style, vacation.date))
        else:
            week = (vacation.date - first).days // 7 + 1
            decisions.append(Decision("vacation-applied", min(place[1], len(plan.weeks) - 1),
                                      f"the vacation on {vacation.date:%a %-d %b %Y} makes week {week} a vacation week"
                                      f"{_ADDED if place[0] in ('before', 'after') else ''}: {_how(vacation.style)}"
                                      f"{_race_kept(plan, place[1]) if place[0] == 'replace' else ''}"))
    warnings = [_dated_warning(v, first, layout) for v in dated]
    return layout, first, [w for w in warnings if w is not None]


def _place(dated: list[Vacation], vacations: Holidays, lay_out: LayOut, plan: Plan,
           forward: bool) -> tuple[Layout, date | None, list[tuple[Vacation, tuple[Place, int]]]]:
    """The plan laid out with ``dated`` placed in that order (``forward``: by date; else latest
    first), each where the weeks of those placed before it stay theirs; and where each went (a
    vacation without a place is left out)."""
    placed: dict[tuple[Place, int], Holiday] = dict(vacations)
    layout, first = lay_out(placed)
    places: list[tuple[Vacation, tuple[Place, int]]] = []
    for vacation in dated:
        assert vacation.date is not None
        if first is None:
            break
        if _covers(layout, first, vacation.date, vacation.style):
            continue  # the week is a holiday already
        index = (vacation.date - first).days // 7
        for place in _candidates(layout, index, inserted(plan, vacation), len(plan.weeks), forward):
            there = placed.get(place, ())
            if there and place[0] not in ("before", "after"):
                continue  # a week is replaced once
            # Added weeks at one place follow each other: a later holiday week after those there.
            styles = (*there, vacation.style) if forward else (vacation.style, *there)
            trial, trial_first = lay_out(placed | {place: styles})
            held = [(v.date, v.style) for v, _ in places if v.date is not None]
            if trial_first is not None and all(_covers(trial, trial_first, d, style)
                                               for d, style in (*held, (vacation.date, vacation.style))):
                placed[place] = styles
                layout, first = trial, trial_first
                places.append((vacation, place))
                break
    return layout, first, places


def _candidates(layout: Layout, index: int, insert: bool, weeks: int, forward: bool = True) -> list[tuple[Place, int]]:
    """Where a vacation in output week ``index`` could be placed, most likely first. An added week
    goes into the gap before or after the source week there; a gap is written two ways (after one
    week, before the next: in that order), so that two holidays in a row both fit into it: placed
    by date (``forward``), a vacation takes a gap's first place and leaves the second to the next
    one; latest first, the second."""
    if not 0 <= index < len(layout.slots):
        return []
    slot = layout.slots[index]
    if slot.kind in ("taper", "race") or slot.tapers:
        return [("taper", slot.origin)]
    if slot.marked or slot.kind == "vacation":
        return []
    if not insert:
        return [("replace", slot.origin)]
    if slot.kind == "deload" and slot.inserted:
        return [("after", slot.origin)]  # takes the place of the deload due there
    before: list[tuple[Place, int]] = [("after", slot.origin - 1), ("before", slot.origin)]
    after: list[tuple[Place, int]] = [("after", slot.origin), ("before", slot.origin + 1)]
    gaps = (before + after) if forward else (before[::-1] + after[::-1])
    return [(place, origin) for place, origin in gaps if 0 <= origin < weeks]


def _covers(layout: Layout, first: date, when: date, style: VacationStyle | None = None) -> bool:
    """Whether the week holding ``when`` is a vacation (or a taper week with one in it), of ``style`` if given."""
    index = (when - first).days // 7
    if not 0 <= index < len(layout.slots):
        return False
    slot = layout.slots[index]
    return (slot.kind == "vacation" or slot.style is not None) and (style is None or slot.style in (None, style))


def _dated_warning(vacation: Vacation, first: date | None, layout: Layout) -> Diagnostic | None:
    assert vacation.date is not None
    where = vacation.source
    if first is None:
        return Diagnostic(where.file, where.line, where.col, f"vacation on {vacation.date.isoformat()} ignored: the plan "
                          "has no start or race date", Severity.WARNING, "vacation-undated")
    last = first + timedelta(days=len(layout.slots) * 7 - 1)
    if not first <= vacation.date <= last:
        return Diagnostic(where.file, where.line, where.col, f"vacation on {vacation.date.isoformat()} is outside the plan "
                          f"({first.isoformat()} to {last.isoformat()})", Severity.WARNING, "vacation-outside")
    index = (vacation.date - first).days // 7
    slot = layout.slots[index]
    if slot.marked and slot.kind != "vacation":
        return Diagnostic(where.file, where.line, where.col, f"vacation on {vacation.date.isoformat()} falls in week "
                          f"{index + 1}, which you marked {{{slot.kind}}}: it stays as you wrote it",
                          Severity.WARNING, "vacation-changed")
    if _covers(layout, first, vacation.date) and not _covers(layout, first, vacation.date, vacation.style):
        return Diagnostic(where.file, where.line, where.col, f"vacation on {vacation.date.isoformat()} ({vacation.style}) "
                          f"falls in week {index + 1}, a vacation week ({slot.style}) already: it stays {slot.style}",
                          Severity.WARNING, "vacation-changed")
    if not _covers(layout, first, vacation.date):
        return Diagnostic(where.file, where.line, where.col, f"vacation on {vacation.date.isoformat()} is left out: no "
                          f"week could be added or replaced that holds it without moving another vacation off its "
                          f"week; week {index + 1} stays as written (try 'replace: true')", Severity.WARNING, "vacation-changed")
    return None
