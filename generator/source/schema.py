"""A small validator for located YAML/TOML data: types, ranges and unknown keys.

Each field is a converter ``(value, path, checker) -> value`` that reports its
own problems through the :class:`Checker` (at the value's position) and
returns :data:`INVALID` when it cannot use the value. Unknown keys are errors
that suggest the closest known key.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..dates import WEEKDAYS
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
        # Frontmatter only: the whole schema, to find where a key written at the wrong level belongs,
        # and the places such keys were sent to (their block's own complaints would repeat the mistake).
        self.root: Mapping[str, Converter] | None = None
        self.placed: set[Path] = set()

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
        if not path and self.root is None and self.name == "frontmatter":
            self.root = fields
        if not isinstance(value, dict):
            if value is None and path in self.placed:
                return INVALID  # its keys were written below it without their indent: reported there
            word, _, rest = value.partition(" ") if isinstance(value, str) else ("", "", "")
            if word in fields and rest.strip():
                return self.error(path, f"'{value}' needs a colon after the key: write '{word}: {rest.strip()}'")
            label = key_label(path) or self.name
            return self.error(path, f"'{label}' must be a table of keys, not {describe(value)}")
        result: dict[str, Any] = {}
        suggested: set[str] = set()
        moved = self._misplaced([key for key in value if key not in fields], path, value)
        for key, item in value.items():
            if key in moved:
                continue
            if key not in fields:
                where = key_label((*path, key))
                hint = suggest(key, fields)
                suggested.add(hint.split("'")[1] if hint else "")
                self.key_error((*path, key), f"unknown key '{where}'{hint or ' (known keys: ' + ', '.join(sorted(fields)) + ')'}")
                continue
            if item is REPORTED:
                continue
            spec = fields[key]
            if item is None and isinstance(spec, Table) and (*path, key) not in self.placed:
                self.error((*path, key), empty_block((*path, key), spec))
                continue
            converted = fields[key](item, (*path, key), self)
            if converted is not INVALID:
                result[key] = converted
        for key in required:
            if key not in value and key not in suggested and (*path, key) not in self.placed:
                label = key_label((*path, key))
                self.error(path, f"missing required key '{label}'")
        return result

    def _misplaced(self, unknown: list[str], path: Path, value: dict[str, Any]) -> set[str]:
        """Report keys that belong to another block, one error per block; returns the keys reported."""
        if self.root is None or not unknown:
            return set()
        from .placement import misplaced  # only a mistake needs it

        moved: set[str] = set()
        for keys, homes, message in misplaced(unknown, path, value, self.root, self.located):
            self.placed.update(homes)
            self.placed.update(home[:-1] for home in homes)
            self.key_error((*path, keys[0]), message)
            moved.update(keys)
        return moved


def describe(value: Any) -> str:
    """Name the type of a value in a coach's words."""
    if value is None:
        return "empty"
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
    return key_label(path)


def key_label(path: Path | tuple[object, ...]) -> str:
    """A key's path as a coach reads it: ``periodization.vacations[1].style`` (items counted from 1)."""
    label = ""
    for part in path:
        label += f"[{part + 1}]" if isinstance(part, int) else f".{part}" if label else str(part)
    return label


def text(max_length: int = 200, required: bool = False) -> Converter:
    def convert(value: Any, path: Path, check: Checker) -> Any:
        if isinstance(value, dict) and len(value) == 1 and all(isinstance(part, str) for part in next(iter(value.items()))):
            key, item = next(iter(value.items()))
            return check.error(path, f"YAML reads the ': ' in '{key}: {item}' as a key and its value: "
                               f"put the text in quotes, e.g. '{key}: {item}'")
        if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
            return check.error(path, f"'{_label(path)}' must be text, not {describe(value)}")
        result = str(value).strip()
        if required and not result:
            return check.error(path, f"'{_label(path)}' must not be empty")
        if len(result) > max_length:
            return check.error(path, f"'{_label(path)}' is {len(result)} characters long; at most {max_length} are allowed")
        return result
    return convert


def choice(*options: str, aliases: Mapping[str, str] | None = None, shown: Sequence[str] = ()) -> Converter:
    """One of ``options``, or of the ``aliases`` of one; ``shown``: the options as the error lists
    them, quoted (``'Einsteiger' (beginner)``)."""
    table = {o.lower(): o for o in options}
    table.update({k.lower(): v for k, v in (aliases or {}).items()})

    def convert(value: Any, path: Path, check: Checker) -> Any:
        word = str(value).strip().lower() if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None
        if word is None or word not in table:
            hint = suggest(str(value), [*options, *(aliases or {})]) if isinstance(value, str) else ""
            return check.error(path, f"'{_label(path)}' is {describe(value)}{hint}; expected {_listed(shown) if shown else one_of(options)}")
        return table[word]
    return convert


def _listed(items: Sequence[str]) -> str:
    return ", ".join(items[:-1]) + " or " + items[-1] if len(items) > 1 else "".join(items)


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


def _not_a_date(label: str, text: str) -> str:
    """What is wrong with a date: its form (``2027-4-18`` is written ``2027-04-18``), or the day itself."""
    parts = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if parts:
        try:
            written = dt.date(int(parts[1]), int(parts[2]), int(parts[3]))
        except ValueError:
            pass
        else:
            return f"'{label}' is '{text}': write a date with two-digit months and days, '{written.isoformat()}'"
    return f"'{label}' is '{text}', not a real date (expected YYYY-MM-DD)"


def a_date(low: dt.date = dt.date(1990, 1, 1), high: dt.date = dt.date(2200, 12, 31)) -> Converter:
    def convert(value: Any, path: Path, check: Checker) -> Any:
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value.strip())
            except ValueError:
                return check.error(path, _not_a_date(_label(path), value.strip()))
        if not isinstance(value, dt.date):
            return check.error(path, f"'{_label(path)}' must be a date written YYYY-MM-DD, not {describe(value)}")
        if not low <= value <= high:
            return check.error(path, f"'{_label(path)}' is {value.isoformat()}; expected a date from {low.year} to {high.year}")
        return value
    return convert


@dataclass(frozen=True)
class ListOf:
    """A list whose items share one converter (kept, so a misplaced key can be found a home in it)."""

    item: Converter
    max_items: int = 100
    allow_single: bool = False

    def __call__(self, value: Any, path: Path, check: Checker) -> Any:
        if self.allow_single and isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if not isinstance(value, list):
            return check.error(path, f"'{_label(path)}' must be a list, not {describe(value)}")
        if len(value) > self.max_items:
            return check.error(path, f"'{_label(path)}' has {len(value)} items; at most {self.max_items} are allowed")
        results = [self.item(v, (*path, i), check) for i, v in enumerate(value) if v is not REPORTED]
        return [r for r in results if r is not INVALID]


@dataclass(frozen=True)
class Table:
    """A table of keys. Its ``fields`` are kept so that a key written at the wrong level can be told
    where it belongs; ``convert`` reads a shorthand first (``taper: false``) and calls ``check.table``."""

    fields: Mapping[str, Converter]
    required: tuple[str, ...] = ()
    convert: Converter | None = None

    def __call__(self, value: Any, path: Path, check: Checker) -> Any:
        if self.convert is not None:
            return self.convert(value, path, check)
        return check.table(value, path, self.fields, self.required)


def list_of(item: Converter, max_items: int = 100, allow_single: bool = False) -> Converter:
    return ListOf(item, max_items, allow_single)


def table(fields: Mapping[str, Converter], required: tuple[str, ...] = ()) -> Converter:
    return Table(fields, required)


def empty_block(path: Path, spec: Table) -> str:
    """``race:`` with nothing under it: say how its keys are written."""
    name = str(path[-1])
    keys = ", ".join(sorted(spec.fields))
    return f"'{name}:' has nothing under it: indent its keys ({keys}) below it by two spaces, or remove it"


WEEKDAY_ALIASES = {d[:3]: d for d in WEEKDAYS} | {"tues": "tuesday", "thur": "thursday", "thurs": "thursday"}


def weekday(aliases: Mapping[str, str] | None = None) -> Converter:
    """A weekday by name; ``aliases``: the plan language's names too ('sonntag', 'dim.')."""
    pick = choice(*WEEKDAYS, aliases={**WEEKDAY_ALIASES, **(aliases or {})})

    def convert(value: Any, path: Path, check: Checker) -> Any:
        name = pick(value.rstrip(".") if isinstance(value, str) else value, path, check)
        return name if name is INVALID else WEEKDAYS.index(name)
    return convert
