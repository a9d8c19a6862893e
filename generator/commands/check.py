"""``deload check``: plans checked for mistakes and risky load, without building anything."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import DeloadError, Diagnostic
from ..source import find_plan_files
from .common import fail, report, settings_for, settings_for_plans

if TYPE_CHECKING:
    from ..config import Settings


def check(paths: tuple[Path, ...], project: Path | None) -> None:
    """Check the plans in ``paths`` (default: the project's plans/); exit 1 if any has an error."""
    settings = settings_for_plans(paths, project) if paths else settings_for(project)
    targets = list(paths) or [settings.plans_dir]
    missing = [p for p in targets if not p.exists()]
    if missing:
        fail(DeloadError([Diagnostic(str(p), 1, 1, "no such file or folder") for p in missing]))
    files = find_plan_files(targets)
    if not files:
        fail(DeloadError([Diagnostic(str(targets[0]), 1, 1, "no plan files (*.md) found here")]))
    errors, warnings = report(diagnose(files, settings, None if paths else settings.root))
    summary = f"{len(files)} plan{'s' if len(files) != 1 else ''} checked: {errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
    click.echo(click.style(("✗ " if errors else "✓ ") + summary, fg="red" if errors else "green"), err=True)
    sys.exit(1 if errors else 0)


def diagnose(files: list[Path], settings: Settings, display_root: Path | None = None) -> list[Diagnostic]:
    """The parser's diagnostics of ``files``; if they all read, the engine's too, and a dated start in the past."""
    from ..config import language_warnings
    from ..source import read_plans

    result = read_plans(files, settings, display_root)
    diagnostics = [*language_warnings(settings), *result.diagnostics]
    if result.ok:
        from ..feeds import build_time
        from ..periodize import expand_all
        from ..periodize.startdate import dated_start, past_start
        from ..periodize.summary import engine_note
        from ..source.files import draft_notes

        expanded_plans, engine_diagnostics = expand_all(result.plans)
        diagnostics.extend(engine_diagnostics)
        diagnostics.extend(note for note in map(engine_note, expanded_plans) if note is not None)
        diagnostics.extend(draft_notes({p.location("draft").file: p.location("draft").line for p in result.plans if p.draft},
                                       built=False))
        today = build_time().date()
        for expanded in expanded_plans:
            dated = dated_start(expanded)
            late = dated and past_start(dated[2].file, dated[2].line, dated[2].col, dated[0], dated[1], today)
            if late:
                diagnostics.append(late)
    return diagnostics
