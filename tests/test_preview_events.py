"""deload serve's rebuilds: each looks at every plan file (reading only those whose size or times
changed), so no change is missed, across failed builds, links, plans added or removed."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from generator.config import load_settings
from generator.errors import DeloadError
from generator.preview import Preview, _source_change

from .conftest import ROOT
from .site_build import fixed_clock, make_project

COUCH, TEN_K = "plans/couch-to-5k.md", "plans/10k-8-weeks.md"


def preview_of(tmp_path: Path) -> tuple[Path, Preview]:
    project = make_project(tmp_path / "p", [ROOT / COUCH, ROOT / TEN_K])
    settings = replace(load_settings(project), base_url="http://127.0.0.1:9/")
    preview = Preview(settings, lambda line: None)
    assert preview.rebuild()
    return project, preview


def retitle(project: Path, plan: str, title: str) -> None:
    path = project / plan
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ntitle: ", f"\ntitle: {title} ", 1), encoding="utf-8")


def page(preview: Preview, slug: str) -> str:
    return (preview.output / "plans" / slug / "index.html").read_text(encoding="utf-8")


def test_a_rebuild_sees_every_change_whatever_the_file_events_said(tmp_path: Path) -> None:
    project, preview = preview_of(tmp_path)
    retitle(project, COUCH, "Spring")
    retitle(project, TEN_K, "Autumn")  # its events lost (a full kernel queue), say
    assert preview.rebuild()
    assert "Spring Couch to 5K" in page(preview, "couch-to-5k")
    assert "Autumn 10K in 8 Weeks" in page(preview, "10k-8-weeks")


def test_changes_made_while_builds_fail_are_built_once_one_succeeds(tmp_path: Path) -> None:
    project, preview = preview_of(tmp_path)
    retitle(project, TEN_K, "Early")
    assert preview.rebuild()
    couch = project / COUCH
    good = couch.read_text(encoding="utf-8")
    couch.write_text(good.replace("Easy 25 min", "Easy 25 mnn", 1), encoding="utf-8")
    assert not preview.rebuild()
    retitle(project, TEN_K, "Autumn")
    assert not preview.rebuild()  # the couch plan is still broken
    couch.write_text(good, encoding="utf-8")
    assert preview.rebuild()
    assert "Autumn Early 10K in 8 Weeks" in page(preview, "10k-8-weeks")


def test_a_failed_build_says_the_first_mistake_in_the_file_first(tmp_path: Path) -> None:
    """The parser judges a heading after the sessions under it; the terminal and the page's
    overlay still list the mistakes in the order of the file, as deload check does."""
    project = make_project(tmp_path / "p", [ROOT / COUCH])
    said: list[str] = []
    preview = Preview(replace(load_settings(project), base_url="http://127.0.0.1:9/"), said.append)
    couch = project / COUCH
    text = couch.read_text(encoding="utf-8").replace("## Week 1 —", "## Wek 1 —", 1)
    couch.write_text(text.replace("- Mon: Run-walk", "- Mon: Rnu-walk"), encoding="utf-8")
    assert not preview.rebuild()
    lines = [int(line.split(":")[1]) for line in said if line.startswith(COUCH)]
    assert len(lines) >= 2 and lines == sorted(lines), said
    assert "Wek 1" in said[0]
    assert preview.error is not None and preview.error.splitlines()[0] == said[0]


def test_a_plan_added_or_removed_is_found_by_listing_the_plans(tmp_path: Path) -> None:
    project, preview = preview_of(tmp_path)
    (project / "plans" / "copy.md").write_text((project / COUCH).read_text(encoding="utf-8").replace(
        "title: ", "slug: copy\ntitle: Copy of ", 1), encoding="utf-8")
    assert preview.rebuild()
    assert "Copy of Couch" in page(preview, "copy")
    assert b"Copy of Couch" in (preview.site_page_on_demand("index.html") or b"")
    (project / TEN_K).unlink()
    assert preview.rebuild()
    assert not (preview.output / "plans" / "10k-8-weeks").exists()
    assert b"10K in 8 Weeks" not in (preview.site_page_on_demand("index.html") or b"")


def test_a_rebuild_with_nothing_changed_serves_the_same_list_pages(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")  # the whole library: the order of its cards shows
    with fixed_clock():
        preview = Preview(replace(load_settings(project), base_url="http://127.0.0.1:9/"), lambda line: None)
        assert preview.rebuild()
        retitle(project, COUCH, "Spring")
        assert preview.rebuild()
        told = {path: preview.site_page_on_demand(path) for path in ("index.html", "sitemap.xml", "feed.xml")}
        assert preview.rebuild()  # nothing changed: the same pages
        assert {path: preview.site_page_on_demand(path) for path in told} == told
    assert b"Spring Couch to 5K" in (told["index.html"] or b"")


def test_a_save_says_its_plans_warnings_and_not_the_librarys_again(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", [ROOT / COUCH, ROOT / TEN_K])
    for plan in (COUCH, TEN_K):  # a deload every third week: each plan's last one falls before the taper
        path = project / plan
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("deload: {every: 4,", "deload: {every: 3,").replace(
            "deload: {every: off}", "deload: {every: 3}"), encoding="utf-8")
    lines: list[str] = []
    preview = Preview(replace(load_settings(project), base_url="http://127.0.0.1:9/"), lines.append)
    assert preview.rebuild()
    first = [line for line in lines if "warning:" in line]
    assert {line.split(":")[0] for line in first} == {COUCH, TEN_K}, lines  # the first build says them all
    lines.clear()
    retitle(project, COUCH, "Spring")
    assert preview.rebuild()
    assert {line.split(":")[0] for line in lines if "warning:" in line} == {COUCH}, lines  # its own (two), not the 10K's
    assert any("(1 more warning, said before, about plans this build did not render again" in line for line in lines), lines
    lines.clear()
    retitle(project, TEN_K, "Autumn")  # its warning is said again: this save changed the plan
    path = project / COUCH
    path.write_text(path.read_text(encoding="utf-8").replace("deload: {every: 3}", "deload: {every: off}"),
                    encoding="utf-8")  # its warning goes, and nothing says it
    assert preview.rebuild()
    assert [line.split(":")[0] for line in lines if "warning:" in line] == [TEN_K], lines
    assert not any("said before" in line for line in lines), lines


@pytest.mark.parametrize("link", [os.symlink, os.link])
def test_a_plan_that_is_a_link_is_never_left_behind(tmp_path: Path, link: Callable[[str, str], None]) -> None:
    """Events name one name of a linked file: the plan reached by the other is rebuilt too."""
    project, preview = preview_of(tmp_path)
    link(str(project / COUCH), str(project / "plans" / "featured.md"))
    assert preview.rebuild()
    retitle(project, COUCH, "Spring")
    assert preview.rebuild()
    assert "Spring Couch to 5K" in page(preview, "featured")


def test_a_plan_named_with_a_hash_is_watched(tmp_path: Path) -> None:
    project, preview = preview_of(tmp_path)
    extra = project / "plans" / "#extra.md"
    extra.write_text((project / COUCH).read_text(encoding="utf-8").replace("title: ", "slug: extra\ntitle: ", 1),
                     encoding="utf-8")
    assert preview.rebuild()
    assert _source_change(None, str(extra)) and not _source_change(None, str(project / "plans" / "#extra.md#"))


def test_list_templates_are_not_shared_between_projects(tmp_path: Path) -> None:
    previews = []
    for name in ("a", "b"):  # the same settings and templates, in two folders
        project = make_project(tmp_path / name, [ROOT / COUCH])
        (project / "templates").mkdir()
        (project / "templates" / "404.html").write_text("<p>{{ no_such_variable }}</p>\n", encoding="utf-8")
        preview = Preview(replace(load_settings(project), base_url="http://127.0.0.1:9/"), lambda line: None)
        assert preview.rebuild()
        previews.append(preview)
    with pytest.raises(DeloadError) as error:
        previews[1].site_page_on_demand("404.html")
    assert str(tmp_path / "b" / "templates" / "404.html") in str(error.value.diagnostics[0])
