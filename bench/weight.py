"""What a plan weighs on the site, and what its rendering costs.

Run by hand (never as a timed test)::

    .venv/bin/python bench/weight.py [--plans 200] [--undated] [--profile 20]

It writes a synthetic library (:mod:`bench.synth`) into a temporary project, builds it
once without PDFs (``deload build --no-pdf --stats``, in a subprocess, as a coach runs it),
and prints:

- per file kind of a plan's folder (``plans/<slug>/``: page, embed, plan.json, preview
  image, feeds, calendar.json, fit.json, zips), the bytes per plan, raw and gzipped
  (level 6, what a web server uses on the fly), averaged over the library;
- the CPU per plan of each render step, from the build's own timers
  (:data:`generator.build.plans.PlanOutput.timings`, summed over the workers);
- with ``--profile N``: the same steps for N plans again in this process under cProfile,
  and the functions that cost most (cumulative), to see where a step's time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import os
import pstats
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.synth import write_library  # noqa: E402

EPOCH = "1796774400"


def kind_of(name: str) -> str:
    """A file's kind, from its path inside the plan's folder."""
    if name.startswith("fit/"):
        return "fit.json" if name == "fit/fit.json" else "fit zips" if name.endswith(".zip") else "fit other"
    if name.endswith(".ics"):
        return "feeds (.ics)"
    return {"index.html": "page", "embed.html": "embed", "og.png": "og.png"}.get(name, name)


def weigh(site: Path) -> tuple[int, dict[str, list[int]]]:
    """(plans, kind -> [raw bytes, gzip bytes]) summed over every plan's folder (PDFs excepted)."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    folders = sorted(p for p in (site / "plans").iterdir() if p.is_dir())
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or path.suffix == ".pdf":
                continue
            data = path.read_bytes()
            row = totals[kind_of(path.relative_to(folder).as_posix())]
            row[0] += len(data)
            row[1] += len(gzip.compress(data, compresslevel=6, mtime=0))
    return len(folders), dict(totals)


def build(project: Path, jobs: int) -> dict[str, Any]:
    stats = project / ".weight-stats.json"
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, CI="")
    subprocess.run([sys.executable, "-P", "-m", "generator.cli", "build", "--project", str(project), "--quiet",
                    "--no-pdf", "--jobs", str(jobs), "--stats", str(stats)], check=True, env=env, cwd=project,
                   stdout=subprocess.DEVNULL)
    return json.loads(stats.read_text())


def profile(project: Path, count: int, top: int) -> None:
    """The plan job for ``count`` plans in this process, under cProfile."""
    from datetime import UTC, datetime

    from generator.build import plans as plan_job
    from generator.config import load_settings
    from generator.state import State

    settings = load_settings(project)
    stage = project / ".weight-stage"
    context = plan_job.BuildContext(settings, stage, datetime.fromtimestamp(int(EPOCH), UTC), (), State(Path(os.devnull)))
    plan_job.set_context(context)
    paths = sorted((project / "plans").glob("*.md"))[:count]
    plan_job.run((paths[0], paths[0].name))  # warm: templates compiled, fonts loaded
    steps: dict[str, float] = defaultdict(float)
    profiler = cProfile.Profile()
    profiler.enable()
    for path in paths:
        out = plan_job.run((path, path.name))
        for step, seconds in out.timings.items():
            steps[step] += seconds
    profiler.disable()
    print(f"\nin process, under cProfile ({len(paths)} plans; the profiler roughly doubles times):")
    for step, seconds in sorted(steps.items()):
        print(f"  {step:<16} {seconds / len(paths) * 1000:7.2f} ms/plan")
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=200)
    parser.add_argument("--weeks", type=int, default=16)
    parser.add_argument("--sessions", type=int, default=6)
    parser.add_argument("--undated", action="store_true", help="plans without dates (feeds by race day)")
    parser.add_argument("--jobs", type=int, default=1, help="build workers (1: CPU figures not shared with a sibling)")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="also profile N plans in this process")
    parser.add_argument("--top", type=int, default=40, help="functions listed by --profile")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="deload-weight-") as work:
        project = Path(work)
        write_library(project, args.plans, args.weeks, args.sessions, dated=not args.undated)
        stats = build(project, args.jobs)
        plans, totals = weigh(project / "site")
        phases: dict[str, float] = stats["phases"]
        rendered = stats.get("plans", plans) or 1
        print(f"{plans} {'undated' if args.undated else 'dated'} plans of {args.weeks} weeks x {args.sessions} sessions")
        print(f"\n{'file kind':<16} {'raw KB/plan':>12} {'gzip KB/plan':>13}")
        raw_sum = gz_sum = 0
        for kind, (raw, gz) in sorted(totals.items(), key=lambda item: -item[1][0]):
            raw_sum += raw
            gz_sum += gz
            print(f"{kind:<16} {raw / plans / 1024:12.1f} {gz / plans / 1024:13.1f}")
        print(f"{'total':<16} {raw_sum / plans / 1024:12.1f} {gz_sum / plans / 1024:13.1f}")
        print(f"\nrender steps, CPU per plan ({args.jobs} worker{'s' if args.jobs != 1 else ''}):")
        steps = {k[4:]: v for k, v in phases.items() if k.startswith("cpu_")}
        for step, seconds in sorted(steps.items()):
            print(f"  {step:<16} {seconds / rendered * 1000:7.2f} ms")
        print(f"  {'total':<16} {sum(steps.values()) / rendered * 1000:7.2f} ms")
        print(f"build wall: {stats.get('seconds', 0.0):.2f} s, {stats.get('seconds', 0.0) / plans * 1000:.2f} ms/plan")
        if args.json:
            args.json.write_text(json.dumps({"plans": plans, "files": totals, "phases": phases}, indent=1) + "\n")
        if args.profile:
            profile(project, args.profile, args.top)


if __name__ == "__main__":
    main()
