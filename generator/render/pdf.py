"""Printable PDFs with WeasyPrint: A4 and US Letter, a week never split, tagged for accessibility.

WeasyPrint only ever loads what this module hands it: the fetcher refuses every
URL but ``data:`` (the QR code), so a plan whose Markdown points at
``file:///etc/passwd`` or a web address is printed without reading it.
Fonts and the stylesheet are prepared once per worker process.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .. import __version__
from ..expanded import ExpandedPlan, PlannedWeek
from ..i18n import N_, Words, current, gettext
from ..paces import PaceTable
from ..settings import Settings
from . import views
from .chart import volume_chart
from .markdown import render_markdown
from .paceview import pace_panel
from .paths import template_files
from .templates import make_environment, template_errors

PAPERS = {"a4": ("A4", "A4"), "letter": ("Letter", "letter")}
_WORKER: dict[str, Any] = {}


def paper_label(paper: str) -> str:
    return PAPERS[paper][0]


def print_html(expanded: ExpandedPlan, settings: Settings, paper: str, plan_url: str, units: str | None = None,
               table: PaceTable | None = None) -> str:
    """The print document for one plan and paper size; ``table``: a runner's paces on every session
    (default: the coach's example paces, if the plan has them)."""
    plan = expanded.plan
    env = make_environment(settings)
    import segno  # only PDFs need it, and it pulls in urllib and http: off the import path

    qr = segno.make(plan_url, error="m")
    context = {
        "site": settings, "plan": plan, "expanded": expanded, "paper": paper, "version": __version__, "lang_tag": current().tag,
        "units": units or plan.units, "figures": views.figures(expanded), "weeks": views.week_views(expanded, table),
        "race": views.race_label(plan), "level_name": views.LEVEL_NAMES.get(plan.level, ""),
        "chart": volume_chart(expanded, "pc", [units or plan.units]), "canonical": plan_url,
        "description": plan.summary or plan.title,
        "intro": render_markdown(plan.intro, top=3) if plan.intro else Markup(""),  # the coach's words before week 1
        "paces": pace_panel(expanded, table),
        "qr": Markup(qr.svg_inline(scale=4, border=2, dark="#000", light="#fff", omitsize=True, title=f"QR code for {plan_url}")),
    }
    with template_errors("print.html"):
        return env.get_template("print.html").render(**context)


FRIDGE = "fridge-"  # the paper key of the one-page sheet: "fridge-a4", "fridge-letter"
LETTERS = Words({"deload": N_("D"), "vacation": N_("V"), "taper": N_("T"), "race": N_("R")})  # the week kinds' marks


def stylesheet_text(settings: Settings, paper: str) -> str:
    """The print stylesheet for a paper key; the one-page sheet's is landscape."""
    fridge = paper.startswith(FRIDGE)
    name = "fridge.css" if fridge else "print.css"
    path = template_files(settings).get(name)
    if path is None:
        raise FileNotFoundError(name)
    size = PAPERS[paper.removeprefix(FRIDGE)][1] + (" landscape" if fridge else "")
    return f"@page {{ size: {size}; }}\n" + path.read_text(encoding="utf-8")


#: Landscape page (width, height) in mm, and the fridge sheet's fixed parts: margins, header and
#: legend (mm), the week, date and volume columns (mm).
SHEET_PAGES = {"a4": (297.0, 210.0), "letter": (279.4, 215.9)}
SHEET_FIXED_HEIGHT, SHEET_FIXED_WIDTH = 34.0, 60.0
POINT_MM = 0.3528


def _sheet_font(expanded: ExpandedPlan, paper: str) -> float:
    """The largest type (8.6 pt down to 4.6 pt) at which every week fits one page: each day's
    sessions are lines of the cell, wrapped at the column's width (estimated from the titles)."""
    from ..describe import sheet_title

    width, height = SHEET_PAGES[paper]
    column = (width - SHEET_FIXED_WIDTH) / 7 - 3.5  # less the tick box and the cell's padding
    titles = [[[sheet_title(p.session, expanded.plan.units) for p in week.sessions if p.day == day and p.kind.value != "rest"]
               for day in range(1, 8)] for week in expanded.weeks]
    size = 8.6
    while size > 4.6:
        per_line = size * 1.2 * POINT_MM
        chars = max(8, int(column / (size * POINT_MM * 0.62)))  # DejaVu Sans: about 0.6 em a character
        lines = sum(max(1, *(sum(-(-(len(t) + 2) // chars) for t in day) for day in week)) for week in titles)
        row_pad = 0.3 * size * POINT_MM + 0.2  # the cell's padding (0.15 em twice) and its border
        if SHEET_FIXED_HEIGHT + len(titles) * row_pad + lines * per_line <= height:
            break
        size = round(size - 0.2, 1)
    return size


def _sheet_volume(expanded: ExpandedPlan, week: PlannedWeek) -> Markup:
    """The week's distance in both units, the sheet's shown (or time, for a plan in minutes): one short line."""
    return Markup(views.week_volume(expanded, week).split(" · ")[0])


def fridge_html(expanded: ExpandedPlan, settings: Settings, paper: str, plan_url: str, units: str | None = None,
                table: PaceTable | None = None) -> str:
    """The one-page sheet: a row per week, a column per day, a box to tick per session."""
    plan = expanded.plan
    weeks = views.week_views(expanded, table)
    size = _sheet_font(expanded, paper.removeprefix(FRIDGE))
    day_names = [d.label for d in weeks[0].days] if plan.layout == "weeks" and weeks else [gettext("Day %(number)d") % {"number": i} for i in range(1, 8)]
    context = {
        "site": settings, "plan": plan, "expanded": expanded, "paper": paper, "version": __version__, "lang_tag": current().tag,
        "units": units or plan.units, "figures": views.figures(expanded), "weeks": weeks, "size": size,
        "day_names": day_names, "letters": LETTERS, "volumes": [_sheet_volume(expanded, w) for w in expanded.weeks], "canonical": plan_url, "paces": pace_panel(expanded, table),
    }
    env = make_environment(settings)
    with template_errors("fridge.html"):
        return env.get_template("fridge.html").render(**context)


class SafeFetcher:
    """Refuses every resource but ``data:`` URLs, and remembers what it refused."""

    def __init__(self) -> None:
        from weasyprint.urls import URLFetcher

        outer = self

        class _Fetcher(URLFetcher):
            def fetch(self, url: str, headers: Any = None) -> Any:
                if url.startswith("data:"):
                    return super().fetch(url, headers)
                outer.refused.append(url)
                raise ValueError(f"Deload does not let plans load {url}")

        self.refused: list[str] = []
        self.fetcher = _Fetcher(allowed_protocols={"data"}, fail_on_errors=False)


def init_worker(css_by_paper: dict[str, str]) -> None:
    """Prepare fonts and parsed stylesheets once per worker process."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fonts = FontConfiguration()
    _WORKER["fonts"] = fonts
    fetcher = SafeFetcher().fetcher  # @import and url() in a coach's print.css load nothing either
    _WORKER["css"] = {paper: CSS(string=text, font_config=fonts, url_fetcher=fetcher) for paper, text in css_by_paper.items()}


@dataclass(frozen=True)
class PdfResult:
    data: bytes
    pages: int
    refused: tuple[str, ...]


def render_pdf(html: str, paper: str, css_by_paper: dict[str, str] | None = None) -> PdfResult:
    """HTML to a tagged PDF (PDF/UA-1). Runs in a worker; call :func:`init_worker` first there."""
    from weasyprint import HTML

    if "css" not in _WORKER or paper not in _WORKER["css"]:
        if css_by_paper is None:
            raise RuntimeError("init_worker was not called")
        init_worker(css_by_paper)
    safe = SafeFetcher()
    document = HTML(string=html, base_url="about:blank", url_fetcher=safe.fetcher).render(
        stylesheets=[_WORKER["css"][paper]], font_config=_WORKER["fonts"], pdf_variant="pdf/ua-1")
    data = document.write_pdf(pdf_identifier=b"deload-" + __version__.encode(), pdf_variant="pdf/ua-1")
    return PdfResult(data, len(document.pages), tuple(safe.refused))
