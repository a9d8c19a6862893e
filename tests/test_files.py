"""Finding plan files in a library folder."""

from __future__ import annotations

import os
from pathlib import Path

from generator.source.files import find_plan_files


def test_plans_in_subfolders_sorted_hidden_and_other_files_skipped(tmp_path: Path) -> None:
    for name in ["b.md", "a/z.markdown", "a-b.md", ".draft.md", ".git/x.md", "notes.txt", "a/deeper/c.MD"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    found = [str(p.relative_to(tmp_path)) for p in find_plan_files([tmp_path])]
    assert found == ["a/deeper/c.MD", "a/z.markdown", "a-b.md", "b.md"]


def test_a_linked_folder_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "one.md").write_text("x")
    os.symlink(tmp_path / "plans", tmp_path / "plans" / "loop")  # would list every plan again, forever
    assert [p.name for p in find_plan_files([tmp_path / "plans"])] == ["one.md"]


def test_a_file_given_by_name_is_kept_as_given(tmp_path: Path) -> None:
    path = tmp_path / "anything.txt"
    path.write_text("x")
    assert find_plan_files([path]) == [path]


def _build(project: Path) -> tuple[int, str]:
    from click.testing import CliRunner

    from generator.cli import main

    result = CliRunner().invoke(main, ["build", "--project", str(project), "--no-pdf"])
    return result.exit_code, result.output


def _project(tmp_path: Path) -> Path:
    from .conftest import ROOT

    project = tmp_path / "project"
    (project / "plans").mkdir(parents=True)
    (project / "plans" / "couch-to-5k.md").write_text((ROOT / "plans" / "couch-to-5k.md").read_text())
    return project


def test_a_plan_linked_from_outside_the_project_is_refused(tmp_path: Path) -> None:
    project = _project(tmp_path)
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Not for publishing\n---\n## Week 1\n- Tue: Easy 5 km\n")
    os.symlink(secret, project / "plans" / "linked.md")
    code, output = _build(project)
    assert code == 1
    assert f"plans/linked.md:1:1: error: this plan is a link to {secret}, outside the project" in output
    assert not (project / "site").exists()


def test_a_plans_folder_linked_from_outside_is_refused_but_links_inside_are_fine(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "drafts").mkdir()
    (project / "drafts" / "ten.md").write_text("---\ntitle: Inside\n---\n## Week 1\n- Tue: Easy 5 km\n")
    os.symlink(project / "drafts" / "ten.md", project / "plans" / "ten.md")  # inside the project: published
    code, output = _build(project)
    assert code == 0, output
    assert (project / "site" / "plans" / "ten" / "index.html").exists()
    elsewhere = tmp_path / "elsewhere"
    (project / "plans").rename(elsewhere)
    os.symlink(elsewhere, project / "plans")
    code, output = _build(project)
    assert code == 1 and f"plans:1:1: error: plans/ is a link to {elsewhere}, outside the project" in output


def test_template_and_static_files_linked_from_outside_are_not_used(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "templates" / "static").mkdir(parents=True)
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0")
    os.symlink(secret, project / "templates" / "static" / "x.txt")
    os.symlink(secret, project / "templates" / "base.html")
    code, output = _build(project)
    assert code == 0, output
    assert f"templates/static/x.txt:1:1: warning: this file is a link to {secret}, outside the project: it is not used or published" in output
    assert f"templates/base.html:1:1: warning: this file is a link to {secret}" in output
    assert not (project / "site" / "assets" / "x.txt").exists()
    assert not any("root:x" in path.read_text(errors="replace") for path in (project / "site").rglob("*") if path.is_file())
    assert "<!DOCTYPE html>" in (project / "site" / "index.html").read_text()  # Deload's own base.html
