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
