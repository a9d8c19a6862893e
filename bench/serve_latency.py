"""Preview latency: the time from saving a plan to `deload serve` serving the new page.

Run by hand (never as a timed test): ``.venv/bin/python bench/serve_latency.py [--plans 1000]``.
It writes a synthetic library, starts the preview server in this process, then saves one
plan ``--edits`` times (a pause between edits, as a person types) and polls the plan's page
every 2 ms until the edit shows; it prints the median and the slowest of those times.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.synth import write_library  # noqa: E402
from generator.serve import serve  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        write_library(project, args.plans)
        plan = sorted((project / "plans").glob("*.md"))[0]
        ready = threading.Event()
        address: list[str] = []
        stop = threading.Event()

        def started(url: str) -> None:
            address.append(url)
            ready.set()

        thread = threading.Thread(target=serve, args=(project, "127.0.0.1", 0, lambda _line: None),
                                  kwargs={"ready": started, "stop": stop}, daemon=True)
        clock = time.perf_counter()
        thread.start()
        ready.wait(600)
        print(f"{args.plans} plans: first build and start {time.perf_counter() - clock:.1f} s")
        slug = _slug(plan)
        url = f"{address[0]}plans/{slug}/index.html"
        text = plan.read_text(encoding="utf-8")
        times = []
        for n in range(args.edits):
            time.sleep(1.0)
            marker = f"Edited {n} times"
            changed = text.replace("title: ", f"title: {marker} ", 1)
            start = time.perf_counter()
            plan.write_text(changed, encoding="utf-8")
            while True:
                with urllib.request.urlopen(url, timeout=10) as response:
                    if marker.encode() in response.read():
                        break
                time.sleep(0.002)
            times.append((time.perf_counter() - start) * 1000)
        stop.set()
        print(f"save -> new content served: median {statistics.median(times):.0f} ms, slowest {max(times):.0f} ms "
              f"({args.edits} edits)")


def _slug(plan: Path) -> str:
    for line in plan.read_text(encoding="utf-8").splitlines():
        if line.startswith("slug:"):
            return line.split(":", 1)[1].strip()
    return plan.stem


if __name__ == "__main__":
    main()
