"""``deload build``: read every plan, expand it, render it, and swap the new site in.

Nothing is written into ``site/`` directly: outputs go to a staging folder in
``.deload/`` that replaces ``site/`` only when the whole build succeeded.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .config import Settings
from .errors import DeloadError, Diagnostic, Severity
from .expanded import ExpandedPlan
from .feeds import build_time, plan_feeds
from .fsutil import build_lock, clean_stale, swap_in, write_bytes, write_text
from .pdfjobs import PdfJob, cache_key, prune_cache, run_pdf_jobs, worker_count
from .periodize import dates_change_layout, expand, expand_all, first_day
from .render.html import HtmlSite, PlanPage, static_files
from .render.ical import feed_bytes, plan_events, timezones_text
from .render.json_export import expanded_dict, to_json
from .render.pdf import paper_label, print_html, stylesheet_text
from .source import find_plan_files, read_plans
from .state import State, content_hash, stamp

WORK_DIR = ".deload"


@dataclass
class BuildResult:
    pages: int = 0
    feeds: int = 0
    pdfs: int = 0
    pdfs_rendered: int = 0
    files: int = 0
    plans: int = 0
    warnings: list[Diagnostic] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        pdfs = f"{self.pdfs} PDFs" + (f" ({self.pdfs_rendered} rendered)" if self.pdfs else "")
        return (f"built {self.plans} plan{'s' if self.plans != 1 else ''}: {self.pages} pages, {self.feeds} feeds, "
                f"{pdfs}, {len(self.warnings)} warning{'s' if len(self.warnings) != 1 else ''} in {self.seconds:.2f} s")


def load_library(settings: Settings) -> tuple[list[ExpandedPlan], list[Diagnostic]]:
    """Read and expand every plan in ``plans/``; raise with every error of every plan."""
    files = find_plan_files([settings.plans_dir]) if settings.plans_dir.is_dir() else []
    if not files:
        raise DeloadError([Diagnostic(str(settings.plans_dir), 1, 1, "no plan files (*.md) found; create one with 'deload new NAME'")])
    result = read_plans(files, settings, display_root=settings.root)
    diagnostics = list(result.diagnostics)
    if not result.ok:
        raise DeloadError(diagnostics)
    expanded, engine = expand_all(result.plans)
    diagnostics += engine
    if any(d.is_error for d in diagnostics):
        raise DeloadError(diagnostics)
    return expanded, [d for d in diagnostics if not d.is_error]


def build_site(settings: Settings, jobs: int | None = None, pdf: bool = True, quiet: bool = False,
               output: Path | None = None, save_state: bool = True) -> BuildResult:
    """Build into ``output`` (default ``site/``); ``save_state=False`` for previews that must
    not record plan changes as published."""
    started = time.perf_counter()
    work = settings.root / WORK_DIR
    with build_lock(work):
        clean_stale(work)
        library, warnings = load_library(settings)
        state = State.load(settings.plans_dir)
        stage = work / f"stage-{os.getpid()}"
        stage.mkdir(parents=True)
        try:
            result = _render(settings, library, stage, state, pdf=pdf and settings.pdf, jobs=jobs)
            target = output or settings.output_dir
            target.parent.mkdir(parents=True, exist_ok=True)
            swap_in(stage, target)
        except BaseException:
            shutil.rmtree(stage, ignore_errors=True)
            raise
        if save_state:
            state.save({e.plan.slug for e in library})
    result.warnings = warnings + result.warnings
    result.plans = len(library)
    result.seconds = time.perf_counter() - started
    return result


def plan_digest(expanded: ExpandedPlan) -> str:
    """What a reader sees of a plan, without the Deload version: changes mark the plan as updated."""
    data = expanded_dict(expanded)
    data.pop("generator", None)
    return content_hash(json.dumps(data, sort_keys=True))


def write_feeds(settings: Settings, expanded: ExpandedPlan, page: PlanPage, state: State, now: datetime, stage: Path) -> int:
    """Every calendar feed of one plan; returns how many were written."""
    plan = expanded.plan
    plan_url = settings.base_url + page.url
    events = plan_events(expanded, settings, state, now, plan_url, settings.week_summaries)
    zones = timezones_text(expanded, events)
    folder = stage / page.url
    folder.mkdir(parents=True, exist_ok=True)
    for feed in page.feeds:
        feed_plan, feed_events = expanded, events
        if feed.date is not None and expanded.start is None and dates_change_layout(plan):
            feed_plan = expand(plan, race_date=feed.date) if feed.anchor == "race" else expand(plan, start=feed.date)
            feed_events = plan_events(feed_plan, settings, state, now, plan_url, settings.week_summaries)
        if expanded.start is not None:
            first = expanded.start
        else:
            assert feed.date is not None
            first = first_day(feed_plan, race_date=feed.date) if feed.anchor == "race" else feed.date
        (folder / feed.name).write_bytes(feed_bytes(feed_plan, feed_events, settings, feed, first, plan_url, zones))
    return len(page.feeds)


def _render(settings: Settings, library: list[ExpandedPlan], stage: Path, state: State, pdf: bool,
            jobs: int | None = None) -> BuildResult:
    result = BuildResult()
    now = build_time()
    pages = []
    papers = settings.papers if pdf else ()
    pdf_jobs: list[PdfJob] = []
    for expanded in library:
        slug = expanded.plan.slug
        entry = state.touch_plan(slug, plan_digest(expanded), now)
        feeds = plan_feeds(expanded, settings, now.date())
        pdfs = [(paper_label(paper), f"{slug}-{paper}.pdf") for paper in papers]
        pages.append(PlanPage(expanded, slug, f"plans/{slug}/", feeds, entry["published"], entry["updated"], pdfs))
        for paper, (_, name) in zip(papers, pdfs, strict=True):
            html = print_html(expanded, settings, paper, settings.base_url + f"plans/{slug}/")
            pdf_jobs.append(PdfJob(html, paper, stage / "plans" / slug / name, expanded.plan.path))
        write_text(stage / "plans" / slug / "plan.json", to_json(expanded))
        result.files += 1
        result.feeds += write_feeds(settings, expanded, pages[-1], state, now, stage)
    site = HtmlSite(settings, pages, stamp(now))
    for path, data in site.pages():
        write_bytes(stage / path, data)
        result.files += 1
        if path.endswith(".html"):
            result.pages += 1
    for path, source in static_files(settings):
        target = stage / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        result.files += 1
    if pdf_jobs:
        css = {paper: stylesheet_text(settings, paper) for paper in papers}
        cache = settings.root / WORK_DIR / "cache" / "pdf"
        rendered, outcomes = run_pdf_jobs(pdf_jobs, css, cache, worker_count(jobs))
        prune_cache(cache, {cache_key(job, css[job.paper]) for job in pdf_jobs})
        result.pdfs = len(pdf_jobs)
        result.pdfs_rendered = rendered
        for job, outcome in outcomes:
            for url in dict.fromkeys(outcome.refused):
                result.warnings.append(Diagnostic(job.plan_path, 1, 1, f"the PDF ignored a link to {url}: plans may not load files or web resources", Severity.WARNING, "pdf-resource"))
    return result
