"""Which calendar feeds a plan gets, and the build date they are counted from.

A plan with a fixed race or start date gets one feed. A plan without one gets a
feed per possible race day (the allowed weekdays, from the build date up to the
plan's length plus ``window_weeks`` ahead), or, without a race, per possible
start day; so the plan page can link each reader to the feed for their date.

The window only moves forward, so a reader who subscribed to the feed of their race
day keeps it until that day; a reader who starts the plan within ``window_weeks`` of
today finds a feed, and the site is rebuilt daily (README) to move the window. The
default, one week, keeps a 16-week plan at about 34 feeds (it was 56 with 12 weeks); any
other day gets a personal file built in the browser from ``calendar.json``.
The build date comes from ``SOURCE_DATE_EPOCH`` when set, for reproducible builds.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from .settings import Settings

if TYPE_CHECKING:
    from .expanded import ExpandedPlan

FIXED_FEED = "calendar.ics"


def build_time() -> datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` when set: the clock of a reproducible build (UTC, whole seconds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True)
class Feed:
    name: str  # file name inside plans/<slug>/
    anchor: Literal["race", "start"] | None
    date: date | None  # the race day or start day the feed is for; None for an undated plan's fixed feed


def plan_feeds(expanded: ExpandedPlan, settings: Settings, today: date) -> list[Feed]:
    """Every feed published for a plan, in date order."""
    if expanded.start is not None:
        return [Feed(FIXED_FEED, expanded.anchor, expanded.race_date if expanded.anchor == "race" else expanded.start)]
    length = len(expanded.weeks) * 7
    window = settings.window_weeks * 7
    if expanded.race_session is not None:
        days = (today + timedelta(days=n) for n in range(length + window + 1))
        return [Feed(f"race-{d.isoformat()}.ics", "race", d) for d in days if d.weekday() in settings.race_weekdays]
    weekday = expanded.plan.week_starts
    days = (today + timedelta(days=n) for n in range(-length, window + 1))
    return [Feed(f"start-{d.isoformat()}.ics", "start", d) for d in days if d.weekday() == weekday]
