"""A small validator for located YAML/TOML data: types, ranges and unknown keys.

Each field is a converter ``(value, path, checker) -> value`` that reports its
own problems through the :class:`Checker` (at the value's position) and
returns :data:`INVALID` when it cannot use the value. Unknown keys are errors
that suggest the closest known key.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from ..errors import Collector, one_of, suggest
from .located import REPORTED, Located, Path


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()

Converter = Callable[[Any, Path, "Checker"], Any]


class Checker:
    def __init__(self, located: Located, errors: Collector, name: str = "frontmatter"):
        self.located = located
        self.errors = errors
        self.name = name

    def error(self, path: Path, message: str) -> Any:
        line, col = self.located.where(path)
        self.errors.error(line, col, message)
        return INVALID

    def key_error(self, path: Path, message: str) -> Any:
        line, col = self.located.where_key(path)
        self.errors.error(line, col, message)
        return INVALID

    def table(self, value: Any, path: Path, fields: Mapping[str, Converter],
              required: tuple[str, ...] = ()) -> dict[str, Any] | Any:
        """Validate a mapping; returns only the valid, known keys."""
        if not isinstance(value, dict):
            label = ".".join(map(str, path)) or self.name
            return self.error(path, f"'{label}' must be a table of keys, not {describe(value)}")
        result: dict[str, Any] = {}
        suggested: set[str] = set()
        for key, item in value.items():
            if key not in fields:
                where = ".".join(map(str, (*path, key)))
                hint = suggest(key, fields)
                suggested.add(hint.split("'")[1] if hint else "")
                self.key_error((*path, key), f"unknown key '{where}'{hint or ' (known keys: ' + ', '.join(sorted(fields)) + ')'}")
                continue
            if item is REPORTED:
                continue
            converted = fields[key](item, (*path, key), self)
            if converted is not INVALID:
                result[key] = converted
        for key in required:
            if key not in value and key not in suggested:
                label = ".".join(map(str, (*path, key)))
                self.error(path, f"missing required key '{label}'")
        return result


def describe(value: Any) -> str:
    """Name the type of a value in a coach's words."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (yes/no)"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    return f"'{value}'"


def _label(path: Path) -> str:
    return ".".join(map(str, path))


def text(max_length: int = 200, required: bool = False) -> Converter:
    def convert(value: Any, path: Path, check: Checker) -> Any:
        if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
            return check.error(path, f"'{_label(path)}' must be text, not {describe(value)}")
        result = str(value).strip()
        if required and not result:
            return check.error(path, f"'{_label(path)}' must not be empty")
        if len(result) > max_length:
            return check.error(path, f"'{_label(path)}' is {len(result)} characters long; at most {max_length} are allowed")
        return result
    return convert


def choice(*options: str, aliases: Mapping[str, str] | None = None) -> Converter:
    table = {o.lower(): o for o in options}
    table.update({k.lower(): v for k, v in (aliases or {}).items()})

    def convert(value: Any, path: Path, check: Checker) -> Any:
        word = str(value).strip().lower() if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None
        if word is None or word not in table:
            shown = describe(value)
            hint = suggest(str(value), options) if isinstance(value, str) else ""
            return check.error(path, f"'{_label(path)}' is {shown}{hint}; expected {one_of(options)}")
        return table[word]
    return convert


def integer(low: int, high: int) -> Converter:
    def convert(value: Any, path: Path, check: Checker) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                return check.error(path, f"'{_label(path)}' must be a whole number from {low} to {high}, not {describe(value)}")
        if not low <= value <= high:
            return check.error(path, f"'{_label(path)}' is {value}; expected a whole number from {low} to {high}")
        return value
    return convert


def number(low: float, high: float) -> Converter:
    def convert(value: Any, path: Path, check: Checker) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return check.error(path, f"'{_label(path)}' must be a number from {low:g} to {high:g}, not {describe(value)}")
        if not low <= value <= high:
            return check.error(path, f"'{_label(path)}' is {value:g}; expected a number from {low:g} to {high:g}")
        return float(value)
    return convert


_PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")


def fraction(low: float, high: float) -> Converter:
    """A share written ``25%`` or ``0.25``; stored as 0.25."""

    def convert(value: Any, path: Path, check: Checker) -> Any:
        result: float | None = None
        if isinstance(value, str) and (match := _PERCENT.match(value)):
            result = float(match[1]) / 100
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1:
            result = float(value)
        if result is None:
            return check.error(path, f"'{_label(path)}' is {describe(value)}; expected a percentage such as '25%' (or 0.25)")
        if not low - 1e-9 <= result <= high + 1e-9:
            return check.error(path, f"'{_label(path)}' is {result:.0%}; expected {low:.0%} to {high:.0%}")
        return result
    return convert


def boolean() -> Converter:
    def convert(value: Any, path: Path, check: Checker) -> Any:
        if not isinstance(value, bool):
            return check.error(path, f"'{_label(path)}' must be true or false, not {describe(value)}")
        return value
    return convert


def a_date(low: dt.date = dt.date(1990, 1, 1), high: dt.date = dt.date(2200, 12, 31)) -> Converter:
    def convert(value: Any, path: Path, check: Checker) -> Any:
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value.strip())
            except ValueError:
                return check.error(path, f"'{_label(path)}' is '{value}', not a real date (expected YYYY-MM-DD)")
        if not isinstance(value, dt.date):
            return check.error(path, f"'{_label(path)}' must be a date written YYYY-MM-DD, not {describe(value)}")
        if not low <= value <= high:
            return check.error(path, f"'{_label(path)}' is {value.isoformat()}; expected a date from {low.year} to {high.year}")
        return value
    return convert


def list_of(item: Converter, max_items: int = 100, allow_single: bool = False) -> Converter:
    def convert(value: Any, path: Path, check: Checker) -> Any:
        if allow_single and isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if not isinstance(value, list):
            return check.error(path, f"'{_label(path)}' must be a list, not {describe(value)}")
        if len(value) > max_items:
            return check.error(path, f"'{_label(path)}' has {len(value)} items; at most {max_items} are allowed")
        results = [item(v, (*path, i), check) for i, v in enumerate(value) if v is not REPORTED]
        return [r for r in results if r is not INVALID]
    return convert


def table(fields: Mapping[str, Converter], required: tuple[str, ...] = ()) -> Converter:
    def convert(value: Any, path: Path, check: Checker) -> Any:
        return check.table(value, path, fields, required)
    return convert


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ALIASES = {d[:3]: d for d in WEEKDAYS} | {"tues": "tuesday", "thur": "thursday", "thurs": "thursday"}


def weekday() -> Converter:
    pick = choice(*WEEKDAYS, aliases=WEEKDAY_ALIASES)

    def convert(value: Any, path: Path, check: Checker) -> Any:
        name = pick(value, path, check)
        return name if name is INVALID else WEEKDAYS.index(name)
    return convert
