"""The helper that renders an edit's plans while the build loads: same site, never in the way."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from generator import early

from .conftest import ROOT
from .site_build import EPOCH, build_project, make_project
from .test_build import fresh_tree, tree

PLANS = ["couch-to-5k.md", "10k-8-weeks.md", "half-marathon-beginner.md"]
LATER = str(int(EPOCH) + 60)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = make_project(tmp_path / "a", [ROOT / "plans" / name for name in PLANS])
    build_project(folder, "--no-pdf", "--jobs", "2")
    return folder


def edit_and_build(project: Path, tmp_path: Path, *args: str) -> dict[str, int]:
    plan = project / "plans" / "10k-8-weeks.md"
    plan.write_text(plan.read_text().replace("Easy 6 km", "Easy 7 km", 1))
    stats = tmp_path / "stats.json"
    build_project(project, "--no-pdf", "--jobs", "2", "--stats", str(stats), *args, epoch=LATER)
    return json.loads(stats.read_text())  # type: ignore[no-any-return]


def no_helper_leftovers(project: Path) -> bool:
    return not list((project / ".deload").glob("stage-*"))


def test_an_edited_plan_is_rendered_by_the_helper_and_the_site_is_as_a_full_build(project: Path, tmp_path: Path) -> None:
    figures = edit_and_build(project, tmp_path)
    assert figures["plans_rendered"] == 1 and figures["plans_early"] == 1
    assert tree(project / "site") == fresh_tree(project, tmp_path / "fresh", LATER)
    assert no_helper_leftovers(project)


def test_a_failing_helper_only_means_the_build_renders_the_plan_itself(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("the helper died")

    monkeypatch.setattr(early, "_helper", broken)  # the forked helper runs this copy
    figures = edit_and_build(project, tmp_path)
    assert figures["plans_rendered"] == 1 and figures["plans_early"] == 0
    assert tree(project / "site") == fresh_tree(project, tmp_path / "fresh", LATER)
    assert no_helper_leftovers(project)


def test_a_helper_whose_state_file_was_rewritten_is_not_used(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The helper starts before the build takes its lock: another build may rewrite the state
    # file in between, and the helper's copy must then not be rendered from.
    original = early.EarlyRender.start

    def start_then_another_build_writes_state(settings: object) -> early.EarlyRender | None:
        helper = original(settings)  # type: ignore[arg-type]
        state = project / "plans" / "deload-state.json"
        replacement = state.with_name("state.tmp")
        replacement.write_bytes(state.read_bytes())
        replacement.replace(state)  # as a build saves it: a new file in its place
        return helper

    monkeypatch.setattr(early.EarlyRender, "start", staticmethod(start_then_another_build_writes_state))
    figures = edit_and_build(project, tmp_path)
    assert figures["plans_rendered"] == 1 and figures["plans_early"] == 0
    assert tree(project / "site") == fresh_tree(project, tmp_path / "fresh", LATER)
    assert no_helper_leftovers(project)


def test_no_helper_with_one_job_and_none_left_after_a_no_op(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[int] = []
    original = early.EarlyRender.start

    def start(settings: object) -> early.EarlyRender | None:
        helper = original(settings)  # type: ignore[arg-type]
        started.extend([helper.pid] if helper else [])
        return helper

    monkeypatch.setattr(early.EarlyRender, "start", staticmethod(start))
    assert edit_and_build(project, tmp_path, "--jobs", "1")["plans_early"] == 0
    assert started == []
    stats = tmp_path / "noop.json"
    build_project(project, "--no-pdf", "--jobs", "2", "--stats", str(stats), epoch=LATER)
    assert json.loads(stats.read_text())["noop"] and len(started) == 1
    assert no_helper_leftovers(project)
    with pytest.raises(ChildProcessError):  # the helper was stopped and waited for: no zombie, no orphan
        os.waitpid(started[0], os.WNOHANG)


def test_many_changed_plans_go_to_the_pool(project: Path, tmp_path: Path) -> None:
    for name in PLANS:
        path = project / "plans" / name
        path.write_text(path.read_text().replace("title: ", "title: New ", 1))
    shutil.copy(project / "plans" / "10k-8-weeks.md", project / "plans" / "10k-copy.md")
    (project / "plans" / "10k-copy.md").write_text(
        (project / "plans" / "10k-copy.md").read_text().replace("title: ", "slug: ten-k-copy\ntitle: ", 1))
    for extra in ("marathon-novice.md", "10-mile-masters.md"):
        shutil.copy(ROOT / "plans" / extra, project / "plans" / extra)
    figures = edit_and_build(project, tmp_path)
    assert figures["plans_rendered"] == 6 and figures["plans_early"] == 0
