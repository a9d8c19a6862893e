"""Where templates live: the project's own ``templates/`` first, then Deload's defaults."""

from __future__ import annotations

from pathlib import Path

from ..config import Settings

_PACKAGE = Path(__file__).resolve().parent.parent
# Installed from a wheel, the defaults are generator/templates; in a checkout (or an editable
# install) they are the repository's templates/.
PACKAGE_TEMPLATES = _PACKAGE / "templates" if (_PACKAGE / "templates").is_dir() else _PACKAGE.parent / "templates"


def template_dirs(settings: Settings) -> list[Path]:
    dirs = [settings.templates_dir]
    if PACKAGE_TEMPLATES.resolve() != settings.templates_dir.resolve():
        dirs.append(PACKAGE_TEMPLATES)
    return [d for d in dirs if d.is_dir()]
