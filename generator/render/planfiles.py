"""Every file of one plan's folder in the site, rendered in the plan's language.

The build decides which plans to render, in which process and where their files go; this
module decides what those files are: ``plan.json``, the page and its embed view, the
preview image, the watch files, the calendar feeds, and the print HTML of the PDFs (which
the build's PDF workers turn into PDFs).
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..expanded import ExpandedPlan, PlannedSession
from .feedset import feed_files
from .fitset import site_watch_files
from .html import PlanPage, PlanRenderer
from .ical import EventText
from .json_export import to_json
from .paceview import example_table
from .pdf import FRIDGE, fridge_html, print_html


@dataclass
class PlanFiles:
    """One plan's rendered files, and what the build records about them."""

    files: list[tuple[str, bytes]] = field(default_factory=list)  # (path in the site, bytes)
    listing: dict[str, Any] = field(default_factory=dict)  # its card and what list pages show of it
    events: list[EventText] = field(default_factory=list)  # every calendar event, with its new revision
    pdf_jobs: list[tuple[str, str, str]] = field(default_factory=list)  # (paper, print HTML, path in the site)
    skipped: list[tuple[PlannedSession, str]] = field(default_factory=list)  # sessions without a watch file, and why
    pages: int = 0
    timings: dict[str, float] = field(default_factory=dict)  # CPU seconds by step, for the benchmark


def plan_files(renderer: PlanRenderer, page: PlanPage, revisions: Mapping[str, Any], legacy: bool, now: datetime,
               papers: tuple[str, ...] = (), full: bool = True, pages: bool = True) -> PlanFiles:
    """Render the plan of ``page``. ``revisions``: the events' last revisions (the build's
    state); ``papers``: the PDFs whose print HTML is wanted; ``full=False``: only its page and
    what the list pages show of it (the preview renders the rest when asked); ``pages=False``:
    all but those (what the preview renders when asked)."""
    expanded, settings, url = page.expanded, renderer.settings, page.url
    out = PlanFiles()
    clock = time.process_time()

    def lap(step: str) -> None:
        nonlocal clock
        out.timings[step] = out.timings.get(step, 0.0) + time.process_time() - clock
        clock = time.process_time()

    if full:
        out.files.append((f"{url}plan.json", to_json(expanded, indent=None).encode("utf-8")))
    for name, data in renderer.outputs(page, own=pages, others=full):
        out.files.append((name, data))
        out.pages += name.endswith(".html")
        lap("preview_image" if name.endswith(".png") else "pages")
    if full and settings.watch_files:
        out.files += ((f"{url}fit/{name}", data) for name, data in watch_files(expanded, page.updated, out.skipped))
        lap("watch_files")
    if pages:
        out.listing = renderer.listing(page).to_json()
        lap("pages")
    if full:
        out.files += ((url + name, data) for name, data in feed_files(
            expanded, settings, page.feeds, settings.base_url + url, revisions, legacy, now, out.events))
        lap("feeds")
    for paper, (_, name), (_, sheet) in zip(papers, page.pdfs, page.sheets, strict=False):
        plan_url = settings.base_url + url
        out.pdf_jobs.append((paper, print_html(expanded, settings, paper, plan_url), f"{url}{name}"))
        out.pdf_jobs.append((FRIDGE + paper, fridge_html(expanded, settings, FRIDGE + paper, plan_url), f"{url}{sheet}"))
    lap("print_html")
    return out


def watch_files(expanded: ExpandedPlan, updated: str, skipped: list[Any]) -> Iterator[tuple[str, bytes]]:
    """The files of the plan's ``fit/`` folder, dated by the plan's last update (stable while the
    plan is); sessions that have none are added to ``skipped``."""
    created = datetime.fromisoformat(updated.replace("Z", "+00:00"))
    return site_watch_files(expanded, created, example_table(expanded), skipped)
