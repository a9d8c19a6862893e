"""A project a newcomer can start anywhere: deload init, finding the project from any
folder inside it, and a clear note when base_url is a placeholder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.project import find_root, placeholder_base_url


@contextmanager
def inside(folder: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(old)


@pytest.mark.parametrize(("before", "after", "said"), [
    ("node_modules/\n", "node_modules/\n/site/\n/.deload/\n", "; /site/ and /.deload/ added to .gitignore."),
    ("node_modules/", "node_modules/\n/site/\n/.deload/\n", "; /site/ and /.deload/ added to .gitignore."),
    ("site/\n", "site/\n/.deload/\n", "; /.deload/ added to .gitignore."),
    ("/site\n.deload\n", "/site\n.deload\n", "my-first-plan.md."),
    ("/site/\n/.deload/\n", "/site/\n/.deload/\n", "my-first-plan.md."),
])
def test_init_in_a_folder_with_a_gitignore_adds_what_it_lacks(tmp_path: Path, before: str, after: str, said: str) -> None:
    """A repository's own .gitignore gains the lines for the build's output: it had been left as
    it was, while init said it had written one (site/ and .deload/ would have been committed)."""
    (tmp_path / ".gitignore").write_text(before)
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / ".gitignore").read_text() == after
    assert result.output.splitlines()[0].endswith(said), result.output


def test_init_then_build_gives_a_working_site_and_a_note_about_base_url(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["init", str(tmp_path / "coach")])
    assert result.exit_code == 0, result.output
    project = tmp_path / "coach"
    assert (project / "deload.toml").is_file() and (project / ".gitignore").read_text() == "/site/\n/.deload/\n"
    assert [p.name for p in (project / "plans").glob("*.md")] == ["my-first-plan.md"]
    with inside(project / "plans"):  # from inside the project, as git finds its repository
        built = runner.invoke(main, ["build", "--no-pdf"])
    assert built.exit_code == 0, built.output
    assert "base_url is https://example.org/plans/: readers' calendar subscriptions" in built.output
    # The example plan's deloads all fall where asked: no warning; a note on base_url, and one on
    # what the engine made of the example's weeks.
    assert "warning:" not in built.output and built.output.count("note:") == 2, built.output
    # named from plans/, where the coach stands (as git names paths)
    assert built.output.startswith("my-first-plan.md:1:1: note: the engine made 12 weeks of your 10: deloads added after your weeks 3 and 6")
    assert (project / "site" / "plans" / "my-first-plan" / "index.html").is_file()
    assert not (project / "plans" / ".deload").exists() and not (project / "plans" / "site").exists()
    again = runner.invoke(main, ["init", str(project)])
    assert again.exit_code == 1 and "this folder is a Deload project already" in again.output
    for inner in (project / "plans", project / "plans" / "drafts"):  # run from plans/, say: no project in the project
        nested = runner.invoke(main, ["init", str(inner)])
        assert nested.exit_code == 1 and f"this folder is inside the Deload project at {project.resolve()}" in nested.output
    assert not (project / "plans" / "deload.toml").exists() and not (project / "plans" / "plans").exists()


def test_outside_any_project_commands_say_so(tmp_path: Path) -> None:
    with inside(tmp_path):
        result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert "not a Deload project: no deload.toml or plans/ folder here or in any folder above; start one with 'deload init'" in result.output
    assert list(tmp_path.iterdir()) == []  # no debris


def test_a_plan_file_can_be_checked_anywhere(tmp_path: Path) -> None:
    plan = tmp_path / "loose.md"
    plan.write_text("---\ntitle: Loose\nunits: km\n---\n\n## Week 1\n- Sat: Long 10 km\n", encoding="utf-8")
    with inside(tmp_path):
        result = CliRunner().invoke(main, ["check", str(plan)])
    assert result.exit_code == 0, result.output


def test_a_plan_is_read_with_the_settings_of_the_project_holding_it(tmp_path: Path) -> None:
    """Given a plan, a command from any folder reads it as its project does (its deload.toml's
    defaults), as linters find their configuration; a plan in no project gets Deload's defaults
    and nothing is written beside it or where the command runs."""
    project = tmp_path / "coach"
    (project / "plans").mkdir(parents=True)
    (project / "deload.toml").write_text('[periodization]\ndeload = { every = 3, mode = "replace" }\n', encoding="utf-8")
    weeks = "".join(f"## Week {n}\n- Tue: Easy 5 km\n- Sun: Long {8 + n} km\n" for n in range(1, 9))
    plan = project / "plans" / "eight.md"
    plan.write_text(f"---\ntitle: Eight\nunits: km\n---\n{weeks}", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    runner = CliRunner()
    with inside(elsewhere):
        from_outside = runner.invoke(main, ["expand", str(plan)])
        loose = elsewhere / "loose.md"
        loose.write_text(plan.read_text(encoding="utf-8"), encoding="utf-8")
        alone = runner.invoke(main, ["expand", "loose.md"])
    with inside(project / "plans"):
        from_inside = runner.invoke(main, ["expand", "eight.md"])
        checked = runner.invoke(main, ["check"])
    assert from_outside.exit_code == 0 and from_inside.exit_code == 0, from_outside.output + from_inside.output
    assert "deload every 3 (replace" in from_outside.output and "deload every 3 (replace" in from_inside.output
    assert alone.exit_code == 0 and "deload every 4 (insert" in alone.output, alone.output  # Deload's default
    assert sorted(p.name for p in elsewhere.iterdir()) == ["loose.md"]  # no .deload/ cache beside it
    assert checked.exit_code == 0 and "1 plan checked" in checked.output, checked.output
    (project / "deload.toml").write_text("[site]\ntitel = 'A typo'\n", encoding="utf-8")
    with inside(elsewhere):  # a project's folder, checked from outside it: read with its deload.toml
        folder_checked = runner.invoke(main, ["check", str(project)])
    assert folder_checked.exit_code == 1 and "deload.toml:2:1: error: unknown key 'site.titel'" in folder_checked.output


def test_finding_the_root_and_placeholder_addresses(tmp_path: Path) -> None:
    (tmp_path / "site" / "plans" / "deep").mkdir(parents=True)
    assert find_root(tmp_path / "site" / "plans" / "deep") == tmp_path / "site"
    assert placeholder_base_url("http://localhost:8000/") and placeholder_base_url("https://deload.example.org/")
    assert not placeholder_base_url("https://plans.coach-sam.com/")


def test_the_example_plan_follows_the_projects_deload_defaults(tmp_path: Path) -> None:
    """deload.toml says it sets every plan's deloads: the plan deload init (and deload new) writes
    leaves them to it, with Deload's defaults written out as comments to uncomment."""
    runner = CliRunner()
    project = tmp_path / "coach"
    assert runner.invoke(main, ["init", str(project)]).exit_code == 0
    config = project / "deload.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("every = 4", "every = 3"), encoding="utf-8")
    result = runner.invoke(main, ["expand", str(project / "plans" / "my-first-plan.md")])
    assert result.exit_code == 0 and "deload every 3 (insert, volume" in result.output, result.output
    assert "#   deload:\n#     every: 4" in (project / "plans" / "my-first-plan.md").read_text(encoding="utf-8")


def test_a_new_plan_is_a_draft_until_its_line_is_deleted(tmp_path: Path) -> None:
    """As Hugo's new content: 'deload new' had published its placeholders ('One or two sentences for
    the index page.') on the index and in the Atom feed at the next build."""
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path)]).exit_code == 0
    made = runner.invoke(main, ["new", "Spring Half", "--race", "half", "-C", str(tmp_path)])
    assert made.exit_code == 0 and "a draft" in made.output
    plan = tmp_path / "plans" / "spring-half.md"
    assert "\ndraft: true " in plan.read_text()
    built = runner.invoke(main, ["build", "--no-pdf", "-C", str(tmp_path)])
    assert built.exit_code == 0 and "spring-half.md:" in built.output and "a draft" in built.output
    assert not (tmp_path / "site" / "plans" / "spring-half").exists()
    plan.write_text("".join(line for line in plan.read_text().splitlines(keepends=True) if not line.startswith("draft:")))
    assert runner.invoke(main, ["build", "--no-pdf", "-C", str(tmp_path)]).exit_code == 0
    assert (tmp_path / "site" / "plans" / "spring-half" / "index.html").is_file()


def test_a_readme_or_underscore_file_in_plans_is_the_coachs_own_note(tmp_path: Path) -> None:
    """A plans/README.md had failed the whole build ("expected '---' on the first line")."""
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path)]).exit_code == 0
    (tmp_path / "plans" / "README.md").write_text("# Our plans\n\nNotes for the club's coaches.\n")
    (tmp_path / "plans" / "_ideas.md").write_text("Hill block for next spring?\n")
    built = runner.invoke(main, ["build", "--no-pdf", "-C", str(tmp_path)])
    assert built.exit_code == 0 and "README" not in built.output and "built 1 plan" in built.output
    assert runner.invoke(main, ["check", str(tmp_path / "plans" / "README.md")]).exit_code == 1  # named, it is read
