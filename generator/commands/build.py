"""``deload build``: every plan in plans/ built into site/, with a progress bar on a terminal."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import click

from ..config import CONFIG_NAME
from ..errors import DeloadError
from ..project import placeholder_base_url
from .common import fail, report, settings_for

if TYPE_CHECKING:
    from ..build.result import BuildResult


def build(project: Path | None, jobs: int | None, no_pdf: bool, quiet: bool, stats: Path | None, force: bool,
          drafts: bool = False) -> None:
    """Build the project's site (exits 1 on errors, leaving the previous site/ as it was)."""
    from ..build import build_site

    settings = settings_for(project)
    with BuildProgress(enabled=not quiet) as progress:
        try:
            result = build_site(settings, jobs=jobs if jobs is not None else settings.jobs, pdf=not no_pdf, progress=progress,
                                force=force, drafts=drafts)
        except DeloadError as exc:
            progress.close()
            fail(exc)
        except OSError as exc:
            progress.close()
            click.echo(click.style("error: ", fg="red", bold=True) + f"cannot write the site: {exc}; site/ was left as it was", err=True)
            sys.exit(1)
    if not quiet:
        report(result.to_say())
    if placeholder_base_url(settings.base_url):
        click.echo(click.style("note: ", fg="yellow", bold=True) + f"base_url is {settings.base_url}: readers' calendar "
                   f"subscriptions and shared links will not reach this site; set [site] base_url in {CONFIG_NAME} "
                   "to the address it is published at", err=True)
    click.echo(click.style("✓ ", fg="green") + result.summary(), err=True)
    if stats is not None:
        write_stats(result, stats)


def write_stats(result: BuildResult, stats: Path) -> None:
    """The build's counts and timings as JSON (for bench/run.py)."""
    import json

    data = {k: v for k, v in result.counts().items() if k != "warnings"}
    data |= {"seconds": result.seconds, "phases": result.phases, "noop": result.noop,
             "plans_rendered": result.plans_rendered, "pdfs_rendered": result.pdfs_rendered,
             "plans_kept": result.plans_kept,
             "warnings": result.warning_count}
    stats.write_text(json.dumps(data, indent=1) + "\n")


class BuildProgress:
    """A progress bar on an interactive terminal; nothing when piped, in CI, or with --quiet."""

    LABELS: ClassVar[dict[str, str]] = {"plans": "Rendering plans", "pdf": "Printing PDFs"}

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty() and not os.environ.get("CI")
        self.bar: Any = None  # click.progressbar(): its class is private to click
        self.phase = ""

    def __enter__(self) -> BuildProgress:
        return self

    def __call__(self, phase: str, done: int, total: int) -> None:
        if not self.enabled or total < 20:
            return
        if phase != self.phase:
            self.close()
            self.phase = phase
            self.bar = click.progressbar(length=total, label=self.LABELS.get(phase, phase), file=sys.stderr, width=30)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
            self.phase = ""

    def __exit__(self, *exc: object) -> None:
        self.close()
