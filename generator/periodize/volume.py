"""How big a session is, and how to make it smaller: the engine's arithmetic.

Sizes are measured in kilometres and minutes. Shrinking always rounds *down*
to the plan's step (0.5 mi, 1 km, 5 min), never to zero, so a deload or taper
can only get lighter through rounding, never heavier.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from ..expanded import Basis, PlannedSession
from ..model import (
    Amount,
    Checks,
    Distance,
    Duration,
    Ladder,
    Part,
    Periodization,
    Repeat,
    Session,
    SessionKind,
    Step,
    Target,
)
from ..paces import WORD_EFFORTS, zone_target_efforts
from ..units import round_down, round_nearest, round_up
from ..workout import duration_only, parts_km, times

K = SessionKind
# Pace relative to easy pace, for turning distances into minutes (and back) when a
# session gives no pace of its own. Conventions, not physiology: only estimates.
PACE_FACTOR = {
    K.EASY: 1.0, K.RECOVERY: 1.08, K.LONG: 1.03, K.RUN_WALK: 1.35, K.TEMPO: 0.85,
    K.INTERVALS: 0.9, K.HILLS: 1.0, K.FARTLEK: 0.92, K.STRIDES: 1.0, K.RACE: 0.82,
}
@dataclass(frozen=True)
class Measure:
    """Everything the arithmetic needs to know about the plan."""

    periodization: Periodization
    checks: Checks
    units: str  # "km" or "mi"
    zones: tuple[tuple[int, str], ...] = ()  # the plan's zone system (generator.paces.zone_efforts)

    def pace(self, kind: SessionKind) -> float:
        """Estimated seconds per km for ``kind``."""
        return self.checks.easy_pace.seconds_per_km * PACE_FACTOR.get(kind, 1.0)

    def step_for(self, amount: Amount) -> float:
        """Rounding step in the amount's own unit."""
        p = self.periodization
        if isinstance(amount, Duration):
            return p.round_minutes * 60 if amount.seconds >= p.round_minutes * 120 else 60.0
        if amount.unit == "m":
            return 100.0
        return p.round_mi if amount.unit == "mi" else p.round_km


def amount_km(amount: Amount | None, kind: SessionKind, measure: Measure) -> float:
    if amount is None:
        return 0.0
    if isinstance(amount, Distance):
        return amount.km
    return amount.seconds / measure.pace(kind)


def amount_minutes(amount: Amount | None, kind: SessionKind, measure: Measure) -> float:
    if amount is None:
        return 0.0
    if isinstance(amount, Duration):
        return amount.minutes
    return amount.km * measure.pace(kind) / 60


_EASY_EFFORTS = {"recovery": K.RECOVERY, "easy": K.EASY, "long": K.EASY}


def step_kind(step: Step, kind: SessionKind, zones: tuple[tuple[int, str], ...] = ()) -> SessionKind:
    """The pace a step is estimated at: a recovery jog's for a recovery, easy running's for a step
    of a quality session at an easy effort or zone ("1 h @ E" in a Daniels Q session is no hour at
    threshold, nor "10 min Z1" in an 80/20 one), else the session's."""
    if step.role not in ("work", "warmup", "cooldown"):
        return K.RECOVERY
    target = step.target
    efforts: tuple[str, ...] = ()
    if target is not None and target.kind == "effort":
        efforts = tuple(WORD_EFFORTS.get(" ".join(word.lower().split()), "") for word in target.efforts)
    elif target is not None and target.kind == "zone":
        efforts = zone_target_efforts(target, zones)
    if kind.is_quality and efforts:
        kinds = {_EASY_EFFORTS.get(effort, K.REST) for effort in efforts}
        if len(kinds) == 1 and K.REST not in kinds:
            return kinds.pop()
    return kind


def main_km(session: Session, measure: Measure) -> float:
    """Distance of the main set with its recoveries; estimates for durations."""
    return sum(count * _step_km(step, session.kind, measure) for step, count in times(session.main, estimated=True))


WALK_FACTOR = 1.6  # a brisk walk, about 6 km/h at the default easy pace of 6:30/km (a design default, in the docs)


def _step_km(step: Step, kind: SessionKind, measure: Measure) -> float:
    """A step's distance. A quality session's timed recovery covers what it is: a standing rest
    none, a walk a brisk walk's (``12 x 400 m w/ 60 s rest`` had counted 1.3 km of jogging that
    no one runs, leaving the warm-up half what the coach meant)."""
    if kind.is_quality and step.role != "work" and isinstance(step.amount, Duration):
        if step.role == "rest" or step.label.startswith(("rest", "standing")):
            return 0.0
        if step.label in ("walk", "walk back", "walk down"):  # "walk/jog" is partly running
            return step.amount.seconds / (measure.pace(K.EASY) * WALK_FACTOR)
    return amount_km(step.amount, step_kind(step, kind, measure.zones), measure)


def main_minutes(session: Session, measure: Measure) -> float:
    """Minutes of the main set with its recoveries; estimates for distances."""
    return sum(count * amount_minutes(step.amount, step_kind(step, session.kind, measure.zones), measure)
               for step, count in times(session.main, estimated=True))


def given_km(session: Session) -> float | None:
    """Distance written in the plan (or following from its main set), without estimates."""
    if not session.kind.is_run:
        return None
    if isinstance(session.total, Distance):
        return session.total.km
    if session.total is None and session.main:
        return parts_km(session.main)
    return None


def walking(session: Session) -> bool:
    """A walk or a hike (a run-walk session that gives no running parts): time on feet, no
    running distance (its kilometres at a running pace would be made up) and never the long run."""
    return session.kind is K.RUN_WALK and not session.main


def session_km(session: Session, measure: Measure) -> float:
    """Running distance, estimated from minutes where the plan gives a duration."""
    if not session.kind.is_run:
        return 0.0
    if session.kind is K.RACE and isinstance(session.total, Duration) and isinstance(session.alternative, Distance):
        return session.alternative.km  # "Race 24 h or 180 km": the author's distance, not one at easy pace
    if session.total is not None:
        return amount_km(session.total, session.kind, measure)
    return main_km(session, measure)


def session_minutes(session: Session, measure: Measure) -> float:
    kind = session.kind
    if kind is K.REST:
        return 0.0
    if kind is K.RACE and isinstance(session.total, Distance) and isinstance(session.alternative, Duration):
        return session.alternative.minutes  # "Race 100 mi or 28 h": the author's time, not one at easy pace
    if kind is K.CROSS and isinstance(session.total, Distance) and (pace := cross_pace(session)) is not None:
        return session.total.km * pace / 60  # "Bike 40 km": at a ride's speed, not a run's
    if session.total is not None:
        return amount_minutes(session.total, kind, measure)
    if kind.is_run:
        return main_minutes(session, measure)
    if kind is K.STRENGTH:
        sets = sum(e.sets for e in session.exercises)
        return float(max(20, min(90, 10 + sets * 2.5))) if sets else 40.0
    return 20.0 if kind is K.MOBILITY else 45.0


# Cross-training written by distance is timed at its sport's speed (design defaults, said in the
# docs; a time written is exact): a swim at 2:00 a 100 m, a ride at 25 km/h, a row at 2:15 a 500 m,
# as a recreational triathlete or rower goes. Its name or comment says the sport, in the plan languages.
_SPORT_PACES = ((re.compile(r"(?i)\b(?:swim\w*|schwimm\w*|natation|nataci[oó]n|nadar|zwem\w*)\b"), 1200.0),
                (re.compile(r"(?i)\b(?:bikes?|biking|cycl\w*|rides?|riding|spin(?:ning)?|rad(?:fahren|eln)?|v[ée]lo"
                            r"|bici(?:cleta)?|ciclismo|fiets(?:en)?)\b"), 144.0),
                (re.compile(r"(?i)\b(?:row(?:ing)?|rudern|aviron|remo|roeien|erg(?:ometer)?)\b"), 270.0))


def cross_pace(session: Session) -> float | None:
    """Seconds a km of a cross-training session's sport, by its name, else its comment; None when
    neither names one ("Bike 40 km — after the morning swim" is a ride)."""
    for text in (session.name, session.comment):
        if (pace := next((pace for sport, pace in _SPORT_PACES if sport.search(text)), None)) is not None:
            return pace
    return None


def size(session: Session, measure: Measure, basis: str) -> float:
    """A run's size in the plan's basis (km or minutes); 0 for anything else, and for optional runs
    (but for those the author counts: "Rest or easy 3 mi")."""
    if not session.kind.is_run or not session.in_totals:
        return 0.0
    return session_km(session, measure) if basis == "distance" else session_minutes(session, measure)


# --- shrinking ---------------------------------------------------------------


def floor_amount(amount: Amount, factor: float, measure: Measure, nearest: bool = False, up: bool = False) -> Amount:
    """``amount * factor`` rounded down (or to the nearest step, or up) — at least one step, never more than before."""
    step = measure.step_for(amount)
    rounding = round_up if up else round_nearest if nearest else round_down
    factor = max(factor, 1e-9)  # a positive amount keeps one step: nothing shrinks to zero
    if isinstance(amount, Duration):
        return Duration(min(rounding(amount.seconds * factor, step), amount.seconds))
    return Distance(min(rounding(amount.value * factor, step), amount.value), amount.unit)


def fewer_repeats(count: int, factor: float) -> int:
    """Round half up, but always at least one fewer (when there is more than one) and never zero."""
    if count <= 1 or factor >= 1:
        return count
    return max(1, min(count - 1, math.floor(count * factor + 0.5)))


def shrink_quality(session: Session, factor: float, measure: Measure, least: float = 0.0) -> Session:
    """Scale the main set only (fewer repeats, fewer rungs, shorter continuous steps) at the
    same effort; the rest of the session stays."""
    if session.main:
        # Rounded up: the easy running around the set (a warm-up, a cool-down) stays as written;
        # a set that is the whole run (a run-walk) keeps its total to the minute, as written.
        shorter = tuple(_shrink_part(part, factor, measure, least) for part in session.main)
        return with_main(session, shorter, measure, up=True, exact=least > 0)
    if session.total is not None:
        return session.with_changes(total=floor_amount(session.total, factor, measure))
    return session


def _shrink_part(part: Part, factor: float, measure: Measure, least: float = 0.0) -> Part:
    """``least``: the share of its repeats (or rungs) a part keeps at least (a cap on a run's cut)."""
    if isinstance(part, Repeat):
        count = max(fewer_repeats(part.count, factor), math.ceil(part.count * least - 1e-9))
        if count == part.count and least > 0 and factor < 1:  # too few to lose one ("2 x 12 min run"): shorter ones
            return replace(part, steps=tuple(_shorter_spell(step, _spell_factor(part, max(factor, least)))
                                             for step in part.steps))
        if count == 1 and count < part.count:  # "1 x 30 min @ MP w/ 10 min easy" is "30 min @ MP"
            return part.steps[0] if len(part.steps) == 1 else replace(part, count=1, count_max=None, between=None)
        return replace(part, count=count)
    if isinstance(part, Ladder):
        return fewer_rungs(part, max(fewer_repeats(len(part.rungs), factor), math.ceil(len(part.rungs) * least - 1e-9)))
    if part.role == "work" and part.amount is not None:
        return replace(part, amount=floor_amount(part.amount, factor, measure))
    return part


def fewer_rungs(ladder: Ladder, keep: int) -> Ladder:
    """The ladder with ``keep`` of its rungs, the longest going first, so that it keeps its shape:
    the first of a ladder down, the last of a ladder up, the top of a pyramid
    (``400-800-1200-1600-1200-800-400 m`` becomes ``400-800-1200-800-400 m``, not a ladder
    that starts at its top), the ends of a valley. Rungs of mixed units lose their first."""
    rungs = ladder.rungs
    if keep >= len(rungs):
        return ladder
    sizes = _rung_sizes(rungs)
    if sizes is None:
        return replace(ladder, rungs=rungs[len(rungs) - keep:])
    dropped = set(sorted(range(len(rungs)), key=lambda i: (-sizes[i], i))[:len(rungs) - keep])
    return replace(ladder, rungs=tuple(rung for i, rung in enumerate(rungs) if i not in dropped))


def _rung_sizes(rungs: tuple[Step, ...]) -> list[float] | None:
    """Each rung's length, when all are distances or all durations."""
    amounts = [rung.amount for rung in rungs]
    if all(isinstance(a, Distance) for a in amounts):
        return [a.km for a in amounts if isinstance(a, Distance)]
    if all(isinstance(a, Duration) for a in amounts):
        return [a.seconds for a in amounts if isinstance(a, Duration)]
    return None


def _spell_factor(part: Repeat, factor: float) -> float:
    """How much shorter a run-walk's running spells are for the repeats to be ``factor`` as long:
    the walks stay, so the spells give the whole cut (``2 x 12 min run w/ 2 min walk`` at 75%: 9 min)."""
    def size(p: Part | None) -> float:  # seconds, or metres for spells by distance
        if isinstance(p, Step) and isinstance(p.amount, Duration):
            return p.amount.seconds
        return p.amount.km * 1000 if isinstance(p, Step) and isinstance(p.amount, Distance) else 0.0

    running = part.count * sum(size(s) for s in part.steps if isinstance(s, Step) and s.role == "work")
    last = part.steps[-1] if part.steps else None
    trailing = size(last) if isinstance(last, Step) and last.role != "work" else 0.0  # no walk after the last spell
    whole = part.count * sum(size(s) for s in part.steps) - trailing + (part.count - 1) * size(part.between)
    if running <= 0:
        return factor
    return max(0.3, (running - whole * (1 - factor)) / running)


def _shorter_spell(step: Part, factor: float) -> Part:
    """A run-walk's running spell, ``factor`` as long, to the minute (at least one): a couch-to-5K
    week's "2 x 12 min run" becomes "2 x 9 min run"; its walks stay as they are."""
    if isinstance(step, Repeat):  # "2 x (3 x (3 min run, 1 min walk), 5 min walk)"
        return replace(step, steps=tuple(_shorter_spell(s, _spell_factor(step, factor)) for s in step.steps))
    if not isinstance(step, Step) or step.role != "work" or step.amount is None or step.amount.high is not None:
        return step
    if isinstance(step.amount, Distance):  # "2 x 1 km run": to a tenth
        value = max(0.1, math.floor(step.amount.value * factor * 10 + 0.5) / 10)
        return replace(step, amount=Distance(min(value, step.amount.value), step.amount.unit))
    seconds = max(60.0, math.floor(step.amount.seconds * factor / 60 + 0.5) * 60)  # to the minute, halves up
    return replace(step, amount=Duration(min(seconds, step.amount.seconds)))


def with_main(session: Session, main: tuple[Part, ...], measure: Measure, up: bool = False,
              exact: bool = False) -> Session:
    """The session with a shorter main set and its total shorter by as much: by the clock for a
    total by the clock (a walk's minutes are minutes, whatever its pace), else by distance;
    ``exact``: by exactly as much (to the minute), not to the plan's rounding step."""
    changed = session.with_changes(main=main)
    total = session.total
    if total is None:
        return changed
    if isinstance(total, Duration):
        removed = 60 * (main_minutes(session, measure) - main_minutes(changed, measure))
        left = max(total.seconds - removed, 0.0) / total.seconds
    else:
        removed = main_km(session, measure) - main_km(changed, measure)
        left = max(total.km - removed, 0.0) / total.km
    if removed <= 0:
        return changed
    if exact and isinstance(total, Duration):
        return changed.with_changes(total=Duration(round(total.seconds * left / 60) * 60.0))
    return changed.with_changes(total=floor_amount(total, left, measure, up=up))


def easy_set(session: Session, zones: tuple[tuple[int, str], ...] = ()) -> bool:
    """An easy or long run whose main set is easy running too (``Long 3 h: 6 x (25 min @ easy, 5 min
    walk)``, 80/20's ``Long run 70 min: 5 min Z1, 60 min Z2, 5 min Z1``): its repeats or steps are
    the run itself, and a cut takes from them as from an easy run. ``zones``: the plan's zone system."""
    if session.kind not in (K.EASY, K.LONG, K.RECOVERY, K.RUN_WALK) or not session.main:
        return False
    efforts = {"easy", "recovery", "long"}

    def easy(target: Target | None) -> bool:
        if target is None:
            return True
        if target.kind == "zone":
            spanned = zone_target_efforts(target, zones)
            return bool(spanned) and all(effort in efforts for effort in spanned)
        return target.kind == "effort" and bool(target.efforts) and all(WORD_EFFORTS.get(word) in efforts
                                                                        for word in target.efforts)

    return all(easy(step.target) for step, _ in times(session.main) if step.role == "work")


def body_step(session: Session, zones: tuple[tuple[int, str], ...] = ()) -> int | None:
    """The index of the longest step of an easy set written as continuous steps (80/20's
    ``Long run 70 min: 5 min Z1, 60 min Z2, 5 min Z1``), in the total's kind of amount: a cut
    takes from it, and the short parts around it stay as written (each rounded down, they had
    made a 3-minute trim a 10% cut)."""
    total = session.total
    if total is None or session.kind is K.RUN_WALK or not easy_set(session, zones):
        return None
    if not all(isinstance(p, Step) and p.role == "work" and type(p.amount) is type(total)
               and (isinstance(total, Duration) or getattr(p.amount, "unit", None) == getattr(total, "unit", None))
               for p in session.main):
        return None
    sizes = [figure(p.amount) for p in session.main if isinstance(p, Step) and p.amount is not None]
    return max(range(len(sizes)), key=lambda i: sizes[i]) if sizes else None


def resize_body(session: Session, index: int, change: float) -> Session | None:
    """The session with its total and its body step (:func:`body_step`) ``change`` longer (seconds,
    or the total's unit); None if the body would not be left with anything."""
    total, body = session.total, session.main[index]
    assert total is not None and isinstance(body, Step) and body.amount is not None
    if type(body.amount) is not type(total) or figure(body.amount) + change <= (0 if isinstance(total, Duration) else 1e-9):
        return None
    main = (*session.main[:index], replace(body, amount=plus(body.amount, change)), *session.main[index + 1:])
    return session.with_changes(total=plus(total, change), main=main)


def figure(amount: Distance | Duration) -> float:
    """An amount's figure in its own unit: seconds, or the distance's value."""
    return amount.seconds if isinstance(amount, Duration) else amount.value


def plus(amount: Distance | Duration, change: float) -> Distance | Duration:
    """``amount`` ``change`` longer in its own unit (seconds, or the distance's)."""
    if isinstance(amount, Duration):
        return Duration(amount.seconds + change)
    return Distance(round(amount.value + change, 6), amount.unit)


def shrink_easy(session: Session, factor: float, measure: Measure, up: bool = False, least: float = 0.0) -> Session:
    """Scale an easy run (or the easy part around a main set) by ``factor``, to the nearest step
    (or up, for a least size); :func:`~generator.periodize.deload.trim` then takes off whole steps until the week fits."""
    if factor >= 1:
        return session
    body = body_step(session, measure.zones)
    if body is not None and session.total is not None:
        share = max(factor, least)
        shorter = floor_amount(session.total, share, measure, nearest=not up, up=up)
        return resize_body(session, body, figure(shorter) - figure(session.total)) or session
    if easy_set(session, measure.zones) and (session.total is None or session.kind is K.RUN_WALK
                              or main_km(session, measure) >= 0.9 * amount_km(session.total, session.kind, measure)):
        return shrink_quality(session, factor, measure, least)  # the set is the run: fewer repeats, the total with them
    if session.total is None:
        return session
    main = main_km(session, measure)
    whole = amount_km(session.total, session.kind, measure)
    easy = max(whole - main, 0.0)
    share = (main + easy * factor) / whole if whole else 1.0
    floor = main + easy * least  # never below: to the nearest step, but up when the nearest is under it
    nearest = floor_amount(session.total, share, measure, nearest=True)
    if up or (least > 0 and amount_km(nearest, session.kind, measure) < floor - 1e-9):
        return session.with_changes(total=floor_amount(session.total, share, measure, up=True))
    return session.with_changes(total=nearest)


def one_step_less(session: Session, measure: Measure) -> Session | None:
    """The session one rounding step shorter, or None when it cannot shrink further.
    The easy part goes first; then one repeat (or rung) fewer, or a shorter continuous step."""
    total = session.total
    body = body_step(session, measure.zones)
    if total is not None and body is not None:
        return resize_body(session, body, -measure.step_for(total))
    if total is not None:
        step = measure.step_for(total)
        shorter: Amount
        if isinstance(total, Duration):
            shorter, value = Duration(total.seconds - step), total.seconds - step
        else:
            shorter, value = Distance(round(total.value - step, 6), total.unit), total.value - step
        around = 0.0
        if session.main:  # a step of easy running stays around a main set (a warm-up, a cool-down): then it loses repeats
            one_step: Amount = Duration(step) if isinstance(total, Duration) else Distance(step, total.unit)
            around = amount_km(one_step, session.kind, measure)
        if value >= step - 1e-9 and main_km(session, measure) + around <= amount_km(shorter, session.kind, measure) + 1e-9:
            return session.with_changes(total=shorter)
    for index in reversed(range(len(session.main))):
        part = session.main[index]
        fewer = _one_part_less(part, measure)
        if fewer is not None:
            return with_main(session, (*session.main[:index], fewer, *session.main[index + 1:]), measure, exact=easy_set(session, measure.zones))
    return None


def _one_part_less(part: Part, measure: Measure) -> Part | None:
    if isinstance(part, Repeat):
        return replace(part, count=part.count - 1) if part.count > 1 else None
    if isinstance(part, Ladder):
        return fewer_rungs(part, len(part.rungs) - 1) if len(part.rungs) > 1 else None
    if part.role != "work" or part.amount is None:
        return None
    step = measure.step_for(part.amount)
    current = figure(part.amount)
    if current - step < step - 1e-9:
        return None
    return replace(part, amount=floor_amount(part.amount, (current - step) / current, measure))


def as_easy(session: Session, measure: Measure, kind: SessionKind = K.EASY) -> Session:
    """A quality session (or race) turned into easy running of the same size. Its comment and its
    notes go: ``— VO2max`` or "run each kilometre hard" under an easy run say what it no longer
    is (a reader of the feed had read them as the easy run's); the session as written, shown
    with it, names what it was."""
    if session.total is not None:
        total: Amount = session.total
    elif session.main and duration_only(session.main):
        total = Duration(main_minutes(session, measure) * 60)
    else:
        total = Distance(main_km(session, measure), "km")
        if measure.units == "mi":
            total = Distance(total.in_unit("mi"), "mi")
    total = floor_amount(total, 1.0, measure)
    return Session(kind=kind, day=session.day, source=session.source, total=total, text=session.text)


def running_size(session: Session, planned: PlannedSession, basis: Basis) -> float:
    """A run's size for the checks: run-walk counts its running only (its walks, and the rest
    of its total beyond the steps given, are walking); a run-walk whose parts the plan does not
    give, or a walk, counts nothing. A run with walk breaks in its main set (Galloway's long run
    written ``Long 1 h 30 min: 45 x (1 min run, 1 min walk)``) counts its running too; the rest
    of its total is running."""
    full = (planned.distance_km or 0.0) if basis == "distance" else (planned.minutes or 0.0)
    return full * running_share(session) if full > 0 else 0.0


def running_share(session: Session) -> float:
    """The share of a run that is running (see :func:`running_size`): 1 for a run without walks."""
    breaks = session.kind in (K.LONG, K.EASY, K.RECOVERY)  # a run's walk breaks; an interval's rest is its recovery
    if session.kind is not K.RUN_WALK and not (breaks and session.main):
        return 1.0
    if not session.main:
        return 0.0
    running = walking = 0.0
    for step, count in times(session.main):
        share = _part(step.amount, count)
        walks = walking_label(step.label)
        if walks or (session.kind is K.RUN_WALK and (step.role == "rest" or step.label.startswith("standing"))):
            walking += share
        else:
            running += share
    if session.kind is not K.RUN_WALK and not walking:
        return 1.0
    whole = max(running + walking, _part(session.total, 1))
    if session.kind is not K.RUN_WALK:
        running = whole - walking  # its warm-up and cool-down are running
    return running / whole if whole > 0 else 0.0


def walking_label(label: str) -> bool:
    """A step's label that says walking: a walk, a hike, a hike up a hill ("uphill power hike")."""
    return label.startswith("walk") or "hike" in label


def longest_spell(session: Session) -> float:
    """The longest running without a walk in a run (as :func:`_part` counts it): a run-walk's
    longest run step, a run without walks whole. Its growth is a return-to-running plan's
    progression: 2 x 15 minutes with a walk between, then 25 minutes without one."""
    return _part(spell_amount(session), 1)


def spell_amount(session: Session) -> Distance | Duration | None:
    """The amount of :func:`longest_spell`, as written."""
    if running_share(session) >= 1.0:
        return session.total if session.kind is not K.RUN_WALK else None
    return max((step.amount for step, _ in times(session.main)
                if step.role == "work" and not walking_label(step.label)),
               key=lambda amount: _part(amount, 1), default=None)


def _part(amount: Distance | Duration | None, times: float) -> float:
    if amount is None:
        return 0.0
    # Run and walk parts in one unit, to share a session between them: a km counts as 6 minutes.
    return times * (amount.seconds if isinstance(amount, Duration) else amount.km * 360)
