"""A strict lint for iCalendar output, beyond what parsers accept (see output-formats.md)."""

from __future__ import annotations

import re
from datetime import date, datetime

from icalendar import Calendar


def lint(data: bytes) -> list[str]:
    """Problems in one .ics file; an empty list means it passed."""
    problems: list[str] = []
    if b"\r\n" not in data or re.search(rb"(?<!\r)\n", data) or re.search(rb"\r(?!\n)", data):
        problems.append("lines must end with CRLF only")
    for number, line in enumerate(data.split(b"\r\n"), start=1):
        if len(line) > 75:
            problems.append(f"line {number} is {len(line)} octets (max 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number} splits a UTF-8 character")
    text = data.decode("utf-8")
    unfolded = re.sub(r"\r\n[ \t]", "", text).replace("\r\n", "\n")
    for prop in ("PRODID", "VERSION:2.0"):
        if not re.search(rf"^{prop}", unfolded, re.M):
            problems.append(f"{prop} missing")
    if re.search(r"^METHOD", unfolded, re.M):
        problems.append("METHOD must not be set on a subscription feed")
    if not re.search(r"^REFRESH-INTERVAL;VALUE=DURATION:PT\d+H$", unfolded, re.M):
        problems.append("REFRESH-INTERVAL;VALUE=DURATION missing")
    if not re.search(r"^X-PUBLISHED-TTL:PT\d+H$", unfolded, re.M):
        problems.append("X-PUBLISHED-TTL missing or not a duration")
    calendar = Calendar.from_ical(text)
    uids: set[str] = set()
    for component in calendar.walk():
        if component.errors:
            problems.append(f"{component.name}: {component.errors}")
        if component.name != "VEVENT":
            continue
        uid = str(component.get("UID", ""))
        if not uid or uid in uids:
            problems.append(f"UID missing or repeated: {uid!r}")
        uids.add(uid)
        stamp = component.get("DTSTAMP")
        if stamp is None or not isinstance(stamp.dt, datetime) or stamp.dt.utcoffset() is None or stamp.dt.utcoffset().total_seconds() != 0:
            problems.append(f"{uid}: DTSTAMP must be UTC")
        start, end = component.get("DTSTART"), component.get("DTEND")
        if start is None or end is None:
            problems.append(f"{uid}: DTSTART and DTEND are required")
            continue
        if type(start.dt) is not type(end.dt):
            problems.append(f"{uid}: DTSTART and DTEND differ in type")
        elif not end.dt > start.dt:
            problems.append(f"{uid}: DTEND must be after DTSTART")
        if isinstance(start.dt, datetime) and start.dt.tzinfo is None:
            problems.append(f"{uid}: floating time")
        if isinstance(start.dt, date) and not isinstance(start.dt, datetime) and "VALUE=DATE" not in start.to_ical().decode() and \
                ";VALUE=DATE" not in unfolded:
            problems.append(f"{uid}: all-day events need VALUE=DATE")
        for alarm in component.walk("VALARM"):
            if "ACTION" not in alarm or "TRIGGER" not in alarm or ("DESCRIPTION" not in alarm and str(alarm["ACTION"]) == "DISPLAY"):
                problems.append(f"{uid}: VALARM needs ACTION, TRIGGER and DESCRIPTION")
    return problems
