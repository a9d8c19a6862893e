"""Load checks for the author: warnings that point at the source line and never block.

Each is one a coach can act on, and repeated findings of one kind come as one warning
that lists the weeks (a plan that builds its long run by a mile a week hears it once):

- a run more than 10% longer than the longest run of the previous 30 days (single-session
  spikes, Frandsen et al. 2025) *and* longer by more than Daniels' step of about a mile
  (1.6 km, or 10 minutes; R4 in the coaching rules): a long run built a mile at a time
  passes; spikes up to 30% come together, bigger ones each on its own;
- weekly volume up more than 10% on the representative loading weeks before it (the
  highest of the last three, never a step-back, deload or race week), *and* by more
  than Daniels' allowance of about a mile a run of the week, at most 10 miles (R4): a
  low-mileage plan may add a few miles; jumps over 30% each on their own (Nielsen et al.
  2014), together with that week's long-run spike, if any;
- a long run over its share of the week, which scales with the runs of the week: the
  configured share (30%: Daniels, Hansons) in a week of seven runs, 2 / runs below that
  (a long run twice the week's average run: 40% in a five-run week, 50% in four);
- a deload or step-back week that is less than 10% lighter in load than the week before
  it (the engine's own deloads, less than their minimum cut); a taper week that is not
  lighter than the peak, or heavier than the taper week before it.

Run-walk counts its running only, where the plan says what it is (``8 x 90 s run w/ 2
min walk``, ``35 min with 25 min @ easy``); a run-walk without its parts, or a walk, is
not measured. Sizes are compared unrounded. Every warning names the week as the reader
has it and as the author wrote it ("week 17 (your week 13)").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..errors import Diagnostic
from ..expanded import Basis, PlannedSession, PlannedWeek
from ..model import Plan, SessionKind
from ..units import KM_PER_MI
from .layout import Layout
from .recognize import SourceWeek
from .volume import running_share, running_size
from .wording import describe_amount, percent, short_name, warn, week_name

K = SessionKind
BIG_SPIKE = 0.30  # Frandsen's "moderate" spikes start here: each gets its own warning
BIG_JUMP_NAME = "volume-jump-30"
MILE_KM = KM_PER_MI
BACK_TO_BACK = 0.4  # the second long day of a back-to-back weekend: at least 40% of the first (3 h after 7 h; a design choice)
BACK_TO_BACK_MINUTES = 90  # ... and long itself: an easy 5 mi before a road plan's long run is no second long day
BACK_TO_BACK_ULTRA = 60  # ... in a plan for a race beyond the marathon, where a 75-minute trail run after a long one is the second
ALLOWANCE_PER_RUN = {"distance": MILE_KM, "minutes": 10.0}  # Daniels: about a mile a run
ALLOWANCE_MAX = {"distance": 10 * MILE_KM, "minutes": 100.0}
TOLERANCE = {"distance": 0.01, "minutes": 0.2}  # sizes come rounded to 1 m and 0.1 min: no spike from rounding
DELOAD_AT_LEAST = 0.10  # a marked deload lighter by less than this is not a deload


@dataclass(frozen=True)
class _Week:
    week: PlannedWeek
    volume: float  # running only
    long_run: float
    runs: int
    race: bool
    step_back: bool
    with_races: float = 0.0  # all its running, races too: the long run's share is of it


def _weeks(weeks: Sequence[PlannedWeek], basis: Basis) -> list[_Week]:
    result = []
    for week in weeks:
        runs = [p for p in week.sessions if p.kind.is_run and p.session.in_totals]
        sizes = [running_size(p.session, p, basis) for p in runs if p.kind is not K.RACE]
        # A walk (a power hike) is no run of the week: it counts no running, so it does not lower
        # the long run's share limit either.
        counted = sum(1 for p in runs if p.kind is K.RACE or running_size(p.session, p, basis) > 0)
        raced = sum(running_size(p.session, p, basis) for p in runs if p.kind is K.RACE)
        result.append(_Week(week, sum(sizes), max(sizes, default=0.0), counted,
                            any(p.kind is K.RACE for p in runs), week.step_back, sum(sizes) + raced))
    return result


def _after_races(weeks: Sequence[PlannedWeek]) -> list[Diagnostic]:
    """Hard sessions in the days right after a race, where the author wrote them."""
    from .deload import recovery_days

    found: list[tuple[PlannedSession, PlannedWeek, int, int]] = []
    race_day, rest = 0, 0
    for week in weeks:
        for planned in week.sessions:
            day = (planned.week - 1) * 7 + planned.day
            if planned.kind is K.RACE:
                race_day, rest = day, recovery_days(planned.session)
            elif (planned.kind.is_quality and 0 < day - race_day <= rest
                  and (planned.original is None or planned.original.kind.is_quality) and week.kind in ("load", "taper")):
                found.append((planned, week, day - race_day, rest))
    if not found:
        return []
    planned, week, days, rest = found[0]
    # The others of the same week by their day ("and a fartlek on day 4"), those of other weeks by their week, once.
    same = "".join(f" and {_named(p.session.label)} on day {d}" for p, w, d, _ in found[1:] if w is week)
    later = {w.number: w for _, w, _, _ in found[1:] if w is not week}
    others = _listed([_Week(w, 0, 0, 0, False, False) for w in later.values()])
    return [warn(planned.source, "quality-after-race",
        f"{week_name(week)}: {_named(planned.session.label)} on day {days}{same} after a race, after "
        f"{_easy_days(days - 1)}{_also(others)}; most runners need {rest} or more easy days after a race of its length "
        "before hard running again (Daniels: one for each 3 km raced)")]


def _named(label: str) -> str:
    """A session's name inside a sentence: "tempo", but "LT" and "VO2max" as written."""
    return label if label[:2].isupper() or label[:2].lower() == "vo" else label[:1].lower() + label[1:]


def _easy_days(count: int) -> str:
    return "no easy day" if count == 0 else "only 1 easy day" if count == 1 else f"only {count} easy days"


def check_weeks(plan: Plan, weeks: Sequence[PlannedWeek], basis: Basis, layout: Layout,
                source: Sequence[SourceWeek]) -> list[Diagnostic]:
    facts = _weeks(weeks, basis)
    amount: Callable[[float], str] = lambda value: describe_amount(value, basis, plan.units)  # noqa: E731
    spikes = _find_spikes(plan, facts, basis)
    jumps, merged = _progression(plan, facts, basis, spikes, amount)
    warnings = [*_spikes(plan, spikes, merged, amount, basis), *jumps, *_long_runs(plan, facts),
                *_reduced(plan, facts, layout, amount), *_after_races(weeks)]
    return _unique(warnings)


def _per_run(plan: Plan, basis: Basis) -> str:
    """Daniels' step of about a mile a run, or its 10 minutes in a plan written by the clock (ALLOWANCE_PER_RUN)."""
    return "10 minutes" if basis == "minutes" else "a mile" if plan.units == "mi" else "1.6 km"


def _representative(week: _Week) -> bool:
    return week.week.kind == "load" and not week.step_back and not week.race and week.volume > 0


def _progression(plan: Plan, facts: Sequence[_Week], basis: Basis, spikes: Sequence[_Spike],
                 amount: Callable[[float], str]) -> tuple[list[Diagnostic], set[int]]:
    """Weekly jumps; returns the warnings and the weeks whose big spike a big jump's warning tells."""
    checks = plan.checks
    small: list[tuple[_Week, float, float, str]] = []
    warnings: list[Diagnostic] = []
    merged: set[int] = set()
    for index, week in enumerate(facts):
        if not _representative(week):
            continue
        before = [w for w in facts[:index] if _representative(w)][-3:]
        if not before:
            continue
        level_week = max(before, key=lambda w: w.volume)
        level = level_week.volume
        rise = week.volume / level - 1
        allowance = min(ALLOWANCE_PER_RUN[basis] * week.runs, ALLOWANCE_MAX[basis])
        tolerance = TOLERANCE[basis]
        if week.volume <= level * (1 + checks.weekly_increase) + tolerance or week.volume - level <= allowance + tolerance:
            continue
        spike = next((s for s in spikes if s.week.number == week.week.number and s.rise > BIG_SPIKE + 1e-9), None)
        if rise <= checks.weekly_increase_high + 1e-9 and spike is None:
            small.append((week, rise, level, _after_deload(facts, index)))
            continue
        also = f", and a {_spike_text(spike, amount).removeprefix('this ')}" if spike is not None else ""
        if spike is not None:
            merged.add(week.week.number)
        big = rise > checks.weekly_increase_high + 1e-9
        limit = checks.weekly_increase_high if big else checks.weekly_increase
        evidence = ["jumps over 30% were linked to injury (Nielsen et al. 2014)"] if big else []
        if also:
            evidence.append(f"single runs more than {checks.session_spike:.0%} longer too (Frandsen et al. 2025)")
        warnings.append(warn(week.week.source, BIG_JUMP_NAME if big else "volume-jump-10",
            f"{week_name(week.week)}: running volume {amount(week.volume)} is up {percent(rise, limit)} on the "
            f"{amount(level)} of {week_name(level_week.week)}{_after_deload(facts, index)}, more than {limit:.0%}{also}; "
            f"{', '.join(evidence)}"))
    if small:
        first, rise, level, after = small[0]
        others = _listed([w for w, _, _, _ in small[1:]])
        warnings.append(warn(first.week.source, "volume-jump-10",
            f"{week_name(first.week)}: running volume {amount(first.volume)} is up {percent(rise, checks.weekly_increase)} "
            f"on the {amount(level)} of the weeks before it{after}, more than {checks.weekly_increase:.0%} and more than about "
            f"{_per_run(plan, basis)} a run{_also(others)}; spread the rise over two weeks, or check that it is meant"))
    return warnings, merged


def _after_deload(facts: Sequence[_Week], index: int) -> str:
    """", after the deload of week 4": a deload of the engine's right before a week, which the
    jump is measured past (the runner ran less that week, and the author wrote a loading week there)."""
    before = facts[index - 1].week if index > 0 else None
    return f" (after the deload of {week_name(before)})" if before is not None and _engines_deload(before) else ""


def _also(listed: str) -> str:
    """`` — as is week 5`` or `` — as are weeks 5 and 7``; nothing for no weeks."""
    if not listed:
        return ""
    return f" — as {'are' if listed.startswith('weeks') else 'is'} {listed}"


def _listed(weeks: Sequence[_Week]) -> str:
    names = [short_name(w.week) for w in weeks]
    if not names:
        return ""
    return "week " + names[0] if len(names) == 1 else "weeks " + ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True)
class _Spike:
    planned: PlannedSession
    week: PlannedWeek
    size: float
    longest: float
    after: PlannedWeek | None = None  # a deload of the engine's in the 30 days before: the cause, often
    running: bool = False  # its size is its running alone (walk breaks left out), less than it is written

    @property
    def rise(self) -> float:
        return self.size / self.longest - 1


def _find_spikes(plan: Plan, facts: Sequence[_Week], basis: Basis) -> list[_Spike]:
    limit = plan.checks.session_spike
    step = ALLOWANCE_PER_RUN[basis]
    tolerance = TOLERANCE[basis]
    runs: list[tuple[PlannedSession, PlannedWeek, int, float]] = []
    for fact in facts:
        for planned in fact.week.sessions:
            if planned.kind.is_run and planned.session.in_totals:
                size = running_size(planned.session, planned, basis)
                runs.append((planned, fact.week, (planned.week - 1) * 7 + planned.day - 1, size))
    found: list[_Spike] = []
    first = 0
    for index, (planned, week, day, current) in enumerate(runs):
        while runs[first][2] < day - 30:
            first += 1
        if planned.kind is K.RACE or day < 7 or current <= 0:
            continue
        # A race is a run of the last 30 days too (Frandsen's "longest run"): a 50K tune-up makes
        # the 5 h 30 min long run after it no spike.
        history = [runs[k][3] for k in range(first, index) if runs[k][2] < day]
        longest = max(history, default=0.0)
        if longest > 0 and current > longest * (1 + limit) + tolerance and current - longest > step + tolerance:
            deloads = [runs[k][1] for k in range(first, index) if _engines_deload(runs[k][1])]
            found.append(_Spike(planned, week, current, longest, deloads[-1] if deloads else None,
                                running=running_share(planned.session) < 1.0 - 1e-9))
    return found


def _engines_deload(week: PlannedWeek) -> bool:
    """A deload the engine made (added, or in place of a week), not one the author marked."""
    return week.kind == "deload" and any(phrase.code in ("deload-after", "deload-replaces") for phrase in week.note)


def _spike_text(spike: _Spike, amount: Callable[[float], str]) -> str:
    after = f", days that hold the deload of {week_name(spike.after)}" if spike.after is not None else ""
    running = " of running" if spike.running else ""
    return (f"this run ({amount(spike.size)}{running}) is {spike.rise:.0%} longer than the longest run of the previous 30 days "
            f"({amount(spike.longest)}){after}")


def _spikes(plan: Plan, found: Sequence[_Spike], merged: set[int], amount: Callable[[float], str],
            basis: Basis) -> list[Diagnostic]:
    """Big spikes each on its own (unless said with their week's volume jump), small ones together."""
    limit = plan.checks.session_spike
    mile = _per_run(plan, basis)
    why = f"runs more than {limit:.0%} and {mile} longer are linked to injury (Frandsen et al. 2025; Daniels)"
    warnings = [warn(s.planned.source, "session-spike", f"{week_name(s.week)}: {_spike_text(s, amount)}; {why}")
                for s in found if s.rise > BIG_SPIKE + 1e-9 and s.week.number not in merged]
    small = [s for s in found if s.rise <= BIG_SPIKE + 1e-9]
    if small:
        first, rest = small[0], small[1:]
        others = ""
        if rest:
            spread = sorted(s.rise for s in rest)
            span = f"{spread[0]:.0%}" if f"{spread[0]:.0%}" == f"{spread[-1]:.0%}" else f"{spread[0]:.0%}–{spread[-1]:.0%}"
            names = list(dict.fromkeys(short_name(s.week) for s in rest))
            which = "week " + names[0] if len(names) == 1 else "weeks " + ", ".join(names[:-1]) + " and " + names[-1]
            others = f"; so does a run in {which} (by {span})"
        warnings.append(warn(first.planned.source, "session-spike",
                              f"{week_name(first.week)}: {_spike_text(first, amount)}{others}; {why}"))
    return warnings


def long_run_limit(configured: float, runs: int) -> float:
    """The long run's share of its week: the configured share, or 2 / runs in a week of fewer runs."""
    return max(configured, 2 / runs) if runs > 0 else configured


def _long_runs(plan: Plan, facts: Sequence[_Week]) -> list[Diagnostic]:
    found: list[tuple[PlannedSession, _Week, float, float]] = []
    for week in facts:
        floor = BACK_TO_BACK_ULTRA if plan.race is not None and plan.race.category == "other" else BACK_TO_BACK_MINUTES
        if week.week.kind != "load" or week.volume <= 0 or _back_to_back(week.week, floor):
            continue
        limit = long_run_limit(plan.checks.long_run_share, week.runs)
        for planned in week.week.sessions:
            if planned.kind is K.LONG:
                share = week.long_run / week.with_races  # a tune-up race the day before is running of the week
                if share > limit + 1e-9:
                    found.append((planned, week, share, limit))
                break
    if not found:
        return []
    planned, week, share, limit = found[0]
    others = _listed([w for _, w, _, _ in found[1:]])
    return [warn(planned.source, "long-run-share",
        f"{week_name(week.week)}: the long run is {percent(share, limit)} of the week's running (more than {limit:.0%} "
        f"in a week of {week.runs} runs){' — as in ' + others if others else ''}; Daniels and the Hansons keep it near "
        f"25–30%: spread the volume over more runs, or raise checks.long_run_share")]


def _back_to_back(week: PlannedWeek, floor: float) -> bool:
    """A weekend of two long days, as ultra plans write them: the long run and, the day before or
    after it, at least 40% as long on the feet (runs and hikes) and ``floor`` minutes: P3's share
    is of one long run, and says nothing of them."""
    by_day: dict[int, float] = {}
    for p in week.sessions:
        if p.kind.is_run and p.kind is not K.RACE and p.session.in_totals:
            by_day[p.day] = by_day.get(p.day, 0.0) + (p.minutes or 0.0)
    long = next((p for p in week.sessions if p.kind is K.LONG), None)
    if long is None or not long.minutes:
        return False
    return any(by_day.get(long.day + side, 0.0) >= max(BACK_TO_BACK * long.minutes, floor) for side in (-1, 1))


def _reduced(plan: Plan, facts: Sequence[_Week], layout: Layout, amount: Callable[[float], str]) -> list[Diagnostic]:
    """Deload, step-back and taper weeks that are not as light as they should be."""
    warnings: list[Diagnostic] = []
    light: list[tuple[_Week, _Week, float, bool]] = []  # (week, reference, cut, marked by the author)
    peak = 0.0
    previous_taper: float | None = None
    for index, week in enumerate(facts):
        w = week.week
        slot = layout.slots[index]
        reference = _before(facts, index) if w.kind in ("deload", "vacation") else None
        if reference is not None and not week.race and w.vacation != "rest" and reference.week.metrics.load > 0:
            cut = 1 - w.metrics.load / reference.week.metrics.load
            author = slot.marked
            if cut < (DELOAD_AT_LEAST if author else plan.periodization.min_cut) - 0.005:
                light.append((week, reference, cut, author))
        if _representative(week):
            peak = max(peak, week.volume)
        elif w.kind == "taper" and not slot.marked:
            if peak > 0 and week.volume >= peak - 1e-9:
                warnings.append(warn(w.source, "taper-not-lighter",
                    f"{week_name(w)} is a taper week but is not lighter than the peak ({amount(week.volume)} vs {amount(peak)})"))
            elif previous_taper is not None and week.volume > previous_taper + 1e-9:
                warnings.append(warn(w.source, "taper-increase",
                    f"{week_name(w)}: the taper's volume rises again ({amount(week.volume)} after {amount(previous_taper)}); "
                    "a taper should only go down"))
            previous_taper = week.volume
    for author in (True, False):
        found = [entry for entry in light if entry[3] is author]
        if not found:
            continue
        week, reference, cut, _ = found[0]
        others = _listed([w for w, *_ in found[1:]])
        who = f"which you marked {{{week.week.kind}}}" if author else "a deload of the engine's"
        wanted = DELOAD_AT_LEAST if author else plan.periodization.min_cut
        why, fix = _why_heavy(week, reference, amount, author)
        warnings.append(warn(week.week.source, "deload-too-small",
            f"{week_name(week.week)}, {who}, is {_lighter_by(cut)} in load than {week_name(reference.week)}"
            f"{_also(others)}: {why}; a deload is at least {wanted:.0%} lighter in load: {fix}"))
    return warnings


def _why_heavy(week: _Week, reference: _Week, amount: Callable[[float], str], author: bool) -> tuple[str, str]:
    """What keeps a lighter week heavy, and what would make it a deload (``author``: a week marked
    by the author, whose mark may be left off; else the engine's)."""
    volume = f"{amount(week.volume)} against {amount(reference.volume)}"
    quality = sum(p.load for p in week.week.sessions if p.kind.is_quality)
    before = sum(p.load for p in reference.week.sessions if p.kind.is_quality)
    other = sum(p.load for p in week.week.sessions if not p.kind.is_run)  # cross-training and strength
    if week.volume < reference.volume * 0.95 and before > 0 and quality >= before * 0.95:
        return f"its volume is lower ({volume}) but its hard sessions are not", "ease or shorten a hard session"
    if week.volume < reference.volume * 0.9 and other > 0.3 * sum(p.load for p in week.week.sessions):
        return (f"its running is lighter ({volume}) but its cross-training and strength carry {other:.0f} of its load",
                "shorten them too" if author else "raise 'cut', or lighten the cross-training and strength of the weeks it is built from")
    if week.long_run < reference.long_run * 0.85 and week.volume >= reference.volume * 0.9:
        return (f"only its long run is shorter ({amount(week.long_run)} against {amount(reference.long_run)}), "
                f"not its volume ({volume})",
                "shorten the other runs too, or leave the mark off: Deload still counts a step-back week as a lighter week"
                if author else "raise 'cut'")
    return volume, "cut its volume or its hard sessions" if author else "raise 'cut' or 'min_cut'"


def _lighter_by(cut: float) -> str:
    return f"only {cut:.0%} lighter" if cut >= 0.005 else "no lighter"


def _before(facts: Sequence[_Week], index: int) -> _Week | None:
    """The representative loading week a lighter week is measured against: the last one before it."""
    return next((w for w in reversed(facts[:index]) if _representative(w)), None)


def _unique(warnings: list[Diagnostic]) -> list[Diagnostic]:
    """One warning per source line and code: a deload copies its reference week's lines."""
    seen: set[tuple[str, int, str]] = set()
    result = []
    for warning in warnings:
        key = (warning.file, warning.line, warning.code)
        if key not in seen:
            seen.add(key)
            result.append(warning)
    return result
