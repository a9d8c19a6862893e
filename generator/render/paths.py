"""Where templates live: the project's own ``templates/`` first, then Deload's defaults.

A file in the project's ``templates/`` that is a link out of the project (say,
``templates/static/x -> /etc/passwd``) is never read, rendered or published: the build
warns about it and Deload's own file of that name, if any, is used instead.
"""

from __future__ import annotations

import os
from pathlib import Path

from .. import shipped_folder
from ..errors import Diagnostic, Severity
from ..links import escape_from
from ..settings import Settings

PACKAGE_TEMPLATES = shipped_folder("templates")


def template_dirs(settings: Settings) -> list[Path]:
    dirs = [] if settings.standalone else [settings.templates_dir]
    if PACKAGE_TEMPLATES.resolve() != settings.templates_dir.resolve():
        dirs.append(PACKAGE_TEMPLATES)
    return [d for d in dirs if d.is_dir()]


def template_files(settings: Settings) -> dict[str, Path]:
    """Every template and static file by its name inside ``templates/`` (``static/style.css``),
    the project's overriding Deload's, links out of the project left out."""
    files: dict[str, Path] = {}
    for folder in reversed(template_dirs(settings)):
        project = folder == settings.templates_dir
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not (project and escape_from(path, settings.root)):
                files[path.relative_to(folder).as_posix()] = path
    return files


def links_outside(settings: Settings) -> list[Diagnostic]:
    """A warning for each of the project's template files that link out of the project."""
    folder = settings.templates_dir
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        target = escape_from(path, settings.root)
        if target is not None and os.path.exists(target) and not os.path.isdir(target):
            found.append(Diagnostic(path.relative_to(settings.root).as_posix(), 1, 1, f"this file is a link to {target}, "
                                    "outside the project: it is not used or published", Severity.WARNING, "link-outside"))
    return found
