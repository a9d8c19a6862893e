"""What ``deload serve`` renders only when a browser asks for it.

A preview build writes the changed plans' pages and nothing else (:mod:`generator.build`):
an edit then costs the edited plan's pages, not an index of thousands of cards, nor the
plan's watch files. The list pages, a plan's other files (JSON, feeds, embed view, image,
watch files) and its PDFs are rendered here, as a full build would write them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from .build.manifest import Manifest, PlanRecord
from .build.result import SitePages
from .i18n import plan_language, use
from .periodize import expand
from .settings import Settings
from .source import read_plan
from .source.files import plan_order
from .state import State

if TYPE_CHECKING:
    from .render.html import SitePage


def site_pages(settings: Settings, ordered: list[PlanRecord], now: datetime, key: str = "") -> SitePages:
    """The site's own pages over the plans' records, by path, each rendered when called; even
    the list of them is made when first asked for. The templates are checked now (a syntax
    error is the build's error), as the build saw them (``key``: see ``checked_templates``)."""
    from .build.sitepages import checked_templates, site_renderer

    language = settings.language
    env = checked_templates(settings, key)

    @cache
    def pages() -> dict[str, Callable[[], bytes]]:
        site = site_renderer(settings, ordered, now, env)
        with use(language):
            return {page.path: partial(_render_in, language, page) for page in site.pages()}

    return pages


def _render_in(language: str, page: SitePage) -> bytes:
    with use(language):
        return page.render()


def last_site_pages(settings: Settings, output: Path, now: datetime) -> SitePages | None:
    """The site's own pages as the last good build into ``output`` made them (None if its
    record is damaged): a preview started while a plan is broken shows that build."""
    manifest = Manifest(settings.work_dir, output)
    records = manifest.body.records
    if not manifest.body.build:
        return None
    return site_pages(settings, [records[d] for d in sorted(records, key=plan_order)], now)  # as a build lists them


def plan_files(settings: Settings, path: Path, now: datetime) -> dict[str, bytes]:
    """One plan's files (by their names in the plan's folder): the JSON, the feeds, the embed
    view, the image and, costliest of all, the watch files."""
    from .build.plans import BuildContext, plan_page, state_of_plan
    from .render.html import PlanRenderer
    from .render.planfiles import plan_files as render_files

    plan, _ = read_plan(path, settings, os.path.relpath(path, settings.root))  # as a build names it
    expanded = expand(plan)
    context = BuildContext(settings, Path(os.devnull), now, (), State.load(settings.plans_dir),
                           links=settings.papers if settings.pdf else ())
    state = state_of_plan(context.state, plan.slug)
    page = plan_page(context, expanded, state)
    with use(plan_language(plan, settings)):
        made = render_files(PlanRenderer(settings), page, state.events, state.legacy, now, pages=False)
    return {name[len(page.url):]: data for name, data in made.files}


def plan_pdf(settings: Settings, path: Path, slug: str, fridge: bool, paper: str) -> bytes:
    """A plan's PDF (``fridge``: its one-page sheet), with the print stylesheet as it is now."""
    from .render.pdf import FRIDGE, fridge_html, init_worker, print_html, render_pdf, stylesheet_text

    key = FRIDGE + paper if fridge else paper
    make = fridge_html if fridge else print_html
    plan = read_plan(path, settings)[0]
    with use(plan_language(plan, settings)):
        html = make(expand(plan), settings, key, f"{settings.base_url}plans/{slug}/")
    init_worker({key: stylesheet_text(settings, key)})
    return render_pdf(html, key).data
