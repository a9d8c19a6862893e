"""deload serve: preview, rebuild on change, error overlay, last good build kept, site/ untouched."""

from __future__ import annotations

import os
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from generator.serve import serve

from .conftest import ROOT, need
from .site_build import make_project


class Server:
    def __init__(self, project: Path, port: int = 0):
        self.project = project
        self.stop = threading.Event()
        self.url = ""
        self.lines: list[str] = []
        started = threading.Event()

        def ready(url: str) -> None:
            self.url = url
            started.set()

        self.thread = threading.Thread(target=serve, args=(project, "127.0.0.1", port, self.lines.append),
                                       kwargs={"ready": ready, "stop": self.stop}, daemon=True)
        self.thread.start()
        assert started.wait(60), self.lines

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.url + path, timeout=10) as response:
            return response.read().decode("utf-8")

    def wait_for(self, text: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(text in line for line in self.lines):
                return
            time.sleep(0.1)
        raise AssertionError(f"{text!r} not in {self.lines}")


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    project = make_project(tmp_path, [ROOT / "plans" / "couch-to-5k.md"])
    running = Server(project)
    yield running
    running.stop.set()
    running.thread.join(10)


def test_serves_with_live_reload_and_never_touches_site(server: Server) -> None:
    page = server.get("plans/couch-to-5k/")
    assert '<script src="/__deload/live.js"></script>' in page
    assert f'<link rel="canonical" href="{server.url}plans/couch-to-5k/">' in page
    assert "EventSource" in server.get("__deload/live.js")
    assert not (server.project / "site").exists()
    # it counts what it wrote, not the feeds and PDFs it renders only when asked
    assert any("✓ rebuilt in" in line and "feeds, watch files and PDFs are rendered when the browser asks" in line
               and " feeds," not in line.split(";")[0] for line in server.lines), server.lines


def test_a_broken_plan_keeps_the_last_good_build(server: Server) -> None:
    plan = server.project / "plans" / "couch-to-5k.md"
    good = plan.read_text()
    plan.write_text(good.replace("Easy 25 min", "Easy 25 mnn", 1))
    server.wait_for("✗ build failed")
    assert any("couch-to-5k.md:" in line and "unknown unit 'mnn'" in line for line in server.lines)
    assert "Week by week" in server.get("plans/couch-to-5k/")
    plan.write_text(good.replace("Couch to 5K", "Couch to 5K (edited)", 1))
    server.wait_for("✓ rebuilt", timeout=20)
    deadline = time.monotonic() + 20
    while "(edited)" not in server.get("plans/couch-to-5k/") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "(edited)" in server.get("plans/couch-to-5k/")


@contextmanager
def plan_page(server: Server) -> Iterator[tuple[Any, Any]]:
    """Chromium with the preview's couch-to-5k page open, its live reload connected: (browser, page)."""
    executable = need("chromium")
    from playwright.sync_api import sync_playwright

    from .test_html_browser import CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(server.url + "plans/couch-to-5k/")
        page.wait_for_timeout(500)
        yield browser, page


@pytest.mark.browser
def test_the_error_overlay_appears_and_the_page_reloads(server: Server) -> None:
    plan = server.project / "plans" / "couch-to-5k.md"
    good = plan.read_text()
    with plan_page(server) as (browser, page):
        plan.write_text(good.replace("Easy 25 min", "Easy 25 mnn", 1))
        overlay = page.locator("#deload-build-error")
        overlay.wait_for(timeout=20000)
        assert "unknown unit 'mnn'" in overlay.inner_text()
        plan.write_text(good.replace("Couch to 5K", "Couch to 5K, fixed", 1))
        deadline = time.monotonic() + 20
        while "fixed" not in page.title() and time.monotonic() < deadline:
            page.wait_for_timeout(200)
        assert "fixed" in page.title()
        assert page.locator("#deload-build-error").count() == 0
        # The index, which the preview renders when asked, reloads with the plan's new title too.
        index = browser.new_page()
        index.goto(server.url)
        index.wait_for_timeout(500)
        plan.write_text(good.replace("Couch to 5K", "Couch to 5K, again", 1))
        card = index.locator("text=Couch to 5K, again")
        card.wait_for(timeout=20000)
        browser.close()


@pytest.mark.browser
def test_a_save_that_makes_a_risky_week_shows_the_warning_over_the_page(server: Server) -> None:
    """A coach watching the browser, not the terminal, sees the load warning a save caused; closed,
    it stays closed on the next reload until the warnings change."""
    plan = server.project / "plans" / "couch-to-5k.md"
    good = plan.read_text()
    with plan_page(server) as (browser, page):
        plan.write_text(good.replace("- Wed: Run-walk 22 min: 4 x 4 min run @ easy w/ 90 s walk", "- Wed: Easy 60 min", 1))
        panel = page.locator("#deload-build-warnings")
        panel.wait_for(timeout=20000)
        assert "warning: week 3: running volume" in panel.inner_text()
        page.locator("#deload-build-warnings button").click()
        page.reload()
        page.wait_for_timeout(1000)
        assert page.locator("#deload-build-warnings").count() == 0
        plan.write_text(good.replace("- Wed: Run-walk 22 min: 4 x 4 min run @ easy w/ 90 s walk", "- Wed: Easy 61 min", 1))
        panel.wait_for(timeout=20000)  # another warning: shown again
        assert "(1 h 01 min)" in panel.inner_text()
        plan.write_text(good)  # fixed: nothing to say, and the tab says nothing
        panel.wait_for(state="detached", timeout=20000)
        browser.close()


def test_idle_connections_are_bounded_and_time_out(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from generator import serve as serve_module

    assert serve_module.Handler.timeout == serve_module.IDLE_SECONDS == 10  # shortened below, to keep the test quick
    monkeypatch.setattr(serve_module.Handler, "timeout", 1.0)
    host, port = server.url.split("//")[1].rstrip("/").split(":")
    before = threading.active_count()
    idle = [socket.create_connection((host, int(port))) for _ in range(300)]  # connect, say nothing
    time.sleep(0.5)
    assert threading.active_count() <= before + serve_module.MAX_CONNECTIONS
    for sock in idle:  # every one is closed by the server: by its idle timeout, or at once when over the limit
        sock.settimeout(10)
        assert sock.recv(1024) in (b"", b"HTTP/1.0 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\n\r\n")
        sock.close()
    assert "Couch to 5K" in server.get("plans/couch-to-5k/")


def test_a_client_that_leaves_early_is_no_error(server: Server, capfd: pytest.CaptureFixture[str]) -> None:
    import socket

    host, port = server.url.split("//")[1].rstrip("/").split(":")
    for path in ("plans/couch-to-5k/", "__deload/events", "assets/style.css"):
        sock = socket.create_connection((host, int(port)))
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # close with a reset
        sock.sendall(f"GET /{path} HTTP/1.0\r\n\r\n".encode())
        sock.close()
    time.sleep(1.0)
    assert "Couch to 5K" in server.get("plans/couch-to-5k/")
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err and "BrokenPipe" not in captured.err


def test_a_pdf_the_preview_links_is_rendered_when_asked_for(server: Server) -> None:
    """Without --pdf the preview links the PDFs as the published site does, and renders one on request."""
    page = server.get("plans/couch-to-5k/")
    assert 'href="couch-to-5k-a4.pdf"' in page and 'href="couch-to-5k-fridge-letter.pdf"' in page
    for name in ("couch-to-5k-a4.pdf", "couch-to-5k-fridge-letter.pdf"):
        with urllib.request.urlopen(server.url + "plans/couch-to-5k/" + name, timeout=60) as response:
            assert response.headers["Content-Type"] == "application/pdf"
            assert response.read().startswith(b"%PDF-")
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(server.url + "plans/no-such-plan/no-such-plan-a4.pdf", timeout=10)
    assert missing.value.code == 404


def test_files_the_preview_links_are_rendered_when_asked_for(tmp_path: Path) -> None:
    """The preview writes only a plan's page on a rebuild (the watch files alone would cost
    most of it); asked for a plan's JSON, watch file, feed, embed view or image, it gives what
    the published site has, dated by the preview build's clock. A plan that is not in the last
    good build has none."""
    import re

    from icalendar import Calendar

    from .site_build import build_project, fixed_clock

    def events(data: bytes) -> list[tuple[str, str, str]]:
        calendar = Calendar.from_ical(data)
        return sorted((str(e["UID"]).split("@")[0], e["DTSTART"].to_ical().decode(), str(e["SUMMARY"])) for e in calendar.walk("VEVENT"))

    with fixed_clock():  # one clock for the published build and the preview's
        published = make_project(tmp_path / "published", [ROOT / "plans" / "couch-to-5k.md"])
        build_project(published, "--no-pdf")
        server = Server(make_project(tmp_path / "preview", [ROOT / "plans" / "couch-to-5k.md"]))
        try:
            page = server.get("plans/couch-to-5k/")
            assert "fit/" in page
            preview = server.project / ".deload" / "preview"
            assert (preview / "plans" / "couch-to-5k" / "index.html").is_file()
            for pattern in ("fit.json", "plan.json", "*.ics", "embed.html", "og.png"):
                assert not list(preview.rglob(pattern)), pattern
            folder = published / "site" / "plans" / "couch-to-5k"
            zips = sorted(p.relative_to(folder).as_posix() for p in folder.glob("fit/*.zip"))
            assert zips == ["fit/couch-to-5k.zip"]  # the plan's zip: the page's script makes a week's
            assert "Couch to 5K" in server.get("plans/couch-to-5k/embed.html")
            for name in ["plan.json", "fit/fit.json", "og.png", *zips]:
                with urllib.request.urlopen(server.url + "plans/couch-to-5k/" + name, timeout=60) as response:
                    assert response.read() == (folder / name).read_bytes(), name
            feeds = re.findall(r'href="[^"]*/plans/couch-to-5k/([^"/]+\.ics)"', page)
            assert feeds
            for name in sorted(set(feeds)):  # the same events; their links and UIDs name the preview's address
                with urllib.request.urlopen(server.url + "plans/couch-to-5k/" + name, timeout=60) as response:
                    assert response.headers["Content-Type"].startswith("text/calendar")
                    assert events(response.read()) == events((folder / name).read_bytes()), name
            for missing in ("plans/couch-to-5k/fit/no-such-week.zip", "plans/no-such-plan/plan.json"):
                with pytest.raises(urllib.error.HTTPError) as refused:
                    urllib.request.urlopen(server.url + missing, timeout=10)
                assert refused.value.code == 404
        finally:
            server.stop.set()
            server.thread.join(10)


def test_a_plan_not_in_the_last_good_build_has_no_files_on_demand(server: Server) -> None:
    """A plan added while the build is broken is not shown in any part, page or file."""
    broken = server.project / "plans" / "couch-to-5k.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("\n- ", "\n- Blah ", 1), encoding="utf-8")
    server.wait_for("build failed")
    (server.project / "plans" / "another.md").write_text(
        "---\ntitle: Another\nunits: km\n---\n## Week 1\n- Tue: Easy 5 km\n", encoding="utf-8")
    time.sleep(0.5)
    for path in ("plans/another/", "plans/another/index.html", "plans/another/plan.json", "plans/another/og.png"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(server.url + path, timeout=10)
        assert refused.value.code == 404, path


def test_list_pages_are_rendered_when_asked_for(tmp_path: Path) -> None:
    """A plan's edit costs the preview that plan's pages, not the index of every plan: the list
    pages, sitemap, Atom feed and 404 page are rendered when a browser asks for one, as a build
    would write them; a server started again on an unchanged preview still has them."""
    from dataclasses import replace

    from generator.build import build_site
    from generator.config import load_settings

    from .site_build import fixed_clock

    project = make_project(tmp_path / "p", [ROOT / "plans" / "couch-to-5k.md", ROOT / "plans" / "10k-8-weeks.md"])
    preview = project / ".deload" / "preview"
    names = ["", "distance/5k/", "level/beginner/", "sitemap.xml", "feed.xml", "robots.txt", "deload-weeks/"]
    port = free_port()  # one port for both servers: the preview's address is part of its pages
    with fixed_clock():
        server = Server(project, port)
        try:
            assert not (preview / "index.html").exists() and not (preview / "sitemap.xml").exists()
            served = {name: server.get(name) for name in names}
            with pytest.raises(urllib.error.HTTPError) as missing:
                urllib.request.urlopen(server.url + "no/such/page/", timeout=10)
            assert missing.value.code == 404 and "Page not found" in missing.value.read().decode("utf-8")
            with urllib.request.urlopen(server.url + "distance/5k", timeout=10) as redirected:  # the folder, no slash
                assert redirected.url.endswith("/distance/5k/")
            # As a build at the same address and clock writes them (the preview adds its reload script).
            settings = replace(load_settings(project), base_url=server.url)
            build_site(settings, pdf=False, output=tmp_path / "written", save_state=False)
            for name in names:
                written = (tmp_path / "written" / (name + "index.html" if name.endswith("/") or not name else name))
                expected = written.read_text(encoding="utf-8")
                if name.endswith("/") or not name:
                    expected = expected.replace("</body>", '<script src="/__deload/live.js"></script>\n</body>', 1)
                assert served[name] == expected, name
            plan = project / "plans" / "couch-to-5k.md"
            plan.write_text(plan.read_text(encoding="utf-8").replace("Couch to 5K", "Sofa to 5K", 1), encoding="utf-8")
            server.wait_for("✓ rebuilt")
            deadline = time.monotonic() + 20
            while "Sofa to 5K" not in server.get("") and time.monotonic() < deadline:
                time.sleep(0.2)
            assert "Sofa to 5K" in server.get("") and "Sofa to 5K" in server.get("feed.xml")
            assert not (preview / "index.html").exists()
        finally:
            server.stop.set()
            server.thread.join(10)
        again = Server(project, port)  # nothing changed: its first build does nothing, and the pages are there
        try:
            again.wait_for("nothing changed")
            assert "Sofa to 5K" in again.get("") and "Sofa to 5K" in again.get("distance/5k/")
        finally:
            again.stop.set()
            again.thread.join(10)


def test_a_list_page_the_preview_renders_when_asked_shows_its_template_error(tmp_path: Path) -> None:
    """A coach's broken list template: a syntax error fails the preview's build, as it fails
    `deload build`; an error that shows only when the page is rendered is shown when it is asked for."""
    project = make_project(tmp_path / "p", [ROOT / "plans" / "couch-to-5k.md"])
    (project / "templates").mkdir()
    template = project / "templates" / "index.html"
    original = (ROOT / "templates" / "index.html").read_text(encoding="utf-8")
    template.write_text(original.replace("{% block content %}", "{% block content %}{{ no_such_thing }}", 1), encoding="utf-8")
    server = Server(project)
    try:
        with pytest.raises(urllib.error.HTTPError) as failed:
            urllib.request.urlopen(server.url, timeout=10)
        body = failed.value.read().decode("utf-8")
        assert failed.value.code == 500 and "index.html:" in body and "no_such_thing" in body
        assert "/__deload/live.js" in body  # the page reloads once the template is mended
        assert any("template error" in line and "no_such_thing" in line for line in server.lines)
        assert "Week by week" in server.get("plans/couch-to-5k/")
        template.write_text(original.replace("{% block content %}", "{% block content %}{% if %}", 1), encoding="utf-8")
        server.wait_for("✗ build failed")
        assert any("index.html:" in line and "template error" in line for line in server.lines)
        built = sum("✓ rebuilt" in line for line in server.lines)
        template.write_text(original, encoding="utf-8")
        deadline = time.monotonic() + 20
        while sum("✓ rebuilt" in line for line in server.lines) == built and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "Couch to 5K" in server.get("")
    finally:
        server.stop.set()
        server.thread.join(10)


def test_a_preview_started_again_shows_its_last_good_build(tmp_path: Path) -> None:
    """Started while a plan is broken, the server shows the list pages of the preview's last good
    build; a damaged record of that build is built again, not shown empty; HEAD is answered."""
    project = make_project(tmp_path / "p", [ROOT / "plans" / "couch-to-5k.md", ROOT / "plans" / "10k-8-weeks.md"])
    port = free_port()  # one address: the preview's pages name it
    first = Server(project, port)
    first.stop.set()
    first.thread.join(10)
    plan = project / "plans" / "couch-to-5k.md"
    good = plan.read_text(encoding="utf-8")
    plan.write_text(good.replace("Easy 25 min", "Easy 25 mnn", 1), encoding="utf-8")
    broken = Server(project, port)
    try:
        assert any("build failed" in line for line in broken.lines)
        assert "Couch to 5K" in broken.get("") and "10K" in broken.get("distance/10k/")
        for path in ("", "sitemap.xml", "distance/10k/"):
            request = urllib.request.Request(broken.url + path, method="HEAD")
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.status == 200 and response.read() == b"", path
    finally:
        broken.stop.set()
        broken.thread.join(10)
    plan.write_text(good, encoding="utf-8")
    for body in (project / ".deload").glob("manifest-*.json"):
        if not body.name.endswith(".head.json"):
            body.write_text("damaged", encoding="utf-8")
    again = Server(project, port)
    try:
        assert not any("nothing changed" in line for line in again.lines)
        assert "Couch to 5K" in again.get("") and "10K" in again.get("")
    finally:
        again.stop.set()
        again.thread.join(10)


def test_deload_toml_replaced_on_save_is_watched_again(server: Server) -> None:
    """Editors and ``sed -i`` save by renaming a new file over the old one: the watch on the old
    file goes with it, and the preview must watch the new one (every save is seen, not the first)."""
    config = server.project / "deload.toml"
    original = config.read_text()
    title = next(line for line in original.splitlines() if line.startswith("title = "))
    for attempt in range(3):
        fresh = config.with_name("deload.toml.new")
        fresh.write_text(original.replace(title, f'title = "Renamed {attempt}"', 1))
        os.replace(fresh, config)
        deadline = time.monotonic() + 20
        while f"Renamed {attempt}" not in server.get("plans/couch-to-5k/") and time.monotonic() < deadline:
            time.sleep(0.2)
        assert f"Renamed {attempt}" in server.get("plans/couch-to-5k/"), server.lines


def test_a_save_while_a_build_runs_is_built_when_it_is_done(server: Server) -> None:
    """A 'deload build' in a terminal holds the project: the preview waits for it, then builds the
    save (it used to report the lock and never build that save)."""
    from generator.fsutil import build_lock

    plan = server.project / "plans" / "couch-to-5k.md"
    with build_lock(server.project / ".deload"):
        plan.write_text(plan.read_text().replace("Couch to 5K", "Couch to 5K (while building)", 1))
        server.wait_for("the preview builds when it is done")
        assert not any("✗ build failed" in line for line in server.lines)
    deadline = time.monotonic() + 20
    while "(while building)" not in server.get("plans/couch-to-5k/") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "(while building)" in server.get("plans/couch-to-5k/")


def test_a_second_server_on_a_project_is_refused(server: Server) -> None:
    """Two servers would write one preview, each with its own address in the other's pages."""
    from urllib.parse import urlsplit

    from generator.errors import DeloadError

    for port in (0, urlsplit(server.url).port or 0):  # on the first's own port too: not "address in use"
        with pytest.raises(DeloadError) as refused:
            serve(server.project, "127.0.0.1", port, lambda line: None)
        assert f"another deload serve (process {os.getpid()}) is previewing this project at {server.url}" in str(
            refused.value.diagnostics[0].message)


def test_stopping_does_not_wait_for_an_open_tab(server: Server) -> None:
    """An open tab holds connections (its live-reload stream; idle keep-alive sockets a browser
    keeps for its next request): Ctrl+C ends the server anyway, not when the tab closes."""
    import socket
    from urllib.parse import urlsplit

    stream = urllib.request.urlopen(server.url + "__deload/events", timeout=10)
    assert stream.readline().startswith(b"event: ")
    address = urlsplit(server.url)
    idle = socket.create_connection((address.hostname, address.port))  # no request yet: its thread waits 10 s
    time.sleep(0.2)
    server.stop.set()
    server.thread.join(5)
    assert not server.thread.is_alive()
    stream.close()
    idle.close()


def test_a_first_build_that_fails_does_not_promise_a_last_good_one(tmp_path: Path) -> None:
    """A new project with a typo: there is no last good build to show, and the server says so."""
    project = make_project(tmp_path / "p", [ROOT / "plans" / "couch-to-5k.md"])
    plan = project / "plans" / "couch-to-5k.md"
    plan.write_text(plan.read_text().replace("Easy 25 min", "Easy 25 mnn", 1))
    server = Server(project)
    try:
        assert any("✗ build failed; nothing to show until a build succeeds" in line for line in server.lines)
        events = urllib.request.urlopen(server.url + "__deload/events", timeout=10)
        assert events.readline() == b"event: error-report\n"
        assert b'"shown": false' in events.readline()
        events.close()
    finally:
        server.stop.set()
        server.thread.join(10)


def test_renaming_a_published_plan_is_said_while_previewing(tmp_path: Path) -> None:
    """The preview warns, as the next build would, that a published plan's page and feeds would
    leave the site: its readers' subscriptions break."""
    from click.testing import CliRunner

    from generator.cli import main

    project = make_project(tmp_path / "p", [ROOT / "plans" / "couch-to-5k.md"])
    built = CliRunner().invoke(main, ["build", "--no-pdf", "--project", str(project)])
    assert built.exit_code == 0, built.output
    server = Server(project)
    try:
        (project / "plans" / "couch-to-5k.md").rename(project / "plans" / "c25k.md")
        server.wait_for("the plan at plans/couch-to-5k/ (first built")
        assert any("give it 'slug: couch-to-5k' again" in line for line in server.lines)
    finally:
        server.stop.set()
        server.thread.join(10)


def test_a_draft_is_previewed(server: Server) -> None:
    plan = server.project / "plans" / "couch-to-5k.md"
    plan.write_text(plan.read_text().replace("---\n", "---\ndraft: true\n", 1).replace("Couch to 5K", "Couch to 5K (draft)", 1))
    deadline = time.monotonic() + 20
    while "(draft)" not in server.get("plans/couch-to-5k/") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "(draft)" in server.get("plans/couch-to-5k/")


def test_the_tabs_keep_every_warning_that_stands(tmp_path: Path) -> None:
    """The terminal says a warning once; the tabs show it as long as it stands (a save to another
    plan, or one that changes nothing, does not clear it)."""
    from generator.config import Settings
    from generator.errors import Diagnostic, Severity
    from generator.preview import Preview

    lines: list[str] = []
    preview = Preview(Settings(root=tmp_path), lines.append)
    risky = Diagnostic("plans/a.md", 9, 1, "week 3: running volume is up 40%", Severity.WARNING)
    preview._say_warnings([risky], {"plans/a.md"})
    preview._say_warnings([risky], {"plans/b.md"})  # a save to another plan
    assert sum(risky.format() in line for line in lines) == 1
    assert preview.said_lines == [risky.format()]
