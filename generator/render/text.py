"""The expanded plan as a week-by-week table a coach reads before publishing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from ..describe import as_written, exercise_text, needs_steps, session_title, workout_lines
from ..errors import Severity
from ..expanded import ExpandedPlan, PlannedSession, PlannedWeek
from ..i18n import weekday
from ..model import Plan
from . import views
from .notes import note_text

Style = Callable[..., str]
KIND_COLOURS = {"load": None, "deload": "cyan", "vacation": "cyan", "taper": "magenta", "race": "green"}


def _plain(text: str, **_: object) -> str:
    return text


def day_label(planned: PlannedSession, plan: Plan) -> str:
    if planned.date is not None:
        return planned.date.strftime("%a %d %b")
    if plan.layout == "days":
        return views.day_label(plan, planned.week - 1, planned.day)
    return weekday((plan.week_starts + planned.day - 1) % 7, "abbreviated").rstrip(".")  # "Mon", "Di", "Vr"


def _dates(week: PlannedWeek) -> str:
    if week.start is None:
        return ""
    end: date = week.start + timedelta(days=6)
    return f"{week.start.strftime('%a %d %b')} – {end.strftime('%a %d %b %Y')}"


def render_text(expanded: ExpandedPlan, style: Style = _plain) -> str:
    plan = expanded.plan
    lines = [style(plan.title, bold=True) + f"  ({plan.slug}, {plan.path})"]
    facts = [f"{len(expanded.weeks)} week{'s' if len(expanded.weeks) != 1 else ''}", _recovery(expanded)]
    if expanded.race_date:
        facts.append(f"race on {expanded.race_date.strftime('%a %d %b %Y')}")
    elif expanded.start:
        facts.append(f"starts {expanded.start.strftime('%a %d %b %Y')}")
    else:
        facts.append("no dates (give --race-date or --start)")
    p = plan.periodization
    if p.deload_every:
        has_strength = any(s.exercises for w in plan.weeks for s in w.sessions)
        strategies: list[str] = [] if expanded.by_sets else [p.deload_strategy]  # a strength block has no running to deload
        strategies += [f"strength: {p.strength_strategy}"] if has_strength else []
        facts.append(f"deload every {p.deload_every} ({', '.join([p.deload_mode, *strategies])})")
    if expanded.race_form is not None:
        facts.append(f"race-morning form {views.signed(expanded.race_form)} TSB")
    lines.append(" · ".join(facts))
    for entry in expanded.log:
        lines.append(style(f"note: {entry}", dim=True))
    for week in expanded.weeks:
        lines.append("")
        # The author's lighter week and tune-up race as the page names them; the engine's weeks in capitals.
        kind = ("lighter" if week.step_back else "tune-up race" if week.tune_up else "load") if week.kind == "load" else week.kind.upper()
        title = f" · {week.title}" if week.title else ""
        head = f"Week {week.number:>2} · {kind}{title}"
        lines.append(style(head, fg=KIND_COLOURS[week.kind], bold=True) + f"   {_dates(week)}   {views.week_volume_text(expanded, week)}")
        if week.note:
            lines.append(style(f"    {note_text(week.note)}", dim=True))
        lines += _indented(week.notes, "    ", style)
        for planned in week.sessions:
            lines += _session_lines(planned, plan, style)
    notes = [d for d in expanded.warnings if d.severity is Severity.NOTE]
    warnings = [d for d in expanded.warnings if d.severity is not Severity.NOTE]
    for said, what, colour in ((warnings, "warning", "yellow"), (notes, "note", "cyan")):
        if said:
            lines.append("")
            lines.append(style(f"{len(said)} {what}{'s' if len(said) != 1 else ''}:", fg=colour, bold=True))
            lines += [f"  {d.file}:{d.line}:{d.col}: {d.message} [{d.code}]" for d in said]
    return "\n".join(lines) + "\n"


def _session_lines(planned: PlannedSession, plan: Plan, style: Style) -> list[str]:
    """A session: its title, its steps or exercises, and the author's comment and notes."""
    s = planned.session
    pad = f"    {'':<11}   "
    lines = [f"    {day_label(planned, plan):<11} {session_title(s, plan.units)}"]
    if needs_steps(s, planned.workout):
        lines += [f"{pad}{i}. {step}" for i, step in enumerate(workout_lines(planned.workout, plan.units), 1)]
    lines += [f"{pad}{exercise_text(exercise)}" for exercise in s.exercises]
    if s.comment:
        lines.append(style(f"{pad}— {s.comment}", dim=True))
    if planned.original is not None and planned.original != s:  # as the page shows it: "Written as: …"
        was = as_written(planned.original, plan.units)
        if was != as_written(s, plan.units):
            lines.append(style(f"{pad}was: {was}", dim=True))
    return lines + _indented(s.notes, pad, style)


def _indented(markdown: str, pad: str, style: Style) -> list[str]:
    """Notes as the author wrote them (Markdown is readable as text), indented under their line."""
    return [style(f"{pad}{line}", dim=True) if line.strip() else "" for line in markdown.strip().splitlines()] if markdown else []


def _recovery(expanded: ExpandedPlan) -> str:
    """``4 recovery weeks (2 deloads, 1 vacation, 1 you wrote)``: only the kinds the plan has."""
    kinds = [(sum(1 for w in expanded.weeks if w.kind == "deload"), "deload"),
             (sum(1 for w in expanded.weeks if w.kind == "vacation"), "vacation"),
             (sum(1 for w in expanded.weeks if w.step_back), "")]
    parts = [f"{n} {word}{'s' if n != 1 else ''}" if word else f"{n} you wrote" for n, word in kinds if n]
    total = views.lighter_weeks(expanded)
    return f"{total} recovery week{'s' if total != 1 else ''}" + (f" ({', '.join(parts)})" if parts else "")
