"""How the load checks name what they found: amounts in the plan's units or minutes, shares,
weeks as the reader numbers them and as the author wrote them."""

from __future__ import annotations

from ..errors import Diagnostic, Severity
from ..expanded import Basis, PlannedWeek
from ..model import Source
from ..units import format_number, from_km


def describe_amount(value: float, basis: Basis | str, units: str) -> str:
    if basis == "minutes":  # "5 h 20 min", as the week lines say it
        hours, minutes = divmod(round(value), 60)
        return f"{minutes} min" if not hours else f"{hours} h" if not minutes else f"{hours} h {minutes:02d} min"
    return f"{format_number(from_km(value, units), 1)} {units}"


def warn(source: Source, code: str, message: str) -> Diagnostic:
    return Diagnostic(source.file, source.line, source.col, message, Severity.WARNING, code)


def percent(value: float, limit: float) -> str:
    """``45%``, or ``45.5%`` when whole percents would hide that it is over the limit."""
    text = f"{value:.0%}"
    return f"{value:.1%}" if text == f"{limit:.0%}" else text


def week_name(week: PlannedWeek) -> str:
    """The week as the reader has it, and as the author wrote it when the two differ."""
    if week.inserted and week.kind == "vacation":  # added before the week it was given for, or after one (by date)
        return f"week {week.number} (a vacation week added)"
    if week.inserted:
        return f"week {week.number} (added after your week {week.origin})"
    if week.origin is not None and week.origin != week.number:
        return f"week {week.number} (your week {week.origin})"
    return f"week {week.number}"


def short_name(week: PlannedWeek) -> str:
    return week_name(week).removeprefix("week ")
