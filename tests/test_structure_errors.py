"""Mistakes in a plan's outline give one error, at the mistake, with the fix spelled out.

A heading written wrong (``## Wek 4``, ``### Week 4``, ``Week 4`` without ``##``) or a week
numbered wrong used to give a chain of errors elsewhere — "Mon comes after Sun" for every
session of the hidden week, "the last week has no race session", "week 6 follows week
4" twice — with the real mistake second or missing. Each fixture under
``tests/fixtures/structure/`` is ``good.md`` (or ``good-days.md``) with one such mistake;
each test asserts the file's complete list of errors, and that the weeks are read as the
author meant them (the same as the corrected plan's, where the fix is one line).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.config import Settings
from generator.errors import Collector, DeloadError
from generator.source.body import Body, read_body
from generator.source.headings import guess
from generator.source.numbering import number
from generator.source.reader import read_plan

from .conftest import FIXTURES, ROOT

STRUCTURE = FIXTURES / "structure"
SEQUENCE = "(weeks are numbered 1, 2, 3 … in order)"

# fixture: (line, column, message), and the corrected plan it must read the same as, line for line
ONE_LINE_FIXES: dict[str, tuple[tuple[int, int, str], str]] = {
    "misspelt-word": ((47, 4, "'Wek 4 — Build' looks like a week heading; write '## Week 4 — Build'"), "good"),
    "misspelt-last-week": ((64, 4, "'Weeek 6 — Race week' looks like a week heading; write '## Week 6 — Race week'"), "good"),
    "level-three": ((47, 1, "this heading starts with three '#'; a week heading starts with two: write '## Week 4 — Build'"), "good"),
    "level-one": ((47, 1, "this heading starts with one '#'; a week heading starts with two: write '## Week 4 — Build'"), "good"),
    "no-hashes": ((47, 1, "'Week 4 — Build' looks like a week heading but has no '##' in front; write '## Week 4 — Build'"), "good"),
    "bold-line": ((47, 1, "'**Week 4 — Build**' looks like a week heading but has no '##' in front; write '## Week 4 — Build'"), "good"),
    "bullet": ((47, 1, "'- Week 4 — Build' looks like a week heading but is written as a bullet; write '## Week 4 — Build'"), "good"),
    "no-number": ((47, 4, "this week heading has no number; write '## Week 4 — Build'"), "good"),
    "first-no-number": ((21, 4, "this week heading has no number; write '## Week 1 — Settle in'"), "good"),
    "misnumbered": ((47, 4, f"week 5 follows week 3; write '## Week 4' {SEQUENCE}"), "good"),
    "day-misspelt": ((24, 4, "'Dya 5 — Legs' looks like a day heading; write '## Day 5 — Legs'"), "good-days"),
    "day-level-three": ((24, 1, "this heading starts with three '#'; a day heading starts with two: write '## Day 5 — Legs'"), "good-days"),
    "day-typo": ((24, 4, "day 50 follows day 4; write '## Day 5' (days are numbered in increasing order)"), "good-days"),
    "day-twice": ((24, 4, "day 4 appears twice (first on line 21); write '## Day 5' (days are numbered in increasing order)"), "good-days"),
}

# fixture: (line, column, message), and the corrected plan it must read the same as, session for session
OTHER_FIXES: dict[str, tuple[tuple[int, int, str], str]] = {
    "run-on-line": ((46, 1, "'Week 4 — Build' looks like a week heading but has no '##' in front; write '## Week 4 — Build'"), "good"),
    "every-heading-level-three": ((21, 1, "this heading starts with three '#'; a week heading starts with two: write "
                                   "'## Week 1 — Settle in' (the same for 5 more headings below, from line 31)"), "good"),
    "every-heading-without-hashes": ((21, 1, "'Week 1 — Settle in' looks like a week heading but has no '##' in front; write "
                                      "'## Week 1 — Settle in' (the same for 5 more headings below, from line 31)"), "good"),
    "copied-week": ((47, 4, f"week 3 appears twice (first on line 39); remove one of them {SEQUENCE}"), "good"),
    "swapped-weeks": ((39, 4, f"week 4 comes before week 3; put week 3 first {SEQUENCE}"), "good"),
    "weeks-restart": ((47, 4, f"week 2 follows week 3; write '## Week 4' and renumber the weeks after it {SEQUENCE}"), "good"),
    "week-zero": ((21, 4, f"the first week is week 0; write '## Week 1' and renumber the weeks after it {SEQUENCE}"), "good"),
}


def errors_of(name: str, settings: Settings) -> list[tuple[int, int, str]]:
    with pytest.raises(DeloadError) as caught:
        read_plan(STRUCTURE / f"{name}.md", settings, display=f"{name}.md")
    return [(d.line, d.col, d.message) for d in caught.value.diagnostics if d.is_error]


def body_of(text: str, name: str = "plan.md") -> tuple[Body, Collector]:
    """The body of a plan text as the reader reads it, mistakes and all."""
    lines = text.split("\n")
    close = lines.index("---", 1)
    errors = Collector(name)
    return read_body("\n".join(lines[close + 1:]), close + 2, 0, errors), errors


def outline(text: str) -> list[tuple[int, str, str, list[tuple[int, str]]]]:
    """Each week's number, title and notes, and each session's day and line as written."""
    lines = text.split("\n")
    body, _ = body_of(text)
    return [(w.number, w.title, w.notes, [(s.day, lines[s.source.line - 1].strip()) for s in w.sessions]) for w in body.weeks]


def text_of(name: str) -> str:
    return (STRUCTURE / f"{name}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["good", "good-days"])
def test_the_correct_plans_read_without_a_problem(name: str, settings: Settings) -> None:
    plan, warnings = read_plan(STRUCTURE / f"{name}.md", settings)
    assert warnings == []
    assert len(plan.weeks) == (6 if name == "good" else 2)


@pytest.mark.parametrize("name", sorted(ONE_LINE_FIXES))
def test_a_one_line_mistake_gives_one_error_and_the_fix_reads_the_same(name: str, settings: Settings) -> None:
    expected, good = ONE_LINE_FIXES[name]
    assert errors_of(name, settings) == [expected]
    broken, _ = body_of(text_of(name))
    assert broken.weeks == body_of(text_of(good))[0].weeks  # sessions, notes, lines: all as if written right
    assert not broken.sound
    fixed = _apply_fix(text_of(name), *expected)
    assert fixed == text_of(good)


def _apply_fix(text: str, line: int, col: int, message: str) -> str:
    """The file with line ``line`` replaced by the heading the message says to write."""
    heading = re.search(r"write '(## [^']*)'", message)
    assert heading is not None, message
    lines = text.split("\n")
    written = re.match(r"## (Week|Day) \d+", lines[line - 1])
    if written:  # a wrong number: only the number changes, the title stays
        number = re.match(r"## \w+ \d+", heading[1])
        assert number is not None
        lines[line - 1] = lines[line - 1].replace(written[0], number[0], 1)
    else:
        lines[line - 1] = heading[1]
    return "\n".join(lines)


@pytest.mark.parametrize("name", sorted(OTHER_FIXES))
def test_a_mistake_in_the_outline_gives_one_error_and_the_weeks_as_meant(name: str, settings: Settings) -> None:
    expected, good = OTHER_FIXES[name]
    assert errors_of(name, settings) == [expected]
    assert outline(text_of(name)) == outline(text_of(good))


def test_a_missing_week_is_one_error_and_the_weeks_after_it_move_up(settings: Settings) -> None:
    # The frontmatter's vacation in week 6 is not "beyond the plan's 5 weeks": the count may be the mistake.
    assert errors_of("missing-week", settings) == [
        (49, 4, f"week 4 is missing: week 5 follows week 3; add it, or renumber the weeks from here {SEQUENCE}")]
    body, _ = body_of(text_of("missing-week"))
    assert [(w.number, w.title) for w in body.weeks] == [
        (1, "Settle in"), (2, "Settle in"), (3, "Build"), (4, "Sharpen"), (5, "Race week")]


def test_a_heading_for_two_weeks_is_one_error_and_the_numbers_after_it_follow_on(settings: Settings) -> None:
    assert errors_of("week-range", settings) == [
        (39, 4, "'Weeks 3–4 — Build' covers weeks 3 to 4; give each week its own heading: '## Week 3' and '## Week 4'")]
    body, _ = body_of(text_of("week-range"))
    assert [(w.number, w.title) for w in body.weeks] == [
        (1, "Settle in"), (2, "Settle in"), (3, "Build"), (4, "Sharpen"), (5, "Race week")]


def test_a_race_line_that_cannot_be_read_is_not_also_a_missing_race(settings: Settings) -> None:
    assert errors_of("race-line-unreadable", settings) == [
        (68, 15, "unknown unit 'kmm' — did you mean 'km'?; expected mi, km, m, min, s or h")]


def test_headings_and_notes_that_only_mention_weeks_stay_notes(settings: Settings) -> None:
    # An overview list in the introduction, '### Notes' in week 2, '### Week 3 at a glance' in week 3, a note
    # "Week 4: …" before '## Week 4', '## Weekly totals', a code block, "Week 7: …" in the last week.
    plan, warnings = read_plan(STRUCTURE / "notes-that-mention-weeks.md", settings)
    assert warnings == []
    assert [(w.number, w.title, len(w.sessions)) for w in plan.weeks] == [
        (w.number, w.title, len(w.sessions)) for w in read_plan(STRUCTURE / "good.md", settings)[0].weeks]
    assert plan.weeks[2].notes.startswith("### Week 3 at a glance\n\nTwo harder days.\n\nWeek 4: the hardest week comes next.")
    assert plan.weeks[1].notes == "### Notes\n\nRun the hills gently."
    assert "- Week 1: settle in" in plan.intro
    assert plan.weeks[5].notes == "Week 7: rest, and enjoy it."


def test_a_plan_without_week_headings_says_so_at_its_end(settings: Settings) -> None:
    assert errors_of("no-weeks", settings) == [
        (70, 1, "the plan has no weeks; add sections such as '## Week 1' with one bullet per session, e.g. '- Tue: Easy 3 mi'")]


@pytest.mark.parametrize("mistake, expected", [
    ("## Wek 5", "/a.md:{line}:4: error: 'Wek 5 — Peak' looks like a week heading; write '## Week 5 — Peak'"),
    ("### Week 5", "/a.md:{line}:1: error: this heading starts with three '#'; a week heading starts with two: write '## Week 5 — Peak'"),
    ("## Week 6", "/a.md:{line}:4: error: week 6 follows week 4; write '## Week 5' " + SEQUENCE),
])
def test_deload_check_prints_only_the_mistake(tmp_path: Path, mistake: str, expected: str) -> None:
    shutil.copy(ROOT / "deload.toml", tmp_path / "deload.toml")
    text = (ROOT / "plans" / "10k-8-weeks.md").read_text(encoding="utf-8")
    plan = tmp_path / "a.md"
    plan.write_text(text.replace("\n## Week 5", "\n" + mistake, 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--project", str(tmp_path), str(plan)])
    assert result.exit_code == 1
    line = text[:text.index("\n## Week 5")].count("\n") + 2
    assert result.output.splitlines() == [str(tmp_path) + expected.replace("{line}", str(line)),
                                          "✗ 1 plan checked: 1 error, 0 warnings"]


@pytest.mark.parametrize("text, kind, number, exact", [
    ("Week 5 — Peak", "week", 5, True), ("week5", "week", 5, True), ("Wk5", "week", 5, True), ("Week  5:", "week", 5, True),
    ("Wek 5", "week", 5, False), ("Weeek 5", "week", 5, False), ("Weeks 5", "week", 5, False), ("Weak 5", "week", 5, False),
    ("Week-5", "week", 5, False), ("Week #5", "week", 5, False), ("**Week 5**", "week", 5, False), ("Dya 3", "day", 3, False),
    ("Days 3", "day", 3, False), ("Week — Peak", "week", None, False),
])
def test_what_reads_as_a_week_or_day_heading(text: str, kind: str, number: int | None, exact: bool) -> None:
    seen = guess(text)
    assert seen is not None and (seen.kind, seen.number, seen.exact) == (kind, number, exact)


@pytest.mark.parametrize("text", ["Notes", "May 5", "Weekly 5K", "Weekend 2", "Day-by-day guide", "The week at a glance",
                                  "10K in 8 weeks", "Wee"])
def test_what_does_not(text: str) -> None:
    assert guess(text) is None


@pytest.mark.parametrize("written, strict, read, faults", [
    ([1, 2, 3, 4, 6, 6, 7], True, [1, 2, 3, 4, 5, 6, 7], {4: "renumber"}),
    ([1, 2, 3, 4, 6, 7, 8], True, [1, 2, 3, 4, 5, 6, 7], {4: "jump"}),
    ([1, 2, 3, 4, 5, 5, 6], True, [1, 2, 3, 4, 5, None, 6], {5: "drop"}),
    ([1, 2, 4, 3, 5], True, [1, 2, 4, 3, 5], {2: "swap"}),
    ([1, 2, 3, 2, 3, 4], True, [1, 2, 3, 4, 5, 6], {3: "jump"}),
    ([1, 2, 3, 4, 6, 9, 7, 8], True, [1, 2, 3, 4, 5, 6, 7, 8], {4: "renumber", 5: "renumber"}),
    ([1, 3, 8, 9], False, [1, 3, 8, 9], {}),
    ([1, 2, 30, 4, 5], False, [1, 2, 3, 4, 5], {2: "renumber"}),
    ([1, 2, 3, 3, 5], False, [1, 2, 3, 4, 5], {3: "renumber"}),
])
def test_each_numbering_mistake_is_one_fault(written: list[int], strict: bool, read: list[int | None],
                                              faults: dict[int, str]) -> None:
    steps = number(written, [0] * len(written), strict)
    assert [s.number for s in steps] == read
    assert {i: s.fault for i, s in enumerate(steps) if s.fault} == faults


def test_hansons_strength_workout_is_the_run_it_is(tmp_path: Path) -> None:
    """Hansons' 'Strength' workout is a run at a set pace: read as one, under the book's name, not
    refused as a strength session with a distance (nor once more for exercises Deload then looked for)."""
    plan = tmp_path / "hansons.md"
    plan.write_text("---\ntitle: Hansons\nunits: mi\n---\n\n## Week 1\n- Tue: Strength 8-10 mi: 6 x 1 mi @ MP - 10 s\n"
                    "- Thu: Esay 4 mi\n", encoding="utf-8")
    with pytest.raises(DeloadError) as raised:
        read_plan(plan, Settings(root=tmp_path))
    assert [d.line for d in raised.value.diagnostics] == [8]
    plan.write_text(plan.read_text(encoding="utf-8").replace("Esay", "Easy"), encoding="utf-8")
    session = read_plan(plan, Settings(root=tmp_path))[0].weeks[0].sessions[0]
    assert session.kind.value == "intervals" and session.label == "Strength" and len(session.main) == 1


def test_two_mistakes_on_one_frontmatter_line_are_both_said(tmp_path: Path) -> None:
    """A missing title is said at the first key's line: a mistake there must not hide it."""
    plan = tmp_path / "f.md"
    plan.write_text("---\nunits: furlongs\n---\n## Week 1\n- Tue: Easy 5 km\n", encoding="utf-8")
    with pytest.raises(DeloadError) as raised:
        read_plan(plan, Settings(root=tmp_path))
    messages = [d.message for d in raised.value.diagnostics]
    assert "missing required key 'title'" in messages and any("'furlongs'" in m for m in messages), messages
