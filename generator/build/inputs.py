"""What a build is made from: every input hashed, so that the next build redoes only what changed.

Each plan's outputs are keyed by a hash of its file, of everything every plan depends
on (settings, templates, Deload's version, the Python and libraries it renders with,
the PDF settings) and, for a plan without dates, of the build day. A build told by file
events which plan files changed (``deload serve``) takes the others as the last build listed
and saw them (:func:`known_files`); when idle, the server checks that none changed unseen
(:func:`plans_as_built`).
"""

from __future__ import annotations

import os
import stat
import sys
import time
from collections.abc import Collection
from dataclasses import dataclass, field, fields
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import __version__
from ..digest import canonical, digest_parts
from ..i18n import CATALOGS
from ..settings import Settings
from ..source.files import draft_line, find_plan_files
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
            if changed is not None and display not in changed and isinstance(old, list) and len(old) == 6:
                stats[display] = old
                continue
            entry, link = _looked_at(path)
            linked = linked or link
            if isinstance(old, list) and len(old) == 6 and old[:4] == entry and entry[2] < trusted_before:
                entry += old[4:]
            else:
                try:
                    data = read_capped(path, MAX_PLAN_BYTES)
                    entry += [digest_parts(data), draft_line(data)]
                except TooLarge:  # the plan will be refused: its size and times stand for its content
                    entry += [digest_parts("too large", *map(str, entry)), 0]
            stats[display] = entry
        # A file not looked at again keeps its key, unless what every plan depends on changed.
        kept = known.get("keys", {}) if known.get("common") == common else {}
        keys = {display: kept[display] if entry is seen.get(display) and display in kept else
                digest_parts(common, display, entry[4]) for display, entry in stats.items()}
        return cls(common, keys, state, day.isoformat(), stats, taken, linked)

    @property
    def drafts(self) -> dict[str, int]:
        """The plan files marked ``draft: true``, with the line it is on."""
        return {display: entry[5] for display, entry in self.files.items() if entry[5]}


def known_files(settings: Settings, head: dict[str, Any], changed: Collection[str]) -> list[tuple[Path, str]] | None:
    """The last build's plan files, if the files said to have changed are all among them and
    still there (none added, removed or renamed) and none is a link; else None, and the plans
    are listed again."""
    known = head.get("files") if head.get("format") == FORMAT and not head.get("linked", True) else None
    if not isinstance(known, dict) or not known or not all(
            name in known and os.path.isfile(settings.root / name) for name in changed):
        return None
    return list(_named_paths(settings.root, tuple(known)))  # in the finder's order: the head lists them as the build did


@lru_cache(maxsize=1)  # a thousand paths cost more than the rest of the step: made again only when the list changes
def _named_paths(root: Path, names: tuple[str, ...]) -> tuple[tuple[Path, str], ...]:
    return tuple((root / name, name) for name in names)


def plans_as_built(settings: Settings, head: dict[str, Any]) -> bool:
    """Whether the plan files are those the build of manifest ``head`` saw, each of the same size,
    times and inode (none is read): ``deload serve`` asks when idle after builds told by file
    events what changed, for a change whose events were lost."""
    known = head.get("files") if head.get("format") == FORMAT else None
    paths = find_plan_files([settings.plans_dir]) if settings.plans_dir.is_dir() else []
    if not isinstance(known, dict) or len(known) != len(paths):
        return False
    for path in paths:
        entry = known.get(display_path(path, settings.root))
        try:
            if not isinstance(entry, list) or entry[:4] != _looked_at(path)[0]:
                return False
        except OSError:
            return False
    return True


def _looked_at(path: Path) -> tuple[list[Any], bool]:
    """A plan file's [size, mtime_ns, ctime_ns, inode] (of what a link points to), and whether it
    is a link: symbolic, or one of several names of a file."""
    info = os.lstat(path)
    link = stat.S_ISLNK(info.st_mode)
    if link:
        info = os.stat(path)
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino], link or info.st_nlink > 1


def display_path(path: Path, root: Path) -> str:
    """The path as a coach reads it in messages: from the project folder. (The plan finder
    gives paths under ``root/plans``; ``relpath`` on each of thousands costs more than finding them.)"""
    name, base = os.fspath(path), os.fspath(root)
    if base in ("", ".") and not os.path.isabs(name):
        return name
    prefix = base.rstrip(os.sep) + os.sep
    return name[len(prefix):] if name.startswith(prefix) else os.path.relpath(name, base)
