"""A plan dated in its frontmatter whose first day has passed: said in check and build, since
readers who start today would miss its first weeks."""

from __future__ import annotations

from datetime import date, timedelta

from ..errors import Diagnostic, Severity
from ..expanded import ExpandedPlan
from ..model import Source


def dated_start(expanded: ExpandedPlan) -> tuple[date, int, Source] | None:
    """The first day and length in weeks of a plan dated in its frontmatter (by race day or start),
    and where that date is written."""
    plan = expanded.plan
    if expanded.start is None or (plan.start is None and (plan.race is None or plan.race.date is None)):
        return None
    return expanded.start, len(expanded.weeks), plan.location("race.date" if expanded.anchor == "race" else "start")


def past_start(file: str, line: int, col: int, first: date, weeks: int, today: date) -> Diagnostic | None:
    """A plan dated in its frontmatter whose first day has passed: readers who start today miss weeks."""
    text = started_ago(first, weeks, today)
    if text is None:
        return None
    missed = (today - first).days // 7
    if missed < weeks:
        text += f": a reader who starts today misses week{'s 1–' + str(missed) if missed > 1 else ' 1'}"
    return Diagnostic(file, line, col, f"{text}; move its date, or leave it out so readers pick their own",
                      Severity.WARNING, "start-in-past")


def started_ago(first: date, weeks: int, today: date) -> str | None:
    """When a plan of ``weeks`` from ``first`` started, if a week or more before ``today``; None if not."""
    missed = (today - first).days // 7
    if missed < 1:
        return None
    if missed >= weeks:
        return f"the plan ran from {first:%a %-d %b %Y} to {first + timedelta(days=weeks * 7 - 1):%a %-d %b %Y}: it is over"
    return f"the plan starts on {first:%a %-d %b %Y}, {missed} week{'s' if missed != 1 else ''} ago"
