"""Words for quantities and sessions, in the reader's units: shared by every renderer.

Presentation only: nothing here decides anything about training.
"""

from __future__ import annotations

from .model import Amount, Distance, Duration, Exercise, Load, Repeats, Session, SessionKind
from .units import format_clock, format_number, from_km

RACE_NAMES = {5.0: "5K", 10.0: "10K", 15.0: "15K", 21.1: "half marathon", 42.2: "marathon"}


def distance_text(km: float, units: str, places: int = 1) -> str:
    return f"{format_number(from_km(km, units), places)} {units}"


def minutes_text(minutes: float) -> str:
    whole = int(minutes + 0.5)
    if whole < 60:
        return f"{whole} min"
    hours, rest = divmod(whole, 60)
    return f"{hours} h" if not rest else f"{hours} h {rest:02d} min"


def amount_text(amount: Amount, units: str) -> str:
    if isinstance(amount, Duration):
        seconds = amount.seconds
        if seconds < 120:
            return f"{format_number(seconds, 0)} s"
        if seconds % 60:
            return format_clock(int(seconds))
        return minutes_text(seconds / 60)
    if amount.unit == "m":
        return f"{format_number(amount.value, 0)} m"
    return distance_text(amount.km, units)


def race_text(distance: Distance, units: str) -> str:
    name = RACE_NAMES.get(round(distance.km, 1))
    return name or amount_text(distance, units)


def written_text(amount: Amount, units: str) -> str:
    """A repeat's distance in the unit it was written in (6 x 1 km stays 1 km in a miles plan)."""
    if isinstance(amount, Distance) and amount.unit in ("km", "mi"):
        return distance_text(amount.km, amount.unit)
    return amount_text(amount, units)


def repeats_text(repeats: Repeats, units: str) -> str:
    text = f"{repeats.count} x {written_text(repeats.work, units)}"
    if repeats.label:
        text += f" {repeats.label}"
    if repeats.target is not None:
        text += f" @ {repeats.target.text}"
    if repeats.recovery is not None or repeats.recovery_text:
        parts = [written_text(repeats.recovery, units)] if repeats.recovery is not None else []
        parts += [repeats.recovery_text] if repeats.recovery_text else []
        text += " w/ " + " ".join(parts)
    return text


def load_text(load: Load) -> str:
    if load.kind == "bodyweight":
        return "bodyweight"
    if load.kind == "percent":
        return f"{format_number(load.value or 0, 1)}% 1RM"
    if load.kind == "rpe":
        return f"RPE {format_number(load.value or 0, 1)}"
    return f"{format_number(load.value or 0, 2)} {load.unit}"


def reps_text(exercise: Exercise) -> str:
    """``8``, ``8–12``, ``5+``, ``AMRAP``, ``45 s``, ``30–45 s``."""
    if exercise.amrap and not exercise.reps:
        return "AMRAP"
    count = f"{exercise.reps}–{exercise.reps_max}" if exercise.reps_max is not None else str(exercise.reps)
    count += "+" if exercise.amrap else ""
    return count if exercise.rep_unit == "reps" else f"{count} {exercise.rep_unit}"


def exercise_text(exercise: Exercise) -> str:
    text = f"{exercise.name} {exercise.sets}x{reps_text(exercise)}"
    text += f" @ {load_text(exercise.load)}" if exercise.load is not None else ""
    return text + (f" ({exercise.comment})" if exercise.comment else "")


def session_title(session: Session, units: str) -> str:
    """``Intervals 7 mi: 6 x 800 m @ 5K pace w/ 400 m jog`` — without notes or comment."""
    kind = session.kind
    if kind is SessionKind.RACE:
        total = race_text(session.total, units) if isinstance(session.total, Distance) else ""
        target = f" @ {session.target.text}" if session.target is not None else ""
        return f"Race {total}".strip() + target
    text = session.label
    if session.total is not None:
        text += f" {amount_text(session.total, units)}"
    if session.repeats is not None:
        text += (": " if session.total is not None else " ") + repeats_text(session.repeats, units)
    if session.segment is not None:
        seg = session.segment
        joiner = " with " if session.total is not None else " "
        text += joiner + amount_text(seg.amount, units) + (f" @ {seg.target.text}" if seg.target else "")
    if session.target is not None:
        text += f" @ {session.target.text}"
    if session.strides is not None:
        text += f" + {repeats_text(session.strides, units)}" + ("" if session.strides.label == "strides" else " strides")
    return f"Optional: {text}" if session.optional else text


def short_title(session: Session, units: str) -> str:
    """Kind and size only, for calendar summaries: ``Tempo 5 mi``."""
    kind = session.kind
    if kind is SessionKind.RACE:
        return session_title(session, units)
    prefix = "Optional: " if session.optional else ""
    if session.total is not None:
        return f"{prefix}{session.label} {amount_text(session.total, units)}"
    if session.repeats is not None:
        return f"{prefix}{session.label} {session.repeats.count} x {written_text(session.repeats.work, units)}"
    if kind is SessionKind.STRENGTH and session.exercises:
        return f"{prefix}{session.label} ({len(session.exercises)} exercises)"
    return prefix + session.label
