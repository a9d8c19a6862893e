"""The build state kept beside the plans (``plans/deload-state.json``, committed with them).

It remembers when each plan was first published and last changed, and, for
calendar events, their revision, so that rebuilding unchanged sources gives
byte-identical output and a changed event is announced as an update.

The file has one line per plan, so a change to one plan changes one line (easy
to review in git), and a build that touches one plan of thousands decodes and
re-encodes only that plan's line.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .errors import DeloadError, Diagnostic

STATE_NAME = "deload-state.json"
FORMAT = 2
_NOTE = "Written by 'deload build'. Commit it with your plans: it keeps feeds and dates stable."
_COMPACT: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":"), "sort_keys": True}


def content_hash(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()[:32]


def event_hash(text: str) -> str:
    """A short hash for telling whether one calendar event changed (48 bits is plenty)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def read_text(path: Path) -> str:
    """The state file's text ('' if there is none), with a clear error if it cannot be read."""
    try:
        return path.read_text(encoding="utf-8") if path.exists() else ""
    except UnicodeDecodeError:
        raise DeloadError([Diagnostic(str(path), 1, 1, "the state file is not UTF-8 text; restore it from version control")]) from None
    except OSError as exc:
        raise DeloadError([Diagnostic(str(path), 1, 1, f"cannot read the state file: {exc.strerror}")]) from None


@dataclass
class State:
    path: Path
    plans: dict[str, dict[str, str]] = field(default_factory=dict)
    events: dict[str, dict[str, Any]] = field(default_factory=dict)  # decoded: "slug/edition/w3/d2/s0" -> entry
    original: str = ""
    seen_events: set[str] = field(default_factory=set)  # events built by the current render
    packed: dict[str, str] = field(default_factory=dict)  # slug -> its events line as read, not decoded yet
    plan_lines: dict[str, tuple[dict[str, str], str]] = field(default_factory=dict)  # slug -> (entry as read, its text)

    @classmethod
    def ephemeral(cls) -> State:
        """A state that is never saved: for one-off personal calendars."""
        return cls(Path(os.devnull))

    @classmethod
    def load(cls, plans_dir: Path) -> State:
        path = plans_dir / STATE_NAME
        return cls.parse(path, read_text(path))

    @classmethod
    def parse(cls, path: Path, text: str) -> State:
        if not text:
            return cls(path)
        fast = _parse_lines(path, text)
        if fast is not None:
            return fast
        # Not the layout Deload writes (edited by hand?): read it as plain JSON.
        # A damaged state would silently restart every calendar event's revision and mark every
        # plan as new, so it stops the build instead (a merge conflict is the usual cause).
        try:
            data = json.loads(text)
        except ValueError as exc:
            line, col = getattr(exc, "lineno", 1), getattr(exc, "colno", 1)
            raise DeloadError([Diagnostic(str(path), line, col, f"the state file is damaged ({getattr(exc, 'msg', exc)}); "
                                          "restore it from version control (resolve a merge conflict by keeping one side)")]) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise DeloadError([Diagnostic(str(path), 1, 1, f"the state file is not in Deload's format {FORMAT}; restore it from version control")])
        plans = data["plans"] if isinstance(data.get("plans"), dict) else {}
        groups = data["events"] if isinstance(data.get("events"), dict) else {}
        packed = {slug: json.dumps(group, **_COMPACT) for slug, group in groups.items() if isinstance(group, dict)}
        return cls(path, dict(plans), {}, text, packed=packed)

    def events_of(self, slug: str) -> dict[str, dict[str, Any]]:
        """The revisions of one plan's events. Its line is decoded each time and the state is left
        as it is: a worker asks once per plan, and keeping every decoded plan here would make
        each later lookup scan them all."""
        if slug in self.packed:
            try:
                return _unpack(slug, json.loads(self.packed[slug]))
            except ValueError:
                raise DeloadError([Diagnostic(str(self.path), 1, 1, f"the state file's line for '{slug}' is damaged; "
                                              "restore it from version control")]) from None
        prefix = slug + "/"
        return {k: v for k, v in self.events.items() if k.startswith(prefix)}

    def keep_only(self, slugs: set[str]) -> None:
        self.plans = {k: v for k, v in self.plans.items() if k in slugs}
        self.packed = {k: v for k, v in self.packed.items() if k in slugs}
        self.events = {k: v for k, v in self.events.items() if k.split("/", 1)[0] in slugs}

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
        elif entry.get("hash") != digest:
            entry = {**entry, "hash": digest, "updated": stamp(now)}
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

    def save(self) -> bool:
        """Write the file if its content changed; True when it was written."""
        text = self.render()
        if text == self.original:
            return False
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(self.path)
        self.original = text
        return True


_LINE = re.compile(r'^  ("(?:[^"\\\\]|\\\\.)*"): (\{.*\}),?$')


def _parse_lines(path: Path, text: str) -> State | None:
    """Read the one-line-per-plan layout Deload writes without decoding every plan's events.
    None when the text is not in that layout."""
    lines = text.split("\n")
    if len(lines) < 8 or lines[0] != "{" or lines[1] != f' "format": {FORMAT},' or lines[3] != ' "plans": {':
        return None
    plans: dict[str, dict[str, str]] = {}
    plan_lines: dict[str, tuple[dict[str, str], str]] = {}
    packed: dict[str, str] = {}
    section = plans
    for number, line in enumerate(lines[4:], start=5):
        if line in (" },", ' "events": {', " }", "}", ""):
            if line == ' "events": {':
                section = packed  # type: ignore[assignment]
            continue
        match = _LINE.match(line)
        if match is None:
            return None
        try:
            quoted = match[1]
            slug = quoted[1:-1] if "\\" not in quoted and quoted.isprintable() else json.loads(quoted)
            if section is plans:
                plans[slug] = json.loads(match[2])
                plan_lines[slug] = (plans[slug], match[2])  # written back as it was while unchanged
            else:
                packed[slug] = match[2]  # decoded only when the plan's events are asked for (events_of)
        except ValueError:
            raise DeloadError([Diagnostic(str(path), number, 1, "the state file is damaged on this line; restore it from version control")]) from None
    return State(path, plans, {}, text, packed=packed, plan_lines=plan_lines)


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


def _unpack(slug: str, group: dict[str, Any]) -> dict[str, dict[str, Any]]:
    default = group.get("t", "")
    events = {}
    for rest, entry in (group.get("e") or {}).items():
        if isinstance(entry, str):
            events[f"{slug}/{rest}"] = {"hash": entry, "sequence": 0, "modified": default}
        elif isinstance(entry, list) and len(entry) == 3:
            events[f"{slug}/{rest}"] = {"hash": entry[0], "sequence": entry[1], "modified": entry[2]}
    return events
