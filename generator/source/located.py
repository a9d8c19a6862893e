"""Data read from a plan's YAML or from TOML, remembering where every value was written.

Values come back as plain Python data plus a map from key path (a tuple such
as ``("race", "date")``) to ``(line, col)`` in the whole file, so validation
errors can point at the exact spot. YAML is read by :mod:`generator.source.yaml_reader`
(kept apart: settings need only TOML, and a no-op build should not import PyYAML).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import Collector

Path = tuple[str | int, ...]


class _Reported:
    """A value whose problem has already been reported: validators skip it silently."""

    def __repr__(self) -> str:
        return "REPORTED"


REPORTED: Any = _Reported()


@dataclass
class Located:
    """Data read from YAML or TOML, with the position of every key and value."""

    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)  # where each value starts
    origin: tuple[int, int] = (1, 1)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)  # where each key is written

    def where_key(self, path: Path) -> tuple[int, int]:
        return self.keys.get(path) or self.where(path)

    def where(self, path: Path) -> tuple[int, int]:
        """Position of ``path``, else of its nearest written parent."""
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.origin


# --- TOML ------------------------------------------------------------------

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_TOML_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+?)\s*=""")


def _unclosed_quote(text: str, line: int) -> tuple[int, str] | None:
    """The column and mark of a value's quote that line ``line`` never closes (``title = "Plans``)."""
    lines = text.split("\n")
    row = lines[line - 1] if 0 < line <= len(lines) else ""
    value = re.match(r"""^\s*[^=#]+=\s*(["'])""", row)
    if value is None or row.count(value[1], value.end()) > 0:
        return None
    return value.end(), value[1]


def load_toml(text: str, errors: Collector) -> Located | None:
    """Parse TOML; positions of keys are found by scanning, as tomllib keeps none."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_POSITION.search(str(exc))
        line, col = (int(match[1]), int(match[2])) if match else (1, 1)
        message = _TOML_POSITION.sub("", str(exc)).strip()
        if match is None:  # "(at end of document)": a quote left open runs to the end
            line = next((n for n in range(1, text.count("\n") + 2) if _unclosed_quote(text, n)), 1)
        opened = _unclosed_quote(text, line) if "Illegal character" in message or "end of" in message else None
        if opened is not None:
            errors.error(line, opened[0], f"the quote ({opened[1]}) opened here is never closed: add {opened[1]} "
                                          "at the end of the value")
            return None
        errors.error(line, col, f"invalid TOML: {message}")
        return None
    except RecursionError:  # tomllib reads nested arrays and tables by recursion
        errors.error(1, 1, "invalid TOML: arrays or tables are nested too deeply")
        return None
    positions = dict(_toml_positions(text))
    located = Located(data, positions, (1, 1), positions)
    return located if _safe_strings(data, (), located, errors) else None


def _safe_strings(value: Any, path: Path, located: Located, errors: Collector) -> bool:
    """TOML escapes (``"\\u000b"``) can make characters the file itself may not hold."""
    from .textfile import UNSAFE, unsafe_text

    if isinstance(value, dict):
        return all([_safe_strings(v, (*path, k), located, errors) for k, v in value.items()]
                   + [_safe_strings(k, path, located, errors) for k in value])
    if isinstance(value, list):
        return all([_safe_strings(v, (*path, i), located, errors) for i, v in enumerate(value)])
    if isinstance(value, str) and (unsafe := UNSAFE.search(value)) is not None:
        errors.error(*located.where(path), f"this value holds {unsafe_text(unsafe[0])} (written as an escape); remove it")
        return False
    return True


def _toml_positions(text: str) -> Iterator[tuple[Path, tuple[int, int]]]:
    table: Path = ()
    for number, raw in enumerate(text.splitlines(), start=1):
        header = _table_header(raw)
        if header:
            table = tuple(part.strip().strip("\"'") for part in header.split("."))
            yield table, (number, raw.index("[") + 1)
            continue
        key = _TOML_KEY.match(raw)
        if key:
            parts = tuple(part.strip().strip("\"'") for part in key[1].split("."))
            for depth in range(1, len(parts) + 1):
                yield (*table, *parts[:depth]), (number, raw.index(key[1][0]) + 1)


def _table_header(raw: str) -> str | None:
    """``[site]`` or ``[[x]]`` (then a comment at most) -> "site"; found by hand, as a pattern
    for it backtracks cubically over a run of spaces."""
    stripped = raw.strip()
    close = stripped.find("]")
    if not stripped.startswith("[") or close < 0:
        return None
    rest = stripped[close:].lstrip("]").strip()
    name = stripped[:close].lstrip("[").strip()
    return name if name and (not rest or rest.startswith("#")) else None
