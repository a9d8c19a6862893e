"""The site that a build replaced, kept as the starting point of the next build's stage.

Staging a new site by hard-linking every unchanged file costs a ``mkdir`` per plan and
a ``link`` per file: most of a one-plan edit in a large library. Instead, the old
tree that the swap hands back is kept in ``.deload/spare-<name>/`` with a description
of what it holds (each plan's files, and which render made them). The next build
renames it into place as its stage and only touches the plans that differ: a plan
rendered by the same render as the record being reused is already right.

The description names the directory by inode, so a spare that was moved, replaced or
left half-adopted by a killed build is never trusted: it is discarded, and the stage
is built from hard links as before.

A build that leaves no spare worth keeping (the first build, or one that rendered most
plans) starts a detached process that hard-links the new site into a spare, so that
the next edit is just as quick; it gives up if a build starts meanwhile.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .fsutil import exclusive, throw_away, write_atomic

FORMAT = 2  # of the description; a spare described otherwise is discarded


def _paths(work: Path, name: str) -> tuple[Path, Path]:
    return work / f"spare-{name}", work / f"spare-{name}.json"


@dataclass
class SpareTree:
    """A previous site renamed into the stage: what it holds, and what must go before rendering."""

    stage: Path
    plans: dict[str, tuple[str, list[str]]]  # display path -> (render id, files)
    site_files: list[str]
    site_keys: dict[str, str] = field(default_factory=dict)  # listing page -> key of what it shows
    kept: set[str] = field(default_factory=set)

    def claim(self, display: str, rendered: str, files: list[str]) -> bool:
        """Whether the stage already has exactly these files of this render of the plan; if so,
        they are marked kept (not cleared)."""
        entry = self.plans.get(display)
        if entry is not None and rendered and entry[0] == rendered and entry[1] == files:
            self.kept.add(display)
            return True
        return False

    def worth_keeping(self) -> bool:
        """Clearing a plan's files costs about what linking them anew does: a spare that holds
        fewer plans than it must clear (after a full rebuild, say) is thrown away instead."""
        return bool(self.kept) and len(self.kept) >= len(self.plans) - len(self.kept)

    def holds_page(self, path: str, key: str) -> bool:
        """Whether the stage already has this listing page as it is to be."""
        return bool(key) and self.site_keys.get(path) == key

    def clear_rest(self) -> None:
        """Remove the files of plans that are not kept (changed, renamed or deleted since),
        before linking and rendering, which may reuse their folders."""
        folders: set[str] = set()
        for display, (_, files) in self.plans.items():
            if display not in self.kept:
                self._remove(files, folders)
        self._prune(folders)

    def clear_site_files(self, current: list[str]) -> None:
        """Remove the listing pages and assets the new site no longer has (a deleted tag's page)."""
        keep = set(current)
        folders: set[str] = set()
        self._remove([name for name in self.site_files if name not in keep], folders)
        self._prune(folders)

    def _prune(self, folders: set[str]) -> None:
        # Deepest first, so that a plan's folder goes before its parent; a folder still in use stays.
        for folder in sorted(folders, key=lambda f: f.count("/"), reverse=True):
            with contextlib.suppress(OSError):
                os.rmdir(self.stage / folder)

    def _remove(self, files: list[str], folders: set[str]) -> None:
        for name in files:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.stage / name)
            parent = os.path.dirname(name)
            while parent:
                folders.add(parent)
                parent = os.path.dirname(parent)


def adopt(work: Path, name: str, stage: Path) -> SpareTree | None:
    """Rename the spare tree to ``stage`` if its description can be trusted, else discard it."""
    folder, description = _paths(work, name)
    try:
        data = json.loads(description.read_text(encoding="utf-8"))
        description.unlink()  # from here on the tree is a stage: a killed build's leftovers are cleaned
    except (OSError, ValueError):
        data = None
    if not folder.is_dir():
        return None
    try:
        valid = (isinstance(data, dict) and data.get("format") == FORMAT and data.get("inode") == os.stat(folder).st_ino)
        if valid:
            plans = {str(k): (str(v[0]), [str(f) for f in v[1]]) for k, v in data["plans"].items()}
            site_files = [str(f) for f in data["site_files"]]
            site_keys = {str(k): str(v) for k, v in data["site_keys"].items()}
    except (OSError, KeyError, TypeError, IndexError, AttributeError):
        valid = False
    if not valid:
        discard(work, name)
        return None
    os.rename(folder, stage)
    return SpareTree(stage, plans, site_files, site_keys)


def keep(old_site: Path, work: Path, name: str, plans: dict[str, tuple[str, list[str]]], site_files: list[str],
         site_keys: dict[str, str]) -> None:
    """Keep the tree a swap handed back as the spare, described by the records it was built from."""
    folder, description = _paths(work, name)
    discard(work, name)
    os.rename(old_site, folder)
    data: dict[str, Any] = {"format": FORMAT, "inode": os.stat(folder).st_ino,
                            "plans": {k: [v[0], v[1]] for k, v in plans.items()}, "site_files": site_files,
                            "site_keys": site_keys}
    write_atomic(description, json.dumps(data, separators=(",", ":")).encode("utf-8"))


def discard(work: Path, name: str) -> None:
    """Remove the spare tree and its description (the tree in the background)."""
    folder, description = _paths(work, name)
    description.unlink(missing_ok=True)
    if folder.exists():
        throw_away(folder)


def prepare_later(site: Path, work: Path) -> None:
    """Build a spare for the next build in the background, by hard-linking the site as it is
    now: after a build that left no spare worth keeping (the first one, or one that rendered
    most plans), so that the next edit, too, touches only what changes."""
    with contextlib.suppress(OSError):  # only a speed-up
        subprocess.Popen([sys.executable, "-m", "generator.spare", str(site.resolve()), str(work.resolve())],
                         cwd=Path(__file__).resolve().parent.parent, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)


def _clone(site: Path, work: Path) -> None:
    """The background half of :func:`prepare_later`. The copy becomes the spare only if, once
    done, no build is running, ``site/`` is still the same tree (no swap since: same inode) and
    as the manifest describes it; anything else and it is thrown away."""
    from .manifest import Manifest

    manifest = Manifest(work, site)
    name = manifest.name
    with open(work / f"spare-{name}.building.lock", "w") as mine:
        fcntl.flock(mine, fcntl.LOCK_EX)  # after any copy still being made (it will give up: the site changed)
        building = work / f"spare-{name}.building"
        if building.exists():
            shutil.rmtree(building)
        try:
            root = os.stat(site).st_ino
            _link_tree(site, building)
            with exclusive(work / "build.lock") as held:
                if not held:
                    return  # a build is running: it leaves its own spare
                if (os.stat(site).st_ino == root and not _paths(work, name)[0].exists() and manifest.site_intact(site)
                        and manifest.body_ok()):
                    keep(building, work, name, {d: (r.rendered, r.files) for d, r in manifest.records().items()},
                         manifest.site_files(), manifest.site_keys())
        finally:
            if building.exists():
                shutil.rmtree(building, ignore_errors=True)


def _link_tree(source: Path, target: Path) -> None:
    for folder, _, files in os.walk(source):
        into = target / os.path.relpath(folder, source)
        into.mkdir(parents=True, exist_ok=True)
        for name in files:
            os.link(os.path.join(folder, name), into / name)


def clean_leftovers(work: Path) -> None:
    """Remove copies left by a background copy that died (its lock is free)."""
    for building in work.glob("spare-*.building"):
        with open(building.with_name(building.name + ".lock"), "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue
            throw_away(building)


if __name__ == "__main__":
    with contextlib.suppress(Exception):  # a detached helper: nobody would see an error
        _clone(Path(sys.argv[1]), Path(sys.argv[2]))
