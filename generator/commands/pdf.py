"""``deload pdf``: a personal PDF of one plan, every session dated (or undated)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import DeloadError
from .common import expand_one, fail, report

if TYPE_CHECKING:
    from ..model import Performance


def pdf(plan: Path, race_date: datetime | None, start: datetime | None, paper: str, units: str | None, output: Path | None,
        performance: Performance | None, fridge: bool, project: Path | None) -> None:
    """Print ``plan`` on ``paper`` (the one-page sheet with ``fridge``) to ``output`` or a file named after it."""
    from ..paces import plan_pace_table
    from ..render.pdf import FRIDGE, fridge_html, print_html, render_pdf, stylesheet_text

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
    click.echo(f"Wrote {target}: {result.pages} page{'s' if result.pages != 1 else ''}, {paper_name(paper)}.", err=True)
    report([*warnings, *expanded.warnings])


def paper_name(paper: str) -> str:
    return {"a4": "A4", "letter": "US Letter"}[paper]
