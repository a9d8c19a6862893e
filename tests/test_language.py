"""The plan language as books write it: ranges, race-pace targets, sessions of several parts,
optional runs counted or not; read as the author meant, totalled as ranges, and shown by
every renderer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar

from generator.config import Settings
from generator.describe import session_title
from generator.model import Distance, Duration, Ladder, RacePace, Repeat, Session, Step
from generator.periodize import expand
from generator.render.json_export import to_json
from generator.source.reader import parse_plan_text, read_plan

from .conftest import FIXTURES
from .site_build import build_project, make_project

BOOK = FIXTURES / "language" / "book-marathon.md"


SETTINGS = Settings(root=FIXTURES / "language")


@pytest.fixture(scope="module")
def book():  # type: ignore[no-untyped-def]
    plan, diagnostics = read_plan(BOOK, SETTINGS, display="book-marathon.md")
    assert [d.format() for d in diagnostics] == []
    return plan


def session(plan, week: int, day: int) -> Session:  # type: ignore[no-untyped-def]
    return next(s for s in plan.weeks[week - 1].sessions if s.day == day)


def test_ranges_of_distance_repeats_and_recovery(book) -> None:  # type: ignore[no-untyped-def]
    assert session(book, 1, 1).total == Distance(5, "mi", 6)
    assert session(book, 1, 3).total == Distance(5, "mi", 6)  # "5 to 6 mi"
    repeat = session(book, 1, 2).main[0]
    assert isinstance(repeat, Repeat) and (repeat.count, repeat.count_max) == (5, 6)
    walk = session(book, 4, 2).main[0]
    assert isinstance(walk, Repeat) and walk.between == Step("recovery", Duration(30, 45), label="walk")


def test_targets_relative_to_race_pace(book) -> None:  # type: ignore[no-untyped-def]
    repeat = session(book, 1, 2).main[0]
    assert isinstance(repeat, Repeat) and isinstance(repeat.steps[0], Step) and repeat.steps[0].target is not None
    assert repeat.steps[0].target.race == RacePace("5k", percent=90, percent_high=92)
    assert repeat.between is not None and repeat.between.label == "float"
    assert repeat.between.target is not None and repeat.between.target.race == RacePace("5k", percent=80)
    offset = session(book, 1, 4).main[0]
    assert isinstance(offset, Step) and offset.target is not None
    assert offset.target.race == RacePace("marathon", offset=-10)  # MP - 10 s, per the plan's unit
    slower = session(book, 3, 6).main[0]
    assert isinstance(slower, Step) and slower.target is not None
    assert slower.target.race == RacePace("half", offset=15, per="mi")  # HMP + 15 s/mi
    between = session(book, 4, 2).main[0]
    assert isinstance(between, Repeat) and isinstance(between.steps[0], Step) and between.steps[0].target is not None
    assert between.steps[0].target.race == RacePace("5k", race_to="10k")
    goal = session(book, 4, 4).main[0]
    assert isinstance(goal, Step) and goal.target is not None and goal.target.race == RacePace("marathon", goal=True)
    feel = session(book, 5, 2).main[0]
    assert isinstance(feel, Repeat) and isinstance(feel.steps[0], Step) and feel.steps[0].target is not None
    assert feel.steps[0].target.race == RacePace("5k", percent=95, effort=True)


def test_compound_efforts(book) -> None:  # type: ignore[no-untyped-def]
    assert session(book, 1, 3).target.efforts == ("very easy", "easy")  # type: ignore[union-attr]
    assert session(book, 1, 5).target.efforts == ("easy", "moderate")  # type: ignore[union-attr]
    assert session(book, 2, 1).target.efforts == ("very easy", "easy")  # type: ignore[union-attr]


def test_sessions_of_several_parts(book) -> None:  # type: ignore[no-untyped-def]
    steps = session(book, 2, 2).main[0]  # 4 x (3 min @ 95% 5K, 1 min jog, 2 min @ 100% 5K, 3 min jog)
    assert isinstance(steps, Repeat) and steps.count == 4 and steps.between is None
    assert [(s.role, s.amount) for s in steps.steps if isinstance(s, Step)] == [
        ("work", Duration(180)), ("recovery", Duration(60)), ("work", Duration(120)), ("recovery", Duration(180))]
    ladder = session(book, 2, 4).main[0]  # 3-2-2-1 km @ 108, 109, 110, 112-115% MP w/ 4 min walk/jog
    assert isinstance(ladder, Ladder) and [r.amount for r in ladder.rungs] == [Distance(k, "km") for k in (3, 2, 2, 1)]
    assert [r.target.race.percent for r in ladder.rungs if r.target and r.target.race] == [108, 109, 110, 112]
    assert ladder.rungs[-1].target.race.percent_high == 115  # type: ignore[union-attr]
    assert ladder.between == Step("recovery", Duration(240), label="walk/jog")
    paces = session(book, 2, 6).main  # 5 mi @ 90% MP + 5 mi @ 92% MP + 3-4 mi @ 94% MP
    assert [(s.amount, s.target.race.percent) for s in paces if isinstance(s, Step) and s.target and s.target.race] == [
        (Distance(5, "mi"), 90), (Distance(5, "mi"), 92), (Distance(3, "mi", 4), 94)]
    sets = session(book, 3, 2).main  # (3 x 2 km …) then 2 x 1 km …
    assert [(p.count, p.between.amount) for p in sets if isinstance(p, Repeat) and p.between] == [
        (3, Duration(240)), (2, Duration(180))]
    within = session(book, 3, 4).main[0]  # 4 x (3 min, 2 min, 1 min) @ … w/ 1 min / 3 min jog within / between sets
    assert isinstance(within, Repeat) and within.between == Step("recovery", Duration(180), label="jog")
    inner = within.steps[0]
    assert isinstance(inner, Ladder) and inner.between == Step("recovery", Duration(60), label="jog")
    assert [r.target.race.percent for r in inner.rungs if r.target and r.target.race] == [98, 100, 102]
    nested = session(book, 5, 4).main[0]  # 3 x (4 x 400 m @ 5K pace w/ 200 m jog) w/ 3 min jog
    assert isinstance(nested, Repeat) and isinstance(nested.steps[0], Repeat) and nested.steps[0].count == 4
    sequence = session(book, 4, 5).main  # 8 min walk, 5 min jog, …
    assert [(s.role, s.label, s.amount) for s in sequence if isinstance(s, Step)] == [
        ("recovery", "walk", Duration(480)), ("work", "jog", Duration(300)), ("recovery", "walk", Duration(300)),
        ("work", "jog", Duration(300)), ("recovery", "walk", Duration(420))]


def test_optional_runs_counted_or_not(book) -> None:  # type: ignore[no-untyped-def]
    counted = session(book, 1, 7)
    assert counted.optional and counted.counted and counted.total == Distance(3, "mi", 4)
    skipped = session(book, 2, 7)
    assert skipped.optional and not skipped.counted
    weeks = expand(book).weeks
    # week 1 counts its "Rest or easy 3-4 mi"; week 2 leaves its optional 3 mi out
    assert (round(weeks[0].distance_km / 1.609344, 2), round(weeks[0].distance_km_high / 1.609344, 2)) == (46, 51)  # type: ignore[operator]
    assert (round(weeks[1].distance_km / 1.609344, 2), round(weeks[1].distance_km_high / 1.609344, 2)) == (48, 50)  # type: ignore[operator]


def test_the_books_rest_or_line_reads_without_an_at_sign() -> None:
    text = "---\ntitle: R\nunits: mi\n---\n\n## Week 1\n- Sat: Long 10 mi\n- Sun: Rest or 3-4 mi very easy\n"
    plan, diagnostics = parse_plan_text(text.encode(), "r.md", "r", SETTINGS)
    assert [d.format() for d in diagnostics] == []
    sunday = plan.weeks[0].sessions[1]
    assert sunday.optional and sunday.counted and sunday.total == Distance(3, "mi", 4)
    assert sunday.target is not None and sunday.target.efforts == ("very easy",)
    assert session_title(sunday, "mi") == "Rest or easy 3–4 mi @ very easy"


def test_weekly_totals_are_summed_as_ranges(book) -> None:  # type: ignore[no-untyped-def]
    weeks = expand(book).weeks
    miles = [(round(w.distance_km / 1.609344, 2), round((w.distance_km_high or w.distance_km) / 1.609344, 2)) for w in weeks]
    assert miles[2] == (49, 52)  # 6-7 + 9 + 6 + 8 + 5-6 + 15-16
    assert miles[4] == (51, 55)  # 6-7 + 8-9 + 6 + 10 + 5 + 16-18


def test_every_title_reads_back_as_the_same_session(book) -> None:  # type: ignore[no-untyped-def]
    for week in book.weeks:
        for written in (s for s in week.sessions if s.kind.value != "rest"):
            text = f"## Week 1\n- {['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][written.day - 1]}: {session_title(written, 'mi')}\n"
            again, diagnostics = parse_plan_text(("---\ntitle: R\nunits: mi\n---\n" + text).encode(), "r.md", "r",
                                                 SETTINGS)
            assert [d.format() for d in diagnostics] == [], session_title(written, "mi")
            read = again.weeks[0].sessions[0]
            assert _size(read) == _size(written), session_title(written, "mi")


def _size(session: Session) -> tuple[object, ...]:
    return (session.kind, session.total, session.main, session.target, session.strides, session.optional, session.counted)


RANGED = """---
title: Ranged deloads (fixture)
units: mi
periodization:
  deload: {every: 3, mode: insert, strategy: volume, cut: 25%}
  taper: false
---
## Week 1
- Tue: Easy 5-6 mi @ easy
- Thu: Intervals 7 mi: 5-6 x 1200 m @ 90-92% 5K w/ 400 m jog
- Sat: Long 10-12 mi @ easy
## Week 2
- Tue: Easy 5-6 mi @ easy
- Thu: Intervals 7 mi: 5-6 x 1200 m @ 90-92% 5K w/ 400 m jog
- Sat: Long 11-13 mi @ easy
## Week 3
- Tue: Easy 6-7 mi @ easy
- Thu: Intervals 8 mi: 6-7 x 1200 m @ 90-92% 5K w/ 400 m jog
- Sat: Long 12-14 mi @ easy
"""


def test_a_range_is_deloaded_as_a_range() -> None:
    plan, diagnostics = parse_plan_text(RANGED.encode(), "ranged.md", "ranged", SETTINGS)
    assert [d.format() for d in diagnostics] == []
    e = expand(plan)
    reference, deload = e.weeks[1], e.weeks[2]
    assert deload.kind == "deload" and deload.inserted
    assert deload.distance_km_high is not None and reference.distance_km_high is not None
    assert deload.distance_km <= 0.75 * reference.distance_km + 1e-6
    assert deload.distance_km_high <= 0.75 * reference.distance_km_high + 1e-6
    assert deload.distance_km_high > deload.distance_km
    long_run = next(p for p in deload.sessions if p.kind.value == "long")
    assert isinstance(long_run.session.total, Distance) and long_run.session.total.high is not None
    assert long_run.session.total.value < 11 and long_run.session.total.high < 13
    intervals = next(p.session for p in deload.sessions if p.kind.value == "intervals")
    repeat = intervals.main[0]
    assert isinstance(repeat, Repeat) and repeat.count_max is not None and repeat.count < 5 and repeat.count_max < 6


def test_plan_json_carries_the_structured_workout(book) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(to_json(expand(book)))
    monday = data["weeks"][0]["sessions"][0]
    assert monday["total"] == {"value": 5.0, "high": 6.0, "unit": "mi"}
    assert monday["distance"] == 5.0 and monday["distance_high"] == 6.0
    assert monday["strides"]["type"] == "repeat" and monday["strides"]["count"] == 5
    sunday = data["weeks"][0]["sessions"][-1]
    assert (sunday["optional"], sunday["counted"]) == (True, True)
    ladder = data["weeks"][1]["sessions"][3]
    assert [p.get("type", p.get("role")) for p in ladder["workout"]] == ["warmup", "ladder", "cooldown"]
    assert ladder["main"][0]["rungs"][3]["target"]["race"] | {"race": "marathon", "percent": 112, "percent_high": 115} \
        == ladder["main"][0]["rungs"][3]["target"]["race"]
    assert data["weeks"][0]["volume"]["distance"] == 46.0 and data["weeks"][0]["volume"]["distance_high"] == 51.0


@pytest.fixture(scope="module")
def book_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("book"), [BOOK])
    build_project(project, "--no-pdf")
    return project / "site" / "plans" / "book-marathon"


def test_the_page_shows_ranges_and_steps(book_site: Path) -> None:
    page = (book_site / "index.html").read_text()
    assert "46–51 mi" in page  # week 1's volume, a range
    assert "3-2-2-1 km @ 108, 109, 110, 112-115% MP w/ 4 min walk/jog" in page
    assert '<ol class="s-steps"><li>Warm-up <span class="u-mi">1.5 mi</span>' in page  # only the distance in both units


def test_the_feed_describes_the_steps(book_site: Path) -> None:
    feed = sorted(book_site.glob("race-*.ics"))[0]  # a plan without dates: a feed for each race day
    calendar = Calendar.from_ical(feed.read_bytes())
    ladder = next(e for e in calendar.walk("VEVENT") if "3-2-2-1 km" in str(e.get("DESCRIPTION", "")))
    description = str(ladder["DESCRIPTION"])
    assert "Step by step:\n1. Warm-up 1.5 mi\n2. 3-2-2-1 km @ 108, 109, 110, 112-115% MP w/ 4 min walk/jog\n3. Cool-down 1.5 mi" in description
