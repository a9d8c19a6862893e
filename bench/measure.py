"""Measuring a process: wall time, CPU and memory (its own, its workers', and its whole process
tree's), ``deload build`` run so, and the probe of how fast the interpreter is running just now."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

EPOCH = "1796774400"
PYTHON = [sys.executable]  # the interpreter that runs Deload; run.install() points it at the wheel's venv


class TreeMemory:
    """Samples the resident memory of a process and all its descendants (Linux /proc).

    Summed RSS counts pages that forked workers share with their parent once per process;
    the proportional set size (PSS) splits them, so its sum is what the tree really holds."""

    # Sampling costs CPU (a scan of /proc) and stalls the sampled processes (reading smaps takes
    # their memory map lock): too often, and it slows a two-worker build more than a one-worker one.
    def __init__(self, pid: int, interval: float = 0.1, proportional_every: int = 5):
        self.pid = pid
        self.interval = interval
        self.proportional_every = proportional_every
        self.samples = 0
        self.peak_total = 0
        self.peak_single = 0
        self.peak_proportional = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()

    def _run(self) -> None:
        while not self.stop.is_set():
            parents: dict[int, int] = {}
            rss: dict[int, int] = {}
            for entry in os.listdir("/proc"):
                if not entry.isdigit():
                    continue
                try:
                    with open(f"/proc/{entry}/stat") as handle:
                        fields = handle.read().rsplit(")", 1)[1].split()
                    parents[int(entry)] = int(fields[1])
                    rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
                except (OSError, IndexError, ValueError):
                    continue
            tree = {self.pid}
            changed = True
            while changed:
                changed = False
                for pid, parent in parents.items():
                    if parent in tree and pid not in tree:
                        tree.add(pid)
                        changed = True
            sizes = [rss.get(pid, 0) for pid in tree]
            self.peak_total = max(self.peak_total, sum(sizes))
            self.peak_single = max(self.peak_single, max(sizes, default=0))
            if self.samples % self.proportional_every == 0:
                self.peak_proportional = max(self.peak_proportional, sum(_pss(pid) for pid in tree))
            self.samples += 1
            self.stop.wait(self.interval)


def proc_bytes(path: str, field: str) -> int:
    """A "<field> <n> kB" line of a /proc file, in bytes; 0 when the process or the field is gone."""
    try:
        with open(path) as handle:
            for line in handle:
                if line.startswith(field):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _pss(pid: int) -> int:
    return proc_bytes(f"/proc/{pid}/smaps_rollup", "Pss:")


def run_measured(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run a command; its wall time, CPU and memory. Raises RuntimeError when it fails.

    CPU and the largest process's peak resident memory come from ``wait4``: the process's own and
    those of the children it waited for (a build's workers). The process tree's memory is sampled
    (see :class:`TreeMemory`)."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors,
                                   cwd=cwd)
        with TreeMemory(process.pid) as memory:
            _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{Path(command[0]).name} failed:\n{errors.read().decode(errors='replace')[-3000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "max_rss_mb": usage.ru_maxrss / 1024,
            "peak_rss_mb": memory.peak_single / 2**20, "peak_tree_mb": memory.peak_total / 2**20,
            "peak_tree_pss_mb": memory.peak_proportional / 2**20}


def deload(project: Path, *args: str) -> dict[str, Any]:
    """Run ``deload build`` in its own process; return its stats, wall and CPU time and memory."""
    stats = project / ".bench-stats.json"
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, CI="")
    try:
        # -P: never import Deload from the current folder
        measured = run_measured([*PYTHON, "-P", "-m", "generator.cli", "build", "--project", str(project), "--quiet",
                                 "--stats", str(stats), *args], project, env)
    except RuntimeError as exc:
        raise SystemExit(f"deload build failed: {exc}") from exc
    data: dict[str, Any] = json.loads(stats.read_text())
    data.update(measured)
    return data


def probe(runs: int = 5) -> float:
    """CPU milliseconds for a fixed pure-Python task (best of ``runs``): how fast this Python is,
    and how fast the machine is running just now (a shared VM's speed drifts by 2x)."""
    times = []
    for _ in range(runs):
        started = time.process_time()
        counts: dict[str, int] = {}
        for i in range(200_000):
            key = f"w{i % 16}/d{i % 7}"
            counts[key] = counts.get(key, 0) + len(key)
        times.append(time.process_time() - started)
    return min(times) * 1000


def interpreter() -> dict[str, Any]:
    """Which Python runs the builds."""
    return {"executable": sys.executable, "base": os.path.realpath(getattr(sys, "_base_executable", sys.executable)),
            "version": sys.version.split()[0], "task_ms": probe()}
