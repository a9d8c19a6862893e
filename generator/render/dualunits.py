"""Text in both unit systems, of which the page shows one (``html[data-units]``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from markupsafe import Markup, escape


def dual(make: Callable[[str], str], primary: str) -> Markup:
    """Text in both unit systems; ``make(unit)`` gives the text for one. One span when they agree.

    Only the words that differ are doubled: ``Easy <span class="u-km">8 km</span><span
    class="u-mi">5 mi</span> @ easy``. The shared start ends after a space and the shared end
    starts at a character that is not a letter, digit, point or comma, so a number is never cut."""
    return _markup(make("km"), make("mi"), primary)


@lru_cache(maxsize=8192)  # a plan says "Easy 8 km" many times, and a library more
def _markup(km: str, mi: str, primary: str) -> Markup:
    if km == mi:
        return escape(km)
    start = _shared_start(km, mi)
    end = _shared_end(km, mi, start)
    first, second = ("km", "mi") if primary == "km" else ("mi", "km")
    texts = {"km": escape(km[start:len(km) - end]), "mi": escape(mi[start:len(mi) - end])}
    return Markup(f'{escape(km[:start])}<span class="u-{first}">{texts[first]}</span>'
                  f'<span class="u-{second}">{texts[second]}</span>{escape(km[len(km) - end:])}')


def _shared_start(a: str, b: str) -> int:
    """The length of the words both texts start with (up to and with a space)."""
    limit = min(len(a), len(b))
    n = 0
    while n < limit and a[n] == b[n]:
        n += 1
    while n > 0 and a[n - 1] != " ":
        n -= 1
    return n


def _shared_end(a: str, b: str, start: int) -> int:
    """The length of the end both texts share after ``start``, from a space or punctuation on."""
    limit = min(len(a), len(b)) - start
    n = 0
    while n < limit and a[-1 - n] == b[-1 - n]:
        n += 1
    while n > 0 and (a[-n].isalnum() or a[-n] in ".,"):  # a number's point, or its decimal comma
        n -= 1
    return n


def pick(texts: dict[str, list[str]], index: int) -> Callable[[str], str]:
    """``make`` for :func:`dual` from lists of texts by unit: the ``index``-th of each."""
    return lambda unit: texts[unit][index]
