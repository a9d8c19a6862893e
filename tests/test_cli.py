"""The deload command as a coach uses it: exit codes, messages, scaffolding, atomic builds."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import __version__
from generator.cli import main

from .conftest import FIXTURES, ROOT


def run(*args: str, color: bool = False) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), color=color)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A copy of the bundled project: config and plans."""
    shutil.copy(ROOT / "deload.toml", tmp_path / "deload.toml")
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    return tmp_path


def test_version() -> None:
    code, out = run("--version")
    assert code == 0 and out.strip() == f"deload, version {__version__}"


def test_help_speaks_to_coaches() -> None:
    code, out = run("--help")
    assert code == 0
    for command in ("check", "new", "build", "expand"):
        assert command in out


def test_check_library_passes(library: Path) -> None:
    code, out = run("check", "--project", str(library))
    assert code == 0
    assert "7 plans checked: 0 errors, 1 warning" in out  # the masters plan's spring break, as its text says
    assert "10-mile-masters.md:189:1: warning: your week 6 is a vacation week" in out


def test_check_reports_every_error_with_file_line_and_exit_1(library: Path) -> None:
    bad = FIXTURES / "bad"
    code, out = run("check", str(bad / "unknown-unit.md"), str(bad / "duplicate-week.md"), "--project", str(library))
    assert code == 1
    assert f"{bad / 'unknown-unit.md'}:6:15: error: unknown unit 'mk' — did you mean 'km'?" in out
    assert f"{bad / 'duplicate-week.md'}:11:4: error: week 2 appears twice (first on line 8)" in out
    assert "Traceback" not in out


def test_check_is_plain_when_piped_and_coloured_on_a_terminal(library: Path) -> None:
    bad = str(FIXTURES / "bad" / "unknown-unit.md")
    _, plain = run("check", bad, "--project", str(library))
    _, coloured = run("check", bad, "--project", str(library), color=True)
    assert "\x1b[" not in plain and "\x1b[31" in coloured


def test_check_missing_path(library: Path) -> None:
    code, out = run("check", str(library / "nope.md"), "--project", str(library))
    assert code == 1 and "nope.md:1:1: error: no such file or folder" in out


def test_new_scaffolds_a_plan_that_checks_clean(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    code, out = run("new", "Spring 10K: Road", "--race", "10k", "--weeks", "6", "--project", str(tmp_path))
    assert code == 0 and "plans/spring-10k-road.md" in out
    code, out = run("check", "--project", str(tmp_path))
    assert code == 0, out
    code, out = run("new", "Spring 10K: Road", "--project", str(tmp_path))
    assert code == 1 and "spring-10k-road.md exists already" in out


def test_new_refuses_what_would_write_a_plan_that_does_not_read(tmp_path: Path) -> None:
    """A mistake on deload new's command line is said there (exit 2), not as two errors in the plan it wrote."""
    (tmp_path / "plans").mkdir()
    for args, said in [(["Half", "--race", "halfmarathon"], "race distance is 'halfmarathon'; expected 5k, 10k, half"),
                       (["Ultra", "--race", "50"], "race distance 50 needs a unit, e.g. '50 km'"),
                       (["Ultra", "--race", "50 kn"], "unknown unit 'kn'"),
                       (["Ultra", "--race", "300 h"], "a timed race of 300 h is not plausible (expected 30 min to 240 h)"),
                       (["", "--race", "10k"], "has no letter or digit; give the plan a title"),
                       (["///"], "has no letter or digit")]:
        code, out = run("new", *args, "--project", str(tmp_path))
        assert code == 2 and said in out, (args, out)
    assert list((tmp_path / "plans").iterdir()) == []
    code, out = run("new", "Ultra", "--race", "50 km", "--project", str(tmp_path))
    assert code == 0 and (tmp_path / "plans" / "ultra.md").is_file(), out
    code, out = run("new", "Six hours", "--race", "6 h", "--project", str(tmp_path))  # a timed race
    assert code == 0 and "distance: 6 h" in (tmp_path / "plans" / "six-hours.md").read_text(), out
    code, out = run("check", "--project", str(tmp_path))
    assert code == 0, out


@pytest.mark.parametrize("units", ["km", "mi"])
def test_new_leaves_room_for_a_warm_up_and_cool_down_around_every_interval_set(tmp_path: Path, units: str) -> None:
    """The scaffold's example is what a newcomer copies: its interval sessions never fill the
    whole session with the set (10 x 400 m with 200 m jogs in 6 km left 200 m to warm up in)."""
    import re

    from generator.units import to_km

    (tmp_path / "plans").mkdir()
    code, out = run("new", "Sixteen", "--weeks", "16", "--units", units, "--project", str(tmp_path))
    assert code == 0, out
    sessions = re.findall(r"Intervals (\d+) (km|mi): (\d+) x 400 m @ 5K pace w/ 200 m jog", (tmp_path / "plans" / "sixteen.md").read_text())
    assert len(sessions) == 16
    for total, unit, reps in sessions:
        main = 0.4 * int(reps) + 0.2 * (int(reps) - 1)
        assert to_km(float(total), unit) - main >= 2.0, (total, unit, reps)  # a warm-up and a cool-down of 1 km each


def test_docs_lists_the_guides_and_prints_one_offline() -> None:
    code, out = run("docs")
    assert code == 0
    assert "plan-format    The plan format" in out and "expanded-json" in out
    code, out = run("docs", "plan-format")
    assert code == 0 and out == (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    code, out = run("docs", "plan-formt")
    assert code == 1 and "no guide called 'plan-formt' — did you mean 'plan-format'?" in out


def test_the_scaffold_points_to_a_guide_that_exists(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    run("new", "Base", "--project", str(tmp_path))
    header = (tmp_path / "plans" / "base.md").read_text(encoding="utf-8").splitlines()[1]
    assert "deload docs plan-format" in header
    code, _ = run("docs", "plan-format")
    assert code == 0


DELOAD_FILES = ("build.lock", "cache", "manifest-", "twin-")  # what a build keeps in .deload/


def test_build_writes_site_and_a_failed_build_leaves_it_untouched(library: Path) -> None:
    code, out = run("build", "--project", str(library), "--no-pdf")
    assert code == 0, out
    site = library / "site"
    assert (site / "plans" / "couch-to-5k" / "plan.json").exists()
    before = tree_digest(site)
    plan = library / "plans" / "10k-8-weeks.md"
    plan.write_text(plan.read_text().replace("Easy 6 km", "Easy 6 kms", 1).replace("## Week 2", "## Week 9", 1))
    code, out = run("build", "--project", str(library), "--no-pdf")
    assert code == 1
    assert "10k-8-weeks.md" in out and "error:" in out and "Traceback" not in out
    assert tree_digest(site) == before
    assert not [p for p in (library / ".deload").iterdir() if not p.name.startswith(DELOAD_FILES)]  # no debris


def test_a_crash_while_rendering_leaves_the_site_untouched(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("build", "--project", str(library), "--no-pdf")[0] == 0
    before = tree_digest(library / "site")

    def explode(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    import generator.build as build

    monkeypatch.setattr(build, "_render", explode)
    plan = library / "plans" / "couch-to-5k.md"
    plan.write_text(plan.read_text().replace("Couch to 5K", "Couch to 5K, edited", 1))  # so the build has work to do
    result = CliRunner().invoke(main, ["build", "--project", str(library), "--no-pdf"])
    assert result.exit_code == 1
    assert "cannot write the site: [Errno 28] No space left on device; site/ was left as it was" in result.output
    assert tree_digest(library / "site") == before
    assert not [p for p in (library / ".deload").iterdir() if not p.name.startswith(DELOAD_FILES)]  # no debris


def test_bad_config_is_reported_not_raised(library: Path) -> None:
    (library / "deload.toml").write_text('[site]\ntitel = "x"\n')
    code, out = run("check", "--project", str(library))
    assert code == 1 and "deload.toml:2:1: error: unknown key 'site.titel' — did you mean 'title'?" in out


def test_expand_text_and_json(library: Path) -> None:
    plan = str(library / "plans" / "10k-8-weeks.md")
    code, out = run("expand", plan, "--race-date", "2027-05-16", "--project", str(library))
    assert code == 0 and "DELOAD" in out and "Sun 16 May" in out
    code, out = run("expand", plan, "--format", "json", "--start", "2027-01-04", "--project", str(library))
    assert code == 0 and '"start": "2027-01-04"' in out
    code, out = run("expand", plan, "--start", "2027-01-04", "--race-date", "2027-05-16", "--project", str(library))
    assert code == 2 and "either --race-date or --start" in out


def test_the_installed_command_never_shows_a_traceback(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("deload")
    for bad in sorted((FIXTURES / "bad").glob("*.md")):
        proc = subprocess.run([str(exe), "check", str(bad)], capture_output=True, text=True, cwd=tmp_path)
        assert proc.returncode == 1, bad
        assert "Traceback" not in proc.stderr and f"{bad}:" in proc.stderr


def test_a_date_that_puts_the_plan_in_the_past_is_said(tmp_path: Path) -> None:
    """``--race-date 2020-05-02`` (a mistyped year, say) still writes the file, with a warning."""
    plan = str(ROOT / "plans" / "10k-8-weeks.md")
    code, out = run("ical", plan, "--race-date", "2020-05-03", "-o", str(tmp_path / "old.ics"))
    assert code == 0 and "warning: --race-date 2020-05-03: the plan ran from" in out and "it is over" in out, out
    code, out = run("ical", plan, "--race-date", "2099-05-03", "-o", str(tmp_path / "new.ics"))
    assert code == 0 and "--race-date" not in out, out


def test_a_date_or_race_time_mistyped_on_the_command_line_says_what_was_meant() -> None:
    plan = str(ROOT / "plans" / "10k-8-weeks.md")
    code, out = run("expand", plan, "--race-date", "2027-13-01")
    assert code == 2 and "'2027-13-01' is not a day as YYYY-MM-DD (year, month 01-12, day), e.g. 2027-05-16" in out
    code, out = run("paces", "--race-time", "half=1:55")
    assert code == 2 and "for 1 h 55 min write 1:55:00" in out


def test_expand_says_what_a_changed_session_was() -> None:
    """As the page's "Written as:": a deload's shortened session, with the session as written."""
    result = CliRunner().invoke(main, ["expand", str(ROOT / "plans" / "10k-8-weeks.md"), "--race-date", "2027-05-16"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    at = next(i for i, line in enumerate(lines) if "Intervals 7 km: 4 x 1 km @ 10K pace" in line)
    assert lines[at + 1].strip() == "was: Intervals 9 km: 5 x 1 km @ 10K pace w/ 400 m jog"


def test_expand_of_a_strength_block_speaks_of_its_weeks_and_strength_strategy_only(tmp_path: Path) -> None:
    """Its weeks in sets and reps; the summary names the strength deload, not a running strategy
    the plan has no running for; one week is "1 week"."""
    plan = ROOT / "tests" / "fixtures" / "plans" / "strength-reps-deload.md"
    result = CliRunner().invoke(main, ["expand", str(plan)])
    assert result.exit_code == 0, result.output
    assert "deload every 4 (insert, strength: reps)" in result.output
    assert "Week  4 · DELOAD      17 sets · 105 reps" in result.output
    assert "6 weeks · 1 recovery week (1 deload) ·" in result.output  # only the kinds the plan has
    short = tmp_path / "short.md"
    short.write_text("---\ntitle: One week\n---\n\n## Week 1\n- Tue: Easy 30 min\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["expand", str(short)])
    assert result.exit_code == 0 and "1 week · " in result.output, result.output


def test_expand_names_the_authors_lighter_weeks_as_the_page_does(tmp_path: Path) -> None:
    """A step-back week the author wrote is 'lighter' in deload expand, as the page's "Lighter week", not 'load'."""
    text = "---\ntitle: L\nunits: km\nperiodization: {deload: {every: 4}}\n---\n"
    for week, km in enumerate((30, 33, 24, 35, 38), start=1):
        text += f"## Week {week}\n- Tue: Easy {km // 3} km\n- Sun: Long {km - km // 3} km\n"
    (tmp_path / "l.md").write_text(text)
    code, out = run("expand", str(tmp_path / "l.md"))
    heads = [line.split("   ")[0] for line in out.splitlines() if line.startswith("Week")]
    assert code == 0 and heads == ["Week  1 · load", "Week  2 · load", "Week  3 · lighter", "Week  4 · load", "Week  5 · load"]
