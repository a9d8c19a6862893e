"""Translations: complete catalogs for every bundled language, and sites with no English left."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from generator import i18n
from generator.i18n import CATALOGS, LANGUAGES, use

from .conftest import FIXTURES, ROOT
from .site_build import build_project, make_project

TRANSLATED = [code for code in LANGUAGES if code != "en"]
KEYWORDS = {"_": None, "gettext": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
            "pgettext_noop": ((1, "c"), 2), "t": None}


def catalog(code: str):  # type: ignore[no-untyped-def]
    with open(CATALOGS / code / "LC_MESSAGES" / "deload.po", "rb") as handle:
        return read_po(handle, locale=code)


def source_messages() -> set[tuple[str | None, str]]:
    """Every message marked in the code, the templates and the scripts, as ``pybabel extract`` finds them."""
    found: set[tuple[str | None, str]] = set()
    maps = [(ROOT / "generator", [("**.py", "python")]),
            (ROOT / "templates", [("**.html", "jinja2"), ("**.xml", "jinja2"), ("static/**.js", "javascript")])]
    jinja = {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true", "trim_blocks": "true", "lstrip_blocks": "true"}
    options = {"**.html": jinja, "**.xml": jinja}
    for folder, method_map in maps:
        for _, _, message, _, context in extract_from_dir(str(folder), method_map, options, KEYWORDS):
            for part in message if isinstance(message, tuple) else (message,):
                found.add((context, part))
    return found


def test_every_marked_message_is_in_the_template() -> None:
    """A message marked in the code but missing from deload.pot would show in English: run scripts/messages.sh."""
    with open(CATALOGS / "deload.pot", "rb") as handle:
        template = read_po(handle)
    known = {(m.context, part) for m in template if m.id for part in (m.id if isinstance(m.id, tuple) else (m.id,))}
    missing = source_messages() - known
    assert not missing, f"not in generator/locales/deload.pot (run scripts/messages.sh): {sorted(missing)[:5]}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_catalog_is_complete_and_well_formed(code: str) -> None:
    with open(CATALOGS / "deload.pot", "rb") as handle:
        template = read_po(handle)
    po = catalog(code)
    for message in template:
        if not message.id:
            continue
        translated = po.get(message.id, message.context)
        assert translated is not None, f"{code}: no entry for {message.id!r}"
        strings = translated.string if isinstance(translated.string, tuple) else (translated.string,)
        assert all(strings), f"{code}: {message.id!r} is not translated"
        assert not translated.fuzzy, f"{code}: {message.id!r} is fuzzy"
        assert not list(translated.check(po)), f"{code}: {message.id!r}: {list(translated.check(po))}"
        names = set(re.findall(r"%\((\w+)\)", message.id if isinstance(message.id, str) else message.id[0]))
        for string in strings:
            assert set(re.findall(r"%\((\w+)\)", string)) == names, f"{code}: {message.id!r} placeholders"
            tags = re.findall(r"</?[a-z]+", message.id if isinstance(message.id, str) else message.id[0])
            assert sorted(re.findall(r"</?[a-z]+", string)) == sorted(tags), f"{code}: {message.id!r} markup"


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_shipped_catalog_is_compiled_from_its_source(code: str) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, catalog(code), use_fuzzy=True)
    shipped = (CATALOGS / code / "LC_MESSAGES" / "deload.mo").read_bytes()
    assert shipped == compiled.getvalue(), f"{code}: deload.mo is older than deload.po: run scripts/messages.sh compile"


def test_locale_formats() -> None:
    day = date(2027, 1, 24)
    with use("en"):
        assert i18n.day_text(day) == "Sun 24 Jan 2027" and i18n.number("12.5") == "12.5" and i18n.percent(0.25) == "25%"
    with use("de"):
        assert i18n.day_text(day) == "So., 24. Jan. 2027" and i18n.number("12.5") == "12,5"
        assert i18n.weekday(0) == "Montag" and i18n.gettext("Key figures") != "Key figures"
    with use("fr"):
        assert i18n.day_text(day, "short") == "dim. 24 janv." and i18n.percent(0.25) == "25\u00a0%"
    with use("de-AT"):
        assert "Jän." in i18n.day_text(day)
    assert i18n.code_of("pt-BR") == "en" and i18n.code_of("NL") == "nl"


def english_phrases(code: str) -> list[str]:
    """Runs of four or more words of the catalog's English messages: text only the UI says. A run
    the translation keeps as it is (the title of a cited paper) is not English left behind."""
    po = catalog(code)
    phrases: set[str] = set()
    for message in po:
        translations = " ".join(message.string if isinstance(message.string, tuple) else (message.string,))
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            for run in re.split(r"%\(\w+\)[sd]|<[^>]+>|[.:;,()“”\"]", text or ""):
                words = run.split()
                if len(words) >= 4 and " ".join(words) not in translations:
                    phrases.add(" ".join(words))
    return sorted(phrases)


def visible_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"<script[^>]*>.*?</script>", " ", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(text.replace("&nbsp;", " ").split())


@pytest.fixture(scope="module")
def translated_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    sites = {}
    for code in TRANSLATED:
        folder = make_project(tmp_path_factory.mktemp(f"site-{code}"), [ROOT / "tests" / "fixtures" / "plans" / "ten-k-build.md"])
        toml = folder / "deload.toml"
        toml.write_text(toml.read_text().replace('language = "en"', f'language = "{code}"'))
        build_project(folder, "--no-pdf")
        sites[code] = folder / "site"
    return sites


@pytest.mark.parametrize("code", TRANSLATED)
def test_a_translated_site_has_no_english_ui_text(translated_sites: dict[str, Path], code: str) -> None:
    site = translated_sites[code]
    phrases = english_phrases(code)
    pages = [*sorted(site.rglob("*.html")), site / "feed.xml"]
    assert len(pages) > 5
    for page in pages:
        text = visible_text(page)
        left = [p for p in phrases if p in text]
        assert not left, f"{code}: {page.relative_to(site)} still says {left[:3]}"
        assert f'lang="{code}"' in page.read_text(encoding="utf-8") or page.suffix == ".xml"


def test_a_translated_site_speaks_its_language(translated_sites: dict[str, Path]) -> None:
    page = (translated_sites["de"] / "plans").glob("*/index.html")
    html = next(page).read_text(encoding="utf-8")
    assert "Eckdaten" in html or "Kennzahlen" in html or "Wichtige Zahlen" in html, "the German 'Key figures'"
    assert re.search(r"\d,\d km", html), "a decimal comma"
    assert 'id="deload-messages"' in html, "the scripts' messages"
    feeds = sorted((translated_sites["de"] / "plans").rglob("*.ics"))
    assert feeds
    from icalendar import Calendar

    calendar = Calendar.from_ical(feeds[0].read_bytes())
    summaries = [str(e.get("summary")) for e in calendar.walk("VEVENT")]
    assert any(s.startswith("Woche ") for s in summaries), summaries[:3]


def hreflangs(page: Path) -> set[tuple[str, str]]:
    return set(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page.read_text(encoding="utf-8")))


def test_translations_link_to_each_other_and_follow_each_change(tmp_path: Path) -> None:
    """Plans with one translation_key link to each other (hreflang, and a link a reader sees);
    when one stops being a translation, the other's page (itself unchanged) drops the link."""
    english = (ROOT / "tests" / "fixtures" / "plans" / "ten-k-build.md").read_text(encoding="utf-8")
    folder = make_project(tmp_path / "p", [ROOT / "plans" / "halbmarathon-10-wochen.md"])
    plan = folder / "plans" / "half-en.md"
    plan.write_text(english.replace("---\n", "---\ntranslation_key: halbmarathon-10-wochen\n", 1), encoding="utf-8")
    build_project(folder, "--no-pdf")
    german = folder / "site" / "plans" / "halbmarathon-10-wochen" / "index.html"
    pages = {p.parent.name: p for p in (folder / "site" / "plans").glob("*/index.html")}
    slug = next(name for name in pages if name != "halbmarathon-10-wochen")
    both = {("de", "https://deload.example.org/plans/halbmarathon-10-wochen/"),
            ("en", f"https://deload.example.org/plans/{slug}/")}
    assert hreflangs(german) == both and hreflangs(pages[slug]) == both
    assert 'hreflang="en" lang="en">English</a>' in german.read_text(encoding="utf-8")
    assert 'hreflang="de" lang="de">Deutsch</a>' in pages[slug].read_text(encoding="utf-8")
    assert 'hreflang="de"' in (folder / "site" / "sitemap.xml").read_text(encoding="utf-8")
    plan.write_text(english, encoding="utf-8")  # no longer a translation
    build_project(folder, "--no-pdf")
    assert hreflangs(german) == set() and hreflangs(pages[slug]) == set()


def test_every_translated_page_passes_the_nu_html_checker(translated_sites: dict[str, Path]) -> None:
    import json
    import subprocess

    from .conftest import need

    java = need("java")
    vnu = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if not vnu.exists():
        pytest.fail("node_modules/vnu-jar is missing: run 'make test', which installs it")
    proc = subprocess.run([java, "-jar", str(vnu), "--errors-only", "--format", "json", "--skip-non-html",
                           *map(str, translated_sites.values())], capture_output=True, text=True, timeout=300)
    messages = json.loads(proc.stderr or "{}").get("messages", [])
    assert [f"{m.get('url')}:{m.get('lastLine')}: {m.get('message')}" for m in messages if m.get("type") == "error"] == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_pdfs_feeds_and_sheet_are_in_the_plans_language(tmp_path: Path, code: str) -> None:
    """A plan written in the language (its twin under tests/fixtures/plan-lang) prints and
    subscribes in it: the PDF's headings, the fridge sheet's columns, the events' summaries."""
    from icalendar import Calendar
    from pypdf import PdfReader

    folder = make_project(tmp_path / "p", [FIXTURES / "plan-lang" / f"{code}.md"])
    toml = folder / "deload.toml"
    toml.write_text(toml.read_text().replace('papers = ["a4", "letter"]', 'papers = ["a4"]'))
    build_project(folder)
    plan = folder / "site" / "plans" / code
    with use(code):
        headings = [i18n.gettext("Weekly volume"), i18n.gettext("Loading week"), i18n.gettext("Week %(number)d") % {"number": 1}]
        sheet_words = [i18n.gettext("Week"), i18n.gettext("Volume"), i18n.pgettext("session", "Rest")]
        week_one = i18n.gettext("Week %(number)d") % {"number": 1}
        page_one = f"{i18n.pgettext('page number', 'page')} 1 {i18n.pgettext('page number', 'of')}"
        week_category = i18n.pgettext("calendar category", "week")

    def text(pdf: Path) -> str:
        return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages)

    printed = text(plan / f"{code}-a4.pdf")
    assert all(" ".join(h.split()) in printed for h in headings), headings
    assert "Weekly volume" not in printed and "Loading week" not in printed
    assert page_one in printed and "page 1 of" not in printed, "the page numbers' words"
    sheet = text(plan / f"{code}-fridge-a4.pdf")
    assert all(word in sheet for word in sheet_words), sheet_words
    feed = next(plan.glob("*.ics"))
    summaries = [str(e.get("summary")) for e in Calendar.from_ical(feed.read_bytes()).walk("VEVENT")]
    assert any(s.startswith(week_one + " ") for s in summaries)
    categories = {str(c) for e in Calendar.from_ical(feed.read_bytes()).walk("VEVENT") for c in e.get("categories").cats}
    assert week_category in categories and ("week" not in categories or week_category == "week")
    if not week_one.startswith("Week "):  # Dutch says "Week" too
        assert not any(s.startswith("Week ") for s in summaries)


def test_a_locale_sets_the_units_but_never_moves_a_plans_days(tmp_path: Path) -> None:
    from generator.config import load_settings

    (tmp_path / "deload.toml").write_text('[site]\nlanguage = "en-US"\n')
    assert load_settings(tmp_path).default_units == "mi"
    (tmp_path / "deload.toml").write_text('[site]\nlanguage = "de-AT"\ndefault_units = "mi"\n')
    assert load_settings(tmp_path).default_units == "mi"
    (tmp_path / "deload.toml").write_text('[site]\nlanguage = "fr"\n')
    assert load_settings(tmp_path).default_units == "km"


def test_a_site_language_without_a_catalog_is_said(tmp_path: Path) -> None:
    folder = make_project(tmp_path / "p", [ROOT / "tests" / "fixtures" / "plans" / "ten-k-build.md"])
    toml = folder / "deload.toml"
    toml.write_text(toml.read_text().replace('language = "en"', 'language = "pt-BR"'))
    output = build_project(folder, "--no-pdf")
    assert "deload.toml:7:1: warning: language 'pt-BR' has no bundled translation" in output
    assert 'lang="pt-BR"' in (folder / "site" / "index.html").read_text(encoding="utf-8")


def test_english_is_written_one_way_whatever_the_region(tmp_path: Path) -> None:
    """en-GB, en-ZA: the same calendars, byte for byte, as en (a month spelt "Sept" or a decimal
    comma would change every event a reader subscribed to), and kilometres as before."""
    feeds = {}
    for tag in ("en", "en-GB", "en-ZA"):
        folder = make_project(tmp_path / tag, [ROOT / "tests" / "fixtures" / "plans" / "ten-k-build.md"])
        toml = folder / "deload.toml"
        toml.write_text(toml.read_text().replace('language = "en"', f'language = "{tag}"').replace('default_units = "km"\n', ""))
        build_project(folder, "--no-pdf")
        site = folder / "site"
        feeds[tag] = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.ics"))}
        assert f'lang="{tag}"' in (site / "index.html").read_text(encoding="utf-8")
    assert feeds["en"] and feeds["en-GB"] == feeds["en"] and feeds["en-ZA"] == feeds["en"]


def test_the_one_plan_commands_speak_the_plans_language(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    folder = make_project(tmp_path / "p", [FIXTURES / "plan-lang" / "de.md"])
    result = CliRunner().invoke(main, ["ical", str(folder / "plans" / "de.md"), "--start", "2027-01-03", "-o", "-",
                                       "--project", str(folder)])
    assert result.exit_code == 0, result.output
    assert "SUMMARY:Woche 1 · " in result.output and "SUMMARY:Week 1" not in result.output
    assert i18n.current().code == "en", "the command's language ends with the command"


def test_two_translations_in_one_language_are_said(tmp_path: Path) -> None:
    folder = make_project(tmp_path / "p", [FIXTURES / "plan-lang" / "de.md", FIXTURES / "plan-lang" / "en.md"])
    toml = folder / "deload.toml"
    toml.write_text(toml.read_text().replace('language = "en"', 'language = "de"'))
    for name in ("de.md", "en.md"):
        plan = folder / "plans" / name
        text = plan.read_text(encoding="utf-8").replace("language: en\n", "")  # the English twin takes the site's
        plan.write_text(text.replace("---\n", "---\ntranslation_key: twin\n", 1), encoding="utf-8")
    output = build_project(folder, "--no-pdf")
    assert "translation_key 'twin' is shared with plans/de.md, in the same language 'de'" in output
    assert hreflangs(folder / "site" / "plans" / "de" / "index.html") == set()
    assert hreflangs(folder / "site" / "plans" / "en" / "index.html") == set()


def test_a_weight_is_written_with_the_plans_decimal_sign() -> None:
    from generator.describe import exercise_text
    from generator.i18n import use
    from generator.model import Exercise, Load

    squat = Exercise("Kniebeuge", 3, 10, load=Load("weight", 32.5, "kg"))
    with use("de"):
        assert exercise_text(squat) == "Kniebeuge 3x10 @ 32,5 kg"
    assert exercise_text(squat) == "Kniebeuge 3x10 @ 32.5 kg"


def test_a_strength_charts_axis_says_its_unit_once_in_the_plans_language(tmp_path: Path) -> None:
    """'100 répétitions' at each tick had been cut off at the chart's left edge ('épétitions')."""
    from .site_build import build_project, make_project

    text = "---\ntitle: K\nlanguage: fr\nunits: km\nload_units: kg\n---\n"
    for n in range(1, 4):
        text += f"## Semaine {n}\n- lun. : Renforcement\n  - Swing 10x15 @ 16 kg\n  - Goblet squat 5x10 @ 12 kg\n\n"
    plan = tmp_path / "k.md"
    plan.write_text(text, encoding="utf-8")
    project = make_project(tmp_path / "p", [plan])
    build_project(project, "--no-pdf")
    page = next((project / "site" / "plans").iterdir()).joinpath("index.html").read_text(encoding="utf-8")
    chart = page[page.index('<svg class="chart"'):page.index("</svg>")]
    assert 'class="c-axis">répétitions</text>' in chart and 'class="c-axis ">200</text>' in chart


def test_spanish_says_media_maraton_as_spain_does() -> None:
    """A Spanish coach's 'Carrera media maratón' had been shown as 'Carrera medio maratón', and the
    watch's 'Media mar.' beside the page's 'Medio maratón'."""
    from generator.i18n import gettext, use

    with use("es"):
        assert (gettext("half marathon"), gettext("Half marathon")) == ("media maratón", "Media maratón")
        assert "para el" not in gettext("A %(weeks)d-week plan for the %(race)s.")


def test_a_french_week_note_spaces_its_semicolons_as_french_does() -> None:
    """'au même effort; musculation' beside '−25 % ;': French puts a space before a semicolon."""
    from generator.expanded import Phrase
    from generator.i18n import use
    from generator.render.notes import note_text

    note = (Phrase("deload-volume-easy", (("cut", "25%"),)), Phrase("strength-reps", ()))
    with use("fr"):
        assert " ; " in note_text(note)
    with use("en"):
        assert "; " in note_text(note) and " ; " not in note_text(note)
