"""The expanded plan as JSON: the stable machine interface."""

from __future__ import annotations

import json
from datetime import date

from generator.periodize import expand
from generator.render.json_export import to_json
from generator.source.reader import read_plan

from .conftest import FIXTURES


def test_json_has_the_documented_shape(settings) -> None:  # type: ignore[no-untyped-def]
    plan, _ = read_plan(FIXTURES / "plans" / "ten-k-build.md", settings, display="ten-k-build.md")
    data = json.loads(to_json(expand(plan, race_date=date(2027, 5, 16))))
    assert data["format"] == 5
    assert data["plan"] | {"slug": "ten-k-build", "title": "Ten K build (fixture)", "units": "km",
                           "source": "ten-k-build.md"} == data["plan"]
    assert data["race_date"] == "2027-05-16" and data["start"] == "2027-02-22"
    week = data["weeks"][3]
    assert week["number"] == 4 and week["kind"] == "deload" and week["start"] == "2027-03-15"
    assert set(week["volume"]) >= {"distance", "minutes"} and week["volume"]["distance"] == 25.0
    assert set(week["metrics"]) >= {"ctl", "atl", "tsb", "acwr_ewma"}
    session = next(s for s in week["sessions"] if s["kind"] == "intervals")
    assert session | {"day": 4, "title": "Intervals 7 km: 6 x 400 m @ 5K pace w/ 200 m jog",
                      "distance": 7.0} == session
    assert "strength" not in session  # null fields are left out
    assert session["date"] == "2027-03-18"  # the week's start plus day - 1, written out for outside tools
    assert session["source"]["line"] == 37  # week 3, the reference, in the plan's source file
    repeat = session["main"][0]
    assert repeat["type"] == "repeat" and repeat["count"] == 6 and "count_max" not in repeat
    assert repeat["steps"][0]["amount"] == {"value": 400, "unit": "m"}
    assert repeat["steps"][0]["target"]["race"] == {"race": "5k"}
    assert repeat["between"] | {"role": "recovery", "label": "jog", "amount": {"value": 200, "unit": "m"}} == repeat["between"]
    # the whole workout: 7 km less the 3.4 km main set, half before it and half after
    assert [part.get("type", "step") for part in session["workout"]] == ["step", "repeat", "step"]  # a step has no type
    assert [step["role"] if "type" not in step else step["type"] for step in session["workout"]] == ["warmup", "repeat", "cooldown"]
    assert session["workout"][0]["amount"] == {"value": 1.8, "unit": "km"} == session["workout"][2]["amount"]
    easy = next(s for s in week["sessions"] if s["kind"] == "easy" and "main" not in s)
    assert "workout" not in easy and easy["source"] == {"line": easy["source"]["line"]}  # format 5: said once
    strength = next(s for s in week["sessions"] if s["kind"] == "strength")
    assert strength["strength"][0] | {"exercise": "Back squat", "sets": 3, "reps": 6,
                                      "load": {"kind": "weight", "value": 62.5, "unit": "kg"}} == strength["strength"][0]
    assert all(set(w) == {"file", "line", "code", "severity", "message"} for w in data.get("warnings", []))
    assert [w["kind"] for w in data["weeks"]][-2:] == ["load", "race"]  # a 10-day taper: three days of week 11
    assert data["weeks"][-2]["note"][0]["code"] == "taper-from" and data["weeks"][-2]["note"][0]["day"] == 5  # codes, no words
    assert "step_back" not in data["weeks"][0]  # false is left out
    assert isinstance(data["summary"]["race_form"], float) and data["summary"]["race_form"] > 0


def test_json_leaves_out_what_is_empty_and_what_other_fields_say(settings) -> None:  # type: ignore[no-untyped-def]
    """Format 3: no null, false or empty field anywhere but the top-level lists (always there,
    so that a reader can walk them); 0 stays (slot 0, a form of 0)."""
    plan, _ = read_plan(FIXTURES / "plans" / "ten-k-build.md", settings, display="ten-k-build.md")
    expanded = expand(plan, race_date=date(2027, 5, 16))
    data = json.loads(to_json(expanded))

    def values(value: object) -> list[object]:
        if isinstance(value, dict):
            return [value, *(v for item in value.values() for v in values(item))]
        if isinstance(value, list):
            return [value, *(v for item in value for v in values(item))]
        return [value]

    assert isinstance(data["warnings"], list) and isinstance(data["log"], list)
    everything = values({k: v for k, v in data.items() if k not in ("warnings", "log")})
    assert not [v for v in everything if v is None or v is False or v in ("", [], {})]
    assert any(s["slot"] == 0 for w in data["weeks"] for s in w["sessions"])
    # every session has its date, as the engine dates it
    dates = [s["date"] for w in data["weeks"] for s in w["sessions"]]
    assert dates == [p.date.isoformat() for w in expanded.weeks for p in w.sessions if p.date is not None]


def test_json_is_deterministic(settings) -> None:  # type: ignore[no-untyped-def]
    plan, _ = read_plan(FIXTURES / "plans" / "ten-k-build.md", settings)
    assert to_json(expand(plan)) == to_json(expand(plan))
    assert "NaN" not in to_json(expand(plan)) and "Infinity" not in to_json(expand(plan))


def test_an_rpe_range_gives_both_ends(settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "gym.md"
    path.write_text("---\ntitle: Gym\nunits: km\nload_units: kg\n---\n## Week 1\n- Mon: Strength\n"
                    "  - Back squat 4x5 @ 80 kg, RPE 7-8\n  - Bench press 3x8 @ RPE 6-7\n- Sun: Easy 6 km\n")
    plan, _ = read_plan(path, settings, display="gym.md")
    strength = next(s for s in json.loads(to_json(expand(plan)))["weeks"][0]["sessions"] if s["kind"] == "strength")
    squat, bench = strength["strength"]
    assert (squat["rpe"], squat["rpe_max"], squat["text"]) == (7, 8, "Back squat 4x5 @ 80 kg, RPE 7–8")
    assert bench["load"] == {"kind": "rpe", "value": 6, "value_max": 7} and "rpe" not in bench


def test_the_reader_view_of_a_plan_without_keep_marks_is_as_it_was(settings) -> None:  # type: ignore[no-untyped-def]
    """A field added to sessions enters the digest only where it says something: 'keep': false on
    every session had marked every plan of every site as updated, in its Atom feed too."""
    from generator.render.json_export import reader_view

    plan, _ = read_plan(FIXTURES / "plans" / "ten-k-build.md", settings, display="ten-k-build.md")
    sessions = [s for week in reader_view(expand(plan))["weeks"] for s in week["sessions"]]
    assert sessions and not any("keep" in s for s in sessions)
