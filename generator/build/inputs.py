"""What a build is made from: every input hashed, so that the next build redoes only what changed.

Each plan's outputs are keyed by a hash of its file, of everything every plan depends
on (settings, templates, Deload's version, the Python and libraries it renders with,
the PDF settings) and, for a plan without dates, of the build day.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from collections.abc import Collection
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

from .. import __version__
from ..digest import canonical, digest_parts
from ..i18n import CATALOGS
from ..settings import Settings
from ..source.textfile import MAX_PLAN_BYTES, TooLarge, read_capped

FORMAT = 10


def templates_digest(settings: Settings) -> str:
    from ..render.paths import template_files

    parts: list[str | bytes] = []
    for name, path in template_files(settings).items():
        parts += [name, path.read_bytes()]
    for path in sorted(CATALOGS.glob("*/LC_MESSAGES/*.mo")):  # the words the templates are filled with
        parts += [path.relative_to(CATALOGS).as_posix(), path.read_bytes()]
    return digest_parts(*parts)


def toolchain_digest() -> str:
    """The Python and every installed distribution (their metadata folders are named with their
    versions): another Jinja2 or markdown-it-py may render other bytes, so an upgrade re-renders.
    Listing the folders costs far less than importing importlib.metadata."""
    names = [sys.version]
    for entry in sys.path:
        try:
            names += sorted(n for n in os.listdir(entry) if n.endswith((".dist-info", ".egg-info")))
        except OSError:  # "" (the script's folder), a zip file, a folder that is gone
            continue
    return digest_parts(*names)


def settings_digest(settings: Settings) -> str:
    skip = {"root", "source_text"}
    return digest_parts(canonical([(f.name, getattr(settings, f.name)) for f in fields(settings) if f.name not in skip]))


@dataclass
class Inputs:
    common: str  # what every plan depends on
    keys: dict[str, str]  # display path -> key
    state: str  # hash of the state file as it is now (the last build's, unless someone changed it)

    day: str  # the build day: plans without dates get feeds counted from it
    files: dict[str, list[Any]] = field(default_factory=dict)  # display -> [size, mtime_ns, ctime_ns, inode, digest]
    taken: int = 0  # when the files were looked at (ns)
    # Whether a plan file is a link (symbolic, or a second name for a file): file events name one
    # of its names only, so a build is never told that they alone changed.
    linked: bool = False

    @classmethod
    def collect(cls, settings: Settings, files: list[tuple[Path, str]], day: date, papers: tuple[str, ...],
                state: str, known: dict[str, Any] | None = None, changed: Collection[str] | None = None) -> Inputs:
        """Hash every input. A plan file whose size, times and inode match what the last build
        saw (``known``) is not read again, unless it was written so close to that build that
        a second write in the same clock tick could have gone unnoticed (as git does). The
        change time catches tools that put a file's old modification time back. ``changed``:
        the only plan files that changed since that build (file events said so): the others
        are not even looked at."""
        common = digest_parts(__version__, toolchain_digest(), settings_digest(settings), templates_digest(settings),
                         ",".join(papers))
        taken = time.time_ns()
        known = known if known and known.get("format") == FORMAT else {}
        seen = known.get("files", {})
        trusted_before = int(known.get("taken", 0)) - 2_000_000_000
        stats: dict[str, list[Any]] = {}
        linked = bool(known.get("linked", True)) if changed is not None else False
        for path, display in files:
            old = seen.get(display)
            if changed is not None and display not in changed and isinstance(old, list) and len(old) == 5:
                stats[display] = old
                continue
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                linked, info = True, os.stat(path)
            linked = linked or info.st_nlink > 1
            entry: list[Any] = [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]
            if isinstance(old, list) and len(old) == 5 and old[:4] == entry and info.st_ctime_ns < trusted_before:
                entry.append(old[4])
            else:
                try:
                    entry.append(digest_parts(read_capped(path, MAX_PLAN_BYTES)))
                except TooLarge:  # the plan will be refused: its size and times stand for its content
                    entry.append(digest_parts("too large", *map(str, entry)))
            stats[display] = entry
        # A file not looked at again keeps its key, unless what every plan depends on changed.
        kept = known.get("keys", {}) if known.get("common") == common else {}
        keys = {display: kept[display] if entry is seen.get(display) and display in kept else
                digest_parts(common, display, entry[4]) for display, entry in stats.items()}
        return cls(common, keys, state, day.isoformat(), stats, taken, linked)


