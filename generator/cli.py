"""The ``deload`` command: init, check, new, docs, build, expand, ical, pdf, paces, fit, serve."""

from __future__ import annotations

import os
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import click

from . import __version__
from .commands.common import dates, expand_one, fail, report, settings_for
from .commands.fit import fit as fit_command
from .commands.init import init as init_command
from .commands.paces import paces as paces_command
from .commands.paces import race_time_option
from .config import CONFIG_NAME
from .errors import DeloadError, Diagnostic
from .project import placeholder_base_url
from .source import find_plan_files

if TYPE_CHECKING:
    from .model import Performance


project_option = click.option(
    "--project", "-C", "project", type=click.Path(file_okay=False, path_type=Path), default=".",
    show_default=True, help="Project folder holding deload.toml, plans/ and templates/.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", "-V", prog_name="deload")
def main() -> None:
    """Deload turns training plans written in Markdown into a website,
    calendar feeds and printable PDFs, with deload weeks and tapers built in.

    \b
    Start with:  deload new "My 10K plan"   (writes plans/my-10k-plan.md)
    Check it:    deload check               (every plan in plans/)
    Publish:     deload build               (writes site/)
    Preview:     deload serve               (http://localhost:8000, reloads on save)
    Read:        deload docs plan-format    (the plan format, offline)
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@project_option
def check(paths: tuple[Path, ...], project: Path) -> None:
    """Check plans for mistakes and risky load, without building anything.

    PATHS are plan files or folders (default: plans/). Errors and warnings are
    printed as file:line:col; the exit status is 1 if any plan has an error.
    """
    settings = settings_for(project, required=not paths)
    targets = list(paths) or [settings.plans_dir]
    missing = [p for p in targets if not p.exists()]
    if missing:
        fail(DeloadError([Diagnostic(str(p), 1, 1, "no such file or folder") for p in missing]))
    files = find_plan_files(targets)
    if not files:
        fail(DeloadError([Diagnostic(str(targets[0]), 1, 1, "no plan files (*.md) found here")]))
    from .source import read_plans

    result = read_plans(files, settings)
    diagnostics = list(result.diagnostics)
    if result.ok:
        from .feeds import build_time
        from .periodize import expand_all
        from .periodize.checks import dated_start, past_start

        expanded_plans, engine_diagnostics = expand_all(result.plans)
        diagnostics.extend(engine_diagnostics)
        today = build_time().date()
        for expanded in expanded_plans:
            dated = dated_start(expanded)
            late = dated and past_start(dated[2].file, dated[2].line, dated[2].col, dated[0], dated[1], today)
            if late:
                diagnostics.append(late)
    errors, warnings = report(diagnostics)
    summary = f"{len(files)} plan{'s' if len(files) != 1 else ''} checked: {errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
    click.echo(click.style(("✗ " if errors else "✓ ") + summary, fg="red" if errors else "green"), err=True)
    sys.exit(1 if errors else 0)


@main.command()
@click.argument("name")
@click.option("--weeks", type=click.IntRange(1, 104), default=8, show_default=True, help="Number of weeks to scaffold.")
@click.option("--units", type=click.Choice(["mi", "km"]), default=None, help="Distance units (default: the site's).")
@click.option("--race", "race", default=None, help="Goal race distance: 5k, 10k, half, marathon or e.g. '50 km'.")
@project_option
def new(name: str, weeks: int, units: str | None, race: str | None, project: Path) -> None:
    """Start a new plan in plans/ with commented examples of every feature."""
    from .scaffold import scaffold_plan

    settings = settings_for(project)
    try:
        path = scaffold_plan(settings, name, weeks=weeks, units=units or settings.default_units, race=race)
    except DeloadError as exc:
        fail(exc)
    click.echo(f"Wrote {path}. Edit it, then run: deload check {path}")


@main.command()
@click.argument("topic", required=False)
def docs(topic: str | None) -> None:
    """Read a guide offline: the plan format, the JSON export. Without TOPIC, list them."""
    from .errors import suggest
    from .guide import find_guide, guides

    if topic is None:
        width = max((len(g.name) for g in guides()), default=0)
        for listed in guides():
            click.echo(f"{listed.name:<{width}}  {listed.title}")
        click.echo("\nRead one with: deload docs NAME", err=True)
        return
    guide = find_guide(topic)
    if guide is None:
        names = [g.name for g in guides()]
        hint = suggest(topic, names) or "."
        click.echo(f"error: no guide called '{topic}'{hint} The guides: {', '.join(names)}", err=True)
        sys.exit(1)
    text = guide.path.read_text(encoding="utf-8")
    if sys.stdout.isatty():
        click.echo_via_pager(text)
    else:
        click.echo(text, nl=False)


@main.command()
@project_option
@click.option("--jobs", "-j", type=click.IntRange(0, 64), default=None, help="Worker processes (default: the number of cores).")
@click.option("--no-pdf", is_flag=True, help="Skip PDFs (faster previews).")
@click.option("--quiet", "-q", is_flag=True, help="Print only errors and the summary line.")
@click.option("--stats", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write counts and timings of the build as JSON (used by bench/run.py).")
@click.option("--force", is_flag=True,
              help="Render every plan and PDF again, ignoring the build cache (say, after editing files in site/ by hand).")
def build(project: Path, jobs: int | None, no_pdf: bool, quiet: bool, stats: Path | None, force: bool) -> None:
    """Build every plan in plans/ into site/.

    The new site is assembled beside the old one and swapped in only when the
    whole build succeeded: a failed build leaves the previous site/ untouched.
    """
    from .build import build_site

    settings = settings_for(project)
    with BuildProgress(enabled=not quiet) as progress:
        try:
            result = build_site(settings, jobs=jobs if jobs is not None else settings.jobs, pdf=not no_pdf, progress=progress,
                                force=force)
        except DeloadError as exc:
            progress.close()
            fail(exc)
        except OSError as exc:
            progress.close()
            click.echo(click.style("error: ", fg="red", bold=True) + f"cannot write the site: {exc}; site/ was left as it was", err=True)
            sys.exit(1)
    if not quiet:
        report(result.warnings)
    if placeholder_base_url(settings.base_url):
        click.echo(click.style("note: ", fg="yellow", bold=True) + f"base_url is {settings.base_url}: readers' calendar "
                   f"subscriptions and shared links will not reach this site; set [site] base_url in {CONFIG_NAME} "
                   "to the address it is published at", err=True)
    click.echo(click.style("✓ ", fg="green") + result.summary(), err=True)
    if stats is not None:
        import json

        data = {k: v for k, v in result.counts().items() if k != "warnings"}
        data |= {"seconds": result.seconds, "phases": result.phases, "noop": result.noop,
                 "plans_rendered": result.plans_rendered, "pdfs_rendered": result.pdfs_rendered,
                 "plans_kept": result.plans_kept,
                 "warnings": len(result.warnings)}
        stats.write_text(json.dumps(data, indent=1) + "\n")


class BuildProgress:
    """A progress bar on an interactive terminal; nothing when piped, in CI, or with --quiet."""

    LABELS: ClassVar[dict[str, str]] = {"plans": "Rendering plans", "pdf": "Printing PDFs"}

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty() and not os.environ.get("CI")
        self.bar: Any = None  # click.progressbar(): its class is private to click
        self.phase = ""

    def __enter__(self) -> BuildProgress:
        return self

    def __call__(self, phase: str, done: int, total: int) -> None:
        if not self.enabled or total < 20:
            return
        if phase != self.phase:
            self.close()
            self.phase = phase
            self.bar = click.progressbar(length=total, label=self.LABELS.get(phase, phase), file=sys.stderr, width=30)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
            self.phase = ""

    def __exit__(self, *exc: object) -> None:
        self.close()


date_type = click.DateTime(formats=["%Y-%m-%d"])


def date_options(command: Any) -> Any:
    """--race-date and --start, declared once for every command that dates a plan."""
    command = click.option("--start", type=date_type, default=None,
                           help="The first day of the plan (YYYY-MM-DD); give this or --race-date.")(command)
    return click.option("--race-date", type=date_type, default=None,
                        help="Race day (YYYY-MM-DD): the plan ends on it, whatever the weekday.")(command)


@main.command()
@click.argument("plan", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@date_options
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: a table to read; json: the machine interface (see: deload docs expanded-json).")
@project_option
def expand(plan: Path, race_date: datetime | None, start: datetime | None, output: str, project: Path) -> None:
    """Show PLAN as the reader will follow it: deload weeks, taper, dates, volumes and warnings."""
    from .render.json_export import to_json
    from .render.text import render_text

    _, _, warnings, expanded = expand_one(plan, project, race_date, start)
    if output == "json":
        click.echo(to_json(expanded), nl=False)
    else:
        click.echo(render_text(expanded, style=click.style), nl=False)
    report(warnings)


@main.command()
@click.argument("plan", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@date_options
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True, help="Paper size.")
@click.option("--units", type=click.Choice(["km", "mi"]), default=None, help="Units to print (default: the plan's).")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: <slug>-<date>-<paper>.pdf in the current folder).")
@race_time_option
@click.option("--fridge", is_flag=True, help="The one-page sheet: every week on one landscape page, a box to tick per session.")
@project_option
def pdf(plan: Path, race_date: datetime | None, start: datetime | None, paper: str, units: str | None, output: Path | None,
        performance: Performance | None, fridge: bool, project: Path) -> None:
    """Print PLAN as a personal PDF with every session dated (or undated, to fill in by hand);
    with --race-time, your pace on every session."""
    from .paces import plan_pace_table
    from .render.pdf import FRIDGE, fridge_html, print_html, render_pdf, stylesheet_text

    settings, source, warnings, expanded = expand_one(plan, project, race_date, start)
    table = plan_pace_table(source, performance) if performance is not None else None
    make = fridge_html if fridge else print_html
    key = FRIDGE + paper if fridge else paper
    try:
        html = make(expanded, settings, key, settings.base_url + f"plans/{source.slug}/", units=units, table=table)
    except DeloadError as exc:  # a mistake in the coach's print template
        fail(exc)
    result = render_pdf(html, key, {key: stylesheet_text(settings, key)})
    when = expanded.race_date if expanded.anchor == "race" else expanded.start
    kind = "-fridge" if fridge else ""
    target = output or Path(f"{source.slug}{'-' + when.isoformat() if when else ''}{kind}-{paper}.pdf")
    target.write_bytes(result.data)
    click.echo(f"Wrote {target}: {result.pages} pages, {paper_name(paper)}.", err=True)
    report([*warnings, *expanded.warnings])


def paper_name(paper: str) -> str:
    return {"a4": "A4", "letter": "US Letter"}[paper]


@main.command()
@project_option
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 for your network).")
@click.option("--pdf", is_flag=True, help="Also render PDFs on every rebuild (slower).")
def serve(project: Path, port: int, host: str, pdf: bool) -> None:
    """Preview the site at http://localhost:8000 and rebuild on every change.

    Saving a plan, a template or deload.toml rebuilds the preview and reloads
    the browser. A mistake is shown in the terminal and over the page, while
    the last good build stays up. The preview never touches site/.
    """
    from .serve import serve as run_server

    root = settings_for(project).root  # the project above the current folder; a broken deload.toml is reported now
    try:
        run_server(root, host, port, lambda line: click.echo(line, err=True), pdf=pdf)
    except OSError as exc:
        click.echo(click.style("error: ", fg="red", bold=True) + f"cannot listen on {host}:{port}: {exc.strerror}; try --port", err=True)
        sys.exit(1)


@main.command()
@click.argument("plan", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@date_options
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: <slug>-<date>.ics in the current folder; '-' for standard output).")
@race_time_option
@project_option
def ical(plan: Path, race_date: datetime | None, start: datetime | None, output: Path | None,
         performance: Performance | None, project: Path) -> None:
    """Write a personal calendar file of PLAN for your race day or start day.

    Import it into Google, Apple or Outlook calendar. (To follow a published
    plan that may change, subscribe to its feed on the plan's page instead.)
    """
    from .feeds import Feed, build_time
    from .render.ical import feed_bytes, plan_events, timezones_text

    dates(race_date, start)  # refuse both before reading anything
    settings, source, warnings, expanded = expand_one(plan, project, race_date, start)
    if expanded.start is None:
        raise click.UsageError("give --race-date or --start: a personal calendar needs dates")
    plan_url = settings.base_url + f"plans/{source.slug}/"
    table = None
    if performance is not None:
        from .paces import plan_pace_table

        table = plan_pace_table(source, performance)
    events = plan_events(expanded, settings, {}, build_time(), plan_url, settings.week_summaries, table=table)
    anchor_day = expanded.race_date if expanded.anchor == "race" and expanded.race_date else expanded.start
    feed = Feed(f"{source.slug}.ics", expanded.anchor, anchor_day)
    data = feed_bytes(expanded, events, settings, feed, expanded.start, plan_url, timezones_text(expanded, events))
    if output is not None and str(output) == "-":
        click.echo(data.decode("utf-8"), nl=False)
    else:
        target = output or Path(f"{source.slug}-{anchor_day.isoformat()}.ics")
        target.write_bytes(data)
        last = expanded.start + timedelta(days=len(expanded.weeks) * 7 - 1)
        click.echo(f"Wrote {target}: {len(events)} events from {expanded.start.isoformat()} to {last.isoformat()}.", err=True)
    report([*warnings, *expanded.warnings])


if __name__ == "__main__":  # pragma: no cover
    main()


main.add_command(paces_command)
main.add_command(init_command)
main.add_command(fit_command)
