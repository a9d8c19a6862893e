"""A plan's watch files: a FIT workout per session, a zip per week and one for the whole
plan (laid out for copying to a watch over USB), and ``fit.json``, from which the page's
script writes the same files with a reader's own paces.

Each session is encoded once, with placeholders where its paces go; the file with the
coach's (or a reader's) paces is that template with the paces written in (:func:`fill`),
and a plan without a reference time publishes it with those targets open
(:func:`open_targets`), in the same layout, so that one file serves both."""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Iterator
from datetime import datetime
from typing import Any, NamedTuple

from garmin_fit_sdk import Profile

from ..expanded import ExpandedPlan, PlannedSession, PlannedWeek
from ..paces import PaceTable
from .fit import MAX_STEPS, FitError, PacePatch, StepsCache, file_name, fill, plan_workouts, too_long, workout_fit
from .fitencode import field_offsets, fit_crc

_TARGET_TYPE = 3  # workout_step's field number; target_value, custom_target_value_low and _high follow
WATCH_FOLDER = "GARMIN/NewFiles/"  # where a Garmin watch over USB picks up new workouts
TEMPLATES_FORMAT = 3  # fit.json: 3: [name, week, patches, target types if open]; 2 had a template if needed; 1 every file twice


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


class SessionFiles(NamedTuple):
    """A session's watch file, and what the page's script needs to write a reader's paces into it."""

    template: bytes  # with a placeholder at each pace
    patches: list[PacePatch]
    published: bytes  # with the coach's paces (a table), or its paced targets open (no table)
    speed_at: list[list[int]]  # published without paces: each paced step's target type and value, to set to speed


def session_files(expanded: ExpandedPlan, week: PlannedWeek, planned: PlannedSession, created: datetime,
                  table: PaceTable | None, cache: StepsCache | None = None) -> SessionFiles:
    """The session encoded once: the published file is the template with ``table``'s paces
    written in, or, for want of a table, with its paced targets open (the effort by name), in
    the template's layout. ``cache``: one per plan, for the steps of sessions that repeat."""
    template, patches = workout_fit(expanded, week, planned, created, placeholders=True, cache=cache)
    if not patches:
        return SessionFiles(template, patches, template, [])
    if table is not None:
        return SessionFiles(template, patches, fill(template, patches, table), [])
    return SessionFiles(template, patches, *open_targets(template, patches))


def open_targets(template: bytes, patches: list[PacePatch]) -> tuple[bytes, list[list[int]]]:
    """The template with its paced steps' targets as they are without paces (a heart-rate zone
    the plan gives, or open with the effort in the step's name), in the template's layout, and
    where each of those steps' target type and value are: the page's script sets them back to
    speed to write a reader's paces into the published file."""
    steps = field_offsets(template, Profile["mesg_num"]["WORKOUT_STEP"])
    data = bytearray(template)
    speed_at: list[list[int]] = []
    for patch in patches:
        fields = next(where for start, stop, where in steps if start < patch.offset < stop)
        at = [fields[_TARGET_TYPE], fields[_TARGET_TYPE + 1]]
        if at in speed_at:
            continue
        speed_at.append(at)
        kind, value, low, high = patch.unpaced
        data[at[0]] = kind
        for field, number in ((_TARGET_TYPE + 1, value), (_TARGET_TYPE + 2, low), (_TARGET_TYPE + 3, high)):
            data[fields[field]:fields[field] + 4] = number.to_bytes(4, "little")
    data[-2:] = fit_crc(data, len(data) - 2).to_bytes(2, "little")
    return bytes(data), speed_at


def _sessions(expanded: ExpandedPlan, created: datetime, table: PaceTable | None,
              skipped: list[tuple[PlannedSession, str]] | None) -> Iterator[tuple[PlannedWeek, str, SessionFiles]]:
    cache: StepsCache = {}
    if skipped is not None:
        skipped += ((p, f"more than {MAX_STEPS} steps: a watch cannot run this workout")
                    for w in expanded.weeks for p in w.sessions if too_long(p))
    for week, planned in plan_workouts(expanded):
        try:
            files = session_files(expanded, week, planned, created, table, cache)
        except FitError as exc:
            if skipped is not None:
                skipped.append((planned, str(exc)))
            continue
        yield week, file_name(expanded, week, planned), files


def watch_files(expanded: ExpandedPlan, created: datetime, table: PaceTable | None,
                skipped: list[tuple[PlannedSession, str]] | None = None) -> Iterator[tuple[str, bytes]]:
    """``deload fit``'s files: every session's, each week's zip and the plan's zip. A session a
    watch cannot run (too many steps) gets no file; it is added to ``skipped`` with the reason."""
    slug = expanded.plan.slug
    weeks: dict[int, list[tuple[str, bytes]]] = {}
    for week, name, files in _sessions(expanded, created, table, skipped):
        weeks.setdefault(week.number, []).append((name, files.published))
        yield name, files.published
    yield from _zips(slug, weeks)


def _zips(slug: str, weeks: dict[int, list[tuple[str, bytes]]]) -> Iterator[tuple[str, bytes]]:
    for number, files in weeks.items():
        yield week_zip_name(slug, number), zip_bytes(files)
    if weeks:
        yield plan_zip_name(slug), zip_bytes([f for files in weeks.values() for f in files])


def site_watch_files(expanded: ExpandedPlan, created: datetime, table: PaceTable | None,
                     skipped: list[tuple[PlannedSession, str]]) -> Iterator[tuple[str, bytes]]:
    """What a site publishes: the plan's zip (the files with the coach's paces, or with their
    paced targets open), and ``fit.json``: each session's week, where its paces go, and where
    its target types are to set to speed when they are open, for the page's script to write a
    reader's paces into the published file and to make a week's zip (16 zips a plan the build
    need not write, nor a reader's host keep)."""
    slug = expanded.plan.slug
    entries: list[list[Any]] = []
    files: list[tuple[str, bytes]] = []
    for week, name, session in _sessions(expanded, created, table, skipped):
        files.append((name, session.published))
        entry: list[Any] = [name, week.number, [[p.offset, p.spec, p.end] for p in session.patches]]
        if session.speed_at:
            entry.append(session.speed_at)
        entries.append(entry)
    if files:
        yield plan_zip_name(slug), zip_bytes(files)
    yield "fit.json", json.dumps({"format": TEMPLATES_FORMAT, "slug": slug, "folder": WATCH_FOLDER, "files": entries},
                                 separators=(",", ":")).encode("utf-8")
