"""An exercise's FIT category from its name: the watch shows its animation and counts its
reps. A name with no category (a coach's own exercise) is written as the step's name only."""

from __future__ import annotations

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
)


def exercise_category(name: str) -> str:
    """The FIT category for an exercise's name, or ``unknown``."""
    lowered = " ".join(name.lower().split())
    matches = [(len(word), category) for word, category in CATEGORY_WORDS if word in lowered]
    return max(matches)[1] if matches else "unknown"
