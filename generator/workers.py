"""How many processes a build may use, and whether it may fork them."""

from __future__ import annotations

import os


def worker_count(jobs: int | None) -> int:
    """``--jobs``, or every core when it is 0 or not given."""
    return max(1, jobs or os.cpu_count() or 1)


def threading_active() -> bool:
    """Forking a process with other threads running is unsafe (deload serve runs builds in a thread)."""
    import threading

    return threading.active_count() > 1
