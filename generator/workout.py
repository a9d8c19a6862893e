"""Walking a workout's parts: how often each step is run, its distance, one end of a range.

The parts of a session (:class:`~generator.model.Step`, :class:`~generator.model.Repeat`,
:class:`~generator.model.Ladder`) nest; every stage that needs their sizes or wants to
change their amounts goes through these few functions, so nesting is handled once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from .model import Amount, Distance, Duration, End, Ladder, Part, Repeat, Session, Step


def times(parts: Sequence[Part], factor: float = 1.0, estimated: bool = False) -> Iterator[tuple[Step, float]]:
    """Every step with how many times it is run (a range counts its low end): the steps of
    ``6 x (…) w/ jog`` six times each, the jog between them five. ``estimated``: a jog down or
    back written without its length as long as the way there (:func:`_way_back`), for the
    engine's estimates of a session's size; never for what the coach wrote."""
    for part in parts:
        if isinstance(part, Step):
            yield part, factor
        elif isinstance(part, Repeat):
            yield from times(part.steps, factor * part.count, estimated)
            if part.between is not None and part.count > 1:
                yield (_way_back(part, part.between) if estimated else part.between), factor * (part.count - 1)
        else:
            yield from ((rung, factor) for rung in part.rungs)
            if part.between is not None and len(part.rungs) > 1:
                yield part.between, factor * (len(part.rungs) - 1)


_WAY_BACK = ("jog down", "walk down", "jog back", "walk back")


def _way_back(repeat: Repeat, between: Step) -> Step:
    """A recovery back down the hill or back to the start written without its length ("w/ jog
    down"), as long as the way there: counted as nothing, it made a 60-minute hill session's
    warm-up and cool-down 22 minutes each."""
    work = [s for s in repeat.steps if isinstance(s, Step) and s.role == "work"]
    if between.amount is None and between.label in _WAY_BACK and len(work) == 1 and work[0].amount is not None:
        return replace(between, amount=work[0].amount)
    return between


def parts_km(parts: Sequence[Part]) -> float | None:
    """The distance of the parts with their recoveries, when every step is measured in distance."""
    total = 0.0
    for step, count in times(parts):
        if not isinstance(step.amount, Distance):
            return None
        total += count * step.amount.km
    return total


def map_steps(parts: Sequence[Part], change: Callable[[Step], Step]) -> tuple[Part, ...]:
    """The parts with every step (work, recovery, between) passed through ``change``."""
    result: list[Part] = []
    for part in parts:
        if isinstance(part, Step):
            result.append(change(part))
        elif isinstance(part, Repeat):
            result.append(replace(part, steps=map_steps(part.steps, change),
                                  between=change(part.between) if part.between is not None else None))
        else:
            result.append(Ladder(tuple(change(r) for r in part.rungs),
                                 change(part.between) if part.between is not None else None))
    return tuple(result)


def _amount_at(amount: Amount | None, end: End) -> Amount | None:
    return amount.at(end) if amount is not None else None


def parts_at(parts: Sequence[Part], end: End) -> tuple[Part, ...]:
    """One end of every range in the parts: amounts and repeat counts."""
    def step_at(step: Step) -> Step:
        return replace(step, amount=_amount_at(step.amount, end)) if _ranged(step.amount) else step

    result: list[Part] = []
    for part in map_steps(parts, step_at):
        if isinstance(part, Repeat) and part.count_max is not None:
            part = replace(part, count=part.count_max if end == "high" else part.count, count_max=None)
        if isinstance(part, Repeat):
            part = replace(part, steps=parts_at(part.steps, end))
        result.append(part)
    return tuple(result)


def _ranged(amount: Amount | None) -> bool:
    return amount is not None and amount.high is not None


def parts_ranged(parts: Sequence[Part]) -> bool:
    """True when any amount or repeat count in the parts is a range."""
    for part in parts:
        if isinstance(part, Repeat):
            if part.count_max is not None or parts_ranged(part.steps) or (part.between and _ranged(part.between.amount)):
                return True
        elif isinstance(part, Ladder):
            if any(_ranged(r.amount) for r in part.rungs) or (part.between and _ranged(part.between.amount)):
                return True
        elif _ranged(part.amount):
            return True
    return False


def session_ranged(session: Session) -> bool:
    """True when the session's size is written as a range anywhere."""
    return (_ranged(session.total) or parts_ranged(session.main)
            or (session.strides is not None and parts_ranged((session.strides,))))


def session_at(session: Session, end: End) -> Session:
    """The session at one end of its ranges (itself when it has none)."""
    if not session_ranged(session):
        return session
    strides = parts_at((session.strides,), end)[0] if session.strides is not None else None
    # "Easy 4-5 mi or 40-50 min": the low length goes with the low total
    alternative = _amount_at(session.alternative, end) if _ranged(session.total) else session.alternative
    return session.with_changes(total=_amount_at(session.total, end), main=parts_at(session.main, end),
                                strides=strides, alternative=alternative)


def duration_only(parts: Sequence[Part]) -> bool:
    """True when every step of the parts is measured in time."""
    return all(isinstance(step.amount, Duration) for step, _ in times(parts))
