"""The site in headless Chromium: accessibility (axe-core), the race-date picker, units, hostile plans."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from .conftest import FIXTURES, need
from .site_build import build_project, make_project

pytestmark = pytest.mark.browser
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


class Site:
    """The built site, served over HTTP on localhost as a static host would serve it."""

    def __init__(self, root: Path, base: str):
        self.root = root
        self.base = base

    def url(self, name: str) -> str:
        return self.base + name

    def __truediv__(self, name: str) -> Path:
        return self.root / name


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    plans = sorted((FIXTURES.parent.parent / "plans").glob("*.md")) + sorted((FIXTURES / "hostile").glob("*.md"))
    yield from _served(make_project(tmp_path_factory.mktemp("browser"), plans))


def _served(project: Path) -> Iterator[Site]:
    """The project built, and its site served on localhost until the caller is done with it."""
    build_project(project, "--no-pdf")
    root = project / "site"
    handler = functools.partial(QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Site(root, f"http://127.0.0.1:{server.server_address[1]}/")
    server.shutdown()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = need("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - installed by make test
        pytest.fail("playwright is not installed: run 'make test'")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.problems = []  # type: ignore[attr-defined]
    tab.on("pageerror", lambda error: tab.problems.append(f"error: {error}"))
    tab.on("console", lambda msg: tab.problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    tab.on("dialog", lambda dialog: (tab.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    tab.on("request", lambda request: None if request.url.startswith(("http://127.0.0.1:", "data:")) else tab.problems.append(f"request: {request.url}"))
    yield tab
    context.close()


def open_page(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")


@pytest.mark.parametrize("name", ["index.html", "plans/half-marathon-beginner/index.html", "deload-weeks/index.html",
                                  "plans/strength-for-runners-14-day/index.html", "plans/10-mile-masters/embed.html",
                                  "level/beginner/index.html", "plans/halbmarathon-10-wochen/index.html"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(site: Site, page: Any, name: str, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.emulate_media(color_scheme=scheme)
    open_page(page, site.url(name))
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}})
    violations = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]
    assert violations == []
    assert page.problems == []


def test_race_date_picker_sets_dates_and_feed_links(site: Site, page: Any) -> None:
    plan = site / "plans/half-marathon-beginner/index.html"
    open_page(page, site.url("plans/half-marathon-beginner/index.html"))
    picker = page.locator("#plan-date")
    assert picker.is_visible()
    picker.fill("2027-04-18")  # a Sunday, as the plan is written
    picker.dispatch_event("change")
    race_day = page.locator("#week-12 .day").nth(6)
    assert race_day.locator(".when").inner_text() == "Sun 18 Apr"  # as the build writes days
    assert page.locator("#week-1 .day").nth(0).locator(".when").inner_text() == "Mon 25 Jan"
    assert "Sun 18 Apr 2027" in page.locator("#plan-date-msg").inner_text()
    webcal = page.locator("[data-cal=webcal]").get_attribute("href")
    assert webcal == "webcal://deload.example.org/plans/half-marathon-beginner/race-2027-04-18.ics"
    assert (plan.parent / "race-2027-04-18.ics").exists()
    google = page.locator("[data-cal=google]").get_attribute("href")
    assert google.endswith("cid=webcal%3A%2F%2Fdeload.example.org%2Fplans%2Fhalf-marathon-beginner%2Frace-2027-04-18.ics")
    assert page.url.endswith("#race=2027-04-18")
    # a weekday without a feed: dates still follow, the subscription links are disabled with the reason
    picker.fill("2027-04-21")
    picker.dispatch_event("change")
    assert "There is no subscription for that day" in page.locator("#plan-date-msg").inner_text()
    assert page.locator("[data-cal=webcal]").get_attribute("href") is None
    assert page.problems == []


@pytest.mark.parametrize(("name", "scrolls"), [("plans/strength-for-runners-14-day/index.html", False),
                                               ("plans/10k-8-weeks/index.html", False),
                                               ("plans/marathon-novice/index.html", True)])
def test_the_volume_chart_fits_a_phone_unless_the_plan_is_long(site: Site, page: Any, name: str, scrolls: bool) -> None:
    """On a 390 px phone every bar of a short plan is in view; an 18-week plan scrolls sideways."""
    open_page(page, site.url(name))
    box = page.locator(".chart-scroll")
    overflow = box.evaluate("b => b.scrollWidth - b.clientWidth")
    assert (overflow > 0) is scrolls
    assert (box.get_attribute("tabindex") == "0") is scrolls  # a region that scrolls can be reached by keyboard


def test_a_shared_link_opens_with_its_date(site: Site, page: Any) -> None:
    page.goto(site.url("plans/10k-8-weeks/index.html#race=2027-03-14"))
    page.wait_for_load_state("load")
    assert page.locator("#plan-date").input_value() == "2027-03-14"
    assert page.locator("[data-cal=https]").get_attribute("href").endswith("race-2027-03-14.ics")


def test_units_switch_and_memory(site: Site, page: Any) -> None:
    open_page(page, site.url("index.html"))  # no choice yet: each card in its plan's own units
    cards = {slug: " ".join(page.locator(f"article.card:has(a[href*='{slug}/']) .card-facts dd").all_inner_texts())
             for slug in ("half-marathon-beginner", "10k-8-weeks")}
    assert re.search(r"\d mi\b", cards["half-marathon-beginner"]) and re.search(r"\d km\b", cards["10k-8-weeks"]), cards
    open_page(page, site.url("plans/half-marathon-beginner/index.html"))
    first = page.locator("#week-1 .s-title").first
    assert "mi" in first.inner_text()
    page.locator("[data-set-units=km]").click()
    assert "km" in first.inner_text() and "mi" not in first.inner_text()
    assert page.locator("[data-set-units=km]").get_attribute("aria-pressed") == "true"
    open_page(page, site.url("plans/10k-8-weeks/index.html"))
    assert page.locator("html").get_attribute("data-units") == "km"
    open_page(page, site.url("index.html"))  # the cards follow the reader's choice: one unit to compare plans in
    assert page.locator("html").get_attribute("data-units") == "km"
    facts = " ".join(page.locator(".card-facts dd").all_inner_texts())
    assert re.search(r"\d km\b", facts) and not re.search(r"\d mi\b", facts), facts


def test_without_javascript_the_plan_still_reads(browser: Any, site: Site) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site.url("plans/half-marathon-beginner/index.html"))
    assert not tab.locator("#plan-date").is_visible()  # the picker needs JavaScript
    assert tab.locator(".week").count() == 12
    assert "Long run 5.5 mi" in tab.locator("#week-1").inner_text()
    assert tab.locator(".feed-list summary").is_visible()
    context.close()


def test_hostile_plans_run_no_script(site: Site, page: Any) -> None:
    for name in ("script-everywhere", "attributes"):
        for sub in ("index.html", "embed.html"):
            open_page(page, site.url(f"plans/{name}/{sub}"))
            page.hover("h1")
            for selector in ("h3", ".s-title", "main a"):
                if page.locator(selector).count():
                    page.locator(selector).first.hover()
            assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.problems == []


def test_the_page_script_computes_the_same_paces_as_python(site: Site, page: Any) -> None:
    """paces.js mirrors generator/paces.py: the same table and the same pace for every spec."""
    from generator.model import Performance
    from generator.paces import evaluate, pace_table
    from generator.render.pacetable import range_text, speed_text

    open_page(page, site.url("plans/10k-8-weeks/index.html"))
    specs = ["e:easy", "e:threshold", "e:easy|e:steady", "r:5:90:92:0:0", "r:42.195:105:105:0:0",
             "r:42.195:100:100:-6.21:-6.21", "r:5:100:100:0:0|r:10:100:100:0:0", "r:21.0975:100:100:15:15",
             "v:95:95:0:0", "v:85:90:0:0|r:10:100:100:0:0"]
    coach = {"easy": "a:370:400", "threshold": "r:21.0975:100:100:-5:-5", "marathon": "a:280:285",
             "half_marathon": "r:42.195:100:100:-6:-6", "steady": "r:42.195:100:100:20:40"}
    for km, seconds in [(5.0, 1197.0), (10.0, 3000.0), (21.0975, 6300.0), (42.195, 15000.0), (1.609344, 420.0)]:
        for with_coach in (False, True):
            reference = Performance(10.0, 3000.0) if with_coach else None
            table = pace_table(Performance(km, seconds), coach if with_coach else None, reference)
            browser = page.evaluate(
                """([km, seconds, coach, reference, specs]) => {
                     const P = window.DeloadPaces, t = P.paceTable(km, seconds, coach, reference);
                     const names = Object.keys(t.efforts).sort();
                     return {vdot: t.vdot,
                             table: names.map(n => [n, P.rangeText(t.efforts[n], "km"), P.speedText(t.efforts[n], "mi")]),
                             specs: specs.map(s => P.rangeText(P.evaluate(s, t.efforts, t.vdot), "mi"))};
                   }""", [km, seconds, coach if with_coach else {}, {"km": 10.0, "seconds": 3000.0} if with_coach else None, specs])
            assert browser["vdot"] == pytest.approx(table.vdot, abs=1e-9)
            assert browser["table"] == [[n, range_text(table.efforts[n], "km"), speed_text(table.efforts[n], "mi")]
                                        for n in sorted(table.efforts)]
            assert browser["specs"] == [range_text(evaluate(s, table.efforts, table.vdot), "mi") for s in specs]
    assert page.problems == []


def test_a_reader_enters_a_10k_time_and_sees_their_paces(site: Site, page: Any) -> None:
    from generator.paces import pace_table
    from generator.render.pacetable import range_text
    from generator.source.performance import parse_performance

    open_page(page, site.url("plans/10k-8-weeks/index.html"))
    tempo = page.locator(".session.k-tempo .pace").first
    assert tempo.locator(".pace-label").inner_text() == "threshold"
    assert tempo.locator(".pace-value").inner_text() == "5:02–5:09/km"  # the coach's example, 10K in 50:00
    assert page.locator("#pace-race").input_value() == "10"  # the reader is asked for the plan's own reference race
    page.select_option("#pace-race", "10")
    page.fill("#pace-time", "45:00")
    page.click("#pace-form button[type=submit]")
    mine = pace_table(parse_performance("10k=45:00"))
    assert tempo.locator(".pace-value").inner_text() == range_text(mine.efforts["threshold"], "km")
    # a repeat's time at the reader's pace, as a watch shows it: "800 m: 3:xx–3:xx"
    from generator.paces import evaluate
    from generator.render.pacetable import rep_time_text

    rep = page.locator('.pace[data-pace] .rep-time[data-km="0.8"]').first
    spec = rep.locator("xpath=..").get_attribute("data-pace")
    wanted = rep_time_text(evaluate(spec, mine.efforts, mine.vdot), 0.8)
    assert rep.inner_text() == f"(800 m: {wanted})" and ":" in wanted
    assert "VDOT 45.3" in page.locator("#pace-msg").inner_text()
    assert "Your 10K: about 45:00." in page.locator("#pace-msg").inner_text()  # the plan's race at the reader's pace
    assert page.locator(".pace-table tbody tr").count() == 12
    assert "time=10-2700" in page.url
    page.click("[data-set-units=mi]")
    assert tempo.locator(".pace-value").inner_text() == range_text(mine.efforts["threshold"], "mi")
    # a new visit keeps the reader's time
    open_page(page, site.url("plans/half-marathon-beginner/index.html"))
    assert page.locator("#pace-time").input_value() == "45:00"
    assert page.locator(".pace-ref").inner_text() == "10K in 45:00"
    from generator.paces import race_seconds

    half = round(race_seconds(mine.vdot, 21.0975) / 10) * 10
    assert f"Your half marathon: about {half // 3600}:{half % 3600 // 60:02d}:{half % 60:02d}." in page.locator("#pace-msg").inner_text()
    page.click("[data-set-units=km]")
    assert page.problems == []


def test_a_half_marathon_time_written_as_hours_and_minutes_and_forgetting_it(site: Site, page: Any) -> None:
    """'1:45' for a half marathon is 1 h 45 min (1 min 45 s is no runner's time); an empty time
    forgets the reader's and shows the coach's paces again."""
    open_page(page, site.url("plans/10k-8-weeks/index.html"))
    tempo = page.locator(".session.k-tempo .pace-value").first
    coach = tempo.inner_text()
    page.select_option("#pace-race", "21.0975")
    page.fill("#pace-time", "1:45")
    page.click("#pace-form button[type=submit]")
    assert page.locator(".pace-ref").inner_text() == "Half marathon in 1:45:00"
    assert tempo.inner_text() != coach and "To forget your time" in page.locator("#pace-msg").inner_text()
    page.fill("#pace-time", "")
    with page.expect_navigation():
        page.click("#pace-form button[type=submit]")
    page.wait_for_load_state("load")
    assert page.locator(".session.k-tempo .pace-value").first.inner_text() == coach
    assert page.locator("#pace-time").input_value() == "" and "time=" not in page.url
    assert page.problems == []


def test_the_race_day_picked_is_remembered_and_a_bad_link_ignored(site: Site, page: Any) -> None:
    url = site.url("plans/half-marathon-beginner/index.html")
    open_page(page, url)
    default = page.locator("#plan-date").input_value()
    assert "this week is its week" not in page.locator("#plan-date-msg").inner_text()  # the soonest day a reader starts on
    page.locator("#plan-date").fill("2027-05-02")
    page.locator("#plan-date").dispatch_event("change")
    open_page(page, site.url("index.html"))
    open_page(page, url)  # a later visit, without the link that named the day
    assert page.locator("#plan-date").input_value() == "2027-05-02"
    assert page.locator("[data-cal=https]").get_attribute("href").endswith("race-2027-05-02.ics")
    page.goto(url + "#race=2027-02-30")  # no such day: the remembered one stays, with its links
    page.reload()
    assert page.locator("#plan-date").input_value() == "2027-05-02" != default
    assert page.locator("[data-cal=https]").get_attribute("href").endswith("race-2027-05-02.ics")
    page.locator("#plan-date").fill("2025-05-04")  # a race that is over
    page.locator("#plan-date").dispatch_event("change")
    assert page.locator("#plan-date-msg").inner_text().startswith("That race day has passed.")
    soon = date.today() + timedelta(days=(6 - date.today().weekday()) + 28)  # a Sunday race 4-5 weeks away
    page.locator("#plan-date").fill(soon.isoformat())  # a 12-week plan already begun: the reader is told where they join it
    page.locator("#plan-date").dispatch_event("change")
    joined = (date.today() - (soon - timedelta(days=12 * 7 - 1))).days // 7 + 1
    said = page.locator("#plan-date-msg").inner_text()
    assert f"this week is its week {joined} of 12" in said
    before = page.locator(f"#week-{joined - 1} .wk-volume .u-mi").inner_text()  # the plan's miles, as the page reads
    assert f"what its week {joined - 1} asks: {before}" in said
    page.locator("#plan-date").fill("2027-05-05")  # a Wednesday: the week's days move with it
    page.locator("#plan-date").dispatch_event("change")
    assert "check that the rest days still suit your week" in page.locator("#plan-date-msg").inner_text()
    assert page.problems == []


@pytest.mark.parametrize("width", [320, 1000])
def test_no_text_runs_out_of_its_box(site: Site, browser: Any, width: int) -> None:
    """A 320 px phone does not scroll sideways (a coach's table in the intro scrolls on its own),
    and at seven columns a long German word breaks inside its day."""
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="de-DE")
    tab = context.new_page()
    tab.goto(site.url("plans/halbmarathon-10-wochen/index.html"))
    tab.wait_for_load_state("load")
    assert tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    spilled = tab.evaluate("[...document.querySelectorAll('.day')].filter(d => d.scrollWidth > d.clientWidth + 1).length")
    assert spilled == 0
    context.close()


def test_a_printed_plan_page_lists_each_weeks_days_one_under_another(site: Site, page: Any) -> None:
    """Printed from the browser, the page had seven columns a week: 'Bodyweight' broke in two and
    a plan took 12 Letter pages. On paper a day is a row: its label, then its sessions beside it."""
    open_page(page, site.url("plans/half-marathon-beginner/index.html"))
    page.evaluate("window.__printed = 0; window.print = function () { window.__printed += 1; }; 0")  # not a function: Playwright would call it
    page.click("[data-print]")  # the page's own button: the reader's dates and paces, on paper
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    boxes = page.evaluate("[...document.querySelectorAll('#week-1 .day')].map(d => d.getBoundingClientRect().top)")
    assert len(boxes) == 7 and boxes == sorted(boxes) and len(set(boxes)) == 7  # one under another
    label, sessions = page.evaluate("(() => { const d = document.querySelector('#week-1 .day:not(.rest-day)');"
                                    " return [d.children[0].getBoundingClientRect().left, d.children[1].getBoundingClientRect().left]; })()")
    assert sessions > label  # the sessions beside their day, not under it
    assert page.evaluate("getComputedStyle(document.querySelector('.pace-form')).display") == "none"


def test_the_embed_stays_light_on_a_reader_in_dark_mode(site: Site, page: Any) -> None:
    """An embed cannot see the blog around it: it does not turn into a black box on a light blog."""
    page.emulate_media(color_scheme="dark")
    open_page(page, site.url("plans/10-mile-masters/embed.html"))
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    open_page(page, site.url("plans/10-mile-masters/index.html"))  # the plan's own page follows the reader
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(251, 250, 247)"


def _download(page: Any) -> tuple[str, str]:
    with page.expect_download() as info:
        page.click("#plan-ics")
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes().decode("utf-8")


def test_the_calendar_file_for_a_feed_day_is_that_feed(site: Site, page: Any) -> None:
    """Built in the browser from calendar.json, a file for a day that has a feed is the feed, byte for byte."""
    open_page(page, site.url("plans/half-marathon-beginner/index.html"))
    page.fill("#plan-date", "2027-04-18")
    page.dispatch_event("#plan-date", "change")
    name, text = _download(page)
    assert name == "half-marathon-beginner-race-2027-04-18.ics"
    published = (site / "plans/half-marathon-beginner/race-2027-04-18.ics").read_bytes().decode("utf-8")
    assert text == published
    assert page.problems == []


def test_a_wednesday_race_gets_its_own_calendar_with_the_readers_paces(site: Site, page: Any) -> None:
    from icalendar import Calendar

    from generator.paces import pace_table
    from generator.render.pacetable import range_text
    from generator.source.performance import parse_performance

    open_page(page, site.url("plans/10k-8-weeks/index.html"))
    page.select_option("#pace-race", "10")
    page.fill("#pace-time", "45:00")
    page.click("#pace-form button[type=submit]")
    page.fill("#plan-date", "2027-05-19")  # a Wednesday: no feed for it
    page.dispatch_event("#plan-date", "change")
    message = page.locator("#plan-date-msg").inner_text()
    assert "There is no subscription for that day" in message and "download the calendar file" in message
    for link in page.locator("[data-cal]").all():
        assert link.get_attribute("href") is None and link.get_attribute("aria-disabled") == "true"
    name, text = _download(page)
    assert name == "10k-8-weeks-race-2027-05-19.ics"
    calendar = Calendar.from_ical(text)
    events = [c for c in calendar.walk("VEVENT")]
    race = [e for e in events if str(e.get("CATEGORIES").cats[0]) == "race"]  # the session's kind comes first
    assert [e.decoded("DTSTART").isoformat() for e in race] == ["2027-05-19"]
    assert len({str(e["UID"]) for e in events}) == len(events)
    threshold = range_text(pace_table(parse_performance("10k=45:00")).efforts["threshold"], "km")
    tempo = next(e for e in events if str(e.get("CATEGORIES").cats[0]) == "tempo")
    assert f"Your paces (10K in 45:00): threshold {threshold}" in str(tempo["DESCRIPTION"])
    assert "Paces for 10K in 50:00" not in str(tempo["DESCRIPTION"])  # the reader's own, in place of the plan's
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    # back to a day with a feed: the subscription links come back
    last = page.locator("#plan").get_attribute("data-feeds").split()[-1]
    page.fill("#plan-date", last)
    page.dispatch_event("#plan-date", "change")
    assert page.locator("[data-cal=webcal]").get_attribute("href").endswith(f"race-{last}.ics")
    assert page.problems == []


def test_a_readers_calendar_gives_paces_in_the_plans_units_first(site: Site, page: Any) -> None:
    """A reader in miles of a plan in km: the sessions say km, so the paces do too, with miles beside them."""
    from icalendar import Calendar

    from generator.paces import pace_table
    from generator.render.pacetable import range_text
    from generator.source.performance import parse_performance

    open_page(page, site.url("plans/10k-8-weeks/index.html"))
    page.click("[data-set-units=mi]")
    page.select_option("#pace-race", "10")
    page.fill("#pace-time", "45:00")
    page.click("#pace-form button[type=submit]")
    page.fill("#plan-date", "2027-05-19")
    page.dispatch_event("#plan-date", "change")
    _, text = _download(page)
    tempo = next(e for e in Calendar.from_ical(text).walk("VEVENT") if str(e.get("CATEGORIES").cats[0]) == "tempo")
    threshold = pace_table(parse_performance("10k=45:00")).efforts["threshold"]
    description = str(tempo["DESCRIPTION"])
    assert " km" in description.splitlines()[0]  # the session as the coach wrote it
    assert f"threshold {range_text(threshold, 'km')} ({range_text(threshold, 'mi')})" in description
    assert page.problems == []


@pytest.mark.parametrize("slug", ["10k-8-weeks", "half-marathon-beginner"])
def test_a_reader_downloads_a_weeks_watch_files_with_their_paces(site: Site, page: Any, slug: str) -> None:
    """In Chromium: enter a time, download week 2's zip; each file is the one Python writes for those
    paces, from a plan published with the coach's paces (10K) or without (the half: open targets)."""
    import io
    import json
    import zipfile

    import fitdecode
    from garmin_fit_sdk import Decoder, Stream

    from generator.config import Settings
    from generator.paces import evaluate, plan_pace_table
    from generator.render.fit import speed_value
    from generator.source.performance import parse_performance
    from generator.source.reader import read_plan

    from .conftest import ROOT

    open_page(page, site.url(f"plans/{slug}/index.html"))
    page.select_option("#pace-race", "10")
    page.fill("#pace-time", "45:00")
    page.click("#pace-form button[type=submit]")
    with page.expect_download() as info:
        page.click("a[data-fit-week='2']")
    download = info.value
    assert download.suggested_filename == f"{slug}-week-02.zip"
    archive = zipfile.ZipFile(io.BytesIO(Path(download.path()).read_bytes()))
    assert archive.testzip() is None
    templates = json.loads((site / f"plans/{slug}/fit/fit.json").read_text(encoding="utf-8"))
    plan, _ = read_plan(ROOT / "plans" / f"{slug}.md", Settings(root=ROOT))
    table = plan_pace_table(plan, parse_performance("10k=45:00"))
    week2 = [f for f in templates["files"] if f[1] == 2]
    assert any(len(f) == 4 for f in week2) == (slug == "half-marathon-beginner")  # published without paces
    assert sorted(archive.namelist()) == sorted("GARMIN/NewFiles/" + f[0] for f in week2)
    published = zipfile.ZipFile(site / f"plans/{slug}/fit/{slug}.zip")
    speeds = 0
    for name, _, patches, *speed_at in week2:
        data = archive.read("GARMIN/NewFiles/" + name)
        assert Decoder(Stream.from_byte_array(bytearray(data))).check_integrity()
        with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE) as reader:
            assert sum(1 for frame in reader if isinstance(frame, fitdecode.FitDataMessage)) > 2
        # the base: the published file, its target types set back to speed where it has no paces
        expected = bytearray(published.read("GARMIN/NewFiles/" + name))
        for kind, value in speed_at[0] if speed_at else ():
            expected[kind], expected[value:value + 4] = 0, bytes(4)
        for offset, spec, end in patches:
            fast, slow = evaluate(spec, table.efforts, table.vdot)
            value = speed_value(slow if end == "low" else fast)
            assert int.from_bytes(data[offset:offset + 4], "little") == value
            expected[offset:offset + 4] = value.to_bytes(4, "little")
            speeds += 1
        assert data[:-2] == bytes(expected[:-2])  # the same bytes as Python's, but the checksum recomputed
    assert speeds > 0
    # a single session's file, too
    first = week2[0][0]
    with page.expect_download() as info:
        page.click(f"a[data-fit='{first}']")
    assert info.value.suggested_filename == first
    assert page.problems == []


def test_a_sessions_watch_file_without_a_time_is_the_published_one(site: Site, page: Any) -> None:
    import zipfile

    open_page(page, site.url("plans/half-marathon-beginner/index.html"))
    link = page.locator("a[data-fit]").first
    name = link.get_attribute("data-fit")
    assert link.get_attribute("href").endswith("/half-marathon-beginner.zip")  # without JavaScript: the plan's zip
    with page.expect_download() as info:
        link.click()
    assert info.value.suggested_filename == name
    with zipfile.ZipFile(site / "plans/half-marathon-beginner/fit/half-marathon-beginner.zip") as archive:
        published = archive.read("GARMIN/NewFiles/" + name)  # the file the plan's zip holds
        week1 = sorted(n for n in archive.namelist() if "-w01-" in n)
    assert Path(info.value.path()).read_bytes() == published
    with page.expect_download() as info:  # a week's zip, made by the script from the plan's, as published
        page.click("a[data-fit-week='1']")
    assert info.value.suggested_filename == "half-marathon-beginner-week-01.zip"
    with zipfile.ZipFile(Path(info.value.path())) as archive, \
            zipfile.ZipFile(site / "plans/half-marathon-beginner/fit/half-marathon-beginner.zip") as plan_zip:
        assert archive.testzip() is None and sorted(archive.namelist()) == week1
        assert all(archive.read(n) == plan_zip.read(n) for n in week1)
    assert page.problems == []


@pytest.fixture(scope="module")
def german_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A site whose language is German, with the bundled German plan."""
    project = make_project(tmp_path_factory.mktemp("german"), [FIXTURES.parent.parent / "plans" / "halbmarathon-10-wochen.md"])
    toml = project / "deload.toml"
    toml.write_text(toml.read_text().replace('language = "en"', 'language = "de"'))
    build_project(project, "--no-pdf")
    handler = functools.partial(QuietHandler, directory=str(project / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Site(project / "site", f"http://127.0.0.1:{server.server_address[1]}/")
    server.shutdown()


@pytest.mark.parametrize("name", ["index.html", "plans/halbmarathon-10-wochen/index.html", "deload-weeks/index.html",
                                  "plans/halbmarathon-10-wochen/embed.html"])
def test_a_german_site_passes_axe(german_site: Site, page: Any, name: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    open_page(page, german_site.url(name))
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}})
    assert [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]] == []
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.problems == []


def test_the_scripts_speak_the_pages_language(german_site: Site, page: Any) -> None:
    """The date picker's and the pace form's messages come from the catalog, in German."""
    open_page(page, german_site.url("plans/halbmarathon-10-wochen/index.html"))
    picker = page.locator("#plan-date")
    picker.fill("2027-04-18")
    picker.dispatch_event("change")
    message = page.locator("#plan-date-msg").inner_text()
    assert "Dates" not in message and "2027" in message and ("Wettkampf" in message or "Termine" in message), message
    page.select_option("#pace-race", "5")  # the form starts at the plan's own reference race, a 10K
    page.locator("#pace-time").fill("25:00")
    page.locator("#pace-form button[type=submit]").click()
    paces = page.locator("#pace-msg").inner_text()
    assert "every session below" not in paces and "VDOT" in paces, paces
    assert page.locator(".pace-table th[scope=row]").first.inner_text() not in ("Recovery", "Easy")
    assert page.problems == []


def test_a_reader_gives_their_vma_and_sees_their_paces(tmp_path: Path, page: Any) -> None:
    """A French plan sets its intervals as shares of VMA: its reader, who knows their VMA from a test,
    gives it in km/h (16,5), asked for it first, and gets the paces Python gives 'VMA 16.5 km/h', kept
    for the next visit."""
    from generator.paces import evaluate, pace_table
    from generator.render.pacetable import range_text
    from generator.source.performance import parse_performance

    plans = [FIXTURES / "language" / "vma-10k-fr.md", FIXTURES.parent.parent / "plans" / "10k-8-weeks.md"]
    for served in _served(make_project(tmp_path, plans)):
        url, other = served.url("plans/vma-10k-fr/index.html"), served.url("plans/10k-8-weeks/index.html")
        open_page(page, url)  # a plan of VMA shares asks for a VMA first
        assert page.locator("#pace-race").input_value() == "vma"
        assert page.locator("#pace-time").get_attribute("placeholder") == "16"
        open_page(page, other)  # a race time on another plan, kept apart from the VMA
        page.fill("#pace-time", "45:00")
        page.click("#pace-form button[type=submit]")
        assert page.locator('#pace-race option[value="vma"]').count() == 0  # asked only where paces are shares of it
        open_page(page, url)  # the reader's 10K time gives paces here too, until they give a VMA
        assert page.locator("#pace-race").input_value() == "10"
        page.select_option("#pace-race", "vma")
        page.fill("#pace-time", "16,5")
        page.click("#pace-form button[type=submit]")
        table = pace_table(parse_performance("VMA 16.5 km/h"))
        ninety_five = page.locator('.pace[data-pace="v:95:95:0:0"] .pace-value').first
        assert ninety_five.inner_text() == range_text(evaluate("v:95:95:0:0", table.efforts, table.vdot), "km")
        assert "VMA 16,5 km/h" in page.locator("#pace-msg").inner_text()
        open_page(page, url)  # the next visit: the reader's VMA, kept
        assert page.locator("#pace-race").input_value() == "vma" and page.locator("#pace-time").input_value() == "16,5"
        assert ninety_five.inner_text() == range_text(evaluate("v:95:95:0:0", table.efforts, table.vdot), "km")
        page.goto(other)  # the other plan keeps its reader's race time
        page.wait_for_load_state("load")
        assert page.locator("#pace-time").input_value() == "45:00"
    assert page.problems == []
