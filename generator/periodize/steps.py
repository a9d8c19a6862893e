"""The whole workout of a run, step by step: what a watch or a reader's pace table needs.

The author writes a total and a main set (``7 mi: 6 x 800 m @ 5K pace w/ 400 m jog``);
the rest of the total is easy running around the main set, shared between a warm-up and
a cool-down (a run-walk's rest is walking). Strides come after the run.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Amount, Distance, Duration, Part, Session, SessionKind, Step
from .volume import Measure, main_km, main_minutes

K = SessionKind


def full_workout(session: Session, measure: Measure) -> tuple[Part, ...]:
    """Warm-up, main set and cool-down (or the run as one step), then strides; () for anything
    that is not a run."""
    if not session.kind.is_run:
        return ()
    steps: tuple[Part, ...]
    if not session.main:
        steps = (Step("work", session.total, session.target),) if session.total is not None or session.kind is K.RACE else ()
    else:
        warm, cool = _around(session, measure)
        steps = (*warm, *session.main, *cool)
        first, last = session.main[0], session.main[-1]
        if (warm and cool and isinstance(first, Step) and isinstance(last, Step) and first is not last
                and (first.role, last.role) == ("warmup", "cooldown")):
            # Both written, short of the total: the rest lengthens them, not two more steps beside them.
            steps = (_longer(first, warm[0]), *session.main[1:-1], _longer(last, cool[0]))
    if session.strides is not None:
        steps = (*steps, session.strides)
    return steps


def _around(session: Session, measure: Measure) -> tuple[tuple[Step, ...], tuple[Step, ...]]:
    """The warm-up and cool-down: the total's rest, half before and half after the main set (all
    before it when the main set ends the run: "with the last 3 mi @ MP")."""
    total = session.total
    if total is None:
        return (), ()
    label = "walk" if session.kind is K.RUN_WALK else ""
    target = session.target
    rest: Amount | None
    if isinstance(total, Duration):
        main = main_minutes(session, measure)
        rest = Duration(max(total.seconds - main * 60, 0.0))
        half_seconds = rest.seconds if session.main_last else _rounded(rest.seconds / 2, 30.0)
        warm: Amount = Duration(half_seconds)
        cool: Amount = Duration(rest.seconds - half_seconds)
    else:
        measured = main_km(session, measure)
        rest_value = max(total.value - Distance(measured, "km").in_unit(total.unit), 0.0) if total.unit != "m" else \
            max(total.value - measured * 1000, 0.0)
        step = 0.1 if total.unit != "m" else 100.0
        half = rest_value if session.main_last else _rounded(rest_value / 2, step)
        warm, cool = Distance(half, total.unit), Distance(round(rest_value - half, 6), total.unit)
    # A warm-up (or cool-down) written in the main set: the rest of the run is the other one.
    written = {p.role for p in (session.main[0], session.main[-1]) if isinstance(p, Step)} & {"warmup", "cooldown"}
    if len(written) == 1:
        whole: Amount = warm
        if isinstance(warm, Duration) and isinstance(cool, Duration):
            whole = Duration(warm.seconds + cool.seconds)
        elif isinstance(warm, Distance) and isinstance(cool, Distance):
            whole = Distance(round(warm.value + cool.value, 6), warm.unit)
        warm, cool = (whole, Distance(0, "km")) if "cooldown" in written else (Distance(0, "km"), whole)
    # Both written: what the total leaves besides (a mile the author's parts do not add up to) is
    # run before and after them, as any rest of a total is, so that the watch runs the whole total.
    # Before a main set that ends the run ("the last 3 km @ Z3") is the run itself, not a warm-up.
    result_warm = (Step("work" if session.main_last else "warmup", warm, target, label),) if _positive(warm) else ()
    result_cool = (Step("cooldown", cool, target, label),) if _positive(cool) else ()
    return result_warm, result_cool


def _longer(step: Step, by: Step) -> Step:
    """``step`` lengthened by ``by`` where both are of one kind of amount (else as it is)."""
    a, b = step.amount, by.amount
    if isinstance(a, Duration) and isinstance(b, Duration):
        return replace(step, amount=Duration(a.seconds + b.seconds))
    if isinstance(a, Distance) and isinstance(b, Distance) and a.unit == b.unit:
        return replace(step, amount=Distance(round(a.value + b.value, 6), a.unit))
    return step


def _rounded(value: float, step: float) -> float:
    return round(round(value / step) * step, 6)


def _positive(amount: Amount) -> bool:
    return (amount.seconds if isinstance(amount, Duration) else amount.value) > 1e-6
