"""Where a frontmatter key belongs when it is written at the wrong level, and how to move it there.

A coach writes ``vacations:`` at the top level, or ``title:`` indented under ``race:``, or
loses the indent of a whole block. Every key name is looked up in the schema's tree of
:class:`~.schema.Table` and :class:`~.schema.ListOf` converters, so a key added to the
schema later is found here without a change.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from ..errors import suggest
from .located import REPORTED, Located, Path
from .schema import Converter, ListOf, Table

Misplaced = tuple[list[str], list[Path], str]  # the keys as written, where they belong, the message
_PLAIN = re.compile(r"^[\w%./+-][\w%./+ -]*$")
_MAX_EXAMPLE = 70


def key_homes(fields: Mapping[str, Converter], path: Path = ()) -> dict[str, list[Path]]:
    """Every key name of the schema, with the paths where it may be written (a list item is index 0)."""
    homes: dict[str, list[Path]] = {}
    for key, converter in fields.items():
        homes.setdefault(key, []).append((*path, key))
        inner: Path = (*path, key)
        while isinstance(converter, ListOf):
            converter, inner = converter.item, (*inner, 0)
        if isinstance(converter, Table):
            for name, found in key_homes(converter.fields, inner).items():
                homes.setdefault(name, []).extend(found)
    return homes


def misplaced(unknown: list[str], path: Path, value: dict[str, Any], root: Mapping[str, Converter],
              located: Located) -> list[Misplaced]:
    """The unknown keys of the table at ``path`` that belong elsewhere, grouped by the block they belong in."""
    homes = key_homes(root)
    here = _fields_at(root, path)
    groups: dict[Path, list[tuple[str, str, Path]]] = {}
    found: list[Misplaced] = []
    for key in unknown:
        if path and key == _block_name(path) and isinstance(value[key], dict):
            found.append(([key], [(*path, k) for k in here], f"'{key}:' is written twice, one inside the other: "
                          f"remove this line and keep the keys below it under the first '{key}:'"))
            continue
        word, _, rest = str(key).partition(" ")
        if value[key] is None and rest and (word in here or word in homes):
            found.append(([key], [(*path, word)], f"'{key}' needs a colon after the key: write '{word}: {rest.strip()}'"))
            continue
        compound = _compound(key, here)
        if compound is not None:
            groups.setdefault((*path, compound[0]), []).append((key, compound[1], (*path, *compound)))
            continue
        name = key if key in homes else _near(key, homes, here)
        if name is None:
            continue
        home = max(homes[name], key=lambda h: (_shared(h, path), -len(h)))
        if path and home[:len(path)] != path and any(isinstance(p, int) for p in home) and not any(isinstance(p, int) for p in path):
            continue  # 'style:' in 'taper:' is an option it lacks, not a vacation's key astray: unknown, with its keys
        groups.setdefault(home[:-1], []).append((key, name, home))
    return found + [([k for k, _, _ in group], [h for _, _, h in group], _message(group, path, value, located))
                    for group in groups.values()]


_COMPOUND = re.compile(r"^([a-z]+)(?:[_ -]|(?=[A-Z]))(\w+)$")


def _compound(key: Any, here: Mapping[str, Converter]) -> tuple[str, str] | None:
    """A key of a block written with the block's name in front, as other tools and Deload's own
    options spell it (``race_date``, ``race-date``, ``raceDate``): the block and the key."""
    found = _COMPOUND.match(key) if isinstance(key, str) else None
    if found is None or found.group(1) not in here:
        return None
    block, name = found.group(1), found.group(2).lower().replace("-", "_")
    return (block, name) if name in _fields_at(here, (block,)) else None


def _near(key: str, homes: Mapping[str, list[Path]], here: Mapping[str, Converter]) -> str | None:
    """A close spelling of a key of another block, when the key is no misspelling of one of this block."""
    if not isinstance(key, str) or suggest(key, here):
        return None
    hint = suggest(key, homes)
    return hint.split("'")[1] if hint else None


def _fields_at(root: Mapping[str, Converter], path: Path) -> Mapping[str, Converter]:
    """The keys the schema allows in the block at ``path``."""
    fields = root
    for part in path:
        if isinstance(part, int):
            continue
        converter = fields.get(part)
        while isinstance(converter, ListOf):
            converter = converter.item
        if not isinstance(converter, Table):
            return {}
        fields = converter.fields
    return fields


def _shared(home: Path, path: Path) -> int:
    """How many leading steps ``home`` shares with ``path`` (list indexes all count as one)."""
    count = 0
    for a, b in zip(home, path, strict=False):
        if a != b and not (isinstance(a, int) and isinstance(b, int)):
            break
        count += 1
    return count


def _names(keys: list[str]) -> str:
    """``'every', 'mode' and 'strategy'``."""
    quoted = [f"'{k}'" for k in keys]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _message(group: list[tuple[str, str, Path]], path: Path, value: dict[str, Any], located: Located) -> str:
    """One message for the keys of ``group``, which all belong in the same block."""
    keys = [key for key, _, _ in group]
    names = [name for _, name, _ in group]
    parent = group[0][2][:-1]
    many = len(keys) > 1
    subject = _names(keys) + (f" (did you mean {_names(names)}?)" if names != keys else "")
    top = "top-level keys" if many else "a top-level key"
    kind = f"{'keys' if many else 'a key'} of '{_block_name(path)}:'" if path else top
    head = f"{subject} {'are not' if many else 'is not'} {kind}: {'they' if many else 'it'}"
    if not parent:
        return (f"{head} {'belong' if many else 'belongs'} at the top level; "
                f"remove the indent so that {'they start' if many else 'it starts'} at the beginning of the line")
    listed = any(isinstance(p, int) for p in parent)
    dotted = "" if many or listed else f" ({'.'.join(map(str, group[0][2]))})"
    chain = " → ".join(f"'{p}:'" for p in parent if isinstance(p, str)) + (", in a list item ('- ')" if listed else "")
    how = _how(names, [value.get(k) for k in keys], parent, located, many)
    return f"{head} {'go' if many else 'goes'} under {chain}{dotted}; {how}"


def _block_name(path: Path) -> str:
    """The name of the innermost block of ``path`` (a list item is named by its list)."""
    return next((str(p) for p in reversed(path) if isinstance(p, str)), "")


def _how(names: list[str], values: list[Any], parent: Path, located: Located, many: bool) -> str:
    """How to move the keys: into the block where it is written, else an example to copy."""
    them = "them" if many else "it"
    steps = [parent[:i] for i in range(len(parent), 0, -1) if isinstance(parent[i - 1], str)]
    existing = next((step for step in steps if step in located.keys), None)
    if existing is not None:
        line = located.keys[existing][0]
        block = str(existing[-1])
        if existing == parent and _value_at(located.data, parent) is None:
            return f"indent {them} below '{block}:' (line {line})"
        if existing == parent:
            return f"move {them} into the '{block}:' block on line {line}"
        missing = parent[len(existing)]
        item = "" if all(isinstance(p, str) for p in parent) else f" as a list item, e.g. '- {_item(names, values)}'"
        if isinstance(missing, str):
            return f"add '{missing}:' inside the '{block}:' block on line {line}, with {them} indented below it{item}"
        return f"move {them} into the '{block}:' block on line {line}{item}"
    example = _example(parent, dict(zip(names, values, strict=True)))
    if example is not None:
        return f"for example: {example}"
    outer = str(parent[0])
    return f"write '{outer}:' on a line of its own and indent {_names([f'{n}:' for n in names])} below it"


def _item(names: list[str], values: list[Any]) -> str:
    """The keys as the inside of a list item, ``week: 6, style: easy``."""
    return ", ".join(f"{name}: {_flow(value) if _is_scalar(value) else '…'}" for name, value in zip(names, values, strict=True))


def _value_at(data: Any, path: Path) -> Any:
    """The value written at ``path``; None if it is empty or not there."""
    for part in path:
        if isinstance(data, dict) and part in data:
            data = data[part]
        else:
            return None
    return data


def _example(parent: Path, values: dict[str, Any]) -> str | None:
    """``periodization: {deload: {every: 4}}``: the keys written where they belong, on one line."""
    if not all(_is_scalar(v) for v in values.values()):
        return None
    inner = "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in values.items()) + "}"
    for part in reversed(parent[1:]):
        inner = f"[{inner}]" if isinstance(part, int) else f"{{{part}: {inner}}}"
    text = f"{parent[0]}: {inner}"
    return text if len(text) <= _MAX_EXAMPLE else None


def _is_scalar(value: Any) -> bool:
    """Values an example can show on one line: plain values, and tables of them (``{every: 4}``)."""
    if isinstance(value, dict):
        return all(_is_scalar(v) for v in value.values())
    return value is not REPORTED and value is not None and not isinstance(value, list)


def _flow(value: Any) -> str:
    """A value as it is written inside ``{ }`` on one line."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    text = str(value)
    if isinstance(value, str) and not _PLAIN.match(text):
        return "'" + text.replace("'", "''") + "'"
    return text
