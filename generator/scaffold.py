"""``deload new``: a commented plan file that passes ``deload check`` as it is."""

from __future__ import annotations

import json
from pathlib import Path

from .config import Settings
from .errors import DeloadError, Diagnostic
from .slugs import slug_from

_WEEK_MI = """\
## Week {n} — {phase}
- Mon: Rest
- Tue: Easy {easy} mi @ conversational
- Wed: Strength
  - Goblet squat 3x10 @ 35 lb
  - Plank 3x40 s
- Thu: Intervals {quality} mi: {reps} x 400 m @ 5K pace w/ 200 m jog
- Sat: Easy {easy} mi + 4 x 20 s strides
- Sun: Long {long} mi @ easy
"""
_WEEK_KM = """\
## Week {n} — {phase}
- Mon: Rest
- Tue: Easy {easy} km @ conversational
- Wed: Strength
  - Goblet squat 3x10 @ 16 kg
  - Plank 3x40 s
- Thu: Intervals {quality} km: {reps} x 400 m @ 5K pace w/ 200 m jog
- Sat: Easy {easy} km + 4 x 20 s strides
- Sun: Long {long} km @ easy
"""

_HEADER = """\
---
# Deload plan. The format: deload docs plan-format (or docs/plan-format.md); check it with: deload check {path}
title: {title}
summary: One or two sentences for the index page.
author: {author}
level: beginner            # beginner, novice, intermediate, advanced or all levels
tags: [{tag}]
units: {units}                  # mi or km
{race}# start: 2027-01-04       # the first day (a {weekday}), or give the race a date instead
week_starts: monday
checks:
  long_run_share: 45%      # with four runs a week the long run is a big share; raise this as runs are added
periodization:
  deload:
    every: 4               # three loading weeks, then a deload (2–6, or off)
    mode: insert           # insert adds deload weeks; replace turns every 4th week into one
    strategy: volume       # volume, intensity, easy or rest
    cut: 25%
    strength: reps         # reps (3x8 -> 3x6), load (half the weight) or sets
---
Who this plan is for, what a week looks like, and how to run the sessions.
Everything before the first week is ordinary Markdown.

"""


def scaffold_plan(settings: Settings, name: str, weeks: int, units: str, race: str | None) -> Path:
    slug = slug_from(name)
    path = settings.plans_dir / f"{slug}.md"
    if path.exists():
        raise DeloadError([Diagnostic(str(path), 1, 1, "a plan with this name already exists; choose another name")])
    race_block = ""
    if race:
        race_block = f"race:\n  name: {json.dumps(name + ' race', ensure_ascii=False)}\n  distance: {race}        # 5k, 10k, half, marathon or e.g. 50 km\n  # date: 2027-04-18\n"
    text = _HEADER.format(path=f"plans/{slug}.md", title=json.dumps(name, ensure_ascii=False), author=settings.author or "Your name",
                          tag=slug.split("-")[0], units=units, race=race_block, weekday="Monday")
    template = _WEEK_MI if units == "mi" else _WEEK_KM
    base, long_step = (3, 0.5) if units == "mi" else (5, 1)
    for n in range(1, weeks + 1):
        long_run = f"{base * 2 + long_step * ((n - 1) // 2):g}"
        week = template.format(n=n, phase="Base" if n <= weeks // 2 else "Build", easy=base,
                               quality=base + 1, reps=min(6 + (n - 1) // 2, 10), long=long_run)
        if race and n == weeks:
            week = week.replace(f"- Sun: Long {long_run} {units} @ easy", "- Sun: Race")
        text += week + "\n"
    settings.plans_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
