"""The calendar as the page's script needs it to build a reader's own ``.ics`` in the
browser, for any race or start day: the same serialised events as the feeds (so a file
for a day that has a feed is byte for byte that feed), with what the script must add:
dates, UIDs, and the reader's paces in each session's description (in the plan's units,
as the events are written, and in the reader's beside them when those differ)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..expanded import ExpandedPlan
from .ical import _NAMESPACE_BYTES, EventText, Header

FORMAT = 1


def calendar_json(expanded: ExpandedPlan, events: Sequence[EventText], header: Header, zones: str,
                  domain: str, anchor: str) -> bytes:
    """``calendar.json``: the header's parts, the events, and the names the UIDs are made from."""
    plan = expanded.plan
    data = {
        "format": FORMAT, "title": plan.title, "slug": plan.slug, "edition": plan.edition, "domain": domain,
        "namespace": _NAMESPACE_BYTES.hex(), "anchor": anchor, "before": header.before, "refresh": header.refresh,
        "after": header.after, "zones": zones, "units": plan.units,
        "events": [[e.offset, e.days, e.slot, e.head, e.tail, e.clock, e.zone, e.minutes, e.description,
                    [list(p) for p in e.paces], *([e.base] if e.base else [])] for e in events],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

