"""The bundled plan library: every plan parses, expands cleanly and is what the README promises."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import load_settings
from generator.model import SessionKind
from generator.periodize import expand
from generator.source.reader import read_plan

from .conftest import ROOT, library_plans

SITE = load_settings(ROOT)


@pytest.mark.parametrize("path", library_plans(), ids=[p.stem for p in library_plans()])
def test_library_plan_expands_without_load_warnings(path: Path) -> None:
    plan, warnings = read_plan(path, SITE)
    assert warnings == []
    expanded = expand(plan)
    assert [w.code for w in expanded.warnings] in ([], ["vacation-applied"])  # a vacation the plan describes
    assert expanded.weeks and all(w.sessions for w in expanded.weeks)


def expanded(slug: str):  # type: ignore[no-untyped-def]
    plan, _ = read_plan(ROOT / "plans" / f"{slug}.md", SITE)
    return plan, expand(plan)


def test_the_promised_plans_exist() -> None:
    plan, e = expanded("couch-to-5k")
    assert plan.race and plan.race.category == "5k" and e.basis == "minutes"
    plan, e = expanded("10k-8-weeks")
    assert plan.race and plan.race.category == "10k" and plan.units == "km"
    plan, e = expanded("half-marathon-beginner")
    assert plan.units == "mi" and plan.level == "beginner" and len(e.weeks) == 12
    assert plan.race and plan.race.category == "half"
    plan, e = expanded("marathon-novice")
    assert plan.units == "km" and 16 <= len(e.weeks) <= 18 and plan.race and plan.race.category == "marathon"
    assert [w.kind for w in e.weeks][-3:] == ["taper", "taper", "race"]
    plan, e = expanded("strength-for-runners-14-day")
    assert plan.layout == "days" and len(e.weeks) == 2
    exercises = [x for w in plan.weeks for s in w.sessions if s.kind is SessionKind.STRENGTH for x in s.exercises]
    assert len(exercises) >= 20 and all(x.sets >= 1 for x in exercises)
