"""Diagnostics: errors and warnings that point at a file, line and column.

Every stage reports problems in the user's files as :class:`Diagnostic` values,
collected rather than raised one at a time, so that ``deload check`` can show
all the problems of all plans together. A stage that cannot go on raises
:class:`DeloadError` carrying everything it collected.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # what the engine did as asked, said so that nothing changes unseen; never counted as a warning


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem in a user's file; ``line`` and ``col`` are 1-based."""

    file: str
    line: int
    col: int
    message: str
    severity: Severity = Severity.ERROR
    code: str = ""

    def format(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.severity.value}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def is_warning(self) -> bool:
        return self.severity is Severity.WARNING


def in_order(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics as a reader meets them: by file, line and column, each once (one template
    error reaches every plan). A parser finds some late (a heading is judged after the
    sessions under it), but the first mistake in the file is said first."""
    unique = {(d.file, d.line, d.col, d.message, d.severity): d for d in diagnostics}
    return sorted(unique.values(), key=lambda d: (d.file, d.line, d.col))


class DeloadError(Exception):
    """A user's input cannot be used; carries one or more diagnostics."""

    def __init__(self, diagnostics: Sequence[Diagnostic]):
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))

    def __reduce__(self) -> tuple[type[DeloadError], tuple[tuple[Diagnostic, ...]]]:
        return DeloadError, (self.diagnostics,)  # raised in a worker process, shown by the build


class Collector:
    """Accumulates diagnostics for one file, so a parser can keep going after a problem.

    At most :data:`MAX_PER_FILE` are kept, then one that says how many more there were: a
    file of half a million broken lines must not print half a million errors."""

    MAX_PER_FILE = 200  # a real plan converted from a book had 117 errors

    def __init__(self, file: str):
        self.file = file
        self._kept: list[Diagnostic] = []
        self.dropped = 0
        self._dropped_error = False
        self._errors = False

    def error(self, line: int, col: int, message: str, code: str = "") -> None:
        self._errors = True
        self._add(Diagnostic(self.file, max(line, 1), max(col, 1), message, Severity.ERROR, code))

    def warning(self, line: int, col: int, message: str, code: str = "") -> None:
        self._add(Diagnostic(self.file, max(line, 1), max(col, 1), message, Severity.WARNING, code))

    def _add(self, diagnostic: Diagnostic) -> None:
        if len(self._kept) < self.MAX_PER_FILE:
            self._kept.append(diagnostic)
        else:
            self.dropped += 1
            self._dropped_error |= diagnostic.is_error

    def count_more(self, errors: int) -> None:
        """Errors past the limit, counted without being made (see :attr:`full`)."""
        self.dropped += errors
        self._dropped_error |= errors > 0
        self._errors |= errors > 0

    @property
    def full(self) -> bool:
        """No more diagnostics will be shown: a parser may stop looking."""
        return len(self._kept) >= self.MAX_PER_FILE

    @property
    def items(self) -> list[Diagnostic]:
        if not self.dropped:
            return list(self._kept)
        last = self._kept[-1]
        more = Diagnostic(self.file, last.line, last.col, f"and {self.dropped:,} more problem{'s' if self.dropped != 1 else ''} "
                          f"in this file (only the first {self.MAX_PER_FILE} are shown)",
                          Severity.ERROR if self._dropped_error else Severity.WARNING, "too-many")
        return [*self._kept, more]

    @property
    def has_errors(self) -> bool:
        return self._errors

    def raise_if_errors(self) -> None:
        if self.has_errors:
            raise DeloadError(self.items)


def suggest(word: str, choices: Iterable[str]) -> str:
    """Return ``" — did you mean 'x'?"`` for the closest choice, or an empty string."""
    options = list(choices)
    lowered = {c.lower(): c for c in options}
    anagram = [c for c in lowered if sorted(c) == sorted(word.lower()) and c != word.lower()]
    if anagram:  # a transposition such as 'mk' for 'km' beats any other near match
        return f" — did you mean '{lowered[anagram[0]]}'?"
    import difflib  # only a mistake needs it: kept off every build's start-up

    match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return f" — did you mean '{lowered[match[0]]}'?" if match else ""


def one_of(choices: Iterable[str]) -> str:
    """Format a list of allowed values for an error message."""
    items = [f"'{c}'" for c in choices]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]
