"""Training-load metrics: GoldenCheetah's CTL/ATL recursion, ACWR and monotony, never NaN."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from generator.periodize.metrics import form_before, monotony, week_metrics


def test_ctl_under_constant_load_from_zero_follows_the_closed_form() -> None:
    load = 100.0
    weeks = week_metrics([load] * 7 * 12, seed=0.0)
    for index, week in enumerate(weeks):
        t = (index + 1) * 7 - 1
        assert math.isclose(week.ctl, load * (1 - math.exp(-(t + 1) / 42)), abs_tol=0.01)
        assert math.isclose(week.atl, load * (1 - math.exp(-(t + 1) / 7)), abs_tol=0.01)
    assert weeks[-1].ctl < load and weeks[-1].atl > weeks[-1].ctl


def test_a_steady_plan_starts_at_its_own_level() -> None:
    # Seeded with the first two weeks' mean daily load: a steady week is neither fit-making nor tiring.
    weeks = week_metrics([70.0] * 7 * 8)
    assert all(w.ctl == 70.0 and w.atl == 70.0 and w.tsb == 0.0 and w.acwr_ewma == 1.0 for w in weeks)


def test_acwr_is_undefined_during_warm_up_and_at_zero_load() -> None:
    weeks = week_metrics([0.0] * 7 * 6)
    assert all(w.acwr_rolling is None and w.acwr_ewma is None and w.monotony is None for w in weeks)
    weeks = week_metrics([50.0, 0, 60, 0, 40, 0, 120] * 6, seed=0.0)
    assert [w.acwr_rolling is None for w in weeks] == [True, True, True, False, False, False]
    assert [w.acwr_ewma is None for w in weeks] == [True, True, True, False, False, False]
    assert weeks[4].acwr_rolling == 1.0


def test_race_morning_form_is_the_day_before_the_race() -> None:
    daily = [60.0] * 21 + [30.0] * 13 + [0.0, 200.0]  # three steady weeks, a taper, a rest day, the race
    assert form_before(daily, len(daily) - 1) == week_metrics([*daily[:-1], 0.0])[-1].tsb
    assert form_before(daily, len(daily) - 1) > 0  # the taper let fatigue fall below fitness
    assert form_before(daily, 0) is None


def test_a_lighter_week_has_a_ratio_below_one_and_rising_form() -> None:
    build = [60.0, 0, 70, 0, 50, 0, 150]
    weeks = week_metrics(build * 3 + [x * 0.6 for x in build] + build)
    deload = weeks[3]
    assert deload.acwr_rolling is not None and deload.acwr_rolling < 1
    assert deload.tsb > weeks[2].tsb


def test_monotony_uses_the_sample_deviation() -> None:
    assert monotony([60, 0, 45, 50, 0, 40, 120]) == 1.11
    assert monotony([30] * 7) is None


@given(st.lists(st.floats(min_value=0, max_value=5000, allow_nan=False), min_size=7, max_size=7 * 30))
def test_metrics_are_always_finite_and_non_negative(daily: list[float]) -> None:
    for week in week_metrics(daily):
        assert week.ctl >= 0 and week.atl >= 0 and week.load >= 0
        for value in (week.tsb, week.acwr_rolling, week.acwr_ewma, week.monotony):
            assert value is None or math.isfinite(value)
