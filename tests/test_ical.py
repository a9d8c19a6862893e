"""Calendar feeds: valid for every client we know, stable UIDs, revisions that update in place."""

from __future__ import annotations

import re
import shutil
import uuid
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path

import pytest
import vobject
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar
from icalendar.parser import Contentline

from generator.cli import main
from generator.render.ical import NAMESPACE, escape_text, event_uid, fold

from .conftest import FIXTURES, ROOT
from .ical_lint import lint

EPOCH = "1796774400"  # 2026-12-09T00:00:00Z


def build(project: Path, monkeypatch: pytest.MonkeyPatch, epoch: str = EPOCH) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = CliRunner().invoke(main, ["build", "--project", str(project), "--no-pdf"])
    assert result.exit_code == 0, result.output


def events(path: Path) -> dict[str, dict[str, str]]:
    calendar = Calendar.from_ical(path.read_bytes())
    def text(value: object) -> str:
        return value.to_ical().decode() if hasattr(value, "to_ical") else str(value)  # type: ignore[union-attr]

    return {str(e["SUMMARY"]) + "|" + text(e["DTSTART"]): {k: text(v) for k, v in e.items()} for e in calendar.walk("VEVENT")}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "deload.toml", tmp_path / "deload.toml")
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    (tmp_path / "plans" / "deload-state.json").unlink(missing_ok=True)
    return tmp_path


def test_every_library_feed_is_valid(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(project, monkeypatch)
    feeds = sorted((project / "site").rglob("*.ics"))
    assert len(feeds) > 50
    for feed in feeds:
        data = feed.read_bytes()
        assert lint(data) == [], feed
        parsed = list(vobject.readComponents(data.decode("utf-8"), validate=True))
        assert len(parsed) == 1 and parsed[0].name == "VCALENDAR"


def test_one_feed_per_weekend_race_day_in_the_window(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(project, monkeypatch)
    folder = project / "site" / "plans" / "half-marathon-beginner"
    days = sorted(date.fromisoformat(p.stem.removeprefix("race-")) for p in folder.glob("race-*.ics"))
    assert {d.weekday() for d in days} == {5, 6}
    assert days[0] >= date(2026, 12, 9) and days[-1] <= date(2026, 12, 9).replace(year=2027, month=5, day=30)
    assert (days[-1] - date(2026, 12, 9)).days >= 12 * 7 + 12 * 7 - 7  # plan length plus 12 weeks ahead
    race = Calendar.from_ical((folder / f"race-{days[4].isoformat()}.ics").read_bytes())
    race_event = next(e for e in race.walk("VEVENT") if e.categories[0] == "race")
    assert race_event["DTSTART"].dt == days[4]
    # the dated plan has exactly one feed
    assert [p.name for p in (project / "site" / "plans" / "10-mile-masters").glob("*.ics")] == ["calendar.ics"]


def test_events_are_all_day_and_described(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(project, monkeypatch)
    calendar = Calendar.from_ical((project / "site" / "plans" / "10-mile-masters" / "calendar.ics").read_bytes())
    assert str(calendar["X-WR-CALNAME"]).startswith("10 Miles for Masters Runners")
    assert "METHOD" not in calendar
    deload = [e for e in calendar.walk("VEVENT") if "deload" in e.categories and "week" not in e.categories]
    assert deload, "the deload week's sessions carry the deload category"
    first = deload[0]
    assert first["TRANSP"] == "TRANSPARENT"
    assert str(first["SUMMARY"]).startswith("W3 · ")
    assert "https://deload.example.org/plans/10-mile-masters/" in str(first["DESCRIPTION"])
    assert isinstance(first["DTSTART"].dt, date) and (first["DTEND"].dt - first["DTSTART"].dt).days == 1
    text = (project / "site" / "plans" / "10-mile-masters" / "calendar.ics").read_bytes()
    assert b"CATEGORIES:race\r\n" in text and b"race,race" not in text  # the race day's: each category once


def test_editing_one_session_changes_only_that_event(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(project, monkeypatch)
    feed = project / "site" / "plans" / "10-mile-masters" / "calendar.ics"
    before = feed.read_bytes()
    plan = project / "plans" / "10-mile-masters.md"
    text = plan.read_text()
    assert "Warm up with 15 minutes" in text
    plan.write_text(text.replace("Warm up with 15 minutes", "Warm up with 20 minutes", 1))
    build(project, monkeypatch, epoch=str(int(EPOCH) + 86400))
    after_events, before_events = events(feed), events(Path(_write(project, before)))
    changed = [k for k in after_events if after_events[k] != before_events.get(k)]
    assert len(changed) == 1
    event = after_events[changed[0]]
    assert event["SEQUENCE"] == "1" and "Warm up with 20 minutes" in event["DESCRIPTION"]
    assert event["DTSTAMP"] == event["LAST-MODIFIED"] == "20261210T000000Z"
    assert set(after_events) == set(before_events)  # same UIDs and days, nothing duplicated


def _write(project: Path, data: bytes) -> str:
    path = project / "before.ics"
    path.write_bytes(data)
    return str(path)


def test_nothing_changed_means_byte_identical_feeds(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(project, monkeypatch)
    first = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*.ics")}
    build(project, monkeypatch, epoch=str(int(EPOCH) + 3600))  # a later build, same window day
    second = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*.ics")}
    assert first == second


def test_a_removed_session_disappears(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(project, monkeypatch)
    feed = project / "site" / "plans" / "10-mile-masters" / "calendar.ics"
    assert b"Mobility 20 min" in feed.read_bytes()
    plan = project / "plans" / "10-mile-masters.md"
    plan.write_text(re.sub(r"- Mon: Mobility 20 min[^\n]*\n", "", plan.read_text(), count=1))
    build(project, monkeypatch)
    uids_before = {e for e in events(feed)}
    assert not any(k.startswith("W1 · Mobility") for k in uids_before)


def test_hostile_text_survives_a_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "plans").mkdir()
    note = "Commas, semicolons; back\\slashes \\n and emoji 🏃‍♀️ — " + ("Ünïcödé läuft " * 360)
    plan = (FIXTURES / "plans" / "ten-k-build.md").read_text().replace(
        "- Tue: Easy 6 km @ conversational\n", f"- Tue: Easy 6 km @ conversational\n  - {note}\n  - line two: a:b\n", 1)
    summary = "First line; second, with a comma\\nthird \\\\ backslash"  # a YAML string over three lines
    plan = re.sub(r"^title:.*$", lambda m: f'{m.group(0)}\nsummary: "{summary}"', plan, count=1, flags=re.M)
    (tmp_path / "plans" / "hostile.md").write_text(plan)
    build(tmp_path, monkeypatch)
    feed = next((tmp_path / "site" / "plans" / "hostile").glob("race-*.ics"))
    data = feed.read_bytes()
    assert lint(data) == []
    calendar = Calendar.from_ical(data)
    description = next(str(e["DESCRIPTION"]) for e in calendar.walk("VEVENT") if "Commas" in str(e["DESCRIPTION"]))
    assert note.strip() in description and "line two: a:b" in description
    assert len(note) > 5000
    expected = "First line; second, with a comma\nthird \\ backslash"
    assert str(calendar["DESCRIPTION"]).startswith(expected)
    parsed = vobject.readOne(data.decode(), validate=True)  # icalendar leaves X- properties escaped
    assert parsed.x_wr_caldesc.value.startswith(expected)


def test_timed_events_with_zone_and_alarm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "plans").mkdir()
    plan = (FIXTURES / "plans" / "ten-k-build.md").read_text().replace(
        "units: km\n", "units: km\ncalendar: {time: \"06:30\", time_zone: Europe/Berlin, alarm: 45}\n", 1).replace(
        "- Wed: Strength\n", "- Wed: Easy 5 km\n- Wed: Strength\n", 1)
    (tmp_path / "plans" / "timed.md").write_text(plan)
    build(tmp_path, monkeypatch)
    feed = sorted((tmp_path / "site" / "plans" / "timed").glob("race-*.ics"))[0]
    data = feed.read_bytes()
    assert lint(data) == []
    assert b"BEGIN:VTIMEZONE" in data and b"TZID:Europe/Berlin" in data
    assert re.search(rb"DTSTART;TZID=Europe/Berlin:\d{8}T063000", data)
    assert b"TRIGGER:-PT45M" in data
    list(vobject.readComponents(data.decode(), validate=True))
    # Two sessions of a day follow each other: the run, then the gym, never on top of each other.
    events = [e for e in Calendar.from_ical(data).walk("VEVENT") if "week" not in e.categories]
    by_day: dict[date, list[tuple[datetime, datetime]]] = {}
    for event in events:
        by_day.setdefault(event["DTSTART"].dt.date(), []).append((event["DTSTART"].dt, event["DTEND"].dt))
    doubles = [sorted(times) for times in by_day.values() if len(times) > 1]
    assert doubles
    for times in doubles:
        assert all(earlier[1] <= later[0] for earlier, later in pairwise(times)), times


def test_personal_calendar_file(tmp_path: Path) -> None:
    out = tmp_path / "mine.ics"
    result = CliRunner().invoke(main, ["ical", str(ROOT / "plans" / "10k-8-weeks.md"), "--race-date", "2027-05-16",
                                       "-o", str(out), "--project", str(ROOT)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert lint(data) == []
    race = next(e for e in Calendar.from_ical(data).walk("VEVENT") if e.categories[0] == "race")
    assert race["DTSTART"].dt == date(2027, 5, 16)
    result = CliRunner().invoke(main, ["ical", str(ROOT / "plans" / "10k-8-weeks.md"), "--project", str(ROOT)])
    assert result.exit_code == 2 and "--race-date or --start" in result.output



@given(st.lists(st.sampled_from([*"ab \\^,;:nä€é", "🏃\u200d♀️", chr(0x1F600), "x"]), max_size=300).map("".join))
def test_fast_folding_matches_icalendar(value: str) -> None:
    line = "DESCRIPTION:" + value
    assert fold(line) == Contentline(line).to_ical().decode("utf-8")


@given(st.lists(st.sampled_from([*"ab,;:\\\nN\r é", "\\N", "\r\n", "🏃"]), max_size=60).map("".join))
def test_fast_escaping_matches_icalendar(value: str) -> None:
    from icalendar import vText

    assert escape_text(value) == vText(value).to_ical().decode("utf-8")


@given(st.text(min_size=1, max_size=40), st.dates(), st.sampled_from(["s0", "s1", "week", "race-2027-05-16.ics"]))
def test_event_uid_is_the_name_based_uuid_of_its_identity(slug: str, day: date, slot: str) -> None:
    # A calendar keeps an event by its UID: this spelling must never drift, or subscribers get duplicates.
    expected = uuid.uuid5(NAMESPACE, f"{slug}/base/{day.isoformat()}/{slot}")
    assert event_uid(slug, "base", day, slot, "example.com") == f"{expected}@example.com"


def test_a_long_title_and_placeholder_text_stay_in_their_own_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Once, the fold of X-WR-CALNAME was computed for "NAME:" (82 octets for a 62-character title), and
    # "UID:@UID@" in a summary got the calendar's UID written into the coach's text.
    (tmp_path / "plans").mkdir()
    title = "A very long plan title that goes on and on for sixty-two chars"
    text = (FIXTURES / "plans" / "ten-k-build.md").read_text()
    text = re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.M)
    text = text.replace(f"title: {title}\n", f"title: {title}\nsummary: 'Write UID:@UID@ and NAME:@NAME@ as you like'\n", 1)
    (tmp_path / "plans" / "long.md").write_text(text)
    build(tmp_path, monkeypatch)
    for feed in sorted((tmp_path / "site").rglob("*.ics"))[:3]:
        data = feed.read_bytes()
        assert lint(data) == [], feed
        calendar = Calendar.from_ical(data)
        assert str(calendar["X-WR-CALNAME"]).startswith(title) and str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"])
        assert str(calendar["DESCRIPTION"]).startswith("Write UID:@UID@ and NAME:@NAME@ as you like")
        assert re.fullmatch(r"[0-9a-f-]{36}@[\w.-]+", str(calendar["UID"]))


def test_a_session_the_taper_cut_in_a_loading_week_says_so(tmp_path: Path) -> None:
    """A 10K's 10-day taper begins on day 5 of a week still called a loading week: its calendar
    says the taper changed the session, not "this load week"."""
    out = tmp_path / "mine.ics"
    result = CliRunner().invoke(main, ["ical", str(FIXTURES / "plans" / "ten-k-build.md"), "--race-date", "2027-05-16",
                                       "-o", str(out), "--project", str(ROOT)])
    assert result.exit_code == 0, result.output
    text = re.sub(r"\r\n ", "", out.read_text(encoding="utf-8"))
    assert "(changed for the taper\\, which begins this week)" in text
    assert "changed for this load week" not in text


def test_a_strength_session_left_out_before_the_race_is_a_rest_day_that_says_what_was_written(tmp_path: Path) -> None:
    out = tmp_path / "mine.ics"
    plan = FIXTURES / "engine" / "strength-race-week.md"
    result = CliRunner().invoke(main, ["ical", str(plan), "--race-date", "2027-06-06", "-o", str(out), "--project", str(ROOT)])
    assert result.exit_code == 0, result.output
    events = [e for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT") if str(e["SUMMARY"]) == "W3 · Rest"]
    assert len(events) == 1 and events[0].decoded("DTSTART") == date(2027, 6, 3)
    assert "Written as: Back squat 2x8 @ 50 kg, RPE 8" in str(events[0]["DESCRIPTION"])


def test_a_lighter_week_the_author_wrote_is_one_in_the_calendar_too(tmp_path: Path) -> None:
    out = tmp_path / "steps.ics"
    plan = FIXTURES / "engine" / "step-backs.md"
    result = CliRunner().invoke(main, ["ical", str(plan), "--race-date", "2027-06-27", "-o", str(out), "--project", str(ROOT)])
    assert result.exit_code == 0, result.output
    weeks = {str(e["SUMMARY"]): e for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT") if "·" in str(e["SUMMARY"])
             and str(e["SUMMARY"]).startswith("Week 3 ")}
    [summary] = weeks
    assert summary == "Week 3 · Lighter week" and "deload" in str(weeks[summary]["CATEGORIES"].to_ical())


def test_a_plan_with_a_reference_time_gives_its_paces_in_the_published_feed(project: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The page shows the paces of the plan's reference time (10K in 50:00); a calendar reader saw
    none. The reader's own file (calendar.json) starts without them: it adds the reader's."""
    import json

    build(project, monkeypatch)
    folder = project / "site" / "plans" / "10k-8-weeks"
    feed = Calendar.from_ical(next(folder.glob("race-*.ics")).read_bytes())
    paced = [str(e["DESCRIPTION"]) for e in feed.walk("VEVENT") if "Paces for 10K in 50:00: " in str(e["DESCRIPTION"])]
    assert paced and any("5K effort 4:46–4:52/km" in d for d in paced)
    events = json.loads((folder / "calendar.json").read_text(encoding="utf-8"))["events"]
    assert all("Paces for" not in e[10] for e in events if len(e) > 10) and any(len(e) > 10 for e in events)


def test_a_race_through_the_night_spans_the_days_it_runs_on() -> None:
    """'Race 100 mi or 30 h' had been one all-day event on its Saturday; it spans Saturday and
    Sunday. A marathon stays on its day."""
    from generator.config import Settings
    from generator.periodize import expand
    from generator.render.ical import plan_events

    from .helpers import plan_from

    for race, days in (("Race 100 mi or 30 h", 2), ("Race marathon", 1)):
        expanded = expand(plan_from(f"---\ntitle: U\nunits: mi\n---\n## Week 1\n- Tue: Easy 5 mi\n## Week 2\n- Sat: {race}\n"))
        [event] = [e for e in plan_events(expanded, Settings(root=Path(".")), {}, datetime(2026, 12, 1), "https://x.org/")
                   if e.slot == "s0" and e.offset == 12]
        assert event.days == days, race


def test_a_race_that_now_spans_two_days_is_news_to_a_subscriber() -> None:
    """The race event of a 30-hour race grew a second day while keeping its revision (SEQUENCE 0):
    a subscriber's calendar would not have taken the new end. One-day events hash as before."""
    from generator.render.ical import _event

    class Revisions:
        def __init__(self) -> None:
            self.hashes: list[str] = []

        def lookup(self, key: str, digest: str, legacy: str) -> tuple[str, int, str]:
            self.hashes.append(digest)
            return digest, 0, "20261201T000000Z"

    seen = Revisions()
    for days in (1, 1, 2):
        _event(seen, "k", "W9 · Race 100 mi", "d", ["race"], 60, days, "s0", None)  # type: ignore[arg-type]
    assert seen.hashes[0] == seen.hashes[1] != seen.hashes[2]


def test_the_goal_races_summary_is_its_name_and_distance() -> None:
    """'W12 · Your first half marathon: Race half marathon @ goal pace' said its pace twice over in a
    calendar's one line; the pace is in the description."""
    from generator.periodize import expand
    from generator.render.icaltext import session_summary

    from .helpers import plan_from

    expanded = expand(plan_from("---\ntitle: H\nunits: mi\nrace: {name: City Half, distance: half}\n---\n"
                                "## Week 1\n- Tue: Easy 3 mi\n## Week 2\n- Sun: Race half @ goal pace\n"))
    race = expanded.race_session
    assert race is not None
    assert session_summary(expanded, expanded.weeks[-1], race) == "W2 · City Half: Race half marathon"
