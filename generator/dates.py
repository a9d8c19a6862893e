"""Weekday names, shared by the reader and the renderers."""

from __future__ import annotations

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def weekday_name(week_starts: int, day: int) -> str:
    """``Monday``…: the name of day ``day`` (1..7) of a week whose first day is weekday ``week_starts`` (0 = Monday)."""
    return WEEKDAYS[(week_starts + day - 1) % 7].capitalize()

