"""Canonical text for anything persisted or compared between builds (the state file, the
build's caches and page keys): JSON with sorted keys, never ``repr()``, whose text may change
with a Python version."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date, datetime, time, timedelta
from enum import Enum
from pathlib import PurePath
from typing import Any


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    raise TypeError(f"no canonical form for {type(value).__name__}")


def canonical(value: Any) -> str:
    """``value`` as canonical JSON: sorted keys, no spaces, tuples as lists, dataclasses as objects."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain)


def digest(value: Any) -> str:
    """A hash of :func:`canonical` ``value``."""
    return hashlib.sha256(canonical(value).encode("utf-8")).hexdigest()[:32]


def digest_parts(*parts: str | bytes) -> str:
    """A hash of ``parts``, each ended by a NUL (so that no two lists of parts share a text)."""
    texts = [part for part in parts if isinstance(part, str)]
    if len(texts) == len(parts):  # one encode for all (a list page has a part a plan)
        data = ("\0".join(texts) + "\0").encode("utf-8") if texts else b""
    else:
        data = b"".join((part.encode("utf-8") if isinstance(part, str) else part) + b"\0" for part in parts)
    return hashlib.sha256(data).hexdigest()[:32]


def event_hash(text: str) -> str:
    """A short hash for telling whether one calendar event changed (48 bits is plenty)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
