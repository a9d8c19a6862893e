"""The state file as a coach's repository leaves it: merged, hand-edited, truncated, conflicted.

Damage is an error at its line (never a silent reset of calendar revisions, never a
traceback); two lines for one plan, as a "keep both" merge leaves them, are merged
without losing a revision and said; the state is recorded only with the site it
describes, and a failed write leaves no temporary file.
"""

from __future__ import annotations

import errno
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from generator import fsutil
from generator.cli import main
from generator.errors import DeloadError
from generator.state import State
from generator.statefile import CONFLICT

from .conftest import ROOT
from .site_build import build_project, fixed_clock, make_project

STATE = "plans/deload-state.json"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project built once, whose state file each test damages in a copy."""
    project = make_project(tmp_path_factory.mktemp("state"), [ROOT / "plans" / "couch-to-5k.md", ROOT / "plans" / "10k-8-weeks.md"])
    build_project(project, "--no-pdf")
    return project


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    import shutil

    copy = tmp_path / "p"
    # Not .deload/: each test starts as after a fresh checkout, with no record of an earlier build.
    shutil.copytree(built, copy, symlinks=True, ignore=shutil.ignore_patterns(".deload"))
    return copy


def build(project: Path, *args: str) -> tuple[int, str]:
    with fixed_clock():
        result = CliRunner().invoke(main, ["build", "--project", str(project), "--no-pdf", *args])
    return result.exit_code, result.output


def edit_state(project: Path, change: Any) -> None:
    path = project / STATE
    path.write_text(change(path.read_text()))


def lines_of(project: Path) -> list[str]:
    return (project / STATE).read_text().split("\n")


def events_line(project: Path, slug: str) -> int:
    return next(n for n, line in enumerate(lines_of(project)) if line.startswith(f'  "{slug}": {{"e"'))


def sequences(project: Path, slug: str) -> dict[str, int]:
    state = State.load(project / "plans")
    return {key: entry["sequence"] for key, entry in state.events_of(slug).items()}


@pytest.mark.parametrize("damage, expected", [
    (lambda text: "", "deload-state.json:1:1: error: the state file is empty; restore it from version control"),
    (lambda text: text[:text.index(' "events": {')] + ' "events": []\n}\n',
     "deload-state.json:8:1: error: 'events' in the state file must be an object with a line per plan, not a list"),
    (lambda text: text.replace('"published":"', '"published":"\\r\\n', 1),
     "deload-state.json:5:1: error: the entry of '10k-8-weeks' is damaged"),
    (lambda text: re.sub(r'("e":\{"[^"]+":)"([0-9a-f]{12})"', r'\1["\2",1]', text, count=1),
     "deload-state.json:9:1: error: the calendar event '/w1/d1/s0' of '10k-8-weeks' has a damaged revision"),
    (lambda text: text[: text.index('"couch-to-5k": {"e"') + 40], "deload-state.json:10:36: error: the state file is damaged (Unterminated string"),
    (lambda text: text.replace("{", "<<<<<<< HEAD\n{", 1), "deload-state.json:1:1: error: the state file has a merge conflict ('<<<<<<< HEAD')"),
    (lambda text: text.replace('"format": 4', '"format": 1'), "deload-state.json:2:1: error: the state file is not in Deload's format 4"),
    (lambda text: text.replace('"hash":"', '"hash":"not hex ', 1), "deload-state.json:5:1: error: the entry of '10k-8-weeks' is damaged"),
])
def test_damage_is_an_error_at_its_line_and_nothing_changes(project: Path, damage: Any, expected: str) -> None:
    edit_state(project, damage)
    damaged = (project / STATE).read_bytes()
    site = sorted(p.name for p in (project / "site" / "plans").iterdir())
    code, output = build(project)
    assert code == 1 and expected in output and "Traceback" not in output
    assert (project / STATE).read_bytes() == damaged
    assert sorted(p.name for p in (project / "site" / "plans").iterdir()) == site


def test_the_state_file_is_never_reset_when_a_plan_is_unchanged(project: Path) -> None:
    # A damaged line for a plan the build would not render must still stop it: the file changed.
    edit_state(project, lambda text: text.replace('"e":{', '"e":[', 1))
    code, output = build(project)
    assert code == 1 and "are damaged on this line" in output


def test_two_lines_for_one_plan_are_merged_without_losing_a_revision(project: Path) -> None:
    before = sequences(project, "couch-to-5k")
    lines = lines_of(project)
    at = events_line(project, "couch-to-5k")
    ours = lines[at]
    # The other branch changed one event (revision 7) and one the same number as ours (a conflict).
    group = json.loads(ours.split(": ", 1)[1].rstrip(","))
    keys = sorted(group["e"])
    theirs = dict(group["e"])
    theirs[keys[0]] = ["abcdefabcdef", 7, "2026-12-01T00:00:00Z"]
    theirs[keys[1]] = ["123456123456", before[f"couch-to-5k/{keys[1]}"], "2026-12-01T00:00:00Z"]
    lines.insert(at + 1, f'  "couch-to-5k": {json.dumps({"t": group.get("t", ""), "e": theirs}, separators=(",", ":"))},')
    (project / STATE).write_text("\n".join(lines))
    code, output = build(project)
    assert code == 0, output
    assert (f"deload-state.json:{at + 2}:1: warning: the state file had two lines for 'couch-to-5k' (a merge that kept "
            "both sides?); their calendar events were merged without losing a revision") in output
    after = sequences(project, "couch-to-5k")
    assert after[f"couch-to-5k/{keys[0]}"] == 8  # past the other branch's 7: subscribers of either see the change
    assert after[f"couch-to-5k/{keys[1]}"] == before[f"couch-to-5k/{keys[1]}"] + 1  # two revisions of one number: a new one
    assert all(after[key] >= before[key] for key in before)
    assert sum(line.startswith('  "couch-to-5k"') for line in lines_of(project)) == 2  # one plans line, one events line
    assert CONFLICT not in (project / STATE).read_text()


def test_a_conflict_resolved_by_keeping_both_sides_builds(project: Path) -> None:
    lines = lines_of(project)
    at = events_line(project, "10k-8-weeks")
    lines[at:at + 1] = ["<<<<<<< ours", lines[at], "=======", lines[at], ">>>>>>> theirs"]
    (project / STATE).write_text("\n".join(lines))
    code, output = build(project)
    assert code == 1 and "merge conflict ('<<<<<<< ours')" in output and "keep the lines of both sides" in output
    (project / STATE).write_text("\n".join(line for line in lines if not line.startswith(("<<<<<<<", "=======", ">>>>>>>"))))
    code, output = build(project)
    assert code == 0 and "two lines for '10k-8-weeks'" in output


def test_a_hand_formatted_state_file_with_a_key_twice(project: Path) -> None:
    data = json.loads((project / STATE).read_text())
    text = json.dumps(data, indent=2)
    entry = json.dumps(data["plans"]["couch-to-5k"])
    text = text.replace('"plans": {', '"plans": {\n    "couch-to-5k": ' + entry + ",", 1)
    (project / STATE).write_text(text)
    code, output = build(project)
    assert code == 0 and "two lines for 'couch-to-5k'" in output
    assert lines_of(project)[0:2] == ["{", ' "format": 4,']  # written back in Deload's own layout


def test_the_state_is_recorded_only_after_the_site_is_in_place(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.build import tree as build_module

    def refuse(stage: Path, target: Path) -> Path | None:
        raise OSError(errno.EROFS, "Read-only file system")

    for plan in (project / "plans").glob("*.md"):
        plan.write_text(plan.read_text().replace("## Week 1", "## Week 1 — changed", 1))
    state = (project / STATE).read_bytes()
    monkeypatch.setattr(build_module, "swap_in", refuse)
    code, output = build(project)
    assert code == 1 and "cannot replace the site: Read-only file system; it was left as it was" in output
    assert (project / STATE).read_bytes() == state
    assert sorted(p.name for p in (project / "plans").iterdir() if p.name.startswith(".")) == []


def test_a_full_disk_leaves_no_temporary_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = open

    class Full:
        """A new file that takes no bytes, as on a full disk."""

        def __init__(self, path: Path):
            self.handle = real_open(path, "xb")

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: Any) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    def full_disk_open(path: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        return Full(path) if mode == "xb" else real_open(path, mode, *args, **kwargs)

    for plan in (project / "plans").glob("*.md"):
        plan.write_text(plan.read_text().replace("## Week 1", "## Week 1 — changed", 1))
    state = (project / STATE).read_bytes()
    monkeypatch.setattr(fsutil, "open", full_disk_open, raising=False)
    code, output = build(project)
    assert code == 1 and "No space left on device" in output
    assert (project / STATE).read_bytes() == state
    assert [p.name for p in (project / "plans").iterdir() if p.name.endswith(".tmp")] == []


def test_a_pending_state_left_by_a_killed_build_is_removed(project: Path) -> None:
    leftover = project / "plans" / ".deload-state.json.999-abcdef.tmp"
    leftover.write_text("{}")
    build_project(project, "--no-pdf")
    assert not leftover.exists()


_GOOD = (ROOT / "plans" / "deload-state.json").read_text()


@given(st.data())
def test_fuzzed_state_files_give_a_state_or_deloads_own_error(data: st.DataObject) -> None:
    lines = _GOOD.split("\n")
    for _ in range(data.draw(st.integers(1, 4))):
        how = data.draw(st.sampled_from(["cut", "insert", "duplicate", "drop", "swap", "replace"]))
        at = data.draw(st.integers(0, len(lines) - 1))
        line = lines[at]
        if how == "cut":
            lines[at] = line[: data.draw(st.integers(0, len(line)))]
        elif how == "insert":
            spot = data.draw(st.integers(0, len(line)))
            lines[at] = line[:spot] + data.draw(st.text(st.sampled_from('{}[]",:0123456789abcdefTZ-\\ \r\n<=>\x0bé'), max_size=8)) + line[spot:]
        elif how == "duplicate":
            lines.insert(at, line)
        elif how == "drop":
            del lines[at]
        elif how == "swap":
            other = data.draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        else:
            lines[at] = re.sub(r'"\d{4}-[^"]*"|\d+|"[0-9a-f]{12}"', data.draw(st.sampled_from(['""', "null", "-1", "[]", "{}", '"x"'])),
                               line, count=1)
    try:
        state = State.parse(Path("plans/deload-state.json"), "\n".join(lines))
        for slug in state.packed:
            state.events_of(slug)
    except DeloadError as exc:
        assert exc.diagnostics and all(d.file == "plans/deload-state.json" and d.line >= 1 for d in exc.diagnostics)


def test_upgrading_a_format_2_state_file_bumps_no_event(tmp_path: Path) -> None:
    """Format 2 hashed events from repr(); the first build with format 3 (canonical JSON) rewrites
    every hash but keeps every event's SEQUENCE and LAST-MODIFIED: subscribers see no update."""
    import shutil

    from generator import statefile

    fixture = Path(__file__).parent / "fixtures" / "state-format2"
    project = tmp_path / "p"
    shutil.copytree(fixture, project)
    before_text = (project / "plans" / "deload-state.json").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--no-pdf", "-C", str(project)])
    assert result.exit_code == 0, result.output
    after_text = (project / "plans" / "deload-state.json").read_text(encoding="utf-8")
    assert after_text.startswith('{\n "format": 4,')
    before, after = statefile.parse(Path("a"), before_text), statefile.parse(Path("b"), after_text)
    old = statefile.unpack(Path("a"), "couch-to-5k", before.packed["couch-to-5k"], 1)
    new = statefile.unpack(Path("b"), "couch-to-5k", after.packed["couch-to-5k"], 1)
    assert len(old) > 40 and set(old) <= set(new)
    # Events whose wording Deload has changed since the fixture was written: a real update, bumped.
    reworded = {"/w9/week"}  # the race week's note: its runs as written, already within the taper's cap
    kept = sorted(k for k in old if not any(k.endswith(r) for r in reworded))
    assert len(kept) == len(old) - len(reworded)
    assert [(k, new[k]["sequence"], new[k]["modified"]) for k in kept] == [(k, old[k]["sequence"], old[k]["modified"]) for k in kept]
    assert any(new[k]["hash"] != old[k]["hash"] for k in old)  # rehashed the canonical way
    feed = next((project / "site" / "plans" / "couch-to-5k").glob("*.ics")).read_text(encoding="utf-8")
    assert "SEQUENCE:0" in feed


def test_a_state_file_read_again_gives_a_state_of_its_own(project: Path) -> None:
    # deload serve reads the same state file for every preview build: what one build changes in
    # its state (a plan touched, one removed) must not show in the next build's.
    from datetime import UTC, datetime

    from generator.errors import Diagnostic

    path = project / STATE
    text = path.read_text()
    first = State.parse(path, text)
    first.touch_plan("couch-to-5k", "0" * 32, datetime(2031, 1, 1, tzinfo=UTC))
    first.plans["a-new-plan"] = {"hash": "1" * 32, "published": "2031-01-01T00:00:00Z", "updated": "2031-01-01T00:00:00Z"}
    first.replace_events({"10k-8-weeks": {}})
    first.notes.append(Diagnostic(str(path), 1, 1, "a note of the first build's"))
    assert first.render() != text
    second = State.parse(path, text)
    assert second.render() == text
    assert second.notes == []
    assert "a-new-plan" not in second.plans and second.plans["couch-to-5k"]["published"] != "2031-01-01T00:00:00Z"


def test_a_state_file_changed_behind_the_builds_back_is_read_again(tmp_path: Path) -> None:
    # deload serve does not read an unchanged state file again; a change is seen even when
    # the file keeps its size and modification time (a tool that restores times, a checkout).
    import os
    import time

    from generator import statefile

    path = tmp_path / "deload-state.json"
    path.write_text('{"format": 3, "plans": {"a": 1}}\n', encoding="utf-8")
    time.sleep(2.1)  # older than the two seconds in which a second write could keep the file's times
    first, key = statefile.read_known(path)
    again, same = statefile.read_known(path)
    assert again is first and same == key  # not read again
    before = os.stat(path)
    path.write_text('{"format": 3, "plans": {"b": 2}}\n', encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    changed, other = statefile.read_known(path)
    assert changed is not None and '"b": 2' in changed and other != key
    path.unlink()
    assert statefile.read_known(path)[0] is None


def test_a_format_3_state_file_is_read_as_it_was(project: Path) -> None:
    """Format 4 only adds removed plans' entries: a format 3 file builds without a change but its
    format line (no event bumped, no plan's dates moved)."""
    written = (project / STATE).read_text()
    edit_state(project, lambda text: text.replace('"format": 4', '"format": 3', 1))
    code, output = build(project)
    assert code == 0, output
    assert (project / STATE).read_text() == written


def test_a_removed_plan_is_kept_marked_then_forgotten_after_a_while() -> None:
    from datetime import UTC, datetime, timedelta

    from generator.state import KEEP_REMOVED_DAYS

    now = datetime(2027, 1, 1, tzinfo=UTC)
    entry = {"hash": "ab" * 16, "published": "2026-01-01T00:00:00Z", "updated": "2026-06-01T00:00:00Z"}
    state = State(Path("s"), plans={"gone": dict(entry), "kept": dict(entry)},
                  events={"gone/x/w1/d1/s0": {"hash": "c" * 12, "sequence": 2, "modified": "2026-06-01T00:00:00Z"}})
    state.retire({"kept"}, now)
    assert state.built() == {"kept": entry} and state.plans["gone"]["removed"] == "2027-01-01T00:00:00Z"
    state.retire({"kept"}, now + timedelta(days=KEEP_REMOVED_DAYS))
    assert "gone" in state.plans and state.events  # not yet
    state.retire({"kept"}, now + timedelta(days=KEEP_REMOVED_DAYS + 1))
    assert set(state.plans) == {"kept"} and not state.events
    back = state.touch_plan("kept", "cd" * 16, now)
    assert back["published"] == entry["published"] and back["updated"] == "2027-01-01T00:00:00Z"


def test_a_merge_keeps_a_plan_that_either_side_kept(project: Path) -> None:
    """One branch removed a plan (its entry marked), the other edited it: a merge that keeps both
    lines keeps the plan on the site, not marked removed."""
    lines = lines_of(project)
    at = next(n for n, line in enumerate(lines) if line.startswith('  "couch-to-5k": {"hash"'))
    removed = lines[at].replace('"updated"', '"removed":"2026-12-01T00:00:00Z","updated"')
    lines.insert(at + 1, removed.rstrip(",") + ",")
    (project / STATE).write_text("\n".join(lines))
    code, output = build(project)
    assert code == 0 and "two lines for 'couch-to-5k'" in output, output
    assert '"removed"' not in (project / STATE).read_text()
