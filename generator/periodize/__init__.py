"""The periodization engine: pure functions from a :class:`~generator.model.Plan`
to an :class:`~generator.expanded.ExpandedPlan`. No I/O, deterministic."""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import DeloadError, Diagnostic
from ..expanded import ExpandedPlan
from ..model import Plan
from .asplan import as_plan, dates_change_layout, first_day
from .expand import choose_basis, expand

__all__ = ["ExpandedPlan", "as_plan", "choose_basis", "dates_change_layout", "expand", "expand_all", "first_day"]


def expand_all(plans: Iterable[Plan]) -> tuple[list[ExpandedPlan], list[Diagnostic]]:
    """Expand every plan; engine errors and warnings of all plans come back together."""
    expanded: list[ExpandedPlan] = []
    diagnostics: list[Diagnostic] = []
    for plan in plans:
        try:
            result = expand(plan)
        except DeloadError as exc:
            diagnostics.extend(exc.diagnostics)
            continue
        expanded.append(result)
        diagnostics.extend(result.warnings)
    return expanded, diagnostics
