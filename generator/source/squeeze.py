"""Grammar lines with their whitespace squeezed, and columns mapped back to the file.

The session and exercise grammars are regular expressions full of ``\\s*`` and ``\\s+``.
On a run of thousands of spaces, such patterns backtrack over the run at every step
(quadratic or worse: a hostile line of 50 KB took minutes). Squeezing every run of
whitespace to one space before matching bounds each of those quantifiers to one
character, whatever the patterns; errors still point at the coach's own column.
"""

from __future__ import annotations

import re

_IRREGULAR = re.compile(r"[^\S ]|  ")  # whitespace other than one space: a tab, a run, a no-break space
_RUN = re.compile(r"\s+")


class Squeezed:
    """``text`` with each whitespace run as one space; :meth:`column` maps an index in it
    to the file column of the character it came from."""

    __slots__ = ("_origin", "col0", "text")

    def __init__(self, raw: str, col0: int):
        self.col0 = col0  # the file column of raw[0]
        self._origin: list[int] | None = None
        if _IRREGULAR.search(raw) is None:  # the usual line: nothing to squeeze, columns as they are
            self.text = raw
            return
        parts: list[str] = []
        origin: list[int] = []
        last = 0
        for run in _RUN.finditer(raw):
            parts += [raw[last:run.start()], " "]
            origin += range(last, run.start() + 1)
            last = run.end()
        parts.append(raw[last:])
        origin += range(last, len(raw) + 1)
        self.text = "".join(parts)
        self._origin = origin

    def column(self, pos: int) -> int:
        """The file column of ``text[pos]`` (``pos`` may be ``len(text)``: the end of the line)."""
        if self._origin is None:
            return self.col0 + pos
        return self.col0 + self._origin[min(max(pos, 0), len(self._origin) - 1)]
