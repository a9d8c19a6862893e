"""File-system helpers: files replaced in one step, and locks that die with their process.

(The site as a whole is swapped in by :mod:`generator.build.tree`.)
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import DeloadError, Diagnostic

_HELD: set[int] = set()  # descriptors of the locks this process holds


def _forget_locks_in_child() -> None:
    # A forked worker inherits the build's lock descriptor, and an flock lives as long as any
    # descriptor of it: a worker orphaned by a kill -9 of its build would hold the lock forever.
    for fd in _HELD:
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD.clear()


os.register_at_fork(after_in_child=_forget_locks_in_child)


BUILD_LOCKED = "build-locked"  # the code of the error a build gets while another one runs


@contextmanager
def build_lock(work_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock so two builds never write the same site at once. The lock dies with
    this process (never with its children: see :func:`_forget_locks_in_child`), and the file
    names the holder's process id while it is held."""
    def busy(path: Path, holder: str) -> DeloadError:
        who = f" (process {holder})" if holder.isdigit() else ""
        return DeloadError([Diagnostic(str(path), 1, 1, f"another deload build{who} is running in this project; "
                                       "wait for it to finish", code=BUILD_LOCKED)])

    with _exclusive(work_dir / "build.lock", str(os.getpid()), busy):
        yield


@contextmanager
def serve_lock(work_dir: Path, url: str) -> Iterator[None]:
    """One ``deload serve`` a project: two would write the same preview, each with its own address
    in the other's pages. The file names the holder and its address while it is held."""
    with _exclusive(work_dir / "serve.lock", f"{os.getpid()} {url}", _serving):
        yield


def serving(work_dir: Path) -> DeloadError | None:
    """The error for a second server, if a ``deload serve`` previews the project now (asked before
    binding a port, which the first may hold: "port in use" would hide the reason)."""
    path = work_dir / "serve.lock"
    if not path.is_file():
        return None
    with open(path, encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _serving(path, handle.read().strip())
        fcntl.flock(handle, fcntl.LOCK_UN)
    return None


def _serving(path: Path, holder: str) -> DeloadError:
    pid, _, address = holder.partition(" ")
    return DeloadError([Diagnostic(str(path), 1, 1, f"another deload serve (process {pid}) is previewing this "
                                   f"project at {address}; open that address, or stop it (Ctrl+C in its terminal) first")])


@contextmanager
def _exclusive(path: Path, holder: str, busy: Callable[[Path, str], DeloadError]) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise busy(path, path.read_text(encoding="utf-8", errors="replace").strip()) from None
        _HELD.add(handle.fileno())
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"{holder}\n")
            handle.flush()
            yield
        finally:
            _HELD.discard(handle.fileno())
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)


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


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """A hard link (no copy); a copy where the file system has none. A missing source or an
    existing target is an error: never copy onto a name that may share an inode with the live site."""
    try:
        os.link(source, target)
    except (FileNotFoundError, FileExistsError):
        raise
    except OSError:
        shutil.copy2(source, target)  # with its time: the next build knows the copy (build/tree.py)


def write_bytes(path: Path, data: bytes) -> None:
    """Write a file in the staging folder. Any existing file there is unlinked first: it may be a
    hard link to the live site, which must never be written through."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    path.write_bytes(data)
