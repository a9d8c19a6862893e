"""The build state kept beside the plans (``plans/deload-state.json``, committed with them).

It remembers when each plan was first published and last changed, and, for
calendar events, their revision, so that rebuilding unchanged sources gives
byte-identical output and a changed event is announced as an update.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

STATE_NAME = "deload-state.json"
FORMAT = 1


def content_hash(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()[:32]


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class State:
    path: Path
    plans: dict[str, dict[str, str]] = field(default_factory=dict)
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    original: str = ""
    seen_events: set[str] = field(default_factory=set)  # events built by this build; others are gone

    @classmethod
    def ephemeral(cls) -> State:
        """A state that is never saved: for one-off personal calendars."""
        return cls(Path("/dev/null"))

    @classmethod
    def load(cls, plans_dir: Path) -> State:
        path = plans_dir / STATE_NAME
        try:
            text = path.read_text(encoding="utf-8")
            data = json.loads(text)
        except (OSError, ValueError):
            return cls(path)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return cls(path)
        plans = data.get("plans") if isinstance(data.get("plans"), dict) else {}
        events = data.get("events") if isinstance(data.get("events"), dict) else {}
        return cls(path, dict(plans), dict(events), text)

    def touch_plan(self, slug: str, digest: str, now: datetime) -> dict[str, str]:
        """Record a plan's content; returns its ``published``/``updated`` times."""
        entry = self.plans.get(slug)
        if not isinstance(entry, dict) or "published" not in entry:
            entry = {"hash": digest, "published": stamp(now), "updated": stamp(now)}
        elif entry.get("hash") != digest:
            entry = {**entry, "hash": digest, "updated": stamp(now)}
        self.plans[slug] = entry
        return entry

    def render(self, keep_plans: set[str]) -> str:
        data = {
            "format": FORMAT,
            "note": "Written by 'deload build'. Commit it with your plans: it keeps feeds and dates stable.",
            "plans": {k: self.plans[k] for k in sorted(self.plans) if k in keep_plans},
            "events": {k: self.events[k] for k in sorted(self.events) if k in self.seen_events},
        }
        return json.dumps(data, indent=1, sort_keys=False, ensure_ascii=False) + "\n"

    def save(self, keep_plans: set[str]) -> bool:
        """Write the file if its content changed; True when it was written."""
        text = self.render(keep_plans)
        if text == self.original:
            return False
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(self.path)
        self.original = text
        return True
