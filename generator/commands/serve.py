"""``deload serve``: the preview server, rebuilding on every change."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import DeloadError
from .common import fail, settings_for


def serve(project: Path | None, port: int, host: str, pdf: bool) -> None:
    """Serve the project's preview on ``host``:``port`` until interrupted; exit 1 if the port is taken."""
    from ..serve import serve as run_server

    root = settings_for(project).root  # the project above the current folder; a broken deload.toml is reported now
    try:
        run_server(root, host, port, lambda line: click.echo(line, err=True), pdf=pdf)
    except DeloadError as exc:  # another server previews the project
        fail(exc)
    except OSError as exc:
        click.echo(click.style("error: ", fg="red", bold=True) + f"cannot listen on {host}:{port}: {exc.strerror}; try --port", err=True)
        sys.exit(1)
