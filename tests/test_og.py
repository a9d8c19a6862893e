"""Open Graph previews: drawn from plain inputs (a cache can be keyed on them), small, deterministic."""

from __future__ import annotations

import io
import json

from PIL import Image

from generator.periodize import expand
from generator.render.og import SIZE, draw_preview, inputs_key, plan_subtitle, preview_inputs, preview_png

from .helpers import plan_from

PLAN = """---
title: Autumn 30K <b>& friends</b>
units: mi
level: novice
race: {name: "Harbour <i>30K</i>", distance: 30 km}
---

## Week 1
- Tue: Easy 5 mi
- Sun: Long 10 mi

## Week 2
- Tue: Easy 6 mi
- Sun: Race 30 km
"""


def test_the_preview_is_drawn_from_plain_inputs_alone() -> None:
    expanded = expand(plan_from(PLAN))
    inputs = preview_inputs(expanded, "Site", expanded.plan.title)
    assert json.loads(json.dumps(inputs)) == inputs  # plain values, as a cache key needs
    assert inputs == preview_inputs(expand(plan_from(PLAN)), "Site", expanded.plan.title)
    assert len(inputs["bars"]) == 2 and all(isinstance(height, int) for height, _ in inputs["bars"])
    data = draw_preview(inputs)
    assert data == preview_png(expanded, "Site", expanded.plan.title) == draw_preview(json.loads(json.dumps(inputs)))
    assert inputs_key(inputs) != inputs_key(preview_inputs(expanded, "Site", "Another title"))
    image = Image.open(io.BytesIO(data))
    assert image.size == SIZE and image.mode == "P" and len(data) < 12_000


def test_the_subtitle_is_text_never_markup() -> None:
    expanded = expand(plan_from(PLAN))
    subtitle = plan_subtitle(expanded)
    assert subtitle.startswith("Novice · 2 weeks · Harbour <i>30K</i> — ")
    assert "span" not in subtitle and subtitle.rsplit("—", 1)[1].strip() == "30 km"  # a race is named by its distance as written
