"""Strength work in the days before the race (:func:`~generator.periodize.strength.near_race`),
as the engine applies it to a week and says it: a note at each session changed, and the week's note."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..expanded import Phrase
from ..model import Session, SessionKind
from .layout import Decision
from .strength import HALVED, HEAVY_STOP_DAYS, LAST_SESSION_DAYS, near_race

K = SessionKind


def strength_near_race(sessions: Sequence[Session], week: tuple[int, int], race_at: tuple[int, int], taper_days: int,
                        heaviest: Mapping[str, float], log: list[str], decisions: list[Decision]) -> list[Session]:
    """Strength sessions in the days before the race (:func:`near_race`). Exercises or a session
    left out are said in check and build, at the session's line; a session left out is a rest day
    that remembers it, so the page and the calendar say what was written there."""
    result = []
    race_week, day_of_race = race_at
    index, origin = week
    for session in sessions:
        if session.kind is not K.STRENGTH:
            result.append(session)
            continue
        to_race = (race_week - index) * 7 + day_of_race - session.day
        if to_race <= 0:
            result.append(session)
            continue
        kept, why = near_race(session, to_race, taper_days, heaviest)
        if why:
            when = f"{to_race} day{'s' if to_race != 1 else ''} before the race"
            left = [e.name for e in session.exercises if kept is not None and e.name not in {k.name for k in kept.exercises}]
            if kept is None or left:  # said in check and build, at its line: why it is left out
                what = "the strength session is left out" if kept is None else f"{_names(left)} left out"
                reason = "; ".join(r for r in why if r != HALVED)
                decisions.append(Decision("strength-near-race", origin, f"{what}, {when}: {reason}", note=True,
                                          source=session.source))
            if HALVED in why:  # fewer sets, as the week's note says
                log.append(f"strength on day {session.day} of week {index + 1}, {when}: {HALVED}")
        result.append(kept if kept is not None else Session(K.REST, session.day, session.source))
    return result


def race_strength_note(before: Sequence[Session], after: Sequence[Session]) -> Phrase | None:
    """The week note for strength cut before the race, as it was: sets halved, exercises or
    sessions left out, or both."""
    def lifts(sessions: Sequence[Session]) -> int:
        return sum(len(s.exercises) or 1 for s in sessions if s.kind is K.STRENGTH)

    def sets(sessions: Sequence[Session]) -> dict[tuple[int, str], int]:
        return {(s.day, e.name): e.sets for s in sessions if s.kind is K.STRENGTH for e in s.exercises}

    written = sets(before)
    halved = any(count < written.get(key, count) for key, count in sets(after).items())
    if lifts(after) < lifts(before):
        code = "strength-race" if halved else "strength-race-untapered"
        return Phrase.of(code, heavy=HEAVY_STOP_DAYS, last=LAST_SESSION_DAYS)
    return Phrase.of("strength-taper") if halved else None


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
