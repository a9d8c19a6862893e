"""Sessions as FIT workout files for the reader's watch (Garmin, COROS and Wahoo import them),
written with Garmin's FIT SDK (``garmin-fit-sdk``).

The structured workout of the expanded plan is mapped step for step: warm-up, work,
recovery, cool-down and rest steps; repeats as FIT "repeat until steps complete"; a
ladder as its rungs with the recovery between them; durations in distance or time, or
open (lap button). A target becomes a pace range when the runner's paces are known, a
heart-rate zone or range when the plan gives one, and otherwise stays open with the
effort in the step's name and notes. Strength sessions are sets of exercise steps.

The SDK's ``Encoder`` drops sub-fields (``duration_distance``, ``custom_target_speed_low``):
the base fields are written in the profile's scaled units (``duration_value`` in cm or
ms, ``custom_target_value_*`` in mm/s, heart rate + 100 for bpm), which decoders expand.

For the page's script, a workout can be written with *placeholders* in place of every
pace (:func:`paced_template`): the script fills in the reader's paces at the offsets
recorded and recomputes the file's CRC, so its files equal the ones written here for
the same paces.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from ..describe import exercise_text, label_text
from ..expanded import ExpandedPlan, PlannedSession, PlannedWeek
from ..i18n import N_, Words, gettext, pgettext_noop
from ..model import UNWRITTEN, Distance, Duration, Exercise, Ladder, Pace, Part, Repeat, Session, SessionKind, Step, Target
from ..paces import HEART_RATE, SPREAD, PaceTable, by_effort, evaluate, race_pace_spec, race_session_km, spec_of
from ..units import to_km
from .fitencode import Encoder, fit_crc
from .fitnames import NAME_LIMIT, clip, exercise_category, file_name, serial_number, workout_name

NOTES_LIMIT = 200  # step notes: shown in full on the watch's step screen and in Garmin Connect
MAX_STEPS = 250  # a watch refuses longer workouts; no plan session comes near it
PLACEHOLDERS = (0x5A5A0000, 0x6C3D0000, 0x7E170000)  # sentinels for paces to fill in: base + 2 × step (+1: high)
TARGET_SPEED, TARGET_OPEN = 0, 2  # wkt_step_target
_ROLE_INTENSITY = {"warmup": "warmup", "work": "active", "recovery": "recovery", "cooldown": "cooldown", "rest": "rest"}
_ROLE_NAMES = Words({"warmup": N_("Warm-up"), "cooldown": N_("Cool-down"), "recovery": N_("Recovery"),
                     "rest": pgettext_noop("session", "Rest"), "work": N_("Run"), "walk": N_("Walk")})


class FitError(ValueError):
    """A session that cannot become a watch workout (too many steps)."""


Unpaced = tuple[int, int, int, int]  # a step's target type, target value, low and high without its pace


@dataclass(frozen=True)
class PacePatch:
    """Where the page's script writes a pace: the byte offset of a uint32 speed (mm/s)."""

    offset: int
    spec: str
    end: str  # "low" (the slow end of the pace) or "high" (the fast end)
    unpaced: Unpaced = (TARGET_OPEN, 0, 0xFFFFFFFF, 0xFFFFFFFF)  # the step's target without a pace (:func:`_numbers`)


def speed_value(seconds_per_km: float) -> int:
    """A pace as the FIT profile stores a speed: mm/s, rounded half up (as the script rounds)."""
    return math.floor(1_000_000 / seconds_per_km + 0.5)


# A walk or a hike by its name, in the plan languages ("Run-walk 30 min" is a run with its walks).
_WALK_NAME = re.compile(r"(?i)^(?:walk|brisk walk|hike|power hike|gehen|wandern|walken|marche|randonn|caminar|caminata"
                        r"|senderismo|wandel)")


def walks(session: Session) -> bool:
    """A walk or a hike, which the watch records as walking: its name says so, and it gives no running parts."""
    return session.kind is SessionKind.RUN_WALK and not session.main and bool(_WALK_NAME.match(session.name))


def has_workout(planned: PlannedSession) -> bool:
    """Sessions a watch can run: runs with a size, and strength with exercises, in at most
    :data:`MAX_STEPS` steps."""
    return _steps(planned) is not None and not too_long(planned)


def too_long(planned: PlannedSession) -> bool:
    """A session a watch would run but for its steps: more than :data:`MAX_STEPS` (said, not dropped in silence)."""
    steps = _steps(planned)
    return steps is not None and steps > MAX_STEPS


def _steps(planned: PlannedSession) -> int | None:
    """The steps of a session a watch runs; None for one it does not (rest, mobility, cross-training)."""
    s = planned.session
    if s.kind is SessionKind.STRENGTH:
        # at most 4 steps an exercise: a set, a rest and a repeat, and a superset's share of the sets left over
        return sum(4 if e.sets > 1 else 2 for e in s.exercises) if s.exercises else None
    if s.kind in (SessionKind.REST, SessionKind.MOBILITY, SessionKind.CROSS) or not planned.workout:
        return None
    return _step_count(planned.workout)


def _step_count(parts: tuple[Part, ...] | list[Part]) -> int:
    """The FIT steps :class:`_Writer` writes for these parts."""
    count = 0
    for part in parts:
        if isinstance(part, Step):
            count += 1
        elif isinstance(part, Repeat):
            inner = _step_count(part.steps)
            count += inner + 1 if part.between is None else 2 * inner + 2 if part.count > 1 else inner
        elif isinstance(part, Ladder):
            count += len(part.rungs) + (len(part.rungs) - 1 if part.between is not None else 0)
    return count


_STRIDES = ("strides", "stride")
_SUPERSET_LABEL = re.compile(r"^[A-Z]\d{0,2}[.)]\s+")


def _rest(exercise: Exercise | None = None) -> dict[str, Any]:
    """A rest between sets, named in the plan's language (translated when the file is made): as long
    as the exercise's comment says ("rest 3 min", "90 s rest"), else until the lap button."""
    step: dict[str, Any] = {"intensity": "rest", "duration_type": "open", "target_type": "open",
                            "wkt_step_name": _ROLE_NAMES["rest"]}
    said = _REST.search(exercise.comment) if exercise is not None else None
    if said is not None:
        amount = float((said["a"] or said["b"]).replace(",", "."))
        seconds = amount * (60 if (said["ua"] or said["ub"] or "").lower() in ("min", "mins", "minutes", "'") else 1)
        if 5 <= seconds <= 15 * 60:
            step.update(duration_type="time", duration_value=round(seconds * 1000))
    return step


# A rest between sets written in an exercise's comment: "rest 3 min", "3 min rest", "rest 90 s", "2' rest".
_REST = re.compile(r"(?i)\brest\s*:?\s*(?P<a>\d+(?:[.,]\d+)?)\s*(?P<ua>min(?:ute)?s?|'|s|sec(?:ond)?s?)\b"
                   r"|(?P<b>\d+(?:[.,]\d+)?)\s*(?P<ub>min(?:ute)?s?|'|s|sec(?:ond)?s?)\s+rest\b")

class _Writer:
    def __init__(self, expanded: ExpandedPlan, table: PaceTable | None, placeholders: bool, base: int = 0):
        self.units = expanded.plan.units
        self.zones = expanded.plan.zones
        race = expanded.plan.race
        self.goal_km = race.distance.km if race is not None and race.distance is not None else None
        self.table = table
        self.placeholders = placeholders
        self.base = base
        self.paced = True  # False for a session run by effort (hill repeats): the effort is the target
        self.walk = False  # a walk (a run-walk with no running parts): its step is a walk, its sport walking
        self.race_km: float | None = None  # a race's distance: its pace when it is written without a target
        self.steps: list[dict[str, Any]] = []
        self.patches: list[tuple[int, str, str, Unpaced]] = []  # (step index, spec, end, the step unpaced)

    def add(self, step: dict[str, Any]) -> int:
        if len(self.steps) >= MAX_STEPS:
            raise FitError(f"more than {MAX_STEPS} steps: a watch cannot run this workout")
        step["message_index"] = len(self.steps)
        self.steps.append(step)
        return len(self.steps) - 1

    def parts(self, parts: tuple[Part, ...] | list[Part], inside_repeat: bool = False) -> None:
        for part in parts:
            if isinstance(part, Step):
                self.step(part, inside_repeat)
            elif isinstance(part, Repeat):
                self.repeat(part)
            elif isinstance(part, Ladder):
                for index, rung in enumerate(part.rungs):
                    self.step(rung, inside_repeat)
                    if part.between is not None and index < len(part.rungs) - 1:
                        self.step(part.between, inside_repeat)

    def repeat(self, repeat: Repeat) -> None:
        if repeat.between is None:
            first = len(self.steps)
            self.parts(repeat.steps, inside_repeat=True)
            if repeat.count > 1 and all(isinstance(p, Step) and p.label in _STRIDES for p in repeat.steps):
                # Strides are run fresh: a walk or jog back after each until the lap button, never
                # ten back-to-back (the plan writes no recovery for them).
                self.add({"intensity": "recovery", "duration_type": "open", "target_type": "open",
                          "wkt_step_name": _ROLE_NAMES["recovery"]})
            self.add({"duration_type": "repeat_until_steps_cmplt", "duration_value": first, "target_value": repeat.count})
            return
        # A watch repeats whole blocks, and the plan's recovery comes between repeats, not after the
        # last: the block with its recovery count - 1 times, then the repeat's steps once more.
        if repeat.count > 1:
            first = len(self.steps)
            self.parts(repeat.steps, inside_repeat=True)
            self.step(repeat.between, True)
            self.add({"duration_type": "repeat_until_steps_cmplt", "duration_value": first,
                      "target_value": repeat.count - 1})
        self.parts(repeat.steps, inside_repeat=True)

    def step(self, step: Step, inside_repeat: bool) -> None:
        data: dict[str, Any] = {"intensity": _intensity(step, inside_repeat)}
        data.update(_duration(step))
        name = self.target(step.target, data)
        role = "walk" if self.walk and step.role == "work" else step.role
        label = label_text(step.label) if step.label else _ROLE_NAMES.get(role, _ROLE_NAMES["work"])
        if name and len(f"{label} {name}") > NAME_LIMIT:
            name = _short_effort(name)
        if name and step.role == "work" and len(f"{label} {name}") > NAME_LIMIT:
            # The effort whole, the word before it as it fits: "10-km-Renntempo", not "Laufen 10-km-Tem"; an
            # 80/20 zone is the step's only target on a watch without paces ("Uphill Z5", not "Uphill strides")
            room = NAME_LIMIT - len(name) - 1
            label = clip(label, room) if step.label and room >= 3 else ""
        shown = clip(f"{label} {name}".strip() if name and step.role == "work" else label if step.label
                     else (name or label), NAME_LIMIT)
        data["wkt_step_name"] = shown[:1].upper() + shown[1:]  # "Bajada trotando" as "Retour au calme": a list reads alike
        notes = " ".join(p for p in (step.target.text if step.target else "", step.note) if p and p != UNWRITTEN)
        if notes:
            data["notes"] = clip(notes, NOTES_LIMIT)
        index = self.add(data)
        if data.get("_spec"):
            spec, unpaced = data.pop("_spec"), data.pop("_unpaced")
            self.patches += [(index, spec, "low", unpaced), (index, spec, "high", unpaced)]

    def target(self, target: Target | None, data: dict[str, Any]) -> str:
        """Set the step's target; return the effort's word for the step's name. A race written
        without one is run at its own race's pace, from the reader's (or the coach's) time."""
        spec = spec_of(target, self.goal_km, self.units, self.zones) if self.paced and target is not None else None
        if target is None and self.race_km is not None:
            spec = race_pace_spec(self.race_km)
        if spec is not None and (self.table is not None or self.placeholders):
            data["target_type"] = "speed"
            data["target_value"] = 0
            if self.placeholders:
                sentinel = self.base + 2 * len(self.steps)
                data["custom_target_value_low"], data["custom_target_value_high"] = sentinel, sentinel + 1
                data["_spec"] = spec
                data["_unpaced"] = _numbers(_unpaced(target, self.zones) if target is not None else {"target_type": "open"})
            else:
                assert self.table is not None
                fast, slow = evaluate(spec, self.table.efforts, self.table.vdot)
                data["custom_target_value_low"], data["custom_target_value_high"] = speed_value(slow), speed_value(fast)
            return target.text if target is not None else ""
        if target is None or (not self.paced and target.kind == "pace"):  # uphill, even a written pace means nothing
            data["target_type"] = "open"
            return target.text if target is not None else ""
        data.update(_unpaced(target, self.zones))
        return target.text


# An effort's words in a watch's sixteen characters: "Run half marathon pace" had been "Run half maratho"
_SHORT_EFFORT = ((r"half[- ]marathon", "HM"), (r"marathon pace", "MP"), (r"\bpace\b", ""), (r"conversational", "conv."),
                 (r"comfortably", "comf."), (r"threshold", "thresh."), (r"recovery", "recov."), (r"moderate", "mod."))


def _short_effort(name: str) -> str:
    """An effort's words shortened until a step's name holds them: ``HM``, ``MP``, ``conv.``."""
    for pattern, short in _SHORT_EFFORT:
        if len(name) <= NAME_LIMIT - 4:  # room for "Run "
            break
        name = " ".join(re.sub(f"(?i){pattern}", short, name).split())
    return name


def _unpaced(target: Target, zones: tuple[tuple[int, str], ...] = ()) -> dict[str, Any]:
    """A target without a pace: a heart-rate zone or range when the plan gives one, else open
    (the effort is in the step's name). A zone the plan gives as a heart rate is that range."""
    if target.kind == "zone" and target.value is not None and (target.low is None or target.low == target.value):
        own = dict(zones).get(int(target.value), "")
        if own.startswith("hr:"):  # "zones: {Z2: 60-70% HRmax}": FIT's custom heart rate, % under 100, bpm + 100
            _, low, high, unit = own.split(":")
            extra = 100 if unit == "bpm" else 0
            return {"target_type": "heart_rate", "target_value": 0,
                    "custom_target_value_low": int(low) + extra, "custom_target_value_high": int(high) + extra}
        if own and own != HEART_RATE:  # 80/20's Z3 is threshold, the watch's heart-rate zone 3 is aerobic: by name alone
            return {"target_type": "open"}
        return {"target_type": "heart_rate", "target_value": int(target.value)}
    if target.kind == "pace" and target.pace is not None:  # "@ 6:00-6:40/km": the coach's own pace, the reader's whatever
        return {"target_type": "speed", "target_value": 0, **_speed_range(target.pace)}
    if target.kind == "hrmax" and target.value is not None:  # FIT's custom heart rate: 0-100 is % of the maximum
        return {"target_type": "heart_rate", "target_value": 0,
                "custom_target_value_low": int(target.low or target.value), "custom_target_value_high": int(target.value)}
    if target.kind == "hr" and target.value is not None:
        return {"target_type": "heart_rate", "target_value": 0,  # bpm are stored + 100
                "custom_target_value_low": int(target.low or target.value) + 100,
                "custom_target_value_high": int(target.value) + 100}
    return {"target_type": "open"}


def _speed_range(pace: Pace) -> dict[str, int]:
    """A pace written in the plan as FIT's custom speed range: a single pace is held to ±1%, as
    the page shows it (:data:`paces.SPREAD`)."""
    per_km = 1.0 if pace.unit == "km" else to_km(1, "mi")
    fast, slow = pace.seconds / per_km, (pace.slow if pace.slow is not None else pace.seconds) / per_km
    if pace.slow is None:
        fast, slow = fast * (1 - SPREAD), slow * (1 + SPREAD)
    fast, slow = min(fast, slow), max(fast, slow)
    return {"custom_target_value_low": speed_value(slow), "custom_target_value_high": speed_value(fast)}


_TARGET_TYPES = {"open": TARGET_OPEN, "heart_rate": 1, "speed": TARGET_SPEED}
_INVALID = 0xFFFFFFFF  # a uint32 field without a value


def _numbers(target: dict[str, Any]) -> Unpaced:
    """A paced step's target without its pace, as the numbers of its four target fields."""
    return (_TARGET_TYPES[target["target_type"]], target.get("target_value", 0),
            target.get("custom_target_value_low", _INVALID), target.get("custom_target_value_high", _INVALID))


def _intensity(step: Step, inside_repeat: bool) -> str:
    if step.role == "work":
        return "interval" if inside_repeat else "active"
    return _ROLE_INTENSITY[step.role]


def _duration(step: Step) -> dict[str, Any]:
    amount = step.amount
    if isinstance(amount, Distance):  # a range runs its low end: the engine's own decisions are made there
        return {"duration_type": "distance", "duration_value": round(amount.km * 100_000)}
    if isinstance(amount, Duration):
        return {"duration_type": "time", "duration_value": round(amount.seconds * 1000)}
    return {"duration_type": "open"}


def _strength(writer: _Writer, exercises: tuple[Exercise, ...]) -> None:
    """Each exercise's sets, and a superset's (``A1.``, ``A2.``) in turn: a set of each, then a rest."""
    for group in _supersets(exercises):
        rounds = min(e.sets for e in group)
        if len(group) > 1 and rounds > 1:
            first = len(writer.steps)
            for exercise in group:
                for step in _sides(exercise):
                    writer.add(step)
            writer.add(_rest(group[-1]))
            writer.add({"duration_type": "repeat_until_steps_cmplt", "duration_value": first, "target_value": rounds})
            group = [replace(e, sets=e.sets - rounds) for e in group if e.sets > rounds]  # the sets left of a longer one
        for exercise in group:
            first = len(writer.steps)
            for step in _sides(exercise):
                writer.add(step)
            writer.add(_rest(exercise))
            if exercise.sets > 1:
                writer.add({"duration_type": "repeat_until_steps_cmplt", "duration_value": first,
                            "target_value": exercise.sets})


def _supersets(exercises: tuple[Exercise, ...]) -> list[list[Exercise]]:
    """The exercises in groups: a superset's (one letter: ``A1.``, ``A2.``) together, any other alone."""
    groups: list[list[Exercise]] = []
    letter = ""
    for exercise in exercises:
        label = _SUPERSET_LABEL.match(exercise.name)
        mine = label[0][0] if label and label[0][1:2].isdigit() else ""
        if mine and mine == letter:
            groups[-1].append(exercise)
        else:
            groups.append([exercise])
        letter = mine
    return groups


def _sides(exercise: Exercise) -> list[dict[str, Any]]:
    """A set as the watch runs it: an exercise of each side (``3x8 each leg``, ``3x20 s per side``)
    is a step for each side, else one timer of 20 s would time one side only."""
    if not exercise.side:
        return [_set(exercise)]
    other = _set(exercise)
    other["notes"] = clip(f"{exercise_text(exercise)} — {gettext('the other side')}", NOTES_LIMIT)
    return [_set(exercise), other]


def _set(exercise: Exercise) -> dict[str, Any]:
    """One set of an exercise, as a watch shows it."""
    data: dict[str, Any] = {"intensity": "active", "target_type": "open",
                            # "A1. Back squat": a superset's label would take a short name's room
                            "wkt_step_name": clip(_SUPERSET_LABEL.sub("", exercise.name), NAME_LIMIT),
                            "notes": clip(exercise_text(exercise), NOTES_LIMIT),
                            "exercise_category": exercise_category(exercise.name)}
    if exercise.rep_unit == "s":
        data.update(duration_type="time", duration_value=exercise.reps * 1000)
    elif exercise.reps > 0 and exercise.rep_unit == "reps" and not exercise.amrap:
        data.update(duration_type="reps", duration_value=exercise.reps)
    else:
        data.update(duration_type="open")  # AMRAP ("5+": the notes say 5 at least), or a carry: the lap button ends the set
    kg = exercise.load.kg if exercise.load is not None else None
    if kg is not None:
        # exercise_weight has a scale of its own (100), which the Encoder applies: the value is in kg
        unit = "pound" if exercise.load is not None and exercise.load.unit == "lb" else "kilogram"
        data.update(exercise_weight=round(kg, 2), weight_display_unit=unit)  # shown as the coach wrote it
    return data


# Per plan: a session's steps as encoded, by what they are made of (sessions repeat in a plan).
StepsCache = dict[tuple[Any, ...], tuple[bytes, int, list[tuple[int, str, str, Unpaced]]]]


def workout_fit(expanded: ExpandedPlan, week: PlannedWeek, planned: PlannedSession, created: datetime,
                table: PaceTable | None = None, placeholders: bool = False,
                encoder: Callable[[], Any] = Encoder, cache: StepsCache | None = None) -> tuple[bytes, list[PacePatch]]:
    """One session as a FIT workout file, and where its paces are (with ``placeholders``).
    ``encoder``: Deload's (:mod:`generator.render.fitencode`) or the FIT SDK's, which writes the same bytes.
    ``cache``: one for all of a plan's sessions (with Deload's encoder): equal steps are encoded once."""
    for base in PLACEHOLDERS if placeholders else (0,):
        writer = _Writer(expanded, table, placeholders, base)
        data = _encode(expanded, week, planned, created, writer, encoder, cache)
        if not placeholders:
            return data, []
        patches = _find_patches(data, writer)
        if patches is not None:
            return data, patches
    raise FitError("the paces of this workout cannot be marked for the page's script")  # pragma: no cover


def _steps_key(planned: PlannedSession, writer: _Writer) -> tuple[Any, ...]:
    """All the steps of a session depend on, within one plan (its units and race are the plan's)."""
    session = planned.session
    if session.kind is SessionKind.STRENGTH:
        content: tuple[Any, ...] = tuple((e.name, e.sets, e.reps, e.rep_unit, e.load, exercise_text(e))
                                         for e in session.exercises)
    else:
        content = planned.workout
    return session.kind, content, id(writer.table), writer.placeholders, writer.base


def _encode(expanded: ExpandedPlan, week: PlannedWeek, planned: PlannedSession, created: datetime,
            writer: _Writer, encoder_class: Callable[[], Any], cache: StepsCache | None = None) -> bytes:
    from garmin_fit_sdk import Profile

    session = planned.session
    key = _steps_key(planned, writer) if cache is not None else None
    known = cache.get(key) if cache is not None and key is not None else None
    if known is None:
        writer.paced = not by_effort(session.kind)
        writer.walk = walks(session)
        # The race is the whole run, not one part of a longer one. An ultra (or an 800 m) is run by effort: a
        # pace predicted from a shorter race (Riegel's model is fitted up to the marathon) says little of
        # 50 km, and nothing of its climbing.
        writer.race_km = race_session_km(session)
        if session.kind is SessionKind.STRENGTH:
            _strength(writer, session.exercises)
        else:
            writer.parts(planned.workout)
        count = len(writer.steps)
    else:
        count, writer.patches = known[1], list(known[2])
    name = file_name(expanded, week, planned)
    numbers = Profile["mesg_num"]
    encoder = encoder_class()
    encoder.on_mesg(numbers["FILE_ID"], {"type": "workout", "manufacturer": "development", "product": 0,
                                         "serial_number": serial_number(name), "time_created": created})
    strength = session.kind is SessionKind.STRENGTH
    encoder.on_mesg(numbers["WORKOUT"], {"wkt_name": workout_name(week, planned, expanded.plan.units),
                                         "sport": "training" if strength else "walking" if walks(session) else "running",
                                         "sub_sport": "strength_training" if strength else "generic",
                                         "num_valid_steps": count})
    # The steps follow the file's two first messages, whatever their texts: their bytes are the same.
    if known is not None:
        encoder.append(known[0])
        return encoder.close()
    start = encoder.size if cache is not None else 0
    for step in writer.steps:
        encoder.on_mesg(numbers["WORKOUT_STEP"], step)
    if cache is not None and key is not None:
        cache[key] = (encoder.since(start), count, list(writer.patches))
    return encoder.close()


def fill(template: bytes, patches: list[PacePatch], table: PaceTable, speed_at: Sequence[Sequence[int]] = ()) -> bytes:
    """A template with the paces of ``table`` written in, as the page's script writes a reader's:
    the same bytes as :func:`workout_fit` with that table, without encoding the file again.
    ``speed_at``: in a file published without paces, each paced step's target type and value,
    to set back to speed."""
    data = bytearray(template)
    for kind, value in speed_at:
        data[kind] = TARGET_SPEED
        data[value:value + 4] = bytes(4)
    for patch in patches:
        fast, slow = evaluate(patch.spec, table.efforts, table.vdot)
        data[patch.offset:patch.offset + 4] = speed_value(slow if patch.end == "low" else fast).to_bytes(4, "little")
    data[-2:] = fit_crc(data, len(data) - 2).to_bytes(2, "little")
    return bytes(data)


def _find_patches(data: bytes, writer: _Writer) -> list[PacePatch] | None:
    """Each placeholder's offset; None if one is not found exactly once (its bytes also occur
    elsewhere in the file), and the caller tries other placeholders."""
    patches = []
    for index, spec, end, unpaced in writer.patches:
        value = (writer.base + 2 * index + (0 if end == "low" else 1)).to_bytes(4, "little")
        offset = data.find(value)
        if offset < 0 or data.find(value, offset + 1) >= 0:
            return None
        patches.append(PacePatch(offset, spec, end, unpaced))
    return patches


def plan_workouts(expanded: ExpandedPlan) -> Iterator[tuple[PlannedWeek, PlannedSession]]:
    """Every session of the plan a watch can run, in order."""
    for week in expanded.weeks:
        for planned in week.sessions:
            if has_workout(planned):
                yield week, planned
