"""The engine's decisions on plans written as coaches write them (issue 14's cases).

Each test is a case a coach would have refused: a deload stacked on the author's own
step-back, a deload built from a race week, a deload that barely unloads, a vacation
that deletes a written week, a taper rounded to whole weeks, a strength load that
rises. Fixtures are real plan files under tests/fixtures/engine/.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from generator.config import Settings
from generator.describe import exercise_text, session_title
from generator.expanded import ExpandedPlan, Phrase, PlannedSession, PlannedWeek
from generator.model import Distance, Duration, Repeat, SessionKind, Step
from generator.periodize import as_plan, expand
from generator.periodize.load import session_load
from generator.periodize.summary import engine_note
from generator.periodize.volume import Measure
from generator.render.notes import note_text
from generator.source.reader import read_plan

from .conftest import FIXTURES, library_plans
from .helpers import plan_from, week_text

K = SessionKind
ENGINE = FIXTURES / "engine"


def fixture(name: str, **periodization: str) -> str:
    text = (ENGINE / name).read_text()
    if periodization:
        block = ", ".join(f"{k}: {v}" for k, v in periodization.items())
        text = text.replace("deload: {every: 4, mode: insert}", f"deload: {{{block}}}")
    return text


def deloaded_lifts(lifts: str, every: int = 2, weeks: int = 3) -> list[str]:
    """The exercises of the first deload of a plan of ``weeks`` weeks, each one strength session of
    ``lifts`` (its sub-bullets), with a deload every ``every`` weeks."""
    text = f"---\ntitle: W\nperiodization: {{deload: {{every: {every}}}}}\n---\n"
    text += "".join(f"## Week {n}\n- Mon: Strength\n{lifts}\n" for n in range(1, weeks + 1))
    deload = next(w for w in expand(plan_from(text)).weeks if w.kind == "deload")
    return [exercise_text(x) for x in deload.sessions[0].session.exercises]


def kinds(expanded: ExpandedPlan) -> str:
    """One letter a week: l(oad), s(tep-back the author wrote), d(eload), v(acation), t(aper), r(ace)."""
    return "".join("s" if w.step_back else w.kind[0] for w in expanded.weeks)


@pytest.mark.parametrize("mode", ["insert", "replace"])
def test_step_backs_the_author_wrote_are_recognised_and_never_doubled(mode: str) -> None:
    e = expand(plan_from(fixture("step-backs.md", every=4, mode=mode)))
    assert kinds(e) == "llsllsllslt" + "r"  # no deload of the engine's: the author's rhythm serves
    assert next(line for line in e.log if "lighter week you wrote" in line) == (
        "week 3 is a lighter week you wrote (15 mi, after 17 mi): the deload rhythm counts from it")
    assert note_text(e.weeks[2].note) == "A lighter week, as the coach wrote it"
    assert not [w for w in e.warnings if w.code == "deload-dropped"]


def test_a_travel_week_counts_as_lighter_and_is_never_a_deloads_model() -> None:
    e = expand(plan_from(fixture("travel-and-marks.md")))
    # Week 14 declines into the taper: it is the author's wind-down, not a step-back.
    assert kinds(e) == "lllldllsldlllltr"
    assert sum(1 for c in kinds(e) if c != "l") == 5  # marks 5 and 10, the trip, taper, race: before, 7 of 16
    assert all(not w.inserted for w in e.weeks)


def test_a_tune_up_race_counts_as_a_lighter_week_and_is_never_a_deloads_model() -> None:
    e = expand(plan_from(fixture("tune-up.md")))
    race_week = e.weeks[6]
    assert any(p.kind is K.RACE for p in race_week.sessions)
    assert e.weeks[7].kind == "load"  # no deload straight after the race: the race week was the lighter week
    assert ("week 7 (your week 6) holds a race and is lighter (31.1 mi with it, after 41 mi): "
            "the deload rhythm counts from it") in e.log
    assert all(w.reference != 7 for w in e.weeks)  # nothing is built from the race week


def test_a_race_on_top_of_a_full_week_is_no_lighter_week() -> None:
    """A week of full training and a race (Saturday 10K in a 77 km week) is not the recovery a
    tune-up week is: the rhythm goes on through it, and the deload comes after it."""
    heavy = fixture("tune-up.md").replace("""## Week 6 — Tune-up
- Tue: Easy 5 mi
- Wed: Tempo 6 mi with 3 mi @ half marathon pace
- Thu: Easy 4 mi
- Sat: Easy 3 mi
- Sun: Race half""", """## Week 6 — Tune-up
- Tue: Easy 6 mi
- Wed: Tempo 8 mi with 5 mi @ marathon pace
- Thu: Easy 6 mi
- Fri: Easy 5 mi
- Sat: Race 10K
- Sun: Long 12 mi""")
    e = expand(plan_from(heavy))
    assert kinds(e)[:8] == "llldllld"  # the deload after the race week, not skipped
    assert any(line.startswith("week 7 (your week 6) holds a race but is not lighter") for line in e.log)
    assert all(w.reference != 7 for w in e.weeks)  # never a deload's model


def test_a_week_built_after_a_race_keeps_hard_running_four_days_away_and_stays_in_miles() -> None:
    text = fixture("tune-up.md").replace("  deload: {every: 4, mode: insert}",
                                          "  deload: {every: 4, mode: insert}\n  vacations: [{week: 7, style: easy}]")
    e = expand(plan_from(text))
    vacation = next(w for w in e.weeks if w.kind == "vacation")
    assert any(p.kind is K.RACE for p in e.weeks[vacation.number - 2].sessions)  # right after the tune-up race
    assert not any(p.kind is K.RACE for p in vacation.sessions)  # the race is never replayed as an easy run
    units = {str(p.session.total.unit) for p in vacation.sessions if p.session.total is not None  # type: ignore[union-attr]
             and hasattr(p.session.total, "unit")}
    assert units == {"mi"}  # a miles plan stays in miles


def test_replace_mode_never_replaces_a_week_holding_a_race() -> None:
    e = expand(plan_from(fixture("tune-up.md", every=3, mode="replace")))
    replaced = [w.origin for w in e.weeks if w.kind == "deload"]
    assert 6 not in replaced and replaced  # the tune-up week stays; deloads fall elsewhere
    assert len(e.weeks) == 13


@pytest.mark.parametrize("strategy", ["volume", "intensity", "easy"])
def test_every_deload_unloads_at_least_fifteen_percent(strategy: str) -> None:
    text = "---\ntitle: Two quality sessions\nunits: km\nperiodization: {deload: {every: 4, strategy: " + strategy + "}}\n---\n"
    for n in range(1, 8):  # a 5K plan with two quality sessions a week: intensity alone cut 7% before
        text += (f"## Week {n}\n- Tue: Intervals 8 km: 6 x 400 m @ 5K pace w/ 200 m jog\n- Wed: Easy 6 km\n"
                 f"- Thu: Tempo 9 km with 5 km @ threshold\n- Sat: Easy 6 km\n- Sun: Long {12 + n} km @ easy\n\n")
    e = expand(plan_from(text))
    for week in e.weeks:
        if week.kind == "deload":
            reference = e.weeks[week.reference - 1]  # type: ignore[operator]
            assert week.metrics.load <= 0.85 * reference.metrics.load + 1e-6, (strategy, note_text(week.note))
    assert not [w for w in e.warnings if w.code == "deload-too-small"]


def test_a_marked_deload_under_ten_percent_lighter_is_warned_about() -> None:
    text = "---\ntitle: Marked\nunits: km\nperiodization: {deload: {every: off}}\n---\n"
    text += week_text(1, 8, "Tempo 10 km with 5 km @ threshold", 16)
    text += week_text(2, 8, "Tempo 10 km with 5 km @ threshold", 17)
    text += week_text(3, 8, "Tempo 10 km with 5 km @ threshold", 16).replace("## Week 3 — Build", "## Week 3 — Easier {deload}")
    text += week_text(4, 8, "Tempo 10 km with 5 km @ threshold", 18)
    [warning] = [w for w in expand(plan_from(text)).warnings if w.code == "deload-too-small"]
    assert warning.message.startswith("week 3, which you marked {deload}, is only 2% lighter in load than week 2")


def test_a_dated_vacation_is_exactly_its_week_and_takes_a_due_deloads_place() -> None:
    text = fixture("step-backs.md").replace("race: {name: Fixture Half, distance: half}",
                                            "race: {name: Fixture Half, distance: half, date: 2027-06-27}")
    text = text.replace("  deload: {every: 4, mode: insert}", "  deload: {every: 4, mode: insert}\n  vacations: [{date: 2027-05-19}]")
    plain = expand(plan_from(text.replace("\n  vacations: [{date: 2027-05-19}]", "")))
    e = expand(plan_from(text))
    vacations = [w for w in e.weeks if w.kind == "vacation"]
    assert len(vacations) == 1 and vacations[0].start <= date(2027, 5, 19) < vacations[0].start + timedelta(days=7)  # type: ignore[operator]
    assert len(e.weeks) == len(plain.weeks) + 1  # added, not a written week deleted
    assert [w.origin for w in e.weeks if not w.inserted] == list(range(1, 13))
    assert e.race_date == date(2027, 6, 27)


def test_a_vacation_in_insert_mode_replaces_the_deload_due_next_to_it() -> None:
    text = "---\ntitle: V\nunits: km\nperiodization:\n  deload: {every: 4, mode: insert}\n  vacations: [{week: 4}]\n---\n"
    for n in range(1, 9):
        text += week_text(n, 6, "Intervals 9 km: 6 x 800 m @ 10K pace w/ 400 m jog", 12 + n)
    e = expand(plan_from(text))
    assert "".join(w.kind[0] for w in e.weeks) == "lllvllldll"  # written week 4 comes after the vacation, not instead
    assert e.weeks[3].inserted and e.weeks[3].vacation == "easy"
    assert [w.origin for w in e.weeks if not w.inserted] == list(range(1, 9))


@pytest.mark.parametrize("style", ["easy", "rest"])
def test_a_vacation_in_the_taper_is_honoured_within_it(style: str) -> None:
    text = fixture("step-backs.md").replace("  deload: {every: 4, mode: insert}",
                                            f"  deload: {{every: 4, mode: insert}}\n  vacations: [{{week: 12, style: {style}}}]")
    e = expand(plan_from(text))
    race_week = e.weeks[-1]
    assert race_week.kind == "race" and race_week.vacation == style
    runs = [p for p in race_week.sessions if p.kind.is_run and p.kind is not K.RACE]
    assert (not runs) if style == "rest" else all(not p.kind.is_quality for p in runs)
    assert any(p.kind is K.RACE for p in race_week.sessions)
    [warning] = [w for w in e.warnings if w.code == "vacation-changed"]
    assert warning.message.startswith("the vacation in your week 12 falls in the taper")


@pytest.mark.parametrize("where", ["vacation", "deload", "taper"])
def test_easy_running_only_leaves_no_fast_part_in_a_long_run(where: str) -> None:
    """"Easy running only" (an easy vacation, an easy deload, an easy vacation in the taper) turns
    "Long 18 km with 6 km @ HMP" into an easy long run; strides go too."""
    week = {"vacation": 3, "deload": 0, "taper": 7}[where]
    vacations = f"\n  vacations: [{{week: {week}, style: easy}}]" if week else ""
    text = (f"---\ntitle: E\nunits: km\nrace: {{distance: half}}\nperiodization:\n  deload: {{every: 3, mode: insert, "
            f"strategy: {'easy' if where == 'deload' else 'volume'}}}{vacations}\n---\n")
    for n in range(1, 8):
        text += (f"## Week {n}\n- Tue: Easy 8 km + 6 x 20 s strides\n- Thu: Tempo 10 km with 5 km @ threshold\n"
                 f"- Sun: Long {14 + n} km with 6 km @ HMP\n\n")
    text += "## Week 8\n- Tue: Easy 6 km\n- Sun: Race half\n"
    e = expand(plan_from(text))
    easy = [w for w in e.weeks if (w.vacation == "easy" if where != "deload" else w.kind == "deload")]
    assert easy, [w.kind for w in e.weeks]
    for w in easy:
        for p in w.sessions:
            if p.kind is not K.RACE and p.kind.is_run:
                assert not p.kind.is_quality and not p.session.main and p.session.target is None, (w.number, p.session.text)
                assert p.session.strides is None and p.session.total is not None
    assert any(p.kind is K.LONG for w in easy for p in w.sessions)


def test_a_dropped_deload_is_a_warning() -> None:
    text = "---\ntitle: D\nunits: km\nrace: {distance: half}\nperiodization: {deload: {every: 3, mode: insert}}\n---\n"
    for n in range(1, 6):
        text += week_text(n, 6, "Tempo 9 km with 4 km @ threshold", 12 + n)
    text += "## Week 6\n- Tue: Easy 6 km\n- Sun: Race half\n"
    e = expand(plan_from(text))
    [warning] = [w for w in e.warnings if w.code == "deload-dropped"]
    assert "right before the taper" in warning.message


@pytest.mark.parametrize("mode", ["insert", "replace"])
def test_a_deload_dropped_after_a_lighter_week_of_the_authors_is_still_said(mode: str) -> None:
    """A block that began at the author's lighter week says its own dropped deload: the note
    that the lighter week stood in for the block before it does not stand for this one."""
    text = f"---\ntitle: D\nunits: km\nrace: {{distance: half}}\nperiodization: {{deload: {{every: 4, mode: {mode}}}}}\n---\n"
    volumes = [40, 42, 44, 24, 46, 48, 50, 52]  # week 4 is the author's lighter week; 5 to 8 load
    for n, volume in enumerate(volumes, start=1):
        text += week_text(n, volume // 8, "Tempo 9 km with 4 km @ threshold", volume // 3)
    text += "## Week 9\n- Tue: Easy 6 km\n- Thu: Easy 6 km\n- Sun: Long 10 km\n## Week 10\n- Tue: Easy 6 km\n- Sun: Race half\n"
    e = expand(plan_from(text))
    assert kinds(e).count("deload") == 0
    [warning] = [w for w in e.warnings if w.code == "deload-dropped"]
    assert "right before the taper" in warning.message


def test_strength_rpe_falls_with_the_reps_and_plyometrics_stop_a_week_out() -> None:
    text = "---\ntitle: S\nunits: km\nrace: {distance: 5k}\nperiodization: {deload: {every: 3, strength: reps}}\n---\n"
    strength = "- Mon: Strength\n  - Bulgarian split squat 3x8 @ RPE 8\n  - Nordic curl 3x5 @ bodyweight\n  - Box jump 3x5 @ bodyweight\n  - Plank 3x40 s\n"
    for n in range(1, 6):
        text += f"## Week {n}\n{strength}- Tue: Easy 6 km\n- Thu: Intervals 8 km: 6 x 400 m @ 5K pace w/ 200 m jog\n- Sun: Long {10 + n} km\n\n"
    text += f"## Week 6\n{strength}- Tue: Easy 5 km\n- Thu: Strength\n  - Plank 2x30 s\n- Sun: Race 5K\n"
    e = expand(plan_from(text))
    deload = next(w for w in e.weeks if w.kind == "deload")
    squat = next(x for p in deload.sessions for x in p.session.exercises if "split squat" in x.name.lower())
    assert (squat.reps, squat.load.value) == (6, 7.0)  # type: ignore[union-attr]  # 3x8 @ RPE 8 -> 3x6 @ RPE 7
    race_week = e.weeks[-1]
    monday = next(p.session for p in race_week.sessions if p.kind is K.STRENGTH and p.day == 1)
    assert [x.name for x in monday.exercises] == ["Plank"]  # split squats at RPE 8, Nordics and jumps stop 6 days out
    assert monday.exercises[0].sets == 2  # strength halves in the last 10 days of a 5K too
    thursday = next(p.session for p in race_week.sessions if p.kind is K.STRENGTH and p.day == 4)
    assert thursday.exercises[0].sets == 2  # 3 days out: kept, never halved below two sets
    week_before = e.weeks[-2]
    assert all(x.sets == 3 for p in week_before.sessions for x in p.session.exercises if p.day == 1)  # 13 days out


@pytest.mark.parametrize(("race", "days", "first"), [
    ("5k", None, 7), ("10k", None, 10), ("half", None, 14), ("marathon", None, 21), ("10k", 10, 10), ("10k", 13, 13),
])
def test_the_taper_is_counted_in_days_whatever_the_weekday(race: str, days: int | None, first: int) -> None:
    taper = f", taper: {{days: {days}}}" if days else ""
    text = f"---\ntitle: T\nunits: km\nrace: {{distance: {race}}}\nperiodization: {{deload: {{every: off}}{taper}}}\n---\n"
    for n in range(1, 8):
        text += "".join(f"## Week {n}\n" if d == 0 else "" for d in range(1)) + "".join(
            f"- {day}: Easy 8 km\n" for day in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))
    text += "## Week 8\n- Mon: Easy 8 km\n- Tue: Easy 8 km\n- Wed: Easy 8 km\n- Thu: Easy 8 km\n- Fri: Easy 8 km\n- Sat: Easy 8 km\n- Sun: Race " + {"5k": "5K", "10k": "10K", "half": "half", "marathon": "marathon"}[race] + "\n"
    e = expand(plan_from(text), race_date=date(2027, 10, 10))
    cut = [p.date for w in e.weeks for p in w.sessions if p.original is not None]
    assert min(cut) == date(2027, 10, 10) - timedelta(days=first - 1)  # a taper of D days: race day and the D - 1 before
    assert max(cut) == date(2027, 10, 9)


def test_load_is_on_a_tss_scale_and_strength_load_follows_the_work() -> None:
    plan = plan_from("""
        ---
        title: L
        units: km
        checks: {easy_pace: "6:00/km"}
        ---
        ## Week 1
        - Mon: Easy 60 min
        - Tue: Tempo 60 min @ threshold
        - Wed: Strength
          - Back squat 4x8 @ 100 kg
        - Thu: Strength
          - Back squat 4x8 @ 50 kg
        - Fri: Strength
          - Back squat 2x8 @ 100 kg
        """)
    measure = Measure(plan.periodization, plan.checks, plan.units)
    loads = [session_load(s, measure, {"back squat": 100.0}) for s in plan.weeks[0].sessions]
    assert loads[0] == pytest.approx(49, abs=1)  # an easy hour
    assert loads[1] == pytest.approx(100, abs=1)  # an hour at threshold
    assert loads[3] == pytest.approx(loads[2] / 2) and loads[4] == pytest.approx(loads[2] / 2)  # half the load, half the sets


@pytest.mark.parametrize("path", library_plans(), ids=[p.stem for p in library_plans()])
def test_the_explainer_holds_on_every_bundled_plan(path: object) -> None:
    from generator.config import load_settings

    from .conftest import ROOT

    plan, _ = read_plan(path, load_settings(ROOT))  # type: ignore[arg-type]
    e = expand(plan)
    if e.race_form is None:
        return
    taper = next(i for i, w in enumerate(e.weeks) if w.kind in ("taper", "race") or "Taper from" in note_text(w.note))
    assert e.race_form > e.weeks[taper - 1].metrics.tsb, "form rises through the taper into race day"
    assert e.race_form > 0
    for week in e.weeks:  # a deload week's form is higher at its end than the week before's
        if week.kind in ("deload", "vacation") and week.number > 1:
            assert week.metrics.tsb > e.weeks[week.number - 2].metrics.tsb
    assert e.weeks[0].metrics.ctl > 0 and abs(e.weeks[0].metrics.tsb) < 15  # seeded from the first weeks, not zero


def test_warnings_name_the_readers_week_and_the_authors() -> None:
    e = expand(plan_from(fixture("tune-up.md")))
    spike = next(w for w in e.warnings if w.code == "session-spike")
    assert spike.message.startswith("week 10 (your week 9): ")


def test_a_start_day_off_the_weeks_first_day_and_a_start_in_the_past_are_warned_about(settings: Settings) -> None:
    from generator.periodize.startdate import dated_start, past_start

    plan = plan_from(fixture("step-backs.md"))
    e = expand(plan, start=date(2027, 3, 3))  # a Wednesday
    [warning] = [w for w in e.warnings if w.code == "start-weekday"]
    assert warning.message.startswith("the start day Wednesday 3 Mar 2027 is not the first day of the plan's weeks, "
                                      "so the race moves to a Tuesday")
    dated = plan_from(fixture("step-backs.md").replace("distance: half}", "distance: half, date: 2027-06-27}"))
    first, weeks, where = dated_start(expand(dated))  # type: ignore[misc]
    late = past_start("p.md", where.line, where.col, first, weeks, first + timedelta(weeks=5, days=3))
    assert late is not None and late.code == "start-in-past"
    assert late.message.startswith("the plan starts on Mon 5 Apr 2027, 5 weeks ago: a reader who starts today misses weeks 1–5")
    over = past_start("p.md", where.line, where.col, first, weeks, first + timedelta(weeks=12, days=3))
    assert over is not None and over.message.startswith("the plan ran from Mon 5 Apr 2027 to Sun 27 Jun 2027: it is over")


def test_a_week_a_deload_replaces_is_no_level_for_the_weeks_after_it() -> None:
    """Mode replace: the replaced week measures nothing (as once the plan is expanded and marked), so
    expanding the expanded plan again decides the same (found by the idempotence property)."""
    from generator.periodize.asplan import as_plan

    weeks = "".join(week_text(n, easy, "Tempo 8 km with 4 km @ threshold", long)
                    for n, (easy, long) in enumerate([(5, 12), (7, 18), (6, 14), (6, 14), (4, 9), (6, 15),
                                                      (9, 19), (9, 20), (9, 21), (10, 20)], start=1))
    # 30, 40, 34, 34, 25, 35, 45 … km: week 2 is replaced; week 6 is lighter than week 2, not than weeks 1, 3, 4
    plan = plan_from("---\ntitle: R\nunits: km\nperiodization:\n  deload: {every: 2, mode: replace}\n  taper: false\n---\n\n"
                     + weeks)
    first = expand(plan)
    again = expand(as_plan(first))
    assert [w.kind for w in again.weeks] == [w.kind for w in first.weeks]
    assert [w.step_back for w in again.weeks] == [w.step_back for w in first.weeks]
    assert not first.weeks[5].step_back  # 35 km is not lighter than weeks 1, 3 and 4 (30, 34, 34)


def test_a_taper_shortens_quality_sessions_at_their_pace_rather_than_only_the_easy_runs() -> None:
    """Race week of a 10K: 8 x 1 km three days out is not kept whole while the easy runs are cut
    to 2-3 km; the set loses repeats by the day's cut (at most half), pace unchanged."""
    text = "---\ntitle: T\nunits: km\nrace: {distance: 10k}\n---\n"
    for n in range(1, 9):
        thursday = "Intervals 12 km: 8 x 1 km @ 10K pace w/ 400 m jog"
        sunday = "Race 10K" if n == 8 else f"Long {12 + n // 2} km"
        text += f"## Week {n}\n- Tue: Easy 6 km\n- Thu: {thursday}\n- Sat: Easy 5 km\n- Sun: {sunday}\n\n"
    e = expand(plan_from(text))
    race_week = e.weeks[-1]
    [intervals] = [p.session for p in race_week.sessions if p.kind is K.INTERVALS]
    [repeat] = intervals.main
    assert isinstance(repeat, Repeat) and 4 <= repeat.count < 8
    assert repeat.steps[0].target is not None and repeat.steps[0].target.text == "10K pace"
    easy = [p.session for p in race_week.sessions if p.kind is K.EASY]
    assert all(s.total is not None and s.total.km >= 4 for s in easy), [s.total for s in easy]


def test_a_shortened_quality_session_keeps_easy_running_around_its_set() -> None:
    """The day before a half, "Intervals 4.5 mi: 6 x 800 m" tapered to 3 x 800 m kept a total of
    2 mi, the set's own length: no warm-up, a 19 m cool-down. The easy running around a set is
    kept (rounded up, and at least a step of it when the week is trimmed further)."""
    text = "---\ntitle: H\nunits: mi\nrace: {distance: half}\n---\n"
    for n in range(1, 13):
        saturday = "Intervals 4.5 mi: 6 x 800 m @ 5K pace w/ 400 m jog"
        sunday = "Race half" if n == 12 else f"Long {8 + n // 2} mi"
        text += (f"## Week {n}\n- Tue: Easy 4 mi\n- Wed: Tempo 6 mi with 3 mi @ threshold\n- Thu: Easy 4 mi\n"
                 f"- Sat: {saturday}\n- Sun: {sunday}\n\n")
    e = expand(plan_from(text))

    def around_km(planned: PlannedSession) -> float:
        return sum(p.amount.km for p in planned.workout if isinstance(p, Step) and p.role in ("warmup", "cooldown")
                   and isinstance(p.amount, Distance))

    saturdays = [(w, p) for w in e.weeks for p in w.sessions if p.kind is K.INTERVALS]
    written = around_km(saturdays[0][1])  # week 1, as written: 0.27 mi around the set
    race_eve = saturdays[-1][1]
    [main] = race_eve.session.main
    assert isinstance(main, Repeat) and main.count < 6  # the race eve's set was shortened
    for week, planned in saturdays:
        assert around_km(planned) >= written - 1e-6, (week.number, planned.session.total, planned.session.main)


def test_a_vacation_that_replaces_a_week_keeps_the_race_written_in_it() -> None:
    """A tune-up 5K in the week a vacation replaces stays (it was dropped in silence), and the
    vacation's warning says so; the other sessions are easy running."""
    text = ("---\ntitle: V\nunits: km\nrace: {distance: half}\nperiodization:\n  deload: {every: 4, mode: replace}\n"
            "  vacations: [{week: 5, style: easy}]\n---\n")
    for n in range(1, 9):
        extra = "- Sat: Race 5K\n" if n == 5 else ""
        text += f"## Week {n}\n- Tue: Easy 6 km\n- Thu: Tempo 9 km with 4 km @ threshold\n{extra}- Sun: Long {12 + n} km\n\n"
    text += "## Week 9\n- Tue: Easy 5 km\n- Sun: Race half\n"
    e = expand(plan_from(text))
    vacation = e.weeks[4]
    assert vacation.kind == "vacation"
    assert [p.kind for p in vacation.sessions if p.kind is K.RACE] == [K.RACE]
    assert all(not p.kind.is_quality for p in vacation.sessions if p.kind is not K.RACE)
    [warning] = [w for w in e.warnings if w.code == "vacation-applied"]
    assert warning.message.endswith("; the race in it is kept")


def test_no_easy_run_grows_from_one_taper_week_to_the_next() -> None:
    """Once the quality sessions take their share of the cut, race week's easy runs could come out
    longer than the taper week's (2 mi, then 2.5): a taper only comes down, run by run too."""
    text = "---\ntitle: E\nunits: mi\nrace: {distance: half}\n---\n"
    for n in range(1, 13):
        sunday = "Race half" if n == 12 else f"Long {6 + n // 2} mi"
        text += (f"## Week {n}\n- Tue: Easy 3 mi\n- Thu: Intervals 5 mi: {min(6 + n // 2, 8)} x 400 m @ 5K pace w/ 200 m jog\n"
                 f"- Sat: Easy 3 mi + 4 x 20 s strides\n- Sun: {sunday}\n\n")
    e = expand(plan_from(text))
    tapering = [w for w in e.weeks if w.kind in ("taper", "race")]
    assert len(tapering) >= 2
    longest = [max(p.distance_km for p in w.sessions if p.kind is K.EASY) for w in tapering]
    assert longest == sorted(longest, reverse=True), longest


def test_check_and_build_say_in_one_note_what_the_engine_made_of_the_weeks() -> None:
    recognised = engine_note(expand(plan_from(fixture("step-backs.md", every=4, mode="insert"))))
    assert recognised is not None and recognised.severity.value == "note"
    assert recognised.message.startswith("in your 12 weeks: the deload rhythm counts from your lighter weeks 3, 6 and 9")
    week = "- Tue: Easy 5 mi\n- Thu: Tempo 6 mi with 3 mi @ threshold\n- Sun: Long 10 mi\n"
    text = "---\ntitle: R\nunits: mi\nperiodization: {deload: {every: 3, mode: replace}}\n---\n"
    replaced = engine_note(expand(plan_from(text + "".join(f"## Week {n}\n{week}" for n in range(1, 8)))))
    assert replaced is not None and replaced.line == 4
    assert replaced.message == "in your 7 weeks: your weeks 3 and 6 are deloads (deload expand shows each week)"
    assert engine_note(expand(plan_from(text.replace("every: 3, ", "") + "## Week 1\n" + week))) is None


@pytest.mark.parametrize("every", [2, 3])
def test_races_before_any_loading_week_still_count_as_lighter_and_model_nothing(every: int) -> None:
    """Races in weeks 1 and 2: nothing to weigh them against, so the rhythm counts from them (as
    it always did); no deload is ever built from a race week or from nothing."""
    week = "- Tue: Easy 10 km\n- Wed: Tempo 12 km with 6 km @ threshold\n- Thu: Easy 10 km\n- Sat: {sat}\n- Sun: Long 21 km\n"
    text = f"---\ntitle: T\nunits: km\nrace: {{distance: marathon}}\nperiodization: {{deload: {{every: {every}, mode: insert}}}}\n---\n"
    text += "".join(f"## Week {n}\n" + week.format(sat="Race 10K" if n in (1, 2) else "Easy 8 km") for n in range(1, 10))
    e = expand(plan_from(text + "## Week 10\n- Tue: Easy 10 km\n- Sun: Race marathon\n"))
    assert "week 1 holds a race: the deload rhythm counts from it" in e.log
    for week_ in e.weeks:
        if week_.kind == "deload":
            assert week_.reference is not None
            model = e.weeks[week_.reference - 1]
            assert model.kind == "load" and not any(p.kind is K.RACE for p in model.sessions)


ALTERNATIVES = """---
title: Two lengths
units: mi
race: {name: City Half, distance: half}
periodization:
  deload: {every: 3, mode: insert, cut: 25%}
---
""" + "".join(f"""## Week {n} — Base
- Tue: Easy 4 mi or 40 min @ easy
- Thu: Tempo 5 mi or 45-50 min with 20 min @ threshold
- Sun: Long {6 + n} mi or {60 + 10 * n} min
""" for n in range(1, 7)) + """## Week 7 — Race
- Tue: Easy 30 min or 3 mi
- Sun: Race half
"""


def test_the_other_length_is_cut_with_the_run() -> None:
    """'Easy 4 mi or 40 min' cut to 2.5 mi in a deload is '… or 25 min': a reader who runs by time
    gets the deload too, not the loading week's 40 minutes. (The long run loses at most 30%, 8 to
    6 mi: the easy run gives the rest.)"""
    e = expand(plan_from(ALTERNATIVES))
    deload = next(w for w in e.weeks if w.kind == "deload")
    easy, tempo, long = (p.session for p in deload.sessions)
    assert (easy.total, easy.alternative) == (Distance(2.5, "mi"), Duration(25 * 60))
    written = deload.sessions[2].original  # the long run it was made from
    assert written is not None and isinstance(written.total, Distance) and isinstance(written.alternative, Duration)
    assert isinstance(long.total, Distance) and isinstance(long.alternative, Duration) and long.total.value < written.total.value
    assert long.alternative.seconds == round(written.alternative.seconds * long.total.value / written.total.value / 300) * 300
    assert isinstance(tempo.alternative, Duration) and tempo.alternative.high is not None  # a range stays a range
    taper = next(w for w in e.weeks if w.kind == "race").sessions[0].session
    assert taper.total is not None and taper.total != Duration(30 * 60) and taper.alternative is not None
    assert isinstance(taper.alternative, Distance) and taper.alternative.value < 3


def test_a_ranged_run_cuts_its_other_length_end_by_end() -> None:
    """'Easy 4-5 mi or 40-50 min': the low length goes with the low total, the high with the high."""
    text = "---\ntitle: R\nunits: mi\nrace: {name: R, distance: half}\n---\n" + "".join(
        f"## Week {n}\n- Tue: Easy 4-5 mi or 40-50 min\n- Sun: Long {7 + n} mi\n" for n in (1, 2)) + (
        "## Week 3\n- Tue: Easy 4-5 mi or 40-50 min\n- Sun: Race half\n")
    cut = expand(plan_from(text)).weeks[-1].sessions[0].session
    assert isinstance(cut.total, Distance) and isinstance(cut.alternative, Duration) and cut.total.high is not None
    assert cut.alternative.seconds == round(40 * 60 * cut.total.value / 4 / 300) * 300
    assert cut.alternative.high == round(50 * 60 * cut.total.high / 5 / 300) * 300


@pytest.mark.parametrize("cut", ["25%", "30%", "35%"])
def test_a_deload_of_three_key_runs_shortens_their_warm_ups_before_halving_the_long_run(cut: str) -> None:
    """A week of two quality sessions and a long run has no other easy running: a 30% deload
    cut the long run alone (17 km to 9 km, 47%; the books' step-back long runs lose 25-30%).
    The long run loses at most 30% (or the plan's own cut, if larger: §7), while the warm-ups and
    cool-downs around the sets give the rest; the week loses its cut, or its note says how much
    it lost."""
    text = fixture("three-key-runs.md").replace("cut: 30%", f"cut: {cut}")
    e = expand(plan_from(text))
    [deload] = [w for w in e.weeks if w.kind == "deload"]
    assert deload.reference is not None
    reference = e.weeks[deload.reference - 1]
    most = max(0.30, int(cut[:-1]) / 100)
    lost = 1 - deload.distance_km / reference.distance_km
    said = [p for phrase in deload.note for p in (phrase, *dict(phrase.args).get("how", ())) if isinstance(p, Phrase)]
    short = next((p for p in said if p.code == "deload-volume-short"), None)
    assert lost >= int(cut[:-1]) / 100 - 1e-9 or (short is not None and dict(short.args)["cut"] == round(lost, 2))

    def of(week: PlannedWeek, kind: K) -> PlannedSession:
        return next(p for p in week.sessions if p.kind is kind)

    long_before, long_after = (of(w, K.LONG).session.total for w in (reference, deload))
    assert isinstance(long_before, Distance) and isinstance(long_after, Distance)
    assert long_after.km >= (1 - most) * long_before.km - 1e-9, (long_before, long_after)
    tempo = of(deload, K.TEMPO).session
    assert tempo.total is not None and tempo.total.km < of(reference, K.TEMPO).session.total.km  # type: ignore[union-attr]
    assert tempo.main and tempo.main[0].amount is not None  # type: ignore[union-attr]


def test_reps_of_each_side_and_a_load_without_at_are_exercises_the_engine_deloads_and_tapers() -> None:
    """'Step-up 3x8/leg @ 8 kg', 'Single-leg hop 3x6/leg' and 'Back squat 3x5 60 kg' were notes:
    never deloaded, never tapered, and left in race week, where hops and heavy squats stop."""
    strength = ("- Mon: Strength\n  - Step-up 3x8/leg @ 8 kg\n  - Back squat 3x5 60 kg\n  - Single-leg hop 3x6/leg\n"
                "  - Side plank 2x30 s per side\n")
    text = "---\ntitle: S\nunits: km\nload_units: kg\nrace: {distance: 5k}\nperiodization: {deload: {every: 3, strength: reps}}\n---\n"
    for n in range(1, 6):
        text += f"## Week {n}\n{strength}- Tue: Easy 6 km\n- Thu: Intervals 8 km: 6 x 400 m @ 5K pace w/ 200 m jog\n- Sun: Long {10 + n} km\n\n"
    text += f"## Week 6\n{strength}- Tue: Easy 5 km\n- Sun: Race 5K\n"
    e = expand(plan_from(text))
    [first] = [p.session for p in e.weeks[0].sessions if p.kind is K.STRENGTH]
    assert [exercise_text(x) for x in first.exercises] == [
        "Step-up 3x8/leg @ 8 kg", "Back squat 3x5 @ 60 kg", "Single-leg hop 3x6/leg", "Side plank 2x30 s per side"]
    deload = next(w for w in e.weeks if w.kind == "deload")
    [lighter] = [p.session for p in deload.sessions if p.kind is K.STRENGTH]
    assert [exercise_text(x) for x in lighter.exercises][:1] == ["Step-up 3x6/leg @ 8 kg"]
    [race_monday] = [p.session for p in e.weeks[-1].sessions if p.kind is K.STRENGTH]
    assert [x.name for x in race_monday.exercises] == ["Step-up", "Side plank"]  # the squats and hops stop 6 days out


def test_strength_left_out_before_the_race_is_said_where_it_was_written_and_remembered() -> None:
    """A gym session two days out and one the day before vanished from the page, the calendar
    and check: now both go (the last two days hold none), each a rest day that remembers what was
    written, and check names what was left out at its line."""
    text = "---\ntitle: S\nunits: km\nrace: {distance: 10k}\n---\n"
    for n in range(1, 5):
        text += f"## Week {n}\n- Mon: Strength\n  - Back squat 3x5 @ 80 kg\n  - Plank 3x40 s\n- Tue: Easy 6 km\n- Sun: Long {10 + n} km\n\n"
    text += ("## Week 5\n- Mon: Strength\n  - Back squat 3x5 @ 80 kg\n  - Plank 3x40 s\n- Tue: Easy 5 km\n"
             "- Fri: Strength\n  - Glute bridge 3x12 @ bodyweight\n- Sat: Gym 20 min: Calf raise 2x15 @ bodyweight\n- Sun: Race 10K\n")
    e = expand(plan_from(text))
    race_week = e.weeks[-1]
    friday, saturday = (next(p for p in race_week.sessions if p.day == d) for d in (5, 6))
    assert friday.kind is K.REST and friday.original is not None and friday.original.exercises[0].name == "Glute bridge"
    assert saturday.kind is K.REST and saturday.original is not None and saturday.original.kind is K.STRENGTH
    notes = [w for w in e.warnings if w.code == "strength-near-race"]
    assert [(n.line, n.severity.value) for n in notes] == [(35, "note"), (39, "note"), (41, "note")]
    assert notes[0].message == ("Back squat left out, 6 days before the race: "  # why it is left out, not the halving
                                "no heavy lower-body or jumping work in the last 7 days")
    assert notes[1].message.startswith("the strength session is left out, 2 days before the race")
    assert "strength: half the sets before the race, no heavy lower-body" in note_text(race_week.note)


def test_a_week_a_deload_replaces_says_what_was_written_in_it_not_in_the_week_it_was_built_from() -> None:
    text = "---\ntitle: R\nunits: km\nload_units: kg\nperiodization: {deload: {every: 3, mode: replace}}\n---\n"
    for n in range(1, 5):
        text += (f"## Week {n}\n- Mon: Strength\n  - Deadlift 3x5 @ {60 + 5 * n} kg\n"
                 f"- Thu: Tempo {8 + n} km with {3 + n} km @ threshold\n- Sun: Long {10 + n} km\n\n")
    e = expand(plan_from(text))
    deload = e.weeks[2]
    assert deload.kind == "deload" and deload.reference == 2
    tempo, long = (next(p for p in deload.sessions if p.kind is k) for k in (K.TEMPO, K.LONG))
    assert tempo.original is not None and tempo.original.total == Distance(11, "km")  # week 3's, as written
    assert long.original is not None and long.original.total == Distance(13, "km")
    strength = next(p for p in deload.sessions if p.kind is K.STRENGTH)
    assert strength.original is not None and exercise_text(strength.original.exercises[0]) == "Deadlift 3x5 @ 75 kg"


def test_a_replaced_week_scales_its_other_length_from_the_week_it_was_built_from_and_pairs_by_kind() -> None:
    """Week 3 (written with its runs on Sunday in another order) is replaced by a deload of week 2:
    the 'or' length follows the cut of week 2's long run, and each session shows the same kind of week 3's."""
    text = "---\ntitle: R\nunits: km\nperiodization: {deload: {every: 3, mode: replace}, taper: false}\n---\n"
    for n in range(1, 5):
        runs = (f"- Sun: Long {18 + n} km or {120 + n * 15} min\n- Sun: Easy 3 km\n" if n != 3 else
                "- Sun: Easy 3 km\n- Sun: Long 22 km or 170 min\n")
        text += f"## Week {n}\n- Tue: Easy 8 km\n{runs}\n"
    e = expand(plan_from(text))
    deload = e.weeks[2]
    assert deload.kind == "deload" and deload.reference == 2
    long = next(p for p in deload.sessions if p.kind is K.LONG)
    total, other = long.session.total, long.session.alternative
    assert isinstance(total, Distance) and isinstance(other, Duration)
    assert other.seconds / 9000 == pytest.approx(total.km / 20, abs=0.06)  # week 2's 20 km or 150 min, cut alike
    assert long.original is not None and long.original.total == Distance(22, "km")  # week 3's long run, as written
    easy = [p for p in deload.sessions if p.kind is K.EASY and p.day == 7]
    assert all(p.original is None or p.original.kind is K.EASY for p in easy)


def test_a_deload_left_out_for_a_vacation_of_the_authors_is_said_in_check() -> None:
    text = ("---\ntitle: V\nunits: km\nperiodization:\n  deload: {every: 4, mode: replace}\n"
            "  vacations:\n    - {week: 6, style: easy}\n---\n")
    text += "".join(f"## Week {n}\n- Tue: Easy 6 km\n- Thu: Tempo 8 km with 4 km @ threshold\n- Sun: Long {10 + n} km\n\n"
                    for n in range(1, 9))
    e = expand(plan_from(text))
    [skipped] = [w for w in e.warnings if w.code == "deload-skipped"]
    assert skipped.severity.value == "note" and skipped.line == 24  # week 4
    assert skipped.message == "week 4 is not replaced by a deload: a vacation in your week 6 comes within 2 weeks"


@pytest.mark.parametrize(("race_week_squat", "kept"), [("2x5 @ 50 kg", True), ("3x5 @ 65 kg", False)])
def test_a_light_squat_in_race_week_is_a_primer_and_stays(race_week_squat: str, kept: bool) -> None:
    """Race-week 'Back squat 2x5 @ 50 kg' after weeks of 3x8 @ 70 kg is about 55-60% 1RM, a primer:
    it was left out as heavy ('6 reps or fewer under a weight'). Under 80% of the heaviest weight
    the plan gives the exercise it stays; near it, it is heavy (ST2)."""
    text = "---\ntitle: P\nunits: km\nload_units: kg\nrace: {distance: 10k}\n---\n"
    for n in range(1, 5):
        text += f"## Week {n}\n- Mon: Strength\n  - Back squat 3x8 @ 70 kg\n- Tue: Easy 6 km\n- Sun: Long {10 + n} km\n\n"
    text += f"## Week 5\n- Mon: Strength\n  - Back squat {race_week_squat}\n  - Plank 2x30 s\n- Tue: Easy 5 km\n- Sun: Race 10K\n"
    monday = next(p.session for p in expand(plan_from(text)).weeks[-1].sessions if p.day == 1)
    assert ("Back squat" in [x.name for x in monday.exercises]) is kept


def test_a_load_raised_in_the_taper_is_warned_about_at_its_line() -> None:
    text = "---\ntitle: L\nunits: km\nload_units: kg\nrace: {distance: half}\n---\n"
    for n in range(1, 7):
        text += f"## Week {n}\n- Mon: Strength\n  - Deadlift 3x5 @ {70 + 5 * n} kg\n- Tue: Easy 6 km\n- Sun: Long {12 + n} km\n\n"
    text += "## Week 7\n- Mon: Strength\n  - Deadlift 2x5 @ 110 kg\n- Tue: Easy 6 km\n- Sun: Long 12 km\n\n"
    text += "## Week 8\n- Mon: Strength\n  - Deadlift 2x5 @ 95 kg\n- Tue: Easy 5 km\n- Sun: Race half\n"
    e = expand(plan_from(text))
    [raised] = [w for w in e.warnings if w.code == "taper-load-raised"]
    assert raised.line == 45 and raised.message.startswith(  # the deload added after week 3 moves the weeks
        "Deadlift at 110 kg in week 8 (your week 7) is heavier than any before the taper, 100 kg in week 7 (your week 6):")


def test_a_load_raised_on_a_taper_day_at_the_end_of_a_loading_week_is_warned_about() -> None:
    """A 10-day taper into a Sunday race starts on the Friday of the week before the race week:
    that week is still a loading week, but its Saturday is in the taper."""
    text = ("---\ntitle: L\nunits: km\nload_units: kg\nrace: {distance: half}\n"
            "periodization: {deload: {every: off}, taper: {days: 10}}\n---\n")
    for n in range(1, 6):
        text += f"## Week {n}\n- Mon: Strength\n  - Deadlift 3x5 @ {70 + 5 * n} kg\n- Tue: Easy 6 km\n- Sun: Long {12 + n} km\n\n"
    text += "## Week 6\n- Tue: Easy 6 km\n- Sat: Strength\n  - Deadlift 2x5 @ 110 kg\n- Sun: Long 14 km\n\n"
    text += "## Week 7\n- Tue: Easy 5 km\n- Sun: Race half\n"
    e = expand(plan_from(text))
    assert e.weeks[5].kind == "load"
    [raised] = [w for w in e.warnings if w.code == "taper-load-raised"]
    assert raised.message.startswith("Deadlift at 110 kg in week 6 is heavier than any before the taper, 95 kg in week 5")


def test_a_vacation_never_makes_a_week_heavier_than_the_author_wrote_it() -> None:
    """A travel week written as 75 minutes of easy running became 4 h 40 min (70% of the week
    before, with a 2 h 15 min long run): a vacation keeps such a week as written, easy."""
    text = ("---\ntitle: V\nunits: km\nload_units: kg\nperiodization:\n  deload: {every: 4, mode: replace}\n"
            "  vacations:\n    - {week: 4, style: easy}\n---\n")
    for n in (1, 2, 3, 5):
        if n == 5:
            text += ("## Week 4 — Travel\n- Mon: Strength\n  - Goblet squat 3x8 @ 24 kg\n- Tue: Easy 30 min\n"
                     "- Sat: Easy 45 min — hotel treadmill\n\n")
        text += (f"## Week {n}\n- Tue: Easy 60 min\n- Thu: Hills 60 min: 6 x 2 min uphill @ hard w/ jog down\n"
                 f"- Sat: Long 3 h @ easy\n- Sun: Easy 90 min\n\n")
    e = expand(plan_from(text))
    travel = e.weeks[3]
    assert travel.kind == "vacation" and travel.minutes == 75
    assert [p.session.comment for p in travel.sessions] == ["", "", "hotel treadmill"]
    strength = travel.sessions[0]  # deloaded as in any deload, not kept at full load
    assert strength.original is not None and strength.session.exercises != strength.original.exercises
    assert "the week as written: it is lighter than 70% of the volume" in note_text(travel.note)
    [applied] = [w for w in e.warnings if w.code == "vacation-applied"]
    assert "(or the week as you wrote it, if lighter)" in applied.message


def test_a_long_run_of_run_walk_repeats_is_cut_by_repeats_in_a_deload() -> None:
    """'Long 4 h: 8 x (25 min @ easy, 5 min walk)' lost one repeat in a 25% deload (4 h to 3 h 30)
    while the Sunday run beside it lost 37%: its set is easy running, and loses repeats as an
    easy run loses minutes, no more than 40%."""
    text = "---\ntitle: U\nunits: km\nperiodization: {deload: {every: 4}}\n---\n"
    for n in range(1, 6):
        text += (f"## Week {n}\n- Tue: Easy 60 min\n- Wed: Easy 75 min\n- Thu: Tempo 70 min with 3 x 10 min @ threshold "
                 f"w/ 3 min jog\n- Fri: Easy 45 min\n- Sat: Long {3 + n // 2} h: {6 + 2 * (n // 2)} x (25 min @ easy, "
                 "5 min walk)\n- Sun: Easy 2 h\n\n")
    e = expand(plan_from(text))
    deload = next(w for w in e.weeks if w.kind == "deload")
    long = next(p.session for p in deload.sessions if p.kind is K.LONG)
    assert isinstance(long.total, Duration) and 0.6 * 4 * 3600 <= long.total.seconds <= 0.8 * 4 * 3600
    [repeat] = long.main
    assert isinstance(repeat, Repeat) and repeat.count * 30 * 60 == long.total.seconds  # the total is its repeats


def test_a_race_counts_among_the_runs_before_a_long_run_and_a_hike_is_no_run_of_the_week() -> None:
    text = "---\ntitle: T\nunits: km\nchecks: {long_run_share: 30%}\n---\n"
    text += "## Week 1\n- Tue: Easy 60 min\n- Sun: Long 2 h 30 min\n\n## Week 2\n- Tue: Easy 60 min\n- Sun: Race 50K\n\n"
    text += "## Week 3\n- Tue: Easy 60 min\n- Sun: Long 3 h\n\n"
    text += "## Week 4\n- Mon: Hike 40 min @ hard\n- Tue: Easy 45 min\n- Wed: Easy 45 min\n- Thu: Easy 45 min\n- Sun: Long 2 h 30 min\n"
    e = expand(plan_from(text.replace("checks:", "periodization: {deload: off, taper: {enabled: false}}\nchecks:")))
    assert not [w for w in e.warnings if w.code == "session-spike"]  # the 50K is the longest run before week 3
    [share] = [w for w in e.warnings if w.code == "long-run-share"]
    assert "in a week of 4 runs" in share.message  # the hike is walking: four runs, not five


@pytest.mark.parametrize(("race", "days", "length"), [("50 km", None, 20), ("5k", None, 6), ("50 km", 21, 21)])
def test_a_saturday_races_default_taper_leaves_the_weekend_before_it_whole(race: str, days: int | None,
                                                                         length: int) -> None:
    """A Saturday race's 21 (or 7) days began on a Sunday: the taper cut the Sunday of a
    back-to-back weekend and left its Saturday. A default taper begins with the week after;
    a length the coach gives is kept to the day."""
    from generator.periodize.taper import taper_span

    taper = f", taper: {{days: {days}}}" if days else ""
    text = f"---\ntitle: T\nunits: km\nrace: {{distance: {race}}}\nperiodization: {{deload: {{every: off}}{taper}}}\n---\n"
    for n in range(1, 8):
        text += f"## Week {n}\n- Tue: Easy 10 km\n- Thu: Easy 10 km\n- Sat: Long {20 + n} km\n- Sun: Easy 15 km\n\n"
    text += "## Week 8\n- Tue: Easy 8 km\n- Thu: Easy 6 km\n- Sat: Race " + ("5K" if race == "5k" else "50 km") + "\n"
    span, _ = taper_span(plan_from(text))
    assert span is not None and span.length == length
    assert span.first_day(span.first_week) == (1 if days is None else 7)  # a Monday, or the Sunday asked for


@pytest.mark.parametrize(("race_day", "week_starts"), [("Fri", "monday"), ("Sat", "sunday")])
def test_a_default_taper_that_takes_the_whole_weekend_keeps_its_length(race_day: str, week_starts: str) -> None:
    """A Friday race's 21 days begin on a Saturday: the whole weekend is in the taper. A week
    that starts on Sunday is never split between its Saturday and the Sunday after."""
    from generator.periodize.taper import taper_span

    text = (f"---\ntitle: T\nunits: km\nweek_starts: {week_starts}\nrace: {{distance: 50 km}}\n"
            "periodization: {deload: {every: off}}\n---\n")
    sunday_first = week_starts == "sunday"
    for n in range(1, 8):
        sunday = "- Sun: Easy 15 km\n"
        text += (f"## Week {n}\n{sunday if sunday_first else ''}- Tue: Easy 10 km\n- Thu: Easy 10 km\n"
                 f"- Sat: Long {20 + n} km\n{'' if sunday_first else sunday}\n")
    text += f"## Week 8\n- Tue: Easy 8 km\n- Thu: Easy 6 km\n- {race_day}: Race 50 km\n"
    span, _ = taper_span(plan_from(text))
    assert span is not None and span.length == 21


@pytest.mark.parametrize(("cut", "repeats", "note"), [("0.2", 5, "volume −20%"), ("0.4", 4, "volume −35%, not −40%")])
def test_a_run_walk_long_run_loses_whole_repeats_by_the_clock_and_no_more_than_the_cap(
        cut: str, repeats: int, note: str) -> None:
    e = expand(plan_from(fixture("run-walk-long.md").replace("cut: 0.2", f"cut: {cut}")))
    deload = e.weeks[2]
    long = next(p for p in deload.sessions if p.kind is K.LONG)
    [repeat] = long.session.main
    assert isinstance(repeat, Repeat) and repeat.count == repeats
    assert long.session.total == Duration(repeats * 30 * 60)  # the set is the run: no warm-up made up
    assert long.minutes is not None and long.minutes >= 0.6 * 180  # R6: no run loses more than 40%
    assert note in note_text(deload.note)


def test_an_rpe_written_with_the_weight_falls_with_the_reps_and_makes_the_lift_heavy_before_a_race() -> None:
    text = ("---\ntitle: R\nunits: km\nload_units: kg\nrace: {distance: 10k}\n"
            "periodization: {deload: {every: 2, mode: insert, strength: reps}, taper: false}\n---\n")
    for n in range(1, 4):
        text += f"## Week {n}\n- Mon: Strength\n  - Back squat 3x8 @ 60 kg, RPE 8\n- Tue: Easy 6 km\n- Sun: Long {9 + n} km\n\n"
    text += "## Week 4\n- Tue: Easy 5 km\n- Thu: Strength\n  - Back squat 3x8 @ 40 kg, RPE 8\n- Sun: Race 10K\n"
    e = expand(plan_from(text))
    deload = next(w for w in e.weeks if w.kind == "deload")
    [squat] = next(p for p in deload.sessions if p.kind is K.STRENGTH).session.exercises
    assert exercise_text(squat) == "Back squat 3x6 @ 60 kg, RPE 7"  # fewer reps at the same weight: easier, as an RPE load
    thursday = next(p for p in e.weeks[-1].sessions if p.day == 4)
    assert thursday.kind is K.REST  # light, but RPE 8: near maximal, no primer (3 days out)


def test_an_rpe_range_falls_as_a_whole_and_its_top_makes_the_lift_heavy_before_a_race() -> None:
    text = ("---\ntitle: R\nunits: km\nload_units: kg\nrace: {distance: 10k}\n"
            "periodization: {deload: {every: 2, mode: insert, strength: reps}, taper: false}\n---\n")
    for n in range(1, 4):
        text += (f"## Week {n}\n- Mon: Strength\n  - Back squat 3x8 @ 60 kg, RPE 6-7\n  - Bench press 3x8 @ RPE 8-9\n"
                 f"- Tue: Easy 6 km\n- Sun: Long {9 + n} km\n\n")
    text += "## Week 4\n- Tue: Easy 5 km\n- Thu: Strength\n  - Back squat 3x8 @ 40 kg, RPE 7-8\n- Sun: Race 10K\n"
    e = expand(plan_from(text))
    deload = next(w for w in e.weeks if w.kind == "deload")
    squat, bench = next(p for p in deload.sessions if p.kind is K.STRENGTH).session.exercises
    assert exercise_text(squat) == "Back squat 3x6 @ 60 kg, RPE 5–6"  # both ends one lower with fewer reps
    assert exercise_text(bench) == "Bench press 3x6 @ RPE 7"  # at most RPE 7: the range closes
    thursday = next(p for p in e.weeks[-1].sessions if p.day == 4)
    assert thursday.kind is K.REST  # RPE 7-8 reaches 8: near maximal, 3 days out


def test_a_plan_without_a_taper_is_not_told_its_strength_sets_were_halved() -> None:
    text = ("---\ntitle: R\nunits: km\nload_units: kg\nrace: {distance: 10k}\n"
            "periodization: {deload: {every: off}, taper: false}\n---\n")
    for n in range(1, 4):
        text += f"## Week {n}\n- Mon: Strength\n  - Back squat 3x5 @ 80 kg\n- Tue: Easy 6 km\n- Sun: Long {9 + n} km\n\n"
    text += "## Week 4\n- Tue: Easy 5 km\n- Thu: Strength\n  - Back squat 3x5 @ 80 kg\n  - Plank 3x30 s\n- Sun: Race 10K\n"
    race_week = expand(plan_from(text)).weeks[-1]
    thursday = next(p for p in race_week.sessions if p.day == 4)
    assert [(x.name, x.sets) for x in thursday.session.exercises] == [("Plank", 3)]  # no taper: the sets stay
    said = note_text(race_week.note)
    assert "no heavy lower-body or jumping work in the last 7 days before the race" in said and "half the sets" not in said


def test_a_hike_is_time_on_feet_not_running_distance_nor_the_long_run() -> None:
    text = "---\ntitle: H\nunits: km\nperiodization: {deload: {every: off}}\n---\n"
    text += "## Week 1\n- Tue: Easy 8 km\n- Sat: Long 20 km\n- Sun: Hike 4 h\n"
    [week] = expand(plan_from(text)).weeks
    hike = week.sessions[-1]
    assert hike.distance_km is None and hike.minutes == 240
    assert week.distance_km == 28 and week.long_run_km == 20


def test_strength_changed_before_the_race_in_a_loading_week_shows_what_was_written() -> None:
    """A Tuesday race with no taper: the Friday before is in a loading week, and its heavy squat is left out."""
    text = ("---\ntitle: R\nunits: km\nload_units: kg\nrace: {distance: 10k}\n"
            "periodization: {deload: {every: off}, taper: false}\n---\n")
    for n in range(1, 4):
        text += f"## Week {n}\n- Tue: Easy 6 km\n- Fri: Strength\n  - Back squat 3x5 @ 80 kg\n- Sun: Long {9 + n} km\n\n"
    text += "## Week 4\n- Tue: Race 10K\n"
    week = expand(plan_from(text)).weeks[2]
    friday = next(p for p in week.sessions if p.day == 5)
    assert week.kind == "load" and friday.kind is K.REST
    assert friday.original is not None and exercise_text(friday.original.exercises[0]) == "Back squat 3x5 @ 80 kg"


def test_no_run_of_a_volume_deload_loses_more_than_the_cap_even_by_rounding() -> None:
    """Two 30-minute repeats lose none (one less would be half the run), and a 20-minute run is
    cut to 15, not rounded to 10: the week falls short of the cut, and its note says by how much."""
    text = "---\ntitle: R\nunits: km\nperiodization: {deload: {every: 2, mode: insert, cut: 0.4}, taper: false}\n---\n"
    for n in (1, 2):
        text += f"## Week {n}\n- Tue: Easy 20 min\n- Thu: Easy 5 km\n- Sun: Long 1 h: 2 x (25 min @ easy, 5 min walk)\n\n"
    e = expand(plan_from(text))
    deload = next(w for w in e.weeks if w.kind == "deload")
    reference = e.weeks[deload.reference - 1]  # type: ignore[operator]
    for planned, written in zip(deload.sessions, reference.sessions, strict=True):
        assert planned.minutes is not None and written.minutes is not None
        assert planned.minutes >= 0.6 * written.minutes - 1e-6, planned.session.text
    assert "not −40%" in note_text(deload.note)


def test_a_hike_in_a_step_back_week_leaves_it_the_authors_step_back() -> None:
    e = expand(plan_from(fixture("hike-in-step-back.md")))
    assert [w.kind for w in e.weeks] == ["load"] * 5  # no deload put right before the author's lighter week 3
    assert e.weeks[2].step_back


def test_the_race_weeks_strength_note_says_only_what_happened() -> None:
    e = expand(plan_from(fixture("race-week-two-sets.md")))
    said = note_text(e.weeks[-1].note)
    assert "no heavy lower-body or jumping work in the last 7 days before the race" in said and "half the sets" not in said
    assert "strength: half the sets before the race" in note_text(e.weeks[-2].note)  # week 2's Saturday 3x5 became 2x5


def test_a_vacation_keeps_the_strength_of_the_week_it_replaces_deloaded() -> None:
    """Week 3, the holiday, was written without box jumps: the vacation built from week 2 does not put them back."""
    text = ("---\ntitle: V\nunits: km\nload_units: kg\n"
            "periodization: {deload: {every: off, mode: replace}, taper: false, vacations: [{week: 3, style: easy}]}\n---\n")
    for n in range(1, 5):
        jumps = "" if n == 3 else "  - Box jump 3x5\n"
        text += (f"## Week {n}\n- Mon: Strength\n  - Goblet squat 3x10 @ 20 kg\n{jumps}- Tue: Easy 8 km\n"
                 f"- Thu: Tempo 10 km with 5 km @ threshold\n- Sun: Long {14 + n} km\n\n")
    e = expand(plan_from(text))
    holiday = e.weeks[2]
    assert holiday.kind == "vacation"
    [strength] = [p for p in holiday.sessions if p.kind is K.STRENGTH]
    assert [x.name for x in strength.session.exercises] == ["Goblet squat"]
    assert strength.session.exercises[0].reps < 10  # deloaded as any deload is


def test_a_week_titled_taper_but_not_marked_is_warned_about_before_it_is_cut_again() -> None:
    text = "---\ntitle: T\nunits: km\nrace: {distance: half}\nperiodization: {deload: {every: off}}\n---\n"
    for n in range(1, 7):
        text += f"## Week {n}\n- Tue: Easy 8 km\n- Sun: Long {12 + n} km\n\n"
    # lighter than the peak (26 km), but above the taper's cap for it: the engine cuts it again
    text += "## Week 7 — Taper\n- Tue: Easy 8 km\n- Sun: Long 14 km\n\n## Week 8 — Race week\n- Tue: Easy 5 km\n- Sun: Race half\n"
    e = expand(plan_from(text))
    assert e.weeks[6].note[0].code == "taper"
    [said] = [w for w in e.warnings if w.code == "taper-unmarked"]
    assert said.severity.value == "warning" and said.message.startswith("your week 7 is titled 'Taper' but not marked {taper}")
    marked = expand(plan_from(text.replace("## Week 7 — Taper", "## Week 7 — Taper {taper}")))
    assert not [w for w in marked.warnings if w.code == "taper-unmarked"]
    # written within the taper's cap, the week is kept as written: nothing cuts it again, nothing to warn of
    light = expand(plan_from(text.replace("## Week 7 — Taper\n- Tue: Easy 8 km\n- Sun: Long 14 km",
                                          "## Week 7 — Taper\n- Tue: Easy 5 km\n- Sun: Long 8 km")))
    assert light.weeks[6].note[0].code == "taper-unchanged"
    assert not [w for w in light.warnings if w.code == "taper-unmarked"]


def test_weeks_written_going_down_into_the_race_are_warned_about_before_the_taper_cuts_them_again() -> None:
    """Daniels' last weeks at 0.9 and 0.8 of the peak, unmarked: the engine's taper cuts them to its
    own caps, and says so where the week is written, with the {taper} mark that keeps them."""
    text = "---\ntitle: T\nunits: mi\nrace: {distance: marathon}\nperiodization: {deload: {every: off}}\n---\n"
    for n in range(1, 8):
        text += f"## Week {n} — Phase IV\n- Tue: Easy 10 mi\n- Thu: Easy 10 mi\n- Sun: Long 20 mi\n\n"
    text += ("## Week 8 — Phase IV\n- Tue: Easy 9 mi\n- Thu: Easy 9 mi\n- Sun: Long 17 mi\n\n"  # 87.5% of the peak
             "## Week 9 — Phase IV\n- Tue: Easy 8 mi\n- Thu: Easy 8 mi\n- Sun: Long 16 mi\n\n"  # 80%
             "## Week 10 — Race week\n- Tue: Easy 5 mi\n- Sun: Race marathon\n")
    lines = text.splitlines()
    e = expand(plan_from(text))
    said = [w for w in e.warnings if w.code == "taper-unmarked"]
    assert [(w.line, w.severity.value) for w in said] == [(lines.index("## Week 8 — Phase IV") + 1, "warning"),
                                                         (lines.index("## Week 9 — Phase IV") + 1, "warning")]
    assert said[0].message.startswith("your week 8 is lighter than your peak (87%) and than the week before")
    assert "'## Week 8 — Phase IV {taper}'" in said[0].message
    assert e.weeks[7].distance_km < 0.8 * e.weeks[6].distance_km  # cut again, as the warning says
    marked = expand(plan_from(text.replace("## Week 8 — Phase IV", "## Week 8 — Phase IV {taper}").replace(
        "## Week 9 — Phase IV", "## Week 9 — Phase IV {taper}")))
    assert not [w for w in marked.warnings if w.code == "taper-unmarked"]
    assert abs(marked.weeks[7].distance_km / marked.weeks[6].distance_km - 0.875) < 0.01  # kept as written
    # A week a little lighter than the peak is no taper of the author's: the engine's taper is theirs to take.
    near = expand(plan_from(text.replace("Easy 9 mi\n- Thu: Easy 9 mi\n- Sun: Long 17 mi", "Easy 10 mi\n- Thu: Easy 9 mi\n- Sun: Long 20 mi")))
    assert [w.message[:15] for w in near.warnings if w.code == "taper-unmarked"] == ["your week 9 is "]


def test_a_run_walk_taper_week_is_measured_against_its_peak_as_the_week_itself_is_walks_in() -> None:
    """A Galloway taper week written at 65% of the peak, walk breaks and walks counted on both sides,
    is kept: against the peak's running alone it had looked 94% and was cut to 47%."""
    e = expand(plan_from((ENGINE / "run-walk-taper.md").read_text()))
    taper = e.weeks[4]
    assert taper.kind == "taper" and taper.note[0].code == "taper-unchanged"
    assert [p.session.total for p in taper.sessions if p.session.total is not None] == [
        Duration(1800), Duration(1800), Duration(4500), Duration(1800)]


def test_daniels_letters_weigh_as_their_words_and_easy_parts_of_a_q_session_are_run_at_easy_pace() -> None:
    """"3 mi @ T" is threshold running and "1 h @ E" easy running, in whatever session: an hour at
    E inside a Q session had counted 8.1 mi at tempo speed (6.9 mi at 8:45/mi), and a week's longest run with it."""
    plan = plan_from("---\ntitle: D\nunits: mi\nchecks: {easy_pace: '8:45/mi'}\n---\n## Week 1\n"
                     "- Mon: Tempo 3 mi @ T\n- Tue: Tempo 3 mi @ threshold\n- Wed: Tempo with 1 h @ E\n"
                     "- Thu: Easy 1 h @ E\n- Fri: Tempo with 2 mi @ E + 3 mi @ T + 1 h @ E\n- Sat: Intervals with 5 x 3 min @ I w/ 2 min jog\n"
                     "- Sun: Intervals with 5 x 3 min @ 5K pace w/ 2 min jog\n")
    sessions = expand(plan).weeks[0].sessions
    letters, words, q_easy, easy, mixed, by_i, by_5k = sessions
    measure = Measure(plan.periodization, plan.checks, plan.units)
    assert session_load(letters.session, measure) == session_load(words.session, measure)
    assert session_load(by_i.session, measure) == session_load(by_5k.session, measure)  # Daniels' I: about 5K pace
    assert q_easy.distance_km == easy.distance_km and session_load(q_easy.session, measure) == session_load(easy.session, measure)
    assert round(mixed.distance_km / 1.609344, 2) == round(2 + 3 + easy.distance_km / 1.609344, 2)


def test_a_top_single_in_a_deload_is_brought_to_rpe_7_not_halved_below_the_ramp() -> None:
    """5/3/1's week of "5/3/1+ @ 75/85/95%", deloaded by reps: the single cannot lose a rep nor a
    set, and at half its load (47.5%) it was lighter than the sets before it; it is lowered to RPE 7 (S6)."""
    assert deloaded_lifts("  - Squat 5/3/1+ @ 75/85/95%\n", every=3, weeks=4) == [
        "Squat 1x4 @ 75% 1RM", "Squat 1x2 @ 85% 1RM", "Squat 1x1 @ 87.5% 1RM"]


def test_a_deload_caps_a_share_of_a_training_max_by_the_1rm_it_stands_for() -> None:
    """RPE 7 for 2 reps is about 85.7% of the 1RM (Epley): 95% of a training max (85.5% 1RM) is
    within it and stays; 100% TM (90% 1RM) is lowered to 95% TM; the single at 95% TM stays as written."""
    assert deloaded_lifts("  - Squat 2x3 @ 95% TM\n  - Press 2x3 @ 100% TM\n  - Deadlift 1x1+ @ 95% TM\n") == [
        "Squat 2x2 @ 95% TM", "Press 2x2 @ 95% TM", "Deadlift 1x1 @ 95% TM"]


def test_a_walk_weighs_as_walking_whatever_its_effort_word_and_a_heart_rate_says_how_hard() -> None:
    """Galloway's "Walk 30 min @ easy" had weighed 24.5, more than a 30-minute run-walk (16.4): "easy" was read as easy running."""
    plan = plan_from("---\ntitle: W\n---\n## Week 1\n- Mon: Walk 30 min @ easy\n- Tue: Run-walk 30 min: 4 min run / 1 min walk\n"
                     "- Wed: Walk 30 min\n- Thu: Hike 2 h @ Z2\n")
    measure = Measure(plan.periodization, plan.checks, plan.units)
    easy_walk, run_walk, walk, hike = (session_load(s, measure) for s in plan.weeks[0].sessions)
    assert easy_walk == walk < run_walk
    assert hike > 2 * 4 * walk  # four times as long, at a heart rate of zone 2: harder than walking


def test_a_given_taper_that_splits_a_back_to_back_weekend_is_said_with_the_day_that_keeps_it_whole() -> None:
    """'taper: {days: 14}' before a Saturday race begins on a Sunday: it cuts that Sunday's long run and
    not the Saturday's. Kept to the day, as given, it is said with the fix (13 days, or the weeks marked)."""
    text = "---\ntitle: T\nunits: km\nrace: {distance: 50 km}\nperiodization: {deload: {every: off}, taper: {days: 14}}\n---\n"
    for n in range(1, 7):
        text += f"## Week {n}\n- Tue: Easy 10 km\n- Sat: Long run 3 h\n- Sun: Long run 2 h\n\n"
    text += "## Week 7\n- Tue: Easy 8 km\n- Sat: Race 50 km\n"
    e = expand(plan_from(text))
    [said] = [w for w in e.warnings if w.code == "taper-weekend"]
    assert said.line == text.splitlines().index("## Week 5") + 1
    assert said.message.startswith("your 14-day taper begins on the Sunday of week 5: it cuts that weekend's Sunday")
    assert "'taper: {days: 13}' begins it with week 6" in said.message
    thirteen = expand(plan_from(text.replace("days: 14", "days: 13")))
    assert not [w for w in thirteen.warnings if w.code == "taper-weekend"]
    assert [p.session.total for p in thirteen.weeks[4].sessions] == [p.session.total for p in e.weeks[3].sessions]


def test_a_jog_down_without_its_length_is_as_long_as_the_way_up() -> None:
    """"Hills 60 min: 10 x 90 s uphill w/ jog down": the jogs down had counted as nothing, and the
    warm-up and cool-down took 22.5 minutes each; "8 x 200 m uphill w/ jog down" is 3 km of hills."""
    plan = plan_from("---\ntitle: H\n---\n## Week 1\n- Tue: Hills 60 min: 10 x 90 s uphill @ hard w/ jog down\n"
                     "- Thu: Hills: 8 x 200 m uphill w/ jog down\n")
    timed, measured = expand(plan).weeks[0].sessions
    warm, _, cool = timed.workout
    assert isinstance(warm, Step) and isinstance(cool, Step) and warm.amount == Duration(16 * 60)
    assert isinstance(cool.amount, Duration) and 15 * 60 <= cool.amount.seconds <= 16 * 60  # the rest of the hour
    assert measured.distance_km == pytest.approx(3.0)


def test_a_top_single_by_weight_in_a_deload_is_lowered_as_a_maximal_single_is_to_rpe_7() -> None:
    """"Bench 5/3/1 @ 80/90/100 kg": the single's effort cannot be judged from a weight; halved (50 kg)
    it was lighter than the ramp's first set; it is lowered as a maximal single is to RPE 7 (87.5%)."""
    assert deloaded_lifts("  - Bench 5/3/1 @ 80/90/100 kg\n") == ["Bench 1x4 @ 80 kg", "Bench 1x2 @ 90 kg", "Bench 1x1 @ 87.5 kg"]


def test_a_session_written_in_a_replaced_week_that_the_deload_has_no_place_for_is_said_as_a_rest_day() -> None:
    text = "---\ntitle: R\nunits: km\nperiodization: {deload: {every: 3, mode: replace}, taper: false}\n---\n"
    for n in range(1, 5):
        gym = "- Tue: Strength 30 min\n" if n == 3 else ""
        text += f"## Week {n}\n{gym}- Tue: Easy 8 km\n- Thu: Tempo 10 km with 5 km @ threshold\n- Sun: Long {16 + n} km\n\n"
    deload = expand(plan_from(text)).weeks[2]
    assert deload.kind == "deload"
    [rest] = [p for p in deload.sessions if p.kind is K.REST]
    assert rest.day == 2 and rest.original is not None and rest.original.kind is K.STRENGTH


def test_a_spike_after_a_deload_of_the_engines_says_so() -> None:
    text = "---\ntitle: S\nunits: km\nperiodization: {deload: {every: 4, mode: replace}, taper: false}\n---\n"
    for n, long in enumerate((14, 15, 16, 17, 18), start=1):
        text += f"## Week {n}\n- Tue: Easy 8 km\n- Thu: Easy 8 km\n- Sun: Long {long} km\n\n"
    e = expand(plan_from(text))
    assert e.weeks[3].kind == "deload"
    [spike] = [w for w in e.warnings if w.code == "session-spike"]
    assert "(16 km), days that hold the deload of week 4;" in spike.message


@pytest.mark.parametrize(("gym_in_holiday", "gym_before"), [(True, False), (False, True)])
def test_a_vacations_note_says_the_strength_of_the_week_it_replaces(gym_in_holiday: bool, gym_before: bool) -> None:
    text = ("---\ntitle: V\nunits: km\nload_units: kg\n"
            "periodization: {deload: {every: off, mode: replace}, taper: false, vacations: [{week: 3, style: easy}]}\n---\n")
    for n in range(1, 5):
        gym = (n == 3 and gym_in_holiday) or (n != 3 and gym_before)
        lift = "- Mon: Strength\n  - Goblet squat 3x10 @ 20 kg\n" if gym else ""
        text += f"## Week {n}\n{lift}- Tue: Easy 8 km\n- Thu: Tempo 10 km with 5 km @ threshold\n- Sun: Long {14 + n} km\n\n"
    holiday = expand(plan_from(text)).weeks[2]
    assert holiday.kind == "vacation"
    assert ("strength:" in note_text(holiday.note)) is gym_in_holiday


def test_a_couch_to_5k_deload_shortens_the_running_spells_of_two_repeats() -> None:
    """Two 12-minute spells cannot lose one (half the run): they get shorter, the walks stay."""
    text = "---\ntitle: C\nunits: km\nperiodization: {deload: {every: 2, mode: insert}, taper: false}\n---\n"
    for n in (1, 2):
        text += f"## Week {n}\n- Mon: Run-walk 28 min: 2 x 12 min run @ easy w/ 2 min walk\n- Sat: Run-walk 28 min: 2 x 12 min run @ easy w/ 2 min walk\n\n"
    deload = next(w for w in expand(plan_from(text)).weeks if w.kind == "deload")
    for planned in deload.sessions:
        [repeat] = planned.session.main
        assert isinstance(repeat, Repeat) and repeat.count == 2
        run, = (s for s in repeat.steps if isinstance(s, Step) and s.role == "work")
        assert run.amount == Duration(9 * 60) and planned.session.total == Duration(22 * 60)


def test_a_replaced_weeks_quality_session_shows_the_quality_session_written_that_day() -> None:
    deload = expand(plan_from(fixture("replaced-week-pairs.md"))).weeks[2]
    tempo, easy = (next(p for p in deload.sessions if p.kind is k) for k in (K.TEMPO, K.EASY))
    assert tempo.original is not None and tempo.original.kind is K.INTERVALS
    assert easy.original is not None and easy.original.kind is K.EASY


def test_a_week_titled_as_a_recovery_week_but_not_lighter_is_warned_about() -> None:
    text = "---\ntitle: R\nunits: km\nperiodization: {deload: {every: 4, mode: replace}, taper: false}\n---\n"
    for n in range(1, 7):
        title = " — Recovery" if n == 4 else ""
        text += f"## Week {n}{title}\n- Tue: Easy 8 km\n- Thu: Easy 8 km\n- Sun: Long {14 + n - (1 if n == 4 else 0)} km\n\n"
    e = expand(plan_from(text))
    [said] = [w for w in e.warnings if w.code == "deload-unmarked"]
    assert said.message.startswith("your week 4 is titled 'Recovery' but is not lighter") and "add {deload}" in said.message
    marked = expand(plan_from(text.replace("— Recovery", "— Recovery {deload}")))
    assert not [w for w in marked.warnings if w.code == "deload-unmarked"]


@pytest.mark.parametrize("title", ["Regenerationswoche", "Entlastungswoche", "Erholungswoche", "Semaine de récupération",
                                   "Semana de descarga", "Ruhewoche", "Deload-Woche", "Semaine d'allègement",
                                   "Semana de recuperacion", "Recovery week!"])
def test_a_recovery_week_titled_in_another_language_is_warned_about_too(title: str) -> None:
    """Steffny's 'Regenerationswoche': a German compound (the week word joined with an 's') had not
    been read as a lighter week's title, and its week had been followed by a deload in silence."""
    text = "---\ntitle: R\nunits: km\nperiodization: {deload: {every: 4, mode: replace}, taper: false}\n---\n"
    for n in range(1, 7):
        text += (f"## Week {n}{' — ' + title if n == 3 else ''}\n- Tue: Easy 8 km\n- Thu: Easy 8 km\n"
                 f"- Sun: Long {14 + n - (1 if n == 3 else 0)} km\n\n")
    assert [w.code for w in expand(plan_from(text)).warnings].count("deload-unmarked") == 1


def test_a_marathon_pace_long_run_in_the_taper_loses_some_of_its_pace_part_too() -> None:
    """'Long 16 mi with 8 mi @ MP' a week before the race was 8.5 mi with all 8 at MP: the part at
    pace is cut by the taper's day, as a quality session's repeats are."""
    text = "---\ntitle: M\nunits: mi\nrace: {distance: marathon}\nperiodization: {deload: {every: off}}\n---\n"
    for n in range(1, 16):
        text += f"## Week {n}\n- Tue: Easy 6 mi\n- Thu: Tempo 8 mi with 4 mi @ threshold\n- Sat: Easy 5 mi\n- Sun: Long 16 mi with 8 mi @ MP\n\n"
    text += "## Week 16\n- Tue: Easy 5 mi\n- Thu: Easy 4 mi\n- Sun: Race marathon\n"
    last_long = next(p for p in expand(plan_from(text)).weeks[-2].sessions if p.kind is K.LONG)
    [part] = last_long.session.main
    total = last_long.session.total
    assert isinstance(part, Step) and isinstance(part.amount, Distance) and isinstance(total, Distance)
    assert part.amount.value < 8 and part.amount.value / total.value <= 0.6


def test_a_volume_jump_right_after_a_deload_of_the_engines_says_so() -> None:
    text = "---\ntitle: J\nunits: mi\nperiodization: {deload: {every: 4, mode: replace}, taper: false}\n---\n"
    for n, (easy, long) in enumerate(((8, 14), (8, 15), (8, 16), (9, 17), (10, 19)), start=1):
        text += f"## Week {n}\n- Tue: Easy {easy} mi\n- Wed: Easy {easy} mi\n- Thu: Easy {easy} mi\n- Sun: Long {long} mi\n\n"
    e = expand(plan_from(text))
    assert e.weeks[3].kind == "deload"
    [jump] = [w for w in e.warnings if w.code.startswith("volume-jump")]
    assert "(after the deload of week 4)" in jump.message


def test_a_lift_with_two_reps_or_fewer_in_reserve_is_heavy_before_a_race() -> None:
    text = ("---\ntitle: R\nunits: km\nload_units: kg\nrace: {distance: 10k}\n"
            "periodization: {deload: {every: off}, taper: false}\n---\n")
    for n in range(1, 4):
        text += f"## Week {n}\n- Mon: Strength\n  - Back squat 3x8 @ 60 kg RIR 1\n- Tue: Easy 6 km\n- Sun: Long {9 + n} km\n\n"
    text += "## Week 4\n- Tue: Easy 5 km\n- Thu: Strength\n  - Back squat 3x8 @ 40 kg RIR 1\n- Sun: Race 10K\n"
    thursday = next(p for p in expand(plan_from(text)).weeks[-1].sessions if p.day == 4)
    assert thursday.kind is K.REST  # light, but one rep in reserve: near maximal (3 days out)


@pytest.mark.parametrize("line", ["Run-walk 2 x 12 min run w/ 2 min walk", "Run-walk 30 min: 2 x 12 min run w/ 2 min walk",
                                  "Run-walk 2.4 km: 2 x 1 km run w/ 200 m walk",
                                  "Run-walk 34 min: 2 x (3 x (3 min run, 1 min walk), 5 min walk)"])
def test_every_run_walk_shape_is_deloaded_within_the_cap(line: str) -> None:
    text = "---\ntitle: C\nunits: km\nperiodization: {deload: {every: 2, mode: insert}, taper: false}\n---\n"
    for n in (1, 2):
        text += f"## Week {n}\n- Mon: {line}\n- Sat: {line}\n\n"
    e = expand(plan_from(text))
    deload = next(w for w in e.weeks if w.kind == "deload")
    reference = e.weeks[deload.reference - 1]  # type: ignore[operator]
    assert 0.6 * reference.minutes - 0.1 <= deload.minutes <= 0.85 * reference.minutes


@pytest.mark.parametrize("title", ["Peak week, deload next", "Long run + recovery run", "Recovering from the 10K"])
def test_a_title_that_only_mentions_recovery_is_no_lighter_week(title: str) -> None:
    text = "---\ntitle: R\nunits: km\nperiodization: {deload: {every: off}, taper: false}\n---\n"
    for n in range(1, 7):
        heading = f" — {title}" if n == 4 else ""
        text += f"## Week {n}{heading}\n- Tue: Easy 8 km\n- Thu: Easy 8 km\n- Sun: Long {14 + n} km\n\n"
    assert not [w for w in expand(plan_from(text)).warnings if w.code == "deload-unmarked"]


def _timed(race: str, frontmatter: str = "") -> str:
    text = f"---\ntitle: T\nunits: km\n{frontmatter}periodization: {{deload: {{every: off}}}}\n---\n"
    for n in range(1, 6):
        text += f"## Week {n}\n- Tue: Easy 10 km\n- Sat: Long run {2 + n * 0.5:g} h\n- Sun: Easy 1 h 30 min\n\n"
    return text + f"## Week 6\n- Tue: Easy 8 km\n- Sun: {race}\n"


@pytest.mark.parametrize(("race", "category", "taper_days"), [("Race 6 h", "other", 21), ("Race 24 h", "other", 21),
                                                               ("Race 1 h", "10k", 10), ("Race 3 h", "marathon", 21)])
def test_a_timed_race_is_read_by_its_time_and_tapers_as_the_race_of_about_its_length(race: str, category: str,
                                                                                       taper_days: int) -> None:
    from generator.periodize.taper import DEFAULT_TAPER_DAYS

    plan = plan_from(_timed(race))
    assert plan.race is not None and plan.race.distance is None and plan.race.duration is not None
    assert plan.race.category == category and DEFAULT_TAPER_DAYS[category] == taper_days
    e = expand(plan)
    race_session = e.race_session
    assert race_session is not None and race_session.session.total == plan.race.duration
    assert exercise_or_title(race_session) == race
    said = " ".join(note_text(w.note) for w in e.weeks)
    assert f"({taper_days}-day taper)" in said


def exercise_or_title(planned: PlannedSession) -> str:
    from generator.describe import session_title

    return session_title(planned.session, "km")


def test_a_timed_race_in_the_frontmatter_fills_the_race_session_and_a_distance_there_is_a_mismatch() -> None:
    from generator.source.reader import parse_plan_text

    plan = plan_from(_timed("Race", "race: {name: Six hours of Lyon, distance: 6 h}\n"))
    assert plan.race is not None and plan.race.duration == Duration(6 * 3600) and plan.race.name == "Six hours of Lyon"
    assert plan.weeks[-1].sessions[-1].total == Duration(6 * 3600)
    text = _timed("Race 50 km", "race: {distance: 6 h}\n")
    _, warnings = parse_plan_text(text.encode(), "t.md", "t", Settings(root=Path(".")))
    assert [w.message for w in warnings if w.code == "race-distance"] == [
        "the race session is 50 km but the frontmatter race is 6 h"]


def test_a_strength_block_s_lighter_weeks_are_the_authors_and_its_heavier_phases_are_not() -> None:
    """A plan of strength work alone has no running volume: its weeks are measured by their
    strength load. Its easier weeks (fewer sets, lighter) are the author's lighter weeks, the
    engine adds none beside them, and the phases that trade reps for load are no lighter weeks."""
    from .conftest import FIXTURES

    plan = plan_from((FIXTURES / "plans" / "strength-block.md").read_text())
    e = expand(plan)
    assert len(e.weeks) == 11 and all(w.kind == "load" for w in e.weeks)  # nothing added, nothing replaced
    lighter = [w.number for w in e.weeks if w.step_back]
    assert lighter == [4, 8, 11]  # the last one too: a plan without a race has no taper to lead into
    said = " ".join(note_text(w.note) for w in e.weeks)
    assert "A lighter week, as the coach wrote it" in said


def test_a_strength_week_with_fewer_reps_at_a_heavier_load_is_no_lighter_week() -> None:
    weeks = [("4x8 @ 60 kg", "3x10 @ 40 kg"), ("4x8 @ 62.5 kg", "3x10 @ 42.5 kg"), ("4x8 @ 65 kg", "3x10 @ 45 kg"),
             ("5x3 @ 80 kg", "3x6 @ 50 kg"), ("5x3 @ 82.5 kg", "3x6 @ 52.5 kg"), ("4x6 @ 60 kg", "2x8 @ 40 kg"),
             ("5x3 @ 85 kg", "3x6 @ 55 kg")]
    text = "---\ntitle: S\nunits: km\nload_units: kg\nperiodization: {deload: {every: off}}\n---\n"
    for n, (squat, row) in enumerate(weeks, start=1):
        text += f"## Week {n}\n- Mon: Strength\n  - Back squat {squat}\n  - Row {row}\n\n"
    e = expand(plan_from(text))
    assert [w.number for w in e.weeks if w.step_back] == [6]  # not 4 or 5: heavier, if fewer reps


def test_a_lighter_last_week_of_a_plan_without_a_race_is_the_authors_recovery_week() -> None:
    text = "---\ntitle: Base\nunits: km\nperiodization: {deload: {every: 4}}\n---\n"
    for n, long in enumerate([12, 13, 14, 15, 16, 17, 10], start=1):
        text += f"## Week {n}\n- Tue: Easy 8 km\n- Thu: Easy 8 km\n- Sun: Long {long} km\n\n"
    e = expand(plan_from(text))
    assert e.weeks[-1].step_back and e.weeks[-2].kind == "load"  # no deload of the engine's right before it


@pytest.mark.parametrize(("comment", "heavy"), [("RIR 2", True), ("2 RIR", True), ("1-2 RIR", True), ("RIR 3", False),
                                                ("3 RIR", False), ("tempo 3-1-1-0", False)])
def test_reps_in_reserve_written_either_way_make_a_lift_heavy_before_a_race(comment: str, heavy: bool) -> None:
    from generator.model import Exercise, Load, Source
    from generator.periodize.strength import is_heavy_lower_body

    squat = Exercise("Back squat", 3, 8, "reps", Load("weight", 60, "kg"), Source("t.md", 1, 1), comment)
    assert is_heavy_lower_body(squat) is heavy


def test_a_recovery_week_right_before_the_last_peak_of_a_saturday_race_is_the_authors() -> None:
    """A Saturday marathon's default taper begins with the Monday 20 days out, not the Sunday
    before it: the peak week before that Sunday is no taper, so the recovery week before the
    peak is a lighter week of the author's, and the engine puts no deload beside it."""
    text = "---\ntitle: M\nunits: km\nperiodization: {deload: {every: 4}}\n---\n"
    longs = [20, 22, 24, 26, 28, 18, 32, 24, 18]
    for n, long in enumerate(longs, start=1):
        text += f"## Week {n}\n- Tue: Easy 10 km\n- Thu: Tempo 12 km with 6 km @ MP\n- Sun: Long {long} km\n\n"
    text += "## Week 10\n- Tue: Easy 8 km\n- Sat: Race marathon\n"
    e = expand(plan_from(text))
    recovery = next(w for w in e.weeks if w.origin == 6)
    assert recovery.step_back and recovery.kind == "load"
    assert [w.kind for w in e.weeks if w.origin in (5, 6, 7)] == ["load", "load", "load"]


@pytest.mark.parametrize(("line", "steps"), [
    ("Tempo 5 mi: 1 mi warm-up, 3 mi @ tempo, 1 mi cool-down", ["warmup 1", "work 3", "cooldown 1"]),
    ("Tempo 5 mi: 1 mi warm-up, 3 mi @ tempo", ["warmup 1", "work 3", "cooldown 1"]),
    ("Tempo 6 mi: 3 mi @ tempo, 1 mi cool-down", ["warmup 2", "work 3", "cooldown 1"]),
    ("Tempo 6 mi: 1 mi warm-up, 3 mi @ tempo, 1 mi cool-down", ["warmup 1.5", "work 3", "cooldown 1.5"]),  # short of 6
])
def test_a_warm_up_written_in_the_main_set_leaves_the_rest_of_the_run_to_the_cool_down(line: str, steps: list[str]) -> None:
    text = f"---\ntitle: W\nunits: mi\nperiodization: {{deload: {{every: off}}}}\n---\n## Week 1\n- Tue: Easy 5 mi\n- Thu: {line}\n"
    [week] = expand(plan_from(text)).weeks
    tempo = next(p for p in week.sessions if p.kind is K.TEMPO)
    assert [f"{s.role} {s.amount.value:g}" for s in tempo.workout if isinstance(s, Step) and s.amount is not None] == steps


def test_repeats_cut_to_one_are_the_step_alone_without_a_recovery() -> None:
    text = "---\ntitle: M\nunits: km\nrace: {distance: marathon}\nperiodization: {deload: {every: off}}\n---\n"
    for n, long in enumerate([28, 30, 32, 30], start=1):
        text += f"## Week {n}\n- Tue: Easy 10 km\n- Thu: Tempo 15 km with 2 x 30 min @ MP w/ 10 min easy\n- Sun: Long {long} km\n\n"
    text += "## Week 5\n- Tue: Easy 8 km\n- Sun: Race marathon\n"
    from generator.describe import session_title

    titles = [session_title(p.session, "km") for w in expand(plan_from(text)).weeks for p in w.sessions if p.kind is K.TEMPO]
    assert "Tempo 9 km with 30 min @ MP" in titles and not any("1 x" in t for t in titles)


@pytest.mark.parametrize("mode", ["insert", "replace"])
def test_a_deload_built_from_another_week_says_nothing_its_author_said_of_that_week(mode: str) -> None:
    text = f"---\ntitle: U\nunits: km\nperiodization: {{deload: {{every: 3, mode: {mode}}}}}\n---\n"
    for n in range(1, 5):
        text += (f"## Week {n}\n- Tue: Easy 10 km\n- Sat: Long run {2 + n * 0.5:g} h — week {n}: {n}000 m D+\n"
                 "  - the biggest day so far\n- Sun: Easy 1 h 30 min\n\n")
    e = expand(plan_from(text))
    deload = next(w for w in e.weeks if w.kind == "deload")
    long = next(p for p in deload.sessions if p.kind is K.LONG)
    assert long.session.comment == "" and long.session.notes == ""
    assert all(p.session.comment == f"week {w.origin}: {w.origin}000 m D+" for w in e.weeks if w.kind == "load"
               for p in w.sessions if p.kind is K.LONG)


def test_a_100_miler_is_given_its_own_time_and_is_no_training_peak() -> None:
    text = "---\ntitle: H\nunits: mi\nperiodization: {deload: {every: off}, taper: false}\n---\n"
    for n in range(1, 4):
        text += f"## Week {n}\n- Tue: Easy 6 mi\n- Sat: Long run {4 + n} h\n- Sun: Easy 2 h\n\n"
    text += "## Week 4\n- Tue: Easy 4 mi\n- Sat: Race 100 mi or 28 h\n"
    e = expand(plan_from(text))
    race_week = e.weeks[-1]
    assert race_week.minutes > 28 * 60  # the race at the author's 28 hours, not at easy pace
    assert e.peak_week is not None and e.peak_week.number == 3


@pytest.mark.parametrize("strategy", ["volume", "easy"])
def test_a_run_walk_keeps_its_spells_and_most_of_its_repeats_in_a_deload(strategy: str) -> None:
    """R6 for a beginner: every day's run-walk keeps at least 60% of its repeats (not 3 of 6 on
    one day and 4 on the others), and stays a run-walk in an easy week."""
    text = f"---\ntitle: B\nunits: km\nperiodization: {{deload: {{every: 3, strategy: {strategy}}}}}\n---\n"
    for n in range(1, 5):
        text += "".join(f"## Week {n}\n" if day == "Tue" else "" for day in ("Tue",))
        text += "".join(f"- {day}: Run-walk 31 min: 6 x (90 s run, 2 min walk)\n" for day in ("Tue", "Thu", "Sat")) + "\n"
    e = expand(plan_from(text))
    deload = next(w for w in e.weeks if w.kind == "deload")
    counts = [p.session.main[0].count for p in deload.sessions if p.kind is K.RUN_WALK and isinstance(p.session.main[0], Repeat)]
    assert len(counts) == 3 and min(counts) >= 4


def test_a_run_walk_with_walks_around_its_repeats_keeps_60_percent_of_them() -> None:
    text = "---\ntitle: B\nunits: km\nperiodization: {deload: {every: 3, mode: replace, cut: 40%}}\n---\n"
    for n in range(1, 5):
        text += f"## Week {n}\n" + "".join(
            f"- {day}: Run-walk 35 min: 5 min walk, 6 x (2 min run, 1 min walk), 5 min walk\n" for day in ("Tue", "Thu", "Sat")) + "\n"
    deload = next(w for w in expand(plan_from(text)).weeks if w.kind == "deload")
    counts = [next(p.count for p in s.session.main if isinstance(p, Repeat)) for s in deload.sessions if s.kind is K.RUN_WALK]
    assert min(counts) >= 4


def test_a_deload_of_cross_training_alone_still_says_what_it_cut() -> None:
    text = "---\ntitle: C\nunits: km\nperiodization: {deload: {every: 3}}\n---\n"
    for n in range(1, 5):
        text += f"## Week {n}\n- Tue: Cross-training 45 min — bike or elliptical\n- Sat: Cross-training 60 min\n\n"
    deload = next(w for w in expand(plan_from(text)).weeks if w.kind == "deload")
    said = note_text(deload.note)
    assert ": ," not in said and "volume" in said
    bike = next(p for p in deload.sessions if p.day == 2)
    assert bike.session.comment == "bike or elliptical"  # how to do it, kept


def test_a_taper_the_coach_wrote_after_a_late_peak_is_kept_as_written() -> None:
    """Hansons peak ten days out, then two lighter weeks: the default 21-day marathon taper would
    cut the peak week and cut the coach's own taper again. The weeks after the peak are read as the
    coach's taper (a note says so); a length the coach gives is the engine's to taper, as asked."""
    written = (FIXTURES / "engine" / "hansons-beginner.md").read_text().replace("  taper: {days: 10}\n", "")
    expanded = expand(plan_from(written))
    assert [w.kind for w in expanded.weeks[-3:]] == ["load", "taper", "race"]
    assert not any(p.original for w in expanded.weeks[-3:] for p in w.sessions)  # every session as written
    [note] = [d for d in expanded.warnings if d.code == "taper-written"]
    assert not note.is_warning and "your week 17 (85% of your peak week 16)" in note.message
    asked = expand(plan_from(written.replace("  deload: {every: off}\n", "  deload: {every: off}\n  taper: {days: 21}\n")))
    assert any(p.original for p in asked.weeks[-3].sessions)  # the peak week, cut by the taper asked for
    assert not any(d.code == "taper-written" for d in asked.warnings)


def test_a_week_that_steps_back_only_its_long_run_is_no_lighter_week_to_a_reader() -> None:
    """The Hansons alternate a long and a shorter long run: the deload rhythm counts from such a
    week (no deload crowds it), but a week 4% lighter is not shown as a lighter week."""
    text = "---\ntitle: H\nunits: mi\nperiodization: {deload: {every: 4}}\n---\n"
    for n, (tempo, long) in enumerate([(6, 12), (7, 14), (8, 16), (10, 12), (9, 17), (10, 18)], start=1):
        text += f"## Week {n}\n- Tue: Easy 6 mi\n- Thu: Tempo {tempo + 2} mi with {tempo} mi @ MP\n- Sat: Easy 6 mi\n- Sun: Long {long} mi\n\n"
    expanded = expand(plan_from(text))
    week4 = next(w for w in expanded.weeks if w.origin == 4 and not w.inserted)
    assert week4.kind == "load" and not week4.step_back
    assert "steps the long run back" in " ".join(expanded.log)


def test_a_plan_dated_by_its_start_that_grows_says_where_its_race_moved() -> None:
    """Sixteen weeks from a start date, and a vacation added: the race is a week later than the
    coach counted, and check and build say so with the dates."""
    from generator.periodize.summary import engine_note

    text = ("---\ntitle: T\nunits: km\nrace: {distance: half}\nstart: 2027-01-04\n"
            "periodization: {deload: {every: off}, vacations: [{week: 4, style: easy}]}\n---\n")
    for n in range(1, 8):
        text += f"## Week {n}\n- Tue: Easy 8 km\n- Thu: Tempo 8 km with 4 km @ threshold\n- Sun: Long {12 + n} km\n\n"
    text += "## Week 8\n- Tue: Easy 6 km\n- Sun: Race half\n"
    expanded = expand(plan_from(text))
    note = engine_note(expanded)
    assert note is not None and expanded.race_date == date(2027, 3, 7)
    assert "from the start on Mon 4 Jan 2027 the race falls on Sun 7 Mar 2027, not Sun 28 Feb 2027" in note.message


def test_a_race_week_with_two_hard_sessions_besides_the_race_is_no_lighter_week() -> None:
    """Intervals and a tempo around a tune-up race: shorter, but no week to recover in, so the
    deload due is not dropped for it (a tune-up week with one hard session still counts)."""
    text = fixture("tune-up.md").replace("- Thu: Easy 4 mi\n", "- Thu: Intervals 6 mi: 5 x 1 km @ 10K pace w/ 400 m jog\n")
    expanded = expand(plan_from(text))
    race_week = next(i for i, w in enumerate(expanded.weeks) if w.origin == 6 and not w.inserted)
    assert expanded.weeks[race_week + 1].kind == "deload"
    assert any("but with 2 hard sessions besides the race, no lighter week" in line for line in expanded.log)


def test_a_deload_of_easy_running_alone_speaks_of_no_quality_session() -> None:
    """A beginner's weeks of easy runs: the deload's note had promised 'one shorter session of each
    quality kind' the plan does not have."""
    text = "---\ntitle: B\nunits: km\nperiodization: {deload: {every: 3}}\n---\n"
    for n in range(1, 5):
        text += f"## Week {n}\n- Tue: Easy {4 + n} km\n- Thu: Easy {4 + n} km\n- Sun: Long run {6 + n} km\n\n"
    deload = next(w for w in expand(plan_from(text)).weeks if w.kind == "deload")
    said = note_text(deload.note)
    assert "volume −25%" in said and "quality" not in said, said


def test_a_taper_week_written_within_its_cap_says_it_is_as_written() -> None:
    """Galloway's last weeks, already light: the note had said 'volume at most 70% of the peak' of a
    week the engine did not touch."""
    text = "---\ntitle: T\nunits: km\nrace: {distance: 10k}\nperiodization: {deload: {every: off}}\n---\n"
    for n in range(1, 5):
        text += f"## Week {n}\n- Tue: Easy {6 + n} km\n- Thu: Tempo 8 km with 4 km @ threshold\n- Sun: Long {10 + n} km\n\n"
    text += "## Week 5\n- Tue: Easy 5 km\n- Thu: Easy 4 km\n- Sun: Race 10K\n"
    race_week = expand(plan_from(text)).weeks[-1]
    assert not any(p.original for p in race_week.sessions)
    said = note_text(race_week.note)
    assert said.startswith("Race week (10-day taper): the runs before the race as written, already no more than"), said


def test_a_strides_session_is_no_hard_session_of_a_tune_up_week() -> None:
    text = fixture("tune-up.md").replace("- Thu: Easy 4 mi\n", "- Thu: Strides 4 mi: 6 x 20 s @ fast\n")
    expanded = expand(plan_from(text))
    race_week = next(i for i, w in enumerate(expanded.weeks) if w.origin == 6 and not w.inserted)
    assert expanded.weeks[race_week + 1].kind == "load"  # the tune-up week is still the lighter week


def test_a_late_peak_with_a_heavy_race_week_is_the_engines_to_taper() -> None:
    """Two weeks after the peak that go down a little, then a race week of 33 mi with a tempo five
    days out: no taper anyone wrote (its mean cut is under 30%, invariant 16): the engine's cuts it."""
    expanded = expand(plan_from(fixture("late-peak-heavy-race-week.md")))
    assert not any(d.code == "taper-written" for d in expanded.warnings)
    assert any(p.original for p in expanded.weeks[-1].sessions)


def test_a_taper_written_in_ranges_is_decided_once_for_both_ends() -> None:
    """The low end of 'Long 15-19 mi' reads as a taper of the coach's, the high end does not: the
    taper is the engine's at both ends, and expanding the plan again changes nothing."""
    from generator.periodize import as_plan

    expanded = expand(plan_from(fixture("late-peak-in-ranges.md")))
    assert not any(d.code == "taper-written" for d in expanded.warnings)
    assert not any(p.code == "taper-as-written" for w in expanded.weeks for p in w.note)
    again = expand(as_plan(expanded))
    assert [[p.session for p in w.sessions] for w in again.weeks] == [[p.session for p in w.sessions] for w in expanded.weeks]


@pytest.mark.parametrize("where", ["week: 4", "date: 2027-02-03"])
def test_a_vacation_that_replaces_its_week_keeps_the_plans_length(where: str) -> None:
    """A club's holiday week in an insert-mode plan: 'replace: true' makes that week the vacation
    instead of adding one, so the start and the race stay where the coach counted them."""
    text = (f"---\ntitle: T\nunits: km\nrace: {{distance: half}}\nstart: 2027-01-11\n"
            f"periodization: {{deload: {{every: off}}, vacations: [{{{where}, style: easy, replace: true}}]}}\n---\n")
    for n in range(1, 8):
        text += f"## Week {n}\n- Tue: Easy 8 km\n- Thu: Tempo 8 km with 4 km @ threshold\n- Sun: Long {12 + n} km\n\n"
    text += "## Week 8\n- Tue: Easy 6 km\n- Sun: Race half\n"
    expanded = expand(plan_from(text))
    assert len(expanded.weeks) == 8 and expanded.race_date == date(2027, 3, 7)
    assert [w.kind for w in expanded.weeks].index("vacation") == 3
    assert not any("'replace: true'" in d.message for d in expanded.warnings)  # no advice to give what it did
    added = expand(plan_from(text.replace(", replace: true", "")))
    assert len(added.weeks) == 9 and any("with 'replace: true' it takes" in d.message for d in added.warnings)


def test_the_step_from_run_walk_to_running_without_stopping_is_no_lighter_week() -> None:
    """Fewer minutes on the feet, but all of them running, and more of it than the run-walk weeks
    ran: the weeks are counted by their running, and a week heavier in load is no recovery."""
    text = "---\ntitle: M\nunits: km\nperiodization: {deload: {every: off}}\n---\n"
    for n in range(1, 4):
        text += (f"## Week {n}\n- Tue: Run-walk 30 min: 2 x (12 min jog, 1 min walk)\n"
                 "- Thu: Run-walk 30 min: 2 x (12 min jog, 1 min walk)\n- Sun: Run-walk 40 min: 2 x (15 min jog, 1 min walk)\n\n")
    for n in range(4, 6):
        text += f"## Week {n}\n- Tue: Easy {20 + n} min\n- Thu: Easy {20 + n} min\n- Sun: Easy {25 + n} min\n\n"
    assert not any(w.step_back for w in expand(plan_from(text)).weeks)


def test_a_build_week_with_a_longer_long_run_is_no_lighter_week() -> None:
    """40 km after 46, but its long run grows from 16 to 17 km: a build week, not a recovery week."""
    text = "---\ntitle: D\nunits: km\nperiodization: {deload: {every: off}}\n---\n"
    for n, (easy, long) in enumerate([(10, 14), (12, 15), (15, 16), (8, 17), (14, 18)], start=1):
        text += f"## Week {n}\n- Tue: Easy {easy} km\n- Thu: Tempo 10 km with 5 km @ threshold\n- Sat: Easy 5 km\n- Sun: Long {long} km\n\n"
    assert not any(w.step_back for w in expand(plan_from(text)).weeks)


def test_a_taper_week_a_fifth_of_a_mile_over_its_cap_is_kept_as_written() -> None:
    """35 mi against a cap of 34.8: the VO2max session had lost half its repeats to save 0.2 mi (T3)."""
    text = "---\ntitle: P\nunits: mi\nrace: {distance: marathon}\nperiodization: {deload: {every: off}}\n---\n"
    week = "- Tue: Easy 10 mi\n- Wed: VO2max 8 mi: 4 x 1200 m @ 5K pace w/ 2 min jog\n- Thu: Easy 10 mi\n- Sat: Easy 10 mi\n- Sun: Long 20 mi\n"
    for n in range(1, 7):
        text += f"## Week {n}\n{week}\n"  # 58 mi
    text += "## Week 7\n- Tue: Easy 8 mi\n- Wed: Tempo 8 mi with 4 mi @ threshold\n- Thu: Easy 7 mi\n- Sat: Easy 4 mi\n- Sun: Long 16 mi\n\n"
    text += ("## Week 8\n- Tue: Recovery 4 mi\n- Wed: VO2max 8 mi: 4 x 1200 m @ 5K pace w/ 2 min jog\n"
             "- Fri: Easy 6 mi\n- Sat: Recovery 4 mi\n- Sun: Long 13 mi\n\n")
    text += "## Week 9\n- Tue: Easy 5 mi\n- Thu: Easy 5 mi\n- Sun: Race marathon\n"
    expanded = expand(plan_from(text))
    assert expanded.weeks[7].kind == "taper" and not any(p.original for p in expanded.weeks[7].sessions)


def test_a_week_lighter_only_beside_the_engines_deloads_is_a_loading_week_and_expanding_again_changes_nothing() -> None:
    """Week 9 rises again only past week 10: it would be the author's lighter week only if a deload
    replaced week 10, and recognising it moves that deload. The engine had flipped between the two
    layouts and kept whichever came last, and expanding its own output gave another plan."""
    e = expand(plan_from(fixture("lighter-beside-deloads.md")))
    assert kinds(e) == "ldldldldldl"  # every second week, as asked
    assert not [line for line in e.log if "lighter week you wrote" in line or "is not replaced" in line]
    again = expand(as_plan(e))
    assert [w.kind for w in again.weeks] == [w.kind for w in e.weeks]
    assert [[p.session for p in w.sessions] for w in again.weeks] == [[p.session for p in w.sessions] for w in e.weeks]


def test_reps_in_reserve_grow_in_a_deload_and_a_weight_in_each_hand_is_halved_in_each() -> None:
    """'@ 2 RIR' is RPE 8: a deload of fewer reps leaves more in reserve; 'the same reps at half
    the load' halves the weight in each hand, which stays in each hand."""
    week = "- Mon: Strength\n  - Back squat 3x5 @ 2 RIR\n  - Goblet squat 3x10 @ 24 kg each hand\n- Tue: Easy 6 km\n"
    for strategy, squat, goblet in (("reps", "Back squat 3x4 @ 3 RIR", "Goblet squat 3x8 @ 24 kg each hand"),
                                    ("load", "Back squat 3x5 @ 4 RIR", "Goblet squat 3x10 @ 12 kg each hand")):
        text = f"---\ntitle: R\nunits: km\nperiodization: {{deload: {{every: 2, mode: replace, strength: {strategy}}}}}\n---\n"
        text += "".join(f"## Week {n}\n{week}\n" for n in (1, 2))
        deload = expand(plan_from(text)).weeks[1]
        assert deload.kind == "deload"
        strength = next(p for p in deload.sessions if p.kind is K.STRENGTH).session.exercises
        assert [exercise_text(e) for e in strength] == [squat, goblet], strategy


def _holiday_plan(vacations: str, anchor: str) -> str:
    text = (f"---\ntitle: H\nunits: km\nrace: {{distance: half{anchor}}}\n"
            f"periodization: {{deload: {{every: off}}, vacations: [{vacations}]}}\n---\n")
    for n in range(1, 13):
        text += f"## Week {n}\n- Tue: Easy 8 km\n- Thu: Tempo 10 km with 5 km @ threshold\n- Sun: Long {12 + n // 2} km\n\n"
    return text + "## Week 13\n- Tue: Easy 6 km\n- Sun: Race half\n"


@pytest.mark.parametrize("anchor", ["", ", date: 2027-05-16"])
def test_two_holiday_weeks_in_a_row_by_number_stay_together(anchor: str) -> None:
    """'week: 7' and 'week: 8' are one two-week holiday: both added before your week 7. The
    second had been added before your week 8, with week 7's training between them."""
    e = expand(plan_from(_holiday_plan("{week: 7, style: easy}, {week: 8, style: rest}", anchor)))
    kinds = [w.kind for w in e.weeks]
    assert kinds[6:8] == ["vacation", "vacation"] and kinds.count("vacation") == 2
    assert [w.vacation for w in e.weeks[6:8]] == ["easy", "rest"]  # in the order written
    assert e.weeks[8].origin == 7  # then your week 7
    said = [w.message for w in e.warnings if w.code == "vacation-applied"]
    assert len(said) == 2 and all("before your week 7" in m for m in said) and "one holiday of two weeks" in said[1]


@pytest.mark.parametrize(("anchor", "first"), [(", date: 2027-05-16", None), ("", "2027-02-01")])
def test_two_dated_holiday_weeks_in_a_row_each_hold_their_date(anchor: str, first: str | None) -> None:
    """Holidays on 7 and 14 April: the weeks of 5-11 and 12-18 April. Placing the second had
    moved the first a week early (a plan dated by race day moves the weeks before an added one)."""
    text = _holiday_plan("{date: 2027-04-07, style: easy}, {date: 2027-04-14, style: rest}", anchor)
    e = expand(plan_from(text), start=date.fromisoformat(first) if first else None)
    holidays = [(w.start, w.vacation) for w in e.weeks if w.kind == "vacation"]
    assert holidays == [(date(2027, 4, 5), "easy"), (date(2027, 4, 12), "rest")]
    assert not [w for w in e.warnings if w.code == "vacation-changed"]


@pytest.mark.parametrize("anchor", ["", ", date: 2027-05-16"])
def test_a_holiday_of_three_weeks_by_number_is_three_weeks_in_a_row(anchor: str) -> None:
    """'week: 5', 'week: 6' and 'week: 7' are one holiday of three weeks, all before your week 5.
    Only two had fitted there: the third came after your weeks 5 and 6, a holiday split by training."""
    e = expand(plan_from(_holiday_plan("{week: 5}, {week: 6, style: rest}, {week: 7}", anchor)))
    kinds = [w.kind for w in e.weeks]
    assert kinds[4:7] == ["vacation"] * 3 and kinds.count("vacation") == 3
    assert [w.vacation for w in e.weeks[4:7]] == ["easy", "rest", "easy"]
    assert e.weeks[7].origin == 5  # then your week 5
    said = [w.message for w in e.warnings if w.code == "vacation-applied"]
    assert len(said) == 3 and all("before your week 5" in m for m in said)
    assert "your weeks 5 to 7 are one holiday of three weeks" in said[2]
    summary = engine_note(e)
    assert summary is not None and "vacation weeks added before your week 5" in summary.message


def test_a_holiday_at_the_start_of_the_plan_is_one_holiday_before_week_one() -> None:
    """'week: 1' and 'week: 2': both weeks away come first, and the summary says so in the author's
    numbers. The two had been split around your week 1, and said to be added "after your week 0"."""
    e = expand(plan_from(_holiday_plan("{week: 1}, {week: 2}", "")))
    assert [w.kind for w in e.weeks[:3]] == ["vacation", "vacation", "load"] and e.weeks[2].origin == 1
    summary = engine_note(e)
    assert summary is not None and "vacation weeks added before your week 1" in summary.message
    assert "week 0" not in summary.message


@pytest.mark.parametrize(("anchor", "first"), [(", date: 2027-05-16", None), ("", "2027-02-01")])
def test_a_dated_holiday_of_three_weeks_holds_each_of_its_dates(anchor: str, first: str | None) -> None:
    """Holidays on 7, 14 and 21 April: the weeks of 5, 12 and 19 April. The third had been left
    out ("no week could be added … without moving another vacation off its week")."""
    text = _holiday_plan("{date: 2027-04-07}, {date: 2027-04-14, style: rest}, {date: 2027-04-21}", anchor)
    e = expand(plan_from(text), start=date.fromisoformat(first) if first else None)
    holidays = [(w.start, w.vacation) for w in e.weeks if w.kind == "vacation"]
    assert holidays == [(date(2027, 4, 5), "easy"), (date(2027, 4, 12), "rest"), (date(2027, 4, 19), "easy")]
    assert not [w for w in e.warnings if w.code == "vacation-changed"]


def test_a_taper_weeks_longest_run_is_its_long_run_whatever_its_name() -> None:
    """Pfitzinger's second taper week has a 12-mile medium-long run on Sunday, after a 15-mile long
    run: the week is within its cap and stays as written. The run had been cut to the 9.5 miles of
    the week before's Wednesday medium-long run, as though it were an easy run that grew."""
    text = "---\ntitle: P\nunits: mi\nrace: {distance: marathon}\nperiodization: {deload: {every: off}}\n---\n"
    for n in range(1, 16):
        text += (f"## Week {n}\n- Tue: Intervals 9 mi: 5 x 1200 m @ 5K pace w/ 3 min jog\n- Wed: Medium-long run 12 mi\n"
                 f"- Thu: Recovery 5 mi\n- Sat: Easy 6 mi\n- Sun: Long run {14 + n % 3 * 2} mi\n\n")
    text += ("## Week 16\n- Tue: Intervals 8 mi: 5 x 1000 m @ 5K pace w/ 3 min jog\n- Wed: Medium-long run 10 mi\n"
             "- Thu: Recovery 4 mi\n- Sat: Easy 5 mi\n- Sun: Long run 15 mi\n\n"
             "## Week 17\n- Tue: Intervals 7 mi: 4 x 1200 m @ 5K pace w/ 3 min jog\n- Wed: Recovery 5 mi\n"
             "- Thu: Easy 6 mi\n- Sun: Medium-long run 12 mi\n\n"
             "## Week 18\n- Tue: Recovery 6 mi\n- Wed: Easy 7 mi\n- Fri: Recovery 5 mi\n- Sun: Race marathon\n")
    e = expand(plan_from(text))
    week17 = e.weeks[16]
    assert week17.kind == "taper" and note_text(week17.note).startswith("Taper (21-day taper): the week as written")
    sunday = next(p for p in week17.sessions if p.day == 7)
    assert sunday.session.total == Distance(12, "mi") and sunday.original is None
    assert not [w for w in e.warnings if w.code == "taper-unmarked" and "week 17" in w.message]


def test_jumps_written_with_words_after_their_reps_leave_race_week_too() -> None:
    """'Pogo jumps 2x30 contacts' and 'Depth jumps 3 x 5 from 40 cm box' had been notes: they
    stayed four days before a 10K while 'Box jump' went."""
    text = "---\ntitle: J\nunits: km\nrace: {distance: 10k}\nperiodization: {deload: {every: off}}\n---\n"
    for n in range(1, 4):
        text += f"## Week {n}\n- Tue: Easy 8 km\n- Wed: Strength\n  - Pogo jumps 2x30 contacts\n  - Calf raise 2x10\n- Sun: Long {10 + n} km\n\n"
    text += "## Week 4\n- Tue: Easy 6 km\n- Wed: Strength\n  - Pogo jumps 2x30 contacts\n  - Depth jumps 3 x 5 from 40 cm box\n  - Calf raise 2x10\n- Sun: Race 10K\n"
    e = expand(plan_from(text))
    wednesday = next(p for p in e.weeks[-1].sessions if p.day == 3)
    assert [x.name for x in wednesday.session.exercises] == ["Calf raise"]
    [note] = [w for w in e.warnings if w.code == "strength-near-race"]
    assert note.message.startswith("Pogo jumps and Depth jumps left out, 4 days before the race")


@pytest.mark.parametrize(("strategy", "shown"), [
    ("reps", ["Back squat 2x1 @ 87.5% 1RM", "Deadlift 5x4 @ 80% 1RM", "Trap-bar deadlift 3x2 @ RPE 7", "Split squat 3x6 @ 60% 1RM"]),
    ("sets", ["Back squat 1x2 @ 85% 1RM", "Deadlift 3x5 @ 77.5% 1RM", "Trap-bar deadlift 2x3 @ RPE 7", "Split squat 2x8 @ 60% 1RM"]),
])
def test_a_deload_of_heavy_sets_lowers_them_to_rpe_7(strategy: str, shown: list[str]) -> None:
    """'2x2 @ 92.5%' with fewer reps had been a heavy single at 92.5%, and fewer sets kept
    'RPE 9': no deload (S2, S6). A share of 1RM above RPE 7 at the deload's reps is lowered."""
    week = ("- Mon: Strength\n  - Back squat 2x2 @ 92.5%\n  - Deadlift 5x5 @ 85%\n"
            "  - Trap-bar deadlift 3x3 @ RPE 9\n  - Split squat 3x8 @ 60%\n")
    text = f"---\ntitle: H\nunits: km\nperiodization: {{deload: {{every: 2, mode: replace, strength: {strategy}}}}}\n---\n"
    deload = expand(plan_from(text + f"## Week 1\n{week}\n## Week 2\n{week}")).weeks[1]
    assert deload.kind == "deload"
    assert [exercise_text(e) for e in deload.sessions[0].session.exercises] == shown


def test_a_lighter_lifting_week_in_a_plan_of_running_and_lifting_is_the_coachs_lighter_week() -> None:
    """Week 4 halves the lifting and keeps the running. Its strength had not counted: the engine
    put a deload of its own right before it, two light lifting weeks in a row."""
    e = expand(plan_from(fixture("lighter-lifting.md")))
    assert kinds(e) == "lllsllldl"  # no deload after week 3; the rhythm counts from week 4
    assert ("week 4 is a lighter week you wrote (44% of the strength load before it, its running no heavier): "
            "the deload rhythm counts from it") in e.log
    assert note_text(e.weeks[3].note) == "A lighter week, as the coach wrote it"
    # Lifting 15% lighter is no lighter week: a strength deload cuts at least 25% (S3).
    text = fixture("lighter-lifting.md").replace("Back squat 2x6 @ 60%", "Back squat 4x6 @ 66%").replace(
        "Romanian deadlift 2x8 @ 40 kg", "Romanian deadlift 3x8 @ 52 kg")
    assert kinds(expand(plan_from(text)))[:5] == "llldl"


def test_a_dated_holiday_on_a_holiday_week_of_another_style_is_said() -> None:
    """A rest holiday on 7 April, in a week already an easy holiday by its number: it stays easy, and says so."""
    text = _holiday_plan("{week: 9, style: easy}, {date: 2027-04-07, style: rest}", ", date: 2027-05-16")
    e = expand(plan_from(text))
    holidays = [(w.start, w.vacation) for w in e.weeks if w.kind == "vacation"]
    assert holidays == [(date(2027, 4, 5), "easy")]
    [said] = [w.message for w in e.warnings if w.code == "vacation-changed"]
    assert said.startswith("vacation on 2027-04-07 (rest) falls in week") and said.endswith("it stays easy")


@pytest.mark.parametrize(("strategy", "long_run"), [("volume", "Long run 13.5 mi with 10.5 mi @ MP"),
                                                    ("intensity", "Long run 14.5 mi with 10.5 mi @ MP")])
def test_a_deload_shortens_a_long_runs_fast_block_as_it_does_a_quality_set(strategy: str, long_run: str) -> None:
    """Pfitzinger's recovery weeks cut the mileage and the speed work, the long run 17 to 12-13
    miles (R3). A long run with 14 miles at marathon pace had kept the block whole in a deload
    (18 to 16.5 miles, 14 at MP) while the easy runs lost 40%."""
    week = ("- Tue: Lactate threshold 10 mi w/ 6 mi @ 15K to HM pace\n- Wed: Medium-long run 12 mi\n- Fri: Recovery 5 mi\n"
            "- Sat: General aerobic 7 mi\n- Sun: Long 18 mi with 14 mi @ MP\n")
    text = f"---\ntitle: P\nunits: mi\nperiodization: {{deload: {{every: 4, strategy: {strategy}}}}}\n---\n"
    text += "".join(f"## Week {n}\n{week}\n" for n in range(1, 6))
    deload = expand(plan_from(text)).weeks[3]
    assert deload.kind == "deload"
    sunday = next(p for p in deload.sessions if p.day == 7)
    assert session_title(sunday.session, "mi") == long_run


def test_a_deloaded_carry_sled_or_erg_distance_is_one_a_coach_marks_out() -> None:
    """HYROX stations in a deload: 25 m sled pushes had become 19 m, 50 m carries 38 m and 250 m
    rows 188 m; they are 20, 40 and 200 m."""
    lifts = "  - Sled push 4x25 m @ 100 kg\n  - Farmers carry 4x50 m @ 32 kg each hand\n  - Row 4x250 m @ RPE 7\n"
    assert deloaded_lifts(lifts) == ["Sled push 4x20 m @ 100 kg", "Farmers carry 4x40 m @ 32 kg each hand",
                                     "Row 4x200 m @ RPE 6"]


def test_the_first_week_of_running_without_walks_is_no_lighter_week() -> None:
    """A return to running: 2 x 15 minutes with a walk between, then 20-25 minutes without one. Fewer
    minutes, but the running without a walk grows: the plan's progression, not a lighter week. It had
    been shown to readers as "A lighter week, as the coach wrote it"."""
    text = "---\ntitle: R\nunits: km\nperiodization: {deload: {every: off}}\n---\n"
    for n in range(1, 4):
        text += f"## Week {n}\n" + "".join(f"- {d}: Run-walk 31 min: 2 x (15 min jog, 1 min walk)\n" for d in ("Mon", "Wed", "Sat"))
    text += "## Week 4\n- Mon: Easy 20 min @ very easy\n- Wed: Easy 25 min @ very easy\n- Sat: Easy 25 min @ very easy\n"
    weeks = expand(plan_from(text)).weeks
    assert [w.step_back for w in weeks] == [False] * 4


def test_a_deload_in_a_phase_of_races_is_made_from_that_phase_not_an_older_one() -> None:
    """Lydiard's anaerobic weeks each hold a time trial: a week holding a race is no deload's model,
    so the deload after them had been made from the last hill week, four weeks back, and brought the
    hill circuits back into the track phase."""
    text = "---\ntitle: L\nunits: km\nrace: {distance: 10k}\nperiodization: {deload: {every: 4}, taper: false}\n---\n"
    for n in range(1, 4):
        text += f"## Week {n}\n- Tue: Easy 60 min\n- Thu: Hills 60 min with 30 min @ hill effort\n- Sun: Long 90 min\n\n"
    for n in range(4, 9):
        text += (f"## Week {n}\n- Tue: Easy 60 min\n- Thu: Intervals 60 min: 6 x 800 m @ 5K pace w/ 400 m jog\n"
                 f"- Sat: Race 3K\n- Sun: Long 80 min\n\n")
    text += "## Week 9\n- Tue: Easy 40 min\n- Sun: Race 10K\n"
    last = [w for w in expand(plan_from(text)).weeks if w.kind == "deload"][-1]
    assert last.number == 8 and [p.kind for p in last.sessions if p.kind.is_quality] == [K.INTERVALS]


def test_a_deload_due_on_a_week_of_races_is_said_and_no_rhythm_is_said_without_deloads() -> None:
    """A track season, a meet every Saturday, 'mode: replace': no week may be replaced, and no deload
    came, with seven notes on the rhythm and none on the deloads asked for. Without deloads
    ('every: off'), the notes on their rhythm are noise."""
    week = "- Tue: Intervals 6 km: 6 x 300 m @ mile pace w/ 300 m jog\n- Thu: Easy 5 km\n- Sat: Race 800 m\n"
    text = "---\ntitle: T\nunits: km\nperiodization: {deload: {every: 4, mode: replace}, taper: false}\n---\n"
    text += "".join(f"## Week {n}\n{week}\n" for n in range(1, 9))
    replaced = expand(plan_from(text))
    [said] = [w for w in replaced.warnings if w.code == "deload-dropped"]
    assert said.message.startswith("no deload in the plan: 7 of its weeks hold a race") and "every: off" in said.message
    assert not [w for w in replaced.weeks if w.kind == "deload"]
    # Two loading weeks first: the meets are full weeks the rhythm goes on through, and the deload due waits
    loading = "- Tue: Intervals 6 km: 6 x 300 m @ mile pace w/ 300 m jog\n- Thu: Easy 5 km\n- Sun: Long 10 km\n"
    full = text.split("## Week 1")[0] + "".join(
        f"## Week {n}\n{loading if n < 3 else loading.replace('- Sun', '- Sat: Race 800 m' + chr(10) + '- Sun')}\n"
        for n in range(1, 9))
    [said] = [w for w in expand(plan_from(full)).warnings if w.code == "deload-dropped"]
    assert "it holds a race, and a week holding one is never replaced" in said.message
    off = expand(plan_from(text.replace("every: 4, mode: replace", "every: off")))
    assert not [line for line in off.log if "rhythm" in line] and not [w for w in off.warnings if w.code == "deload-dropped"]


def test_a_galloway_step_back_with_a_long_run_without_walks_is_still_a_lighter_week() -> None:
    """Galloway's long runs have walk breaks, his easy runs none: a step-back week whose long run is a
    plain 4 miles is the author's lighter week. The rule for the first week without walks had taken it
    for a return to running, and replaced it with a deload."""
    text = "---\ntitle: G\nunits: mi\nperiodization: {deload: {every: 4, mode: replace}, taper: false}\n---\n"
    for n, long in enumerate(("5 mi: 20 x (2 min run, 30 s walk)", "6 mi: 24 x (2 min run, 30 s walk)",
                              "7 mi: 28 x (2 min run, 30 s walk)", "4 mi", "8 mi: 32 x (2 min run, 30 s walk)"), start=1):
        text += f"## Week {n}\n- Tue: Easy 30 min\n- Thu: Easy 30 min\n- Sun: Long {long}\n\n"
    weeks = expand(plan_from(text)).weeks
    assert weeks[3].step_back and weeks[3].kind == "load"


def test_a_deload_after_a_3k_leaves_one_easy_day_and_says_so() -> None:
    """The easy days after a 3K are one (Daniels: one for each 3 km raced): the note had read "in
    the 1 days after the race"."""
    from generator.render.notes import note_text

    text = "---\ntitle: T\nunits: km\nperiodization: {deload: {every: 4}, taper: false}\n---\n"
    for n in range(1, 5):  # week 3 is a full week with a 3K on its Sunday: the deload follows it
        race = "- Sat: Long 14 km\n- Sun: Race 3K\n" if n == 3 else "- Sun: Long 12 km\n"
        text += f"## Week {n}\n- Mon: Intervals 8 km: 6 x 800 m @ 5K pace w/ 400 m jog\n- Wed: Easy 8 km\n{race}\n"
    deload = next(w for w in expand(plan_from(text)).weeks if w.kind == "deload")
    assert "easy running only on the day after the race" in note_text(deload.note)
    assert deload.sessions[0].kind is K.EASY  # Monday, the day after the 3K


def test_no_deload_said_to_wait_when_a_lighter_week_of_the_authors_comes_soon() -> None:
    """Replace mode, a deload due on a full week holding a race: it waits, said once; not when the
    author's own lighter week follows (nor 'no deload in the plan' when the author wrote one)."""
    loading = "- Tue: Intervals 8 km: 6 x 800 m @ 5K pace w/ 400 m jog\n- Thu: Easy 8 km\n- Sun: Long 14 km\n"
    weeks = [loading] * 3 + [loading.replace("- Sun", "- Sat: Race 5K\n- Sun")]
    weeks += ["- Tue: Easy 6 km\n- Sun: Long 9 km\n"] + [loading] * 3
    text = "---\ntitle: T\nunits: km\nperiodization: {deload: {every: 4, mode: replace}, taper: false}\n---\n"
    text += "".join(f"## Week {n}\n{w}\n" for n, w in enumerate(weeks, start=1))
    assert not [w for w in expand(plan_from(text)).warnings if w.code == "deload-dropped"]


def test_a_week_the_taper_leaves_as_written_is_not_said_to_be_cut_again() -> None:
    """Lydiard's freshening week, lighter than the peak and the week before: the 10-day taper begins
    on its Friday and changes none of its sessions. It had been warned that the taper "cuts it again"."""
    text = "---\ntitle: L\nunits: km\nrace: {distance: 10k}\nperiodization: {deload: {every: off}}\n---\n"
    for n in range(1, 5):
        text += f"## Week {n}\n- Tue: Intervals 60 min: 6 x 800 m @ 5K pace w/ 400 m jog\n- Thu: Easy 60 min\n- Sun: Long 90 min\n\n"
    text += "## Week 5\n- Mon: Easy 50 min\n- Tue: Intervals 50 min: 6 x 400 m @ 5K pace w/ 400 m jog\n- Thu: Easy 40 min\n- Sat: Easy 20 min\n\n"
    text += "## Week 6\n- Tue: Easy 30 min\n- Sun: Race 10K\n"
    e = expand(plan_from(text))
    week5 = e.weeks[4]
    assert not any(p.original for p in week5.sessions)
    assert not [w for w in e.warnings if w.code == "taper-unmarked"]


def test_cross_training_by_distance_is_timed_at_its_sports_speed() -> None:
    """A triathlete's 'Bike 40 km' had been 260 minutes at the running easy pace (a load twice the
    10K race's), and 'Swim 1500 m' ten minutes."""
    text = ("---\ntitle: T\nunits: km\n---\n## Week 1\n- Mon: Swim 1500 m\n- Tue: Bike 40 km\n- Wed: Row 5 km\n"
            "- Thu: Cross-training 20 km bike\n- Sat: Cross-training 10 km\n")
    minutes = [round(p.minutes) for p in expand(plan_from(text)).weeks[0].sessions]
    assert minutes == [30, 96, 22, 48, 65]  # the last names no sport: at the plan's easy pace


def test_a_lighter_barbell_lift_is_never_below_the_empty_bar() -> None:
    """StrongLifts' first weeks in a 'strength: load' deload: half of a 27.5 kg bench press had been
    12.5 kg, lighter than the bar it is lifted on. The bar it is; a lift at the bar already loses reps."""
    lifts = ("  - Bench press 5x5 @ 27.5 kg\n  - Overhead press 5x5 @ 20 kg\n  - Goblet squat 3x10 @ 16 kg\n"
             "  - Deadlift 1x5 @ 60 kg\n")
    text = "---\ntitle: W\nperiodization: {deload: {every: 2, strength: load}}\n---\n"
    text += "".join(f"## Week {n}\n- Mon: Strength\n{lifts}\n" for n in range(1, 4))
    deload = next(w for w in expand(plan_from(text)).weeks if w.kind == "deload")
    assert [exercise_text(x) for x in deload.sessions[0].session.exercises] == [
        "Bench press 5x5 @ 20 kg", "Overhead press 5x4 @ 20 kg", "Goblet squat 3x10 @ 8 kg", "Deadlift 1x5 @ 30 kg"]


def test_a_taper_asked_for_in_a_plan_without_a_race_is_said() -> None:
    """A lifter's 'taper: {days: 7}' with no race: no taper, and nothing had been said."""
    text = "---\ntitle: S\nunits: km\nperiodization:\n  taper: {days: 7}\n---\n"
    text += "".join(f"## Week {n}\n- Mon: Strength\n  - Squat 5x5 @ 100 kg\n" for n in range(1, 5))
    [said] = [w for w in expand(plan_from(text)).warnings if w.code == "taper-no-race"]
    assert said.line == 5 and said.message.startswith("no taper: the plan has no race to taper into")
    marked = text.replace("## Week 4\n", "## Week 4 {taper}\n")  # the author's own taper: nothing to say
    assert not [w for w in expand(plan_from(marked)).warnings if w.code == "taper-no-race"]


def test_a_deload_unloads_the_cross_training_too() -> None:
    """A triathlete's run plan: a 30% deload had cut every run and kept all three 90-minute rides
    and the swims, and then been said "only 14% lighter ... only its long run is shorter, not its
    volume" though its running had lost 29%."""
    week = ("- Mon: Swim 2200 m\n- Tue: Intervals 8 km: 5 x 1 km @ 10K pace w/ 2 min jog\n- Wed: Bike 90 min\n"
            "- Thu: Easy 8 km\n- Sat: Bike 90 min\n- Sun: Long 14 km\n")
    text = "---\ntitle: T\nunits: km\nperiodization: {deload: {every: 3, cut: 30%}}\n---\n"
    e = expand(plan_from(text + "".join(f"## Week {n}\n{week}\n" for n in range(1, 5))))
    deload = next(w for w in e.weeks if w.kind == "deload")
    assert [session_title(p.session, "km") for p in deload.sessions if p.kind is K.CROSS] == [
        "Swim 1500 m", "Bike 1 h 05 min", "Bike 1 h 05 min"]
    assert not [w for w in e.warnings if w.code == "deload-too-small"]


def test_a_session_marked_keep_is_as_written_in_a_deload_and_the_taper() -> None:
    """A postnatal plan's tests had been repeated at lower pass marks in a deload (1x5 s, not 1x10 s),
    and a parkrun cut to 4 km. Marked {keep}, each stays as written; the other sessions are cut."""
    week = ("- Tue: Strength 30 min — load and impact tests {keep}\n  - Single-leg balance 1x10 s each leg\n"
            "  - Single-leg calf raise 1x20 each leg\n- Thu: Easy 8 km\n- Sat: Easy 5 km — parkrun {keep}\n- Sun: Long 12 km\n")
    text = "---\ntitle: T\nunits: km\nrace: {distance: 10k}\nperiodization: {deload: {every: 3}}\n---\n"
    text += "".join(f"## Week {n}\n{week}\n" for n in range(1, 8)) + "## Week 8\n- Thu: Easy 5 km\n- Sun: Race 10K\n"
    plan = plan_from(text)
    written = {s.day: s for s in plan.weeks[0].sessions}
    assert written[6].keep and not written[4].keep and "{keep}" not in written[6].comment
    for week in expand(plan).weeks:
        if week.kind in ("deload", "taper"):
            by_day = {p.day: p.session for p in week.sessions}
            lifts = [exercise_text(x) for x in by_day[2].exercises]
            assert lifts == [exercise_text(x) for x in written[2].exercises] and by_day[6].total == written[6].total, week.number
            assert by_day[4].total != written[4].total  # the others are cut


def test_a_kept_session_of_a_week_a_deload_replaces_is_in_the_deload() -> None:
    """Replace mode: week 4's test, marked {keep}, had been a rest day "was: Strength …", the deload
    being built from week 3, which has none. A rest vacation still takes a kept session."""
    test = "- Fri: Strength 30 min — load and impact tests {keep}\n  - Single-leg balance 1x10 s each leg\n"
    text = "---\ntitle: K\nunits: km\nperiodization: {deload: {every: 4, mode: replace}}\n---\n"
    for n in range(1, 9):
        text += f"## Week {n}\n- Tue: Easy 30 min\n{test if n in (4, 8) else ''}- Sun: Easy {20 + n} min\n\n"
    deloads = [w for w in expand(plan_from(text)).weeks if w.kind == "deload"]
    assert len(deloads) == 2 and all(any(p.kind is K.STRENGTH and p.session.keep for p in w.sessions) for w in deloads)
    away = expand(plan_from(text.replace("mode: replace}", "mode: replace}, vacations: [{week: 8, style: rest}]")))
    assert not any(p.session.keep for w in away.weeks if w.kind == "vacation" for p in w.sessions)


@pytest.mark.parametrize(("lift", "deloaded"), [("Squats 5x5 @ 32.5 kg", "Squats 5x5 @ 20 kg"), ("Press 5x5 @ 25 kg", "Press 5x5 @ 20 kg"),
                                                ("Power cleans 5x3 @ 30 kg", "Power cleans 5x3 @ 20 kg"),
                                                ("Bench dips 3x10 @ 30 kg", "Bench dips 3x10 @ 15 kg")])
def test_a_barbell_lift_by_its_common_names(lift: str, deloaded: str) -> None:
    """Plurals and Starting Strength's 'Press' are barbell lifts; 'Bench dips' is none."""
    text = "---\ntitle: W\nperiodization: {deload: {every: 2, strength: load}}\n---\n"
    text += "".join(f"## Week {n}\n- Mon: Strength\n  - {lift}\n\n" for n in range(1, 4))
    deload = next(w for w in expand(plan_from(text)).weeks if w.kind == "deload")
    assert [exercise_text(x) for x in deload.sessions[0].session.exercises] == [deloaded]


def test_cross_training_takes_its_sport_from_its_name_first_and_keeps_its_own_structure() -> None:
    """'Bike 40 km — after the morning swim' is a ride (it had been timed as a swim, 800 minutes); a
    ride with its own intervals is not shortened around them in a deload."""
    text = ("---\ntitle: T\nunits: km\nperiodization: {deload: {every: 2}}\n---\n"
            + "".join(f"## Week {n}\n- Tue: Bike 40 km — after the morning swim\n- Thu: Bike 40 min: 4 x 8 min @ threshold w/ 2 min easy\n"
                      f"- Sun: Long 12 km\n\n" for n in range(1, 4)))
    weeks = expand(plan_from(text)).weeks
    assert round(weeks[0].sessions[0].minutes) == 96
    deload = next(w for w in weeks if w.kind == "deload")
    assert deload.sessions[1].session.total == Duration(40 * 60)


def test_a_vacation_keeps_an_easy_runs_own_easiness_and_drops_the_notes_of_what_it_no_longer_is() -> None:
    """In a vacation week 'Easy 6 km @ Z2' had become 'Easy 4 km' (the coach's Z2 gone), while the
    intervals turned easy run kept 'Run each kilometre hard' under it, in the feed as on the page.
    The easy target stays, a long run's marathon pace goes, and the notes of the quality session go."""
    week = ("- Tue: Intervals 9 km: 5 x 1 km @ 5K pace w/ 2 min jog\n  - Run each kilometre hard.\n"
            "- Wed: Easy 6 km @ under 140 bpm\n- Thu: Easy 6 km @ Z2\n- Fri: Easy 5 km @ RPE 3\n"
            "- Sat: Easy 6 km @ 160-175 bpm\n- Sun: Long 14 km with the last 2 km @ 10K pace\n"
            "  - Then the last 2 km at your goal 10K pace.\n")
    plan = plan_from("---\ntitle: V\nunits: km\nperiodization:\n  deload: {every: 6}\n  vacations: [{week: 2}]\n---\n"
                     + "".join(f"## Week {n}\n{week}" for n in (1, 2, 3)))
    vacation = next(w for w in expand(plan).weeks if w.kind == "vacation")
    by_day = {p.session.day: p.session for p in vacation.sessions}
    assert by_day[2].kind is SessionKind.EASY and by_day[2].notes == ""
    assert by_day[4].target is not None and by_day[4].target.text == "Z2"
    assert by_day[5].target is not None and by_day[5].target.text == "RPE 3"
    assert by_day[7].target is None and not by_day[7].main and by_day[7].notes == ""  # its fast finish and the note of it
    assert by_day[3].target is not None and by_day[6].target is None  # a heart-rate cap stays; 160-175 bpm is no easy run


def test_a_standing_rest_between_repeats_covers_no_distance() -> None:
    """'Track 5 mi: 12 x 400 m @ mile pace w/ 60 s rest' had counted its eleven rests as 1.3 km of
    jogging, leaving a 0.5 mi warm-up where a coach means about a mile; a walk counts a brisk walk's."""
    from generator.describe import workout_lines

    plan = plan_from("---\ntitle: T\nunits: mi\n---\n## Week 1\n- Tue: Track 5 mi: 12 x 400 m @ mile pace w/ 60 s rest\n"
                     "- Thu: Track 5 mi: 12 x 400 m @ mile pace w/ 60 s jog\n")
    rest, jog = (workout_lines(p.workout, "mi") for p in expand(plan).weeks[0].sessions)
    assert rest[0] == "Warm-up 1 mi" and rest[-1] == "Cool-down 1 mi"
    assert jog[0] == "Warm-up 0.5 mi"


def test_a_shortened_runs_climbing_is_shortened_with_it() -> None:
    """An ultra's taper cut 'Long run 6 h — 6,000 ft D+' to 2 h 40 min and kept the 6,000 ft: no
    taper run. The climbing in its comment is cut by as much, to the nearest 100 ft (50 m)."""
    week = "- Tue: Easy 60 min @ Z2\n- Sat: Long run {h} h @ Z2 — {ft},000 ft D+\n- Sun: Hike 3 h @ Z1 — 1500 m of climbing, poles\n"
    plan = plan_from("---\ntitle: U\nunits: mi\nrace: {distance: 100 mi}\n---\n"
                     + "".join(f"## Week {n}\n" + week.format(h=3 + n, ft=3 + n) for n in range(1, 6))
                     + "## Week 6\n- Sat: Race 100 mi\n")
    checked = []
    for w in expand(plan).weeks:
        for p in w.sessions:
            if p.original is None or p.session.total == p.original.total or not p.session.comment:
                continue
            ratio = p.session.total.seconds / p.original.total.seconds  # type: ignore[union-attr]
            written = p.original.comment
            checked.append("ft" in written)
            if "ft" in written:
                feet = int(written.split(",")[0].lstrip("— ")) * 1000
                assert p.session.comment == f"{round(feet * ratio / 100) * 100:,} ft D+"
            else:
                assert p.session.comment == f"{round(1500 * ratio / 50) * 50} m of climbing, poles"
    assert True in checked and False in checked


def test_metres_of_strides_in_a_comment_are_no_climbing_to_scale() -> None:
    """'— finish with 6 x 100 m uphill strides' had become '6 x 50 m' in a deload week."""
    weeks = "".join(f"## Week {n}\n- Tue: Easy 8 km — finish with 6 x 100 m uphill strides\n- Sun: Long {12 + n} km\n"
                    for n in range(1, 5))
    expanded = expand(plan_from("---\ntitle: S\nunits: km\nperiodization:\n  deload: {every: 3}\n---\n" + weeks))
    assert {p.session.comment for w in expanded.weeks for p in w.sessions if p.kind is SessionKind.EASY} == {
        "finish with 6 x 100 m uphill strides"}
    assert any(w.kind == "deload" for w in expanded.weeks)


def test_a_deload_that_sets_a_run_walk_progression_back_is_said() -> None:
    """Couch to 5K grows by its spells: a deload made from a week of 20-minute runs cut them to 15
    minutes, behind the 20 minutes already run the week before, with nothing said."""
    stages = ("3 x (5 min jog, 3 min walk)", "2 x (8 min jog, 5 min walk)", "20 min jog", "2 x (10 min jog, 3 min walk)",
              "25 min jog", "28 min jog")
    weeks = "".join(f"## Week {n}\n" + "".join(f"- {d}: Run-walk 35 min: 5 min walk, {stage}, 5 min walk\n" for d in ("Mon", "Wed", "Sat"))
                    for n, stage in enumerate(stages, 1))
    expanded = expand(plan_from("---\ntitle: C\nunits: km\nperiodization:\n  deload: {every: 3}\n---\n" + weeks))
    said = [w for w in expanded.warnings if w.code == "deload-spells"]
    assert len(said) == 1 and "shortens your run-walk spells" in said[0].message
    plain = expand(plan_from("---\ntitle: E\nunits: km\nperiodization:\n  deload: {every: 3}\n---\n"
                             + "".join(f"## Week {n}\n- Tue: Easy {5 + n} km\n- Sun: Long {10 + n} km\n" for n in range(1, 7))))
    assert not [w for w in plain.warnings if w.code == "deload-spells"]


def test_a_deload_the_author_wrote_is_not_said_to_set_spells_back_and_distance_spells_read_as_written() -> None:
    """A week marked {deload} is the coach's own: the warning had told them to do what they had
    done, and could not be silenced. Spells by distance had been given as made-up times."""
    marked = ("---\ntitle: M\nunits: km\nperiodization:\n  deload: {every: off}\n---\n"
              "## Week 1\n- Mon: Run-walk 30 min: 5 x 4 min run w/ 2 min walk\n"
              "## Week 2\n- Mon: Run-walk 30 min: 4 x 6 min run w/ 90 s walk\n"
              "## Week 3 {deload}\n- Mon: Run-walk 20 min: 4 x 3 min run w/ 2 min walk\n"
              "## Week 4\n- Mon: Run-walk 32 min: 4 x 7 min run w/ 1 min walk\n")
    assert not [w for w in expand(plan_from(marked)).warnings if w.code == "deload-spells"]
    spells = ("400 m", "600 m", "800 m", "1 km", "1200 m", "1400 m", "1600 m", "2 km")
    weeks = "".join(f"## Week {n}\n" + "".join(f"- {day}: Run-walk: 2 x {spell} run w/ 400 m walk\n" for day in ("Mon", "Wed", "Sat"))
                    for n, spell in enumerate(spells, 1))
    said = [w for w in expand(plan_from("---\ntitle: D\nunits: km\nperiodization:\n  deload: {every: 3}\n---\n"
                                        + weeks)).warnings if w.code == "deload-spells"]
    assert len(said) == 1 and " min" not in said[0].message.split("week marked")[0], said[0].message
    assert "than the 800 m of week 4 (your week 3) (and in week 9 (added after your week 6))" in said[0].message, said[0].message


def test_a_taper_a_few_minutes_over_its_cap_trims_the_easy_running_of_an_80_20_week() -> None:
    """80/20 writes every run as zones ('Long run 70 min: 5 min Z1, 60 min Z2, 5 min Z1'). The easy
    runs had counted as untouchable sets: a week 3 minutes over the taper's cap lost a third of its
    speed repeats and cruise intervals and 20 minutes of long run, and writing 5 minutes more gave
    47 minutes less. The cut now comes off the Z2 body of an easy run; the quality is kept (T3)."""
    week = ("- Tue: Speed: 5 min Z1, 5 min Z2, {n} x 1 min Z5 w/ 2 min Z1, 5 min Z2, 5 min Z1\n"
            "- Wed: Foundation run 40 min: 5 min Z1, 30 min Z2, 5 min Z1\n"
            "- Thu: Cruise intervals: 5 min Z1, 5 min Z2, 3 x {t} min Z3 w/ 2 min Z1, 5 min Z2, 5 min Z1\n"
            "- Sat: Foundation run 35 min: 5 min Z1, 25 min Z2, 5 min Z1\n"
            "- Sun: Long run {long} min: 5 min Z1, {body} min Z2, 5 min Z1\n")
    peak = "- Mon: Foundation run 45 min: 5 min Z1, 35 min Z2, 5 min Z1\n" + week.format(n=10, t=12, long=100, body=90)
    text = ("---\ntitle: E\nunits: km\nzones: 80/20\nrace: {distance: half}\n---\n"
            + "".join(f"## Week {n}\n{peak}" for n in (1, 2))
            + "## Week 3 — Taper\n" + week.format(n=6, t=8, long=80, body=70)
            + "## Week 4 — Race week\n- Tue: Foundation run 30 min: 5 min Z1, 20 min Z2, 5 min Z1\n- Sun: Race half\n")
    expanded = expand(plan_from(text))
    taper = next(w for w in expanded.weeks if w.kind == "taper")
    titles = [session_title(p.session, "km") for p in taper.sessions]
    assert any("6 x 1 min" in t for t in titles) and any("3 x 8 min" in t for t in titles), titles
    long_run = next(p.session for p in taper.sessions if p.kind is SessionKind.LONG)
    steps = [part.amount.seconds / 60 for part in long_run.main]  # type: ignore[union-attr]
    assert steps[0] == steps[-1] == 5 and 55 <= steps[1] < 70 and long_run.total.seconds / 60 == sum(steps), steps  # type: ignore[union-attr]


def test_a_rest_vacation_writes_no_english_into_a_plan_of_another_language() -> None:
    """A French plan's rest week had 'Mobilité 20 min — instead of training this week' on its
    page and in its calendar: the engine writes no words; the week's note says why."""
    text = _holiday_plan("{week: 7, style: rest}", "")
    e = expand(plan_from(text))
    rest = e.weeks[6]
    assert rest.vacation == "rest" and rest.sessions and all(p.kind is K.MOBILITY for p in rest.sessions)
    assert all(not p.session.comment for p in rest.sessions if p.session.total == Duration(20 * 60))


@pytest.mark.parametrize(("language", "week", "day", "sunday", "jumps", "kept"), [
    ("fr", "Semaine", "Mercredi : Renforcement", "Dimanche : Compétition 10 km", ["Fentes sautées 3x8", "Squats sautés 3x8"],
     "Gainage"),
    ("de", "Woche", "Mi: Kraft", "So: Wettkampf 10 km", ["Hocksprünge 3x8", "Ausfallschrittsprünge 3x8"], "Unterarmstütz"),
    ("es", "Semana", "X: Fuerza", "D: Carrera 10 km", ["Sentadillas con salto 3x8", "Saltos al cajón 3x5"], "Plancha"),
    ("nl", "Week", "Wo: Kracht", "Zo: Wedstrijd 10 km", ["Squatsprongen 3x8", "Boxsprongen 3x5"], "Plank"),
])
def test_jumps_named_in_the_plans_language_leave_race_week_too(language: str, week: str, day: str, sunday: str,
                                                                jumps: list[str], kept: str) -> None:
    """'Fentes sautées' and 'Hocksprünge' had stayed 4 days before the race, under a note that said
    no jumps in the last 7 days: the rule knew English names only."""
    text = f"---\ntitle: J\nunits: km\nlanguage: {language}\nrace: {{distance: 10k}}\nperiodization: {{deload: {{every: off}}}}\n---\n"
    strength = "".join(f"  - {line}\n" for line in [*jumps, f"{kept} 3x45 s"])
    for n in range(1, 4):
        text += f"## {week} {n}\n- {day}\n{strength}\n"
    text += f"## {week} 4\n- {day}\n{strength}- {sunday}\n"
    e = expand(plan_from(text))
    wednesday = next(p for p in e.weeks[-1].sessions if p.day == 3)
    assert [x.name for x in wednesday.session.exercises] == [kept]


def test_a_rest_holidays_volume_reads_no_running() -> None:
    """A rest week's page and calendar had said 'Semaine de vacances · 0 min', beside five mobility sessions."""
    from generator.render.views import week_volume_text

    e = expand(plan_from(_holiday_plan("{week: 7, style: rest}", "")))
    assert week_volume_text(e, e.weeks[6]) == "no running"
    assert week_volume_text(e, e.weeks[5]) != "no running"


def test_ankle_work_is_no_jump_in_german() -> None:
    """'Sprunggelenk' (the ankle) had matched the jumps' 'Sprung': ankle stability left race week."""
    from generator.model import Exercise
    from generator.periodize.strength import is_heavy_lower_body

    source = plan_from("---\ntitle: S\n---\n## Week 1\n- Mon: Easy 5 km\n").weeks[0].sessions[0].source
    assert not is_heavy_lower_body(Exercise("Sprunggelenk-Stabilisation", 3, 30, "s", None, source))
    assert is_heavy_lower_body(Exercise("Strecksprünge", 3, 8, "reps", None, source))


def test_an_uphill_hike_is_walking_as_a_power_hike_is() -> None:
    """'10 min uphill hike' had counted as running: a false 50% volume jump on the week after one of power hikes."""
    from generator.periodize.volume import running_share

    plan = plan_from("---\ntitle: K\nunits: km\n---\n## Week 1\n- Sat: Long 3 h: 6 x (20 min run, 10 min uphill hike)\n"
                     "- Sun: Long 3 h: 6 x (20 min run, 10 min power hike)\n")
    assert [round(running_share(s), 2) for s in plan.weeks[0].sessions] == [0.67, 0.67]


def test_sub_threshold_weighs_under_the_threshold_whatever_the_sessions_name() -> None:
    """'Intervals 8 x 3 min @ sub-threshold' had weighed more than '@ threshold' (46.6 against 44.2),
    and 38.1 as 'Threshold …': an effort without a pace had weighed as the session's name."""
    lines = ["Intervals 30 min: 8 x 3 min @ sub-threshold w/ 1 min jog", "Threshold 30 min: 8 x 3 min @ sub-threshold w/ 1 min jog",
             "Intervals 30 min: 8 x 3 min @ threshold w/ 1 min jog"]
    plan = plan_from("---\ntitle: N\nunits: km\n---\n## Week 1\n" + "".join(f"- {d}: {line}\n" for d, line in zip(("Tue", "Thu", "Sat"), lines, strict=True)))
    loads = [p.load for p in expand(plan).weeks[0].sessions]
    assert loads[0] == loads[1] < loads[2], loads


def test_parts_that_hold_more_than_the_sessions_distance_are_said() -> None:
    """'Track 3 mi: 10 min warm-up, 5 x 1600 m …, 10 min cool-down' had passed: the week counted 3 miles
    of a session of about 7. Parts by distance alone are the parser's error; mixed ones are estimated."""
    week = ("- Tue: Track 3 mi: 10 min warm-up, 5 x 1600 m @ 5K pace w/ 1 min rest, 10 min cool-down\n"
            "- Thu: Track 8 mi: 10 min warm-up, 5 x 1600 m @ 5K pace w/ 1 min rest, 10 min cool-down\n"
            "- Sat: Intervals 30 min: 5 x 1000 m @ 5K pace w/ 3 min jog\n")  # a time: a fast runner's may be right
    said = [w for w in expand(plan_from("---\ntitle: T\nunits: mi\n---\n## Week 1\n" + week)).warnings
            if w.code == "parts-over-total"]
    assert [w.line for w in said] == [6] and "more than the 3.0 mi" in said[0].message


def test_a_lactate_target_weighs_as_its_intensity_not_as_the_sessions_name() -> None:
    """'6 x 6 min @ 2.5-3.0 mmol' had weighed more than '@ threshold' in an 'Intervals' session."""
    def load(target: str) -> float:
        e = expand(plan_from(f"---\ntitle: N\nunits: km\n---\n## Week 1\n- Tue: Intervals 60 min: 6 x 6 min @ {target} w/ 1 min jog\n"))
        return e.weeks[0].sessions[0].load

    assert load("2.5-3.0 mmol") == load("sub-threshold") < load("threshold") == load("4 mmol")


def test_walks_and_hikes_are_no_parts_over_their_total() -> None:
    """'Walk 5 km: 50 min brisk walk' (6 km/h exactly) and 'Long 20 km: 6 x (15 min run, 15 min power hike)'
    had been said to hold 7.1 and 26.3 km: a walk's or a hike's speed is nobody's to estimate."""
    week = ("- Tue: Walk 5 km: 50 min brisk walk\n- Thu: Power hike 8 km: 30 min walk, 60 min uphill hike, 30 min walk\n"
            "- Sun: Long 20 km: 6 x (15 min run, 15 min power hike)\n")
    assert not [w for w in expand(plan_from("---\ntitle: W\nunits: km\n---\n## Week 1\n" + week)).warnings
                if w.code == "parts-over-total"]
