"""What a calendar event says: its summary, its description (the session, its steps, what was
written, the reader's paces) and its categories, in the plan's language. :mod:`.ical` places them."""

from __future__ import annotations

from collections.abc import Sequence

from ..describe import as_written, exercise_text, needs_steps, session_title, short_title, workout_lines
from ..expanded import ExpandedPlan, PlannedSession, PlannedWeek
from ..i18n import N_, Words, gettext, pgettext_noop
from ..paces import PaceTable, evaluate
from .markdown import plain_text
from .notes import note_text
from .pacetable import range_text
from .views import week_label, week_volume_text


def pace_line(paces: Sequence[tuple[str, str]], table: PaceTable, units: str, yours: bool = True) -> str:
    """``Your paces (10K in 45:00): threshold 4:33–4:42/km · easy 5:35–6:08/km``; the page's
    script writes the same line for a reader's own time. ``yours=False``: the paces of the
    plan's own reference time, as its page shows them (``Paces for 10K in 45:00: …``)."""
    items = " · ".join(f"{label} {range_text(evaluate(spec, table.efforts, table.vdot), units)}" for label, spec in paces)
    values = {"reference": table.performance.label, "paces": items}
    return (gettext("Your paces (%(reference)s): %(paces)s") if yours else gettext("Paces for %(reference)s: %(paces)s")) % values


def with_paces(description: str, line: str) -> str:
    """The description with the pace line before its footer (the blank line and the plan's link)."""
    body, _, footer = description.rpartition("\n\n")
    return f"{body}\n{line}\n\n{footer}"


#: An event's categories, which calendar apps show: the session's and the week's kind, in the plan's language.
CATEGORIES = Words({
    "week": pgettext_noop("calendar category", "week"), "optional": pgettext_noop("calendar category", "optional"),
    "load": pgettext_noop("calendar category", "load"), "deload": pgettext_noop("calendar category", "deload"),
    "taper": pgettext_noop("calendar category", "taper"), "vacation": pgettext_noop("calendar category", "vacation"),
    "race": pgettext_noop("calendar category", "race"), "rest": pgettext_noop("calendar category", "rest"),
    "easy": pgettext_noop("calendar category", "easy"), "recovery": pgettext_noop("calendar category", "recovery"),
    "long": pgettext_noop("calendar category", "long"), "run-walk": pgettext_noop("calendar category", "run-walk"),
    "tempo": pgettext_noop("calendar category", "tempo"), "intervals": pgettext_noop("calendar category", "intervals"),
    "hills": pgettext_noop("calendar category", "hills"), "fartlek": pgettext_noop("calendar category", "fartlek"),
    "strides": pgettext_noop("calendar category", "strides"), "cross": pgettext_noop("calendar category", "cross"),
    "strength": pgettext_noop("calendar category", "strength"), "mobility": pgettext_noop("calendar category", "mobility"),
})
_WRITTEN_AS = Words({
    "load": N_("Written as: %(text)s (changed for the taper, which begins this week)"),  # the only change to a loading week
    "deload": N_("Written as: %(text)s (changed for this deload week)"),
    "taper": N_("Written as: %(text)s (changed for this taper week)"),
    "vacation": N_("Written as: %(text)s (changed for this vacation week)"),
    "race": N_("Written as: %(text)s (changed for this race week)"),
})


def session_description(planned: PlannedSession, week: PlannedWeek, week_line: str, units: str, footer: str) -> str:
    s = planned.session
    lines = [session_title(s, units), week_line]
    if needs_steps(s, planned.workout):
        lines += [gettext("Step by step:"), *(f"{i}. {line}" for i, line in enumerate(workout_lines(planned.workout, units), 1))]
    if s.exercises:
        lines += [gettext("Strength:"), *(f"• {exercise_text(e)}" for e in s.exercises)]
    if s.comment:
        lines.append(plain_text(s.comment))
    if planned.original is not None and week.inserted and week.reference is not None:  # a week no one wrote
        lines.append(gettext("In week %(week)d: %(text)s") % {"week": week.reference, "text": as_written(planned.original, units)})
    elif planned.original is not None:
        lines.append(_WRITTEN_AS[week.kind] % {"text": as_written(planned.original, units)})
    if s.notes:
        lines += ["", plain_text(s.notes)]
    lines += ["", footer]
    return "\n".join(lines)


def week_description(expanded: ExpandedPlan, week: PlannedWeek, footer: str) -> str:
    lines = [f"{week_label(week)} · {week_volume_text(expanded, week)}"]
    if week.note:
        lines.append(note_text(week.note) + ".")
    if week.notes:
        lines += ["", plain_text(week.notes)]
    lines += ["", footer]
    return "\n".join(lines)


def says_kind(title: str, kind_label: str) -> bool:
    """True when a week's title only repeats its kind ("Race week" on a race week)."""
    words = " ".join(title.lower().replace("—", " ").split())
    label = kind_label.lower()
    # "Race week", "Race"; German "Tapering-Woche", "Tapering"; French "Semaine de course"
    return words in (label, label.removesuffix(" week"), label.rsplit(" ", 1)[0]) or label.startswith(words + "-")


def session_summary(expanded: ExpandedPlan, week: PlannedWeek, planned: PlannedSession) -> str:
    """``W3 · Tempo 5 mi``; the goal race carries its name: ``W12 · Berlin Marathon: Race marathon``."""
    short = short_title(planned.session, expanded.plan.units)
    race = expanded.plan.race
    if planned is expanded.race_session and race is not None and race.name:
        return gettext("W%(number)d") % {"number": week.number} + f" · {race.name}: {short}"
    return gettext("W%(number)d") % {"number": week.number} + f" · {short}"
