"""iCalendar feeds that update in place: stable UIDs, revisions tracked in the state file.

Each event's UID comes from its identity (plan slug, edition, date, slot on that
day), never from its content, position in the file or chance, so a calendar
that subscribed keeps one event per session and shows the coach's fixes. The
event's SEQUENCE, LAST-MODIFIED and DTSTAMP change only when its content
changes, which the state file (``plans/deload-state.json``) remembers between
builds: unchanged sources give byte-identical feeds. The build hands in the revisions it
read and records the ones each event comes back with; nothing here writes the state.

Lines are escaped and folded exactly as the ``icalendar`` package does it (tests
compare the two); time zones come from ``icalendar``. A plan without a date
publishes one feed per possible race day; their
events differ only in dates and UIDs, so each event is built once per plan and
its date lines are filled in per feed.
"""

from __future__ import annotations

import hashlib
import math
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlsplit

from .. import __version__
from ..dates import stamp
from ..digest import canonical, event_hash
from ..expanded import ExpandedPlan, PlannedSession
from ..feeds import Feed
from ..i18n import day_text, gettext
from ..model import Duration, SessionKind
from ..paces import PaceTable
from ..settings import Settings
from .icaltext import CATEGORIES, pace_line, says_kind, session_description, session_summary, week_description, with_paces
from .paceview import session_paces
from .views import shown_kind, week_label

NAMESPACE = uuid.UUID("6f1d2c1e-7a4b-5d0e-9c3f-0de10ad0cafe")
_NAMESPACE_BYTES = NAMESPACE.bytes
PRODID = f"-//Deload//deload {__version__}//EN"
_PLACEHOLDER = date(2000, 1, 3)  # a date to compute event times and time zones with


@dataclass(slots=True)
class EventText:
    """One event, serialised once per plan; a feed adds its dates and UID."""

    key: str  # its identity and key in the state file, e.g. "slug/edition/w3/d2/s0" or "slug/edition/w3/week"
    offset: int  # days from the plan's first day
    days: int  # length of an all-day event
    slot: str
    head: str  # BEGIN:VEVENT and SUMMARY, folded, CRLF-terminated
    tail: str  # everything after DTSTART/DTEND/UID
    clock: str = ""  # "T063000" for timed events
    zone: str = ""
    minutes: int = 0
    description: str = ""  # as written into DESCRIPTION, before escaping (sessions only)
    base: str = ""  # when it differs, the description a reader's own paces go into (without the plan's own)
    paces: tuple[tuple[str, str], ...] = ()  # (target as written, pace spec) for the reader's paces
    revision: dict[str, Any] = field(default_factory=dict)  # its entry in the state file: hash, sequence, modified


_PLAIN = re.compile(r"[^\\;,\r\n]*")


def escape_text(value: str) -> str:
    """RFC 5545 TEXT escaping, exactly as icalendar's ``vText`` does it (tests compare the two),
    without building a property object for every value."""
    if _PLAIN.fullmatch(value):  # most text has nothing to escape: one scan instead of seven
        return value
    if "\\" not in value and "\r" not in value:  # the usual case: line breaks and commas only
        return value.replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    return (value.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """Fold a content line exactly as icalendar does: pieces of at most 74 octets after the
    first, never inside a UTF-8 character, never between a backslash (or caret) and the
    character it escapes. Works on the encoded bytes, which is many times faster than
    icalendar's per-character loop; tests check that both give the same result."""
    data = line.encode("utf-8")
    size = len(data)
    if size < 75:
        return line
    chunks = []
    start = 0
    while start < size:
        cut = start + 74
        if cut >= size:
            chunks.append(data[start:])
            break
        while data[cut] & 0xC0 == 0x80:  # back to the start of a character
            cut -= 1
        if data[cut - 1] in (0x5C, 0x5E) and cut - 1 > start:  # keep "\\n", "\\," and "^n" together
            cut -= 1
        chunks.append(data[start:cut])
        start = cut
    return b"\r\n ".join(chunks).decode("utf-8")


def _line(name: str, value: str, escaped: bool = False) -> str:
    """A content line with a TEXT value, escaped and folded."""
    return fold(f"{name}:{value if escaped else escape_text(value)}") + "\r\n"


def uid_domain(settings: Settings) -> str:
    return urlsplit(settings.base_url).hostname or "deload.invalid"


def event_uid(slug: str, edition: str, day: date, slot: str, domain: str) -> str:
    """A name-based (version 5) UUID of the event's identity: the same slot on the same day
    always has the same UID."""
    return _uid(f"{slug}/{edition}/{day.isoformat()}/{slot}", domain)


def _uid(name: str, domain: str) -> str:
    # uuid.uuid5 spelled out on the hex digest: the version nibble is 5, the variant bits 10.
    h = hashlib.sha1(_NAMESPACE_BYTES + name.encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}@{domain}"


_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def _timed(expanded: ExpandedPlan, planned: PlannedSession, after: int = 0) -> tuple[datetime, datetime] | None:
    """A timed event's start and end: at the plan's time, or ``after`` minutes later for a session
    that follows others of its day (a run, then the gym: one after the other, never on top)."""
    calendar = expanded.plan.calendar
    if calendar is None:
        return None
    from zoneinfo import ZoneInfo  # only timed plans need it: keep it off the import path

    zone = ZoneInfo(calendar.zone)
    hour, minute = map(int, calendar.time.split(":"))
    start = datetime.combine(_PLACEHOLDER, time(hour, minute), tzinfo=zone) + timedelta(minutes=after)
    minutes = max(15, int(((planned.minutes or 30) + 4) // 5 * 5))
    return start, start + timedelta(minutes=minutes)


def plan_events(expanded: ExpandedPlan, settings: Settings, previous: Mapping[str, Any], now: datetime, plan_url: str,
                week_summaries: bool = True, variant: str = "", table: PaceTable | None = None,
                legacy: bool = False, example: PaceTable | None = None) -> list[EventText]:
    """Every event of the plan, serialised once, each with its revision (:attr:`EventText.revision`)
    from ``previous``, the state file's revisions by event key (``legacy``: as format 2 hashed them).
    ``variant`` keeps apart the revisions of feeds whose weeks differ (vacations given by date);
    ``table``: a runner's paces, written into each session's description (a personal file);
    ``example``: the paces of the plan's reference time, written into the published event (the
    page shows them too) but not into the description a reader's own file starts from."""
    plan = expanded.plan
    units = plan.units
    prefix = f"{plan.slug}/{plan.edition}" + (f"/{variant}" if variant else "")
    revisions = _Revisions(previous, legacy, stamp(now))
    alarm = plan.calendar.alarm_minutes if plan.calendar else None
    timed = plan.calendar is not None
    footer = f"{plan.title}: {plan_url}"
    weeks = len(expanded.weeks)
    result: list[EventText] = []
    for week in expanded.weeks:
        index = week.number - 1
        kind_label = week_label(week)
        titled = f" · {week.title}" if week.title and not says_kind(week.title, kind_label) else ""
        if week_summaries:
            result.append(_event(revisions, f"{prefix}/w{week.number}/week", gettext("Week %(number)d") % {"number": week.number}
                                 + f" · {kind_label}{titled}",
                                 week_description(expanded, week, footer), [CATEGORIES["week"], CATEGORIES[shown_kind(week)]],
                                 index * 7, 7,
                                 "week", None))
        week_line = gettext("Week %(number)d of %(weeks)d") % {"number": week.number, "weeks": weeks} + f" · {kind_label}{titled}"
        busy: dict[int, int] = {}  # minutes of a day's sessions so far: the next one starts after them
        for planned in week.sessions:
            resting = planned.kind is SessionKind.REST
            if resting and planned.original is None:
                continue  # a rest day the author wrote; one the engine made of a session says what was written
            s = planned.session
            kinds = [s.kind.value, shown_kind(week), "optional"] if s.optional else [s.kind.value, shown_kind(week)]
            categories = [CATEGORIES.get(c, c) for c in kinds]
            slot = f"s{planned.slot}"
            description = session_description(planned, week, week_line, units, footer)
            paces = tuple((p.label, p.spec) for p in session_paces(s, planned.workout, expanded, None))
            if table is not None and paces:
                description = with_paces(description, pace_line(paces, table, units))
            shown = with_paces(description, pace_line(paces, example, units, yours=False)) if (
                table is None and example is not None and paces) else description
            when = _timed(expanded, planned, busy.get(planned.day, 0)) if timed and not resting else None
            if when is not None:
                busy[planned.day] = busy.get(planned.day, 0) + int((when[1] - when[0]).total_seconds() // 60)
            event = _event(revisions, f"{prefix}/w{week.number}/d{planned.day}/{slot}",
                           session_summary(expanded, week, planned), shown,
                           categories, index * 7 + planned.day - 1, _event_days(planned), slot, when, alarm)
            event.description, event.paces = shown, paces
            event.base = description if shown != description else ""
            result.append(event)
    return result


class _Revisions:
    """Each event's revision (SEQUENCE, and when it last changed): the previous one while the
    event is unchanged, the next one from ``now`` when it changed."""

    def __init__(self, previous: Mapping[str, Any], legacy: bool, now: str):
        self.previous = previous
        self.legacy = legacy
        self.now = now
        self.compact: dict[str, str] = {}  # "2026-12-09T00:00:00Z" -> "20261209T000000Z"

    def lookup(self, key: str, digest: str, legacy: str = "") -> tuple[dict[str, Any], int, str]:
        """The event's entry for the state file, its SEQUENCE and its LAST-MODIFIED."""
        entry = self.previous.get(key)
        if not isinstance(entry, dict) or "sequence" not in entry:
            entry = {"hash": digest, "sequence": 0, "modified": self.now}
        elif self.legacy and entry.get("hash") == legacy:  # unchanged, hashed the old way: the new hash, same revision
            entry = {**entry, "hash": digest}
        elif entry.get("hash") != digest:
            entry = {"hash": digest, "sequence": int(entry["sequence"]) + 1, "modified": self.now}
        modified = str(entry["modified"])
        compact = self.compact.get(modified)
        if compact is None:
            compact = self.compact[modified] = modified.replace("-", "").replace(":", "")
        return entry, int(entry["sequence"]), compact


def _event(revisions: _Revisions, key: str, summary: str, description: str, categories: list[str], offset: int,
           days: int, slot: str, timed: tuple[datetime, datetime] | None, alarm: int | None = None) -> EventText:
    fields = {"categories": categories, "description": description, "summary": summary, "alarm": alarm,
              "time": None if timed is None else [timed[0].time().isoformat(), (timed[1] - timed[0]).total_seconds()]}
    if days > 1 and slot != "week":  # a race through the night: its end is news to a subscriber (one day hashes as before)
        fields["days"] = days
    revision, sequence, modified = revisions.lookup(key, event_hash(canonical(fields)),
                                                    _legacy_hash(categories, description, summary, timed, alarm))
    tail = (f"DTSTAMP:{modified}\r\nSEQUENCE:{sequence}\r\n"
            # Deload's own words: nothing to escape or fold. Each once ("race" is the session's and its
            # week's kind); the revision's hash keeps the list as it was, so no event is bumped for it.
            f"CATEGORIES:{','.join(dict.fromkeys(categories))}\r\n"
            f"{_line('DESCRIPTION', description)}"
            f"LAST-MODIFIED:{modified}\r\nTRANSP:TRANSPARENT\r\n")
    if alarm is not None and timed:
        tail += (f"BEGIN:VALARM\r\nACTION:DISPLAY\r\n{_line('DESCRIPTION', summary)}"
                 f"TRIGGER:-PT{alarm}M\r\nEND:VALARM\r\n")
    tail += "END:VEVENT\r\n"
    head = "BEGIN:VEVENT\r\n" + _line("SUMMARY", summary)
    if timed:
        minutes = int((timed[1] - timed[0]).total_seconds() // 60)
        return EventText(key, offset, days, slot, head, tail, clock=timed[0].strftime("T%H%M%S"),
                         zone=str(timed[0].tzinfo), minutes=minutes, revision=revision)
    return EventText(key, offset, days, slot, head, tail, revision=revision)


RACE_START_MINUTES = 6 * 60  # an ultra starts early: a race of 18 hours or more ends the next day


def _event_days(planned: PlannedSession) -> int:
    """The days a session's all-day event spans: a race into the night and beyond spans each day it
    runs on ("Race 100 mi or 30 h" had been one Saturday), any other session its own day."""
    session = planned.session
    if session.kind is not SessionKind.RACE:
        return 1
    longest = max(planned.minutes or 0.0, session.alternative.minutes if isinstance(session.alternative, Duration) else 0.0,
                  session.total.minutes if isinstance(session.total, Duration) else 0.0)
    return max(1, math.ceil((RACE_START_MINUTES + longest) / (24 * 60)))


def _legacy_hash(categories: list[str], description: str, summary: str, timed: tuple[datetime, datetime] | None,
                 alarm: int | None) -> str:
    """An event's hash as state files of format 2 hold it (made from repr()): only to recognise an
    unchanged event once, when the first build after the upgrade rewrites the file in format 3."""
    text = (f"[('categories', {categories!r}), ('description', {description!r}), ('summary', {summary!r})]"
            f"{'None' if timed is None else repr((timed[0].time(), timed[1] - timed[0]))}{alarm!r}")
    return event_hash(text)


def _place(event: EventText, first: date, prefix: str, domain: str, days: dict[int, tuple[str, str]]) -> str:
    """The event with its dates and UID for a feed whose first day is ``first``; ``prefix`` is
    "slug/edition/" and ``days`` caches each day's two spellings (most days have several events)."""
    start = days.get(event.offset)
    if start is None:
        iso = (first + timedelta(days=event.offset)).isoformat()
        start = days[event.offset] = (iso, iso.replace("-", ""))
    uid = _uid(f"{prefix}{start[0]}/{event.slot}", domain)
    if event.zone:
        begin = datetime.strptime(f"{start[1]}{event.clock}", "%Y%m%dT%H%M%S")
        end = begin + timedelta(minutes=event.minutes)
        dates = (f"DTSTART;TZID={event.zone}:{begin:%Y%m%dT%H%M%S}\r\n"
                 f"DTEND;TZID={event.zone}:{end:%Y%m%dT%H%M%S}\r\n")
        return f"{event.head}{dates}UID:{uid}\r\n{event.tail}"
    end_offset = event.offset + event.days
    last = days.get(end_offset)
    if last is None:
        iso = (first + timedelta(days=end_offset)).isoformat()
        last = days[end_offset] = (iso, iso.replace("-", ""))
    return f"{event.head}DTSTART;VALUE=DATE:{start[1]}\r\nDTEND;VALUE=DATE:{last[1]}\r\nUID:{uid}\r\n{event.tail}"


def feed_name(expanded: ExpandedPlan, feed: Feed) -> str:
    title = expanded.plan.title
    if feed.date is None:
        return title
    message = gettext("%(title)s (race %(day)s)") if feed.anchor == "race" else gettext("%(title)s (from %(day)s)")
    return message % {"title": title, "day": day_text(feed.date)}


@dataclass(frozen=True, slots=True)
class Header:
    """The VCALENDAR header, once per plan, in two parts: a feed puts its name and UID between them.
    (Parts, not placeholders: a coach's text may contain any placeholder.)"""

    before: str  # up to the feed's NAME and X-WR-CALNAME
    refresh: str  # REFRESH-INTERVAL, before the feed's UID
    after: str  # after the feed's UID


def header_template(expanded: ExpandedPlan, settings: Settings, plan_url: str) -> Header:
    """Written line by line with the same escaping and folding as the events, so that any
    text a coach writes (a summary over several lines included) stays one property."""
    plan = expanded.plan
    description = gettext("%(summary)s — %(weeks)d weeks from %(site)s.") % {
        "summary": plan.summary or plan.title, "weeks": len(expanded.weeks), "site": settings.title} + f" {plan_url}"
    refresh = duration_text(settings.refresh_hours * 60)
    return Header("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + _line("PRODID", PRODID, escaped=True)
                  + _line("DESCRIPTION", description) + _line("X-WR-CALDESC", description),
                  f"REFRESH-INTERVAL;VALUE=DURATION:{refresh}\r\n",
                  _line("URL", plan_url, escaped=True) + f"X-PUBLISHED-TTL:{refresh}\r\n")


def duration_text(minutes: int) -> str:
    """An RFC 5545 DURATION: ``PT12H``, ``P1D``, ``P1DT12H``, ``PT30M``."""
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    clock = (f"{hours}H" if hours else "") + (f"{mins}M" if mins else "")
    return "P" + (f"{days}D" if days else "") + (f"T{clock}" if clock else "") if minutes else "PT0S"


def feed_bytes(expanded: ExpandedPlan, events: Sequence[EventText], settings: Settings, feed: Feed, first: date,
               plan_url: str, timezones: str = "", header: Header | None = None) -> bytes:
    """A whole VCALENDAR for one feed: the header, time zones, and every event placed at its date."""
    plan = expanded.plan
    domain = uid_domain(settings)
    name = feed_name(expanded, feed)
    parts = header or header_template(expanded, settings, plan_url)
    uid = event_uid(plan.slug, plan.edition, feed.date or date(2000, 1, 1), feed.name, domain)
    head = (parts.before + _line("NAME", name) + _line("X-WR-CALNAME", name) + parts.refresh
            + f"UID:{uid}\r\n" + parts.after)
    days: dict[int, tuple[str, str]] = {}
    prefix = f"{plan.slug}/{plan.edition}/"
    body = "".join([_place(e, first, prefix, domain, days) for e in events])
    return (head + timezones + body + "END:VCALENDAR\r\n").encode("utf-8")


def timezones_text(expanded: ExpandedPlan, events: Sequence[EventText]) -> str:
    """The VTIMEZONE block a timed plan needs, generated by icalendar, or nothing."""
    zone = expanded.plan.calendar.zone if expanded.plan.calendar else ""
    if not zone or not events:
        return ""
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event  # only timed plans need it: keep it off the import path

    calendar = Calendar()
    probe = Event()
    probe.add("DTSTART", datetime.combine(_PLACEHOLDER, time(6), tzinfo=ZoneInfo(zone)))
    calendar.add_component(probe)
    calendar.add_missing_timezones()
    text = calendar.to_ical().decode("utf-8")
    start, end = text.find("BEGIN:VTIMEZONE"), text.rfind("END:VTIMEZONE")
    return text[start:end] + "END:VTIMEZONE\r\n" if start >= 0 else ""
