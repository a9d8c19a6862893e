"""Reading ``plans/deload-state.json``, whatever a merge, an editor or a full disk left in it.

The state file is committed with the plans, so it gets merged, hand-edited and copied
around. A damaged state read as empty would restart every calendar event's revision
(subscribers miss updates) and mark every plan as new, so damage stops the build with
an error at its line, never a silent reset. The one kind of damage that can be repaired
without losing a revision is repaired, and said: two lines for one plan, as a merge
that kept both sides leaves them (the newer of each event's revisions is kept; two
different revisions of one number make the next build announce a new one).

Events lines are decoded only when their plan is rendered (see :class:`generator.state.State`),
and checked then; plan lines are small and checked here.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .digest import digest_parts
from .errors import DeloadError, Diagnostic, Severity
from .source.textfile import TooLarge, read_capped, too_large

FORMAT = 4  # 4: a removed plan's entry kept, marked "removed"; 3: event hashes from canonical JSON
LEGACY_FORMAT = 2  # event hashes made from repr(): read, and migrated by the first build (render/ical.py)
READABLE = (FORMAT, 3, LEGACY_FORMAT)  # 3 is 4 without removed plans
MAX_STATE_BYTES = 256_000_000  # about 100,000 plans' revisions
CONFLICT = "a plan whose revisions conflict: the next build announces a new one"  # the hash of a merged event
_LINE = re.compile(r'^  ("(?:[^"\\]|\\.)*"): (\{.*\}),?$')
_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
_HASH = re.compile(r"[0-9a-f]{8,64}")
_MARKERS = ("<<<<<<<", "|||||||", "=======", ">>>>>>>")
RESTORE = "restore it from version control (git checkout -- plans/deload-state.json)"


@dataclass
class StateText:
    """What the file holds, checked: plan entries, and each plan's events line undecoded."""

    plans: dict[str, dict[str, str]] = field(default_factory=dict)
    plan_lines: dict[str, tuple[dict[str, str], str]] = field(default_factory=dict)  # slug -> (entry, its text as read)
    packed: dict[str, str] = field(default_factory=dict)  # slug -> its events line, not decoded yet
    where: dict[str, int] = field(default_factory=dict)  # slug -> the line of its events
    notes: list[Diagnostic] = field(default_factory=list)  # repairs, said by the build
    legacy: bool = False  # written in format 2: event hashes to migrate


# The state file this process read last: (its path and stat, when it was read, its text, the text's digest).
_LAST_READ: tuple[tuple[str, int, int, int, int, int], int, str, str] | None = None


def read_known(path: Path) -> tuple[str | None, str]:
    """The state file's text (None: there is none) and its digest. A file this process read
    before, unchanged since (same inode, size and times, and not written in the two seconds
    before that read, in which a second write could keep its times), is not read again: deload
    serve builds again and again, and the file holds every plan's events."""
    global _LAST_READ
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None, digest_parts("")
    except OSError:
        info = None
    identity = (os.fspath(path), info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns) if info else None
    last = _LAST_READ
    if last is not None and identity is not None and last[0] == identity and identity[5] < last[1] - 2_000_000_000:
        return last[2], last[3]
    taken = time.time_ns()
    text = read_text(path)
    if text is None:
        return None, digest_parts("")
    known = digest_parts(text)
    if identity is not None:
        _LAST_READ = (identity, taken, text, known)
    return text, known


def read_text(path: Path) -> str | None:
    """The state file's text; None when there is none (a new project)."""
    try:
        data = read_capped(path, MAX_STATE_BYTES)
    except FileNotFoundError:
        return None
    except TooLarge as exc:
        raise DeloadError([Diagnostic(str(path), 1, 1, too_large(exc.size, MAX_STATE_BYTES, "the state file"))]) from None
    except OSError as exc:
        raise DeloadError([Diagnostic(str(path), 1, 1, f"cannot read the state file: {exc.strerror}")]) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise DeloadError([_error(path, line, f"the state file is not UTF-8 text; {RESTORE}")]) from None


def parse(path: Path, text: str) -> StateText:
    if not text.strip():
        raise DeloadError([_error(path, 1, f"the state file is empty; {RESTORE}, or delete it to start afresh "
                                  "(every calendar event's revision then restarts, and subscribers may miss an update)")])
    _refuse_conflict_markers(path, text)
    entries = _fast_entries(text)
    if entries is None:  # not the layout Deload writes (edited by hand?): plain JSON
        entries = _json_entries(path, text)
    plans, events = entries
    result = StateText(legacy=format_of(text) == LEGACY_FORMAT)
    for slug, (_, raw, entry) in _merged_plans(path, plans, result.notes).items():
        result.plans[slug] = entry
        if raw is not None:
            result.plan_lines[slug] = (entry, raw)  # written back as it was while unchanged
    for slug, rows in _grouped(events).items():
        line, packed = rows[0]
        if len(rows) > 1:
            groups = [unpack(path, slug, text, at) for at, text in rows]
            packed = json.dumps(_merge_groups(groups), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
            result.notes.append(_repaired(path, rows[1][0], slug, "calendar events"))
        result.packed[slug] = packed
        result.where[slug] = line
    return result


def format_of(text: str) -> int | None:
    match = re.search(r'"format"\s*:\s*(\d+)', text[:200])
    return int(match[1]) if match else None


def unpack(path: Path, slug: str, packed: str, line: int) -> dict[str, dict[str, Any]]:
    """One plan's events line, checked: ``{"t": stamp, "e": {key: hash | [hash, sequence, stamp]}}``
    -> ``{"key": {"hash", "sequence", "modified"}}`` (keys without the slug)."""
    try:
        group = json.loads(packed)
    except ValueError:
        raise DeloadError([_error(path, line, f"the calendar events of '{slug}' are damaged on this line; {RESTORE}")]) from None
    if not isinstance(group, dict) or not isinstance(group.get("e"), dict) or set(group) - {"t", "e"}:
        raise DeloadError([_error(path, line, f"the calendar events of '{slug}' are not as Deload writes them "
                                  '({"t": …, "e": {…}}); ' + RESTORE)])
    default = group.get("t")
    events: dict[str, dict[str, Any]] = {}
    for key, entry in group["e"].items():
        if isinstance(entry, str) and _is_hash(entry) and _is_stamp(default):
            events[key] = {"hash": entry, "sequence": 0, "modified": default}
        elif (isinstance(entry, list) and len(entry) == 3 and _is_hash(entry[0]) and type(entry[1]) is int
              and 0 <= entry[1] < 1_000_000 and _is_stamp(entry[2])):
            events[key] = {"hash": entry[0], "sequence": entry[1], "modified": entry[2]}
        else:
            shown = json.dumps(entry, ensure_ascii=True)[:60]
            raise DeloadError([_error(path, line, f"the calendar event '{key}' of '{slug}' has a damaged revision ({shown}); "
                                      f"expected a hash, or [hash, sequence, \"YYYY-MM-DDTHH:MM:SSZ\"]; {RESTORE}")])
    return events


# -- the two layouts --------------------------------------------------------------

Entries = tuple[list[tuple[str, int, str | None, Any]], list[tuple[str, int, str]]]


def _fast_entries(text: str) -> Entries | None:
    """The one-line-per-plan layout Deload writes, read line by line; None if it is not that."""
    lines = text.split("\n")
    if (len(lines) < 8 or lines[0] != "{" or lines[1] not in [f' "format": {n},' for n in READABLE]
            or lines[3] != ' "plans": {'):
        return None
    plans: list[tuple[str, int, str | None, Any]] = []
    events: list[tuple[str, int, str]] = []
    in_events = False
    for number, line in enumerate(lines[4:], start=5):
        if line in (" },", " }", "}", ""):
            continue
        if line == ' "events": {':
            in_events = True
            continue
        match = _LINE.match(line)
        if match is None:
            return None
        try:
            quoted = match[1]
            slug = quoted[1:-1] if "\\" not in quoted and quoted.isprintable() else json.loads(quoted)
            if in_events:
                events.append((slug, number, match[2]))
            else:
                plans.append((slug, number, match[2], json.loads(match[2])))
        except ValueError:
            return None
    return plans, events


class _Pairs(list[Any]):
    """A JSON object as its (key, value) pairs: a key given twice is seen, not overwritten."""


def _json_entries(path: Path, text: str) -> Entries:
    try:
        data = json.loads(text, object_pairs_hook=_Pairs)
    except ValueError as exc:
        line, col = getattr(exc, "lineno", 1), getattr(exc, "colno", 1)
        raise DeloadError([Diagnostic(str(path), line, col, f"the state file is damaged ({getattr(exc, 'msg', exc)}); "
                                      f"{RESTORE}")]) from None
    top = _strict(path, text, data, "the state file")
    if top.get("format") not in READABLE:
        raise DeloadError([_error(path, _line_of(text, '"format"'), f"the state file is not in Deload's format {FORMAT}; {RESTORE}")])
    sections: dict[str, list[tuple[str, Any]]] = {}
    for name in ("plans", "events"):
        value = top.get(name, _Pairs())
        if not isinstance(value, _Pairs):
            raise DeloadError([_error(path, _line_of(text, f'"{name}"'), f"'{name}' in the state file must be an object "
                                      f"with a line per plan, not {_kind(value)}; {RESTORE}")])
        sections[name] = value
    plans: list[tuple[str, int, str | None, Any]] = [(slug, _line_of(text, json.dumps(slug)), None, _plain(entry))
                                                     for slug, entry in sections["plans"]]
    events = [(slug, _line_of(text, json.dumps(slug), after='"events"'),
               json.dumps(_plain(group), ensure_ascii=False, separators=(",", ":"), sort_keys=True))
              for slug, group in sections["events"]]
    return plans, events


def _strict(path: Path, text: str, pairs: Any, what: str) -> dict[str, Any]:
    if not isinstance(pairs, _Pairs):
        raise DeloadError([_error(path, 1, f"{what} must be a JSON object; {RESTORE}")])
    keys = [key for key, _ in pairs]
    for key in keys:
        if keys.count(key) > 1:
            raise DeloadError([_error(path, _line_of(text, json.dumps(key), after=json.dumps(key)),
                                      f"'{key}' is given twice in {what}; {RESTORE}")])
    return dict(pairs)


def _plain(value: Any) -> Any:
    """Pairs back into dicts (below the plan level a key given twice keeps its last value, as JSON does)."""
    if isinstance(value, _Pairs):
        return {k: _plain(v) for k, v in value}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


# -- checking and merging ------------------------------------------------------------

def _merged_plans(path: Path, rows: Iterable[tuple[str, int, str | None, Any]],
                  notes: list[Diagnostic]) -> dict[str, tuple[int, str | None, dict[str, str]]]:
    result: dict[str, tuple[int, str | None, dict[str, str]]] = {}
    for slug, line, raw, entry in rows:
        _check_plan(path, slug, line, entry)
        if slug in result:
            first = result[slug][2]
            newer = max(first, entry, key=lambda e: e["updated"])
            merged = {"hash": newer["hash"], "published": min(first["published"], entry["published"]),
                      "updated": newer["updated"]}
            if "removed" in first and "removed" in entry:  # a plan kept by either side is kept
                merged["removed"] = max(first["removed"], entry["removed"])
            result[slug] = (result[slug][0], None, merged)
            notes.append(_repaired(path, line, slug, "publication dates"))
        else:
            result[slug] = (line, raw, entry)
    return result


def _check_plan(path: Path, slug: str, line: int, entry: Any) -> None:
    if (not isinstance(entry, dict) or set(entry) - {"removed"} != {"hash", "published", "updated"}
            or not _is_hash(entry["hash"]) or not all(_is_stamp(v) for k, v in entry.items() if k != "hash")):
        shown = json.dumps(entry, ensure_ascii=True)[:80]
        raise DeloadError([_error(path, line, f"the entry of '{slug}' is damaged ({shown}); expected "
                                  '{"hash": …, "published": "YYYY-MM-DDTHH:MM:SSZ", "updated": …} and, for a removed plan, '
                                  '"removed": …; ' + RESTORE)])


def _grouped(rows: Iterable[tuple[str, int, str]]) -> dict[str, list[tuple[int, str]]]:
    groups: dict[str, list[tuple[int, str]]] = {}
    for slug, line, packed in rows:
        groups.setdefault(slug, []).append((line, packed))
    return groups


def _merge_groups(groups: list[dict[str, dict[str, Any]]]) -> dict[str, Any]:
    """Each event's newest revision; two different revisions of one number become a conflict,
    which the next build replaces with a higher number (never a lower or an equal one)."""
    merged: dict[str, dict[str, Any]] = {}
    for group in groups:
        for key, entry in group.items():
            known = merged.get(key)
            if known is None or entry["sequence"] > known["sequence"]:
                merged[key] = entry
            elif entry["sequence"] == known["sequence"] and entry["hash"] != known["hash"]:
                merged[key] = {"hash": CONFLICT, "sequence": entry["sequence"],
                               "modified": max(entry["modified"], known["modified"])}
    return {"e": {key: [e["hash"], e["sequence"], e["modified"]] for key, e in sorted(merged.items())}}


def _repaired(path: Path, line: int, slug: str, what: str) -> Diagnostic:
    return Diagnostic(str(path), line, 1, f"the state file had two lines for '{slug}' (a merge that kept both sides?); "
                      f"their {what} were merged without losing a revision", Severity.WARNING, "state-merged")


def _refuse_conflict_markers(path: Path, text: str) -> None:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith(_MARKERS):
            raise DeloadError([_error(path, number, f"the state file has a merge conflict ('{line[:40]}'): delete the lines "
                                      "'<<<<<<<', '=======' and '>>>>>>>' and keep the lines of both sides; deload build "
                                      "then merges each plan's two lines without losing a revision")])


def _is_stamp(value: Any) -> bool:
    if not isinstance(value, str) or not _STAMP.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value[:-1])  # a real day and time (the pattern checked the layout); strptime costs 30x
    except ValueError:
        return False
    return True


def _is_hash(value: Any) -> bool:
    return isinstance(value, str) and (value == CONFLICT or _HASH.fullmatch(value) is not None)


def _line_of(text: str, needle: str, after: str = "") -> int:
    """The line of ``needle``, the first after ``after`` when given."""
    start = text.find(after) + len(after) if after and after in text else 0
    index = text.find(needle, start)
    return text.count("\n", 0, index) + 1 if index >= 0 else 1


def _kind(value: Any) -> str:
    return "a list" if isinstance(value, list) else type(value).__name__


def _error(path: Path, line: int, message: str) -> Diagnostic:
    return Diagnostic(str(path), line, 1, message)
