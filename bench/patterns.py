"""The timing guard for the plan reader: no line a coach (or an attacker) writes may cost
more than linear time.

Run by hand or by ``bench/run.py`` (never as a timed test): ``.venv/bin/python bench/patterns.py``.

Every line of a seed plan that shows each construct of the plan language is mutated: a run
of one filler (spaces, tabs, digits, dashes, brackets, markers …) is inserted at each of the
line's word boundaries and at its end, and the whole plan is read, and the line rendered as
Markdown, with a short run and with a run eight times longer. Linear code takes about eight
times as long; quadratic code 64 times. The guard prints the worst cases and fails (exit 1)
when a long run costs more than ``--limit`` milliseconds and grows faster than linearly.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from generator.config import Settings  # noqa: E402
from generator.errors import DeloadError  # noqa: E402
from generator.render.markdown import plain_text, render_inline, render_markdown  # noqa: E402
from generator.source.reader import parse_plan_text  # noqa: E402

SEED = """---
title: "Seed: every construct"
units: km
summary: A plan with one line of each kind
race: {name: City 10K, distance: 10k}
periodization:
  deload: {every: 4, mode: insert, cut: 25%}
---
An introduction with *emphasis*, a [link](https://example.org) and <!-- a comment -->.

## Week 1 — Base {deload}
A note for the week.

- Mon: Rest
- Tue: Easy 6 km @ conversational (relaxed)
- Wed: Intervals 8 km: 6 x 400 m @ 5K pace w/ 200 m jog + 4 x 20 s strides
- Thu: Tempo 45 min with 20 min @ 4:30-4:40/km — keep it smooth
- Fri: Strength 40 min: Back squat 3x8 @ 60 kg; Plank 3x45 s
- Sat: Strength
  - Deadlift 3x5+ @ 85% — stop short
  - Row 3x8-12 @ 20 kg (slow)
  - Push-up 3xAMRAP
- Sun: Long 1:30:00 @ Z2 + 6 strides
  Keep the pace honest.

## Week 2
- Tue: Run-walk 30 min: 8 x 90 s run w/ 2 min walk @ easy
- Thu: Hills 7 km: 8 x 60 s hills @ hard w/ jog down
- Sat: Cross-training 45 min @ 140 bpm
- Sun: Race 10K
"""

FILLERS = (" ", "\t", "a", "1", "-", "–", "—", ":", ".", "x", "@", "(", ")", "{", "}", "#", "*", "`",
           "<!--", "/", "%", "+", ",", "w/ ", "1 ", "a ", "x ", "- ", "1x", "\u00a0", "\\", '"', "'", "[", "](")


def _positions(line: str, most: int = 5) -> list[int]:
    """Up to ``most`` of the line's word boundaries, spread along it, and its end."""
    spaces = [index for index, char in enumerate(line) if char == " "]
    step = max(1, len(spaces) // most)
    return [*spaces[::step][:most], len(line)]


def _variants(text: str) -> Iterator[tuple[str, Callable[[int], tuple[str, str]]]]:
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if not line.strip() or line == "---":
            continue
        for position in _positions(line):
            for filler in FILLERS:
                def make(size: int, number: int = number, position: int = position, filler: str = filler,
                         line: str = line) -> tuple[str, str]:
                    run = (filler * (size // len(filler) + 1))[:size]
                    changed = line[:position] + run + line[position:] + "~"
                    return "\n".join([*lines[:number], changed, *lines[number + 1:]]), changed

                yield f"line {number + 1} at {position}, {filler!r}", make


def _cost(plan: str, line: str, settings: Settings, runs: int = 1) -> float:
    """The fastest of ``runs`` (a shared machine's pauses are not the code's cost)."""
    costs = []
    for _ in range(runs):
        for cache in (render_markdown, render_inline, plain_text):
            cache.cache_clear()
        start = time.perf_counter()
        with contextlib.suppress(DeloadError):
            parse_plan_text(plan.encode("utf-8"), "seed.md", "seed", settings)
        render_markdown(line)
        render_inline(line)
        plain_text(line)
        costs.append(time.perf_counter() - start)
    return min(costs)


def guard(size: int, limit_ms: float, text: str = SEED) -> dict[str, Any]:
    """Measure every variant; return the worst growth and the cases over the limit."""
    settings = Settings(root=Path("."))
    worst: list[tuple[float, float, str]] = []
    count = 0
    for name, make in _variants(text):
        count += 1
        long_plan, long_line = make(size * 8)
        if _cost(long_plan, long_line, settings) * 1000 < limit_ms / 4:
            continue  # fast enough at the long size whatever the growth: not worth the short run
        long_cost = _cost(long_plan, long_line, settings, runs=3)
        short_plan, short_line = make(size)
        short_cost = max(_cost(short_plan, short_line, settings, runs=3), 1e-6)
        worst.append((long_cost / short_cost, long_cost * 1000, name))
    worst.sort(reverse=True)
    failing = [w for w in worst if w[1] > limit_ms and w[0] > 16]
    return {"variants": count, "size": size * 8, "limit_ms": limit_ms,
            "worst": [{"growth": round(g, 1), "ms": round(ms, 1), "case": n} for g, ms, n in worst[:10]],
            "failing": [{"growth": round(g, 1), "ms": round(ms, 1), "case": n} for g, ms, n in failing]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=500, help="the short run (the long one is eight times longer)")
    parser.add_argument("--limit", type=float, default=100.0, help="milliseconds a long run may cost")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    started = time.perf_counter()
    result = guard(args.size, args.limit)
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(f"timing guard: {result['variants']} mutated lines, runs of {result['size']} characters, "
          f"{len(result['failing'])} over {args.limit:.0f} ms with superlinear growth ({result['seconds']} s)")
    for row in result["worst"]:
        print(f"  x{row['growth']:>6} {row['ms']:>8} ms  {row['case']}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 1 if result["failing"] else 0


if __name__ == "__main__":
    sys.exit(main())
