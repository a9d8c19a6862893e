"""``deload paces``: a runner's paces for every effort, from one race result or goal time."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..model import Performance


def paces(plan: Path | None, performance: Performance | None, units: str | None, output: str, project: Path | None) -> None:
    """Print the paces of ``performance`` (with ``plan``: its pace table, its reference the default)."""
    from ..paces import pace_table, plan_pace_table
    from ..render.pacetable import table_json, table_text

    if plan is not None:
        from .common import read_one, settings_for_plans

        source, _ = read_one(plan, settings_for_plans([plan], project))
        performance = performance or source.pace_reference
        if performance is None:
            raise click.UsageError("give --race-time (the plan sets no 'paces: reference:')")
        table = plan_pace_table(source, performance)
        units = units or source.units
    else:
        if performance is None:
            raise click.UsageError("give --race-time, e.g. --race-time 10k=50:00")
        table = pace_table(performance)
    if output == "json":
        click.echo(json.dumps(table_json(table), indent=2))
    else:
        click.echo(table_text(table, units or "km"), nl=False)
