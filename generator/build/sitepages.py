"""The site's own pages (index, list pages, sitemap, Atom, 404, robots) and its static assets.

A build writes them into its stage, keeping each page whose key (what it shows) is unchanged.
A preview writes none: ``deload serve`` renders a list page when a browser asks for it
(:mod:`generator.ondemand`), so that an edit costs the edited plan's pages and not an index
of thousands of cards.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ..dates import stamp
from ..i18n import use
from ..settings import Settings
from .manifest import PlanRecord
from .result import BuildResult

if TYPE_CHECKING:
    import jinja2

    from ..render.html import SiteRenderer
    from . import Job, tree


def site_files(job: Job, stage: tree.Stage, ordered: list[PlanRecord], result: BuildResult) -> None:
    """The pages that list plans (the preview's are rendered when a browser asks for one), and the static assets."""
    from ..render.html import static_files

    if job.preview:
        from ..ondemand import site_pages

        result.on_request = site_pages(job.settings, ordered, job.now, job.renderer_key)
    else:
        last_keys = job.manifest.body.site_keys
        with use(job.settings.language):  # the site's own pages speak the site's language
            for page in site_renderer(job.settings, ordered, job.now).pages(job.inputs.common):
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


def site_renderer(settings: Settings, ordered: list[PlanRecord], now: datetime,
                  env: jinja2.Environment | None = None) -> SiteRenderer:
    """The site's own pages over the plans' records, in the build's order."""
    from ..render.html import Listing, SiteRenderer

    return SiteRenderer(settings, [Listing(**r.listing) for r in ordered], stamp(now), env)


_CHECKED: dict[str, jinja2.Environment] = {}  # the last preview build's checked templates, by their key


def checked_templates(settings: Settings, key: str = "") -> jinja2.Environment:
    """The site's templates read and compiled now (a syntax error is this build's error), unless
    the last build's were of the same ``key`` (the project, its settings and templates)."""
    from ..render.html import SiteRenderer
    from ..render.templates import make_environment

    env = _CHECKED.get(key) if key else None
    if env is None:
        env = make_environment(settings, frozen=True)
        SiteRenderer(settings, [], "", env).check_templates()
        _CHECKED.clear()
        if key:
            _CHECKED[key] = env
    return env
