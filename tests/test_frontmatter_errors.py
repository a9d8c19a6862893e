"""YAML mistakes in a plan's frontmatter: one error each, in a coach's words, at the line and column of the mistake.

Each fixture under tests/fixtures/frontmatter/ is a small plan with one mistake; the test asserts
that it is reported as exactly one error (nothing that follows from it), and where. The YAML
syntax errors are explained by generator/source/yaml_errors.py, keys written at the wrong level
by generator/source/placement.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from generator.cli import main
from generator.config import Settings
from generator.errors import DeloadError
from generator.source.placement import key_homes
from generator.source.reader import parse_plan_text, read_plan
from generator.source.schema import ListOf, Table, text

from .conftest import FIXTURES, ROOT

FRONTMATTER = FIXTURES / "frontmatter"

CASES = [
    # Indentation: a line out of line with the block above it, a tab, an indented first key.
    ("indent-less-race", 9, 2,
     "this line is indented less than the key above it (line 8): indent it by 2 spaces to match 'name:'"),
    ("indent-less-list", 11, 4,
     "this line is indented less than the list item above it (line 9): indent it by 4 spaces to match '- week: 2'"),
    ("indent-more", 9, 5,
     "this line is indented more than the key above it (line 8): indent it by 2 spaces to line it up with 'name:'"),
    ("tab-indent", 9, 1,
     'tabs cannot indent YAML; use spaces'),
    ("indented-first-key", 2, 1,
     "the frontmatter's keys start at the beginning of the line: remove the indent before this key"),
    ("uneven-text-block", 5, 3,
     "the lines of the text under 'summary:' (line 3) must all be indented alike: line 4 has 3 spaces, this line 2"),
    # Colons: a key without one, with no space after it, or one inside a value.
    ("missing-colon", 6, 1,
     "a key needs a colon after it: write 'units: km'"),
    ("missing-colon-after-comment", 3, 1,  # the comment 'deload new' opens a plan with is no Markdown heading
     "a key needs a colon after it: write 'title: Back to Running'"),
    ("empty-value", 5, 7,
     "'level' is empty; expected 'beginner', 'novice', 'intermediate', 'advanced' or 'all levels'"),
    ("key-without-value", 7, 1,
     "'edition' has no colon and no value: write it as 'edition: …' with its value after the colon"),
    ("missing-colon-before-block", 7, 1,
     "'race' needs a colon: write 'race:' (the indented lines below it belong to it)"),
    ("missing-space-after-colon", 6, 1,
     "put a space after the colon: 'units: km'"),
    ("nested-key-without-colon", 8, 3,
     "'long_run_share 40%' needs a colon after the key: write 'long_run_share: 40%'"),
    ("flow-key-without-colon", 8, 12,
     "'every 3' needs a colon after the key: write 'every: 3'"),
    ("colon-in-value", 2, 16,
     "YAML reads this ': ' as the start of another key: put the value in quotes: title: 'Comeback: three weeks to 10K'"),
    ("colon-in-long-summary", 4, 16,
     "YAML reads this ': ' as the start of a key: put the whole text of 'summary:' (line 3) in quotes"),
    ("tag-with-colon", 6, 18,
     "YAML reads the ': ' in '10k: first race' as a key and its value: put the text in quotes, e.g. '10k: first race'"),
    # Quotes, brackets and characters YAML gives a meaning to.
    ("unclosed-quote", 2, 8,
     'the quote (") opened at line 2, column 8 is never closed: add " at the end of the value'),
    ("quote-closed-too-late", 2, 8,
     "the quote (') opened at line 2, column 8 is not closed on its line: add ' at the end of the value"),
    ("text-after-quote", 2, 15,
     'text after the value: YAML reads a value that starts with " as a quoted text that ends at its closing quote; put the whole value in quotes: title: \'"Back" to Running\''),
    ("bad-escape", 3, 14,
     "'\\w' is not an escape YAML knows inside double quotes: use single quotes instead, e.g. summary: 'Run\\walk if you need to'"),
    ("unclosed-bracket", 6, 7,
     "the '[' opened at line 6, column 7 is never closed: add ']' after its last item"),
    ("unclosed-brace", 8, 11,
     "the '{' opened at line 8, column 11 is never closed: add '}' after its last entry"),
    ("missing-comma", 8, 21,
     "a comma is missing before 'mode': separate the entries inside { } with commas, e.g. {every: 4, mode: insert}"),
    ("reserved-character", 3, 9,
     "'@' is reserved in YAML: put the value in quotes: author: '@robin_runs'"),
    # A key given twice; a block with nothing under it.
    ("duplicate-key", 7, 1,
     "key 'level' is given twice (first on line 5): keep one"),
    ("duplicate-block", 10, 1,
     "key 'periodization' is given twice (first on line 7): keep one 'periodization:' and put all its keys under it"),
    ("empty-block", 8, 9,
     "'taper:' has nothing under it: indent its keys (days, enabled) below it by two spaces, or remove it"),
    ("race-inside-race", 8, 3,
     "'race:' is written twice, one inside the other: remove this line and keep the keys below it under the first 'race:'"),
    # The closing '---': missing (the body's own '---' rule closes it, or nothing does), or mistyped.
    ("unclosed-before-rule", 7, 1,
     "the frontmatter is not closed: add a line '---' after its last key (line 6), before the plan's text starts here"),
    ("unclosed", 24, 1,
     "the frontmatter is not closed: add a line '---' after its last key"),
    ("fence-typo", 7, 1,
     "the line that closes the frontmatter must be exactly '---' (three dashes)"),
    # Keys at the wrong level: where they belong, and how to write them there.
    ("vacations-at-top-level", 7, 1,
     "'vacations' is not a top-level key: it goes under 'periodization:' (periodization.vacations); write 'periodization:' on a line of its own and indent 'vacations:' below it"),
    # A list's items are counted from 1 in a key's path, as a coach counts them.
    ("second-vacation-style", 7, 24,
     "'periodization.vacations[2].style' is 'eazy' — did you mean 'easy'?; expected 'easy' or 'rest'"),
    ("vacation-misspelt", 7, 1,
     "'vacation' (did you mean 'vacations'?) is not a top-level key: it goes under 'periodization:' (periodization.vacations); write 'periodization:' on a line of its own and indent 'vacations:' below it"),
    ("vacations-beside-periodization", 9, 1,
     "'vacations' is not a top-level key: it goes under 'periodization:' (periodization.vacations); move it into the 'periodization:' block on line 7"),
    ("deload-keys-at-top-level", 7, 1,
     "'every', 'mode' and 'strategy' are not top-level keys: they go under 'periodization:' → 'deload:'; for example: periodization: {deload: {every: 3, mode: insert, strategy: volume}}"),
    ("days-at-top-level", 7, 1,
     "'days' is not a top-level key: it goes under 'periodization:' → 'taper:' (periodization.taper.days); for example: periodization: {taper: {days: 7}}"),
    ("check-at-top-level", 7, 1,
     "'long_run_share' is not a top-level key: it goes under 'checks:' (checks.long_run_share); for example: checks: {long_run_share: 40%}"),
    ("week-at-top-level", 7, 1,
     "'week' is not a top-level key: it goes under 'periodization:' → 'vacations:', in a list item ('- '); for example: periodization: {vacations: [{week: 2}]}"),
    ("time-zone-outside-calendar", 9, 1,
     "'time_zone' is not a top-level key: it goes under 'calendar:' (calendar.time_zone); move it into the 'calendar:' block on line 7"),
    ("title-under-race", 4, 3,
     "'title' is not a key of 'race:': it belongs at the top level; remove the indent so that it starts at the beginning of the line"),
    ("distance-after-race", 9, 1,
     "'distance' is not a top-level key: it goes under 'race:' (race.distance); move it into the 'race:' block on line 7"),
    ("race-date-at-top-level", 10, 1,  # as other tools, and the command line's --race-date, spell it
     "'race_date' (did you mean 'date'?) is not a top-level key: it goes under 'race:' (race.date); move it into the 'race:' block on line 7"),
    ("vacation-key-in-periodization", 11, 3,  # a vacation's key written in the block above its list: shown its place
     "'week' is not a key of 'periodization:': it goes under 'periodization:' → 'vacations:', in a list item ('- '); "
     "add 'vacations:' inside the 'periodization:' block on line 10, with it indented below it as a list item, e.g. '- week: 3'"),
    ("option-the-block-lacks", 11, 21,  # not sent to 'vacations:', whose items have a 'style'
     "unknown key 'periodization.taper.style' (known keys: days, enabled)"),
    ("race-keys-lost-indent", 8, 1,
     "'name' and 'distance' are not top-level keys: they go under 'race:'; indent them below 'race:' (line 7)"),
    ("deload-keys-lost-indent", 9, 3,
     "'every' and 'mode' are not keys of 'periodization:': they go under 'periodization:' → 'deload:'; indent them below 'deload:' (line 8)"),
    ("days-under-deload", 10, 5,
     "'days' is not a key of 'deload:': it goes under 'periodization:' → 'taper:' (periodization.taper.days); add 'taper:' inside the 'periodization:' block on line 7, with it indented below it"),
]


def errors_of(path: Path, settings: Settings) -> list[tuple[int, int, str]]:
    with pytest.raises(DeloadError) as caught:
        read_plan(path, settings, display=path.name)
    return [(d.line, d.col, d.message) for d in caught.value.diagnostics if d.is_error]


@pytest.mark.parametrize(("name", "line", "col", "message"), CASES, ids=[case[0] for case in CASES])
def test_one_mistake_is_one_error_at_its_place(name: str, line: int, col: int, message: str, settings: Settings) -> None:
    assert errors_of(FRONTMATTER / f"{name}.md", settings) == [(line, col, message)]


def test_every_fixture_has_a_case() -> None:
    fixtures = {path.stem for path in FRONTMATTER.glob("*.md")} - {"good"}
    assert fixtures == {case[0] for case in CASES}


def test_the_fixtures_own_plan_is_fine(settings: Settings) -> None:
    plan, warnings = read_plan(FRONTMATTER / "good.md", settings)
    assert plan.title == "Back to Running" and warnings == []


@pytest.mark.parametrize("name", ["tab-indent", "vacations-at-top-level", "unclosed-before-rule"])
def test_check_prints_the_error_first_and_exits_1(name: str) -> None:
    path = FRONTMATTER / f"{name}.md"
    result = CliRunner().invoke(main, ["check", str(path), "--project", str(ROOT)])
    line, col, message = next(case[1:] for case in CASES if case[0] == name)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"{path}:{line}:{col}: error: {message}"
    assert "1 error," in result.output and "Traceback" not in result.output


def test_a_key_added_to_the_schema_later_is_found_a_home() -> None:
    spec = {"title": text(), "race": Table({"name": text(), "pacer": Table({"group": text()})}),
            "laps": ListOf(Table({"split": text()}))}
    homes = key_homes(spec)
    assert homes["group"] == [("race", "pacer", "group")]
    assert homes["split"] == [("laps", 0, "split")]
    assert homes["title"] == [("title",)]


GOOD = (FRONTMATTER / "good.md").read_text(encoding="utf-8")
_FRONT = GOOD.split("---\n")[1].splitlines()


@given(st.integers(0, len(_FRONT) - 1), st.integers(0, 60), st.sampled_from(["\t", " ", ":", ": ", "'", '"', "[", "{", "}", "- ", "#", "@", "*"]),
       st.booleans())
def test_a_mangled_frontmatter_never_raises_anything_but_its_errors(row: int, col: int, inserted: str, drop: bool) -> None:
    lines = list(_FRONT)
    line = lines[row]
    col = min(col, len(line))
    lines[row] = line[:col] + line[col + 1:] if drop else line[:col] + inserted + line[col:]
    text = GOOD.replace("\n".join(_FRONT), "\n".join(lines), 1)
    try:
        parse_plan_text(text.encode(), "p.md", "p", Settings(root=ROOT))
    except DeloadError as exc:
        errors = [d for d in exc.diagnostics if d.is_error]
        assert errors and all(d.line >= 1 and d.col >= 1 for d in errors)
