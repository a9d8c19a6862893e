"""``deload docs``: the guides, read offline."""

from __future__ import annotations

import sys

import click


def docs(topic: str | None) -> None:
    """Print the guide ``topic`` (through a pager on a terminal); without it, list the guides."""
    from ..errors import suggest
    from ..guide import find_guide, guides

    if topic is None:
        width = max((len(g.name) for g in guides()), default=0)
        for listed in guides():
            click.echo(f"{listed.name:<{width}}  {listed.title}")
        click.echo("\nRead one with: deload docs NAME", err=True)
        return
    guide = find_guide(topic)
    if guide is None:
        names = [g.name for g in guides()]
        hint = suggest(topic, names) or "."
        click.echo(f"error: no guide called '{topic}'{hint} The guides: {', '.join(names)}", err=True)
        sys.exit(1)
    text = guide.path.read_text(encoding="utf-8")
    if sys.stdout.isatty():
        click.echo_via_pager(text)
    else:
        click.echo(text, nl=False)
