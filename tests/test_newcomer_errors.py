"""The mistakes a newcomer makes, each said at its line with the fix it needs (from a trial of
init, new, check and build by a first-time user)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.config import Settings
from generator.errors import DeloadError
from generator.model import Distance, Duration
from generator.source.reader import parse_plan_text

SETTINGS = Settings(root=Path("."))


def errors(text: str) -> list[str]:
    try:
        _, diagnostics = parse_plan_text(text.encode(), "plan.md", "plan", SETTINGS)
    except DeloadError as exc:
        diagnostics = exc.diagnostics
    return [d.format() for d in diagnostics if d.is_error]


@pytest.mark.parametrize(("line", "said"), [
    ("- Tue: Easy 5km at easy pace", "plan.md:6:17: error: a target follows '@': write '@ easy pace'"),
    ("- Tu: Easy 5 km", "e.g. 'Tue: Easy 5 km'"),  # the line itself, in the plan's units, on its nearest day
    ("- Th: Long 12 km", "e.g. 'Thu: Long 12 km'"),
    # race paces Deload has none for: a track race's, one between those it knows, an ultra's
    ("- Tue: Intervals 6 km: 6 x 300 m @ 1000m pace w/ 300 m jog", "the paces of Deload's model run from 1500 m"),
    ("- Tue: Intervals 8 km: 4 x 1 km @ 2 mile pace w/ 400 m jog", "give the nearest ('@ 3K pace', '@ 5K pace')"),
    # HYROX's stations among a run's parts: they had been "unknown unit 'wall'" and "did you mean 'metres'?"
    ("- Tue: Intervals 50 min: 4 x (1 km @ 10K pace, 20 wall balls @ 6 kg)", "'20 wall balls' reads as a strength exercise"),
    ("- Tue: Intervals 50 min: 4 x (1 km @ 10K pace, 20 reps wall balls)", "'20 reps wall balls' reads as a strength exercise"),
    ("- Sat: Strength\n  - Run 1x1 km @ 10K pace", "a run is no strength exercise: write it as a session of its own"),
    # a word the brackets cannot read, before their closing bracket: it had been "this bracket is never closed"
    ("- Tue: Hills 8 km: 6 x (300 m bounding, 300 m jog)", "plan.md:6:31: error: unexpected 'bounding, 300 m jog)' inside the brackets"),
    # sets of repeats without brackets: they had been "unknown unit 'sets' — did you mean 'secs'?" and "repeats go after ':'"
    ("- Tue: Intervals 40 min: 2 sets of 10 x 30/30 @ 5K pace w/ 3 min jog",
     "plan.md:6:26: error: sets of repeats go in brackets, with the recovery between the sets after them: '2 x (10 x 30/30"),
    ("- Tue: Intervals 40 min: 2 x 10 x 30/30 @ 5K pace", "plan.md:6:30: error: sets of repeats go in brackets"),
    # a coach's trial: an ultra's race effort had been "did you mean '10k effort'?", climbing before the
    # session's effort "'3' needs a unit", Higdon's "3 mi pace" and "30 min stretch & strength" "unknown session kind"
    ("- Sat: Long run 5 h @ 100-mile effort", "'100-mile effort' is no race pace Deload knows: give the effort"),
    ("- Sun: Power hike 3 h with 3,000 ft D+ @ Z1", "write it in a comment, e.g. 'Power hike 3 h @ Z1 — 3,000 ft D+'"),
    ("- Thu: Run 3 mi @ pace", "'pace' alone names no pace: write '@ goal pace' (the plan's race pace)"),
    ("- Fri: 3 mi pace", "write the kind of session first, then its length and pace: 'Run 3 mi @ goal pace'"),
    ("- Wed: 30 min stretch & strength", "write the kind of session first, then its length: 'Strength 30 min — stretch & strength'"),
    ("- Sat: Strength\n  - Box step-up 4x10 @ 20% bodyweight", "a share of bodyweight is no load Deload can weigh or halve"),
    ("- Sat: Strength\n  - Box step-up 4x10 @ 10% bodyweight", "('@ 15 lb' for 10% of 150 lb, '@ 7 kg' of 70 kg)"),
    # the warm-up read as the session's length: the fix had been "write a comment", which loses the main set
    ("- Thu: Intervals 15 min warm-up, 6 x 6 min @ Z4 w/ 1 min, 10 min cool-down",
     "follows ':' after the session's kind: 'Intervals: 15 min warm-up, 6 x 6 min @ …'"),
])
def test_a_session_line_mistake_is_said_with_its_fix(line: str, said: str) -> None:
    [error] = errors(f"---\ntitle: P\nunits: km\n---\n## Week 1\n{line}\n")
    assert said in error


def test_gzclp_day_names_name_a_strength_session() -> None:
    """'Strength A1' (GZCLP's days A1, B1, A2, B2) had been refused as an exercise list after a colon
    the line does not have."""
    text = "---\ntitle: P\nunits: km\n---\n## Week 1\n- Mon: Strength A1\n  - Squat 5x3+ @ 80 kg\n"
    plan, diagnostics = parse_plan_text(text.encode(), "plan.md", "plan", SETTINGS)
    assert [d.format() for d in diagnostics if d.is_error] == []
    assert plan.weeks[0].sessions[0].name == "Strength A1"


def test_a_date_without_its_zeros_is_said_as_it_should_be_written() -> None:
    [error] = errors("---\ntitle: P\nunits: km\nrace: {distance: 10k, date: 2027-4-18}\n---\n## Week 1\n- Sun: Race 10K\n")
    assert error.endswith("'race.date' is '2027-4-18': write a date with two-digit months and days, '2027-04-18'")


@pytest.mark.parametrize(("written", "minutes"), [("80 min", 80), ("1 h 20 min", 80), ("1h20", 80), ("1:20:00", 80),
                                                  ("1.5 h", 90), ("6 h", 360), ("'45:00'", 45)])  # as 'Race 45:00' reads
def test_a_timed_race_is_written_as_a_sessions_length_is(written: str, minutes: int) -> None:
    """'80 min' had been 'unknown unit 'min' — did you mean 'min'?', and '1 h 20 min' refused."""
    text = f"---\ntitle: P\nunits: km\nrace: {{distance: {written}}}\n---\n## Week 1\n- Sun: Race\n"
    plan, diagnostics = parse_plan_text(text.encode(), "plan.md", "plan", SETTINGS)
    assert [d.format() for d in diagnostics if d.is_error] == []
    assert plan.weeks[0].sessions[0].total == Duration(minutes * 60)


def test_new_with_an_unquoted_distance_says_to_quote_it(tmp_path: Path) -> None:
    (tmp_path / "deload.toml").write_text("")
    result = CliRunner().invoke(main, ["new", "My 10K plan", "--race", "10", "-C", str(tmp_path)])
    assert result.exit_code == 2 and "in quotes: --race '10 km'" in result.output


@pytest.mark.parametrize(("text", "number"), [("Four", 4), ("twenty-one", 21), ("Twenty One", 21), ("thirty", 30),
                                              ("twenty-ten", None), ("fourty", None)])
def test_a_week_number_in_words_is_read_whole(text: str, number: int | None) -> None:
    """'## Week Twenty-One' had been read as week 20, and said to be a duplicate."""
    from generator.source.headings import spelt_number

    assert spelt_number(text) == number


def test_a_timed_race_in_minutes_and_seconds_that_meant_hours_is_said_with_the_fix() -> None:
    [error] = errors("---\ntitle: P\nunits: km\nrace: {distance: '12:30'}\n---\n## Week 1\n- Sun: Race\n")
    assert error.endswith("a timed race of 12:30 is not plausible (expected 30 min to 240 h); for 12 h 30 min write '12:30:00'")


@pytest.mark.parametrize(("text", "seconds"), [("1:20:00", 4800), ("45:00", 2700), ("2h10m30s", 7830), ("1 h 5", 3900),
                                               ("25 mins", 1500), ("3 hours", 10800), ("20", None), ("10 min 5 h", None),
                                               ("1.5h30", None), ("1 hour 90 min", None), ("2h60", None), ("1.5 h", 5400)])
def test_one_reading_of_a_time_for_races_and_performances(text: str, seconds: float | None) -> None:
    from generator.units import duration_seconds

    assert duration_seconds(text) == seconds


def test_sets_of_repeats_take_a_recovery_within_and_one_between() -> None:
    """'3 x (4 x 400 m @ mile pace) w/ 60 s / 4 min jog within / between sets', the form the error for
    two recoveries suggests, had been refused ("needs work steps only in the brackets"): the inner
    repeat takes the first recovery, the sets the second."""
    from generator.model import Repeat
    from generator.source.reader import parse_plan_text as parse

    plan, _ = parse(b"---\ntitle: P\nunits: mi\n---\n## Week 1\n- Tue: Track 6 mi: 3 x (4 x 400 m @ mile pace) "
                    b"w/ 60 s / 4 min jog within / between sets\n", "plan.md", "plan", SETTINGS)
    [outer] = plan.weeks[0].sessions[0].main
    assert isinstance(outer, Repeat) and outer.count == 3 and outer.between is not None
    [inner] = outer.steps
    assert isinstance(inner, Repeat) and inner.count == 4 and inner.between is not None
    assert (inner.between.amount, outer.between.amount) == (Duration(60), Duration(240, in_minutes=True))


@pytest.mark.parametrize("line", [
    "- Tue: Run-walk: 5 min walk, 3 min jog, 90 s walk, 3 min jog, 90 s walk, 5 min walk",  # had been "two sessions on one day"
    "- Thu: Run-walk: 5 min brisk walk warm-up, then 8 x (60 s jog, 90 s walk), then 5 min walk cool-down",
    "- Sun: Strength: 1.5 mi WU, 6 x 1 mi @ MP - 10 s w/ 400 m jog, 1.5 mi CD",  # Hansons' strength day, as the book prints it
    # 80/20's session names had been "one session has one kind": 'Speed : 5 min Z1 …'
    "- Tue: Speed intervals: 5 min Z1, 5 min Z2, 6 x 1 min Z5 w/ 2 min Z1, 5 min Z1",
    "- Thu: Hill repetitions: 10 min Z1, 6 x 1 min uphill @ Z5 w/ 2 min Z1, 10 min Z1",
    # Daniels' one step with its rest in brackets had been "a recovery ('w/ 400 m jog') goes after repeats"
    "- Wed: Threshold 8 mi: 2 mi @ E, 4 x (1 mi @ T w/ 1 min rest), 2 mi @ E",
    # … and its parts joined with '+', without a total: "expected strides after '+'"
    "- Sat: Threshold: 2 mi @ E + 4 x (1 mi @ T w/ 1 min rest) + 2 mi @ E",
    # 80/20's zone beside a hill's label, either way round: "unexpected 'Z5 uphill w/ 2 …'"
    "- Tue: Hills 40 min: 10 min Z1, 6 x 1 min Z5 uphill w/ 2 min Z1, 10 min Z1",
    "- Tue: Hills 40 min: 10 min Z1, 6 x 1 min uphill Z5 w/ 2 min Z1, 10 min Z1",
    # a trail coach's hiking repeats had been "two sessions on one day"
    "- Wed: Hills 50 min: 5 x 4 min uphill power hike @ RPE 7 w/ jog down",
    # what a strength session holds, in words after ':' (French clubs' "PPG 20' : gainage, fentes"), as mobility takes it
    "- Thu: Strength 30 min: core circuit, lunges, squats",
])
def test_sessions_as_couch_to_5k_and_hansons_write_them(line: str) -> None:
    assert errors(f"---\ntitle: P\nunits: mi\n---\n## Week 1\n{line}\n") == []


@pytest.mark.parametrize("line", ["Tempo 8 mi: 2 x (3 x 1 mi) @ threshold w/ 5 min jog",
                                  "Tempo 8 mi: 2 x (3 x 1 mi) @ threshold w/ 2 min / 5 min jog within / between sets"])
def test_a_target_after_sets_of_repeats_is_their_steps_target(line: str) -> None:
    """'2 x (3 x 1 mi) @ threshold' had silently lost its '@ threshold': the target after a bracket
    went to the bracket's own steps, and it held only a repeat. The miles are at threshold."""
    from generator.model import Repeat
    from generator.source.reader import parse_plan_text as parse

    plan, _ = parse(f"---\ntitle: P\nunits: mi\n---\n## Week 1\n- Tue: {line}\n".encode(), "plan.md", "plan", SETTINGS)
    [outer] = plan.weeks[0].sessions[0].main
    assert isinstance(outer, Repeat) and isinstance(outer.steps[0], Repeat)
    [mile] = outer.steps[0].steps
    assert mile.target is not None and mile.target.text == "threshold"  # type: ignore[union-attr]


def test_a_track_coachs_full_recovery_and_mile_race_are_read() -> None:
    """'w/ full recovery' ("expected a recovery after 'w/'") and 'Race mile' ("unexpected 'mile'")
    are a rest until the runner is ready and a race of one mile."""
    from generator.model import Distance, Repeat
    from generator.source.reader import parse_plan_text as parse

    plan, _ = parse(b"---\ntitle: P\nunits: mi\n---\n## Week 1\n- Tue: Track 5 mi: 6 x 400 m @ mile pace w/ full recovery\n"
                    b"- Sat: Race mile\n", "plan.md", "plan", SETTINGS)
    track, race = plan.weeks[0].sessions
    [reps] = track.main
    assert isinstance(reps, Repeat) and reps.between is not None
    assert (reps.between.role, reps.between.amount, reps.between.said) == ("rest", None, "full recovery")
    assert race.total == Distance(1, "mi")


def test_hansons_strength_day_reads_back_from_its_title() -> None:
    """'Strength with 1.5 mi WU, then …', the title the page writes for Hansons' strength day, had
    been refused as a gym session ("list exercises after ':'")."""
    from generator.describe import session_title
    from generator.source.reader import parse_plan_text as parse

    line = b"- Sun: Strength: 1.5 mi WU, 6 x 1 mi @ MP - 10 s w/ 400 m jog, 1.5 mi CD\n"
    plan, _ = parse(b"---\ntitle: P\nunits: mi\n---\n## Week 1\n" + line, "plan.md", "plan", SETTINGS)
    title = session_title(plan.weeks[0].sessions[0], "mi")
    assert errors(f"---\ntitle: P\nunits: mi\n---\n## Week 1\n- Sun: {title}\n") == []


@pytest.mark.parametrize(("line", "said"), [
    # a clock time after metres that would be an impossible repeat's time is a pace without its unit, as before
    ("- Sun: Long 20 km with 5000 m @ 4:30", "'4:30' needs its unit"),
    ("- Tue: Intervals 10 km: 3 x 3000 m @ 3:45 w/ 3 min jog", "'3:45' needs its unit"),
    # a hyphenated known race is a known race's typo, not an unknown race
    ("- Tue: Tempo 10 km with 5 km @ 10-k pace", "did you mean '10k pace'?"),
])
def test_a_review_found_these_readings_too_wide(line: str, said: str) -> None:
    [error] = errors(f"---\ntitle: P\nunits: km\n---\n## Week 1\n{line}\n")
    assert said in error


def test_a_pace_after_metres_with_a_space_before_its_unit_still_reads() -> None:
    assert errors("---\ntitle: P\nunits: km\n---\n## Week 1\n- Tue: Intervals 10 km: 5 x 1200 m @ 4:00 /km w/ 400 m jog\n") == []


def test_a_target_after_a_bracket_of_a_repeat_and_a_step_is_every_steps() -> None:
    """'2 x (2 x 1 km, 400 m) @ 5K pace' had given the 400 m its target and the kilometres none."""
    from generator.model import Repeat, Step
    from generator.source.reader import parse_plan_text as parse

    plan, _ = parse(b"---\ntitle: P\nunits: km\n---\n## Week 1\n- Tue: Intervals 10 km: 2 x (2 x 1 km, 400 m) @ 5K pace "
                    b"w/ 3 min jog\n", "plan.md", "plan", SETTINGS)
    [outer] = plan.weeks[0].sessions[0].main
    assert isinstance(outer, Repeat)
    kms, four = outer.steps
    assert isinstance(kms, Repeat) and isinstance(four, Step) and isinstance(kms.steps[0], Step)
    assert kms.steps[0].target is not None and four.target is not None


def test_koops_session_names_and_rest_between_intervals_are_read() -> None:
    """'TempoRun 60 min: 2 x 20 min @ tempo w/ 6 min RBI' had been "unknown session kind" and
    "unexpected 'RBI'"; 'RunningIntervals' was offered 'cruise intervals'."""
    assert errors("---\ntitle: P\nunits: mi\n---\n## Week 1\n- Tue: TempoRun 60 min: 2 x 20 min @ tempo w/ 6 min RBI\n"
                  "- Thu: RunningIntervals 50 min: 5 x 3 min @ Z5 w/ 3 min RBI\n- Sat: EnduranceRun 90 min\n") == []


@pytest.mark.parametrize("line", ["Tune-up race 15K-half marathon", "Tune-up race 15K to half marathon", "Tune-up race 15K-HM"])
def test_a_tune_up_race_of_one_distance_or_another_up_to_a_named_race(line: str) -> None:
    """Pfitzinger's tune-ups ('15K-half marathon') had been "unexpected '-half marathon'"."""
    plan, _ = parse_plan_text(f"---\ntitle: P\nunits: mi\n---\n## Week 1\n- Sat: {line}\n".encode(), "plan.md", "plan", SETTINGS)
    total = plan.weeks[0].sessions[0].total
    assert isinstance(total, Distance) and (total.value, total.high, total.unit) == (15, 21.098, "km"), total


def test_daniels_h_is_hard_running_at_about_interval_effort() -> None:
    """Daniels' 'H' had been "unknown target 'H'"."""
    from generator.model import Repeat
    from generator.paces import WORD_EFFORTS

    plan, _ = parse_plan_text(b"---\ntitle: P\nunits: mi\n---\n## Week 1\n- Tue: Intervals 8 mi: 5 x 4 min @ H w/ 3 min jog\n",
                              "plan.md", "plan", SETTINGS)
    [repeat] = plan.weeks[0].sessions[0].main
    assert isinstance(repeat, Repeat)
    target = repeat.steps[0].target  # type: ignore[union-attr]
    assert target is not None and [WORD_EFFORTS[word.lower()] for word in target.efforts] == ["interval"]


def test_a_target_before_the_length_is_said_with_the_line_turned_round() -> None:
    """Spanish magazines write 'Rodaje a ritmo medio 8 km': it had been "unexpected … write a comment",
    which would have made the pace a comment."""
    [error] = errors("---\ntitle: P\nunits: km\nlanguage: es\n---\n## Semana 1\n- S: Rodaje a ritmo medio 8 km\n")
    assert "the length goes before its target: 'Rodaje 8 km a ritmo medio'" in error


def test_a_race_range_the_wrong_way_round_is_said() -> None:
    """'Race 10K to 5K' had been 'Race 10–5 km', and 'Race 10 mi to 10K' a week counted at its 10 miles."""
    [error] = errors("---\ntitle: P\nunits: mi\n---\n## Week 1\n- Sat: Race 10 mi to 10K\n")
    assert "a range goes from less to more" in error


def test_strides_after_with_and_more_after_plus_are_both_kept() -> None:
    """'Easy 8 km w/ 6 x 100 m strides + 4 x 20 s strides' had lost the first set without a word."""
    plan, _ = parse_plan_text(b"---\ntitle: P\nunits: km\n---\n## Week 1\n- Tue: Easy 8 km w/ 6 x 100 m strides "
                              b"+ 4 x 20 s strides\n", "plan.md", "plan", SETTINGS)
    session = plan.weeks[0].sessions[0]
    assert len(session.main) == 1 and session.strides is not None and session.strides.count == 4


@pytest.mark.parametrize("line", [
    "- Tue: Intervals 60 min: 6 x 6 min @ 2.5-3.0 mmol w/ 1 min jog",  # the Norwegian method's lactate, as written
    "- Tue: Easy 40 min @ under 70% HRmax",  # a ceiling as a share, as 'under 140 bpm' is one in beats
    "- Tue: Track 5 mi: 8 x 400 m @ 5K pace - 40 s w/ 90 s RI",  # FIRST's rest interval
])
def test_targets_and_rests_of_first_and_the_norwegian_method(line: str) -> None:
    """Each had been refused ('unknown target', 'unexpected RI … write a comment')."""
    assert errors(f"---\ntitle: P\nunits: mi\n---\n## Week 1\n{line}\n") == []


def test_a_pace_after_a_run_walk_ratio_is_the_runs() -> None:
    """Galloway's long runs go 2 min a mile slower than marathon pace: 'MP + 2 min' had made '2 min' a
    part (a 6-mile long run became 5.6 miles of walking), and 'MP + 120 s' had paced the walk."""
    [error] = errors("---\ntitle: P\nunits: mi\n---\n## Week 1\n- Sat: Long run-walk 6 mi or 1 h 20 min: "
                     "3 min run / 1 min walk @ MP + 2 min\n")
    assert "an offset from a race's pace is in seconds: '@ MP + 120 s'" in error
    [clock] = errors("---\ntitle: P\nunits: mi\n---\n## Week 1\n- Sat: Long run-walk 2 h: 4 min run / 1 min walk @ MP + 1:30\n")
    assert "'@ MP + 90 s'" in clock  # a clock's minutes and seconds had still been taken as a 90-second part
    plan, _ = parse_plan_text(b"---\ntitle: P\nunits: mi\n---\n## Week 1\n- Sat: Long run-walk 6 mi or 1 h 20 min: "
                              b"3 min run / 1 min walk @ MP + 120 s\n", "plan.md", "plan", SETTINGS)
    [repeat] = plan.weeks[0].sessions[0].main
    run, walk = repeat.steps  # type: ignore[union-attr]
    assert run.target is not None and run.target.text == "MP + 120 s" and walk.target is None  # type: ignore[union-attr]


def test_a_week_mark_on_a_day_heading_is_said() -> None:
    """'## Day 2 — Cycle 2 {deload}' (a masters coach's 9-day cycles written by days) had been taken
    without a word, and done nothing."""
    [error] = errors("---\ntitle: P\nunits: km\n---\n## Day 1\n- Easy 5 km\n## Day 2 {deload}\n- Easy 3 km\n")
    assert "{deload} marks a week, and a plan written by days has no week headings" in error


def test_a_comment_after_a_runs_length_is_not_taken_for_a_main_set() -> None:
    """The hint for 'Intervals 15 min warm-up, 6 x …' had fired on 'Recovery 5 km jog, very slow' too, and
    suggested 'Recovery: 5 km jog, very slow' (then 'Recovery:: …')."""
    [error] = errors("---\ntitle: P\nunits: km\n---\n## Week 1\n- Tue: Recovery 5 km jog, very slow\n")
    assert "write a comment" in error and "follows ':'" not in error


def test_a_walking_effort_after_a_ratio_stays_the_walks() -> None:
    """'1 min run / 2 min walk @ brisk' is the walk's effort: moved to the run, it had shown a beginner a steady pace."""
    plan, _ = parse_plan_text(b"---\ntitle: P\nunits: km\n---\n## Week 1\n- Tue: Run-walk 30 min: 1 min run / 2 min walk @ brisk\n",
                              "plan.md", "plan", SETTINGS)
    [repeat] = plan.weeks[0].sessions[0].main
    run, walk = repeat.steps  # type: ignore[union-attr]
    assert run.target is None and walk.target is not None and walk.target.text == "brisk"  # type: ignore[union-attr]
