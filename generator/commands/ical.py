"""``deload ical``: a personal calendar file of one plan for a race day or start day."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import dates, expand_one, report

if TYPE_CHECKING:
    from ..model import Performance


def ical(plan: Path, race_date: datetime | None, start: datetime | None, output: Path | None,
         performance: Performance | None, project: Path | None) -> None:
    """Write ``plan``'s dated sessions as an .ics file (to standard output when ``output`` is '-')."""
    from ..feeds import Feed, build_time
    from ..render.ical import feed_bytes, plan_events, timezones_text

    dates(race_date, start)  # refuse both before reading anything
    settings, source, warnings, expanded = expand_one(plan, project, race_date, start)
    if expanded.start is None:
        raise click.UsageError("give --race-date or --start: a personal calendar needs dates")
    plan_url = settings.base_url + f"plans/{source.slug}/"
    table = None
    if performance is not None:
        from ..paces import plan_pace_table

        table = plan_pace_table(source, performance)
    from ..render.paceview import example_table

    events = plan_events(expanded, settings, {}, build_time(), plan_url, settings.week_summaries, table=table,
                         example=example_table(expanded))
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
