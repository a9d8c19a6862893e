"""What a reader trying the site as a newcomer noticed: units on the index cards, where a
10-mile plan is listed, the race in the chart and in the calendar, the chart's scroll cue,
and the text the author wrote shown by `deload expand`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from generator.cli import main

from .conftest import ROOT
from .site_build import build_project, make_project


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("polish"))
    build_project(project, "--no-pdf")
    return project / "site"


def _card(index: str, slug: str) -> str:
    match = re.search(rf'<article class="card"[^>]*>(?:(?!</article>).)*plans/{slug}/index\.html(?:(?!</article>).)*</article>', index, re.S)
    assert match is not None, slug
    return match.group(0)


def test_index_cards_give_the_peak_week_in_the_plans_own_units(site: Path) -> None:
    """In the plan's own units until the reader picks theirs (the page's script then shows those:
    tests/test_html_browser.py), so both are written, the plan's first."""
    index = (site / "index.html").read_text(encoding="utf-8")
    miles = _card(index, "half-marathon-beginner")
    assert 'data-units="mi"' in miles and re.search(r'<dt>Peak week</dt><dd><span class="u-mi">[\d.]+ mi</span><span class="u-km">', miles)
    metric = _card(index, "10k-8-weeks")
    assert 'data-units="km"' in metric and re.search(r'<dt>Peak week</dt><dd><span class="u-km">[\d.]+ km</span><span class="u-mi">', metric)


def test_a_10_mile_plan_is_not_listed_under_half_marathon(site: Path) -> None:
    assert "10-mile-masters" not in (site / "distance" / "half" / "index.html").read_text(encoding="utf-8")
    assert "10-mile-masters" in (site / "distance" / "other" / "index.html").read_text(encoding="utf-8")


def test_the_race_is_split_out_of_race_weeks_bar(site: Path) -> None:
    page = (site / "plans" / "marathon-novice" / "index.html").read_text(encoding="utf-8")
    chart = page[page.index('<svg class="chart"'):page.index("</svg>")]
    assert chart.count('class="c-racepart"') == 1
    assert "of which" in chart and "of training and the race, 42.2 km" in chart


def test_a_long_plans_chart_says_it_scrolls(site: Path) -> None:
    assert "Swipe the chart sideways to see all" in (site / "plans" / "marathon-novice" / "index.html").read_text(encoding="utf-8")
    assert "Swipe the chart sideways" not in (site / "plans" / "10k-8-weeks" / "index.html").read_text(encoding="utf-8")


def test_the_pick_a_day_hint_goes_once_dates_are_shown(site: Path) -> None:
    page = (site / "plans" / "10k-8-weeks" / "index.html").read_text(encoding="utf-8")
    assert '<span class="js-only undated-only"> Pick your race day above to see dates.</span>' in page
    css = (site / "assets" / "style.css").read_text(encoding="utf-8")
    assert ".plan.dated .undated-only { display: none; }" in css


def test_calendar_summaries_name_the_race_and_do_not_repeat_the_week_kind(site: Path) -> None:
    feed = next((site / "plans" / "marathon-novice").glob("race-*.ics"))
    events = Calendar.from_ical(feed.read_bytes()).walk("VEVENT")
    summaries = [str(e["SUMMARY"]) for e in events]
    race = [s for s in summaries if "Race marathon" in s]
    assert race == [next(s for s in summaries if s.startswith("W17 · Your first marathon: Race marathon"))]
    assert not any(re.search(r"· (Race|Taper|Deload) week · \1 week$", s) for s in summaries)
    assert "Week 17 · Race week" in summaries


def test_expand_shows_the_authors_comments_and_notes() -> None:
    result = CliRunner().invoke(main, ["expand", str(ROOT / "plans" / "half-marathon-beginner.md"), "-C", str(ROOT)])
    assert result.exit_code == 0
    assert "— bike, swim or elliptical" in result.output
    assert "Run the first mile slower than feels natural." in result.output
