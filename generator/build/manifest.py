"""What the last build made, so that the next one redoes only what changed.

Two files in ``.deload/``: a small head to decide quickly that nothing changed (every
input's key, and a signature of ``site/``'s folders), and a body with one line per
plan: its key, its files, its listing card, its warnings, its PDFs.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..digest import digest_parts
from ..fsutil import write_atomic
from .inputs import FORMAT, Inputs
from .tree import parents


@dataclass
class PlanRecord:
    key: str
    slug: str
    files: list[str]
    listing: dict[str, Any]
    diagnostics: list[list[Any]]  # [file, line, col, message, severity, code]
    pdf_jobs: list[list[str]] = field(default_factory=list)  # [paper, cache key, path in site]
    pages: int = 0
    feeds: int = 0
    day: str | None = None  # the build day, for a plan without dates (its feeds move with the day)
    start: list[Any] | None = None  # a dated plan's [first day, weeks, line, col of its date]: a start in the past is said
    alternates: list[list[str]] = field(default_factory=list)  # the translations its page links to: [language, url]

    def current(self, key: str, day: str) -> bool:
        return self.key == key and self.day in (None, day)


def folders_of(files: Iterable[str]) -> list[str]:
    """Every folder holding one of ``files`` (paths inside the site), with their parents."""
    return sorted({".", *(parent for name in files for parent in parents(name))})


def site_signature(site: Path, folders: Iterable[str]) -> str:
    """Changes when a file is added to, removed from or renamed in any of the site's folders
    (each of those touches its folder's time). Editing a file in place is not noticed."""
    parts: list[str] = []
    base = os.fspath(site) + os.sep  # strings, not Path objects: a site has a folder per plan
    for folder in folders:
        try:
            stat = os.stat(base + folder)
        except OSError:
            return "missing"
        parts.append(f"{folder}:{stat.st_ino}:{stat.st_mtime_ns}")
    return digest_parts(*parts)


class Manifest:
    """Two files in ``.deload/``: a small one to decide quickly that nothing changed, and the records."""

    def __init__(self, work: Path, output: Path):
        name = digest_parts(str(output.resolve()))[:12]
        self.name = name
        self.head_path = work / f"manifest-{name}.head.json"
        self.body_path = work / f"manifest-{name}.json"
        self.head: dict[str, Any] = _read_head(self.head_path)
        self._body: Body | None = None

    def unchanged(self, inputs: Inputs, output: Path) -> bool:
        head = self.head
        return (head.get("common") == inputs.common and head.get("keys") == inputs.keys
                and head.get("state") == inputs.state and head.get("day") in (None, inputs.day)
                and self.site_intact(output))

    def note_files(self, inputs: Inputs) -> None:
        """After a no-op build: remember the plan files' new times (after a checkout or a touch,
        say), so that the next build does not read them all again."""
        if self.head.get("files") != inputs.files:
            self.head.update(files=inputs.files, taken=inputs.taken)
            _write_head(self.head_path, self.head)

    def site_intact(self, output: Path) -> bool:
        """Whether ``output`` holds the files the last build left (no file added, removed or renamed)."""
        head = self.head
        return head.get("format") == FORMAT and head.get("site") == site_signature(output, head.get("folders", []))

    @property
    def body(self) -> Body:
        """The last build's records; empty unless they were read whole and are the build the head
        describes (a body put back by hand, or left by a build that died, describes nothing)."""
        if self._body is None:
            body = _read_body(self.body_path)
            named = self.head.get("format") == FORMAT and body.build and body.build == self.head.get("build")
            self._body = body if named else Body()
        return self._body

    def made(self) -> list[str]:
        """Every file the last build made."""
        return [*self.body.site_files, *(name for record in self.body.records.values() for name in record.files)]

    def save(self, inputs: Inputs, records: dict[str, PlanRecord], output: Path, state_text: str, summary: dict[str, Any],
             site_files: Iterable[str], site_keys: dict[str, str]) -> None:
        """Record a build."""
        self.head_path.parent.mkdir(parents=True, exist_ok=True)
        site_files = list(site_files)
        build = os.urandom(6).hex()  # named by the head and the body alike: a body put back by hand is not this build's
        lines = [json.dumps({"format": FORMAT, "build": build, "site_files": site_files, "site_keys": site_keys}) + "\n"]
        known = self.body.lines
        for display, record in sorted(records.items()):
            line = known.get(display)
            lines.append(line[1] if line is not None and line[0] is record else _line(display, record))
        write_atomic(self.body_path, "".join(lines).encode("utf-8"))
        _remember(self.body_path, Body(dict(records), {d: (records[d], line) for d, line in
                                                       zip(sorted(records), lines[1:], strict=True)},
                                       site_files, dict(site_keys), build))
        # Plans without dates have feeds counted from the build day: the site is current for that day only.
        day = inputs.day if any(r.day is not None for r in records.values()) else None
        folders = folders_of([*site_files, *(name for r in records.values() for name in r.files)])
        head = {"format": FORMAT, "build": build, "common": inputs.common, "keys": inputs.keys, "state": digest_parts(state_text),
                "files": inputs.files, "taken": inputs.taken,
                "site": site_signature(output, folders), "folders": folders, "day": day, "summary": summary}
        _write_head(self.head_path, head)
        self.head, self._body = head, None


@dataclass
class Body:
    """A manifest body as read: the records, and each record's line as it was (an unchanged
    record is written back as that line instead of being encoded again)."""

    records: dict[str, PlanRecord] = field(default_factory=dict)
    lines: dict[str, tuple[PlanRecord, str]] = field(default_factory=dict)  # display -> (record as loaded, its line)
    site_files: list[str] = field(default_factory=list)
    site_keys: dict[str, str] = field(default_factory=dict)
    build: str = ""  # the build that wrote it ("" if it was not read whole)


# The head and body this process read or wrote last, by path: (the file's identity, what it holds).
# deload serve builds again and again, and reads the records in its request threads while it builds.
_KNOWN: dict[Path, tuple[tuple[int, ...], Any]] = {}


def _identity(path: Path) -> tuple[int, ...] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    # Deload replaces a body or a head, never rewrites one in place.
    return stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns


def _recall(path: Path) -> Any:
    known = _KNOWN.get(path)
    return known[1] if known is not None and known[0] == _identity(path) else None


def _remember(path: Path, content: Any) -> None:
    identity = _identity(path)
    if identity is None:
        _KNOWN.pop(path, None)
    else:
        _KNOWN[path] = (identity, content)


def _read_body(path: Path) -> Body:
    """The body at ``path``: a header line, then one JSON line per plan, ``[display, record]``.
    A damaged body reads as empty."""
    body = _recall(path)
    if body is None:
        body = _parse_body(path)
        if body.build:
            _remember(path, body)
    return body


def _parse_body(path: Path) -> Body:
    body = Body()
    try:
        with open(path, encoding="utf-8") as handle:
            header = json.loads(handle.readline() or "{}")
            if not isinstance(header, dict) or header.get("format") != FORMAT:
                return body
            site_files = [str(f) for f in header.get("site_files", [])]
            site_keys = {str(k): str(v) for k, v in header.get("site_keys", {}).items()}
            for line in handle:
                display, fields = json.loads(line)  # a line cut short does not decode
                record = PlanRecord(**fields)
                body.records[display] = record
                body.lines[display] = (record, line)
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return Body()
    body.site_files, body.site_keys, body.build = site_files, site_keys, str(header.get("build", ""))
    return body


def _line(display: str, record: PlanRecord) -> str:
    return json.dumps([display, vars(record)], separators=(",", ":")) + "\n"


def _read_head(path: Path) -> dict[str, Any]:
    """A head as a dict of its own (its values are shared: a build replaces them, never changes them)."""
    known = _recall(path)
    if known is not None:
        return dict(known)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_head(path: Path, data: dict[str, Any]) -> None:
    write_atomic(path, json.dumps(data, separators=(",", ":")).encode("utf-8"))
    _remember(path, dict(data))
