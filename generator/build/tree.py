"""The site's two trees: ``site/``, and its twin in ``.deload/``, the same files by hard links.

A build never writes into ``site/``. Its stage is the twin, renamed: it writes the files that
changed into it, removes those that went, and exchanges it with ``site/`` in one
``renameat2(RENAME_EXCHANGE)``. A reader, or a host syncing ``site/``, sees the old site or the
new one, and a build that dies leaves the old one whole. The tree the exchange hands back is
brought up to date with the same changes (links to the new files) and is the next twin.

A twin is trusted only when its description names the build that made ``site/``, the twin's
own folder (its inode) and the state of its folders (a file added or removed by hand changes
them, see :func:`.manifest.site_signature`). Otherwise it is removed, and the stage is linked from ``site/``
when the last build's record describes it, or starts empty (every plan is rendered).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..fsutil import link_or_copy, write_atomic, write_bytes
from .manifest import folders_of, site_signature

FORMAT = 6  # of the description; a twin described otherwise is removed

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@dataclass
class Stage:
    """The tree a build writes its site into, and what the build changed in it."""

    path: Path
    full: bool = False  # it holds the last build's site (else it started empty)
    written: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)

    def write(self, name: str, data: bytes) -> None:
        write_bytes(self.path / name, data)
        self.wrote([name])

    def wrote(self, names: Iterable[str]) -> None:
        """Note files written into the stage by others (the plans' workers, the PDF cache)."""
        for name in names:
            self.written.add(name)
            self.removed.discard(name)

    def remove(self, names: Iterable[str]) -> None:
        """Remove files, and the folders they leave empty."""
        names = list(names)
        for name in names:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path / name)
            self.removed.add(name)
            self.written.discard(name)
        _remove_empty_folders(self.path, names)


def _remove_empty_folders(root: Path, names: list[str]) -> None:
    # Deepest first, so that a plan's folder goes before its parent; a folder still in use stays.
    for folder in sorted((f for f in folders_of(names) if f != "."), key=lambda f: f.count("/"), reverse=True):
        with contextlib.suppress(OSError):
            os.rmdir(root / folder)


def _paths(work: Path, name: str) -> tuple[Path, Path]:
    return work / f"twin-{name}", work / f"twin-{name}.json"


def open_stage(work: Path, name: str, build: str, folders: list[str], live: Path | None) -> Stage:
    """The twin renamed to ``stage-<pid>`` if it is the site of ``build`` (the last build, as
    its record says; "" when there is none to trust) with its ``folders`` as that build left
    them, else a copy of the ``live`` site by hard links (None: it is not as that build left
    it), else an empty stage."""
    stage = work / f"stage-{os.getpid()}"
    folder, description = _paths(work, name)
    data: Any = None
    with contextlib.suppress(OSError, ValueError):
        data = json.loads(description.read_text(encoding="utf-8"))
    description.unlink(missing_ok=True)  # from here on the tree is a stage: a killed build's leftovers are removed
    with contextlib.suppress(OSError):
        if build and data == {"format": FORMAT, "build": build, "inode": os.stat(folder).st_ino,
                              "signature": site_signature(folder, folders)}:
            os.rename(folder, stage)
            return Stage(stage, full=True)
    remove(folder)
    if build and live is not None:
        try:
            link_tree(live, stage)
            return Stage(stage, full=True)
        except OSError:
            remove(stage)
    stage.mkdir(parents=True)
    return Stage(stage)


def keep_twin(old: Path | None, mirrors: bool, stage: Stage, site: Path, work: Path, name: str, build: str,
              folders: list[str]) -> None:
    """Keep a copy of the new ``site`` as the next build's twin. ``old``: the tree the swap
    handed back; if it ``mirrors`` the tree the stage was made from (nothing was added to it
    by hand), the stage's changes are applied to it; otherwise the twin is linked anew."""
    folder, description = _paths(work, name)  # not there: open_stage renamed or removed it
    if old is not None and mirrors and stage.full:
        for gone in stage.removed:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(old / gone)
        _remove_empty_folders(old, sorted(stage.removed))
        for made in stage.written:
            (old / made).parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(old / made)
            link_or_copy(site / made, old / made)
        os.rename(old, folder)
    else:
        if old is not None:
            remove(old)
        link_tree(site, folder)
    data = {"format": FORMAT, "build": build, "inode": os.stat(folder).st_ino, "signature": site_signature(folder, folders)}
    write_atomic(description, json.dumps(data, separators=(",", ":")).encode("utf-8"))


def link_tree(source: Path, target: Path) -> None:
    """Copy a tree by hard links (``cp -al``)."""
    shutil.copytree(source, target, symlinks=True, copy_function=link_or_copy)


def remove(path: Path) -> None:
    """Remove a tree (a twin that cannot be trusted, a failed build's stage)."""
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


def swap_in(stage: Path, target: Path) -> Path | None:
    """Make ``stage`` the new ``target``; returns where the old site now is (None: there was none)."""
    if not target.exists():
        os.rename(stage, target)
        return None
    if exchange(stage, target):
        return stage
    # Without an atomic exchange there is a moment with no target; if the build dies then,
    # the next build's clean_leftovers() puts the previous site back.
    old = stage.with_name(f"previous-{os.getpid()}")
    os.rename(target, old)
    os.rename(stage, target)
    return old


def clean_leftovers(work: Path, target: Path) -> None:
    """Remove what a killed build left (its stage), and put the previous site back if the build
    died in the middle of a swap without an atomic exchange. Call under the build lock."""
    if not work.is_dir():
        return
    for entry in sorted(work.iterdir()):
        if entry.name.startswith("previous-") and entry.is_dir() and not target.exists():
            os.rename(entry, target)
        elif entry.name.startswith(("previous-", "stage-", "trash-", "spare-")) or (
                entry.name.startswith("twin-") and entry.name.endswith(".body.json")):  # earlier versions' too
            if entry.is_dir():
                remove(entry)
            else:
                entry.unlink(missing_ok=True)
