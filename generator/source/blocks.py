"""A small block scanner for plan bodies: headings, lists (nested), fenced code, paragraphs.

Plan bodies are line-oriented, and the reader only needs their outline: which
lines are ``## Week`` headings, which are session bullets and their sub-bullets,
and which are free notes (kept as Markdown source and rendered later). This
follows CommonMark's rules for those constructs (indentation, lazy continuation
lines, loose lists, fences hiding headings) and is several times faster than a
full Markdown parse, which matters for libraries of thousands of plans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

MAX_DEPTH = 16  # of nested lists; a plan needs 3 (a session, its exercises, a note under one)
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_HEADING_OPEN = re.compile(r"#{1,6}(?=[ \t]|$)")
_MARKER = re.compile(r"^([-*+]|\d{1,9}[.)])([ \t]+|$)")
_THEMATIC = re.compile(r"^([-*_])(?:[ \t]*\1){2,}[ \t]*$")


class TooDeep(Exception):
    """Lists nested beyond :data:`MAX_DEPTH` (each level costs the scanner a recursion)."""

    def __init__(self, line: int):
        super().__init__(line)
        self.line = line  # index of the first line too deep


@dataclass
class Item:
    start: int  # line index of the marker
    end: int  # one past the item's last line
    content_col: int  # column where the item's text starts
    lines: list[str]  # the first paragraph: its first line, then lazy continuation lines
    children: list[Block] = field(default_factory=list)


@dataclass
class Block:
    kind: Literal["heading", "list", "other"]
    start: int
    end: int
    level: int = 0
    text: str = ""
    items: list[Item] = field(default_factory=list)


def _indent(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _heading(body: str) -> tuple[int, str] | None:
    """An ATX heading's level and text, without the optional closing run of '#'. (By hand: a
    single pattern for the closing run backtracks cubically over a run of spaces.)"""
    opening = _HEADING_OPEN.match(body)
    if opening is None:
        return None
    text = body[opening.end():].strip(" \t")
    unclosed = text.rstrip("#")
    if unclosed != text and (not unclosed or unclosed[-1] in " \t"):
        text = unclosed.rstrip(" \t")
    return opening.end(), text


def _blank(line: str) -> bool:
    return not line.strip()


def _starts_block(line: str, base: int) -> bool:
    """Does this line interrupt a paragraph at indentation ``base``?"""
    if _blank(line) or _indent(line) - base > 3:
        return False
    body = line.lstrip()
    return bool(_FENCE.match(body) or _heading(body) or _MARKER.match(body) or _THEMATIC.match(body))


def scan(lines: list[str], start: int = 0, end: int | None = None, base: int = 0, depth: int = 0) -> list[Block]:
    """The blocks of ``lines[start:end]``, for content starting at column ``base``, inside
    ``depth`` lists; raises :class:`TooDeep` beyond :data:`MAX_DEPTH`."""
    end = len(lines) if end is None else end
    blocks: list[Block] = []
    i = start
    while i < end:
        line = lines[i]
        if _blank(line):
            i += 1
            continue
        rel = _indent(line) - base
        body = line.lstrip()
        if rel <= 3 and (fence := _FENCE.match(body)):
            j = i + 1
            while j < end and not lines[j].lstrip().startswith(fence[1]):
                j += 1
            blocks.append(Block("other", i, min(j + 1, end)))
            i = j + 1
        elif rel <= 3 and (heading := _heading(body)):
            blocks.append(Block("heading", i, i + 1, *heading))
            i += 1
        elif rel <= 3 and _MARKER.match(body) and not _THEMATIC.match(body):
            if depth >= MAX_DEPTH:
                raise TooDeep(i)
            block, i = _list(lines, i, end, base, depth)
            blocks.append(block)
        else:
            j = i + 1
            while j < end and not _blank(lines[j]) and not _starts_block(lines[j], base):
                j += 1
            blocks.append(Block("other", i, j))
            i = j
    return blocks


def _list(lines: list[str], i: int, end: int, base: int, depth: int) -> tuple[Block, int]:
    block = Block("list", i, i)
    kind = ""
    while i < end:
        line = lines[i]
        body = line.lstrip()
        marker = _MARKER.match(body)
        if marker is None or _indent(line) - base > 3 or _THEMATIC.match(body):
            break
        this_kind = marker[1][-1]  # "-", "*", "+", "." or ")": another kind starts another list
        if kind and this_kind != kind:
            break
        kind = this_kind
        indent = _indent(line)
        spaces = len(marker[2]) if marker[2] else 1
        # A tab after the marker, or five or more spaces, counts as one: the rest is indentation.
        content_col = indent + len(marker[1]) + (spaces if "\t" not in marker[2] and spaces <= 4 else 1)
        first = body[marker.end():]
        paragraph = [first]
        j = i + 1
        while j < end and not _blank(lines[j]) and _indent(lines[j]) < content_col and not _starts_block(lines[j], base):
            paragraph.append(lines[j].strip())  # a lazy continuation line
            j += 1
        while j < end and not _blank(lines[j]) and _indent(lines[j]) >= content_col and not _starts_block(lines[j], content_col):
            paragraph.append(lines[j].strip())
            j += 1
        children_start = j
        while j < end:
            if _blank(lines[j]):
                k = j
                while k < end and _blank(lines[k]):
                    k += 1
                if k < end and _indent(lines[k]) >= content_col:
                    j = k
                    continue
                break
            if _indent(lines[j]) >= content_col:
                j += 1
            else:
                break
        item = Item(i, j, content_col, paragraph, scan(lines, children_start, j, content_col, depth + 1))
        block.items.append(item)
        block.end = j
        i = j
        while i < end and _blank(lines[i]):
            i += 1
        if i < end and not (_MARKER.match(lines[i].lstrip()) and _indent(lines[i]) - base <= 3):
            break
    return block, block.end
