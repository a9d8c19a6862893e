"""Worker processes: how many a build may use, whether it may fork them, and that they
never outlive the build that started them."""

from __future__ import annotations

import contextlib
import os
import select
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # a no-op build imports this module, not the pool
    from concurrent.futures import ProcessPoolExecutor

_PR_SET_PDEATHSIG = 1
T = TypeVar("T")
R = TypeVar("R")


def worker_count(jobs: int | None) -> int:
    """``--jobs``, or every core when it is 0 or not given."""
    return max(1, jobs or os.cpu_count() or 1)


def threading_active() -> bool:
    """Forking a process with other threads running is unsafe (deload serve runs builds in a thread)."""
    return threading.active_count() > 1


def die_with_build(build: int) -> None:
    """End this worker when the build process ``build`` dies (a ``kill -9``): an orphaned
    worker would otherwise wait for work forever, on pipes it holds both ends of. The kernel
    kills a worker forked by the build itself (PR_SET_PDEATHSIG); one forked by a fork server
    has a living parent, so a thread waits for the build to end (on a pidfd, or by polling)."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if not _alive(build):  # it died before this worker was ready
        os._exit(1)
    threading.Thread(target=_watch, args=(build,), name="deload-watch-build", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _watch(build: int) -> None:
    try:
        pidfd = os.pidfd_open(build)
    except (AttributeError, OSError):  # not Linux 5.3+: look twice a second
        while _alive(build):
            time.sleep(0.5)
    else:
        select.select([pidfd], [], [])  # readable once the process has ended
    os._exit(1)


def recycled_map(make_pool: Callable[[int], ProcessPoolExecutor], function: Callable[[T], R], items: Sequence[T],
                 workers: int, tasks_per_worker: int) -> Iterator[R]:
    """``pool.map`` over ``items``, in order, with each worker doing at most about
    ``tasks_per_worker`` tasks: the items go in rounds of ``workers * tasks_per_worker``, each
    round in a pool of its own. (``ProcessPoolExecutor(max_tasks_per_child=…)`` deadlocks on
    Python 3.11 once a worker is replaced while tasks wait: CPython gh-115634.)"""
    size = max(1, workers * tasks_per_worker)
    for start in range(0, len(items), size):
        batch = items[start:start + size]
        with make_pool(min(workers, len(batch))) as pool:
            yield from pool.map(function, batch)


def pool_options(**options: Any) -> dict[str, Any]:
    """Options for every :class:`ProcessPoolExecutor` of a build: its workers die with the build."""
    initializer = options.pop("initializer", None)
    initargs = options.pop("initargs", ())
    return {**options, "initializer": _start_worker, "initargs": (os.getpid(), initializer, initargs)}


def _start_worker(build: int, initializer: Callable[..., Any] | None, initargs: tuple[Any, ...]) -> None:
    die_with_build(build)
    if initializer is not None:
        initializer(*initargs)
