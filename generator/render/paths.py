"""Where templates live: the project's own ``templates/`` first, then Deload's defaults."""

from __future__ import annotations

from pathlib import Path

from .. import shipped_folder
from ..config import Settings

PACKAGE_TEMPLATES = shipped_folder("templates")


def template_dirs(settings: Settings) -> list[Path]:
    dirs = [settings.templates_dir]
    if PACKAGE_TEMPLATES.resolve() != settings.templates_dir.resolve():
        dirs.append(PACKAGE_TEMPLATES)
    return [d for d in dirs if d.is_dir()]
