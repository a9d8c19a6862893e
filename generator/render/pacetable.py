"""A pace table in words and as JSON: the same figures for the command line, the page and the PDF."""

from __future__ import annotations

import math
from typing import Any

from ..i18n import gettext, number
from ..paces import EFFORT_NAMES, EFFORT_ORDER, PaceRange, PaceTable
from ..units import format_clock, from_km

DASH = "–"


def pace_text(seconds_per_km: float, units: str) -> str:
    """``4:58`` per km or per mile, rounded to the second."""
    seconds = seconds_per_km / from_km(1, units)
    return format_clock(math.floor(seconds + 0.5))  # half up, as the page's script rounds


def range_text(pace: PaceRange, units: str) -> str:
    """``5:07–5:39/km``; one figure when both ends round alike."""
    fast, slow = pace_text(pace[0], units), pace_text(pace[1], units)
    return f"{fast}/{units}" if fast == slow else f"{fast}{DASH}{slow}/{units}"


def rep_time_text(pace: PaceRange, km: float) -> str:
    """How long a repeat of ``km`` takes at ``pace``: ``49–50 s`` for a short one, ``3:38–3:42``
    for a longer one (Daniels' tables give reps as times; a watch shows the time, not the pace)."""
    fast, slow = (math.floor(seconds * km + 0.5) for seconds in pace)
    if slow < 100:
        return f"{fast} s" if fast == slow else f"{fast}{DASH}{slow} s"
    low, high = format_clock(fast), format_clock(slow)
    return low if low == high else f"{low}{DASH}{high}"


def speed_text(pace: PaceRange, units: str) -> str:
    """The treadmill speed of a pace range: ``10.6–11.7 km/h`` or ``6.6–7.3 mph``."""
    label = "km/h" if units == "km" else "mph"
    slow, fast = (math.floor(36000 / seconds * from_km(1, units) + 0.5) / 10 for seconds in (pace[1], pace[0]))
    return number(f"{fast:.1f} {label}" if slow == fast else f"{slow:.1f}{DASH}{fast:.1f} {label}")


def table_rows(table: PaceTable, units: str) -> list[tuple[str, str, str]]:
    """(effort, pace, treadmill speed) in the order of :data:`EFFORT_ORDER`."""
    return [(EFFORT_NAMES[name], range_text(table.efforts[name], units), speed_text(table.efforts[name], units))
            for name in EFFORT_ORDER]


def table_text(table: PaceTable, units: str) -> str:
    rows = table_rows(table, units)
    width = max(len(r[0]) for r in rows)
    pace_width = max(len(r[1]) for r in rows)
    head = gettext("Paces for %(reference)s (VDOT %(vdot)s)") % {"reference": table.performance.label, "vdot": f"{table.vdot:.1f}"} + "\n\n"
    return head + "".join(f"  {e:<{width}}  {p:<{pace_width}}  {s}\n" for e, p, s in rows)


def table_json(table: PaceTable) -> dict[str, Any]:
    """The reference, the VDOT and each effort's ``seconds_per_km`` as [fast, slow]."""
    return {
        "reference": {"label": table.performance.label, "km": table.performance.km,
                      "seconds": table.performance.seconds},
        "vdot": round(table.vdot, 2),
        "efforts": {name: {"name": EFFORT_NAMES[name],
                           "seconds_per_km": [round(table.efforts[name][0], 1), round(table.efforts[name][1], 1)]}
                    for name in sorted(table.efforts, key=_order)},
    }


def _order(name: str) -> tuple[int, str]:
    return (EFFORT_ORDER.index(name) if name in EFFORT_ORDER else len(EFFORT_ORDER), name)
