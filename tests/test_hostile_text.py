"""Hostile and careless plan text: runaway patterns, limits, nesting, unpublishable characters.

Each case comes from a plan that once hung ``deload check`` for minutes, printed a
traceback, or passed ``check`` and then broke the site. The speed of the reader on such
lines is measured by ``bench/patterns.py`` (the benchmark's timing guard), never here;
these tests assert what the coach sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import Settings, load_settings
from generator.errors import Collector, DeloadError
from generator.source.reader import parse_plan_text, read_plan

HEAD = "---\ntitle: Hostile\nunits: km\n---\n"


def errors_of(text: str, settings: Settings) -> list[str]:
    with pytest.raises(DeloadError) as caught:
        parse_plan_text(text.encode("utf-8"), "p.md", "p", settings)
    return [d.format() for d in caught.value.diagnostics]


def read(text: str, settings: Settings):  # type: ignore[no-untyped-def]
    plan, _ = parse_plan_text(text.encode("utf-8"), "p.md", "p", settings)
    return plan


def test_week_heading_with_a_run_of_spaces_keeps_its_title(settings: Settings) -> None:
    # Once cubic: 3,000 spaces took 20.9 s. 900 is the most a heading may hold before its limit.
    plan = read(HEAD + "## Week 1 x" + " " * 900 + "y {deload}\n- Tue: Easy 5 km\n", settings)
    assert plan.weeks[0].title.startswith("x") and plan.weeks[0].title.endswith("y")
    assert plan.weeks[0].mark == "deload"


def test_heading_over_its_limit_is_refused_at_the_limit(settings: Settings) -> None:
    assert errors_of(HEAD + "## Week 1 x" + " " * 3000 + "y\n- Tue: Easy 5 km\n", settings) == [
        "p.md:5:1004: error: this heading is 3,009 characters long; a heading may have at most 1,000: put the rest in a note under it"]


@pytest.mark.parametrize("line, expected", [
    # A run of spaces anywhere in a session line reads as one space...
    ("- Tue: Easy" + " " * 800 + "5 km" + " " * 90 + "@ easy", None),
    ("- Wed: Strength:" + " " * 400 + "Back squat" + "\t" * 300 + "3x8 @ 60" + " " * 200 + "kg", None),
    # ... and a mistake after it is still reported at its own column.
    ("- Tue: Easy 5" + " " * 900 + "kmm", "p.md:6:914: error: unknown unit 'kmm' — did you mean 'km'?; expected mi, km, m, min, s or h"),
    ("- Tue: Easy 5 km @" + " " * 800 + "eazy", "p.md:6:819: error: unknown target 'eazy' — did you mean 'easy'?; expected a pace "
     "(8:30/mi), a zone (Z2), an RPE (RPE 7), a heart rate (150 bpm), an effort such as easy, steady, threshold or 10K pace, or a share of race pace (90% 5K, MP - 10 s)"),
    ("- Wed: Strength: Squat 3x8 @ 60" + "\u00a0" * 500 + "kgg", "p.md:6:30: error: unknown unit 'kgg' — did you mean 'kg'?; loads are in lb or kg"),
])
def test_runs_of_whitespace_in_a_session_line(line: str, expected: str | None, settings: Settings) -> None:
    text = HEAD + "## Week 1\n" + line + "\n- Sun: Long 10 km\n"
    if expected is None:
        assert read(text, settings).weeks[0].sessions[0].kind
    else:
        assert errors_of(text, settings)[0] == expected


def test_exercise_sub_bullet_with_runs_of_whitespace(settings: Settings) -> None:
    plan = read(HEAD + "## Week 1\n- Tue: Strength\n  - Back squat" + " " * 500 + "3x8" + "\t" * 100 + "@ 60 kg\n", settings)
    exercise = plan.weeks[0].sessions[0].exercises[0]
    assert (exercise.name, exercise.sets, exercise.reps, exercise.load.value if exercise.load else None) == ("Back squat", 3, 8, 60)


def test_session_line_over_its_limit(settings: Settings) -> None:
    assert errors_of(HEAD + "## Week 1\n- Tue: Easy 5 km" + " " * 2000 + "x\n", settings) == [
        "p.md:6:1003: error: this session line is 2,015 characters long; a session line may have at most 1,000: "
        "put the detail in a note under it (an indented line)"]


def test_any_line_over_the_file_limit(settings: Settings) -> None:
    text = HEAD + "An introduction " + "a" * 20_000 + "\n\n## Week 1\n- Tue: Easy 5 km\n"
    assert errors_of(text, settings) == ["p.md:5:10001: error: this line is 20,016 characters long; a line may have at most 10,000: break it up"]


def test_unclosed_html_comments_are_text(settings: Settings) -> None:
    plan = read(HEAD + "## Week 1\n- Tue: Easy 5 km\n\n<!-- a closed one -->\n" + "<!-- " * 1500 + "\n", settings)
    assert plan.weeks[0].notes.startswith("<!-- <!--")
    assert "a closed one" not in plan.weeks[0].notes


def test_a_day_word_without_its_number_is_an_error_not_a_traceback(settings: Settings) -> None:
    assert errors_of(HEAD + "## Week 1\n- Day: Easy 5 km\n", settings)[0].startswith("p.md:6:3: error: 'Day' needs its number")


def test_five_hundred_nested_yaml_brackets(settings: Settings) -> None:
    text = "---\ntitle: Deep\nsummary: " + "[" * 500 + "]" * 500 + "\n---\n## Week 1\n- Tue: Easy 5 km\n"
    assert errors_of(text, settings) == ["p.md:3:26: error: the frontmatter nests values more than 16 levels deep here; "
                                         "a plan needs at most 4 (periodization: vacations: - week: 8)"]


def test_five_hundred_nested_bullets(settings: Settings) -> None:
    text = HEAD + "## Week 1\n- Tue: Easy 5 km\n" + "".join(" " * (2 * i) + "- x\n" for i in range(1, 500))
    assert errors_of(text, settings) == ["p.md:22:33: error: lists are nested more than 16 levels deep here; a plan needs at "
                                         "most 3 (a session, its exercises, a note under one)"]


def test_deeply_nested_toml_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "deload.toml").write_text("[site]\ntitle = 'x'\nz = " + "[" * 3000 + "]" * 3000 + "\n")
    with pytest.raises(DeloadError) as caught:
        load_settings(tmp_path)
    assert caught.value.diagnostics[0].message == "invalid TOML: arrays or tables are nested too deeply"


def test_control_character_escaped_in_toml(tmp_path: Path) -> None:
    (tmp_path / "deload.toml").write_text('[site]\ntitle = "Plans\\u001b[31m"\n')
    with pytest.raises(DeloadError) as caught:
        load_settings(tmp_path)
    assert [d.format() for d in caught.value.diagnostics] == [
        "deload.toml:2:1: error: this value holds a control character (U+001B), which cannot go into web pages, "
        "calendars or PDFs (written as an escape); remove it"]


@pytest.mark.parametrize("char", ["\x0b", "\x1b", "\x7f", "\x85", "\ufffe", "\U0001ffff", "\ufdd0"])
def test_every_unpublishable_character_is_refused_at_its_place(char: str, settings: Settings) -> None:
    errors = errors_of(HEAD + f"## Week 1\n- Tue: Easy 5 km — a{char}b\n", settings)
    assert len(errors) == 1 and errors[0].startswith("p.md:6:21: error: the text holds a ") and f"(U+{ord(char):04X})" in errors[0]


def test_tabs_and_other_spaces_are_welcome(settings: Settings) -> None:
    plan = read(HEAD + "## Week 1\n- Tue:\tEasy 5\u2009km — a\u00a0b\u2028c\n", settings)
    assert plan.weeks[0].sessions[0].comment == "a b c"


def test_half_a_million_empty_bullets_answer_at_once(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "bullets.md"
    path.write_text(HEAD + "## Week 1\n- Tue: Easy 5 km\n" + "- \n" * 330_000)  # 1 MB
    with pytest.raises(DeloadError) as caught:
        read_plan(path, settings, display="bullets.md")
    assert [d.format() for d in caught.value.diagnostics] == [
        "bullets.md:20001:1: error: the file has 330,007 lines; a plan may have at most 20,000"]


def test_diagnostics_stop_at_fifty_then_say_how_many_more(settings: Settings) -> None:
    errors = errors_of(HEAD + "## Week 1\n- Tue: Easy 5 km\n" + "- \n" * 5000, settings)
    assert len(errors) == Collector.MAX_PER_FILE + 1
    assert errors[-1] == "p.md:206:3: error: and 4,800 more problems in this file (only the first 200 are shown)"


def test_plan_size_is_checked_before_the_build_reads_it(project: Path) -> None:
    from generator.build import build_site

    with open(project / "plans" / "huge.md", "wb") as handle:
        handle.truncate(2 * 1024 * 1024 * 1024)  # sparse: 2 GB that no one may read whole
    with pytest.raises(DeloadError) as caught:
        build_site(load_settings(project), pdf=False)
    assert [d.format() for d in caught.value.diagnostics] == ["plans/huge.md:1:1: error: the file is 2,147.5 MB; a plan may be at most 1 MB"]
    assert not (project / "site").exists()
