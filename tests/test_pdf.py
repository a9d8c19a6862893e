"""Printable PDFs: every session in the text, right paper, sane length, weeks whole, tagged, safe."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from generator.cli import main
from generator.config import load_settings
from generator.describe import session_title
from generator.model import SessionKind
from generator.periodize import expand
from generator.render.pdf import print_html, render_pdf, stylesheet_text
from generator.source.reader import read_plan

from .conftest import ROOT, need
from .helpers import plan_from
from .site_build import build_project, make_project

PLANS = ["half-marathon-beginner.md", "strength-for-runners-14-day.md", "marathon-novice.md"]
POINTS = {"a4": (595, 842), "letter": (612, 792)}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("pdf"), [ROOT / "plans" / name for name in PLANS])
    output = build_project(project, "--jobs", "2")
    assert "12 PDFs (12 rendered)" in output  # per plan: two papers, the plan and its one-page sheet
    return project


def page_texts(pdf: Path) -> list[str]:
    pdftotext = need("pdftotext")
    count = len(PdfReader(pdf).pages)
    return [subprocess.run([pdftotext, "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout for n in range(1, count + 1)]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def expanded_plan(project: Path, name: str):  # type: ignore[no-untyped-def]
    settings = load_settings(project)
    plan, _ = read_plan(project / "plans" / name, settings)
    return expand(plan)


@pytest.mark.parametrize("name", PLANS)
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_session_is_printed_on_its_weeks_page(project: Path, name: str, paper: str) -> None:
    expanded = expanded_plan(project, name)
    slug = expanded.plan.slug
    pdf = project / "site" / "plans" / slug / f"{slug}-{paper}.pdf"
    reader = PdfReader(pdf)
    width, height = (round(float(v)) for v in reader.pages[0].mediabox.upper_right)
    assert (width, height) == POINTS[paper]
    pages = page_texts(pdf)
    weeks = len(expanded.weeks)
    assert 1 + weeks / 4 <= len(pages) <= 2 + weeks, f"{len(pages)} pages for {weeks} weeks"
    squashed = [squash(p) for p in pages]
    for week in expanded.weeks:
        holders = [i for i, text in enumerate(pages) if re.search(rf"\bWeek {week.number}\b", text) and i > 0]
        assert len(holders) == 1, f"week {week.number} heading found on pages {holders}"
        page = squashed[holders[0]]
        for planned in week.sessions:
            if planned.kind is SessionKind.REST:
                continue
            title = squash(session_title(planned.session, expanded.plan.units))
            assert title in page, f"week {week.number}: {session_title(planned.session, expanded.plan.units)} not on its page"


def test_pdfs_are_tagged_and_described(project: Path) -> None:
    pdf = project / "site" / "plans" / "marathon-novice" / "marathon-novice-a4.pdf"
    reader = PdfReader(pdf)
    catalog = reader.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == "en"
    assert "/StructTreeRoot" in catalog
    assert reader.metadata.title == "Marathon for Novices"
    assert reader.metadata.author == "Deload Coaching Team"
    cover = page_texts(pdf)[0]
    assert "Start date:" in cover and "Weekly volume" in cover
    assert "https://deload.example.org/plans/marathon-novice/" in squash(cover)


def test_unchanged_pdfs_are_not_rendered_again_and_are_reproducible(project: Path) -> None:
    site = project / "site"
    before = {p.name: p.read_bytes() for p in site.rglob("*.pdf")}
    assert "nothing changed" in build_project(project, "--jobs", "2")
    for manifest in (project / ".deload").glob("manifest-*"):
        manifest.unlink()  # plans are rendered again, but their PDFs come from the cache
    output = build_project(project, "--jobs", "2")
    assert "12 PDFs (0 rendered)" in output
    shutil.rmtree(project / ".deload" / "cache")
    for manifest in (project / ".deload").glob("manifest-*"):
        manifest.unlink()
    output = build_project(project, "--jobs", "1")
    assert "12 PDFs (12 rendered)" in output  # per plan: two papers, the plan and its one-page sheet
    assert {p.name: p.read_bytes() for p in site.rglob("*.pdf")} == before


def test_weasyprint_reads_no_local_file_and_no_network(tmp_path: Path) -> None:
    settings = load_settings(ROOT)
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    html = (f'<html lang="en"><head><title>x</title><link rel="stylesheet" href="http://203.0.113.9/x.css">'
            f'<style>@import url("file://{secret}"); body {{ background: url("file:///etc/passwd") }}</style></head>'
            f'<body><p>hello</p><img src="file:///etc/passwd" alt="p"><img src="file://{secret}" alt="s">'
            f'<img src="https://203.0.113.9/pixel.png" alt="n"><object data="file://{secret}"></object>'
            f'<iframe src="file:///etc/hostname"></iframe></body></html>')
    result = render_pdf(html, "a4", {"a4": stylesheet_text(settings, "a4")})
    assert result.data.startswith(b"%PDF")
    assert "file:///etc/passwd" in result.refused and f"file://{secret}" in result.refused
    assert "http://203.0.113.9/x.css" in result.refused and "https://203.0.113.9/pixel.png" in result.refused
    assert b"TOP-SECRET" not in result.data and b"root:" not in result.data


def test_hostile_plan_markdown_prints_without_fetching(tmp_path: Path) -> None:
    plan = tmp_path / "plans" / "x.md"
    plan.parent.mkdir()
    plan.write_text((ROOT / "tests" / "fixtures" / "hostile" / "script-everywhere.md").read_text())
    out = tmp_path / "x.pdf"
    result = CliRunner().invoke(main, ["pdf", str(plan), "--start", "2027-01-04", "-o", str(out), "--project", str(ROOT)])
    assert result.exit_code == 0, result.output
    text = "".join(page_texts(out))
    assert "<script>window.__pwned=1;alert('title')</script> Plan" in text
    assert "Intro with <script>window.__pwned=8</script> raw HTML" in text  # the introduction, as text, its images links


def test_personal_pdf_has_dates(tmp_path: Path) -> None:
    out = tmp_path / "mine.pdf"
    result = CliRunner().invoke(main, ["pdf", str(ROOT / "plans" / "10k-8-weeks.md"), "--race-date", "2027-05-16",
                                       "--paper", "letter", "-o", str(out), "--project", str(ROOT)])
    assert result.exit_code == 0, result.output
    pages = page_texts(out)
    assert "Race day: Sun 16 May 2027" in pages[0]
    assert any("Sun 16 May" in page and "Race 10K" in page for page in pages[1:])
    assert (round(float(PdfReader(out).pages[0].mediabox.upper_right[0]))) == 612


@pytest.mark.parametrize("name", PLANS)
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_fridge_sheet_is_one_landscape_page_with_every_session(project: Path, name: str, paper: str) -> None:
    from generator.describe import sheet_title

    expanded = expanded_plan(project, name)
    slug = expanded.plan.slug
    pdf = project / "site" / "plans" / slug / f"{slug}-fridge-{paper}.pdf"
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    width, height = POINTS[paper]
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (height, width)  # landscape
    raw = subprocess.run([need("pdftotext"), "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = squash(raw)  # in the order it was written: cell by cell, so a wrapped title stays whole
    for week in expanded.weeks:
        for planned in week.sessions:
            if planned.kind is not SessionKind.REST:
                # with a simple main set's repeats: a deload's intervals differ from their week's by them
                assert squash(sheet_title(planned.session, expanded.plan.units)) in text, (week.number, planned.session)
    page = (project / "site" / "plans" / slug / "index.html").read_text(encoding="utf-8")
    assert f'href="{slug}-fridge-{paper}.pdf"' in page


def test_a_long_plan_still_fits_one_page(tmp_path: Path) -> None:
    """24 written weeks (30 with the deloads) and a double day each week: smaller type, one page."""
    weeks = "".join(f"## Week {n}\n- Mon: Easy 8 km\n- Tue: Intervals 10 km: 6 x 800 m @ 5K pace w/ 400 m jog\n"
                    f"- Wed: Easy 10 km\n- Wed: Strength 30 min\n- Thu: Tempo 12 km with 6 km @ threshold\n"
                    f"- Fri: Recovery 5 km\n- Sat: Easy 8 km\n- Sun: Long 24 km\n\n" for n in range(1, 25))
    plan = tmp_path / "long.md"
    plan.write_text(f"---\ntitle: Long\nunits: km\n---\n\n{weeks}", encoding="utf-8")
    for paper in ("a4", "letter"):
        target = tmp_path / f"long-{paper}.pdf"
        result = CliRunner().invoke(main, ["pdf", str(plan), "--fridge", "--paper", paper, "-o", str(target), "-C", str(ROOT)])
        assert result.exit_code == 0, result.output
        assert len(PdfReader(target).pages) == 1


def test_a_dated_pdf_is_no_longer_than_an_undated_one(tmp_path: Path) -> None:
    """The date shares the day's line: dating the plan adds no line to any row, so no page."""
    pages = []
    for extra in ([], ["--race-date", "2027-10-10"]):
        target = tmp_path / f"m{len(extra)}.pdf"
        result = CliRunner().invoke(main, ["pdf", str(ROOT / "plans" / "marathon-novice.md"), "-o", str(target), "-C", str(ROOT), *extra])
        assert result.exit_code == 0, result.output
        pages.append(len(PdfReader(target).pages))
    assert pages[0] == pages[1]


def test_a_stylesheet_that_loads_a_resource_is_said_at_every_build(tmp_path: Path) -> None:
    """A coach's print.css asking for a web font is refused (PDFs load nothing) and said, by the
    build that rendered the PDF and by the next one, which takes it from the cache."""
    project = make_project(tmp_path / "p", [ROOT / "tests" / "fixtures" / "plans" / "ten-k-build.md"])
    toml = project / "deload.toml"
    toml.write_text(toml.read_text().replace('papers = ["a4", "letter"]', 'papers = ["a4"]'))
    (project / "templates").mkdir()
    css = (ROOT / "templates" / "print.css").read_text()
    (project / "templates" / "print.css").write_text('body { background: url("https://fonts.example.org/x.png") }\n' + css)
    said = "warning: the PDF ignored a link to https://fonts.example.org/x.png"
    assert said in build_project(project)
    (project / "plans" / "ten-k-build.md").write_text((project / "plans" / "ten-k-build.md").read_text() + "\n")
    assert said in build_project(project)  # the plan rendered again, its PDF from the cache


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_pace_table_is_printed_whole(tmp_path: Path, paper: str) -> None:
    """The cover's pace table is never split across pages (its last rows used to fall onto a page
    of their own when the cover ran long: the German plan's words are longer); the German
    plan's whole cover fits its first page, on Letter too (a shorter chart)."""
    out = tmp_path / "plan.pdf"
    result = CliRunner().invoke(main, ["pdf", str(ROOT / "plans" / "halbmarathon-10-wochen.md"), "--paper", paper,
                                       "-o", str(out), "--project", str(ROOT)])
    assert result.exit_code == 0, result.output
    pages = page_texts(out)
    holders = [i for i, text in enumerate(pages) if "Tempos für" in text]
    assert len(holders) == 1
    table = pages[holders[0]]
    for effort in ("Regeneration", "Marathontempo", "Wiederholung"):  # the first, a middle and the last row
        assert effort in table, f"{effort} is not on the page of the table's heading"
    assert holders == [0]


def test_the_fridge_sheet_in_other_units_gives_the_weeks_volume_in_them_too() -> None:
    """``deload pdf --fridge --units mi`` of a plan in km: sessions and each week's volume in miles."""
    from generator.render.pdf import fridge_html

    settings = load_settings(ROOT)
    plan, _ = read_plan(ROOT / "plans" / "10k-8-weeks.md", settings)
    html = fridge_html(expand(plan), settings, "fridge-a4", "https://example.org/", units="mi")
    volumes = re.findall(r'<td class="c-vol">(.*?)</td>', html)
    assert volumes and all('<span class="u-mi">' in cell and '<span class="u-km">' in cell for cell in volumes), volumes
    assert 'data-units="mi"' in html  # the stylesheet shows the miles, hides the kilometres


def test_the_fridge_sheet_says_how_hard_each_quality_session_is() -> None:
    """The sheet had 'Intervals 10 km: 4 x 1 km' and 'Tempo 9 km with 5 km': the effort, the one
    thing a runner must know at the door, was left off, and so were strides. An easy run's effort is its name."""
    from generator.describe import sheet_title

    plan = plan_from("---\ntitle: P\nunits: km\n---\n## Week 1\n- Mon: Tempo 45 min @ threshold\n"
                     "- Tue: Intervals 8 km: 5 x 1 km @ 5K pace w/ 2 min jog\n- Wed: Easy 8 km @ Z2\n"
                     "- Sat: Easy 5 km + 4 x 20 s strides\n- Sun: Long 25 km with the last 4 km @ marathon pace\n")
    assert [sheet_title(s, "km") for s in plan.weeks[0].sessions] == [
        "Tempo 45 min @ threshold", "Intervals 8 km: 5 x 1 km @ 5K pace", "Easy 8 km", "Easy 5 km + 4 x 20 s strides",
        "Long run 25 km with the last 4 km @ marathon pace"]
    trail = plan_from("---\ntitle: T\nunits: mi\n---\n## Week 1\n- Sat: Long run 7 h @ Z2 — 7,000 ft D+, race rehearsal\n")
    assert sheet_title(trail.weeks[0].sessions[0], "mi") == "Long run 7 h, 7,000 ft D+"  # a trail run's other size
    races = plan_from("---\ntitle: R\nunits: mi\n---\n## Week 1\n- Sat: Tune-up race 10K @ 10K effort\n"
                      "- Sun: Race 10 mi @ goal pace\n")  # the calendar's summary leaves the target off, the sheet keeps it
    assert [sheet_title(s, "mi") for s in races.weeks[0].sessions] == ["Tune-up race 10K @ 10K effort", "Race 10 mi @ goal pace"]


def test_the_printed_plan_carries_the_coachs_introduction() -> None:
    """The PDF had the weeks alone: the coach's introduction (what the sessions mean, the safety
    advice) was on the web page only. It opens the printed plan, as the coach wrote it."""
    settings = load_settings(ROOT)
    plan, _ = read_plan(ROOT / "plans" / "10k-8-weeks.md", settings)
    html = print_html(expand(plan), settings, "a4", "https://example.org/")
    assert plan.intro and "About this plan" in html
    assert html.index(">Safety<") < html.index('<h2 class="week-h">')


def test_each_session_has_its_own_box_to_tick() -> None:
    """A day of intervals and strength has two boxes, each on its session's row; a rest day none."""
    settings = load_settings(ROOT)
    plan, _ = read_plan(ROOT / "plans" / "10-mile-masters.md", settings)
    expanded = expand(plan)
    html = print_html(expanded, settings, "a4", "https://example.org/")
    body = html[html.index("<tbody>"):]
    rows = re.findall(r"<tr\b.*?</tr>", body, re.S)
    sessions = sum(1 for week in expanded.weeks for s in week.sessions if s.kind is not SessionKind.REST)
    assert sum(row.count('class="box"') for row in rows) == sessions
    assert all(row.count('class="box"') == row.count('class="session') for row in rows)
    doubled = [w.number for w in expanded.weeks if len({s.day for s in w.sessions}) < len(w.sessions)]
    assert doubled, "the plan should have a day with two sessions"


def test_a_plan_without_a_race_asks_for_no_race_day_and_its_lighter_weeks_have_their_legend(tmp_path: Path) -> None:
    """A strength block has no race: its printed plan asks for a start date only. The lighter
    weeks the coach wrote carry the deload letter on the fridge sheet, and the legend says what it means."""
    from generator.render.pdf import fridge_html

    settings = load_settings(ROOT)
    path = tmp_path / "block.md"
    path.write_text((ROOT / "tests" / "fixtures" / "plans" / "strength-block.md").read_text(encoding="utf-8"), encoding="utf-8")
    plan, _ = read_plan(path, settings)
    expanded = expand(plan)
    assert any(w.step_back for w in expanded.weeks) and not any(w.kind == "deload" for w in expanded.weeks)
    printed = print_html(expanded, settings, "a4", "https://example.org/")
    assert "write your start date here" in printed and "write your race day here" not in printed
    fridge = fridge_html(expanded, settings, "fridge-a4", "https://example.org/")
    assert "Deload week: lighter, to absorb training" in fridge
