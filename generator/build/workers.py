"""Worker processes: how many a build may use, one way to map work over them, and that they
never outlive the build that started them."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

_PR_SET_PDEATHSIG = 1
T = TypeVar("T")
R = TypeVar("R")


def worker_count(jobs: int | None) -> int:
    """``--jobs``, or every core when it is 0 or not given."""
    return max(1, jobs or os.cpu_count() or 1)


def parallel_map(function: Callable[[T], R], items: Sequence[T], workers: int, chunksize: int = 1,
                 per_worker: int = 0, initializer: Callable[..., Any] | None = None,
                 initargs: tuple[Any, ...] = (), preload: Sequence[str] = ()) -> Iterator[R]:
    """``map(function, items)``, in order, over ``workers`` processes forked from this one (they
    inherit its imports and the build's context), each doing at most about ``per_worker`` items
    (0: no limit) before it is replaced: the items then go in rounds, each in a pool of its own.
    (``ProcessPoolExecutor(max_tasks_per_child=…)`` deadlocks on Python 3.11 once a worker is
    replaced while tasks wait: CPython gh-115634.) While another thread runs (deload serve builds
    in a thread) forking is unsafe: the work is done in this process, or, given modules to
    ``preload`` (the PDFs' WeasyPrint, whose memory is released only with its process), by
    workers of a fork server that lives as long as this process."""
    threaded = threading.active_count() > 1
    if workers <= 1 or len(items) <= 1 or (threaded and not preload):
        if initializer is not None:
            initializer(*initargs)
        yield from map(function, items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("forkserver" if threaded else "fork")
    if threaded:
        context.set_forkserver_preload(list(preload))
    size = workers * per_worker if per_worker else len(items)
    for start in range(0, len(items), size):
        batch = items[start:start + size]
        pool = ProcessPoolExecutor(max_workers=min(workers, len(batch)), mp_context=context, initializer=_start_worker,
                                   initargs=(os.getpid(), threaded, initializer, initargs))
        try:
            yield from pool.map(function, batch, chunksize=chunksize)
        finally:
            pool.shutdown(cancel_futures=True)


def _start_worker(build: int, served: bool, initializer: Callable[..., Any] | None, initargs: tuple[Any, ...]) -> None:
    die_with_build(build, served)
    if initializer is not None:
        initializer(*initargs)


def die_with_build(build: int, served: bool = False) -> None:
    """End this worker when the build process ``build`` dies (a ``kill -9``): an orphaned worker
    would otherwise wait for work forever, on pipes it holds both ends of. On Linux the kernel
    kills a worker the build forked (PR_SET_PDEATHSIG); a worker of a fork server (``served``)
    has a living parent, so a thread looks for the build twice a second, as it does elsewhere."""
    linux = sys.platform.startswith("linux")
    if linux:
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if served or not linux:
        threading.Thread(target=_watch, args=(build,), name="deload-watch-build", daemon=True).start()
    if not _alive(build) or (not served and os.getppid() != build):  # it died before this worker was ready
        os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _watch(build: int) -> None:
    while _alive(build):
        time.sleep(0.5)
    os._exit(1)
