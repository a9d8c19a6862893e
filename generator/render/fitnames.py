"""Names in a watch file: a workout's (``W3D2 Tempo 8km``, short enough for a watch's list),
a file's and its serial number, and an exercise's FIT category from its name (the watch
shows its animation and counts its reps; a coach's own exercise is its step's name only)."""

from __future__ import annotations

import re
import zlib
from dataclasses import replace

from ..describe import amount_text, day_focus, race_text, short_title
from ..expanded import ExpandedPlan, PlannedSession, PlannedWeek
from ..i18n import gettext
from ..model import Distance, SessionKind

NAME_LIMIT = 16  # characters of a workout or step name a watch shows in its lists (Forerunner, fēnix, Edge)


def serial_number(name: str) -> int:
    """A stable, non-zero serial number for a file: a watch tells workouts apart by it."""
    return (zlib.crc32(name.encode("utf-8")) & 0x7FFFFFFF) | 1


def file_name(expanded: ExpandedPlan, week: PlannedWeek, planned: PlannedSession) -> str:
    return f"{expanded.plan.slug}-w{week.number:02d}-d{planned.day}-{planned.slot + 1}.fit"


_UNIT_SPACE = re.compile(r"(\d) (km|mi|m|min|s|h)\b")


def workout_name(week: PlannedWeek, planned: PlannedSession, units: str) -> str:
    """``W3D2 Tempo 8km``: week, day and size, cut to what a watch shows in its list. The list has
    no room for "Optional:" (the page and calendar say it) or a race's pace: a race is its
    distance (``W17D7 Marathon``, ``W12D7 HM race``), in figures when its name does not fit (``W12D7 30km``)."""
    day = gettext("W%(week)dD%(day)d") % {"week": week.number, "day": planned.day}
    session = planned.session
    if session.kind is SessionKind.RACE and isinstance(session.total, Distance):
        name = race_text(session.total, units)
        title = name[:1].upper() + name[1:]
        if len(f"{day} {title}") > NAME_LIMIT and round(session.total.km, 1) == 21.1:
            title = gettext("HM race")  # "W12D7 13.1mi" had not said it was the race
        if len(f"{day} {title}") > NAME_LIMIT:
            title = amount_text(session.total, units)
    elif focus := day_focus(session):  # "W5D1 Push A": a split's days told apart in the watch's list
        title = focus
    else:
        title = short_title(replace(session, optional=False, alternative=None), units)  # the run the watch runs
    name = _UNIT_SPACE.sub(r"\1\2", f"{day} {title}")
    return _keep_size(name, NAME_LIMIT) if session.kind.is_run else clip(name, NAME_LIMIT)  # a run is its size


# Cut short and marked, one way each ("Fart." had made a reader laugh, not run; "Inte." and "Int." had
# stood side by side in one plan's list)
_SHORT_WORDS = {"fartlek": "Frtlk", "intervals": "Int.", "threshold": "Thr.", "recovery": "Rec.", "long run": "Long",
                "tempo run": "Tempo", "hill repeats": "Hills"}


def _keep_size(name: str, limit: int) -> str:
    """A run's name cut to ``limit`` in its words, never in its size: ``S1D3 Roda. 40min``, not
    ``S1D3 Rodaje 40mi`` (which reads as 40 miles); at a whole word or a joint (``W3D1 Long 1h30``,
    ``W5D1 Run 25min`` for a run-walk), else cut short and marked (``W1D2 Te. 2x15min``)."""
    parts = re.match(r"^(\S+) (.+?) ((?:\d\S*|[x×])(?: (?:\d\S*|[x×]))*)$", " ".join(name.split()))
    if len(name) <= limit or parts is None:
        return clip(name, limit)
    size = re.sub(r"(\d)h (\d+)min\b", r"\1h\2", re.sub(r"\s*[x×]\s*", "x", parts[3]))  # "2x15min", "1h30"
    room = limit - len(parts[1]) - len(size) - 2
    words = parts[2]
    if len(words) <= room:
        return f"{parts[1]} {words} {size}"
    if room < 2:  # the size alone: what the watch is to run
        return clip(f"{parts[1]} {size}", limit)
    short = _SHORT_WORDS.get(words.lower(), "")
    if short and len(short) <= room:  # a kind's one short form, wherever the cut would fall ("Hills", never "Hill")
        return f"{parts[1]} {short} {size}"
    cut = words[:room].rstrip()
    if words[room:room + 1] not in ("", " ") and not words[:room].endswith(" "):
        # In the middle of a word: at the word before, at a hyphen ("Run-walk" is "Run"), or cut short and marked
        joint = max(cut.rfind(" "), cut.rfind("-"), cut.rfind("/"))
        cut = cut[:joint].rstrip(" -/") if joint > 0 else words[:room - 1].rstrip() + "."
    return f"{parts[1]} {cut} {size}"


def clip(text: str, limit: int) -> str:
    """At most ``limit`` characters, printable only, cut at a word where one is near."""
    clean = text if text.isprintable() else "".join(c if c.isprintable() else " " for c in text)
    clean = " ".join(clean.split())
    if len(clean) <= limit:
        return clean
    cut = clean[:limit]
    space = cut.rfind(" ")
    if space < limit * 3 // 4 and clean[limit] != " ":  # in the middle of a word: marked ("S1J3 Renforcem.")
        cut = clean[:limit - 1].rstrip() + "."
        space = -1
    # Never ending on a separator: "W1D1 Strength —" of "Strength — Overhead press" is "W1D1 Strength".
    return (cut[:space] if space >= limit * 3 // 4 else cut).rstrip().rstrip("—–-:·,;/(").rstrip()

# Words of an exercise's name, most specific first, to the FIT profile's exercise_category.
CATEGORY_WORDS: tuple[tuple[str, str], ...] = (
    ("calf raise", "calf_raise"), ("bench press", "bench_press"), ("push-up", "push_up"), ("push up", "push_up"),
    ("pushup", "push_up"), ("pull-up", "pull_up"), ("pull up", "pull_up"), ("chin-up", "pull_up"),
    ("deadlift", "deadlift"), ("rdl", "deadlift"), ("good morning", "deadlift"), ("squat", "squat"),
    ("lunge", "lunge"), ("step-up", "lunge"), ("step up", "lunge"), ("split squat", "lunge"),
    ("glute bridge", "hip_raise"), ("hip thrust", "hip_raise"), ("bridge", "hip_raise"), ("plank", "plank"),
    ("side plank", "plank"), ("dead bug", "core"), ("bird dog", "core"), ("pallof", "core"), ("crunch", "crunch"),
    ("sit-up", "sit_up"), ("sit up", "sit_up"), ("leg raise", "leg_raise"), ("row", "row"),
    ("shoulder press", "shoulder_press"), ("overhead press", "shoulder_press"), ("curl", "curl"),
    ("carry", "carry"), ("farmer", "carry"), ("jump", "plyo"), ("hop", "plyo"), ("bound", "plyo"),
    ("nordic", "leg_curl"), ("hamstring curl", "leg_curl"), ("leg curl", "leg_curl"), ("copenhagen", "hip_stability"),
    ("clamshell", "hip_stability"), ("monster walk", "hip_stability"), ("band walk", "hip_stability"),
    ("hyperextension", "hyperextension"), ("back extension", "hyperextension"), ("shrug", "shrug"),
    # The plan languages' names: French, German, Spanish, Dutch
    ("fente", "lunge"), ("pompe", "push_up"), ("gainage", "plank"), ("soulevé de terre", "deadlift"),
    ("pont fessier", "hip_raise"), ("mollet", "calf_raise"), ("chaise", "squat"), ("sauté", "plyo"),
    ("kniebeuge", "squat"), ("ausfallschritt", "lunge"), ("liegestütz", "push_up"), ("unterarmstütz", "plank"),
    ("kreuzheben", "deadlift"), ("wadenheben", "calf_raise"), ("hüftheben", "hip_raise"),
    ("sprünge", "plyo"), ("sprunglauf", "plyo"), ("hocksprung", "plyo"),
    ("sentadilla", "squat"), ("zancada", "lunge"), ("flexiones", "push_up"), ("plancha", "plank"),
    ("peso muerto", "deadlift"), ("puente de glúteo", "hip_raise"), ("gemelo", "calf_raise"), ("salto", "plyo"),
    ("uitvalspas", "lunge"), ("opdrukken", "push_up"), ("kuitheffen", "calf_raise"), ("bilbrug", "hip_raise"),
    ("sprong", "plyo"),
)


def exercise_category(name: str) -> str:
    """The FIT category for an exercise's name, or ``unknown``."""
    lowered = " ".join(name.lower().split())
    matches = [(len(word), category) for word, category in CATEGORY_WORDS if word in lowered]
    return max(matches)[1] if matches else "unknown"
