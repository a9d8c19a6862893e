"""Preview latency: the time from saving a plan to `deload serve` serving the new page.

Run by ``bench/run.py`` on its library, or by hand (never as a timed test):
``.venv/bin/python bench/serve_latency.py [--plans 1000] [--edits 15]``.

:func:`measure` starts ``deload serve`` (the command, in its own process, on a free port),
then saves one plan ``edits`` times (a pause between edits, as a person types) and waits
as the preview's browser does: for the server's "reload" event (``/__deload/events``), then
loads the page, until the edit shows. (Polling the page every 2 ms, as this benchmark did
before, slowed the very rebuild it timed: each poll is a request the server's threads answer
while the build runs. A browser makes one request, after the event.) It returns every time, their median and
the slowest, the server's own rebuild times (from its "rebuilt in" lines), how long the
first build and start took, and the server's peak resident memory. The plan is put back
as it was afterwards.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.measure import proc_bytes  # noqa: E402
from bench.synth import write_library  # noqa: E402

SERVING = re.compile(r" at (https?://\S+/) \(Ctrl")
REBUILT = re.compile(r"rebuilt in ([0-9.]+) s")


def measure(project: Path, edits: int = 15, python: Sequence[str] = (sys.executable,), pause: float = 1.0,
            start_timeout: float = 900.0, edit_timeout: float = 60.0) -> dict[str, Any]:
    """Serve ``project`` with ``python -m generator.cli serve`` and time ``edits`` saves of its first plan."""
    plan = sorted((project / "plans").glob("*.md"))[0]
    original = plan.read_text(encoding="utf-8")
    command = [*python, "-P", "-m", "generator.cli", "serve", "--project", str(project), "--port", "0"]
    clock = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, encoding="utf-8", errors="replace", cwd=project,
                               env=dict(os.environ, CI=""))  # -P: never import Deload from the current folder
    lines: list[str] = []
    address: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.append(line.rstrip("\n"))
            found = SERVING.search(line)
            if found and not address:
                address.append(found.group(1))
                ready.set()
        ready.set()  # the server ended

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    times: list[float] = []
    try:
        ready.wait(start_timeout)
        if not address:
            raise RuntimeError("deload serve did not start:\n" + "\n".join(lines[-20:]))
        startup = time.perf_counter() - clock
        url = f"{address[0]}plans/{_slug(plan)}/index.html"
        reloads = _Reloads(f"{address[0]}__deload/events")
        rebuilt_before = len(lines)
        for n in range(edits):
            time.sleep(pause)
            marker = f"Edited {n} times"
            seen = reloads.count()
            start = time.perf_counter()
            plan.write_text(original.replace("title: ", f"title: {marker} ", 1), encoding="utf-8")
            while True:
                seen = reloads.wait_after(seen, start + edit_timeout - time.perf_counter())
                if seen < 0:
                    raise RuntimeError(f"edit {n} not served after {edit_timeout:.0f} s:\n" + "\n".join(lines[-20:]))
                if marker.encode() in _fetch(url):
                    break
            times.append((time.perf_counter() - start) * 1000)
        rebuilds = [float(m.group(1)) * 1000 for line in lines[rebuilt_before:] if (m := REBUILT.search(line))]
        peak = _peak_rss(process.pid)
    finally:
        process.send_signal(signal.SIGINT)  # deload serve stops on Ctrl+C
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(5)
        plan.write_text(original, encoding="utf-8")
    return {"edits": edits, "ms": [round(t, 1) for t in times], "median_ms": statistics.median(times),
            "slowest_ms": max(times), "server_rebuild_ms": [round(t, 1) for t in rebuilds],
            "server_rebuild_median_ms": statistics.median(rebuilds) if rebuilds else None,
            "startup_s": startup, "peak_rss_mb": peak / 2**20}


class _Reloads:
    """The server's "reload" events, counted as they come (one connection, as a browser keeps)."""

    def __init__(self, url: str):
        self._count = 0
        self._changed = threading.Condition()
        self._response = urllib.request.urlopen(url, timeout=600)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self._response:
            if line.startswith(b"event: reload"):
                with self._changed:
                    self._count += 1
                    self._changed.notify_all()

    def count(self) -> int:
        with self._changed:
            return self._count

    def wait_after(self, seen: int, timeout: float) -> int:
        """The count once it is past ``seen``; -1 if ``timeout`` seconds pass first."""
        with self._changed:
            if not self._changed.wait_for(lambda: self._count > seen, timeout=max(timeout, 0)):
                return -1
            return self._count


def _fetch(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return bytes(response.read())
    except (urllib.error.URLError, ConnectionError):
        return b""  # not there yet (or the server swapping the page): ask again


def _peak_rss(pid: int) -> int:
    """The process's own peak resident memory (VmHWM), in bytes."""
    return proc_bytes(f"/proc/{pid}/status", "VmHWM:")


def _slug(plan: Path) -> str:
    for line in plan.read_text(encoding="utf-8").splitlines():
        if line.startswith("slug:"):
            return line.split(":", 1)[1].strip()
    return plan.stem


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        write_library(project, args.plans)
        result = measure(project, args.edits)
    print(f"{args.plans} plans: first build and start {result['startup_s']:.1f} s")
    print(f"save -> new content served: median {result['median_ms']:.0f} ms, slowest {result['slowest_ms']:.0f} ms "
          f"({args.edits} edits; the server's rebuild: median {result['server_rebuild_median_ms'] or 0:.0f} ms)")


if __name__ == "__main__":
    main()
