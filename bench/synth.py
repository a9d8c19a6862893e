"""Synthetic plan libraries for the benchmark: N plans of W weeks with S sessions a week.

Plans differ in title, units, level, race, tags and volumes, so list pages and
feeds look like a real library's. Deterministic for a given N and seed.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

LEVELS = ["beginner", "novice", "intermediate", "advanced"]
RACES = [("5k", 5), ("10k", 10), ("half", 21), ("marathon", 42)]
TAGS = ["road", "trail", "masters", "speed", "base", "spring", "autumn", "strength", "low-mileage", "club"]
TARGETS = ["conversational", "Z2", "easy", "RPE 3"]


def plan_text(index: int, weeks: int = 16, sessions: int = 6, dated: bool = True, seed: int = 7) -> str:
    rng = random.Random(seed * 100_003 + index)
    units = "mi" if index % 3 == 0 else "km"
    unit_scale = 0.62 if units == "mi" else 1.0
    category, _ = RACES[index % len(RACES)]
    tags = sorted(set(rng.sample(TAGS, 3)))
    lines = [
        "---",
        f"title: Synthetic plan {index:04d} — {category} for {LEVELS[index % 4]} runners",
        f"slug: synthetic-{index:04d}",
        f"summary: A generated {weeks}-week {category} plan used by the Deload benchmark ({index}).",
        "author: Deload benchmark",
        f"level: {LEVELS[index % 4]}",
        f"tags: [{', '.join(tags)}]",
        f"units: {units}",
        f"race: {{name: Benchmark {category}, distance: {category}}}",
    ]
    if dated:
        start = date(2027, 1, 4) + timedelta(weeks=index % 20)
        lines.append(f"start: {start.isoformat()}")
    lines += [
        "checks: {long_run_share: 45%, weekly_increase: 20%, weekly_increase_high: 40%, session_spike: 40%}",
        "periodization:",
        "  deload: {every: 4, mode: replace}",
        "---",
        f"Plan {index} was generated for the benchmark. It has **{weeks} weeks** and "
        f"{sessions} sessions a week. [About deloads](https://example.org/deload).",
        "",
    ]
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][7 - sessions:] if sessions < 7 else ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    base = rng.uniform(5, 8)
    for week in range(1, weeks + 1):
        grow = 1 + 0.03 * min(week, 12)
        easy = max(1, round(base * grow * unit_scale))
        long_run = max(2, round(base * 2 * grow * unit_scale))
        lines.append(f"## Week {week} — {'Base' if week < weeks // 2 else 'Build'}")
        lines.append(f"Week {week}: keep the easy days easy.")
        lines.append("")
        for position, day in enumerate(days):
            if day == days[-1]:
                lines.append(f"- {day}: Race {category}" if week == weeks else f"- {day}: Long {long_run} {units} @ easy")
                if week != weeks:
                    lines.append("  - Practise fuelling on this run.")
            elif position == 1:
                reps = 4 + week % 5
                lines.append(f"- {day}: Intervals {easy + 2} {units}: {reps} x 400 m @ 5K pace w/ 200 m jog")
            elif position == 3 and week % 2:
                lines.append(f"- {day}: Tempo {easy + 1} {units} with {max(1, easy // 2)} {units} @ threshold")
            elif position == 2:
                lines.append(f"- {day}: Strength 30 min")
                lines.append("  - Goblet squat 3x10 @ 16 kg")
                lines.append("  - Plank 3x40 s")
            else:
                lines.append(f"- {day}: Easy {easy} {units} @ {rng.choice(TARGETS)}")
        lines.append("")
    return "\n".join(lines)


def write_library(folder: Path, count: int, weeks: int = 16, sessions: int = 6, dated: bool = True) -> list[Path]:
    plans = folder / "plans"
    plans.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = plans / f"synthetic-{index:04d}.md"
        path.write_text(plan_text(index, weeks, sessions, dated), encoding="utf-8")
        paths.append(path)
    (folder / "deload.toml").write_text(
        '[site]\ntitle = "Benchmark library"\nbase_url = "https://bench.example.org/"\n', encoding="utf-8")
    return paths
