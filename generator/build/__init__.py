"""``deload build``: plans in, a complete site out — incremental, parallel and atomic.

:func:`build_site` runs five named steps:

1. **inputs** — find the plans and hash every input (:mod:`.inputs`); if nothing changed
   since the last build and ``site/`` is as that build left it, stop there.
2. **stage** — the twin (the site before ``site/``) is made to hold ``site/``'s files again,
   by hard links, checked file by file (:mod:`.tree`); the files of plans changed or gone are
   removed from it.
3. **render** — changed plans in worker processes (:mod:`.plans`), then the listing
   pages whose content changed and the assets, then the PDFs that are not cached (:mod:`.pdfs`).
4. **commit** — the state file written beside its place, the stage and ``site/`` exchanged
   in one step (the old site is the next twin), then the state renamed in: a failed or killed
   build leaves the previous site (and state) as they were.
5. **record** — what this build made, for the next one (:mod:`.manifest`).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DeloadError, Diagnostic
from ..feeds import build_time
from ..fsutil import build_lock, clean_pending
from ..links import escape_from
from ..render.translations import alternates_of, translation_groups, translation_warnings
from ..settings import Settings
from ..source import find_plan_files
from ..source.files import draft_notes
from ..state import STATE_NAME, State
from ..statefile import read_known
from . import tree
from .inputs import Inputs, display_path
from .manifest import Manifest, PlanRecord
from .result import BuildResult, SitePages, pack, unpack
from .sitepages import site_files
from .workers import parallel_map, worker_count

if TYPE_CHECKING:
    from .plans import PlanOutput

__all__ = ["BuildResult", "SitePages", "build_site"]

CHUNK = 8
Progress = Callable[[str, int, int], None]  # (phase, done, total)


@dataclass
class Job:
    """One build: what it was asked, and what it found in the inputs step."""

    settings: Settings
    target: Path
    files: list[tuple[Path, str]]  # (plan file, its path as the coach reads it)
    now: datetime
    papers: tuple[str, ...]  # PDFs rendered
    links: tuple[str, ...]  # PDFs linked from the pages but not rendered (the preview's)
    preview: bool  # a plan's page written, its other files and the list pages rendered when asked
    manifest: Manifest
    inputs: Inputs
    state: State
    force: bool
    jobs: int | None
    progress: Progress
    drafts: dict[str, int]  # the drafts left out: display path -> the line of their 'draft: true'

    @property
    def reusable(self) -> bool:
        """Whether unchanged plans' files may be reused: only with the state file the last build left."""
        return not self.force and not self.state.legacy and self.manifest.head.get("state") == self.inputs.state

    @property
    def renderer_key(self) -> str:
        """What the renderers of this build are made of: the project, its settings, its templates."""
        return f"{self.inputs.common} {self.settings.root.resolve()}"


def build_site(settings: Settings, jobs: int | None = None, pdf: bool = True,
               output: Path | None = None, save_state: bool = True, progress: Progress | None = None,
               force: bool = False, preview: bool = False,
               on_live: Callable[[datetime, SitePages], None] | None = None, drafts: bool = False) -> BuildResult:
    """Build into ``output`` (default ``site/``); ``save_state=False`` for previews that must
    not record plan changes as published; ``force`` renders everything again, trusting no
    cache and no file of the current site (the plans' published dates are kept);
    ``preview``: only plans' pages are written; the files they link (PDFs unless ``pdf``, feeds,
    watch files, …) are rendered by ``deload serve`` when a browser asks for one, and so are
    the list pages (see ``BuildResult.on_request``); ``on_live`` is called as soon as the new
    site is in place, with the build's clock and those pages, before the build records what it
    made (the preview reloads then); ``drafts``: the plans marked ``draft: true`` are built too
    (else they are left out, and said so)."""
    started = time.perf_counter()
    target = output or settings.output_dir
    with build_lock(settings.work_dir):
        tree.clean_leftovers(settings.work_dir, target)
        if save_state:  # a build that writes the state clears what a killed one left of it
            clean_pending(settings.plans_dir, STATE_NAME)
        job = _inputs(settings, target, pdf, preview, force, jobs, progress, drafts)
        records = job.manifest.body.records
        if job.reusable and job.manifest.unchanged(job.inputs, target) and (
                not preview or all(display in records for _, display in job.files)):  # the preview's list pages are made from them
            result = _nothing_to_do(job)
        else:
            result = _build(job, save_state, on_live)
    result.seconds = time.perf_counter() - started
    result.warnings[:0] = job.state.notes  # said by the build that repaired the state, not kept for the next
    result = result.with_live_warnings(settings, job.now.date())
    result.warnings[:0] = draft_notes(job.drafts, built=True)  # said by every build: a plan that does not appear must not surprise
    return result


def _build(job: Job, save_state: bool, on_live: Callable[[datetime, SitePages], None] | None) -> BuildResult:
    """Steps 2 to 5, for a build with something to do."""
    manifest = job.manifest
    stage = tree.open_stage(job.settings.work_dir, manifest.name, job.target, [] if job.force else manifest.made(),
                            lambda: manifest.site_intact(job.target))
    pending = None
    try:
        records, todo = _reuse(job, stage)
        result = _render(job, stage, records, todo)
        # Written beside the state file before the swap (a full disk stops the build here), renamed
        # into place after it: the state never records a site that was not published.
        pending = job.state.write_pending() if save_state else None
        try:
            tree.swap_in(stage.path, job.target)
        except OSError as exc:
            raise DeloadError([Diagnostic(str(job.target), 1, 1, f"cannot replace the site: {exc.strerror or exc}; "
                                          "it was left as it was")]) from None
    except BaseException:  # the stage is left as it is: the next build looks at it again
        if pending is not None:
            pending.unlink(missing_ok=True)
        raise
    job.state.commit(pending)
    if on_live is not None:
        on_live(job.now, result.on_request)
    # Step 5: the new site is live by now: a failure to record it (a full disk) must not fail the
    # build; the next one then does not find site/ as the record says, and renders every plan whose files differ.
    with contextlib.suppress(OSError):
        manifest.save(job.inputs, records, job.target, job.state.original, result.counts(), result.site_files,
                      result.site_keys)
    return result


def _inputs(settings: Settings, target: Path, pdf: bool, preview: bool, force: bool, jobs: int | None,
            progress: Progress | None, drafts: bool) -> Job:
    """Step 1: the plans, and a key for everything they are built from."""
    outside = escape_from(settings.plans_dir, settings.root)
    if outside is not None:  # checked here too: an unchanged plan is not read again, so not checked again
        raise DeloadError([Diagnostic(display_path(settings.plans_dir, settings.root), 1, 1, f"plans/ is a link to {outside}, "
                                      "outside the project; Deload publishes only files inside the project folder")])
    manifest = Manifest(settings.work_dir, target)
    files = [(path, display_path(path, settings.root)) for path in
             (find_plan_files([settings.plans_dir]) if settings.plans_dir.is_dir() else [])]
    if not files:
        raise DeloadError([Diagnostic(str(settings.plans_dir), 1, 1, "no plan files (*.md) found; create one with 'deload new NAME'")])
    now = build_time()
    papers = settings.papers if pdf and settings.pdf else ()
    links = settings.papers if preview and not papers and settings.pdf else ()
    state_path = settings.plans_dir / STATE_NAME
    state_text, state_key = read_known(state_path)
    options = (*papers, *(f"link-{p}" for p in links), *(["preview"] if preview else []))
    inputs = Inputs.collect(settings, files, now.date(), options, state_key, manifest.head)
    left_out = {} if drafts else inputs.drafts
    if left_out:  # gone from the build's inputs: a build with --drafts differs by them
        files = [(path, display) for path, display in files if display not in left_out]
        inputs.keys = {display: key for display, key in inputs.keys.items() if display not in left_out}
    state = State.parse(state_path, state_text)
    return Job(settings, target, files, now, papers, links, preview, manifest, inputs, state, force, jobs,
               progress or (lambda phase, done, total: None), left_out)


def _nothing_to_do(job: Job) -> BuildResult:
    job.manifest.note_files(job.inputs)
    result = BuildResult.restored(job.manifest.head.get("summary", {}), noop=True)
    if job.preview:  # the list pages are the preview's to render when asked (a server just started has none)
        from ..ondemand import site_pages

        records = job.manifest.body.records
        result.on_request = site_pages(job.settings, [records[d] for _, d in job.files], job.now, job.renderer_key)
    return result


def _reuse(job: Job, stage: tree.Stage) -> tuple[dict[str, PlanRecord], list[tuple[Path, str]]]:
    """Step 2: the records of the unchanged plans, whose files the stage holds, and the plans to
    render; the files of the others, and of plans gone, are removed from the stage."""
    described = job.manifest.body.records
    previous = described if job.reusable else {}
    records: dict[str, PlanRecord] = {}
    todo: list[tuple[Path, str]] = []
    for path, display in job.files:
        record = previous.get(display)
        if record is not None and record.current(job.inputs.keys[display], job.inputs.day) and stage.holds(record.files):
            records[display] = record
        else:
            todo.append((path, display))
    stage.remove(name for display, record in described.items() if display not in records for name in record.files)
    return records, todo


def _render(job: Job, stage: tree.Stage, records: dict[str, PlanRecord], todo: list[tuple[Path, str]]) -> BuildResult:
    """Step 3: the changed plans, the listing pages and assets, the PDFs."""
    result = BuildResult(plans_kept=len(records))
    clock = time.perf_counter()
    built_before = job.state.built()  # slug -> when first built: a plan gone from plans/ is said
    css = _stylesheets(job)  # the print stylesheets: PDF cache keys and rendering
    known = translation_groups(r.listing for r in (job.manifest.body.records.values() if job.reusable else ()))
    outputs = _render_plans(job, stage.path, todo, known)
    pdf_jobs = _record_plans(job, stage, records, outputs, css)
    # A plan's page links to its translations: one whose set of translations changed in this build
    # (one added, renamed or given another language) is rendered again with the new set.
    actual = translation_groups(r.listing for r in records.values())
    again = {d for d, r in records.items() if r.alternates != alternates_of(r.listing, actual)}
    if again:
        stage.remove(name for display in again for name in records[display].files)  # the new render writes its own
        redone = _render_plans(job, stage.path, [(p, d) for p, d in job.files if d in again], actual)
        pdf_jobs = [j for j in pdf_jobs if j.plan_path not in again] + _record_plans(job, stage, records, redone, css)
        outputs += redone
    result.phases["plans"] = time.perf_counter() - clock
    for out in outputs:
        for step, seconds in out.timings.items():
            result.phases[f"cpu_{step}"] = result.phases.get(f"cpu_{step}", 0.0) + seconds
    if outputs:
        from .plans import prune_images

        prune_images(job.settings.work_dir / "cache" / "og", keep=2 * len(job.files) + 50)
    ordered = [records[display] for _, display in job.files]
    clock = time.perf_counter()
    site_files(job, stage, ordered, result)
    result.phases["site"] = time.perf_counter() - clock
    clock = time.perf_counter()
    if job.papers:
        _pdfs(job, records, ordered, pdf_jobs, css, result)
        ordered = [records[display] for _, display in job.files]  # with the PDFs' warnings
    result.phases["pdf"] = time.perf_counter() - clock
    result.plans = len(job.files)
    result.rendered = sorted({out.display for out in outputs})  # once each, if its translations had it rendered again
    result.plans_rendered = len(result.rendered)
    result.pdfs = sum(len(r.pdf_jobs) for r in ordered)
    result.pages += sum(r.pages for r in ordered)
    result.feeds = sum(r.feeds for r in ordered)
    result.files += sum(len(r.files) for r in ordered)
    result.warnings = [unpack(row) for r in ordered for row in r.diagnostics] + translation_warnings(
        {d: r.listing for d, r in records.items()}) + job.state.removed_warnings(
        display_path(job.state.path, job.settings.root), built_before, {r.slug for r in ordered}, bool(job.drafts))
    result.starts = [[display, *r.start] for display, r in ((d, records[d]) for _, d in job.files) if r.start is not None]
    return result


def _render_plans(job: Job, stage: Path, todo: list[tuple[Path, str]],
                  known: dict[str, list[tuple[str, str]]]) -> list[PlanOutput]:
    from .plans import BuildContext, run, set_context

    if not todo:
        return []
    set_context(BuildContext(job.settings, stage, job.now, job.papers, job.state, job.links, job.preview, known),
                key=job.renderer_key)
    workers = min(worker_count(job.jobs), max(1, len(todo) // 2))
    outputs: list[PlanOutput] = []
    for index, output in enumerate(parallel_map(run, todo, workers, chunksize=CHUNK), start=1):
        outputs.append(output)
        job.progress("plans", index, len(todo))
    return outputs


def _record_plans(job: Job, stage: tree.Stage, records: dict[str, PlanRecord], outputs: list[PlanOutput],
                  css: dict[str, str]) -> list[Any]:
    """Check the rendered plans (errors, a slug used twice), add their records, merge their state;
    returns their PDF jobs."""
    from .pdfs import PdfJob, cache_key

    errors = [d for o in outputs for d in o.diagnostics if d.is_error]
    slugs: dict[str, str] = {r.slug: d for d, r in records.items()}
    last = job.manifest.body.records

    def newcomer(out: PlanOutput) -> tuple[bool, bool]:
        """A plan that had its slug in the last build keeps it: a clash is said at the other plan's
        'slug:' (among plans new to it, at a 'slug:' written rather than a file's name, as deload check says it)."""
        record = last.get(out.display)
        return record is None or record.slug != out.slug, out.slug_written

    for out in sorted(outputs, key=newcomer):
        if out.slug is not None and out.slug in slugs and slugs[out.slug] != out.display:
            errors.append(Diagnostic(out.display, *out.slug_at, f"slug '{out.slug}' is already used by {slugs[out.slug]}; give this plan its own 'slug:'"))
        if out.slug is not None:
            slugs[out.slug] = out.display
    if errors:
        raise DeloadError([*errors, *(d for o in outputs for d in o.diagnostics if not d.is_error)])
    pdf_jobs: list[Any] = []
    # The new state: re-rendered plans' entries as built now, unchanged plans' as they were, removed plans' marked.
    job.state.retire(set(slugs), job.now)
    for out in outputs:
        assert out.slug is not None and out.listing is not None and out.plan_state is not None
        mine = [PdfJob(html, paper, stage.path / rel, out.display) for paper, html, rel in out.pdf_jobs]
        pdf_jobs += mine
        records[out.display] = PlanRecord(
            key=job.inputs.keys[out.display], slug=out.slug, files=out.files, listing=out.listing,
            diagnostics=[pack(d) for d in out.diagnostics],
            pdf_jobs=[[j.paper, cache_key(j, css[j.paper]), j_rel] for j, (_, _, j_rel) in zip(mine, out.pdf_jobs, strict=True)],
            pages=out.pages, feeds=out.feeds, day=None if out.dated else job.inputs.day, start=out.start,
            alternates=[list(item) for item in out.alternates])
        job.state.plans[out.slug] = out.plan_state
    job.state.replace_events({out.slug: out.events for out in outputs if out.slug is not None})
    return pdf_jobs


def _stylesheets(job: Job) -> dict[str, str]:
    if not job.papers:
        return {}
    from ..render.pdf import FRIDGE, stylesheet_text

    return {key: stylesheet_text(job.settings, key) for paper in job.papers for key in (paper, FRIDGE + paper)}


def _pdfs(job: Job, records: dict[str, PlanRecord], ordered: list[PlanRecord], pdf_jobs: list[Any],
          css: dict[str, str], result: BuildResult) -> None:
    """The PDFs: from the cache, or rendered by a pool of workers."""
    from .pdfs import prune_cache, run_pdf_jobs

    cache = job.settings.work_dir / "cache" / f"pdf-{job.manifest.name}"  # per output: previews have other PDFs
    if job.force:
        tree.remove(cache)
    result.pdfs_rendered, refused = run_pdf_jobs(pdf_jobs, css, cache, worker_count(job.jobs), partial(job.progress, "pdf"))
    prune_cache(cache, {key for r in ordered for _, key, _ in r.pdf_jobs})
    for pdf_job, urls in refused:
        for url in dict.fromkeys(urls):
            message = f"the PDF ignored a link to {url}: plans may not load files or web resources"
            record = records[pdf_job.plan_path]  # a new record: records are shared with the manifest's memo
            records[pdf_job.plan_path] = replace(record, diagnostics=[*record.diagnostics, [
                pdf_job.plan_path, 1, 1, message, "warning", "pdf-resource"]])
