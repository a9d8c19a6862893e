"""``deload expand``: a plan as the reader will follow it, as a table or as JSON."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from .common import expand_one, report


def expand(plan: Path, race_date: datetime | None, start: datetime | None, output: str, project: Path | None) -> None:
    """Print ``plan`` expanded (``output``: "text" or "json"), then its warnings."""
    from ..render.json_export import to_json
    from ..render.text import render_text

    _, _, warnings, expanded = expand_one(plan, project, race_date, start)
    if output == "json":
        click.echo(to_json(expanded), nl=False)
    else:
        click.echo(render_text(expanded, style=click.style), nl=False)
    report(warnings)
