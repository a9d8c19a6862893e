"""``deload new``: a new plan in plans/ with commented examples of every feature."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import DeloadError
from .common import fail, settings_for


def new(name: str, weeks: int, units: str | None, race: str | None, project: Path | None, language: str | None = None) -> None:
    """Scaffold the plan ``name`` in the project's plans/ and say where it is."""
    from ..scaffold import scaffold_plan

    settings = settings_for(project)
    try:
        path = scaffold_plan(settings, name, weeks=weeks, units=units or settings.default_units, race=race,
                             language=language, draft=True)
    except DeloadError as exc:
        fail(exc)
    click.echo(f"Wrote {path}, a draft: deload serve shows it, deload build leaves it out until you delete its "
               f"'draft: true' line. Edit it, then run: deload check {path}")
