"""Reading plan files: the bad-input corpus, decoding, limits and fuzzing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from generator.config import Settings
from generator.describe import exercise_text
from generator.errors import DeloadError
from generator.model import Distance
from generator.periodize import expand
from generator.render.json_export import expanded_dict
from generator.source.reader import parse_plan_text, read_plan, read_plans, slug_from

from .conftest import FIXTURES, library_plans

BAD = sorted((FIXTURES / "bad").glob("*.md"))


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_input_gives_exact_errors(path: Path, settings: Settings) -> None:
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    with pytest.raises(DeloadError) as caught:
        read_plan(path, settings, display=f"tests/fixtures/bad/{path.name}")
    got = [d.format() for d in caught.value.diagnostics if d.is_error]
    assert got == expected


def test_python_tag_never_runs(settings: Settings, tmp_path: Path) -> None:
    marker = Path("/tmp/deload-pwned")
    marker.unlink(missing_ok=True)
    with pytest.raises(DeloadError):
        read_plan(FIXTURES / "bad" / "yaml-python-tag.md", settings)
    assert not marker.exists()


def test_bom_is_accepted(settings: Settings) -> None:
    plan, warnings = read_plan(FIXTURES / "good" / "with-bom.md", settings)
    assert plan.title == "BOM is fine"
    assert warnings == []


def test_strength_sub_bullets_are_exercises_or_notes(settings: Settings) -> None:
    plan, warnings = read_plan(FIXTURES / "good" / "strength-sub-bullets.md", settings)
    assert warnings == []
    session = plan.weeks[0].sessions[0]
    assert [exercise_text(x) for x in session.exercises] == [
        "Dumbbell row 3x8–12 @ 20 kg (each arm)", "Back squat 3x8–12 @ 60 kg", "Side plank 2x30–45 s",
        "Deadlift 3x5+ @ 75% 1RM (Work up to it in three jumps)", "Push-up 3xAMRAP", "Chin-up 2xAMRAP @ bodyweight"]
    assert session.notes.splitlines() == ["- Repeat the circuit 2x max", "- Superset with 4x8 push-ups", "- Rest 90 s between sets.",
        "- Work up to a heavy single @ RPE 9", "- Add 2.5 kg when you make 3x5", "- Ramp up: 40 kg 1x5, 60 kg 1x3",
        "- Back-off sets @ 50% of the working weight", "- Last set @ RPE 9"]
    data = expanded_dict(expand(plan))
    exported = data["weeks"][0]["sessions"][0]["strength"]
    assert [(x.get("reps"), x.get("reps_max"), x.get("amrap", False), x["rep_unit"]) for x in exported] == [
        (8, 12, False, "reps"), (8, 12, False, "reps"), (30, 45, False, "s"), (5, None, True, "reps"),
        (None, None, True, "reps"), (None, None, True, "reps")]


def test_crlf_line_endings_keep_line_numbers(settings: Settings, tmp_path: Path) -> None:
    text = "---\r\ntitle: CRLF\r\nunits: km\r\n---\r\n## Week 1\r\n- Tue: Easy 5 kmm\r\n"
    path = tmp_path / "crlf.md"
    path.write_bytes(text.encode())
    with pytest.raises(DeloadError) as caught:
        read_plan(path, settings, display="crlf.md")
    assert caught.value.diagnostics[0].format().startswith("crlf.md:6:15: error: unknown unit 'kmm'")


def test_fifty_megabyte_file_is_refused_without_reading_it(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(DeloadError) as caught:
        read_plan(path, settings, display="huge.md")
    assert caught.value.diagnostics[0].format() == "huge.md:1:1: error: the file is 52.4 MB; a plan may be at most 1 MB"


def test_all_errors_of_all_plans_come_together(settings: Settings) -> None:
    paths = [FIXTURES / "bad" / "unknown-unit.md", FIXTURES / "bad" / "absurd-quantities.md", FIXTURES / "good" / "with-bom.md"]
    result = read_plans(paths, settings)
    files = {Path(d.file).name for d in result.diagnostics}
    assert files == {"unknown-unit.md", "absurd-quantities.md"}
    assert len([d for d in result.diagnostics if d.is_error]) == 9
    assert [p.title for p in result.plans] == ["BOM is fine"]


def test_duplicate_slugs_are_an_error(settings: Settings, tmp_path: Path) -> None:
    body = "---\ntitle: A\nslug: same\nunits: km\n---\n## Week 1\n- Tue: Easy 5 km\n"
    (tmp_path / "a.md").write_text(body)
    (tmp_path / "b.md").write_text(body.replace("title: A", "title: B"))
    result = read_plans([tmp_path / "a.md", tmp_path / "b.md"], settings)
    assert not result.ok
    assert "slug 'same' is already used by" in result.diagnostics[0].message
    assert result.diagnostics[0].line == 3


def test_a_slug_clash_is_said_at_the_slug_written_not_at_the_plan_named_after_its_file(settings: Settings, tmp_path: Path) -> None:
    """'a-copy.md' lists first but wrote 'slug: b-plan': the clash is its doing, whichever order."""
    plain = "---\ntitle: B\nunits: km\n---\n## Week 1\n- Tue: Easy 5 km\n"
    (tmp_path / "b-plan.md").write_text(plain)
    (tmp_path / "a-copy.md").write_text(plain.replace("title: B\n", "title: A\nslug: b-plan\n"))
    for order in ([tmp_path / "a-copy.md", tmp_path / "b-plan.md"], [tmp_path / "b-plan.md", tmp_path / "a-copy.md"]):
        result = read_plans(order, settings)
        [error] = [d for d in result.diagnostics if d.is_error]
        assert error.file.endswith("a-copy.md") and error.line == 3, error
        assert error.message.startswith("slug 'b-plan' is already used by ") and error.message.split(" by ")[1].startswith(str(tmp_path / "b-plan.md"))
        assert [p.title for p in result.plans] == ["B"]


def test_slug_from_file_name() -> None:
    assert slug_from("My Half Marathon (12 wk)") == "my-half-marathon-12-wk"
    assert slug_from("Été à Paris") == "ete-a-paris"
    assert slug_from("!!!") == "plan"


def test_start_date_on_another_weekday_warns(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_text("---\ntitle: P\nunits: km\nstart: 2027-01-06\n---\n## Week 1\n- Tue: Easy 5 km\n")
    _, warnings = read_plan(path, settings, display="p.md")
    assert [w.format() for w in warnings] == [
        "p.md:4:8: warning: start 2027-01-06 is a Wednesday but weeks start on Monday; "
        "the plan's days will shift to begin on the start date"
    ]


def test_site_defaults_apply_and_plan_overrides_win(tmp_path: Path) -> None:
    site = Settings(root=tmp_path, periodization={"deload": {"every": 3, "strategy": "easy"}}, default_units="mi")
    path = tmp_path / "p.md"
    path.write_text("---\ntitle: P\nperiodization:\n  deload: {strategy: intensity}\n---\n## Week 1\n- Tue: Easy 5 mi\n")
    plan, _ = read_plan(path, site)
    assert plan.units == "mi" and plan.load_units == "lb"
    assert plan.periodization.deload_every == 3
    assert plan.periodization.deload_strategy == "intensity"


# --- fuzzing: nothing but DeloadError, ever ----------------------------------------------------

FUZZ = hsettings()  # examples per run come from the profile in conftest.py


def _parse(data: bytes) -> None:
    try:
        parse_plan_text(data, "fuzz.md", "fuzz", Settings(root=Path(".")))
    except DeloadError as exc:
        assert exc.diagnostics and all(d.line >= 1 and d.col >= 1 for d in exc.diagnostics)


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_only_raise_deload_errors(data: bytes) -> None:
    _parse(data)
    _parse(b"---\ntitle: x\n---\n" + data)


WORDS = st.sampled_from([
    "Easy", "Long", "Tempo", "Intervals", "Race", "Strength", "Rest", "Mon:", "Tue:", "Day 3:", "5", "mi", "km", "x",
    "@", "w/", "+", "strides", "400 m", "1:15:00", "45:00", "min", "5K pace", "Z2", "RPE 7", "—", "(", ")", "3x8",
    "100 lb", "70%", ":", "with", "##", "Week", "{deload}", "*", "`", "&a", "*a", "!!python", "\t", "é", "🏃", "0",
    "99999999999999999999", "-1", "1e309", "nan", "Day", "Day:", "{", "}", "[", "]", "<!--", "-->", "\x0b", "   ",
    "\u00a0", "\ufffe", "3x8-12", "5+", "AMRAP", "{taper}", "- ", "  ", "# x #",
])
LINE = st.lists(WORDS, max_size=10).map(" ".join)
PREFIX = st.sampled_from(["", "- ", "  - ", "## ", "## Week 1 ", "---", "title: ", "units: ", "race: ", "  distance: "])


@FUZZ
@given(st.lists(st.tuples(PREFIX, LINE), max_size=30))
def test_random_markdown_only_raises_deload_errors(lines: list[tuple[str, str]]) -> None:
    body = "\n".join(prefix + text for prefix, text in lines)
    _parse(("---\ntitle: Fuzz\nunits: km\n---\n## Week 1\n" + body).encode())
    _parse(("---\n" + body).encode())


SEEDS = [path.read_text(encoding="utf-8") for path in [*sorted((FIXTURES / "plans").glob("*.md")), *library_plans()]]
MUTATION = st.sampled_from(["insert", "delete", "duplicate", "replace", "indent"])


@FUZZ
@given(st.data())
def test_mutated_real_plans_give_a_plan_or_deloads_own_error(data: st.DataObject) -> None:
    """A real plan, a few lines mutated: read it, then expand and export it (a plan that reads
    must also expand: a traceback there is as bad as one in the reader)."""
    lines = data.draw(st.sampled_from(SEEDS)).split("\n")
    for _ in range(data.draw(st.integers(1, 5))):
        at = data.draw(st.integers(0, len(lines) - 1))
        how = data.draw(MUTATION)
        words = lines[at].split(" ")
        if how == "insert":
            words.insert(data.draw(st.integers(0, len(words))), data.draw(WORDS))
        elif how == "delete" and words:
            del words[data.draw(st.integers(0, len(words) - 1))]
        elif how == "replace" and words:
            words[data.draw(st.integers(0, len(words) - 1))] = data.draw(WORDS)
        elif how == "duplicate":
            lines.insert(at, lines[at])
        elif how == "indent":
            words[0] = "  " + words[0]
        lines[at] = " ".join(words)
    try:
        plan, _ = parse_plan_text("\n".join(lines).encode(), "fuzz.md", "fuzz", Settings(root=Path(".")))
    except DeloadError as exc:
        assert exc.diagnostics and all(d.line >= 1 and d.col >= 1 for d in exc.diagnostics)
        return
    expanded_dict(expand(plan))


def test_a_taper_mark_on_the_race_week_is_said_to_be_ignored_with_what_to_do(settings: Settings) -> None:
    text = ("---\ntitle: M\nunits: km\nrace: {distance: 10k}\n---\n## Week 1\n- Tue: Easy 8 km\n- Sun: Long 12 km\n\n"
            "## Week 2 {taper}\n- Tue: Easy 5 km\n- Sun: Race 10K\n")
    plan, warnings = parse_plan_text(text.encode(), "m.md", "m", settings)
    [said] = [w for w in warnings if w.code == "race-week-mark"]
    assert said.line == 10 and "mark the weeks before it {taper}" in said.message
    assert plan.weeks[-1].mark is None


def test_a_taper_mark_on_the_race_week_after_the_authors_taper_is_no_warning(settings: Settings) -> None:
    """'## Week 3 — Taper {taper}' then '## Week 4 — Race week {taper}': the author's taper, race week
    and all, kept as written. The warning had told the author to mark the weeks before it, which they had."""
    text = ("---\ntitle: M\nunits: km\nrace: {distance: 10k}\n---\n## Week 1\n- Tue: Easy 8 km\n- Sun: Long 12 km\n\n"
            "## Week 2 — Taper {taper}\n- Tue: Easy 6 km\n- Sun: Long 9 km\n\n"
            "## Week 3 — Race week {taper}\n- Tue: Easy 5 km\n- Sun: Race 10K\n")
    plan, warnings = parse_plan_text(text.encode(), "m.md", "m", settings)
    assert [w.format() for w in warnings if w.code == "race-week-mark"] == []
    assert [w.mark for w in plan.weeks] == [None, "taper", None]
    weeks = expand(plan).weeks
    assert [w.kind for w in weeks] == ["load", "taper", "race"] and weeks[1].sessions[1].session.total == Distance(9, "km")
