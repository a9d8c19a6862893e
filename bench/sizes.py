"""Bytes per plan: every file in each plan's folder of the site, raw and gzipped (``gzip -6`` of
each file), in all and by kind of file, and the site's shared files (lists, assets); and the
feeds of undated plans (a feed per possible race day), their number and bytes per plan."""

from __future__ import annotations

import gzip
import shutil
import time
from pathlib import Path
from typing import Any

from bench.measure import deload
from bench.synth import write_library

FILE_KINDS = {"index.html": "plan page (index.html)", "embed.html": "embed page (embed.html)", "plan.json": "plan.json",
              "calendar.json": "calendar.json", "og.png": "preview image (og.png)", "fit.json": "watch index (fit/fit.json)"}


def kind_of(relative: Path) -> str:
    """The kind of a file in a plan's folder of the site, for the bytes table."""
    if relative.suffix == ".ics":
        return "calendar feeds (*.ics)"
    if relative.suffix == ".pdf":
        return "PDFs"
    if relative.parts[0] == "fit" and relative.suffix == ".zip":
        return "watch files (fit/*.zip)"
    return FILE_KINDS.get(relative.name, f"other ({relative.suffix or relative.name})")


def file_sizes(path: Path) -> tuple[int, int]:
    """Raw and gzipped (level 6, the usual server setting) bytes of a file."""
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=6, mtime=0))


def site_bytes(site: Path) -> dict[str, Any]:
    """Bytes per plan: every file in each plan's folder, raw and gzipped, by kind; and the shared files."""
    started = time.perf_counter()
    folders = sorted(d for d in (site / "plans").iterdir() if d.is_dir())
    kinds: dict[str, list[int]] = {}  # kind -> [files, raw, gzip]
    raws, gzips, counts = [], [], []
    for folder in folders:
        raw = packed = files = 0
        for path in folder.rglob("*"):
            if not path.is_file():
                continue
            size, zipped = file_sizes(path)
            entry = kinds.setdefault(kind_of(path.relative_to(folder)), [0, 0, 0])
            entry[0] += 1
            entry[1] += size
            entry[2] += zipped
            raw, packed, files = raw + size, packed + zipped, files + 1
        raws.append(raw)
        gzips.append(packed)
        counts.append(files)
    mine = {str(folder) for folder in folders}
    shared = [0, 0, 0]
    for path in site.rglob("*"):
        if path.is_file() and not any(str(parent) in mine for parent in path.parents):
            size, zipped = file_sizes(path)
            shared = [shared[0] + 1, shared[1] + size, shared[2] + zipped]
    n = max(len(folders), 1)
    return {"plans": len(folders), "raw_per_plan": sum(raws) / n, "gzip_per_plan": sum(gzips) / n,
            "files_per_plan": sum(counts) / n, "largest_plan_raw": max(raws, default=0),
            "largest_plan_gzip": max(gzips, default=0),
            "kinds": {kind: {"files_per_plan": f / n, "raw_per_plan": r / n, "gzip_per_plan": g / n}
                      for kind, (f, r, g) in sorted(kinds.items(), key=lambda item: -item[1][1])},
            "shared": {"files": shared[0], "raw": shared[1], "gzip": shared[2], "raw_per_plan": shared[1] / n,
                       "gzip_per_plan": shared[2] / n},
            "seconds": time.perf_counter() - started}


def undated_feeds(work: Path, count: int, weeks: int, sessions: int) -> dict[str, Any]:
    """A sample library of plans without a start or race date: each publishes a feed per possible
    race day. Their number and bytes per plan."""
    project = work / "undated"
    write_library(project, count, weeks, sessions, dated=False)
    run = deload(project, "--no-pdf")
    feeds = list((project / "site" / "plans").rglob("*.ics"))
    raw = packed = 0
    for path in feeds:
        size, zipped = file_sizes(path)
        raw, packed = raw + size, packed + zipped
    shutil.rmtree(project, ignore_errors=True)
    n = max(count, 1)
    return {"plans": count, "feeds": len(feeds), "feeds_reported": run["feeds"], "feeds_per_plan": len(feeds) / n,
            "raw_per_plan": raw / n, "gzip_per_plan": packed / n, "raw_per_feed": raw / max(len(feeds), 1),
            "build": {k: run[k] for k in ("wall", "cpu", "peak_rss_mb", "peak_tree_pss_mb", "phases")}}
