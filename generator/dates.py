"""Weekday names and the timestamp format Deload writes, shared by the reader, the
renderers and the build."""

from __future__ import annotations

from datetime import datetime

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def stamp(moment: datetime) -> str:
    """A UTC moment as the state file and the site write it: ``2026-01-01T00:00:00Z``."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
