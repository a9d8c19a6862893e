"""Explanations of indentation mistakes, and of lines YAML joined to the line above them.

A line indented less than the block it follows (but more than an outer block), indented
more than the key above it, a key without its colon (so YAML reads on into the next line),
or text of a ``key: >-`` block indented unevenly.
"""

from __future__ import annotations

from .yaml_lines import (
    BLOCK_TEXT,
    DASH,
    KEY,
    Explanation,
    Failure,
    aligned,
    indent_of,
    label,
    missing_colon_message,
    previous,
    significant,
    value_start,
    with_quotes,
)


def colon_or_joined_line(failure: Failure) -> Explanation | None:
    """``mapping values are not allowed``: a ``: `` inside a value, or a line YAML joined to the one above."""
    if "mapping values are not allowed" not in failure.problem:
        return None
    row, col = failure.at
    line = failure.line(row)
    key = KEY.match(line)
    if key and col >= key.end():
        return row, col, f"YAML reads this ': ' as the start of another key: put the value in quotes: {with_quotes(line)}"
    above = previous(failure, row)
    if above is None:
        return None
    owner = _owner(failure, row)
    if owner is not None and _inline_value(failure.lines[owner]):
        if key and " " in key["key"].strip():  # text, not a key: the value above goes on over several lines
            return row, col, (f"YAML reads this ': ' as the start of a key: put the whole text of {label(failure.lines[owner])} "
                              f"(line {failure.no(owner)}) in quotes")
        return more_indented(failure, row, owner)
    upper = failure.lines[above]
    if not KEY.match(upper):
        content = upper[value_start(upper):].strip() if DASH.match(upper) else upper.strip()
        if " " in content:
            return above, indent_of(upper), missing_colon_message(upper)
        if not DASH.match(upper) and indent_of(line) > indent_of(upper):
            return above, indent_of(upper), missing_colon_message(upper, opens_block=True)
    return more_indented(failure, row, above)


def _owner(failure: Failure, row: int) -> int | None:
    """The nearest key line above ``row`` indented less than it: the key whose value the line would continue."""
    own = indent_of(failure.lines[row])
    for index in range(row - 1, -1, -1):
        line = failure.lines[index]
        if significant(line) and indent_of(line) < own:
            return index if KEY.match(line) else None
    return None


def _inline_value(line: str) -> bool:
    """Whether a key line has its value on the line itself (not a block below it, not a text block)."""
    start = value_start(line)
    rest = line[start:].strip()
    return bool(rest) and not rest.startswith("#") and not BLOCK_TEXT.match(rest)


def more_indented(failure: Failure, row: int, above: int) -> Explanation:
    """A line indented past the key (or item) above it, which has its value already."""
    line, upper = failure.lines[row], failure.lines[above]
    key = KEY.match(upper)
    if key:
        target, what, name = key.start("key"), "key", f"'{key['key']}:'"
    else:
        target, what, name = indent_of(upper), "list item" if DASH.match(upper) else "line", repr(upper.strip())
    return row, indent_of(line), (f"this line is indented more than the {what} above it (line {failure.no(above)}): "
                                  f"{aligned(target)} to line it up with {name}")


def missing_colon(failure: Failure) -> Explanation | None:
    """``could not find expected ':'``: the context mark is the line whose key has no colon."""
    if "could not find expected ':'" not in failure.problem or failure.opened is None:
        return None
    row = failure.opened[0]
    line = failure.line(row)
    if line.lstrip(" ").startswith(":"):
        return row, indent_of(line), "this line has no key before its ':'"
    below = next((text for text in failure.lines[row + 1:] if significant(text)), "")
    return row, indent_of(line), missing_colon_message(line, indent_of(below) > indent_of(line))


def indented_start(failure: Failure) -> Explanation | None:
    """The first key is indented and the next ones are not: YAML then expects nothing after the first block."""
    if "document start" not in failure.problem and "<block end>" not in failure.problem and "expected key" not in failure.problem:
        return None
    first = next((i for i, text in enumerate(failure.lines) if significant(text)), None)
    if first is None or first >= failure.at[0] or indent_of(failure.lines[first]) == 0:
        return None
    if indent_of(failure.line(failure.at[0])) >= indent_of(failure.lines[first]):
        return None
    return first, 0, "the frontmatter's keys start at the beginning of the line: remove the indent before this key"


def less_indented(failure: Failure) -> Explanation | None:
    """A line YAML cannot place: indented less than the block it follows, but not as little as an outer one."""
    if not any(words in failure.problem for words in ("expected key", "<block end>", "'-' indicator")):
        return None
    row = failure.at[0]
    line = failure.line(row)
    own = indent_of(line)
    if line.lstrip(" ").startswith(":"):
        return row, own, "this line has no key before its ':'"
    text = _text_block(failure, row)
    if text is not None:
        block, first = text
        return row, own, (f"the lines of the text under {label(failure.lines[block])} (line {failure.no(block)}) must all "
                          f"be indented alike: line {failure.no(first)} has {indent_of(failure.lines[first])} spaces, "
                          f"this line {own}")
    levels = _open_levels(failure, row)
    if not levels:
        return None
    deeper = [level for level in levels if level[0] > own]
    if own in (level[0] for level in levels) or not deeper:
        if DASH.match(line):
            return row, own, ("a list item ('- ') cannot stand here: indent it under the key whose list it belongs to, "
                              "or remove the '- '")
        return None
    target, above, kind = min(deeper, key=lambda level: level[0])
    name = label(failure.lines[above][target:]) if kind == "key" else repr(failure.lines[above].strip())
    return row, own, (f"this line is indented less than the {kind} above it (line {failure.no(above)}): "
                      f"{aligned(target)} to match {name}")


def _text_block(failure: Failure, row: int) -> tuple[int, int] | None:
    """The ``key: >-`` line whose text the line at ``row`` was meant to go on, and the text's first line."""
    own = indent_of(failure.lines[row])
    first = None
    for index in range(row - 1, -1, -1):
        line = failure.lines[index]
        if line.strip() and indent_of(line) < own:
            opens_text = KEY.match(line) and BLOCK_TEXT.match(line[value_start(line):].strip())
            return (index, first) if opens_text and first is not None else None
        if line.strip():
            first = index
    return None


def _open_levels(failure: Failure, row: int) -> list[tuple[int, int, str]]:
    """The indents a line at ``row`` could line up with: (column, line, "key" or "list item"), nearest first."""
    levels: list[tuple[int, int, str]] = []
    limit = 1 << 30
    for index in range(row - 1, -1, -1):
        line = failure.lines[index]
        if not significant(line) or indent_of(line) >= limit:
            continue
        dash = DASH.match(line)
        if dash and KEY.match(line):
            levels.append((dash.end(), index, "key"))
        levels.append((indent_of(line), index, "list item" if dash else "key"))
        limit = indent_of(line)
        if limit == 0:
            break
    return levels
