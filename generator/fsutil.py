"""File-system helpers for atomic builds: a staging directory swapped in whole.

The new site is written beside the old one and exchanged with it in a single
``renameat2(RENAME_EXCHANGE)`` call where the kernel offers it, so a reader
(or a static host syncing ``site/``) never sees a half-written site, and a
build that dies midway leaves the previous site untouched.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import DeloadError, Diagnostic

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _renameat2() -> object | None:
    # The process's own symbols include the C library's: no ctypes.util.find_library, which
    # runs `ldconfig -p` in a subprocess on every start.
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    func = getattr(libc, "renameat2", None)
    if func is None:
        return None
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    func.restype = ctypes.c_int
    return func


_RENAMEAT2 = _renameat2()


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths; False where the kernel or file system cannot."""
    if _RENAMEAT2 is None:
        return False
    result = _RENAMEAT2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)  # type: ignore[operator]
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(a))


def swap_in(stage: Path, target: Path) -> Path | None:
    """Make ``stage`` the new ``target``. Returns where the old site now is (the stage's path)
    when the two were exchanged: the caller keeps it for the next build or removes it."""
    if not target.exists():
        os.rename(stage, target)
        return None
    if exchange(stage, target):
        return stage
    # Without an atomic exchange there is a moment with no target; if the build dies then,
    # the next build's clean_stale() puts the previous site back.
    old = stage.with_name(f"previous-{os.getpid()}")
    os.rename(target, old)
    os.rename(stage, target)
    shutil.rmtree(old, ignore_errors=True)
    return None


def throw_away(path: Path) -> None:
    """Remove a whole tree without waiting: renamed to ``trash-*`` (which the next build's
    :func:`clean_stale` removes if this does not finish), then deleted by a detached process."""
    # Unique: a detached rm may still be emptying an earlier tree thrown away under a similar name.
    trash = path.with_name(f"trash-{path.name}-{os.getpid()}-{os.urandom(4).hex()}")
    os.rename(path, trash)
    remove_later(trash)


def remove_later(path: Path) -> None:
    try:
        subprocess.Popen(["rm", "-rf", "--", str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        shutil.rmtree(path, ignore_errors=True)


_HELD: set[int] = set()  # descriptors of the locks this process holds


def _forget_locks_in_child() -> None:
    # A forked worker inherits the build's lock descriptor, and an flock lives as long as any
    # descriptor of it: a worker orphaned by a kill -9 of its build would hold the lock forever.
    for fd in _HELD:
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD.clear()


os.register_at_fork(after_in_child=_forget_locks_in_child)


@contextmanager
def exclusive(path: Path) -> Iterator[bool]:
    """Try to hold an exclusive lock on ``path``; yields whether it is held. The lock dies with
    this process (never with its children: see :func:`_forget_locks_in_child`), and the file
    names the holder's process id while it is held."""
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        _HELD.add(handle.fileno())
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n")
            handle.flush()
            yield True
        finally:
            _HELD.discard(handle.fileno())
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def build_lock(work_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock so two builds never write the same site at once."""
    work_dir.mkdir(parents=True, exist_ok=True)
    path = work_dir / "build.lock"
    with exclusive(path) as held:
        if not held:
            holder = path.read_text(encoding="utf-8", errors="replace").strip()
            who = f" (process {holder})" if holder.isdigit() else ""
            raise DeloadError([Diagnostic(str(path), 1, 1, f"another deload build{who} is running in this project; "
                                          "wait for it to finish")])
        yield


def clean_stale(work_dir: Path, target: Path) -> None:
    """Remove what a killed build left behind: staging folders, and restore the previous site
    if the build died in the middle of a non-atomic swap."""
    if not work_dir.is_dir():
        return
    for entry in sorted(work_dir.iterdir()):
        if entry.name.startswith("previous-") and entry.is_dir():
            if not target.exists():
                os.rename(entry, target)
            else:
                shutil.rmtree(entry, ignore_errors=True)
    for entry in work_dir.iterdir():
        # A killed build's stage, or a tree a detached ``rm`` may still be deleting: in the background.
        if entry.name.startswith("stage-") and entry.is_dir():
            throw_away(entry)
        elif entry.name.startswith("trash-") and entry.is_dir():
            remove_later(entry)


def write_beside(path: Path, data: bytes) -> Path:
    """Write ``data`` to a new hidden temporary file next to ``path``, to be renamed over it; a
    failed write (a full disk) leaves no file behind."""
    pending = path.with_name(f".{path.name}.{os.getpid()}-{os.urandom(3).hex()}.tmp")
    try:
        with open(pending, "xb") as handle:
            handle.write(data)
    except BaseException:
        pending.unlink(missing_ok=True)
        raise
    return pending


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step: readers see the old file or the new one."""
    pending = write_beside(path, data)
    try:
        os.replace(pending, path)
    except BaseException:
        pending.unlink(missing_ok=True)
        raise


def clean_pending(folder: Path, name: str) -> None:
    """Remove the temporary files a killed process left beside ``folder/name`` (call under the build lock)."""
    for leftover in folder.glob(f".{name}.*.tmp"):
        leftover.unlink(missing_ok=True)


def write_bytes(path: Path, data: bytes) -> None:
    """Write a file in the staging folder. Any existing file there is unlinked first: it may be a
    hard link to the live site, which must never be written through."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    path.write_bytes(data)
