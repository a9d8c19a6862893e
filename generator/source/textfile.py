"""A user's text file, read safely: never more than a limit, UTF-8, one line at a time
short enough to parse, and no character that cannot go into XML, HTML or iCalendar.

Plans and ``deload.toml`` are untrusted text that ends up in web pages, the Atom feed,
calendar feeds and PDFs. A control character (``\\x0b``, ``\\x1b``…) or a noncharacter
(``\\ufffe``) makes XML not well-formed and has no meaning in any of them, so it is
refused here, at its line and column, before anything is built.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import Collector

MAX_PLAN_BYTES = 1_000_000
MAX_LINE_CHARS = 10_000  # any line; the lines the grammar reads have a lower limit of their own
MAX_LINES = 20_000  # two years of weeks with generous notes take 5,000

# C0 controls but tab and line feed (carriage returns are line ends, read before this), DEL and
# the C1 controls, and the noncharacters: U+FDD0..U+FDEF and the last two code points of every plane.
_NONCHARACTERS = "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000))
UNSAFE = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\ufdd0-\\ufdef{_NONCHARACTERS}]")


class TooLarge(Exception):
    def __init__(self, size: int):
        super().__init__(size)
        self.size = size  # bytes, as far as they were read or the file system says


def read_capped(path: Path, limit: int) -> bytes:
    """The file's bytes; :class:`TooLarge` if it holds more than ``limit``. Never reads more
    than ``limit + 1`` bytes, whatever the file claims (a 2 GB file, or one that grows)."""
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
        if len(data) > limit:
            raise TooLarge(max(os.fstat(handle.fileno()).st_size, len(data)))
    return data


def too_large(size: int, limit: int, what: str) -> str:
    return f"the file is {size / 1_000_000:,.1f} MB; {what} may be at most {limit / 1_000_000:g} MB"


def decode(data: bytes, errors: Collector, what: str = "a plan") -> str | None:
    """UTF-8 (a BOM is accepted), line ends made ``\\n``; a bad byte, a line too long to parse or
    a character that cannot be published is reported at its line and column (None then)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        errors.error(line, col, f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8")
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        line, col = _position(text, text.index("\x00"))
        errors.error(line, col, "the file contains a NUL byte; is it a binary file?")
        return None
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        errors.error(MAX_LINES + 1, 1, f"the file has {lines:,} lines; {what} may have at most {MAX_LINES:,}")
        return None
    problems = False
    for match in UNSAFE.finditer(text):
        if errors.full:
            errors.count_more(len(UNSAFE.findall(text, match.start())))
            return None
        line, col = _position(text, match.start())
        errors.error(line, col, f"the text holds {unsafe_text(match[0])}; delete it (it is often invisible: retype the words around it)")
        problems = True
    if len(text) > MAX_LINE_CHARS:
        for number, line_text in enumerate(text.split("\n"), start=1):
            if len(line_text) > MAX_LINE_CHARS:
                errors.error(number, MAX_LINE_CHARS + 1, f"this line is {len(line_text):,} characters long; a line may have "
                             f"at most {MAX_LINE_CHARS:,}: break it up")
                problems = True
    return None if problems else text


def unsafe_text(char: str) -> str:
    """How a message names a character that :data:`UNSAFE` matches."""
    kind = "a noncharacter" if ord(char) >= 0xFDD0 else "a control character"
    return f"{kind} (U+{ord(char):04X}), which cannot go into web pages, calendars or PDFs"


def _position(text: str, index: int) -> tuple[int, int]:
    before = text.rfind("\n", 0, index)
    return text.count("\n", 0, index) + 1, index - before
