"""The embed's weeks at a glance: each week's heading, dates and volume, and each day's
session titles, every week linked to its place on the plan's page.

Written here rather than in a template: it is the embed's one loop over every session,
and a few short lines a week in Python cost a tenth of the template's time. ``embed.html``
places it (``{{ glance }}``); a coach's own template can still loop over ``weeks``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from markupsafe import Markup, escape

from ..i18n import gettext
from .views import WeekView

DayFormat = Callable[..., str]  # html's ``day`` filter: (date, style="long") -> "Tue 9 Mar 2027"


def glance_html(weeks: Sequence[WeekView], day: DayFormat) -> Markup:
    """The weeks as HTML; every text from the plan escaped (titles and volumes are markup already)."""
    out: list[str] = []
    for w in weeks:
        heading = escape(gettext("Week %(number)d") % {"number": w.number})  # not in the f-string: pybabel reads no call there
        badge = f' <span class="badge badge-{w.kind}">{escape(w.kind_label)}</span>' if w.kind != "load" else ""
        title = f' <span class="wk-title">{escape(w.title)}</span>' if w.title else ""
        dates = (f'{_time(w.start, day(w.start, "short"))} – {_time(w.end, day(w.end))} '
                 if w.start is not None and w.end is not None else "")
        days = "".join(
            f'<li><span class="day-label">{escape(day(d.date, "short") if d.date else d.label)}</span> '
            + "; ".join(f'<span class="optional">{s.title}</span>' if s.optional else str(s.title) for s in d.sessions)
            + "</li>"
            for d in w.days if d.sessions)
        out.append(f'<section class="week week-{w.kind}" aria-labelledby="{w.anchor}-h">\n'
                   f'<h3 id="{w.anchor}-h"><a href="index.html#{w.anchor}">{heading}</a>{badge}{title}</h3>\n'
                   f'<p class="wk-meta">{dates}<span class="wk-volume">{w.volume}</span></p>\n'
                   f'<ul class="glance">{days}</ul>\n</section>\n')
    return Markup("".join(out))


def _time(value: date, text: str) -> str:
    return f'<time datetime="{value.isoformat()}">{escape(text)}</time>'
