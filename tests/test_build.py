"""The build pipeline: incremental builds equal full ones, atomic swaps, reproducible output."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from .conftest import ROOT
from .site_build import EPOCH, build_project, make_project

PLANS = ["couch-to-5k.md", "10k-8-weeks.md", "half-marathon-beginner.md", "10-mile-masters.md"]


def tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "a", [ROOT / "plans" / name for name in PLANS])


def test_nothing_changed_is_a_no_op(project: Path) -> None:
    assert "(4 rendered)" in build_project(project, "--no-pdf")
    before = tree(project / "site")
    assert "nothing changed" in build_project(project, "--no-pdf")
    assert tree(project / "site") == before


def test_force_repairs_a_file_edited_in_place_in_the_site(project: Path) -> None:
    build_project(project, "--no-pdf")
    before = tree(project / "site")
    page = next((project / "site" / "plans").glob("*/index.html"))
    original = page.read_bytes()
    with page.open("r+b") as handle:  # edited in place, as an editor that keeps the file does
        handle.write(original.replace(b"<html", b"<HTML", 1)[:64])
    assert "nothing changed" in build_project(project, "--no-pdf")  # in-place edits are not looked for
    assert page.read_bytes() != original
    assert "(4 rendered)" in build_project(project, "--no-pdf", "--force")
    assert tree(project / "site") == before
    state = (project / "plans" / "deload-state.json").read_text()
    assert "nothing changed" in build_project(project, "--no-pdf")
    assert (project / "plans" / "deload-state.json").read_text() == state


def test_upgrading_a_library_renders_every_plan_again(project: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    build_project(project, "--no-pdf")
    assert "nothing changed" in build_project(project, "--no-pdf")
    upgraded = tmp_path / "site-packages"
    (upgraded / "markdown_it_py-99.0.dist-info").mkdir(parents=True)
    monkeypatch.syspath_prepend(str(upgraded))
    assert "(4 rendered)" in build_project(project, "--no-pdf")
    assert "nothing changed" in build_project(project, "--no-pdf")


def test_an_incremental_build_equals_a_full_build(project: Path, tmp_path: Path) -> None:
    build_project(project, "--no-pdf")
    plan = project / "plans" / "10k-8-weeks.md"
    plan.write_text(plan.read_text().replace("Easy 6 km", "Easy 7 km", 1))
    output = build_project(project, "--no-pdf", epoch=str(int(EPOCH) + 60))
    assert "(1 rendered)" in output
    # the same sources and state, built from nothing
    fresh = tmp_path / "fresh"
    shutil.copytree(project / "plans", fresh / "plans")
    shutil.copy(project / "deload.toml", fresh / "deload.toml")
    shutil.copy(project / "plans" / "deload-state.json", fresh / "plans" / "deload-state.json")
    build_project(fresh, "--no-pdf", epoch=str(int(EPOCH) + 60))
    assert tree(project / "site") == tree(fresh / "site")
    assert (project / "plans" / "deload-state.json").read_bytes() == (fresh / "plans" / "deload-state.json").read_bytes()


def fresh_tree(project: Path, folder: Path, epoch: str) -> dict[str, str]:
    """The site that the project's sources and state give when built from nothing."""
    shutil.copytree(project / "plans", folder / "plans")
    shutil.copy(project / "deload.toml", folder / "deload.toml")
    if (project / "templates").is_dir():
        shutil.copytree(project / "templates", folder / "templates")
    build_project(folder, "--no-pdf", epoch=epoch)
    return tree(folder / "site")


def test_a_series_of_edits_stays_equal_to_full_builds(project: Path, tmp_path: Path) -> None:
    """Each build after the first starts from the site the previous one replaced (the twin
    tree): whatever the edits, the result must be what a build from nothing gives."""
    plans = project / "plans"

    def edit(name: str, old: str, new: str) -> None:
        path = plans / name
        text = path.read_text()
        assert old in text
        path.write_text(text.replace(old, new, 1))

    def add_template(name: str, text: str) -> None:
        (project / "templates").mkdir(exist_ok=True)
        (project / "templates" / name).write_text(text)

    steps = [
        lambda: edit("10k-8-weeks.md", "Easy 6 km", "Easy 7 km"),
        lambda: edit("couch-to-5k.md", "## Week 1", "## Week 1 — first"),
        lambda: edit("10k-8-weeks.md", "Easy 7 km", "Easy 6 km"),  # back as it was two builds ago
        lambda: edit("couch-to-5k.md", "## Week 2", "## Week 2 — second"),
        lambda: (plans / "half-marathon-beginner.md").unlink(),
        lambda: shutil.copy(ROOT / "plans" / "marathon-novice.md", plans),
        lambda: add_template("404.html", "{% extends 'base.html' %}{% block content %}gone{% endblock %}"),  # all anew
        lambda: (plans / "10-mile-masters.md").rename(plans / "masters-10.md"),  # a new slug
        lambda: (project / "site" / "extra.html").write_text("added by hand"),
        lambda: edit("marathon-novice.md", "## Week 3", "## Week 3 — three"),
    ]
    build_project(project, "--no-pdf")
    for number, step in enumerate(steps, start=1):
        step()
        epoch = str(int(EPOCH) + 60 * number)
        build_project(project, "--no-pdf", epoch=epoch)
        assert tree(project / "site") == fresh_tree(project, tmp_path / f"fresh-{number}", epoch), f"after step {number}"


def test_each_edit_starts_from_the_twin_and_touches_only_what_changed(project: Path, tmp_path: Path) -> None:
    """The site a build replaces, given the build's changes, is the next build's stage (the
    twin): an unchanged plan costs nothing, and no process is left behind."""
    plan = project / "plans" / "10k-8-weeks.md"
    other = project / "plans" / "couch-to-5k.md"
    stats = tmp_path / "stats.json"
    build_project(project, "--no-pdf")
    figures = []
    for number, (path, old, new) in enumerate([(plan, "Easy 6 km", "Easy 7 km"), (other, "## Week 1", "## Week 1 — a"),
                                               (other, "## Week 2", "## Week 2 — b")], start=1):
        path.write_text(path.read_text().replace(old, new, 1))
        epoch = str(int(EPOCH) + 60 * number)
        build_project(project, "--no-pdf", "--stats", str(stats), epoch=epoch)
        figures.append(json.loads(stats.read_text()))
        assert tree(project / "site") == fresh_tree(project, tmp_path / f"fresh-{number}", epoch)
    assert [(f["plans_rendered"], f["plans_kept"]) for f in figures] == [(1, 3), (1, 3), (1, 3)]
    [twin] = [p for p in (project / ".deload").iterdir() if p.name.startswith("twin-") and p.is_dir()]
    before, now = tree(twin), tree(project / "site")  # the twin is the site the last build replaced
    assert set(before) == set(now)
    assert {name for name in now if before[name] != now[name]} >= {"plans/couch-to-5k/index.html"}
    assert all(name.startswith("plans/couch-to-5k/") or "/" not in name for name in now if before[name] != now[name])
    index = "plans/10k-8-weeks/index.html"  # unchanged since: the same file, a hard link
    assert (twin / index).stat().st_ino == (project / "site" / index).stat().st_ino
    leftovers = [pid for pid in os.listdir("/proc") if pid.isdigit() and int(pid) != os.getpid()
                 and str(project).encode() in _cmdline(pid)]
    assert leftovers == [], "a build left a process running"


def _cmdline(pid: str) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def test_an_edit_that_keeps_size_and_time_is_seen(project: Path) -> None:
    """Unchanged plans are recognised by size, times and inode, not read again: a tool that
    puts the old modification time back (cp -p, touch -r) still changes the change time."""
    plan = project / "plans" / "10k-8-weeks.md"
    build_project(project, "--no-pdf")
    stamp = plan.stat().st_mtime_ns
    plan.write_text(plan.read_text().replace("Easy 6 km", "Easy 8 km", 1))  # same size
    os.utime(plan, ns=(stamp, stamp))  # and the same modification time
    assert "(1 rendered)" in build_project(project, "--no-pdf")
    assert 'Easy <span class="u-km">8 km</span>' in (project / "site" / "plans" / "10k-8-weeks" / "index.html").read_text()


def test_unchanged_plan_files_are_not_read_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.build import inputs as manifest_inputs
    from generator.build import manifest
    from generator.config import load_settings

    build_project(project, "--no-pdf")
    old = time.time_ns() - 10_000_000_000  # written well before the last build looked
    for plan in (project / "plans").glob("*.md"):
        os.utime(plan, ns=(old, old))
    build_project(project, "--no-pdf")  # looks at the files again (their times changed) and records them
    head = manifest.Manifest(project / ".deload", project / "site").head
    head["taken"] = time.time_ns() + 5_000_000_000  # as if the last build looked well after any write
    opened: list[str] = []
    real_read = manifest_inputs.read_capped
    monkeypatch.setattr(manifest_inputs, "read_capped", lambda path, *a: opened.append(str(path)) or real_read(path, *a))
    settings = load_settings(project)
    files = [(p, str(p.relative_to(project))) for p in sorted((project / "plans").glob("*.md"))]
    inputs = manifest_inputs.Inputs.collect(settings, files, date(2026, 12, 9), (), "", head)
    assert opened == []
    assert inputs.keys == {display: key for display, key in head["keys"].items()}


def test_a_lost_manifest_makes_no_stale_files_survive(project: Path, tmp_path: Path) -> None:
    build_project(project, "--no-pdf")
    build_project(project, "--no-pdf", epoch=str(int(EPOCH) + 60))  # nothing changed: a no-op
    plan = project / "plans" / "10k-8-weeks.md"
    plan.write_text(plan.read_text().replace("Easy 6 km", "Easy 7 km", 1))
    build_project(project, "--no-pdf", epoch=str(int(EPOCH) + 120))  # leaves a twin
    for body in (project / ".deload").glob("manifest-*.json"):
        if not body.name.endswith(".head.json"):
            body.unlink()  # deleted by hand, say, to force a full build
    (project / "plans" / "couch-to-5k.md").unlink()
    for number in (3, 4):
        epoch = str(int(EPOCH) + 60 * number)
        build_project(project, "--no-pdf", epoch=epoch)
        assert not (project / "site" / "plans" / "couch-to-5k").exists()
        assert tree(project / "site") == fresh_tree(project, tmp_path / f"fresh-{number}", epoch)
        plan.write_text(plan.read_text().replace("## Week 1", "## Week 1 — again", 1))  # so the next is no no-op


def test_a_manifest_body_put_back_from_an_earlier_build_is_not_trusted(project: Path, tmp_path: Path) -> None:
    """The head and the body of the build record name the same build: a body copied back by
    hand (from a backup, say) does not describe the twin, and its renders are not reused."""
    plan = project / "plans" / "10k-8-weeks.md"
    build_project(project, "--no-pdf")
    [body] = [p for p in (project / ".deload").glob("manifest-*.json") if not p.name.endswith(".head.json")]
    saved = body.read_bytes()
    plan.write_text(plan.read_text().replace("## Week 2", "## Week 2 — changed", 1))
    build_project(project, "--no-pdf", epoch=str(int(EPOCH) + 60))
    plan.write_text(plan.read_text().replace("## Week 2 — changed", "## Week 2", 1))  # as the saved body has it
    body.write_bytes(saved)
    epoch = str(int(EPOCH) + 120)
    build_project(project, "--no-pdf", epoch=epoch)
    assert tree(project / "site") == fresh_tree(project, tmp_path / "fresh", epoch)


def test_a_manifest_cut_short_is_not_trusted(project: Path, tmp_path: Path) -> None:
    build_project(project, "--no-pdf")
    plan = project / "plans" / "10k-8-weeks.md"
    plan.write_text(plan.read_text().replace("title: ", "title: Fast ", 1))  # changes its card on list pages
    for body in (project / ".deload").glob("manifest-*.json"):
        if not body.name.endswith(".head.json"):
            body.write_bytes(body.read_bytes()[:-40])  # a disk that filled up, say
    epoch = str(int(EPOCH) + 60)
    build_project(project, "--no-pdf", epoch=epoch)
    assert tree(project / "site") == fresh_tree(project, tmp_path / "fresh", epoch)


def test_removed_and_added_plans(project: Path) -> None:
    build_project(project, "--no-pdf")
    (project / "plans" / "couch-to-5k.md").unlink()
    shutil.copy(ROOT / "plans" / "marathon-novice.md", project / "plans")
    output = build_project(project, "--no-pdf")
    assert "(1 rendered)" in output
    site = project / "site"
    assert not (site / "plans" / "couch-to-5k").exists()
    assert (site / "plans" / "marathon-novice" / "index.html").exists()
    assert "couch-to-5k" not in (site / "index.html").read_text()
    assert '"removed":' in state_entries(project)["couch-to-5k"]  # kept, marked, for a plan brought back


def state_entries(project: Path) -> dict[str, str]:
    """Each plan's entry line in the state file, as written."""
    lines = (project / "plans" / "deload-state.json").read_text().split(' "events"')[0].splitlines()
    return {line.split('"')[1]: line for line in lines if line.startswith('  "')}


def test_a_template_change_rebuilds_everything_and_a_damaged_site_is_repaired(project: Path) -> None:
    build_project(project, "--no-pdf")
    (project / "templates").mkdir()
    (project / "templates" / "404.html").write_text("{% extends 'base.html' %}{% block content %}gone{% endblock %}")
    assert "(4 rendered)" in build_project(project, "--no-pdf")
    (project / "site" / "plans" / "couch-to-5k" / "index.html").unlink()
    os.utime(project / "site", None)
    shutil.rmtree(project / "site" / "tags")  # someone edited the published folder by hand
    build_project(project, "--no-pdf")
    assert (project / "site" / "plans" / "couch-to-5k" / "index.html").exists()
    assert (project / "site" / "tags").is_dir()


def test_one_worker_and_two_give_the_same_site(project: Path, tmp_path: Path) -> None:
    other = make_project(tmp_path / "b", [ROOT / "plans" / name for name in PLANS])
    build_project(project, "--no-pdf", "--jobs", "1")
    build_project(other, "--no-pdf", "--jobs", "2")
    assert tree(project / "site") == tree(other / "site")


def test_builds_are_reproducible_pdfs_included(tmp_path: Path) -> None:
    sites = []
    for name in ("x", "y"):
        project = make_project(tmp_path / name, [ROOT / "plans" / "strength-for-runners-14-day.md"])
        build_project(project, "--jobs", "2")
        sites.append(tree(project / "site"))
    assert sites[0] == sites[1]
    assert any(name.endswith(".pdf") for name in sites[0])


def test_a_build_killed_halfway_leaves_the_site_intact(tmp_path: Path) -> None:
    project = make_project(tmp_path / "k")
    build_project(project, "--no-pdf")
    before = tree(project / "site")
    for plan in (project / "plans").glob("*.md"):
        plan.write_text(plan.read_text().replace("## Week 1", "## Week 1 — changed", 1))
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    # With PDFs to render the build takes many seconds: kill -9 it in the middle.
    process = subprocess.Popen([sys.executable, "-m", "generator.cli", "build", "--project", str(project), "--jobs", "1"],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    cache = project / ".deload" / "cache"
    deadline = time.monotonic() + 60
    while not (cache.is_dir() and any(p.name.startswith("pdf-") for p in cache.iterdir())) and time.monotonic() < deadline:
        time.sleep(0.05)  # the plans are written into the stage: the PDFs are rendering
    time.sleep(1.0)
    assert process.poll() is None, "the build finished before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert tree(project / "site") == before  # the last good site, exactly
    assert sorted(p.name for p in project.iterdir()) == [".deload", "deload.toml", "plans", "site"]
    build_project(project, "--no-pdf")  # the next build makes the stage right again and succeeds
    assert '<span class="wk-title">changed' in (project / "site" / "plans" / "couch-to-5k" / "index.html").read_text()


@pytest.mark.skipif(sys.platform != "linux", reason="renameat2 is Linux's")
def test_the_new_site_is_swapped_in_by_one_atomic_exchange(tmp_path: Path) -> None:
    from generator.build import tree as fsutil

    # Without renameat2 the swap falls back to two renames, with a moment of no site/ between.
    assert fsutil._RENAMEAT2 is not None
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "old.html").write_text("old")
    (tmp_path / "stage").mkdir()
    (tmp_path / "stage" / "new.html").write_text("new")
    fsutil.swap_in(tmp_path / "stage", tmp_path / "site")
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["new.html"]
    assert [p.name for p in (tmp_path / "stage").iterdir()] == ["old.html"]


def test_without_an_atomic_exchange_the_swap_renames_and_a_killed_one_is_put_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.build import tree as site_tree

    monkeypatch.setattr(site_tree, "exchange", lambda a, b: False)  # macOS, or a file system without it
    for name in ("site", "stage"):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.html").write_text(name)
    site_tree.swap_in(tmp_path / "stage", tmp_path / "site")
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["stage.html"]
    assert [p.name for p in (tmp_path / "stage").iterdir()] == ["site.html"]
    (tmp_path / "site").rename(tmp_path / "previous-1")  # killed between the renames: no site/
    site_tree.clean_leftovers(tmp_path, tmp_path / "site")
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["stage.html"]


def test_two_plans_with_one_slug_fail_at_the_slug_line(project: Path) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    copy = project / "plans" / "copy.md"
    copy.write_text((project / "plans" / "couch-to-5k.md").read_text().replace("---\n", "---\nslug: couch-to-5k\n", 1))
    result = CliRunner().invoke(main, ["build", "--project", str(project), "--no-pdf"])
    assert result.exit_code == 1
    # At the 'slug:' written in copy.md, not at the plan named after its file.
    assert "plans/copy.md:2:1: error: slug 'couch-to-5k' is already used by plans/couch-to-5k.md" in result.output
    assert not (project / "site").exists()


def test_a_slug_clash_is_blamed_on_the_plan_new_to_the_slug(project: Path) -> None:
    """A published plan and a new plan given its slug, both rendered in one build: the error is
    at the new plan's 'slug:', not at the published one (sorted first or not)."""
    from click.testing import CliRunner

    from generator.cli import main

    build_project(project, "--no-pdf")
    published = project / "plans" / "couch-to-5k.md"
    published.write_text(published.read_text().replace("Couch to 5K", "Couch to 5K, edited", 1))
    (project / "plans" / "a-copy.md").write_text(published.read_text().replace("---\n", "---\nslug: couch-to-5k\n", 1))
    result = CliRunner().invoke(main, ["build", "--project", str(project), "--no-pdf"])
    assert result.exit_code == 1
    assert "plans/a-copy.md:2:1: error: slug 'couch-to-5k' is already used by plans/couch-to-5k.md" in result.output, result.output
    assert "plans/couch-to-5k.md:" not in result.output


def test_template_mistakes_are_reported_not_raised(project: Path) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    (project / "templates").mkdir()
    (project / "templates" / "_macros.html").write_text((ROOT / "templates" / "_macros.html").read_text().replace(
        "{{ s.title }}", "{{ s.title.nope() }}", 1))
    result = CliRunner().invoke(main, ["build", "--project", str(project), "--no-pdf"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "_macros.html:" in result.output and "template error" in result.output
    (project / "templates" / "_macros.html").unlink()
    (project / "templates" / "print.html").write_text("{% if %}broken{% endif %}")
    result = CliRunner().invoke(main, ["pdf", str(project / "plans" / "couch-to-5k.md"), "-o", str(project / "x.pdf"),
                                       "--project", str(project)])
    assert result.exit_code == 1 and "print.html:1:1: error: template error" in result.output


def test_the_digest_follows_what_a_reader_sees_not_the_json_format() -> None:
    """The 'updated' date follows what a reader sees: the digest is taken over the plan in format 2's
    fields (where every plan's was first taken), so neither format 3 of plan.json nor keys added
    since (reps_max, amrap, paces) mark every plan updated; nor do the lines the plan is written on."""
    from generator.config import load_settings
    from generator.periodize import expand
    from generator.render.json_export import plan_digest, reader_view
    from generator.source.reader import parse_plan_text

    settings = load_settings(ROOT)
    text = (ROOT / "plans" / "10-mile-masters.md").read_text(encoding="utf-8")

    def digest(source: str) -> str:
        plan, _ = parse_plan_text(source.encode(), "plans/10-mile-masters.md", "10-mile-masters", settings)
        return plan_digest(expand(plan))

    plan, _ = parse_plan_text(text.encode(), "plans/10-mile-masters.md", "10-mile-masters", settings)
    view = reader_view(expand(plan))
    assert view["format"] == 2 and "source" not in view["plan"] and "paces" not in view["plan"]
    exercises = [x for w in view["weeks"] for s in w["sessions"] for x in s["strength"] or []]
    assert exercises and all("reps_max" not in x and "amrap" not in x and "reps" in x for x in exercises)
    assert all("date" in s and "source" not in s for w in view["weeks"] for s in w["sessions"])
    head, _, body = text.partition("\n## ")
    assert digest(head + "\n\n\n## " + body) == digest(text)  # the weeks two lines further down
    ranged = re.sub(r"(\d)x(\d+) @", r"\1x\2-15 @", text, count=1)
    assert ranged != text and digest(ranged) != digest(text)  # a range a reader sees


def test_preview_images_are_drawn_again_only_when_what_they_show_changes(project: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.build import plans

    drawn: list[str] = []
    real = plans.draw_preview
    monkeypatch.setattr(plans, "draw_preview", lambda inputs: drawn.append(inputs["title"]) or real(inputs))
    build_project(project, "--no-pdf", "--jobs", "1")
    assert len(drawn) == 4
    image = (project / "site" / "plans" / "10k-8-weeks" / "og.png").read_bytes()
    drawn.clear()
    (project / "templates").mkdir(exist_ok=True)
    (project / "templates" / "404.html").write_text("{% extends 'base.html' %}{% block content %}gone{% endblock %}")
    assert "(4 rendered)" in build_project(project, "--no-pdf", "--jobs", "1", epoch=str(int(EPOCH) + 60))
    assert drawn == []  # every page rendered again, every image from the cache
    assert (project / "site" / "plans" / "10k-8-weeks" / "og.png").read_bytes() == image
    plan = project / "plans" / "10k-8-weeks.md"
    plan.write_text(plan.read_text().replace("title: ", "title: New ", 1))
    build_project(project, "--no-pdf", "--jobs", "1", epoch=str(int(EPOCH) + 120))
    assert len(drawn) == 1 and drawn[0].startswith("New ")


def test_nothing_in_the_twin_is_trusted(project: Path, tmp_path: Path) -> None:
    """The stage is the twin made to hold site/'s files again, file by file: a twin file changed
    or added by hand, a twin removed, or a file of site/ replaced by hand (its plan is rendered
    again) still give the site a build from nothing gives."""
    plan = project / "plans" / "10k-8-weeks.md"
    work = project / ".deload"
    build_project(project, "--no-pdf")

    def damage(kind: str) -> None:
        twin = next(p for p in work.iterdir() if p.name.startswith("twin-") and p.is_dir())
        site = project / "site"
        if kind == "twin file":
            stale = twin / "plans" / "couch-to-5k" / "index.html"
            stale.unlink()  # a file of its own (the twin shares unchanged files with site/ by hard links)
            stale.write_text("stale")
            (twin / "extra.html").write_text("added by hand")
        elif kind == "no twin":
            shutil.rmtree(twin)
        elif kind == "site file":
            page = site / "plans" / "couch-to-5k" / "index.html"
            page.unlink()
            page.write_text("replaced by hand")
        else:  # folders where files belong, and empty ones, in both trees
            for root, name in ((site, "plan.json"), (twin, "embed.html")):
                (root / "plans" / "couch-to-5k" / name).unlink()
                (root / "plans" / "couch-to-5k" / name).mkdir()
                (root / "junk").mkdir()

    for number, kind in enumerate(["twin file", "no twin", "site file", "folders"], start=1):
        plan.write_text(plan.read_text().replace("## Week 1", f"## Week 1 — {number}", 1))
        build_project(project, "--no-pdf", epoch=str(int(EPOCH) + 120 * number - 60))
        damage(kind)
        plan.write_text(plan.read_text().replace("## Week 2", f"## Week 2 — {number}", 1))
        epoch = str(int(EPOCH) + 120 * number)
        build_project(project, "--no-pdf", epoch=epoch)
        assert tree(project / "site") == fresh_tree(project, tmp_path / f"fresh-{number}", epoch), kind
        assert not [p for p in (project / "site").rglob("*") if p.is_dir() and not any(p.iterdir())], kind


def test_a_twin_or_a_site_that_is_a_link_is_never_written_through(project: Path, tmp_path: Path) -> None:
    """A twin replaced by a link to site/, or a site/ that is a link (to a web root, say, which the
    exchange puts where the twin was): a build, failed or not, never writes into what they point to."""
    from click.testing import CliRunner

    from generator.cli import main

    plan = project / "plans" / "10k-8-weeks.md"
    build_project(project, "--no-pdf")
    [twin] = [p for p in (project / ".deload").iterdir() if p.name.startswith("twin-") and p.is_dir()]
    shutil.rmtree(twin)
    twin.symlink_to(project / "site")
    www = tmp_path / "www"
    shutil.copytree(project / "site", www)
    published = tree(www)
    for number, target in enumerate([None, www], start=1):
        if target is not None:
            shutil.rmtree(project / "site")
            (project / "site").symlink_to(target)
        before = tree(project / "site")
        plan.write_text(plan.read_text().replace("## Week 1", f"## Week 1 — {number}", 1))
        broken = project / "plans" / "broken.md"
        broken.write_text((project / "plans" / "couch-to-5k.md").read_text().replace("- Wed: Easy", "- Wed: Eazy", 1).replace(
            "title: ", "slug: broken\ntitle: ", 1))
        result = CliRunner().invoke(main, ["build", "--project", str(project), "--no-pdf"])
        assert result.exit_code == 1 and tree(project / "site") == before and tree(www) == published
        broken.unlink()
        epoch = str(int(EPOCH) + 60 * number)
        build_project(project, "--no-pdf", epoch=epoch)
        assert tree(www) == published and not (project / "site").is_symlink()
        assert tree(project / "site") == fresh_tree(project, tmp_path / f"fresh-{number}", epoch)


def test_a_plan_gone_from_plans_is_said_once_by_the_build_that_removes_it(project: Path) -> None:
    """Its page and feeds leave the site: readers' subscriptions break, so the coach is told,
    at the plan's line in the state file, with the way back if the file was only renamed."""
    build_project(project, "--no-pdf")
    (project / "plans" / "couch-to-5k.md").rename(project / "plans" / "c25k.md")
    output = build_project(project, "--no-pdf")
    entries = state_entries(project)
    assert '"removed":' in entries["couch-to-5k"] and '"removed":' not in entries["c25k"]
    [said] = [line for line in output.splitlines() if "is no longer among the plans" in line]
    assert said.startswith("plans/deload-state.json:") and "warning: the plan at plans/couch-to-5k/ (first built" in said
    assert "give it 'slug: couch-to-5k' again" in said
    again = build_project(project, "--no-pdf")
    assert "nothing changed" in again and "no longer among the plans" not in again


def test_a_plan_given_its_slug_back_keeps_its_first_date_and_its_events_revisions(project: Path) -> None:
    """The removed-plan warning's advice works after the build that said it: subscribers'
    calendars take the plan's updates (its events' SEQUENCE goes on), and it is not new."""
    plan = project / "plans" / "couch-to-5k.md"
    build_project(project, "--no-pdf")
    plan.write_text(plan.read_text().replace("## Week 3", "## Week 3 — Steady", 1))
    build_project(project, "--no-pdf", epoch=str(int(EPOCH) + 86400))  # week 3's events: revision 1
    renamed = plan.rename(project / "plans" / "c25k.md")
    build_project(project, "--no-pdf", epoch=str(int(EPOCH) + 2 * 86400))
    renamed.write_text(renamed.read_text().replace("\ntitle:", "\nslug: couch-to-5k\ntitle:", 1))
    output = build_project(project, "--no-pdf", epoch=str(int(EPOCH) + 3 * 86400))
    assert "no longer among the plans" in output  # c25k, published for a day, is gone now
    entry = json.loads(state_entries(project)["couch-to-5k"].split(": ", 1)[1].rstrip(","))
    assert entry["published"] == "2026-12-09T00:00:00Z" and "removed" not in entry
    feed = next((project / "site" / "plans" / "couch-to-5k").glob("*.ics")).read_text()
    week3 = [event for event in feed.split("BEGIN:VEVENT")[1:] if "Week 3 · " in event]
    assert week3 and all("SEQUENCE:1" in event for event in week3), week3[:1]


def test_what_the_engine_made_of_a_plan_is_said_when_it_is_built(project: Path) -> None:
    """A note, not a warning, and once: by the build that renders the plan, not by every build after."""
    def notes_of(output: str, plan: str) -> list[str]:
        return [line for line in output.splitlines() if line.startswith(f"plans/{plan}:") and " note: " in line]

    first = build_project(project, "--no-pdf")
    assert [line.split(" note: ", 1)[1] for line in notes_of(first, "10k-8-weeks.md")] == [
        "the engine made 8 weeks of your 7: a deload added after your week 3; the taper cuts your weeks 6 and 7 "
        "(deload expand shows each week)"]
    warnings = sum(" warning: " in line for line in first.splitlines())
    assert f", {warnings} warning{'s' if warnings != 1 else ''} in " in first.splitlines()[-1]  # notes are not counted
    plan = project / "plans" / "couch-to-5k.md"
    plan.write_text(plan.read_text().replace("## Week 2", "## Week 2 — Again", 1))
    again = build_project(project, "--no-pdf")
    assert "(1 rendered)" in again and notes_of(again, "10k-8-weeks.md") == []


def test_a_draft_is_left_out_of_the_site_and_said(tmp_path: Path) -> None:
    """'draft: true': not published (not even checked: a draft may be half-written), said by every
    build; previewed, and built with --drafts."""
    from generator.config import Settings
    from generator.errors import DeloadError
    from generator.source.files import draft_line
    from generator.source.reader import parse_plan_text

    project = make_project(tmp_path / "p", [ROOT / "plans" / "couch-to-5k.md", ROOT / "plans" / "10k-8-weeks.md"])
    draft = project / "plans" / "10k-8-weeks.md"
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace("---\n", "---\ndraft: true  # not yet\n", 1).replace("Easy 6 km", "Easy 6 kmm", 1),
                     encoding="utf-8")
    output = build_project(project, "--no-pdf")
    assert "plans/10k-8-weeks.md:2:1: note: a draft ('draft: true'): left out of the site" in output
    assert not (project / "site" / "plans" / "10k-8-weeks").exists()
    assert "10k-8-weeks" not in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "left out of the site" in build_project(project, "--no-pdf")  # said again by a build with nothing to do
    draft.write_text(draft.read_text(encoding="utf-8").replace("Easy 6 kmm", "Easy 6 km"), encoding="utf-8")
    output = build_project(project, "--no-pdf", "--drafts")
    assert "left out" not in output and (project / "site" / "plans" / "10k-8-weeks" / "index.html").is_file()
    assert draft_line(b"---\ntitle: A\n---\ndraft: true\n") == 0  # in the plan's text, not its frontmatter
    assert draft_line(b"---\ntitle: A\ndraft: false\n---\n") == 0
    # every way YAML says it that the reader takes for a draft, so that check and build agree
    for written in (b"---\r\ntitle: A\r\ndraft: true\r\n---\r\n", b"\xef\xbb\xbf---\ntitle: A\ndraft: yes\n---\n",
                    b'---\ntitle: A\n"draft": True  # wip\n---\n'):
        assert draft_line(written) == 3, written
    with pytest.raises(DeloadError) as caught:  # said in a way the build does not look for: an error, not a publish
        parse_plan_text(b"---\n{title: A, draft: true}\n---\n## Week 1\n- Mon: Easy 3 km\n", "a.md", "a", Settings(root=tmp_path))
    assert "write 'draft: true' on a line of its own" in caught.value.diagnostics[0].message


def test_marking_the_last_published_plan_a_draft_takes_it_off_the_site(tmp_path: Path) -> None:
    """A project whose only plan becomes a draft builds a site without it (its page and feeds go,
    as the build warns), rather than failing and keeping the plan published."""
    project = make_project(tmp_path / "p", [ROOT / "plans" / "couch-to-5k.md"])
    build_project(project, "--no-pdf")
    plan = project / "plans" / "couch-to-5k.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace("---\n", "---\ndraft: true\n", 1), encoding="utf-8")
    output = build_project(project, "--no-pdf")
    assert "left out of the site" in output and "is no longer among the plans (or it is a draft now)" in output
    assert not (project / "site" / "plans").exists() and (project / "site" / "index.html").is_file()


def test_without_hard_links_an_edit_copies_only_what_changed(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
    """On a file system without hard links the twin holds copies: a copy of the same size and
    time as site/'s file is that file, so an edit does not copy the whole site again."""
    def no_links(source: object, target: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    copies: list[str] = []
    real_copy = shutil.copy2
    monkeypatch.setattr(shutil, "copy2", lambda a, b, **k: copies.append(str(b)) or real_copy(a, b, **k))
    plan = project / "plans" / "10k-8-weeks.md"
    build_project(project, "--no-pdf")
    for number in (1, 2, 3):
        copies.clear()
        plan.write_text(plan.read_text().replace("## Week 1", f"## Week 1 — {number}", 1))
        epoch = str(int(EPOCH) + 60 * number)
        build_project(project, "--no-pdf", epoch=epoch)
        made = len(copies)
        site = tree(project / "site")
        assert site == fresh_tree(project, tmp_path / f"fresh-{number}", epoch)
        assert made < len(site) / 3, f"{made} copies for a site of {len(site)} files"
