"""Explain a YAML syntax error in a coach's words, at the line and column of the real mistake.

PyYAML reports where its parser gave up (``problem_mark``) and, often, where the construct
it was reading began (``context_mark``). The mistake is usually at one of the two, or on
the line above: a lost indent, a tab, a missing colon, a quote or bracket never closed,
a ``: `` inside a value, or the plan's text read as YAML because the closing ``---`` is
missing. Each rule below recognises one of these from the marks and the lines themselves
and returns one message; anything else falls back to PyYAML's own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from .yaml_indent import colon_or_joined_line, indented_start, less_indented, missing_colon
from .yaml_lines import (
    DASH,
    KEY,
    Explanation,
    Failure,
    indent_of,
    missing_colon_message,
    previous,
    significant,
    value_start,
    with_quotes,
)

_BODY_LINE = re.compile(r"^(#{1,6}\s*(week|day)\s*\d|- +((mon|tue|wed|thu|fri|sat|sun)[a-z]*|day\s*\d+)\s*:)", re.IGNORECASE)
_HEADING = re.compile(r"^#{1,6}\s+\S")
_FENCE_TYPO = re.compile(r"^(-{2}|-{4,}|[—–]+)\s*$")
_SPECIAL = {
    "@": "'@' is reserved in YAML", "`": "'`' is reserved in YAML", "*": "'*' starts a YAML alias",
    "&": "'&' starts a YAML anchor", "!": "'!' starts a YAML tag", "%": "'%' starts a YAML directive",
    "|": "'|' starts a block of text", ">": "'>' starts a block of text", "-": "'- ' starts a list item",
}
_SCANNING = ("while scanning an anchor", "while scanning an alias", "while scanning a directive",
             "while scanning a tag", "while scanning a block scalar")
_HINTS = {
    "found character that cannot start any token": "put the value in quotes",
    "expected <block end>": "check the indentation of this line against the lines above",
    "did not find expected key": "check the indentation of this line against the lines above",
}


def not_a_table(node: yaml.Node) -> tuple[int, int, str]:
    """The frontmatter parsed, but as one text or a list: 0-based line and column, and the message."""
    where = node.start_mark.line, node.start_mark.column
    if isinstance(node, yaml.ScalarNode) and re.match(r"^[^\s:]+:[^\s:]", str(node.value)):
        return *where, missing_colon_message(str(node.value).split("\n")[0].split(" ")[0])
    if isinstance(node, yaml.SequenceNode):
        return *where, "the frontmatter is a list of 'key: value' lines, not a list: remove the '- ' in front of its keys"
    return *where, "the frontmatter must be lines of 'key: value', such as 'title: Half Marathon in 12 Weeks'"


Rule = Callable[[Failure], Explanation | None]


def explain(exc: yaml.MarkedYAMLError, text: str, first_line: int) -> tuple[int, int, str]:
    """The file line, 1-based column and message for a YAML error in frontmatter ``text``."""
    mark, context = exc.problem_mark, exc.context_mark
    at = (mark.line, mark.column) if mark else (0, 0)
    failure = Failure(text.split("\n"), first_line, exc.problem or "", exc.context or "",
                      at, (context.line, context.column) if context else None)
    for rule in RULES:
        found = rule(failure)
        if found is not None:
            line, col, message = found
            return first_line + line, col + 1, message
    problem = failure.problem or failure.context or "invalid YAML"
    hint = next((f" ({h})" for key, h in _HINTS.items() if key in problem), "")
    return first_line + at[0], at[1] + 1, f"invalid YAML in frontmatter: {problem}{hint}"


def body_in_frontmatter(failure: Failure) -> Explanation | None:
    """The closing ``---`` is missing, so the plan's headings and text were read as YAML."""
    for index in range(min(failure.at[0], len(failure.lines) - 1) + 1):
        if _FENCE_TYPO.match(failure.lines[index]):
            return index, 0, "the line that closes the frontmatter must be exactly '---' (three dashes)"
    marker = next((i for i in range(len(failure.lines)) if _starts_body(failure, i)), None)
    if marker is None:
        return None
    start = marker  # the plan's text begins after the last line that looks like YAML
    while start > 0 and _prose(failure.lines[start - 1]):
        start -= 1
    while not failure.lines[start].strip():
        start += 1
    if start > failure.at[0]:
        return None  # a mistake of its own, before the plan's text
    last = previous(failure, start)
    after = f" after its last key (line {failure.no(last)})" if last is not None else ""
    return start, 0, f"the frontmatter is not closed: add a line '---'{after}, before the plan's text starts here"


def _starts_body(failure: Failure, index: int) -> bool:
    """A week heading, a session bullet, a heading followed by text, or a paragraph: Markdown, not YAML."""
    line = failure.lines[index]
    if _BODY_LINE.match(line):
        return True
    if _HEADING.match(line):  # or a YAML comment: a heading only if text, not a key, follows it
        if not any(KEY.match(text) for text in failure.lines[:index]):
            return False  # before the first key: a comment ('deload new' opens its plans with one)
        after = next((text for text in failure.lines[index + 1:] if significant(text)), None)
        return after is not None and not KEY.match(after)
    blank_before = index > 0 and not failure.lines[index - 1].strip()
    return blank_before and not line.startswith(" ") and not KEY.match(line) and len(line.split()) >= 4


def _prose(line: str) -> bool:
    """A blank line, a heading or a line of text: what may stand between the last key and the plan's text."""
    return not line.strip() or line.startswith("#") or (not line.startswith((" ", "-")) and not KEY.match(line))


def tab(failure: Failure) -> Explanation | None:
    """A tab in the indent: YAML indents with spaces only."""
    rows = [failure.at[0]] + ([failure.opened[0]] if failure.opened else [])
    for row in rows:
        line = failure.line(row)
        lead = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in lead:
            return row, lead.index("\t"), "tabs cannot indent YAML; use spaces"
    if "tab" in failure.problem or failure.line(failure.at[0])[failure.at[1]:failure.at[1] + 1] == "\t":
        return failure.at[0], failure.at[1], "tabs cannot indent YAML; use spaces"
    return None


def unclosed_quote(failure: Failure) -> Explanation | None:
    """A quote never closed, or closed only on a later line (YAML reads on across lines)."""
    if "quoted scalar" in failure.context and "end of stream" in failure.problem and failure.opened:
        row, col = failure.opened
        mark = failure.line(row)[col:col + 1] or '"'
        return row, col, (f"the quote ({mark}) opened at line {failure.no(row)}, column {col + 1} is never closed: "
                           f"add {mark} at the end of the value")
    for row in range(min(failure.at[0], len(failure.lines) - 1)):
        line = failure.lines[row]
        start = value_start(line)
        mark = line[start:start + 1]
        if mark in ("'", '"') and not _closes(line, start):
            return row, start, (f"the quote ({mark}) opened at line {failure.no(row)}, column {start + 1} "
                                f"is not closed on its line: add {mark} at the end of the value")
    return None


def _closes(line: str, start: int) -> bool:
    """Whether the quoted value starting at ``start`` ends on this line."""
    mark, index = line[start], start + 1
    while index < len(line):
        char = line[index]
        if mark == '"' and char == "\\":
            index += 2
            continue
        if char == mark:
            if mark == "'" and line[index + 1:index + 2] == "'":
                index += 2
                continue
            return True
        index += 1
    return False


def bad_escape(failure: Failure) -> Explanation | None:
    """``"C:\\path"``: a backslash in double quotes starts an escape."""
    if "unknown escape" not in failure.problem:
        return None
    row, col = failure.at
    line = failure.line(row)
    escape = line[col:col + 2]
    return row, col, (f"'{escape}' is not an escape YAML knows inside double quotes: use single quotes instead, "
                      f"e.g. {with_quotes(line)}")


def unclosed_bracket(failure: Failure) -> Explanation | None:
    """A ``[`` or ``{`` never closed; or, if it is closed, a missing comma between its items."""
    if ("flow sequence" not in failure.context and "flow mapping" not in failure.context) or failure.opened is None:
        return _never_closed(failure)
    row, col = failure.opened
    opening = failure.line(row)[col:col + 1] or "["
    closing = "]" if opening == "[" else "}"
    rest = "\n".join([failure.line(row)[col:], *failure.lines[row + 1:]])
    if not _closes_again(rest):
        return row, col, (f"the '{opening}' opened at line {failure.no(row)}, column {col + 1} is never closed: "
                          f"add '{closing}' after its last {'item' if opening == '[' else 'entry'}")
    at_row, at_col = failure.at
    line = failure.line(at_row)
    example = "[10k, beginner]" if opening == "[" else "{every: 4, mode: insert}"
    before = line[:at_col].rstrip()
    if line[at_col:at_col + 1] == ":" and before.strip():
        word = before.split()[-1]
        what = "items" if opening == "[" else "entries"
        return at_row, len(before) - len(word), (f"a comma is missing before '{word}': separate the {what} "
                                                 f"inside {opening} {closing} with commas, e.g. {example}")
    return at_row, at_col, (f"expected ',' or '{closing}' here: separate the {'items' if opening == '[' else 'entries'} "
                            f"inside {opening} {closing} with commas, e.g. {example}, and put text that holds ': ' in quotes")


def _never_closed(failure: Failure) -> Explanation | None:
    """A value above the error that opens a ``[`` or ``{`` and never closes it (YAML read on past it)."""
    for row in range(min(failure.at[0], len(failure.lines) - 1) + 1):
        line = failure.lines[row]
        col = value_start(line) if KEY.match(line) or DASH.match(line) else indent_of(line)
        opening = line[col:col + 1]
        if opening and opening in "[{" and not _closes_again("\n".join([line[col:], *failure.lines[row + 1:]])):
            closing = "]" if opening == "[" else "}"
            return row, col, (f"the '{opening}' opened at line {failure.no(row)}, column {col + 1} is never closed: "
                              f"add '{closing}' after its last {'item' if opening == '[' else 'entry'}")
    return None


def _closes_again(text: str) -> bool:
    """Whether the bracket that starts ``text`` is closed again (brackets inside quotes are skipped)."""
    depth, quote = 0, ""
    for char in text:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return True
    return False


def special_character(failure: Failure) -> Explanation | None:
    """A value that starts with a character YAML gives a meaning to (``@``, ``*``, ``&``, ``%`` …)."""
    reserved = ("cannot start any token" in failure.problem or "undefined alias" in failure.problem
                or "block sequence entries" in failure.problem)
    scanning = failure.context in _SCANNING
    row, col = failure.opened if scanning and failure.opened else failure.at
    line = failure.line(row)
    char = line[col:col + 1]
    if not (reserved or scanning) or char not in _SPECIAL:
        return None
    if col == value_start(line) and col > indent_of(line):
        return row, col, f"{_SPECIAL[char]}: put the value in quotes: {with_quotes(line)}"
    if col == indent_of(line):
        return row, col, f"{_SPECIAL[char]} and cannot start a line here: remove it, or put the whole line in quotes"
    return None


def text_after_value(failure: Failure) -> Explanation | None:
    """``title: "Ten K" plan`` or ``title: [Draft] Ten K``: YAML's value ends early and text follows."""
    if "expected key" not in failure.problem and "<block end>" not in failure.problem:
        return None
    row, col = failure.at
    line = failure.line(row)
    start = value_start(line)
    opening = line[start:start + 1]
    if col <= start or not line[:start].strip() or opening not in "'\"[{" or not opening:
        return None
    kinds = {"'": "a quoted text that ends at its closing quote", '"': "a quoted text that ends at its closing quote",
             "[": "a list", "{": "a table"}
    return row, col, (f"text after the value: YAML reads a value that starts with {opening} as {kinds[opening]}; "
                      f"put the whole value in quotes: {with_quotes(line)}")


RULES: list[Rule] = [body_in_frontmatter, tab, unclosed_quote, bad_escape, unclosed_bracket, special_character,
                     text_after_value, colon_or_joined_line, missing_colon, indented_start, less_indented]
