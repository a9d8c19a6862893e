"""The build state kept beside the plans (``plans/deload-state.json``, committed with them).

It remembers when each plan was first published and last changed, and, for
calendar events, their revision, so that rebuilding unchanged sources gives
byte-identical output and a changed event is announced as an update.

The file has one line per plan, so a change to one plan changes one line (easy
to review in git), and a build that touches one plan of thousands decodes and
re-encodes only that plan's line.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import statefile
from .dates import stamp
from .errors import Diagnostic, Severity
from .fsutil import write_beside
from .statefile import FORMAT

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .render.ical import EventText

STATE_NAME = "deload-state.json"
_NOTE = "Written by 'deload build'. Commit it with your plans: it keeps feeds and dates stable."
KEEP_REMOVED_DAYS = 400  # a removed plan's entry and events: longer than a plan of a year, for a coach who restores it
_COMPACT: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":"), "sort_keys": True}
# The state file parsed last, as read: deload serve builds again and again from the same file.
_LAST: tuple[Path, str, statefile.StateText] | None = None


@dataclass
class State:
    path: Path
    plans: dict[str, dict[str, str]] = field(default_factory=dict)
    events: dict[str, dict[str, Any]] = field(default_factory=dict)  # decoded: "slug/edition/w3/d2/s0" -> entry
    original: str = ""
    seen_events: set[str] = field(default_factory=set)  # events built by the current render
    packed: dict[str, str] = field(default_factory=dict)  # slug -> its events line as read, not decoded yet
    plan_lines: dict[str, tuple[dict[str, str], str]] = field(default_factory=dict)  # slug -> (entry as read, its text)
    where: dict[str, int] = field(default_factory=dict)  # slug -> the line of its events in the file, for errors
    notes: list[Diagnostic] = field(default_factory=list)  # repairs made while reading, said by the build
    legacy: bool = False  # read from format 2, whose event hashes the first build migrates
    _pending: str = ""  # the text write_pending wrote

    @classmethod
    def load(cls, plans_dir: Path) -> State:
        path = plans_dir / STATE_NAME
        return cls.parse(path, statefile.read_known(path)[0])

    @classmethod
    def parse(cls, path: Path, text: str | None) -> State:
        """The state as read from ``text`` (None: there is no state file yet); damage is an error
        at its line, a repair a note (see :mod:`generator.statefile`)."""
        global _LAST
        if text is None:
            return cls(path)
        last = _LAST
        if last is not None and last[0] == path and last[1] == text:
            read = last[2]
        else:
            read = statefile.parse(path, text)
            _LAST = (path, text, read)
        # Its own tables (a build changes them), the same entries (a build replaces an entry, never changes one).
        return cls(path, dict(read.plans), {}, text, packed=dict(read.packed), plan_lines=read.plan_lines,
                   where=read.where, notes=list(read.notes), legacy=read.legacy)

    def events_of(self, slug: str) -> dict[str, dict[str, Any]]:
        """The revisions of one plan's events. Its line is decoded (and checked) each time and the
        state is left as it is: a worker asks once per plan, and keeping every decoded plan here
        would make each later lookup scan them all."""
        if slug in self.packed:
            events = statefile.unpack(self.path, slug, self.packed[slug], self.where.get(slug, 1))
            return {f"{slug}/{key}": entry for key, entry in events.items()}
        prefix = slug + "/"
        return {k: v for k, v in self.events.items() if k.startswith(prefix)}

    def record(self, events: Iterable[EventText]) -> None:
        """Remember the revisions of the events a feed was rendered with (the renderer looked
        them up in :attr:`events`, and gives each event its entry, changed or not)."""
        for event in events:
            self.events[event.key] = event.revision
            self.seen_events.add(event.key)

    def built(self) -> dict[str, dict[str, str]]:
        """The plans the last build published (a removed plan's entry is kept, marked)."""
        return {slug: entry for slug, entry in self.plans.items() if "removed" not in entry}

    def retire(self, slugs: set[str], now: datetime) -> None:
        """Mark the plans not in ``slugs`` removed, keeping their entries and events: a plan
        renamed back, or given its slug again, returns with its first publication date and its
        events' revisions (a subscriber's calendar then takes the updates). Forgotten after
        :data:`KEEP_REMOVED_DAYS`."""
        cutoff = stamp(now - timedelta(days=KEEP_REMOVED_DAYS))
        gone = set()
        for slug, entry in list(self.plans.items()):
            if slug in slugs:
                continue
            if "removed" not in entry:
                self.plans[slug] = {**entry, "removed": stamp(now)}
            elif entry["removed"] < cutoff:
                gone.add(slug)
        self.plans = {k: v for k, v in self.plans.items() if k not in gone}
        # Events of a plan the state has no entry for (forgotten, or a line left by hand) go too.
        self.packed = {k: v for k, v in self.packed.items() if k in self.plans}
        self.events = {k: v for k, v in self.events.items() if k.split("/", 1)[0] in self.plans}

    def removed_warnings(self, name: str, built_before: dict[str, dict[str, str]], slugs: set[str],
                         drafts: bool) -> list[Diagnostic]:
        """A warning for each plan this state (the file ``name``) says was built (``built_before``)
        and that is no longer among the plans ``slugs``: its file removed or renamed, its slug
        changed, or (``drafts``: some were left out) made a draft."""
        lines = self.original.splitlines()
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

    def replace_events(self, by_slug: dict[str, dict[str, dict[str, Any]]]) -> None:
        """Set the revisions of the plans in ``by_slug`` (all at once: one pass over the rest)."""
        for slug in by_slug:
            self.packed.pop(slug, None)
        self.events = {k: v for k, v in self.events.items() if k.split("/", 1)[0] not in by_slug}
        for events in by_slug.values():
            self.events.update(events)

    def touch_plan(self, slug: str, digest: str, now: datetime) -> dict[str, str]:
        """Record a plan's content; returns its ``published``/``updated`` times."""
        entry = self.plans.get(slug)
        if not isinstance(entry, dict) or "published" not in entry:
            entry = {"hash": digest, "published": stamp(now), "updated": stamp(now)}
        elif entry.get("hash") != digest or "removed" in entry:  # back on the site: updated now
            entry = {"hash": digest, "published": entry["published"], "updated": stamp(now)}
        self.plans[slug] = entry
        return entry

    def render(self) -> str:
        """One line per plan. An event at revision 0, changed when most of its plan's events
        were, is stored as its hash alone."""
        by_plan: dict[str, dict[str, dict[str, Any]]] = {}
        for key in sorted(self.events):
            slug, _, rest = key.partition("/")
            by_plan.setdefault(slug, {})[rest] = self.events[key]
        lines = ["{", f' "format": {FORMAT},', f' "note": {json.dumps(_NOTE)},', ' "plans": {']
        for slug in sorted(self.plans):
            entry, known = self.plans[slug], self.plan_lines.get(slug)
            text = known[1] if known is not None and known[0] is entry else json.dumps(entry, **_COMPACT)
            lines.append(f"  {_quote(slug)}: {text},")
        lines[-1] = lines[-1].rstrip(",")
        lines += [" },", ' "events": {']
        for slug in sorted(by_plan.keys() | self.packed.keys()):
            text = self.packed[slug] if slug in self.packed else json.dumps(_pack(by_plan[slug]), **_COMPACT)
            lines.append(f"  {_quote(slug)}: {text},")
        lines[-1] = lines[-1].rstrip(",")
        lines += [" }", "}"]
        return "\n".join(lines) + "\n"

    def write_pending(self) -> Path | None:
        """Write the new state to a temporary file beside the state file, for :meth:`commit` to
        rename into place once the site is: a full disk fails the build before anything is
        published, and a failed build leaves the state as it was. None when nothing changed."""
        text = self.render()
        if text == self.original:
            return None
        pending = write_beside(self.path, text.encode("utf-8"))
        self._pending = text
        return pending

    def commit(self, pending: Path | None) -> None:
        if pending is not None:
            os.replace(pending, self.path)
            self.original = self._pending


def _quote(slug: str) -> str:
    """``json.dumps(slug)``, without its cost for the usual slug (plain ASCII, nothing to escape)."""
    if slug.isascii() and slug.isprintable() and '"' not in slug and "\\" not in slug:
        return f'"{slug}"'
    return json.dumps(slug)


def _pack(events: dict[str, dict[str, Any]]) -> dict[str, Any]:
    stamps = [e["modified"] for e in events.values()]
    default = max(set(stamps), key=lambda s: (stamps.count(s), s))
    return {"t": default, "e": {rest: e["hash"] if e["sequence"] == 0 and e["modified"] == default
                                else [e["hash"], e["sequence"], e["modified"]] for rest, e in events.items()}}
