"""``deload build``: plans in, a complete site out — incremental, parallel and atomic.

1. Hash every input (:mod:`generator.manifest`); if nothing changed since the last
   build and ``site/`` is as that build left it, stop.
2. Stage the new site in ``.deload/stage-<pid>/``: it starts as the tree the last build
   replaced (:mod:`generator.spare`), or empty; unchanged plans' files are kept from it
   or hard-linked from the current site; changed plans are read, expanded and rendered
   by worker processes (:mod:`generator.plan_job`).
3. Render the pages that list plans whose content changed, copy static assets, render
   PDFs not in the cache.
4. Record the state file (a site is never published without it), swap the staging folder
   in for ``site/`` in one step, then record the manifest. A failed or killed build leaves
   the previous site as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import spare, statefile
from .config import Settings
from .errors import DeloadError, Diagnostic, Severity
from .feeds import build_time
from .fsutil import build_lock, clean_pending, clean_stale, swap_in, throw_away, write_bytes
from .manifest import Inputs, Manifest, PlanRecord
from .source import find_plan_files
from .source.files import escape_from
from .state import STATE_NAME, State, stamp
from .statefile import read_text
from .workers import pool_options, threading_active, worker_count

if TYPE_CHECKING:
    from .plan_job import PlanOutput

CHUNK = 8
Progress = Callable[[str, int, int], None]  # (phase, done, total)


@dataclass
class BuildResult:
    pages: int = 0
    feeds: int = 0
    pdfs: int = 0
    pdfs_rendered: int = 0
    plans: int = 0
    plans_rendered: int = 0
    plans_from_spare: int = 0  # unchanged plans whose files the stage already had (see generator.spare)
    files: int = 0
    warnings: list[Diagnostic] = field(default_factory=list)
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)
    noop: bool = False
    site_files: list[str] = field(default_factory=list)  # files that are not any one plan's
    site_keys: dict[str, str] = field(default_factory=dict)  # listing page -> key of what it shows
    starts: list[list[Any]] = field(default_factory=list)  # dated plans: [display, first day, weeks, line, col]

    def summary(self) -> str:
        if self.noop:
            return (f"nothing changed: {self.plans} plan{'s' if self.plans != 1 else ''}, {self.pages} pages, "
                    f"{self.feeds} feeds, {self.pdfs} PDFs up to date ({self.seconds:.2f} s)")
        pdfs = f"{self.pdfs} PDFs" + (f" ({self.pdfs_rendered} rendered)" if self.pdfs else "")
        return (f"built {self.plans} plan{'s' if self.plans != 1 else ''} ({self.plans_rendered} rendered): {self.pages} pages, "
                f"{self.feeds} feeds, {pdfs}, {len(self.warnings)} warning{'s' if len(self.warnings) != 1 else ''} "
                f"in {self.seconds:.2f} s")

    def counts(self) -> dict[str, Any]:
        return {"pages": self.pages, "feeds": self.feeds, "pdfs": self.pdfs, "plans": self.plans, "files": self.files,
                "warnings": [_pack(d) for d in self.warnings], "starts": self.starts}

    def with_live_warnings(self, settings: Settings, today: date) -> BuildResult:
        """The warnings that no cache keeps, as they change while the plans stay as they are: a
        dated plan whose first day has passed, a template linked from outside the project."""
        from .periodize.checks import past_start

        for display, first, weeks, line, col in self.starts:
            warning = past_start(display, line, col, date.fromisoformat(first), weeks, today)
            if warning is not None:
                self.warnings.append(warning)
        self.warnings[:0] = _links_outside(settings)
        return self


def _pack(d: Diagnostic) -> list[Any]:
    return [d.file, d.line, d.col, d.message, d.severity.value, d.code]


def _unpack(row: list[Any]) -> Diagnostic:
    return Diagnostic(row[0], row[1], row[2], row[3], Severity(row[4]), row[5])


def build_site(settings: Settings, jobs: int | None = None, pdf: bool = True,
               output: Path | None = None, save_state: bool = True, progress: Progress | None = None,
               force: bool = False, pdf_links: bool = False) -> BuildResult:
    """Build into ``output`` (default ``site/``); ``save_state=False`` for previews that must
    not record plan changes as published; ``force`` renders everything again, trusting no
    cache and no file of the current site (the plans' published dates are kept);
    ``pdf_links`` without ``pdf``: pages link their PDFs, which are not rendered (the preview
    renders one when it is asked for)."""
    started = time.perf_counter()
    work = settings.work_dir
    target = output or settings.output_dir
    with build_lock(work):
        clean_stale(work, target)
        clean_pending(settings.plans_dir, STATE_NAME)
        spare.clean_leftovers(work)
        outside = escape_from(settings.plans_dir, settings.root)
        if outside is not None:  # checked here too: an unchanged plan is not read again, so not checked again
            raise DeloadError([Diagnostic(_display(settings.plans_dir, settings.root), 1, 1, f"plans/ is a link to {outside}, "
                                          "outside the project; Deload publishes only files inside the project folder")])
        files = [(path, _display(path, settings.root)) for path in
                 (find_plan_files([settings.plans_dir]) if settings.plans_dir.is_dir() else [])]
        if not files:
            raise DeloadError([Diagnostic(str(settings.plans_dir), 1, 1, "no plan files (*.md) found; create one with 'deload new NAME'")])
        now = build_time()
        papers = settings.papers if pdf and settings.pdf else ()
        links = settings.papers if pdf_links and not papers and settings.pdf else ()
        state_path = settings.plans_dir / STATE_NAME
        state_text = read_text(state_path)
        manifest = Manifest(work, target)
        inputs = Inputs.collect(settings, files, now.date(), papers + tuple(f"link-{p}" for p in links), state_text,
                                manifest.head)
        legacy = state_text is not None and statefile.format_of(state_text) == statefile.LEGACY_FORMAT
        if not force and not legacy and manifest.unchanged(inputs, target):
            manifest.note_files(inputs)
            summary = manifest.summary
            return BuildResult(pages=summary.get("pages", 0), feeds=summary.get("feeds", 0), pdfs=summary.get("pdfs", 0),
                               plans=summary.get("plans", 0), warnings=[_unpack(r) for r in summary.get("warnings", [])],
                               seconds=time.perf_counter() - started, noop=True,
                               starts=summary.get("starts", [])).with_live_warnings(settings, now.date())
        state = State.parse(state_path, state_text)
        stage = work / f"stage-{os.getpid()}"
        # Unchanged plans' files can be reused only if the state file is the one the last build left.
        # A state file of the last format is migrated whole: every plan's events are hashed again.
        reusable = not force and not legacy and manifest.head.get("state") == inputs.state and target.is_dir()
        # The live site is as the manifest describes it: the tree it replaces can seed the next stage.
        intact = reusable and manifest.site_intact(target) and manifest.body_ok()
        pending = None
        try:
            result, records = _build(settings, files, inputs, manifest, state, stage, target, now, papers, jobs,
                                     progress, reusable, intact, force, links)
            # Written beside the state file before the swap (a full disk stops the build here), renamed
            # into place after it: the state never records a site that was not published.
            pending = state.write_pending() if save_state else None
            # Checked again: a file added to site/ while this build ran would go undescribed into the spare.
            describable = intact and manifest.site_intact(target, again=True)
            old_site = _swap(stage, target)
        except BaseException:
            if pending is not None:
                pending.unlink(missing_ok=True)
            if stage.exists():
                try:
                    throw_away(stage)
                except OSError:
                    shutil.rmtree(stage, ignore_errors=True)
            raise
        state.commit(pending)
        # The replaced site makes a good spare if most of its plans are still as they are now.
        kept = describable and result.plans_rendered * 2 <= result.plans
        if old_site is not None:
            _keep_or_discard(old_site, work, manifest, kept)
        manifest.save(inputs, records, target, state.original, result.counts(), result.site_files, result.site_keys)
        if not kept:
            spare.prepare_later(target, work)
        result.seconds = time.perf_counter() - started
    result.warnings[:0] = state.notes  # said by the build that repaired the state, not kept for the next
    return result.with_live_warnings(settings, now.date())


def _links_outside(settings: Settings) -> list[Diagnostic]:
    from .render.paths import links_outside

    return [Diagnostic(name, 1, 1, f"this file is a link to {target}, outside the project: it is not used or published",
                       Severity.WARNING, "link-outside") for name, target in links_outside(settings)]


def _swap(stage: Path, target: Path) -> Path | None:
    try:
        return swap_in(stage, target)
    except OSError as exc:
        raise DeloadError([Diagnostic(str(target), 1, 1, f"cannot replace the site: {exc.strerror or exc}; "
                                      "it was left as it was")]) from None


def _display(path: Path, root: Path) -> str:
    """The path as a coach reads it in messages: from the project folder. (The plan finder
    gives paths under ``root/plans``; ``relpath`` on each of thousands costs more than finding them.)"""
    name, base = os.fspath(path), os.fspath(root)
    if base in ("", ".") and not os.path.isabs(name):
        return name
    prefix = base.rstrip(os.sep) + os.sep
    return name[len(prefix):] if name.startswith(prefix) else os.path.relpath(name, base)


def _keep_or_discard(old_site: Path, work: Path, manifest: Manifest, keep: bool) -> None:
    """Keep the replaced site as the next build's starting point, or remove it. The new site
    is live by now: a failure here must not be reported as a failed build."""
    try:
        if keep:
            spare.keep(old_site, work, manifest.name, {d: (r.rendered, r.files) for d, r in manifest.records().items()},
                       manifest.site_files(), manifest.site_keys())
            return
    except OSError:
        spare.discard(work, manifest.name)
    if old_site.exists():
        with contextlib.suppress(OSError):  # clean_stale removes what is left
            throw_away(old_site)


def _build(settings: Settings, files: list[tuple[Path, str]], inputs: Inputs, manifest: Manifest, state: State,
           stage: Path, target: Path, now: Any, papers: tuple[str, ...], jobs: int | None,
           progress: Progress | None, reusable: bool, intact: bool,
           force: bool = False, links: tuple[str, ...] = ()) -> tuple[BuildResult, dict[str, PlanRecord]]:
    # Rendering modules are imported here, not at the top, so that a no-op build stays quick.
    from .render.html import Listing, SiteRenderer, static_files

    if papers:
        from .pdfjobs import PdfJob, cache_key, prune_cache, run_pdf_jobs
        from .render.pdf import FRIDGE, stylesheet_text

    result = BuildResult()
    clock = time.perf_counter()
    records, todo, seed = _stage(settings, files, inputs, manifest, stage, target, reusable, intact)
    result.plans_from_spare = len(seed.kept) if seed is not None else 0
    result.phases["reuse"] = time.perf_counter() - clock
    clock = time.perf_counter()
    outputs = _render_plans(settings, todo, stage, now, papers, state, jobs, progress, links)
    result.phases["plans"] = time.perf_counter() - clock
    for out in outputs:
        for step, seconds in out.timings.items():
            result.phases[f"cpu_{step}"] = result.phases.get(f"cpu_{step}", 0.0) + seconds
    errors = [d for o in outputs for d in o.diagnostics if d.is_error]
    slugs: dict[str, str] = {r.slug: d for d, r in records.items()}
    for out in outputs:
        if out.slug is not None and out.slug in slugs and slugs[out.slug] != out.display:
            errors.append(Diagnostic(out.display, *out.slug_at, f"slug '{out.slug}' is already used by {slugs[out.slug]}; give this plan its own 'slug:'"))
        if out.slug is not None:
            slugs[out.slug] = out.display
    if errors:
        raise DeloadError([*errors, *(d for o in outputs for d in o.diagnostics if not d.is_error)])
    css = {key: stylesheet_text(settings, key) for paper in papers for key in (paper, FRIDGE + paper)}
    pdf_jobs: list[Any] = []
    rendered = os.urandom(6).hex()  # which build made these files: see generator.spare
    for out in outputs:
        assert out.slug is not None and out.listing is not None and out.plan_state is not None
        jobs_for_plan = [PdfJob(html, paper, stage / rel, out.display) for paper, html, rel in out.pdf_jobs]
        pdf_jobs += jobs_for_plan
        records[out.display] = PlanRecord(
            key=inputs.keys[out.display], slug=out.slug, files=out.files, listing=out.listing,
            diagnostics=[_pack(d) for d in out.diagnostics],
            pdf_jobs=[[job.paper, cache_key(job, css[job.paper]), rel] for job, (_, _, rel) in zip(jobs_for_plan, out.pdf_jobs, strict=True)],
            pages=out.pages, feeds=out.feeds, day=None if out.dated else inputs.day, rendered=rendered, start=out.start)
    _merge_state(state, records, outputs)
    ordered = [records[display] for _, display in files]
    clock = time.perf_counter()
    site = SiteRenderer(settings, [Listing(**r.listing) for r in ordered], stamp(now))
    live_keys = manifest.site_keys() if intact else {}
    for page in site.pages(inputs.common):
        result.site_keys[page.path] = page.key
        # A page whose key is unchanged is the same bytes: kept from the spare, else linked from the live site.
        held = seed is not None and seed.holds_page(page.path, page.key)
        if not held and not (live_keys.get(page.path) == page.key and _link_all([page.path], target, stage, replace=True)):
            write_bytes(stage / page.path, page.render())
        result.pages += page.path.endswith(".html")
        result.site_files.append(page.path)
    for path, source in static_files(settings):
        write_bytes(stage / path, source.read_bytes())
        result.site_files.append(path)
    if seed is not None:
        seed.clear_site_files(result.site_files)
    result.files += len(result.site_files)
    result.phases["site"] = time.perf_counter() - clock
    clock = time.perf_counter()
    if papers:
        cache = settings.work_dir / "cache" / f"pdf-{manifest.name}"  # per output: previews have other PDFs
        if force:
            shutil.rmtree(cache, ignore_errors=True)
        done = [0]

        def pdf_progress(step: int) -> None:
            done[0] += step
            if progress:
                progress("pdf", done[0], len(pdf_jobs))

        result.pdfs_rendered, refused = run_pdf_jobs(pdf_jobs, css, cache, worker_count(jobs), pdf_progress)
        prune_cache(cache, {key for r in ordered for _, key, _ in r.pdf_jobs})
        for job, urls in refused:
            for url in dict.fromkeys(urls):
                message = f"the PDF ignored a link to {url}: plans may not load files or web resources"
                records[job.plan_path].diagnostics.append([job.plan_path, 1, 1, message, "warning", "pdf-resource"])
    result.phases["pdf"] = time.perf_counter() - clock
    result.plans = len(files)
    result.plans_rendered = len(outputs)
    result.pdfs = sum(len(r.pdf_jobs) for r in ordered)
    result.pages += sum(r.pages for r in ordered)
    result.feeds = sum(r.feeds for r in ordered)
    result.files += sum(len(r.files) for r in ordered)
    result.warnings = [_unpack(row) for r in ordered for row in r.diagnostics]
    result.starts = [[display, *r.start] for display, r in ((d, records[d]) for _, d in files) if r.start is not None]
    return result, records


def _stage(settings: Settings, files: list[tuple[Path, str]], inputs: Inputs, manifest: Manifest, stage: Path,
           target: Path, reusable: bool,
           intact: bool) -> tuple[dict[str, PlanRecord], list[tuple[Path, str]], spare.SpareTree | None]:
    """Create the stage with every unchanged plan's files in it; return those plans' records,
    the plans to render, and the spare tree the stage started from (if any)."""
    previous = manifest.records() if reusable else {}
    seed = spare.adopt(settings.work_dir, manifest.name, stage) if intact else None
    if seed is None:
        spare.discard(settings.work_dir, manifest.name)
        stage.mkdir(parents=True)
    records: dict[str, PlanRecord] = {}
    todo: list[tuple[Path, str]] = []
    to_link: list[tuple[Path, str, PlanRecord]] = []
    for path, display in files:
        record = previous.get(display)
        if record is None or not record.current(inputs.keys[display], inputs.day):
            todo.append((path, display))
        elif seed is not None and seed.claim(display, record.rendered, record.files):
            records[display] = record  # the spare has this very render of the plan
        else:
            to_link.append((path, display, record))
    if seed is not None and not seed.worth_keeping():
        throw_away(stage)
        stage.mkdir(parents=True)
        to_link += [(path, display, records.pop(display)) for path, display in files if display in seed.kept]
        seed = None
    if seed is not None:
        seed.clear_rest()  # before linking and rendering, which may reuse the folders of removed plans
    for path, display, record in to_link:
        if _link_all(record.files, target, stage):
            records[display] = record
        else:
            todo.append((path, display))
    return records, todo, seed


def _link_all(names: list[str], source: Path, stage: Path, replace: bool = False) -> bool:
    """Hard-link a plan's files from the current site into the stage. If any is missing, undo
    the links (the plan is rendered again, and must not write through them) and return False.
    ``replace``: the stage may hold an older file of the same name (a spare tree's)."""
    made: set[str] = set()
    linked: list[str] = []
    old, new = str(source), str(stage)
    for name in names:
        target = f"{new}/{name}"
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        if replace:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(target)  # never link or copy through a file the live site may share
        try:
            try:
                os.link(f"{old}/{name}", target)
            except (FileNotFoundError, FileExistsError):
                raise  # never copy onto a name that exists: it may share its inode with the live site
            except OSError:  # a file system without hard links
                shutil.copyfile(f"{old}/{name}", target)
        except OSError:
            for path in linked:
                os.unlink(path)
            return False
        linked.append(target)
    return True


def _render_plans(settings: Settings, todo: list[tuple[Path, str]], stage: Path, now: Any, papers: tuple[str, ...],
                  state: State, jobs: int | None, progress: Progress | None, links: tuple[str, ...] = ()) -> list[PlanOutput]:
    from .plan_job import BuildContext, run, set_context

    if not todo:
        return []
    set_context(BuildContext(settings, stage, now, papers, state, links))
    workers = min(worker_count(jobs), max(1, len(todo) // 2))
    outputs: list[PlanOutput] = []
    if workers <= 1 or threading_active():
        for index, task in enumerate(todo, start=1):
            outputs.append(run(task))
            if progress:
                progress("plans", index, len(todo))
        return outputs
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Workers are forked so they inherit the build context and the imported modules.
    with ProcessPoolExecutor(**pool_options(max_workers=workers, mp_context=multiprocessing.get_context("fork"))) as pool:
        for index, output in enumerate(pool.map(run, todo, chunksize=CHUNK), start=1):
            outputs.append(output)
            if progress:
                progress("plans", index, len(todo))
    return outputs


def _merge_state(state: State, records: dict[str, PlanRecord], outputs: list[PlanOutput]) -> None:
    """The new state: re-rendered plans' entries as built now, unchanged plans' as they were
    (still undecoded), removed plans' dropped."""
    state.keep_only({r.slug for r in records.values()})
    for out in outputs:
        assert out.slug is not None and out.plan_state is not None
        state.plans[out.slug] = out.plan_state
    state.replace_events({out.slug: out.events for out in outputs if out.slug is not None})
