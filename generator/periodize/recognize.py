"""What the author wrote, as the engine sees it before changing anything.

Published plans have their own rhythm: Higdon steps the long run back every third
week, Pfitzinger writes a recovery week every four to six, a coach writes a light
week around travel. The engine recognises those weeks so that it never puts a deload
of its own next to or on top of one, counts its cadence from them, and never builds
a deload from them. A week is a *step-back the author wrote* when, unmarked, it is
clearly lighter than the representative loading weeks before it and the plan rises
again after it:

- its volume, counted by its running, is at least 10% below the highest of the (up to three)
  representative loading weeks before it (Pfitzinger's recovery weeks cut about 15–25%, R3 in
  the coaching rules), with a long run no longer than their longest and a running load no
  higher than their highest, or
- in a plan of strength work alone, its training load (sets × reps × relative load) is at
  least 10% below, with no more sets and a relative load no higher (S2: a deload cuts sets or
  reps and keeps or lowers the load; fewer reps at a heavier load, or in more sets, is the
  next block, not a deload), or
- its long run is at least 20% shorter than the last representative week's while its
  volume is lower (Higdon's step-backs cut the long run by about 25–30%, R2; the Hansons
  plans alternate a long and a shorter long run while keeping their hard sessions: their
  own way of spacing the load, which an added deload must not crowd either).

In a plan of running and lifting, a week whose strength load is at least 25% below the most
of the representative weeks before it (the least a strength deload cuts, S3-S5), its running
no heavier, is a step-back too, when the lifting rises again after it.

The last week of a plan without a race is a step-back when it is lighter: there is no
taper for it to lead into. A *representative* loading week is one that is neither marked,
nor a step-back, nor a week holding a race. Weeks holding a race are never step-backs or references. The last
weeks before the taper are never step-backs either: a decline into the taper is the taper.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from ..model import Plan, Session, SessionKind, WeekKind
from .load import heaviest_weights, relative_intensity
from .volume import Measure, longest_spell, running_share, size, walking

K = SessionKind
STEP_BACK_VOLUME = 0.90  # at most 90% of the level: 10% lighter
STEP_BACK_LONG_RUN = 0.80  # a long run 20% shorter
STEP_BACK_STRENGTH = 0.75  # a plan's strength work 25% lighter: the least a strength deload cuts (S3: reps x 0.75)
RACE_WEEK_HARD = 1  # a week with a race is a lighter one with at most this many hard sessions besides the race
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
    load: float = 0.0  # training load of the week as written
    quality: float = 0.0  # ... of its quality sessions
    step_back: bool = False  # a lighter week the author wrote without marking it
    level: float = 0.0  # the highest volume of the representative loading weeks before it
    replaced: bool = False  # a deload takes its place (mode replace): it measures nothing, as a marked one
    with_race: float = 0.0  # the volume with the week's race in it
    by_load: bool = False  # volume is the training load: a plan of strength work alone
    intensity: float = 0.0  # by_load: the mean relative load of its sets
    sets: int = 0  # by_load: its sets of strength work
    hard: int = 0  # its quality sessions (tempo, intervals, hills, …), races left out
    run_load: float = 0.0  # the training load of its running (races, walks and hikes left out)
    strength: float = 0.0  # the training load of its strength sessions
    strength_level: float = 0.0  # by_strength: the highest strength load of the representative weeks before it
    by_strength: bool = False  # a step-back by its strength work alone, its running no heavier (a mixed plan)
    on_feet: float = 0.0  # its runs whole, walk breaks and walks in, races left out: what a taper cuts, and cuts against
    spell: float = 0.0  # its longest running without a walk (volume.longest_spell)
    walks: bool = False  # every run of it has walk breaks: a week of run-walk

    @property
    def lighter_race_week(self) -> bool:
        """A week holding a race that is lighter with its race than the weeks before it, as a
        tune-up is, with easier days around it: a week of full training and a race is not."""
        if not self.race:
            return False
        # Before any loading week there is nothing to compare with: the rhythm counts from it, as ever.
        # A race with intervals and a fartlek around it is no lighter week, however short: easier days
        # around the race leave room for one hard session at most (Pfitzinger's tune-up weeks).
        return self.level <= 0 or (self.with_race <= STEP_BACK_VOLUME * self.level + 1e-9
                                   and self.hard <= RACE_WEEK_HARD)

    @property
    def representative(self) -> bool:
        """A loading week a deload may be built from and progression measured against."""
        return self.mark is None and not self.step_back and not self.race and self.volume > 0 and not self.replaced


def survey(plan: Plan, measure: Measure, basis: str, last_loading: int,
           load_of: Callable[[Session], float], replaced: frozenset[int] = frozenset(),
           refused: frozenset[int] = frozenset()) -> tuple[SourceWeek, ...]:
    """Every source week's facts; step-backs are looked for in weeks ``0 .. last_loading``
    (the weeks before the taper). ``replaced``: weeks a deload takes the place of, which
    count as lighter weeks, as they do once the plan is expanded; ``refused``: weeks never
    step-backs (see :func:`flipping`)."""
    facts = [replace(_facts(plan, index, measure, basis, load_of), replaced=index in replaced)
             for index in range(len(plan.weeks))]
    if not any(w.volume for w in facts):  # a plan of strength work alone: its weeks measured by their load
        heaviest = heaviest_weights([s for w in plan.weeks for s in w.sessions])
        facts = [replace(w, volume=w.load, with_race=w.load, by_load=True,
                         intensity=_intensity(plan.weeks[w.index].sessions, heaviest),
                         sets=sum(e.sets for s in plan.weeks[w.index].sessions for e in s.exercises)) for w in facts]
    result: list[SourceWeek] = []
    for index, week in enumerate(facts):
        before = [w for w in result if w.representative][-LEVEL_WEEKS:]
        level = max((w.volume for w in before), default=0.0)
        # A plan without a race has no taper: a lighter last week is a recovery (or test) week of the author's.
        closing = index == len(facts) - 1 and not any(w.race for w in facts)
        # The week after a recovery week (marked, or one a deload replaces) is the way back up, not
        # a lighter week of its own: the rhythm already counts from the recovery week.
        after_recovery = index > 0 and (facts[index - 1].mark in ("deload", "vacation") or index - 1 in replaced)
        candidate = (index <= last_loading and week.mark is None and not week.race and bool(before)
                     and index not in replaced and index not in refused and not after_recovery)
        after = facts[index + 1:last_loading + 1]
        step_back = candidate and _lighter(week, before) and (closing or _rises_again(week, after))
        by_strength = (candidate and not step_back and _lighter_lifting(week, before)
                       and (closing or _lifts_again(week, after)))
        result.append(replace(week, step_back=step_back or by_strength, level=level, replaced=index in replaced,
                              strength_level=max((w.strength for w in before), default=0.0), by_strength=by_strength))
    return tuple(result)


def flipping(surveys: Sequence[Sequence[SourceWeek]]) -> frozenset[int]:
    """Weeks that are step-backs in some of ``surveys`` and not in others: lighter weeks only
    beside the engine's own deloads (a week that rises again only to a week a deload replaces,
    and whose recognition moves that deload away). Recognising them would never settle, and
    the week is not a rhythm of the author's: it is read as a loading week."""
    flags = [frozenset(w.index for w in weeks if w.step_back) for weeks in surveys]
    return frozenset().union(*flags) - frozenset.intersection(*flags) if flags else frozenset()


def running_volumes(plan: Plan, measure: Measure, basis: str) -> list[float]:
    """Each source week's running volume as written (races and walks left out)."""
    return [_facts(plan, index, measure, basis, lambda s: 0.0).volume for index in range(len(plan.weeks))]


def _facts(plan: Plan, index: int, measure: Measure, basis: str, load_of: Callable[[Session], float]) -> SourceWeek:
    sessions = plan.weeks[index].sessions
    runs = [s for s in sessions if s.kind.is_run and s.in_totals]
    running = [s for s in runs if s.kind is not K.RACE and not walking(s)]  # a hike is no running volume
    # Running alone, as the checks count it: a week of continuous running after run-walk weeks is
    # no lighter week for having fewer minutes on the feet (their walks were never running).
    return SourceWeek(
        index=index, volume=sum(size(s, measure, basis) * running_share(s) for s in running),
        long_run=max((size(s, measure, basis) for s in running), default=0.0),
        runs=len(runs), race=any(s.kind is K.RACE for s in sessions), mark=plan.weeks[index].mark,
        load=sum(load_of(s) for s in sessions if s.kind is not K.RACE),
        hard=sum(1 for s in runs if s.kind.is_quality and s.kind is not K.STRIDES),  # strides alone are no hard day
        run_load=sum(load_of(s) for s in running),
        with_race=sum(size(s, measure, basis) for s in runs),
        on_feet=sum(size(s, measure, basis) for s in runs if s.kind is not K.RACE),
        quality=sum(load_of(s) for s in runs if s.kind.is_quality),
        strength=sum(load_of(s) for s in sessions if s.kind is K.STRENGTH and s.in_totals),
        spell=max((longest_spell(s) for s in running), default=0.0),
        walks=bool(running) and all(running_share(s) < 1.0 for s in running),
    )


def _intensity(sessions: Sequence[Session], heaviest: Mapping[str, float]) -> float:
    sets = [(e.sets, relative_intensity(e, heaviest)) for s in sessions for e in s.exercises]
    total = sum(n for n, _ in sets)
    return sum(n * share for n, share in sets) / total if total else 0.0


def _lighter(week: SourceWeek, before: Sequence[SourceWeek]) -> bool:
    level = max(w.volume for w in before)
    if level <= 0:
        return False
    if week.by_load:
        heaviest = max(before, key=lambda w: w.volume)
        return (week.volume <= STEP_BACK_VOLUME * level + 1e-9 and week.sets <= heaviest.sets
                and week.intensity <= heaviest.intensity + 1e-9)
    if week.volume <= STEP_BACK_VOLUME * level + 1e-9:
        # Fewer minutes of running are no lighter week when the long run grows or the load does not
        # fall (a build week of hills), nor the step from run-walk weeks to running without stopping.
        off_walks = before[-1].walks and not week.walks and week.spell > max(w.spell for w in before) + 1e-9
        return (week.long_run <= max(w.long_run for w in before) + 1e-9
                and week.run_load <= max(w.run_load for w in before) + 1e-9 and not off_walks)
    return shorter_long_run(week, before[-1]) and week.volume < level - 1e-9


def _lighter_lifting(week: SourceWeek, before: Sequence[SourceWeek]) -> bool:
    """In a plan of running and lifting, a week whose strength work is at least 25% lighter than
    the most before it (as a strength deload cuts, S3-S5), its running no heavier: a lighter
    lifting week the coach wrote, which an added deload must not follow."""
    top = max(w.strength for w in before)
    return (not week.by_load and week.strength > 0 and top > 0 and week.strength <= STEP_BACK_STRENGTH * top + 1e-9
            and week.volume <= max(w.volume for w in before) + 1e-9
            and week.run_load <= max(w.run_load for w in before) + 1e-9)


def _lifts_again(week: SourceWeek, after: Sequence[SourceWeek]) -> bool:
    """The next unmarked week without a race lifts more again (a new, lower level is not a step-back)."""
    following = _next_loading(after)
    return following is not None and following.strength >= week.strength * RISES_AGAIN - 1e-9


def shorter_long_run(week: SourceWeek, last: SourceWeek) -> bool:
    """The week steps the long run back by at least 20% against the last representative week."""
    return last.long_run > 0 and week.long_run <= STEP_BACK_LONG_RUN * last.long_run + 1e-9


def _next_loading(after: Sequence[SourceWeek]) -> SourceWeek | None:
    """The next week of ``after`` that is unmarked, holds no race and no deload replaces."""
    return next((w for w in after if w.mark is None and not w.race and not w.replaced), None)


def _rises_again(week: SourceWeek, after: Sequence[SourceWeek]) -> bool:
    """The next unmarked week without a race is bigger again (a new, lower level is not a step-back,
    and a decline into the taper is the taper)."""
    following = _next_loading(after)
    if following is None:
        return False
    return (following.volume >= week.volume * RISES_AGAIN - 1e-9
            or (not week.by_load and following.long_run >= week.long_run * (1 / STEP_BACK_LONG_RUN) - 1e-9))


# A week the author titled as a lighter one, in any plan language.
# A title that says "lighter week", in the plan languages: German compounds join the words with an
# "s" (Entlastungswoche, Regenerationswoche); French and Spanish put the week first (semaine de récupération).
_LIGHTER_TITLE = re.compile(r"(?i)^\W*(?:(?:semaine|semana)\s+d(?:e\s+|')(?:la\s+)?)?(?:deload|recovery|rest|step[- ]?back"
                            r"|cut[- ]?back|easy|entlastung|erholung|regeneration|ruhe|récupération|recuperation|allègement"
                            r"|allegement|repos|descarga|recuperación|recuperacion|regeneración|regeneracion|herstel|rust)"
                            r"s?(?:[\s-]*(?:week|woche|semaine|semana))?\W*$")


def unmarked_lighter(plan: Plan, weeks: Sequence[SourceWeek], taper_from: int) -> list[tuple[int, str]]:
    """Weeks the author titled as lighter ("Recovery", "Entlastung") that the engine neither
    recognised as lighter nor finds marked ``{deload}``: a loading week to it, which a deload
    may replace or follow. (source week index, what to say); none in the taper or with a race."""
    said = []
    for before, week in pairwise(weeks[:taper_from]):
        title = plan.weeks[week.index].title or ""
        lighter_written = week.volume <= before.volume + 1e-9  # a title, and a week no heavier than the one before
        if week.mark is None and not week.step_back and not week.race and lighter_written and _LIGHTER_TITLE.search(title):
            said.append((week.index, f"your week {week.index + 1} is titled '{title}' but is not lighter than the weeks "
                                     f"before it by enough to count as a lighter week (Deload reads it as a loading "
                                     f"week, which a deload may replace or follow): add {{deload}} to its heading to "
                                     f"keep it as written and count the rhythm from it"))
    return said
