"""One plan's share of a build: read, expand, render (:mod:`generator.render.planfiles`) and
write its files into the stage. Runs in worker processes.

The build sets a :class:`BuildContext` before it starts its workers (they inherit it
when forked); :func:`run` then needs only the plan's path.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import __version__
from ..digest import digest
from ..errors import DeloadError, Diagnostic, Severity
from ..expanded import ExpandedPlan
from ..feeds import plan_feeds
from ..fsutil import write_atomic, write_bytes
from ..i18n import plan_language, use
from ..periodize import expand
from ..periodize.startdate import dated_start
from ..periodize.summary import engine_note
from ..render.html import PlanPage, PlanRenderer
from ..render.json_export import plan_digest
from ..render.og import draw_preview
from ..render.pdf import paper_label
from ..render.planfiles import plan_files
from ..settings import Settings
from ..source.reader import read_plan
from ..state import State


@dataclass
class BuildContext:
    settings: Settings
    stage: Path
    now: datetime
    papers: tuple[str, ...]
    state: State  # as the last build left it (each worker decodes only its plans' lines)
    links: tuple[str, ...] = ()  # papers whose PDFs are linked but not rendered (the preview's)
    preview: bool = False  # only the page written (the preview renders a plan's other files when asked)
    translations: Mapping[str, list[tuple[str, str]]] = field(default_factory=dict)  # key -> [(language, url)]


@dataclass
class PlanOutput:
    display: str
    diagnostics: list[Diagnostic]
    slug: str | None = None
    files: list[str] = field(default_factory=list)
    listing: dict[str, Any] | None = None
    plan_state: dict[str, str] | None = None
    events: dict[str, Any] = field(default_factory=dict)
    pdf_jobs: list[tuple[str, str, str]] = field(default_factory=list)  # (paper, print HTML, path in site)
    pages: int = 0
    feeds: int = 0
    dated: bool = True  # False when the plan's outputs depend on the build day (feeds by race day)
    slug_at: tuple[int, int] = (1, 1)  # where the slug is written (or the frontmatter starts)
    slug_written: bool = False  # the author's 'slug:', not the file's name
    start: list[Any] | None = None  # a dated plan's [first day, weeks, line, col of its date]
    timings: dict[str, float] = field(default_factory=dict)  # CPU seconds by step, for the benchmark
    alternates: list[tuple[str, str]] = field(default_factory=list)  # the translations its page links to


_CONTEXT: BuildContext | None = None
_RENDERER: PlanRenderer | None = None
_RENDERER_KEY = ""


def set_context(context: BuildContext, key: str = "") -> None:
    """The build's context for :func:`run`. ``key``: what the plans' renderer is made of (the
    project, its settings and templates): a build of the same key keeps the last one's renderer,
    its templates loaded (``deload serve`` builds again and again)."""
    global _CONTEXT, _RENDERER, _RENDERER_KEY
    _CONTEXT = context
    if not key or key != _RENDERER_KEY:
        _RENDERER = None
    _RENDERER_KEY = key


def run(task: tuple[Path, str]) -> PlanOutput:
    """Build one plan; problems in the plan come back as diagnostics, never as exceptions."""
    context = _CONTEXT
    assert context is not None, "set_context() first"
    path, display = task
    clock = time.process_time()
    try:
        plan, warnings = read_plan(path, context.settings, display)
        expanded = expand(plan)
        state = state_of_plan(context.state, plan.slug)
    except DeloadError as exc:
        return PlanOutput(display, list(exc.diagnostics))
    timings = {"read": time.process_time() - clock}
    page = plan_page(context, expanded, state)
    note = engine_note(expanded)
    output = PlanOutput(display, [*warnings, *expanded.warnings, *([note] if note else [])], slug=plan.slug, plan_state=state.plans[plan.slug],
                        timings=timings, dated=expanded.start is not None,
                        slug_at=(plan.location("slug").line, plan.location("slug").col), slug_written=plan.slug_written,
                        start=start_record(expanded), alternates=page.alternates)
    try:
        with use(plan_language(plan, context.settings)):
            made = plan_files(_renderer(context), page, state.events, state.legacy, context.now, context.papers,
                              full=not context.preview)
    except DeloadError as exc:  # a template error in the coach's templates
        output.diagnostics.extend(exc.diagnostics)
        return output
    for name, data in made.files:
        write_bytes(context.stage / name, data)
    state.record(made.events)
    output.files = [name for name, _ in made.files] + [name for _, _, name in made.pdf_jobs]
    output.listing, output.pdf_jobs, output.pages, output.feeds = made.listing, made.pdf_jobs, made.pages, len(page.feeds)
    output.timings.update(made.timings)
    output.diagnostics += [Diagnostic(display, p.session.source.line, p.session.source.col,
                                      f"no watch file for this session: {why}", Severity.WARNING, "no-watch-file")
                           for p, why in made.skipped]
    output.events = {key: state.events[key] for key in sorted(state.seen_events)}
    return output


def plan_page(context: BuildContext, expanded: ExpandedPlan, state: State) -> PlanPage:
    """What the plan's page shows besides the plan: its dates in the state (touched: a changed
    plan is updated now), its feeds, PDFs and translations."""
    plan, slug = expanded.plan, expanded.plan.slug
    entry = state.touch_plan(slug, plan_digest(expanded), context.now)
    feeds = plan_feeds(expanded, context.settings, context.now.date())
    linked = context.papers or context.links
    pdfs = [(paper_label(paper), f"{slug}-{paper}.pdf") for paper in linked]
    sheets = [(paper_label(paper), f"{slug}-fridge-{paper}.pdf") for paper in linked]
    alternates = context.translations.get(plan.translation_key, []) if plan.translation_key else []
    return PlanPage(expanded, slug, f"plans/{slug}/", feeds, entry["published"], entry["updated"], pdfs, sheets,
                    alternates if len(alternates) > 1 else [])


def _renderer(context: BuildContext) -> PlanRenderer:
    """One renderer for all the plans a process renders in a build."""
    global _RENDERER
    if _RENDERER is None:
        _RENDERER = PlanRenderer(context.settings, kept_images(context.settings.work_dir / "cache" / "og"))
    return _RENDERER


def kept_images(folder: Path) -> Callable[[dict[str, Any]], bytes]:
    """Draw preview images through a cache keyed on what they show (and what draws them): a
    plan's image changes far less often than its page (a changed session leaves the chart alone)."""
    from PIL import __version__ as pillow

    def draw(inputs: dict[str, Any]) -> bytes:
        path = folder / f"{digest([inputs, __version__, pillow])}.png"
        try:
            data = path.read_bytes()
            os.utime(path)  # in use: the last to be pruned (see prune_images)
            return data
        except OSError:
            data = draw_preview(inputs)
        with contextlib.suppress(OSError):  # only a speed-up
            folder.mkdir(parents=True, exist_ok=True)
            write_atomic(path, data)
        return data

    return draw


def prune_images(folder: Path, keep: int) -> None:
    """Keep the ``keep`` images of the cache used last, so that it does not grow forever."""
    try:
        if len(names := os.listdir(folder)) <= keep:
            return
        images = sorted((folder / name for name in names), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    except OSError:
        return
    for path in images[keep:]:
        path.unlink(missing_ok=True)


def state_of_plan(previous: State, slug: str) -> State:
    """The share of the state one plan's render reads and changes (never saved itself: the
    build merges what it changed into the whole)."""
    return State(Path(os.devnull), plans={slug: previous.plans[slug]} if slug in previous.plans else {},
                 events=previous.events_of(slug), legacy=previous.legacy)


def start_record(expanded: ExpandedPlan) -> list[Any] | None:
    """[first day, weeks, line, col] of a plan dated in its frontmatter: the build says when that day has passed."""
    dated = dated_start(expanded)
    return None if dated is None else [dated[0].isoformat(), dated[1], dated[2].line, dated[2].col]
