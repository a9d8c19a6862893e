"""The numbers of a plan's weeks (or days) as the author meant them: one mistake, one error.

Checking each number against the one before it turns one slip into a chain: with weeks
4, 6, 6, 7 the first 6 "follows week 4", the second "appears twice" and 7 "follows week
4" again. Here each heading that breaks the order is explained by one change — a wrong number, a
left-over copy, a swapped pair, or a gap (every number after it shifts) — the one that
leaves the fewest mistakes in the next few headings, and the rest of the plan is read in
the order that change gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

LOOKAHEAD = 6  # headings after a mistake that decide what the mistake was
_DEPTH = 2  # further mistakes looked for within them
_CAREFUL = 100  # mistakes explained with care; after them (a file of junk) only the next heading counts


@dataclass(frozen=True)
class Step:
    """How one section is read: its number (None: left out) and the mistake, if any."""

    number: int | None
    fault: str | None = None  # "renumber", "drop", "jump" or "swap"
    previous: int = 0  # the number read before it, for the message


@dataclass(frozen=True)
class _State:
    last: int  # the last number read
    offset: int  # written number - read number: it changes at a gap


class _Numbers:
    """The written numbers; ``strict``: 1, 2, 3 … (weeks), otherwise only increasing (days).
    ``spans[i]`` is how many numbers section ``i`` covers after its own (``Weeks 5–8``: 3)."""

    def __init__(self, written: Sequence[int], spans: Sequence[int], strict: bool):
        self.written, self.spans, self.strict = written, spans, strict

    def fits(self, i: int, state: _State) -> bool:
        own = self.written[i] - state.offset
        return own == state.last + 1 if self.strict else own > state.last

    def accept(self, i: int, state: _State) -> _State:
        return _State(self.written[i] - state.offset, state.offset + (self.spans[i] if self.strict else 0))

    def options(self, i: int, state: _State) -> dict[str, tuple[int, _State]]:
        """The explanations of a section that does not fit: name -> (next section, state after)."""
        here, last = self.written[i], state.last
        found = {
            "renumber": (i + 1, _State(last + 1, state.offset)),
            "drop": (i + 1, state),
            "jump": (i + 1, _State(last + 1, here - last - 1 + (self.spans[i] if self.strict else 0))),
        }
        if self.strict and i + 1 < len(self.written) and here - state.offset == last + 2 and self.fits(i + 1, state):
            found = {"swap": (i + 2, _State(last + 2, state.offset)), **found}
        return found

    def cost(self, i: int, state: _State, end: int, budget: int) -> int:
        """The fewest mistakes that explain sections ``i`` to ``end`` (more than ``budget``: budget + 1)."""
        while i < min(end, len(self.written)):
            if not self.fits(i, state):
                if budget == 0:
                    return 1
                return 1 + min(self.cost(j, after, end, budget - 1) for j, after in self.options(i, state).values())
            state = self.accept(i, state)
            i += 1
        return 0


def number(written: Sequence[int], spans: Sequence[int], strict: bool) -> list[Step]:
    """Read the numbers: each section's own number if it is the one due, otherwise the
    explanation of it after which the fewest mistakes remain in the sections that follow."""
    numbers = _Numbers(written, spans, strict)
    steps: list[Step] = []
    state = _State(0, 0)
    seen: set[int] = set()
    faults = 0
    i = 0
    while i < len(written):
        fits = numbers.fits(i, state)
        if fits and (strict or i + 1 == len(written) or numbers.fits(i + 1, numbers.accept(i, state))):
            choice, after = "accept", (i + 1, numbers.accept(i, state))
        else:
            choice, after = _explain(numbers, i, state, fits, written[i] in seen, 0 if faults > _CAREFUL else _DEPTH)
            faults += choice != "accept"
        steps += _steps(choice, written[i] - state.offset, state.last)
        seen.update(written[i:after[0]])
        i, state = after
    return steps


def _explain(numbers: _Numbers, i: int, state: _State, fits: bool, repeated: bool,
             depth: int) -> tuple[str, tuple[int, _State]]:
    """The explanation of section ``i`` (and what follows from it) that leaves the fewest
    mistakes in the next LOOKAHEAD sections; on a tie, the first of a sensible order."""
    end = i + 1 + LOOKAHEAD
    options = numbers.options(i, state)
    order: list[str] = [name for name in ("swap", "renumber", "drop", "jump") if name in options]
    if not (repeated or numbers.written[i] in numbers.written[i + 1:end]):
        order = [name for name in order if name != "drop"] + ["drop"]  # rather a gap than a lost week
    costs: dict[str, int] = {name: 1 + numbers.cost(*options[name], end=end, budget=depth) for name in order}
    if fits:  # a day whose number is out of line with the next ones: rather this one is wrong
        options["accept"] = (i + 1, numbers.accept(i, state))
        order.insert(1 if order[0] == "renumber" else 0, "accept")
        costs["accept"] = numbers.cost(*options["accept"], end=end, budget=depth)
    choice = min(order, key=lambda name: (costs[name], order.index(name)))
    return choice, options[choice]


def _steps(choice: str, own: int, last: int) -> list[Step]:
    if choice == "accept":
        return [Step(own)]
    if choice == "swap":
        return [Step(own, "swap", last), Step(own - 1)]
    return [Step(None if choice == "drop" else last + 1, choice, last)]


def message(kind: str, step: Step, written: int, first_line: int | None, heading: str = "") -> str:
    """What a coach reads for a numbering mistake; ``first_line``: where the number was first used."""
    word = heading or kind.capitalize()  # the heading's word in the plan's language: 'Woche'
    read = step.number if step.number is not None else step.previous + 1
    after = f"{kind} {written} follows {kind} {step.previous}" if step.previous else f"the first {kind} is {kind} {written}"
    order = "(weeks are numbered 1, 2, 3 … in order)" if kind == "week" else "(days are numbered in increasing order)"
    twice = f"{kind} {written} appears twice (first on line {first_line})" if first_line is not None else ""
    if step.fault == "swap":
        return f"{kind} {written} comes before {kind} {written - 1}; put {kind} {written - 1} first {order}"
    if step.fault == "renumber":
        return f"{twice or after}; write '## {word} {read}' {order}"
    if step.fault == "drop":
        if twice:
            return f"{twice}; remove one of them {order}"
        return f"{after}; expected {kind} {step.previous + 1} {order}" if kind == "week" else f"{after}; days must be numbered in increasing order"
    if kind == "week" and written > read:
        missing = f"week {read} is missing" if written == read + 1 else f"weeks {read} to {written - 1} are missing"
        return f"{missing}: {after}; add {'it' if written == read + 1 else 'them'}, or renumber the weeks from here {order}"
    return f"{after}; write '## {word} {read}' and renumber the {kind}s after it {order}"
