"""Safe YAML loading for plan frontmatter, remembering where every value was written.

YAML is read through the safe composer: anchors/aliases and non-standard tags are
refused outright, which also closes the door on "billion laughs" expansion and on
object construction.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import Collector
from .located import REPORTED, Located, Path
from .textfile import UNSAFE, unsafe_text

try:  # the C parser is ~10x faster; both produce the same node graph
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}
_MAX_NODES = 20_000
MAX_DEPTH = 16  # of nested values; a plan needs 4 (periodization: vacations: - week:)


class _Abort(Exception):
    pass


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
        errors.error(*_explained(exc, text, first_line))
        return None
    except yaml.YAMLError as exc:
        errors.error(first_line, 1, f"invalid YAML in frontmatter: {exc}")
        return None
    if node is None:
        return Located({}, {}, (first_line, 1))
    if not isinstance(node, yaml.MappingNode):
        from .yaml_errors import not_a_table

        line, col, message = not_a_table(node)
        errors.error(first_line + line, col + 1, message)
        return None
    walker = _Walker(first_line, errors)
    try:
        data = walker.value(node, ())
    except _Abort:
        return None
    return Located(data, walker.positions, (first_line, 1), walker.keys)


def _explained(exc: yaml.MarkedYAMLError, text: str, first_line: int) -> tuple[int, int, str]:
    """The mistake in a coach's words; PyYAML's own words if explaining it fails (never a traceback)."""
    from .yaml_errors import explain  # only a mistake needs it

    try:
        return explain(exc, text, first_line)
    except Exception:  # the explanation is a courtesy: the mistake must still be reported
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line, mark.column) if mark else (0, 0)
        return first_line + line, col + 1, f"invalid YAML in frontmatter: {exc.problem or exc.context or 'unreadable'}"


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
        if len(path) > MAX_DEPTH:
            self.errors.error(line, col, f"the frontmatter nests values more than {MAX_DEPTH} levels deep here; "
                              "a plan needs at most 4 (periodization: vacations: - week: 8)")
            raise _Abort
        self.seen.add(id(node))
        if node.tag not in _STANDARD_TAGS:
            self.errors.error(line, col, f"YAML tag '{node.tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed; write plain values")
            return REPORTED
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
        if not self.safe_scalar(node):
            return REPORTED
        if node.tag.endswith((":int", ":float")) and ":" in node.value:
            return node.value  # "3:45", "5:30": a time as written, not YAML 1.1's base-60 number (225, 330)
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.constructor.ConstructorError) as exc:
            if node.tag.endswith(":timestamp"):
                self.errors.error(line, col, f"'{node.value}' is not a real date (expected YYYY-MM-DD)")
            else:
                self.errors.error(line, col, f"cannot read value '{node.value}': {exc}")
            return REPORTED

    def safe_scalar(self, node: yaml.Node) -> bool:
        """A quoted scalar's escapes (``"\\x0b"``) can make characters the file itself may not hold."""
        unsafe = UNSAFE.search(str(node.value))
        if unsafe is not None:
            line, col = self.at(node)
            self.errors.error(line, col, f"this value holds {unsafe_text(unsafe[0])} (written as an escape); remove it")
        return unsafe is None

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line, col = self.at(key_node)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith((":merge", ":value")):
                self.errors.error(line, col, "frontmatter keys must be plain words")
                continue
            if not self.safe_scalar(key_node):
                continue
            key = str(key_node.value)
            if key in result:
                first = self.keys.get((*path, key), (line, col))[0]
                block = isinstance(value_node, yaml.MappingNode)
                merge = f": keep one '{key}:' and put all its keys under it" if block else ": keep one"
                self.errors.error(line, col, f"key '{key}' is given twice (first on line {first}){merge}")
                result[key] = REPORTED  # neither value is checked: which one is meant is the coach's call
                continue
            self.keys[(*path, key)] = (line, col)
            result[key] = self.value(value_node, (*path, key))
        return result
