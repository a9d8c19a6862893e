"""The site's two trees: ``site/``, and its twin in ``.deload/`` one build behind.

A build never writes into ``site/``. It renames the twin (the tree the previous swap
handed back) into place as its stage, brings it up to date, and exchanges it with
``site/`` in one ``renameat2(RENAME_EXCHANGE)``: a reader, or a host syncing ``site/``,
sees the old site or the new one, and a build that dies leaves the old one whole.
The tree handed back becomes the next twin.

Bringing the twin up to date touches only what differs: the twin is described by the
record of the build that made it (each plan's files and which render made them, the
listing pages and the key of what they show, see :mod:`.manifest`), so a plan that this build keeps and the twin already holds costs nothing; a
plan the twin lacks is hard-linked from ``site/``; a changed plan is rendered. A twin
whose description cannot be trusted (another format, another folder: it names the
folder's inode) is removed, and the stage starts empty.
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

from ..fsutil import link_or_copy, write_atomic
from .manifest import folders_of, read_body

FORMAT = 4  # of the description; a twin described otherwise is removed

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@dataclass
class Stage:
    """The tree a build writes its site into, and what it held before (if it was the twin)."""

    path: Path
    plans: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # display path -> (render id, files)
    site_files: list[str] = field(default_factory=list)
    site_keys: dict[str, str] = field(default_factory=dict)
    kept: set[str] = field(default_factory=set)

    def holds(self, display: str, rendered: str, files: list[str]) -> bool:
        """Whether the stage has exactly this render of the plan; if so, it is kept."""
        if rendered and self.plans.get(display) == (rendered, files):
            self.kept.add(display)
            return True
        return False

    def holds_page(self, path: str, key: str) -> bool:
        return bool(key) and self.site_keys.get(path) == key

    def clear_plans(self) -> None:
        """Remove the files of every plan not kept, before linking and rendering reuse their folders."""
        self._remove(name for display, (_, files) in self.plans.items() if display not in self.kept for name in files)

    def clear_site_files(self, current: list[str]) -> None:
        """Remove the listing pages and assets the new site no longer has (a deleted tag's page)."""
        keep = set(current)
        self._remove(name for name in self.site_files if name not in keep)

    def _remove(self, names: Iterable[str]) -> None:
        names = list(names)
        for name in names:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path / name)
        # Deepest first, so that a plan's folder goes before its parent; a folder still in use stays.
        for folder in sorted((f for f in folders_of(names) if f != "."), key=lambda f: f.count("/"), reverse=True):
            with contextlib.suppress(OSError):
                os.rmdir(self.path / folder)

    def link(self, names: list[str], live: Path, replace: bool = False) -> bool:
        """Hard-link files from the live site. If any is missing, undo the links (the plan is
        rendered again, and must not write through them) and return False. ``replace``: the
        stage may hold an older file of the same name."""
        made: set[str] = set()
        linked: list[str] = []
        old, new = os.fspath(live), os.fspath(self.path)
        for name in names:
            target = f"{new}/{name}"
            folder = os.path.dirname(target)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            if replace:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(target)  # never link or copy through a file the live site may share
            try:
                link_or_copy(f"{old}/{name}", target)
            except OSError:
                for path in linked:
                    os.unlink(path)
                return False
            linked.append(target)
        return True


def _paths(work: Path, name: str) -> tuple[Path, Path, Path]:
    """The twin, its description, and the manifest body of the build that made it (which says what it holds)."""
    return work / f"twin-{name}", work / f"twin-{name}.json", work / f"twin-{name}.body.json"


def open_stage(work: Path, name: str, trusted: bool) -> Stage:
    """The twin renamed to ``stage-<pid>`` if it can be trusted, else an empty stage."""
    stage = work / f"stage-{os.getpid()}"
    folder, description, body_path = _paths(work, name)
    data: Any = None
    with contextlib.suppress(OSError, ValueError):
        data = json.loads(description.read_text(encoding="utf-8"))
    description.unlink(missing_ok=True)  # from here on the tree is a stage: a killed build's leftovers are removed
    try:
        if trusted and isinstance(data, dict) and data.get("format") == FORMAT and data["inode"] == os.stat(folder).st_ino:
            body = read_body(body_path)
            if body.ok:
                os.rename(folder, stage)
                return Stage(stage, {d: (r.rendered, r.files) for d, r in body.records.items()}, body.site_files,
                             body.site_keys)
    except (OSError, KeyError, TypeError):
        pass
    remove(folder)
    stage.mkdir(parents=True)
    return Stage(stage)


def keep_twin(old_site: Path, work: Path, name: str, manifest_body: Path) -> None:
    """Keep the tree the swap handed back as the next build's twin. ``manifest_body`` is the
    record of the build that made it: it is kept beside the twin (a hard link, as the next
    record is written to a new file) to say what the twin holds."""
    folder, description, body_path = _paths(work, name)
    remove(folder)
    os.rename(old_site, folder)
    body_path.unlink(missing_ok=True)
    link_or_copy(manifest_body, body_path)
    data = {"format": FORMAT, "inode": os.stat(folder).st_ino}
    write_atomic(description, json.dumps(data, separators=(",", ":")).encode("utf-8"))


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
        elif entry.name.startswith(("previous-", "stage-", "trash-", "spare-")):
            if entry.is_dir():
                remove(entry)
            else:
                entry.unlink(missing_ok=True)
