"""A reader's paces (Daniels' VDOT): against the published tables, for every target the
plan language knows, from the command line and from the coach's frontmatter."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.model import Performance
from generator.paces import coach_specs, evaluate, pace_table, plan_pace_table, race_seconds, spec_of, vdot
from generator.source.performance import PerformanceError, parse_performance
from generator.source.targets import parse_target

from .helpers import plan_from

# Daniels' Running Formula, table of VDOT and equivalent race times (3rd ed., table 3.1,
# as quoted in r/artc "Dissecting Daniels, part 4"): VDOT -> mile, 5K, 10K, half, marathon.
RACE_TABLE = {
    30: ("9:11", "30:40", "63:46", "2:21:04", "4:49:17"),
    40: ("7:07", "24:08", "50:03", "1:50:59", "3:49:45"),
    50: ("5:50", "19:57", "41:21", "1:31:35", "3:10:49"),
}
RACES_KM = (1.609344, 5.0, 10.0, 21.0975, 42.195)
# Training paces the book gives for VDOT 49 (as reported from it: fit360.blogspot.com, 2009)
# and the threshold pace of VDOT 50 (6:51/mi), in seconds per km.
TRAINING = {
    49: {"threshold": 260.0, "interval": 239.0, "repetition": 89 / 0.4, "marathon": (7 * 60 + 24) / 1.609344},
    50: {"threshold": (6 * 60 + 51) / 1.609344},
}


def clock(text: str) -> float:
    parts = [int(p) for p in text.split(":")]
    return float(parts[0] * 3600 + parts[1] * 60 + parts[2] if len(parts) == 3 else parts[0] * 60 + parts[1])


@pytest.mark.parametrize("level", sorted(RACE_TABLE))
def test_equivalent_race_times_match_daniels_table(level: int) -> None:
    for km, written in zip(RACES_KM, RACE_TABLE[level], strict=True):
        assert abs(race_seconds(level, km) - clock(written)) / km <= 2.0, (level, km)


@pytest.mark.parametrize("level", sorted(RACE_TABLE))
def test_every_effort_of_a_table_row_is_within_two_seconds_per_km(level: int) -> None:
    """Any race of a row gives the same paces: the model is one curve, whichever race the reader enters."""
    tables = [pace_table(Performance(km, clock(written))) for km, written in zip(RACES_KM, RACE_TABLE[level], strict=True)]
    for name in tables[0].efforts:
        mids = [sum(t.efforts[name]) / 2 for t in tables]
        assert max(mids) - min(mids) <= 2.0, name


@pytest.mark.parametrize("level", sorted(TRAINING))
def test_training_paces_match_the_book(level: int) -> None:
    table = pace_table(Performance(10.0, race_seconds(level, 10.0)))
    for name, published in TRAINING[level].items():
        middle = sum(table.efforts[name]) / 2
        assert abs(middle - published) <= 2.0, (name, middle, published)
    easy = table.efforts["easy"]
    if level == 49:  # the book's easy pace for VDOT 49, 8:40/mi, lies in the easy range
        assert easy[0] <= (8 * 60 + 40) / 1.609344 <= easy[1]


def test_efforts_are_ordered_from_slow_to_fast() -> None:
    table = pace_table(parse_performance("10k=50:00"))
    order = ["recovery", "easy", "steady", "marathon", "half_marathon", "threshold", "10k", "5k", "interval", "mile"]
    middles = [sum(table.efforts[name]) / 2 for name in order]
    assert middles == sorted(middles, reverse=True)


@pytest.mark.parametrize(("text", "expected"), [
    ("threshold", "e:threshold"), ("easy to moderate", "e:easy|e:steady"), ("Z2", "e:easy"),
    ("Z3-Z4", "e:steady|e:threshold"), ("RPE 7", "e:threshold"), ("RPE 3", "e:easy"), ("RPE 2", "e:recovery"), ("5K pace", "r:5:100:100:0:0"),
    ("90-92% 5K", "r:5:90:92:0:0"), ("105% MP", "r:42.195:105:105:0:0"),
    ("MP - 10 s", "r:42.195:100:100:-6.21:-6.21"), ("HMP + 15 s/km", "r:21.0975:100:100:15:15"),
    ("MP + 1-2 min", "r:42.195:100:100:37.28:74.56"), ("MP + 60-120 s", "r:42.195:100:100:37.28:74.56"),  # Hansons' easy
    ("5K-10K pace", "r:5:100:100:0:0|r:10:100:100:0:0"), ("Goal MP", "r:42.195:100:100:0:0"),
    ("goal pace", "r:21.0975:100:100:0:0"), ("all-out", None), ("150 bpm", None), ("5:00/km", None),
    # Just under the threshold (Norwegian singles) and the aerobic threshold: no book's table gives
    # their pace, so they stay as written, never threshold; LT2 is the lactate threshold.
    ("sub-threshold", None), ("slightly below threshold", None), ("LT1", None), ("LT2", "e:threshold"),
    # Canova's progressions from one share of MP to another: each end its pace (they had none)
    ("88% MP to 95% MP", "r:42.195:88:88:0:0|r:42.195:95:95:0:0"), ("easy to 90% MP", "e:easy|r:42.195:90:90:0:0"),
    ("95% VMA", "v:95:95:0:0"),
    # Lydiard's efforts are shares of effort, no race's pace: "half effort" had been half-marathon pace
    ("half effort", None), ("1/2 effort", None), ("three-quarter effort", None), ("HM effort", "r:21.0975:100:100:0:0"),
])
def test_every_target_the_language_knows_has_a_pace_spec(text: str, expected: str | None) -> None:
    target = parse_target(text, pytest.fail)
    assert spec_of(target, 21.0975, "mi") == expected


def test_shares_and_offsets_of_race_pace() -> None:
    table = pace_table(parse_performance("marathon=3:30:00"))
    mp = race_seconds(table.vdot, 42.195) / 42.195
    slow = evaluate("r:42.195:90:90:0:0", table.efforts, table.vdot)
    assert sum(slow) / 2 == pytest.approx(mp / 0.9)  # 90% of marathon speed: slower
    faster = evaluate(spec_of(parse_target("MP - 10 s", pytest.fail), None, "km") or "", table.efforts, table.vdot)
    assert sum(faster) / 2 == pytest.approx(mp - 10)
    between = evaluate("r:5:100:100:0:0|r:10:100:100:0:0", table.efforts, table.vdot)
    assert between[0] < race_seconds(table.vdot, 5) / 5 < race_seconds(table.vdot, 10) / 10 < between[1]


@pytest.mark.parametrize(("text", "message"), [
    ("10k=5:00", r"is not a plausible 10K time \(expected one between [^;]*\)$"),
    ("half=1:55", r"is not a plausible Half marathon time .*; for 1 h 55 min write 1:55:00$"),
    ("5k=0:30", r"is not a plausible 5K time .*; for 30 min write 30:00$"),
    ("10k=0:00", r"is not a plausible 10K time \(expected one between [^;]*\)$"),
    ("12 parsecs=1:00:00", "unknown race '12 parsecs'"),
    ("10k", "cannot read '10k' as a performance"),
    ("100 km=9:00:00", "a race from 1500 m to the marathon gives paces"),
])
def test_performances_that_cannot_give_paces(text: str, message: str) -> None:
    with pytest.raises(PerformanceError, match=message):
        parse_performance(text)


@pytest.mark.parametrize("text", ["10k=50:00", "10K in 50:00", "10k 50:00", "10 km=50:00", "10000 m=50:00"])
def test_ways_to_write_a_performance(text: str) -> None:
    performance = parse_performance(text)
    assert (performance.km, performance.seconds) == (10.0, 3000.0)
    assert vdot(performance) == pytest.approx(40.0, abs=0.1)


def test_the_paces_command_prints_the_table_and_json() -> None:
    runner = CliRunner()
    text = runner.invoke(main, ["paces", "--race-time", "10k=50:00"])
    assert text.exit_code == 0, text.output
    assert "Paces for 10K in 50:00 (VDOT 40.0)" in text.output
    assert "Threshold           5:02–5:09/km  11.7–11.9 km/h" in text.output
    miles = runner.invoke(main, ["paces", "--race-time", "10k=50:00", "--units", "mi"])
    assert "mph" in miles.output and "/mi" in miles.output
    data = json.loads(runner.invoke(main, ["paces", "--race-time", "10k=50:00", "--format", "json"]).output)
    assert data["reference"] == {"label": "10K in 50:00", "km": 10.0, "seconds": 3000.0}
    assert data["vdot"] == pytest.approx(40.0, abs=0.05)
    for name in ("easy", "marathon", "half_marathon", "threshold", "10k", "5k", "interval", "repetition", "mile"):
        fast, slow = data["efforts"][name]["seconds_per_km"]
        assert fast <= slow
    assert data["efforts"]["10k"]["seconds_per_km"][0] < 300 < data["efforts"]["10k"]["seconds_per_km"][1]


def test_the_paces_command_refuses_a_bad_time() -> None:
    result = CliRunner().invoke(main, ["paces", "--race-time", "10k=5:00"])
    assert result.exit_code == 2
    assert "is not a plausible 10K time" in result.output
    assert "Traceback" not in result.output


COACHED = """
---
title: Coached paces
units: km
race: {distance: 10k}
paces:
  reference: 10K in 50:00
  easy: 6:10-6:40/km
  threshold: HMP - 5 s
---

## Week 1
- Tue: Tempo 8 km with 4 km @ threshold
- Sat: Long 14 km @ easy
- Sun: Race 10K
"""


def test_the_coach_table_wins_over_the_model_and_scales_to_the_reader() -> None:
    plan = plan_from(COACHED)
    assert plan.pace_reference is not None and plan.pace_reference.label == "10K in 50:00"
    own = plan_pace_table(plan, plan.pace_reference)
    assert own.efforts["easy"] == pytest.approx((370.0, 400.0))
    faster = plan_pace_table(plan, parse_performance("10k=45:00"))
    assert faster.efforts["easy"] == pytest.approx((370.0 * 0.9, 400.0 * 0.9), rel=1e-3)
    half = race_seconds(faster.vdot, 21.0975) / 21.0975
    assert sum(faster.efforts["threshold"]) / 2 == pytest.approx(half - 5, abs=0.5)


@pytest.mark.parametrize(("frontmatter", "message"), [
    ("paces:\n  easy: 6:10-6:40/km", "'paces.easy' is a pace for one runner: add 'reference:'"),
    ("paces:\n  reference: 10K in 5:00", "is not a plausible 10K time"),
    ("paces:\n  easy: chill", "unknown target 'chill'"),
    ("paces:\n  easy: Z2", "'Z2' is not a pace"),
    ("paces:\n  eazy: 6:10/km", "unknown key 'paces.eazy' — did you mean 'easy'?"),
])
def test_pace_table_mistakes_are_errors_at_their_line(frontmatter: str, message: str) -> None:
    from generator.errors import DeloadError

    text = f"---\ntitle: P\nunits: km\n{frontmatter}\n---\n\n## Week 1\n- Sun: Long 10 km\n"
    with pytest.raises(DeloadError) as caught:
        plan_from(text)
    messages = [d.format() for d in caught.value.diagnostics]
    assert len(messages) == 1 and message in messages[0], messages
    assert messages[0].startswith("test.md:5:")


def test_daniels_and_pfitzinger_write_their_paces_and_sessions_their_way() -> None:
    """The books' own words: Daniels' E, M, T, I and R paces (by letter or name), Pfitzinger's
    session names (medium-long, general aerobic, lactate threshold, VO2max) and LT pace."""
    from generator.model import Repeat, SessionKind

    plan = plan_from("---\ntitle: Books\nunits: km\n---\n\n## Week 1\n"
                     "- Mon: Medium-long run 18 km @ E\n"
                     "- Tue: Cruise intervals 12 km: 4 x 1.6 km @ T w/ 1 min jog\n"
                     "- Wed: General aerobic 12 km @ E pace\n"
                     "- Thu: VO2max 12 km: 5 x 1000 m @ I pace w/ 400 m jog\n"
                     "- Fri: Reps 8 km: 8 x 200 m @ R w/ 200 m jog\n"
                     "- Sat: Lactate threshold 12 km with 6 km @ LT pace\n"
                     "- Sun: Marathon-pace run 20 km with 12 km @ M\n")
    sessions = plan.weeks[0].sessions

    def spec(index: int) -> str | None:
        session = sessions[index]
        part = session.main[0] if session.main else None
        target = (part.steps[0].target if isinstance(part, Repeat) else part.target) if part else session.target  # type: ignore[union-attr]
        assert target is not None
        return spec_of(target, plan, "km")

    assert [s.kind for s in sessions] == [SessionKind.EASY, SessionKind.INTERVALS, SessionKind.EASY, SessionKind.INTERVALS,
                                          SessionKind.INTERVALS, SessionKind.TEMPO, SessionKind.TEMPO]
    assert [spec(i) for i in range(7)] == ["e:easy", "e:threshold", "e:easy", "e:interval", "e:repetition",
                                           "e:threshold", "r:42.195:100:100:0:0"]
    assert sessions[0].label == "Medium-long run"


def test_a_plan_in_80_20_zones_paces_and_weighs_them_as_fitzgerald_means_them() -> None:
    """Fitzgerald's Z3 is threshold and Z4 VO2max: read in the five-zone default, an 80/20 plan's
    cruise intervals were paced a zone too slow (steady)."""
    from generator.paces import spec_of, zone_efforts
    from generator.periodize.load import session_load
    from generator.periodize.volume import Measure

    from .helpers import plan_from

    text = "---\ntitle: Z\n{zones}---\n## Week 1\n- Tue: Tempo 20 min Z3\n- Thu: Intervals 20 min Z4\n"
    fitz = plan_from(text.format(zones="zones: 80/20\n"))
    default = plan_from(text.format(zones=""))
    own = plan_from(text.format(zones="zones: {Z3: threshold, z4: I}\n"))
    assert fitz.zones[2] == (3, "threshold") and own.zones == ((3, "threshold"), (4, "interval"))
    tempo = fitz.weeks[0].sessions[0].target
    assert spec_of(tempo, None, "km", fitz.zones) == "e:threshold" and spec_of(tempo, None, "km") == "e:steady"
    assert zone_efforts(())[3] == ("steady",)
    loads = [session_load(s, Measure(p.periodization, p.checks, p.units, p.zones)) for p in (fitz, default)
             for s in p.weeks[0].sessions[:1]]
    assert loads[0] > loads[1]  # threshold weighs more than steady


@pytest.mark.parametrize(("zones", "error"), [
    ("zones: 70/30", "zones: expected a zone system ('80/20', 'heart rate') or each zone's effort, e.g. '{Z3: threshold, Z4: interval}'"),
    ("zones: {Z7: easy}", "'Z7' is no zone: expected Z1 to Z6"),
    ("zones: {Z3: lactate}", "'lactate' is no effort of the pace table"),
])
def test_a_zone_system_mistyped_is_said_at_its_line(zones: str, error: str) -> None:
    from generator.errors import DeloadError

    from .helpers import plan_from

    with pytest.raises(DeloadError) as caught:
        plan_from(f"---\ntitle: Z\n{zones}\n---\n## Week 1\n- Tue: Easy 20 min\n")
    [said] = caught.value.diagnostics
    assert said.line == 3 and error in said.message


def test_a_zone_system_given_zone_by_zone_keeps_the_default_for_the_other_zones() -> None:
    from generator.paces import spec_of

    from .helpers import plan_from

    plan = plan_from("---\ntitle: Z\nzones: {Z3: threshold, Z4: interval}\n---\n## Week 1\n- Tue: Easy 45 min @ Z2\n"
                     "- Thu: Long 90 min @ Z2-Z3\n")
    easy, long = (s.target for s in plan.weeks[0].sessions)
    assert spec_of(easy, None, "km", plan.zones) == "e:easy"
    assert spec_of(long, None, "km", plan.zones) == "e:easy|e:threshold"


def test_a_share_slower_or_faster_than_a_race_pace_is_that_much_more_or_less_time_a_mile() -> None:
    """"@ 20% slower than MP" had been refused: it is 20% more time a mile than marathon pace (83.3% of its speed)."""
    from generator.paces import spec_of

    from .helpers import plan_from

    plan = plan_from("---\ntitle: P\nunits: mi\n---\n## Week 1\n- Tue: Long run 16 mi @ 20% slower than MP\n"
                     "- Thu: Tempo 8 mi with 4 mi @ 10-15% slower than goal MP\n- Sat: Easy 4 mi @ 10% faster than 5K pace\n")
    slower, ranged, faster = plan.weeks[0].sessions
    assert slower.target is not None and slower.target.text == "20% slower than MP"
    assert spec_of(slower.target, 42.195, "mi") == "r:42.195:83.3:83.3:0:0"
    assert spec_of(ranged.main[0].target, 42.195, "mi") == "r:42.195:87:90.9:0:0"  # type: ignore[union-attr]
    assert spec_of(faster.target, None, "mi") == "r:5:111.1:111.1:0:0"


def test_a_plans_minutes_are_its_reference_runners_unless_it_gives_its_own_easy_pace() -> None:
    """Canova's block for a 2:30 marathoner, 'paces: {reference: marathon in 2:30:00}': 141 km a week
    had been counted as 15 hours, at the default 6:30/km; at this runner's easy pace it is about 10."""
    from generator.model import Pace
    from generator.periodize import expand

    from .helpers import plan_from

    week = "- Tue: Easy 20 km\n- Thu: Easy 20 km\n- Sun: Long 30 km\n"
    head = "---\ntitle: C\nunits: km\npaces: {reference: marathon in 2:30:00}\n"
    reference = plan_from(f"{head}---\n## Week 1\n{week}")
    easy = reference.checks.easy_pace
    assert easy.unit == "km" and 250 < easy.seconds < 290  # about 4:30/km, the middle of his easy range
    assert 280 < expand(reference).weeks[0].minutes < 330
    own = plan_from(f"{head}checks: {{easy_pace: '6:30/km'}}\n---\n## Week 1\n{week}")
    assert own.checks.easy_pace == Pace(390, "km") and expand(own).weeks[0].minutes > 440


def test_a_coachs_race_pace_is_the_pace_of_every_target_set_by_that_race() -> None:
    """Steffny's table gives marathon pace as 4:40-4:45/km for a 3:29 runner: the sessions '@ MP',
    '@ 90% MP' and 'MP - 10 s' are paced from it. The table had shown it while the sessions, the
    calendar and the watch took the model's 4:54-5:00/km."""
    from generator.model import Performance

    coach = coach_specs((("marathon", parse_target("4:40-4:45/km", pytest.fail)),), "km")
    reference = Performance(42.195, 3 * 3600 + 29 * 60)
    table = pace_table(reference, coach, reference)
    mp = evaluate("r:42.195:100:100:0:0", table.efforts, table.vdot)
    assert 279 < mp[0] < mp[1] < 286  # 4:40-4:45, within the 1% a watch holds to
    slower = evaluate("r:42.195:90:90:0:0", table.efforts, table.vdot)
    assert slower[0] == pytest.approx(mp[0] / 0.9)
    alone = pace_table(reference)  # without the coach's table: the model's, as before
    assert evaluate("r:42.195:100:100:0:0", alone.efforts, alone.vdot)[0] == pytest.approx(race_seconds(alone.vdot, 42.195) / 42.195 * 0.99)


def test_an_800m_plans_race_pace_is_its_coachs_not_the_models() -> None:
    """Daniels' equations are fitted from 1500 m to the marathon: an 800 m runner's 'race pace' had
    been extrapolated to 4:31/mi beside the coach's 47-second 300s, and '800 m pace' refused with
    the advice to write '@ easy'."""
    race_pace = parse_target("race pace", pytest.fail)
    assert spec_of(race_pace, 0.8, "km") is None and spec_of(race_pace, 1.5, "km") == "r:1.5:100:100:0:0"
    said: list[str] = []
    parse_target("800 m pace", said.append)
    assert said and "the paces of Deload's model run from 1500 m to the marathon" in said[0] and "'@ all-out'" in said[0]


def test_a_coachs_pace_set_from_a_race_pace_takes_the_coachs_race_pace_whatever_its_name() -> None:
    """'easy: MP + 45-75 s' beside 'marathon: 4:40-4:45/km': easy is set from the coach's marathon pace.
    Taken in alphabetical order, easy had come before marathon, and been set from the model's."""
    from generator.model import Performance

    paces = (("marathon", parse_target("4:40-4:45/km", pytest.fail)), ("easy", parse_target("MP + 45-75 s", pytest.fail)))
    reference = Performance(10.0, 50 * 60)
    table = pace_table(reference, coach_specs(paces, "km"), reference)
    mp = sum(table.efforts["marathon"]) / 2
    assert table.efforts["easy"] == pytest.approx((mp + 45, mp + 75))
    # A race written in miles is that race: 13.1 mi takes the coach's half-marathon pace
    half = pace_table(reference, coach_specs((("half_marathon", parse_target("5:00-5:05/km", pytest.fail)),), "km"), reference)
    assert 299 < sum(evaluate("r:21.0824:100:100:0:0", half.efforts, half.vdot)) / 2 < 304


@pytest.mark.parametrize(("text", "kmh"), [("VMA 16 km/h", 16.0), ("vma=16,5", 16.5), ("MAS 17", 17.0), ("VAM: 15.5 km/h", 15.5)])
def test_a_maximal_aerobic_speed_is_a_performance_that_gives_it_back(text: str, kmh: float) -> None:
    """A French runner knows their VMA from a test, not a race: it stands for six minutes at that
    speed, whose VDOT gives exactly that VMA back (and every other pace from it)."""
    performance = parse_performance(text)
    table = pace_table(performance)
    assert 3600 / (sum(evaluate("v:100:100:0:0", table.efforts, table.vdot)) / 2) == pytest.approx(kmh)
    assert performance.label == f"VMA {kmh:g} km/h"
    with pytest.raises(PerformanceError, match="not plausible"):
        parse_performance("VMA 35 km/h")


def test_a_maximal_aerobic_speed_beyond_the_models_range_is_refused() -> None:
    """VMA 28 had given VDOT 96, past the table's 90, with threshold slower than half-marathon pace."""
    with pytest.raises(PerformanceError, match=r"expected 10 to 26\.5 km/h"):
        parse_performance("VMA 28 km/h")
    assert pace_table(parse_performance("VMA 26.5 km/h")).vdot <= 90.0 + 1e-6


def test_a_long_run_without_a_target_takes_the_coachs_long_run_pace() -> None:
    """Hansons give long runs their own pace ('long: MP + 30-60 s'): the table showed it while every
    'Long run 16 mi' was paced easy. A long run without a target is run at the table's long-run pace."""
    from generator.periodize import expand
    from generator.render.paceview import session_paces

    plan = plan_from("---\ntitle: H\nunits: mi\nrace: {distance: marathon}\npaces:\n  reference: marathon in 3:30:00\n"
                     "  long: MP + 30-60 s\n---\n## Week 1\n- Sun: Long 16 mi\n## Week 2\n- Sun: Race marathon\n")
    expanded = expand(plan)
    assert plan.pace_reference is not None
    table = plan_pace_table(plan, plan.pace_reference)
    [view] = session_paces(expanded.weeks[0].sessions[0].session, expanded.weeks[0].sessions[0].workout, expanded, table)
    assert view.spec == "e:long"
    long_pace = evaluate("e:long", table.efforts, table.vdot)
    assert long_pace != evaluate("e:easy", table.efforts, table.vdot)
    marathon = race_seconds(table.vdot, 42.195) / 42.195 * 1.609344  # s/mi
    assert marathon + 29 < long_pace[0] * 1.609344 < long_pace[1] * 1.609344 < marathon + 61


def test_a_coachs_easy_pace_paces_a_long_run_when_the_table_gives_long_runs_none() -> None:
    """A table that sets only 'easy: 5:30-5:45/km' had paced 'Long 16 km' at the model's 6:07-6:43
    once long runs took the long-run row: without a row of their own they are run at the easy pace."""
    from generator.periodize import expand
    from generator.render.paceview import session_paces

    plan = plan_from("---\ntitle: P\nunits: km\npaces:\n  reference: 10K in 50:00\n  easy: 5:30-5:45/km\n---\n"
                     "## Week 1\n- Tue: Easy 8 km\n- Sun: Long 16 km\n")
    expanded = expand(plan)
    assert [v.spec for p in expanded.weeks[0].sessions for v in session_paces(p.session, p.workout, expanded, None)] == [
        "e:easy", "e:easy"]
