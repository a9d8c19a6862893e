"""Worker processes: recycled without deadlock, and never outliving a build killed with kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build import pdfs as pdfjobs
from generator.build.workers import parallel_map

from .conftest import ROOT, library_plans
from .site_build import EPOCH, build_project, make_project


def _pid_of(item: int) -> tuple[int, int]:
    time.sleep(0.01)
    return item, os.getpid()


def test_parallel_map_keeps_order_and_replaces_workers() -> None:
    done = list(parallel_map(_pid_of, list(range(24)), workers=2, per_worker=3))
    assert [item for item, _ in done] == list(range(24))
    pids = [pid for _, pid in done]
    rounds = [set(pids[start:start + 6]) for start in range(0, 24, 6)]
    assert all(1 <= len(r) <= 2 for r in rounds)
    assert len(set().union(*rounds)) >= 4  # fresh workers each round: no worker did more than its share
    assert os.getpid() not in pids


def test_a_build_whose_workers_are_replaced_many_times_finishes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # With ProcessPoolExecutor(max_tasks_per_child=25) a build of more than 25 PDFs a worker hung
    # forever (CPython gh-115634); one PDF a worker makes every PDF replace its worker.
    monkeypatch.setattr(pdfjobs, "TASKS_PER_WORKER", 1)
    project = make_project(tmp_path / "p", [ROOT / "plans" / "strength-for-runners-14-day.md", ROOT / "plans" / "couch-to-5k.md"])
    output = build_project(project, "--jobs", "2")
    assert "8 PDFs (8 rendered)" in output
    assert len(list((project / "site").rglob("*.pdf"))) == 8


def _session_processes(session: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.getsid(int(entry)) == session:
                    found.append(int(entry))
            except OSError:
                continue
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("phase", ["plans", "pdf"])
def test_a_killed_build_leaves_no_worker_and_no_lock(tmp_path: Path, phase: str) -> None:
    project = make_project(tmp_path / "k")
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    process = subprocess.Popen([sys.executable, "-m", "generator.cli", "build", "--project", str(project), "--jobs", "2"],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    work = project / ".deload"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # until the phase to kill it in has started
        if phase == "plans" and work.is_dir() and any(p.name.startswith("twin-") for p in work.iterdir()):
            break
        if phase == "pdf" and any((work / "cache").glob("pdf-*/*.pdf")):
            break
        time.sleep(0.02)
    assert process.poll() is None, "the build finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)  # the build only: its workers are left to notice
    process.wait()
    deadline = time.monotonic() + 10
    while _session_processes(process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _session_processes(process.pid) == []
    output = build_project(project, "--no-pdf")  # not "another deload build is running"
    assert f"built {len(library_plans())} plans" in output


def test_from_a_thread_the_work_goes_to_a_fork_server_when_modules_are_named_else_stays_here() -> None:
    """deload serve builds in a thread, where forking is unsafe: its PDFs go to workers of a fork
    server (WeasyPrint's memory goes with them), its plans are rendered in the server process."""
    import threading

    found: dict[str, list[tuple[int, int]]] = {}

    def run() -> None:
        found["pdf"] = list(parallel_map(_pid_of, list(range(6)), workers=2, per_worker=3, preload=("json",)))
        found["plans"] = list(parallel_map(_pid_of, list(range(6)), workers=2))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(120)
    assert [i for i, _ in found["pdf"]] == list(range(6)) and os.getpid() not in {pid for _, pid in found["pdf"]}
    assert {pid for _, pid in found["plans"]} == {os.getpid()}
