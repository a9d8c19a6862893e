"""Every calendar file of one plan: its feeds (one, or one per race or start day), and the
``calendar.json`` the page's script builds a reader's own file from.

Each event is serialised once and placed in every feed that has it. A plan whose weeks
depend on the date (vacations given by date) is expanded again for each feed's day.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any

from ..expanded import ExpandedPlan
from ..feeds import Feed
from ..periodize import dates_change_layout, expand, first_day
from ..settings import Settings
from .ical import EventText, feed_bytes, header_template, plan_events, timezones_text, uid_domain
from .icaljson import calendar_json
from .paceview import example_table


def feed_files(expanded: ExpandedPlan, settings: Settings, feeds: list[Feed], plan_url: str,
               revisions: Mapping[str, Any], legacy: bool, now: datetime,
               events_out: list[EventText]) -> Iterator[tuple[str, bytes]]:
    """(file name in the plan's folder, bytes) of each calendar file. ``revisions``: the state
    file's, by event key; every event rendered, with its new revision, is added to ``events_out``
    for the build to record."""
    plan = expanded.plan
    example = example_table(expanded)  # the plan's reference time's paces, as its page shows them
    events = plan_events(expanded, settings, revisions, now, plan_url, settings.week_summaries, legacy=legacy,
                         example=example)
    events_out += events
    zones = timezones_text(expanded, events)
    header = header_template(expanded, settings, plan_url)
    by_date = expanded.start is None and dates_change_layout(plan)
    if expanded.start is None and not by_date:  # the reader's own file, for any day
        anchor = next((f.anchor for f in feeds if f.date is not None and f.anchor), "start")
        yield "calendar.json", calendar_json(expanded, events, header, zones, uid_domain(settings), anchor)
    for feed in feeds:
        feed_plan, feed_events = expanded, events
        if feed.date is not None and by_date:
            feed_plan = expand(plan, race_date=feed.date) if feed.anchor == "race" else expand(plan, start=feed.date)
            feed_events = plan_events(feed_plan, settings, revisions, now, plan_url, settings.week_summaries,
                                      variant=feed.date.isoformat(), legacy=legacy, example=example)
            events_out += feed_events
        first = _first_day(expanded, feed_plan, feed)
        yield feed.name, feed_bytes(feed_plan, feed_events, settings, feed, first, plan_url, zones, header)


def _first_day(expanded: ExpandedPlan, feed_plan: ExpandedPlan, feed: Feed) -> date:
    if expanded.start is not None:
        return expanded.start
    assert feed.date is not None
    return first_day(feed_plan, race_date=feed.date) if feed.anchor == "race" else feed.date
