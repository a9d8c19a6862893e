"""The site's own pages (index, list pages, sitemap, Atom, 404, robots) and its static assets.

A build writes them into its stage, keeping each page whose key (what it shows) is unchanged.
A preview writes none: ``deload serve`` renders a list page when a browser asks for it, from
the records and the templates as its build saw them, so that an edit costs the edited plan's
pages and not an index of thousands of cards.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..dates import stamp
from ..i18n import use
from ..settings import Settings
from ..source.files import plan_order
from .manifest import Manifest, PlanRecord
from .result import BuildResult, SitePages

if TYPE_CHECKING:
    import jinja2

    from ..render.html import SitePage, SiteRenderer
    from . import Job, tree


def site_files(job: Job, stage: tree.Stage, ordered: list[PlanRecord], result: BuildResult) -> None:
    """The pages that list plans (the preview's are rendered when a browser asks for one), and the static assets."""
    from ..render.html import static_files

    if job.preview:
        result.on_request = site_pages(job.settings, ordered, job.now, job.renderer_key)
    else:
        last_keys = job.manifest.body.site_keys
        with use(job.settings.language):  # the site's own pages speak the site's language
            for page in _renderer(job.settings, ordered, job.now).pages(job.inputs.common):
                result.site_keys[page.path] = page.key
                if not page.key or last_keys.get(page.path) != page.key or not stage.holds([page.path]):
                    stage.write(page.path, page.render())
                result.pages += page.path.endswith(".html")
                result.site_files.append(page.path)
    for path, source in static_files(job.settings):
        stage.write(path, source.read_bytes())
        result.site_files.append(path)
    current = set(result.site_files)
    stage.remove(name for name in job.manifest.body.site_files if name not in current)
    result.files += len(result.site_files)


def _renderer(settings: Settings, ordered: list[PlanRecord], now: datetime,
              env: jinja2.Environment | None = None) -> SiteRenderer:
    from ..render.html import Listing, SiteRenderer

    return SiteRenderer(settings, [Listing(**r.listing) for r in ordered], stamp(now), env)


def site_pages(settings: Settings, ordered: list[PlanRecord], now: datetime, key: str = "") -> SitePages:
    """The site's own pages, by path, each rendered when called: the preview renders a list page
    only when a browser asks for it (a plan's edit then costs its own pages, not an index of
    thousands of cards). Even the list of them is made when first asked for. The templates are
    read now and compiled (a syntax error is this build's error), as this build saw them, unless
    the last build's were of the same ``key`` (the project, its settings and templates)."""
    from ..render.html import SiteRenderer
    from ..render.templates import make_environment

    language = settings.language
    env = _CHECKED.get(key) if key else None
    if env is None:
        env = make_environment(settings, frozen=True)
        SiteRenderer(settings, [], "", env).check_templates()
        _CHECKED.clear()
        if key:
            _CHECKED[key] = env

    @cache
    def pages() -> dict[str, Callable[[], bytes]]:
        site = _renderer(settings, ordered, now, env)
        with use(language):
            return {page.path: partial(_render_in, language, page) for page in site.pages()}

    return pages


def _render_in(language: str, page: SitePage) -> bytes:
    with use(language):
        return page.render()


_CHECKED: dict[str, jinja2.Environment] = {}  # the last preview build's checked templates, by their key


def last_site_pages(settings: Settings, output: Path, now: datetime) -> SitePages | None:
    """The site's own pages as the last good build into ``output`` made them (None if its
    record is damaged): a preview started while a plan is broken shows that build."""
    manifest = Manifest(settings.work_dir, output)
    records = manifest.body.records
    if not manifest.body.build:
        return None
    return site_pages(settings, [records[d] for d in sorted(records, key=plan_order)], now)  # as a build lists them
