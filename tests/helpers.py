"""Small helpers for building plans from text in tests."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from generator.config import Settings
from generator.model import Plan
from generator.source.reader import parse_plan_text


def plan_from(text: str, name: str = "test.md", settings: Settings | None = None) -> Plan:
    """Parse a plan written inline (dedented); raises DeloadError on mistakes."""
    plan, _ = parse_plan_text(dedent(text).lstrip("\n").encode(), name, Path(name).stem, settings or Settings(root=Path(".")))
    return plan


def week_text(number: int, easy: float, quality: str, long: float, unit: str = "km", title: str = "Build") -> str:
    return (f"## Week {number} — {title}\n- Tue: Easy {easy:g} {unit}\n- Thu: {quality}\n"
            f"- Sat: Easy {easy:g} {unit}\n- Sun: Long {long:g} {unit} @ easy\n\n")
