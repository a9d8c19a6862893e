"""What a build did: counts, warnings and timings, said by ``deload build`` and kept for a no-op build;
and what it says of the plans it does not publish: drafts it left out, and plans gone since the
last build (their pages and feeds leave the site, and readers' subscriptions to them break)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import Diagnostic, Severity
from ..settings import Settings
from ..source.files import DRAFT

SitePages = Callable[[], dict[str, Callable[[], bytes]]]  # the site's own pages (made when called), by path


@dataclass
class BuildResult:
    pages: int = 0
    feeds: int = 0
    pdfs: int = 0
    pdfs_rendered: int = 0
    plans: int = 0
    plans_rendered: int = 0
    rendered: list[str] = field(default_factory=list)  # those plans, as messages name them
    plans_kept: int = 0  # unchanged plans, whose files the stage (the twin) already holds
    files: int = 0
    warnings: list[Diagnostic] = field(default_factory=list)
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)
    noop: bool = False
    site_files: list[str] = field(default_factory=list)  # files that are not any one plan's
    site_keys: dict[str, str] = field(default_factory=dict)  # listing page -> key of what it shows
    starts: list[list[Any]] = field(default_factory=list)  # dated plans: [display, first day, weeks, line, col]
    on_request: SitePages = field(default=lambda: {})  # a preview's list pages, not written: path -> render

    @classmethod
    def restored(cls, counts: dict[str, Any], **more: Any) -> BuildResult:
        """A no-op build's result: the counts the last build recorded (see :meth:`counts`)."""
        return cls(**{**counts, "warnings": [unpack(r) for r in counts.get("warnings", [])]}, **more)

    def summary(self) -> str:
        plans, pages, feeds = _count(self.plans, "plan"), _count(self.pages, "page"), _count(self.feeds, "feed")
        if self.noop:
            return f"nothing changed: {plans}, {pages}, {feeds}, {_count(self.pdfs, 'PDF')} up to date ({self.seconds:.2f} s)"
        pdfs = _count(self.pdfs, "PDF") + (f" ({self.pdfs_rendered} rendered)" if self.pdfs else "")
        return (f"built {plans} ({self.plans_rendered} rendered): {pages}, {feeds}, {pdfs}, "
                f"{_count(self.warning_count, 'warning')} in {self.seconds:.2f} s")

    def preview_summary(self) -> str:
        """What a preview build did: it writes the changed plans' pages only (:meth:`summary` would
        count feeds and PDFs it never wrote)."""
        plans, warnings = _count(self.plans, "plan"), _count(self.warning_count, "warning")
        if self.noop:
            return f"nothing changed: {plans}, {warnings}"
        return (f"{plans}, {self.plans_rendered} rendered again, {warnings}; list pages, feeds, watch files and PDFs "
                "are rendered when the browser asks for one")

    @property
    def warning_count(self) -> int:
        """The warnings (the engine's notes are not counted)."""
        return sum(1 for d in self.warnings if d.is_warning)

    def to_say(self) -> list[Diagnostic]:
        """What ``deload build`` prints: every warning, and the notes of the plans it rendered (what
        the engine made of an edited plan; said again by every build, they would bury the warnings)."""
        rendered = set(self.rendered)
        return [d for d in self.warnings if d.severity is not Severity.NOTE or d.file in rendered or d.code == DRAFT]

    def counts(self) -> dict[str, Any]:
        return {"pages": self.pages, "feeds": self.feeds, "pdfs": self.pdfs, "plans": self.plans, "files": self.files,
                # A plan gone from plans/ is said by the build that removes it, not again by the no-op builds after it.
                "warnings": [pack(d) for d in self.warnings if d.code != "plan-removed"], "starts": self.starts}

    def with_live_warnings(self, settings: Settings, today: date) -> BuildResult:
        """The warnings that no cache keeps, as they change while the plans stay as they are: a
        dated plan whose first day has passed, a template linked from outside the project, a site
        language without a catalog."""
        from ..periodize.startdate import past_start

        for display, first, weeks, line, col in self.starts:
            warning = past_start(display, line, col, date.fromisoformat(first), weeks, today)
            if warning is not None:
                self.warnings.append(warning)
        from ..config import language_warnings
        from ..render.paths import links_outside

        self.warnings[:0] = [*language_warnings(settings), *links_outside(settings)]
        return self


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def pack(d: Diagnostic) -> list[Any]:
    return [d.file, d.line, d.col, d.message, d.severity.value, d.code]


def unpack(row: list[Any]) -> Diagnostic:
    return Diagnostic(row[0], row[1], row[2], row[3], Severity(row[4]), row[5])
