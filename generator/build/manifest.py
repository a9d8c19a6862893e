"""What the last build made, so that the next one redoes only what changed.

Two files in ``.deload/``: a small head to decide quickly that nothing changed (every
input's key, and a signature of ``site/``'s folders), and a body with one line per
plan: its key, its files, its listing card, its warnings, its PDFs.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..digest import digest_parts
from ..fsutil import write_atomic
from .inputs import FORMAT, Inputs


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
    folders = {"."}
    for parent in {name.rpartition("/")[0] for name in files}:  # site paths: "/" always; faster than dirname
        while parent and parent not in folders:
            folders.add(parent)
            parent = os.path.dirname(parent)
    return sorted(folders)


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
        self.head: dict[str, Any] = _read(self.head_path)
        self._body: Body | None = None
        self._intact: bool | None = None

    def unchanged(self, inputs: Inputs, output: Path) -> bool:
        head = self.head
        return (head.get("format") == FORMAT and head.get("common") == inputs.common and head.get("keys") == inputs.keys
                and head.get("state") == inputs.state and head.get("day") in (None, inputs.day)
                and self.site_intact(output))

    def note_files(self, inputs: Inputs) -> None:
        """After a no-op build: remember the plan files' new times (after a checkout or a touch,
        say), so that the next build does not read them all again."""
        if self.head.get("files") != inputs.files:
            self.head.update(files=inputs.files, taken=inputs.taken)
            _write(self.head_path, self.head)

    def site_intact(self, output: Path, fresh: bool = False) -> bool:
        """Whether ``output`` holds the files the last build left (no file added, removed or renamed);
        ``fresh``: looked at again, not as the no-op check saw it."""
        if self._intact is None or fresh:
            head = self.head
            self._intact = head.get("format") == FORMAT and head.get("site") == site_signature(output, head.get("folders", []))
        return self._intact

    def body_ok(self) -> bool:
        """Whether the last build's records were read whole (a damaged body describes nothing)."""
        return self._read().ok

    def records(self) -> dict[str, PlanRecord]:
        """The last build's plans."""
        return self._read().records

    def site_keys(self) -> dict[str, str]:
        """The last build's listing pages, each with the key of what it showed."""
        return self._read().site_keys

    def site_files(self) -> list[str]:
        """The last build's files that are not any one plan's: listing pages, assets."""
        return self._read().site_files

    def made(self) -> list[str]:
        """Every file the last build made ([] if its record is not whole)."""
        if not self.build_id():
            return []
        return [*self.site_files(), *(name for record in self.records().values() for name in record.files)]

    def build_id(self) -> str:
        """Which build made the site the head and body describe ("" if they are not whole)."""
        build = str(self.head.get("build", "")) if self.head.get("format") == FORMAT and self.body_ok() else ""
        return build if build and build == self._read().build else ""

    def _read(self) -> Body:
        if self._body is None:
            self._body = _read_body(self.body_path)
        return self._body

    def save(self, inputs: Inputs, records: dict[str, PlanRecord], output: Path, state_text: str, summary: dict[str, Any],
             site_files: Iterable[str], site_keys: dict[str, str] | None = None) -> None:
        """Record a build."""
        self.head_path.parent.mkdir(parents=True, exist_ok=True)
        site_files = list(site_files)
        build = os.urandom(6).hex()  # named by the head and the body alike: a body put back by hand is not this build's
        lines = [json.dumps({"format": FORMAT, "build": build, "site_files": site_files, "site_keys": site_keys or {}}) + "\n"]
        for display, record in sorted(records.items()):
            known = self._read().lines.get(display)
            lines.append(known[1] if known is not None and known[0] is record else _line(display, record))
        write_atomic(self.body_path, "".join(lines).encode("utf-8"))
        _remember(_identity(self.body_path), Body(dict(records), {d: (records[d], line) for d, line in
                                                                 zip(sorted(records), lines[1:], strict=True)},
                                                  site_files, dict(site_keys or {}), True, build))
        # Plans without dates have feeds counted from the build day: the site is current for that day only.
        day = inputs.day if any(r.day is not None for r in records.values()) else None
        folders = folders_of([*site_files, *(name for r in records.values() for name in r.files)])
        head = {"format": FORMAT, "build": build, "common": inputs.common, "keys": inputs.keys, "state": digest_parts(state_text),
                "files": inputs.files, "taken": inputs.taken,
                "site": site_signature(output, folders), "folders": folders, "day": day, "summary": summary}
        _write(self.head_path, head)
        self.head, self._intact = head, None


@dataclass
class Body:
    """A manifest body as read: the records, and each record's line as it was (an unchanged
    record is written back as that line instead of being encoded again)."""

    records: dict[str, PlanRecord] = field(default_factory=dict)
    lines: dict[str, tuple[PlanRecord, str]] = field(default_factory=dict)  # display -> (record as loaded, its line)
    site_files: list[str] = field(default_factory=list)
    site_keys: dict[str, str] = field(default_factory=dict)
    ok: bool = False
    build: str = ""  # the build that wrote it


_BODIES: dict[tuple[int, ...], Body] = {}  # a body file this process read or wrote, by its identity
_MEMO_LOCK = threading.Lock()


def _identity(path: Path) -> tuple[int, ...] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    # Deload replaces a body or a head, never rewrites one in place.
    return stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns


def _remember(identity: tuple[int, ...] | None, body: Body) -> Body:
    if identity is not None and body.ok:
        with _MEMO_LOCK:  # deload serve reads records in its request threads while it builds
            if len(_BODIES) >= 2:  # the site's and the preview's
                _BODIES.pop(next(iter(_BODIES)), None)
            _BODIES[identity] = body
    return body


def _read_body(path: Path) -> Body:
    """The body at ``path``: a header line, then one JSON line per plan, ``[display, record]``.
    A body this process read or wrote before (``deload serve`` builds again and again) is not
    read again. A damaged body reads as empty."""
    identity = _identity(path)
    known = _BODIES.get(identity) if identity is not None else None
    return known if known is not None else _remember(identity, _parse_body(path))


def _parse_body(path: Path) -> Body:
    body = Body()
    try:
        with open(path, encoding="utf-8") as handle:
            header = json.loads(handle.readline() or "{}")
            if not isinstance(header, dict) or header.get("format") != FORMAT:
                return body
            body.build = str(header.get("build", ""))
            body.site_files = [str(f) for f in header.get("site_files", [])]
            body.site_keys = {str(k): str(v) for k, v in header.get("site_keys", {}).items()}
            for line in handle:
                display, fields = json.loads(line)  # a line cut short does not decode
                record = PlanRecord(**fields)
                body.records[display] = record
                body.lines[display] = (record, line)
            body.ok = True
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return Body()
    return body


def _line(display: str, record: PlanRecord) -> str:
    return json.dumps([display, vars(record)], separators=(",", ":")) + "\n"


_HEADS: dict[Path, tuple[tuple[int, ...], dict[str, Any]]] = {}  # a head this process wrote, by path: (identity, head)


def _read(path: Path) -> dict[str, Any]:
    """A head as a dict of its own (its values are shared: a build replaces them, never changes
    them); the one this process wrote last is not read again (``deload serve`` builds again and again)."""
    known = _HEADS.get(path)
    if known is not None and known[0] == _identity(path):
        return dict(known[1])
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(path: Path, data: dict[str, Any]) -> None:
    write_atomic(path, json.dumps(data, separators=(",", ":")).encode("utf-8"))
    identity = _identity(path)
    with _MEMO_LOCK:
        if identity is not None:
            _HEADS[path] = (identity, dict(data))
        else:
            _HEADS.pop(path, None)
