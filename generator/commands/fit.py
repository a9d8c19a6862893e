"""``deload fit``: a plan's sessions as FIT workout files for a watch."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from ..errors import Diagnostic, Severity
from ..expanded import PlannedSession
from ..model import Performance


def fit(plan: Path, performance: Performance | None, output: Path | None, project: Path | None) -> None:
    """Write ``plan``'s workouts and zips into ``output`` (default: <slug>-fit/), paced by ``performance``
    if given, else by the coach's example paces, else by effort names."""
    from ..feeds import build_time
    from ..paces import plan_pace_table
    from ..render.fit import FitError
    from ..render.fitset import watch_files
    from ..render.paceview import example_table
    from .common import expand_one, report

    _, source, warnings, expanded = expand_one(plan, project, None, None)
    table = plan_pace_table(source, performance) if performance is not None else example_table(expanded)
    target = output or Path(f"{source.slug}-fit")
    created: datetime = build_time()
    skipped: list[tuple[PlannedSession, str]] = []
    try:
        files = list(watch_files(expanded, created, table, skipped))
    except FitError as exc:
        raise click.ClickException(f"{plan}: {exc}") from None
    target.mkdir(parents=True, exist_ok=True)
    for name, data in files:
        (target / name).write_bytes(data)
    workouts = sum(1 for name, _ in files if name.endswith(".fit"))
    paces = f" with the paces of {table.performance.label}" if table is not None else " (efforts by name: no paces)"
    click.echo(f"Wrote {workouts} workouts and {len(files) - workouts} zips to {target}/{paces}.", err=True)
    report([*warnings, *expanded.warnings, *(Diagnostic(source.path, p.session.source.line, p.session.source.col,
                                                        f"no watch file for this session: {why}", Severity.WARNING,
                                                        "no-watch-file") for p, why in skipped)])
