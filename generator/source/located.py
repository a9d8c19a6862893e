"""Safe YAML and TOML loading that remembers where every value was written.

Values come back as plain Python data plus a map from key path (a tuple such
as ``("race", "date")``) to ``(line, col)`` in the whole file, so validation
errors can point at the exact spot. YAML is read through the safe composer:
anchors/aliases and non-standard tags are refused outright, which also closes
the door on "billion laughs" expansion and on object construction.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import Collector

try:  # the C parser is ~10x faster; both produce the same node graph
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}
_MAX_NODES = 20_000


class _Reported:
    """A value whose problem has already been reported: validators skip it silently."""

    def __repr__(self) -> str:
        return "REPORTED"


REPORTED: Any = _Reported()


class _Abort(Exception):
    pass


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


class _Constructor(yaml.constructor.SafeConstructor):
    pass


def load_yaml(text: str, first_line: int, errors: Collector) -> Located | None:
    """Parse ``text`` whose first line is line ``first_line`` of the file."""
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        col = (mark.column + 1) if mark else 1
        problem = exc.problem or exc.context or "invalid YAML"
        errors.error(line, col, f"invalid YAML in frontmatter: {problem}{_hint(problem)}")
        return None
    except yaml.YAMLError as exc:
        errors.error(first_line, 1, f"invalid YAML in frontmatter: {exc}")
        return None
    if node is None:
        return Located({}, {}, (first_line, 1))
    walker = _Walker(first_line, errors)
    try:
        data = walker.value(node, ())
    except _Abort:
        return None
    return Located(data, walker.positions, (first_line, 1), walker.keys)


_HINTS = {
    "mapping values are not allowed": "put text that contains ': ' in quotes, e.g. title: \"10K: the plan\"",
    "found character '\\t'": "indent with spaces, not tabs",
    "could not find expected ':'": "each line is 'key: value'",
    "found undefined alias": "'*' starts an alias; put the text in quotes",
    "found character that cannot start any token": "put the value in quotes",
    "expected <block end>": "check the indentation of this line against the lines above",
}


def _hint(problem: str) -> str:
    for key, hint in _HINTS.items():
        if key in problem:
            return f" ({hint})"
    return ""


class _Walker:
    def __init__(self, first_line: int, errors: Collector):
        self.first_line = first_line
        self.errors = errors
        self.positions: dict[Path, tuple[int, int]] = {}
        self.keys: dict[Path, tuple[int, int]] = {}
        self.seen: set[int] = set()
        self.constructor = _Constructor()
        self.count = 0

    def at(self, node: yaml.Node) -> tuple[int, int]:
        return self.first_line + node.start_mark.line, node.start_mark.column + 1

    def value(self, node: yaml.Node, path: Path) -> Any:
        line, col = self.at(node)
        self.positions.setdefault(path, (line, col))
        self.count += 1
        if id(node) in self.seen:
            # The composer resolves an alias to the node it names: seeing a node twice means
            # an alias, which we refuse so hostile input cannot expand exponentially.
            self.errors.error(line, col, "YAML anchors and aliases (&name, *name) are not supported in plans; write the values out")
            raise _Abort
        if self.count > _MAX_NODES:
            self.errors.error(line, col, f"frontmatter is too large (more than {_MAX_NODES} values)")
            raise _Abort
        self.seen.add(id(node))
        if node.tag not in _STANDARD_TAGS:
            self.errors.error(line, col, f"YAML tag '{node.tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed; write plain values")
            return REPORTED
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.constructor.ConstructorError) as exc:
            if node.tag.endswith(":timestamp"):
                self.errors.error(line, col, f"'{node.value}' is not a real date (expected YYYY-MM-DD)")
            else:
                self.errors.error(line, col, f"cannot read value '{node.value}': {exc}")
            return REPORTED

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line, col = self.at(key_node)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith((":merge", ":value")):
                self.errors.error(line, col, "frontmatter keys must be plain words")
                continue
            key = str(key_node.value)
            if key in result:
                first = self.keys.get((*path, key), (line, col))[0]
                self.errors.error(line, col, f"key '{key}' is given twice (first on line {first})")
                continue
            self.keys[(*path, key)] = (line, col)
            result[key] = self.value(value_node, (*path, key))
        return result


# --- TOML ------------------------------------------------------------------

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_TOML_TABLE = re.compile(r"^\s*\[+\s*([^\]]+?)\s*\]+\s*(?:#.*)?$")
_TOML_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+?)\s*=""")


def load_toml(text: str, errors: Collector) -> Located | None:
    """Parse TOML; positions of keys are found by scanning, as tomllib keeps none."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_POSITION.search(str(exc))
        line, col = (int(match[1]), int(match[2])) if match else (1, 1)
        message = _TOML_POSITION.sub("", str(exc)).strip()
        errors.error(line, col, f"invalid TOML: {message}")
        return None
    positions = dict(_toml_positions(text))
    return Located(data, positions, (1, 1), positions)


def _toml_positions(text: str) -> Iterator[tuple[Path, tuple[int, int]]]:
    table: Path = ()
    for number, raw in enumerate(text.splitlines(), start=1):
        header = _TOML_TABLE.match(raw)
        if header:
            table = tuple(part.strip().strip("\"'") for part in header[1].split("."))
            yield table, (number, raw.index("[") + 1)
            continue
        key = _TOML_KEY.match(raw)
        if key:
            parts = tuple(part.strip().strip("\"'") for part in key[1].split("."))
            for depth in range(1, len(parts) + 1):
                yield (*table, *parts[:depth]), (number, raw.index(key[1][0]) + 1)
