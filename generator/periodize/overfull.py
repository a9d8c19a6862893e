"""A session whose parts hold more than the total written before them.

The parser refuses a main set measured in distance alone that is longer than its session
(``Intervals 5 km: 6 x 1 km``). A main set of mixed parts (a timed warm-up, repeats by
distance, timed rests) can only be estimated, at the plan's paces: ``Track 3 mi: 10 min
warm-up, 5 x 1600 m @ 5K pace w/ 1 min rest, 10 min cool-down`` holds about 7.4 miles, and
the week would count 3. A typo in the total under-counts the week's volume and load, so it
is said at its line. Only a total by distance is checked (see :func:`overfull_sessions`).
"""

from __future__ import annotations

from ..errors import Diagnostic
from ..model import Distance, Plan, Session, SessionKind, Source
from ..units import from_km
from ..workout import parts_km, times
from .volume import Measure, main_km, walking_label
from .wording import warn

OVERFULL = 1.15  # estimated parts over the written total by more than this share: the estimate's slack


def overfull_sessions(plan: Plan, measure: Measure) -> list[Diagnostic]:
    """A warning for each session as written whose estimated parts exceed its total."""
    warnings = []
    for week in plan.weeks:
        for session in week.sessions:
            total = session.total
            # By distance only: a timed part estimated at the plan's easy pace covers less than a faster runner's,
            # so the estimate errs short; a timed total against parts by distance would err the other way.
            if not session.kind.is_run or not session.main or not isinstance(total, Distance) or _walks(session):
                continue
            if parts_km(session.main) is None:  # parts all by distance are the parser's to check, exactly
                held, written = main_km(session, measure), total.km_high
                if held > written * OVERFULL:
                    unit = "mi" if measure.units == "mi" else "km"
                    said = f"about {from_km(held, unit):.1f} {unit}, more than the {from_km(written, unit):.1f} {unit}"
                    warnings.append(_said(session.source, said))
    return warnings


def _walks(session: Session) -> bool:
    """A walk, a hike or a run with walking in it: its pace is nobody's to estimate (a power hike up a
    mountain, a brisk walk at 6 km/h), and the total its own."""
    return session.kind is SessionKind.RUN_WALK or any(walking_label(step.label) for step, _ in times(session.main))


def _said(source: Source, held: str) -> Diagnostic:
    return warn(source, "parts-over-total",
                f"the parts of this session come to {held} written before them (at the plan's easy and race "
                "paces): the week counts the total, so check it, or the parts")
