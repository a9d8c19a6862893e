"""Load checks: each warning names the source line and the week as reader and author know it,
and deloads, step-backs and races never trigger false alarms."""

from __future__ import annotations

import pytest

from generator.model import SessionKind
from generator.periodize import expand
from generator.source.reader import read_plan

from .conftest import FIXTURES, library_plans


def warnings_of(name: str, settings):  # type: ignore[no-untyped-def]
    plan, _ = read_plan(FIXTURES / "plans" / name, settings, display=name)
    return expand(plan).warnings


def test_every_risk_is_reported_at_its_line(settings) -> None:  # type: ignore[no-untyped-def]
    found = [(w.line, w.code) for w in warnings_of("risky.md", settings)]
    assert sorted(found) == [
        (17, "session-spike"),      # week 2: a 12 km run after a longest 10 km (+20%, +2 km)
        (19, "volume-jump-10"),     # week 3: 30 km after 24 km (+25%, +6 km over three runs)
        (29, "volume-jump-30"),     # written week 5: 41 km after 31 km
        (34, "deload-too-small"),   # the {deload} week is as heavy as the week before it
        (42, "long-run-share"),     # the last week: 15 of 21 km in three runs
    ]


def test_the_week_after_a_deload_is_compared_with_the_week_before_it(settings) -> None:  # type: ignore[no-untyped-def]
    warnings = warnings_of("risky.md", settings)
    # Written week 4 (31 km) follows an inserted 22 km deload: +41% on the deload, but only +3% on week 3.
    assert not [w for w in warnings if w.line == 24 and w.code.startswith("volume-jump")]


def test_messages_explain_the_numbers_and_name_both_weeks(settings) -> None:  # type: ignore[no-untyped-def]
    messages = {w.code: w.message for w in warnings_of("risky.md", settings)}
    assert messages["session-spike"] == (
        "week 2: this run (12 km) is 20% longer than the longest run of the previous 30 days (10 km); "
        "runs more than 10% and 1.6 km longer are linked to injury (Frandsen et al. 2025; Daniels)")
    assert messages["volume-jump-30"] == (
        "week 6 (your week 5): running volume 41 km is up 32% on the 31 km of week 5 (your week 4), more than 30%; "
        "jumps over 30% were linked to injury (Nielsen et al. 2014)")
    assert messages["long-run-share"].startswith(
        "week 8 (your week 7): the long run is 71% of the week's running (more than 67% in a week of 3 runs)")
    assert messages["deload-too-small"].startswith(
        "week 7 (your week 6), which you marked {deload}, is no lighter in load than week 6 (your week 5)")


def test_a_run_grown_by_a_mile_and_a_plan_rising_by_a_mile_a_run_are_not_flagged(settings) -> None:  # type: ignore[no-untyped-def]
    from .helpers import plan_from

    text = "---\ntitle: Steady\nunits: mi\nperiodization: {deload: {every: off}}\n---\n"
    for week, long in enumerate([8, 9, 10, 11, 12], start=1):  # +12.5%, +11%, +10%, +9%: a mile each time
        text += f"## Week {week}\n- Tue: Easy 5 mi\n- Thu: Easy {3 + week} mi\n- Sat: Easy 4 mi\n- Sun: Long {long} mi\n\n"
    assert expand(plan_from(text)).warnings == ()


def test_repeated_findings_come_as_one_warning_listing_the_weeks(settings) -> None:  # type: ignore[no-untyped-def]
    from .helpers import plan_from

    text = "---\ntitle: Long runs\nunits: mi\nperiodization: {deload: {every: off}}\n---\n"
    for week, long in enumerate([6, 7, 5, 9, 10, 7, 12], start=1):  # a step-back, then two miles more
        text += f"## Week {week}\n- Tue: Easy 4 mi\n- Wed: Easy 5 mi\n- Thu: Easy 4 mi\n- Sat: Easy 4 mi\n- Sun: Long {long} mi\n\n"
    spikes = [w for w in expand(plan_from(text)).warnings if w.code == "session-spike"]
    assert len(spikes) == 1
    assert spikes[0].message.startswith("week 4: this run (9 mi) is 29% longer than the longest run of the previous 30 days "
                                        "(7 mi); so does a run in week 7 (by 20%)")


def test_library_plans_have_no_warnings_but_the_vacation_they_describe(settings) -> None:  # type: ignore[no-untyped-def]
    from generator.config import load_settings

    from .conftest import ROOT

    site = load_settings(ROOT)
    said = []
    for path in library_plans():
        plan, reader_warnings = read_plan(path, site)
        assert reader_warnings == [], path
        said += [(path.name, w.code, w.message) for w in expand(plan).warnings]
    # Only what the engine did as the plan's own text says: the spring-break week of the masters plan.
    assert said == [("10-mile-masters.md", "vacation-applied",
                     "your week 6 is a vacation week: easy running only, at most 70% of the volume (or the week as you wrote it, if lighter)")]


def test_a_hard_session_soon_after_a_race_says_how_many_easy_days_came_between(tmp_path, settings) -> None:  # type: ignore[no-untyped-def]
    plan_file = tmp_path / "tuneup.md"
    plan_file.write_text("---\ntitle: Tune-up\nunits: km\n---\n\n## Week 1\n- Tue: Easy 8 km\n- Sat: Race 10K\n"
                         "## Week 2\n- Mon: Easy 6 km\n- Wed: Intervals 10 km: 5 x 1 km @ 5K pace w/ 400 m jog\n- Sun: Long 16 km\n",
                         encoding="utf-8")
    plan, _ = read_plan(plan_file, settings, display="tuneup.md")
    [warning] = [w for w in expand(plan).warnings if w.code == "quality-after-race"]
    assert warning.line == 11
    assert warning.message.startswith("week 2: intervals on day 4 after a race, after only 3 easy days; most runners need 4")


def test_a_marked_deload_that_only_shortens_the_long_run_says_so_plainly(tmp_path, settings) -> None:  # type: ignore[no-untyped-def]
    week = "- Tue: Easy 5 mi\n- Thu: Easy 5 mi\n- Sun: Long 7 mi\n"
    text = ("---\ntitle: Step\nunits: mi\n---\n\n## Week 1\n" + week + "## Week 2\n" + week
            + "## Week 3 {deload}\n- Tue: Easy 5.5 mi\n- Thu: Easy 5.5 mi\n- Sun: Long 5.5 mi\n## Week 4\n" + week)
    plan_file = tmp_path / "step.md"
    plan_file.write_text(text, encoding="utf-8")
    plan, _ = read_plan(plan_file, settings, display="step.md")
    [warning] = [w for w in expand(plan).warnings if w.code == "deload-too-small"]
    assert "only its long run is shorter (5.5 mi against 7 mi), not its volume (16.5 mi against 17 mi)" in warning.message


def test_a_spike_in_a_plan_by_the_clock_is_said_in_minutes() -> None:
    from generator.periodize import expand

    from .helpers import plan_from

    text = "---\ntitle: T\nunits: km\nperiodization: {deload: {every: off}}\n---\n"
    for n, (easy, long) in enumerate([(45, "1 h 30 min"), (45, "1 h 40 min"), (30, "2 h 15 min")], start=1):
        text += f"## Week {n}\n- Tue: Easy {easy} min\n- Thu: Easy {easy} min\n- Sat: Long run {long}\n\n"
    [spike] = [w for w in expand(plan_from(text)).warnings if w.code == "session-spike"]
    assert "(2 h 15 min)" in spike.message and "runs more than 10% and 10 minutes longer" in spike.message


@pytest.mark.parametrize(("sunday", "warned"), [("Easy 1 h 40 min", False), ("Power hike 1 h 30 min", False),
                                                ("Easy 40 min", True)])
def test_a_back_to_back_weekend_is_no_long_run_too_big_for_its_week(sunday: str, warned: bool) -> None:
    from generator.periodize import expand

    from .helpers import plan_from

    text = "---\ntitle: T\nunits: km\nperiodization: {deload: {every: off}}\n---\n"
    for n in range(1, 4):
        text += f"## Week {n}\n- Tue: Easy 45 min\n- Thu: Easy 45 min\n- Sat: Long run 3 h\n- Sun: {sunday}\n\n"
    codes = [w.code for w in expand(plan_from(text)).warnings]
    assert ("long-run-share" in codes) is warned


def test_an_easy_run_before_a_road_plans_long_run_is_no_back_to_back() -> None:
    from generator.periodize import expand

    from .helpers import plan_from

    text = "---\ntitle: T\nunits: mi\nperiodization: {deload: {every: off}}\n---\n"
    for n in range(1, 4):
        text += f"## Week {n}\n- Mon: Easy 2 mi\n- Tue: Easy 3 mi\n- Thu: Easy 3 mi\n- Sat: Easy 5 mi\n- Sun: Long 12 mi\n\n"
    assert "long-run-share" in [w.code for w in expand(plan_from(text)).warnings]


@pytest.mark.parametrize(("long", "warned"), [("Long 1 h 30 min: 45 x (1 min run, 1 min walk)", False),
                                              ("Long 1 h 30 min", True)])
def test_a_long_run_with_walk_breaks_counts_its_running_for_its_share_of_the_week(long: str, warned: bool) -> None:
    """Galloway's long run, written as a long run with its walks: 45 of its 90 minutes are running,
    as a run-walk's are counted (it had been 69% of its week, and called too big for it)."""
    from generator.periodize import expand

    from .helpers import plan_from

    text = "---\ntitle: T\nunits: km\nperiodization: {deload: {every: off}}\n---\n"
    for n in range(1, 4):
        text += (f"## Week {n}\n- Tue: Run-walk 30 min: 10 x (2 min run, 1 min walk)\n"
                 f"- Thu: Run-walk 30 min: 10 x (2 min run, 1 min walk)\n- Sat: {long}\n\n")
    assert ("long-run-share" in [w.code for w in expand(plan_from(text)).warnings]) is warned


@pytest.mark.parametrize(("race", "warned"), [("50k", False), ("marathon", True)])
def test_a_shorter_second_day_is_a_back_to_back_in_an_ultra_plan_only(race: str, warned: bool) -> None:
    """2 h 45 min, then a 75-minute trail run: a 50K plan's back-to-back weekend (45% of the long
    day); in a road plan the second day must be 90 minutes to count as one."""
    from generator.periodize import expand

    from .helpers import plan_from

    text = f"---\ntitle: T\nunits: km\nrace: {{distance: {race}}}\nperiodization: {{deload: {{every: off}}, taper: false}}\n---\n"
    for n in range(1, 4):
        text += (f"## Week {n}\n- Tue: Easy 45 min\n- Wed: Easy 40 min\n- Thu: Easy 45 min\n"
                 f"- Sat: Long run 2 h 45 min\n- Sun: Trail run 1 h 15 min\n\n")
    text += "## Week 4\n- Tue: Easy 30 min\n- Sun: Race " + ("50 km" if race == "50k" else "marathon") + "\n"
    codes = [w.code for w in expand(plan_from(text)).warnings]
    assert ("long-run-share" in codes) is warned


def test_two_hard_sessions_after_a_race_in_one_week_are_named_by_their_days() -> None:
    """It had read 'week 2: intervals on day 2 after a race … — as is week 2'."""
    from generator.periodize import expand

    from .helpers import plan_from

    text = "---\ntitle: T\nunits: km\nperiodization: {deload: {every: off}}\n---\n"
    text += "## Week 1\n- Tue: Easy 8 km\n- Sun: Race 10K\n\n"
    text += "## Week 2\n- Tue: Intervals 8 km: 5 x 1 km @ 10K pace w/ 400 m jog\n- Thu: Tempo 8 km with 4 km @ threshold\n"
    text += "- Sun: Long 14 km\n\n## Week 3\n- Tue: Easy 8 km\n- Sun: Long 15 km\n"
    [warning] = [w for w in expand(plan_from(text)).warnings if w.code == "quality-after-race"]
    assert "week 2: intervals on day 2 and tempo on day 4 after a race" in warning.message and "as is" not in warning.message


def test_a_volume_rise_in_a_plan_by_the_clock_is_said_in_minutes() -> None:
    """It had said "more than about a mile a run" of a plan written in minutes."""
    from generator.periodize import expand

    from .helpers import plan_from

    text = "---\ntitle: T\nunits: km\nperiodization: {deload: {every: off}}\n---\n"
    for n, easy in enumerate([40, 40, 40, 55], start=1):
        text += f"## Week {n}\n- Tue: Easy {easy} min\n- Thu: Easy {easy} min\n- Sat: Easy {easy} min\n- Sun: Long run 60 min\n\n"
    [jump] = [w for w in expand(plan_from(text)).warnings if w.code == "volume-jump-10"]
    assert "more than about 10 minutes a run" in jump.message, jump.message


def test_an_intervals_rest_is_its_recovery_not_walking_left_out_of_its_distance() -> None:
    """'12 x 400 m w/ 3 min rest': the session is its 8 mi; only a run's walk breaks are left out."""
    from generator.periodize import expand

    from .helpers import plan_from

    text = "---\ntitle: T\nunits: mi\nperiodization: {deload: {every: off}}\n---\n"
    for n in range(1, 5):
        recovery = "rest" if n < 4 else "jog"
        text += (f"## Week {n}\n- Tue: Intervals 8 mi: 12 x 400 m @ 5K pace w/ 3 min {recovery}\n"
                 f"- Thu: Hills 8 mi: 12 x 90 s uphill w/ 3 min {'walk' if n < 4 else 'jog'}\n- Sat: Easy 6 mi\n- Sun: Long 12 mi\n\n")
    codes = [w.code for w in expand(plan_from(text)).warnings]
    assert "volume-jump-10" not in codes and "volume-jump-30" not in codes, codes


def test_a_hard_session_the_taper_shortened_is_still_too_soon_after_a_race() -> None:
    """A VO2max session four days after a tune-up half, in the taper: the taper shortened it, the
    coach put it there, and a half needs the easy days a 10K does."""
    from generator.periodize import expand

    from .helpers import plan_from

    text = "---\ntitle: T\nunits: mi\nrace: {distance: marathon}\nperiodization: {deload: {every: off}}\n---\n"
    for n in range(1, 6):
        text += f"## Week {n}\n- Tue: Easy 8 mi\n- Wed: Tempo 9 mi with 5 mi @ threshold\n- Thu: Easy 8 mi\n- Sun: Long {14 + n} mi\n\n"
    text += "## Week 6\n- Tue: Easy 6 mi\n- Thu: Easy 5 mi\n- Sun: Race half\n\n"
    text += "## Week 7\n- Tue: Easy 6 mi\n- Thu: VO2max 9 mi: 6 x 1000 m @ 5K pace w/ 2 min jog\n- Sun: Long 12 mi\n\n"
    text += "## Week 8\n- Tue: Easy 5 mi\n- Sun: Race marathon\n"
    expanded = expand(plan_from(text))
    thursday = next(p for p in expanded.weeks[6].sessions if p.kind is SessionKind.INTERVALS)
    assert thursday.original is not None  # shortened by the taper
    assert any(w.code == "quality-after-race" and "on day 4 after a race" in w.message for w in expanded.warnings)


def test_a_tune_up_race_the_day_before_the_long_run_is_running_of_its_week() -> None:
    """Pfitzinger puts a 15K tune-up on Saturday before Sunday's 17 miles: the week's running is
    50.3 miles, the long run 34% of it. The race had counted as one of the week's runs but not in
    its running, and the long run had been called 41% of it."""
    from .helpers import plan_from

    text = "---\ntitle: P\nunits: mi\nrace: {distance: marathon}\nperiodization: {deload: {every: off}}\n---\n"
    for n in range(1, 9):
        saturday = "Tune-up race 15K" if n == 4 else "Easy 6 mi"
        text += (f"## Week {n}\n- Tue: VO2max 8 mi w/ 5 x 1000 m @ 5K pace w/ 2 min jog\n- Wed: Medium-long run 12 mi\n"
                 f"- Fri: Recovery 4 mi\n- Sat: {saturday}\n- Sun: Long 17 mi\n\n")
    text += "## Week 9\n- Tue: Easy 5 mi\n- Sun: Race marathon\n"
    assert "long-run-share" not in [w.code for w in expand(plan_from(text)).warnings]
    assert "long-run-share" in [w.code for w in expand(plan_from(text.replace("Long 17 mi", "Long 24 mi"))).warnings]


@pytest.mark.parametrize(("race", "warned"), [("Race 800 m", False), ("Race 5K", False), ("Race 10K", True)])
def test_the_easy_days_after_a_race_grow_with_its_length(race: str, warned: bool) -> None:
    """Daniels: an easy day for each 3 km raced. A track plan's Saturday meet before a Tuesday session
    had been warned about in 9 weeks of 10, as after a 10K, and each week named twice."""
    from .helpers import plan_from

    text = "---\ntitle: T\nunits: km\nperiodization: {deload: {every: off}, taper: false}\n---\n"
    for n in range(1, 5):
        text += f"## Week {n}\n- Tue: Intervals 8 km: 6 x 400 m @ mile pace w/ 400 m jog\n- Wed: Tempo 8 km with 3 km @ threshold\n- Sat: {race}\n\n"
    said = [w.message for w in expand(plan_from(text)).warnings if w.code == "quality-after-race"]
    assert bool(said) is warned
    if said:  # week 4 holds the goal race: its days are the race week's
        assert said[0].startswith("week 2: intervals on day 3 and tempo on day 4 after a race") and "— as is week 3;" in said[0]
