"""The site-wide settings every stage takes: the validated contents of ``deload.toml`` with
defaults filled in. Reading and checking the file is :mod:`generator.config`'s work."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Settings:
    """The validated contents of ``deload.toml`` with defaults filled in."""

    root: Path
    title: str = "Training plans"
    description: str = "Free training plans with deload weeks and tapers built in."
    base_url: str = "http://localhost:8000/"
    language: str = "en"
    author: str = ""
    default_units: str = "km"
    feed_entries: int = 50  # the Atom feed lists this many of the most recently updated plans
    periodization: dict[str, Any] = field(default_factory=dict)
    checks: dict[str, Any] = field(default_factory=dict)
    jobs: int = 0
    pdf: bool = True
    watch_files: bool = True  # FIT workouts per session (about 1.5 ms a session to write)
    race_weekdays: tuple[int, ...] = (5, 6)
    window_weeks: int = 1  # with a daily rebuild: every reader who starts within a week (see feeds.py)
    refresh_hours: int = 12
    week_summaries: bool = True
    papers: tuple[str, ...] = ("a4", "letter")
    source_text: str = ""
    # A plan file outside any project: Deload's own templates only, and no cache written beside it.
    standalone: bool = False

    @property
    def plans_dir(self) -> Path:
        return self.root / "plans"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"  # (a standalone plan's folder has none: see render.paths)

    @property
    def output_dir(self) -> Path:
        return self.root / "site"

    @property
    def work_dir(self) -> Path:
        """Deload's own files: staging folders, caches, the build manifest (git ignores it)."""
        return self.root / ".deload"
