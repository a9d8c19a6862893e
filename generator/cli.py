"""The ``deload`` command: init, check, new, docs, build, expand, ical, pdf, paces, fit, serve.

This module only declares the commands and their options; each command's work is a plain
function in ``generator.commands``, called with the values click parsed, and imported when
the command runs (``deload check`` loads no renderer, and no command loads another's)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import click

from . import __version__
from .model import Performance

_PROJECT = "Project folder holding deload.toml, plans/ and templates/ (default: the one holding the current folder"
project_option = click.option(
    "--project", "-C", "project", type=click.Path(file_okay=False, path_type=Path), default=None, help=_PROJECT + ").")
# For the commands given a plan: its own project comes first.
plan_project_option = click.option(
    "--project", "-C", "project", type=click.Path(file_okay=False, path_type=Path), default=None,
    help=_PROJECT + "; given a plan, the one holding the plan).")
plan_argument = click.argument("plan", type=click.Path(exists=True, dir_okay=False, path_type=Path))
class DateType(click.DateTime):
    """A day as YYYY-MM-DD, said in those words when it is not one (``2027-13-01``)."""

    name = "YYYY-MM-DD"

    def __init__(self) -> None:
        super().__init__(formats=["%Y-%m-%d"])

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:  # --help; click 8.1 gives no ctx
        return "YYYY-MM-DD"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> datetime:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            self.fail(f"{value!r} is not a day as YYYY-MM-DD (year, month 01-12, day), e.g. 2027-05-16", param, ctx)


date_type = DateType()


def _plan_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--language``: a tag whose language Deload writes plans in (``de``, ``de-AT``, ``de_AT``)."""
    if value is None:
        return None
    from .source.words import tag_problem

    problem = tag_problem(value)  # the check a plan's own 'language:' gets
    if problem is not None:
        raise click.BadParameter(problem)
    return value.strip().replace("_", "-")


def date_options(command: Any) -> Any:
    """--race-date and --start, declared once for every command that dates a plan."""
    command = click.option("--start", type=date_type, default=None,
                           help="The first day of the plan (YYYY-MM-DD); give this or --race-date.")(command)
    return click.option("--race-date", type=date_type, default=None,
                        help="Race day (YYYY-MM-DD): the plan ends on it, whatever the weekday.")(command)


class PerformanceType(click.ParamType):
    """``10k=50:00``, ``5K in 24:30``, ``half=1:45:00``."""

    name = "RACE=TIME"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> Performance:
        from .source.performance import PerformanceError, parse_performance

        if isinstance(value, Performance):
            return value
        try:
            return parse_performance(str(value))
        except PerformanceError as exc:
            self.fail(str(exc), param, ctx)


race_time_option = click.option(
    "--race-time", "performance", type=PerformanceType(), default=None,
    help="A recent race or goal time, e.g. 10k=50:00, 5k=24:30, half=1:45:00: the paces are yours.")


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


@main.command(name="init")
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path), default=Path("."))
@click.option("--units", type=click.Choice(["km", "mi"]), default="km", show_default=True, help="The site's default units.")
@click.option("--title", default=None, help="The site's title.  [default: Training plans, in the site's language]")
@click.option("--language", default="en", show_default=True, callback=_plan_language,
              help="The site's language, and its example plan's: en, de, fr, es or nl (a region too: de-AT).")
def init_command(folder: Path, units: str, title: str | None, language: str) -> None:
    """Start a Deload project in FOLDER (default: here): deload.toml, plans/ with an example
    plan, and a .gitignore. Then: deload build (or deload serve to preview)."""
    from .commands import init
    init.init(folder, units, title, language)


@main.command(name="check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@plan_project_option
def check_command(paths: tuple[Path, ...], project: Path | None) -> None:
    """Check plans for mistakes and risky load, without building anything.

    PATHS are plan files or folders (default: plans/). Errors and warnings are
    printed as file:line:col; the exit status is 1 if any plan has an error.
    """
    from .commands import check
    check.check(paths, project)


def _plan_title(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """``deload new NAME``: a title to name the plan and its file by."""
    if not any(character.isalnum() for character in value):
        raise click.BadParameter(f"{value!r} has no letter or digit; give the plan a title, e.g. \"Spring 10K\"")
    return value.strip()


def _race_distance(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--race``: checked as the plan's frontmatter will check it, so the new plan reads."""
    if value is None:
        return None
    from .source.frontmatter import parse_race_distance

    try:
        number = float(value)  # a bare number: "needs a unit", in quotes (the shell split '--race 10 km' in two)
        problem = parse_race_distance(int(number) if number.is_integer() else number)
        if isinstance(problem, str):
            problem += f", in quotes: --race '{value} km'"
    except ValueError:
        problem = parse_race_distance(value)
    if isinstance(problem, str):
        raise click.BadParameter(problem)
    return value.strip()


@main.command(name="new")
@click.argument("name", callback=_plan_title)
@click.option("--weeks", type=click.IntRange(1, 104), default=10,  # generator.scaffold.FIRST_PLAN_WEEKS
              show_default=True, help="Number of weeks to scaffold.")
@click.option("--units", type=click.Choice(["mi", "km"]), default=None, help="Distance units (default: the site's).")
@click.option("--race", "race", default=None, callback=_race_distance, help="Goal race distance: 5k, 10k, half, marathon, e.g. '50 km', or the time of a timed race, e.g. '6 h'.")
@click.option("--language", default=None, callback=_plan_language,
              help="The plan's language: en, de, fr, es or nl (default: the site's).")
@project_option
def new_command(name: str, weeks: int, units: str | None, race: str | None, language: str | None,
                project: Path | None) -> None:
    """Start a new plan in plans/ with commented examples of every feature."""
    from .commands import new
    new.new(name, weeks, units, race, project, language)


@main.command(name="docs")
@click.argument("topic", required=False)
def docs_command(topic: str | None) -> None:
    """Read a guide offline: the plan format, the settings, the JSON export. Without TOPIC, list them."""
    from .commands import docs
    docs.docs(topic)


@main.command(name="build")
@project_option
@click.option("--jobs", "-j", type=click.IntRange(0, 64), default=None, help="Worker processes (default, or 0: the number of cores).")
@click.option("--no-pdf", is_flag=True, help="Skip PDFs (faster previews).")
@click.option("--quiet", "-q", is_flag=True, help="Print only errors and the summary line.")
@click.option("--stats", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write counts and timings of the build as JSON, for benchmarks.")
@click.option("--force", is_flag=True,
              help="Render every plan and PDF again, ignoring the build cache (say, after editing files in site/ by hand).")
@click.option("--drafts", is_flag=True, help="Build the plans marked 'draft: true' too (left out by default).")
def build_command(project: Path | None, jobs: int | None, no_pdf: bool, quiet: bool, stats: Path | None, force: bool,
                  drafts: bool) -> None:
    """Build every plan in plans/ into site/.

    The new site is assembled beside the old one and swapped in only when the
    whole build succeeded: a failed build leaves the previous site/ untouched.
    """
    from .commands import build
    build.build(project, jobs, no_pdf, quiet, stats, force, drafts)


@main.command(name="expand")
@plan_argument
@date_options
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: a table to read; json: the machine interface (see: deload docs expanded-json).")
@plan_project_option
def expand_command(plan: Path, race_date: datetime | None, start: datetime | None, output: str, project: Path | None) -> None:
    """Show PLAN as the reader will follow it: deload weeks, taper, dates, volumes and warnings."""
    from .commands import expand
    expand.expand(plan, race_date, start, output, project)


@main.command(name="pdf")
@plan_argument
@date_options
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True, help="Paper size.")
@click.option("--units", type=click.Choice(["km", "mi"]), default=None, help="Units to print (default: the plan's).")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: <slug>-<date>-<paper>.pdf in the current folder).")
@race_time_option
@click.option("--fridge", is_flag=True, help="The one-page sheet: every week on one landscape page, a box to tick per session.")
@plan_project_option
def pdf_command(plan: Path, race_date: datetime | None, start: datetime | None, paper: str, units: str | None, output: Path | None,
        performance: Performance | None, fridge: bool, project: Path | None) -> None:
    """Print PLAN as a personal PDF with every session dated (or undated, to fill in by hand);
    with --race-time, your pace on every session."""
    from .commands import pdf
    pdf.pdf(plan, race_date, start, paper, units, output, performance, fridge, project)


@main.command(name="serve")
@project_option
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 for your network).")
@click.option("--pdf", is_flag=True, help="Also render PDFs on every rebuild (slower).")
def serve_command(project: Path | None, port: int, host: str, pdf: bool) -> None:
    """Preview the site at http://localhost:8000 and rebuild on every change.

    Saving a plan, a template or deload.toml rebuilds the preview and reloads
    the browser. A mistake is shown in the terminal and over the page, while
    the last good build stays up. The preview never touches site/. To keep
    rebuilds quick it writes only what pages show: a plan's PDFs, feeds, JSON
    and watch files are rendered when the browser first asks for one.
    """
    from .commands import serve
    serve.serve(project, port, host, pdf)


@main.command(name="ical")
@plan_argument
@date_options
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: <slug>-<date>.ics in the current folder; '-' for standard output).")
@race_time_option
@plan_project_option
def ical_command(plan: Path, race_date: datetime | None, start: datetime | None, output: Path | None,
         performance: Performance | None, project: Path | None) -> None:
    """Write a personal calendar file of PLAN for your race day or start day.

    Import it into Google, Apple or Outlook calendar. (To follow a published
    plan that may change, subscribe to its feed on the plan's page instead.)
    """
    from .commands import ical
    ical.ical(plan, race_date, start, output, performance, project)


@main.command(name="paces")
@click.argument("plan", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@race_time_option
@click.option("--units", type=click.Choice(["km", "mi"]), default=None, help="Pace per km or per mile (default: the plan's, or km).")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: a table to read; json: the reference, the VDOT and each effort's seconds per km [fast, slow].")
@project_option
def paces_command(plan: Path | None, performance: Performance | None, units: str | None, output: str, project: Path | None) -> None:
    """Paces for every effort (Daniels' VDOT) from a race result or goal time; with PLAN,
    the coach's own pace table wins over the model and its reference is the default."""
    from .commands import paces
    paces.paces(plan, performance, units, output, project)


@main.command(name="fit")
@plan_argument
@race_time_option
@click.option("-o", "--output", "output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder to write into (default: <slug>-fit/ in the current folder).")
@plan_project_option
def fit_command(plan: Path, performance: Performance | None, output: Path | None, project: Path | None) -> None:
    """Write PLAN's sessions as FIT workouts (Garmin, COROS, Wahoo), with a zip per week and one
    for the plan, laid out for a watch's GARMIN/NewFiles folder. With --race-time every step
    gets your pace range; otherwise the coach's example paces, or the effort by name."""
    from .commands import fit
    fit.fit(plan, performance, output, project)


if __name__ == "__main__":  # pragma: no cover
    main()
