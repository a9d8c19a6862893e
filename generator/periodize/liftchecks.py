"""Checks on the strength work of a plan as written: a load raised in the taper.

A strength taper keeps the load and cuts the volume (ST1: Pritchard et al. 2016, intensity
kept or slightly cut; Travis et al. 2021). The engine halves the sets and never raises a
load; a heavier weight the author wrote into a taper week is said, at its line.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import Diagnostic, Severity
from ..expanded import PlannedWeek
from ..model import Load
from ..units import format_number
from .taper import TaperSpan
from .wording import week_name

TAPER_KINDS = ("taper", "race")


def taper_load_warnings(weeks: Sequence[PlannedWeek], span: TaperSpan | None) -> list[Diagnostic]:
    """A weight in the taper (a taper or race week, or a taper day at the end of a loading week)
    heavier than any the exercise had before the taper: one warning an exercise, at its line."""
    before: dict[str, tuple[float, Load, PlannedWeek]] = {}  # name -> heaviest kg, its load, its week
    warnings: list[Diagnostic] = []
    said: set[str] = set()
    for index, week in enumerate(weeks):
        for planned in week.sessions:
            # the taper is at the plan's end, where no week is inserted: output weeks count back as source weeks
            tapering = week.kind in TAPER_KINDS or (
                span is not None and span.cut(span.weeks - len(weeks) + index, planned.day) is not None)
            for exercise in planned.session.exercises:
                load = exercise.load
                kg = load.kg if load is not None else None
                if load is None or not kg:
                    continue
                name = exercise.name.lower()
                if not tapering:
                    if name not in before or kg > before[name][0]:
                        before[name] = (kg, load, week)
                    continue
                heaviest = before.get(name)
                if heaviest is None or kg <= heaviest[0] + 1e-9 or name in said or exercise.source is None:
                    continue
                said.add(name)
                warnings.append(Diagnostic(
                    exercise.source.file, exercise.source.line, exercise.source.col,
                    f"{exercise.name} at {_weight(load)} in {week_name(week)} is heavier than any before "
                    f"the taper, {_weight(heaviest[1])} in {week_name(heaviest[2])}: a taper keeps the load and cuts "
                    "the sets; write the load of the weeks before", Severity.WARNING, "taper-load-raised"))
    return warnings


def _weight(load: Load) -> str:
    """``100 kg``, as the author wrote it (the check is said in English, as every diagnostic)."""
    return f"{format_number(load.value or 0.0, 2)} {load.unit}"
