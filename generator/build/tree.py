"""The site's two trees: ``site/``, and its twin in ``.deload/``: the site before it.

A build never writes into ``site/``. It writes into the twin, which it first makes hold the
last build's files as ``site/`` has them (:func:`open_stage`), file by file by inode (unchanged
files are one file, hard-linked into both trees): what the twin lacks or holds otherwise is
linked from ``site/``, what the last build did not make is removed. It then writes what changed
and exchanges the two trees in one ``renameat2(RENAME_EXCHANGE)``. A reader, or a host syncing
``site/``, sees the old site or the new one; a build that dies leaves the old one whole. Nothing
about the twin is recorded or trusted: the next build looks at it again.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..fsutil import link_or_copy, write_bytes

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@dataclass
class Stage:
    """The tree a build writes its site into."""

    path: Path
    kept: set[str] = field(default_factory=set)  # the last build's files it holds, as site/ has them

    def write(self, name: str, data: bytes) -> None:
        write_bytes(self.path / name, data)

    def holds(self, names: Iterable[str]) -> bool:
        """Whether the stage holds these files of the last build."""
        return all(name in self.kept for name in names)

    def remove(self, names: Iterable[str]) -> None:
        """Remove files, and the folders they leave empty."""
        names = list(names)
        for name in names:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path / name)
        _remove_empty_folders(self.path, names)


def _remove_empty_folders(root: Path, names: Iterable[str]) -> None:
    folders = {parent for name in names for parent in parents(name)}
    # Deepest first, so that a plan's folder goes before its parent; a folder still in use stays.
    for folder in sorted(folders, key=lambda f: f.count("/"), reverse=True):
        with contextlib.suppress(OSError):
            os.rmdir(root / folder)


def open_stage(work: Path, name: str, site: Path, files: Collection[str], trusted: Callable[[], bool]) -> Stage:
    """The twin, holding the last build's ``files`` as ``site`` holds them. ``trusted`` is asked
    once ``site`` has been looked at: whether it is as that build left it (no file added, removed
    or replaced since), so that a file the twin lacks or holds otherwise is linked from it; else
    such a file is left out (its plan is rendered again)."""
    stage = Stage(work / f"twin-{name}")
    if stage.path.is_symlink() or stage.path.is_file():
        stage.path.unlink()  # never written through: a site/ that was a link (to a web root, say) swapped in here
    stage.path.mkdir(parents=True, exist_ok=True)
    live, _ = _tree(site)
    linkable = trusted()
    mine, folders = _tree(stage.path)
    wanted = set(files)
    needed = {parent for rel in wanted for parent in parents(rel)}
    for folder in sorted(folders - needed, key=len):  # a folder made by hand, or where a file belongs
        remove(stage.path / folder)  # shortest first: its subfolders go with it
    stage.kept = {rel for rel, inode in mine.items() if rel in wanted and rel in live
                  and (inode == live[rel] or _same_copy(site / rel, stage.path / rel))}
    stage.remove(rel for rel in mine if rel not in stage.kept)
    for rel in wanted - stage.kept if linkable else ():
        if rel in live:
            (stage.path / rel).parent.mkdir(parents=True, exist_ok=True)
            link_or_copy(site / rel, stage.path / rel)
            stage.kept.add(rel)
    return stage


def parents(rel: str) -> Iterator[str]:
    while rel := rel.rpartition("/")[0]:
        yield rel


def _same_copy(a: Path, b: Path) -> bool:
    """Two files of one size and time: a copy where the file system has no hard links (see
    :func:`.fsutil.link_or_copy`), which would else be copied again by every build."""
    try:
        first, second = os.stat(a), os.stat(b)
    except OSError:
        return False
    return first.st_size == second.st_size and first.st_mtime_ns == second.st_mtime_ns


def _tree(root: Path) -> tuple[dict[str, int], set[str]]:
    """Every file under ``root`` (by its path inside it, with "/") with its inode, and every
    folder; nothing if there is no ``root``."""
    found: dict[str, int] = {}
    base = os.fspath(root)
    folders = [""]
    seen: set[str] = set()
    while folders:  # strings, not Path objects: a site has a folder or two per plan
        folder = folders.pop()
        prefix = f"{folder}/" if folder else ""
        with contextlib.suppress(FileNotFoundError, NotADirectoryError), os.scandir(f"{base}/{folder}") as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(prefix + entry.name)
                    seen.add(prefix + entry.name)
                else:
                    found[prefix + entry.name] = entry.inode()
    return found, seen


def remove(path: Path) -> None:
    """Remove a tree."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)


def _renameat2() -> Any:
    # The process's own symbols include the C library's: no ctypes.util.find_library, which
    # runs `ldconfig -p` in a subprocess on every start.
    try:
        func = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    except OSError:
        return None
    if func is not None:
        func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
        func.restype = ctypes.c_int
    return func


_RENAMEAT2 = _renameat2()


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths; False where the kernel or file system cannot."""
    if _RENAMEAT2 is None:
        return False
    if _RENAMEAT2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(a))


def swap_in(stage: Path, target: Path) -> None:
    """Make ``stage`` the new ``target``, and the old ``target`` the stage (the next build's twin)."""
    if not target.exists():
        os.rename(stage, target)
        with contextlib.suppress(OSError):  # only a speed-up: the first edit need not link every file
            shutil.copytree(target, stage, symlinks=True, copy_function=link_or_copy)
        return
    if exchange(stage, target):
        return
    # Without an atomic exchange there is a moment with no target; if the build dies then,
    # the next build's clean_leftovers() puts the previous site back.
    old = stage.with_name(f"previous-{os.getpid()}")
    os.rename(target, old)
    os.rename(stage, target)
    os.rename(old, stage)


def clean_leftovers(work: Path, target: Path) -> None:
    """Put the previous site back if a build died in the middle of a swap without an atomic
    exchange (else remove it). Call under the build lock."""
    for entry in sorted(work.glob("previous-*")):
        if entry.is_dir() and not target.exists():
            os.rename(entry, target)
        else:
            remove(entry)
