"""Rendering many PDFs: a pool of worker processes, recycled to bound memory, and a cache.

WeasyPrint is single-threaded and tends to keep memory after big documents, so
PDFs are rendered in worker processes that are replaced after a number of
documents. A PDF whose inputs (print HTML, stylesheet, WeasyPrint and Deload
versions) have not changed is copied from the cache instead of rendered again.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .render.pdf import PdfResult, init_worker, render_pdf

TASKS_PER_WORKER = 25


@dataclass(frozen=True)
class PdfJob:
    html: str
    paper: str
    target: Path  # where the PDF goes in the staging folder
    plan_path: str  # for warnings


def weasyprint_version() -> str:
    import weasyprint

    return str(weasyprint.__version__)


def cache_key(job: PdfJob, css: str) -> str:
    digest = hashlib.sha256()
    for part in (job.html, css, weasyprint_version(), __version__, job.paper):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def _render(job: PdfJob) -> PdfResult:
    return render_pdf(job.html, job.paper)


def worker_count(jobs: int | None) -> int:
    return max(1, jobs or os.cpu_count() or 1)


def run_pdf_jobs(jobs: Sequence[PdfJob], css_by_paper: dict[str, str], cache_dir: Path, workers: int,
                 progress: Callable[[int], None] | None = None) -> tuple[int, list[tuple[PdfJob, PdfResult]]]:
    """Render what is not cached; returns (how many were rendered, results of those)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    missing: list[tuple[PdfJob, Path]] = []
    for job in jobs:
        cached = cache_dir / f"{cache_key(job, css_by_paper[job.paper])}.pdf"
        if cached.exists():
            _place(cached, job.target)
            if progress:
                progress(1)
        else:
            missing.append((job, cached))
    rendered: list[tuple[PdfJob, PdfResult]] = []
    if not missing:
        return 0, rendered
    if workers <= 1 or len(missing) == 1:
        init_worker(css_by_paper)
        results = map(_render, [job for job, _ in missing])
        _collect(missing, results, rendered, progress)
    else:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=min(workers, len(missing)), mp_context=context, initializer=init_worker,
                                 initargs=(css_by_paper,), max_tasks_per_child=TASKS_PER_WORKER) as pool:
            _collect(missing, pool.map(_render, [job for job, _ in missing]), rendered, progress)
    return len(missing), rendered


def _collect(missing: list[tuple[PdfJob, Path]], results: object, rendered: list[tuple[PdfJob, PdfResult]],
             progress: Callable[[int], None] | None) -> None:
    for (job, cached), result in zip(missing, results, strict=True):  # type: ignore[call-overload]
        tmp = cached.with_name(cached.name + f".{os.getpid()}.tmp")
        tmp.write_bytes(result.data)
        tmp.replace(cached)
        _place(cached, job.target)
        rendered.append((job, result))
        if progress:
            progress(1)


def prune_cache(cache_dir: Path, keep: set[str]) -> None:
    """Drop cached PDFs the last build did not use, so the cache does not grow forever."""
    if not cache_dir.is_dir():
        return
    for path in cache_dir.glob("*.pdf"):
        if path.stem not in keep:
            path.unlink(missing_ok=True)


def _place(cached: Path, target: Path) -> None:
    """Put a cached PDF into the site: a hard link where possible (no copy), else a copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)
