"""The HTML site: valid markup, links that resolve, no other hosts, and no injected script."""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import FIXTURES, ROOT, need
from .site_build import EPOCH, build_project, make_project

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("library"))
    build_project(project, "--no-pdf")
    return project / "site"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    plans = sorted((FIXTURES / "hostile").glob("*.md"))
    project = make_project(tmp_path_factory.mktemp("hostile"), plans)
    build_project(project, "--no-pdf")
    return project / "site"


class Elements(HTMLParser):
    """Every start tag with its attributes, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def elements(path: Path) -> list[tuple[str, dict[str, str]]]:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tags


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_expected_pages_exist(site: Path) -> None:
    names = {str(p.relative_to(site)) for p in pages(site)}
    for name in ("index.html", "404.html", "deload-weeks/index.html", "plans/marathon-novice/index.html",
                 "plans/marathon-novice/embed.html", "distance/half/index.html", "level/beginner/index.html",
                 "tags/strength/index.html"):
        assert name in names
    for name in ("sitemap.xml", "feed.xml", "robots.txt", "assets/style.css", "assets/deload.js",
                 "assets/og/default.png", "plans/marathon-novice/og.png"):
        assert (site / name).is_file(), name


def test_every_page_passes_the_nu_html_checker(site: Path, hostile_site: Path) -> None:
    java = need("java")
    if not VNU.exists():
        pytest.fail("node_modules/vnu-jar is missing: run 'make test', which installs it")
    proc = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                           str(site), str(hostile_site)], capture_output=True, text=True, timeout=300)
    messages = json.loads(proc.stderr or "{}").get("messages", [])
    errors = [f"{m.get('url')}:{m.get('lastLine')}: {m.get('message')}" for m in messages if m.get("type") == "error"]
    assert errors == []
    assert len(pages(site)) > 40


def test_sitemap_and_atom_feed(site: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "a": "http://www.w3.org/2005/Atom"}
    urls = [u.text for u in ET.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    assert "https://deload.example.org/plans/couch-to-5k/" in urls
    assert all(u and u.startswith("https://deload.example.org/") for u in urls)
    feed = ET.parse(site / "feed.xml").getroot()
    entries = feed.findall("a:entry", ns)
    assert len(entries) == len(list((ROOT / "plans").glob("*.md")))  # every bundled plan, the German one too
    german = [e for e in entries if e.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"]
    assert len(german) == 1, "a plan in another language than the site's says so in its entry"
    assert all(e.find("a:updated", ns).text.endswith("Z") for e in entries)  # type: ignore[union-attr]
    assert "Sitemap: https://deload.example.org/sitemap.xml" in (site / "robots.txt").read_text()


def test_internal_links_resolve(site: Path) -> None:
    missing = []
    for page in pages(site):
        for tag, attrs in elements(page):
            for name in ("href", "src"):
                url = attrs.get(name, "")
                parts = urlsplit(url)
                if not url or parts.scheme or url.startswith(("#", "//")):
                    continue
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
                if parts.path.startswith("/"):  # the 404 page links from the site root
                    target = site / unquote(parts.path).lstrip("/")
                if target.is_dir():
                    target = target / "index.html"
                if not target.exists():
                    missing.append(f"{page.relative_to(site)}: {tag} {name}={url}")
                if parts.fragment and target.suffix == ".html":
                    ids = set(re.findall(r'id="([^"]+)"', target.read_text(encoding="utf-8")))
                    if parts.fragment not in ids:
                        missing.append(f"{page.relative_to(site)}: {url} (no such anchor)")
    assert missing == []


def test_pages_request_nothing_from_other_hosts(site: Path) -> None:
    for page in pages(site):
        for tag, attrs in elements(page):
            if tag in ("script", "img", "iframe", "source", "video", "audio") or (tag == "link" and attrs.get("rel") in ("stylesheet", "icon", "preload")):
                url = attrs.get("src") or attrs.get("href") or ""
                assert not urlsplit(url).scheme and not url.startswith("//"), f"{page}: {tag} {url}"
    css = (site / "assets" / "style.css").read_text()
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css) and "@import" not in css


def test_canonical_and_social_tags(site: Path) -> None:
    text = (site / "plans" / "half-marathon-beginner" / "index.html").read_text()
    assert '<link rel="canonical" href="https://deload.example.org/plans/half-marathon-beginner/">' in text
    assert '<meta property="og:image" content="https://deload.example.org/plans/half-marathon-beginner/og.png">' in text
    assert '<meta name="twitter:card" content="summary_large_image">' in text
    assert (site / "plans" / "half-marathon-beginner" / "og.png").read_bytes().startswith(b"\x89PNG")


def test_plan_page_content(site: Path) -> None:
    text = (site / "plans" / "half-marathon-beginner" / "index.html").read_text()
    assert 'data-units="mi"' in text  # the plan's own units without JavaScript
    assert '<span class="u-mi">' in text and '<span class="u-km">' in text
    assert "Deload week" in text and "Taper week" in text and "Race week" in text
    assert 'class="chart"' in text and "<title id=\"vc-t\">Weekly volume, 12 weeks</title>" in text
    assert "webcal://deload.example.org/plans/half-marathon-beginner/race-" in text
    assert "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fdeload.example.org" in text
    assert "https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Fdeload.example.org" in text
    assert '&lt;iframe src=&#34;https://deload.example.org/plans/half-marathon-beginner/embed.html&#34; title=&#34;Half Marathon for Beginners&#34;' in text
    # the load table shows the engine's numbers (the same as plan.json), never re-derived
    exported = json.loads((site / "plans" / "half-marathon-beginner" / "plan.json").read_text())
    week = exported["weeks"][3]["metrics"]
    row = re.search(r'<th scope="row"><a href="#week-4">4</a></th>(.*?)</tr>', text, re.S)
    assert row is not None
    cells = re.findall(r"<td>(.*?)</td>", row.group(1))
    shown = [float(cell) for cell in cells[2:]]
    assert shown == [round(week["load"]), round(week["ctl"], 1), round(week["atl"], 1),
                     round(week["tsb"], 1), round(week["acwr_ewma"], 2)]
    # a subscriber is told the feed has no paces of their own, and where a Google subscription is added
    assert "not your own paces: the calendar file you download above has those" in text
    assert "Google Calendar adds a subscription on its website" in text
    # race-morning form in a word a reader knows, the figure beside it for those who know TSB
    form = exported["summary"]["race_form"]
    assert re.search(r"<dt>Race-morning form</dt><dd>(fresh|still tired|very fresh: fitness fading) <span", text)
    assert ("<dd>fresh " in text) == (-5 <= form <= 25)
    # every calendar feed listed on the page exists
    for name in re.findall(r'href="(race-[0-9-]+\.ics)"', text):
        assert (site / "plans" / "half-marathon-beginner" / name).exists()


def test_the_day_a_page_opens_on_lets_a_reader_who_starts_today_follow_the_whole_plan(site: Path) -> None:
    """The picker's day, and the feed the calendar links point at before a reader picks one: the
    soonest a reader can follow the plan from its first day, never a plan that has already begun."""
    from datetime import date, timedelta

    built = date(2026, 12, 9)  # EPOCH
    seen = set()
    for page in sorted((site / "plans").glob("*/index.html")):
        text = page.read_text(encoding="utf-8")
        picked = re.search(r'id="plan-date" value="([0-9-]+)"', text)
        if picked is None:
            continue  # a plan with its own dates
        day = date.fromisoformat(picked[1])
        anchor = re.search(r'data-anchor="(race|start)"', text)
        offset = int(re.search(r'data-race-offset="(\d+)"', text)[1])  # type: ignore[index]
        assert anchor is not None
        start = day - timedelta(days=offset) if anchor[1] == "race" else day
        assert built <= start < built + timedelta(days=7), (page, day)
        assert f'{anchor[1]}-{day.isoformat()}.ics' in text
        seen.add(anchor[1])
    assert seen == {"race", "start"}


def test_the_legend_names_the_kinds_of_week_the_plan_has(site: Path) -> None:
    strength = (site / "plans" / "strength-for-runners-14-day" / "index.html").read_text(encoding="utf-8")
    half = (site / "plans" / "half-marathon-beginner" / "index.html").read_text(encoding="utf-8")
    assert "Vacation week: easy running" not in strength and "Taper week: less volume" not in strength
    assert "Deload week: lighter" in half and "Taper week: less volume" in half and "Race week" in half
    assert "Vacation week: easy running" not in half
    embed = (site / "plans" / "half-marathon-beginner" / "embed.html").read_text(encoding="utf-8")
    assert "Vacation week: easy running" not in embed and "Deload week: lighter" in embed


def test_the_embed_shows_every_week_at_a_glance_and_links_to_the_page(site: Path) -> None:
    """The embed a coach puts on a blog: each week's heading, dates or days, volume and every
    session's title, each week linked to its place on the full page; not the page's steps,
    paces and watch files, which stay a click away."""
    folder = site / "plans" / "half-marathon-beginner"
    embed, page = (folder / "embed.html").read_text(), (folder / "index.html").read_text()
    data = json.loads((folder / "plan.json").read_text())
    for week in data["weeks"]:
        anchor = f'week-{week["number"]}'
        assert f'<a href="index.html#{anchor}">Week {week["number"]}</a>' in embed
        assert f'id="{anchor}"' in page  # the link's target
    titles = [s["title"] for w in data["weeks"] for s in w["sessions"] if s["kind"] != "rest"]
    shown = re.sub(r'<span class="u-km">.*?</span>', "", embed).replace('<span class="u-mi">', "").replace("</span>", "")
    shown = re.sub(r"<[^>]+>", "", shown).replace("&amp;", "&")
    assert titles and all(title in shown for title in titles)  # in the plan's own units (mi)
    assert "data-fit" not in embed and "data-pace" not in embed and "s-steps" not in embed
    assert len(embed) < len(page) / 2


def test_a_sessions_watch_file_is_linked_by_the_script_and_the_plans_zip_without(site: Path) -> None:
    """Without JavaScript a session's file comes in the plan's zip; the week links are the
    script's (js-only), which makes a week's zip, and adds each session's own link (li[data-fit])."""
    page = (site / "plans" / "half-marathon-beginner" / "index.html").read_text()
    sessions = re.findall(r'<li class="session[^"]*" data-fit="([^"]+\.fit)">', page)
    weeks = re.findall(r'<p class="wk-fit js-only"><a href="fit/half-marathon-beginner\.zip" data-fit-week="(\d+)" download>', page)
    assert sessions and weeks
    assert {f"-w{int(w):02d}-" for w in weeks} == {re.search(r"-w\d\d-", name).group(0) for name in sessions}  # type: ignore[union-attr]
    links = set(re.findall(r'<a href="fit/([^"]+)"', page))
    assert links == {"half-marathon-beginner.zip"} and 's-fit' not in page  # the plan's zip only, no session's
    script = (site / "assets" / "watch.js").read_text()
    assert 'document.querySelectorAll("li[data-fit]")' in script and 'link.textContent = t("Watch workout (.fit)")' in script


def test_site_under_a_sub_path(tmp_path: Path) -> None:
    project = make_project(tmp_path, [ROOT / "plans" / "couch-to-5k.md"])
    config = project / "deload.toml"
    config.write_text(config.read_text().replace('base_url = "https://deload.example.org/"', 'base_url = "https://coach.github.io/running/"'))
    build_project(project, "--no-pdf")
    site = project / "site"
    text = (site / "plans" / "couch-to-5k" / "index.html").read_text()
    assert 'href="../../assets/style.css"' in text
    assert 'href="https://coach.github.io/running/plans/couch-to-5k/"' in text
    assert 'href="/running/index.html"' in (site / "404.html").read_text()


def test_atom_feed_lists_the_latest_updated_plans_first(tmp_path: Path) -> None:
    names = ("couch-to-5k", "10k-8-weeks", "marathon-novice")
    project = make_project(tmp_path, [ROOT / "plans" / f"{name}.md" for name in names])
    config = project / "deload.toml"
    config.write_text(config.read_text().replace('default_units = "km"', 'default_units = "km"\nfeed_entries = 2'))
    build_project(project, "--no-pdf")
    edited = project / "plans" / "10k-8-weeks.md"
    edited.write_text(edited.read_text().replace("title: ", "title: Fast ", 1))
    build_project(project, "--no-pdf", epoch=str(int(EPOCH) + 86400))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = ET.parse(project / "site" / "feed.xml").getroot().findall("a:entry", ns)
    assert len(entries) == 2  # a feed reader downloads the latest plans, not the whole library
    first = entries[0]
    assert first.findtext("a:id", namespaces=ns) == "https://deload.example.org/plans/10k-8-weeks/"
    assert first.findtext("a:title", namespaces=ns).startswith("Fast ")  # type: ignore[union-attr]
    assert first.findtext("a:updated", namespaces=ns) == "2026-12-10T00:00:00Z"


def test_user_templates_override_defaults(tmp_path: Path) -> None:
    project = make_project(tmp_path, [ROOT / "plans" / "couch-to-5k.md"])
    (project / "templates").mkdir()
    (project / "templates" / "404.html").write_text("{% extends 'base.html' %}{% block content %}<h1>Lost, coach?</h1>{% endblock %}")
    build_project(project, "--no-pdf")
    assert "Lost, coach?" in (project / "site" / "404.html").read_text()
    assert "Week by week" in (project / "site" / "plans" / "couch-to-5k" / "index.html").read_text()


EVENT_ATTR = re.compile(r"^on", re.I)
BAD_URL = re.compile(r"^\s*(javascript|vbscript|data|file):", re.I)


def test_hostile_plans_never_become_markup(hostile_site: Path) -> None:
    forbidden = {"iframe", "object", "embed", "style", "img", "b", "frame", "applet"}
    for page in pages(hostile_site):
        for tag, attrs in elements(page):
            assert tag not in forbidden, f"{page}: <{tag}>"
            if tag == "form":  # the template's own pace form, and no other
                assert attrs.get("id") == "pace-form", f"{page}: <form>"
            if tag == "script" and not (attrs.get("type") == "application/json" and attrs.get("id") == "deload-messages"):
                assert attrs.get("src", "").endswith(("assets/deload.js", "assets/messages.js", "assets/paces.js", "assets/calendar.js", "assets/watch.js")), \
                    f"{page}: inline script"
            for name, value in attrs.items():
                assert not EVENT_ATTR.match(name), f"{page}: {tag} {name}={value}"
                assert name not in ("autofocus", "style", "srcdoc"), f"{page}: {tag} {name}"
                if name in ("href", "src", "action", "formaction", "xlink:href"):
                    assert not BAD_URL.match(value), f"{page}: {tag} {name}={value}"
    plan = (hostile_site / "plans" / "script-everywhere" / "index.html").read_text()
    assert "&lt;script&gt;window.__pwned=1;alert(&#39;title&#39;)&lt;/script&gt; Plan" in plan
    assert 'href="https://evil.example/track.png"' in plan  # a remote image becomes a link, never a request
    # the embed snippet a coach copies keeps hostile titles inside their attribute
    assert "title=&#34;&amp;lt;script&amp;gt;window.__pwned=1;alert(&amp;#x27;title&amp;#x27;)&amp;lt;/script&amp;gt; Plan&#34;" in plan
    template = (hostile_site / "plans" / "attributes" / "index.html").read_text()
    assert "{{ config }}" in template and "{{ 7 * 7 }}" in template  # plan text is never a template


def test_a_lighter_week_the_author_wrote_is_shown_as_one(tmp_path: Path) -> None:
    """A Higdon step-back is no "loading week" to a reader, and his plan has not "0 deload weeks"."""
    project = make_project(tmp_path / "p", [FIXTURES / "engine" / "step-backs.md"])
    build_project(project, "--no-pdf")
    folder = next((project / "site" / "plans").iterdir())
    page = (folder / "index.html").read_text(encoding="utf-8")
    week3 = page[page.index('id="week-3"'):page.index('id="week-4"')]
    assert '<span class="badge badge-deload">Lighter week</span>' in week3
    assert '<span class="badge badge-deload">Lighter week</span>' not in page[page.index('id="week-2"'):page.index('id="week-3"')]
    figures = re.search(r"<dt>Recovery weeks</dt><dd>(\d+)</dd>", page)
    assert figures is not None and figures[1] == "3"  # the step-backs of weeks 3, 6 and 9
    bars = re.findall(r'class="c-bar k-(\w+)"[^>]*><title>Week (\d+), ([a-z ]+):', page)
    assert [(n, kind, name) for kind, n, name in bars if n in ("2", "3")] == [
        ("2", "load", "loading week"), ("3", "deload", "lighter week")]  # the chart draws it as one too
    assert "3 recovery weeks" in (folder / "embed.html").read_text(encoding="utf-8")
    assert "Lighter week, as the coach wrote it" in page  # the chart's legend names the letter its bars carry


def test_a_tune_up_races_week_is_shown_as_a_race_week(tmp_path: Path) -> None:
    """A half marathon in week 7 of a marathon plan: its week is no "loading week" to a reader,
    on the page, in the chart (R, the race outlined on top), in plan.json and in the calendar."""
    project = make_project(tmp_path / "p", [FIXTURES / "engine" / "tune-up.md"])
    build_project(project, "--no-pdf")
    folder = next((project / "site" / "plans").iterdir())
    page = (folder / "index.html").read_text(encoding="utf-8")
    week7 = page[page.index('id="week-7"'):page.index('id="week-8"')]
    assert '<span class="badge badge-race">Tune-up race week</span>' in week7
    assert "badge" not in page[page.index('id="week-6"'):page.index('id="week-7"')]
    bars = re.findall(r'class="c-bar k-(\w+)"[^>]*><title>Week (\d+), ([a-z -]+):([^<]*)', page)
    assert [(n, kind, name) for kind, n, name, _ in bars if n in ("6", "7")] == [
        ("6", "load", "loading week"), ("7", "race", "tune-up race week")]
    assert next(rest for _, n, _, rest in bars if n == "7") == " 31.1 mi, of which 18 mi of training and the race, 13.1 mi"
    weeks = json.loads((folder / "plan.json").read_text(encoding="utf-8"))["weeks"]
    assert [w["number"] for w in weeks if w.get("tune_up")] == [7] and weeks[6]["kind"] == "load"
    feed = next(folder.glob("*.ics")).read_text(encoding="utf-8").replace("\r\n ", "")
    assert "Tune-up race week · 31.1 mi" in feed


def test_a_plan_of_strength_work_alone_is_measured_in_sets_and_reps_and_offers_no_paces(tmp_path: Path) -> None:
    """Its sessions have no duration: "0 min" a week says nothing, and there is no run to pace.
    The peak is the week of the most reps (sets × reps), not of the most sets."""
    project = make_project(tmp_path / "p", [FIXTURES / "plans" / "strength-block.md"])
    build_project(project, "--no-pdf")
    page = (project / "site" / "plans" / "strength-block" / "index.html").read_text(encoding="utf-8")
    assert "<dt>Peak week</dt><dd>20 sets · 154 reps</dd>" in page and "0 min" not in page
    bars = re.findall(r'class="c-bar k-(\w+)"[^>]*><title>Week (\d+), [a-z ]+: (\d+) sets · (\d+) reps', page)
    assert [(n, sets, reps) for _, n, sets, reps in bars][:5] == [
        ("1", "20", "154"), ("2", "20", "154"), ("3", "20", "154"), ("4", "8", "52"), ("5", "23", "122")]
    assert 'id="paces"' not in page and "Your paces" not in page
    feed = next((project / "site" / "plans" / "strength-block").glob("*.ics")).read_text(encoding="utf-8")
    assert "Lighter week · 8 sets · 52 reps" in feed.replace("\r\n ", "")


def test_a_deload_of_fewer_reps_shows_in_a_strength_blocks_weeks_and_chart(tmp_path: Path) -> None:
    """3x8 → 3x6 keeps every set: a week measured in sets alone looked like the loading week
    before it. Its reps (and the chart, drawn in reps) show the deload."""
    project = make_project(tmp_path / "p", [FIXTURES / "plans" / "strength-reps-deload.md"])
    build_project(project, "--no-pdf")
    page = (project / "site" / "plans" / "strength-reps-deload" / "index.html").read_text(encoding="utf-8")
    week = page[page.index('id="week-4"'):page.index('id="week-5"')]
    assert '<span class="wk-volume">17 sets · 105 reps</span>' in week  # week 3: 17 sets · 139 reps
    heights = {n: float(h) for h, n in re.findall(
        r'<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)" class="c-bar[^>]*><title>Week (\d+)', page)}
    assert heights["4"] < 0.8 * heights["3"]
    assert 'class="c-axis ">100</text>' in page and 'class="c-axis">reps</text>' in page  # the axis counts reps
    data = json.loads((project / "site" / "plans" / "strength-reps-deload" / "plan.json").read_text(encoding="utf-8"))
    assert [(w["volume"]["sets"], w["volume"]["reps"]) for w in data["weeks"][2:4]] == [(17, 139), (17, 105)]


def test_a_weeks_title_that_says_its_badge_is_not_said_twice(site: Path) -> None:
    """'## Week 10 — Race week' reads 'Week 10 Race week', not 'Week 10 Race week Race week';
    a title that says more stays ('Week 7 Race preparation')."""
    page = (site / "plans" / "half-marathon-beginner" / "index.html").read_text(encoding="utf-8")
    race = page[page.index('class="week week-race"'):]
    race = race[:race.index("</h3>")]
    assert race.count("Race week") == 1 and "wk-title" not in race
    assert '<span class="wk-title">Race preparation</span>' in page
    assert 'class="wk-title">Taper</span>' not in page  # beside the "Taper week" badge


def test_repeats_at_a_pace_give_their_time(site: Path) -> None:
    """Daniels' tables give reps as times: '5 x 800 m @ 5K pace' shows how long each 800 m takes at
    the coach's example pace; a 1 km rep takes the pace per km, shown already."""
    from generator.render.pacetable import rep_time_text

    page = (site / "plans" / "10k-8-weeks" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<span class="rep-time" data-km="0.8">\(800 m: <span class="rep-value">\d:\d\d–\d:\d\d</span>\)', page)
    assert 'data-km="1.0"' not in page and "(1 km:" not in page
    assert rep_time_text((245.0, 249.6), 0.2) == "49–50 s" and rep_time_text((245.0, 245.0), 0.4) == "98 s"
    assert rep_time_text((218.0, 222.0), 1.0) == "3:38–3:42"
    from generator.model import Distance
    from generator.render.paceview import _timed

    assert [_timed(d) for d in (Distance(400, "m"), Distance(2, "mi"), Distance(800, "m", 1200), Distance(1000, "m"),
                                Distance(1, "mi"), Distance(5, "km"))] == [True, True, False, False, False, False]


def test_an_easy_long_or_recovery_run_without_a_target_gets_its_pace() -> None:
    """'Easy 6 km' and 'Long 12 km' had no pace: a reader who gave a race time saw paces on the
    tempo only. They are run easy (Daniels' E pace), a recovery run at recovery pace; a tempo
    without a target is given none rather than a guess."""
    from generator.periodize import expand
    from generator.render.paceview import session_paces

    from .helpers import plan_from

    e = expand(plan_from("---\ntitle: P\nunits: km\n---\n## Week 1\n- Tue: Easy 6 km\n- Wed: Tempo 8 km\n"
                         "- Sat: Recovery 4 km\n- Sun: Long 12 km\n"))
    specs = {p.kind.value: [v.spec for v in session_paces(p.session, p.workout, e, None)] for p in e.weeks[0].sessions}
    assert specs == {"easy": ["e:easy"], "tempo": [], "recovery": ["e:recovery"], "long": ["e:easy"]}


def test_a_set_that_is_the_whole_run_gets_no_step_list_repeating_the_title() -> None:
    """'Long run 3 h: 6 x (25 min @ easy, 5 min walk)' had a step list of one line, the title again;
    a set with a warm-up and a cool-down around it keeps its list."""
    from generator.describe import needs_steps
    from generator.periodize import expand

    from .helpers import plan_from

    e = expand(plan_from("---\ntitle: P\nunits: km\n---\n## Week 1\n- Sat: Long run 3 h: 6 x (25 min @ easy, 5 min walk)\n"
                         "- Sun: Intervals 8 km: 6 x (400 m @ 5K pace, 200 m jog)\n"))
    long, intervals = e.weeks[0].sessions
    assert not needs_steps(long.session, long.workout) and needs_steps(intervals.session, intervals.workout)


def test_the_longest_run_is_shown_as_written_by_the_clock() -> None:
    """A trail plan measured in km whose longest run is written as 4 h: the key figure says 4 h,
    not a distance at a road pace no one wrote."""
    from generator.periodize import expand
    from generator.render.views import figures

    from .helpers import plan_from

    text = "---\ntitle: T\nunits: km\nperiodization: {deload: {every: off}}\n---\n"
    text += "## Week 1\n- Tue: Easy 10 km\n- Thu: Easy 12 km\n- Sun: Long 3 h\n\n"
    text += "## Week 2\n- Tue: Easy 10 km\n- Thu: Easy 12 km\n- Sun: Long 4 h\n"
    shown = figures(expand(plan_from(text))).long_run
    assert shown is not None and str(shown) == "4 h"


def test_a_week_the_engine_added_says_which_week_its_sessions_come_from(tmp_path: Path) -> None:
    """No one wrote the deload week the engine added: its sessions are "In week 3: …", not
    "Written as: …", on the page and in the calendar."""
    project = make_project(tmp_path / "p", [FIXTURES / "plans" / "ten-k-build.md"])
    build_project(project, "--no-pdf")
    folder = project / "site" / "plans" / "ten-k-build"
    page = (folder / "index.html").read_text(encoding="utf-8")
    week4 = page[page.index('id="week-4"'):page.index('id="week-5"')]
    assert "In week 3: Easy" in week4 and "Written as:" not in week4
    feed = "".join(line.removeprefix(" ") for line in next(folder.glob("*.ics")).read_text(encoding="utf-8").splitlines())
    assert "In week 3: Easy" in feed


def test_hill_repeats_get_no_pace_on_the_page_as_on_the_watch() -> None:
    """'Hills 9 km: 8 x 60 s hills @ 5K effort' showed a reader's 5K pace on the page, while the
    watch (rightly: uphill a pace means nothing) held none. Both run it by effort now; a flat
    session at the same effort keeps its pace."""
    from generator.periodize import expand
    from generator.render.paceview import session_paces

    from .helpers import plan_from

    e = expand(plan_from("---\ntitle: P\nunits: km\n---\n## Week 1\n- Tue: Hills 9 km: 8 x 60 s hills @ 5K effort w/ jog down\n"
                         "- Thu: Intervals 9 km: 8 x 60 s @ 5K effort w/ 60 s jog\n"))
    specs = {p.kind.value: [v.spec for v in session_paces(p.session, p.workout, e, None)] for p in e.weeks[0].sessions}
    assert specs["hills"] == [] and specs["intervals"]


def test_a_pace_the_coach_wrote_per_km_reads_per_mile_in_the_miles_view() -> None:
    """'Easy 45 min @ 6:00-6:40/km' stayed per km when a reader switched the page to miles, beside
    distances in miles; it is 9:39–10:44/mi there, and as written in the km view. Repeats written
    in km keep their unit and their pace."""
    from generator.describe import session_title
    from generator.periodize import expand
    from generator.render.views import session_view

    from .helpers import plan_from

    plan = plan_from("---\ntitle: P\nunits: km\n---\n## Week 1\n- Tue: Easy 45 min @ 6:00-6:40/km\n"
                     "- Thu: Tempo 9 km with 5 km @ 5:05/km\n- Fri: Intervals 8 km: 5 x 1 km @ 4:00/km w/ 2 min jog\n")
    easy, tempo, reps = plan.weeks[0].sessions
    assert session_title(easy, "mi", paces=True) == "Easy 45 min @ 9:39–10:44/mi"
    assert session_title(easy, "mi") == "Easy 45 min @ 6:00-6:40/km"  # as written: what the grammar reads back
    assert session_title(tempo, "mi", paces=True) == "Tempo 5.6 mi with 3.1 mi @ 8:11/mi"
    assert session_title(reps, "mi", paces=True).endswith("5 x 1 km @ 4:00/km w/ 2 min jog")
    expanded = expand(plan)
    view = session_view(expanded.weeks[0].sessions[0], expanded, expanded.weeks[0], 0, None)
    assert '<span class="u-km">6:00-6:40/km</span><span class="u-mi">9:39–10:44/mi</span>' in view.title


def test_a_timed_exercise_of_minutes_reads_in_minutes() -> None:
    """'Step-up 4x10 min @ 25 lb' had been shown as '4x600 s'; a minute's hold stays as written."""
    from generator.describe import exercise_text

    from .helpers import plan_from

    plan = plan_from("---\ntitle: P\nunits: km\n---\n## Week 1\n- Sat: Strength\n  - Step-up 4x10 min @ 25 lb\n"
                     "  - Plank 3x60 s\n  - Wall sit 3x90 s\n")
    assert [exercise_text(e) for e in plan.weeks[0].sessions[0].exercises] == [
        "Step-up 4x10 min @ 25 lb", "Plank 3x60 s", "Wall sit 3x90 s"]


def test_a_race_weeks_volume_is_its_training_and_the_race() -> None:
    """Race week had read '21.6 mi', bigger than the taper week before it, the 13.1-mile race
    included; a 100-miler's 30-hour race had squashed its 15-hour weeks to half the chart's height."""
    import re as regex

    from generator.periodize import expand
    from generator.render.chart import volume_chart
    from generator.render.views import week_volume_text

    from .helpers import plan_from

    weeks = "".join(f"## Week {n}\n- Tue: Easy 60 min\n- Sat: Long run {n + 3} h\n- Sun: Long run 2 h\n" for n in range(1, 9))
    expanded = expand(plan_from("---\ntitle: U\nunits: mi\nrace: {distance: 100 mi}\nperiodization:\n  deload: {every: off}\n---\n"
                                + weeks + "## Week 9\n- Tue: Easy 45 min\n- Sat: Race 100 mi or 30 h\n"))
    assert week_volume_text(expanded, expanded.weeks[-1]).endswith(" + the race")
    assert week_volume_text(expanded, expanded.weeks[-1]).startswith("30 min")  # the taper's cut of its 45 minutes
    from generator.render.chart import BOTTOM, HEIGHT, TOP

    heights = [float(h) for h in regex.findall(r'height="([\d.]+)" class="c-bar', volume_chart(expanded))]
    assert max(heights[:-1]) > 0.8 * (HEIGHT - TOP - BOTTOM)  # the longest training week near the top, not half-way up
    assert heights[-1] > 2  # race week's own training under the race, not a sliver


def test_a_race_without_a_target_shows_its_own_race_pace_as_on_the_watch() -> None:
    """'Race marathon' had no pace on the page while the watch ran it at the reader's marathon pace;
    an ultra stays without one, run by effort."""
    from generator.periodize import expand
    from generator.render.paceview import session_paces

    from .helpers import plan_from

    for race, specs in (("Race marathon", ["r:42.195:100:100:0:0"]), ("Race 100 mi", [])):
        e = expand(plan_from(f"---\ntitle: P\nunits: km\n---\n## Week 1\n- Tue: Easy 6 km\n## Week 2\n- Sun: {race}\n"))
        planned = e.weeks[-1].sessions[-1]
        assert [v.spec for v in session_paces(planned.session, planned.workout, e, None)] == specs, race


def test_the_longest_run_reads_in_the_key_figures_as_its_session_shows_it() -> None:
    """'Long 16 mi' was 25.7 km on its session and 25.8 km in the key figures (rounded twice)."""
    from generator.periodize import expand
    from generator.render.views import figures

    from .helpers import plan_from

    e = expand(plan_from("---\ntitle: P\nunits: mi\nperiodization:\n  deload: {every: off}\n---\n## Week 1\n- Tue: Easy 5 mi\n"
                         "- Sun: Long 16 mi\n"))
    assert str(figures(e).long_run) == '<span class="u-mi">16 mi</span><span class="u-km">25.7 km</span>'


def test_the_race_a_readers_time_predicts_is_named_as_the_plan_names_it(site: Path) -> None:
    """A 10-mile plan had predicted 'Your 16.1 km: about 1:14:40' beside its 'Race 10 mi'."""
    assert 'data-goal-name="10 mi"' in (site / "plans/10-mile-masters/index.html").read_text(encoding="utf-8")
    assert 'data-goal-name="half marathon"' in (site / "plans/half-marathon-beginner/index.html").read_text(encoding="utf-8")


def test_cross_training_gets_no_running_pace() -> None:
    """A bike ride '@ moderate' had shown 'moderate 8:05–9:02/mi' on the page and in the calendar."""
    from generator.periodize import expand
    from generator.render.paceview import session_paces

    from .helpers import plan_from

    expanded = expand(plan_from("---\ntitle: X\nunits: mi\n---\n## Week 1\n- Mon: XT 30 min @ moderate — bike\n"
                                "- Tue: Easy 5 mi @ moderate\n"))
    bike, run = expanded.weeks[0].sessions
    assert session_paces(bike.session, bike.workout, expanded, None) == []
    assert [p.label for p in session_paces(run.session, run.workout, expanded, None)] == ["moderate"]
