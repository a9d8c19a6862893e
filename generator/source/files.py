"""Finding plan files: kept apart from the reader so that a no-op build need not import it."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

PLAN_SUFFIXES = (".md", ".markdown")


def find_plan_files(paths: Iterable[Path]) -> list[Path]:
    """Expand directories to the plan files inside them (hidden files and folders skipped),
    sorted for a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            # Sorted as paths (by their parts), but on the strings: comparing Path objects costs more than finding them.
            found.extend(Path(name) for name in sorted(_plan_files(os.fspath(path)), key=_parts))
        else:
            found.append(path)
    return found


def _parts(name: str) -> list[str]:
    return name.split(os.sep)


def _plan_files(folder: str) -> Iterator[str]:
    # os.scandir rather than Path.rglob: a library of thousands of plans is listed on every build.
    # Like rglob, it does not follow links to folders (a loop, or every plan twice) and skips
    # folders it may not read.
    try:
        entries = list(os.scandir(folder))
    except PermissionError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _plan_files(entry.path)
        elif os.path.splitext(entry.name)[1].lower() in PLAN_SUFFIXES and entry.is_file():
            yield entry.path


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
