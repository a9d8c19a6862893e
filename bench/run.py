"""The build benchmark: Deload against the floor of bare Jinja2 + markdown-it-py and bare WeasyPrint.

Run by hand (never as a timed test): ``make bench`` or
``.venv/bin/python bench/run.py [--plans 1000] [--pdf-plans 24] [--out bench/out]``.

In one run, on one machine, it measures:

- a full build of N synthetic plans without PDFs (per plan page and per feed);
- PDFs for a sample of those plans, with 1 and with 2 workers, and bare WeasyPrint in one
  and in two processes (three rounds of the four, interleaved, the fastest of each kept);
- a no-op rebuild and a one-plan-edit rebuild (five of each, the fastest kept);
- a full re-render after a template change (every plan again, with a state file); per page
  and per feed figures come from the faster of the two full renders;
- peak memory (the largest process, and the whole process tree);
- Deload as a coach installs it: built into a wheel and installed, with its bytecode, beside
  the project venv's libraries (not the editable install of this checkout, whose import
  hook and uncompiled modules would cost every start);
- the interpreter, and its speed at a fixed pure-Python task (the probe), at the start and
  around the full builds: an unoptimised source build is about a third slower than a
  PGO-built one, and a shared VM's speed drifts by as much as 2x within a run;
- the floor: bare Jinja2 + markdown-it-py pages of the same plans, and bare
  WeasyPrint on the same print HTML (in one process, and split over two); Deload's
  times are printed as ratios of it.

Figures go to ``<out>/bench.json`` and a short table on standard output.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.synth import write_library  # noqa: E402

EPOCH = "1796774400"
PAUSE = 3.0  # seconds between builds that a person would not run back to back
SAMPLES = 5  # runs of the no-op and of the one-plan edit


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


def deload(project: Path, *args: str) -> dict[str, Any]:
    """Run ``deload build`` in its own process; return its stats, wall time and memory."""
    stats = project / ".bench-stats.json"
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, CI="")
    started = time.perf_counter()
    process = subprocess.Popen([*PYTHON, "-P", "-m", "generator.cli", "build", "--project", str(project), "--quiet",
                                "--stats", str(stats), *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               cwd=project)  # -P: never import Deload from the current folder
    with TreeMemory(process.pid) as memory:
        _, err = process.communicate()
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"deload build failed:\n{err.decode()}")
    data = json.loads(stats.read_text())
    data.update(wall=wall, peak_rss_mb=memory.peak_single / 2**20, peak_tree_mb=memory.peak_total / 2**20,
                peak_tree_pss_mb=memory.peak_proportional / 2**20)
    return data


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--weeks", type=int, default=16)
    parser.add_argument("--sessions", type=int, default=6)
    parser.add_argument("--pdf-plans", type=int, default=24, help="plans in the PDF sample (PDFs of all N take long)")
    parser.add_argument("--undated", action="store_true", help="plans without dates: one feed per possible race day")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="deload-bench-"))
    figures: dict[str, Any] = {"plans": args.plans, "weeks": args.weeks, "sessions": args.sessions, "cpus": os.cpu_count(),
                               "python": interpreter()}
    try:
        figures["deload"] = str(install(work))
        project = work / "library"
        write_library(project, args.plans, args.weeks, args.sessions, dated=not args.undated)
        print(f"{args.plans} plans of {args.weeks} weeks in {project}", file=sys.stderr)

        # Builds are spaced as a person's would be (a build, then an edit in the editor): the work a
        # build leaves to the background (removing the replaced site, preparing a spare) gets to finish.
        # The no-op and the one-plan edit take under a second: a burst of load from other users of
        # the machine can slow one run by half, so each is measured five times and the fastest is kept
        # (as timeit does); every run's time is printed.
        before = probe()
        full = deload(project, "--no-pdf")
        # The floor right after each full render (here and after the re-render), before the
        # machine's speed drifts; the faster of its two runs is kept.
        floor = floor_pages(project)
        full["probe_ms"] = [before, probe()]
        noops, edits = [], []
        edited = project / "plans" / "synthetic-0000.md"
        for attempt in range(SAMPLES):
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
        # A template changed (or Deload upgraded): every plan is rendered again, now with a state
        # file holding every event's revision.
        time.sleep(PAUSE)
        (project / "templates").mkdir(exist_ok=True)
        (project / "templates" / "bench-changed.txt").write_text("a template file the build has not seen\n")
        before = probe()
        figures["full_rerender"] = deload(project, "--no-pdf")
        figures["full_rerender"]["probe_ms"] = [before, probe()]
        floor_again = floor_pages(project)
        if floor_again["cpu"] < floor["cpu"]:
            floor = floor_again
        figures["full_build"] = full
        figures["noop_rebuild"] = noop
        figures["one_plan_edit"] = one_edit
        figures["floor_pages"] = floor

        # PDFs: a sample library, built with 1 then with 2 workers from an empty PDF cache.
        sample = work / "pdf-sample"
        write_library(sample, args.pdf_plans, args.weeks, args.sessions, dated=not args.undated)
        deload(sample, "--no-pdf")
        # Three rounds of: Deload with one worker, with two, then bare WeasyPrint in one process
        # and in two. Noise on a shared machine only ever adds time, so the fastest of each is
        # the better estimate, and interleaving spreads the noise over all four alike.
        htmls, css = print_htmls(sample, args.pdf_plans)
        pdf_runs: dict[int, dict[str, Any]] = {}
        bare: dict[str, float] | None = None
        bare_two: dict[str, float] | None = None
        for _ in range(3):
            for workers in (1, 2):
                time.sleep(PAUSE)  # the last build's background work (removing a site) gets to finish
                shutil.rmtree(sample / ".deload" / "cache", ignore_errors=True)
                for manifest in (sample / ".deload").glob("manifest-*"):
                    manifest.unlink()
                run = deload(sample, "--jobs", str(workers))
                if workers not in pdf_runs or run["phases"]["pdf"] < pdf_runs[workers]["phases"]["pdf"]:
                    pdf_runs[workers] = run
            one = floor_pdf(htmls, css)
            bare = one if bare is None or one["seconds"] < bare["seconds"] else bare
            two = floor_pdf_parallel(htmls, css)
            bare_two = two if bare_two is None or two["seconds"] < bare_two["seconds"] else bare_two
        pages = pdf_pages(sample / "site")
        # One plan edited with PDFs on: only its two PDFs are rendered again.
        sample_plan = sample / "plans" / "synthetic-0000.md"
        time.sleep(PAUSE)
        sample_plan.write_text(sample_plan.read_text().replace("keep the easy days easy", "keep easy days easy", 1))
        pdf_edit = deload(sample, "--jobs", "2")
        figures["pdf"] = {"runs": {str(k): v for k, v in pdf_runs.items()}, "pages": pages, "bare_weasyprint_a4": bare,
                          "bare_weasyprint_a4_two_processes": bare_two,
                          "one_plan_edit": pdf_edit}
        # The timing guard: every construct of the plan language with long runs of hostile
        # characters, read in linear time (see bench/patterns.py).
        guard = subprocess.run([sys.executable, str(HERE / "patterns.py"), "--json", str(work / "patterns.json")],
                               stdout=subprocess.DEVNULL, check=False)
        figures["timing_guard"] = json.loads((work / "patterns.json").read_text()) | {"exit": guard.returncode}
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    report(figures)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench.json").write_text(json.dumps(figures, indent=1) + "\n")
    print(f"\nfigures written to {args.out / 'bench.json'}", file=sys.stderr)


def report(f: dict[str, Any]) -> None:
    # Per page and per feed come from the faster of the two full renders (the first build, and
    # the re-render after a template change; both render every plan), by the CPU of their pages.
    def page_cpu(run: dict[str, Any]) -> float:
        return run["phases"].get("cpu_pages", 0.0) + run["phases"].get("cpu_read", 0.0)

    fastest = min((f["full_build"], f["full_rerender"]), key=page_cpu)
    full, phases = f["full_build"], fastest["phases"]
    which = "first build" if fastest is f["full_build"] else "re-render"
    workers = min(f["cpus"] or 1, 2)
    plans = f["plans"]
    plan_pages = 2 * plans  # a plan page and its embed page per plan
    cpu_pages = phases.get("cpu_pages", 0.0) + phases.get("cpu_read", 0.0)
    per_page_wall = (cpu_pages / max(plan_pages, 1)) / workers * 1000
    per_page_all = (cpu_pages + phases.get("cpu_preview_image", 0.0)) / max(plan_pages, 1) / workers * 1000
    events_per_feed = f["weeks"] * (f["sessions"] + 1)
    per_feed = phases.get("cpu_feeds", 0.0) / max(full["feeds"], 1) / workers * 1000 * (100 / events_per_feed)
    floor = f["floor_pages"]
    floor_page = floor["cpu"] / floor["pages"] * 1000
    pdf = f["pdf"]
    one, two = pdf["runs"]["1"], pdf["runs"]["2"]
    bare = pdf["bare_weasyprint_a4"]
    ours_per_page = one["phases"]["pdf"] / pdf["pages"] * 1000
    bare_per_page = bare["seconds"] / bare["pages"] * 1000
    def speed(run: dict[str, Any]) -> str:
        probes = run.get("probe_ms")
        return f"; probe {probes[0]:.0f} ms before, {probes[1]:.0f} after" if probes else ""

    rows = [
        ("full build, no PDFs", f"{full['wall']:.1f} s",
         f"{plans} plans, {full['pages']} pages, {full['feeds']} feeds{speed(full)}"),
        (f"  per plan page (read + render, wall; {which})", f"{per_page_wall:.2f} ms", f"floor {floor_page:.2f} ms/page on 1 core -> {per_page_wall * workers / floor_page:.1f}x CPU"),
        ("  per plan page incl. preview image", f"{per_page_all:.2f} ms", f"target 1 ms; {which}"),
        ("  per 100-event feed (wall)", f"{per_feed:.2f} ms", f"target 2 ms; {which}"),
        ("full re-render, a template changed", f"{f['full_rerender']['wall']:.1f} s",
         f"every plan again, with a state file of every event{speed(f['full_rerender'])}"),
        ("no-op rebuild", f"{f['noop_rebuild']['wall']:.2f} s",
         "target < 0.5 s; fastest of " + ", ".join(f"{w:.2f}" for w in f["noop_rebuild"].get("all_walls", []))),
        ("one-plan edit, no PDFs", f"{f['one_plan_edit']['wall']:.2f} s",
         "target < 0.5 s; fastest of " + ", ".join(f"{w:.2f}" for w in f["one_plan_edit"].get("all_walls", []))),
        ("one-plan edit, with its PDFs", f"{pdf['one_plan_edit']['wall']:.2f} s", f"{pdf['one_plan_edit']['pdfs_rendered']} PDFs rendered"),
        ("PDF per page, 1 worker", f"{ours_per_page:.1f} ms", f"bare WeasyPrint {bare_per_page:.1f} ms -> {ours_per_page / bare_per_page:.2f}x (target <= 1.1x)"),
        ("PDF speed-up, 2 workers vs 1", f"{one['phases']['pdf'] / two['phases']['pdf']:.2f}x",
         f"target >= 1.8x; bare WeasyPrint in 2 processes vs 1: {bare['seconds'] / pdf['bare_weasyprint_a4_two_processes']['seconds']:.2f}x"),
        ("peak memory, full build", f"{full['peak_rss_mb']:.0f} MB", f"largest process; whole tree {full['peak_tree_pss_mb']:.0f} MB PSS, {full['peak_tree_mb']:.0f} MB summed RSS (target < 300 MB)"),
        ("peak memory, PDFs with 2 workers", f"{two['peak_rss_mb']:.0f} MB", f"largest process; whole tree {two['peak_tree_pss_mb']:.0f} MB PSS, {two['peak_tree_mb']:.0f} MB summed RSS"),
    ]
    guard = f.get("timing_guard")
    if guard:
        worst = guard["worst"][0] if guard["worst"] else {"growth": 0, "ms": 0, "case": "none slow"}
        rows.append(("timing guard: hostile plan lines", f"{len(guard['failing'])} slow",
                     f"{guard['variants']} lines with runs of {guard['size']} characters; worst x{worst['growth']} growth, "
                     f"{worst['ms']} ms ({worst['case']}); target: none over {guard['limit_ms']:.0f} ms growing faster than linear"))
    width = max(len(r[0]) for r in rows)
    python = f.get("python", {})
    print(f"\nPython {python.get('version')} ({python.get('base')}): probe (a fixed pure-Python task) {python.get('task_ms', 0):.0f} ms")
    if f.get("deload"):
        print(f"Deload: this checkout's wheel, installed for {f['deload']}")
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>10}  {note}")
    f["summary"] = {r[0].strip(): r[1] for r in rows}


if __name__ == "__main__":
    main()
