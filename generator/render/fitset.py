"""A plan's watch files: a FIT workout per session, a zip per week and one for the whole
plan (laid out for copying to a watch over USB), and ``fit.json``, from which the page's
script writes the same files with a reader's own paces."""

from __future__ import annotations

import base64
import json
import zipfile
from collections.abc import Iterator
from datetime import datetime
from io import BytesIO
from typing import Any

from ..expanded import ExpandedPlan, PlannedSession
from ..paces import PaceTable
from .fit import FitError, file_name, plan_workouts, workout_fit

WATCH_FOLDER = "GARMIN/NewFiles/"  # where a Garmin watch over USB picks up new workouts
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed: the same plan gives byte-identical zips


def week_zip_name(slug: str, week: int) -> str:
    return f"{slug}-week-{week:02d}.zip"


def zip_bytes(files: list[tuple[str, bytes]]) -> bytes:
    """The files under :data:`WATCH_FOLDER`, stored (FIT files hardly compress)."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, data in files:
            info = zipfile.ZipInfo(WATCH_FOLDER + name, ZIP_DATE)
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return out.getvalue()


def watch_files(expanded: ExpandedPlan, created: datetime, table: PaceTable | None,
                skipped: list[tuple[PlannedSession, str]] | None = None) -> Iterator[tuple[str, bytes]]:
    """``deload fit``'s files: every session's, each week's zip and the plan's zip. A session a
    watch cannot run (too many steps) gets no file; it is added to ``skipped`` with the reason."""
    slug = expanded.plan.slug
    everything: list[tuple[str, bytes]] = []
    weeks: dict[int, list[tuple[str, bytes]]] = {}
    for week, planned in plan_workouts(expanded):
        name = file_name(expanded, week, planned)
        try:
            data, _ = workout_fit(expanded, week, planned, created, table)
        except FitError as exc:
            if skipped is not None:
                skipped.append((planned, str(exc)))
            continue
        everything.append((name, data))
        weeks.setdefault(week.number, []).append((name, data))
        yield name, data
    for number, files in weeks.items():
        yield week_zip_name(slug, number), zip_bytes(files)
    if everything:
        yield f"{slug}.zip", zip_bytes(everything)


def templates_json(expanded: ExpandedPlan, created: datetime, table: PaceTable | None) -> bytes:
    """``fit.json`` alone (see :func:`site_watch_files`)."""
    return dict(site_watch_files(expanded, created, table, []))["fit.json"]


def site_watch_files(expanded: ExpandedPlan, created: datetime, table: PaceTable | None,
                     skipped: list[tuple[PlannedSession, str]]) -> Iterator[tuple[str, bytes]]:
    """What a site publishes: the week and plan zips and ``fit.json`` (each session's published
    file and its template), every session encoded once as published and once with placeholders."""
    slug = expanded.plan.slug
    entries: list[list[Any]] = []
    weeks: dict[int, list[tuple[str, bytes]]] = {}
    for week, planned in plan_workouts(expanded):
        name = file_name(expanded, week, planned)
        try:
            published, _ = workout_fit(expanded, week, planned, created, table)
            template, patches = workout_fit(expanded, week, planned, created, placeholders=True)
        except FitError as exc:
            skipped.append((planned, str(exc)))
            continue
        weeks.setdefault(week.number, []).append((name, published))
        entries.append([name, week.number, base64.b64encode(template).decode("ascii"),
                        [[p.offset, p.spec, p.end] for p in patches], base64.b64encode(published).decode("ascii")])
    for number, files in weeks.items():
        yield week_zip_name(slug, number), zip_bytes(files)
    if entries:
        yield f"{slug}.zip", zip_bytes([f for files in weeks.values() for f in files])
    yield "fit.json", json.dumps({"format": 1, "slug": slug, "folder": WATCH_FOLDER, "files": entries},
                                 separators=(",", ":")).encode("utf-8")
