"""What a build says of the plans it does not publish: drafts it left out, and plans gone since the
last build (their pages and feeds leave the site, and readers' subscriptions to them break)."""

from __future__ import annotations

import json

from ..errors import Diagnostic, Severity
from ..state import State
from .result import DRAFT


def draft_notes(drafts: dict[str, int]) -> list[Diagnostic]:
    """A note for each draft left out (display path -> the line of its 'draft: true')."""
    return [Diagnostic(display, line, 1, "a draft ('draft: true'): left out of the site; deload serve shows it, "
                       "'deload build --drafts' builds it too", Severity.NOTE, DRAFT) for display, line in sorted(drafts.items())]


def removed_plans(state: State, name: str, built_before: dict[str, dict[str, str]], slugs: set[str],
                  drafts: bool) -> list[Diagnostic]:
    """A warning for each plan the state (the file ``name``) says was built and that is no longer
    among the plans ``slugs``: its file removed or renamed, its slug changed, or (``drafts``: some
    were left out) made a draft."""
    lines = state.original.splitlines()
    warnings = []
    for slug in sorted(set(built_before) - slugs):
        line = next((n for n, text in enumerate(lines, 1) if text.startswith(f"  {json.dumps(slug)}:")), 1)
        first = str(built_before[slug].get("published", ""))[:10]
        warnings.append(Diagnostic(name, line, 3, f"the plan at plans/{slug}/ (first built {first}) is no longer among "
                                   "the plans" + (" (or it is a draft now)" if drafts else "") + ": its page and "
                                   "calendar feeds leave the site, and readers' links and subscriptions to them break; "
                                   f"if its file was renamed or its slug changed, give it 'slug: {slug}' again",
                                   Severity.WARNING, "plan-removed"))
    return warnings
