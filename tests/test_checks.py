"""Load checks: each warning names the source line, and deloads never trigger false alarms."""

from __future__ import annotations

from generator.periodize import expand
from generator.source.reader import read_plan

from .conftest import FIXTURES, library_plans


def warnings_of(name: str, settings):  # type: ignore[no-untyped-def]
    plan, _ = read_plan(FIXTURES / "plans" / name, settings, display=name)
    return expand(plan).warnings


def test_every_risk_is_reported_at_its_line(settings) -> None:  # type: ignore[no-untyped-def]
    found = [(w.line, w.code) for w in warnings_of("risky.md", settings)]
    assert sorted(found) == [
        (12, "long-run-share"),   # week 1: 10 of 22 km
        (17, "long-run-share"),   # week 2: 12 of 24 km
        (17, "session-spike"),    # week 2: 12 km after a longest 10 km
        (19, "volume-jump-10"),   # week 3: 27 km after 24 km
        (29, "volume-jump-30"),   # written week 5: 38 km after 29 km
        (34, "deload-not-lighter"),  # the {deload} week is heavier than the week before it
        (42, "long-run-share"),   # the last week: 15 of 25 km
    ]


def test_the_week_after_a_deload_is_compared_with_the_week_before_it(settings) -> None:  # type: ignore[no-untyped-def]
    warnings = warnings_of("risky.md", settings)
    # Written week 4 (29 km) follows an inserted 20 km deload: +45% on the deload, but only +7% on week 3.
    assert not [w for w in warnings if w.line == 24 and w.code.startswith("volume-jump")]


def test_messages_explain_the_numbers(settings) -> None:  # type: ignore[no-untyped-def]
    messages = {w.code: w.message for w in reversed(warnings_of("risky.md", settings))}  # the first of each code
    assert messages["session-spike"] == (
        "week 2: this run (12 km) is 20% longer than the longest run of the previous 30 days (10 km); "
        "runs more than 10% longer are linked to injury (Frandsen et al. 2025)")
    assert messages["volume-jump-30"] == "week 6: volume 38 km is up 31% on week 5 (29 km), more than 30%"
    assert messages["long-run-share"].startswith("week 1: the long run is 45.5% of the week's volume (more than 45%)")


def test_library_plans_have_no_warnings(settings) -> None:  # type: ignore[no-untyped-def]
    from generator.config import load_settings

    from .conftest import ROOT

    site = load_settings(ROOT)
    for path in library_plans():
        plan, reader_warnings = read_plan(path, site)
        assert reader_warnings == [], path
        assert expand(plan).warnings == (), path
