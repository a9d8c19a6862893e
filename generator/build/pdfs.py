"""Rendering many PDFs: a pool of worker processes, recycled to bound memory, and a cache.

WeasyPrint is single-threaded and tends to keep memory after big documents, so
PDFs are rendered in worker processes that are replaced after a number of
documents. A PDF whose inputs (print HTML, stylesheet, WeasyPrint and Deload
versions) have not changed is copied from the cache instead of rendered again.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..digest import digest_parts
from ..fsutil import link_or_copy, write_atomic
from ..render.pdf import PdfResult, init_worker, render_pdf
from .workers import parallel_map

TASKS_PER_WORKER = 25  # documents a worker renders before it is replaced (WeasyPrint keeps memory)


@dataclass(frozen=True)
class PdfJob:
    html: str
    paper: str
    target: Path  # where the PDF goes in the staging folder
    plan_path: str  # for warnings


@lru_cache(maxsize=1)
def weasyprint_version() -> str:
    """From the installed package's metadata: importing WeasyPrint takes a second or more, and
    the main process needs only its version (for cache keys); the workers import it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("weasyprint")
    except PackageNotFoundError:  # a copy without its package record (vendored, frozen)
        import weasyprint

        return str(weasyprint.__version__)


def cache_key(job: PdfJob, css: str) -> str:
    return digest_parts(job.html, css, weasyprint_version(), __version__, job.paper)


def _render(job: PdfJob) -> PdfResult:
    return render_pdf(job.html, job.paper)


def run_pdf_jobs(jobs: Sequence[PdfJob], css_by_paper: dict[str, str], cache_dir: Path, workers: int,
                 progress: Callable[[int, int], None]) -> tuple[int, list[tuple[PdfJob, tuple[str, ...]]]]:
    """Render into the cache what is not there, then place every PDF from it; returns how many were
    rendered, and for every job the resources WeasyPrint refused to load (noted beside its PDF)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    cached = [cache_dir / f"{cache_key(job, css_by_paper[job.paper])}.pdf" for job in jobs]
    todo = {path: i for i, path in enumerate(cached) if not path.exists()}  # one render for jobs of one key
    # Longest documents first, so that no worker is left with a long one at the end while the other idles.
    missing = sorted(todo.values(), key=lambda i: -len(jobs[i].html))
    shares = Counter(cached)
    done = len(jobs) - sum(shares[path] for path in todo)
    progress(done, len(jobs))  # the cached ones
    if len(missing) > 1 and workers > 1 and threading.active_count() == 1:
        import weasyprint  # noqa: F401  (imported once, before the workers are forked: each would take a second)
    results = parallel_map(_render, [jobs[i] for i in missing], workers, per_worker=TASKS_PER_WORKER,
                           initializer=init_worker, initargs=(css_by_paper,), preload=("generator.render.pdf", "weasyprint"))
    for i, result in zip(missing, results, strict=True):
        if result.refused:
            write_atomic(cached[i].with_suffix(".refused.json"), json.dumps(list(result.refused)).encode("utf-8"))
        write_atomic(cached[i], result.data)
        done += shares[cached[i]]
        progress(done, len(jobs))
    for job, path in zip(jobs, cached, strict=True):
        _place(path, job.target)
    return len(missing), [(job, _refused(path)) for job, path in zip(jobs, cached, strict=True)]


def _refused(cached: Path) -> tuple[str, ...]:
    note = cached.with_suffix(".refused.json")
    try:
        return tuple(json.loads(note.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return ()


def prune_cache(cache_dir: Path, keep: set[str]) -> None:
    """Drop cached PDFs the last build did not use, so the cache does not grow forever."""
    if not cache_dir.is_dir():
        return
    for path in cache_dir.iterdir():
        if path.name.split(".", 1)[0] not in keep:
            path.unlink(missing_ok=True)


def _place(cached: Path, target: Path) -> None:
    """Put a cached PDF into the site: a hard link where possible (no copy), else a copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)  # a guard: a link into the live site or the cache is never written through
    link_or_copy(cached, target)
