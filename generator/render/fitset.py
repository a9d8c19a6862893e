"""A plan's watch files: a FIT workout per session, a zip per week and one for the whole
plan (laid out for copying to a watch over USB), and ``fit.json``, from which the page's
script writes the same files with a reader's own paces.

Each session is encoded once, with placeholders where its paces go; the file with the
coach's (or a reader's) paces is that template with the paces written in (:func:`fill`).
Only a session whose paces the table cannot give (a plan without a reference time) is
encoded a second time, with its targets open."""

from __future__ import annotations

import base64
import json
import struct
import zlib
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from ..expanded import ExpandedPlan, PlannedSession, PlannedWeek
from ..paces import PaceTable
from .fit import FitError, PacePatch, StepsCache, file_name, fill, plan_workouts, workout_fit

WATCH_FOLDER = "GARMIN/NewFiles/"  # where a Garmin watch over USB picks up new workouts
TEMPLATES_FORMAT = 2  # fit.json: 2: [name, week, patches, template if needed]; 1 had every file twice


def week_zip_name(slug: str, week: int) -> str:
    return f"{slug}-week-{week:02d}.zip"


_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")


def zip_bytes(files: list[tuple[str, bytes]]) -> bytes:
    """The files under :data:`WATCH_FOLDER`, stored (FIT files hardly compress), dated 1980-01-01
    and readable by everyone (as :mod:`zipfile` would write them, written here without its cost)."""
    parts: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, data in files:
        path = (WATCH_FOLDER + name).encode("utf-8")
        crc, size = zlib.crc32(data), len(data)
        flags = 0 if path.isascii() else 0x800  # UTF-8 names
        parts += [_LOCAL.pack(0x04034B50, 20, flags, 0, 0, 33, crc, size, size, len(path), 0), path, data]
        central += [_CENTRAL.pack(0x02014B50, 0x0314, 20, flags, 0, 0, 33, crc, size, size, len(path), 0, 0, 0, 0,
                                  0o100644 << 16, offset), path]
        offset += _LOCAL.size + len(path) + size
    directory = b"".join(central)
    return b"".join([*parts, directory, _END.pack(0x06054B50, 0, 0, len(files), len(files), len(directory), offset, 0)])


def plan_zip_name(slug: str) -> str:
    return f"{slug}.zip"


def session_files(expanded: ExpandedPlan, week: PlannedWeek, planned: PlannedSession, created: datetime,
                  table: PaceTable | None, cache: StepsCache | None = None) -> tuple[bytes, list[PacePatch], bytes]:
    """(template, its pace patches, the file with ``table``'s paces): the session encoded once,
    twice only when it has paces and there is no table to give them (its targets stay open).
    ``cache``: one per plan, for the steps of sessions that repeat."""
    template, patches = workout_fit(expanded, week, planned, created, placeholders=True, cache=cache)
    if not patches:
        return template, patches, template
    if table is not None:
        return template, patches, fill(template, patches, table)
    return template, patches, workout_fit(expanded, week, planned, created, None, cache=cache)[0]


def _sessions(expanded: ExpandedPlan, created: datetime, table: PaceTable | None,
              skipped: list[tuple[PlannedSession, str]] | None
              ) -> Iterator[tuple[PlannedWeek, str, bytes, list[PacePatch], bytes]]:
    cache: StepsCache = {}
    for week, planned in plan_workouts(expanded):
        try:
            template, patches, published = session_files(expanded, week, planned, created, table, cache)
        except FitError as exc:
            if skipped is not None:
                skipped.append((planned, str(exc)))
            continue
        yield week, file_name(expanded, week, planned), template, patches, published


def watch_files(expanded: ExpandedPlan, created: datetime, table: PaceTable | None,
                skipped: list[tuple[PlannedSession, str]] | None = None) -> Iterator[tuple[str, bytes]]:
    """``deload fit``'s files: every session's, each week's zip and the plan's zip. A session a
    watch cannot run (too many steps) gets no file; it is added to ``skipped`` with the reason."""
    slug = expanded.plan.slug
    weeks: dict[int, list[tuple[str, bytes]]] = {}
    for week, name, _, _, data in _sessions(expanded, created, table, skipped):
        weeks.setdefault(week.number, []).append((name, data))
        yield name, data
    yield from _zips(slug, weeks)


def _zips(slug: str, weeks: dict[int, list[tuple[str, bytes]]]) -> Iterator[tuple[str, bytes]]:
    for number, files in weeks.items():
        yield week_zip_name(slug, number), zip_bytes(files)
    if weeks:
        yield plan_zip_name(slug), zip_bytes([f for files in weeks.values() for f in files])


def templates_json(expanded: ExpandedPlan, created: datetime, table: PaceTable | None) -> bytes:
    """``fit.json`` alone (see :func:`site_watch_files`)."""
    return dict(site_watch_files(expanded, created, table, []))["fit.json"]


def site_watch_files(expanded: ExpandedPlan, created: datetime, table: PaceTable | None,
                     skipped: list[tuple[PlannedSession, str]]) -> Iterator[tuple[str, bytes]]:
    """What a site publishes: the plan's zip (the files with the coach's paces), and ``fit.json``:
    each session's week and where its paces go, for the page's script to write a reader's in and
    to make a week's zip (16 zips a plan the build need not write, nor a reader's host keep).
    The script takes a session's published file from the plan's zip; its template (the same
    file with placeholders) is in ``fit.json`` only where the published file has its targets
    open, for want of a table of paces, and so a layout of its own."""
    slug = expanded.plan.slug
    entries: list[list[Any]] = []
    files: list[tuple[str, bytes]] = []
    for week, name, template, patches, published in _sessions(expanded, created, table, skipped):
        files.append((name, published))
        entry: list[Any] = [name, week.number, [[p.offset, p.spec, p.end] for p in patches]]
        if patches and table is None:  # the published file has its targets open: a layout of its own
            entry.append(base64.b64encode(template).decode("ascii"))
        entries.append(entry)
    if files:
        yield plan_zip_name(slug), zip_bytes(files)
    yield "fit.json", json.dumps({"format": TEMPLATES_FORMAT, "slug": slug, "folder": WATCH_FOLDER, "files": entries},
                                 separators=(",", ":")).encode("utf-8")
