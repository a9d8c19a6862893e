"""Links out of the project: Deload reads and publishes nothing from outside the project
folder, whether a plan, a template or a static file leads there."""

from __future__ import annotations

import os
from pathlib import Path


def escape_from(path: Path | str, root: Path | str) -> str | None:
    """Where ``path`` really is, if it is in the project folder ``root`` by name but a link
    (it, or a folder on its way) takes it outside: Deload publishes nothing from outside the
    project. None when it stays inside, or was named outside the project in the first place."""
    base = os.path.abspath(root)
    name = os.path.abspath(path)
    if not _within(name, base):
        return None
    real = os.path.realpath(name)
    return None if _within(real, os.path.realpath(base)) else real


def _within(name: str, folder: str) -> bool:
    return name == folder or name.startswith(folder.rstrip(os.sep) + os.sep)
