"""What a build is made from: every input hashed, so that the next build redoes only what changed.

Each plan's outputs are keyed by a hash of its file, of everything every plan depends
on (settings, templates, Deload's version, the Python and libraries it renders with,
the PDF settings) and, for a plan without dates, of the build day. Every build looks at
every plan file (``deload serve`` too: no file event is trusted to name every change), but
reads only those whose size or times changed.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

from .. import __version__
from ..digest import canonical, digest_parts
from ..i18n import CATALOGS
from ..settings import Settings
from ..source.files import draft_line
from ..source.textfile import MAX_PLAN_BYTES, TooLarge, read_capped

FORMAT = 12  # 12: the head names its build


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
    skip = {"root", "source_text", "standalone"}
    return digest_parts(canonical([(f.name, getattr(settings, f.name)) for f in fields(settings) if f.name not in skip]))


@dataclass
class Inputs:
    common: str  # what every plan depends on
    keys: dict[str, str]  # display path -> key
    state: str  # hash of the state file as it is now (the last build's, unless someone changed it)

    day: str  # the build day: plans without dates get feeds counted from it
    files: dict[str, list[Any]] = field(default_factory=dict)  # display -> [size, mtime_ns, ctime_ns, inode, digest, draft line]
    taken: int = 0  # when the files were looked at (ns)

    @classmethod
    def collect(cls, settings: Settings, files: list[tuple[Path, str]], day: date, papers: tuple[str, ...],
                state: str, known: dict[str, Any] | None = None) -> Inputs:
        """Hash every input. A plan file whose size, times and inode match what the last build
        saw (``known``) is not read again, unless it was written so close to that build that
        a second write in the same clock tick could have gone unnoticed (as git does). The
        change time catches tools that put a file's old modification time back."""
        common = digest_parts(__version__, toolchain_digest(), settings_digest(settings), templates_digest(settings),
                         ",".join(papers))
        taken = time.time_ns()
        known = known if known and known.get("format") == FORMAT else {}
        seen = known.get("files", {})
        trusted_before = int(known.get("taken", 0)) - 2_000_000_000
        stats: dict[str, list[Any]] = {}
        for path, display in files:
            old = seen.get(display)
            entry = _looked_at(path)
            if isinstance(old, list) and len(old) == 6 and old[:4] == entry and entry[2] < trusted_before:
                entry += old[4:]
            else:
                try:
                    data = read_capped(path, MAX_PLAN_BYTES)
                    entry += [digest_parts(data), draft_line(data)]
                except TooLarge:  # the plan will be refused: its size and times stand for its content
                    entry += [digest_parts("too large", *map(str, entry)), 0]
            stats[display] = entry
        keys = {display: digest_parts(common, display, entry[4]) for display, entry in stats.items()}
        return cls(common, keys, state, day.isoformat(), stats, taken)

    @property
    def drafts(self) -> dict[str, int]:
        """The plan files marked ``draft: true``, with the line it is on."""
        return {display: entry[5] for display, entry in self.files.items() if entry[5]}


def _looked_at(path: Path) -> list[Any]:
    """A plan file's [size, mtime_ns, ctime_ns, inode] (of what a link points to)."""
    info = os.stat(path)
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def display_path(path: Path, root: Path) -> str:
    """The path as a coach reads it in messages: from the project folder. (The plan finder
    gives paths under ``root/plans``; ``relpath`` on each of thousands costs more than finding them.)"""
    name, base = os.fspath(path), os.fspath(root)
    if base in ("", ".") and not os.path.isabs(name):
        return name
    prefix = base.rstrip(os.sep) + os.sep
    return name[len(prefix):] if name.startswith(prefix) else os.path.relpath(name, base)
