"""The lines of a frontmatter that YAML could not read, and what the explanations of its mistakes share.

Positions here are 0-based (line within the frontmatter, column within the line), as
PyYAML's marks are; :func:`Failure.no` turns a line into the file's line number for a message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A key line: indent, an optional list dash, the key, its colon (followed by a space or the line's end).
KEY = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[^\s:#'\"\[\]{}@`!&*%|>,-][^:#]*?|-[^\s:#][^:#]*?) *:(?= |$)")
DASH = re.compile(r"^( *)- +")
BLOCK_TEXT = re.compile(r"^[|>][-+0-9]*\s*(#.*)?$")  # the '|' or '>-' that starts a block of text


@dataclass(frozen=True)
class Failure:
    """A YAML error, with the frontmatter's lines (0-based marks) and the file line of its first line."""

    lines: list[str]
    first_line: int
    problem: str
    context: str
    at: tuple[int, int]  # problem mark (line, col), 0-based
    opened: tuple[int, int] | None  # context mark, 0-based

    def no(self, index: int) -> int:
        """The file's line number of frontmatter line ``index``."""
        return self.first_line + index

    def line(self, index: int) -> str:
        """Frontmatter line ``index``; empty past either end (a mark may point just past the text)."""
        return self.lines[index] if 0 <= index < len(self.lines) else ""


Explanation = tuple[int, int, str]  # 0-based line and column in the frontmatter, message


def indent_of(line: str) -> int:
    """The spaces before a line's first character (tabs are not indentation in YAML)."""
    return len(line) - len(line.lstrip(" "))


def significant(line: str) -> bool:
    """Whether a line holds YAML: not blank, not a comment."""
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def previous(failure: Failure, index: int) -> int | None:
    """The nearest line above ``index`` that holds YAML (not blank, not a comment)."""
    return next((i for i in range(index - 1, -1, -1) if significant(failure.lines[i])), None)


def quoted(value: str) -> str:
    """``value`` in the quotes that need no escaping; a value already wrapped in quotes is unwrapped first."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def value_start(line: str) -> int:
    """Where the value of a ``key: value`` or ``- value`` line starts (after the key or dash)."""
    key = KEY.match(line)
    if key:
        return key.end() + len(line[key.end():]) - len(line[key.end():].lstrip(" "))
    dash = DASH.match(line)
    return dash.end() if dash else indent_of(line)


def with_quotes(line: str) -> str:
    """``title: Run: the plan`` as it should be written: ``title: 'Run: the plan'``."""
    start = value_start(line)
    head = line[:start].strip()
    return f"{head} {quoted(line[start:].strip())}".strip()


def aligned(target: int) -> str:
    """How to move a line to column ``target``, in words."""
    return "start it at the beginning of the line" if target == 0 else f"indent it by {target} space{'s' * (target != 1)}"


def label(line: str) -> str:
    """How a message names a line: its key (``'name:'``) or its list item (``'- week: 2'``)."""
    key = KEY.match(line)
    if key and not key["dash"]:
        return f"'{key['key']}:'"
    return f"'{line.strip()}'"


def missing_colon_message(line: str, opens_block: bool = False) -> str:
    """What to write instead of a key line without its colon (``units km``, ``units:km``, ``race``)."""
    dash = DASH.match(line)
    head = dash[0].strip() + " " if dash else ""
    content = (line[dash.end():] if dash else line).strip()
    if re.match(r"^[^\s:]+:[^\s:]", content):
        name, rest = content.split(":", 1)
        return f"put a space after the colon: '{head}{name}: {rest}'"
    word, _, rest = content.partition(" ")
    if opens_block and not rest:
        return f"'{word}' needs a colon: write '{head}{word}:' (the indented lines below it belong to it)"
    if not rest:
        return f"'{word}' has no colon and no value: write it as '{head}{word}: …' with its value after the colon"
    return f"a key needs a colon after it: write '{head}{word}: {rest}'"
