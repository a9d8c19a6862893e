"""``deload paces``: a runner's paces for every effort, from one race result or goal time."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..model import Performance


class PerformanceType(click.ParamType):
    """``10k=50:00``, ``5K in 24:30``, ``half=1:45:00``."""

    name = "RACE=TIME"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> Performance:
        from ..source.performance import PerformanceError, parse_performance

        if isinstance(value, Performance):
            return value
        try:
            return parse_performance(str(value))
        except PerformanceError as exc:
            self.fail(str(exc), param, ctx)


race_time_option = click.option(
    "--race-time", "performance", type=PerformanceType(), default=None,
    help="A recent race or goal time, e.g. 10k=50:00, 5k=24:30, half=1:45:00: the paces are yours.")


@click.command()
@click.argument("plan", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@race_time_option
@click.option("--units", type=click.Choice(["km", "mi"]), default=None, help="Pace per km or per mile (default: the plan's, or km).")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: a table to read; json: the reference, the VDOT and each effort's seconds per km [fast, slow].")
@click.option("--project", "-C", "project", type=click.Path(file_okay=False, path_type=Path), default=".",
              show_default=True, help="Project folder holding deload.toml, plans/ and templates/.")
def paces(plan: Path | None, performance: Performance | None, units: str | None, output: str, project: Path) -> None:
    """Paces for every effort (Daniels' VDOT) from a race result or goal time; with PLAN,
    the coach's own pace table wins over the model and its reference is the default."""
    from ..paces import pace_table, plan_pace_table
    from ..render.pacetable import table_json, table_text

    if plan is not None:
        from .common import read_one, settings_for

        source, _ = read_one(plan, settings_for(project, required=False))
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
