"""``deload init``: a new project anywhere, with nothing to answer that has a default."""

from __future__ import annotations

from pathlib import Path

import click

CONFIG = """\
# Site-wide settings for Deload. Every key is optional; `deload check` reports unknown keys.
# Every key: `deload docs settings`; a plan's own frontmatter: `deload docs plan-format`.

[site]
title = {title}
description = {description}
# The address the site is published at: calendar subscriptions and shared links use it.
base_url = "https://example.org/plans/"
language = "{language}"
default_units = "{units}"

# Defaults for every plan; a plan's own `periodization:` block overrides them key by key.
[periodization]
deload = {{ every = 4, mode = "insert", strategy = "volume", cut = "25%" }}

[pdf]
papers = ["a4", "letter"]
"""
GITIGNORE = "/site/\n/.deload/\n"


def init(folder: Path, units: str, title: str | None, language: str = "en") -> None:
    """Write deload.toml, plans/ with an example plan and a .gitignore into ``folder``; refuse a
    project. ``language``: the site's, and the example plan's; ``title``: by default the language's
    word for training plans."""
    import json

    from ..config import CONFIG_NAME
    from ..errors import DeloadError, Diagnostic
    from ..scaffold import FIRST_PLAN_WEEKS, WORDINGS, scaffold_plan
    from ..source.words import primary
    from .common import fail, settings_for

    config = folder / CONFIG_NAME
    if config.exists():
        fail(DeloadError([Diagnostic(str(config), 1, 1, "this folder is a Deload project already")]))
    outer = _project_around(folder)
    if outer is not None:  # a project inside a project: its plans would be the outer one's too
        fail(DeloadError([Diagnostic(str(folder), 1, 1, f"this folder is inside the Deload project at {outer}; "
                                     f"add plans to it with 'deload new NAME', or start a new project outside it "
                                     f"('deload init ~/other-plans')")]))
    words = WORDINGS[primary(language)]  # the command checked it
    (folder / "plans").mkdir(parents=True, exist_ok=True)
    config.write_text(CONFIG.format(title=json.dumps(title or words.site_title, ensure_ascii=False), units=units,
                                    description=json.dumps(words.description, ensure_ascii=False),
                                    language=language), encoding="utf-8")
    ignore = _ignore(folder / ".gitignore")
    settings = settings_for(folder)
    plan = scaffold_plan(settings, words.first_plan, weeks=FIRST_PLAN_WEEKS, units=units, race="10k")
    click.echo(f"Started a Deload project in {folder.resolve()}: {CONFIG_NAME}, "
               f"{plan.relative_to(folder.resolve()) if plan.is_absolute() else plan}{ignore}.")
    click.echo("Set base_url in deload.toml to where the site will be published, then: deload serve (preview) or deload build.")


def _ignore(path: Path) -> str:
    """Have git ignore the build's output and work folder: a new ``.gitignore``, or the lines an
    existing one lacks added to it. Says what was done (", .gitignore" or "; /.deload/ added to .gitignore")."""
    if not path.exists():
        path.write_text(GITIGNORE, encoding="utf-8")
        return ", .gitignore"
    text = path.read_text(encoding="utf-8", errors="replace")
    have = {line.strip().strip("/") for line in text.splitlines()}  # "site", "/site" and "site/" alike
    missing = [line for line in GITIGNORE.splitlines() if line.strip("/") not in have]
    if not missing:
        return ""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(("" if not text or text.endswith("\n") else "\n") + "\n".join(missing) + "\n")
    return f"; {' and '.join(missing)} added to .gitignore"


def _project_around(folder: Path) -> Path | None:
    """The project ``folder`` is inside: the nearest folder above it with a ``deload.toml``."""
    from ..config import CONFIG_NAME

    return next((above for above in folder.resolve().parents if (above / CONFIG_NAME).is_file()), None)
