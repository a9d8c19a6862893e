"""Rendering the few plans an edit changed, started before the build knows it needs them.

After a one-plan edit, most of a build's time goes before any rendering: loading the
manifest and the state file, importing the renderers (Jinja2, markdown-it, Pillow...).
On a machine with a second core, the build forks a helper as soon as it holds the lock.
The helper imports the renderers and loads the templates while the build finds out what
changed; the build then sends it the plans whose source changed, and it renders them into
a folder of its own, which the build moves into its stage.

Nothing depends on the helper: if it is not needed (a no-op, or many plans changed), it is
stopped; if it fails, the build renders those plans itself, exactly as it would have. It
is forked after the build read the state file, so both render from the same text.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Settings

if TYPE_CHECKING:
    from .plan_job import PlanOutput

EARLY_MAX = 4  # more changed plans than this go to the process pool instead


class EarlyRender:
    """The parent's handle on the helper process."""

    def __init__(self, pid: int, tasks_fd: int, results_fd: int, folder: Path, state_path: Path, state_text: str):
        self.pid = pid
        self.folder = folder
        self.state_path = state_path
        self.state_text = state_text  # the state file as the helper has it: the build must use the same
        self._state_seen = _identity(state_path)
        self.tasks: list[tuple[Path, str]] = []
        self._tasks_fd: int | None = tasks_fd
        self._results_fd: int | None = results_fd

    @classmethod
    def start(cls, settings: Settings) -> EarlyRender | None:
        """Fork the helper; None where that is not possible. The state file is read first: the
        helper inherits the text, and the build must use :attr:`state_text` rather than read it again."""
        from .errors import DeloadError
        from .state import STATE_NAME, read_text

        state_path = settings.plans_dir / STATE_NAME
        try:
            state_text = read_text(state_path)
        except DeloadError:  # the build reads it again and reports the problem
            return None
        folder = settings.work_dir / f"stage-{os.getpid()}-early"  # removed by clean_stale if left behind
        try:
            tasks_r, tasks_w = os.pipe()
        except OSError:
            return None
        try:
            results_r, results_w = os.pipe()
        except OSError:
            os.close(tasks_r)
            os.close(tasks_w)
            return None
        try:
            pid = os.fork()
        except OSError:
            for fd in (tasks_r, tasks_w, results_r, results_w):
                os.close(fd)
            return None
        if pid == 0:  # the helper: never returns into the build
            code = 1
            try:
                os.close(tasks_w)
                os.close(results_r)
                _helper(settings, folder, state_path, state_text, tasks_r, results_w)
                code = 0
            finally:
                os._exit(code)
        os.close(tasks_r)
        os.close(results_w)
        return cls(pid, tasks_w, results_r, folder, state_path, state_text)

    def state_current(self) -> bool:
        """Whether the state file is still the one the helper read (the build checks, holding
        the lock, since the helper was started before it: Deload replaces the file whole, so
        a new inode or size or time means another build wrote it)."""
        return _identity(self.state_path) == self._state_seen

    def send(self, tasks: list[tuple[Path, str]], now: Any, papers: tuple[str, ...]) -> None:
        """Give the helper the plans to render; with none for it (or too many), stop it at once
        rather than let it take a core from the build's workers."""
        self.tasks = list(tasks) if 0 < len(tasks) <= EARLY_MAX else []
        if not self.tasks:
            self.stop()
            return
        import pickle  # not at the top: a no-op build never needs it

        payload = pickle.dumps((self.tasks, now, papers))
        fd, self._tasks_fd = self._tasks_fd, None
        if fd is None:
            return
        try:
            while payload:  # a few paths: far below a pipe's capacity, so this never blocks
                payload = payload[os.write(fd, payload):]
        except OSError:
            self.tasks = []
        finally:
            os.close(fd)

    def collect(self) -> list[PlanOutput] | None:
        """The helper's outputs (in the order sent), or None if it failed."""
        import pickle

        fd, self._results_fd = self._results_fd, None
        if fd is None:
            return None
        chunks = []
        with os.fdopen(fd, "rb") as results:
            while chunk := results.read(1 << 20):
                chunks.append(chunk)
        self._reap()
        try:
            outputs = pickle.loads(b"".join(chunks)) if chunks else None
        except Exception:  # a helper killed mid-write: render those plans here
            return None
        return outputs if isinstance(outputs, list) and len(outputs) == len(self.tasks) else None

    def stop(self) -> None:
        """End the helper if it still runs, and remove its folder. Safe to call twice."""
        for name in ("_tasks_fd", "_results_fd"):
            fd = getattr(self, name)
            if fd is not None:
                setattr(self, name, None)
                with contextlib.suppress(OSError):
                    os.close(fd)
        if self.pid:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            self._reap()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _reap(self) -> None:
        if self.pid:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
            self.pid = 0


def _identity(path: Path) -> tuple[int, int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns


def _helper(settings: Settings, folder: Path, state_path: Path, state_text: str, tasks_fd: int, results_fd: int) -> None:
    import pickle

    from . import plan_job
    from .state import State

    plan_job.warm(settings)  # the imports and templates the build would otherwise wait for
    with os.fdopen(tasks_fd, "rb") as tasks:
        payload = tasks.read()
    if not payload:
        return
    todo, now, papers = pickle.loads(payload)
    state = State.parse(state_path, state_text)
    plan_job.set_context(plan_job.BuildContext(settings, folder, now, papers, state))
    data = pickle.dumps([plan_job.run(task) for task in todo])
    with os.fdopen(results_fd, "wb") as results:
        results.write(data)
