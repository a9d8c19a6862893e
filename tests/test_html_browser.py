"""The site in headless Chromium: accessibility (axe-core), the race-date picker, units, hostile plans."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
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
    project = make_project(tmp_path_factory.mktemp("browser"), plans)
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
                                  "level/beginner/index.html"])
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
    assert race_day.locator(".when").inner_text() == "Sun, Apr 18"
    assert page.locator("#week-1 .day").nth(0).locator(".when").inner_text() == "Mon, Jan 25"
    assert "Sun, Apr 18, 2027" in page.locator("#plan-date-msg").inner_text()
    webcal = page.locator("[data-cal=webcal]").get_attribute("href")
    assert webcal == "webcal://deload.example.org/plans/half-marathon-beginner/race-2027-04-18.ics"
    assert (plan.parent / "race-2027-04-18.ics").exists()
    google = page.locator("[data-cal=google]").get_attribute("href")
    assert google.endswith("cid=webcal%3A%2F%2Fdeload.example.org%2Fplans%2Fhalf-marathon-beginner%2Frace-2027-04-18.ics")
    assert page.url.endswith("#race=2027-04-18")
    # a weekday without a feed: dates still follow, the links stay on the last valid feed
    picker.fill("2027-04-21")
    picker.dispatch_event("change")
    assert "no calendar feed for that day" in page.locator("#plan-date-msg").inner_text()
    assert page.locator("[data-cal=webcal]").get_attribute("href") == webcal
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
    open_page(page, site.url("plans/half-marathon-beginner/index.html"))
    first = page.locator("#week-1 .s-title").first
    assert "mi" in first.inner_text()
    page.locator("[data-set-units=km]").click()
    assert "km" in first.inner_text() and "mi" not in first.inner_text()
    assert page.locator("[data-set-units=km]").get_attribute("aria-pressed") == "true"
    open_page(page, site.url("plans/10k-8-weeks/index.html"))
    assert page.locator("html").get_attribute("data-units") == "km"


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
