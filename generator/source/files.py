"""Finding plan files: kept apart from the reader so that a no-op build need not import it."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from ..errors import Diagnostic, Severity
from ..links import escape_from as escape_from  # re-exported: the build imports it from here

PLAN_SUFFIXES = (".md", ".markdown")


def find_plan_files(paths: Iterable[Path]) -> list[Path]:
    """Expand directories to the plan files inside them (hidden files and folders skipped),
    sorted for a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            # Sorted as paths (by their parts), but on the strings: comparing Path objects costs more than finding them.
            found.extend(_paths(tuple(sorted(_plan_files(os.fspath(path)), key=plan_order))))
        else:
            found.append(path)
    return found


_DRAFT = re.compile(rb"""^["']?draft["']?[ \t]*:[ \t]*(?:true|yes|on)[ \t]*(?:#[^\n]*)?\r?$""", re.M | re.I)


def draft_line(data: bytes) -> int:
    """The line of ``draft: true`` in a plan's frontmatter, 0 if none: a build leaves drafts out
    before it reads them (a draft may be unfinished, even broken), so it looks for the key alone.
    The reader takes a plan's draft flag from here too: the two never disagree."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    if not data.startswith(b"---"):
        return 0
    end = re.search(rb"^---[ \t]*\r?$", data[3:], re.M)
    head = data[:3 + end.start()] if end else data
    found = _DRAFT.search(head)
    return head.count(b"\n", 0, found.start()) + 1 if found else 0


DRAFT = "draft"  # the code of the note on a draft


def draft_notes(drafts: dict[str, int], built: bool) -> list[Diagnostic]:
    """A note for each draft (display path -> the line of its 'draft: true'), said by every build
    that leaves them out (``built``: a build's words; else deload check's): a plan that does not
    appear must not surprise."""
    said = ("left out of the site; deload serve shows it, 'deload build --drafts' builds it too" if built
            else "deload build leaves it out")
    return [Diagnostic(display, line, 1, f"a draft ('draft: true'): {said}", Severity.NOTE, DRAFT)
            for display, line in sorted(drafts.items())]


@lru_cache(maxsize=2)  # a thousand Path objects cost more than listing them: deload serve lists them on every save
def _paths(names: tuple[str, ...]) -> tuple[Path, ...]:
    return tuple(Path(name) for name in names)


def is_plan_name(name: str) -> bool:
    """Whether a file of this name is a plan (the finder lists it, the preview's watcher hears it).
    Hidden files, a folder's README and a name starting with '_' are the coach's own notes (as Hugo
    leaves '_' files to the site's author)."""
    stem, suffix = os.path.splitext(name)
    return (not name.startswith((".", "_")) and suffix.lower() in PLAN_SUFFIXES
            and stem.lower() not in ("readme", "license", "changelog"))


def plan_order(name: str) -> list[str]:
    """The key plans are listed by: their paths part by part, so that a folder's plans stay together."""
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
        elif is_plan_name(entry.name) and entry.is_file():
            yield entry.path
