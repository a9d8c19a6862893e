"""What every command shares: reporting problems, finding the project's settings, and reading
(and expanding) the one plan a per-plan command is given. ``generator.cli`` and the commands
in this package import these; none of them imports ``generator.cli``."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from ..config import CONFIG_NAME, Settings, load_settings
from ..errors import DeloadError, Diagnostic, in_order

if TYPE_CHECKING:
    from ..expanded import ExpandedPlan
    from ..model import Plan


def report(diagnostics: Iterable[Diagnostic]) -> tuple[int, int]:
    """Print diagnostics (errors red, warnings yellow, notes cyan on a terminal); return the counts
    of errors and warnings."""
    errors = warnings = 0
    for item in in_order(diagnostics):
        head = f"{_from_here(item.file)}:{item.line}:{item.col}:"
        if item.is_error:
            errors += 1
            label = click.style("error:", fg="red", bold=True)
        elif item.is_warning:
            warnings += 1
            label = click.style("warning:", fg="yellow", bold=True)
        else:
            label = click.style("note:", fg="cyan", bold=True)
        click.echo(f"{click.style(head, bold=True)} {label} {item.message}", err=True)
    return errors, warnings


_PROJECT: list[Path] = []  # the project this command found: its files are named from there


def _from_here(file: str) -> str:
    """A file the project names from its folder (``plans/10k.md``), named from the folder the coach
    stands in when that is inside the project (``10k.md`` in ``plans/``), as git names paths: an
    editor or a terminal opens it from there."""
    if not _PROJECT or os.path.isabs(file):
        return file
    root, here = _PROJECT[0], Path.cwd().resolve()
    if here == root or root not in here.parents or not (root / file).exists():
        return file
    return os.path.relpath(root / file, here)


def fail(exc: DeloadError) -> NoReturn:
    errors, _ = report(exc.diagnostics)
    click.echo(click.style(f"✗ {errors} error{'s' if errors != 1 else ''}", fg="red"), err=True)
    sys.exit(1)


def settings_for(project: Path | None) -> Settings:
    """The settings of the project at or above ``project`` (default: the current folder); outside
    any project, "not a Deload project"."""
    from ..project import find_root

    start = project or Path(".")
    root = find_root(start)
    if root is None:
        fail(DeloadError([Diagnostic(str(start.resolve()), 1, 1, f"not a Deload project: no {CONFIG_NAME} or "
                                     "plans/ folder here or in any folder above; start one with 'deload init'")]))
    return _load(root)


def settings_for_plans(plans: Sequence[Path], project: Path | None) -> Settings:
    """The settings of a command given plan files: ``--project``'s, else those of the project
    holding the (first) plan, else of the one holding the current folder (a plan from elsewhere,
    read in one's own project), as linters find their configuration. A plan in no project is
    read with Deload's defaults and templates, and nothing is written beside it."""
    from ..project import find_root

    if project is not None:
        return settings_for(project)
    holding = plans[0] if plans[0].is_dir() else plans[0].parent
    for start in (holding, Path(".")):
        root = find_root(start)
        if root is not None:
            return _load(root)
    _PROJECT.clear()
    return Settings(root=holding.resolve(), standalone=True)


def _load(root: Path) -> Settings:
    _PROJECT[:] = [root.resolve()]
    try:
        return load_settings(root)
    except DeloadError as exc:
        fail(exc)
        raise  # unreachable: fail exits


def read_one(path: Path, settings: Settings) -> tuple[Plan, list[Diagnostic]]:
    """Read a single plan for the per-plan commands, exiting with its errors."""
    from ..source import read_plan

    try:
        plan, warnings = read_plan(path, settings)
    except DeloadError as exc:
        fail(exc)
    return plan, warnings


def dates(race_date: datetime | None, start: datetime | None) -> tuple[date | None, date | None]:
    if race_date is not None and start is not None:
        raise click.UsageError("give either --race-date or --start, not both")
    return (race_date.date() if race_date else None, start.date() if start else None)


def expand_one(plan: Path, project: Path | None, race_date: datetime | None,
               start: datetime | None) -> tuple[Settings, Plan, list[Diagnostic], ExpandedPlan]:
    """What the per-plan commands share: settings, the plan and its expansion (exits on errors).
    What the command writes from here on (a PDF, a calendar, watch files) is in the plan's language."""
    from ..i18n import plan_language, speak
    from ..periodize import expand as expand_plan

    settings = settings_for_plans([plan], project)
    source, warnings = read_one(plan, settings)
    race, first = dates(race_date, start)
    try:
        expanded = expand_plan(source, race_date=race, start=first)
    except DeloadError as exc:
        fail(exc)
    if (race or first) and expanded.start is not None:
        _say_past(expanded.start, len(expanded.weeks), "--race-date" if race else "--start", race or first)
    # A command renders one plan: its language until the command ends (never past it: a test
    # runner or a script may run several commands in one process).
    restore = speak(plan_language(source, settings))
    command = click.get_current_context(silent=True)
    if command is not None:
        command.call_on_close(restore)
    return settings, source, warnings, expanded


def _say_past(first: date, weeks: int, option: str, given: date | None) -> None:
    """A date on the command line that puts the plan's first day in the past (a mistyped year, say)."""
    from ..feeds import build_time
    from ..periodize.startdate import started_ago

    text = started_ago(first, weeks, build_time().date())
    if text is not None:
        click.echo(f"{click.style('warning:', fg='yellow', bold=True)} {option} {given}: {text}", err=True)
