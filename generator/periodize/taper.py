"""The taper, at the level of days: the last D days of the plan, race day included.

A taper of D days ends on race day and starts D − 1 days before it, whatever the
weekday: a 10-day taper before a Sunday race starts on the Friday of the week before.
A "three-week" marathon taper is, as in Pfitzinger's plans, the last three weeks with
race week among them, so the long run on the Sunday three weeks out, the last long run
14–21 days before a marathon (T9), stays as written. The taper's days fall in 7-day
blocks counted back from race day, each block lighter than the one before it against
the peak week (Pfitzinger's −20–25%, −40%, −60% for three weeks; every shape's mean cut
lies in the 41–60% band of Bosquet et al. 2007). Default lengths by race distance
follow the coaching rules (T6–T8): 5K 7 days, 10K 10, half marathon 14, marathon 21.

A taper week keeps what the author wrote before its first taper day; its taper days
are cut, against the peak, by the share of the written week they hold, so a week the
author already wrote lighter is not cut again. A quality session stays at its pace and
loses repeats by its day's cut, at most half (R7: one shortened quality session; Bosquet,
Mujika & Padilla: volume down, intensity kept); easy running takes the rest of the cut;
the long run never grows; and strength work is tapered by the days to the race (see :mod:`generator.periodize.strength`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..model import Plan, Session, SessionKind
from ..units import to_km
from .deload import MOST_CUT, fit_volume
from .volume import Measure, easy_set, one_step_less, shrink_quality, size

K = SessionKind
DEFAULT_TAPER_DAYS = {"5k": 7, "10k": 10, "half": 14, "marathon": 21, "other": 21}
# Cuts per 7-day block, from the earliest block to the one ending the day before the race.
TAPER_CUTS = {
    1: (0.45,),
    2: (0.30, 0.55),
    3: (0.25, 0.40, 0.60),
    4: (0.25, 0.35, 0.50, 0.60),
    5: (0.25, 0.35, 0.45, 0.55, 0.65),
}


@dataclass(frozen=True, slots=True)
class TaperSpan:
    """Where the taper falls in the source weeks (it is at the plan's end, where no week is inserted)."""

    days: int  # the configured length
    length: int  # the days of the taper, race day included (shorter than ``days`` when the plan is too short)
    weeks: int  # source weeks in the plan
    race_day: int  # 1..7 in the last week
    authored: bool = False  # the author marked taper weeks: the taper is theirs, nothing is cut

    @property
    def cuts(self) -> tuple[float, ...]:
        return TAPER_CUTS[max(1, min(5, math.ceil(self.length / 7)))]

    def days_to_race(self, week: int, day: int) -> int:
        """Days from ``day`` of source week ``week`` to the race (1: the day before)."""
        return (self.weeks - 1 - week) * 7 + self.race_day - day

    def cut(self, week: int, day: int) -> float | None:
        """The cut against the peak on that day, or None outside the taper (and on race day)."""
        to_race = self.days_to_race(week, day)
        if not 1 <= to_race <= self.length - 1:
            return None
        block = to_race // 7
        return self.cuts[len(self.cuts) - 1 - block]

    def mostly_taper(self, week: int) -> bool:
        """Whether most of the week's days are taper days (a week with a few is still a loading week)."""
        first = self.first_day(week)
        return first is not None and first <= 4

    @property
    def first_week(self) -> int:
        """The source week holding the taper's first day."""
        return self.weeks - 1 - max(0, math.ceil((self.length - self.race_day) / 7))

    def first_day(self, week: int) -> int | None:
        """The first taper day (1..7) of source week ``week``, or None when none of its days is."""
        days = [day for day in range(1, 8) if self.cut(week, day) is not None]
        return days[0] if days else None


def race_day(plan: Plan) -> int | None:
    """Day (1..7) of the goal race in the last week, if the plan has one."""
    if not plan.weeks:
        return None
    races = [s for s in plan.weeks[-1].sessions if s.kind is SessionKind.RACE]
    return races[-1].day if races else None


def taper_span(plan: Plan) -> tuple[TaperSpan | None, str]:
    """The taper of a plan with a goal race and a taper, and a note when it had to be shortened.
    Weeks the author marked ``{taper}`` make the taper theirs: it runs from the first of them."""
    day = race_day(plan)
    p = plan.periodization
    if day is None or plan.race is None:
        return None, ""
    weeks = len(plan.weeks)
    # The race week is never marked in a plan as written (the reader drops such a mark); an
    # expanded plan marks it when its taper is done (see generator.periodize.asplan.as_plan).
    marked = [i for i, week in enumerate(plan.weeks) if week.mark == "taper"]
    if marked:
        # The author's taper: nothing is cut. An explicit length reaching further back still keeps
        # deloads away from its first days (an expanded plan's taper began mid-week).
        length = (weeks - 1 - min(marked)) * 7 + day
        if p.taper and p.taper_days:
            length = max(length, min(p.taper_days, (weeks - 2) * 7 + day))
        return TaperSpan(0, length, weeks, day, authored=True), ""
    if not p.taper:
        return None, ""
    days = p.taper_days if p.taper_days is not None else DEFAULT_TAPER_DAYS[plan.race.category]
    if days <= 0:
        return None, ""
    # At least one whole loading week before the taper, to taper from.
    available = (weeks - 2) * 7 + day
    if available <= 1:
        return None, f"no taper: the plan has no loading week before its race week to taper from (a {days}-day taper was due)"
    length = min(days, available)
    note = f"the taper is {length} days, not {days}: the plan has no room for more before its race" if length < days else ""
    if p.taper_days is None and length == days:
        length = whole_weekend(TaperSpan(days, length, weeks, day), plan.week_starts)
    return TaperSpan(days, length, weeks, day), note


SUNDAY = 6


def whole_weekend(span: TaperSpan, week_starts: int) -> int:
    """A default taper's length, a day shorter when it would begin on a Sunday that ends a week:
    a Saturday race's 21 days would cut the Sunday of a back-to-back weekend and leave its
    Saturday; the taper then begins with the week after it, a day shorter (T1: 8–14 days best;
    T6: 14–21). A taper that takes the whole weekend (a Friday race's starts on a Saturday), or
    that starts a week beginning on Sunday, keeps its length."""
    first = span.first_day(span.first_week)
    if first != 7 or (week_starts + first - 1) % 7 != SUNDAY:
        return span.length
    return span.length - 1


def taper_week(sessions: Sequence[Session], week: int, span: TaperSpan, peak: float, previous: float,
               previous_long: float, measure: Measure, basis: str, previous_easy: float = 0.0) -> list[Session]:
    """A taper (or race) week made from what the author wrote: its taper days cut against the
    peak by their share of the written week, never above the week before, the long run never longer."""
    before: list[Session] = []  # the loading days before the taper's first
    part: list[Session] = []  # the taper days
    rest: list[Session] = []  # the race, and anything on or after race day
    for s in sessions:
        if s.kind is K.RACE or span.days_to_race(week, s.day) <= 0:
            rest.append(s)
        elif span.cut(week, s.day) is None:
            before.append(s)
        else:
            part.append(s)
    whole = sum(size(s, measure, basis) for s in [*before, *part])
    if not part or whole <= 0 or peak <= 0:
        return list(sessions)
    target = peak * sum(size(s, measure, basis) / whole * (1 - (span.cut(week, s.day) or 0.0)) for s in part)
    if previous > 0:
        target = min(target, previous - sum(size(s, measure, basis) for s in before))
    target = max(target, 0.0)
    volume = sum(size(s, measure, basis) for s in part)
    # Within half a rounding step of its cap, a week is as written: four repeats cut to two to save
    # 0.2 mi is no taper anyone would run (T3: the quality work is kept; the cut is the easy volume's).
    slack = 0.5 * (measure.periodization.round_minutes if basis == "minutes" else
                   to_km(measure.periodization.round_mi, "mi") if measure.units == "mi" else measure.periodization.round_km)
    # R7: easy and long-run volume first, each run losing at most what a deload takes (R6), the
    # quality sessions as written; a half-marathon's intervals twelve days out are not halved.
    over = volume > 0 and volume > target + slack
    easy_first = fit_volume(part, target, measure, basis, MOST_CUT) if over and any(s.kind.is_quality for s in part) else None
    if easy_first is not None and sum(size(s, measure, basis) for s in easy_first) <= target + slack:
        part = easy_first
    elif over:
        # Not enough: a quality session keeps its pace and is shortened by its day's cut: one shortened
        # quality session (R7; volume down, intensity kept: Mujika & Padilla 2003); easy running goes
        # next, and a quality session loses more repeats only when that is not enough, never below half.
        # A long run with a faster part ("16 mi with 8 mi @ MP") loses some of that part too, as a
        # quality session loses repeats: 8 mi at marathon pace in a 10-mile run a week out is no taper.
        def sharp(s: Session) -> bool:
            return s.kind.is_quality or (s.kind is K.LONG and bool(s.main) and not easy_set(s, measure.zones))

        def shortened(share: float) -> list[Session]:
            return [shrink_quality(s, max(min(1 - (span.cut(week, s.day) or 0.0), share), 0.5), measure)
                    if sharp(s) else s for s in part]

        shorter = shortened(1.0)
        easy_first = fit_volume([s for s in shorter if not s.kind.is_quality], 0.0, measure, basis)
        floor = sum(size(s, measure, basis) for s in easy_first) + sum(size(s, measure, basis) for s in shorter if s.kind.is_quality)
        part = fit_volume(shortened(target / volume) if floor > target + 1e-9 else shorter, target, measure, basis)
    part = [cap_run(s, previous_long, measure, basis, K.LONG) for s in part]
    # Nor an easy run: the strict taper (invariant 15) run by run. In a taper week without a long
    # run (nor a race), its longest easy run is its long run ("Medium-long run 12 mi" on Sunday,
    # after a 15-mile long run): it may be as long as the long run before it.
    longest = (max((s for s in part if s.kind is K.EASY), key=lambda s: size(s, measure, basis), default=None)
               if not rest and not any(s.kind is K.LONG for s in part) else None)
    part = [cap_run(s, max(previous_easy, previous_long) if s is longest else previous_easy, measure, basis, K.EASY)
            for s in part]
    return sorted([*before, *part, *rest], key=lambda s: s.day)


def cap_run(session: Session, limit: float, measure: Measure, basis: str, kind: SessionKind) -> Session:
    """Runs of ``kind`` (long runs, easy runs) never grow in a taper: shorten to the previous week's longest."""
    if session.kind is not kind or limit <= 0:
        return session
    current: Session | None = session
    while current is not None and size(current, measure, basis) > limit + 1e-9:
        session = current
        current = one_step_less(current, measure)
        if current is not None:
            session = current
    return session


WRITTEN_TAPER = 0.9  # a week under 90% of the peak is a taper the author wrote (the engine's first cut is 70–80%)
SHORTEST_WRITTEN = 8  # days: a taper the author wrote is theirs from T1's shortest best taper (8–14 days) on
WRITTEN_MEAN_CUT = 0.30  # ... and when its weeks, race week's runs included, cut at least this much on average (invariant 16's hard bound)


def written_taper(plan: Plan, span: TaperSpan, volumes: Sequence[float]) -> tuple[TaperSpan, int, str] | None:
    """The taper the author wrote by volume, unmarked, when the engine's default would cut into
    their peak: the biggest week before the race week falls in the default taper, every week after
    it is lighter than 90% of it and no heavier than the one before, the race week's runs too, and
    together they cut at least 30% on average (invariant 16; Hansons: the peak 10 days out, "the
    last hard session about 10 days before", T6). Their taper is then kept as
    written, from the week after the peak: (its span, its first week, what to say). None when
    the author's peak is before the default taper, the weeks after it do not descend, or their
    taper would be shorter than :data:`SHORTEST_WRITTEN` days (the engine tapers then, as asked)."""
    race_week = span.weeks - 1
    before = list(volumes[:race_week])
    peak = max(before, default=0.0)
    if span.authored or peak <= 0:
        return None
    top = max(i for i, volume in enumerate(before) if volume >= peak - 1e-9)
    after = before[top + 1:]
    length = (race_week - top - 1) * 7 + span.race_day
    descent = [*after, volumes[race_week]]  # the race week by its runs before the race
    if (top < span.first_week or not after or length < SHORTEST_WRITTEN or length >= span.length
            or any(v > WRITTEN_TAPER * peak - 1e-9 for v in after) or any(b > a + 1e-9 for a, b in pairwise(descent))
            or 1 - sum(descent) / (len(descent) * peak) < WRITTEN_MEAN_CUT - 1e-9):
        return None
    shares = ", ".join(f"{math.floor(100 * v / peak)}%" for v in after)
    weeks = f"week {top + 2}" if len(after) == 1 else f"weeks {top + 2}–{race_week}"
    are = "is" if len(after) == 1 else "are"
    message = (f"your {weeks} ({shares} of your peak week {top + 1}) {are} read as your own taper, {length} days with "
               f"the race week, and {are} kept as written; the engine's default for this race is {span.length} days, which "
               f"would have cut your peak week. Mark {'it' if len(after) == 1 else 'them'} {{taper}} to say so, or give 'taper: {{days: {span.length}}}' "
               "for the engine's")
    return TaperSpan(span.days, length, span.weeks, span.race_day, authored=True), top + 1, message
# A week the author titled as a taper, in any plan language: "Taper", "Tapering", "Affûtage", "Puesta a punto", "Afbouwen".
_TAPER_TITLE = re.compile(r"(?i)\btaper|affûtage|affutage|puesta a punto|afinamiento|afbouw")


def unmarked_tapers(plan: Plan, span: TaperSpan | None, volumes: Sequence[float]) -> list[tuple[int, str]]:
    """Weeks the engine's taper covers that the author wrote as a taper of their own and did not
    mark ``{taper}``: lighter than 90% of the peak (``volumes``: each source week's) and titled as
    a taper, or lighter than the week before, as a taper's weeks go down (invariant 15): their own
    cuts are cut again. A week titled so but written as heavy as the peak is the
    engine's to taper, as asked. (source week index, what to say)."""
    if span is None or span.authored:
        return []
    peak = max(volumes[max(0, span.first_week - 3):span.first_week], default=0.0)
    said = []
    for index in range(span.first_week, span.weeks - 1):  # the race week is the race week, titled so or not
        week = plan.weeks[index]
        if week.mark is not None:
            continue
        light = 0 < volumes[index] < WRITTEN_TAPER * peak
        titled = light and _TAPER_TITLE.search(week.title or "")
        going_down = light and volumes[index] < (volumes[index - 1] if index > 0 else peak) - 1e-9
        if titled or going_down:
            why = (f"is titled '{week.title}'" if titled else
                   f"is lighter than your peak ({math.floor(100 * volumes[index] / peak)}%) and than the week before, as a taper's weeks are,")
            said.append((index, f"your week {index + 1} {why} but not marked {{taper}}: the engine's "
                                f"{span.length}-day taper cuts it again, as it cuts every week before the race; mark "
                                f"your own taper weeks with {{taper}} at the end of their heading ('## {plan.week_word} "
                                f"{index + 1} — {week.title or 'Taper'} {{taper}}') to keep them as written"))
    return said
