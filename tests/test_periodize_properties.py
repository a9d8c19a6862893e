"""Property tests: the engine's invariants (coaching-rules.md section 5) over generated plans."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.expanded import ExpandedPlan
from generator.model import (
    Checks,
    Distance,
    Duration,
    Exercise,
    Ladder,
    Load,
    Periodization,
    Plan,
    Race,
    RacePace,
    Repeat,
    Session,
    SessionKind,
    Source,
    Step,
    Target,
    Week,
)
from generator.periodize import as_plan, expand
from generator.periodize.deload import AFTER_RACE_DAYS, SHORT_BY
from generator.periodize.expand import choose_basis, plan_taper, taper_written
from generator.periodize.layout import LOOK_AHEAD
from generator.periodize.strength import HEAVY_STOP_DAYS, LAST_SESSION_DAYS, is_heavy_lower_body
from generator.periodize.volume import Measure

K = SessionKind
SRC = Source("gen.md", 1, 1)
PROPS = settings()  # examples per run come from the profile in conftest.py


@st.composite
def sessions_for_week(draw: st.DrawFn, unit: str, scale: float, strength: bool) -> tuple[Session, ...]:
    step = 0.5 if unit == "mi" else 1.0
    def dist(lo: float, hi: float) -> Distance:
        value = draw(st.integers(int(lo / step), int(hi / step))) * step * scale
        return Distance(max(round(value / step) * step, step), unit)  # type: ignore[arg-type]
    def ranged(lo: float, hi: float) -> Distance:  # "5-6 mi" now and then, as the books write
        low = dist(lo, hi)
        return replace(low, high=low.value + step * draw(st.integers(1, 2))) if draw(st.booleans()) else low
    sessions = [Session(K.EASY, 2, SRC, total=ranged(3, 8))]
    quality = draw(st.sampled_from(["intervals", "tempo", "hills", "none", "two", "ladder", "sets", "paces"]))
    five_k = Target("5K pace", "race", race=RacePace("5k"))
    jog = Step("recovery", Distance(200, "m"), label="jog")
    if quality in ("intervals", "two"):
        top = draw(st.sampled_from([None, 1]))
        count = draw(st.integers(3, 10))
        sessions.append(Session(K.INTERVALS, 3, SRC, total=dist(6, 10), main=(Repeat(
            count, (Step("work", Distance(draw(st.sampled_from([400, 800, 1000])), "m"), five_k),), jog,
            count + top if top else None),)))
    if quality in ("tempo", "two"):
        total = dist(6, 12)
        sessions.append(Session(K.TEMPO, 4, SRC, total=total, main=(Step(
            "work", Distance(max(total.value / 2 // step * step, step), unit), Target("threshold", "effort", efforts=("threshold",))),)))  # type: ignore[arg-type]
    if quality == "hills":
        sessions.append(Session(K.HILLS, 4, SRC, main=(Repeat(draw(st.integers(4, 12)), (Step("work", Duration(60), Target("hard", "effort"), "hills"),)),)))
    if quality == "ladder":
        rungs = tuple(Step("work", Distance(km, "km"), Target(f"{p}% MP", "race", race=RacePace("marathon", percent=p)))
                      for km, p in ((3, 108), (2, 109), (2, 110), (1, 112)))
        sessions.append(Session(K.INTERVALS, 3, SRC, total=dist(8, 12), main=(Ladder(rungs, Step("recovery", Duration(240), label="jog")),)))
    if quality == "sets":
        sessions.append(Session(K.INTERVALS, 3, SRC, total=dist(8, 12), main=(
            Repeat(3, (Step("work", Distance(2, "km"), five_k),), Step("recovery", Duration(240), label="jog")),
            Repeat(2, (Step("work", Distance(1, "km"), five_k),), Step("recovery", Duration(180), label="jog")))))
    if quality == "paces":
        total = dist(10, 20)
        part = max(total.value / 4 // step * step, step)
        sessions.append(Session(K.LONG, 5, SRC, total=total, main=tuple(
            Step("work", Distance(part, unit), Target(f"{p}% MP", "race", race=RacePace("marathon", percent=p)))  # type: ignore[arg-type]
            for p in (90, 92, 94))))
    if strength:
        sessions.append(Session(K.STRENGTH, 5, SRC, exercises=(
            Exercise("Back squat", draw(st.integers(2, 5)), draw(st.integers(3, 12)), "reps",
                     Load("weight", draw(st.sampled_from([40.0, 62.5, 100.0])), "kg" if unit == "km" else "lb")),
            Exercise("Push-up", 3, draw(st.integers(5, 20)), "reps", Load("bodyweight")),
            Exercise("Plank", 3, draw(st.sampled_from([30, 45, 60])), "s", None),
            Exercise("Dumbbell row", 3, 8, "reps", Load("weight", 20.0, "kg"), reps_max=draw(st.integers(9, 15))),
            Exercise("Lunge", 2, 10, "reps", Load("weight", 10.0, "kg"), sets_max=draw(st.integers(3, 5))),
            Exercise("Deadlift", draw(st.integers(1, 4)), 5, "reps", Load("percent", 75.0), amrap=True),
            Exercise("Pull-up", draw(st.integers(1, 4)), 0, "reps", None, amrap=True),
        )))
    sessions.append(Session(K.EASY, 6, SRC, total=dist(3, 8), strides=Repeat(4, (Step("work", Duration(20), label="strides"),)) if draw(st.booleans()) else None))
    sessions.append(Session(K.LONG, 7, SRC, total=dist(8, 20), target=Target("easy", "effort")))
    return tuple(sessions)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    unit = draw(st.sampled_from(["km", "mi"]))
    count = draw(st.integers(3, 30))
    strength = draw(st.booleans())
    weeks = []
    for n in range(1, count + 1):
        scale = 1 + 0.05 * min(n, 12)
        drawn = draw(sessions_for_week(unit, scale, strength))
        # each session on its own line, as in a plan file: the engine tells sessions apart by where they were written
        lined = tuple(replace(s, source=Source("gen.md", n * 10 + i + 1, 1)) for i, s in enumerate(drawn))
        weeks.append(Week(n, Source("gen.md", n * 10, 1), sessions=lined))
    if count >= 6 and draw(st.booleans()):  # a tune-up race in the middle of the plan
        at = draw(st.integers(2, count - 3))
        week = weeks[at]
        kept = tuple(s for s in week.sessions if s.day < 7)
        weeks[at] = replace(week, sessions=(*kept, Session(K.RACE, 7, Source("gen.md", at * 10 + 9, 1), total=Distance(10, "km"))))
    race = None
    if draw(st.booleans()):
        category = draw(st.sampled_from(["5k", "10k", "half", "marathon"]))
        km = {"5k": 5, "10k": 10, "half": 21.0975, "marathon": 42.195}[category]
        race = Race(Distance(km, "km"), category, SRC)  # type: ignore[arg-type]
        last = weeks[-1]
        day = draw(st.sampled_from([6, 7]))
        kept = tuple(s for s in last.sessions if s.day < day)
        weeks[-1] = replace(last, sessions=(*kept, Session(K.RACE, day, SRC, total=Distance(km, "km"))))
    periodization = Periodization(
        deload_every=draw(st.sampled_from([None, 2, 3, 4, 5, 6])),
        deload_mode=draw(st.sampled_from(["insert", "replace"])),
        deload_strategy=draw(st.sampled_from(["volume", "intensity", "easy", "rest"])),
        deload_cut=draw(st.sampled_from([0.10, 0.20, 0.25, 0.40, 0.60])),
        strength_strategy=draw(st.sampled_from(["reps", "load", "sets"])),
    )
    return Plan(path="gen.md", slug="gen", title="Generated", units=unit, load_units="kg" if unit == "km" else "lb",  # type: ignore[arg-type]
                weeks=tuple(weeks), source=SRC, race=race, periodization=periodization, checks=Checks())


def volume(e: ExpandedPlan, index: int) -> float:
    return e.volume(e.weeks[index])


def step(plan: Plan, basis: str) -> float:
    return (plan.periodization.round_mi * 1.609344 if plan.units == "mi" else plan.periodization.round_km) if basis == "distance" else 5.0


@PROPS
@given(plans(), st.dates(date(2026, 1, 1), date(2030, 12, 31)))
def test_race_day_fixed_and_length_rule(plan: Plan, race_date: date) -> None:
    has_race = plan.race is not None
    e = expand(plan, race_date=race_date) if has_race else expand(plan, start=race_date)
    inserted = sum(1 for w in e.weeks if w.inserted)
    if plan.periodization.deload_mode == "replace":
        assert inserted == 0 and len(e.weeks) == len(plan.weeks)
    else:
        assert len(e.weeks) == len(plan.weeks) + inserted
    if has_race:
        race = e.race_session
        assert race is not None and race.date == race_date
        original = next(s for s in plan.weeks[-1].sessions if s.kind is K.RACE)
        assert race.session == original
        tune_ups = [s for w in plan.weeks[:-1] for s in w.sessions if s.kind is K.RACE]
        assert [p.session for w in e.weeks[:-1] for p in w.sessions if p.kind is K.RACE] == tune_ups
    # order kept: the source weeks appear in increasing order
    origins = [w.origin for w in e.weeks if not w.inserted]
    assert origins == sorted(origins) == list(range(1, len(plan.weeks) + 1))


@PROPS
@given(plans())
def test_deterministic_and_idempotent(plan: Plan) -> None:
    first = expand(plan)
    assert expand(plan) == first
    again = expand(as_plan(first))
    assert [w.kind for w in again.weeks] == [w.kind for w in first.weeks]
    assert [[p.session for p in w.sessions] for w in again.weeks] == [[p.session for p in w.sessions] for w in first.weeks]


@PROPS
@given(plans())
def test_deloads_are_lighter_than_their_reference(plan: Plan) -> None:
    e = expand(plan)
    p = plan.periodization
    eps = step(plan, e.basis)
    small = {w.line for w in e.warnings if w.code == "deload-too-small"}
    for i, week in enumerate(e.weeks):
        if week.kind != "deload" or week.reference is None:
            continue
        reference = e.weeks[week.reference - 1]
        assert not any(x.kind is K.RACE for x in reference.sessions), "a deload built from a race week"
        assert not any(x.kind is K.RACE for x in week.sessions), "a race in a deload"
        ref = volume(e, week.reference - 1)
        v = volume(e, i)
        if p.deload_strategy == "volume":
            # the cut, or as near as no run losing more than 40% (or the cut) allows, said in the note;
            # a cut short by less than SHORT_BY (rounding each run up to keep it within 40%) is the cut
            short = any(getattr(phrase, "code", "").startswith("deload-volume-short")
                        for top in week.note for phrase in top.values.get("how", ()))  # type: ignore[union-attr]
            assert v <= (1 - p.deload_cut) * ref + max(eps, SHORT_BY * ref) or short
            assert v >= 0.3 * ref - eps or ref < 4 * eps
            # a range is deloaded as a range: its top end by the same cut, from the reference's top
            high, ref_high = e.volume_high(week), e.volume_high(reference)
            # R6: no easy or long run loses more than 40% (or the cut), by rounding either
            most = max(0.4, p.deload_cut)
            written = {(x.session.source.line, x.kind): x for x in reference.sessions}
            for x in week.sessions:
                was = written.get((x.session.source.line, x.kind))
                if was is not None and x.kind in (K.EASY, K.LONG, K.RECOVERY, K.RUN_WALK) and was.minutes:
                    assert (x.minutes or 0.0) >= (1 - most) * was.minutes - 0.1, x.session.text  # minutes to 0.1
            # (its top end may fall short by the cap as its bottom does: lighter still)
            assert high is None or high <= (1 - p.deload_cut) * (ref_high or ref) + eps or high < (ref_high or ref)
        elif p.deload_strategy == "easy":
            assert v <= 0.7 * ref + eps and week.quality_sessions == 0
        elif p.deload_strategy == "rest":
            assert week.run_sessions == 0
        else:  # intensity: quality portions smaller, easy runs as they were, the long run no longer
            easy = lambda w: sorted(x.distance_km or 0 for x in w.sessions if x.kind in (K.EASY, K.RECOVERY))  # noqa: E731
            assert easy(week) == easy(reference) or week.metrics.load <= 0.85 * reference.metrics.load + 1e-6
            assert v <= ref + 1e-9
        # every deload unloads at least min_cut, or the coach is told it could not
        assert week.metrics.load <= (1 - p.min_cut) * reference.metrics.load + 1e-6 or week.source.line in small


@PROPS
@given(plans())
def test_engine_deloads_never_sit_next_to_a_lighter_week_or_a_race(plan: Plan) -> None:
    e = expand(plan)
    for i, week in enumerate(e.weeks):
        if not week.inserted or week.kind != "deload":
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(e.weeks):
                assert not e.weeks[j].step_back and e.weeks[j].kind not in ("deload", "vacation")
    replaced = [w for w in e.weeks if w.kind == "deload" and not w.inserted]
    for week in replaced:  # a week holding a race is never replaced
        assert not any(s.kind is K.RACE for s in plan.weeks[week.origin - 1].sessions)  # type: ignore[operator]
    races = [s for w in plan.weeks for s in w.sessions if s.kind is K.RACE]
    assert [p.session for w in e.weeks for p in w.sessions if p.kind is K.RACE] == races  # every race kept as written
    for i, week in enumerate(e.weeks[1:], start=1):  # no quality within 4 days after a race in a week the engine made
        race_days = [p.day for p in e.weeks[i - 1].sessions if p.kind is K.RACE]
        if week.kind in ("deload", "vacation") and race_days:
            assert all(7 - max(race_days) + p.day > AFTER_RACE_DAYS for p in week.sessions if p.kind.is_quality)


@PROPS
@given(plans())
def test_strength_load_never_rises_in_a_deload(plan: Plan) -> None:
    e = expand(plan)
    for week in e.weeks:
        if week.kind == "deload" and week.reference is not None:
            before_week = [p.session for p in e.weeks[week.reference - 1].sessions]
        elif week.kind in ("taper", "race") and week.origin is not None:
            before_week = list(plan.weeks[week.origin - 1].sessions)  # a taper cuts the week as written
        else:
            continue
        reference = {x.name: x for s in before_week for x in s.exercises}
        for p in week.sessions:
            for x in p.session.exercises:
                before = reference.get(x.name)
                if before is None:
                    continue
                assert x.sets <= before.sets and x.reps <= before.reps
                assert (x.reps_max or x.reps) <= (before.reps_max or before.reps)
                assert x.reps_max is None or x.reps_max > x.reps
                assert (x.sets_max or x.sets) <= (before.sets_max or before.sets)
                assert x.sets_max is None or x.sets_max > x.sets
                assert (x.load.value or 0) <= (before.load.value or 0) if x.load and before.load else True
                assert x.sets >= 1 and (x.reps >= 1 or (x.amrap and before.reps == 0))
                if week.kind == "deload":
                    assert not (x.amrap and x.reps), f"a set to failure in a deload: {x}"
                    assert x != before or (before.sets, before.reps) == (1, 1)


@PROPS
@given(plans())
def test_taper_is_day_level_non_increasing_and_free_of_deloads(plan: Plan) -> None:
    # The taper the engine keeps: the default one, or one the author wrote after a late peak.
    span, _, _ = plan_taper(plan, Measure(plan.periodization, plan.checks, plan.units), choose_basis(plan), taper_written(plan))
    if span is None:
        return
    e = expand(plan, race_date=date(2027, 10, 10))
    race = e.race_session
    assert race is not None and race.date == date(2027, 10, 10)
    first_taper = race.date - timedelta(days=span.length - 1)  # type: ignore[operator]
    touched = [i for i, w in enumerate(e.weeks) if w.start + timedelta(days=6) >= first_taper]  # type: ignore[operator]
    # no deload or vacation in the taper or in the weeks just before it
    assert all(w.kind not in ("deload", "vacation") for w in e.weeks[max(touched[0] - LOOK_AHEAD, 0):])
    # before the taper's first day nothing is cut; from it, taper weeks only go down
    for w in e.weeks[touched[0]:]:
        for x in w.sessions:
            if x.date < first_taper and x.kind is not K.STRENGTH:  # type: ignore[operator]
                assert x.original is None, f"cut before the taper began: {x}"
    full = [i for i in touched if e.weeks[i].kind in ("taper", "race")]
    series = [volume(e, i) for i in full[:-1]]
    race_week = sum((x.distance_km or 0) if e.basis == "distance" else (x.minutes or 0)
                    for x in e.weeks[-1].sessions if x.kind.is_run and x.kind is not K.RACE)
    series.append(race_week)
    assert all(b <= a + 2e-3 for a, b in itertools.pairwise(series)), series  # sizes are rounded to 1 m
    # strength: nothing in the last 2 days, no heavy lower-body or jumping work in the last 7
    for w in e.weeks:
        for x in w.sessions:
            to_race = (race.date - x.date).days  # type: ignore[operator]
            if x.kind is K.STRENGTH and to_race > 0:
                assert to_race >= LAST_SESSION_DAYS
                if to_race <= HEAVY_STOP_DAYS:
                    assert not any(is_heavy_lower_body(ex) for ex in x.session.exercises)


@PROPS
@given(plans())
def test_no_negative_nan_or_empty_values(plan: Plan) -> None:
    e = expand(plan, start=date(2027, 1, 4))
    for week in e.weeks:
        assert week.distance_km >= 0 and week.minutes >= 0
        for value in (week.metrics.load, week.metrics.ctl, week.metrics.atl, week.metrics.tsb,
                      week.metrics.acwr_rolling, week.metrics.acwr_ewma, week.metrics.monotony):
            assert value is None or math.isfinite(value)
        assert week.metrics.ctl >= 0 and week.metrics.atl >= 0
        for p in week.sessions:
            assert p.date == week.start + timedelta(days=p.day - 1)  # type: ignore[operator]
            if p.kind.is_run:
                assert (p.distance_km or 0) > 0 and (p.minutes or 0) > 0
            amount = p.session.total
            if isinstance(amount, Distance):
                assert amount.value > 0
            if isinstance(amount, Duration):
                assert amount.seconds > 0
            for part in p.session.main:
                if isinstance(part, Repeat):
                    assert part.count >= 1 and (part.count_max is None or part.count_max > part.count)
            assert p.distance_km_high is None or p.distance_km_high > (p.distance_km or 0)
